"""Provider batch mode: every uncached request of a run through the OpenAI Batch API first.

`llmx run --batch` plans every section request of the run, drops those already in the cache,
uploads the rest as one JSONL file (`/v1/files`, purpose=batch), creates a batch on
`/v1/chat/completions` with a 24 h window, polls it, and downloads the answers. The run then
goes on as usual with those answers standing in for the first request of each section: they
are validated exactly like synchronous answers, and a section whose batch answer fails
validation (or that the batch could not answer) is re-asked synchronously. OpenAI bills batch
tokens at half price, and batches do not count against the synchronous rate limits.

Resumable by batch id: `DIR/state/batch.json` records the batch and a digest of the requests it
covers, so a killed run polls the same batch instead of paying for a second one. With
client.py, this is the only module that talks to the provider's API (here: files and batches).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import openai
from openai.types.chat import ChatCompletion

from llmx.client import ModelClient, redact
from llmx.errors import ModelCallError
from llmx.output import write_atomic

TERMINAL = ("completed", "failed", "expired", "cancelled")


@dataclass
class BatchState:
    batch_id: str
    input_file_id: str
    requests_digest: str
    count: int
    model: str | None
    status: str = "validating"
    output_file_id: str | None = None
    error_file_id: str | None = None
    submitted: float = field(default_factory=time.time)

    @classmethod
    def load(cls, path: Path) -> BatchState | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def save(self, path: Path) -> None:
        write_atomic(path, json.dumps(asdict(self), indent=2) + "\n")


@dataclass
class BatchResult:
    state: BatchState
    answers: dict[str, ChatCompletion]  # custom_id (the request's cache key) -> completion
    errors: dict[str, str]
    prompt_tokens: int = 0
    completion_tokens: int = 0


def jsonl(requests: list[tuple[str, dict[str, Any]]]) -> bytes:
    """The Batch API input file: one POST /v1/chat/completions per line."""
    lines = (
        json.dumps({"custom_id": cid, "method": "POST", "url": "/v1/chat/completions", "body": body},
                   ensure_ascii=False)
        for cid, body in requests
    )
    return ("\n".join(lines) + "\n").encode("utf-8")


def _digest(requests: list[tuple[str, dict[str, Any]]]) -> str:
    return hashlib.sha256("\n".join(sorted(cid for cid, _ in requests)).encode()).hexdigest()


class BatchRunner:
    """Submit, poll and collect one batch through `client`'s OpenAI connection."""

    def __init__(self, client: ModelClient, state_path: Path, *, poll_seconds: float = 10.0,
                 timeout: float = 24 * 3600, on_status: Callable[[str], None] | None = None) -> None:
        self.client, self.state_path = client, state_path
        self.poll_seconds, self.timeout = poll_seconds, timeout
        self.on_status = on_status or (lambda _message: None)
        self._secret = client.settings.api_key.get_secret_value() if client.settings.api_key else None

    def _api(self) -> openai.OpenAI:
        return self.client._client()

    def _fail(self, what: str, exc: Exception) -> ModelCallError:
        where = self.client.settings.base_url or "the OpenAI API"
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return ModelCallError(f"{where}: {what} failed: {redact(detail, self._secret)}")

    def submit(self, requests: list[tuple[str, dict[str, Any]]]) -> BatchState:
        """Upload and create the batch, or pick up the one already submitted for these requests."""
        digest = _digest(requests)
        old = BatchState.load(self.state_path)
        if old is not None and old.requests_digest == digest and old.status not in ("failed", "expired", "cancelled"):
            self.on_status(f"batch {old.batch_id}: resuming (submitted earlier, {old.count} requests)")
            return old
        try:
            uploaded = self._api().files.create(file=("llmx-batch.jsonl", jsonl(requests)), purpose="batch")
            batch = self._api().batches.create(
                input_file_id=uploaded.id, endpoint="/v1/chat/completions", completion_window="24h",
                metadata={"tool": "llmx"},
            )
        except openai.OpenAIError as exc:
            raise self._fail("submitting the batch", exc) from None
        state = BatchState(batch.id, uploaded.id, digest, len(requests), self.client.settings.model, batch.status)
        state.save(self.state_path)
        self.on_status(f"batch {batch.id}: submitted {len(requests)} requests")
        return state

    def wait(self, state: BatchState) -> BatchState:
        """Poll until the batch ends; the state file follows every change (a kill resumes here)."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                batch = self._api().batches.retrieve(state.batch_id)
            except openai.OpenAIError as exc:
                raise self._fail(f"polling batch {state.batch_id}", exc) from None
            counts = batch.request_counts
            done = f"{counts.completed}/{counts.total} done, {counts.failed} failed" if counts else ""
            if batch.status != state.status:
                self.on_status(f"batch {state.batch_id}: {batch.status} {done}".rstrip())
            state.status, state.output_file_id, state.error_file_id = batch.status, batch.output_file_id, batch.error_file_id
            state.save(self.state_path)
            if batch.status in TERMINAL:
                break
            if time.monotonic() > deadline:
                raise ModelCallError(f"batch {state.batch_id} still {batch.status} after {self.timeout:g} s; "
                                     "run the same command again to keep waiting")
            time.sleep(self.poll_seconds)
        if batch.status != "completed":
            errors = "; ".join(e.message or "" for e in (batch.errors.data or [])) if batch.errors else ""
            raise ModelCallError(f"batch {state.batch_id} ended {batch.status}" + (f": {errors}" if errors else ""))
        return state

    def collect(self, state: BatchState) -> BatchResult:
        """The answers (valid chat completions) and errors of a completed batch, by custom_id."""
        result = BatchResult(state, {}, {})
        for file_id in (state.output_file_id, state.error_file_id):
            if not file_id:
                continue
            try:
                content = self._api().files.content(file_id).text
            except openai.OpenAIError as exc:
                raise self._fail(f"downloading {file_id}", exc) from None
            for line in content.splitlines():
                if not line.strip():
                    continue
                record = json.loads(line)
                cid = record.get("custom_id")
                response = record.get("response") or {}
                if cid is None:
                    continue
                if response.get("status_code") == 200:
                    completion = ChatCompletion.model_validate(response["body"])
                    result.answers[cid] = completion
                    if completion.usage:
                        result.prompt_tokens += completion.usage.prompt_tokens
                        result.completion_tokens += completion.usage.completion_tokens
                else:
                    error = (response.get("body") or {}).get("error") or record.get("error") or {}
                    message = error.get("message") if isinstance(error, dict) else str(error)
                    result.errors[cid] = f"HTTP {response.get('status_code', '?')}: {message}"
        return result

    def run(self, requests: list[tuple[str, dict[str, Any]]]) -> BatchResult:
        return self.collect(self.wait(self.submit(requests)))
