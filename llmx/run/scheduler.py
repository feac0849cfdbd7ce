"""How `llmx run` does hundreds of reports, concurrent, cached, resumable; one bad report never stops it.

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

The parts: bulk.py (`run()`: checks, folder lock, summary), report_work.py (what a report-pool
process runs), resume.py (which inputs are still to do), summary.py (run.json, tables and review
pages, rewritten at the end or at a clean stop).
A worker process dies with the run (kill -9 included).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from llmx.config import Settings
from llmx.errors import ConfigError, DiskFull, LlmxError
from llmx.output import output_error
from llmx.run import procs
from llmx.run.discover import Input
from llmx.run.dispatch import RequestWorkers
from llmx.run.journal import Journal
from llmx.run.limits import Gate
from llmx.run.manifest import Entry, Status, fingerprint
from llmx.run.options import RunOptions
from llmx.run.pool import Budget, ReportPool, TaskFailed
from llmx.run.pricing import Price, price_for
from llmx.run.progress import Progress
from llmx.run.report_work import plan_document, rules_document
from llmx.run.resume import still_to_do

__all__ = ["INTERRUPTED", "Scheduler", "entry_for"]
INTERRUPTED = "interrupted (Ctrl-C or SIGTERM); run the same command again to resume"


def entry_for(inp: Input, sha: str | None, fp: str, status: Status, **more: Any) -> Entry:
    """A report's manifest entry under the run's fingerprint."""
    return Entry(name=inp.name, input=str(inp.path), sha256=sha, fingerprint=fp, status=status, **more)


def _reason(inp: Input, message: str, kind: str) -> str:
    """A report's one-line reason: an input error says it itself; a bug or a limit names the file."""
    if kind == "internal":
        return f"{inp.path}: internal error: {message}"
    if kind == "limit":
        return f"{inp.path}: {message}"
    return message


def _stop_on_sigterm() -> None:
    """SIGTERM (kill, systemd, a batch scheduler) stops the run as cleanly as Ctrl-C: the summary
    and run.json are still written. Without it the run would die like kill -9 (safe, but silent)."""
    import signal

    task = asyncio.current_task()
    if task is None:
        return
    with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)


class Scheduler:
    """The coordinating process of one run: its documents, the gate, the journal and the stop."""

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

    def close_journal(self) -> None:
        """Wait until every finished report's line is on disk."""
        self._journaling.shutdown(wait=True)

    @property
    def cache_hits(self) -> int:
        return self.workers.hits if self.workers is not None else 0

    # -- documents --------------------------------------------------------------------------------
    def _finish(self, entry: Entry) -> None:
        self.entries[entry.name] = entry
        self.journal_failure()
        if entry.status != Status.STOPPED:  # a stopped document was not written: nothing to remember
            # an fsync takes milliseconds: on its own thread (lines stay in order), so the loop
            # keeps admitting requests; a failed write is raised here at the next report
            self._journaling.submit(self.journal.append, entry).add_done_callback(self._journaled)
        self.progress.add(docs_done=1, docs_failed=int(entry.status == Status.ERROR))
        self._tick()

    def _journaled(self, done: Future[None]) -> None:
        if done.exception() is not None and self._journal_error is None:
            self._journal_error = done.exception()

    def journal_failure(self) -> None:
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
            return self._finish(entry_for(inp, sha, self.fp, Status.STOPPED, error=self.stop_reason))
        return self._finish(entry_for(inp, sha, self.fp, Status.ERROR, error=_reason(inp, message, kind)))

    def _tick(self) -> None:
        stats = self.gate.stats
        self.progress.update(
            tokens=stats.prompt_tokens + stats.completion_tokens,
            cached=self.cache_hits,
            cost=self.gate.spent_cost if self.price is not None else None,
        )

    def _written(self, inp: Input, sha: str | None, result: dict[str, Any]) -> None:
        status = Status(result.pop("status"))
        self._finish(entry_for(inp, sha, self.fp, status, output=f"reports/{inp.name}.json", **result))

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
            result = await pool.run(rules_document, str(inp.path), out, self.rules_settings)
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
        self._finish(entry_for(inp, sha, self.fp, Status.STOPPED, error=self.stop_reason))
        return True

    async def _llm_doc(self, pool: ReportPool, inp: Input, sha: str | None) -> None:
        if self._not_started(inp, sha):
            return None
        assert self.workers is not None
        plan_file = self._plan_file(inp)
        try:  # reading and planning run in the report pool, under the per-report budget
            jobs = self.plans.pop(inp.name, None) or await pool.run(
                plan_document, str(inp.path), self.settings, str(plan_file)
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
            return self._finish(entry_for(inp, sha, self.fp, Status.STOPPED, error=outcome[1]))
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

    async def main(self) -> None:
        """Every report still to do, through the report pool (and the request workers)."""
        _stop_on_sigterm()
        todo, done = still_to_do(
            self.inputs,
            self.journal,
            self.reports,
            self.plan_files,
            self.fp,
            retry_failed=self.options.retry_failed,
        )
        self.entries.update(done)
        self.skipped = len(done)
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
            *(pool.run(plan_document, str(inp.path), self.settings, str(self._plan_file(inp))) for inp, _ in todo),
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
