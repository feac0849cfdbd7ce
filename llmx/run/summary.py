"""The end of a run: `run.json`, the tables and review pages over its reports, and the summary lines."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llmx import SCHEMA_VERSION, __version__
from llmx.config import Settings, redact_url
from llmx.errors import DiskFull, OutputError
from llmx.output import output_error, write_atomic
from llmx.run.folder import SpaceReserve
from llmx.run.manifest import Entry, Status
from llmx.run.options import RunOptions


@dataclass
class RunSummary:
    out: Path
    entries: list[Entry]
    started: float
    wall_seconds: float
    backend: str
    model: str | None
    prompt: str | None
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cache_hits: int = 0
    cost: float | None = None
    throttled: int = 0
    transport_failures: int = 0
    stopped: str | None = None
    skipped: int = 0
    tables: list[str] = field(default_factory=list)
    review: str | None = None
    batch: dict[str, Any] | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    inputs_skipped: list[str] = field(default_factory=list)  # inputs naming nothing, unreadable folders
    problems: list[str] = field(default_factory=list)  # outputs of the run that could not be written, and why
    not_written: list[str] = field(default_factory=list)  # outputs not written for the reason the run stopped
    manifest_written: bool = True

    def count(self, status: Status) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def doubtful(self) -> int:
        """Reports written with a `genre` problem: not (plainly) periodic reports."""
        return sum(1 for e in self.entries if e.genre and e.status != Status.ERROR)

    @property
    def complete(self) -> bool:
        return self.stopped is None and not any(e.status in (Status.STOPPED, Status.RETRY) for e in self.entries)

    @property
    def nothing_processed(self) -> bool:
        """Every report was unreadable (or none was found): the CLI exits non-zero."""
        return all(e.status == Status.ERROR for e in self.entries)

    def manifest(self) -> dict[str, Any]:
        return {
            "llmx_version": __version__,
            "schema_version": SCHEMA_VERSION,
            "backend": self.backend,
            "model": self.model,
            "prompt": self.prompt,
            "settings": self.settings,
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(self.started)),
            "wall_seconds": round(self.wall_seconds, 3),
            "complete": self.complete,
            "stopped": self.stopped,
            "documents": {str(s): self.count(s) for s in Status}
            | {"total": len(self.entries), "skipped": self.skipped, "genre_warnings": self.doubtful},
            "requests": self.requests,
            "cache_hits": self.cache_hits,
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "cost_usd": None if self.cost is None else round(self.cost, 6),
            "throttled": self.throttled,
            "transport_failures": self.transport_failures,
            "batch": self.batch,
            "tables": self.tables,
            "review": self.review,
            "inputs_skipped": self.inputs_skipped,
            "problems": self.problems,
            "not_written": self.not_written,
            "reports": [e.to_json() for e in self.entries],
        }


def settings_record(settings: Settings, options: RunOptions, fp: str) -> dict[str, Any]:
    """What the run was asked to do, for run.json: never the key, nor credentials in a URL."""
    url = redact_url(settings.base_url) if settings.base_url else None
    llm = settings.effective_backend == "llm"
    return {
        "fingerprint": fp,
        "base_url": url if llm else None,
        "mode": settings.mode if llm else None,
        "temperature": settings.temperature if llm else None,
        "verify": settings.verify,
        "concurrency": options.concurrency,
        "rpm": options.rpm or None,
        "tpm": options.tpm or None,
        "max_requests": options.max_requests,
        "max_cost": options.max_cost,
        "retry_failed": options.retry_failed,
        "batch": options.batch,
        "cache": str(options.cache) if options.cache else None,
        "tables": list(options.tables),
        "processes": options.processes,
        "report_timeout": options.report_timeout or None,
        "report_memory": options.report_memory or None,
    }


def write_extras(summary: RunSummary, options: RunOptions) -> None:
    """Tables and the review pages, over every report this run's inputs have in DIR/reports."""
    reports = [options.out / e.output for e in summary.entries if e.output is not None and e.status != Status.STOPPED]
    reports = [p for p in reports if p.exists()]
    if not reports:
        return
    if options.tables:
        from llmx.tables import write_tables

        written = write_tables(reports, options.out / "tables", formats=options.tables)
        summary.tables = sorted(str(p.relative_to(options.out)) for paths in written.values() for p in paths)
    if options.review:
        from llmx.review import write_run_review

        summary.review = str(write_run_review(reports, options.out / "review").relative_to(options.out))


def summary_lines(summary: RunSummary) -> list[str]:
    """The end-of-run summary an analyst reads on stderr."""
    docs = len(summary.entries)
    count = summary.count
    lines = [
        f"{docs} reports: {count(Status.DONE)} done, {count(Status.FAILED_SECTIONS)} with failed sections, "
        f"{count(Status.RETRY)} to retry, {count(Status.ERROR)} unreadable, {count(Status.STOPPED)} not finished"
        + (f" ({summary.skipped} already done earlier, skipped)" if summary.skipped else ""),
    ]
    if summary.batch:
        b = summary.batch
        lines.append(
            f"batch {b['id']}: {b['answered']}/{b['requests']} answered ({b['failed']} failed, asked again directly); "
            f"tokens {b['prompt_tokens']:,} prompt + {b['completion_tokens']:,} completion"
        )
    if summary.backend == "llm":
        cost = "" if summary.cost is None else f", cost ${summary.cost:.4f}"
        lines.append(
            f"requests {summary.requests} sent, {summary.cache_hits} answered from cache; tokens "
            f"{summary.prompt_tokens:,} prompt + {summary.completion_tokens:,} completion{cost}"
            + (f"; {summary.throttled} rate-limited (429)" if summary.throttled else "")
            + (f"; {summary.transport_failures} transport faults" if summary.transport_failures else "")
        )
    doubtful = [e for e in summary.entries if e.genre and e.status != Status.ERROR]
    if doubtful:
        from llmx.genre import NEAR

        near = sum(1 for e in doubtful if e.genre and e.genre.startswith(NEAR))
        lines.append(
            f"{len(doubtful) - near} do not look like periodic reports, {near} are plans or submissions "
            "(their `genre` problem says why; run.json: reports[].genre)"
        )
        lines += [f"  {e.input}: {e.genre}" for e in doubtful[:10]]
        lines += [f"  ... and {len(doubtful) - 10} more"] if len(doubtful) > 10 else []
    lines += [f"  input skipped: {line}" for line in summary.inputs_skipped]
    lines += [f"  {line}" for line in summary.problems]
    lines += [f"  not written: {', '.join(summary.not_written)}"] if summary.not_written else []
    for e in summary.entries:
        if e.status == Status.ERROR:
            lines.append(f"  unreadable: {e.error}")
        elif e.status in (Status.FAILED_SECTIONS, Status.RETRY):
            for f in e.failed_sections[:3]:
                lines.append(f"  {e.input} section {f.get('section_id') or '-'}: {f['message'][:200]}")
    if summary.stopped:
        lines.append(f"stopped: {summary.stopped}")
    manifest = f"manifest {summary.out / 'run.json'}" if summary.manifest_written else "no manifest written"
    lines.append(f"wall time {summary.wall_seconds:.1f} s; {manifest}")
    return lines


def write_outputs(summary: RunSummary, options: RunOptions, reserve: SpaceReserve) -> None:
    """Tables, review pages and run.json. What cannot be written is said in one line; a full disk
    stops the run (exit 8): the reports are journaled, so the same command later writes the rest."""

    def trouble(what: str, exc: OutputError | OSError) -> None:
        err = exc if isinstance(exc, OutputError) else output_error(exc, options.out)
        if isinstance(err, DiskFull) and (summary.stopped or "disk full").startswith("disk full"):
            summary.stopped = summary.stopped or f"{err}; free some space, then run the same command again to resume"
            summary.not_written.append(what)  # the stop reason says why, once
        else:
            summary.problems.append(f"{what} not written: {err}")

    try:
        write_extras(summary, options)
    except (OutputError, OSError) as exc:
        trouble("tables and review pages", exc)
    manifest = options.out / "run.json"
    text = json.dumps(summary.manifest(), ensure_ascii=False, indent=2) + "\n"
    try:
        try:
            write_atomic(manifest, text)
        except DiskFull:
            if not reserve.release():
                raise
            write_atomic(manifest, text)  # in the space kept back for it
    except OutputError as exc:
        trouble("run.json", exc)
        summary.manifest_written = False
    finally:
        reserve.release()
