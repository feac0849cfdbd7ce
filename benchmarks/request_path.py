"""Client CPU per model request, layer by layer, against the bare openai client and instructor.

Run: `python benchmarks/request_path.py [--repeat 3] [--reports 6]`. Every figure is CPU time of
this process (all threads; `time.process_time`) per request, for the same requests sent over real
HTTP to `llmx serve` running in its own process with no injected latency. The requests are the
LLM plans of the dev samples and of synthetic reports (10 sections of 26 figures each), so every
layer sends the same bodies and gets the same answers. Layers:

* `openai`: the bare SDK, `chat.completions.create(**body)` with the body instructor would send;
* `instructor`: instructor (tools mode) with llmx's response models and validators, as a user of
  instructor would call it: `create(response_model=..., context=..., max_retries=3)`;
* `llmx client`: `ModelClient.extract` (instructor plus transport retries, attempt log, gate);
* `+ cache`: the same through the answer cache (key, SQLite write);
* `+ convert`: a plan's job run end to end (`LlmDocument.run_job`: grounding, sectors);
* `llmx run`: a whole `llmx run` in its own process tree (read, normalize, split, plan, requests,
  validation, grounding, assembly, JSON written, journal, scheduling), CPU of every process of
  the run (`RUSAGE_CHILDREN`): the run over every report minus the run over the first one, per
  extra request (start-up, paid once per run, is left out; `benchmarks/startup.py` measures it).

Ratios are to `instructor` measured in the same run; the target for `llmx run` is <= 1.3.
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bulk_run import Server, write_reports
from measure import best_of, children_cpu

from llmx.config import Settings
from llmx.llm.cache import AnswerCache, CachedClient
from llmx.llm.client import ModelClient
from llmx.llm.plan import DocumentPlan
from llmx.llm.runner import LlmDocument
from llmx.pipeline import plan_llm, prepare
from llmx.serve import SERVED_MODEL

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@contextlib.contextmanager
def _plain_instructor() -> Iterator[None]:
    """instructor as shipped: without the check llmx's client makes it remember (see client.py)."""
    from instructor.v2.core import patch as patch_module
    from instructor.v2.validation import async_validators

    remembering = async_validators.reject_async_validators
    original = getattr(remembering, "__wrapped__", remembering)
    async_validators.reject_async_validators = patch_module.reject_async_validators = original
    try:
        yield
    finally:
        async_validators.reject_async_validators = patch_module.reject_async_validators = remembering


def whole_run(
    srv: Server, inputs: list[str], work: Path, repeat: int, tag: str, python: str = sys.executable
) -> tuple[float, int]:
    """(CPU seconds of the best `llmx run` process tree, requests it sent)."""
    best, sent = float("inf"), 0
    for k in range(repeat):
        out = work / f"run-{tag}-{k}"
        cmd = [python, "-m", "llmx", "run", *inputs, "--out", str(out), "--cache", str(out / "c.sqlite")]
        cmd += ["--model", SERVED_MODEL, "--base-url", srv.base_url, "-j", "8", "--no-progress"]
        cmd += ["--tables", "none", "--no-review"]
        before, c0 = srv.requests(), children_cpu()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=work)
        cpu, sent = children_cpu() - c0, srv.requests() - before
        best = min(best, cpu)
    return best, sent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--reports", type=int, default=6, help="synthetic reports of 10 sections each")
    ap.add_argument("--baseline-python", default=None, help="also time a whole run of another llmx (its venv)")
    args = ap.parse_args()
    import instructor
    import openai

    from llmx.llm.completions import QuietContext

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = [str(p) for p in sorted(SAMPLES.glob("*.txt"))]
        inputs += write_reports(work / "in", args.reports, 10)
        srv = Server(0)
        try:
            settings = Settings(backend="llm", model=SERVED_MODEL, base_url=srv.base_url, timeout=30)
            plans: list[DocumentPlan] = [plan_llm(prepare(p), settings) for p in inputs]
            requests = [r for plan in plans for r in plan.requests_by_job]
            n = len(requests)
            client = ModelClient(settings)
            client.warm_up()
            bodies = [client.request_body(r.messages, r.response_model) for r in requests]
            bare = openai.OpenAI(api_key="x", base_url=srv.base_url, max_retries=0)
            patched = instructor.from_openai(
                openai.OpenAI(api_key="x", base_url=srv.base_url, max_retries=0), mode=instructor.Mode.TOOLS
            )

            def layer_openai() -> None:
                for body in bodies:
                    bare.chat.completions.create(**body)

            def layer_instructor() -> None:
                with _plain_instructor():
                    _layer_instructor()

            def _layer_instructor() -> None:
                for r in requests:
                    patched.chat.completions.create(
                        model=SERVED_MODEL,
                        messages=r.messages,
                        response_model=r.response_model,
                        context=QuietContext(r.context),  # report text must not be templated
                        max_retries=3,
                        temperature=0.0,
                    )

            def layer_client() -> None:
                for r in requests:
                    client.extract(r.messages, r.response_model, context=r.context, tag=r.tag)

            caches = iter(range(1000))

            def layer_cache() -> None:
                cached = CachedClient(client, AnswerCache(work / f"cache{next(caches)}.sqlite"))
                for r in requests:
                    cached.extract(r.messages, r.response_model, context=r.context, tag=r.tag)

            def layer_convert() -> None:
                cached = CachedClient(client, AnswerCache(work / f"cache{next(caches)}.sqlite"))
                for plan in plans:
                    doc = LlmDocument(plan, settings, cached)
                    for k in range(len(doc.jobs)):
                        doc.run_job(k)

            layer_openai()  # warm-up: imports, connection pool, regexes
            layer_instructor()
            rows = [
                ("openai", best_of(args.repeat, layer_openai, clock=time.process_time, warm_up=False)),
                ("instructor", best_of(args.repeat, layer_instructor, clock=time.process_time, warm_up=False)),
                ("llmx client", best_of(args.repeat, layer_client, clock=time.process_time, warm_up=False)),
                ("+ cache", best_of(args.repeat, layer_cache, clock=time.process_time, warm_up=False)),
                ("+ convert", best_of(args.repeat, layer_convert, clock=time.process_time, warm_up=False)),
            ]
            small_cpu, small_sent = whole_run(srv, inputs[:1], work, args.repeat, "small")
            run_cpu, run_sent = whole_run(srv, inputs, work, args.repeat, "all")
            old = None
            if args.baseline_python:
                old_small = whole_run(srv, inputs[:1], work, args.repeat, "old-small", args.baseline_python)
                old_all = whole_run(srv, inputs, work, args.repeat, "old-all", args.baseline_python)
                old = (old_all[0] - old_small[0]) / (old_all[1] - old_small[1])
        finally:
            srv.stop()
    base = rows[1][1] / n
    print(f"{len(inputs)} reports, {n} section requests (+{run_sent - n} metadata in the run) to llmx serve")
    print(f"{'layer':14} {'CPU ms/request':>15} {'vs instructor':>14}")
    for name, cpu in rows:
        print(f"{name:14} {cpu / n * 1000:15.2f} {cpu / n / base:14.2f}")
    per = (run_cpu - small_cpu) / (run_sent - small_sent)
    print(f"{'llmx run':14} {per * 1000:15.2f} {per / base:14.2f}   (whole run, every process; target <= 1.3)")
    if old is not None:
        print(f"{'llmx run, base':14} {old * 1000:15.2f} {old / base:14.2f}   (--baseline-python)")
    print(
        f"llmx run: {run_cpu:.2f} s CPU for {run_sent} requests, {small_cpu:.2f} s for {small_sent} (one report); "
        "the row is the difference per extra request, so start-up is not counted"
    )


if __name__ == "__main__":
    main()
