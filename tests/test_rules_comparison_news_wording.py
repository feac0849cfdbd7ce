"""Comparisons in prose as web news and news-like reports word them (comps11): a manner word after the
verb (`giảm nhẹ`, `tăng mạnh`), a second comparison after `nhưng` or weighed by `chỉ`, `tăng gần gấp đôi`,
the same month of an earlier year as the same period, a clause `; so với kế hoạch, đạt ...`, and a change
told in the next sentence of the figure before it (`Con số này tăng ...`). Sentences invented."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators
from tests.comparison_rows import comparisons_by_value as _comparisons


def test_a_manner_word_after_the_verb_leaves_the_change_a_change() -> None:
    found = _comparisons(
        "Số thuê bao di động đạt 1,46 triệu thuê bao, tăng mạnh 18,2% so với cùng kỳ năm ngoái; "
        "doanh thu dịch vụ viễn thông đạt 612 tỷ đồng, giảm nhẹ 0,8% so với quý trước."
    )
    assert found[1.46] == [("same_period", "cùng kỳ năm ngoái", "change", 18.2, None, None)]
    assert found[612] == [("previous_period", "quý trước", "change", -0.8, None, None)]
    alone = _comparisons("Chỉ số giá sản xuất hàng nông sản quý III giảm nhẹ 2,4% so với quý trước.")
    assert alone[None] == [("previous_period", "quý trước", "change", -2.4, None, None)]


def test_a_second_comparison_after_nhung_or_weighed_by_chi_belongs_to_the_same_figure() -> None:
    found = _comparisons(
        "Kim ngạch nhập khẩu tháng 4 ước đạt 215 triệu USD, tăng 4,1% so với tháng trước nhưng giảm 6,3% "
        "so với cùng kỳ; thu ngân sách quý I đạt 842 tỷ đồng, giảm 3,2% so với cùng kỳ và chỉ đạt 18,4% dự toán năm."
    )
    assert found[215] == [
        ("previous_period", "tháng trước", "change", 4.1, None, None),
        ("same_period", "cùng kỳ", "change", -6.3, None, None),
    ]
    assert found[842] == [
        ("same_period", "cùng kỳ", "change", -3.2, None, None),
        ("budget_estimate", "dự toán năm", "ratio", 18.4, None, None),
    ]


def test_nearly_double_is_a_ratio_of_two_hundred_percent() -> None:
    found = _comparisons(
        "Số doanh nghiệp khoa học và công nghệ được chứng nhận là 27 doanh nghiệp, tăng gần gấp đôi so với năm 2024."
    )
    assert found[27] == [("previous_period", "năm 2024", "ratio", 200.0, None, None)]


def test_the_same_month_of_an_earlier_year_is_the_same_period() -> None:
    found = _comparisons(
        "Lượng khách lưu trú tháng 9 đạt 64.200 lượt, tăng 2,2% so với tháng 8/2026 và tăng 11,5% so với "
        "tháng 9/2025; doanh thu quý III đạt 318 tỷ đồng, tăng 7% so với quý III năm 2025."
    )
    assert found[64200] == [
        ("previous_period", "tháng 8/2026", "change", 2.2, None, None),
        ("same_period", "tháng 9/2025", "change", 11.5, None, None),
    ]
    assert found[318] == [("same_period", "quý III năm 2025", "change", 7.0, None, None)]
    # another month of an earlier year stays the period before
    other = _comparisons("Số vụ cháy tháng 9 là 3 vụ, giảm 2 vụ so với tháng 6/2025.")
    assert other[3] == [("previous_period", "tháng 6/2025", "change", None, -2.0, "vụ")]


def test_a_clause_opening_with_its_basis_after_a_semicolon_compares_the_figure_before() -> None:
    found = _comparisons("Toàn tỉnh đã cấp 9.350 thẻ bảo hiểm y tế cho người cận nghèo; so với kế hoạch, đạt 93,5%.")
    assert found[9350] == [("plan", "kế hoạch", "ratio", 93.5, None, None)]
    assert 93.5 not in found


def test_a_change_told_in_the_next_sentence_of_the_figure_before_is_its_comparison() -> None:
    text = (
        "Doanh thu bán lẻ hàng hóa quý II ước đạt 6.480 tỷ đồng. Con số này tăng 9,4% so với cùng kỳ năm 2025. "
        "Tổng đàn bò hiện có 41.300 con. So với cùng kỳ, đàn bò tăng 2,7%."
    )
    found = _comparisons(text)
    assert found[6480] == [("same_period", "cùng kỳ năm 2025", "change", 9.4, None, None)]
    assert found[41300] == [("same_period", "cùng kỳ", "change", 2.7, None, None)]
    assert None not in found  # no value-less statement left over
    quotes = [i.quote for i in find_indicators(text)]
    assert quotes[0].endswith("tăng 9,4% so với cùng kỳ năm 2025")


def test_a_change_of_another_quantity_or_another_period_in_the_next_sentence_stays_apart() -> None:
    found = _comparisons(
        "Đàn trâu hiện có 12.600 con. So với cùng kỳ, đàn dê tăng 3,1%. "
        "Kim ngạch xuất khẩu tháng 6 đạt 96 triệu USD. Kim ngạch xuất khẩu 6 tháng tăng 8,2% so với cùng kỳ."
    )
    assert found[12600] == [] and found[96] == []
    assert ("same_period", "cùng kỳ", "change", 3.1, None, None) in found[None]
    assert ("same_period", "cùng kỳ", "change", 8.2, None, None) in found[None]


def test_the_level_a_change_took_the_figure_to_is_its_value() -> None:
    found = _comparisons(
        "Doanh thu vận tải hành khách tăng 16% so với cùng kỳ, lên 1.870 tỷ đồng; "
        "tỷ lệ nợ xấu giảm 0,4 điểm phần trăm so với đầu năm, xuống còn 1,9%."
    )
    assert found[1870] == [("same_period", "cùng kỳ", "change", 16.0, None, None)]
    assert found[1.9] == [("previous_period", "đầu năm", "change", -0.4, None, None)]
    assert None not in found


def test_a_figure_at_a_level_o_muc_is_read_and_keeps_its_comparison() -> None:
    found = _comparisons("Tỷ lệ lạm phát cơ bản ở mức 3,1%, thấp hơn cùng kỳ 0,5 điểm phần trăm.")
    assert found[3.1] == [("same_period", "cùng kỳ", "change", -0.5, None, None)]


def test_tang_toi_and_a_restated_size_after_tuong_duong_tang_are_read() -> None:
    found = _comparisons(
        "Lượng hàng qua cảng cạn đạt 212.000 tấn, tăng tới 41% so với cùng kỳ; sản lượng mủ cao su đạt "
        "58.600 tấn, giảm 4,2% so với năm 2025, tương đương giảm 2.570 tấn."
    )
    assert found[212000] == [("same_period", "cùng kỳ", "change", 41.0, None, None)]
    assert found[58600] == [("previous_period", "năm 2025", "change", -4.2, -2570.0, "tấn")]


def test_the_actual_of_an_earlier_year_is_the_period_before() -> None:
    found = _comparisons("Tổng chi đầu tư phát triển đạt 3.460 tỷ đồng, tăng 8,7% so với thực hiện năm 2025.")
    assert found[3460] == [("previous_period", "thực hiện năm 2025", "change", 8.7, None, None)]


def test_an_earlier_figure_in_brackets_gives_the_basis_of_the_change_after_it_and_is_no_figure() -> None:
    found = _comparisons(
        "Số vụ ngộ độc thực phẩm là 6 vụ (cùng kỳ năm 2025: 9 vụ), giảm 33,3%; "
        "số người nhiễm HIV mới phát hiện 48 người (năm trước: 52 người)."
    )
    assert found[6] == [("same_period", "cùng kỳ năm 2025", "change", -33.3, None, None)]
    assert found[48] == []
    assert 9 not in found and 52 not in found  # the earlier figures are not indicators of this period


def test_half_again_and_a_multiple_without_lan_before_so_voi_are_ratios() -> None:
    found = _comparisons(
        "Số lượt khách tham quan bảo tàng đạt 38.000 lượt, tăng gấp rưỡi so với cùng kỳ; "
        "số hợp tác xã thành lập mới 24 hợp tác xã, tăng gấp 3 so với năm 2025."
    )
    assert found[38000] == [("same_period", "cùng kỳ", "ratio", 150.0, None, None)]
    assert found[24] == [("previous_period", "năm 2025", "ratio", 300.0, None, None)]


def test_a_second_basis_first_comparison_after_a_clause_change_is_the_same_figures() -> None:
    found = _comparisons(
        "Tổng doanh thu dịch vụ logistics ước đạt 3.120 tỷ đồng; so với cùng kỳ năm trước tăng 9%, "
        "so với kế hoạch đạt 71%."
    )
    assert found[3120] == [
        ("same_period", "cùng kỳ năm trước", "change", 9.0, None, None),
        ("plan", "kế hoạch", "ratio", 71.0, None, None),
    ]
    assert None not in found


def test_a_change_of_the_same_count_or_of_ket_qua_nay_joins_the_figure_before() -> None:
    found = _comparisons(
        "Toàn huyện có 286 tổ hợp tác, số tổ hợp tác giảm 14 tổ so với cuối năm 2025. "
        "Thu phí bảo vệ môi trường đạt 18,4 tỷ đồng. Kết quả này bằng 61% dự toán năm."
    )
    assert found[286] == [("previous_period", "cuối năm 2025", "change", None, -14.0, "tổ")]
    assert found[18.4] == [("budget_estimate", "dự toán năm", "ratio", 61.0, None, None)]
    assert None not in found


def test_a_change_of_another_count_in_the_same_unit_is_not_moved_to_the_figure_before() -> None:
    found = _comparisons("Toàn huyện có 1.460 hộ nghèo, số hộ cận nghèo giảm 72 hộ so với đầu năm.")
    assert found[1460] == []
    assert found[None] == [("previous_period", "đầu năm", "change", None, -72.0, "hộ")]


def test_a_sentence_opening_with_its_basis_and_a_colon_gives_it_to_the_named_changes() -> None:
    found = _comparisons(
        "So với cùng kỳ năm 2025: số vụ cháy rừng giảm 3 vụ, diện tích rừng bị thiệt hại giảm 12,4 ha, "
        "số vụ vi phạm lâm luật tăng 5 vụ."
    )
    assert sorted(found[None], key=str) == sorted(
        [
            ("same_period", "cùng kỳ năm 2025", "change", None, -3.0, "vụ"),
            ("same_period", "cùng kỳ năm 2025", "change", None, -12.4, "ha"),
            ("same_period", "cùng kỳ năm 2025", "change", None, 5.0, "vụ"),
        ],
        key=str,
    )


def test_a_basis_in_brackets_after_a_change_and_thi_after_a_basis_written_first() -> None:
    found = _comparisons(
        "Phát hiện 9 vụ buôn lậu, giảm 4 vụ (so cùng kỳ); doanh thu vận tải đạt 214 tỷ đồng, "
        "so với cùng kỳ năm trước thì tăng 6,6%."
    )
    assert found[9] == [("same_period", "cùng kỳ", "change", None, -4.0, "vụ")]
    assert found[214] == [("same_period", "cùng kỳ năm trước", "change", 6.6, None, None)]


def test_the_month_of_the_same_period_thang_cung_ky_is_the_same_period() -> None:
    found = _comparisons("Xảy ra 7 vụ tai nạn lao động, giảm 2 vụ so với tháng cùng kỳ.")
    assert found[7] == [("same_period", "tháng cùng kỳ", "change", None, -2.0, "vụ")]


def test_a_comparative_by_an_amount_in_the_next_sentence_joins_the_figure() -> None:
    found = _comparisons(
        "Trong quý, lượt hành khách qua bến xe đạt 42.600 lượt. Con số này thấp hơn 3.100 lượt so với quý trước."
    )
    assert found[42600] == [("previous_period", "quý trước", "change", None, -3100.0, "lượt")]


def test_nam_ngoai_after_so_voi_is_the_year_before() -> None:
    found = _comparisons("Lượng khách nội địa đạt 2,6 triệu lượt, tăng 7% so với năm ngoái.")
    assert found[2.6] == [("previous_period", "năm ngoái", "change", 7.0, None, None)]


def test_a_comparative_names_an_earlier_year_before_the_points_it_rose_by() -> None:
    found = _comparisons("Tỷ lệ lao động qua đào tạo có bằng cấp đạt 31,2%, cao hơn năm 2025 1,6 điểm phần trăm.")
    assert found[31.2] == [("previous_period", "năm 2025", "change", 1.6, None, None)]


def test_a_multiple_after_a_share_belongs_to_the_count_before_it() -> None:
    found = _comparisons(
        "Sản lượng điện gió đạt 212 triệu kWh, chiếm 9,4% tổng sản lượng điện, tăng gấp 1,7 lần cùng kỳ."
    )
    assert found[212] == [("same_period", "cùng kỳ", "ratio", 170.0, None, None)]
    assert found[9.4] == []
