"""The request log (`--log FILE`, LLMX_LOG): every HTTP request to the model and its answer, as JSONL.

For prompt engineers reading a run afterwards: one line per HTTP request (transport retries and
re-asks included), with the time it was sent, how long it took, the endpoint, the request body as
sent (messages, schema, max_tokens) and the answer (or the fault). Lines are written whole and
flushed as they come, from any thread, so a run stopped half-way leaves a readable log. Every line
goes through the model client's redaction (the API key, anything shaped like a key, `user:pass@`
in URLs), and request headers are never logged. The file is appended to: several runs can share
one log.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from llmx.errors import OutputError

_NOT_BODY = ("extra_headers", "extra_query", "extra_body", "timeout", "max_retries")


class RequestLog:
    """An open JSONL request log; `write` is thread-safe."""

    def __init__(self, path: Path, stream: TextIO, redact: Callable[[str], str]) -> None:
        self.path, self._stream, self._redact = path, stream, redact
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | None, redact: Callable[[str], str]) -> RequestLog | None:
        """The log at `path` (appended to), or None when no log was asked for."""
        if path is None:
            return None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            stream = path.open("a", encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"cannot write the request log: {exc.strerror or exc}", path=str(path)) from None
        return cls(path, stream, redact)

    @staticmethod
    def now() -> float:
        return time.time()

    def write(
        self,
        endpoint: str,
        body: Mapping[str, Any],
        started: float,
        *,
        answer: Any = None,
        error: str | None = None,
    ) -> None:
        """One request and its answer (or its error) as one redacted JSON line."""
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(started, UTC).isoformat(timespec="milliseconds"),
            "seconds": round(time.time() - started, 3),
            "endpoint": endpoint,
            "prompt": ((body.get("extra_headers") or {}).get("X-Llmx-Prompt")),
            "request": {k: v for k, v in body.items() if k not in _NOT_BODY},
        }
        entry["answer" if error is None else "error"] = answer if error is None else error
        line = self._redact(json.dumps(entry, ensure_ascii=False, default=str))
        with self._lock:
            if self._stream.closed:
                return
            self._stream.write(line + "\n")
            self._stream.flush()

    def close(self) -> None:
        with self._lock:
            self._stream.close()
