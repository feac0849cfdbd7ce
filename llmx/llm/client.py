"""The model client: the only module that imports `instructor`, and with `sdk_faults.py` (what the
SDK's exceptions mean) the only one that imports `openai`.

Two retry loops, kept apart on purpose (instructor #1907: transport faults must never be fed
back to the model as if they were validation errors):
* transport: 429 (honouring Retry-After), 408/409, 5xx, timeouts and dropped connections are
  retried around the single HTTP call with jittered exponential backoff (the SDK's own retries
  are off, so the policy is ours, testable and recorded);
* validation: an answer that fails the response model's validators (or is not JSON) is re-asked
  through instructor with the validator messages, up to `settings.max_validation_retries`
  attempts in all.
Auth (401/403), unknown models (404), an exhausted quota (429 `insufficient_quota`) and bad
requests (400, unless the message blames the server: see llmx/llm/faults.py) fail at once; a
request over the model's context is a ContextOverflow (the runner splits its text). A timeout is
sent at most TIMEOUT_ATTEMPTS times: a slow server is as slow again. In tools mode, an endpoint
that never makes a tool call ignores `tools` (ToolsIgnored: a setting to change, not a re-ask).
No message here, nor the request log (`--log`), holds the API key or the URL's credentials.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import random
import threading
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import instructor
import openai
from instructor.core import Hooks, IncompleteOutputException, InstructorRetryException, ResponseParsingError
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from llmx.config import OPENAI_API_URL, Settings, check_settings, url_secrets
from llmx.errors import ConfigError, LlmxError
from llmx.llm import completions as read
from llmx.llm import sdk_faults as sdk
from llmx.llm.faults import ProviderFault, TransportPolicy, provider_message
from llmx.llm.redaction import redact
from llmx.llm.requestlog import RequestLog
from llmx.llm.seam import (
    Admission,
    Attempt,
    CallResult,
    ContextOverflow,
    M,
    Messages,
    ToolsIgnored,
    TransientFailure,
    TruncatedAnswer,
    ValidationExhausted,
    validation_summary,
)
from llmx.llm.tokens import request_tokens

PLACEHOLDER_KEY = "llmx-local-no-key"  # local servers need no key, but the SDK sends a header
MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
# a wrong answer: a failed validator, not JSON, a tool call without arguments (never a local fault)
_PARSE_ERRORS = (ValidationError, json.JSONDecodeError, ResponseParsingError)
_REFUSED = "Unable to generate a response due to"  # instructor's AssertionError for a tools-mode refusal
T = TypeVar("T")
# instructor logs every failed attempt at ERROR; without a handler Python would print them on
# stderr next to the CLI's own one-line messages. Attempts are recorded per section instead.
logging.getLogger("instructor").addHandler(logging.NullHandler())


def _remember_async_validator_checks() -> None:
    """instructor checks the response model's whole class tree for async validators four times
    per call (1.4 ms): a class that passed is remembered; a failing one still raises."""
    try:
        from instructor.v2.core import patch as patch_module
        from instructor.v2.validation import async_validators as checks
    except ImportError:
        return
    original = checks.reject_async_validators
    passed: set[Any] = set()

    def reject_async_validators(response_model: Any) -> None:
        with contextlib.suppress(TypeError):  # an unhashable annotation is checked every time
            if response_model in passed:
                return
        original(response_model)
        with contextlib.suppress(TypeError):
            passed.add(response_model)

    functools.update_wrapper(reject_async_validators, original, assigned=(), updated=())  # sets __wrapped__ alone
    if not hasattr(original, "__wrapped__"):  # not installed twice
        checks.reject_async_validators = reject_async_validators
        if getattr(patch_module, "reject_async_validators", None) is original:
            setattr(patch_module, "reject_async_validators", reject_async_validators)  # noqa: B010 -- not exported


_remember_async_validator_checks()


class ModelClient:
    """An OpenAI-compatible endpoint behind instructor, built lazily from Settings."""

    def __init__(
        self,
        settings: Settings,
        *,
        policy: TransportPolicy | None = None,
        replay: bool = False,
        admission: Admission | None = None,
        unrecorded: sdk.Unrecorded | None = None,
    ) -> None:
        """`replay`: cassettes answer, so no key is needed; `admission`: run-wide pacing shared
        by every thread using this client (the bulk runner's gate); `unrecorded`: see sdk_faults.is_transient."""
        if not replay:
            check_settings(settings)
        self.settings = settings
        self.policy = policy or TransportPolicy.from_settings(settings)
        self.admission = admission
        self.unrecorded = unrecorded
        self._lock = threading.Lock()
        self._openai: openai.OpenAI | None = None
        self._secret = settings.api_key.get_secret_value() if settings.api_key else None
        self.secrets = (self._secret, *url_secrets(settings.base_url))  # what no message may contain
        self._tool_calls_seen = False  # tools mode: has this endpoint ever answered with a tool call?
        self.log = RequestLog.open(settings.request_log, lambda text: redact(text, *self.secrets))
        # instructor's wrapper built once; each call's attempts and prefetched answer per thread
        self._call = threading.local()
        self._create = instructor.patch(create=self._create_one, mode=MODES[settings.mode])

    def _client(self) -> openai.OpenAI:
        with self._lock:  # worker threads share one connection pool; build it once
            return self._build()

    def _build(self) -> openai.OpenAI:
        """The SDK client, every setting given from Settings: the SDK fills a missing base URL from
        OPENAI_BASE_URL and sends OPENAI_ORG_ID / OPENAI_PROJECT_ID as headers, behind config.py's back."""
        if self._openai is None:
            client = openai.OpenAI(
                api_key=self._secret or PLACEHOLDER_KEY,
                base_url=self.settings.base_url or OPENAI_API_URL,
                timeout=self.settings.timeout,
                max_retries=0,  # transport retries are ours (see module docstring)
            )
            client.organization = client.project = None  # passing None makes the SDK read them from the environment
            self._openai = client
        return self._openai

    def warm_up(self) -> None:
        """Build the connection pool and import the SDK's request code now, not in the first
        wave of concurrent requests (the SDK imports its resources lazily, under the GIL)."""
        _ = self._client().chat.completions

    def close(self) -> None:
        if self._openai is not None:
            self._openai.close()
            self._openai = None
        if self.log is not None:
            self.log.close()

    def __enter__(self) -> ModelClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait(self, state: RetryCallState) -> float:
        retry_after = sdk.retry_after(state.outcome.exception() if state.outcome else None)
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.policy.max_retry_after)
        backoff = min(self.policy.maximum, self.policy.initial * 2.0 ** (state.attempt_number - 1))
        return backoff * random.uniform(0.5, 1.0)

    def _send(self, log: list[Attempt], kwargs: dict[str, Any]) -> Any:
        """One chat completion, with transport retries; faults are logged, never shown to the model."""

        def note(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            wait = state.next_action.sleep if state.next_action else 0.0
            log.append(Attempt("transport", error=f"{sdk.fault_name(exc)}; retried after {wait:.2f} s"))

        retrying = Retrying(
            stop=stop_after_attempt(self.policy.attempts)
            | read.nth_fault(sdk.TIMEOUT_ATTEMPTS, openai.APITimeoutError),
            wait=self._wait,
            retry=retry_if_exception(self._transient),
            before_sleep=note,
            reraise=True,
        )
        try:
            return retrying(self._logged, **kwargs)
        except openai.OpenAIError as exc:
            raise sdk.translate(
                exc, self.settings, attempts=self.policy.attempts, secrets=self.secrets, unrecorded=self.unrecorded
            ) from None

    def _logged(self, **kwargs: Any) -> Any:
        """One HTTP request (`_gated`), written to the request log when there is one."""
        if self.log is None:
            return self._gated(**kwargs)
        started = self.log.now()
        try:
            response = self._gated(**kwargs)
        except Exception as exc:
            error = f"{sdk.fault_name(exc)}: {provider_message(exc)}"
            self.log.write(self.settings.endpoint, kwargs, started, error=error)
            raise
        self.log.write(self.settings.endpoint, kwargs, started, answer=response.model_dump(exclude_unset=True))
        return response

    def _miss(self, exc: BaseException) -> BaseException | None:
        return self.unrecorded(exc) if self.unrecorded is not None else None

    def _transient(self, exc: BaseException) -> bool:
        return sdk.is_transient(exc, self.unrecorded)

    def _gated(self, **kwargs: Any) -> Any:
        """One HTTP request, admitted by the run's pacing and reported back to it."""
        gate = self.admission
        if gate is None:
            return self._post_chat(kwargs)
        estimate = request_tokens(kwargs)
        with gate.slot():
            gate.acquire(estimate)
            try:
                response = self._post_chat(kwargs)
            except openai.APIStatusError as exc:
                if exc.status_code == 429 and not sdk.quota_exhausted(exc):
                    gate.throttled(sdk.retry_after(exc), estimate)
                elif self._transient(exc):
                    gate.failed(sdk.fault_name(exc), estimate)
                raise
            except openai.APIConnectionError as exc:
                if self._miss(exc) is None:
                    gate.failed(sdk.fault_name(exc), estimate)
                raise
        usage = getattr(response, "usage", None)
        gate.answered(estimate, getattr(usage, "prompt_tokens", 0) or 0, getattr(usage, "completion_tokens", 0) or 0)
        return response

    def _post_chat(self, kwargs: dict[str, Any]) -> ChatCompletion:
        """`chat.completions.create(**kwargs)` through the client's generic `post`: the body
        instructor builds is JSON already, and create() walked it against typed dicts (0.7 ms)."""
        body = dict(kwargs)
        options: dict[str, Any] = {}
        for name, option in (("extra_headers", "headers"), ("extra_query", "params"), ("timeout", "timeout")):
            value = body.pop(name, None)
            if value is not None:
                options[option] = value
        body.update(body.pop("extra_body", None) or {})
        response: ChatCompletion = self._client().post(
            "/chat/completions", body=body, cast_to=ChatCompletion, options=cast(Any, options)
        )
        return response

    def request_body(
        self, messages: list[dict[str, str]], response_model: type[BaseModel], max_tokens: int | None = None
    ) -> dict[str, Any]:
        """The exact chat.completions body `extract` would send first (for Batch API lines).

        instructor builds it (tools or response_format per mode, messages adjusted for JSON modes);
        a capturing `create` records it and stops before any HTTP.
        """
        captured: dict[str, Any] = {}

        class _Captured(Exception):
            pass

        def capture(**kwargs: Any) -> Any:
            captured.update(kwargs)
            raise _Captured

        create = instructor.patch(create=capture, mode=MODES[self.settings.mode])
        with contextlib.suppress(Exception):  # _Captured, possibly wrapped by instructor's retry loop
            create(
                model=self.settings.model,
                messages=messages,
                response_model=_schema_model(response_model),
                max_retries=1,
                temperature=self.settings.temperature,
                **read.answer_limit(max_tokens),
            )
        if not captured:
            raise ConfigError(f"instructor built no request for mode {self.settings.mode}")
        return {k: v for k, v in captured.items() if k not in ("extra_headers", "timeout", "max_retries")}

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
        """Ask for `response_model`, re-asking with validator messages; every attempt is logged.

        `prefetched`, a chat completion already answered for these messages (a Batch API result),
        stands in for the first request: it is validated like any answer and, when it fails, the
        re-ask carries the validator message to the endpoint synchronously.
        """
        log: list[Attempt] = []
        hooks = Hooks()
        call = self._call
        call.log, call.pending, call.fault = log, [prefetched] if prefetched is not None else [], None

        def on_response(response: Any) -> None:
            log.append(read.attempt_of(response, "batch" if response is prefetched else "answer"))

        def on_parse_error(error: Exception, **_: Any) -> None:
            if log:
                log[-1].error = validation_summary(error)

        wrapped = _schema_model(response_model)
        hooks.on("completion:response", on_response)
        hooks.on("parse:error", on_parse_error)
        validation = Retrying(
            stop=stop_after_attempt(self.settings.max_validation_retries),
            retry=retry_if_exception(lambda e: _answer_failed(e, call.fault)),
            reraise=True,
        )
        try:
            value = self._create(
                model=self.settings.model,
                messages=messages,
                response_model=wrapped,
                max_retries=validation,
                context=read.QuietContext(context),
                hooks=hooks,
                temperature=self.settings.temperature,
                extra_headers={"X-Llmx-Prompt": tag} if tag else None,
                **read.answer_limit(max_tokens),
            )
        except IncompleteOutputException:
            raise TruncatedAnswer("the answer was cut at the output limit", attempts=log) from None
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if isinstance(cause, (TransientFailure, ContextOverflow)):
                cause.attempts = list(log)
            if isinstance(cause, LlmxError):
                raise cause from None
            if cause is None or not _answer_failed(cause, call.fault, refusal=True):  # a local fault or a bug
                setattr(cause or exc, "attempts", list(log))  # noqa: B010 -- any exception: what it had paid for
                raise (cause or exc) from None
            last = next((a.error for a in reversed(log) if a.error), None) or validation_summary(cause or exc)
            raise ValidationExhausted(
                f"validation failed {exc.n_attempts} times: {redact(last, *self.secrets)}",
                attempts=log,
                last_answer=read.raw_answer(exc.last_completion),
            ) from None
        return CallResult(value=cast(M, value), attempts=log)

    def _create_one(self, **kwargs: Any) -> Any:
        """The `create` instructor calls for each attempt of the call running on this thread."""
        call = self._call
        try:
            if call.pending:
                return self._check_tools(call.pending.pop(), call.log, batch=True)
            return self._check_tools(self._send(call.log, kwargs), call.log)
        except Exception as exc:  # raised by asking, not by reading an answer: never a failed validation
            call.fault = exc
            raise

    def _check_tools(self, response: Any, log: list[Attempt], *, batch: bool = False) -> Any:
        """In tools mode, an answer without a tool call from an endpoint that never made one means
        the endpoint ignores `tools`: ToolsIgnored (see the module docstring), not a re-ask."""
        if self.settings.mode != "tools" or (called := read.tool_call(response)) is None:
            return response
        if called:
            self._tool_calls_seen = True
        elif not self._tool_calls_seen:
            log.append(read.attempt_of(response, "batch" if batch else "answer", error="answer without a tool call"))
            raise ToolsIgnored(
                f"{self.settings.endpoint} answered without a tool call in tools mode: it ignores `tools` (a "
                "llama.cpp server does when the model's chat template has no tool support); use --mode json_schema"
            )
        return response

    # -- the provider's other APIs (batch mode: files and batches) -------------------------------
    def provider_call(self, call: Callable[[Any], T]) -> T:
        """`call(sdk_client)`, with the SDK's errors turned into ProviderFault (batch mode's files
        and batches calls go through here, so only this module knows the SDK's types)."""
        try:
            return call(self._client())
        except openai.OpenAIError as exc:
            raise ProviderFault(
                redact(provider_message(exc), *self.secrets),
                status=exc.status_code if isinstance(exc, openai.APIStatusError) else None,
                transient=self._transient(exc),
                connection=isinstance(exc, openai.APIConnectionError),
            ) from None

    @staticmethod
    def completion(body: Any) -> Any:
        """A chat completion from its JSON (a Batch API output line); pydantic's ValidationError if not."""
        return ChatCompletion.model_validate(body)


def _answer_failed(exc: BaseException, fault: BaseException | None, *, refusal: bool = False) -> bool:
    """Did the model's answer fail validation or parsing (re-asked, then cached as `invalid`), or (with
    `refusal`) refuse, which is not re-asked? What the request itself raised (`fault`) never counts."""
    refused = refusal and isinstance(exc, AssertionError) and str(exc).startswith(_REFUSED)
    return (refused or isinstance(exc, _PARSE_ERRORS)) and exc is not fault


@functools.lru_cache(maxsize=64)
def _schema_model(model: type[BaseModel]) -> type[BaseModel]:
    """instructor's schema wrapper of `model`, made once: instructor would build a new class per call."""
    return instructor.openai_schema(model)
