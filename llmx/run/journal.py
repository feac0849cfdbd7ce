"""Finished documents, one JSON line each, fsynced: a run's memory across crashes."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from llmx.run.manifest import Entry


class Journal:
    """`DIR/state/journal.jsonl`: the last entry of each report name wins."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def load(self) -> dict[str, Entry]:
        last: dict[str, Entry] = {}
        if not self.path.exists():
            return last
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                data = json.loads(line)
            except ValueError:  # a line torn by a kill: that document is simply done again
                continue
            entry = Entry.from_json(data) if isinstance(data, dict) else None
            if entry is not None:
                last[entry.name] = entry
        return last

    def append(self, entry: Entry) -> None:
        """One line, on a line of its own: after a line torn by a kill (or a full disk) the file
        does not end in a newline, and an entry written straight after it would be torn with it."""
        line = (json.dumps(entry.to_json(), ensure_ascii=False) + "\n").encode()
        with self._lock, self.path.open("a+b") as fh:
            if fh.seek(0, os.SEEK_END) > 0:
                fh.seek(-1, os.SEEK_END)
                if fh.read(1) != b"\n":
                    line = b"\n" + line
            fh.write(line)  # "a" mode: written at the end whatever the read position
            fh.flush()
            os.fsync(fh.fileno())
