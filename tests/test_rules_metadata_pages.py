"""Metadata of web-page excerpts: no header block, so the headline and first sentences give the
issuer, locality, periods and date. All texts are invented."""

from __future__ import annotations

from llmx.rules.metadata import extract_metadata

MONTHLY_PAGE = """Đảng ủy xã Phú Lộc sơ kết công tác tháng 8 và 8 tháng năm 2023

Chiều 30/8, Đảng ủy xã Phú Lộc tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ \
tháng 8 và 8 tháng năm 2023, triển khai nhiệm vụ tháng 9.

Trong tháng, thu ngân sách đạt 1.200 triệu đồng, đạt 75% dự toán.

Nhiệm vụ tháng 9, tiếp tục chỉ đạo thu hoạch lúa hè thu.
"""

CAPS_HEADLINE_PAGE = """BAN THƯỜNG VỤ HUYỆN ỦY LONG HỒ SƠ KẾT 6 THÁNG ĐẦU NĂM 2022

Ngày 12/7/2022, Ban Thường vụ Huyện ủy Long Hồ đã tổ chức hội nghị sơ kết công tác \
xây dựng Đảng 6 tháng đầu năm.

Toàn huyện kết nạp 45 đảng viên, đạt 90% kế hoạch.
"""


def test_running_total_in_a_page_headline_is_not_the_next_period() -> None:
    md = extract_metadata(MONTHLY_PAGE)
    assert md.period is not None and md.period.months == [8] and md.period.year == 2023
    assert md.next_period is not None and md.next_period.months == [9] and md.next_period.year == 2023
    assert md.issue_date == "2023-08-30" and md.issue_date_source == "body"
    assert md.issuer == "Đảng ủy xã Phú Lộc" and md.admin_level == "commune"


def test_all_caps_page_headline_is_not_read_as_the_issuer_column() -> None:
    md = extract_metadata(CAPS_HEADLINE_PAGE)
    assert md.issuer == "Ban Thường vụ Huyện ủy Long Hồ"
    assert md.issuer_type == "party_committee" and md.admin_level == "district"
    assert md.locality == "Long Hồ"
    assert md.title == "BAN THƯỜNG VỤ HUYỆN ỦY LONG HỒ SƠ KẾT 6 THÁNG ĐẦU NĂM 2022"
    assert md.period is not None and md.period.label == "6 tháng đầu năm 2022"
    assert md.issue_date == "2022-07-12"


def test_party_committee_in_a_sentence_keeps_its_place_but_not_the_verb() -> None:
    md = extract_metadata("Hội nghị sơ kết quý I năm 2024\n\nSáng 5/4, Huyện ủy Tam Dương Tổ chức hội nghị.\n")
    assert md.issuer == "Huyện ủy Tam Dương"
