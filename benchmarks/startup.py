"""Start-up: `llmx --help` and `llmx extract` of a one-page report against a bare interpreter start.

Run: `python benchmarks/startup.py [--runs 15]`. Each command is a whole process, run in turn
with `python -c pass` (A B A B ...), after one warm-up run each; per command the median CPU time
(user + system, from os.wait4) and wall time, and the ratio to the bare interpreter measured in
the same run. Targets: --help within 4x, extract within 6x. The one-page report is the header and
first sections of a bundled sample (about 3 KB). llmx's modules are byte-compiled first
(`compileall`), as an installed package is; the ratios are of the interpreter this runs with.

`--layers` also times the one-page extract's start-up layer by layer, each a process importing
one layer more than the one before (what `--help` loads; + pydantic as typer loads it to check
option values; + the output contract; + the pipeline, rules backend and writers), so the floor
under the 6x target is printed, not guessed: CPU ms over the bare interpreter, same run.
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "2023-02-district-party-monthly.txt"


def one_page(folder: Path) -> Path:
    """The first ~3 KB of a sample, cut at a line end: a one-page report."""
    text = SAMPLE.read_text(encoding="utf-8")
    page = text[: text.index("\n", 3000) + 1]
    path = folder / "one-page.txt"
    path.write_text(page, encoding="utf-8")
    return path


def timed(cmd: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of `cmd`, output discarded."""
    t0 = time.perf_counter()
    # from another folder: `python -m llmx` must import the interpreter's llmx, not the checkout here
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tempfile.gettempdir())
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({status})")
    return usage.ru_utime + usage.ru_stime, wall


# each layer imports what the one before did, and more (the order `llmx extract` meets them in),
# with the collector paused after `llmx.cli` as `llmx.cli.main` pauses it
_AFTER_CLI = "import llmx.cli, gc; gc.disable(); import "
LAYERS = {
    "the CLI (as --help)": "import llmx.cli",
    "+ pydantic (typer's option checks)": _AFTER_CLI + "typer._adapters",
    "+ the output contract": _AFTER_CLI + "typer._adapters, llmx.contract",
    "+ pipeline, rules, writers": _AFTER_CLI
    + "typer._adapters, llmx.contract, llmx.pipeline, llmx.rules.backend, llmx.output",
}


def layers(runs: int) -> None:
    """CPU of each import layer over the bare interpreter, medians of A/B pairs."""
    bare = [sys.executable, "-c", "pass"]
    print(f"\n{'start-up layer':40} {'CPU ms':>8} {'- bare':>7} {'x bare':>7}   (medians of {runs})")
    for name, code in LAYERS.items():
        # and exit as llmx does: gc.freeze() spares the exit a walk over every object loaded
        cmd = [sys.executable, "-c", f"{code}; import gc; gc.freeze()"]
        timed(cmd), timed(bare)
        pairs = [(timed(cmd), timed(bare)) for _ in range(runs)]
        cpu = statistics.median(a[0] for a, _ in pairs)
        over = statistics.median(a[0] - b[0] for a, b in pairs)
        ratio = statistics.median(a[0] / max(b[0], 1e-3) for a, b in pairs)
        print(f"{name:40} {cpu * 1000:8.0f} {over * 1000:7.0f} {ratio:7.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--layers", action="store_true", help="also time the extract's start-up layer by layer")
    args = ap.parse_args()
    compileall.compile_dir(str(ROOT / "llmx"), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        page = one_page(Path(tmp))
        bare = [sys.executable, "-c", "pass"]
        commands = {
            "llmx --help": [sys.executable, "-m", "llmx", "--help"],
            "llmx extract (1 page)": [sys.executable, "-m", "llmx", "extract", str(page), "-o", f"{tmp}/out.json"],
        }
        print(f"{'command':24} {'CPU ms':>8} {'x bare':>7} {'wall ms':>8} {'x bare':>7}   (medians of {args.runs})")
        for name, cmd in commands.items():
            timed(cmd), timed(bare)  # warm-up: file cache
            pairs = [(timed(cmd), timed(bare)) for _ in range(args.runs)]
            cpu = statistics.median(a[0] for a, _ in pairs)
            wall = statistics.median(a[1] for a, _ in pairs)
            cpu_ratio = statistics.median(a[0] / max(b[0], 1e-3) for a, b in pairs)
            wall_ratio = statistics.median(a[1] / b[1] for a, b in pairs)
            base_cpu = statistics.median(b[0] for _, b in pairs)
            base_wall = statistics.median(b[1] for _, b in pairs)
            print(f"{'python -c pass':24} {base_cpu * 1000:8.0f} {'':>7} {base_wall * 1000:8.0f}")
            print(f"{name:24} {cpu * 1000:8.0f} {cpu_ratio:7.1f} {wall * 1000:8.0f} {wall_ratio:7.1f}")
    if args.layers:
        layers(args.runs)


if __name__ == "__main__":
    main()
