"""Gold loading, consistency checks, and re-anchoring after a normalizer change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.contract import (
    Comparison,
    Extractor,
    Indicator,
    Proposal,
    Reference,
    ReportDocument,
    Section,
    Source,
    Task,
)
from llmx.errors import EvalError
from llmx.evaluation.gold import check_gold, load_gold, load_gold_file, locate, relocated_json

TEXT = (
    "1. Nông nghiệp\n"
    "Diện tích gieo cấy 927/912 ha, đạt 101,6% KH. "
    "Thực hiện Kế hoạch số 31-KH/HU, ngày 09/02/2023.\n"
    "2. Nhiệm vụ\n"
    "Chăm sóc lúa vụ mùa.\n"
)
QI = "Diện tích gieo cấy 927/912 ha, đạt 101,6% KH"
QR = "Kế hoạch số 31-KH/HU, ngày 09/02/2023"
QT = "Chăm sóc lúa vụ mùa."


def at(quote: str, text: str = TEXT) -> dict[str, Any]:
    start = text.index(quote)
    return {"start": start, "end": start + len(quote)}


def gold(**kw: Any) -> ReportDocument:
    s2 = TEXT.index("2. Nhiệm vụ")
    base: dict[str, Any] = dict(
        source=Source(path="r.txt", sha256="0" * 64, format="txt", chars=len(TEXT)),
        extractor=Extractor(backend="rules", llmx_version="0.1.0"),
        text=TEXT,
        sections=[
            Section(
                id="s1",
                number="1",
                heading="Nông nghiệp",
                level=1,
                role="results",
                start=0,
                end=s2,
                heading_start=3,
                heading_end=14,
            ),
            Section(id="s2", number="2", heading="Nhiệm vụ", level=1, role="tasks", start=s2, end=len(TEXT)),
        ],
        indicators=[
            Indicator(
                id="i1",
                section_id="s1",
                name="Diện tích gieo cấy",
                value=927,
                unit="ha",
                target=912,
                comparisons=[Comparison(basis="plan", basis_text="KH", relation="ratio", pct=101.6)],
                quote=QI,
                **at(QI),
            )
        ],
        references=[
            Reference(
                id="r1",
                section_id="s1",
                doc_type="kế hoạch",
                number="31-KH/HU",
                date="2023-02-09",
                quote=QR,
                **at(QR),
            )
        ],
        tasks=[Task(id="t1", section_id="s2", text=QT, **at(QT))],
    )
    return ReportDocument(**{**base, **kw})


def test_consistent_gold_passes() -> None:
    assert check_gold(gold()) == []


def test_load_gold_with_and_without_text(tmp_path: Path) -> None:
    data = gold().model_dump(mode="json")
    full = tmp_path / "a.json"
    full.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_gold(full) == gold()
    del data["text"]
    bare = tmp_path / "b.json"
    bare.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_gold(bare, text=TEXT) == gold()
    with pytest.raises(EvalError, match="no `text`"):
        load_gold(bare)


def test_load_gold_errors_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad\.json"):
        load_gold(bad)
    data = gold().model_dump(mode="json")
    data["indicators"][0]["sector"] = "finance"
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(EvalError, match=r"indicators\.0\.sector"):
        load_gold(wrong)
    with pytest.raises(EvalError, match="cannot read"):
        load_gold(tmp_path / "missing.json")


def test_offsets_values_and_comparisons_are_checked() -> None:
    g = gold()
    ind = g.indicators[0]
    broken = ind.model_copy(
        update={
            "start": ind.start + 1,
            "value": 928.0,
            "target": 900.0,
            "unit": "Ha",
            "comparisons": [Comparison(basis="plan", basis_text="KH", relation="ratio", pct=99.0)],
        }
    )
    errors = check_gold(g.model_copy(update={"indicators": [broken]}))
    text = "\n".join(errors)
    assert "indicator i1: text[" in text
    assert "indicator i1: value 928 is not written" in text
    assert "indicator i1: target 900 is not written" in text
    assert "indicator i1: comparison 1 pct 99 is not written" in text
    assert "indicator i1: unit 'Ha'" in text


def test_a_dot_decimal_value_is_written_in_its_quote_but_a_repaired_number_is_not() -> None:
    text = "1. Kết quả\nTỉnh đạt 84.86 điểm; thu 3.923.7448 tỷ đồng.\n"
    quote = "Tỉnh đạt 84.86 điểm"
    start = text.index(quote)
    ind = Indicator(
        id="i1",
        section_id="s1",
        name="Điểm của tỉnh",
        value=84.86,
        unit="điểm",
        sector="government",
        quote=quote,
        start=start,
        end=start + len(quote),
    )
    bad_q = "thu 3.923.7448 tỷ đồng"
    b = text.index(bad_q)
    repaired = ind.model_copy(
        update={"id": "i2", "value": 3923.7448, "unit": "tỷ đồng", "quote": bad_q, "start": b, "end": b + len(bad_q)}
    )
    sec = Section(
        id="s1",
        number="1",
        heading="Kết quả",
        level=1,
        role="results",
        start=0,
        end=len(text),
        heading_start=3,
        heading_end=10,
    )
    doc = gold().model_copy(
        update={
            "text": text,
            "sections": [sec],
            "indicators": [ind, repaired],
            "tasks": [],
            "references": [],
            "limitations": [],
            "proposals": [],
        }
    )
    doc.source.chars = len(text)
    errors = "\n".join(check_gold(doc))
    assert "indicator i1:" not in errors  # LABELING.md: a `.` that can only be a decimal mark is read
    assert "indicator i2: value 3923.74 is not written" in errors


def test_section_tree_is_checked() -> None:
    g = gold()
    s1, s2 = g.sections
    errors = check_gold(g.model_copy(update={"sections": [s1, s2.model_copy(update={"parent_id": "s9"})]}))
    assert any("section s2: parent s9 is unknown" in e for e in errors)
    errors = check_gold(g.model_copy(update={"sections": [s1, s2.model_copy(update={"parent_id": "s1"})]}))
    assert any("section s2: level 1, expected 2" in e for e in errors)
    assert any("section s2: span" in e and "outside parent s1" in e for e in errors)
    task = g.tasks[0].model_copy(update={"section_id": "s1"})
    assert any("task t1: outside its section s1" in e for e in check_gold(g.model_copy(update={"tasks": [task]})))


def test_locate_follows_a_normalizer_change() -> None:
    # the new normalizer keeps a title line and leaves `**` around one word of the indicator
    new_text = "BÁO CÁO\n" + TEXT.replace("gieo cấy", "gieo **cấy**")
    moved = locate(gold(), new_text)
    assert moved.text == new_text
    errors = check_gold(moved)
    assert errors == [], errors
    assert moved.indicators[0].quote == "Diện tích gieo **cấy** 927/912 ha, đạt 101,6% KH"
    assert moved.references[0].start == gold().references[0].start + len("BÁO CÁO\n") + 4
    assert moved.sections[0].heading_start == 3 + len("BÁO CÁO\n")
    assert not [p for p in moved.problems if p.stage == "locate"]


def test_locate_prefers_nearest_occurrence_and_reports_unplaced() -> None:
    text = QT + "\n" + TEXT  # the task's words now also occur at the very start
    g = gold().model_copy(update={"tasks": [gold().tasks[0], Task(id="t2", text="Không có ở đây.", start=0, end=15)]})
    moved = locate(g, text)
    assert moved.tasks[0].start == TEXT.index(QT) + len(QT) + 1  # near its old offset, not at 0
    assert [p.message for p in moved.problems if p.stage == "locate"] == [
        "task t2: 'Không có ở đây.' not found in the text"
    ]


QP = "Đề nghị UBND huyện hỗ trợ giống lúa"
TEXT_P = TEXT + QP + ".\n"


def gold_with_proposal() -> ReportDocument:
    g = gold(text=TEXT_P)
    s2 = g.sections[1].model_copy(update={"end": len(TEXT_P)})
    prop = Proposal(id="p1", section_id="s2", text=QP, addressee="UBND huyện", **at(QP, TEXT_P))
    return g.model_copy(update={"sections": [g.sections[0], s2], "proposals": [prop]})


def test_locate_re_anchors_proposals() -> None:
    new_text = "BÁO CÁO\n" + TEXT_P.replace("hỗ trợ", "hỗ  trợ")
    moved = locate(gold_with_proposal(), new_text)
    assert check_gold(moved) == [], check_gold(moved)
    assert moved.proposals[0].text == "Đề nghị UBND huyện hỗ  trợ giống lúa"
    assert moved.proposals[0].addressee == "UBND huyện"


def test_relocated_json_rewrites_only_what_moved() -> None:
    g = gold_with_proposal()
    raw = json.loads(g.model_dump_json(exclude={"text"}, exclude_defaults=True))
    raw = {"labeler_notes": ["a call I made"], "scope_sections": ["s1", "s2"], **raw}
    moved = locate(g, "BÁO CÁO\n" + TEXT_P)
    out = relocated_json(raw, moved)
    assert list(out) == list(raw)  # key order kept, gold-only fields kept
    assert out["labeler_notes"] == ["a call I made"] and out["scope_sections"] == ["s1", "s2"]
    assert out["proposals"][0]["start"] == g.proposals[0].start + len("BÁO CÁO\n")
    assert out["source"]["chars"] == len("BÁO CÁO\n" + TEXT_P)
    assert "flags" not in out["indicators"][0]  # fields left at their default stay unwritten
    assert raw["proposals"][0]["start"] == g.proposals[0].start  # the input is not modified


def test_scope_sections_are_loaded_checked_and_enforced(tmp_path: Path) -> None:
    data = gold().model_dump(mode="json")
    data["scope_sections"] = ["s2"]
    data["labeler_notes"] = ["only part II labelled"]
    path = tmp_path / "g.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = load_gold_file(path)
    assert loaded.scope_sections == ("s2",) and loaded.labeler_notes == ("only part II labelled",)
    assert loaded.doc == gold()
    errors = check_gold(loaded.doc, loaded.scope_sections)
    assert "indicator i1: outside scope_sections (not labelled there, not scored)" in errors
    assert not any(e.startswith("task t1") for e in errors)
    data["scope_sections"] = ["s2", "s7"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(EvalError, match="scope_sections names unknown section"):
        load_gold_file(path)


def test_gold_locate_command_keeps_notes_and_scope(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text("BÁO CÁO\n" + TEXT_P, encoding="utf-8")  # the text moved since labelling
    g = gold_with_proposal()
    data = json.loads(g.model_dump_json(exclude={"text"}, exclude_defaults=True))
    data["source"]["path"] = str(source)
    data = {"labeler_notes": ["note"], "scope_sections": ["s1", "s2"], **data}
    folder = tmp_path / "dev"
    folder.mkdir()
    path = folder / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["gold", "locate", str(path)])
    assert result.exit_code == 0, result.output
    out = json.loads(path.read_text(encoding="utf-8"))
    assert out["labeler_notes"] == ["note"] and out["scope_sections"] == ["s1", "s2"]
    assert out["proposals"][0]["start"] == g.proposals[0].start + len("BÁO CÁO\n")
    assert CliRunner().invoke(app, ["gold", "check", str(path)]).exit_code == 0
    # an item whose words are gone is named, left in place, and the exit code says so
    source.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["gold", "locate", str(path)])
    assert result.exit_code == 6 and "proposal p1" in result.output and "not found" in result.output


@pytest.fixture(scope="module")
def real_gold() -> list[tuple[dict[str, Any], ReportDocument]]:
    from llmx.evaluation.gold import read_gold_json
    from llmx.evaluation.runner import gold_cases, load_case

    return [(read_gold_json(c.gold_path), load_case(c)) for c in gold_cases()]


def test_locate_on_an_unchanged_text_changes_no_gold_file(real_gold) -> None:
    for raw, doc in real_gold:
        moved = locate(doc, doc.text)
        assert [p for p in moved.problems if p.stage == "locate"] == [], raw["source"]["path"]
        assert relocated_json(raw, moved) == {k: v for k, v in raw.items() if k != "text"}, raw["source"]["path"]


def test_locate_follows_text_inserted_before_and_inside_real_gold(real_gold) -> None:
    for raw, doc in real_gold:
        if not doc.sections:
            continue
        # a reader change: a line added at the top, and a heading's number glued differently
        cut = doc.sections[-1].start
        text = "Cổng thông tin điện tử\n" + doc.text[:cut] + "\n" + doc.text[cut:]
        moved = locate(doc, text)
        assert check_gold(moved) == [], (raw["source"]["path"], check_gold(moved)[:3])
        assert [p for p in moved.problems if p.stage == "locate"] == [], raw["source"]["path"]
