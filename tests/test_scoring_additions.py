"""The scorer on the SPEC 1.1 additions and gold-only fields: proposals and their addressee,
metadata addressees and symbols, flags among right and wrong rows, and `scope_sections`."""

from __future__ import annotations

from typing import Any

import pytest

from llmx.contract import Indicator, Metadata, Proposal, Task
from llmx.evaluation.scoring import aggregate, doc_metrics, score_document
from llmx.evaluation.similarity import symbol_key
from tests.test_scoring import TEXT, at, gold_doc, ind1, ind2

P_TEXT = "Kính gửi UBND huyện. Đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trường học; bổ sung biên chế giáo viên."
PA, PB = "Đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trường học", "bổ sung biên chế giáo viên"


def with_proposals(**kw: Any):
    """The scoring fixture with a proposals paragraph appended after the task section."""
    text = TEXT + P_TEXT + "\n"
    base = gold_doc()
    s3 = base.sections[2].model_copy(update={"end": len(text)})

    def p(id: str, words: str, addressee: str | None) -> Proposal:
        start = text.index(words)
        return Proposal(id=id, section_id="s3", text=words, addressee=addressee, start=start, end=start + len(words))

    doc = base.model_copy(
        update={
            "text": text,
            "sections": [*base.sections[:2], s3],
            "proposals": [p("p1", PA, "UBND huyện"), p("p2", PB, "UBND huyện")],
            **kw,
        }
    )
    return doc, p


def test_proposals_are_scored_like_tasks_with_addressee_accuracy() -> None:
    gold, p = with_proposals()
    perfect = doc_metrics(score_document(gold.model_copy(deep=True), gold))
    assert perfect["proposals.f1"] == 1.0 and perfect["proposals.coverage.f1"] == 1.0
    assert perfect["proposals.addressee.accuracy"] == 1.0
    # one found (addressee written another way, same body after folding), one with the wrong body, one missed
    pred = gold.model_copy(update={"proposals": [p("x1", PA, "UBND Huyện"), p("x2", "bổ sung biên chế", "Sở Nội vụ")]})
    got = doc_metrics(score_document(pred, gold))
    assert got["proposals.f1"] == 1.0  # "bổ sung biên chế" lies inside p2: a match, coverage tells the rest
    assert got["proposals.addressee.accuracy"] == 0.5
    assert got["proposals.coverage.recall"] < 1.0 and got["proposals.coverage.precision"] == 1.0
    nothing = doc_metrics(score_document(gold.model_copy(update={"proposals": []}), gold))
    assert nothing["proposals.recall"] == 0.0 and "proposals.precision" not in nothing


def test_a_proposal_predicted_as_a_task_counts_against_both() -> None:
    gold, _ = with_proposals()
    as_task = Task(id="t9", text=PA, start=gold.text.index(PA), end=gold.text.index(PA) + len(PA))
    pred = gold.model_copy(update={"tasks": [*gold.tasks, as_task], "proposals": gold.proposals[1:]})
    got = doc_metrics(score_document(pred, gold))
    assert got["proposals.recall"] == 0.5 and got["tasks.precision"] == pytest.approx(2 / 3)


def test_metadata_addressees_and_symbol_spacing() -> None:
    gold = gold_doc()
    gold = gold.model_copy(
        update={"metadata": gold.metadata.model_copy(update={"addressees": ["UBND tỉnh", "Sở Công Thương"]})}
    )
    meta = gold.metadata.model_copy(update={"addressees": ["UBND tỉnh"], "doc_symbol": "BC - ĐU"})
    score = score_document(gold.model_copy(update={"metadata": meta}), gold)
    assert score.metadata.fields["addressees"].value == pytest.approx(2 / 3)
    assert score.metadata.fields["doc_symbol"].value == 1.0
    assert symbol_key("BC - SCT") == symbol_key("BC-SCT") == symbol_key("bc –  sct")
    assert symbol_key("BC/ UBND") == symbol_key("BC/UBND") != symbol_key("BC-UBND")
    empty = score_document(gold.model_copy(update={"metadata": Metadata()}), gold_doc())
    assert empty.metadata.fields["addressees"].total == 0  # empty on both sides: not counted


def test_flag_shares_say_whether_flags_point_at_wrong_rows() -> None:
    gold = gold_doc()
    wrong = ind1(value=6128.0, flags=["malformed_number"])
    extra_q = "Nghị quyết số 04-NQ/ĐU"
    extra = Indicator(id="x", name="Nghị quyết", value=4, quote=extra_q, flags=["name_fallback"], **at(extra_q))
    pred = gold.model_copy(update={"indicators": [wrong, ind2(), extra]})
    flags = score_document(pred, gold).types["indicators"].flags
    assert (flags["correct"].hits, flags["correct"].total) == (0, 1)
    assert (flags["disagreeing"].hits, flags["disagreeing"].total) == (1, 1)
    assert (flags["false_positives"].hits, flags["false_positives"].total) == (1, 1)
    pooled = aggregate([score_document(pred, gold), score_document(gold.model_copy(deep=True), gold)])
    assert pooled.micro["indicators"].flags["correct"].total == 3
    assert "indicators.flagged" not in " ".join(doc_metrics(score_document(pred, gold)))  # never a gated metric


def test_scope_sections_drop_items_outside_on_both_sides() -> None:
    gold = gold_doc()
    # only s3 (the task section) was labelled: gold has no indicators, and the predicted ones outside s3 do
    # not count as false positives; a predicted task inside s3 that gold lacks still does
    scoped_gold = gold.model_copy(update={"indicators": [], "references": [], "limitations": []})
    extra = "Huyện ủy chỉ đạo"
    pred = gold.model_copy(update={"tasks": [*gold.tasks, Task(id="t9", text=extra, **at(extra))]})
    score = score_document(pred, scoped_gold, scope=["s3"])
    got = doc_metrics(score)
    assert "indicators.f1" not in got and "references.f1" not in got and "limitations.f1" not in got
    assert got["tasks.recall"] == 1.0 and got["tasks.precision"] == pytest.approx(2 / 3)
    assert got["sections.f1"] == 1.0 and got["metadata.accuracy"] == 1.0  # always scored in full
    unscoped = doc_metrics(score_document(pred, scoped_gold))
    assert unscoped["indicators.precision"] == 0.0  # without a scope they are false positives
    # a gold item outside the scope is not scored either (not a miss)
    outside = doc_metrics(score_document(gold.model_copy(update={"tasks": [gold.tasks[0]]}), gold, scope=["s1"]))
    assert "tasks.f1" not in outside and outside["indicators.f1"] == 1.0


def test_under_a_scope_the_notes_name_the_items_in_scope_not_their_neighbours_in_the_full_list() -> None:
    gold = gold_doc()
    outside, extra = "Nguyên nhân do thời tiết bất lợi", "Huyện ủy chỉ đạo"  # a task in s2, and one in s3 gold lacks
    pred = gold.model_copy(
        update={
            "tasks": [Task(id="t8", text=outside, **at(outside)), gold.tasks[1], Task(id="t9", text=extra, **at(extra))]
        }
    )
    score = score_document(pred, gold, scope=["s3"])
    assert [(n.type, n.id, n.text) for n in score.false_positives] == [("tasks", "t9", extra)]
    assert [(n.type, n.id) for n in score.misses] == [("tasks", gold.tasks[0].id)]
    assert score.types["tasks"].flags["false_positives"].total == 1


def test_scope_spans_are_the_union_of_the_named_sections() -> None:
    gold = gold_doc()
    pred = gold.model_copy(update={"tasks": [gold.tasks[0]], "limitations": []})
    got = doc_metrics(score_document(pred, gold, scope=["s2", "s3"]))
    assert got["tasks.recall"] == 0.5 and got["limitations.recall"] == 0.0
    assert "indicators.f1" not in got and "references.f1" not in got  # s1 is out of scope


def test_a_table_row_pairs_predictions_by_value_not_by_the_shared_quote() -> None:
    row = "1 | Công tác chỉ đạo, điều hành | 9,49/ 9,5 | 99,9% | 12/63"
    text = TEXT + row + "\n"
    start = text.index(row)
    span = {"quote": row, "start": start, "end": start + len(row)}

    def cell(id: str, name: str, value: float, unit: str | None) -> Indicator:
        return Indicator(id=id, name=name, value=value, unit=unit, **span)

    base = gold_doc()
    gold = base.model_copy(
        update={
            "text": text,
            "indicators": [
                cell("g1", "Công tác chỉ đạo, điều hành - điểm", 9.49, "điểm"),
                cell("g2", "Công tác chỉ đạo, điều hành - xếp hạng", 12, "hạng"),
            ],
        }
    )
    pred = gold.model_copy(
        update={
            "indicators": [
                cell("p1", "Công tác chỉ đạo, điều hành", 99.9, "%"),
                cell("p2", "Công tác chỉ đạo, điều hành", 9.49, "điểm"),
            ],
        }
    )
    score = score_document(pred, gold)
    det = score.types["indicators"].detection
    assert (det.tp, det.fp, det.fn) == (1, 1, 1)  # 99,9% is not the rank on the same row
    assert doc_metrics(score)["indicators.value_unit.accuracy"] == 1.0
    assert [n.id for n in score.false_positives] == ["p1"] and [n.id for n in score.misses] == ["g2"]
