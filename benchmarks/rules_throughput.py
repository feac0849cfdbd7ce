"""Rules backend throughput on the dev corpus: KB/s and ms per report, on one core.

Run: `python benchmarks/rules_throughput.py [--repeat N]`. Measures the whole offline pipeline
(read, normalize, split, extract, ground, assemble) per report, best of N runs, after one warm-up
run so regex compilation is not counted. Prints a table and the corpus total.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from llmx.config import Settings
from llmx.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings(backend="rules")
    paths = sorted(SAMPLES.glob("*.txt"))
    for p in paths:  # warm-up: imports and regex compilation
        extract_document(p, settings)
    total_bytes, total_best = 0, 0.0
    print(f"{'report':45} {'KB':>7} {'best ms':>9} {'KB/s':>9} {'items':>6}")
    for p in paths:
        size = p.stat().st_size
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            doc = extract_document(p, settings)
            best = min(best, time.perf_counter() - t0)
        items = len(doc.indicators) + len(doc.tasks) + len(doc.limitations) + len(doc.references)
        total_bytes += size
        total_best += best
        print(f"{p.name:45} {size / 1024:7.1f} {best * 1000:9.1f} {size / 1024 / best:9.0f} {items:6}")
    print(
        f"{'corpus':45} {total_bytes / 1024:7.1f} {total_best * 1000:9.1f} {total_bytes / 1024 / total_best:9.0f}"
        f"   ({total_best * 1000 / len(paths):.1f} ms per report; target < 1000 ms for the corpus)"
    )


if __name__ == "__main__":
    main()
