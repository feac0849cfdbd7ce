"""Header rows with merged cells, pasted as text, given back their spans. Pure.

A Word or Excel table whose header has merged cells (`Kết quả thực hiện` over `Kế hoạch |
Thực hiện | Tỷ lệ`, `STT` spanning both header rows) is pasted as text, tab or ` | ` separated,
with FEWER cells on the upper header row: a merged cell is written once, and the row under it
has an empty cell where a cell above spans down (Word's copy, pandoc, llmx's own read text):

    STT | Chỉ tiêu | ĐVT | Kết quả thực hiện
     |  |  | Kế hoạch | Thực hiện | Tỷ lệ
    1 | Tỷ lệ ... | % | 95 | 96,2 | 101,3

Read as it stands, the table would start at the second row or the rows would not line up. Here
the upper rows are placed over the full row under them as the .docx reader places merged cells
(`llmx.read.docx`, `model.grid_rows`): a cell above an empty cell spans down into it (the empty
cell becomes a covered stand-in), the other cells are groups over the run of filled cells under
them. When several groups share one run, they split it evenly; when the run does not divide
evenly, by the period of the labels under it (`Tỷ lệ | Điểm | Tỷ lệ | Điểm ...`), the later
groups equal and the first taking the rest. Only rows without figures are read as such a header.
"""

from __future__ import annotations

from llmx.read.model import CellSpec, TableSpec
from llmx.read.table_blocks import DIGIT, FIGURE, plain_spec


def _period(labels: list[str]) -> int:
    """The smallest period of the labels' first words that divides their count (1: none)."""
    firsts = [t.split()[0].lower() if t.split() else "" for t in labels]
    n = len(firsts)
    for p in range(2, n // 2 + 1):
        if n % p == 0 and all(firsts[k] == firsts[k + p] for k in range(n - p)):
            return p
    return 1


def _split(length: int, groups: int, labels: list[str]) -> list[int] | None:
    """Widths of `groups` cells over a run of `length` columns (None: they cannot share it)."""
    if groups < 1 or groups > length:
        return None
    if length % groups == 0:
        return [length // groups] * groups
    p = _period(labels)
    units = length // p
    if units < groups:
        return None
    each = -(-units // groups)
    first = units - each * (groups - 1)
    if first < 1:
        return None
    return [first * p] + [each * p] * (groups - 1)


def _place(upper: list[str], below: list[CellSpec | None], width: int) -> list[CellSpec] | None:
    """`upper`'s cells laid over the full row under it. `below[c]` is the cell under column `c`
    (None where that column is empty: a cell above spans down into it)."""
    empty = [c for c in range(width) if below[c] is None]
    out: list[CellSpec] = []
    u, c = 0, 0
    while c < width:
        if u >= len(upper):
            return None
        if below[c] is None:
            out.append(CellSpec(upper[u], c, header=True))
            u, c = u + 1, c + 1
            continue
        end = c
        while end < width and below[end] is not None:
            end += 1
        groups = len(upper) - u - sum(1 for e in empty if e >= end)
        labels = [b.text for b in below[c:end] if b is not None]
        widths = _split(end - c, groups, labels)
        if widths is None:
            return None
        for w in widths:
            out.append(CellSpec(upper[u], c, colspan=w, header=True))
            u, c = u + 1, c + w
    return out if u == len(upper) else None


def widen_header(rows: list[list[str]], top: int, width: int) -> TableSpec | None:
    """The table of `rows` whose first `top` rows are a header pasted with fewer cells than the
    `width` of the rows under them; None when they cannot be placed (or hold a figure)."""
    head = rows[: top + 1]
    if any(FIGURE.match(t) for r in head for t in r if t) or len(rows[top]) != width:
        return None
    # from the bottom header row up: each row placed over the (already placed) row under it
    placed: list[list[CellSpec]] = [[CellSpec(t, c, header=True) for c, t in enumerate(rows[top])]]
    for r in range(top - 1, -1, -1):
        under = placed[0]
        below: list[CellSpec | None] = [None] * width
        for cell in under:
            if cell.text:
                for k in range(cell.col, cell.col + cell.colspan):
                    below[k] = cell
        upper = rows[r]
        if len(upper) == width and all(b is not None for b in below):
            row = [CellSpec(t, c, header=True) for c, t in enumerate(upper)]
        else:
            got = _place(upper, below, width)
            if got is None:
                return None
            row = got
        placed.insert(0, row)
    # a cell above an empty cell spans down into it; the empty cell becomes a covered stand-in
    spec_rows: list[tuple[CellSpec, ...]] = []
    for r, row in enumerate(placed):
        cells = []
        for cell in row:
            if (
                not cell.text
                and r
                and any(
                    x.col == cell.col and (x.text or x.covered) for x in spec_rows[r - 1] if x.colspan == cell.colspan
                )
            ):
                cells.append(CellSpec("", cell.col, cell.colspan, header=True, covered=True))
                continue
            down = 1
            while r + down < len(placed) and any(
                x.col == cell.col and not x.text for x in placed[r + down] if x.colspan == cell.colspan
            ):
                down += 1
            cells.append(CellSpec(cell.text, cell.col, cell.colspan, down if cell.text else 1, header=True))
        spec_rows.append(tuple(cells))
    return TableSpec((*spec_rows, *body_rows(rows[top + 1 :], width)), frozenset(range(top + 1)))


MAX_LABEL_SPAN = 3  # columns a row's label may span (`Tổng cộng` over STT, name and unit)


def label_spans(cells: list[str], width: int) -> bool:
    """A row pasted with fewer cells because its label spans the first columns (a total row:
    `CHỈ SỐ CHUNG | 83,0% | 39/63`, `Tổng cộng | 1.250 | 986`): a text, then figures."""
    rest = cells[1:]
    return (
        2 <= len(cells) < width
        and width - len(cells) < MAX_LABEL_SPAN
        and bool(cells[0])
        and not FIGURE.match(cells[0])
        and any(rest)
        and all(not t or FIGURE.match(t.rstrip("%")) or DIGIT.search(t) for t in rest)
    )


def body_rows(rows: list[list[str]], width: int) -> tuple[tuple[CellSpec, ...], ...]:
    """Body rows as cells; a row with fewer cells whose label spans (`label_spans`) is given the
    span the .docx reader gives that merged cell, other short rows are padded."""
    out = []
    for cells in rows:
        if len(cells) < width and label_spans(cells, width):
            span = width - len(cells) + 1
            row = [CellSpec(cells[0], 0, colspan=span)]
            row += [CellSpec(t, span + k) for k, t in enumerate(cells[1:])]
            out.append(tuple(row))
        else:
            out.extend(plain_spec([cells], width, header=False).rows)
    return tuple(out)


MAX_FLAT_HEADER_ROWS = 3  # header rows of a table Excel flattened (a title, a group, the columns)


def flat_header(rows: list[list[str]], width: int) -> TableSpec | None:
    """A table whose merged header cells were flattened to the same width (Excel's copy, a pasted
    run: `Năm 2025 |  | ` over `Kế hoạch | Thực hiện`), read as a merged header. Bottom up, an
    empty cell is a stand-in for a cell spanning down when the cell under it is one too (in the
    lowest header row every empty cell is), else it continues the group on its left; the rows are
    then written as Word writes them and placed by `widen_header`."""
    for top in range(1, min(MAX_FLAT_HEADER_ROWS, len(rows) - 1)):
        head = [r + [""] * (width - len(r)) for r in rows[: top + 1]]
        if not any(FIGURE.match(t) for t in rows[top + 1]) or any(FIGURE.match(t) for r in head for t in r if t):
            continue
        standins = {c for c, t in enumerate(head[top]) if not t}
        written = [head[top]]
        changed = False
        for r in range(top - 1, -1, -1):
            row = head[r]
            if not row[0] and 0 not in standins:
                break
            keep = [t for c, t in enumerate(row) if t or c in standins]
            changed = changed or len(keep) < width
            named_under = [c for c, t in enumerate(head[r + 1]) if t and c not in standins]
            # every column named below sits under a group (a cell followed by empty ones) of this row
            if any(row[c] and not (c + 1 < width and not row[c + 1] and c + 1 not in standins) for c in named_under):
                break
            standins = {c for c in standins if not row[c]}
            written.insert(0, keep)
        else:
            if changed and (spec := widen_header([*written, *rows[top + 1 :]], top, width)) is not None:
                return spec
    return None
