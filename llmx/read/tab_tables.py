"""Tab-separated tables in a text file (pasted from Excel or Word) found as tables. Pure.

A table copied out of Excel or Word into a .txt keeps one line per row with a tab between cells
(`STT\\tChỉ tiêu\\tĐơn vị\\tKH 2025\\tTH 6 tháng\\t% KH`). Tabs also lay out text that is not a
table, so a run of lines counts only when at least two of its rows hold three or more cells
with words or figures in them and a digit appears somewhere: a paragraph indented by a tab, a
`Nơi nhận:` column set beside the signature, a header block (`UBND XÃ ...\\t\\tCỘNG HÒA ...`) or a
`label\\t:\\tvalue` list has at most two such cells a line. Inside a run a line goes on the table
when it has two filled cells (a group row `I\\tCHỈ TIÊU KINH TẾ`) or as many cells as the first
row. A cell Excel quoted because it holds line breaks (`"Tổng thu\nngân sách"`) is read back as
one cell. Columns empty in every row (a leading tab that indents the whole table, tabs that only
push text right) are dropped; short rows are padded.
"""

from __future__ import annotations

import csv

from llmx.read.merged_headers import flat_header, widen_header
from llmx.read.model import TableSpec
from llmx.read.pipe_tables import two_level
from llmx.read.table_blocks import FENCE, FIGURE, Block, fills_a_cell, has_figure, plain_spec

MIN_CELLS = 3  # filled cells of a row that makes a run a table
MIN_FULL_ROWS = 2  # ... and how many such rows it takes
MAX_CELL_LINES = 8  # lines one quoted Excel cell may run over
MAX_HEADER_ROWS = 3  # header rows a merged header pasted with fewer cells may take


def _row(lines: list[str], j: int) -> tuple[list[str], int] | None:
    """The tab-separated cells of the row at line `j` (trailing empty cells dropped) and the line
    after it; None without a tab. A cell Excel quoted (`"Tổng thu\nngân sách"`, `""` for a quote)
    may run over MAX_CELL_LINES lines; it is read back as one cell."""
    line = lines[j].rstrip("\r\n")
    if "\t" not in line.strip():
        return None
    end = j + 1
    if '"' in line and any(c.startswith('"') for c in line.split("\t")):
        quotes = line.count('"')
        while quotes % 2 and end < len(lines) and end - j < MAX_CELL_LINES:
            quotes += lines[end].count('"')
            end += 1
        if quotes % 2:
            end = j + 1
        text = "\n".join(ln.rstrip("\r\n") for ln in lines[j:end])
        cells = [c.strip() for c in next(csv.reader([text], delimiter="\t", strict=False), [])]
    else:
        cells = [c.strip() for c in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return cells, end


def _filled(cells: list[str]) -> int:
    return sum(1 for c in cells if fills_a_cell(c))


def tab_run(lines: list[str], i: int) -> tuple[Block | None, int]:
    """The tab-separated table starting at line `i`, if one does; and the next line to try."""
    got = _row(lines, i)
    if got is None or _filled(got[0]) < 2:
        return None, i + 1
    first, j = got
    rows = [first]
    while j < len(lines) and not FENCE.match(lines[j]) and (got := _row(lines, j)) is not None:
        cells, after = got
        if _filled(cells) < 2 and len(cells) < len(first):
            break
        rows.append(cells)
        j = after
    if sum(1 for r in rows if _filled(r) >= MIN_CELLS) < MIN_FULL_ROWS or not has_figure(rows):
        return None, j
    width = max(map(len, rows))
    padded = [r + [""] * (width - len(r)) for r in rows]
    keep = [c for c in range(width) if any(r[c] for r in padded)]
    kept = [[r[c] for c in keep] for r in padded]
    return Block(
        i,
        j,
        _merged_header(rows, kept, len(keep))
        or flat_header(kept, len(keep))
        or two_level(kept, len(keep))
        or plain_spec(kept, len(keep), header=False),
    ), j


def _merged_header(rows: list[list[str]], kept: list[list[str]], width: int) -> TableSpec | None:
    """The table with its upper header rows placed over the row under them, when the first row
    was pasted with fewer cells than the table (merged header cells written once)."""
    if len(rows[0]) >= width or len(kept[0]) != width:
        return None
    for top in range(1, min(MAX_HEADER_ROWS, len(rows) - 1)):
        if len(rows[top]) >= len(rows[top - 1]) and any(t and not FIGURE.match(t) for t in rows[top]):
            trimmed = [r[: len(rows[t])] for t, r in enumerate(kept[:top])] + kept[top:]
            if spec := widen_header(trimmed, top, width):
                return spec
    return None
