"""CI's quality gate: the rules backend is scored against the gold data and compared with the
committed baseline; any drop of a headline metric fails the build."""

import json

import pytest

from llmx.config import REPO_ROOT, Settings
from llmx.errors import GateFailed
from llmx.evaluation.report import enforce_gates, metrics, to_json
from llmx.evaluation.runner import gold_cases, load_case, run_eval
from llmx.evaluation.scoring import aggregate, score_document
from llmx.pipeline import extract_document

BASELINE = REPO_ROOT / "eval" / "reports" / "baseline.json"
RULES = Settings(backend="rules")

# issue targets for the rules backend on the dev gold
TARGETS = {
    "references.f1": 0.95,
    "sections.f1": 0.95,
    "indicators.f1": 0.85,
    "indicators.comparisons.f1": 0.85,
    "tasks.coverage.f1": 0.80,
    "limitations.coverage.f1": 0.80,
    "metadata.accuracy": 0.90,
}


@pytest.fixture(scope="module")
def rules_summary():
    return run_eval(RULES)


def test_rules_backend_does_not_regress_against_the_committed_baseline(rules_summary):
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    enforce_gates(rules_summary, {}, baseline, max_drop=0.0)


def test_rules_backend_meets_the_quality_targets(rules_summary):
    enforce_gates(rules_summary, TARGETS)


def test_a_degraded_prediction_fails_the_gate():
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    scores = []
    for case in gold_cases():
        pred = extract_document(case.source_path, RULES)
        pred = pred.model_copy(update={"indicators": pred.indicators[::2], "references": pred.references[1:]})
        scores.append(score_document(pred, load_case(case), name=case.name))
    degraded = to_json(aggregate(scores))
    assert metrics(degraded)["indicators.f1"] < metrics(baseline)["indicators.f1"]
    with pytest.raises(GateFailed, match=r"indicators\.f1"):
        enforce_gates(degraded, {}, baseline, max_drop=0.0)


def test_replayed_llm_eval_runs_offline_and_does_not_regress(monkeypatch):
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMX_API_KEY", "LLMX_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    baseline = json.loads((REPO_ROOT / "eval" / "reports" / "baseline-llm.json").read_text(encoding="utf-8"))
    summary = run_eval(Settings(backend="llm", model=baseline["run"]["model"], prompt=baseline["run"]["prompt"]))
    assert summary["run"]["replayed"] is True
    enforce_gates(summary, {}, baseline, max_drop=0.0)
