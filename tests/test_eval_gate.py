"""CI's quality gate: the rules backend and the replayed LLM are scored on BOTH gold splits, and
each split is compared with its own committed baseline (`eval/reports/baseline-<run>-<split>.json`);
any drop of a headline metric on either split fails the build.

issue 10's targets (results.TARGETS) are not gated here: the eval report shows them beside the
figures until the rules reach them. Refresh the baselines after a deliberate change with
`llmx eval --backend rules --save-baseline` and `llmx eval --local --save-baseline`.

The rules gate runs in the default tier; the replayed-LLM gate (every gold report replayed from
its cassette and scored) is in the slow tier (`python -m pytest -m slow`, which `.ci/run` runs).
"""

import json

import pytest

from llmx.config import REPO_ROOT, Settings
from llmx.errors import GateFailed
from llmx.evaluation.gates import check_run_gates, enforce_gates
from llmx.evaluation.report import metrics, to_json
from llmx.evaluation.runner import (
    CASSETTES_DIR,
    REPORTS_DIR,
    SPLITS,
    baseline_figures,
    committed_baselines,
    gold_cases,
    load_case_file,
    run_eval,
)
from llmx.evaluation.scoring import aggregate, score_document
from llmx.llm.cassettes import cassette_path
from llmx.pipeline import extract_document
from llmx.serve import SERVED_MODEL


def load_baseline(split: str) -> dict:
    return json.loads((REPORTS_DIR / f"baseline-rules-{split}.json").read_text(encoding="utf-8"))


RULES = Settings(backend="rules")
REPLAYED = Settings(backend="llm", model=SERVED_MODEL)


@pytest.fixture(scope="module")
def rules_run():
    return run_eval(RULES)


def test_both_splits_are_scored_test_first(rules_run):
    assert list(rules_run["splits"]) == list(SPLITS) == ["test", "dev"]
    for split, summary in rules_run["splits"].items():
        assert summary["run"]["documents"] == [c.name for c in gold_cases(split=split)]


def test_rules_backend_does_not_regress_on_either_split(rules_run):
    enforce_gates(rules_run, {}, committed_baselines(rules_run), max_drop=0.0)


def test_a_degraded_prediction_fails_the_gate_of_its_split(rules_run):
    baselines = committed_baselines(rules_run)
    scores = []
    for case in gold_cases(split="test"):
        pred = extract_document(case.source_path, RULES)
        pred = pred.model_copy(update={"indicators": pred.indicators[::2], "references": pred.references[1:]})
        gold = load_case_file(case)
        scores.append(score_document(pred, gold.doc, name=case.name, scope=gold.scope_sections))
    degraded = to_json(aggregate(scores))
    degraded["run"] = rules_run["splits"]["test"]["run"]
    run = {"run": rules_run["run"], "splits": {"test": degraded, "dev": rules_run["splits"]["dev"]}}
    assert metrics(degraded)["indicators.f1"] < metrics(baselines["test"])["indicators.f1"]
    problems = check_run_gates(run, {}, baselines, 0.0)
    assert any(p.startswith("test: indicators.f1 moved") for p in problems)
    assert not any(p.startswith("dev:") for p in problems)
    with pytest.raises(GateFailed, match=r"test: indicators\.f1"):
        enforce_gates(run, {}, baselines, max_drop=0.0)


def test_every_gold_document_has_a_replay_cassette():
    missing = [
        f"{c.split}/{c.name}"
        for c in gold_cases()
        if not cassette_path(CASSETTES_DIR, SERVED_MODEL, REPLAYED.prompt, c.source_path).is_file()
    ]
    assert missing == [], "record them with: llmx eval --local --record"


@pytest.mark.slow  # every gold report replayed and scored
def test_replayed_llm_eval_runs_offline_and_does_not_regress_on_either_split(monkeypatch):
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMX_API_KEY", "LLMX_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    run = run_eval(REPLAYED)
    assert run["run"]["replayed"] is True and list(run["splits"]) == ["test", "dev"]
    enforce_gates(run, {}, committed_baselines(run, REPORTS_DIR), max_drop=0.0)


def test_the_readme_shows_the_committed_baselines():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- figures:")
    block = readme[readme.index("\n", start) + 1 : readme.index("<!-- /figures -->")]
    assert block == baseline_figures(), "README figures are stale: paste the output of `llmx eval --figures`"


_GLANCE_ROWS = {
    "indicators F1": "indicators.f1",
    "indicator value + unit": "indicators.value_unit.accuracy",
    "comparisons F1 (% of plan, vs same period)": "indicators.comparisons.f1",
    "task coverage": "tasks.coverage.f1",
    "limitation coverage": "limitations.coverage.f1",
    "references F1": "references.f1",
    "proposals F1": "proposals.f1",
    "headings (sections F1)": "sections.f1",
    "metadata accuracy": "metadata.accuracy",
}


def test_the_readme_quality_at_a_glance_table_matches_the_rules_baselines():
    """The first figures a reader sees are hand-placed prose: they must be the committed baselines."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How well it extracts") :]
    section = section[: section.index("\n## ", 1)]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip().strip("*") for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0] in _GLANCE_ROWS:
            rows[cells[0]] = (cells[1], cells[2])
    assert set(rows) == set(_GLANCE_ROWS), "README's at-a-glance table lost a row"
    baselines = {s: metrics(load_baseline(s)) for s in ("test", "dev")}
    for label, key in _GLANCE_ROWS.items():
        expected = (f"{baselines['test'][key]:.3f}", f"{baselines['dev'][key]:.3f}")
        assert rows[label] == expected, f"README at-a-glance row {label!r}: {rows[label]} != baselines {expected}"
