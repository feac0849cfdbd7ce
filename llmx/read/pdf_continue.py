"""A ruled table that runs over a page break, read back as the one table it is. Pure.

Word and LibreOffice repeat a table's header rows at the top of every page it runs onto (Word's
"repeat as header row") and, unless told otherwise, let a row break across the page: the row's
first lines end the page, the rest of its text opens the next page's part as a row of its own,
its number (`STT`/`TT`) and figure cells empty. The .docx of the same report has one table, its
header once and flagged, each row whole. So, when the next page's grid has the same columns:

* its leading rows that repeat the table's first rows are header rows: both copies are flagged
  as header (the text keeps what the page shows; `llmx.grids` counts the repeats as such);
* its first other row is the rest of the table's last row when its first cell is empty where the
  last row's is not, each of its texts sits under a text of the last row that is no figure, and
  the text plainly goes on: a cell starts with a lowercase word, or the cell above it ran over
  several lines (cut by the page's end). Its texts are appended to the cells above them.
"""

from __future__ import annotations

from collections.abc import Callable

from llmx.read.model import CellSpec, TableSpec
from llmx.read.pdf_tables import FIGURE_CELL

_MAX_HEADER = 5  # rows: a repeated header is a few rows, never a page of them


def _key(row: tuple[CellSpec, ...]) -> tuple[tuple[int, int, str], ...]:
    return tuple((c.col, c.colspan, " ".join(c.text.split())) for c in row if not c.covered)


def repeated_rows(prev: TableSpec, new: TableSpec) -> int:
    """How many leading rows of `new` repeat the leading rows of `prev` (its header, set again on
    the new page); a row of one text or of figures only is not taken for a header."""
    n = 0
    while n < min(_MAX_HEADER, len(prev.rows) - 1, len(new.rows)):
        key = _key(new.rows[n])
        texts = [t for _, _, t in key if t]
        if key != _key(prev.rows[n]) or not texts or all(FIGURE_CELL.match(t) for t in texts):
            break
        n += 1
    return n


def _first_text(row: tuple[CellSpec, ...]) -> CellSpec | None:
    return next((c for c in row if not c.covered), None)


def _unnumbered(row: tuple[CellSpec, ...]) -> bool:
    """A row with text but none in its first cell (a sub-item, or the rest of a split row)."""
    first = _first_text(row)
    return first is not None and not first.text.strip() and any(c.text.strip() for c in row)


def continues_row(
    last: tuple[CellSpec, ...], row: tuple[CellSpec, ...], lines: dict[int, int], sub_rows: bool = False
) -> bool:
    """Whether `row`, opening a page, is the rest of `last`, the row that ended the page before
    (see the module docstring); `lines[col]` counts the lines of `last`'s cell in `col`. In a
    table that has unnumbered rows of its own (`sub_rows`: a criterion's scoring lines under it),
    only a cell going on in lowercase tells the rest of a row from such a row."""
    head, first = _first_text(last), _first_text(row)
    if head is None or first is None or first.col != head.col or first.text.strip() or not head.text.strip():
        return False
    above = {(c.col, c.colspan): c for c in last if not c.covered}
    filled = [c for c in row if not c.covered and c.text.strip()]
    if not filled:
        return False
    goes_on = False
    for c in filled:
        up = above.get((c.col, c.colspan))
        if up is None or not up.text.strip() or FIGURE_CELL.match(up.text.strip()):
            return False
        text = c.text.strip()
        if text[0].islower() or (lines.get(c.col, 1) >= 2 and not sub_rows):
            goes_on = True
    return goes_on


def _joined(
    last: tuple[CellSpec, ...], rest: tuple[CellSpec, ...], join: Callable[[str, str], str]
) -> tuple[CellSpec, ...]:
    more = {(c.col, c.colspan): c.text.strip() for c in rest if not c.covered and c.text.strip()}
    out: list[CellSpec] = []
    for c in last:
        extra = more.get((c.col, c.colspan))
        out.append(CellSpec(join(c.text, extra), c.col, c.colspan, c.rowspan, c.header, c.covered) if extra else c)
    return tuple(out)


def continued(prev: TableSpec, new: TableSpec, lines: dict[int, int], join: Callable[[str, str], str]) -> TableSpec:
    """`prev` with `new`, its continuation on the next page, appended: repeated header rows flagged
    in both, a row split by the page break joined again (`join(text, more)` joins a cell's text)."""
    n = repeated_rows(prev, new)
    header = set(prev.header_rows) | set(range(n))
    rows = list(prev.rows)
    start = len(rows)
    header |= {start + k for k in range(n)}
    rows += [tuple(_flagged(c) for c in r) for r in new.rows[:n]]
    rest = list(new.rows[n:])
    # the row the page ended with (a page holding only the rest of one tall row adds no row)
    last = next((k for k in range(start - 1, -1, -1) if k not in header), None)
    if (
        rest
        and last is not None
        and _unnumbered(rest[0])
        and continues_row(
            rows[last], rest[0], lines, any(_unnumbered(r) for k, r in enumerate(rows) if k not in header)
        )
    ):
        rows[last] = _joined(rows[last], rest.pop(0), join)
    rows += rest
    if n:
        rows[:n] = [tuple(_flagged(c) for c in r) for r in rows[:n]]
    return TableSpec(tuple(rows), frozenset(header), prev.page)


def _flagged(c: CellSpec) -> CellSpec:
    return c if c.header else CellSpec(c.text, c.col, c.colspan, c.rowspan, True, c.covered)
