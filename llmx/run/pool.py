"""The report pool: worker processes that each do one report's CPU work at a time, within a budget.

A report's CPU work (reading, normalizing, splitting and, for the rules backend, the whole
extraction; for the LLM backend, planning its requests) runs in one of these processes, so a
run uses every core and a hostile report cannot take the run down with it:
* time: a task running longer than `seconds` has its worker killed; the report is recorded as
  `timeout after N s` and the pool starts a new worker for the next task;
* memory: a worker's address space may grow by `memory_mb` during one task (RLIMIT_AS, Linux);
  past it the report fails with `memory limit N MB` and the worker is replaced (its heap may be
  fragmented or half-built);
* death: a worker killed from outside (the kernel's OOM killer, kill -9) or crashing costs only
  the report it was doing (`worker died: signal 9`); the pool starts a new worker.
Workers start on demand, up to `size`, and run a task at a time; tasks wait in order.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from llmx.config import debug_enabled
from llmx.errors import DiskFull, LlmxError
from llmx.output import NO_SPACE, output_error
from llmx.run import procs

try:
    import resource

    _HAS_RESOURCE = True
except ImportError:  # not on this platform: the memory budget is not enforced there
    _HAS_RESOURCE = False


@dataclass(frozen=True)
class Budget:
    """What one report's CPU work may use: wall seconds and address space (None: no limit)."""

    seconds: float | None = None
    memory_mb: float | None = None


class TaskFailed(Exception):
    """A task did not return, and why: `kind` is "error" (the input's own one-line message, an
    LlmxError), "internal" (a bug: its type and message), "limit" (budget, a dead worker) or
    "disk" (the disk is full: the run stops)."""

    def __init__(self, reason: str, kind: str = "error") -> None:
        super().__init__(reason)
        self.reason, self.kind = reason, kind


@dataclass
class _Worker:
    proc: BaseProcess
    link: procs.Link | None = None
    task: tuple[Callable[..., Any], tuple[Any, ...], asyncio.Future[Any]] | None = None
    timer: asyncio.TimerHandle | None = None
    expired: bool = False
    leaving: bool = False  # replaced after a MemoryError: no new task


@dataclass
class ReportPool:
    size: int
    budget: Budget = field(default_factory=Budget)

    def __post_init__(self) -> None:
        self._workers: list[_Worker] = []
        self._queue: deque[tuple[Callable[..., Any], tuple[Any, ...], asyncio.Future[Any]]] = deque()
        self.started = 0  # workers started in all, replacements included

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """`fn(*args)` in a worker (fn a module-level function); raises TaskFailed, or the
        LlmxError message as TaskFailed."""
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._queue.append((fn, args, future))
        self._dispatch()
        return await future

    def _dispatch(self) -> None:
        while self._queue:
            fn, args, future = self._queue[0]
            if future.done():  # its caller was cancelled
                self._queue.popleft()
                continue
            worker = next((w for w in self._workers if w.task is None and not w.leaving), None)
            if worker is None:
                if len([w for w in self._workers if not w.leaving]) >= self.size:
                    return
                worker = self._start()
            self._queue.popleft()
            worker.task = (fn, args, future)
            worker.expired = False
            assert worker.link is not None
            worker.link.send((fn, args))
            if self.budget.seconds:
                worker.timer = asyncio.get_running_loop().call_later(self.budget.seconds, self._expire, worker)

    def _start(self) -> _Worker:
        proc, conn = procs.start(_serve, self.budget.memory_mb, name=f"llmx-report-{self.started + 1}")
        self.started += 1
        worker = _Worker(proc)
        worker.link = procs.Link(conn, lambda m: self._answered(worker, m), lambda: self._died(worker))
        self._workers.append(worker)
        return worker

    def _settle(self, worker: _Worker) -> asyncio.Future[Any] | None:
        if worker.timer is not None:
            worker.timer.cancel()
            worker.timer = None
        task, worker.task = worker.task, None
        return task[2] if task is not None else None

    def _answered(self, worker: _Worker, message: tuple[str, Any]) -> None:
        future = self._settle(worker)
        kind, value = message
        if future is not None and not future.done():
            if kind == "ok":
                future.set_result(value)
            elif kind == "memory":
                future.set_exception(TaskFailed(f"memory limit {self.budget.memory_mb:g} MB", "limit"))
            else:
                future.set_exception(TaskFailed(value, kind))
        if kind == "memory":  # the worker leaves after a MemoryError; a new one takes its place
            worker.leaving = True
        self._dispatch()

    def _died(self, worker: _Worker) -> None:
        future = self._settle(worker)
        reason = f"timeout after {self.budget.seconds:g} s" if worker.expired else procs.death(worker.proc)
        if future is not None and not future.done():
            future.set_exception(TaskFailed(reason, "limit"))
        self._workers.remove(worker)
        self._dispatch()

    def _expire(self, worker: _Worker) -> None:
        worker.timer = None
        worker.expired = True
        worker.proc.kill()

    async def close(self) -> None:
        """Let the workers finish and leave (the end of a run)."""
        for worker in list(self._workers):
            if worker.link is not None:
                worker.link.send(None)
        for worker in list(self._workers):
            if not await procs.exited(worker.proc, timeout=10):
                worker.proc.kill()
            self._forget(worker)

    def kill(self) -> None:
        """Stop every worker now (an interrupted run: what they were doing is redone next time)."""
        for worker in list(self._workers):
            self._settle(worker)
            worker.proc.kill()
            self._forget(worker)

    def _forget(self, worker: _Worker) -> None:
        if worker.link is not None:
            worker.link.close()
        if worker in self._workers:
            self._workers.remove(worker)
        worker.proc.join(timeout=5)


# -- the worker process ----------------------------------------------------------------------------


def _unexpected(exc: Exception) -> tuple[str, str]:
    """A full disk met outside llmx's own writers stops the run like theirs; anything else is a
    bug on this report, said in one line (the run goes on)."""
    if isinstance(exc, OSError) and exc.errno in NO_SPACE:
        return ("disk", str(output_error(exc, exc.filename or "a file")))
    if debug_enabled():
        traceback.print_exception(exc)
    return ("internal", f"{type(exc).__name__}: {exc}")


def _serve(conn: Connection, memory_mb: float | None) -> None:
    """A report worker: one task at a time until told to leave, or the run's process is gone."""
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, args = message
        reply: tuple[str, Any]
        with _address_space_limit(memory_mb):
            try:
                reply = ("ok", fn(*args))
            except MemoryError:
                reply = ("memory", None)
            except DiskFull as exc:  # not the report's fault: the run stops
                reply = ("disk", str(exc))
            except LlmxError as exc:
                reply = ("error", str(exc))
            except Exception as exc:
                reply = _unexpected(exc)
        conn.send(reply)
        if reply[0] == "memory":
            return


def _address_space() -> int | None:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextlib.contextmanager
def _address_space_limit(memory_mb: float | None) -> Iterator[None]:
    """Let this process's address space grow by at most `memory_mb` until the block ends."""
    now = _address_space() if memory_mb and _HAS_RESOURCE else None
    if now is None or memory_mb is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = now + int(memory_mb * 2**20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
