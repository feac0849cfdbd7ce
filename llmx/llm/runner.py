"""The LLM backend: a document's plan through a structured client into grounded contract items.

Each section's own text is sent once (long ones split on line boundaries to the token budget;
small neighbours with the same role packed into one request, since the fixed instructions and
schema would otherwise cost more than the text: see llmx/llm/plan.py). A truncated answer, or a
request the served model's context cannot hold, splits its input in two and asks again; a section
whose answers keep failing validation goes into `problems` with the last validator message,
keeping the items that passed. The client is any
`StructuredClient` (HTTP, cache, fake): this module never talks to a provider itself.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from llmx import __version__
from llmx.assemble import Extraction
from llmx.config import Settings, debug_enabled, url_secrets
from llmx.contract import Extractor, Metadata, Problem, Usage
from llmx.errors import LlmxError, RequestRejected
from llmx.llm.chunking import PACK_TOKENS, Block, Job, halve
from llmx.llm.convert import CallLog, Part, convert, count, merge, salvage
from llmx.llm.metadata import MetadataSource, merge_metadata, salvage_metadata
from llmx.llm.plan import DocumentPlan, Request, plan_document
from llmx.llm.redaction import redact
from llmx.llm.seam import (
    Attempt,
    CallResult,
    ContextOverflow,
    StructuredClient,
    TransientFailure,
    TruncatedAnswer,
    ValidationExhausted,
)
from llmx.sections import Layout

_OVERFLOW = "the request was too long for the model's context"
MetadataResult = tuple[Metadata, MetadataSource, CallLog | None, list[Problem]]


@dataclass
class LlmRun:
    extraction: Extraction
    extractor: Extractor
    calls: list[CallLog]


class LlmDocument:
    """One document's plan run as independent jobs, so a scheduler can run them at once.

    `run_job(k)` and `run_metadata()` are thread-safe; `finish()` merges them in job order, so
    the result is the same whether the jobs ran one by one or interleaved with other documents.
    """

    def __init__(self, plan: DocumentPlan, settings: Settings, client: StructuredClient) -> None:
        self.plan, self.settings, self.client = plan, settings, client

    @property
    def jobs(self) -> list[Job]:
        return self.plan.jobs

    def run_job(self, k: int) -> Part:
        part = Part()
        self._run(part, self.plan.jobs[k], first=k)
        return part

    def _ask(self, request: Request) -> CallResult[Any]:
        """One planned request through the client, just as it was planned."""
        return self.client.extract(
            request.messages,
            request.response_model,
            context=request.context,
            tag=request.tag,
            max_tokens=request.max_tokens,
        )

    def _run(self, part: Part, job: Job, first: int | None = None, depth: int = 0) -> None:
        log = CallLog(job.section_ids)
        part.calls.append(log)
        request = self.plan.requests_by_job[first] if first is not None else self.plan.request(job)
        try:
            result = self._ask(request)
        except TruncatedAnswer as exc:
            log.add(exc.attempts)
            return self._split(part, job, log, depth)
        except ContextOverflow as exc:
            log.add(exc.attempts or [Attempt("answer", error=str(exc))])
            return self._split(part, job, log, depth, why="context")
        except ValidationExhausted as exc:
            log.add(exc.attempts)
            kept = salvage(exc.last_answer, request.context, request.response_model)
            part.problem(job, f"{exc}; kept {count(kept)} items that passed validation" if kept else str(exc))
            if kept:
                convert(part, self.plan.text, self.plan.layout, job, kept)
            return None
        except TransientFailure as exc:
            log.add(exc.attempts)
            return part.problem(job, str(exc), "transport")
        except RequestRejected as exc:  # this request only (too long, refused content): not the run
            log.add([Attempt("answer", error=str(exc))])
            return part.problem(job, str(exc))
        except LlmxError:  # the run's own stops (budget, breaker, refused key, full disk)
            raise
        except Exception as exc:  # a local fault or a bug: this section only, never cached
            log.add(getattr(exc, "attempts", []))
            return part.problem(job, *local_fault(exc, self.settings))
        log.add(result.attempts)
        convert(part, self.plan.text, self.plan.layout, job, result.value)
        return None

    def _split(self, part: Part, job: Job, log: CallLog, depth: int, why: str = "length") -> None:
        """Ask again in two halves; at most `max_split_depth` halvings deep, so a model that truncates
        everything (or a context too small for anything) costs at most 2^(depth+1)-1 requests where
        one was planned, not a request per line."""
        what = "the answer was cut at the model's output limit" if why == "length" else _OVERFLOW
        if depth >= self.settings.max_split_depth:
            spent = sum(c.usage.requests for c in part.calls)
            return part.problem(
                job,
                f"{what.replace(' was ', ' was still ', 1)} after {depth} splits (the limit); "
                f"this text ({job.end - job.start} characters) was not extracted; "
                f"{spent} requests spent on its planned request so far",
            )
        if len(job.blocks) > 1:
            mid = len(job.blocks) // 2
            halves = [Job(job.blocks[:mid], job.wanted), Job(job.blocks[mid:], job.wanted)]
        else:
            block = job.blocks[0]
            cuts = halve(self.plan.text, block.start, block.end)
            if cuts is None:
                return part.problem(job, f"{what} and the text cannot be split further")
            halves = [Job([Block(block.section, s, e, block.label)], job.wanted) for s, e in cuts]
        reason = "answer truncated (finish_reason=length)" if why == "length" else "request over the model's context"
        log.add([Attempt("split", error=f"{reason}; asked again in two halves")])
        for half in halves:
            self._run(part, half, depth=depth + 1)
        return None

    def run_metadata(self) -> MetadataResult:
        """Rules metadata merged with the planned metadata request's answer (llmx/llm/metadata.py);
        a failed answer still gives the fields that passed validation."""
        meta = self.plan.metadata
        request = meta.request
        if request is None:
            return meta.base, "rules", None, []
        log, problems = CallLog([]), []
        ref = request.tag.split("#")[0]
        try:
            result = self._ask(request)
            log.add(result.attempts)
            answer = result.value
        except (ValidationExhausted, TruncatedAnswer, TransientFailure, RequestRejected) as exc:
            log.add(getattr(exc, "attempts", []))
            stage = "transport" if isinstance(exc, TransientFailure) else "metadata"
            raw = exc.last_answer if isinstance(exc, ValidationExhausted) else None
            answer = salvage_metadata(raw, request.context, request.response_model)
            kept = f"; kept {len(answer.model_fields_set)} fields that passed validation" if answer else ""
            problems.append(Problem(section_id=None, stage=stage, message=f"{ref}: {exc}{kept}"))
        except LlmxError:
            raise
        except Exception as exc:  # a local fault or a bug: rules metadata stands, a re-run asks again
            log.add(getattr(exc, "attempts", []))
            message, stage = local_fault(exc, self.settings)
            answer, problems = None, [Problem(section_id=None, stage=stage, message=f"{ref}: {message}")]
        metadata, source = merge_metadata(meta.rules, answer, request.context["source_text"])
        return metadata, source, log, problems

    def finish(self, parts: list[Part], meta: MetadataResult) -> LlmRun:
        out, calls = merge(parts)
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
            served_model=next((str(a["model"]) for c in calls for a in c.attempts if a.get("model")), None),
            prompt=self.plan.prompt.ref,
            llmx_version=__version__,
            metadata_source=source,
            usage=total,
            calls=[c.as_call() for c in calls],
        )
        return LlmRun(out, extractor, calls)


def local_fault(exc: Exception, settings: Settings) -> tuple[str, str]:
    """The problem message and stage of a request that failed on our side, not the model's: an
    OSError (a broken pipe to the run, a full disk under the request log) is `transport`, a bug is
    `internal`; a plain re-run asks for both again (llmx/run/manifest.py). The exception's words
    may hold what was being sent (a URL with its password, a key): they are redacted."""
    if debug_enabled():
        traceback.print_exception(exc)
    key = settings.api_key.get_secret_value() if settings.api_key else None
    said = redact(f"{type(exc).__name__}: {exc}", key, *url_secrets(settings.base_url))
    if isinstance(exc, OSError):
        return f"local fault while asking: {said}; a re-run asks again", "transport"
    return f"internal error: {said}; a re-run asks again", "internal"


def run_plan(
    plan: DocumentPlan,
    settings: Settings,
    client: StructuredClient,
    *,
    on_section: Callable[[int, int], None] | None = None,
) -> LlmRun:
    """Every job of a plan, one by one, then metadata; the merged result with its logs."""
    doc = LlmDocument(plan, settings, client)
    parts = []
    for k in range(len(doc.jobs)):
        parts.append(doc.run_job(k))
        if on_section:
            on_section(k + 1, len(doc.jobs))
    return doc.finish(parts, doc.run_metadata())


def run_llm(
    text: str,
    layout: Layout,
    settings: Settings,
    *,
    client: StructuredClient,
    on_section: Callable[[int, int], None] | None = None,
    metadata_llm: bool | None = None,
    pack_tokens: int = PACK_TOKENS,
) -> LlmRun:
    """The whole LLM pass over one normalized, split document, job by job, with its logs."""
    plan = plan_document(text, layout, settings, metadata_llm=metadata_llm, pack_tokens=pack_tokens)
    return run_plan(plan, settings, client, on_section=on_section)
