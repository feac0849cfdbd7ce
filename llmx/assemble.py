"""Ground and assemble: turn a backend's extraction into the SPEC report document.

Backends return items with offsets (rules) or quotes with approximate offsets (LLM). Here every
item is checked against the normalized text, re-grounded when only its whitespace is off,
dropped into `problems` when it cannot be placed (never invented), given the innermost section,
de-duplicated, ordered, and numbered. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from llmx.contract import (
    Extractor,
    Indicator,
    Limitation,
    Metadata,
    Problem,
    Proposal,
    Reference,
    ReportDocument,
    Source,
    Table,
    TableCell,
    TableRow,
    Task,
    Usage,
)
from llmx.grounding import reground
from llmx.normalize import Normalized
from llmx.sections import Layout


@dataclass
class Extraction:
    """What a backend found in one document, before grounding and numbering."""

    indicators: list[Indicator] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    limitations: list[Limitation] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    metadata: Metadata | None = None
    problems: list[Problem] = field(default_factory=list)
    usage: Usage | None = None


Item = TypeVar("Item", Indicator, Task, Limitation, Reference, Proposal)


def _ground_items(text: str, items: list[Item], field_name: str, kind: str, problems: list[Problem]) -> list[Item]:
    kept: list[Item] = []
    for item in items:
        quote: str = getattr(item, field_name)
        span = reground(text, quote, (item.start, item.end))
        if span is None:
            problems.append(
                Problem(
                    section_id=item.section_id,
                    stage="ground",
                    message=f"{kind} dropped: its {field_name} does not occur in the text: {quote[:80]!r}",
                )
            )
            continue
        start, end = span
        if (start, end) == (item.start, item.end) and text[start:end] == quote:
            kept.append(item)  # already grounded
        else:
            kept.append(item.model_copy(update={"start": start, "end": end, field_name: text[start:end]}))
    return kept


def _number(items: list[Item], prefix: str, layout: Layout) -> list[Item]:
    seen: set[tuple[object, ...]] = set()
    out: list[Item] = []
    for item in sorted(items, key=lambda i: (i.start, i.end)):
        key = (item.start, item.end, item.model_dump_json(exclude={"id", "section_id", "start", "end"}))
        if key in seen:
            continue
        seen.add(key)
        section = layout.section_at(item.start)
        out.append(
            item.model_copy(update={"id": f"{prefix}{len(out) + 1}", "section_id": section.id if section else None})
        )
    return out


TABLE_FLAG = "table_cell"  # an indicator read from a table row: its columns were interpreted


def table_entries(layout: Layout) -> list[Table]:
    """The SPEC `tables` entry: every data table with its section, grid and rows (1.1)."""
    out: list[Table] = []
    for placed in layout.tables:
        t, grid = placed.table, placed.grid
        rows = [
            TableRow(
                start=r.start,
                end=r.end,
                kind="header" if k < grid.header_rows else "repeated_header" if k in grid.repeats else "data",
                cells=[TableCell(start=c.start, end=c.end, col=c.col, colspan=c.colspan, rowspan=c.rowspan,
                                 covered=c.covered) for c in r.cells],
            )
            for k, r in enumerate(t.rows)
        ]  # fmt: skip
        out.append(
            Table(
                id=placed.id,
                section_id=placed.section_id,
                start=t.start,
                end=t.end,
                rows=len(t.rows),
                columns=t.columns,
                header_rows=grid.header_rows,
                page=t.page,
                column_headers=[" / ".join(words) for words in grid.columns],
                row_spans=rows,
            )
        )
    return out


def _table_provenance(indicators: list[Indicator], layout: Layout) -> list[Indicator]:
    """Indicators whose quote is a table row (any backend) name the table and row and are flagged."""
    out: list[Indicator] = []
    for ind in indicators:
        found = layout.row_at(ind.start)
        if found is None or ind.end > found[0].table.rows[found[1]].end:
            out.append(ind)
            continue
        placed, k = found
        flags = ind.flags if TABLE_FLAG in ind.flags else [*ind.flags, TABLE_FLAG]
        out.append(ind.model_copy(update={"table_id": placed.id, "table_row": k, "flags": flags}))
    return out


def assemble(
    *,
    source: Source,
    norm: Normalized,
    layout: Layout,
    extraction: Extraction,
    extractor: Extractor,
    read_problems: list[Problem] | None = None,
) -> ReportDocument:
    """Build the final, grounded, numbered report document."""
    text = norm.text
    problems = list(read_problems or []) + list(norm.problems) + list(extraction.problems)
    indicators = _table_provenance(_ground_items(text, extraction.indicators, "quote", "indicator", problems), layout)
    references = _ground_items(text, extraction.references, "quote", "reference", problems)
    tasks = _ground_items(text, extraction.tasks, "text", "task", problems)
    limitations = _ground_items(text, extraction.limitations, "text", "limitation", problems)
    proposals = _ground_items(text, extraction.proposals, "text", "proposal", problems)
    return ReportDocument(
        source=source,
        extractor=extractor,
        text=text,
        metadata=extraction.metadata or Metadata(),
        sections=layout.sections,
        indicators=_number(indicators, "i", layout),
        tasks=_number(tasks, "t", layout),
        limitations=_number(limitations, "l", layout),
        references=_number(references, "r", layout),
        proposals=_number(proposals, "p", layout),
        tables=table_entries(layout),
        problems=problems,
    )
