"""What the OpenAI SDK's exceptions mean to llmx: worth retrying or not (see llmx/llm/faults.py for
the provider's words), an exhausted quota, a request over the model's context, the Retry-After to
honour, and the one-line error a user sees. Split from client.py, which sends the requests and owns
the retry loops; the two are the only modules that import `openai` (an import contract says so).
"""

from __future__ import annotations

from collections.abc import Callable

import openai

from llmx.config import Settings, v1_hint
from llmx.errors import CassetteMismatch, LlmxError, ModelCallError, RequestRejected
from llmx.llm.faults import ProviderError, provider_message
from llmx.llm.redaction import redact
from llmx.llm.seam import ContextOverflow, TransientFailure

TIMEOUT_ATTEMPTS = 3  # a timed-out request is sent at most this many times in all

Unrecorded = Callable[[BaseException], "BaseException | None"]


def _error_fields(exc: openai.APIStatusError) -> ProviderError:
    body = exc.body if isinstance(exc.body, dict) else {}
    code, kind, message = (body.get(k) for k in ("code", "type", "message"))
    return ProviderError(exc.status_code, str(code or ""), str(kind or ""), f"{message or ''} {exc.message}")


def quota_exhausted(exc: BaseException) -> bool:
    """OpenAI's `insufficient_quota` 429: the account has no credit left, so retrying is pointless."""
    return isinstance(exc, openai.APIStatusError) and _error_fields(exc).quota_exhausted


def is_transient(exc: BaseException, unrecorded: Unrecorded | None = None) -> bool:
    """429 (but not an exhausted quota), 408/409, 5xx, a 400/422 that blames the server, timeouts
    and dropped connections: worth trying again.

    `unrecorded` recognises a replay's "no recorded answer" inside a connection error
    (llmx.llm.cassettes.cassette_miss): that is never worth trying again.
    """
    if unrecorded is not None and unrecorded(exc) is not None:
        return False
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    if not isinstance(exc, openai.APIStatusError):
        return False
    return _error_fields(exc).transient


def context_overflow(exc: BaseException) -> bool:
    """A 400 saying the request does not fit the model's context (see llmx/llm/faults.py)."""
    return isinstance(exc, openai.APIStatusError) and _error_fields(exc).context_overflow


def retry_after(exc: BaseException | None) -> float | None:
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        try:
            return float(headers[name]) * scale
        except (KeyError, TypeError, ValueError):
            continue
    return None


def fault_name(exc: BaseException | None) -> str:
    """A fault in a few words, for the request log and the run's pacing (`HTTP 503`, `timeout`)."""
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError):
        return "timeout"
    return type(exc).__name__ if exc else "fault"


def translate(
    exc: openai.OpenAIError,
    settings: Settings,
    *,
    attempts: int,
    secrets: tuple[str | None, ...],
    unrecorded: Unrecorded | None,
) -> LlmxError:
    """The one-line error a user sees for what the SDK raised after the transport retries (`attempts`
    sent); no message holds the key or the URL's credentials (`secrets`)."""
    where = settings.endpoint
    if (miss := unrecorded(exc) if unrecorded is not None else None) is not None:
        first = str(miss).splitlines()[0] if str(miss) else ""
        return CassetteMismatch(f"no recorded answer matches this request ({redact(first, *secrets)})")
    detail = redact(provider_message(exc), *secrets)
    if isinstance(exc, openai.APIStatusError):
        code = exc.status_code
        if code in (401, 403):
            return ModelCallError(f"{where} refused the API key ({code}): {detail}; check --api-key/OPENAI_API_KEY")
        if code == 404:
            hint = v1_hint(settings.base_url)
            return ModelCallError(f"{where} does not serve model {settings.model!r} (404): {detail}{hint}")
        if quota_exhausted(exc):
            return ModelCallError(f"{where}: the account's quota is used up (429 insufficient_quota): {detail}")
        if context_overflow(exc):
            return ContextOverflow(f"{where} rejected the request as too long for the model's context: {detail}")
        if is_transient(exc, unrecorded):
            return TransientFailure(f"{where} kept failing ({code}) after {attempts} attempts: {detail}")
        if code in (400, 413, 422):
            return RequestRejected(f"{where} rejected the request ({code}): {detail}")
        return ModelCallError(f"{where} rejected the request ({code}): {detail}")
    if isinstance(exc, openai.APITimeoutError):
        tries = min(attempts, TIMEOUT_ATTEMPTS)
        return TransientFailure(
            f"{where} timed out {tries} times (timeout {settings.timeout:g} s); a slow local model "
            "needs a longer --timeout (LLMX_TIMEOUT) or a smaller --max-answer-tokens"
        )
    if isinstance(exc, openai.APIConnectionError):
        return ModelCallError(f"cannot reach {where}: {detail}; is the server running and the URL right?")
    return ModelCallError(f"{where}: {detail}")
