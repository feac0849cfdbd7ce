"""The metadata answer merged with the rules' metadata: what counts as a confident answer."""

import json

from llmx.contract import Metadata, Period, Signer
from llmx.llm.metadata import date_written, merge_metadata, named, salvage_metadata, written
from llmx.llm.responses_v2 import ReportMetadata

SOURCE = (
    "ỦY BAN NHÂN DÂN\nXÃ CẨM HÀ\nSố: 218 /BC-UBND\nCẩm Hà, ngày 24 tháng 6 năm 2022\nBÁO CÁO\n"
    "Kết quả thực hiện kế hoạch 6 tháng đầu năm 2022\nKính gửi: UBND huyện Cẩm Xuyên\n"
    "Nơi nhận:\n- Như trên;\n- Lưu VT.\nCHỦ TỊCH\nNguyễn Văn Hùng"
)


def test_a_value_is_written_up_to_case_spacing_tone_placement_and_abbreviations():
    assert written("UBND xã Cẩm Hà", SOURCE)  # ỦY BAN NHÂN DÂN / XÃ CẨM HÀ
    assert written("218/BC-UBND", SOURCE) and written("Uỷ ban nhân dân xã Cẩm Hà", SOURCE)
    assert not written("UBND xã Cẩm Xuyên", SOURCE) and not written("", SOURCE)
    header = "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 184 /BC-SNV"  # an issuer named from two header lines
    assert named("Sở Nội vụ tỉnh Lâm Đồng", header) and not named("Sở Nội vụ tỉnh Đắk Nông", header)


def test_a_date_is_grounded_by_a_date_expression_that_denotes_it():
    assert date_written("2022-06-24", SOURCE) and date_written("2022-06", SOURCE) and date_written("2022", SOURCE)
    assert date_written("2023-02-20", "đến 20/02/2023") and date_written("2023-05", "tháng 05/2023")
    assert not date_written("2022-06-25", SOURCE) and not date_written("24/06/2022", SOURCE)


def _answer(**fields) -> ReportMetadata:
    return ReportMetadata.model_validate(fields)


def test_a_grounded_answer_replaces_the_rules_guess_and_an_ungrounded_one_only_fills_gaps():
    rules = Metadata(issuer="Ủy ban nhân dân xã Cẩm Hà", issuer_type="other", locality="Hà", doc_symbol="BC-UBND")
    answer = _answer(
        issuer="UBND xã Cẩm Hà",
        issuer_type="peoples_committee",
        locality="Cẩm Hà",
        doc_symbol="BC/UB",  # not written: the rules' value stands
        issue_date="2022-06-24",
        signer={"name": "Nguyễn Văn Hùng", "title": "CHỦ TỊCH"},
        period={"label": "6 tháng đầu năm 2022", "kind": "half_year", "year": 2022, "months": [1, 2, 3, 4, 5, 6]},
        next_period={"label": "6 tháng cuối năm", "kind": "half_year", "year": 2022},  # not written, but new
    )
    merged, source = merge_metadata(rules, answer, SOURCE)
    assert (merged.issuer, merged.issuer_type, merged.locality) == ("UBND xã Cẩm Hà", "peoples_committee", "Cẩm Hà")
    assert merged.doc_symbol == "BC-UBND" and merged.issue_date == "2022-06-24"
    assert merged.signer == Signer(name="Nguyễn Văn Hùng", title="CHỦ TỊCH")
    assert merged.period is not None and merged.period.kind == "half_year"
    assert merged.next_period is not None and merged.next_period.label == "6 tháng cuối năm"
    assert source == "rules+llm"


def test_an_answer_that_only_says_less_keeps_the_rules_value_and_type_follows_the_issuer():
    rules = Metadata(issuer="UBND xã Cẩm Hà", issuer_type="peoples_committee", title="Kết quả thực hiện kế hoạch")
    answer = _answer(issuer="UBND xã", issuer_type="other", title="Kết quả thực hiện kế hoạch 6 tháng đầu năm 2022")
    merged, _ = merge_metadata(rules, answer, SOURCE)
    assert (merged.issuer, merged.issuer_type) == ("UBND xã Cẩm Hà", "peoples_committee")
    assert merged.title == "Kết quả thực hiện kế hoạch 6 tháng đầu năm 2022"  # says more: replaces


def test_no_answer_or_nothing_new_leaves_the_rules_metadata_as_it_was():
    rules = Metadata(title="Kết quả", period=Period(label="năm 2022", kind="year", year=2022))
    assert merge_metadata(rules, None, SOURCE) == (rules, "rules")
    assert merge_metadata(rules, _answer(title="Kết quả"), SOURCE) == (rules, "rules")
    assert merge_metadata(None, _answer(title="Kết quả"), SOURCE) == (Metadata(title="Kết quả"), "llm")


def test_a_failed_answer_keeps_each_field_and_list_entry_that_passes_on_its_own():
    raw = json.dumps(
        {
            "title": "Báo cáo không có trong văn bản",
            "doc_number": "218/BC-UBND",
            "issue_date": "24/06/2022",
            "recipients": ["Như trên", "Bộ Không Có"],
            "addressees": ["UBND huyện Cẩm Xuyên"],
            "period": {"label": "6 tháng đầu năm 2022", "kind": "half_year", "months": [1, 2, 3, 4, 5, 13]},
        },
        ensure_ascii=False,
    )
    kept = salvage_metadata(raw, {"source_text": SOURCE}, ReportMetadata)
    assert kept is not None
    assert kept.model_dump(exclude_defaults=True) == {
        "doc_number": "218/BC-UBND",
        "recipients": ["Như trên"],
        "addressees": ["UBND huyện Cẩm Xuyên"],
    }
    assert salvage_metadata("{not json", {"source_text": SOURCE}, ReportMetadata) is None
