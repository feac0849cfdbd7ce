"""Comparisons in prose left after wave 11 (cmp12 battery): a change told in a sentence of its own that names
nothing or names the figure by one word, a list of named changes whose names add `đàn`, a comparison made for
two figures with `đều`, a plan in brackets before a bare `đạt X%`, a plan or estimate after an `x/y` form, the
earlier period's own change in brackets, multi-year periods and the southern `năm rồi`. Sentences invented."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators
from tests.comparison_rows import comparisons_by_value as _comparisons


def test_a_sentence_of_its_own_that_names_nothing_but_its_basis_compares_the_figure_before() -> None:
    for text, value, row in (
        (
            "Thu ngân sách đạt 56,8 tỷ đồng. So với dự toán, đạt 112%.",
            56.8,
            ("budget_estimate", "dự toán", "ratio", 112),
        ),
        (
            "Tổng mức bán lẻ hàng hóa đạt 2.460 tỷ đồng. So cùng kỳ tăng 11,2%.",
            2460,
            ("same_period", "cùng kỳ", "change", 11.2),
        ),
        (
            "Trong 9 tháng, Chi cục Thuế thu được 145,6 tỷ đồng. Đây là mức thu cao nhất từ trước đến nay, "
            "tăng 18% so với cùng kỳ.",
            145.6,
            ("same_period", "cùng kỳ", "change", 18),
        ),
    ):
        found = _comparisons(text)
        assert found[value] == [(*row, None, None)], text
        assert None not in found, text  # no value-less statement left over


def test_a_change_in_the_next_sentence_naming_the_figure_by_one_word_is_its_comparison() -> None:
    found = _comparisons(
        "Năm 2023, huyện thu hút 215.000 lượt khách du lịch. So với năm 2022, lượng khách tăng 25%. "
        "Toàn xã có 1.240 hộ chăn nuôi lợn với tổng đàn 12.600 con. So với cùng kỳ năm trước, tổng đàn tăng 8,5%."
    )
    assert found[215000] == [("previous_period", "năm 2022", "change", 25, None, None)]
    assert found[12600] == [("same_period", "cùng kỳ năm trước", "change", 8.5, None, None)]
    assert found[1240] == [] and None not in found
    # another word stays apart: `đàn dê` is not the `đàn trâu` before it
    apart = _comparisons("Đàn trâu hiện có 12.600 con. So với cùng kỳ, đàn dê tăng 3,1%.")
    assert apart[12600] == [] and apart[None] == [("same_period", "cùng kỳ", "change", 3.1, None, None)]


def test_an_anaphor_after_a_breakdown_compares_the_total_not_its_last_part() -> None:
    found = _comparisons(
        "Năm 2024, huyện giải quyết việc làm cho 2.350 lao động, trong đó xuất khẩu lao động 185 người. "
        "Kết quả này vượt 17,5% kế hoạch."
    )
    assert found[2350] == [("plan", "kế hoạch", "change", 17.5, None, None)]
    assert found[185] == []


def test_named_changes_after_a_list_of_herds_go_to_the_animals_they_name() -> None:
    found = _comparisons(
        "Tổng đàn gia súc, gia cầm: trâu 850 con; bò 1.240 con; lợn 6.500 con; gia cầm 45.000 con. "
        "So với cùng kỳ, đàn trâu giảm 3%, đàn bò tăng 5%, đàn lợn tăng 8%, gia cầm tăng 10%."
    )
    assert [found[v] for v in (850, 1240, 6500, 45000)] == [
        [("same_period", "cùng kỳ", "change", pct, None, None)] for pct in (-3, 5, 8, 10)
    ]
    assert None not in found


def test_deu_gives_the_same_comparison_to_each_figure_of_the_run_before_it() -> None:
    found = _comparisons("Diện tích lúa đông xuân 3.560 ha, ngô 820 ha, đều tăng 4% so với cùng kỳ.")
    assert found[3560] == found[820] == [("same_period", "cùng kỳ", "change", 4, None, None)]
    # without `đều` the comparison stays with the figure it follows
    alone = _comparisons("Diện tích lúa đông xuân 3.560 ha, ngô 820 ha, tăng 4% so với cùng kỳ.")
    assert alone[3560] == [] and alone[820] == [("same_period", "cùng kỳ", "change", 4, None, None)]


def test_a_plan_in_brackets_before_a_bare_ratio_makes_it_a_ratio_of_the_plan() -> None:
    (ind,) = find_indicators("Thành lập mới 45 doanh nghiệp (KH: 70 DN), đạt 64,3%.")
    assert (ind.value, ind.target) == (45, 70)
    assert [(c.basis, c.relation, c.pct) for c in ind.comparisons] == [("plan", "ratio", 64.3)]


def test_an_estimate_after_an_x_over_y_form_makes_its_ratio_one_of_the_estimate() -> None:
    (ind,) = find_indicators("Thu ngân sách trên địa bàn ước đạt 215,6 tỷ đồng/185 tỷ đồng dự toán, đạt 116,5%.")
    assert (ind.name, ind.value, ind.target) == ("Thu ngân sách trên địa bàn", 215.6, 185)
    assert [(c.basis, c.basis_text, c.pct) for c in ind.comparisons] == [("budget_estimate", "dự toán", 116.5)]


def test_the_earlier_periods_own_change_in_brackets_is_no_figure() -> None:
    found = _comparisons(
        "Giá trị sản xuất công nghiệp đạt 4.520 tỷ đồng, tăng 4,2% so với cùng kỳ năm 2023 (cùng kỳ tăng 3,1%)."
    )
    assert found == {4520: [("same_period", "cùng kỳ năm 2023", "change", 4.2, None, None)]}


def test_an_earlier_multi_year_period_is_the_previous_period() -> None:
    found = _comparisons(
        "Tổng vốn đầu tư giai đoạn 2021-2024 đạt 1.860 tỷ đồng, tăng 35% so với giai đoạn 2016-2020. "
        "Năm 2024, toàn huyện có 12 xã đạt chuẩn nông thôn mới nâng cao, gấp 3 lần so với nhiệm kỳ trước."
    )
    assert found[1860] == [("previous_period", "giai đoạn 2016-2020", "change", 35, None, None)]
    assert found[12] == [("previous_period", "nhiệm kỳ trước", "ratio", 300, None, None)]


def test_the_same_period_written_ck_with_its_year_or_nam_roi_keeps_those_words() -> None:
    found = _comparisons(
        "Sản lượng thóc 24.800 tấn, tăng 5,6% so với CK năm 2023. "
        "Doanh thu bán lẻ hàng hóa đạt 3.420 tỷ đồng, tăng 10% so cùng kỳ năm rồi."
    )
    assert found[24800] == [("same_period", "CK năm 2023", "change", 5.6, None, None)]
    assert found[3420] == [("same_period", "cùng kỳ năm rồi", "change", 10, None, None)]
    assert _comparisons("Số hộ nghèo 320 hộ, giảm 45 hộ so với năm rồi.")[320] == [
        ("previous_period", "năm rồi", "change", None, -45, "hộ")
    ]


def test_the_set_a_measure_is_taken_over_is_part_of_its_name_and_the_amount_is_the_figure() -> None:
    (ind,) = find_indicators(
        "Doanh thu của 4 chợ trên địa bàn đạt khoảng 120 tỷ đồng/năm, tăng khoảng 10% so với năm trước."
    )
    assert (ind.name, ind.value, ind.unit, ind.approx) == (
        "Doanh thu của 4 chợ trên địa bàn",
        120,
        "tỷ đồng/năm",
        "about",
    )
    assert [(c.basis, c.pct) for c in ind.comparisons] == [("previous_period", 10)]
    (capital,) = find_indicators("Tổng vốn đầu tư của 5 dự án là 1.250 tỷ đồng.")
    assert (capital.value, capital.unit) == (1250, "tỷ đồng")
    # a count whose clause reaches no amount of the measure stays a count
    assert [
        (i.value, i.unit) for i in find_indicators("Kiểm tra doanh thu của 15 hộ kinh doanh, phát hiện 3 hộ vi phạm.")
    ] == [
        (15, "hộ kinh doanh"),
        (3, "hộ"),
    ]


def test_a_planned_change_in_brackets_after_the_change_is_no_figure() -> None:
    found = _comparisons(
        "Tỷ lệ hộ nghèo cuối năm còn 1,95%, giảm 0,85 điểm phần trăm so với đầu năm (kế hoạch giảm 0,8%)."
    )
    assert found == {1.95: [("previous_period", "đầu năm", "change", -0.85, None, None)]}


def test_the_rate_the_earlier_period_reached_in_brackets_is_no_figure() -> None:
    found = _comparisons(
        "Tính đến ngày 15/11/2024, giải ngân vốn đầu tư công được 356,8 tỷ đồng, đạt 68,5% kế hoạch vốn năm 2024 "
        "(cùng kỳ năm 2023 đạt 62,4%)."
    )
    assert found == {356.8: [("plan", "kế hoạch vốn năm 2024", "ratio", 68.5, None, None)]}


def test_a_change_told_on_the_next_line_is_the_comparison_of_the_last_figure_before_it() -> None:
    found = _comparisons(
        "Năm 2024, doanh thu du lịch của huyện đạt 560 tỷ đồng.\n"
        "Con số này tăng 18% so với năm 2023 và vượt 12% kế hoạch.\n"
    )
    assert found == {
        560: [("previous_period", "năm 2023", "change", 18, None, None), ("plan", "kế hoạch", "change", 12, None, None)]
    }
    bare = _comparisons(
        "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 320 tỷ đồng, đạt 108% dự toán tỉnh giao.\n"
        "So với cùng kỳ năm trước tăng 14,5%.\n"
    )
    assert bare[320][1:] == [("same_period", "cùng kỳ năm trước", "change", 14.5, None, None)]
    # a line that names what it measures after its figure is a statement of its own
    apart = _comparisons("- Có 100% cán bộ được bổ nhiệm đúng quy định.\n- Hoàn thành 100% kế hoạch đào tạo.\n")
    assert apart[100] == [] and apart[None] == [("plan", "kế hoạch", "ratio", 100, None, None)]


def test_a_line_of_named_changes_goes_to_the_figures_of_the_lines_before() -> None:
    found = _comparisons(
        "- Thu ngân sách: 45,6 tỷ đồng, đạt 56% dự toán.\n"
        "- Chi ngân sách: 38,2 tỷ đồng, đạt 48% dự toán.\n"
        "So với cùng kỳ, thu ngân sách tăng 12%, chi ngân sách tăng 8%.\n"
    )
    assert found[45.6][1:] == [("same_period", "cùng kỳ", "change", 12, None, None)]
    assert found[38.2][1:] == [("same_period", "cùng kỳ", "change", 8, None, None)]
    assert None not in found


def test_a_basis_written_in_the_first_bullet_holds_for_the_changes_of_the_bullets_after() -> None:
    found = _comparisons(
        "Tổng đàn gia súc, gia cầm trên địa bàn xã:\n"
        "- Đàn trâu: 1.250 con, giảm 3% so với cùng kỳ;\n"
        "- Đàn bò: 2.340 con, tăng 5%;\n"
        "- Đàn lợn: 8.560 con, tăng 7,2%.\n"
    )
    assert [found[v] for v in (1250, 2340, 8560)] == [
        [("same_period", "cùng kỳ", "change", pct, None, None)] for pct in (-3, 5, 7.2)
    ]


def test_cung_ki_spelled_with_i_and_so_sanh_voi_read_as_their_usual_forms() -> None:
    found = _comparisons(
        "Sản lượng thủy sản 2.450 tấn, tăng 5,2% so với cùng kì năm trước. "
        "Tổng thu ngân sách 56 tỷ đồng, so sánh với cùng kỳ tăng 12%."
    )
    assert found[2450] == [("same_period", "cùng kì năm trước", "change", 5.2, None, None)]
    assert found[56] == [("same_period", "cùng kỳ", "change", 12, None, None)]
    assert 12 not in found  # the change is no figure of its own


def test_an_estimate_written_before_the_y_of_an_x_over_y_form_is_its_target_and_basis() -> None:
    (ind,) = find_indicators("Tổng thu NSNN: 125,6 tỷ đồng/DT 110 tỷ đồng, đạt 114,2%.")
    assert (ind.name, ind.value, ind.unit, ind.target) == ("Tổng thu NSNN", 125.6, "tỷ đồng", 110)
    assert [(c.basis, c.basis_text, c.pct) for c in ind.comparisons] == [("budget_estimate", "DT", 114.2)]


def test_the_mean_of_the_same_period_a_year_before_is_the_same_period() -> None:
    (ind,) = find_indicators("Chỉ số giá tiêu dùng bình quân 9 tháng tăng 3,8% so với bình quân cùng kỳ năm 2023.")
    assert [(c.basis, c.basis_text, c.pct) for c in ind.comparisons] == [
        ("same_period", "bình quân cùng kỳ năm 2023", 3.8)
    ]


def test_changes_lan_luot_after_names_joined_by_va_are_the_value_less_changes_of_those_names() -> None:
    for text, basis in (
        ("Số vụ tai nạn giao thông và số người chết giảm lần lượt 2 vụ và 1 người so với cùng kỳ.", "cùng kỳ"),
        ("So với năm 2023, số vụ cháy và số người bị thương tăng lần lượt 3 vụ và 2 người.", "năm 2023"),
    ):
        rows = [
            (i.value, i.unit, [(c.basis_text, c.amount, c.amount_unit) for c in i.comparisons])
            for i in find_indicators(text)
        ]
        sign = -1 if "giảm" in text else 1
        first, second = (2, 1) if sign < 0 else (3, 2)
        assert rows == [
            (None, None, [(basis, sign * first, "vụ")]),
            (None, None, [(basis, sign * second, "người")]),
        ], text


def test_a_sentence_that_is_only_a_comparison_compares_the_figure_before() -> None:
    found = _comparisons(
        "Tổng kim ngạch xuất khẩu đạt 86 triệu USD. Bằng 102% so với cùng kỳ. "
        "Doanh thu đạt 450 tỷ đồng. Tăng 12% so với năm trước. Lợi nhuận đạt 45 tỷ đồng."
    )
    assert found == {
        86: [("same_period", "cùng kỳ", "ratio", 102, None, None)],
        450: [("previous_period", "năm trước", "change", 12, None, None)],
        45: [],
    }


def test_a_money_or_rate_anaphor_compares_the_figure_it_names_by_its_unit() -> None:
    found = _comparisons(
        "Ngân hàng đã giải ngân 125 tỷ đồng cho 2.450 hộ vay vốn. Số tiền này tăng 18 tỷ đồng so với năm trước. "
        "Toàn huyện có 2.345 hộ nghèo, chiếm 5,6%. Tỷ lệ này giảm 1,2% so với đầu năm."
    )
    assert found[125] == [("previous_period", "năm trước", "change", None, 18, "tỷ đồng")]
    assert found[2450] == [] and found[2345] == []
    assert found[5.6] == [("previous_period", "đầu năm", "change", -1.2, None, None)]
    assert None not in found


def test_a_later_change_of_a_so_voi_clause_may_name_its_figure_before_the_verb() -> None:
    found = _comparisons(
        "Năm 2024 xảy ra 3 vụ cháy, thiệt hại 450 triệu đồng; so với năm 2023 giảm 2 vụ, thiệt hại giảm 120 triệu đồng."
    )
    assert found == {
        3: [("previous_period", "năm 2023", "change", None, -2, "vụ")],
        450: [("previous_period", "năm 2023", "change", None, -120, "triệu đồng")],
    }
