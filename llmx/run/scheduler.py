"""`llmx run`: hundreds of reports, concurrent, cached, resumable; one bad report never stops it.

Scheduling is asyncio: every document is a task and every section job inside it another. The
model client is the synchronous, tested `ModelClient` (instructor + tenacity) on a pool of worker
threads (an HTTP wait releases the GIL), so one retry/validation code path serves `extract` and
`run`. The run-wide `Gate` holds exactly `concurrency` HTTP requests open and paces them (rpm/tpm,
429 pauses, breaker, budget); twice as many sections are in progress, so one section's parsing
and validation overlaps the others' requests. Reading, splitting and planning each document,
and assembling it, run on one more thread, off the event loop. Documents in memory are bounded,
so memory stays flat however many reports a run has; the rules backend runs on a process pool
instead (it is CPU-bound).

Resuming: finished documents are appended to `DIR/state/journal.jsonl` (one fsynced line each)
and every answered request is in the SQLite cache, so a run killed at any moment and started
again skips the documents already written and re-sends only the requests that never finished.
Reports are written atomically; `run.json` is rewritten at the end (or at a clean stop).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from llmx.config import Settings, debug_enabled
from llmx.contract import ReportDocument
from llmx.errors import ConfigError, DiskFull, LlmxError, ModelCallError, OutputError, RequestRejected
from llmx.output import TEMP_SUFFIX, output_error, write_atomic
from llmx.pipeline import Prepared, plan_llm, prepare, verified
from llmx.run.discover import Input, expand, name_inputs
from llmx.run.folder import FolderLock, SpaceReserve
from llmx.run.journal import Journal
from llmx.run.limits import Gate, RunStopped
from llmx.run.manifest import Entry, Status, file_sha256, fingerprint, status_of
from llmx.run.options import RunOptions
from llmx.run.pricing import Price, price_for
from llmx.run.progress import Progress
from llmx.run.summary import RunSummary, settings_record, summary_lines, write_extras
from llmx.tables import item_counts

if TYPE_CHECKING:
    from llmx.llm.cache import AnswerCache, CachedClient
    from llmx.llm.client import ModelClient
    from llmx.llm.convert import Part
    from llmx.llm.plan import DocumentPlan
    from llmx.llm.runner import MetadataResult

__all__ = ["RunOptions", "RunSummary", "run", "summary_lines"]
INTERRUPTED = "interrupted (Ctrl-C or SIGTERM); run the same command again to resume"


def _internal(inp: Input, exc: BaseException) -> str:
    """A bug met on one report, said in one line naming it (LLMX_DEBUG=1 shows the traceback)."""
    if debug_enabled():
        import traceback

        traceback.print_exception(exc)
    return f"{inp.path}: internal error: {type(exc).__name__}: {exc}"


def _entry(inp: Input, sha: str | None, fp: str, status: Status, **more: Any) -> Entry:
    return Entry(name=inp.name, input=str(inp.path), sha256=sha, fingerprint=fp, status=status, **more)


def _rules_document(path: str, out_path: str, settings: Settings) -> dict[str, Any]:
    """One report through the rules backend, written to `out_path` (runs in a worker process)."""
    from llmx.pipeline import run_backend

    prepared = prepare(path, settings)
    doc = prepared.finish(*run_backend(prepared, settings))
    write_atomic(Path(out_path), doc.model_dump_json(indent=2) + "\n")
    status, failed = status_of(doc)
    return {"status": status, "failed_sections": failed, "items": item_counts(doc), "usage": None}


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
        self.journal = Journal(options.out / "state" / "journal.jsonl")
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
        self.model_client: ModelClient | None = None
        self.client: ModelClient | CachedClient | None = None
        self.cache: AnswerCache | None = None
        self.batch: dict[str, Any] | None = None
        self.plans: dict[str, tuple[Prepared, DocumentPlan]] = {}  # planned ahead by batch mode

    # -- set-up -----------------------------------------------------------------------------------
    def _open_client(self) -> None:
        from llmx.llm.client import ModelClient

        client = self.model_client = ModelClient(self.settings, admission=self.gate)
        client.warm_up()
        self.client = client
        if self.options.cache is not None:
            from llmx.llm.cache import AnswerCache, CachedClient

            self.cache = AnswerCache(self.options.cache)
            self.client = CachedClient(client, self.cache, retry_failed=self.options.retry_failed)

    @property
    def cache_hits(self) -> int:
        return getattr(self.client, "hits", 0)

    def _todo(self) -> list[tuple[Input, str | None]]:
        """Inputs still to do; documents already written under the same fingerprint are skipped."""
        previous = self.journal.load()
        for pattern in (f".*{TEMP_SUFFIX}", ".*.json.*"):  # temp files of a run killed while writing
            for stale in self.reports.glob(pattern):
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
        if entry.status != Status.STOPPED:  # a stopped document was not written: nothing to remember
            try:
                self.journal.append(entry)
            except OSError as exc:  # the report is written but not remembered: a re-run does it again
                self._stop(f"cannot record progress in {self.journal.path}: {output_error(exc, self.journal.path)}")
        self.progress.add(docs_done=1, docs_failed=int(entry.status == Status.ERROR))
        self._tick()

    def _stop(self, reason: str) -> None:
        """Stop the run (the first reason wins): queued sections send nothing, queued reports wait."""
        self.stop_reason = self.stop_reason or reason
        self.gate.close(self.stop_reason)

    def _failed(self, inp: Input, sha: str | None, exc: BaseException, *, internal: bool = False) -> None:
        """A report that could not be done: its one-line reason (a bug on one report stops nothing else).

        A full disk is not the report's fault: the run stops (said once), the report is left for the
        next run, and nothing is recorded as unreadable."""
        if isinstance(exc, DiskFull):
            self._stop(f"{exc}; free some space, then run the same command again to resume")
            return self._finish(_entry(inp, sha, self.fp, Status.STOPPED, error=self.stop_reason))
        reason = str(exc) if isinstance(exc, LlmxError) and not internal else _internal(inp, exc)
        return self._finish(_entry(inp, sha, self.fp, Status.ERROR, error=reason))

    def _tick(self) -> None:
        stats = self.gate.stats
        self.progress.update(
            tokens=stats.prompt_tokens + stats.completion_tokens,
            cached=self.cache_hits,
            cost=self.gate.spent_cost if self.price is not None else None,
        )

    def _written(self, inp: Input, sha: str | None, report: ReportDocument, usage: dict[str, Any] | None) -> None:
        status, failed = status_of(report)
        self._finish(
            _entry(
                inp,
                sha,
                self.fp,
                status,
                output=f"reports/{inp.name}.json",
                failed_sections=failed,
                items=item_counts(report),
                usage=usage,
            )
        )

    async def _rules_doc(self, pool: Executor, inp: Input, sha: str | None) -> None:
        loop = asyncio.get_running_loop()
        out = self.reports / f"{inp.name}.json"
        if self.stop_reason:
            return self._finish(_entry(inp, sha, self.fp, Status.STOPPED, error=self.stop_reason))
        try:
            result = await loop.run_in_executor(pool, _rules_document, str(inp.path), str(out), self.rules_settings)
        except Exception as exc:
            return self._failed(inp, sha, exc)
        self.progress.add(jobs_total=1, jobs_done=1)
        entry = _entry(inp, sha, self.fp, Status(result.pop("status")), output=f"reports/{inp.name}.json", **result)
        self._finish(entry)
        return None

    def _plan(self, inp: Input) -> tuple[Prepared, DocumentPlan]:
        """The document read, split and planned (batch mode planned it already: used once)."""
        if inp.name in self.plans:
            return self.plans.pop(inp.name)
        prepared = prepare(inp.path, self.settings)
        return prepared, plan_llm(prepared, self.settings)

    async def _llm_doc(
        self, cpu: Executor, io: Executor, slots: asyncio.Semaphore, inp: Input, sha: str | None
    ) -> None:
        from llmx.llm.runner import LlmDocument

        loop = asyncio.get_running_loop()
        if self.stop_reason:
            return self._finish(_entry(inp, sha, self.fp, Status.STOPPED, error=self.stop_reason))
        assert self.client is not None
        try:  # CPU work runs off the event loop, so the loop only ever dispatches requests
            prepared, plan = await loop.run_in_executor(cpu, self._plan, inp)
        except Exception as exc:
            return self._failed(inp, sha, exc)
        doc = LlmDocument(plan, self.settings, self.client)
        self.progress.add(jobs_total=len(doc.jobs) + 1)

        async def call(fn: Callable[..., Any], *args: Any) -> Any:
            async with slots:
                if self.stop_reason:
                    raise RunStopped(self.stop_reason)
                try:
                    return await loop.run_in_executor(io, fn, *args)
                except ModelCallError as exc:  # a refused key, an exhausted quota: stop now, not after the document
                    if not isinstance(exc, RequestRejected):
                        self._stop(str(exc))
                    raise
                finally:
                    self.progress.add(jobs_done=1)
                    self._tick()

        results = await asyncio.gather(
            *(call(doc.run_job, k) for k in range(len(doc.jobs))), call(doc.run_metadata), return_exceptions=True
        )
        for r in results:
            if isinstance(r, DiskFull):  # the answer cache could not store a paid answer
                return self._failed(inp, sha, r)
            if isinstance(r, RunStopped) or (isinstance(r, ModelCallError) and not isinstance(r, RequestRejected)):
                self.stop_reason = self.stop_reason or str(r)  # auth, unknown model, unreachable, breaker, budget
                return self._finish(_entry(inp, sha, self.fp, Status.STOPPED, error=str(r)))
        for r in results:
            if isinstance(r, BaseException):
                return self._failed(inp, sha, r, internal=True)
        parts, meta = cast("list[Part]", results[:-1]), cast("MetadataResult", results[-1])
        out = self.reports / f"{inp.name}.json"

        def finish() -> tuple[ReportDocument, dict[str, Any] | None]:
            run = doc.finish(parts, meta)
            report = verified(prepared, prepared.finish(run.extraction, run.extractor), self.settings)
            write_atomic(out, report.model_dump_json(indent=2) + "\n")
            return report, run.extractor.usage.model_dump() if run.extractor.usage else None

        try:
            report, usage = await loop.run_in_executor(cpu, finish)
        except Exception as exc:
            return self._failed(inp, sha, exc)
        self._written(inp, sha, report, usage)
        return None

    async def _main(self) -> None:
        _stop_on_sigterm()
        todo = self._todo()
        self.progress.update(docs_total=len(self.inputs), docs_done=self.skipped)
        if not todo:
            return
        concurrency = max(1, self.options.concurrency)
        if not self.llm:
            workers = max(1, min(os.cpu_count() or 1, concurrency, len(todo)))
            with ProcessPoolExecutor(max_workers=workers) as pool:
                await asyncio.gather(*(self._rules_doc(pool, inp, sha) for inp, sha in todo))
            return
        try:
            self._open_client()
        except DiskFull as exc:  # the answer cache cannot even be opened
            self._stop(f"{exc}; free some space, then run the same command again to resume")
            return
        if self.options.batch:
            await asyncio.get_running_loop().run_in_executor(None, self._prefetch, todo)
        # sections in progress: twice the request slots, so one section's validation overlaps the
        # others' requests; the gate keeps exactly `concurrency` HTTP requests open
        workers = 2 * concurrency
        slots = asyncio.Semaphore(workers)
        in_memory = asyncio.Semaphore(max(2, concurrency))  # documents held at once: flat memory

        async def one(inp: Input, sha: str | None) -> None:
            async with in_memory:
                await self._llm_doc(cpu, io, slots, inp, sha)

        with (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="llmx-cpu") as cpu,
            ThreadPoolExecutor(max_workers=workers, thread_name_prefix="llmx-io") as io,
        ):
            try:
                await asyncio.gather(*(one(inp, sha) for inp, sha in todo))
            except asyncio.CancelledError:  # Ctrl-C/SIGTERM: queued sections must not send anything now
                self.gate.close(INTERRUPTED)
                raise

    def _prefetch(self, todo: list[tuple[Input, str | None]]) -> None:
        """Batch mode: every uncached request of the run's plans through the Batch API first.

        The plans are kept for the run itself, so each document is read and planned once.
        """
        from llmx.llm.cache import CachedClient, request_key
        from llmx.run.batch import BatchRunner

        assert isinstance(self.client, CachedClient) and self.cache is not None and self.model_client is not None
        base = self.model_client
        requests: list[tuple[str, dict[str, Any]]] = []
        seen: set[str] = set()
        for inp, _sha in todo:
            try:
                prepared, plan = self._plan(inp)
            except LlmxError:
                continue  # recorded when the run reaches it
            self.plans[inp.name] = prepared, plan
            for request in plan.requests():
                key = request_key(
                    self.settings, request.messages, request.response_model, request.tag, request.max_tokens
                )
                if key not in seen and self.cache.get(key) is None:
                    seen.add(key)
                    requests.append(
                        (key, base.request_body(request.messages, request.response_model, request.max_tokens))
                    )
        if not requests:
            return
        runner = BatchRunner(
            base,
            self.options.out / "state" / "batch.json",
            poll_seconds=self.options.batch_poll,
            on_status=self.progress.note,
        )
        result = runner.run(requests)
        self.client.prefetched.update(result.answers)
        cost = self.price.halved().cost(result.prompt_tokens, result.completion_tokens) if self.price else None
        self.batch = {
            "id": result.state.batch_id,
            "requests": len(requests),
            "answered": len(result.answers),
            "failed": len(result.errors),
            "prompt_tokens": result.prompt_tokens,
            "completion_tokens": result.completion_tokens,
            "cost_usd": None if cost is None else round(cost, 6),
        }

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cache is not None:
            self.cache.close()


def run(specs: list[str], settings: Settings, options: RunOptions, *, progress: Progress | None = None) -> RunSummary:
    """Run every report named by `specs` into `options.out`; see the module docstring.

    One run per folder at a time (FolderLock); a second one is refused with OutputError."""
    options.check()
    if settings.effective_backend == "llm":
        from llmx.llm.client import check_settings
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
        job.close()
        progress.close()
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
