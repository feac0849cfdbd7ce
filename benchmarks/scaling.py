"""Rules pipeline on long reports: ms/KB and peak RSS of scaled documents, x1 .. x256.

Run: `python benchmarks/scaling.py [--report samples/2023-02-district-party-monthly.txt]
[--sizes 1,4,16,64,256] [--big-mb 50]`.

A scaled document is one dev report's body repeated N times with its figures shifted per copy
(`tests/scaled.py`), so every copy holds new results. Each size runs in its own subprocess, which
reads, normalizes, splits, extracts with the rules, assembles and serializes the JSON (what
`llmx extract` does) and reports its wall time, CPU time per stage and peak RSS; the parent prints
ms/KB and the ratio to x4, measured in this one run (CPU time is the steadier figure on a shared
machine; the rules and sections columns are the stages this benchmark watches). Target
(issue 14): ms/KB at x64 and x256 within 1.25x of x4. `--big-mb N` also runs a scaled document
of about N MB through `llmx extract` (the CLI, with its size guard) and says whether it finished
or was refused, in how long and how much memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests/scaled.py builds the documents

DEFAULT_REPORT = ROOT / "samples" / "2023-02-district-party-monthly.txt"


def child(path: Path) -> None:
    """Extract one file stage by stage and print the timings as JSON (in a fresh interpreter)."""
    from llmx.contract import Source
    from llmx.normalize import normalize
    from llmx.pipeline import Prepared
    from llmx.read import Limits, read_document
    from llmx.rules.backend import run_rules
    from llmx.sections import split_sections

    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    c0 = last = time.process_time()

    def lap(name: str) -> None:
        nonlocal last
        now = time.process_time()
        stages[name] = now - last
        last = now

    raw = read_document(path, Limits(max_file_mb=10_000))  # no size guard: the pipeline itself is measured
    lap("read")
    norm = normalize(raw.text, raw.tables)
    lap("normalize")
    layout = split_sections(norm.text)
    lap("sections")
    extraction, extractor = run_rules(norm.text, layout, raw.title)
    lap("rules")
    source = Source(path=str(path), sha256=raw.sha256, format=raw.format, chars=len(norm.text))
    doc = Prepared(raw, norm, layout, source).finish(extraction, extractor)
    doc.model_dump_json()
    lap("assemble")
    result = {
        "seconds": time.perf_counter() - t0,
        "cpu": time.process_time() - c0,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "items": len(doc.indicators),
        **{f"cpu_{k}": v for k, v in stages.items()},
    }
    print(json.dumps(result))


def measure(path: Path) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def big(report: str, mb: float, tmp: Path) -> None:
    """A ~`mb` MB scaled document through `llmx extract`: finished or refused, time and peak RSS."""
    from tests.scaled import scaled_report

    one = len(scaled_report(report, 1).encode())
    copies = max(1, int(mb * 1024 * 1024 / one))
    path = tmp / f"big-x{copies}.txt"
    path.write_text(scaled_report(report, copies), encoding="utf-8")
    size_mb = path.stat().st_size / 1024 / 1024
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "llmx", "extract", str(path), "-o", str(tmp / "big.json")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if proc.returncode == 0:
        verdict = f"finished: {seconds:.1f} s, {seconds * 1000 / (size_mb * 1024):.2f} ms/KB"
    else:
        last = (proc.stderr.strip().splitlines() or ["?"])[-1]
        verdict = f"refused (exit {proc.returncode}) in {seconds:.1f} s: {last}"
    print(f"\n{size_mb:.1f} MB (x{copies}) through `llmx extract`: {verdict}; peak RSS {peak:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", type=Path)
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--sizes", default="1,4,16,64,256")
    parser.add_argument("--big-mb", type=float, default=0.0)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    from tests.scaled import scaled_report

    report = args.report.read_text(encoding="utf-8")
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[tuple[int, float, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = Path(tmp) / f"scaled-x{n}.txt"
            path.write_text(scaled_report(report, n), encoding="utf-8")
            kb = path.stat().st_size / 1024
            rows.append((n, kb, measure(path)))
            path.unlink()
        base = next((r for r in rows if r[0] == 4), rows[0])
        name = f"vs x{base[0]}"
        print(f"report: {args.report.name}; each size in its own process (read -> JSON); CPU ms/KB per stage")
        print(
            f"{'size':>6} {'KB':>8} {'wall s':>7} {'ms/KB':>6} {name:>6} {'CPU ms/KB':>9} {name:>6}"
            f" {'sections':>8} {'rules':>6} {name:>6} {'normalize':>9} {'peak MB':>7} {'indicators':>10}"
        )
        for n, kb, r in rows:
            per = {k: r[k] * 1000 / kb for k in ("seconds", "cpu", "cpu_sections", "cpu_rules", "cpu_normalize")}
            ref = {k: base[2][k] * 1000 / base[1] for k in per}
            print(
                f"{'x' + str(n):>6} {kb:8.0f} {r['seconds']:7.2f} {per['seconds']:6.2f}"
                f" {per['seconds'] / ref['seconds']:6.2f} {per['cpu']:9.2f} {per['cpu'] / ref['cpu']:6.2f}"
                f" {per['cpu_sections']:8.3f} {per['cpu_rules']:6.2f} {per['cpu_rules'] / ref['cpu_rules']:6.2f}"
                f" {per['cpu_normalize']:9.2f} {r['peak_mb']:7.0f} {int(r['items']):10}"
            )
        if args.big_mb:
            big(report, args.big_mb, Path(tmp))


if __name__ == "__main__":
    main()
