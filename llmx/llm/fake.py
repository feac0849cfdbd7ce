"""An in-process StructuredClient that answers from a queue: the LLM path without HTTP.

Each queued answer is validated against the request's response model and validation context
exactly like a model's answer, so the runner's re-asks, salvage, truncation splits and
grounding run for real; only the transport is missing. Queue JSON (a dict, a pydantic model or
a raw string, even broken JSON), `TRUNCATED` (the answer hit the output limit), an exception to
raise (TransientFailure, RequestRejected, ...), or a function of the request returning any of
those. Every request is recorded in `requests`.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from llmx.config import Settings
from llmx.llm.seam import (
    Attempt,
    CallResult,
    M,
    Messages,
    TruncatedAnswer,
    ValidationExhausted,
    validation_summary,
)
from llmx.llm.tokens import count_tokens

TRUNCATED = object()  # a queued answer cut at the output limit


@dataclass
class FakeRequest:
    messages: Messages
    response_model: type[BaseModel]
    context: Mapping[str, Any]
    tag: str
    max_tokens: int | None = None

    @property
    def user(self) -> str:
        return next((m["content"] for m in self.messages if m.get("role") == "user"), "")


Answer = Any  # dict | BaseModel | str | TRUNCATED | BaseException | Callable[[FakeRequest], Answer]
Responder = Callable[[FakeRequest], Answer]


class FakeClient:
    """Answers every attempt from the queue (re-asks take the next answer); see the module docstring."""

    def __init__(
        self, answers: Iterable[Answer] = (), *, settings: Settings | None = None, respond: Responder | None = None
    ) -> None:
        """`respond` answers whatever the queue does not (a model that always answers)."""
        self._settings = settings or Settings(backend="llm", model="fake")
        self.queue: deque[Answer] = deque(answers)
        self.respond = respond
        self.requests: list[FakeRequest] = []  # every attempt, re-asks included

    @property
    def settings(self) -> Settings:
        return self._settings

    def add(self, *answers: Answer) -> FakeClient:
        self.queue.extend(answers)
        return self

    def close(self) -> None:
        pass

    def _next(self, request: FakeRequest) -> Answer:
        if not self.queue:
            if self.respond is None:
                raise LookupError(f"FakeClient: no answer queued for request {len(self.requests)}")
            return self.respond(request)
        answer = self.queue.popleft()
        return answer(request) if callable(answer) and not isinstance(answer, type) else answer

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
        attempts: list[Attempt] = []
        last: str | None = None
        prompt_tokens = sum(count_tokens(m.get("content") or "") for m in messages)
        for _ in range(self.settings.max_validation_retries):
            request = FakeRequest(messages, response_model, context, tag, max_tokens)
            self.requests.append(request)
            answer = prefetched if prefetched is not None and not attempts else self._next(request)
            if isinstance(answer, BaseException):
                raise answer
            if answer is TRUNCATED:
                attempts.append(Attempt("answer", prompt_tokens=prompt_tokens, finish_reason="length"))
                raise TruncatedAnswer("the answer was cut at the output limit", attempts=attempts)
            raw = _raw(answer)
            kind = "batch" if prefetched is not None and not attempts else "answer"
            attempts.append(Attempt(kind, prompt_tokens, count_tokens(raw), finish_reason="stop"))
            try:
                value = response_model.model_validate_json(raw, context=dict(context))
            except (ValidationError, ValueError) as exc:
                attempts[-1].error = validation_summary(exc)
                last = raw
                continue
            return CallResult(value=value, attempts=attempts)
        message = next((a.error for a in reversed(attempts) if a.error), "")
        raise ValidationExhausted(
            f"validation failed {len(attempts)} times: {message}", attempts=attempts, last_answer=last
        )


def _raw(answer: Answer) -> str:
    if isinstance(answer, BaseModel):
        return answer.model_dump_json()
    if isinstance(answer, str):
        return answer
    return json.dumps(answer, ensure_ascii=False)
