"""Gold loading, consistency checks, and re-anchoring after a normalizer change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from llmx.contract import Comparison, Extractor, Indicator, Reference, ReportDocument, Section, Source, Task
from llmx.errors import EvalError
from llmx.evaluation.gold import check_gold, load_gold, locate

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
