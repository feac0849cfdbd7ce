"""The model seam: the one call the LLM path makes, and what a run lends the client to pace it.

`StructuredClient.extract(messages, response_model, context=..., tag=..., max_tokens=...)` asks for
`response_model`, re-asking with the validators' messages, and returns the validated answer
with every attempt it took (tokens included). Three clients implement it: `ModelClient` (HTTP;
the only module that imports openai and instructor), `CachedClient` (the answer cache in front
of another client) and `FakeClient` (a queue of canned answers, for tests). The runner knows
only this protocol.

`Admission` is what a client asks before each HTTP request and reports after it; the bulk
runner's `Gate` implements it, so the client paces a run without importing the runner.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from llmx.config import Settings
from llmx.contract import Usage
from llmx.errors import ExtractionFailed, ModelCallError, RequestRejected

M = TypeVar("M", bound=BaseModel)
Messages = list[dict[str, str]]
REQUEST_KINDS = ("answer", "transport", "batch")  # attempts that were (or stood in for) an HTTP request


@dataclass
class Attempt:
    """One step spent on a request: a model answer (with tokens), a transport fault, a split."""

    kind: str  # "answer", "transport", "batch" (a Batch API answer), "split"
    prompt_tokens: int = 0
    completion_tokens: int = 0
    finish_reason: str | None = None
    error: str | None = None  # the validation error sent back, or the transport fault
    model: str | None = None  # the model the answer says it came from (llama.cpp answers any name)

    def as_dict(self) -> dict[str, str | int]:
        """The attempt as recorded in `extractor.calls` and the cache: empty fields left out."""
        values: dict[str, str | int | None] = {
            "kind": self.kind,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "finish_reason": self.finish_reason,
            "error": self.error,
            "model": self.model,
        }
        return {k: v for k, v in values.items() if v is not None and v != 0}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attempt:
        return cls(
            str(data.get("kind", "answer")),
            prompt_tokens=int(data.get("prompt_tokens", 0)),
            completion_tokens=int(data.get("completion_tokens", 0)),
            finish_reason=data.get("finish_reason"),
            error=data.get("error"),
            model=data.get("model"),
        )


def usage_of(attempts: list[Attempt]) -> Usage:
    """Requests and tokens spent by these attempts."""
    return Usage(
        requests=sum(1 for a in attempts if a.kind in REQUEST_KINDS),
        prompt_tokens=sum(a.prompt_tokens for a in attempts),
        completion_tokens=sum(a.completion_tokens for a in attempts),
    )


@dataclass
class CallResult(Generic[M]):
    """A validated answer and every attempt it took."""

    value: M
    attempts: list[Attempt] = field(default_factory=list)

    @property
    def usage(self) -> Usage:
        return usage_of(self.attempts)


def validation_summary(exc: BaseException, limit: int = 400) -> str:
    """A failed answer's validation errors in one line (what a re-ask sends back, and what is logged)."""
    if isinstance(exc, ValidationError):
        parts = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_url=False)[:3]]
        more = f" (+{exc.error_count() - 3} more)" if exc.error_count() > 3 else ""
        return ("; ".join(parts) + more)[:limit]
    return f"{type(exc).__name__}: {exc}"[:limit]


class TruncatedAnswer(ExtractionFailed):
    """The answer hit the model's output limit (finish_reason=length); the caller splits the input."""

    def __init__(self, message: str, *, attempts: list[Attempt] | None = None) -> None:
        super().__init__(message)
        self.attempts: list[Attempt] = list(attempts or [])


class ValidationExhausted(ExtractionFailed):
    """Every allowed attempt failed validation; `last_answer` is the last raw JSON, for salvage."""

    def __init__(self, message: str, *, attempts: list[Attempt] | None = None, last_answer: str | None = None) -> None:
        super().__init__(message)
        self.attempts: list[Attempt] = list(attempts or [])
        self.last_answer = last_answer


class TransientFailure(ModelCallError):
    """429/5xx/timeouts went on after every transport retry: this section failed, others may not."""

    def __init__(self, message: str, *, attempts: list[Attempt] | None = None) -> None:
        super().__init__(message)
        self.attempts: list[Attempt] = list(attempts or [])


class ContextOverflow(RequestRejected):
    """The request did not fit the served model's context (llama.cpp's `exceed_context_size_error`,
    OpenAI's `context_length_exceeded`, vLLM's "maximum context length"): the caller splits the text."""

    def __init__(self, message: str, *, attempts: list[Attempt] | None = None) -> None:
        super().__init__(message)
        self.attempts: list[Attempt] = list(attempts or [])


class ToolsIgnored(ModelCallError):
    """In tools mode, the endpoint answered in plain text without a tool call: it ignores `tools`
    (a llama.cpp chat template without tool support does). A setting to change, not a section's
    fault: the run stops at once with a hint, instead of re-asking the model."""

    exit_code = 3


def served_model(attempts: list[Attempt]) -> str | None:
    """The model name the first answer reported (what a local server actually ran)."""
    return next((a.model for a in attempts if a.model), None)


class StructuredClient(Protocol):
    """Anything that answers one structured request: HTTP, a cache, a fake."""

    @property
    def settings(self) -> Settings: ...

    def extract(
        self,
        messages: Messages,
        response_model: type[M],
        *,
        context: Mapping[str, Any],
        tag: str = "",
        prefetched: Any = None,
        max_tokens: int | None = None,
    ) -> CallResult[M]:
        """Ask for `response_model`; raise TruncatedAnswer, ValidationExhausted, TransientFailure,
        ContextOverflow, RequestRejected or ModelCallError (ToolsIgnored among them). `tag` names
        the prompt (prompt@version#hash); `prefetched` is an answer already fetched for these
        messages (a Batch API result) that stands in for the first request; `max_tokens` bounds
        the answer (None: the server's own limit)."""
        ...


class Admission(Protocol):
    """Run-wide pacing the client consults around every HTTP request (see llmx/run/limits.py)."""

    def slot(self) -> AbstractContextManager[None]:
        """Hold one of the run's request slots while the request is open."""
        ...

    def acquire(self, estimated_tokens: int) -> None:
        """Block until a request of about this many prompt tokens may go (or raise to stop the run)."""
        ...

    def answered(self, estimated_tokens: int, prompt_tokens: int, completion_tokens: int) -> None: ...

    def throttled(self, retry_after: float | None, estimated_tokens: int = 0) -> None: ...

    def failed(self, fault: str, estimated_tokens: int = 0) -> None: ...
