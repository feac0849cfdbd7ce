"""What a run holds in its output folder: the lock, and a little disk space kept back for run.json.

One `llmx run` per output folder: an exclusive lock on `DIR/state/run.lock`.

Two runs into the same folder would each send every request (each misses what the other has not
yet cached) and interleave their journals. The lock is a POSIX record lock (`fcntl.lockf`): the
kernel drops it when the process that holds it ends in any way, `kill -9` included, so a stale
lock file never blocks the next run; and, unlike `flock`, it is not inherited by forked worker
processes, which could otherwise outlive a killed run and keep the folder locked. The file itself
stays (deleting a lock file races with the next run); what it says (pid, start time) only names
the holder in the refusal.

`SpaceReserve` keeps a small file in `DIR/state` while the run works, so that when the disk fills
up, deleting it makes room for the manifest (run.json) that says what was done.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType

from llmx.errors import OutputError


class FolderLock:
    """`with FolderLock(out):` holds the folder for one run, or refuses with OutputError (exit 3)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.path = out / "state" / "run.lock"
        self._fd: int | None = None

    def __enter__(self) -> FolderLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot create the run lock: {exc.strerror or exc}", path=str(self.path)) from None
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise OutputError(
                f"another llmx run is writing into this folder ({holder}); wait for it to finish "
                "or choose another --out",
                path=str(self.out),
            ) from None
        self._fd = fd
        try:  # who holds it, for the message a second run shows (a full disk may refuse even this)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        except OSError:
            pass
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None


class SpaceReserve:
    """A file of `size` bytes in `DIR/state`, given back (deleted) when run.json needs the room."""

    def __init__(self, out: Path, size: int) -> None:
        self.path = out / "state" / "space-for-run.json"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("wb") as fh:
                fh.write(bytes(size))
        except OSError:  # already full: nothing to keep back
            self.release()

    def release(self) -> bool:
        """Give the space back; True if there was any to give."""
        try:
            self.path.unlink()
        except OSError:
            return False
        return True
