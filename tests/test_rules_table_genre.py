"""Table shapes met across the genre beyond the tuned reports (the survey pool): department score
sheets (`NHÓM CHỈ TIÊU | CHỈ SỐ | ĐƠN VỊ | TỶ LỆ % | ĐIỂM ĐÁNH GIÁ`, an `Đơn vị` column of agencies,
not of units), tables whose rows are agencies, year columns beside their change, self-assessed vs
appraised scores and comparison columns named only by their meaning. Every figure is made up; the
expected indicators are what eval/LABELING.md "Tables" says a labeller records."""

from __future__ import annotations

from pathlib import Path

from tests.test_rules_table_shapes import by_name, comps, docx_report, table_items

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


def test_a_rate_of_change_column_beside_an_amount_of_change_compares_the_latest_year(tmp_path: Path) -> None:
    header = [["STT", "Nội dung", "ĐVT", "Năm 2024", "Năm 2025", "Chênh lệch", "Tỷ lệ tăng/giảm (%)"]]
    body = [["1", "Số hồ sơ tiếp nhận", "Hồ sơ", "1.200", "1.350", "150", "12,5"]]
    items = table_items(docx_report(tmp_path, header, body))
    latest = by_name(items, "Số hồ sơ tiếp nhận")
    assert (latest.value, latest.unit) == (1350, "hồ sơ")
    assert comps(latest) == [
        ("previous_period", "change", "Chênh lệch", None, 150),
        ("previous_period", "change", "Tỷ lệ tăng/giảm (%)", 12.5, None),
    ]
    assert latest.comparisons[0].amount_unit == "hồ sơ"
    assert by_name(items, "Số hồ sơ tiếp nhận - Năm 2024").value == 1200
    assert len(items) == 2  # the rate of change is no figure of its own


def test_a_signed_change_column_counts_its_amount_in_the_unit_of_the_row_and_a_rate_in_points(
    tmp_path: Path,
) -> None:
    header = [["STT", "Nội dung", "Năm 2024", "Năm 2025", "Tăng (+), giảm (-)"]]
    body = [["1", "Số doanh nghiệp thành lập mới", "120", "150", "+30"], ["2", "Tỷ lệ hộ nghèo", "3,5", "2,8", "-0,7"]]
    items = table_items(docx_report(tmp_path, header, body))
    firms = by_name(items, "Số doanh nghiệp thành lập mới")
    assert comps(firms) == [("previous_period", "change", "Tăng (+), giảm (-)", None, 30)]
    assert firms.comparisons[0].amount_unit == "doanh nghiệp"
    poor = by_name(items, "Tỷ lệ hộ nghèo")
    assert (poor.value, poor.unit) == (2.8, "%")
    assert comps(poor) == [("previous_period", "change", "Tăng (+), giảm (-)", -0.7, None)]  # points, as pct


def test_a_rate_column_after_a_count_is_the_counts_share_not_a_figure(tmp_path: Path) -> None:
    header = [["STT", "Nội dung", "Số lượng", "Tỷ lệ (%)"]]
    body = [["1", "Hồ sơ giải quyết đúng hạn", "950", "95"], ["2", "Hồ sơ quá hạn", "50", "5"]]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, comps(i)) for i in items] == [
        ("Hồ sơ giải quyết đúng hạn - Số lượng", 950, [("other", "ratio", "Tỷ lệ (%)", 95, None)]),
        ("Hồ sơ quá hạn - Số lượng", 50, [("other", "ratio", "Tỷ lệ (%)", 5, None)]),
    ]


def test_a_rate_beside_a_score_and_its_maximum_is_the_share_of_the_maximum(tmp_path: Path) -> None:
    header = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Tỷ lệ (%)"]]
    body = [["1", "Công tác chỉ đạo điều hành", "10", "9,5", "95"], ["2", "Cải cách thể chế", "8", "6", "75"]]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit, i.target, comps(i)) for i in items] == [
        ("Công tác chỉ đạo điều hành", 9.5, "điểm", 10, [("other", "ratio", "Tỷ lệ (%)", 95, None)]),
        ("Cải cách thể chế", 6, "điểm", 8, [("other", "ratio", "Tỷ lệ (%)", 75, None)]),
    ]


def test_an_appraised_score_is_the_value_compared_with_the_self_assessed_one(tmp_path: Path) -> None:
    header = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Chênh lệch"]]
    body = [["1", "Công tác chỉ đạo điều hành", "10", "9,5", "9", "-0,5"]]
    items = table_items(docx_report(tmp_path, header, body))
    appraised = by_name(items, "Công tác chỉ đạo điều hành")
    assert (appraised.value, appraised.unit, appraised.target) == (9, "điểm", 10)
    assert comps(appraised) == [("other", "change", "Chênh lệch", None, -0.5)]
    assert appraised.comparisons[0].amount_unit == "điểm"
    own = by_name(items, "Công tác chỉ đạo điều hành - Điểm tự đánh giá")
    assert (own.value, own.unit, own.target, own.comparisons) == (9.5, "điểm", 10, [])
    assert len(items) == 2


def test_a_leaf_header_straddling_two_groups_belongs_to_the_group_missing_it(tmp_path: Path) -> None:
    # Word's narrow phantom grid column: the second group's `Điểm số` spans the last grid column of the first
    header = [
        ["STT", "Nội dung", "Tỉnh A", "", "", "", "Tỉnh B", "", ""],
        ["", "", "Điểm số", "Chỉ số", "Thứ hạng", "Điểm số", "", "Chỉ số", "Thứ hạng"],
    ]
    body = [["1", "Cải cách thể chế", "9,38/ 10", "93,8%", "20/63", "8,9/ 10", "", "89,0%", "48/63"]]
    merges = ((0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 5), (0, 6, 0, 8), (1, 5, 1, 6), (2, 5, 2, 6))
    items = table_items(docx_report(tmp_path, header, body, merges=merges))
    score = by_name(items, "Cải cách thể chế - Tỉnh B - Điểm số")
    assert (score.value, score.unit, score.target) == (8.9, "điểm", 10)
    assert comps(score) == [("other", "ratio", "Chỉ số", 89.0, None)]
    assert sorted(i.name for i in items) == [
        "Cải cách thể chế - Tỉnh A - Thứ hạng",
        "Cải cách thể chế - Tỉnh A - Điểm số",
        "Cải cách thể chế - Tỉnh B - Thứ hạng",
        "Cải cách thể chế - Tỉnh B - Điểm số",
    ]


def test_a_telephone_column_is_no_figure(tmp_path: Path) -> None:
    header = [["STT", "Họ và tên", "Chức vụ", "Điện thoại"]]
    body = [
        ["1", "Nguyễn Văn A", "Phó Giám đốc Sở", "0357.668.668"],
        ["2", "Trần Thị B", "Chuyên viên", "0912.345.678"],
    ]
    assert table_items(docx_report(tmp_path, header, body)) == []


def _down(*cols: int) -> tuple[tuple[int, int, int, int], ...]:
    return tuple((0, c, 1, c) for c in cols)


def test_year_groups_over_a_count_and_its_rate_give_each_year_its_share_and_the_latest_the_change(
    tmp_path: Path,
) -> None:
    header = [
        ["STT", "Nội dung", "Năm 2024", "", "Năm 2025", "", "Tăng/giảm"],
        ["", "", "Số lượng", "Tỷ lệ (%)", "Số lượng", "Tỷ lệ (%)", ""],
    ]
    body = [["1", "Hồ sơ giải quyết đúng hạn", "900", "90", "1.100", "95,6", "200"]]
    merges = (*_down(0, 1, 6), (0, 2, 0, 3), (0, 4, 0, 5))
    items = table_items(docx_report(tmp_path, header, body, merges=merges))
    latest = by_name(items, "Hồ sơ giải quyết đúng hạn")
    assert latest.value == 1100
    assert comps(latest) == [
        ("previous_period", "change", "Tăng/giảm", None, 200),
        ("other", "ratio", "Tỷ lệ (%)", 95.6, None),
    ]
    before = by_name(items, "Hồ sơ giải quyết đúng hạn - Năm 2024 - Số lượng")
    assert (before.value, comps(before)) == (900, [("other", "ratio", "Tỷ lệ (%)", 90, None)])
    assert len(items) == 2


def test_a_so_sanh_group_over_two_measures_compares_each_measures_latest_figure(tmp_path: Path) -> None:
    header = [
        ["STT", "Loại tội phạm", "Năm 2024", "", "Năm 2025", "", "So sánh (%)", ""],
        ["", "", "Số vụ", "Số đối tượng", "Số vụ", "Số đối tượng", "Số vụ", "Số đối tượng"],
    ]
    body = [["1", "Tội phạm về ma túy", "40", "55", "36", "60", "90", "109,1"]]
    merges = (*_down(0, 1), (0, 2, 0, 3), (0, 4, 0, 5), (0, 6, 0, 7))
    items = table_items(docx_report(tmp_path, header, body, merges=merges))
    cases = by_name(items, "Tội phạm về ma túy - Số vụ")
    assert (cases.value, cases.unit, comps(cases)) == (
        36,
        "vụ",
        [("previous_period", "ratio", "So sánh (%)", 90, None)],
    )
    people = by_name(items, "Tội phạm về ma túy - Số đối tượng")
    assert (people.value, comps(people)) == (60, [("previous_period", "ratio", "So sánh (%)", 109.1, None)])
    assert by_name(items, "Tội phạm về ma túy - Năm 2024 - Số vụ").comparisons == []
    assert len(items) == 4  # the comparisons are no figures of their own


def test_a_change_column_naming_the_two_years_compares_the_latest_year(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "Năm 2023", "Năm 2024", "Năm 2025", "Tăng/giảm 2025 so với 2024"]]
    body = [["1", "Số vụ cháy", "12", "10", "7", "-3"]]
    items = table_items(docx_report(tmp_path, header, body))
    fires = by_name(items, "Số vụ cháy")
    assert (fires.value, fires.unit) == (7, "vụ")
    assert comps(fires) == [("previous_period", "change", "Tăng/giảm 2025 so với 2024", None, -3)]
    assert sorted(i.value for i in items) == [7, 10, 12]


def test_a_score_out_of_its_maximum_under_a_header_naming_both_is_a_value_not_a_plan(tmp_path: Path) -> None:
    header = [["STT", "Nội dung", "Điểm đạt/Điểm tối đa", "Tỷ lệ (%)"]]
    body = [["1", "Công khai minh bạch", "16/18", "88,9"], ["2", "Tiến độ giải quyết", "18/20", "90"]]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.value, i.unit, i.target, comps(i)) for i in items] == [
        (16, "điểm", 18, [("other", "ratio", "Tỷ lệ (%)", 88.9, None)]),
        (18, "điểm", 20, [("other", "ratio", "Tỷ lệ (%)", 90, None)]),
    ]


def test_self_assessed_and_appraised_scores_of_agencies_with_their_difference(tmp_path: Path) -> None:
    header = [["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Chênh lệch", "Xếp hạng"]]
    body = [["1", "Sở Tư pháp", "90,5", "88", "-2,5", "1"], ["2", "Sở Y tế", "85", "84,5", "-0,5", "2"]]
    items = table_items(docx_report(tmp_path, header, body))
    appraised = by_name(items, "Sở Tư pháp - Điểm thẩm định")
    assert (appraised.value, appraised.unit, comps(appraised)) == (
        88,
        "điểm",
        [("other", "change", "Chênh lệch", None, -2.5)],
    )
    assert by_name(items, "Sở Y tế - Điểm tự đánh giá").value == 85
    assert len(items) == 4  # a bare rank is an ordinal, the difference a comparison


def test_a_column_of_bodies_in_charge_is_neither_a_unit_nor_part_of_the_name(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "Cơ quan chủ trì", "Đơn vị tính", "Kế hoạch", "Thực hiện"]]
    body = [
        ["1", "Số doanh nghiệp thành lập mới", "Sở Tài chính", "Doanh nghiệp", "500", "420"],
        ["2", "Diện tích trồng rừng", "Sở Nông nghiệp và Môi trường", "Ha", "1.000", "950"],
    ]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit, i.target) for i in items] == [
        ("Số doanh nghiệp thành lập mới", 420, "doanh nghiệp", 500),
        ("Diện tích trồng rừng", 950, "ha", 1000),
    ]


def test_a_don_vi_column_of_places_is_whose_figures_they_are(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "Đơn vị", "Kết quả"]]
    body = [["1", "Số hộ thoát nghèo", "Xã An Bình", "35"], ["2", "Số hộ thoát nghèo", "Xã Hòa Lạc", "20"]]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit) for i in items] == [
        ("Xã An Bình - Số hộ thoát nghèo", 35, "hộ"),
        ("Xã Hòa Lạc - Số hộ thoát nghèo", 20, "hộ"),
    ]


def test_an_index_criteria_table_with_assessment_stages_and_an_unwritten_percent_share(tmp_path: Path) -> None:
    header = [
        ["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đánh giá thực tế", "", "", "Chỉ số"],
        ["", "", "", "Tự đánh giá", "Bộ đánh giá", "Điểm đạt được", ""],
    ]
    body = [
        ["1.", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", "9,5", "8,5", "8", "8", "84,21"],
        ["1.1.", "Thực hiện kế hoạch cải cách", "1,5", "1,5", "1", "1", "66,67"],
    ]
    merges = (*_down(0, 1, 2, 6), (0, 3, 0, 5))
    items = table_items(docx_report(tmp_path, header, body, merges=merges))
    final = by_name(items, "Thực hiện kế hoạch cải cách")
    assert (final.value, final.unit, final.target) == (1, "điểm", 1.5)
    assert comps(final) == [("other", "ratio", "Chỉ số", 66.67, None)]  # 1 of 1,5: the share, no `%` written
    own = by_name(items, "Thực hiện kế hoạch cải cách - Điểm đánh giá thực tế - Tự đánh giá")
    assert (own.value, own.unit, own.target, own.comparisons) == (1.5, "điểm", 1.5, [])
    assert len(items) == 6


def test_results_beside_a_points_maximum_are_points(tmp_path: Path) -> None:
    header = [["TT", "Nội dung", "Điểm chuẩn", "Kết quả tự chấm", "Kết quả thẩm định", "Chênh lệch"]]
    body = [["1", "Cải cách thủ tục hành chính", "12", "11,5", "10,75", "-0,75"]]
    items = table_items(docx_report(tmp_path, header, body))
    appraised = by_name(items, "Cải cách thủ tục hành chính")
    assert (appraised.value, appraised.unit, appraised.target) == (10.75, "điểm", 12)
    assert comps(appraised) == [("other", "change", "Chênh lệch", None, -0.75)]
    assert appraised.comparisons[0].amount_unit == "điểm"
    assert by_name(items, "Cải cách thủ tục hành chính - Kết quả tự chấm").unit == "điểm"


def test_a_column_that_says_how_to_score_holds_rules_not_figures(tmp_path: Path) -> None:
    header = [["STT", "Tiêu chí", "Cách chấm điểm", "Kết quả thực hiện"]]
    body = [
        [
            "1",
            "Công tác kiểm tra",
            "Từ 20% trở lên thì điểm đánh giá là 1 điểm; dưới 20% thì điểm đánh giá là 0 điểm.",
            "Trong năm đã kiểm tra 42/139 đơn vị, đạt 30,2% kế hoạch năm; các kết luận được công khai.",
        ],
        [
            "2",
            "Xử lý sau kiểm tra",
            "Xử lý 100% vấn đề phát hiện thì đạt 1 điểm; dưới 100% thì đạt 0 điểm.",
            "Ban hành 12 thông báo kết luận kiểm tra đúng thời hạn quy định.",
        ],
    ]
    doc = docx_report(tmp_path, header, body)
    assert sorted((i.value, i.target) for i in doc.indicators) == [(12, None), (42, 139)]


def test_status_columns_after_a_count_count_the_same_things(tmp_path: Path) -> None:
    header = [["STT", "Đơn vị", "Tổng số hồ sơ", "Đúng hạn", "Trễ hạn", "Tỷ lệ đúng hạn (%)"]]
    body = [["1", "UBND xã An Bình", "120", "118", "2", "98,3"], ["2", "UBND xã Hòa Lạc", "80", "76", "4", "95"]]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit) for i in items[:4]] == [
        ("UBND xã An Bình - Tổng số hồ sơ", 120, "hồ sơ"),
        ("UBND xã An Bình - Đúng hạn", 118, "hồ sơ"),
        ("UBND xã An Bình - Trễ hạn", 2, "hồ sơ"),
        ("UBND xã An Bình - Tỷ lệ đúng hạn (%)", 98.3, "%"),  # a named rate is a figure of its own
    ]


def test_a_label_repeated_beside_a_text_column_of_bodies_stays_the_label(tmp_path: Path) -> None:
    header = [["STT", "Chỉ tiêu", "Cơ quan thực hiện", "Kết quả"]]
    body = [
        ["1", "Số hồ sơ được số hóa", "Sở Tư pháp", "1.150"],
        ["2", "Số hồ sơ được số hóa", "Sở Nội vụ", "640"],
    ]
    items = table_items(docx_report(tmp_path, header, body))
    assert [(i.name, i.value, i.unit) for i in items] == [
        ("Sở Tư pháp - Số hồ sơ được số hóa", 1150, "hồ sơ"),
        ("Sở Nội vụ - Số hồ sơ được số hóa", 640, "hồ sơ"),
    ]
