"""Analyst tables from report documents: CSV (UTF-8 with BOM), Parquet and one .xlsx workbook.

Six tables: `documents`, `sections`, `indicators`, `tasks`, `limitations`, `references`. Every
item row carries its provenance (document, section number and heading, start, end, quote,
backend, model, prompt), so any cell can be traced to the sentence it came from.

Reports are read one at a time and their rows streamed into every writer (csv writers, one
Parquet writer per table flushing a row group every ROW_GROUP rows, openpyxl write-only
sheets), so memory stays flat however many reports there are. Everything is written under
temporary names and renamed into place at the end: an interrupted run leaves the old tables
or none, never half a file.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from llmx.contract import ReportDocument, Section
from llmx.errors import InputError
from llmx.output import INDICATOR_COLUMNS, check_target, indicator_rows, load_report, spreadsheet_text

FORMATS = ("csv", "parquet", "xlsx")
ROW_GROUP = 5000
XLSX_CELL_LIMIT = 32767  # Excel refuses longer strings; only the xlsx copy is cut, with a marker
PROVENANCE = ["document", "document_sha256", "section_id", "section_number", "section_heading"]
TRACE = ["quote", "start", "end", "backend", "model", "prompt"]

COLUMNS: dict[str, list[str]] = {
    "documents": [
        "document",
        "document_sha256",
        "format",
        "chars",
        "title",
        "doc_symbol",
        "doc_number",
        "issuer",
        "issuer_type",
        "admin_level",
        "locality",
        "issue_date",
        "period",
        "period_kind",
        "period_year",
        "signer",
        "signer_title",
        "sections",
        "indicators",
        "tasks",
        "limitations",
        "references",
        "problems",
        "backend",
        "model",
        "prompt",
        "requests",
        "prompt_tokens",
        "completion_tokens",
        "problem_messages",
    ],
    "sections": [
        *PROVENANCE[:2],
        "id",
        "parent_id",
        "number",
        "heading",
        "level",
        "role",
        "sector",
        "start",
        "end",
        "chars",
        "backend",
        "model",
        "prompt",
    ],
    "indicators": [*PROVENANCE[:2], *[c for c in INDICATOR_COLUMNS if c != "document"]],
    "tasks": [*PROVENANCE, "id", "sector", "text", *TRACE],
    "limitations": [*PROVENANCE, "id", "kind", "sector", "text", *TRACE],
    "references": [*PROVENANCE, "id", "doc_type", "number", "date", "issuer", *TRACE],
}
_INT = {
    "chars",
    "sections",
    "indicators",
    "tasks",
    "limitations",
    "references",
    "problems",
    "requests",
    "prompt_tokens",
    "completion_tokens",
    "level",
    "start",
    "end",
    "period_year",
}
_FLOAT = {
    "value",
    "target",
    "plan_pct",
    "budget_estimate_pct",
    "same_period_pct",
    "same_period_change_pct",
    "previous_period_change_pct",
}
_BOOL = {"estimated"}


def _trace(doc: ReportDocument, sections: dict[str, Section], section_id: str | None) -> dict[str, Any]:
    sec = sections.get(section_id or "")
    return {
        "document": doc.source.path,
        "document_sha256": doc.source.sha256,
        "section_id": section_id,
        "section_number": sec.number if sec else None,
        "section_heading": sec.heading if sec else None,
    }


def _made_by(doc: ReportDocument) -> dict[str, Any]:
    return {"backend": doc.extractor.backend, "model": doc.extractor.model, "prompt": doc.extractor.prompt}


def item_counts(doc: ReportDocument) -> dict[str, int]:
    """How many sections, items of each type and problems a report has."""
    return {
        "sections": len(doc.sections),
        "indicators": len(doc.indicators),
        "tasks": len(doc.tasks),
        "limitations": len(doc.limitations),
        "references": len(doc.references),
        "problems": len(doc.problems),
    }


def table_rows(doc: ReportDocument) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows for one report (pure)."""
    sections = {s.id: s for s in doc.sections}
    made = _made_by(doc)
    meta, usage = doc.metadata, doc.extractor.usage
    documents = [
        {
            "document": doc.source.path,
            "document_sha256": doc.source.sha256,
            "format": doc.source.format,
            "chars": doc.source.chars,
            "title": meta.title,
            "doc_symbol": meta.doc_symbol,
            "doc_number": meta.doc_number,
            "issuer": meta.issuer,
            "issuer_type": meta.issuer_type,
            "admin_level": meta.admin_level,
            "locality": meta.locality,
            "issue_date": meta.issue_date,
            "period": meta.period.label if meta.period else None,
            "period_kind": meta.period.kind if meta.period else None,
            "period_year": meta.period.year if meta.period else None,
            "signer": meta.signer.name if meta.signer else None,
            "signer_title": meta.signer.title if meta.signer else None,
            **item_counts(doc),
            **made,
            "requests": usage.requests if usage else None,
            "prompt_tokens": usage.prompt_tokens if usage else None,
            "completion_tokens": usage.completion_tokens if usage else None,
            "problem_messages": " | ".join(f"[{p.stage}] {p.message}" for p in doc.problems) or None,
        }
    ]
    rows: dict[str, list[dict[str, Any]]] = {"documents": documents}
    rows["sections"] = [
        {
            "document": doc.source.path,
            "document_sha256": doc.source.sha256,
            "id": s.id,
            "parent_id": s.parent_id,
            "number": s.number,
            "heading": s.heading,
            "level": s.level,
            "role": s.role,
            "sector": s.sector,
            "start": s.start,
            "end": s.end,
            "chars": s.end - s.start,
            **made,
        }
        for s in doc.sections
    ]
    rows["indicators"] = [{"document_sha256": doc.source.sha256, **r} for r in indicator_rows(doc)]
    rows["tasks"] = [
        {
            **_trace(doc, sections, t.section_id),
            "id": t.id,
            "sector": t.sector,
            "text": t.text,
            "quote": t.text,
            "start": t.start,
            "end": t.end,
            **made,
        }
        for t in doc.tasks
    ]
    rows["limitations"] = [
        {
            **_trace(doc, sections, x.section_id),
            "id": x.id,
            "kind": x.kind,
            "sector": x.sector,
            "text": x.text,
            "quote": x.text,
            "start": x.start,
            "end": x.end,
            **made,
        }
        for x in doc.limitations
    ]
    rows["references"] = [
        {
            **_trace(doc, sections, r.section_id),
            "id": r.id,
            "doc_type": r.doc_type,
            "number": r.number,
            "date": r.date,
            "issuer": r.issuer,
            "quote": r.quote,
            "start": r.start,
            "end": r.end,
            **made,
        }
        for r in doc.references
    ]
    return rows


def _arrow_schema(table: str) -> Any:
    import pyarrow as pa

    def kind(col: str) -> Any:
        if col in _INT:
            return pa.int64()
        if col in _FLOAT:
            return pa.float64()
        if col in _BOOL:
            return pa.bool_()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in COLUMNS[table]])


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
        value = row.get(column)
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


class _Writers:
    """Open writers for every table and format, under temporary names in `tmp`."""

    def __init__(self, tmp: Path, formats: tuple[str, ...]) -> None:
        self.tmp, self.formats = tmp, formats
        self.files: dict[str, Any] = {}
        self.csv: dict[str, csv.DictWriter[str]] = {}
        self.parquet: dict[str, Any] = {}
        self.buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in COLUMNS}
        self.counts = dict.fromkeys(COLUMNS, 0)
        self.book: Any = None
        self.sheets: dict[str, Any] = {}
        for table, columns in COLUMNS.items():
            if "csv" in formats:
                fh = (tmp / f"{table}.csv").open("w", encoding="utf-8-sig", newline="")
                self.files[table] = fh
                self.csv[table] = csv.DictWriter(fh, fieldnames=columns, lineterminator="\r\n")
                self.csv[table].writeheader()
        if "parquet" in formats:
            import pyarrow.parquet as pq

            for table in COLUMNS:
                self.parquet[table] = pq.ParquetWriter(tmp / f"{table}.parquet", _arrow_schema(table))
        if "xlsx" in formats:
            from openpyxl import Workbook

            self.book = Workbook(write_only=True)
            for table, columns in COLUMNS.items():
                sheet = self.book.create_sheet(title=table[:31])
                sheet.append(columns)
                self.sheets[table] = sheet

    def add(self, table: str, rows: list[dict[str, Any]]) -> None:
        columns = COLUMNS[table]
        self.counts[table] += len(rows)
        for row in rows:
            if table in self.csv:
                self.csv[table].writerow({c: _csv_value(row.get(c)) for c in columns})
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
            schema = _arrow_schema(table)
            data = {c: [r.get(c) for r in rows] for c in COLUMNS[table]}
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
        for table in COLUMNS:
            if table in self.files:
                self.files[table].close()
                written["csv"].append(self.tmp / f"{table}.csv")
            if table in self.parquet:
                self._flush(table)
                self.parquet[table].close()
                written["parquet"].append(self.tmp / f"{table}.parquet")
        if self.book is not None:
            self.book.save(self.tmp / "llmx-tables.xlsx")
            written["xlsx"].append(self.tmp / "llmx-tables.xlsx")
        return written


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return spreadsheet_text(value)


def read_reports(paths: Iterable[Path], problems: list[str]) -> Iterator[ReportDocument]:
    """Each report document in turn; a file that is not a valid report is noted and skipped."""
    for path in paths:
        try:
            yield load_report(path)
        except InputError as exc:
            problems.append(str(exc))


def write_tables(
    report_paths: Iterable[Path], out_dir: Path, formats: tuple[str, ...] | list[str] = FORMATS
) -> dict[str, list[Path]]:
    """Stream the reports into every table and format; return the written paths per format.

    A file that is not a valid report is skipped; `write_tables_checked` also says which.
    """
    written, _, _ = write_tables_checked(report_paths, out_dir, formats)
    return written


def write_tables_checked(
    report_paths: Iterable[Path], out_dir: Path, formats: tuple[str, ...] | list[str] = FORMATS
) -> tuple[dict[str, list[Path]], dict[str, int], list[str]]:
    """`write_tables`, plus rows per table and one message per skipped file."""
    formats = tuple(formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        from llmx.errors import ConfigError

        raise ConfigError(f"unknown table format {unknown[0]!r}; use {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix=".tables-", dir=out_dir) as tmp_name:
        tmp = Path(tmp_name)
        writers = _Writers(tmp, formats)
        try:
            for doc in read_reports(report_paths, problems):
                for table, rows in table_rows(doc).items():
                    writers.add(table, rows)
            staged = writers.close()  # finishing can fail too (a full disk): same clean-up
        except BaseException:
            writers.abort()  # nothing is renamed into place: the old tables, if any, stay
            raise
        written: dict[str, list[Path]] = {f: [] for f in formats}
        for paths in staged.values():  # a link, pipe or device where a table goes: refused, nothing moved
            for path in paths:
                check_target(out_dir / path.name)
        for fmt, paths in staged.items():
            for path in paths:
                final = out_dir / path.name
                os.replace(path, final)
                written[fmt].append(final)
    return written, dict(writers.counts), problems


def table_inputs(specs: list[Path]) -> list[Path]:
    """Report JSON files named by `specs`: files, folders of JSON, or run folders (DIR/reports)."""
    found: list[Path] = []
    seen: set[Path] = set()
    for spec in specs:
        if spec.is_dir():
            # a run folder's own run.json is not a report: only DIR/reports/*.json is read
            folder = spec / "reports" if (spec / "reports").is_dir() else spec
            candidates = sorted(p for p in folder.glob("*.json") if p.is_file())
        elif spec.is_file():
            candidates = [spec]
        else:
            raise InputError("no such file or folder", path=str(spec))
        for path in candidates:  # a report named twice (file and its folder) is counted once
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.append(path)
    if not found:
        raise InputError("no report JSON files in " + ", ".join(map(str, specs)))
    return found


def describe(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {table}" for table, n in counts.items())
