"""A chat completion read without the SDK's types.

The model client hands instructor's answers here: the JSON text an answer carries in any mode,
whether it made a tool call, and the attempt it was (tokens, finish reason, the model it says it
came from). Duck-typed, so Batch API answers and recorded ones read the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tenacity import RetryCallState
from tenacity.stop import stop_base

from llmx.llm.seam import Attempt


def raw_answer(completion: Any) -> str | None:
    """The JSON text of a chat completion, whatever the mode (tool call, content, fenced content)."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    if message.tool_calls:
        return str(message.tool_calls[0].function.arguments)
    content = message.content or ""
    fenced = re.search(r"```(?:json)?\s*(.*?)```", content, re.S)
    return fenced.group(1) if fenced else content


def tool_call(completion: Any) -> bool | None:
    """Whether a chat completion holds a tool (or function) call; None when it has no message."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    return bool(getattr(message, "tool_calls", None) or getattr(message, "function_call", None))


def attempt_of(response: Any, kind: str, error: str | None = None) -> Attempt:
    """An answer as an attempt: its tokens, finish reason and the model it says it came from."""
    usage = getattr(response, "usage", None)
    choice = response.choices[0] if getattr(response, "choices", None) else None
    model = getattr(response, "model", None)
    return Attempt(
        kind,
        prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
        completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
        finish_reason=getattr(choice, "finish_reason", None),
        error=error,
        model=model if isinstance(model, str) and model else None,
    )


def answer_limit(max_tokens: int | None) -> dict[str, Any]:
    """The answer limit as a create() argument (none at all when there is no limit)."""
    return {"max_tokens": max_tokens} if max_tokens is not None else {}


class QuietContext(dict[str, Any]):
    """Validation context that instructor does not template with.

    instructor renders every message as a Jinja template (and dedents it) whenever the context is
    truthy, which would rewrite report text containing `{{`, `{%` or whitespace-only lines. A
    falsy mapping keeps the context for validators and skips that rendering.
    """

    def __bool__(self) -> bool:
        return False


class StopWhen(stop_base):
    """A tenacity stop condition from a predicate on the retry state."""

    def __init__(self, predicate: Callable[[RetryCallState], bool]) -> None:
        self.predicate = predicate

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self.predicate(retry_state)


def nth_fault(limit: int, kind: type[BaseException]) -> StopWhen:
    """A stop condition: true at the `limit`-th failure of type `kind` of one request (a server too
    slow once is as slow the next time; other faults in between do not count)."""
    seen = 0

    def enough(state: RetryCallState) -> bool:
        nonlocal seen
        if state.outcome is not None and isinstance(state.outcome.exception(), kind):
            seen += 1
        return seen >= limit

    return StopWhen(enough)
