"""Rules indicators read from table rows against those read from prose, per gold split.

    python benchmarks/table_vs_text.py

An item is a table item when its quote is a table row (cells joined by ` | `); pred and gold are
split the same way and each half is scored by the eval's own scorer. Aggregates only: the test
split is held apart (no per-document output).
"""

from __future__ import annotations

from llmx.config import Settings
from llmx.contract import Indicator
from llmx.evaluation.report import metrics, to_json
from llmx.evaluation.runner import gold_cases, load_case_file
from llmx.evaluation.scoring import DocScore, aggregate, score_document
from llmx.pipeline import extract_document

RULES = Settings(backend="rules")


def in_table(item: Indicator) -> bool:
    return " | " in item.quote


def main() -> None:
    print("| split | items | gold | F1 | value + unit | comparisons F1 (found / gold) |")
    print("|---|---|---:|---:|---:|---:|")
    for split in ("test", "dev"):
        parts: dict[str, list[DocScore]] = {"table rows": [], "prose": []}
        for case in gold_cases(split=split):
            pred = extract_document(case.source_path, RULES)
            gold = load_case_file(case)
            for kind, scores in parts.items():
                want = kind == "table rows"
                p = pred.model_copy(update={"indicators": [i for i in pred.indicators if in_table(i) == want]})
                g = gold.doc.model_copy(update={"indicators": [i for i in gold.doc.indicators if in_table(i) == want]})
                scores.append(score_document(p, g, name=case.name, scope=gold.scope_sections))
        for kind, scores in parts.items():
            report = to_json(aggregate(scores))
            m, found = metrics(report), report["micro"]["indicators"]
            det, comp = found["detection"], found["sets"]["comparisons"]
            print(
                f"| {split} | {kind} | {det['tp'] + det['fn']} | {m['indicators.f1']:.3f} "
                f"| {m['indicators.value_unit.accuracy']:.3f} | {m['indicators.comparisons.f1']:.3f} "
                f"({comp['tp']} / {comp['tp'] + comp['fn']}) |"
            )


if __name__ == "__main__":
    main()
