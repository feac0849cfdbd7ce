"""The worker processes of a run: how they start, what they drop, how the run reads them.

On Linux a worker is forked from the run's process, so it starts in milliseconds with every
module already imported (elsewhere it is spawned). A fresh worker settles in before its work:
* it ignores SIGINT (a terminal sends Ctrl-C to the whole process group; the run's own process
  decides how the run stops) and takes the default SIGTERM;
* it drops the signal wake-up descriptor of the run's event loop, so a signal it receives is
  never mistaken by the run for one of its own;
* it closes the run's ends of every worker's pipe, its own included, so a worker reads
  end-of-file the moment the run's process is gone (kill -9) and stops there;
* on Linux it asks the kernel to kill it when the run's process dies (PR_SET_PDEATHSIG), which
  also stops a worker busy with a long report.
The run's side reads each pipe from its event loop (`Link`), without threads of its own, so a
worker can be forked again at any time (to replace one that died).
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

_CONTEXT: Any = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
_RUN_ENDS: set[Connection] = set()  # this process's ends of its workers' pipes
PR_SET_PDEATHSIG = 1


def default_processes() -> int:
    """Worker processes of each kind when --processes is not given: one per usable CPU, up to 8."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 8))


def start(target: Callable[..., None], *args: Any, name: str) -> tuple[BaseProcess, Connection]:
    """Start `target(connection, *args)` in a worker process; returns it and the run's end of its pipe."""
    mine, theirs = _CONTEXT.Pipe(duplex=True)
    _RUN_ENDS.add(mine)
    proc = _CONTEXT.Process(target=_child, args=(target, theirs, *args), name=name, daemon=True)
    proc.start()
    theirs.close()
    return proc, mine


def _child(target: Callable[..., None], conn: Connection, *args: Any) -> None:
    _settle()
    target(conn, *args)


def _settle() -> None:
    """What a fresh worker does first (see the module docstring)."""
    for end in list(_RUN_ENDS):
        with contextlib.suppress(OSError):
            end.close()
    _RUN_ENDS.clear()
    with contextlib.suppress(ValueError):  # not the main thread: nothing was inherited
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        with contextlib.suppress(Exception):  # no libc prctl: the end-of-file on the pipe still stops it
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def death(proc: BaseProcess) -> str:
    """How a worker that stopped answering ended: `worker died: signal 9`, or its exit code."""
    proc.join(timeout=5)
    code = proc.exitcode
    if code is None:
        return "worker died"
    if code < 0:
        return f"worker died: signal {-code}"
    return f"worker died: exit code {code}"


class Link:
    """The run's end of one worker's pipe, read by the event loop as messages arrive."""

    def __init__(self, conn: Connection, on_message: Callable[[Any], None], on_eof: Callable[[], None]) -> None:
        self.conn, self.on_message, self.on_eof = conn, on_message, on_eof
        self.open = True
        self._loop = asyncio.get_running_loop()
        self._loop.add_reader(conn.fileno(), self._readable)

    def _readable(self) -> None:
        try:
            while self.open and self.conn.poll():
                self.on_message(self.conn.recv())
        except (EOFError, OSError):
            if self.open:
                self.close()
                self.on_eof()

    def send(self, message: Any) -> None:
        """Send, or nothing if the worker is gone (its end-of-file is handled by the reader)."""
        if self.open:
            with contextlib.suppress(OSError):
                self.conn.send(message)

    def close(self) -> None:
        if self.open:
            self.open = False
            self._loop.remove_reader(self.conn.fileno())
            _RUN_ENDS.discard(self.conn)
            self.conn.close()


async def exited(proc: BaseProcess, timeout: float | None = None) -> bool:
    """Wait (without blocking the loop) until `proc` has exited; False after `timeout` seconds."""
    if proc.exitcode is not None:
        return True
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()
    sentinel = proc.sentinel

    def ended() -> None:
        if not done.done():
            done.set_result(None)

    loop.add_reader(sentinel, ended)
    try:
        await asyncio.wait_for(done, timeout)
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(sentinel)
    proc.join(timeout=1)
    return True
