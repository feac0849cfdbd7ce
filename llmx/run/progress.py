"""A progress line on stderr for long runs: documents, sections, tokens, cost, ETA.

On a terminal the line redraws in place at most 5 times a second; in a log (CI, `2> file`) a
plain line is printed every 10 % of documents or 30 seconds, so logs stay readable.
"""

from __future__ import annotations

import sys
import threading
import time
from dataclasses import dataclass
from typing import TextIO


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


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}"


def render(c: Counts, elapsed: float, width: int = 24) -> str:
    """One progress line (pure, for tests)."""
    share = c.docs_done / c.docs_total if c.docs_total else 1.0
    filled = int(share * width)
    bar = "█" * filled + "░" * (width - filled)
    eta = _clock(elapsed / share - elapsed) if 0 < share < 1 and elapsed > 1 else "--:--"
    parts = [
        f"{bar} {share:4.0%}",
        f"docs {c.docs_done}/{c.docs_total}" + (f" ({c.docs_failed} failed)" if c.docs_failed else ""),
        f"sections {c.jobs_done}/{c.jobs_total}" + (f" ({c.cached} cached)" if c.cached else ""),
        f"tokens {c.tokens:,}",
    ]
    if c.cost is not None:
        parts.append(f"${c.cost:.4f}")
    parts.append(f"{_clock(elapsed)} elapsed, ETA {eta}")
    return " | ".join(parts)


class Progress:
    """Thread-safe progress reporting; `update` is cheap, drawing is rate-limited."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.counts = Counts()
        self.started = time.monotonic()
        self._lock = threading.Lock()
        self._drawn = 0.0
        self._logged_share = 0.0
        self._width = 0

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

    def _draw(self, *, final: bool) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        c = self.counts
        line = render(c, now - self.started)
        if self.tty:
            if final or now - self._drawn >= 0.2:
                self.stream.write("\r" + line.ljust(self._width))
                self._width = len(line)
                self._drawn = now
                if final:
                    self.stream.write("\n")
                self.stream.flush()
            return
        share = c.docs_done / c.docs_total if c.docs_total else 0.0
        if final or share - self._logged_share >= 0.1 or now - self._drawn >= 30:
            self.stream.write(f"llmx: {line}\n")
            self.stream.flush()
            self._drawn, self._logged_share = now, share

    def note(self, message: str) -> None:
        """A one-off status line (batch submitted, polling...), printed whether or not a bar is drawn."""
        with self._lock:
            prefix = "\r" + " " * self._width + "\r" if self.tty and self._width else ""
            self.stream.write(f"{prefix}llmx: {message}\n")
            self.stream.flush()

    def close(self) -> None:
        with self._lock:
            self._draw(final=True)
