"""Table shapes met across the genre beyond the tuned reports (the survey pool): department score
sheets (`NHÓM CHỈ TIÊU | CHỈ SỐ | ĐƠN VỊ | TỶ LỆ % | ĐIỂM ĐÁNH GIÁ`, an `Đơn vị` column of agencies,
not of units), tables whose rows are agencies, year columns beside their change, self-assessed vs
appraised scores and comparison columns named only by their meaning. Every figure is made up; the
expected indicators are what eval/LABELING.md "Tables" says a labeller records."""

from __future__ import annotations

from pathlib import Path

from tests.test_rules_table_shapes import comps, docx_report, table_items

_SCORE_SHEET = ["STT", "NHÓM CHỈ TIÊU", "CHỈ SỐ", "ĐƠN VỊ", "TỶ LỆ %", "ĐIỂM ĐÁNH GIÁ"]


def test_a_score_sheet_names_rows_by_the_specific_label_and_keeps_the_agency_out_of_the_unit(
    tmp_path: Path,
) -> None:
    body = [
        ["1", "Tổng hợp", "Điểm công khai minh bạch", "Sở Công Thương - Tỉnh An Bình", "100", "18 / 18"],
        ["2", "Tổng hợp", "Điểm tiến độ giải quyết", "", "85", "17 / 20"],
        ["3", "Tổng hợp", "Điểm số hóa hồ sơ", "", "50", "11 / 22"],
    ]
    items = table_items(docx_report(tmp_path, [_SCORE_SHEET], body, merges=((1, 3, 3, 3),)))
    assert [(i.name, i.value, i.unit, i.target) for i in items] == [
        ("Điểm công khai minh bạch", 18, "điểm", 18),
        ("Điểm tiến độ giải quyết", 17, "điểm", 20),
        ("Điểm số hóa hồ sơ", 11, "điểm", 22),
    ]
    assert comps(items[1]) == [("other", "ratio", "TỶ LỆ %", 85, None)]  # the score's share of its maximum


def test_a_score_sheet_of_rates_and_their_points_gives_the_rate_by_its_label_and_the_points_by_column(
    tmp_path: Path,
) -> None:
    body = [
        ["1", "Thanh toán trực tuyến", "Tỷ lệ hồ sơ thanh toán trực tuyến", "Sở Công Thương", "100", "6"],
        ["2", "Thanh toán trực tuyến", "Tỷ lệ thủ tục có giao dịch thanh toán trực tuyến", "", "88", "2"],
        ["3", "Thanh toán trực tuyến", "Kết quả xử lý hồ sơ thanh toán", "", "40", "1"],
    ]
    items = table_items(docx_report(tmp_path, [_SCORE_SHEET], body, merges=((1, 3, 3, 3),)))
    assert [(i.name, i.value, i.unit) for i in items] == [
        ("Tỷ lệ hồ sơ thanh toán trực tuyến", 100, "%"),
        ("Tỷ lệ hồ sơ thanh toán trực tuyến - ĐIỂM ĐÁNH GIÁ", 6, "điểm"),
        ("Tỷ lệ thủ tục có giao dịch thanh toán trực tuyến", 88, "%"),
        ("Tỷ lệ thủ tục có giao dịch thanh toán trực tuyến - ĐIỂM ĐÁNH GIÁ", 2, "điểm"),
        ("Kết quả xử lý hồ sơ thanh toán - TỶ LỆ %", 40, "%"),  # the label names neither: both by column
        ("Kết quả xử lý hồ sơ thanh toán - ĐIỂM ĐÁNH GIÁ", 1, "điểm"),
    ]
    assert all(i.comparisons == [] for i in items)  # 100% -> 6, 88% -> 2: no share of one maximum


def test_an_agency_column_that_changes_by_row_leads_the_name_and_is_never_a_unit(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "Đơn vị thực hiện", "Kế hoạch", "Thực hiện"]]
    body = [
        ["1", "Số hồ sơ số hóa", "Sở Tư pháp", "1.200", "1.150"],
        ["2", "Số hồ sơ số hóa", "UBND huyện Hòa Lạc", "800", "640"],
    ]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit, i.target) for i in items] == [
        ("Sở Tư pháp - Số hồ sơ số hóa", 1150, "hồ sơ", 1200),
        ("UBND huyện Hòa Lạc - Số hồ sơ số hóa", 640, "hồ sơ", 800),
    ]


def test_a_unit_column_headed_don_vi_still_gives_units(tmp_path: Path) -> None:
    header = [["STT", "Nội dung", "Đơn vị", "Kết quả"]]
    body = [["1", "Trồng rừng tập trung", "Ha", "120"], ["2", "Số hộ được hỗ trợ", "Hộ", "35"]]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.value, i.unit) for i in items] == [(120, "ha"), (35, "hộ")]
