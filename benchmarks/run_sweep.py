"""`llmx run` throughput against injected latency: -j 1/4/16/64 at 0 and 200 ms, ratio to ideal.

Run: `python benchmarks/run_sweep.py [--latency-ms 0,200] [--concurrency 1,4,16,64] [--seconds 10]
[--processes N] [--baseline-python PATH] [--cold]`. Each point is a whole `llmx run` process (the
CLI, start-up included) over synthetic reports of 10 sections each (one request per section, no
two alike) into a fresh folder and a fresh answer cache, against `llmx serve --latency-ms L` in its
own process. Points with latency get enough reports for about `--seconds` of ideal run time.

* ideal = C / latency requests per second (C requests always open, each taking the latency);
  the ratio is the measured rate over it (targets: >= 0.9 at -j 16, >= 0.8 at -j 64, 200 ms).
  `req/s` is end to end (the whole command, start-up included); `steady` counts from the first
  request the server received to the last (start-up and the final writes left out).
* At 0 ms there is no ideal: the run is bound by CPU. The table shows the CPU the run's
  processes and the server spent per request and how busy the machine's cores were; `bound`
  is the rate the machine could reach if every core did nothing else (cores / CPU per request).
* The server answers from the rules backend and remembers its answers (llmx/serve/chat.py): a
  warm-up run over every report first (not counted) makes the measured runs cost the server only
  its HTTP and JSON work, as a remote provider would cost the client nothing. `--cold` skips it
  and gives every run reports never sent before, so the server computes every answer (about
  5 ms of CPU each, on the same cores).
* `--baseline-python` runs the same points with another interpreter (e.g. a venv holding an
  older llmx) and prints its rate and the ratio of the two, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bulk_run import Server, write_reports
from measure import children_cpu

from llmx.serve import SERVED_MODEL

SECTIONS = 10


def run_once(python: str, srv: Server, inputs: list[str], out: Path, concurrency: int, extra: list[str]) -> dict:
    cmd = [python, "-m", "llmx", "run", *inputs, "--out", str(out), "--cache", str(out / "cache.sqlite")]
    cmd += ["--model", SERVED_MODEL, "--base-url", srv.base_url, "-j", str(concurrency), "--no-progress"]
    cmd += ["--tables", "none", "--no-review", *extra]
    before = srv.stats()["chat_requests"]
    s0, c0, t0 = srv.cpu(), children_cpu(), time.perf_counter()
    # run from the output folder: `python -m llmx` must import the interpreter's llmx, not a
    # checkout in the current directory
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=out.parent)
    wall, cpu, server = time.perf_counter() - t0, children_cpu() - c0, srv.cpu() - s0
    sent = json.loads((out / "run.json").read_text())["requests"]
    span = srv.stats(before)["span_seconds"]
    steady = (sent - 1) / span if span > 0 else float("nan")  # first to last request: start-up left out
    rate = sent / wall
    return {"requests": sent, "wall": wall, "rate": rate, "steady": steady, "cpu": cpu / sent, "server": server / sent}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--latency-ms", default="0,200")
    ap.add_argument("--concurrency", default="1,4,16,64")
    ap.add_argument("--seconds", type=float, default=10.0, help="ideal run time of each point with latency")
    ap.add_argument("--requests-at-zero", type=int, default=1500)
    ap.add_argument("--processes", type=int, default=None, help="passed to llmx run --processes")
    ap.add_argument("--baseline-python", default=None)
    ap.add_argument("--cold", action="store_true", help="no warm-up run: the server computes every answer")
    args = ap.parse_args()
    latencies = [float(x) for x in args.latency_ms.split(",")]
    levels = [int(x) for x in args.concurrency.split(",")]
    cores = len(os.sched_getaffinity(0))
    extra = ["--processes", str(args.processes)] if args.processes else []
    pythons = [("llmx", sys.executable, extra)]
    if args.baseline_python:
        pythons.append(("baseline", args.baseline_python, []))

    def wanted(latency: float, c: int) -> int:
        if not latency:
            return args.requests_at_zero
        return max(4 * c, 40, int(c / (latency / 1000) * args.seconds))

    most = max(wanted(lat, c) for lat in latencies for c in levels)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        reports = write_reports(work / "in", -(-most // SECTIONS), SECTIONS)
        print(f"llmx run against llmx serve (own process); {cores} cores; reports of {SECTIONS} sections")
        head = f"{'run':9} {'lat ms':>6} {'-j':>3} {'requests':>8} {'wall s':>7} {'req/s':>7} {'ideal':>7} {'ratio':>6}"
        head += f" {'steady':>7} {'ratio':>6}"
        print(head + f" {'llmx CPU ms/req':>15} {'server':>7} {'cores busy':>10} {'bound':>6}")
        results: dict[tuple[str, float, int], dict] = {}
        fresh = 0
        for latency in latencies:
            srv = Server(latency, verbose=False)
            try:
                if not args.cold:
                    run_once(sys.executable, srv, reports, work / f"warm{latency:g}", 64, extra)
                for c in levels:
                    inputs = reports[: -(-wanted(latency, c) // SECTIONS)]
                    for label, python, flags in pythons:
                        if args.cold:  # reports never sent before: the server computes every answer
                            fresh += len(inputs)
                            folder = work / f"in-{label}-{latency:g}-{c}"
                            inputs = write_reports(folder, len(inputs), SECTIONS, first=10_000 + fresh)
                        r = run_once(python, srv, inputs, work / f"{label}-{latency:g}-{c}", c, flags)
                        results[(label, latency, c)] = r
                        ideal = c / (latency / 1000) if latency else None
                        busy = (r["cpu"] + r["server"]) * r["rate"] / cores
                        bound = cores / (r["cpu"] + r["server"])
                        print(
                            f"{label:9} {latency:6g} {c:3} {r['requests']:8} {r['wall']:7.2f} {r['rate']:7.1f} "
                            + (f"{ideal:7.1f} {r['rate'] / ideal:6.2f}" if ideal else f"{'-':>7} {'-':>6}")
                            + f" {r['steady']:7.1f} "
                            + (f"{r['steady'] / ideal:6.2f}" if ideal else f"{'-':>6}")
                            + f" {r['cpu'] * 1000:15.2f} {r['server'] * 1000:7.2f} {busy:10.0%} {bound:6.0f}"
                        )
            finally:
                srv.stop()
    if args.baseline_python:
        print("llmx / baseline, requests per second:")
        for latency in latencies:
            for c in levels:
                a, b = results[("llmx", latency, c)], results[("baseline", latency, c)]
                print(f"  {latency:g} ms, -j {c}: {a['rate']:.1f} / {b['rate']:.1f} = {a['rate'] / b['rate']:.2f}")


if __name__ == "__main__":
    main()
