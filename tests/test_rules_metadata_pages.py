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


def test_undated_headline_period_takes_its_year_from_the_lead_sentence() -> None:
    md = extract_metadata(
        "Hội nghị sơ kết công tác Đảng 6 tháng đầu năm\n\n"
        "Sáng ngày 10/7/2023, Ban Thường vụ Huyện ủy Krông Pa tổ chức hội nghị sơ kết công tác "
        "xây dựng Đảng 6 tháng đầu năm 2023 và triển khai nhiệm vụ 6 tháng cuối năm.\n\nKết nạp 30 đảng viên.\n"
    )
    assert md.period is not None and md.period.label == "6 tháng đầu năm 2023"
    assert md.next_period is not None and md.next_period.months == [7, 8, 9, 10, 11, 12]
    assert md.next_period.year == 2023
    assert md.issuer == "Ban Thường vụ Huyện ủy Krông Pa" and md.locality == "Krông Pa"


def test_headline_naming_only_the_next_month_takes_the_period_from_the_lead() -> None:
    md = extract_metadata(
        "Xã Hòa Bình triển khai nhiệm vụ tháng 9\n\n"
        "Ngày 3/9, UBND xã Hòa Bình tổ chức họp đánh giá tình hình kinh tế - xã hội tháng 8 và "
        "8 tháng năm 2024, triển khai nhiệm vụ tháng 9/2024.\n\nThu ngân sách 500 triệu đồng.\n"
    )
    assert md.period is not None and md.period.months == [8] and md.period.year == 2024
    assert md.next_period is not None and md.next_period.months == [9] and md.next_period.year == 2024
    assert md.issue_date == "2024-09-03"
    assert md.issuer == "UBND xã Hòa Bình" and md.admin_level == "commune"


def test_a_news_agency_tag_before_the_date_does_not_hide_it() -> None:
    md = extract_metadata(
        "Đảng bộ xã Tân Lập sơ kết 9 tháng năm 2022\n\n(Tin tức) - Ngày 5/10/2022, Đảng ủy xã Tân Lập tổ chức "
        "hội nghị sơ kết 9 tháng, triển khai nhiệm vụ 3 tháng cuối năm 2022.\n\nKết nạp 5 đảng viên.\n"
    )
    assert md.issue_date == "2022-10-05" and md.issue_date_source == "body"
    assert md.next_period is not None and md.next_period.months == [10, 11, 12]
