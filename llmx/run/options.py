"""What `llmx run` is asked to do: flags merged over the environment's defaults, checked once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from llmx.config import run_defaults
from llmx.errors import ConfigError
from llmx.run.limits import THROTTLE_BUDGET
from llmx.tables import check_formats, default_formats


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
    throttle_budget: float = THROTTLE_BUDGET  # seconds of nothing but 429s before the run stops
    batch: bool = False  # submit through the provider's Batch API first (see llmx/run/batch.py)
    batch_poll: float = 10.0  # seconds between two polls of a submitted batch
    processes: int | None = None  # worker processes of each kind (None: one per CPU, up to 8)
    report_timeout: float = 300.0  # seconds one report's CPU work may take (0: no limit)
    report_memory: float = 2048.0  # MB one report's CPU work may add to its process (0: no limit)

    def check(self) -> None:
        """One-line ConfigErrors for options that cannot work, before anything runs."""
        if self.concurrency < 1:
            raise ConfigError("--concurrency must be at least 1")
        if self.processes is not None and self.processes < 1:
            raise ConfigError("--processes must be at least 1")
        if self.report_timeout < 0 or self.report_memory < 0:
            raise ConfigError("--report-timeout and --report-memory must be positive (0: no limit)")
        if not self.throttle_budget > 0:
            raise ConfigError("--throttle-budget must be a positive number of seconds")
        check_formats(self.tables)  # an unknown format, or parquet without pyarrow


def resolve_options(
    out: Path,
    *,
    concurrency: int | None = None,
    rpm: float | None = None,
    tpm: float | None = None,
    price: str | None = None,
    cache: Path | None = None,
    no_cache: bool = False,
    tables: str | None = None,
    max_requests: int | None = None,
    max_cost: float | None = None,
    retry_failed: bool = False,
    review: bool = True,
    progress: bool = True,
    batch: bool = False,
    batch_poll: float = 10.0,
    throttle_budget: float | None = None,
    processes: int | None = None,
    report_timeout: float | None = None,
    report_memory: float | None = None,
    env: Mapping[str, str] | None = None,
) -> RunOptions:
    """RunOptions from flags over LLMX_CONCURRENCY, LLMX_RPM, LLMX_TPM, LLMX_CACHE, LLMX_PRICE,
    LLMX_THROTTLE_BUDGET, LLMX_PROCESSES, LLMX_REPORT_TIMEOUT and LLMX_REPORT_MEMORY.

    A flag left None takes the environment's value, then the default; `tables` is the --tables
    text (`csv,parquet,xlsx`, or `none`; None: every format this install can write).
    """
    defaults = run_defaults(env)
    if tables is None:
        formats = default_formats()
    else:
        formats = tuple(f.strip() for f in tables.split(",") if f.strip() and f.strip() != "none")
    return RunOptions(
        out=out,
        concurrency=concurrency if concurrency is not None else defaults.concurrency,
        rpm=rpm if rpm is not None else defaults.rpm,
        tpm=tpm if tpm is not None else defaults.tpm,
        max_requests=max_requests,
        max_cost=max_cost,
        price=price or defaults.price,
        cache=None if no_cache else (cache or defaults.cache),
        retry_failed=retry_failed,
        tables=formats,
        review=review,
        progress=progress,
        batch=batch,
        batch_poll=batch_poll,
        throttle_budget=throttle_budget if throttle_budget is not None else defaults.throttle_budget,
        processes=processes if processes is not None else defaults.processes,
        report_timeout=report_timeout if report_timeout is not None else defaults.report_timeout,
        report_memory=report_memory if report_memory is not None else defaults.report_memory,
    )
