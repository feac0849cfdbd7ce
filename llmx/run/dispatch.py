"""The run's side of the request workers: documents handed out, one gate for them all, deaths.

`RequestWorkers.run(...)` hands a planned document to the worker process with the fewest
documents (starting workers on demand, up to `count`) and returns its outcome. The workers'
gate traffic is served here, on the run's event loop, against the run's one `Gate`:
* request slots: at most `concurrency` HTTP requests are open across all workers; an `admit`
  waits in order for a free slot, then the gate books its place in the pacing (rpm/tpm, a 429
  pause) and the worker is told to send when its time comes (or refused, if the run stopped or
  the 429 budget ran out meanwhile); `release` frees the slot;
* answered / throttled / failed go to the gate as they would in one process (token correction,
  the 429 slowdown, the breaker);
* `stop(reason)` closes the gate (budget, breaker, Ctrl-C, a refused key): queued admits are
  refused and every worker stops starting sections.
A worker that dies (kill -9, the OOM killer) gives back its slots and a new one is started.
Each document it held becomes a suspect and is handed to a worker again (its answered requests
are in the cache, so only the requests that were in flight are asked again); a worker holds at
most one suspect at a time, so a document that kills every worker it is in dies a second time
alone among suspects and is recorded as an error, `worker died: signal 9`, while the documents
that only shared its first worker are done.
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.process import BaseProcess
from typing import Any

from llmx.config import Settings
from llmx.run import procs, worker
from llmx.run.limits import Gate, RunStopped

Outcome = worker.Outcome


@dataclass
class _Doc:
    did: int
    plan: str  # the file holding the pickled (Prepared, DocumentPlan)
    out: str
    prefetched: dict[str, Any] | None
    future: asyncio.Future[Outcome]
    deaths: int = 0
    jobs_done: int = 0


@dataclass
class _Proc:
    proc: BaseProcess
    link: procs.Link | None = None
    docs: dict[int, _Doc] = field(default_factory=dict)
    slots: int = 0  # request slots it holds
    hits: int = 0  # cache hits it reported
    closing: bool = False
    fatal: tuple[str, str] | None = None  # it could not start: (reason, kind)


class RequestWorkers:
    def __init__(
        self,
        count: int,
        gate: Gate,
        settings: Settings,
        *,
        concurrency: int,
        cache: str | None,
        retry_failed: bool,
        on_job: Callable[[int], None],
        on_stop: Callable[[str], None],
    ) -> None:
        self.count, self.gate, self.settings = max(1, count), gate, settings
        self.concurrency, self.cache, self.retry_failed = concurrency, cache, retry_failed
        self.on_job = on_job  # jobs done (negative: a dead worker's documents start over)
        self.on_stop = on_stop  # a worker met a refused key or an exhausted quota: stop the run
        self._procs: list[_Proc] = []
        self._waiting: deque[tuple[_Proc, int, int]] = deque()  # admits waiting for a slot
        self._suspects: deque[_Doc] = deque()  # documents of dead workers waiting for a worker
        # booked requests waiting for their turn (rpm, a 429 pause): (timer, worker, id, tokens, start)
        self._pending: dict[tuple[int, int], tuple[asyncio.TimerHandle, _Proc, int, int, float]] = {}
        self._free = concurrency
        self._ids = itertools.count(1)
        self._stopped: str | None = None
        self._hits_of_dead = 0
        self.started = 0

    @property
    def hits(self) -> int:
        return self._hits_of_dead + sum(p.hits for p in self._procs)

    async def run(self, plan: str, out: str, prefetched: dict[str, Any] | None) -> Outcome:
        """The outcome of one planned document (see worker.Outcome)."""
        doc = _Doc(next(self._ids), plan, out, prefetched, asyncio.get_running_loop().create_future())
        self._hand(doc)
        return await doc.future

    def _room_for_suspect(self) -> list[_Proc] | None:
        """Workers without a suspect ([] when a new worker may be started); None: none for now."""
        live = [p for p in self._procs if not p.closing]
        free = [p for p in live if not any(d.deaths for d in p.docs.values())]
        return free if free or len(live) < self.count else None

    def _hand_suspects(self) -> None:
        while self._suspects and self._room_for_suspect() is not None:
            self._hand(self._suspects.popleft())

    def _hand(self, doc: _Doc) -> None:
        live = [p for p in self._procs if not p.closing]
        candidates = live
        if doc.deaths:  # a suspect: never in a worker with another one (see _died)
            room = self._room_for_suspect()
            if room is None:
                self._suspects.append(doc)
                return
            candidates = room
        proc = min(candidates, key=lambda p: len(p.docs), default=None)
        if proc is None or (proc.docs and len(live) < self.count):
            proc = self._start()
        proc.docs[doc.did] = doc
        assert proc.link is not None
        proc.link.send(("doc", doc.did, doc.plan, doc.out, doc.prefetched))
        if self._stopped:
            proc.link.send(("stop", self._stopped))

    def _start(self) -> _Proc:
        args = (self.settings, self.concurrency, self.cache, self.retry_failed)
        handle, conn = procs.start(worker.serve, *args, name=f"llmx-requests-{self.started + 1}")
        self.started += 1
        proc = _Proc(handle)
        proc.link = procs.Link(conn, lambda m: self._message(proc, m), lambda: self._died(proc))
        self._procs.append(proc)
        return proc

    # -- what the workers say ------------------------------------------------------------------------
    def _message(self, proc: _Proc, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "admit":
            self._waiting.append((proc, message[1], message[2]))
            self._admit()
        elif kind == "release":
            proc.slots -= 1
            self._free += 1
            self._admit()
        elif kind == "answered":
            self.gate.answered(*message[1:])
        elif kind == "throttled":
            self.gate.throttled(*message[1:])
        elif kind == "failed":
            self.gate.failed(*message[1:])
        elif kind == "job":
            proc.hits = message[2]
            doc = proc.docs.get(message[1])
            if doc is not None:
                doc.jobs_done += 1
            self.on_job(1)
        elif kind == "halt":
            self.on_stop(message[1])
        elif kind == "fatal":  # its documents end with the reason when its end-of-file is read
            proc.fatal = (message[1], message[2])
        elif kind == "result":
            done = proc.docs.pop(message[1], None)
            if done is not None and not done.future.done():
                done.future.set_result(message[2])
            if done is not None and done.deaths:
                self._hand_suspects()

    def _admit(self) -> None:
        while self._waiting and self._free > 0:
            proc, rid, tokens = self._waiting.popleft()
            if proc not in self._procs or proc.link is None:
                continue
            try:
                start = self.gate.book(tokens)
            except RunStopped as exc:
                proc.link.send(("refuse", rid, str(exc)))
                continue
            self._free -= 1  # the slot is held while the request waits for its turn, as in one process
            proc.slots += 1
            self._due(proc, rid, tokens, start)

    def _due(self, proc: _Proc, rid: int, tokens: int, start: float) -> None:
        """Tell the worker to send a booked request once the gate says it may go (or refuse it)."""
        if proc not in self._procs or proc.link is None:  # its worker died meanwhile
            self.gate.cancel(tokens)
            return
        try:
            ready = self.gate.ready(start, tokens)
        except RunStopped as exc:
            self._free += 1
            proc.slots -= 1
            proc.link.send(("refuse", rid, str(exc)))
            self._admit()
            return
        self._pending.pop((id(proc), rid), None)
        if ready:
            proc.link.send(("grant", rid))
            return
        delay = max(0.0, self.gate.check_at(start) - self.gate.clock())
        timer = asyncio.get_running_loop().call_later(delay, self._due, proc, rid, tokens, start)
        self._pending[(id(proc), rid)] = (timer, proc, rid, tokens, start)

    def stop(self, reason: str) -> None:
        """The run is stopping: the gate refuses every further request, queued ones included."""
        self.gate.close(reason)
        self._stopped = self._stopped or reason
        while self._waiting:
            proc, rid, _ = self._waiting.popleft()
            if proc.link is not None:
                proc.link.send(("refuse", rid, self.gate.open_reason or reason))
        for proc in self._procs:
            if proc.link is not None:
                proc.link.send(("stop", reason))
        for timer, proc, rid, tokens, start in list(self._pending.values()):  # refused now, not at their turn
            timer.cancel()
            self._due(proc, rid, tokens, start)

    def _died(self, proc: _Proc) -> None:
        reason = procs.death(proc.proc)
        self._procs.remove(proc)
        self._hits_of_dead += proc.hits
        self._free += proc.slots
        self._waiting = deque(w for w in self._waiting if w[0] is not proc)
        for doc in proc.docs.values():
            if doc.future.done():
                continue
            self.on_job(-doc.jobs_done)
            doc.jobs_done = 0
            if proc.fatal is not None:  # not the document's fault: every worker would fail alike
                reason, kind = proc.fatal
                doc.future.set_result(("error", reason, kind) if kind == "disk" else ("stopped", reason))
                continue
            doc.deaths += 1
            if doc.deaths > 1 or proc.closing:
                doc.future.set_result(("error", reason, "limit"))
            else:
                self._hand(doc)
        self._hand_suspects()
        self._admit()

    # -- the end -----------------------------------------------------------------------------------
    async def close(self) -> None:
        """Tell every worker to leave once its requests in flight are answered, and wait for it."""
        for proc in self._procs:
            proc.closing = True
            if proc.link is not None:
                proc.link.send(("exit",))
        for proc in list(self._procs):
            if not await procs.exited(proc.proc, timeout=self.settings.timeout + 30):
                proc.proc.kill()
            if proc in self._procs:  # its end-of-file may not have been read yet
                self._procs.remove(proc)
                self._hits_of_dead += proc.hits
            if proc.link is not None:
                proc.link.close()
