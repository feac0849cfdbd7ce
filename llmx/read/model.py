"""What the read stage hands on: text plus the tables inside it, with exact offsets.

Every reader builds its text through `TextBuilder`, so tables come out in one fixed shape: one
line per row, cells joined by `CELL_SEP`, a cell's own line breaks and tabs replaced by a space,
and a blank line before and after the table. `Table` records where the table, each row and each
cell sit in that text (`text[cell.start:cell.end]` is the cell's text), which grid column a
cell starts in and how many columns/rows it spans, so later stages (section tree, KPI tables,
the LLM prompt) never have to re-parse the `|` lines. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

CELL_SEP = " | "
_CELL_SPACE = re.compile(r"[\t\n\r\v\f]+")


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a row: its span in the text and its place in the table grid."""

    start: int
    end: int
    col: int  # grid column (0-based) of the cell's first column
    colspan: int = 1
    rowspan: int = 1
    header: bool = False  # a header cell (<th>, a Word header row)
    covered: bool = False  # empty stand-in for a grid position merged into a cell above


@dataclass(frozen=True, slots=True)
class Row:
    start: int
    end: int
    cells: tuple[Cell, ...]
    header: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A data table in the text: one line per row, `CELL_SEP` between cells."""

    start: int
    end: int
    rows: tuple[Row, ...]
    columns: int  # width of the grid
    page: int | None = None  # 1-based page of a PDF table's first row

    def mapped(self, where: Callable[[int], int]) -> Table:
        """The same table with every offset passed through `where` (a monotone offset map)."""
        rows = tuple(
            replace(
                r,
                start=where(r.start),
                end=where(r.end),
                cells=tuple(replace(c, start=where(c.start), end=where(c.end)) for c in r.cells),
            )
            for r in self.rows
        )
        return replace(self, start=where(self.start), end=where(self.end), rows=rows)


@dataclass(frozen=True, slots=True)
class CellSpec:
    """A cell as a reader found it, before it has offsets."""

    text: str
    col: int
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    covered: bool = False


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table as a reader found it: rows of cells, `header` rows flagged."""

    rows: tuple[tuple[CellSpec, ...], ...]
    header_rows: frozenset[int] = frozenset()
    page: int | None = None


@dataclass
class Extracted:
    """A reader's result: text with its tables, problem messages, a page title if any."""

    text: str
    tables: list[Table] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    title: str | None = None


def cell_text(text: str) -> str:
    """A cell's text on one line: line breaks and tabs become one space, edges trimmed."""
    return _CELL_SPACE.sub(" ", text).strip()


@dataclass
class TextBuilder:
    """Joins blocks (paragraphs and tables) with a blank line and records table offsets."""

    parts: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    size: int = 0

    def _write(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)

    def _separate(self, sep: str) -> None:
        if self.size:
            self._write(sep)

    def paragraph(self, text: str, sep: str = "\n\n") -> None:
        """A block of text; `sep` goes before it unless it is the first block."""
        self._separate(sep)
        self._write(text)

    def table(self, spec: TableSpec, sep: str = "\n\n") -> None:
        """A table as one line per row; rows without any text are left out."""
        rows = [(k, r) for k, r in enumerate(spec.rows) if any(cell_text(c.text) for c in r)]
        if not rows:
            return
        self._separate(sep)
        start = self.size
        out_rows: list[Row] = []
        columns = 0
        for index, cells in rows:
            if out_rows:
                self._write("\n")
            row_start = self.size
            out_cells: list[Cell] = []
            for i, c in enumerate(cells):
                if i:
                    self._write(CELL_SEP)
                t = cell_text(c.text)
                out_cells.append(Cell(self.size, self.size + len(t), c.col, c.colspan, c.rowspan, c.header, c.covered))
                self._write(t)
                columns = max(columns, c.col + c.colspan)
            header = index in spec.header_rows or (bool(cells) and all(c.header or c.covered for c in cells))
            out_rows.append(Row(row_start, self.size, tuple(out_cells), header))
        self.tables.append(Table(start, self.size, tuple(out_rows), columns, spec.page))

    def text(self) -> str:
        return "".join(self.parts)


def grid_rows(rows: Sequence[Sequence[CellSpec]]) -> tuple[tuple[CellSpec, ...], ...]:
    """Rows with an empty `covered` stand-in wherever a cell above spans down into the row.

    Readers give each row only the cells that start in it (HTML `rowspan`, Word `vMerge`);
    with the stand-ins every row lines up with the grid, so a row read alone still shows which
    column each value is in.
    """
    out: list[tuple[CellSpec, ...]] = []
    below: dict[int, tuple[int, int]] = {}  # col -> (rows still covered, colspan)
    for row in rows:
        cells = sorted(row, key=lambda c: c.col)
        merged: list[CellSpec] = []
        for col, (left, span) in sorted(below.items()):
            if not any(c.col <= col < c.col + c.colspan for c in cells):
                merged.append(CellSpec("", col, span, 1, covered=True))
            if left > 1:
                below[col] = (left - 1, span)
            else:
                del below[col]
        for c in cells:
            if c.rowspan > 1:
                below[c.col] = (c.rowspan - 1, c.colspan)
        out.append(tuple(sorted(merged + cells, key=lambda c: c.col)))
    return tuple(out)
