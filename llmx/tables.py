"""Analyst tables from report documents: CSV (UTF-8 with BOM), Parquet and one .xlsx workbook.

Nine tables: `documents`, `sections`, `tables`, `indicators`, `comparisons` (one row per
comparison of an indicator, so an indicator with two plan figures shows both), `tasks`,
`limitations`, `references`, `proposals`. Every item row carries its provenance (document,
section number and heading, start, end, quote, backend, model, prompt), so any cell can be traced
to the sentence it came from, and its `flags` (SPEC 1.1 reasons to doubt it); an indicator read
from a table row also names the table (`table_id`, joining `tables`) and the row (`table_row`).
List values (`flags`, `addressees`, `comparisons`) are JSON text in every cell, `[]` when empty.
The xlsx sheets open with the header row frozen, an autofilter on it and columns sized to their
content type.

Reports are read one at a time and their rows streamed into every writer (csv writers, one
Parquet writer per table flushing a row group every ROW_GROUP rows, openpyxl write-only
sheets), so memory stays flat however many reports there are. Everything is written under
temporary names and renamed into place at the end: an interrupted run leaves the old tables
or none, never half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from llmx.contract import Limitation, Proposal, Reference, ReportDocument, Section, Task
from llmx.errors import InputError
from llmx.output import INDICATOR_COLUMNS, check_target, indicator_rows, load_report
from llmx.table_files import TableFiles

FORMATS = ("csv", "parquet", "xlsx")
PARQUET_HINT = "Parquet tables need pyarrow, which the default install leaves out: pip install 'llmx[parquet]'"


def parquet_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def default_formats() -> tuple[str, ...]:
    """Every format this install can write: Parquet only when pyarrow is installed (the `parquet` extra)."""
    return FORMATS if parquet_available() else tuple(f for f in FORMATS if f != "parquet")


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    """The formats, or a ConfigError for an unknown one or for Parquet without pyarrow (before any work)."""
    from llmx.errors import ConfigError

    formats = tuple(formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown table format {unknown[0]!r}; use {', '.join(FORMATS)}")
    if "parquet" in formats and not parquet_available():
        raise ConfigError(PARQUET_HINT)
    return formats


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
        "addressees",
        "sections",
        "indicators",
        "tasks",
        "limitations",
        "references",
        "proposals",
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
    "tables": [
        *PROVENANCE,
        "id",
        "start",
        "end",
        "rows",
        "columns",
        "header_rows",
        "page",
        "column_headers",
        "indicators",
        "backend",
        "model",
        "prompt",
    ],
    "indicators": [*PROVENANCE[:2], *[c for c in INDICATOR_COLUMNS if c != "document"]],
    "comparisons": [
        *PROVENANCE,
        "indicator_id",
        "indicator_name",
        "value",
        "unit",
        "basis",
        "basis_text",
        "relation",
        "pct",
        "amount",
        "amount_unit",
        *TRACE,
    ],
    "tasks": [*PROVENANCE, "id", "sector", "text", "flags", *TRACE],
    "limitations": [*PROVENANCE, "id", "kind", "sector", "text", "flags", *TRACE],
    "references": [*PROVENANCE, "id", "doc_type", "number", "date", "issuer", "flags", *TRACE],
    "proposals": [*PROVENANCE, "id", "addressee", "sector", "text", "flags", *TRACE],
}
_INT = {
    "chars",
    "sections",
    "indicators",
    "tasks",
    "limitations",
    "references",
    "proposals",
    "problems",
    "requests",
    "prompt_tokens",
    "completion_tokens",
    "level",
    "start",
    "end",
    "period_year",
    "rows",
    "columns",
    "header_rows",
    "page",
    "table_row",
}
_FLOAT = {
    "value",
    "target",
    "plan_pct",
    "budget_estimate_pct",
    "same_period_pct",
    "same_period_change_pct",
    "previous_period_change_pct",
    "pct",
    "amount",
}
_BOOL = {"estimated"}


def column_kind(column: str) -> str:
    """The Parquet type of a column: int, float, bool or str."""
    return "int" if column in _INT else "float" if column in _FLOAT else "bool" if column in _BOOL else "str"


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
        "proposals": len(doc.proposals),
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
            "addressees": list(meta.addressees),
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
    from_table: dict[str, int] = {}
    for ind in doc.indicators:
        if ind.table_id:
            from_table[ind.table_id] = from_table.get(ind.table_id, 0) + 1
    rows["tables"] = [
        {
            **_trace(doc, sections, t.section_id),
            "id": t.id,
            "start": t.start,
            "end": t.end,
            "rows": t.rows,
            "columns": t.columns,
            "header_rows": t.header_rows,
            "page": t.page,
            "column_headers": json.dumps(t.column_headers, ensure_ascii=False),
            "indicators": from_table.get(t.id, 0),
            **made,
        }
        for t in doc.tables
    ]
    rows["indicators"] = [{"document_sha256": doc.source.sha256, **r} for r in indicator_rows(doc)]
    rows["comparisons"] = [
        {
            **_trace(doc, sections, i.section_id),
            "indicator_id": i.id,
            "indicator_name": i.name,
            "value": i.value,
            "unit": i.unit,
            **c.model_dump(),
            "quote": i.quote,
            "start": i.start,
            "end": i.end,
            **made,
        }
        for i in doc.indicators
        for c in i.comparisons
    ]

    def item_row(x: Task | Limitation | Reference | Proposal, quote: str, **fields: Any) -> dict[str, Any]:
        """A task, limitation, reference or proposal: where it stands, what it says, its quote and offsets."""
        return {
            **_trace(doc, sections, x.section_id),
            "id": x.id,
            **fields,
            "flags": list(x.flags),
            "quote": quote,
            "start": x.start,
            "end": x.end,
            **made,
        }

    rows["tasks"] = [item_row(t, t.text, sector=t.sector, text=t.text) for t in doc.tasks]
    rows["limitations"] = [item_row(x, x.text, kind=x.kind, sector=x.sector, text=x.text) for x in doc.limitations]
    rows["references"] = [
        item_row(r, r.quote, doc_type=r.doc_type, number=r.number, date=r.date, issuer=r.issuer) for r in doc.references
    ]
    rows["proposals"] = [
        item_row(x, x.text, addressee=x.addressee, sector=x.sector, text=x.text) for x in doc.proposals
    ]
    return rows


def read_reports(paths: Iterable[Path], problems: list[str]) -> Iterator[ReportDocument]:
    """Each report document in turn; a file that is not a valid report is noted and skipped."""
    for path in paths:
        try:
            yield load_report(path)
        except InputError as exc:
            problems.append(str(exc))


def write_tables(
    report_paths: Iterable[Path], out_dir: Path, formats: tuple[str, ...] | list[str] | None = None
) -> dict[str, list[Path]]:
    """Stream the reports into every table and format; return the written paths per format.

    A file that is not a valid report is skipped; `write_tables_checked` also says which.
    """
    written, _, _ = write_tables_checked(report_paths, out_dir, formats)
    return written


def write_tables_checked(
    report_paths: Iterable[Path], out_dir: Path, formats: tuple[str, ...] | list[str] | None = None
) -> tuple[dict[str, list[Path]], dict[str, int], list[str]]:
    """`write_tables`, plus rows per table and one message per skipped file (default formats: all
    this install can write)."""
    formats = check_formats(default_formats() if formats is None else formats)
    out_dir.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix=".tables-", dir=out_dir) as tmp_name:
        tmp = Path(tmp_name)
        writers = TableFiles(tmp, formats, COLUMNS, column_kind)
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
