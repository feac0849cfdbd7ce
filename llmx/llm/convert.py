"""Model answers into contract items: grounded, given sectors, merged in job order. Pure.

Answers come back as quotes; offsets come from grounding each quote in its job's span, and an
unplaceable quote becomes a problem, never an item. Each job's answers go into its own `Part`
(items, problems, call logs), so jobs can run in any order on any thread; `merge` combines the
parts in job order, which keeps the output independent of timing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ValidationError

from llmx.assemble import Extraction
from llmx.contract import (
    CallUsage,
    Comparison,
    Indicator,
    Limitation,
    Metadata,
    Problem,
    Reference,
    Sector,
    Task,
    Usage,
)
from llmx.grounding import reground
from llmx.llm.chunking import Job, without_repeated_header
from llmx.llm.responses import IndicatorOut, LimitationOut, ReferenceOut, ReportMetadata, SectionItems, TaskOut
from llmx.llm.seam import Attempt, usage_of
from llmx.sections import Layout
from llmx.sectors import detect_sector

MetadataSource = Literal["rules", "llm", "rules+llm"]


@dataclass
class CallLog:
    """Everything spent on one job: requests, tokens, and each failed attempt's message."""

    section_ids: list[str]
    attempts: list[dict[str, str | int]] = field(default_factory=list)  # as `extractor.calls` records them

    def add(self, attempts: list[Attempt]) -> None:
        self.attempts.extend(a.as_dict() for a in attempts)

    @property
    def usage(self) -> Usage:
        return usage_of([Attempt.from_dict(a) for a in self.attempts])

    def as_call(self) -> CallUsage:
        """The log as the output contract records it (`extractor.calls`)."""
        usage = self.usage
        return CallUsage(
            section_ids=self.section_ids,
            requests=usage.requests,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            attempts=self.attempts,
        )


@dataclass
class Part:
    """What one job produced: items and problems, and the logs of the requests it took."""

    out: Extraction = field(default_factory=Extraction)
    calls: list[CallLog] = field(default_factory=list)

    def problem(self, job: Job, message: str, stage: str = "extract") -> None:
        """A failed request: listed under every section it carried (a packed request holds several)."""
        ids: list[str | None] = [*job.section_ids] or [None]
        for section_id in ids:
            self.out.problems.append(Problem(section_id=section_id, stage=stage, message=message))


def _place(part: Part, text: str, kind: str, quote: str, job: Job, layout: Layout) -> tuple[int, int] | None:
    span = reground(text, without_repeated_header(text, layout, job, quote), start=job.start, end=job.end)
    if span is None:  # validators checked the quote, so this is rare: never invent a span for it
        ids = job.section_ids
        message = f"{kind} dropped: its quote does not occur in the section: {quote[:80]!r}"
        part.out.problems.append(Problem(section_id=ids[0] if ids else None, stage="ground", message=message))
    return span


def _sector(layout: Layout, start: int, words: str) -> Sector:
    section = layout.section_at(start)
    head = words[:120]
    return (
        detect_sector(head, strong_only=True) or (section.sector if section else None) or detect_sector(head) or "other"
    )


def convert(part: Part, text: str, layout: Layout, job: Job, items: SectionItems) -> None:
    """Add the grounded items of one answer to `part` (ungroundable quotes become problems)."""
    for i in items.indicators:
        if span := _place(part, text, "indicator", i.quote, job, layout):
            s, e = span
            comparisons = [Comparison.model_validate(c.model_dump(mode="json")) for c in i.comparisons]
            fields = i.model_dump(mode="json", exclude={"quote", "comparisons"})
            part.out.indicators.append(
                Indicator(
                    id="",
                    **fields,
                    comparisons=comparisons,
                    sector=_sector(layout, s, text[s:e]),
                    quote=text[s:e],
                    start=s,
                    end=e,
                )
            )
    for t in items.tasks:
        if span := _place(part, text, "task", t.text, job, layout):
            s, e = span
            part.out.tasks.append(Task(id="", text=text[s:e], sector=_sector(layout, s, text[s:e]), start=s, end=e))
    for x in items.limitations:
        if span := _place(part, text, "limitation", x.text, job, layout):
            s, e = span
            part.out.limitations.append(
                Limitation(id="", text=text[s:e], kind=x.kind, sector=_sector(layout, s, text[s:e]), start=s, end=e)
            )
    for r in items.references:
        if span := _place(part, text, "reference", r.quote, job, layout):
            s, e = span
            fields = r.model_dump(mode="json", exclude={"quote"})
            part.out.references.append(Reference(id="", **fields, quote=text[s:e], start=s, end=e))


def merge(parts: list[Part]) -> tuple[Extraction, list[CallLog]]:
    """The jobs' parts in job order; an item found twice (chunks overlap by one line) kept once."""
    out, calls = Extraction(), []
    seen: set[tuple[object, ...]] = set()

    def new(key: tuple[object, ...]) -> bool:
        if key in seen:
            return False
        seen.add(key)
        return True

    for part in parts:
        calls.extend(part.calls)
        out.problems.extend(part.out.problems)
        out.indicators += [i for i in part.out.indicators if new(("i", i.start, i.end, i.value, i.unit))]
        out.tasks += [t for t in part.out.tasks if new(("t", t.start, t.end))]
        out.limitations += [x for x in part.out.limitations if new(("l", x.start, x.end))]
        out.references += [r for r in part.out.references if new(("r", r.start, r.end))]
    return out, calls


def count(items: SectionItems) -> int:
    return len(items.indicators) + len(items.tasks) + len(items.limitations) + len(items.references)


def salvage(raw: str | None, context: dict[str, str]) -> SectionItems | None:
    """The items of the last failed answer that pass validation one by one (instructor #1418)."""
    try:
        data = json.loads(raw or "")
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    kept: dict[str, list[BaseModel]] = {}
    models: dict[str, type[BaseModel]] = {
        "indicators": IndicatorOut,
        "tasks": TaskOut,
        "limitations": LimitationOut,
        "references": ReferenceOut,
    }
    for key, model in models.items():
        kept[key] = []
        for item in data.get(key) or []:
            try:
                kept[key].append(model.model_validate(item, context=context))
            except ValidationError:
                continue
    items = SectionItems.model_construct(
        indicators=kept["indicators"],
        tasks=kept["tasks"],
        limitations=kept["limitations"],
        references=kept["references"],
    )
    return items if count(items) else None


def fill_metadata(base: Metadata, rules: Metadata | None, answer: ReportMetadata) -> tuple[Metadata, MetadataSource]:
    """The rules' metadata with the fields they left empty taken from the model's answer."""
    found = Metadata.model_validate(answer.model_dump(mode="json"))
    filled = {
        k: getattr(found, k)
        for k in Metadata.model_fields
        if getattr(base, k) in (None, []) and getattr(found, k) not in (None, [])
    }
    if not filled:
        return base, "rules"
    source: MetadataSource = "llm" if rules is None or rules == Metadata() else "rules+llm"
    return base.model_copy(update=filled), source
