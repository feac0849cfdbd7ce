"""Write report documents: the SPEC JSON, and flat indicator rows for spreadsheets.

CSV is written UTF-8 with a BOM so Excel shows Vietnamese correctly. Files are written
atomically (temp file + rename) so an interrupted run never leaves half a file.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from llmx.contract import Comparison, ReportDocument
from llmx.errors import InputError

OutputFormat = Literal["json", "jsonl", "csv"]

INDICATOR_COLUMNS = [
    "document",
    "id",
    "section_id",
    "section_number",
    "section_heading",
    "sector",
    "name",
    "value",
    "unit",
    "target",
    "plan_pct",
    "budget_estimate_pct",
    "same_period_pct",
    "same_period_change_pct",
    "previous_period_change_pct",
    "comparisons",
    "estimated",
    "approx",
    "as_of",
    "quote",
    "start",
    "end",
    "backend",
    "model",
    "prompt",
]


def _pct(comparisons: list[Comparison], basis: str, relation: str) -> float | None:
    return next((c.pct for c in comparisons if c.basis == basis and c.relation == relation), None)


def indicator_rows(doc: ReportDocument) -> list[dict[str, str | float | None]]:
    """One flat row per indicator, with the provenance an analyst needs to trace it."""
    sections = {s.id: s for s in doc.sections}
    rows: list[dict[str, str | float | None]] = []
    for ind in doc.indicators:
        sec = sections.get(ind.section_id or "")
        c = ind.comparisons
        rows.append(
            {
                "document": doc.source.path,
                "id": ind.id,
                "section_id": ind.section_id,
                "section_number": sec.number if sec else None,
                "section_heading": sec.heading if sec else None,
                "sector": ind.sector,
                "name": ind.name,
                "value": ind.value,
                "unit": ind.unit,
                "target": ind.target,
                "plan_pct": _pct(c, "plan", "ratio"),
                "budget_estimate_pct": _pct(c, "budget_estimate", "ratio"),
                "same_period_pct": _pct(c, "same_period", "ratio"),
                "same_period_change_pct": _pct(c, "same_period", "change"),
                "previous_period_change_pct": _pct(c, "previous_period", "change"),
                "comparisons": json.dumps([x.model_dump() for x in c], ensure_ascii=False),
                "estimated": ind.estimated,
                "approx": ind.approx,
                "as_of": ind.as_of,
                "quote": ind.quote,
                "start": ind.start,
                "end": ind.end,
                "backend": doc.extractor.backend,
                "model": doc.extractor.model,
                "prompt": doc.extractor.prompt,
            }
        )
    return rows


def render(doc: ReportDocument, fmt: OutputFormat) -> str:
    """The document in the requested format, as text."""
    if fmt == "json":
        return doc.model_dump_json(indent=2) + "\n"
    rows = indicator_rows(doc)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=INDICATOR_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def load_report(path: Path) -> ReportDocument:
    """A report JSON as a document; InputError naming the file and the first thing wrong."""
    try:
        return ReportDocument.model_validate_json(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or type(exc).__name__})", path=str(path)) from None
    except ValueError as exc:
        raise InputError(f"not a llmx report JSON ({_why(exc)})", path=str(path)) from None


def _why(exc: ValueError) -> str:
    """The first thing wrong, on one line: `source: Field required`, `Invalid JSON: ...`."""
    if isinstance(exc, ValidationError) and exc.errors():
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        more = f" (+{exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        return (f"{where}: " if where else "") + first["msg"].splitlines()[0] + more
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def write_atomic(path: Path, content: str, *, bom: bool = False) -> None:
    """Write `content` so readers see the old file or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
