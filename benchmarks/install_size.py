"""What installing llmx costs: wall time and disk, in a fresh venv, per installed distribution.

Run: `python benchmarks/install_size.py [SPEC ...] [--cold]`, e.g. `python benchmarks/install_size.py
. ".[parquet]"`. For each SPEC (default `.`, the lean install) it makes a fresh venv, times
`pip install SPEC` (non-editable, as users install; wall and CPU seconds, since wall time on a shared
machine mostly measures the other jobs), and prints the size of site-packages (du) and
of every distribution in it (the files its RECORD lists), largest first. `--cold` disables pip's
download cache so the time includes downloading every wheel, as on a new machine.

The venv's own pip and setuptools are measured once, before installing, and subtracted, so the
figure is what llmx adds.
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

from measure import children_cpu

ROOT = Path(__file__).resolve().parent.parent

_SIZES = r"""
import json, os, sys
from importlib import metadata
out = {}
for dist in metadata.distributions():
    total = 0
    for f in dist.files or []:
        p = dist.locate_file(f)
        try:
            total += os.path.getsize(p)
        except OSError:
            pass
    out[dist.metadata["Name"]] = total
print(json.dumps(out))
"""


def _du(path: Path) -> int:
    """Bytes on disk under `path`, as `du -sb` counts them."""
    return int(subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=True).stdout.split()[0])


def measure(spec: str, cold: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="llmx-install-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        py = venv / "bin" / "python"
        site = Path(
            subprocess.run(
                [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
        )
        before = _du(site)
        env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        if cold:
            env["PIP_NO_CACHE_DIR"] = "1"
        t0, cpu0 = time.perf_counter(), children_cpu()
        subprocess.run(
            [str(py), "-m", "pip", "install", "-q", spec], cwd=ROOT, env=env, check=True, stderr=subprocess.DEVNULL
        )
        seconds, cpu = time.perf_counter() - t0, children_cpu() - cpu0
        after = _du(site)
        sizes = json.loads(subprocess.run([str(py), "-c", _SIZES], capture_output=True, text=True, check=True).stdout)
    for tool in ("pip", "setuptools"):
        sizes.pop(tool, None)
    return {"spec": spec, "seconds": seconds, "cpu": cpu, "added_bytes": after - before, "dists": sizes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("specs", nargs="*", default=["."])
    parser.add_argument("--cold", action="store_true", help="no pip download cache")
    parser.add_argument("--top", type=int, default=25, help="distributions listed per spec")
    args = parser.parse_args()
    for spec in args.specs:
        r = measure(spec, args.cold)
        mb = r["added_bytes"] / 1e6  # type: ignore[operator]
        print(
            f"pip install {spec}: {r['seconds']:.1f} s wall, {r['cpu']:.1f} s CPU"
            f"{' (cold cache)' if args.cold else ''}, "
            f"site-packages +{mb:.1f} MB, {len(r['dists'])} distributions"
        )  # type: ignore[arg-type]
        dists: dict[str, int] = r["dists"]  # type: ignore[assignment]
        for name, size in sorted(dists.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"  {name:28} {size / 1e6:7.1f} MB")


if __name__ == "__main__":
    main()
