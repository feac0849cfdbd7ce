"""What a provider's error status and message mean: worth trying again, or not. Pure.

The model client (the only module that knows the SDK's exception types) hands over the status
code and the error body's `code`, `type` and `message`; the rest of llmx only ever sees the
verdict. Kept apart so the judgement can be read, and tested with real providers' messages,
without HTTP.

* 429, 408, 409 and 5xx are transient, except OpenAI's `insufficient_quota` 429: an account
  with no credit left; waiting never helps, so it stops the run with the provider's message.
* A 400/413/422 saying the prompt does not fit the model's context is a context overflow: llama.cpp's
  typed `exceed_context_size_error` ("request (4326 tokens) exceeds the available context size
  (4096 tokens)"), OpenAI's `context_length_exceeded`, vLLM's "This model's maximum context length
  is 8192 tokens. However, you requested ...". The caller splits the text and asks again.
* A 400/422 is the request's fault (too long, an unsupported option, refused content) unless its
  message names the server's state instead: overloaded, a model still loading, busy, try again
  later. OpenAI itself has answered 400 to requests that succeed when sent again, and servers and
  proxies in front of local models say "loading" or "overloaded" with a 400. The request's own
  faults win when a message has both: "Invalid prompt: ... please try again with a different
  prompt" is the prompt's fault. A 400 that says neither stays the request's fault.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from llmx.config import Settings

TRANSIENT_STATUS = frozenset({408, 409, 429})
QUOTA_CODES = frozenset({"insufficient_quota"})
_REQUEST_FAULT = re.compile(
    r"context.?(length|window)|maximum context|too many (tokens|messages|images)|too (long|large)|"
    r"reduce the length|max_tokens|unknown (parameter|field|argument|model)|"
    r"\b(invalid|unsupported|not supported|unrecognized|required|must be|flagged|schema)\b|"
    r"content.?(policy|filter|management)|safety",
    re.I,
)
_SERVER_STATE = re.compile(
    r"overload|\b(is|being|still|currently) loading|loading model|not (yet )?ready|warming up|busy|"
    r"temporarily|try again|retry|capacity|unavailable|timed? ?out|too many requests|rate.?limit|"
    r"server.?error|internal error",
    re.I,
)


_CONTEXT_KINDS = frozenset({"exceed_context_size_error", "context_length_exceeded"})
_CONTEXT_WORDS = re.compile(
    r"exceeds? the (available )?context (size|length|window)|maximum context length|context.?length.?exceeded|"
    r"(prompt|input|request) (is )?too long for the (model|context)|longer than the model'?s? context",
    re.I,
)


@dataclass(frozen=True)
class ProviderError:
    """An HTTP error answer: its status and the error body's code, type and message."""

    status: int
    code: str = ""
    kind: str = ""  # the body's `type`
    message: str = ""

    @property
    def quota_exhausted(self) -> bool:
        return self.status == 429 and bool(QUOTA_CODES & {self.code, self.kind})

    @property
    def context_overflow(self) -> bool:
        """The prompt (with the answer's max_tokens) does not fit the model's context (module docstring)."""
        if self.status not in (400, 413, 422):
            return False
        return bool(_CONTEXT_KINDS & {self.code, self.kind}) or bool(_CONTEXT_WORDS.search(self.message))

    @property
    def server_side(self) -> bool:
        """A 400/422 whose words blame the server's state, not the request (module docstring)."""
        if self.status not in (400, 422):
            return False
        words = f"{self.code} {self.message}"
        return not _REQUEST_FAULT.search(words) and bool(_SERVER_STATE.search(f"{words} {self.kind}"))

    @property
    def transient(self) -> bool:
        if self.quota_exhausted:
            return False
        return self.status in TRANSIENT_STATUS or self.status >= 500 or self.server_side


def provider_message(exc: BaseException) -> str:
    """The provider's own message for a failed call (an SDK error; not yet redacted)."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict) and isinstance(message := body.get("message"), str):
        return message
    text = str(getattr(exc, "message", "") or exc)
    return text.splitlines()[0] if text else type(exc).__name__


@dataclass(frozen=True)
class TransportPolicy:
    """How transport faults are retried: attempts in all, and the jittered exponential backoff."""

    attempts: int = 6
    initial: float = 0.5
    maximum: float = 20.0
    max_retry_after: float = 60.0

    @classmethod
    def from_settings(cls, settings: Settings) -> TransportPolicy:
        return cls(attempts=settings.max_transport_retries + 1, initial=settings.retry_backoff)


class ProviderFault(Exception):
    """A call to the provider's other APIs (files, batches) failed; said without the SDK's types."""

    def __init__(self, message: str, *, status: int | None, transient: bool, connection: bool) -> None:
        super().__init__(message)
        self.message, self.status, self.transient, self.connection = message, status, transient, connection
