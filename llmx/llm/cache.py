"""The answer cache: never pay twice for the same section. SQLite, safe for concurrent writers.

A request's key is a hash of everything that decides its answer: model, instructor mode,
temperature, validation attempts, prompt name@version and template hash, the response model's
JSON schema (with its list bounds), the answer's max_tokens, llmx's output schema version, and the
rendered messages (which carry the section
text). Change any of them and the key changes; nothing stale is ever replayed.

What is stored is the outcome of `ModelClient.extract` for that request:
* `ok`: the validated answer and every attempt it took (tokens included), so a report built from
  the cache is identical, usage and all, to the one built when the answer was paid for;
* `invalid`: every attempt failed validation; the last raw answer is kept for salvage. Replayed
  as the same failure unless the run asks `--retry-failed`;
* `truncated`: the answer hit the output limit; replayed so the caller splits the same way and
  finds the halves in the cache.
Transport failures, budget stops, an open breaker and local faults or bugs met while asking (the
client raises those as what they are, never as a failed validation) are *not* stored: those
sections were not finished and are sent again by the next run.

Each thread has its own connection; WAL journaling and a busy timeout let several threads and
processes (two `llmx run`s sharing a cache) write at once. A write is one short transaction, so a
run killed at any moment leaves every finished answer in the cache and nothing half-written.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from llmx import SCHEMA_VERSION
from llmx.config import Settings
from llmx.errors import DiskFull, OutputError
from llmx.llm.seam import Attempt, CallResult, M, Messages, StructuredClient, TruncatedAnswer, ValidationExhausted

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    key TEXT PRIMARY KEY,
    request TEXT,
    status TEXT NOT NULL CHECK (status IN ('ok', 'invalid', 'truncated')),
    value TEXT,
    message TEXT,
    attempts TEXT NOT NULL,
    model TEXT,
    prompt TEXT,
    created REAL NOT NULL
)
"""


def messages_digest(messages: list[dict[str, str]]) -> str:
    """A digest of the messages alone, so a server log can be matched against the cache."""
    blob = json.dumps(messages, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def request_key(
    settings: Settings,
    messages: list[dict[str, str]],
    response_model: type[BaseModel],
    tag: str,
    max_tokens: int | None = None,
) -> str:
    """The cache key of one request: a sha256 over everything that decides its answer."""
    material: dict[str, Any] = {
        "model": settings.model,
        "mode": settings.mode,
        "temperature": settings.temperature,
        "validation_attempts": settings.max_validation_retries,
        "prompt": tag,
        "response_model": _schema_hash(response_model),
        "schema_version": SCHEMA_VERSION,
        "messages": messages,
    }
    if max_tokens is not None:  # keys of requests sent without a limit stay what they were
        material["max_tokens"] = max_tokens
    blob = json.dumps(material, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


_SCHEMA_HASHES: dict[type[BaseModel], str] = {}


def _schema_hash(model: type[BaseModel]) -> str:
    if model not in _SCHEMA_HASHES:
        schema = json.dumps(model.model_json_schema(), sort_keys=True)
        _SCHEMA_HASHES[model] = hashlib.sha256(schema.encode()).hexdigest()[:16]
    return _SCHEMA_HASHES[model]


def storage_error(exc: sqlite3.Error, path: Path, doing: str) -> OutputError:
    """What SQLite's failure means for the user: DiskFull when the disk is (nearly) full (SQLite
    says "disk I/O error" as often as "database or disk is full" then), else an OutputError."""
    try:
        nearly_full = shutil.disk_usage(path.parent).free < 1 << 20
    except OSError:
        nearly_full = False
    if nearly_full or getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(exc):
        return DiskFull(f"disk full: cannot {doing} the answer cache {path} ({exc})")
    return OutputError(f"cannot {doing} the answer cache ({exc})", path=str(path))


class AnswerCache:
    """An SQLite file of request outcomes keyed by `request_key`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            self._db().execute(_SCHEMA)
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path, "open") from None

    def _db(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=60.0, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: a crash loses no committed answer
            self._local.db = db
            with self._lock:
                self._all.append(db)
        return db

    def get(self, key: str) -> dict[str, Any] | None:
        row = (
            self._db().execute("SELECT status, value, message, attempts FROM answers WHERE key = ?", (key,)).fetchone()
        )
        if row is None:
            return None
        status, value, message, attempts = row
        return {"status": status, "value": value, "message": message, "attempts": json.loads(attempts)}

    def put(
        self,
        key: str,
        status: str,
        *,
        value: str | None,
        message: str | None,
        attempts: list[dict[str, str | int]],
        model: str | None,
        prompt: str,
        request: str | None = None,
    ) -> None:
        try:
            self._db().execute(
                "INSERT OR REPLACE INTO answers (key, request, status, value, message, attempts, model, prompt, "
                "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    request,
                    status,
                    value,
                    message,
                    json.dumps(attempts, ensure_ascii=False),
                    model,
                    prompt,
                    time.time(),
                ),
            )
        except sqlite3.OperationalError as exc:  # the answer was paid for; say why it is not kept
            error = storage_error(exc, self.path, "store an answer in")
            if isinstance(error, DiskFull):
                raise error from None
            raise

    def requests(self) -> set[str]:
        """Digests of the messages of every stored answer (see `messages_digest`)."""
        return {r for (r,) in self._db().execute("SELECT request FROM answers WHERE request IS NOT NULL")}

    def counts(self) -> dict[str, int]:
        rows = self._db().execute("SELECT status, COUNT(*) FROM answers GROUP BY status").fetchall()
        return {status: n for status, n in rows}

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                db.close()
            self._all.clear()
        self._local = threading.local()


class CachedClient:
    """A StructuredClient in front of which the cache answers every request it has seen.

    Same `extract` call, so the LLM backend does not know whether an answer was paid for
    now or earlier. `hits`/`misses` count requests answered each way (thread-safe enough for
    reporting: each increment happens under the GIL on an int attribute).
    """

    def __init__(
        self,
        client: StructuredClient,
        cache: AnswerCache,
        *,
        retry_failed: bool = False,
        prefetched: dict[str, Any] | None = None,
    ) -> None:
        self.client, self.cache, self.retry_failed = client, cache, retry_failed
        self.prefetched = prefetched if prefetched is not None else {}  # key -> Batch API answer
        self._settings = client.settings
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()

    @property
    def settings(self) -> Settings:
        return self._settings

    def close(self) -> None:
        close = getattr(self.client, "close", None)
        if close is not None:
            close()

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
        key = request_key(self.settings, messages, response_model, tag, max_tokens)
        hit = self.cache.get(key)
        if hit is not None and not (hit["status"] == "invalid" and self.retry_failed):
            replayed = self._replay(hit, response_model, context)
            if replayed is not None:
                self._count(hit=True)
                return replayed
        self._count(hit=False)
        digest = messages_digest(messages)

        def store(status: str, value: str | None, message: str | None, attempts: list[Attempt]) -> None:
            self.cache.put(
                key,
                status,
                value=value,
                message=message,
                attempts=_dicts(attempts),
                model=self.settings.model,
                prompt=tag,
                request=digest,
            )

        try:
            result = self.client.extract(
                messages,
                response_model,
                context=context,
                tag=tag,
                prefetched=self.prefetched.pop(key, prefetched),
                max_tokens=max_tokens,
            )
        except TruncatedAnswer as exc:
            store("truncated", None, str(exc), exc.attempts)
            raise
        except ValidationExhausted as exc:
            store("invalid", exc.last_answer, str(exc), exc.attempts)
            raise
        store("ok", result.value.model_dump_json(), None, result.attempts)
        return result

    def _count(self, *, hit: bool) -> None:
        with self._lock:
            if hit:
                self.hits += 1
            else:
                self.misses += 1

    @staticmethod
    def _replay(hit: dict[str, Any], response_model: type[M], context: Mapping[str, Any]) -> CallResult[M] | None:
        attempts = [Attempt.from_dict(a) for a in hit["attempts"]]
        if hit["status"] == "truncated":
            raise TruncatedAnswer(hit["message"] or "the answer was cut at the output limit", attempts=attempts)
        if hit["status"] == "invalid":
            raise ValidationExhausted(
                hit["message"] or "validation failed", attempts=attempts, last_answer=hit["value"]
            )
        try:  # validators may have become stricter since: such an answer is asked again
            value = response_model.model_validate_json(hit["value"], context=dict(context))
        except ValidationError:
            return None
        return CallResult(value=value, attempts=attempts)


def _dicts(attempts: list[Attempt]) -> list[dict[str, str | int]]:
    return [a.as_dict() for a in attempts]
