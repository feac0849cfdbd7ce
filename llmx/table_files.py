"""The files of the analyst tables: CSV (UTF-8 with BOM), Parquet and one .xlsx workbook, streamed.

`TableFiles` opens a writer per table and format under temporary names; rows go straight into
the csv writers (the one CSV dialect of `llmx.output`) and openpyxl's write-only sheets (bold
frozen header, autofilter, widths by column), and into one Parquet writer per table that flushes
a row group every ROW_GROUP rows, so memory stays flat however many reports there are.
`llmx.tables` decides the tables, their columns and rows, and renames the files into place.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from llmx.output import cell_text, csv_row, csv_writer

ROW_GROUP = 5000
XLSX_CELL_LIMIT = 32767  # Excel refuses longer strings; only the xlsx copy is cut, with a marker
ColumnKind = Callable[[str], str]  # column name -> "int" | "float" | "bool" | "str"
# xlsx column widths (characters) by what a column holds; others fit their header, 8 to 16 wide
_WIDTH = {
    "quote": 70,
    "text": 70,
    "problem_messages": 70,
    "title": 50,
    "heading": 40,
    "section_heading": 40,
    "name": 36,
    "indicator_name": 36,
    "document": 32,
    "issuer": 30,
    "basis_text": 24,
    "signer": 22,
    "signer_title": 22,
    "locality": 20,
    "comparisons": 40,
    "model": 20,
    "period": 20,
    "document_sha256": 14,
}


def _arrow_schema(columns: list[str], kind: ColumnKind) -> Any:
    import pyarrow as pa

    types = {"int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "str": pa.string()}
    return pa.schema([(c, types[kind(c)]) for c in columns])


@functools.cache
def _openpyxl() -> tuple[Any, Any]:
    """openpyxl's write-only cell and illegal-character pattern, imported once (not per row)."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return WriteOnlyCell, ILLEGAL_CHARACTERS_RE


def _xlsx_row(sheet: Any, row: dict[str, Any], columns: list[str]) -> list[Any]:
    """Cells for one xlsx row: control characters dropped, overlong text cut, text kept text.

    openpyxl stores a string starting with "=" as a formula, so such text (a quote, a name)
    would turn into a formula Excel evaluates or rejects as a corrupt file; it is written as
    an explicit string cell instead. The CSV and Parquet copies keep every character.
    """
    write_only_cell, illegal = _openpyxl()
    cells: list[Any] = []
    for column in columns:
        value = cell_text(row.get(column))
        if isinstance(value, str):
            value = illegal.sub("", value)
            if len(value) > XLSX_CELL_LIMIT:
                value = value[: XLSX_CELL_LIMIT - 20] + " …[cut for Excel]"
            if value.startswith("="):
                cell = write_only_cell(sheet, value=value)
                cell.data_type = "s"
                value = cell
        cells.append(value)
    return cells


class TableFiles:
    """Open writers for every table and format, under temporary names in `tmp`."""

    def __init__(self, tmp: Path, formats: tuple[str, ...], tables: dict[str, list[str]], kind: ColumnKind) -> None:
        self.tmp, self.formats, self.columns, self.kind = tmp, formats, tables, kind
        self.files: dict[str, Any] = {}
        self.csv: dict[str, csv.DictWriter[str]] = {}
        self.parquet: dict[str, Any] = {}
        self.buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in tables}
        self.counts = dict.fromkeys(tables, 0)
        self.book: Any = None
        self.sheets: dict[str, Any] = {}
        for table, columns in tables.items():
            if "csv" in formats:
                fh = (tmp / f"{table}.csv").open("w", encoding="utf-8-sig", newline="")
                self.files[table] = fh
                self.csv[table] = csv_writer(fh, columns)
        if "parquet" in formats:
            import pyarrow.parquet as pq

            for table, columns in tables.items():
                self.parquet[table] = pq.ParquetWriter(tmp / f"{table}.parquet", _arrow_schema(columns, kind))
        if "xlsx" in formats:
            from openpyxl import Workbook

            self.book = Workbook(write_only=True)
            for table, columns in tables.items():
                self.sheets[table] = _new_sheet(self.book, table, columns)

    def add(self, table: str, rows: list[dict[str, Any]]) -> None:
        columns = self.columns[table]
        self.counts[table] += len(rows)
        for row in rows:
            if table in self.csv:
                self.csv[table].writerow(csv_row(row, columns))
            if table in self.sheets:
                self.sheets[table].append(_xlsx_row(self.sheets[table], row, columns))
        if self.parquet:
            self.buffers[table].extend(rows)
            if len(self.buffers[table]) >= ROW_GROUP:
                self._flush(table)

    def _flush(self, table: str) -> None:
        import pyarrow as pa

        rows = self.buffers[table]
        if rows:
            schema = _arrow_schema(self.columns[table], self.kind)
            data = {c: [cell_text(r.get(c)) for r in rows] for c in self.columns[table]}
            self.parquet[table].write_table(pa.table(data, schema=schema))
            self.buffers[table] = []

    def abort(self) -> None:
        """Release every file without finishing it (the temporary folder is removed after).

        Each release may fail again for the reason the write failed (a full disk flushing a
        buffer); that must not hide the first error nor leave the others open."""
        for release in [
            *(fh.close for fh in self.files.values()),
            *(writer.close for writer in self.parquet.values()),
            *(sheet.close for sheet in self.sheets.values()),
        ]:
            with contextlib.suppress(Exception):
                release()
        for sheet in self.sheets.values():  # write-only sheets stream into openpyxl's own temp files
            stream = getattr(sheet, "_writer", None)
            if stream is not None and os.path.exists(stream.out):
                with contextlib.suppress(OSError):
                    stream.cleanup()

    def close(self) -> dict[str, list[Path]]:
        written: dict[str, list[Path]] = {f: [] for f in self.formats}
        for table in self.columns:
            if table in self.files:
                self.files[table].close()
                written["csv"].append(self.tmp / f"{table}.csv")
            if table in self.parquet:
                self._flush(table)
                self.parquet[table].close()
                written["parquet"].append(self.tmp / f"{table}.parquet")
        if self.book is not None:
            for table, sheet in self.sheets.items():  # the filter is written after the rows, so it can wait
                sheet.auto_filter.ref = f"A1:{_column_letter(len(self.columns[table]))}{self.counts[table] + 1}"
            self.book.save(self.tmp / "llmx-tables.xlsx")
            written["xlsx"].append(self.tmp / "llmx-tables.xlsx")
        return written


def _column_letter(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(n))


def _new_sheet(book: Any, table: str, columns: list[str]) -> Any:
    """A write-only sheet with its bold header row written, frozen below it, and column widths set.

    Write-only sheets write panes and column widths with their first row, so they are set here."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(title=table[:31])
    sheet.freeze_panes = "A2"
    for k, column in enumerate(columns, 1):
        sheet.column_dimensions[_column_letter(k)].width = _WIDTH.get(column, min(max(len(column) + 2, 8), 16))
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    return sheet
