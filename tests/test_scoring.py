"""The scorer on small hand-made documents: every expected number is worked out by hand."""

from __future__ import annotations

import json
from typing import Any

import pytest

from llmx.contract import (
    Comparison,
    Extractor,
    Indicator,
    Limitation,
    Metadata,
    Period,
    Reference,
    ReportDocument,
    Section,
    Signer,
    Source,
    Task,
)
from llmx.evaluation.report import to_json
from llmx.evaluation.scoring import aggregate, doc_metrics, score_document
from llmx.evaluation.similarity import fold, numbers_equal, reference_key, sentence_around, token_f1

TEXT = (
    "I. KẾT QUẢ\n"
    "Diện tích gieo cấy lúa xuân 6.128,7ha, đạt 99,65% so với KH. "
    "Tổng thu NSNN là 88,8 tỷ đồng, tăng 3,9% so với cùng kỳ. "
    "Thực hiện Nghị quyết số 04-NQ/ĐU ngày 30/12/2022 của Đảng ủy xã.\n"
    "II. HẠN CHẾ\n"
    "Phong trào trồng cây nhân dân chưa đạt kế hoạch. Nguyên nhân do thời tiết bất lợi.\n"
    "III. NHIỆM VỤ\n"
    "Tập trung chỉ đạo sản xuất vụ mùa; đẩy mạnh thu ngân sách. Huyện ủy chỉ đạo rà soát hộ nghèo.\n"
)


def at(quote: str, text: str = TEXT) -> dict[str, Any]:
    start = text.index(quote)
    return {"start": start, "end": start + len(quote)}


def section(id: str, number: str, heading: str, role: str, end_marker: str | None) -> Section:
    start = TEXT.index(f"{number}. {heading}")
    end = TEXT.index(end_marker) if end_marker else len(TEXT)
    h = TEXT.index(heading, start)
    return Section(
        id=id,
        number=number,
        heading=heading,
        level=1,
        role=role,
        start=start,
        end=end,  # type: ignore[arg-type]
        heading_start=h,
        heading_end=h + len(heading),
    )


Q1 = "Diện tích gieo cấy lúa xuân 6.128,7ha, đạt 99,65% so với KH"
Q2 = "Tổng thu NSNN là 88,8 tỷ đồng, tăng 3,9% so với cùng kỳ"
QR = "Nghị quyết số 04-NQ/ĐU ngày 30/12/2022 của Đảng ủy xã"
L1, L2 = "Phong trào trồng cây nhân dân chưa đạt kế hoạch.", "Nguyên nhân do thời tiết bất lợi."
T1, T2 = "Tập trung chỉ đạo sản xuất vụ mùa; đẩy mạnh thu ngân sách.", "Huyện ủy chỉ đạo rà soát hộ nghèo."


def ind1(**kw: Any) -> Indicator:
    base = dict(
        id="i1",
        section_id="s1",
        name="Diện tích gieo cấy lúa xuân",
        value=6128.7,
        unit="ha",
        comparisons=[Comparison(basis="plan", basis_text="KH", relation="ratio", pct=99.65)],
        sector="agriculture",
        quote=Q1,
        **at(Q1),
    )
    return Indicator(**{**base, **kw})


def ind2(**kw: Any) -> Indicator:
    base = dict(
        id="i2",
        section_id="s1",
        name="Tổng thu NSNN",
        value=88.8,
        unit="tỷ đồng",
        comparisons=[Comparison(basis="same_period", basis_text="cùng kỳ", relation="change", pct=3.9)],
        sector="budget",
        quote=Q2,
        **at(Q2),
    )
    return Indicator(**{**base, **kw})


def gold_doc(**kw: Any) -> ReportDocument:
    base: dict[str, Any] = dict(
        source=Source(path="gold/x.txt", sha256="0" * 64, format="txt", chars=len(TEXT)),
        extractor=Extractor(backend="rules", llmx_version="0.1.0"),
        text=TEXT,
        metadata=Metadata(
            title="Báo cáo kết quả",
            doc_number="12/BC-ĐU",
            doc_symbol="BC-ĐU",
            issuer="Đảng ủy xã Xuân Phú",
            issuer_type="party_committee",
            admin_level="commune",
            locality="Xuân Phú",
            period=Period(label="6 tháng đầu năm 2023", kind="half_year", year=2023, months=[1, 2, 3, 4, 5, 6]),
            signer=Signer(name="Bùi Ánh Nguyệt", title="PHÓ BÍ THƯ", on_behalf_of="T/M ĐẢNG ỦY"),
            recipients=["Huyện ủy", "Lưu VP"],
        ),
        sections=[
            section("s1", "I", "KẾT QUẢ", "results", "II. "),
            section("s2", "II", "HẠN CHẾ", "limitations", "III. "),
            section("s3", "III", "NHIỆM VỤ", "tasks", None),
        ],
        indicators=[ind1(), ind2()],
        references=[
            Reference(
                id="r1",
                section_id="s1",
                doc_type="nghị quyết",
                number="04-NQ/ĐU",
                date="2022-12-30",
                issuer="Đảng ủy xã",
                quote=QR,
                **at(QR),
            )
        ],
        limitations=[
            Limitation(id="l1", section_id="s2", text=L1, kind="limitation", sector="agriculture", **at(L1)),
            Limitation(id="l2", section_id="s2", text=L2, kind="cause", sector="agriculture", **at(L2)),
        ],
        tasks=[
            Task(id="t1", section_id="s3", text=T1, sector="agriculture", **at(T1)),
            Task(id="t2", section_id="s3", text=T2, sector="labour_social", **at(T2)),
        ],
    )
    return ReportDocument(**{**base, **kw})


def m(pred: ReportDocument, gold: ReportDocument | None = None) -> dict[str, float]:
    return doc_metrics(score_document(pred, gold or gold_doc()))


def test_gold_fixture_is_grounded() -> None:
    from llmx.evaluation.gold import check_gold

    assert check_gold(gold_doc()) == []


def test_perfect_prediction_scores_one_everywhere() -> None:
    gold = gold_doc()
    score = score_document(gold.model_copy(deep=True), gold)
    got = doc_metrics(score)
    for t in ("indicators", "tasks", "limitations", "references", "sections"):
        assert got[f"{t}.f1"] == 1.0 and got[f"{t}.hallucination_rate"] == 0.0
    for k in (
        "indicators.comparisons.f1",
        "tasks.coverage.f1",
        "limitations.coverage.f1",
        "metadata.accuracy",
        "indicators.value_unit.accuracy",
        "indicators.name.similarity",
        "limitations.kind.accuracy",
        "sections.parent.accuracy",
        "sections.level.accuracy",
        "references.date.accuracy",
    ):
        assert got[k] == 1.0, k
    assert not score.misses and not score.false_positives and not score.mismatches


def test_missing_items_lower_recall_exactly() -> None:
    gold = gold_doc()
    pred = gold.model_copy(update={"indicators": [ind1()], "limitations": gold.limitations[:1]})
    score = score_document(pred, gold)
    got = doc_metrics(score)
    assert got["indicators.recall"] == 0.5 and got["indicators.precision"] == 1.0
    assert got["indicators.f1"] == pytest.approx(2 / 3)
    assert got["indicators.comparisons.recall"] == 0.5  # i2's comparison counts as missed
    assert got["limitations.recall"] == 0.5
    # coverage: l2's non-space characters are missed
    l2_chars = len("".join(L2.split()))
    cov = score.types["limitations"].sets["coverage"]
    assert (cov.fp, cov.fn) == (0, l2_chars)
    missed = {(n.type, n.id) for n in score.misses}
    assert missed == {("indicators", "i2"), ("limitations", "l2")}
    note = next(n for n in score.misses if n.id == "i2")
    assert note.text == Q2 and Q2 in note.sentence and note.sentence.startswith("Tổng thu NSNN")


def test_extra_items_lower_precision_and_count_as_hallucinations() -> None:
    gold = gold_doc()
    extra = Indicator(id="x1", name="Nghị quyết", value=4, quote="04-NQ/ĐU", **at("04-NQ/ĐU"))
    pred = gold.model_copy(update={"indicators": [*gold.indicators, extra]})
    score = score_document(pred, gold)
    got = doc_metrics(score)
    assert got["indicators.precision"] == pytest.approx(2 / 3) and got["indicators.recall"] == 1.0
    assert got["indicators.hallucination_rate"] == pytest.approx(1 / 3)
    assert [n.id for n in score.false_positives] == ["x1"]
    assert "Nghị quyết số 04-NQ/ĐU" in score.false_positives[0].sentence


def test_order_and_ids_do_not_matter() -> None:
    gold = gold_doc()
    renamed = {
        t: [x.model_copy(update={"id": f"p{k}"}) for k, x in enumerate(reversed(getattr(gold, t)))]
        for t in ("indicators", "tasks", "limitations", "references")
    }
    assert m(gold.model_copy(update=renamed)) == m(gold.model_copy(deep=True))


def test_near_miss_value_is_detected_but_wrong() -> None:
    gold = gold_doc()
    pred = gold.model_copy(update={"indicators": [ind1(value=6128.0), ind2()]})
    score = score_document(pred, gold)
    got = doc_metrics(score)
    assert got["indicators.f1"] == 1.0
    assert got["indicators.value_unit.accuracy"] == 0.5 and got["indicators.value.accuracy"] == 0.5
    assert got["indicators.unit.accuracy"] == 1.0
    assert [n.id for n in score.mismatches] == ["i1"] and "6128.0" in (score.mismatches[0].detail or "")


def test_number_equality_rules() -> None:
    assert not numbers_equal(6128.7, 6128.0)  # integral side -> exact
    assert not numbers_equal(41675, 41676)
    assert numbers_equal(453.06, 453.0600000001)
    assert numbers_equal(None, None) and not numbers_equal(None, 0)


def test_value_match_pairs_despite_shifted_span() -> None:
    gold = gold_doc()
    short = "6.128,7ha"  # only the number: overlap with the gold quote is small by IoU
    pred = gold.model_copy(update={"indicators": [ind1(quote=short, **at(short)), ind2()]})
    assert m(pred)["indicators.f1"] == 1.0


def test_tone_placement_folds_but_tones_do_not() -> None:
    assert fold("Huyện ủy") == fold("Huyện uỷ") == fold("HUYỆN ỦY")
    assert fold("hòa") == fold("hoà")
    assert fold("hóa") != fold("hoa") and fold("đà") != fold("da")
    assert token_f1("Huyện ủy Triệu Sơn", "huyện uỷ triệu sơn") == 1.0
    gold = gold_doc()
    pred_meta = gold.metadata.model_copy(update={"issuer": "Đảng uỷ xã Xuân Phú"})
    got = m(gold.model_copy(update={"metadata": pred_meta}))
    assert got["metadata.issuer.accuracy"] == 1.0


def test_tasks_split_differently_keep_coverage() -> None:
    gold = gold_doc()
    a, b = "Tập trung chỉ đạo sản xuất vụ mùa;", "đẩy mạnh thu ngân sách."
    pred_tasks = [Task(id="p1", text=a, **at(a)), Task(id="p2", text=b, **at(b)), gold.tasks[1]]
    got = m(gold.model_copy(update={"tasks": pred_tasks}))
    assert got["tasks.precision"] == pytest.approx(2 / 3) and got["tasks.recall"] == 1.0
    assert got["tasks.coverage.f1"] == 1.0  # only the space between the halves is uncovered


def test_references_match_on_normalized_number() -> None:
    assert reference_key("05 - CT/TW") == reference_key("05-ct/tw") == reference_key("số 05-CT/TW")
    gold = gold_doc()
    r = gold.references[0]
    assert (
        m(gold.model_copy(update={"references": [r.model_copy(update={"number": "04 - nq/đu"})]}))["references.f1"]
        == 1.0
    )
    got = m(gold.model_copy(update={"references": [r.model_copy(update={"number": "05-NQ/ĐU"})]}))
    assert got["references.precision"] == 0.0 and got["references.recall"] == 0.0
    got = m(gold.model_copy(update={"references": [r.model_copy(update={"issuer": None})]}))
    assert got["references.f1"] == 1.0 and got["references.issuer.accuracy"] == 0.0


def test_sections_fields() -> None:
    gold = gold_doc()
    secs = [
        gold.sections[0].model_copy(update={"level": 2, "parent_id": "s3", "role": "other"}),
        *gold.sections[1:],
    ]
    got = m(gold.model_copy(update={"sections": secs}))
    assert got["sections.f1"] == 1.0
    assert got["sections.level.accuracy"] == pytest.approx(2 / 3)
    assert got["sections.parent.accuracy"] == pytest.approx(2 / 3)
    assert got["sections.role.accuracy"] == pytest.approx(2 / 3)


def test_metadata_fields() -> None:
    gold = gold_doc()
    meta = gold.metadata.model_copy(
        update={
            "period": Period(label="6 tháng năm 2023", kind="half_year", year=2023, months=[6, 5, 4, 3, 2, 1]),
            "signer": Signer(name="Bùi Ánh Nguyệt", title="BÍ THƯ", on_behalf_of="T/M ĐẢNG ỦY"),
            "recipients": ["Huyện ủy"],
            "doc_number": None,
            "issue_date": "2023-06-20",
        }
    )
    score = score_document(gold.model_copy(update={"metadata": meta}), gold)
    f = score.metadata.fields
    assert f["period"].value == 1.0  # label wording ignored; kind, year, months agree
    assert f["signer"].value == pytest.approx(2 / 3)
    assert f["recipients"].value == pytest.approx(2 / 3)  # P=1, R=1/2
    assert f["doc_number"].value == 0.0 and f["issue_date"].value == 0.0
    assert f["next_period"].total == 0  # empty on both sides: not counted
    counted = [r for r in f.values() if r.total]
    assert score.metadata.accuracy == pytest.approx(sum(r.hits for r in counted) / len(counted))


def test_prediction_on_a_different_text_is_reanchored() -> None:
    gold = gold_doc()
    prefix = "BÁO CÁO\n"
    shifted = {
        t: [x.model_copy(update={"start": x.start + len(prefix), "end": x.end + len(prefix)}) for x in getattr(gold, t)]
        for t in ("indicators", "tasks", "limitations", "references", "sections")
    }
    for s in shifted["sections"]:
        s.heading_start, s.heading_end = s.heading_start + len(prefix), s.heading_end + len(prefix)  # type: ignore[operator]
    pred = gold.model_copy(update={"text": prefix + TEXT, **shifted})
    got = m(pred, gold)
    for t in ("indicators", "tasks", "limitations", "references", "sections"):
        assert got[f"{t}.f1"] == 1.0, t
    assert got["tasks.coverage.f1"] == 1.0


def test_aggregate_micro_and_macro() -> None:
    gold = gold_doc()
    perfect = score_document(gold.model_copy(deep=True), gold, name="a")
    partial = score_document(gold.model_copy(update={"indicators": [ind1()]}), gold, name="b")
    summary = aggregate([perfect, partial])
    micro = summary.micro["indicators"].detection
    assert (micro.tp, micro.fp, micro.fn) == (3, 0, 1) and micro.recall == 0.75
    assert summary.macro["indicators.f1"] == pytest.approx((1 + 2 / 3) / 2)
    assert summary.metadata.accuracy == 1.0
    data = to_json(summary)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["micro"]["indicators"]["detection"]["f1"] == pytest.approx(6 / 7)


def test_sentence_around() -> None:
    start = TEXT.index(Q2)
    assert sentence_around(TEXT, start, start + len(Q2)) == Q2 + "."
    assert sentence_around("abc", 0, 3) == "abc"
