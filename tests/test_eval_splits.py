"""`llmx eval` per gold split: test (held apart) first, dev in-sample, `--split`, per-split
baselines written and gated, on a small gold tree built in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import Settings
from llmx.errors import EvalError
from llmx.evaluation.report import metrics
from llmx.evaluation.runner import baseline_path, gold_cases, run_eval, write_baselines
from llmx.pipeline import extract_document

RULES = Settings(backend="rules")


@pytest.fixture(scope="module")
def gold_tree(tmp_path_factory: pytest.TempPathFactory, samples) -> Path:
    """dev: the monthly report, gold = the rules' own answer (perfect); test: the web page,
    gold missing half the indicators (so the rules show false positives there)."""
    root = tmp_path_factory.mktemp("gold")
    for split, report, keep in (("dev", samples.monthly, 1), ("test", samples.webpage, 2)):
        doc = extract_document(report, RULES)
        data = json.loads(doc.model_dump_json(exclude={"text"}))
        data["source"]["path"] = str(report)
        data["extractor"] = {"backend": "human", "llmx_version": "0.1.0"}
        data["indicators"] = data["indicators"][::keep]
        (root / split).mkdir()
        (root / split / f"{report.stem}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return root


def test_cases_carry_their_split_and_can_be_filtered(gold_tree: Path) -> None:
    assert {c.split for c in gold_cases(gold_tree)} == {"dev", "test"}
    assert [c.split for c in gold_cases(gold_tree, split="dev")] == ["dev"]
    with pytest.raises(EvalError, match="split test"):
        gold_cases(gold_tree, only=["2023-02-district-party-monthly"], split="test")


def test_a_run_scores_each_split_apart_test_first(gold_tree: Path) -> None:
    run = run_eval(RULES, gold_dir=gold_tree)
    assert list(run["splits"]) == ["test", "dev"]
    test, dev = run["splits"]["test"], run["splits"]["dev"]
    assert test["run"]["documents"] == ["h1-2023-commune-party-webpage"] and test["run"]["in_sample"] is False
    assert dev["run"]["documents"] == ["2023-02-district-party-monthly"] and dev["run"]["in_sample"] is True
    assert metrics(dev)["indicators.f1"] == 1.0
    assert metrics(test)["indicators.recall"] == 1.0 and metrics(test)["indicators.precision"] < 0.6
    only_dev = run_eval(RULES, gold_dir=gold_tree, split="dev")
    assert list(only_dev["splits"]) == ["dev"] and only_dev["run"]["split"] == "dev"
    assert metrics(only_dev["splits"]["dev"]) == metrics(dev)
    with pytest.raises(EvalError, match="unknown split"):
        run_eval(RULES, gold_dir=gold_tree, split="holdout")


def test_baselines_are_written_per_split_without_item_notes(gold_tree: Path, tmp_path: Path) -> None:
    run = run_eval(RULES, gold_dir=gold_tree)
    paths = write_baselines(run, tmp_path)
    assert paths == [baseline_path(tmp_path, "rules", "test"), baseline_path(tmp_path, "rules", "dev")]
    test = json.loads(paths[0].read_text(encoding="utf-8"))
    assert test["run"]["split"] == "test" and metrics(test) == metrics(run["splits"]["test"])
    assert "false_positives" not in test["documents"][0]


def test_eval_split_dev_shows_nothing_of_the_test_split(gold_tree: Path, tmp_path: Path) -> None:
    args = ["eval", "--backend", "rules", "--gold", str(gold_tree), "--out", str(tmp_path), "--split", "dev"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "webpage" not in result.output and "held apart" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rules-dev.html", "rules-dev.json", "rules-dev.md"]
    assert "webpage" not in (tmp_path / "rules-dev.md").read_text(encoding="utf-8")


def test_save_baseline_then_gate_on_the_committed_baselines(gold_tree: Path, tmp_path: Path) -> None:
    base = ["eval", "--backend", "rules", "--gold", str(gold_tree), "--out", str(tmp_path / "reports")]
    base += ["--baseline-dir", str(tmp_path)]
    missing = CliRunner().invoke(app, [*base, "--max-drop", "0"])
    assert missing.exit_code == 6 and "no baseline for split test" in missing.output
    saved = CliRunner().invoke(app, [*base, "--save-baseline"])
    assert saved.exit_code == 0, saved.output
    assert (tmp_path / "baseline-rules-test.json").is_file() and (tmp_path / "baseline-rules-dev.json").is_file()
    gated = CliRunner().invoke(app, [*base, "--max-drop", "0"])
    assert gated.exit_code == 0, gated.output
    assert gated.output.index("test: held apart") < gated.output.index("dev: in-sample")
    # a better committed figure than the code reaches is a regression: the gate fails, naming the split
    path = tmp_path / "baseline-rules-test.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["micro"]["indicators"]["detection"]["f1"] = 1.0
    path.write_text(json.dumps(data), encoding="utf-8")
    failed = CliRunner().invoke(app, [*base, "--max-drop", "0"])
    assert failed.exit_code == 7 and "test: indicators.f1 moved from 1.000" in failed.output
    dev_only = CliRunner().invoke(app, [*base, "--max-drop", "0", "--split", "dev"])
    assert dev_only.exit_code == 0, dev_only.output
    with_doc = CliRunner().invoke(app, [*base, "--save-baseline", "--doc", "2023-02-district-party-monthly"])
    assert with_doc.exit_code == 6 and "drop --doc" in with_doc.output


def test_each_split_gets_its_own_report_and_the_overview_names_no_document(gold_tree: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "--backend", "rules", "--gold", str(gold_tree), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(f"rules{part}.{ext}" for part in ("", "-test", "-dev") for ext in ("json", "md", "html"))
    for ext in ("md", "html"):  # the overview: figures per split, never a held-apart document's details
        overview = (tmp_path / f"rules.{ext}").read_text(encoding="utf-8")
        assert "webpage" not in overview and "monthly" not in overview and "held apart" in overview
    assert "h1-2023-commune-party-webpage" in (tmp_path / "rules-test.md").read_text(encoding="utf-8")
    assert "webpage" not in (tmp_path / "rules-dev.md").read_text(encoding="utf-8")
    data = json.loads((tmp_path / "rules.json").read_text(encoding="utf-8"))
    assert all("documents" not in part for part in data["splits"].values())  # names in `run`, no scores
    assert metrics(data["splits"]["test"]) == metrics(run_eval(RULES, gold_dir=gold_tree)["splits"]["test"])
