"""Progress on stderr for long work (`llmx run`, `llmx extract` on the LLM backend).

On a terminal, a `rich.progress` bar redrawn in place (at most 5 times a second): the bar follows
documents, or the requests of a single document; the counts (sections, cached answers, tokens,
cost) are one column that is cut short with an ellipsis, never wrapped, so a narrow terminal
still gets one clean line. In a log (CI, `2> file`) a plain line every 10 % or 30 seconds, so
logs stay readable. rich is imported only when a bar is drawn (start-up time matters).
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from typing import Any, TextIO


@dataclass
class Counts:
    docs_total: int = 0
    docs_done: int = 0
    docs_failed: int = 0
    jobs_total: int = 0
    jobs_done: int = 0
    cached: int = 0
    tokens: int = 0
    cost: float | None = None

    @property
    def by_jobs(self) -> bool:
        """One document: the bar follows its requests, not the documents."""
        return self.docs_total <= 1

    @property
    def share(self) -> float:
        done, total = (self.jobs_done, self.jobs_total) if self.by_jobs else (self.docs_done, self.docs_total)
        return done / total if total else (1.0 if not self.by_jobs else 0.0)


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def details(c: Counts) -> str:
    """The counts beside the bar: documents, sections, cached answers, tokens, cost."""
    failed = f" ({c.docs_failed} failed)" if c.docs_failed else ""
    parts = [] if c.by_jobs else [f"docs {c.docs_done}/{c.docs_total}{failed}"]
    parts.append(f"sections {c.jobs_done}/{c.jobs_total}" + (f" ({c.cached} cached)" if c.cached else ""))
    if c.tokens:
        parts.append(f"tokens {c.tokens:,}")
    if c.cost is not None:
        parts.append(f"${c.cost:.4f}")
    return " | ".join(parts)


def render(c: Counts, elapsed: float, width: int = 24) -> str:
    """One plain progress line (logs; pure, for tests)."""
    share = c.share
    filled = int(share * width)
    bar = "█" * filled + "░" * (width - filled)
    eta = _clock(elapsed / share - elapsed) if 0 < share < 1 and elapsed > 1 else "--:--"
    return f"{bar} {share:4.0%} | {details(c)} | {_clock(elapsed)} elapsed, ETA {eta}"


class Progress:
    """Thread-safe progress reporting; `update` is cheap, drawing is rate-limited."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True, width: int | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.counts = Counts()
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._drawn = 0.0
        self._logged_share = 0.0
        self._width = width  # the terminal's, unless given (tests)
        self._bar: Any = None  # rich.progress.Progress, once drawing starts
        self._task: Any = None

    def update(self, **changes: float | int | None) -> None:
        with self._lock:
            for name, value in changes.items():
                setattr(self.counts, name, value)
            self._draw(final=False)

    def add(self, **deltas: int) -> None:
        with self._lock:
            for name, value in deltas.items():
                setattr(self.counts, name, getattr(self.counts, name) + value)
            self._draw(final=False)

    def _rich(self) -> Any:
        """The rich bar, started on first use: description, bar, count, details (cut, never
        wrapped), elapsed and remaining time."""
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar
            from rich.table import Column

            console = Console(file=self.stream, width=self._width, force_terminal=True, highlight=False)
            cut = Column(no_wrap=True, overflow="ellipsis", ratio=3)
            self._bar = Bar(
                TextColumn("[bold]llmx[/]", table_column=Column(no_wrap=True)),
                BarColumn(bar_width=None, table_column=Column(ratio=1, min_width=5)),
                MofNCompleteColumn(table_column=Column(no_wrap=True)),
                TextColumn("{task.fields[details]}", table_column=cut),
                TimeElapsedColumn(table_column=Column(no_wrap=True)),
                TimeRemainingColumn(table_column=Column(no_wrap=True)),
                console=console,
                auto_refresh=False,
                expand=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("", total=None, details="")
        return self._bar

    def _draw(self, *, final: bool) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        c = self.counts
        if self.tty:
            if final or now - self._drawn >= 0.2:
                bar = self._rich()
                done, total = (c.jobs_done, c.jobs_total) if c.by_jobs else (c.docs_done, c.docs_total)
                bar.update(self._task, completed=done, total=total or None, details=details(c))
                bar.refresh()
                self._drawn = now
                if final:
                    bar.stop()
            return
        share = c.share
        if final or share - self._logged_share >= 0.1 or now - self._drawn >= 30:
            self.stream.write(f"llmx: {render(c, now - self.started)}\n")
            self.stream.flush()
            self._drawn, self._logged_share = now, share

    def note(self, message: str) -> None:
        """A one-off status line (batch submitted, polling...), printed whether or not a bar is drawn."""
        with self._lock:
            if self._bar is not None:
                self._bar.console.print(f"llmx: {message}", markup=False)
                return
            self.stream.write(f"llmx: {message}\n")
            self.stream.flush()

    def close(self) -> None:
        with self._lock:
            self._draw(final=True)
