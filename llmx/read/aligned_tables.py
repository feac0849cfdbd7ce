"""Columns aligned by spaces (`pdftotext -layout` text, a table typed with spaces) found as tables. Pure.

Layout text keeps a table's columns only as runs of spaces, and the same spaces also set a
letterhead beside `CỘNG HÒA XÃ HỘI ...`, a signature beside `Nơi nhận:` and justified prose
apart, so a run is read as a table only when it plainly is one:

- at least three consecutive lines (one blank line between rows is allowed, as layout text
  often double-spaces a table), each with three or more pieces set apart by two or more spaces,
  not counting punctuation or a list mark (a `label   :   125` list, a table of contents
  `1.   Kết quả thực hiện   3` are not tables);
- at least two of them hold a figure piece (`1.250`, `98,5`, `12%`), and in those rows the
  same columns are empty of text: every gap between columns is at least two spaces wide in
  every one of them, and there are at least three columns;
- some column holds only figures in those rows (a column of numbers is what a table is for; a
  code block `x = 1    y = 2` or a letterhead has none).

Cells are cut by the columns found on the figure rows; each piece of any row goes whole to the
column it overlaps most (`llmx.read.columns`), so a header wider than its figures lands over
them, and a header wrapped over lines above the first figure row is joined, column by column,
into one row. A name that wraps onto a line of its own breaks the run (left as text): which row
it belongs to is a guess. A group row (`I     CHỈ TIÊU KINH TẾ`, `A     CHĂN NUÔI`) stays in the
table when a row follows it.
"""

from __future__ import annotations

import re

from llmx.read.columns import Word, cells_by_extents, chunks
from llmx.read.table_blocks import FIGURE, Block, fills_a_cell, past_one_blank, plain_spec

MIN_ROWS = 3
MIN_PIECES = 3  # pieces set apart by two or more spaces on a row line
MIN_COLUMNS = 3
MIN_FIGURE_ROWS = 2
MIN_GAP = 2  # columns of spaces between two table columns

# a group row: a Roman numeral or a capital letter in the STT column, then the group's name
_GROUP = re.compile(r"^\s*(?:[IVX]{1,4}|[A-Đ])\.?\s{2,}\S")
_TWO_GAPS = re.compile(r"\S {2,}\S.*?\S {2,}\S")  # three pieces at least: a cheap test before cutting


def _pieces(line: str) -> list[Word] | None:
    """The pieces of a line that may be a table row, None when it cannot be one."""
    if "\t" in line or "|" in line or not _TWO_GAPS.search(line):
        return None
    got = chunks(line)
    return got if sum(1 for p in got if fills_a_cell(p.text)) >= MIN_PIECES else None


def _spans(rows: list[list[Word]]) -> list[tuple[int, int]]:
    """Column spans: display columns covered by some piece, split where every row is blank for
    at least MIN_GAP columns."""
    width = max(p.end for r in rows for p in r)
    used = [False] * width
    for r in rows:
        for p in r:
            for c in range(p.start, p.end):
                used[c] = True
    spans: list[tuple[int, int]] = []
    c = 0
    while c < width:
        if not used[c]:
            c += 1
            continue
        start = c
        while c < width:
            if used[c]:
                c += 1
                continue
            gap = c
            while gap < width and not used[gap]:
                gap += 1
            if gap - c >= MIN_GAP:
                break
            c = gap  # a single space between words inside a column
        spans.append((start, c))
    return spans


def _next_row(lines: list[str], j: int) -> int | None:
    """Line `j` or, past one blank line, `j + 1`, when it may be a row of the table."""
    k = past_one_blank(lines, j)
    return k if k < len(lines) and _pieces(lines[k]) is not None else None


def _group_line(lines: list[str], j: int) -> bool:
    """Line `j` is a group row (`I     CHỈ TIÊU KINH TẾ`: a Roman numeral or a capital letter, then
    the name) with a row of the table right after it (maybe past one blank line). A name wrapped
    onto a line of its own is not one (which row it belongs to is a guess)."""
    line = lines[j] if j < len(lines) else ""
    if "\t" in line or "|" in line or not _GROUP.match(line) or len(chunks(line)) != 2:
        return False
    return _next_row(lines, j + 1) is not None


def _run(lines: list[str], i: int) -> tuple[list[int], list[int]]:
    """The row lines of the run from line `i` and, among them, the short group rows."""
    taken, groups = [i], []
    j = i + 1
    while j < len(lines):
        nxt = _next_row(lines, j)
        if nxt is None:
            k = j + 1 if j < len(lines) and not lines[j].strip() else j
            if not _group_line(lines, k):
                break
            groups.append(k)
            taken.append(k)
            j = k + 1
            continue
        taken.append(nxt)
        j = nxt + 1
    return taken, groups


def aligned_table(lines: list[str], i: int) -> tuple[Block | None, int]:
    """The space-aligned table starting at line `i`, if one does; and the next line to try."""
    if _pieces(lines[i]) is None:
        return None, i + 1
    taken, groups = _run(lines, i)
    rows_end = taken[-1] + 1
    pieces = {n: _pieces(lines[n]) or [] for n in taken}
    figure_rows = [n for n in taken if any(FIGURE.match(p.text) for p in pieces[n])]
    if len(taken) - len(groups) < MIN_ROWS or len(figure_rows) < MIN_FIGURE_ROWS:
        return None, rows_end
    spans = _spans([pieces[n] for n in figure_rows])
    if len(spans) < MIN_COLUMNS:
        return None, rows_end
    # a group row names its group from the first columns; a short line further right (a caption,
    # a signature) ends the table there
    late = [n for n in groups if chunks(lines[n])[0].start >= spans[1][0]]
    if late:
        taken = [n for n in taken if n < late[0]]
        figure_rows = [n for n in figure_rows if n < late[0]]
        if len(figure_rows) < MIN_FIGURE_ROWS:
            return None, rows_end
    end = taken[-1] + 1
    grid = {n: cells_by_extents(lines[n], spans, chunks) for n in taken}
    figures_only = any(
        all(not grid[n][c] or FIGURE.match(grid[n][c]) for n in figure_rows)
        and sum(1 for n in figure_rows if grid[n][c]) >= MIN_FIGURE_ROWS
        for c in range(len(spans))
    )
    if not figures_only:
        return None, rows_end
    rows = [grid[n] for n in taken]
    above = next(k for k, n in enumerate(taken) if n == figure_rows[0] or n in groups)
    if above > 1:  # a header wrapped over lines above the first figure row: one header row again
        rows[:above] = [[" ".join(c for c in column if c) for column in zip(*rows[:above], strict=True)]]
    return Block(i, end, plain_spec(rows, len(spans), header=False)), end
