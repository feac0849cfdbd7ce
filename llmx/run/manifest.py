"""What a run records about each report: its status, why, and what it cost (journal and run.json).

An `Entry` is one report's line in `DIR/state/journal.jsonl` and in `run.json`'s `reports`; its
`status` says what a re-run does with it:
* `done`: written; skipped by a re-run under the same fingerprint and input bytes;
* `failed_sections`: written, some sections failed validation; skipped unless --retry-failed;
* `retry`: written, but the provider kept failing for some sections (or a local fault or a bug
  stopped them: stage `transport` or `internal`, never cached): a plain re-run asks again;
* `error`: unreadable (or a bug on that report), with its one-line reason;
* `stopped`: not finished (budget, breaker, Ctrl-C); never journaled, so a re-run does it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from llmx import SCHEMA_VERSION, __version__
from llmx.config import Settings
from llmx.contract import ReportDocument

RETRYABLE_STAGES = ("transport", "internal")  # section failures a plain re-run tries again
FAILED_STAGES = ("extract", "metadata")  # section failures re-tried only with --retry-failed


class Status(StrEnum):
    DONE = "done"
    FAILED_SECTIONS = "failed_sections"
    RETRY = "retry"
    ERROR = "error"
    STOPPED = "stopped"


@dataclass
class Entry:
    """One report of a run (see the module docstring)."""

    name: str  # unique output name (DIR/reports/<name>.json)
    input: str
    sha256: str | None
    fingerprint: str
    status: Status
    error: str | None = None
    output: str | None = None  # DIR-relative path of the written report
    failed_sections: list[dict[str, Any]] = field(default_factory=list)
    items: dict[str, int] | None = None
    usage: dict[str, Any] | None = None
    genre: str | None = None  # the `genre` problem: the report does not look like a periodic report
    skipped: bool = False  # done by an earlier run, not this one

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "input": self.input,
            "sha256": self.sha256,
            "fingerprint": self.fingerprint,
            "status": str(self.status),
        }
        if self.error is not None:
            data["error"] = self.error
        if self.output is not None:
            data |= {
                "output": self.output,
                "failed_sections": self.failed_sections,
                "items": self.items,
                "usage": self.usage,
            }
            if self.genre is not None:
                data["genre"] = self.genre
        if self.skipped:
            data["skipped"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry | None:
        """An entry read back from the journal (None for a line this version cannot use)."""
        known = {f.name for f in fields(cls)}
        try:
            values = {k: v for k, v in data.items() if k in known}
            values["status"] = Status(values["status"])
            return cls(**values)
        except (KeyError, TypeError, ValueError):
            return None


def fingerprint(settings: Settings) -> str:
    """What decides a report's content besides its input bytes: a document done under another
    fingerprint (other model, prompt, mode...) is extracted again."""
    if settings.effective_backend == "rules":
        material: dict[str, Any] = {"backend": "rules"}
    else:
        from llmx.llm import prompts

        prompt = prompts.load(settings.prompt, settings.prompts_dir)
        material = {
            "backend": "llm",
            "model": settings.model,
            "prompt": f"{prompt.ref}#{prompt.hash}",
            "mode": settings.mode,
            "temperature": settings.temperature,
            "max_section_tokens": settings.max_section_tokens,
            "validation_attempts": settings.max_validation_retries,
        }
        if settings.verify:  # only when set, so fingerprints of runs without it stay as they were
            material["verify"] = settings.verify
    material |= {"schema": SCHEMA_VERSION, "llmx": __version__}
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()[:16]


def file_sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def genre_of(doc: ReportDocument) -> str | None:
    """The report's `genre` problem, if any (llmx/genre.py), for run.json and the summary."""
    from llmx.genre import STAGE

    return next((p.message for p in doc.problems if p.stage == STAGE), None)


def status_of(doc: ReportDocument) -> tuple[Status, list[dict[str, Any]]]:
    """A written report's status and the section failures that decide it."""
    failed = [p.model_dump() for p in doc.problems if p.stage in RETRYABLE_STAGES or p.stage in FAILED_STAGES]
    if any(p["stage"] in RETRYABLE_STAGES for p in failed):
        return Status.RETRY, failed
    return (Status.FAILED_SECTIONS if failed else Status.DONE), failed
