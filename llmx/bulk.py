"""`llmx run`: hundreds of reports, concurrent, cached, resumable; one bad report never stops it.

Scheduling is asyncio: every document is a task and every section job inside it another. The
model client is the synchronous, tested `ModelClient` (instructor + tenacity) on a pool of worker
threads (an HTTP wait releases the GIL), so one retry/validation code path serves `extract` and
`run`. The run-wide `Gate` holds exactly `concurrency` HTTP requests open and paces them (rpm/tpm,
429 pauses, breaker, budget); twice as many sections are in progress, so one section's parsing
and validation overlaps the others' requests. Reading, splitting and assembling run on one more
thread, off the event loop. Documents in memory are bounded, so memory stays flat however many
reports a run has; the rules backend runs on a process pool instead (it is CPU-bound).

Resuming: finished documents are appended to `DIR/state/journal.jsonl` (one fsynced line each)
and every answered request is in the SQLite cache, so a run killed at any moment and started
again skips the documents already written and re-sends only the requests that never finished.
Reports are written atomically; `run.json` is rewritten at the end (or at a clean stop).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llmx import __version__
from llmx.config import Settings
from llmx.contract import SCHEMA_VERSION, Extractor, ReportDocument
from llmx.discover import Input, expand, name_inputs
from llmx.errors import ConfigError, LlmxError, ModelCallError, RequestRejected
from llmx.limits import Gate, RunStopped
from llmx.output import write_atomic
from llmx.pipeline import Prepared, prepare
from llmx.pricing import Price, price_for
from llmx.progress import Progress
from llmx.tables import check_formats, default_formats, item_counts

RETRYABLE_STAGES = ("transport",)  # section failures a plain re-run tries again
FAILED_STAGES = ("extract", "metadata")  # section failures re-tried only with --retry-failed


@dataclass(frozen=True)
class RunOptions:
    out: Path
    concurrency: int = 8
    rpm: float = 0.0
    tpm: float = 0.0
    max_requests: int | None = None
    max_cost: float | None = None
    price: str | None = None  # "IN,OUT" dollars per million tokens; default: list price of the model
    cache: Path | None = None  # None: no cache (every request is sent)
    retry_failed: bool = False
    tables: tuple[str, ...] = field(default_factory=default_formats)  # parquet only with pyarrow
    review: bool = True
    progress: bool = True
    breaker_after: int = 8
    batch: bool = False  # submit through the provider's Batch API first (see llmx/batch.py)
    batch_poll: float = 10.0  # seconds between two polls of a submitted batch


@dataclass
class RunSummary:
    out: Path
    entries: list[dict[str, Any]]
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

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e["status"] == status)

    @property
    def complete(self) -> bool:
        return self.stopped is None and not any(e["status"] in ("stopped", "retry") for e in self.entries)

    def manifest(self) -> dict[str, Any]:
        statuses = ("done", "failed_sections", "retry", "error", "stopped")
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
            "documents": {s: self.count(s) for s in statuses} | {"total": len(self.entries), "skipped": self.skipped},
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
            "reports": self.entries,
        }


def fingerprint(settings: Settings) -> str:
    """What decides a report's content besides its input bytes: a document done under another
    fingerprint (other model, prompt, mode...) is extracted again."""
    if settings.effective_backend == "rules":
        material: dict[str, Any] = {"backend": "rules"}
    else:
        from llmx import prompts

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
    material |= {"schema": SCHEMA_VERSION, "llmx": __version__}
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()[:16]


def _file_sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


class Journal:
    """Finished documents, one JSON line each, fsynced: the run's memory across crashes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()

    def load(self) -> dict[str, dict[str, Any]]:
        last: dict[str, dict[str, Any]] = {}
        if not self.path.exists():
            return last
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:  # a line torn by a kill: that document is simply done again
                continue
            if isinstance(entry, dict) and "name" in entry:
                last[entry["name"]] = entry
        return last

    def append(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock, self.path.open("a", encoding="utf-8") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())


def _status(doc: ReportDocument) -> tuple[str, list[dict[str, Any]]]:
    failed = [
        p.model_dump() for p in doc.problems if p.stage in RETRYABLE_STAGES or p.stage in FAILED_STAGES
    ]
    if any(p["stage"] in RETRYABLE_STAGES for p in failed):
        return "retry", failed
    return ("failed_sections" if failed else "done"), failed


def _internal(inp: Input, exc: BaseException) -> str:
    """A bug met on one report, said in one line naming it (LLMX_DEBUG=1 shows the traceback)."""
    if os.environ.get("LLMX_DEBUG"):
        import traceback

        traceback.print_exception(exc)
    return f"{inp.path}: internal error: {type(exc).__name__}: {exc}"


def _entry(inp: Input, sha: str | None, fp: str, status: str, **more: Any) -> dict[str, Any]:
    return {"name": inp.name, "input": str(inp.path), "sha256": sha, "fingerprint": fp, "status": status, **more}


def _rules_document(path: str, out_path: str) -> dict[str, Any]:
    """One report through the rules backend, written to `out_path` (runs in a worker process)."""
    from llmx.rules.backend import extract

    prepared = prepare(path)
    extractor = Extractor(backend="rules", llmx_version=__version__, metadata_source="rules")
    doc = prepared.finish(extract(prepared.norm.text, prepared.layout), extractor)
    write_atomic(Path(out_path), doc.model_dump_json(indent=2) + "\n")
    status, failed = _status(doc)
    return {"status": status, "failed_sections": failed, "items": item_counts(doc), "usage": None}


def _stop_on_sigterm() -> None:
    """SIGTERM (kill, systemd, a batch scheduler) stops the run as cleanly as Ctrl-C: the summary
    and run.json are still written. Without it the run would die like kill -9 (safe, but silent)."""
    import signal

    task = asyncio.current_task()
    try:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)  # type: ignore[union-attr]
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no signals here
        pass


class _Run:
    def __init__(self, inputs: list[Input], settings: Settings, options: RunOptions, progress: Progress) -> None:
        self.inputs, self.settings, self.options, self.progress = inputs, settings, options, progress
        self.fp = fingerprint(settings)
        self.reports = options.out / "reports"
        self.journal = Journal(options.out / "state" / "journal.jsonl")
        self.entries: dict[str, dict[str, Any]] = {}
        self.skipped = 0
        self.stop_reason: str | None = None
        self.llm = settings.effective_backend == "llm"
        self.price: Price | None = price_for(settings.model, options.price) if self.llm else None
        if options.max_cost is not None and self.price is None:
            raise ConfigError(
                f"--max-cost needs a price for model {settings.model!r}: give --price IN,OUT (dollars per million tokens)"
            )
        self.gate = Gate(
            rpm=options.rpm,
            tpm=options.tpm,
            max_requests=options.max_requests,
            max_cost=options.max_cost,
            price=self.price,
            breaker_after=options.breaker_after,
            max_in_flight=options.concurrency,
        )
        self.client: Any = None
        self.cache: Any = None
        self.batch: dict[str, Any] | None = None

    # -- set-up -----------------------------------------------------------------------------------
    def _open_client(self) -> None:
        from llmx.client import build_client

        client = build_client(self.settings, gate=self.gate)
        client.warm_up()
        if self.options.cache is not None:
            from llmx.cache import AnswerCache, CachedClient

            self.cache = AnswerCache(self.options.cache)
            client = CachedClient(client, self.cache, retry_failed=self.options.retry_failed)
        self.client = client

    def _todo(self) -> list[tuple[Input, str | None]]:
        """Inputs still to do; documents already written under the same fingerprint are skipped."""
        previous = self.journal.load()
        for stale in self.reports.glob(".*.json.*"):  # temp files of a run killed while writing
            stale.unlink(missing_ok=True)
        todo = []
        for inp in self.inputs:
            sha = _file_sha256(inp.path)
            old = previous.get(inp.name)
            finished = ("done",) if self.options.retry_failed else ("done", "failed_sections")
            if (
                old is not None
                and old.get("fingerprint") == self.fp
                and old.get("sha256") == sha
                and old.get("status") in finished
                and (self.reports / f"{inp.name}.json").exists()
            ):
                self.entries[inp.name] = old | {"skipped": True}
                self.skipped += 1
                continue
            todo.append((inp, sha))
        return todo

    # -- documents --------------------------------------------------------------------------------
    def _finish(self, entry: dict[str, Any]) -> None:
        self.entries[entry["name"]] = entry
        if entry["status"] != "stopped":  # a stopped document was not written: nothing to remember
            self.journal.append(entry)
        self.progress.add(docs_done=1, docs_failed=int(entry["status"] in ("error",)))
        self._tick()

    def _tick(self) -> None:
        stats = self.gate.stats
        self.progress.update(
            tokens=stats.prompt_tokens + stats.completion_tokens,
            cached=getattr(self.client, "hits", 0),
            cost=self.gate.spent_cost if self.price is not None else None,
        )

    async def _rules_doc(self, pool: Executor, inp: Input, sha: str | None) -> None:
        loop = asyncio.get_running_loop()
        out = self.reports / f"{inp.name}.json"
        try:
            result = await loop.run_in_executor(pool, _rules_document, str(inp.path), str(out))
        except LlmxError as exc:
            return self._finish(_entry(inp, sha, self.fp, "error", error=str(exc)))
        except Exception as exc:  # a bug on one report must not stop the others
            return self._finish(_entry(inp, sha, self.fp, "error", error=_internal(inp, exc)))
        self.progress.add(jobs_total=1, jobs_done=1)
        self._finish(_entry(inp, sha, self.fp, result.pop("status"), output=f"reports/{inp.name}.json", **result))

    async def _llm_doc(self, cpu: Executor, io: Executor, slots: asyncio.Semaphore, inp: Input, sha: str | None) -> None:
        from llmx.llm import LlmDocument

        loop = asyncio.get_running_loop()
        if self.stop_reason:
            return self._finish(_entry(inp, sha, self.fp, "stopped", error=self.stop_reason))
        def plan() -> tuple[Prepared, LlmDocument]:
            prepared = prepare(inp.path)
            return prepared, LlmDocument(prepared.norm.text, prepared.layout, self.settings, self.client)

        try:  # CPU work runs off the event loop, so the loop only ever dispatches requests
            prepared, doc = await loop.run_in_executor(cpu, plan)
        except LlmxError as exc:
            return self._finish(_entry(inp, sha, self.fp, "error", error=str(exc)))
        except Exception as exc:  # a bug on one report must not stop the others
            return self._finish(_entry(inp, sha, self.fp, "error", error=_internal(inp, exc)))
        self.progress.add(jobs_total=len(doc.jobs) + 1)

        async def call(fn: Callable[..., Any], *args: Any) -> Any:
            async with slots:
                if self.stop_reason:
                    raise RunStopped(self.stop_reason)
                try:
                    return await loop.run_in_executor(io, fn, *args)
                finally:
                    self.progress.add(jobs_done=1)
                    self._tick()

        results = await asyncio.gather(
            *(call(doc.run_job, k) for k in range(len(doc.jobs))), call(doc.run_metadata), return_exceptions=True
        )
        for r in results:
            if isinstance(r, RunStopped) or (isinstance(r, ModelCallError) and not isinstance(r, RequestRejected)):
                self.stop_reason = self.stop_reason or str(r)  # auth, unknown model, unreachable, breaker, budget
                return self._finish(_entry(inp, sha, self.fp, "stopped", error=str(r)))
        for r in results:
            if isinstance(r, BaseException):
                return self._finish(_entry(inp, sha, self.fp, "error", error=_internal(inp, r)))
        out = self.reports / f"{inp.name}.json"

        def finish() -> tuple[ReportDocument, dict[str, Any] | None]:
            run = doc.finish(list(results[:-1]), results[-1])
            report = prepared.finish(run.extraction, run.extractor)
            write_atomic(out, report.model_dump_json(indent=2) + "\n")
            return report, run.extractor.usage.model_dump() if run.extractor.usage else None

        try:
            report, usage = await loop.run_in_executor(cpu, finish)
        except LlmxError as exc:
            return self._finish(_entry(inp, sha, self.fp, "error", error=str(exc)))
        except Exception as exc:
            return self._finish(_entry(inp, sha, self.fp, "error", error=_internal(inp, exc)))
        status, failed = _status(report)
        self._finish(
            _entry(
                inp, sha, self.fp, status, output=f"reports/{inp.name}.json", failed_sections=failed,
                items=item_counts(report), usage=usage,
            )
        )

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
        self._open_client()
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

        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="llmx-cpu") as cpu, ThreadPoolExecutor(
            max_workers=workers, thread_name_prefix="llmx-io"
        ) as io:
            try:
                await asyncio.gather(*(one(inp, sha) for inp, sha in todo))
            except asyncio.CancelledError:  # Ctrl-C/SIGTERM: queued sections must not send anything now
                self.gate.close("interrupted (Ctrl-C or SIGTERM); run the same command again to resume")
                raise

    def _prefetch(self, todo: list[tuple[Input, str | None]]) -> None:
        """Batch mode: every uncached section request through the Batch API, answers into the client."""
        from llmx.batch import BatchRunner
        from llmx.cache import request_key
        from llmx.llm import LlmDocument
        from llmx.responses import ReportMetadata

        base = self.client.client  # the ModelClient behind the cache
        requests: list[tuple[str, dict[str, Any]]] = []
        seen: set[str] = set()
        for inp, _sha in todo:
            try:
                prepared = prepare(inp.path)
            except LlmxError:
                continue  # recorded when the run reaches it
            doc = LlmDocument(prepared.norm.text, prepared.layout, self.settings, self.client)
            model, tag = doc.shared.prompt.response_model, doc.shared.tag
            wanted = [(doc.request(k)[0], model, tag) for k in range(len(doc.jobs))]
            meta = doc.metadata_request
            if meta.messages is not None:
                wanted.append((meta.messages, ReportMetadata, meta.tag))
            for messages, response_model, request_tag in wanted:
                key = request_key(self.settings, messages, response_model, request_tag)
                if key not in seen and self.cache.get(key) is None:
                    seen.add(key)
                    requests.append((key, base.request_body(messages, response_model)))
        if not requests:
            return
        runner = BatchRunner(base, self.options.out / "state" / "batch.json", poll_seconds=self.options.batch_poll,
                             on_status=lambda message: self.progress.note(message))
        result = runner.run(requests)
        self.client.prefetched.update(result.answers)
        cost = self.price.halved().cost(result.prompt_tokens, result.completion_tokens) if self.price else None
        self.batch = {
            "id": result.state.batch_id, "requests": len(requests), "answered": len(result.answers),
            "failed": len(result.errors), "prompt_tokens": result.prompt_tokens,
            "completion_tokens": result.completion_tokens, "cost_usd": None if cost is None else round(cost, 6),
        }

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
        if self.cache is not None:
            self.cache.close()


def run(specs: list[str], settings: Settings, options: RunOptions, *, progress: Progress | None = None) -> RunSummary:
    """Run every report named by `specs` into `options.out`; see the module docstring."""
    if options.concurrency < 1:
        raise ConfigError("--concurrency must be at least 1")
    check_formats(options.tables)  # an unknown format, or parquet without pyarrow, before any work
    if settings.effective_backend == "llm":
        from llmx.client import check_settings

        check_settings(settings)
    if options.batch and (settings.effective_backend != "llm" or options.cache is None):
        raise ConfigError("--batch needs the LLM backend (--model) and the answer cache (not --no-cache)")
    try:
        options.out.mkdir(parents=True, exist_ok=True)
        probe = options.out / ".llmx-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ConfigError(f"cannot write to the output folder: {exc.strerror or exc}", path=str(options.out)) from None
    inputs = name_inputs(expand(specs, exclude=options.out))
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
        cache_hits=getattr(job.client, "hits", 0),
        cost=job.gate.spent_cost if job.price is not None else None,
        throttled=stats.throttled,
        transport_failures=stats.failures,
        stopped="interrupted (Ctrl-C or SIGTERM); run the same command again to resume" if interrupted
        else job.stop_reason,
        skipped=job.skipped,
        batch=job.batch,
        settings=_settings_record(settings, options, job.fp),
    )
    if job.batch and job.batch.get("cost_usd") is not None and summary.cost is not None:
        summary.cost += job.batch["cost_usd"]
    for inp in inputs:  # inputs never reached (stop, Ctrl-C) are listed too
        if inp.name not in job.entries:
            summary.entries.append(_entry(inp, None, job.fp, "stopped", error=summary.stopped or "not started"))
    _write_extras(summary, options)
    write_atomic(options.out / "run.json", json.dumps(summary.manifest(), ensure_ascii=False, indent=2) + "\n")
    return summary


def _settings_record(settings: Settings, options: RunOptions, fp: str) -> dict[str, Any]:
    """What the run was asked to do, for run.json: never the key, nor credentials in a URL."""
    from urllib.parse import urlsplit, urlunsplit

    url = settings.base_url
    parts = urlsplit(url or "")
    if url and parts.hostname:  # drop user:password@ from the URL
        url = urlunsplit(parts._replace(netloc=parts.hostname + (f":{parts.port}" if parts.port else "")))
    llm = settings.effective_backend == "llm"
    return {
        "fingerprint": fp,
        "base_url": url if llm else None,
        "mode": settings.mode if llm else None,
        "temperature": settings.temperature if llm else None,
        "concurrency": options.concurrency,
        "rpm": options.rpm or None,
        "tpm": options.tpm or None,
        "max_requests": options.max_requests,
        "max_cost": options.max_cost,
        "retry_failed": options.retry_failed,
        "batch": options.batch,
        "cache": str(options.cache) if options.cache else None,
        "tables": list(options.tables),
    }


def _write_extras(summary: RunSummary, options: RunOptions) -> None:
    """Tables and the review pages, over every report this run's inputs have in DIR/reports."""
    reports = [options.out / e["output"] for e in summary.entries if e.get("output") and e["status"] != "stopped"]
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
    lines = [
        f"{docs} reports: {summary.count('done')} done, {summary.count('failed_sections')} with failed sections, "
        f"{summary.count('retry')} to retry, {summary.count('error')} unreadable, {summary.count('stopped')} not finished"
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
    for e in summary.entries:
        if e["status"] == "error":
            lines.append(f"  unreadable: {e['error']}")
        elif e["status"] in ("failed_sections", "retry"):
            for f in e.get("failed_sections", [])[:3]:
                lines.append(f"  {e['input']} section {f.get('section_id') or '-'}: {f['message'][:200]}")
    if summary.stopped:
        lines.append(f"stopped: {summary.stopped}")
    lines.append(f"wall time {summary.wall_seconds:.1f} s; manifest {summary.out / 'run.json'}")
    return lines
