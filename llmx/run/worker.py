"""A request worker: one process of an LLM run, running the section requests of the documents
it is handed, then assembling and writing each report.

Each worker has its own event loop, its own model client (instructor + tenacity, the same code
path as `llmx extract`) on a pool of threads, and its own connection to the answer cache (SQLite
in WAL mode is safe for several processes). What must hold for the run as a whole stays with the
run's process: before each HTTP request the client asks `RemoteGate` for a request slot and its
place in the rpm/tpm pacing, 429 pauses, breaker and budget (one `Gate` in the run's process
books it and says when it may go), and reports how the request went. A document
arrives planned (`pipeline.prepare` and `plan_llm` ran in the report pool) as a file holding the
pickled (Prepared, DocumentPlan); its result goes back as the report's status, counts and usage.

Messages to the run: ("admit", id, tokens), ("release",), ("answered", ...), ("throttled", ...),
("failed", ...), ("job", doc, cache hits so far), ("halt", reason) (a refused key: the run
stops now), ("result", doc, outcome), ("fatal", reason, kind) (the worker could not start: its
documents end with that reason, and the run stops). From the run:
("doc", doc, plan file, out, prefetched), ("grant", id) or ("refuse", id, reason),
("stop", reason), ("exit",).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import pickle
import threading
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from llmx.config import Settings, debug_enabled
from llmx.errors import DiskFull, LlmxError, ModelCallError, RequestRejected
from llmx.output import write_atomic
from llmx.run.limits import RunStopped
from llmx.run.manifest import genre_of, status_of
from llmx.tables import item_counts

# ("done", payload) | ("stopped", reason) | ("error", reason, kind): kind as pool.TaskFailed's
Outcome = tuple[Any, ...]

if TYPE_CHECKING:
    from llmx.llm.convert import Part
    from llmx.llm.runner import MetadataResult


class RemoteGate:
    """The run's gate as seen from a worker process (the `Admission` the client consults)."""

    def __init__(self, ask: Callable[[tuple[Any, ...]], tuple[Any, ...]], tell: Callable[[tuple[Any, ...]], None]):
        self._ask, self._tell = ask, tell
        self._held = threading.local()

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        """The slot itself is granted with the pacing, in `acquire`; leaving gives it back."""
        self._held.slot = False
        try:
            yield
        finally:
            if self._held.slot:
                self._held.slot = False
                self._tell(("release",))

    def acquire(self, estimated_tokens: int) -> None:
        """Wait for the run's word: send now (the slot is held until the block ends) or stop."""
        reply = self._ask(("admit", estimated_tokens))
        if reply[0] == "refuse":
            raise RunStopped(reply[2])
        self._held.slot = True

    def answered(self, estimated_tokens: int, prompt_tokens: int, completion_tokens: int) -> None:
        self._tell(("answered", estimated_tokens, prompt_tokens, completion_tokens))

    def throttled(self, retry_after: float | None, estimated_tokens: int = 0) -> None:
        self._tell(("throttled", retry_after, estimated_tokens))

    def failed(self, fault: str, estimated_tokens: int = 0) -> None:
        self._tell(("failed", fault, estimated_tokens))


class _Worker:
    def __init__(self, conn: Connection, settings: Settings, concurrency: int, cache: str | None, retry: bool) -> None:
        from llmx.llm.cache import AnswerCache, CachedClient
        from llmx.llm.client import ModelClient

        self.conn, self.settings = conn, settings
        self.sections = 2 * concurrency  # sections in progress: one's validation overlaps others' requests
        self._send_lock = threading.Lock()
        self._replies: dict[int, tuple[threading.Event, list[tuple[Any, ...]]]] = {}
        self._ids = itertools.count(1)
        self.stop_reason: str | None = None
        self.gate = RemoteGate(self._ask, self.send)
        self.model = ModelClient(settings, admission=self.gate)
        self.model.warm_up()
        self.cache = AnswerCache(cache) if cache else None
        self.client: Any = CachedClient(self.model, self.cache, retry_failed=retry) if self.cache else self.model

    def send(self, message: tuple[Any, ...]) -> None:
        to_run(self.conn, self._send_lock, message)

    def _ask(self, message: tuple[Any, ...]) -> tuple[Any, ...]:
        rid = next(self._ids)
        event, box = threading.Event(), list[tuple[Any, ...]]()
        self._replies[rid] = (event, box)
        self.send((message[0], rid, *message[1:]))
        event.wait()
        reply: tuple[Any, ...] = box[0]
        return reply

    def _read(self, loop: asyncio.AbstractEventLoop, inbox: asyncio.Queue[tuple[Any, ...]]) -> None:
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):  # the run's process is gone (kill -9): so is this run
                os._exit(0)
            if message[0] in ("grant", "refuse"):
                event, box = self._replies.pop(message[1])
                box.append(message)
                event.set()
            else:
                loop.call_soon_threadsafe(inbox.put_nowait, message)

    @property
    def hits(self) -> int:
        return int(getattr(self.client, "hits", 0))

    async def main(self) -> None:
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue[tuple[Any, ...]] = asyncio.Queue()
        threading.Thread(target=self._read, args=(loop, inbox), daemon=True, name="llmx-link").start()
        self.slots = asyncio.Semaphore(self.sections)
        tasks: set[asyncio.Task[None]] = set()
        with (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="llmx-cpu") as self.cpu,
            ThreadPoolExecutor(max_workers=self.sections, thread_name_prefix="llmx-io") as self.io,
        ):
            try:
                while True:
                    message = await inbox.get()
                    if message[0] == "doc":
                        task = asyncio.create_task(self._doc(*message[1:]))
                        tasks.add(task)
                        task.add_done_callback(tasks.discard)
                    elif message[0] == "stop":
                        self.stop_reason = self.stop_reason or message[1]
                    elif message[0] == "exit":
                        break
            finally:  # an interrupted run: queued sections send nothing; requests in flight finish
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
        self.client.close()
        if self.cache is not None:
            self.cache.close()

    async def _doc(self, did: int, plan_file: str, out: str, prefetched: dict[str, Any] | None) -> None:
        outcome = await self._run(did, plan_file, out, prefetched)
        self.send(("result", did, outcome))

    async def _run(self, did: int, plan_file: str, out: str, prefetched: dict[str, Any] | None) -> Outcome:
        from llmx.llm.runner import LlmDocument

        loop = asyncio.get_running_loop()
        try:
            prepared, plan = await loop.run_in_executor(self.cpu, _load_plan, plan_file)
        except Exception as exc:
            return _internal(exc)
        if prefetched:
            self.client.prefetched.update(prefetched)
        doc = LlmDocument(plan, self.settings, self.client)

        async def call(fn: Callable[..., Any], *args: Any) -> Any:
            async with self.slots:
                if self.stop_reason:
                    raise RunStopped(self.stop_reason)
                try:
                    return await loop.run_in_executor(self.io, fn, *args)
                except ModelCallError as exc:  # a refused key, an exhausted quota: the run stops now
                    if not isinstance(exc, RequestRejected):
                        self.stop_reason = self.stop_reason or str(exc)
                        self.send(("halt", str(exc)))
                    raise
                finally:
                    self.send(("job", did, self.hits))

        results = await asyncio.gather(
            *(call(doc.run_job, k) for k in range(len(doc.jobs))), call(doc.run_metadata), return_exceptions=True
        )
        for r in results:
            if isinstance(r, DiskFull):  # the answer cache could not store a paid answer
                return ("error", str(r), "disk")
            if isinstance(r, RunStopped) or (isinstance(r, ModelCallError) and not isinstance(r, RequestRejected)):
                self.stop_reason = self.stop_reason or str(r)  # auth, unknown model, unreachable, breaker, budget
                return ("stopped", str(r))
        for r in results:
            if isinstance(r, BaseException):
                return _internal(r)

        parts, meta = cast("list[Part]", results[:-1]), cast("MetadataResult", results[-1])

        def finish() -> dict[str, Any]:
            run = doc.finish(parts, meta)
            from llmx.pipeline import verified  # --verify rules: the rules' cross-check, in this process

            report = verified(prepared, prepared.finish(run.extraction, run.extractor), self.settings)
            write_atomic(Path(out), report.model_dump_json(indent=2) + "\n")
            status, failed = status_of(report)
            usage = run.extractor.usage.model_dump() if run.extractor.usage else None
            return {
                "status": str(status),
                "failed_sections": failed,
                "items": item_counts(report),
                "usage": usage,
                "genre": genre_of(report),
            }

        try:
            return ("done", await loop.run_in_executor(self.cpu, finish))
        except DiskFull as exc:
            return ("error", str(exc), "disk")
        except LlmxError as exc:
            return ("error", str(exc), "error")
        except Exception as exc:
            return _internal(exc)


def to_run(conn: Connection, lock: threading.Lock, message: tuple[Any, ...]) -> None:
    """Send to the run's process; if it is gone (kill -9), this worker ends here and now.

    The pipe breaks as the run's process dies, a moment before the kernel's SIGKILL for its
    workers (PR_SET_PDEATHSIG) arrives. A section that met the broken pipe on its way to the gate
    must not go on: instructor would take the error for a failed answer, and the answer cache
    would keep it as `invalid`, a section the restart then never asks again.
    """
    try:
        with lock:
            conn.send(message)
    except OSError:
        os._exit(0)


def _load_plan(plan_file: str) -> Any:
    return pickle.loads(Path(plan_file).read_bytes())


def _internal(exc: BaseException) -> Outcome:
    if debug_enabled():
        traceback.print_exception(exc)
    return ("error", f"{type(exc).__name__}: {exc}", "internal")


def preload(settings: Settings) -> None:
    """Import and build in the run's process what every request worker needs (the SDK's lazily
    imported resources, instructor's request code, the response models' schemas), so each
    worker forked from it starts with them instead of paying for them itself."""
    from llmx.llm import cache, runner  # noqa: F401 -- imported for the workers
    from llmx.llm.client import ModelClient
    from llmx.llm.prompts import RESPONSE_MODELS

    with ModelClient(settings, replay=True) as client:
        client.warm_up()
        for versions in RESPONSE_MODELS.values():
            for model in versions.values():
                client.request_body([{"role": "user", "content": "-"}], model)


def serve(conn: Connection, settings: Settings, concurrency: int, cache: str | None, retry_failed: bool) -> None:
    """The worker process's body: documents in, reports written, until the run says exit."""
    try:
        worker = _Worker(conn, settings, concurrency, cache, retry_failed)
    except LlmxError as exc:  # e.g. the answer cache cannot be opened (a full disk): the run stops
        conn.send(("fatal", str(exc), "disk" if isinstance(exc, DiskFull) else "error"))
        return
    asyncio.run(worker.main())
