"""Resuming a run: which inputs are still to do.

Finished documents are appended to `DIR/state/journal.jsonl` (one fsynced line each) and every
answered request is in the SQLite cache (WAL: the workers write it at once), so a run killed at
any moment and started again skips the documents already written and re-sends only the requests
that never finished. Reports are written atomically; a killed run's leftovers (temp files of
reports being written, plans not yet picked up) are removed before anything starts.
"""

from __future__ import annotations

from pathlib import Path

from llmx.output import TEMP_SUFFIX
from llmx.run.discover import Input
from llmx.run.journal import Journal
from llmx.run.manifest import Entry, Status, file_sha256


def still_to_do(
    inputs: list[Input], journal: Journal, reports: Path, plan_files: Path, fp: str, *, retry_failed: bool
) -> tuple[list[tuple[Input, str | None]], dict[str, Entry]]:
    """The inputs still to do (each with its file's sha256), and the journal entries of those
    skipped: already written under the same fingerprint from the same file (marked `skipped`)."""
    previous = journal.load()
    for stale in [*reports.glob(f".*{TEMP_SUFFIX}"), *reports.glob(".*.json.*"), *plan_files.glob("*")]:
        stale.unlink(missing_ok=True)
    finished = (Status.DONE,) if retry_failed else (Status.DONE, Status.FAILED_SECTIONS)
    todo: list[tuple[Input, str | None]] = []
    skipped: dict[str, Entry] = {}
    for inp in inputs:
        sha = file_sha256(inp.path)
        old = previous.get(inp.name)
        if (
            old is not None
            and old.fingerprint == fp
            and old.sha256 == sha
            and old.status in finished
            and (reports / f"{inp.name}.json").exists()
        ):
            old.skipped = True
            skipped[inp.name] = old
            continue
        todo.append((inp, sha))
    return todo, skipped
