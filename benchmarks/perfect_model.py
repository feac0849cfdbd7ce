"""The LLM pipeline driven by a model that answers perfectly: how much of the gold comes back.

    python benchmarks/perfect_model.py                 # dev and test gold, aggregates only
    python benchmarks/perfect_model.py --lost dev      # also list what the dev gold lost

A loopback `llmx-gold-server` answers every request with the gold items whose spans fall in the
request's text (llmx/serve/gold.py); the pipeline runs over real HTTP as `llmx extract` would.
Only aggregates are printed for the test split (it is held apart: no per-document output).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

from llmx.config import REPO_ROOT, Settings
from llmx.evaluation.recovery import Recovery, recovery
from llmx.evaluation.runner import gold_cases, load_case
from llmx.pipeline import extract_document
from llmx.serve import RulesServer, ServerConfig
from llmx.serve.gold import GOLD_MODEL, GoldAnswers


def run_split(gold_dir: Path, prompt: str | None = None) -> tuple[Recovery, int, float]:
    """Recovery over every gold report of one split, the requests made, and the seconds taken."""
    answers = GoldAnswers(gold_dir)
    total, requests = Recovery(), 0
    began = time.perf_counter()
    with RulesServer(ServerConfig(model=GOLD_MODEL, answerer=answers.answer_for)) as srv:
        settings = Settings(backend="llm", model=GOLD_MODEL, base_url=srv.base_url, timeout=30.0)
        if prompt:
            settings = replace(settings, prompt=prompt)
        for case in gold_cases(gold_dir):
            doc = extract_document(case.source_path, settings)
            total.add(recovery(doc, load_case(case), case.name))
        requests = len(srv.requests)
    return total, requests, time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lost", choices=["dev"], help="list the items a split lost (dev only: test is held apart)")
    parser.add_argument("--prompt", help="section prompt NAME@VERSION (default: the default prompt)")
    parser.add_argument("--split", action="append", choices=["dev", "test"], help="splits to run (default both)")
    parser.add_argument("--gold", type=Path, default=REPO_ROOT / "eval" / "gold", help="gold folder (with dev/, test/)")
    args = parser.parse_args()
    for split in args.split or ["dev", "test"]:
        result, requests, seconds = run_split(args.gold / split, args.prompt)
        print(f"== {split} gold: {requests} requests in {seconds:.1f} s")
        print(result.table())
        if args.lost == split:
            print("\n".join(result.lost))
    return 0


if __name__ == "__main__":
    sys.exit(main())
