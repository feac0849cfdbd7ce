"""Provider batch mode: every uncached request of a run through the OpenAI Batch API first.

`llmx run --batch` plans every section request of the run, drops those already in the cache,
uploads the rest as one JSONL file (`/v1/files`, purpose=batch), creates a batch on
`/v1/chat/completions` with a 24 h window, polls it, and downloads the answers. The run then
goes on as usual with those answers standing in for the first request of each section: they
are validated exactly like synchronous answers, and a section whose batch answer fails
validation (or that the batch could not answer) is re-asked synchronously. OpenAI bills batch
tokens at half price, and batches do not count against the synchronous rate limits.

Resumable by batch id: `DIR/state/batch.json` records the batch and the custom_ids (request
cache keys) it covers. A later run whose uncached requests are all covered by that batch uses
it instead of paying for a second one: a run killed while the batch was pending polls it again,
and one killed after it completed (some answers cached, the rest not) downloads the rest.
An expired batch still hands over the answers it finished (they are billed); only a failed or
cancelled one is replaced by a new batch on the next run.

Files and batches are called through `ModelClient.provider_call` (the client stays the only
module that imports the SDK); the request bodies come from `ModelClient.request_body`, i.e. from
instructor itself.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from llmx.errors import ModelCallError
from llmx.llm.client import ModelClient
from llmx.llm.faults import ProviderFault
from llmx.llm.redaction import redact
from llmx.output import write_atomic

if TYPE_CHECKING:
    from llmx.config import Settings
    from llmx.llm.plan import DocumentPlan
    from llmx.llm.seam import Admission
    from llmx.run.pricing import Price

TERMINAL = ("completed", "failed", "expired", "cancelled")
REPLACEABLE = ("failed", "cancelled")  # nothing usable came back: the next run submits again
MAX_REQUESTS = 50_000  # OpenAI's limits for one batch input file
MAX_BYTES = 200 * 1000 * 1000
TRANSIENT_ATTEMPTS = 5  # per poll, download or upload; a day of polling meets a few 5xx
NO_BATCH_API = (
    "; does this endpoint offer the Batch API? (OpenAI and Azure OpenAI do; vLLM, Ollama and llama.cpp servers do not)"
)


@dataclass
class BatchState:
    """What `DIR/state/batch.json` holds: enough to find, poll and download the batch again."""

    batch_id: str
    input_file_id: str
    requests_digest: str
    count: int
    model: str | None
    status: str = "validating"
    output_file_id: str | None = None
    error_file_id: str | None = None
    submitted: float = field(default_factory=time.time)
    finished: float | None = None
    custom_ids: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> BatchState | None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            known = {f.name for f in fields(cls)}
            return cls(**{k: v for k, v in data.items() if k in known})
        except (OSError, ValueError, TypeError, AttributeError):
            return None

    def save(self, path: Path) -> None:
        write_atomic(path, json.dumps(asdict(self), indent=1) + "\n")

    def covers(self, custom_ids: Iterable[str]) -> bool:
        """Whether every one of these requests is in this batch (state files without ids: same set)."""
        ids = list(custom_ids)
        if self.custom_ids:
            return set(ids) <= set(self.custom_ids)
        return self.requests_digest == _digest(ids)


@dataclass
class BatchResult:
    state: BatchState
    answers: dict[str, Any]  # custom_id (the request's cache key) -> chat completion
    errors: dict[str, str]  # custom_id -> why the batch has no usable answer for it
    prompt_tokens: int = 0
    completion_tokens: int = 0


def jsonl(requests: list[tuple[str, dict[str, Any]]]) -> bytes:
    """The Batch API input file: one POST /v1/chat/completions per line."""
    lines = (
        json.dumps(
            {"custom_id": cid, "method": "POST", "url": "/v1/chat/completions", "body": body}, ensure_ascii=False
        )
        for cid, body in requests
    )
    return ("\n".join(lines) + "\n").encode("utf-8")


def _digest(custom_ids: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(sorted(custom_ids)).encode()).hexdigest()


def _one_line(text: str, limit: int = 300) -> str:
    return " ".join(text.split())[:limit]


class BatchRunner:
    """Submit, poll and collect one batch through `client`'s OpenAI connection."""

    def __init__(
        self,
        client: ModelClient,
        state_path: Path,
        *,
        poll_seconds: float = 10.0,
        timeout: float = 24 * 3600,
        on_status: Callable[[str], None] | None = None,
    ) -> None:
        self.client, self.state_path = client, state_path
        self.poll_seconds, self.timeout = poll_seconds, timeout
        self.on_status = on_status or (lambda _message: None)
        self._secrets = client.secrets

    def _api(self, call: Callable[[Any], Any]) -> Any:
        return self.client.provider_call(call)

    def _fail(self, what: str, exc: ProviderFault, *, if_missing: str = "") -> ModelCallError:
        """One line, never the key: the status code, the provider's message and what to do."""
        where = self.client.settings.endpoint
        detail = redact(_one_line(exc.message), *self._secrets)
        if exc.status is not None:
            hint = {
                401: "; check --api-key/OPENAI_API_KEY",
                403: "; check --api-key/OPENAI_API_KEY",
                404: if_missing,
            }.get(exc.status, "")
            return ModelCallError(f"{where}: {what} failed ({exc.status}): {detail}{hint}")
        if exc.connection:
            return ModelCallError(f"{where}: {what} failed: cannot reach the server ({detail})")
        return ModelCallError(f"{where}: {what} failed: {detail}")

    def _patiently(self, call: Callable[[], Any], what: str, *, if_missing: str = "") -> Any:
        """`call()`, retried a few times on transient faults (429, 5xx, timeouts, dropped connections).

        Only for calls that are safe to repeat (polls, downloads, uploads): creating the batch is
        never retried, since a create whose answer was lost may still have created a batch.
        """
        for attempt in range(TRANSIENT_ATTEMPTS):
            try:
                return call()
            except ProviderFault as exc:
                if not exc.transient or attempt == TRANSIENT_ATTEMPTS - 1:
                    raise self._fail(what, exc, if_missing=if_missing) from None
                self.on_status(f"{what}: {redact(_one_line(exc.message), *self._secrets)}; trying again")
                time.sleep(min(60.0, max(self.poll_seconds, 0.01) * 2**attempt))
        raise AssertionError("unreachable")

    def submit(self, requests: list[tuple[str, dict[str, Any]]]) -> BatchState:
        """Upload and create the batch, or pick up the one already submitted for these requests."""
        ids = [cid for cid, _ in requests]
        old = BatchState.load(self.state_path)
        if old is not None and old.status not in REPLACEABLE and old.covers(ids):
            self.on_status(f"batch {old.batch_id}: resuming ({old.status}, submitted earlier, {old.count} requests)")
            return old
        data = jsonl(requests)
        if len(requests) > MAX_REQUESTS or len(data) > MAX_BYTES:
            raise ModelCallError(
                f"{len(requests)} requests ({len(data) / 1e6:.0f} MB) exceed one batch's limit of "
                f"{MAX_REQUESTS} requests and {MAX_BYTES // 1000000} MB; run the inputs in smaller parts"
            )
        uploaded = self._patiently(
            lambda: self._api(lambda api: api.files.create(file=("llmx-batch.jsonl", data), purpose="batch")),
            "uploading the batch input",
            if_missing=NO_BATCH_API,
        )
        try:
            batch = self._api(
                lambda api: api.batches.create(
                    input_file_id=uploaded.id,
                    endpoint="/v1/chat/completions",
                    completion_window="24h",
                    metadata={"tool": "llmx"},
                )
            )
        except ProviderFault as exc:
            raise self._fail("submitting the batch", exc, if_missing=NO_BATCH_API) from None
        state = BatchState(
            batch.id, uploaded.id, _digest(ids), len(requests), self.client.settings.model, batch.status, custom_ids=ids
        )
        state.save(self.state_path)
        self.on_status(f"batch {batch.id}: submitted {len(requests)} requests")
        return state

    def wait(self, state: BatchState) -> BatchState:
        """Poll until the batch ends; the state file follows every change (a kill resumes here).

        Completed and expired batches are returned (an expired one with the answers it finished);
        a failed or cancelled one is a ModelCallError naming the batch, its status and the
        provider's errors.
        """
        deadline = time.monotonic() + self.timeout
        while True:
            batch = self._patiently(
                lambda: self._api(lambda api: api.batches.retrieve(state.batch_id)),
                f"polling batch {state.batch_id}",
                if_missing=f"; delete {self.state_path} to submit a new batch",
            )
            counts = batch.request_counts
            done = f"{counts.completed}/{counts.total} done, {counts.failed} failed" if counts else ""
            if batch.status != state.status:
                self.on_status(f"batch {state.batch_id}: {batch.status} {done}".rstrip())
            state.status, state.output_file_id, state.error_file_id = (
                batch.status,
                batch.output_file_id,
                batch.error_file_id,
            )
            if batch.status in TERMINAL and state.finished is None:
                state.finished = time.time()
            state.save(self.state_path)
            if batch.status in TERMINAL:
                break
            if time.monotonic() > deadline:
                raise ModelCallError(
                    f"batch {state.batch_id} still {batch.status} after {self.timeout:g} s; "
                    "run the same command again to keep waiting"
                )
            time.sleep(self.poll_seconds)
        if batch.status in REPLACEABLE:
            found = [
                (f"line {e.line}: " if e.line else "") + (e.message or e.code or "")
                for e in ((batch.errors.data or []) if batch.errors else [])
            ]
            errors = redact(
                _one_line("; ".join(found[:3]) + (f" (+{len(found) - 3} more)" if len(found) > 3 else "")),
                *self._secrets,
            )
            raise ModelCallError(
                f"batch {state.batch_id} ended {batch.status}"
                + (f": {errors}" if errors else "")
                + "; the next run submits a new batch"
            )
        return state

    def collect(self, state: BatchState, wanted: Iterable[str] | None = None) -> BatchResult:
        """The answers (valid chat completions) and errors of an ended batch, by custom_id.

        `wanted` (default: every request of the batch) limits the result to those requests;
        each of them gets an answer or an error, so a line missing from both files (an expired
        batch) is an error too, and goes the synchronous way like any other.
        """
        want = set(wanted) if wanted is not None else set(state.custom_ids)
        result = BatchResult(state, {}, {})
        for file_id in (state.output_file_id, state.error_file_id):
            if not file_id:
                continue
            content = self._patiently(
                functools.partial(self._download, file_id),
                f"downloading {file_id} of batch {state.batch_id}",
                if_missing=f"; delete {self.state_path} to submit a new batch",
            )
            for line in content.splitlines():
                self._read_line(line, want, result)
        for cid in sorted(want - result.answers.keys() - result.errors.keys()):
            result.errors[cid] = f"batch {state.batch_id} ({state.status}) returned no answer for this request"
        return result

    def _download(self, file_id: str) -> str:
        return str(self._api(lambda api: api.files.content(file_id).text))

    def _read_line(self, line: str, want: set[str], result: BatchResult) -> None:
        try:
            record = json.loads(line)
        except ValueError:
            return  # not attributable to a request: that request ends up "no answer"
        if not isinstance(record, dict):
            return
        cid = record.get("custom_id")
        if cid is None or (want and cid not in want) or cid in result.answers:
            return
        response: dict[str, Any] = record["response"] if isinstance(record.get("response"), dict) else {}
        body = response.get("body")
        if response.get("status_code") == 200:
            try:
                completion = self.client.completion(body)
            except ValidationError as exc:
                result.errors[cid] = f"the batch answer is not a chat completion ({exc.error_count()} errors)"
                return
            result.errors.pop(cid, None)
            result.answers[cid] = completion
            if completion.usage:
                result.prompt_tokens += completion.usage.prompt_tokens
                result.completion_tokens += completion.usage.completion_tokens
            return
        error = (body.get("error") if isinstance(body, dict) else None) or record.get("error") or {}
        message = error.get("message") if isinstance(error, dict) else str(error)
        code = response.get("status_code")
        label = f"HTTP {code}" if code else (error.get("code") if isinstance(error, dict) else None) or "error"
        result.errors[cid] = redact(_one_line(f"{label}: {message}"), *self._secrets)

    def run(self, requests: list[tuple[str, dict[str, Any]]]) -> BatchResult:
        """Submit (or resume), wait, and collect the answers to exactly these requests."""
        return self.collect(self.wait(self.submit(requests)), [cid for cid, _ in requests])


def prefetch(
    plans: dict[str, Path],
    settings: Settings,
    admission: Admission,
    *,
    cache: Path,
    state: Path,
    poll_seconds: float,
    on_status: Callable[[str], None] | None,
    price: Price | None,
) -> tuple[dict[str, dict[str, Any]], dict[str, Any] | None]:
    """Every uncached request of the planned documents (`plans`: name -> pickled (Prepared,
    DocumentPlan) file) through one batch; returns each document's answers by request key and
    the run.json record of the batch (None when every request was cached already)."""
    from llmx.llm.cache import AnswerCache, request_key

    answer_cache = AnswerCache(cache)
    base = ModelClient(settings, admission=admission)
    try:
        requests: list[tuple[str, dict[str, Any]]] = []
        keys: dict[str, list[str]] = {}
        seen: set[str] = set()
        for name, plan_file in plans.items():
            plan: DocumentPlan = pickle.loads(plan_file.read_bytes())[1]
            keys[name] = []
            for request in plan.requests():
                key = request_key(settings, request.messages, request.response_model, request.tag, request.max_tokens)
                keys[name].append(key)
                if key not in seen and answer_cache.get(key) is None:
                    seen.add(key)
                    body = base.request_body(request.messages, request.response_model, request.max_tokens)
                    requests.append((key, body))
        if not requests:
            return {}, None
        result = BatchRunner(base, state, poll_seconds=poll_seconds, on_status=on_status).run(requests)
    finally:
        base.close()
        answer_cache.close()
    prefetched: dict[str, dict[str, Any]] = {}
    for name, wanted in keys.items():
        answers = {k: result.answers[k] for k in wanted if k in result.answers}
        if answers:
            prefetched[name] = answers
    cost = price.halved().cost(result.prompt_tokens, result.completion_tokens) if price else None
    return prefetched, {
        "id": result.state.batch_id,
        "requests": len(requests),
        "answered": len(result.answers),
        "failed": len(result.errors),
        "prompt_tokens": result.prompt_tokens,
        "completion_tokens": result.completion_tokens,
        "cost_usd": None if cost is None else round(cost, 6),
    }
