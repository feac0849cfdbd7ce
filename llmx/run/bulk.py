"""`llmx run` from start to end: the checks, the folder lock, the scheduler, the summary and run.json.

The run itself (processes, the gate, resuming, the stop) is described in scheduler.py.
"""

from __future__ import annotations

import asyncio
import gc
import time

from llmx.config import Settings
from llmx.errors import ConfigError
from llmx.run.discover import expand, name_inputs
from llmx.run.folder import FolderLock, SpaceReserve
from llmx.run.manifest import Status
from llmx.run.options import RunOptions
from llmx.run.progress import Progress
from llmx.run.scheduler import INTERRUPTED, Scheduler, entry_for
from llmx.run.summary import RunSummary, settings_record, write_outputs

__all__ = ["run"]


def run(specs: list[str], settings: Settings, options: RunOptions, *, progress: Progress | None = None) -> RunSummary:
    """Run every report named by `specs` into `options.out` (scheduler.py); one run per
    folder at a time (FolderLock), a second one is refused with OutputError."""
    options.check()
    if settings.effective_backend == "llm":
        from llmx.config import check_settings
        from llmx.llm.endpoint import for_endpoint

        check_settings(settings)
        settings = for_endpoint(settings)  # the served model's context and tokenizer, once per run
    if options.batch and (settings.effective_backend != "llm" or options.cache is None):
        raise ConfigError("--batch needs the LLM backend (--model) and the answer cache (not --no-cache)")
    try:
        options.out.mkdir(parents=True, exist_ok=True)
        probe = options.out / ".llmx-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(f"cannot write to the output folder: {exc.strerror or exc}", path=str(options.out)) from None
    with FolderLock(options.out):
        return _run_locked(specs, settings, options, progress)


def _run_locked(specs: list[str], settings: Settings, options: RunOptions, progress: Progress | None) -> RunSummary:
    skipped_inputs: list[str] = []  # inputs that name nothing, folders that cannot be read
    inputs = name_inputs(expand(specs, exclude=options.out, problems=skipped_inputs))
    reserve = SpaceReserve(options.out, min(32_768 + 2_048 * len(inputs), 16 << 20))  # run.json: ~500 B/report
    progress = progress or Progress(enabled=options.progress)
    started, t0 = time.time(), time.monotonic()
    job = Scheduler(inputs, settings, options, progress)
    interrupted = False
    try:
        asyncio.run(job.main())
    except (KeyboardInterrupt, asyncio.CancelledError):
        interrupted = True
    finally:
        gc.unfreeze()  # the workers are gone: a program calling run() again collects as usual
        job.close_journal()  # every finished report's line is on disk
        progress.close()
    job.journal_failure()
    stats = job.gate.stats
    summary = RunSummary(
        out=options.out,
        entries=[job.entries[i.name] for i in inputs if i.name in job.entries],
        started=started,
        wall_seconds=time.monotonic() - t0,
        backend=settings.effective_backend,
        model=settings.model if job.llm else None,
        prompt=settings.prompt if job.llm else None,
        requests=stats.requests,
        prompt_tokens=stats.prompt_tokens,
        completion_tokens=stats.completion_tokens,
        cache_hits=job.cache_hits,
        cost=job.gate.spent_cost if job.price is not None else None,
        throttled=stats.throttled,
        transport_failures=stats.failures,
        stopped=INTERRUPTED if interrupted else job.stop_reason,
        skipped=job.skipped,
        batch=job.batch,
        settings=settings_record(settings, options, job.fp),
        inputs_skipped=skipped_inputs,
    )
    if job.batch and job.batch.get("cost_usd") is not None and summary.cost is not None:
        summary.cost += job.batch["cost_usd"]
    for inp in inputs:  # inputs never reached (stop, Ctrl-C) are listed too
        if inp.name not in job.entries:
            summary.entries.append(entry_for(inp, None, job.fp, Status.STOPPED, error=summary.stopped or "not started"))
    write_outputs(summary, options, reserve)
    return summary
