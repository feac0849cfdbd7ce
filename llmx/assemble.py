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
    indicators = _ground_items(text, extraction.indicators, "quote", "indicator", problems)
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
        problems=problems,
    )
