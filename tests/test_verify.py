"""`--verify rules`: LLM items flagged where the rules backend, run on the same prepared text,
disagrees (`backends_disagree`) or found nothing (`not_in_rules`). The LLM side is a FakeClient
(no server) except for the `llmx run` test, which goes through the loopback server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import Settings, resolve
from llmx.contract import Comparison, Extractor, Indicator, Limitation, ReportDocument, Source, Task
from llmx.errors import ConfigError
from llmx.llm.fake import FakeClient, FakeRequest
from llmx.pipeline import extract_document
from llmx.run import RunOptions, run
from llmx.verify import DISAGREE, NOT_IN_RULES, check_items, cross_check
from tests.conftest import llm_settings
from tests.test_llm_extract import REPORT

REVENUE = "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán"
RICE = "Diện tích gieo cấy lúa xuân 612,7 ha"
RESOLUTION = "Nghị quyết số 04-NQ/ĐU ngày 30/12/2022"
TASK = "Tập trung chỉ đạo thu ngân sách đạt kế hoạch đề ra."


def answer(request: FakeRequest) -> dict:
    """A model that agrees with the rules on the revenue, leaves out the rice figure's % of plan,
    reads a resolution number as a figure, and gets the reference and the task right."""
    answer: dict = {}
    if TASK in request.user:  # section@v2 packs every section into one request; v1 asked per role
        answer["tasks"] = [{"text": TASK}]
    if REVENUE in request.user:
        vs_estimate = {"basis": "budget_estimate", "basis_text": "dự toán", "relation": "ratio", "pct": 8.4}
        answer["indicators"] = [
            {"quote": REVENUE, "name": "Tổng thu NSNN", "value": 88.8, "unit": "tỷ đồng", "comparisons": [vs_estimate]},
            {"quote": RICE, "name": "Diện tích gieo cấy lúa xuân", "value": 612.7, "unit": "ha"},
            {"quote": "Nghị quyết số 04-NQ/ĐU", "name": "Nghị quyết", "value": 4},
        ]
        answer["references"] = [
            {"quote": RESOLUTION, "doc_type": "nghị quyết", "number": "04-NQ/ĐU", "date": "2022-12-30"}
        ]
    return answer


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "an-hoa-2023-02.txt"
    path.write_text(REPORT.format(marker=""), encoding="utf-8")
    return path


def test_llm_items_are_flagged_where_the_rules_disagree_or_saw_nothing(report: Path) -> None:
    settings = Settings(backend="llm", model="fake", verify="rules")
    doc = extract_document(report, settings, client=FakeClient(respond=answer))
    flags = {i.quote: i.flags for i in doc.indicators}
    assert flags[REVENUE] == []  # same value, unit and comparison as the rules
    assert flags[RICE] == [DISAGREE]  # the rules also read "đạt 99,65% so với KH"
    # the LLM path's own flags stay beside the verdict (a count with no unit)
    assert flags["Nghị quyết số 04-NQ/ĐU"] == ["unit_missing", NOT_IN_RULES]
    assert [r.flags for r in doc.references] == [[]] and [t.flags for t in doc.tasks] == [[]]
    assert doc.extractor.verify is not None
    counts = doc.extractor.verify.counts["indicators"]
    assert (counts.checked, counts.agree, counts.disagree, counts.not_in_rules) == (3, 1, 1, 1)
    assert counts.rules_only == 2  # "mới đạt 12% kế hoạch" and "350 người": the model left them out
    plain = extract_document(report, Settings(backend="llm", model="fake"), client=FakeClient(respond=answer))
    assert plain.extractor.verify is None
    assert all(NOT_IN_RULES not in i.flags and DISAGREE not in i.flags for i in plain.indicators)


def _ind(id: str, start: int, end: int, **kw: object) -> Indicator:
    return Indicator(id=id, name="x", quote="x" * (end - start), start=start, end=end, **kw)  # type: ignore[arg-type]


def test_agreement_means_value_unit_target_and_comparisons() -> None:
    pct = [Comparison(basis="plan", basis_text="KH", relation="ratio", pct=99.65)]
    rules = [_ind("r1", 0, 20, value=612.7, unit="ha", comparisons=pct, target=615)]
    same = _ind("a", 5, 25, value=612.7, unit="HA", comparisons=pct, target=615)
    cases = {
        "same": (same, []),
        "unit": (same.model_copy(update={"unit": "tấn"}), [DISAGREE]),
        "target": (same.model_copy(update={"target": None}), [DISAGREE]),
        "comparison": (same.model_copy(update={"comparisons": []}), [DISAGREE]),
        "elsewhere": (_ind("e", 30, 40, value=612.7, unit="ha"), [NOT_IN_RULES]),
    }
    for label, (item, expected) in cases.items():
        [out], _ = check_items([item], rules)
        assert out.flags == expected, label


def test_a_recheck_replaces_the_old_verdict_and_keeps_other_flags() -> None:
    rules = [_ind("r1", 0, 20, value=1)]
    old = _ind("a", 0, 20, value=1, flags=["unit_missing", NOT_IN_RULES])
    [out], counts = check_items([old], rules)
    assert out.flags == ["unit_missing"] and counts.agree == 1


def test_limitations_compare_kind_and_tasks_only_need_to_overlap() -> None:
    text = "Công tác thu còn chậm. Do thời tiết. Tập trung thu ngân sách."
    lim = Limitation(id="l1", text="Công tác thu còn chậm.", start=0, end=22)
    [flipped], _ = check_items([lim.model_copy(update={"kind": "cause"})], [lim])
    assert flipped.flags == [DISAGREE]
    task = Task(id="t1", text="Tập trung thu ngân sách.", start=37, end=len(text))
    [found], _ = check_items([task], [task.model_copy(update={"start": 37, "end": 50})])
    [alone], counts = check_items([task], [])
    assert found.flags == [] and alone.flags == [NOT_IN_RULES] and counts.not_in_rules == 1


def test_cross_check_needs_one_text() -> None:
    def doc(text: str) -> ReportDocument:
        source = Source(path="r.txt", sha256="0" * 64, format="txt", chars=len(text))
        return ReportDocument(source=source, extractor=Extractor(backend="llm", llmx_version="0"), text=text)

    with pytest.raises(ValueError, match="same normalized text"):
        cross_check(doc("a"), doc("b"))
    assert cross_check(doc("a"), doc("a")).extractor.verify is not None


def test_verify_is_a_setting_that_needs_the_llm_backend() -> None:
    assert resolve(verify="rules", model="m", env={}).verify == "rules"
    assert resolve(model="m", env={"LLMX_VERIFY": "rules"}).verify == "rules"
    assert resolve(verify="none", model="m", env={"LLMX_VERIFY": "rules"}).verify is None
    with pytest.raises(ConfigError, match="cross-checks the LLM backend"):
        resolve(verify="rules", env={})
    with pytest.raises(ConfigError, match="only cross-check is `rules`"):
        resolve(verify="gold", model="m", env={})
    result = CliRunner().invoke(app, ["extract", "samples/2023-02-district-party-monthly.txt", "--verify", "rules"])
    assert result.exit_code == 3 and "cross-checks the LLM backend" in result.output


def test_llmx_run_verify_rules_cross_checks_every_report(rules_server, report: Path, tmp_path: Path) -> None:
    srv = rules_server()
    out = tmp_path / "out"
    options = RunOptions(out=out, tables=(), review=False, progress=False, cache=None)
    summary = run([str(report)], llm_settings(srv, verify="rules"), options)
    assert summary.complete
    doc = ReportDocument.model_validate_json((out / "reports" / f"{report.stem}.json").read_text(encoding="utf-8"))
    assert doc.extractor.verify is not None and doc.extractor.verify.counts["indicators"].checked == len(doc.indicators)
    assert json.loads((out / "run.json").read_text(encoding="utf-8"))["settings"]["verify"] == "rules"
