"""Renderers and gates: metric names, deltas, escaping, and gate messages."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from llmx.config import REPO_ROOT
from llmx.contract import Comparison, Extractor, Indicator, Limitation, ReportDocument, Source, Task
from llmx.errors import ConfigError, EvalError, GateFailed
from llmx.evaluation.gates import check_gates, check_run_gates, enforce_gates, metric_names, parse_fail_under
from llmx.evaluation.report import baseline_form, compare, headline, metrics, to_json, to_markdown
from llmx.evaluation.report_html import to_html
from llmx.evaluation.scoring import aggregate, score_document

TEXT = (
    "Tổng thu NSNN là 88,8 tỷ đồng, đạt 8,4% dự toán. Thu trên địa bàn là 16,7/715,9 tỷ đồng. "
    "Ghi chú <script>alert(1)</script> trong văn bản. "
    "Công tác thu ngân sách còn chậm. Đẩy mạnh thu ngân sách.\n"
)


def at(quote: str) -> dict[str, Any]:
    start = TEXT.index(quote)
    return {"start": start, "end": start + len(quote)}


def doc(
    indicators: list[Indicator], limitations: list[Limitation] | None = None, name: str = "x.txt"
) -> ReportDocument:
    lim = "Công tác thu ngân sách còn chậm."
    task = "Đẩy mạnh thu ngân sách."
    return ReportDocument(
        source=Source(path=name, sha256="0" * 64, format="txt", chars=len(TEXT)),
        extractor=Extractor(backend="rules", llmx_version="0.1.0"),
        text=TEXT,
        indicators=indicators,
        limitations=limitations if limitations is not None else [Limitation(id="l1", text=lim, **at(lim))],
        tasks=[Task(id="t1", text=task, **at(task))],
    )


Q1 = "Tổng thu NSNN là 88,8 tỷ đồng, đạt 8,4% dự toán"
Q2 = "Thu trên địa bàn là 16,7/715,9 tỷ đồng"
QX = "Ghi chú <script>alert(1)</script> trong văn bản"
GOLD_INDS = [
    Indicator(
        id="i1",
        name="Tổng thu NSNN",
        value=88.8,
        unit="tỷ đồng",
        quote=Q1,
        **at(Q1),
        comparisons=[Comparison(basis="budget_estimate", basis_text="dự toán", relation="ratio", pct=8.4)],
    ),
    Indicator(id="i2", name="Thu trên địa bàn", value=16.7, unit="tỷ đồng", target=715.9, quote=Q2, **at(Q2)),
]


def summary_json(pred_inds: list[Indicator], name: str = "<b>doc</b>.txt") -> dict[str, Any]:
    gold = doc(GOLD_INDS, name=name)
    return to_json(aggregate([score_document(doc(pred_inds, name=name), gold)]))


PERFECT = summary_json(GOLD_INDS)
DEGRADED = summary_json([GOLD_INDS[0], Indicator(id="x", name="Ghi chú", value=1, quote=QX, **at(QX))])


def test_metric_names() -> None:
    got = metrics(PERFECT)
    for name in (
        "indicators.f1",
        "indicators.precision",
        "indicators.recall",
        "indicators.hallucination_rate",
        "indicators.comparisons.f1",
        "indicators.value_unit.accuracy",
        "indicators.name.similarity",
        "tasks.f1",
        "tasks.coverage.f1",
        "limitations.coverage.f1",
        "macro.indicators.f1",
    ):
        assert name in got, name
    assert got["indicators.f1"] == 1.0
    assert "sections.f1" not in got  # nothing to score: undefined, not 0 or 1
    assert all(isinstance(v, float) for v in got.values())


def test_fail_under_gate() -> None:
    assert check_gates(PERFECT, {"indicators.f1": 0.9}) == []
    problems = check_gates(DEGRADED, parse_fail_under(["indicators.f1=0.9"]))
    assert len(problems) == 1 and problems[0].startswith("indicators.f1 = 0.500")
    with pytest.raises(GateFailed) as e:
        enforce_gates(DEGRADED, {"indicators.f1": 0.9})
    assert e.value.exit_code == 7


def test_baseline_max_drop_gate() -> None:
    assert check_gates(PERFECT, {}, PERFECT, 0.0) == []
    problems = check_gates(DEGRADED, {}, PERFECT, 0.05)
    assert any(p.startswith("indicators.f1 moved from 1.000 to 0.500") for p in problems)
    assert check_gates(DEGRADED, {}, PERFECT, 0.6) == []
    with pytest.raises(EvalError):
        check_gates(DEGRADED, {}, None, 0.05)


def test_hallucination_gate_and_unmeasured_metric() -> None:
    assert check_gates(DEGRADED, {"indicators.hallucination_rate": 0.2}) == [
        "indicators.hallucination_rate = 0.500, above the allowed 0.200"
    ]
    assert check_gates(PERFECT, {"sections.f1": 0.5})[0].startswith("sections.f1: not measured")


def test_parse_fail_under_rejects_garbage_and_unknown_metrics_as_configuration_errors() -> None:
    assert parse_fail_under(["tasks.f1=0.5", " macro.indicators.f1 = 1 "]) == {
        "tasks.f1": 0.5,
        "macro.indicators.f1": 1.0,
    }
    for bad in ("indicators.f1", "=0.3", "x=high", "indicator.f1=0.9", "indicators.f2=0.9", "tasks.value.accuracy=1"):
        with pytest.raises(ConfigError, match="bad gate"):
            parse_fail_under([bad])


def test_every_metric_a_baseline_reports_is_a_known_gate_name() -> None:
    files = sorted((REPO_ROOT / "eval" / "reports").glob("baseline-*.json"))
    assert files
    for file in files:
        reported = metrics(json.loads(file.read_text(encoding="utf-8")))
        assert reported and set(reported) <= metric_names(), (file.name, set(reported) - metric_names())


def test_markdown_has_deltas_and_document_tables() -> None:
    md = to_markdown(DEGRADED, PERFECT)
    assert "| indicators.f1 | 0.500 | 1.000 | -0.500 |" in md
    assert "## Documents" in md and "False positives (1)" in md and "Misses (1)" in md
    assert "| metric | value |\n" in to_markdown(PERFECT)
    assert "<script>" not in md and "&lt;script&gt;" in md  # PR comments render HTML


def test_html_is_self_contained_and_escaped() -> None:
    page = to_html(DEGRADED, PERFECT)
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>doc</b>" not in page and "&lt;b&gt;doc&lt;/b&gt;" in page
    assert not re.search(r"""(src|href)\s*=|@import|url\(|https?://""", page)
    assert "<style>" in page and "Thu trên địa bàn là 16,7/715,9 tỷ đồng" in page  # the miss's sentence
    assert "class='num worse'>-0.500" in page


def test_compare_side_by_side() -> None:
    table = compare(PERFECT, DEGRADED, labels=("main", "branch"))
    assert table.startswith("| metric | main | branch | Δ |")
    assert "| indicators.f1 | 1.000 | 0.500 | -0.500 |" in table


def split_run(test: dict[str, Any], dev: dict[str, Any]) -> dict[str, Any]:
    """A run JSON the way `run_eval` shapes it: one summary per split, test first."""
    parts = {}
    for name, summary in (("test", test), ("dev", dev)):
        docs = [d["name"] for d in summary["documents"]]
        parts[name] = {**summary, "run": {"label": "rules", "split": name, "documents": docs}}
    return {"run": {"label": "rules", "split": "all"}, "splits": parts}


def test_markdown_leads_with_the_held_apart_split_and_labels_dev_in_sample() -> None:
    md = to_markdown(split_run(DEGRADED, PERFECT))
    test_at, dev_at = md.index("## test: held apart (1 document)"), md.index("## dev: in-sample (1 document)")
    assert test_at < dev_at
    assert "| metric | micro | macro | target | met |" in md
    assert "| indicators.f1 | 0.500 | 0.500 | 0.900 | no |" in md[test_at:dev_at]
    assert "| indicators.f1 | 1.000 | 1.000 | 0.900 | yes |" in md[dev_at:]
    page = to_html(split_run(DEGRADED, PERFECT))
    assert page.index("id=split-test") < page.index("id=split-dev") and "in-sample" in page
    term = headline(split_run(DEGRADED, PERFECT))
    assert term.index("test: held apart") < term.index("dev: in-sample")


def test_each_split_is_compared_with_its_own_baseline() -> None:
    run = split_run(DEGRADED, PERFECT)
    baselines = {"test": split_run(PERFECT, PERFECT)["splits"]["test"], "dev": run["splits"]["dev"]}
    md = to_markdown(run, baselines)
    test_part, dev_part = md.split("## dev: in-sample")
    assert "| indicators.f1 | 0.500 | 0.500 | 0.900 | no | 1.000 | -0.500 |" in test_part
    assert "| indicators.f1 | 1.000 | 1.000 | 0.900 | yes | 1.000 | +0.000 |" in dev_part


def test_a_regression_on_test_fails_even_when_dev_improves() -> None:
    before = split_run(PERFECT, DEGRADED)
    after = split_run(DEGRADED, PERFECT)
    problems = check_run_gates(after, {}, before["splits"], 0.0)
    assert problems and all(p.startswith("test: ") for p in problems)
    assert any(p.startswith("test: indicators.f1 moved from 1.000 to 0.500") for p in problems)
    assert check_run_gates(before, {}, before["splits"], 0.0) == []
    with pytest.raises(GateFailed, match=r"test: indicators\.f1"):
        enforce_gates(after, {}, before, 0.0)  # a whole run works as the baselines too


def test_split_prefixed_gates_and_missing_baselines() -> None:
    run = split_run(DEGRADED, DEGRADED)
    gates = parse_fail_under(["test:indicators.f1=0.9", "tasks.f1=0.5"])
    problems = check_run_gates(run, gates)
    assert problems == ["test: indicators.f1 = 0.500, under the required 0.900"]  # dev is not held to it
    both = check_run_gates(run, parse_fail_under(["indicators.f1=0.9"]))
    assert [p.split(":")[0] for p in both] == ["test", "dev"]
    assert check_run_gates(run, parse_fail_under(["holdout:indicators.f1=0.1"])) == [
        "holdout:indicators.f1: split holdout was not scored in this run"
    ]
    with pytest.raises(EvalError, match="no baseline for split dev"):
        check_run_gates(run, {}, {"test": run["splits"]["test"]}, 0.0)
    with pytest.raises(ConfigError):
        parse_fail_under(["test:=0.5"])


def test_a_baseline_of_other_documents_fails_until_refreshed() -> None:
    run = split_run(PERFECT, PERFECT)
    other = split_run(summary_json(GOLD_INDS, name="other.txt"), PERFECT)
    problems = check_run_gates(run, {}, other["splits"], 0.0)
    assert len(problems) == 1 and problems[0].startswith("test: scored on other documents than its baseline")
    assert "new: <b>doc</b>.txt" in problems[0] and "gone: other.txt" in problems[0]


def test_baseline_form_keeps_figures_and_drops_item_notes() -> None:
    base = baseline_form(DEGRADED)
    assert metrics(base) == metrics(DEGRADED)
    assert all("misses" not in d and "false_positives" not in d and "types" in d for d in base["documents"])
    assert DEGRADED["documents"][0]["misses"]  # the summary itself is left alone


def test_compare_goes_split_by_split() -> None:
    table = compare(split_run(PERFECT, PERFECT), split_run(DEGRADED, PERFECT), labels=("main", "branch"))
    assert table.index("## test") < table.index("## dev")
    assert "| indicators.f1 | 1.000 | 0.500 | -0.500 |" in table.split("## dev")[0]
