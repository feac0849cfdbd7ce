"""What a table's rows are: which lead rows are its header, and each column's header words. Pure.

The reader flags header rows only when the file says so (Word's repeated header row, HTML `<th>`);
a PDF grid or an unflagged Word table has none. Every later stage needs the same answer (the
section tree and the output's `tables` entry count header rows, the KPI rules name columns by
them, the LLM chunker repeats them above a split table), so it is decided once, here:

* a flagged lead row is a header row;
* otherwise the first row is a header when it holds at least two texts and no figures (a year
  such as `2025`, `Năm 2025` or `2025/2024` is a column name, not a figure);
* a later row still belongs to the header while it holds no figures and hangs under the rows
  above: a header cell spans down into it (`rowspan`), or spans across columns it names
  (a two-level header: `Kết quả` over `KH | TH`);
* a title or unit row at the top of the table (one cell across it: `Biểu 01: Kết quả ...`,
  `ĐVT: triệu đồng`) is a header row that names no column;
* a row of column numbers under the header (`A | B | 1 | 2 | 3=2/1`, `(1) | (2) | (3)`, as the
  appendices of the genre print them) belongs to the header, flagged or not, but names nothing;
* a row further down whose cells repeat the header rows (a PDF page break, Word repeating the
  header on every page) is a repeated header, not data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from llmx.read.model import Row, Table

# a value or a row number: a number, then at most two words (`120 ha`, `1.234 tỷ đồng`, `99,9%`, `12/63`)
_FIGURE = re.compile(r"^[~≈<>≤≥+\-–]?\s*\d[\d.,/%\s]*(?:[^\W\d_]+\s*){0,2}$")
_YEAR = re.compile(r"^(?:19|20)\d{2}(?:\s*[/–-]\s*(?:19|20)\d{2})?$")  # a column named by its year(s): `2025/2024`
_PERIOD = re.compile(r"^\d{1,2}\s*(?:tháng|quý|tuần|ngày|năm)\b", re.I)  # `3 tháng`, `6 tháng đầu năm`: a period
# one cell of a column-number row: `A`, `1`, `(2)`, `3=2/1`, `(5)=(4)/(3)`
_COLUMN_NUMBER = re.compile(r"^\(?(?:[A-ZĐ]|(?P<n>\d{1,2}))\)?(?:\s*=\s*[\d()\s/*x×:+.,%-]{1,30})?$")


def is_figure(cell_text: str) -> bool:
    """A cell that holds a figure (or a row number), not a column name (`2025`, `6 tháng đầu năm`)."""
    t = cell_text.strip()
    return bool(_FIGURE.match(t)) and not _YEAR.match(t) and not _PERIOD.match(t)


def is_column_numbers(texts: list[str]) -> bool:
    """A row that only numbers the columns (`A | B | 1 | 2 | 3=2/1`): letters and numbers counting up."""
    filled = [t for t in texts if t]
    matches = [_COLUMN_NUMBER.match(t) for t in filled]
    if len(filled) < 3 or not all(matches):
        return False
    numbers = [int(m.group("n")) for m in matches if m is not None and m.group("n")]
    return len(numbers) >= 2 and all(b == a + 1 for a, b in pairwise(numbers))


@dataclass(frozen=True)
class Grid:
    """A table read as a grid: its header rows, repeated headers, and each column's header words."""

    table: Table
    header_rows: int  # the first `header_rows` rows are the header
    repeats: frozenset[int]  # later rows that repeat a header row
    columns: tuple[tuple[str, ...], ...]  # per grid column: its header cells' texts, top to bottom

    def data_rows(self) -> list[tuple[int, Row]]:
        """(index, row) of every row that is neither a header row nor a repeat of one."""
        return [(k, r) for k, r in enumerate(self.table.rows) if k >= self.header_rows and k not in self.repeats]

    def header_span(self) -> tuple[int, int] | None:
        """Where the header rows sit in the text (start of the first, end of the last)."""
        if not self.header_rows:
            return None
        return self.table.rows[0].start, self.table.rows[self.header_rows - 1].end


def _texts(text: str, row: Row) -> list[str]:
    return [text[c.start : c.end].strip() for c in row.cells]


def _row_key(text: str, row: Row) -> tuple[str, ...]:
    return tuple(_texts(text, row))


def _hangs_under(above: list[Row], row: Row, text: str) -> bool:
    """True when a header cell above spans down into `row` or across columns `row` names."""
    named = [c for c in row.cells if not c.covered and text[c.start : c.end].strip()]
    for prev in above:
        for c in prev.cells:
            if c.covered:
                continue
            if c.rowspan > 1 and any(x.covered and x.col == c.col for x in row.cells):
                return True
            if c.colspan > 1 and any(c.col <= n.col < c.col + c.colspan for n in named):
                return True
    return False


def header_count(text: str, table: Table) -> int:
    """How many lead rows of `table` are its header (see the module docstring)."""
    rows = table.rows
    count = 0
    while count < len(rows) and rows[count].header:
        count += 1
    if count:
        return _with_column_numbers(text, rows, count)
    if not rows:
        return 0
    titles = _titles(text, rows)
    first = [t for t in _texts(text, rows[titles]) if t]
    if len(first) < 2 or any(is_figure(t) for t in first) or len(rows) < titles + 2:
        return 0
    count = titles + 1
    while count < len(rows) - 1:
        texts = [t for t in _texts(text, rows[count]) if t]
        if is_column_numbers(texts):
            return count + 1
        above = list(rows[titles:count])
        if not texts or any(is_figure(t) for t in texts) or not _hangs_under(above, rows[count], text):
            break
        count += 1
    return count


def _is_title(text: str, row: Row) -> bool:
    """A row of one text, no figure, in a table of several columns (a caption or `ĐVT: ...` kept inside it)."""
    filled = [t for c in row.cells if not c.covered and (t := text[c.start : c.end].strip())]
    wide = len(row.cells) > 1 or any(c.colspan > 1 for c in row.cells)
    return wide and len(filled) == 1 and not is_figure(filled[0])


def _titles(text: str, rows: tuple[Row, ...] | list[Row], keep: int = 2) -> int:
    """How many lead rows are titles (leaving `keep` rows: a header and a data row must follow)."""
    n = 0
    while n < len(rows) - keep and _is_title(text, rows[n]):
        n += 1
    return n


def _with_column_numbers(text: str, rows: tuple[Row, ...], count: int) -> int:
    """`count` header rows, plus the row of column numbers right under them."""
    return count + 1 if count < len(rows) - 1 and is_column_numbers(_texts(text, rows[count])) else count


def _column_words(text: str, header: list[Row], columns: int) -> tuple[tuple[str, ...], ...]:
    header = [row for row in header[_titles(text, header, keep=1) :] if not is_column_numbers(_texts(text, row))]
    grid: list[list[str]] = []  # grid[col][row]: the header text over each column, row by row
    for col in range(columns):
        cells = [next((c for c in row.cells if c.col <= col < c.col + c.colspan), None) for row in header]
        grid.append([text[c.start : c.end].strip() if c is not None and not c.covered else "" for c in cells])
    _settle_straddlers(header, grid)
    out: list[tuple[str, ...]] = []
    for texts in grid:
        words: list[str] = []
        for t in texts:
            if t and (not words or words[-1] != t):
                words.append(t)
        out.append(tuple(words))
    return tuple(out)


def _settle_straddlers(header: list[Row], grid: list[list[str]]) -> None:
    """A lower header cell that spans two groups (Word's narrow phantom grid column: `Điểm số` over
    the last column of `Đắk Nông` and the first of `Bình Thuận`) belongs to the group that does not
    have that leaf yet: sibling groups repeat the same leaves (`Điểm số | Chỉ số | Thứ hạng`)."""
    for r, row in enumerate(header):
        for cell in row.cells:
            span = range(cell.col, min(cell.col + cell.colspan, len(grid)))
            above = {tuple(grid[c][:r]) for c in span}
            if r == 0 or cell.covered or len(above) < 2:
                continue
            taken = {tuple(grid[c][: r + 1]) for c in range(len(grid)) if c not in span}
            free = [a for a in above if (*a, grid[cell.col][r]) not in taken]
            if len(free) == 1:
                for c in span:
                    grid[c][:r] = list(free[0])


def read_grid(text: str, table: Table) -> Grid:
    """The table's header rows, repeated headers and column header words."""
    n = header_count(text, table)
    keys = {_row_key(text, r) for r in table.rows[:n]}
    repeats = frozenset(k for k, r in enumerate(table.rows) if k >= n and _row_key(text, r) in keys)
    return Grid(table, n, repeats, _column_words(text, list(table.rows[:n]), table.columns))
