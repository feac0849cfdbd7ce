"""The LLM backend: sections -> prompts -> validated answers -> grounded contract items.

Each section's own text is sent once (long ones split on line boundaries to the token budget;
small neighbours with the same role packed into one request, since the fixed instructions and
schema would otherwise cost more than the text). Answers come back as quotes; offsets come from
grounding them in the section's span, and an unplaceable quote becomes a problem, never an item.
A truncated answer splits its input in two and asks again; a section whose answers keep failing
validation goes into `problems` with the last validator message, keeping the items that passed.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ValidationError

from llmx import __version__, prompts
from llmx.assemble import Extraction
from llmx.chunking import PACK_TOKENS, Block, Job, halve, plan_jobs
from llmx.client import Attempt, ModelClient, TransientFailure, TruncatedAnswer, ValidationExhausted, build_client
from llmx.config import Settings
from llmx.contract import (
    CallUsage,
    Comparison,
    Extractor,
    Indicator,
    Limitation,
    Metadata,
    Problem,
    Reference,
    Section,
    Sector,
    Task,
    Usage,
)
from llmx.errors import PromptError, RequestRejected
from llmx.grounding import ground
from llmx.responses import IndicatorOut, LimitationOut, ReferenceOut, ReportMetadata, SectionItems, TaskOut
from llmx.sections import Layout
from llmx.sectors import detect_sector

METADATA_PROMPT = "metadata@v1"
TAIL_CHARS = 2500  # closing block sent for metadata (signature, Nơi nhận); footnotes after it are cut
MetadataSource = Literal["rules", "llm", "rules+llm"]
_META_KEYS = ("title", "doc_symbol", "issuer", "issue_date", "period", "signer")


@dataclass
class CallLog:
    """Everything spent on one job: requests, tokens, and each failed attempt's message."""

    section_ids: list[str]
    attempts: list[dict[str, object]] = field(default_factory=list)

    def add(self, attempts: list[Attempt] | list[dict[str, object]]) -> None:
        self.attempts.extend(a.as_dict() if isinstance(a, Attempt) else a for a in attempts)

    @property
    def usage(self) -> Usage:
        return Usage(
            requests=sum(1 for a in self.attempts if a.get("kind") in ("answer", "transport", "batch")),
            prompt_tokens=sum(int(a.get("prompt_tokens", 0)) for a in self.attempts),  # type: ignore[call-overload]
            completion_tokens=sum(int(a.get("completion_tokens", 0)) for a in self.attempts),  # type: ignore[call-overload]
        )


@dataclass
class LlmRun:
    extraction: Extraction
    extractor: Extractor
    calls: list[CallLog]


def _path(section: Section | None, by_id: dict[str, Section]) -> str:
    chain: list[str] = []
    while section is not None:
        chain.append(f"{section.number}. {section.heading}" if section.number else section.heading)
        section = by_id.get(section.parent_id) if section.parent_id else None
    return " > ".join(reversed(chain)) or "(text outside the numbered sections)"


class _Shared:
    """What every job of one document reads (never writes): text, layout, prompt, client."""

    def __init__(self, text: str, layout: Layout, settings: Settings, client: ModelClient) -> None:
        self.text, self.layout, self.settings, self.client = text, layout, settings, client
        self.prompt = prompts.load(settings.prompt, settings.prompts_dir)
        if self.prompt.name != "section":
            raise PromptError(f"--prompt must name a section prompt (section@vN), not {self.prompt.ref}")
        self.by_id = {s.id: s for s in layout.sections}

    def request(self, job: Job) -> tuple[list[dict[str, str]], dict[str, str]]:
        """The messages for one job and the validation context (the text its quotes must come from)."""
        blocks = [
            {
                "path": _path(b.section, self.by_id),
                "role": b.section.role if b.section else "other",
                "sector": (b.section.sector or "") if b.section else "",
                "text": self.text[b.start : b.end].strip(),
            }
            for b in job.blocks
        ]
        messages = self.prompt.render(wanted=list(job.wanted), sections=blocks)
        return messages, {"section_text": "\n".join(b["text"] for b in blocks)}

    @property
    def tag(self) -> str:
        return f"{self.prompt.ref}#{self.prompt.hash}"


class _Runner:
    """Runs one job (splitting on truncation) into its own part: items, problems and logs.

    Each job gets its own runner, so jobs of one document can run on several threads at once;
    `_merge` combines the parts in job order, which keeps the output independent of timing.
    """

    def __init__(self, shared: _Shared) -> None:
        self.shared, self.text = shared, shared.text
        self.out = Extraction()
        self.calls: list[CallLog] = []

    def run(self, job: Job) -> None:
        log = CallLog(job.section_ids)
        self.calls.append(log)
        messages, context = self.shared.request(job)
        try:
            result = self.shared.client.extract(
                messages, self.shared.prompt.response_model, context=context, tag=self.shared.tag
            )
        except TruncatedAnswer as exc:
            log.add(exc.attempts)
            return self._split(job, log)
        except ValidationExhausted as exc:
            log.add(exc.attempts)
            kept = _salvage(exc.last_answer, context)
            self._problem(job, f"{exc}; kept {_count(kept)} items that passed validation" if kept else str(exc))
            if kept:
                self._convert(job, kept)
            return
        except TransientFailure as exc:
            log.add(exc.attempts)
            return self._problem(job, str(exc), "transport")
        except RequestRejected as exc:  # this request only (too long, refused content): not the run
            log.attempts.append({"kind": "answer", "error": str(exc)})
            return self._problem(job, str(exc))
        log.add(result.attempts)
        self._convert(job, result.value)

    def _split(self, job: Job, log: CallLog) -> None:
        if len(job.blocks) > 1:
            mid = len(job.blocks) // 2
            halves = [Job(job.blocks[:mid], job.wanted), Job(job.blocks[mid:], job.wanted)]
        else:
            block = job.blocks[0]
            cuts = halve(self.text, block.start, block.end)
            if cuts is None:
                return self._problem(
                    job, "the answer was cut at the model's output limit and the text cannot be split further"
                )
            halves = [Job([Block(block.section, s, e)], job.wanted) for s, e in cuts]
        log.attempts.append(
            {"kind": "split", "error": "answer truncated (finish_reason=length); asked again in two halves"}
        )
        for half in halves:
            self.run(half)

    def _problem(self, job: Job, message: str, stage: str = "extract") -> None:
        ids = job.section_ids
        self.out.problems.append(Problem(section_id=ids[0] if ids else None, stage=stage, message=message))

    def _place(self, kind: str, quote: str, job: Job) -> tuple[int, int] | None:
        span = ground(self.text, quote, start=job.start, end=job.end)
        if span is None:  # validators checked the quote, so this is rare: never invent a span for it
            self._problem(job, f"{kind} dropped: its quote does not occur in the section: {quote[:80]!r}", "ground")
            return None
        return span

    def _sector(self, start: int, words: str) -> Sector:
        section = self.shared.layout.section_at(start)
        head = words[:120]
        return (
            detect_sector(head, strong_only=True)
            or (section.sector if section else None)
            or detect_sector(head)
            or "other"
        )

    def _convert(self, job: Job, items: SectionItems) -> None:
        text = self.text
        for i in items.indicators:
            if span := self._place("indicator", i.quote, job):
                s, e = span
                comparisons = [Comparison.model_validate(c.model_dump(mode="json")) for c in i.comparisons]
                fields = i.model_dump(mode="json", exclude={"quote", "comparisons"})
                self.out.indicators.append(
                    Indicator(
                        id="",
                        **fields,
                        comparisons=comparisons,
                        sector=self._sector(s, text[s:e]),
                        quote=text[s:e],
                        start=s,
                        end=e,
                    )
                )
        for t in items.tasks:
            if span := self._place("task", t.text, job):
                s, e = span
                self.out.tasks.append(Task(id="", text=text[s:e], sector=self._sector(s, text[s:e]), start=s, end=e))
        for x in items.limitations:
            if span := self._place("limitation", x.text, job):
                s, e = span
                self.out.limitations.append(
                    Limitation(
                        id="",
                        text=text[s:e],
                        kind=x.kind,
                        sector=self._sector(s, text[s:e]),
                        start=s,
                        end=e,
                    )
                )
        for r in items.references:
            if span := self._place("reference", r.quote, job):
                s, e = span
                fields = r.model_dump(mode="json", exclude={"quote"})
                self.out.references.append(Reference(id="", **fields, quote=text[s:e], start=s, end=e))


def _merge(parts: list[_Runner]) -> tuple[Extraction, list[CallLog]]:
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


def _count(items: SectionItems) -> int:
    return len(items.indicators) + len(items.tasks) + len(items.limitations) + len(items.references)


def _salvage(raw: str | None, context: dict[str, str]) -> SectionItems | None:
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
    return items if _count(items) else None


@dataclass
class MetadataRequest:
    """The metadata@v1 call a document needs (or None when the rules found every key field)."""

    rules: Metadata | None
    messages: list[dict[str, str]] | None = None
    context: dict[str, str] = field(default_factory=dict)
    tag: str = ""

    @property
    def base(self) -> Metadata:
        return self.rules or Metadata()


def plan_metadata(text: str, layout: Layout, settings: Settings, mode: bool | None) -> MetadataRequest:
    """Rules metadata, and the metadata@v1 request when the rules left key fields empty."""
    try:
        from llmx.rules.metadata import extract_metadata

        rules: Metadata | None = extract_metadata(text, layout.sections)
    except ImportError:  # the rules backend is optional here: the model can do it alone
        rules = None
    plan = MetadataRequest(rules)
    missing = [k for k in _META_KEYS if getattr(plan.base, k) in (None, [])]
    head, tail = text[: layout.body_start].strip(), text[layout.body_end :][:TAIL_CHARS].strip()
    if mode is False or (mode is None and not missing) or not (head or tail):
        return plan
    prompt = prompts.load(METADATA_PROMPT, settings.prompts_dir)
    plan.messages = prompt.render(head=head, tail=tail)
    plan.context = {"source_text": f"{head}\n{tail}"}
    plan.tag = f"{prompt.ref}#{prompt.hash}"
    return plan


def _metadata(
    plan: MetadataRequest, client: ModelClient, problems: list[Problem]
) -> tuple[Metadata, MetadataSource, CallLog | None]:
    """Rules metadata, completed by the planned metadata@v1 call if there is one."""
    base, rules = plan.base, plan.rules
    if plan.messages is None:
        return base, "rules", None
    log = CallLog([])
    try:
        result = client.extract(plan.messages, ReportMetadata, context=plan.context, tag=plan.tag)
    except (ValidationExhausted, TruncatedAnswer, TransientFailure, RequestRejected) as exc:
        log.add(getattr(exc, "attempts", []))
        stage = "transport" if isinstance(exc, TransientFailure) else "metadata"
        problems.append(Problem(section_id=None, stage=stage, message=f"metadata@v1: {exc}"))
        return base, "rules", log
    log.add(result.attempts)
    found = Metadata.model_validate(result.value.model_dump(mode="json"))
    filled = {
        k: getattr(found, k)
        for k in Metadata.model_fields
        if getattr(base, k) in (None, []) and getattr(found, k) not in (None, [])
    }
    if not filled:
        return base, "rules", log
    source: MetadataSource = "llm" if rules is None or rules == Metadata() else "rules+llm"
    return base.model_copy(update=filled), source, log


class LlmDocument:
    """One document's LLM pass, cut into independent jobs so a scheduler can run them at once.

    `run_job(k)` and `run_metadata()` are thread-safe; `finish()` merges them in job order, so
    the result is the same whether the jobs ran one by one or interleaved with other documents.
    """

    def __init__(
        self,
        text: str,
        layout: Layout,
        settings: Settings,
        client: ModelClient,
        *,
        metadata_llm: bool | None = None,
        pack_tokens: int = PACK_TOKENS,
    ) -> None:
        self.shared = _Shared(text, layout, settings, client)
        self.settings, self.metadata_llm = settings, metadata_llm
        self.jobs = plan_jobs(text, layout, settings.max_section_tokens, pack_tokens)

    def request(self, k: int) -> tuple[list[dict[str, str]], dict[str, str]]:
        """Messages and validation context of job k (what batch mode submits)."""
        return self.shared.request(self.jobs[k])

    def run_job(self, k: int) -> _Runner:
        part = _Runner(self.shared)
        part.run(self.jobs[k])
        return part

    @functools.cached_property
    def metadata_request(self) -> MetadataRequest:
        """The rules' metadata and the metadata@v1 request, if the rules left key fields empty."""
        s = self.shared
        return plan_metadata(s.text, s.layout, self.settings, self.metadata_llm)

    def run_metadata(self) -> tuple[Metadata, MetadataSource, CallLog | None, list[Problem]]:
        problems: list[Problem] = []
        metadata, source, log = _metadata(self.metadata_request, self.shared.client, problems)
        return metadata, source, log, problems

    def finish(
        self, parts: list[_Runner], meta: tuple[Metadata, MetadataSource, CallLog | None, list[Problem]]
    ) -> LlmRun:
        out, calls = _merge(parts)
        metadata, source, meta_log, meta_problems = meta
        out.problems.extend(meta_problems)
        calls += [meta_log] if meta_log else []
        total = Usage(
            requests=sum(c.usage.requests for c in calls),
            prompt_tokens=sum(c.usage.prompt_tokens for c in calls),
            completion_tokens=sum(c.usage.completion_tokens for c in calls),
        )
        out.metadata, out.usage = metadata, total
        extractor = Extractor(
            backend="llm",
            model=self.settings.model,
            prompt=self.shared.prompt.ref,
            llmx_version=__version__,
            metadata_source=source,
            usage=total,
            calls=[
                CallUsage(section_ids=c.section_ids, **c.usage.model_dump(), attempts=c.attempts)  # type: ignore[arg-type]
                for c in calls
            ],
        )
        return LlmRun(out, extractor, calls)


def run_llm(
    text: str,
    layout: Layout,
    settings: Settings,
    *,
    client: ModelClient | None = None,
    on_section: Callable[[int, int], None] | None = None,
    metadata_llm: bool | None = None,
    pack_tokens: int = PACK_TOKENS,
) -> LlmRun:
    """The whole LLM pass over one normalized, split document, job by job, with its logs."""
    own = client is None
    client = client or build_client(settings)
    try:
        doc = LlmDocument(text, layout, settings, client, metadata_llm=metadata_llm, pack_tokens=pack_tokens)
        parts = []
        for k in range(len(doc.jobs)):
            parts.append(doc.run_job(k))
            if on_section:
                on_section(k + 1, len(doc.jobs))
        meta = doc.run_metadata()
    finally:
        if own:
            client.close()
    return doc.finish(parts, meta)


def extract_with_llm(
    text: str,
    layout: Layout,
    settings: Settings,
    *,
    client: ModelClient | None = None,
    on_section: Callable[[int, int], None] | None = None,
) -> tuple[Extraction, Extractor]:
    """The pipeline's entry point: `run_llm` without the logs."""
    run = run_llm(text, layout, settings, client=client, on_section=on_section)
    return run.extraction, run.extractor
