"""`llmx run` at scale against the loopback server: throughput, re-run cost, peak memory.

Run: `python benchmarks/bulk_run.py [--sections 500] [--latency-ms 200] [--concurrency 16]
[--rpm 1200] [--memory 100,1000]`. Everything talks over real HTTP to `llmx serve` started as a
separate process (so the server does not share the client's interpreter), with injected latency.

1. Throughput: synthetic reports whose every section is its own request (sections are sized so
   none are packed together) are run with `--concurrency C` and no rate limit, then with an rpm
   limit; each figure is requests per second of run wall time against the ideal
   min(C / latency, rpm / 60), printed as a ratio (the target is >= 0.90).
2. Re-run: the same inputs into the same folder (journal: nothing to do) and into a fresh folder
   sharing the cache (every answer from the cache): requests counted by the server.
3. Memory: peak PSS and RSS of a whole `llmx run` (its process and every worker process, summed,
   sampled every 50 ms) over N reports, for each N. PSS splits the pages forked workers share
   with the run's process; RSS counts them in every process.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import children_cpu

from llmx.config import Settings
from llmx.run import RunOptions, run
from llmx.serve import SERVED_MODEL

HEADER = """ĐẢNG BỘ TỈNH {tinh}
ĐẢNG ỦY XÃ {xa}
Số: {k}-BC/ĐU
{xa}, ngày 25 tháng 6 năm 2024

BÁO CÁO
Sơ kết công tác 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2024

I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ
"""
FOOTER = """
Nơi nhận:
- Huyện ủy,
- Lưu VP.
T/M ĐẢNG ỦY
BÍ THƯ
Nguyễn Văn An
"""
LINE = (
    "- Chỉ tiêu {k}.{j}.{m}: sản lượng đạt {a},{b} tấn, bằng {p},5% kế hoạch năm, tăng {q}% so với cùng kỳ năm trước.\n"
)


def synthetic_report(k: int, sections: int, lines: int = 26) -> str:
    """Report k with `sections` numbered sections of about 2,600 characters each, all distinct."""
    body = []
    for j in range(1, sections + 1):
        body.append(f"{j}. Lĩnh vực số {j} của báo cáo {k}\n")
        body.extend(
            LINE.format(k=k, j=j, m=m, a=100 + (k * 7 + j * 3 + m) % 900, b=m % 10, p=40 + m, q=1 + (j + m) % 9)
            for m in range(1, lines + 1)
        )
    return HEADER.format(tinh="Nam Định", xa="Xuân Thành", k=k) + "".join(body) + FOOTER


def write_reports(folder: Path, count: int, sections: int, first: int = 1) -> list[str]:
    """Reports first..first+count-1 (distinct numbers give distinct texts)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(first, first + count):
        p = folder / f"bao-cao-{k:04d}.txt"
        p.write_text(synthetic_report(k, sections), encoding="utf-8")
        paths.append(str(p))
    return paths


class Server:
    """`llmx serve` in its own process; the request count comes from its verbose log."""

    def __init__(self, latency_ms: float, *, verbose: bool = True) -> None:
        """`verbose`: log each request, so `requests()` can count them (costs server CPU)."""
        self.log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)  # noqa: SIM115 -- closed in stop()
        flags = ["-v"] if verbose else []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "llmx", "serve", "--port", "0", "--latency-ms", str(latency_ms), *flags],
            stderr=self.log,
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            m = re.search(r"at (http://127\.0\.0\.1:\d+/v1)", Path(self.log.name).read_text())
            if m:
                self.base_url = m.group(1)
                return
            time.sleep(0.05)
        raise RuntimeError("llmx serve did not start")

    def requests(self) -> int:
        return Path(self.log.name).read_text().count('"POST /v1/chat/completions')

    def stats(self, since: int = 0) -> dict:
        """Chat requests the server has received, and the seconds from request `since + 1` to the
        last one (GET /llmx/stats)."""
        import urllib.request

        root = self.base_url.removesuffix("/v1")
        with urllib.request.urlopen(f"{root}/llmx/stats?since={since}", timeout=10) as reply:
            return json.loads(reply.read())

    def cpu(self) -> float:
        """CPU seconds the server process has used so far (Linux /proc)."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)
        os.unlink(self.log.name)


def throughput(srv: Server, inputs: list[str], out: Path, concurrency: int, rpm: float, latency: float) -> dict:
    settings = Settings(backend="llm", model=SERVED_MODEL, base_url=srv.base_url, timeout=30)
    before = srv.requests()
    t0, c0 = time.perf_counter(), time.process_time() + children_cpu()
    summary = run(
        inputs,
        settings,
        RunOptions(
            out=out,
            concurrency=concurrency,
            rpm=rpm,
            cache=out / "cache.sqlite",
            tables=(),
            review=False,
            progress=False,
        ),
    )
    wall, cpu = time.perf_counter() - t0, time.process_time() + children_cpu() - c0
    sent = srv.requests() - before
    ideal = min(concurrency / latency, rpm / 60 if rpm else float("inf"))
    return {
        "requests": sent,
        "wall": wall,
        "rate": sent / wall,
        "ideal": ideal,
        "ratio": sent / wall / ideal,
        "cpu_ms": cpu / max(sent, 1) * 1000,
        "summary": summary,
    }


def _tree_memory(root: int) -> tuple[int, int]:
    """(PSS, RSS) bytes of `root` and every process under it now (Linux /proc). Forked workers
    share their parent's pages, which RSS counts in each process and PSS splits between them."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    pss = rss = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
        except (OSError, ValueError):
            continue
        pss += int(fields["Pss"].split()[0]) * 1024
        rss += int(fields["Rss"].split()[0]) * 1024
    return pss, rss


def peak_memory(srv: Server, inputs_dir: Path, out: Path, concurrency: int) -> tuple[float, float, float, int]:
    """(peak PSS MiB and peak RSS MiB of the whole process tree, wall s, requests) of one
    `llmx run` over every report in inputs_dir; the tree is sampled every 50 ms."""
    cmd = [
        sys.executable,
        "-m",
        "llmx",
        "run",
        str(inputs_dir),
        "--out",
        str(out),
        "--cache",
        str(out / "cache.sqlite"),
        "--model",
        SERVED_MODEL,
        "--base-url",
        srv.base_url,
        "-j",
        str(concurrency),
        "--no-progress",
    ]
    before = srv.requests()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pss = rss = 0
    while proc.poll() is None:
        now_pss, now_rss = _tree_memory(proc.pid)
        pss, rss = max(pss, now_pss), max(rss, now_rss)
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"llmx run failed ({proc.returncode}) for {inputs_dir}")
    return pss / 2**20, rss / 2**20, wall, srv.requests() - before


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sections", type=int, default=500)
    ap.add_argument("--latency-ms", type=float, default=1000.0)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--rpm", type=float, default=600.0)
    ap.add_argument("--memory", default="100,1000", help="report counts for the memory runs ('' to skip)")
    args = ap.parse_args()
    latency = args.latency_ms / 1000
    per_report = 10
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = write_reports(work / "in", args.sections // per_report, per_report)
        srv = Server(args.latency_ms)
        try:
            print(
                f"llmx run against llmx serve (separate process), latency {args.latency_ms:g} ms, "
                f"{len(inputs)} reports x {per_report} sections"
            )
            print(
                f"{'scenario':<34} {'requests':>8} {'wall s':>7} {'req/s':>7} {'ideal':>7} {'ratio':>6} "
                f"{'client CPU ms/req':>18}"
            )
            a = throughput(srv, inputs, work / "a", args.concurrency, 0, latency)
            print(
                f"{f'concurrency {args.concurrency}, no rpm limit':<34} {a['requests']:>8} {a['wall']:>7.2f} "
                f"{a['rate']:>7.1f} {a['ideal']:>7.1f} {a['ratio']:>6.2f} {a['cpu_ms']:>18.1f}"
            )
            b = throughput(srv, inputs, work / "b", args.concurrency, args.rpm, latency)
            print(
                f"{f'concurrency {args.concurrency}, rpm {args.rpm:g}':<34} {b['requests']:>8} {b['wall']:>7.2f} "
                f"{b['rate']:>7.1f} {b['ideal']:>7.1f} {b['ratio']:>6.2f} {b['cpu_ms']:>18.1f}"
            )
            again = throughput(srv, inputs, work / "a", args.concurrency, 0, latency)
            settings = Settings(backend="llm", model=SERVED_MODEL, base_url=srv.base_url)
            before = srv.requests()
            fresh = run(
                inputs,
                settings,
                RunOptions(
                    out=work / "c",
                    concurrency=args.concurrency,
                    cache=work / "a" / "cache.sqlite",
                    tables=(),
                    review=False,
                    progress=False,
                ),
            )
            print(
                f"re-run, same folder: {again['requests']} requests ({again['summary'].skipped} reports skipped "
                f"by the journal, {again['wall']:.2f} s)"
            )
            print(
                f"re-run, new folder sharing the cache: {srv.requests() - before} requests "
                f"({fresh.cache_hits} answers from the cache)"
            )
            counts = [int(n) for n in args.memory.split(",") if n.strip()]
            if counts:
                print(f"{'reports':>8} {'requests':>9} {'wall s':>8} {'peak PSS MiB':>13} {'peak RSS MiB':>13}")
                for n in counts:
                    folder = work / f"mem{n}"
                    write_reports(folder, n, 2)
                    pss, rss, wall, sent = peak_memory(srv, folder, work / f"out{n}", args.concurrency)
                    print(f"{n:>8} {sent:>9} {wall:>8.1f} {pss:>13.1f} {rss:>13.1f}   (all processes)")
        finally:
            srv.stop()
    print(json.dumps({"throughput_ratio": round(a["ratio"], 3), "rpm_ratio": round(b["ratio"], 3)}))


if __name__ == "__main__":
    main()
