"""What every benchmark here measures with: the best of N runs, and child processes' CPU.

Imported by the scripts in this folder (`python benchmarks/NAME.py` puts the folder on sys.path).
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable


def best_of(
    repeat: int, work: Callable[[], object], *, clock: Callable[[], float] = time.perf_counter, warm_up: bool = True
) -> float:
    """The shortest of `repeat` runs of `work` by `clock` (wall by default, `time.process_time`
    for this process's CPU); `warm_up` first runs it once uncounted (imports, regex compilation)."""
    if warm_up:
        work()
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        work()
        best = min(best, clock() - t0)
    return best


def children_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children (a run's worker processes,
    pip): unlike wall time, barely affected by other jobs sharing the machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime
