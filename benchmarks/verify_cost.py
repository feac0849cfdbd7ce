"""What `--verify rules` adds to an LLM extraction: the rules pass on the prepared document and
the comparison, per report, on the gold corpus (both splits), best of N.

Run: `python benchmarks/verify_cost.py [--repeat N]`. Reading and splitting are done once and
not timed (the cross-check reuses the LLM's prepared document). The LLM side is stood in for by
the rules' own output relabelled as `llm`, which makes every item overlap: the comparison does
its most work.
"""

from __future__ import annotations

import argparse

from measure import best_of

from llmx.evaluation.runner import gold_cases
from llmx.pipeline import prepare
from llmx.rules.backend import run_rules
from llmx.verify import cross_check


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    prepared = [prepare(c.source_path) for c in gold_cases()]
    docs = [p.finish(*run_rules(p.text, p.layout)) for p in prepared]
    as_llm = [d.model_copy(update={"extractor": d.extractor.model_copy(update={"backend": "llm"})}) for d in docs]
    items = sum(len(d.indicators) + len(d.tasks) + len(d.limitations) + len(d.references) for d in docs)

    def rules_pass() -> None:
        for p in prepared:
            p.finish(*run_rules(p.text, p.layout))

    def compare() -> None:
        for llm, rules in zip(as_llm, docs, strict=True):
            cross_check(llm, rules)

    n = len(prepared)
    print(f"gold corpus: {n} reports, {sum(len(p.text) for p in prepared):,} chars, {items:,} rules items")
    for name, work in (("rules pass + assemble", rules_pass), ("comparison", compare)):
        best = best_of(args.repeat, work)
        print(f"{name:22} {best * 1000:8.1f} ms   {best * 1000 / n:6.1f} ms per report")


if __name__ == "__main__":
    main()
