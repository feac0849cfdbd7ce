"""`llmx run`: hundreds of reports, concurrent, cached, resumable; one bad report never stops it.

This process coordinates; the CPU work runs in worker processes, so a run is not bound to one
interpreter lock:
* the report pool (pool.py): processes that each do one report's CPU work at a time under the
  per-report budget (`--report-timeout`, `--report-memory`): the whole rules extraction, or the
  reading, splitting and planning of an LLM report;
* the request workers (worker.py, dispatch.py; LLM backend): processes with their own event loop
  and model client (instructor + tenacity, the code path of `llmx extract`) that run the planned
  section requests of the documents they are handed, validate and ground the answers, and write
  each report. Every HTTP request is admitted by the run's one `Gate`, kept here: request slots
  (`-j`), rpm/tpm pacing, 429 pauses, the breaker and the budget hold for the run as a whole.
This process keeps the journal, the progress line, the manifest and the answer to Ctrl-C or
SIGTERM (the gate closes; requests in flight finish and are cached; run.json is written).
Documents held at once are bounded, so memory stays flat however many reports a run has.

Resuming: finished documents are appended to `DIR/state/journal.jsonl` (one fsynced line each)
and every answered request is in the SQLite cache (WAL: the workers write it at once), so a run
killed at any moment and started again skips the documents already written and re-sends only the
requests that never finished. Reports are written atomically; `run.json` is rewritten at the end
(or at a clean stop). A worker process dies with the run (kill -9 included).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import pickle
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from llmx.config import Settings
from llmx.errors import ConfigError, DiskFull, LlmxError, OutputError
from llmx.output import TEMP_SUFFIX, output_error, write_atomic
from llmx.pipeline import plan_llm, prepare
from llmx.run import procs
from llmx.run.discover import Input, expand, name_inputs
from llmx.run.dispatch import RequestWorkers
from llmx.run.folder import FolderLock, SpaceReserve
from llmx.run.journal import Journal
from llmx.run.limits import Gate
from llmx.run.manifest import Entry, Status, file_sha256, fingerprint, genre_of, status_of
from llmx.run.options import RunOptions
from llmx.run.pool import Budget, ReportPool, TaskFailed
from llmx.run.pricing import Price, price_for
from llmx.run.progress import Progress
from llmx.run.summary import RunSummary, settings_record, summary_lines, write_extras
from llmx.tables import item_counts

__all__ = ["RunOptions", "RunSummary", "run", "summary_lines"]
INTERRUPTED = "interrupted (Ctrl-C or SIGTERM); run the same command again to resume"


def _entry(inp: Input, sha: str | None, fp: str, status: Status, **more: Any) -> Entry:
    return Entry(name=inp.name, input=str(inp.path), sha256=sha, fingerprint=fp, status=status, **more)


def _reason(inp: Input, message: str, kind: str) -> str:
    """A report's one-line reason: an input error says it itself; a bug or a limit names the file."""
    if kind == "internal":
        return f"{inp.path}: internal error: {message}"
    if kind == "limit":
        return f"{inp.path}: {message}"
    return message


# -- what the report pool runs (module-level, so a worker process can be handed them) -------------


def _rules_document(path: str, out_path: str, settings: Settings) -> dict[str, Any]:
    """One report through the rules backend, written to `out_path`."""
    from llmx.pipeline import run_backend

    prepared = prepare(path, settings)
    doc = prepared.finish(*run_backend(prepared, settings))
    write_atomic(Path(out_path), doc.model_dump_json(indent=2) + "\n")
    (status, failed), genre = status_of(doc), genre_of(doc)
    return {"status": status, "failed_sections": failed, "items": item_counts(doc), "usage": None, "genre": genre}


def _plan_document(path: str, settings: Settings, plan_file: str) -> int:
    """One report read, split and planned into `plan_file` (the pickled Prepared and
    DocumentPlan a request worker picks up: big data never goes through the run's process);
    returns how many requests it plans."""
    prepared = prepare(path, settings)
    plan = plan_llm(prepared, settings)
    try:
        Path(plan_file).write_bytes(pickle.dumps((prepared.slim(), plan), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as exc:  # a full disk stops the run (DiskFull); anything else fails this report
        raise output_error(exc, plan_file) from None
    return len(plan.jobs) + 1


def _stop_on_sigterm() -> None:
    """SIGTERM (kill, systemd, a batch scheduler) stops the run as cleanly as Ctrl-C: the summary
    and run.json are still written. Without it the run would die like kill -9 (safe, but silent)."""
    import signal

    task = asyncio.current_task()
    if task is None:
        return
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)


class _Run:
    def __init__(self, inputs: list[Input], settings: Settings, options: RunOptions, progress: Progress) -> None:
        self.inputs, self.settings, self.options, self.progress = inputs, settings, options, progress
        self.fp = fingerprint(settings)
        # what a rules worker process needs: no key or endpoint travels to it
        self.rules_settings = Settings(backend="rules", max_file_mb=settings.max_file_mb)
        self.reports = options.out / "reports"
        self.plan_files = options.out / "state" / "plans"
        self.journal = Journal(options.out / "state" / "journal.jsonl")
        self._journaling = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llmx-journal")
        self._journal_error: BaseException | None = None
        self.entries: dict[str, Entry] = {}
        self.skipped = 0
        self.stop_reason: str | None = None
        self.llm = settings.effective_backend == "llm"
        self.price: Price | None = price_for(settings.model, options.price) if self.llm else None
        if options.max_cost is not None and self.price is None:
            raise ConfigError(
                f"--max-cost needs a price for model {settings.model!r}: give --price IN,OUT "
                "(dollars per million tokens)"
            )
        self.gate = Gate(
            rpm=options.rpm,
            tpm=options.tpm,
            max_requests=options.max_requests,
            max_cost=options.max_cost,
            price=self.price,
            breaker_after=options.breaker_after,
            throttle_budget=options.throttle_budget,
            max_in_flight=options.concurrency,
        )
        self.processes = options.processes or procs.default_processes()
        self.workers: RequestWorkers | None = None
        self.batch: dict[str, Any] | None = None
        self.plans: dict[str, int] = {}  # planned ahead by batch mode: requests per document
        self.prefetched: dict[str, dict[str, Any]] = {}  # batch answers, per document

    @property
    def cache_hits(self) -> int:
        return self.workers.hits if self.workers is not None else 0

    def _todo(self) -> list[tuple[Input, str | None]]:
        """Inputs still to do; documents already written under the same fingerprint are skipped."""
        previous = self.journal.load()
        # a killed run's leftovers: temp files of reports being written, plans not yet picked up
        for stale in [
            *self.reports.glob(f".*{TEMP_SUFFIX}"),
            *self.reports.glob(".*.json.*"),
            *self.plan_files.glob("*"),
        ]:
            stale.unlink(missing_ok=True)
        finished = (Status.DONE,) if self.options.retry_failed else (Status.DONE, Status.FAILED_SECTIONS)
        todo = []
        for inp in self.inputs:
            sha = file_sha256(inp.path)
            old = previous.get(inp.name)
            if (
                old is not None
                and old.fingerprint == self.fp
                and old.sha256 == sha
                and old.status in finished
                and (self.reports / f"{inp.name}.json").exists()
            ):
                old.skipped = True
                self.entries[inp.name] = old
                self.skipped += 1
                continue
            todo.append((inp, sha))
        return todo

    # -- documents --------------------------------------------------------------------------------
    def _finish(self, entry: Entry) -> None:
        self.entries[entry.name] = entry
        self._journal_failure()
        if entry.status != Status.STOPPED:  # a stopped document was not written: nothing to remember
            # an fsync takes milliseconds: on its own thread (lines stay in order), so the loop
            # keeps admitting requests; a failed write is raised here at the next report
            self._journaling.submit(self.journal.append, entry).add_done_callback(self._journaled)
        self.progress.add(docs_done=1, docs_failed=int(entry.status == Status.ERROR))
        self._tick()

    def _journaled(self, done: Future[None]) -> None:
        if done.exception() is not None and self._journal_error is None:
            self._journal_error = done.exception()

    def _journal_failure(self) -> None:
        """A journal line that could not be written on the journal's thread stops the run (once):
        the report is written but not remembered, so a re-run does it again."""
        error, self._journal_error = self._journal_error, None
        if isinstance(error, OSError):
            self._stop(f"cannot record progress in {self.journal.path}: {output_error(error, self.journal.path)}")
        elif error is not None:
            raise error

    def _failed(self, inp: Input, sha: str | None, message: str, kind: str) -> None:
        """A report that could not be done: its one-line reason (a bug on one report stops nothing else).

        A full disk (`kind` "disk") is not the report's fault: the run stops (said once), the report
        is left for the next run, and nothing is recorded as unreadable."""
        if kind == "disk":
            self._stop(f"{message}; free some space, then run the same command again to resume")
            return self._finish(_entry(inp, sha, self.fp, Status.STOPPED, error=self.stop_reason))
        return self._finish(_entry(inp, sha, self.fp, Status.ERROR, error=_reason(inp, message, kind)))

    def _tick(self) -> None:
        stats = self.gate.stats
        self.progress.update(
            tokens=stats.prompt_tokens + stats.completion_tokens,
            cached=self.cache_hits,
            cost=self.gate.spent_cost if self.price is not None else None,
        )

    def _written(self, inp: Input, sha: str | None, result: dict[str, Any]) -> None:
        status = Status(result.pop("status"))
        self._finish(_entry(inp, sha, self.fp, status, output=f"reports/{inp.name}.json", **result))

    def _stop(self, reason: str) -> None:
        """Stop the run (the first reason wins): queued sections send nothing, queued reports wait
        (budget, breaker, a refused key or exhausted quota, a full disk, Ctrl-C)."""
        self.stop_reason = self.stop_reason or reason
        self.gate.close(self.stop_reason)
        if self.workers is not None:
            self.workers.stop(self.stop_reason)

    async def _rules_doc(self, pool: ReportPool, inp: Input, sha: str | None) -> None:
        if self._not_started(inp, sha):
            return None
        try:
            out = str(self.reports / f"{inp.name}.json")
            result = await pool.run(_rules_document, str(inp.path), out, self.rules_settings)
        except TaskFailed as failed:
            return self._failed(inp, sha, failed.reason, failed.kind)
        self.progress.add(jobs_total=1, jobs_done=1)
        self._written(inp, sha, result)
        return None

    def _plan_file(self, inp: Input) -> Path:
        self.plan_files.mkdir(parents=True, exist_ok=True)
        return self.plan_files / f"{inp.name}.plan"

    def _not_started(self, inp: Input, sha: str | None) -> bool:
        """Once the run is stopping, a document not yet sent is listed as stopped."""
        if self.stop_reason is None:
            return False
        self._finish(_entry(inp, sha, self.fp, Status.STOPPED, error=self.stop_reason))
        return True

    async def _llm_doc(self, pool: ReportPool, inp: Input, sha: str | None) -> None:
        if self._not_started(inp, sha):
            return None
        assert self.workers is not None
        plan_file = self._plan_file(inp)
        try:  # reading and planning run in the report pool, under the per-report budget
            jobs = self.plans.pop(inp.name, None) or await pool.run(
                _plan_document, str(inp.path), self.settings, str(plan_file)
            )
        except TaskFailed as failed:
            return self._failed(inp, sha, failed.reason, failed.kind)
        try:
            if self._not_started(inp, sha):
                return None
            self.progress.add(jobs_total=jobs)
            out = str(self.reports / f"{inp.name}.json")
            outcome = await self.workers.run(str(plan_file), out, self.prefetched.pop(inp.name, None))
        finally:
            plan_file.unlink(missing_ok=True)
        if outcome[0] == "stopped":
            self._stop(outcome[1])
            return self._finish(_entry(inp, sha, self.fp, Status.STOPPED, error=outcome[1]))
        if outcome[0] == "error":
            return self._failed(inp, sha, outcome[1], outcome[2])
        self._written(inp, sha, outcome[1])
        return None

    def _preload(self) -> None:
        """What the worker processes will need, imported here once: each worker is forked from
        this process and starts with it (instead of every worker importing it again)."""
        if not self.llm:
            import llmx.rules.backend  # noqa: F401 -- for the report pool

            return
        from llmx.llm import prompts
        from llmx.llm.plan import metadata_prompt_ref
        from llmx.run.worker import preload

        with contextlib.suppress(LlmxError):  # a bad prompt is reported by the first plan
            section = prompts.load(self.settings.prompt, self.settings.prompts_dir)
            prompts.load(metadata_prompt_ref(section, self.settings.prompts_dir), self.settings.prompts_dir)
        preload(self.settings)

    async def _main(self) -> None:
        _stop_on_sigterm()
        todo = self._todo()
        self.progress.update(docs_total=len(self.inputs), docs_done=self.skipped)
        if not todo:
            return
        self._preload()
        # everything imported and built so far lives as long as the run: out of the collector's
        # sight, so worker processes forked from here neither copy those pages nor walk them in
        # every collection (the documented use of gc.freeze before fork)
        gc.collect()
        gc.freeze()
        concurrency = max(1, self.options.concurrency)
        budget = Budget(self.options.report_timeout or None, self.options.report_memory or None)
        size = min(self.processes, len(todo)) if self.llm else min(self.processes, concurrency, len(todo))
        pool = ReportPool(size=max(1, size), budget=budget)
        interrupted = True
        try:
            if not self.llm:
                await asyncio.gather(*(self._rules_doc(pool, inp, sha) for inp, sha in todo))
            else:
                await self._llm_docs(pool, todo, concurrency)
            interrupted = False
        finally:
            if interrupted:
                pool.kill()
            else:
                await pool.close()

    async def _llm_docs(self, pool: ReportPool, todo: list[tuple[Input, str | None]], concurrency: int) -> None:
        if self.options.cache is not None:
            from llmx.llm.cache import AnswerCache

            try:  # the workers open it too: a cache that cannot even be created stops the run here
                AnswerCache(self.options.cache).close()
            except DiskFull as exc:
                self._stop(f"{exc}; free some space, then run the same command again to resume")
                return
        self.workers = RequestWorkers(
            min(self.processes, len(todo)),
            self.gate,
            self.settings,
            concurrency=concurrency,
            cache=str(self.options.cache) if self.options.cache is not None else None,
            retry_failed=self.options.retry_failed,
            on_job=self._job_done,
            on_stop=self._stop,
        )
        in_memory = asyncio.Semaphore(max(2, concurrency))  # documents held at once: flat memory

        async def one(inp: Input, sha: str | None) -> None:
            async with in_memory:
                await self._llm_doc(pool, inp, sha)

        try:
            if self.options.batch:
                await self._prefetch(pool, todo)
            await asyncio.gather(*(one(inp, sha) for inp, sha in todo))
        except asyncio.CancelledError:  # Ctrl-C/SIGTERM: queued sections must not send anything now
            self._stop(INTERRUPTED)
            raise
        finally:  # workers leave once their requests in flight are answered (and cached)
            await self.workers.close()

    def _job_done(self, count: int) -> None:
        self.progress.add(jobs_done=count)
        self._tick()

    async def _prefetch(self, pool: ReportPool, todo: list[tuple[Input, str | None]]) -> None:
        """Batch mode: every uncached request of the run's plans through the Batch API first.

        The plans are kept for the run itself, so each document is read and planned once.
        """
        planned = await asyncio.gather(
            *(pool.run(_plan_document, str(inp.path), self.settings, str(self._plan_file(inp))) for inp, _ in todo),
            return_exceptions=True,
        )
        for (inp, _), result in zip(todo, planned, strict=True):
            if not isinstance(result, BaseException):
                self.plans[inp.name] = result  # a failed one is recorded when the run reaches it
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, self._submit_batch)

    def _submit_batch(self) -> None:
        from llmx.run.batch import prefetch

        assert self.options.cache is not None
        plans = {name: self.plan_files / f"{name}.plan" for name in self.plans}
        self.prefetched, self.batch = prefetch(
            plans,
            self.settings,
            self.gate,
            cache=self.options.cache,
            state=self.options.out / "state" / "batch.json",
            poll_seconds=self.options.batch_poll,
            on_status=self.progress.note,
            price=self.price,
        )


def run(specs: list[str], settings: Settings, options: RunOptions, *, progress: Progress | None = None) -> RunSummary:
    """Run every report named by `specs` into `options.out` (module docstring); one run per
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
    job = _Run(inputs, settings, options, progress)
    interrupted = False
    try:
        asyncio.run(job._main())
    except (KeyboardInterrupt, asyncio.CancelledError):
        interrupted = True
    finally:
        gc.unfreeze()  # the workers are gone: a program calling run() again collects as usual
        job._journaling.shutdown(wait=True)  # every finished report's line is on disk
        progress.close()
    job._journal_failure()
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
            summary.entries.append(_entry(inp, None, job.fp, Status.STOPPED, error=summary.stopped or "not started"))
    _write_outputs(summary, options, reserve)
    return summary


def _write_outputs(summary: RunSummary, options: RunOptions, reserve: SpaceReserve) -> None:
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
