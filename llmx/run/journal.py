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
        line = json.dumps(entry.to_json(), ensure_ascii=False) + "\n"
        with self._lock, self.path.open("a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
