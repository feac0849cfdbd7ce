"""Model answers into contract items: grounded, given sectors, merged in job order. Pure.

Answers come back as quotes; offsets come from grounding each quote in its job's span (each
kind in the order the model listed it, so a repeated quote goes to its next occurrence), and an
unplaceable quote becomes a problem, never an item. Items carry the flags their answer justifies
(the rules' names where the meaning is the same: `unit_missing`, `basis_unstated`,
`dot_decimal`, `glued_number`, `malformed_number`, `table_cell`; and `regrounded`). Each job's
answers go into its own `Part` (items, problems, call logs), so jobs can run in any order on any
thread; `merge` combines the parts in job order, which keeps the output independent of timing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from llmx.assemble import Extraction
from llmx.contract import (
    CallUsage,
    Comparison,
    Indicator,
    Limitation,
    Problem,
    Proposal,
    Reference,
    Sector,
    Task,
    Usage,
)
from llmx.grounding import occurrences, reground
from llmx.llm.chunking import Job, without_repeated_header
from llmx.llm.responses import answer_object
from llmx.llm.seam import Attempt, usage_of
from llmx.numbers import malformed_numbers, reading_of
from llmx.sections import Layout
from llmx.sectors import detect_sector

ITEM_KINDS = ("indicators", "tasks", "limitations", "references", "proposals")


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
        """One problem per section the job covered: a packed request that fails fails each of them."""
        ids = job.section_ids
        shared = f" (one request for sections {', '.join(ids)})" if len(ids) > 1 else ""
        targets: list[str | None] = [*ids] or [None]
        for section_id in targets:
            self.out.problems.append(Problem(section_id=section_id, stage=stage, message=message + shared))


def _flags_of_text(quote: str, regrounded: bool) -> list[str]:
    flags = ["table_cell"] if " | " in quote else []
    return [*flags, "regrounded"] if regrounded else flags


def _indicator_flags(i: Any, quote: str) -> list[str]:
    """What the answer itself says to doubt, named as the rules name it: a value without a unit, a
    comparison without a basis, a number read against the convention (`97.6%`: dot_decimal,
    `đạt12.480`: glued_number) or one that reads no way, left null (`3.923.7448g`: malformed_number)."""
    flags = []
    reads = [reading_of(v, quote) for v in (i.value, i.target) if v is not None]
    for how, flag in (("dot_decimal", "dot_decimal"), ("glued", "glued_number")):
        if any(r is not None and r.how == how for r in reads):
            flags.append(flag)
    if i.value is None and malformed_numbers(quote):
        flags.append("malformed_number")
    if i.value is not None and not i.unit:
        flags.append("unit_missing")
    if any(not c.basis_text for c in i.comparisons):
        flags.append("basis_unstated")
    return flags


class _Placer:
    """Grounds one answer's quotes in its job's span, each kind in the order the model listed it.

    An item whose quote repeats an earlier item's (the same document cited twice, a repeated
    sentence) or begins it (a short second citation of a document cited in full before) goes to
    the next occurrence; one that repeats an earlier item entirely, with no further occurrence
    left, lands on the same span and is merged away.
    """

    def __init__(self, part: Part, text: str, layout: Layout, job: Job) -> None:
        self.part, self.text, self.layout, self.job = part, text, layout, job
        self.cursor: dict[str, int] = {}
        self.used: set[tuple[str, int, object]] = set()  # (kind, start, same) of placed items

    def place(self, kind: str, quote: str, same: object = None) -> tuple[int, int, bool] | None:
        """(start, end, regrounded): `regrounded` when the quote occurs more than once and the
        answer's order did not decide which occurrence it is (the nearest one was taken).
        `same`: what else must be equal for two items to be one (an indicator's name and value)."""
        text, job = self.text, self.job
        quote = without_repeated_header(text, self.layout, job, quote)  # table header rows sent as context
        after = self.cursor.get(kind, job.start)
        span = reground(text, quote, start=job.start, end=job.end, after=after, near=after)
        if span is None:  # validators checked the quote, so this is rare: never invent a span for it
            ids = job.section_ids  # one item's problem: listed once, under the request's first section
            message = f"{kind} dropped: its quote does not occur in the section: {quote[:80]!r}"
            self.part.out.problems.append(Problem(section_id=ids[0] if ids else None, stage="ground", message=message))
            return None
        while (kind, span[0], same) in self.used:
            later = reground(text, quote, start=span[0] + 1, end=job.end, after=span[0] + 1)
            if later is None:
                break
            span = later
        guessed = span[0] < after and occurrences(text, quote, start=job.start, end=job.end) > 1
        self.cursor[kind] = span[0]
        self.used.add((kind, span[0], same))
        return span[0], span[1], guessed


def _sector(layout: Layout, start: int, words: str) -> Sector:
    section = layout.section_at(start)
    head = words[:120]
    return (
        detect_sector(head, strong_only=True) or (section.sector if section else None) or detect_sector(head) or "other"
    )


def convert(part: Part, text: str, layout: Layout, job: Job, items: BaseModel) -> None:
    """Add the grounded items of one answer to `part` (ungroundable quotes become problems)."""
    out, placer = part.out, _Placer(part, text, layout, job)
    for i in getattr(items, "indicators", []):
        if placed := placer.place("indicator", i.quote, (i.name, i.value, i.unit)):
            s, e, guessed = placed
            quote = text[s:e]
            comparisons = [
                Comparison.model_validate({**c.model_dump(mode="json"), "basis_text": c.basis_text or ""})
                for c in i.comparisons
            ]
            fields = i.model_dump(mode="json", exclude={"quote", "comparisons"})
            flags = _indicator_flags(i, quote) + _flags_of_text(quote, guessed)
            out.indicators.append(
                Indicator(
                    id="",
                    **fields,
                    comparisons=comparisons,
                    sector=_sector(layout, s, quote),
                    quote=quote,
                    start=s,
                    end=e,
                    flags=flags,
                )
            )
    for t in getattr(items, "tasks", []):
        if span := _statement(placer, text, layout, "task", t.text):
            out.tasks.append(Task(id="", **span))
    for x in getattr(items, "limitations", []):
        if span := _statement(placer, text, layout, "limitation", x.text):
            out.limitations.append(Limitation(id="", kind=x.kind, **span))
    for r in getattr(items, "references", []):
        if placed := placer.place("reference", r.quote):
            s, e, guessed = placed
            fields = r.model_dump(mode="json", exclude={"quote"})
            flags = _flags_of_text(text[s:e], guessed)
            out.references.append(Reference(id="", **fields, quote=text[s:e], start=s, end=e, flags=flags))
    for p in getattr(items, "proposals", []):
        if span := _statement(placer, text, layout, "proposal", p.text):
            out.proposals.append(Proposal(id="", addressee=p.addressee, **span))


def _statement(placer: _Placer, text: str, layout: Layout, kind: str, said: str) -> dict[str, Any] | None:
    """The grounded fields a task, limitation or proposal shares (its text as the source has it,
    sector, span, flags), or None when its text is nowhere in the request's text."""
    placed = placer.place(kind, said)
    if not placed:
        return None
    s, e, guessed = placed
    words = text[s:e]
    return {
        "text": words,
        "sector": _sector(layout, s, words),
        "start": s,
        "end": e,
        "flags": _flags_of_text(words, guessed),
    }


Key = tuple[object, ...]


def _fresh(key: Key, detail: object, seen: set[Key], here: set[Key]) -> bool:
    """Not found by an earlier part (by `key`), nor already by this one (by `key` and `detail`)."""
    if key in seen or (*key, detail) in here:
        return False
    here.add((*key, detail))
    return True


def merge(parts: list[Part]) -> tuple[Extraction, list[CallLog]]:
    """The jobs' parts in job order; an item found twice (chunks overlap by one line) kept once.

    Across parts an indicator is the same item when its span, value and unit are; within one
    answer its name counts too (a table row holds several figures, two of them may be equal).
    """
    out, calls = Extraction(), []
    seen: set[Key] = set()
    for part in parts:
        calls.extend(part.calls)
        out.problems.extend(part.out.problems)
        here: set[Key] = set()
        got = part.out
        out.indicators += [
            i for i in got.indicators if _fresh(("i", i.start, i.end, i.value, i.unit), i.name, seen, here)
        ]
        out.tasks += [t for t in got.tasks if _fresh(("t", t.start, t.end), None, seen, here)]
        out.limitations += [x for x in got.limitations if _fresh(("l", x.start, x.end), None, seen, here)]
        out.references += [r for r in got.references if _fresh(("r", r.start, r.end), None, seen, here)]
        out.proposals += [p for p in got.proposals if _fresh(("p", p.start, p.end), None, seen, here)]
        seen.update(key[:-1] for key in here)
    return out, calls


def count(items: BaseModel) -> int:
    return sum(len(getattr(items, k, [])) for k in ITEM_KINDS)


def _item_model(model: type[BaseModel], key: str) -> type[BaseModel] | None:
    """The item class of a list field (`list[IndicatorOut]` -> IndicatorOut)."""
    info = model.model_fields.get(key)
    args = get_args(info.annotation) if info else ()
    return args[0] if args and isinstance(args[0], type) and issubclass(args[0], BaseModel) else None


def salvage(raw: str | None, context: dict[str, str], model: type[BaseModel]) -> BaseModel | None:
    """The items of the last failed answer that pass validation one by one (instructor #1418)."""
    data = answer_object(raw)
    if data is None:
        return None
    kept: dict[str, list[BaseModel]] = {}
    for key in ITEM_KINDS:
        item_model = _item_model(model, key)
        if item_model is None:
            continue
        kept[key] = []
        for item in data.get(key) or []:
            try:
                kept[key].append(item_model.model_validate(item, context=context))
            except ValidationError:
                continue
    items = model.model_construct(None, **kept)
    return items if count(items) else None
