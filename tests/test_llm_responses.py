"""Response validators: what the model is told when its answer is not grounded in the section."""

import json

import pytest
from pydantic import ValidationError

from llmx.llm.responses import IndicatorOut, ReportMetadata, SectionItems, vn_number

SECTION = (
    "Diện tích gieo cấy lúa xuân 6.128,7ha, đạt 99,65% so với KH. Sản lượng lúa ước 41.675 tấn.\n"
    "- Thực hiện Nghị quyết số 04-NQ/ĐU ngày 30/12/2022 của Đảng ủy xã."
)
CTX = {"section_text": SECTION}


def _indicator(**changes):
    item = {
        "quote": "Diện tích gieo cấy lúa xuân 6.128,7ha, đạt 99,65% so với KH",
        "name": "Diện tích gieo cấy lúa xuân",
        "value": 6128.7,
        "unit": "HA ",
        "comparisons": [{"basis": "plan", "basis_text": "KH", "relation": "ratio", "pct": 99.65}],
    }
    item.update(changes)
    return item


def _errors(data, context=CTX) -> str:
    with pytest.raises(ValidationError) as info:
        SectionItems.model_validate(data, context=context)
    return str(info.value)


def test_a_grounded_indicator_passes_and_its_unit_is_normalized():
    items = SectionItems.model_validate({"indicators": [_indicator()]}, context=CTX)
    assert items.indicators[0].unit == "ha" and items.indicators[0].comparisons[0].pct == 99.65


def test_a_quote_not_in_the_section_says_to_copy_it_exactly():
    message = _errors({"indicators": [_indicator(quote="Diện tích lúa xuân là 6.128,7 ha")]})
    assert "indicators.0" in message and "does not occur in the section text" in message
    assert "character for character" in message and "input_value" not in message


def test_a_value_not_written_in_the_quote_is_explained_the_vietnamese_way():
    message = _errors({"indicators": [_indicator(value=61287)]})
    assert "value 61287 must be written in the quote as 61.287" in message
    assert "'6.128,7' = 6128.7" in message  # what the quote does hold, as JSON numbers
    assert vn_number(6128.7) == "6.128,7" and vn_number(41675) == "41.675" and vn_number(-3.1) == "-3,1"


def test_comparison_numbers_and_targets_must_occur_in_the_quote():
    bad_pct = _indicator(comparisons=[{"basis": "plan", "basis_text": "KH", "relation": "ratio", "pct": 99.6}])
    assert "comparison pct 99.6 must be written in the quote as 99,6" in _errors({"indicators": [bad_pct]})
    assert "target 912" in _errors({"indicators": [_indicator(target=912)]})


def test_enums_and_dates_are_checked_with_the_allowed_values_in_the_message():
    bad_basis = _indicator(comparisons=[{"basis": "budget", "basis_text": "KH", "relation": "ratio", "pct": 99.65}])
    assert "'plan', 'budget_estimate', 'same_period', 'previous_period' or 'other'" in _errors(
        {"indicators": [bad_basis]}
    )
    assert "must be ISO" in _errors({"indicators": [_indicator(as_of="20/02/2023")]})


def test_task_limitation_and_reference_texts_must_occur_and_reference_numbers_sit_in_the_quote():
    assert "task text" in _errors({"tasks": [{"text": "Tổ chức tốt Tết Nguyên đán"}]})
    assert "limitation text" in _errors({"limitations": [{"text": "Còn chậm", "kind": "limitation"}]})
    ref = {
        "quote": "Nghị quyết số 04-NQ/ĐU ngày 30/12/2022",
        "doc_type": "Nghị quyết",
        "number": "05-NQ/ĐU",
        "date": "2022-12-30",
    }
    assert "reference number '05-NQ/ĐU' is not in its quote" in _errors({"references": [ref]})
    ok = SectionItems.model_validate({"references": [{**ref, "number": "04-NQ/ĐU"}]}, context=CTX)
    assert ok.references[0].doc_type == "nghị quyết"


def test_numbers_written_as_a_careful_reader_would_read_them_are_accepted():
    text = "Tiếp nhận đạt12.480 hồ sơ, tỷ lệ 97.6%; thu 6 tỷ 200 triệu đồng, gấp 2,5 lần cùng kỳ; 12.480 người"
    ctx = {"section_text": text}

    def ok(quote: str, **fields) -> bool:
        try:
            IndicatorOut.model_validate({"quote": quote, "name": "x", **fields}, context=ctx)
        except ValidationError:
            return False
        return True

    assert ok("Tiếp nhận đạt12.480 hồ sơ", value=12480)  # glued to the word before it
    assert ok("tỷ lệ 97.6%", value=97.6)  # '.' that cannot group thousands
    assert ok("thu 6 tỷ 200 triệu đồng", value=6.2, unit="tỷ đồng") and ok("thu 6 tỷ 200 triệu đồng", value=6200)
    gap = {"basis": "same_period", "basis_text": "cùng kỳ", "relation": "ratio", "pct": 250}
    assert ok("thu 6 tỷ 200 triệu đồng, gấp 2,5 lần cùng kỳ", value=6.2, comparisons=[gap])
    assert not ok("12.480 người", value=12.48)  # ambiguous: the Vietnamese reading only
    assert not ok("Tiếp nhận đạt12.480 hồ sơ", value=250)


def test_null_basis_text_and_months_are_read_as_unstated():
    unstated = {"basis": "same_period", "basis_text": None, "relation": "change", "pct": 99.65}
    item = IndicatorOut.model_validate(_indicator(comparisons=[unstated]), context=CTX)
    assert item.comparisons[0].basis_text == ""
    meta = ReportMetadata.model_validate({"period": {"label": "năm 2023", "kind": "year", "months": None}})
    assert meta.period is not None and meta.period.months == []


def test_messages_write_numbers_as_the_text_would_never_in_exponent_form():
    message = _errors(
        {"indicators": [_indicator(quote="thu 2,45 tỷ đồng", value=24500000.0, comparisons=[])]},
        {"section_text": "thu 2,45 tỷ đồng"},
    )
    assert "value 24500000 must be written in the quote as 24.500.000" in message
    assert "e+" not in message and "'2,45' = 2.45" in message


def test_copied_metadata_may_differ_in_case_spacing_and_tone_placement():
    source = {"source_text": "Số: 218 /BC-UBND\nNơi nhận:\n- Chủ tịch UBND tỉnh;\n- Phòng Văn hoá"}
    meta = ReportMetadata.model_validate(
        {"doc_number": "218/BC-UBND", "recipients": ["Chủ tịch UBND tỉnh", "phòng văn hóa"]}, context=source
    )
    assert meta.doc_number == "218/BC-UBND"


def test_without_a_context_the_quote_is_not_looked_up_but_its_numbers_still_are():
    assert IndicatorOut.model_validate(_indicator(quote="lúa xuân 6.128,7ha", comparisons=[])).value == 6128.7
    with pytest.raises(ValidationError, match=r"comparison pct 99\.65"):
        IndicatorOut.model_validate(_indicator(quote="lúa xuân 6.128,7ha"))


def test_the_schema_is_lean_no_ids_offsets_sectors_or_titles():
    schema = SectionItems.model_json_schema()
    text = json.dumps(schema)
    for absent in ('"id"', '"start"', '"end"', '"sector"', '"section_id"', '"default"'):
        assert absent not in text
    indicator = schema["$defs"]["IndicatorOut"]
    assert "title" not in indicator and all("title" not in p for p in indicator["properties"].values())
    assert indicator["properties"]["value"] == {"type": ["number", "null"]}
    assert schema["title"] == "SectionItems"  # instructor names the tool after it


def test_metadata_strings_copied_from_the_document_must_occur_in_it():
    source = {"source_text": "Số: 112-BC/HU\nBÁO CÁO\nKết quả công tác tháng 2\nNơi nhận:\n- Lưu VP."}
    ok = ReportMetadata.model_validate(
        {
            "title": "Kết quả công tác tháng 2",
            "doc_number": "112-BC/HU",
            "recipients": ["Lưu VP"],
            "period": {"label": "tháng 2", "kind": "month", "months": [2]},
        },
        context=source,
    )
    assert ok.period is not None and ok.period.months == [2]
    with pytest.raises(ValidationError, match="title 'Báo cáo tháng 3' does not occur"):
        ReportMetadata.model_validate({"title": "Báo cáo tháng 3"}, context=source)
    with pytest.raises(ValidationError, match="months must be numbers 1-12"):
        ReportMetadata.model_validate({"period": {"label": "x", "kind": "month", "months": [13]}})
