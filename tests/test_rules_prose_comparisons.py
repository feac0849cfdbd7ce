"""Comparisons written in running text in the forms a survey of real reports turned up beyond the
battery of `test_rules_comparison_forms.py`: a comparison after the rest of the counted noun's words
(`... tài khoản cho cơ sở lưu trú (tăng 2.592 cơ sở so với tháng trước)`), the size of a change
restated in the other measure (`tăng 4,5% (tăng 108 tấn)`, `tăng 3 vụ = 25%`, `tăng 2 tỷ đồng,
tương đương 20%`), a change stated with no figure of its own (`Số hộ nghèo giảm 125 hộ so với đầu
năm`: value null, SPEC 4 as for `Tỷ lệ hộ nghèo giảm 1,76%`), and a `So với` sentence whose amounts
name what they count (`tăng 1 người chết, giảm 2 người bị thương`). Every sentence is invented for
this test. Each case lists every indicator the sentence must give (value, unit, comparisons): no
amount of a change may become an indicator of its own."""

from __future__ import annotations

import pytest

from llmx.contract import Indicator
from llmx.rules.indicators import find_indicators

Comp = tuple[str, str, str, float | None, float | None, str | None]
Want = tuple[float | None, str | None, list[Comp]]


def change(basis: str, words: str, pct: float | None, amount: float | None = None, unit: str | None = None) -> Comp:
    return (basis, words, "change", pct, amount, unit)


CASES: dict[str, tuple[str, list[Want]]] = {
    "change in parentheses after the counted noun's words": (
        "Đã cấp 5.120 tài khoản cho các hộ kinh doanh cá thể (tăng 1.340 hộ so với tháng trước).",
        [(5120, "tài khoản", [change("previous_period", "tháng trước", None, 1340, "hộ")])],
    ),
    "ratio after the counted noun's words and a comma": (
        "Có 14/18 thôn đạt chuẩn văn hóa, đạt 77,8% kế hoạch.",
        [(14, "thôn", [("plan", "kế hoạch", "ratio", 77.8, None, None)])],
    ),
    "amount in parentheses restates a change in percent": (
        "Sản lượng chè búp tươi 3.150 tấn, so với cùng kỳ tăng 6,2% (tăng 184 tấn).",
        [(3150, "tấn", [change("same_period", "cùng kỳ", 6.2, 184, "tấn")])],
    ),
    "signed amount in parentheses before the basis": (
        "Doanh thu bán lẻ 842 tỷ đồng, tăng 9,1% (+70 tỷ đồng) so với cùng kỳ.",
        [(842, "tỷ đồng", [change("same_period", "cùng kỳ", 9.1, 70, "tỷ đồng")])],
    ),
    "amount after a comma restates a change in percent": (
        "Diện tích lúa đông xuân 2.760 ha, giảm 3,5% so với cùng kỳ, giảm 100 ha.",
        [(2760, "ha", [change("same_period", "cùng kỳ", -3.5, -100, "ha")])],
    ),
    "percent after an equals sign restates a change by an amount": (
        "Phát hiện 16 vụ vi phạm về môi trường, so với cùng kỳ năm trước tăng 4 vụ = 33%.",
        [(16, "vụ", [change("same_period", "cùng kỳ năm trước", 33, 4, "vụ")])],
    ),
    "equals percent before the basis": (
        "Tiếp nhận 48 đơn kiến nghị, giảm 12 đơn = 20% so với cùng kỳ.",
        [(48, "đơn", [change("same_period", "cùng kỳ", -20, -12, "đơn")])],
    ),
    "tuong duong percent before the basis": (
        "Thu ngân sách xã 6,4 tỷ đồng, tăng 1,1 tỷ đồng, tương đương 20,8% so với cùng kỳ.",
        [(6.4, "tỷ đồng", [change("same_period", "cùng kỳ", 20.8, 1.1, "tỷ đồng")])],
    ),
    "tuong ung percent after the basis": (
        "Tổng dư nợ 915 tỷ đồng, tăng 61 tỷ đồng so với đầu năm, tương ứng tăng 7,1%.",
        [(915, "tỷ đồng", [change("previous_period", "đầu năm", 7.1, 61, "tỷ đồng")])],
    ),
    "a change by an amount with no figure of its own": (
        "Số hộ nghèo toàn xã giảm 38 hộ so với đầu năm.",
        [(None, None, [change("previous_period", "đầu năm", None, -38, "hộ")])],
    ),
    "a change by an amount with no figure of its own, against a named year": (
        "Số vụ cháy rừng giảm 3 vụ so với năm 2023.",
        [(None, None, [change("previous_period", "năm 2023", None, -3, "vụ")])],
    ),
    "so voi sentence amounts that name what they count": (
        "Xảy ra 9 vụ tai nạn giao thông, làm chết 5 người, bị thương 7 người; so với cùng kỳ tăng 2 vụ, "
        "tăng 1 người chết, giảm 3 người bị thương.",
        [
            (9, "vụ", [change("same_period", "cùng kỳ", None, 2, "vụ")]),
            (5, "người", [change("same_period", "cùng kỳ", None, 1, "người")]),
            (7, "người", [change("same_period", "cùng kỳ", None, -3, "người")]),
        ],
    ),
    "vuot then the basis then the percent": (
        "Kết nạp 30 đảng viên mới, vượt chỉ tiêu Nghị quyết 20%.",
        [(30, "đảng viên", [("plan", "chỉ tiêu Nghị quyết", "change", 20, None, None)])],
    ),
    "a second comparison after a semicolon, with no name of its own": (
        "Thu ngân sách xã 7,3 tỷ đồng, đạt 64% KH; tăng 9% CK.",
        [(7.3, "tỷ đồng", [("plan", "KH", "ratio", 64, None, None), change("same_period", "CK", 9)])],
    ),
    "bang N lan": (
        "Lượng khách đến tham quan 18.600 lượt, bằng 1,2 lần cùng kỳ.",
        [(18600, "lượt", [("same_period", "cùng kỳ", "ratio", 120, None, None)])],
    ),
    "nhieu hon and it hon are changes": (
        "Xảy ra 7 vụ cháy, ít hơn 2 vụ so với cùng kỳ.",
        [(7, "vụ", [change("same_period", "cùng kỳ", None, -2, "vụ")])],
    ),
    "equals sign in parentheses": (
        "Chi thường xuyên 26,4 tỷ đồng (= 48% dự toán).",
        [(26.4, "tỷ đồng", [("budget_estimate", "dự toán", "ratio", 48, None, None)])],
    ),
    "bases written as a point in time": (
        "Dư nợ cho vay hộ nghèo 312 tỷ đồng, tăng 6,4% so với 31/12/2024; huy động tiết kiệm 45 tỷ đồng, "
        "tăng 3 tỷ đồng so với thời điểm đầu năm; số tổ tiết kiệm 210 tổ, tăng 4 tổ so với cùng thời điểm năm trước.",
        [
            (312, "tỷ đồng", [change("previous_period", "31/12/2024", 6.4)]),
            (45, "tỷ đồng", [change("previous_period", "thời điểm đầu năm", None, 3, "tỷ đồng")]),
            (210, "tổ", [change("same_period", "cùng thời điểm năm trước", None, 4, "tổ")]),
        ],
    ),
    "a named quarter and the start of the term are earlier periods": (
        "Sản lượng gỗ khai thác 8.400 m3, tăng 7% so với quý I; tổng số đảng viên 1.312 đồng chí, tăng 64 đồng chí "
        "so với đầu nhiệm kỳ.",
        [
            (8400, "m3", [change("previous_period", "quý I", 7)]),
            (1312, "đồng chí", [change("previous_period", "đầu nhiệm kỳ", None, 64, "đồng chí")]),
        ],
    ),
    "a so voi clause after a comma whose amounts count in several units": (
        "Trong tháng phát hiện 06 vụ, 09 đối tượng, so với tháng trước giảm 01 vụ, tăng 02 đối tượng.",
        [
            (6, "vụ", [change("previous_period", "tháng trước", None, -1, "vụ")]),
            (9, "đối tượng", [change("previous_period", "tháng trước", None, 2, "đối tượng")]),
        ],
    ),
    "a percent the change before it implies takes its basis": (
        "Sản lượng ngô 4.200 tấn, tăng 200 tấn so với cùng kỳ, bằng 105%; diện tích rừng trồng 630 ha, "
        "đạt 126% KH, vượt 26%.",
        [
            (
                4200,
                "tấn",
                [
                    change("same_period", "cùng kỳ", None, 200, "tấn"),
                    ("same_period", "cùng kỳ", "ratio", 105, None, None),
                ],
            ),
            (630, "ha", [("plan", "KH", "ratio", 126, None, None), change("plan", "KH", 26)]),
        ],
    ),
    "a change counted like the count goes to the count, not to its share": (
        "Toàn xã còn 84 hộ nghèo, chiếm 2,1%, giảm 19 hộ so với đầu năm.",
        [(84, "hộ", [change("previous_period", "đầu năm", None, -19, "hộ")]), (2.1, "%", [])],
    ),
    "the plan's own figure in parentheses after its basis is the target": (
        "Kết nạp 27 hội viên mới, đạt 135% so với Nghị quyết Đại hội đã đề ra (20 hội viên).",
        [(27, "hội viên", [("plan", "Nghị quyết Đại hội đã đề ra", "ratio", 135, None, None)])],
    ),
    "a resolution's figure after a colon is the target": (
        "Thu nhập bình quân đầu người 48 triệu đồng, tăng 9 triệu đồng so với năm 2016 (NQ: 50 triệu đồng).",
        [(48, "triệu đồng", [change("previous_period", "năm 2016", None, 9, "triệu đồng")])],
    ),
    "du toan HDND thi tran giao": (
        "Thu ngân sách thị trấn 9,6 tỷ đồng, đạt 71% so với dự toán HĐND thị trấn giao.",
        [(9.6, "tỷ đồng", [("budget_estimate", "dự toán HĐND thị trấn giao", "ratio", 71, None, None)])],
    ),
    "x unit / y unit then its ratio": (
        "Tổng diện tích gieo trồng 9.842,6 ha/9.600 ha, đạt 102,5% KH, tăng 1,4% so với cùng kỳ.",
        [(9842.6, "ha", [("plan", "KH", "ratio", 102.5, None, None), change("same_period", "cùng kỳ", 1.4)])],
    ),
    "x unit / y unit KH then a bare ratio": (
        "Thu ngân sách xã 3.120 triệu đồng/4.000 triệu đồng KH, đạt 78%.",
        [(3120, "triệu đồng", [("plan", "KH", "ratio", 78, None, None)])],
    ),
    "a change counted in another figure's unit goes to that figure": (
        "Thu hút 7 dự án, tổng vốn đăng ký 860 tỷ đồng, tăng 3 dự án so với cùng kỳ.",
        [(7, "dự án", [change("same_period", "cùng kỳ", None, 3, "dự án")]), (860, "tỷ đồng", [])],
    ),
    "the percent of a change chain sizes the amount before it": (
        "Số thuê bao internet 86.000 thuê bao, tăng 4.100 thuê bao, tăng 5% so với cùng kỳ.",
        [(86000, "thuê bao", [change("same_period", "cùng kỳ", 5, 4100, "thuê bao")])],
    ),
    "a change by a count with no unit, its basis right after": (
        "Cấp 9.870 thẻ bảo hiểm y tế, tăng 1.240 so với tháng trước.",
        [(9870, "thẻ bảo hiểm y tế", [change("previous_period", "tháng trước", None, 1240, "thẻ bảo hiểm y tế")])],
    ),
    "gap doi": (
        "Doanh thu dịch vụ lưu trú 96 tỷ đồng, tăng gấp đôi cùng kỳ.",
        [(96, "tỷ đồng", [("same_period", "cùng kỳ", "ratio", 200, None, None)])],
    ),
    "the end of an earlier year is an earlier period": (
        "Tỷ lệ hộ nghèo còn 1,9% (giảm 0,6% so với cuối năm 2023).",
        [(1.9, "%", [change("previous_period", "cuối năm 2023", -0.6)])],
    ),
    "x unit / KH y unit then a bare ratio": (
        "Thu ngân sách xã được 3,4 tỷ đồng/KH 5 tỷ đồng, đạt 68%.",
        [(3.4, "tỷ đồng", [("plan", "KH", "ratio", 68, None, None)])],
    ),
    "chi tieu tren giao": (
        "Giao 38 thanh niên nhập ngũ, đạt 100% chỉ tiêu trên giao.",
        [(38, "thanh niên", [("plan", "chỉ tiêu trên giao", "ratio", 100, None, None)])],
    ),
}


def comps(ind: Indicator) -> list[Comp]:
    return [(c.basis, c.basis_text, c.relation, c.pct, c.amount, c.amount_unit) for c in ind.comparisons]


@pytest.mark.parametrize("case", list(CASES))
def test_prose_comparison_form_is_read_onto_its_figure(case: str) -> None:
    text, wanted = CASES[case]
    got = [(i.value, (i.unit or "").lower() or None, comps(i)) for i in find_indicators(text)]
    assert got == [(value, unit, want) for value, unit, want in wanted]


def test_a_rate_with_no_basis_stays_a_value() -> None:
    """LABELING: `tỷ lệ ... đạt 95%` is the value of a rate, not a comparison."""
    got = [(i.value, i.unit, comps(i)) for i in find_indicators("Tỷ lệ thu gom rác thải sinh hoạt đạt 92%.")]
    assert got == [(92, "%", [])]


def test_a_percent_that_does_not_follow_from_the_change_keeps_no_basis() -> None:
    """`tăng 200 tấn so với cùng kỳ, bằng 60%`: 60% is not 4.200 over 4.000, so no basis is guessed."""
    (ind,) = find_indicators("Sản lượng ngô 4.200 tấn, tăng 200 tấn so với cùng kỳ, bằng 60%.")
    assert comps(ind)[1] == ("other", "", "ratio", 60, None, None)


def test_a_count_after_a_comma_of_its_own_is_not_a_change_size() -> None:
    """`giảm 3,5% so với cùng kỳ, 120 hộ được hỗ trợ`: a figure with no verb is its own indicator."""
    inds = find_indicators("Diện tích lúa 2.760 ha, giảm 3,5% so với cùng kỳ; hỗ trợ giống cho 120 hộ.")
    assert [(i.value, i.unit) for i in inds] == [(2760, "ha"), (120, "hộ")]
    assert comps(inds[0]) == [change("same_period", "cùng kỳ", -3.5)]


def test_plan_figures_after_a_basis_are_targets_not_indicators() -> None:
    (members,) = find_indicators("Kết nạp 27 hội viên mới, đạt 135% so với Nghị quyết Đại hội đã đề ra (20 hội viên).")
    (income,) = find_indicators(
        "Thu nhập bình quân đầu người 48 triệu đồng, tăng 9 triệu đồng so với năm 2016 (NQ: 50 triệu đồng)."
    )
    assert (members.target, income.target) == (20, 50)


def test_a_resolution_number_is_no_target() -> None:
    """`Nghị quyết 05/NQ-TU` names a document: its number is neither a target nor an indicator."""
    inds = find_indicators("Kết nạp 12 hội viên (Nghị quyết: 05/NQ-TU), đạt 100% kế hoạch.")
    assert [i.target for i in inds if i.target is not None] == []
    assert 5 not in [i.value for i in inds]


def test_a_cumulative_figure_after_the_months_own_keeps_its_comparisons() -> None:
    """`...; lũy kế 5 tháng đạt 1.120 tỷ đồng, đạt 41% kế hoạch năm`: the sum so far of the same measure,
    named after it, with its own comparisons (not a nameless ratio)."""
    month, total = find_indicators(
        "Giá trị sản xuất công nghiệp trong tháng ước đạt 236 tỷ đồng, tăng 1,8% so với tháng trước; "
        "lũy kế 5 tháng đạt 1.120 tỷ đồng, đạt 41% kế hoạch năm, tăng 6,9% so với cùng kỳ."
    )
    assert (month.value, total.value, total.unit) == (236, 1120, "tỷ đồng")
    assert total.name == "Giá trị sản xuất công nghiệp lũy kế 5 tháng"
    assert total.quote.startswith("lũy kế 5 tháng đạt 1.120 tỷ đồng")
    assert comps(total) == [("plan", "kế hoạch năm", "ratio", 41, None, None), change("same_period", "cùng kỳ", 6.9)]


def test_x_unit_over_y_unit_gives_the_target_and_units_per_something_stay_units() -> None:
    (area,) = find_indicators("Tổng diện tích gieo trồng 9.842,6 ha/9.600 ha, đạt 102,5% KH.")
    (income,) = find_indicators("Thu nhập bình quân đầu người 46 triệu đồng/người/năm.")
    assert (area.value, area.unit, area.target) == (9842.6, "ha", 9600)
    assert (income.value, income.unit, income.target) == (46, "triệu đồng/người/năm", None)


def test_a_date_note_between_a_count_and_its_unit_keeps_the_count_and_its_comparison() -> None:
    """`kết nạp 31 (đến tháng 9 năm 2024) hội viên mới, đạt 124% so với Nghị quyết ... (25 hội viên)`."""
    (ind,) = find_indicators(
        "Trong nhiệm kỳ kết nạp 31 (đến tháng 9 năm 2024) hội viên mới, đạt 124% so với Nghị quyết Đại hội "
        "đã đề ra (25 hội viên)."
    )
    assert (ind.value, ind.unit, ind.target) == (31, "hội viên", 25)
    assert comps(ind) == [("plan", "Nghị quyết Đại hội đã đề ra", "ratio", 124, None, None)]


def test_the_rate_of_a_fraction_after_its_words_is_its_comparison() -> None:
    """`x/y <words> (đạt z%)` with z = 100·x/y is the fraction's own rate, an age among the words too."""
    (tthc,) = find_indicators("Có 412/412 TTHC có phát sinh giao dịch thanh toán trực tuyến (đạt 100%).")
    (ids,) = find_indicators("Đã thu nhận 1.204.310/1.290.000 công dân từ đủ 14 tuổi trở lên, đạt tỷ lệ 93,4%.")
    assert (tthc.value, tthc.target, comps(tthc)) == (412, 412, [("other", "", "ratio", 100, None, None)])
    assert (ids.value, ids.target, comps(ids)) == (1204310, 1290000, [("other", "tỷ lệ", "ratio", 93.4, None, None)])


def test_a_rate_that_is_not_the_fractions_own_is_not_given_to_it() -> None:
    """`12/40 xã ... (đạt 85%)`: 85% is not 12 of 40, so the fraction takes no comparison from it."""
    inds = find_indicators("Có 12/40 xã có nhà văn hóa đạt chuẩn (đạt 85%).")
    assert [(i.value, i.target, comps(i)) for i in inds if i.value == 12] == [(12, 40, [])]


def test_a_flow_that_reaches_a_percentage_is_a_share_of_its_plan_but_a_rate_stays_a_value() -> None:
    """`Thu ngân sách nhà nước đạt 45,7%` (dev gold h1-2023): value null, ratio of the plan; `Tỷ lệ giải
    ngân ... đạt 45%` names a rate, whose value the percentage is (LABELING)."""
    (revenue,) = find_indicators("Thu ngân sách nhà nước đạt 52,3%.")
    (rate,) = find_indicators("Tỷ lệ giải ngân vốn đầu tư công đạt 52,3%.")
    assert (revenue.value, revenue.unit, comps(revenue)) == (None, None, [("plan", "", "ratio", 52.3, None, None)])
    assert (rate.value, rate.unit, comps(rate)) == (52.3, "%", [])


def test_x_in_words_out_of_y_is_a_fraction_with_its_rate() -> None:
    """`có 18 trong tổng số 40 hợp tác xã ... (ghi chú), đạt 45%`: value 18, target 40, the rate its own."""
    (ind,) = find_indicators(
        "Kết quả cho thấy có 18 trong tổng số 40 hợp tác xã có ứng dụng công nghệ (có sàn thương mại điện tử), đạt 45%."
    )
    assert (ind.value, ind.unit, ind.target) == (18, "hợp tác xã", 40)
    assert comps(ind) == [("other", "", "ratio", 45, None, None)]


def test_both_years_restated_after_a_change_are_no_figure() -> None:
    """`giảm 4 vụ so với cùng kỳ (07/11 vụ)`: this year's and last year's figure again, 7 - 11 = -4."""
    inds = find_indicators("Phát hiện 07 vụ buôn lậu, giảm 4 vụ so với cùng kỳ (07/11 vụ).")
    assert [(i.value, comps(i)) for i in inds] == [(7, [change("same_period", "cùng kỳ", None, -4, "vụ")])]


def test_a_pair_whose_gap_is_not_the_change_stays_a_figure() -> None:
    inds = find_indicators("Phát hiện 12 vụ, tăng 3 vụ so với cùng kỳ (05/08 vụ).")
    assert [(i.value, i.target) for i in inds] == [(12, None), (5, 8)]


def test_a_parts_change_with_no_basis_takes_its_totals_basis() -> None:
    """`..., tăng 3,4% so với cùng kỳ; trong đó trồng trọt 610 tỷ đồng, tăng 2,1%`: the part's change is
    against the same period as its total's (a judgment the SPEC leaves open; no basis is guessed for a
    figure that is no part of one)."""
    _total, crops = find_indicators(
        "Giá trị sản xuất nông nghiệp ước đạt 980 tỷ đồng, tăng 3,4% so với cùng kỳ; trong đó trồng trọt 610 tỷ đồng, "
        "tăng 2,1%."
    )
    (alone,) = find_indicators("Sản lượng cà phê nhân 38.500 tấn, tăng 9,5%.")
    assert comps(crops) == [change("same_period", "cùng kỳ", 2.1)]
    assert comps(alone) == [("other", "", "change", 9.5, None, None)]


def test_a_parenthesised_amount_after_a_change_in_percent_shares_the_basis_written_after_it() -> None:
    """`tăng 4,6% (tăng 150 ha) so với cùng kỳ`: one change, two sizes, the basis after the parenthesis."""
    (area,) = find_indicators("Diện tích trồng ngô 3.410 ha, tăng 4,6% (tăng 150 ha) so với cùng kỳ.")
    assert [(c.basis, c.basis_text, c.relation, c.pct, c.amount, c.amount_unit) for c in area.comparisons] == [
        ("same_period", "cùng kỳ", "change", 4.6, 150, "ha")
    ]
    (loans,) = find_indicators("Dư nợ cho vay 96 tỷ đồng, tăng 5 ha so với kế hoạch.")
    assert [c.pct for c in loans.comparisons] == [None]  # an amount with a basis of its own stays apart


def test_the_end_of_an_earlier_year_is_a_previous_period_also_written_as_a_moment() -> None:
    (subs,) = find_indicators("Số hộ dùng nước sạch 7.215 hộ, tăng 3,1% so với thời điểm cuối năm 2022.")
    assert [(c.basis, c.basis_text) for c in subs.comparisons] == [("previous_period", "thời điểm cuối năm 2022")]


def test_a_change_by_an_amount_after_a_later_figure_takes_the_basis_a_sibling_named() -> None:
    """`2 vụ, giảm 1 vụ so với cùng kỳ, thiệt hại 0,8 ha, giảm 2,5 ha`: the basis is written once for
    the run; a change by an amount with no basis anywhere is still not recorded, nor a figure."""
    cases, area = find_indicators(
        "Xảy ra 4 vụ sạt lở, giảm 1 vụ so với cùng kỳ năm trước, diện tích bị ảnh hưởng 0,8 ha, giảm 2,5 ha."
    )
    assert (area.value, area.unit) == (0.8, "ha")
    assert [(c.basis, c.basis_text, c.amount, c.amount_unit) for c in area.comparisons] == [
        ("same_period", "cùng kỳ năm trước", -2.5, "ha")
    ]
    assert [c.amount for c in cases.comparisons] == [-1]
    (alone,) = find_indicators("Xử lý 14 vụ vi phạm, giảm 3 vụ.")
    assert (alone.value, alone.comparisons) == (14, [])
    (grown,) = find_indicators("Tổng số lao động có việc làm tăng thêm 1.870 người, bằng 102% kế hoạch.")
    assert grown.value == 1870  # a rise written as the figure itself is no change


def test_the_same_months_of_an_earlier_year_are_the_same_period() -> None:
    """`so với 6 tháng đầu năm 2023`, `so với 9 tháng năm trước`: what a half-year or nine-month
    report compares with is the same stretch of last year, as `cùng kỳ`."""
    (output,) = find_indicators(
        "Giá trị sản xuất tiểu thủ công nghiệp 612 tỷ đồng, tăng 7,2% so với 6 tháng đầu năm 2022."
    )
    assert [(c.basis, c.basis_text) for c in output.comparisons] == [("same_period", "6 tháng đầu năm 2022")]
    (cases,) = find_indicators("Số ca mắc lao mới 41 người, giảm 6 người so với 9 tháng năm trước.")
    assert [(c.basis, c.basis_text, c.amount) for c in cases.comparisons] == [("same_period", "9 tháng năm trước", -6)]
    (by_year,) = find_indicators("Sản lượng chè 3.100 tấn, tăng 4% so với năm 2022.")
    assert [c.basis for c in by_year.comparisons] == ["previous_period"]


def test_an_estimate_or_plan_set_at_the_start_of_the_year_keeps_those_words() -> None:
    (spend,) = find_indicators("Chi thường xuyên 2.815 triệu đồng, đạt 64,2% dự toán đầu năm.")
    assert [(c.basis, c.basis_text) for c in spend.comparisons] == [("budget_estimate", "dự toán đầu năm")]
    (fees,) = find_indicators("Thu phí chợ được 96 triệu đồng, bằng 120% so với kế hoạch giao đầu năm.")
    assert [(c.basis, c.basis_text) for c in fees.comparisons] == [("plan", "kế hoạch giao đầu năm")]


def test_a_rate_of_the_total_written_without_tren_is_the_figures_and_the_chain_goes_on() -> None:
    """`đạt 92,3% tổng số hộ, tăng 1,2% so với năm trước`: the rate is taken of the total named (as
    `trên tổng số ...`), and the change after it is the same figure's."""
    (homes,) = find_indicators(
        "Số hộ đạt gia đình văn hóa 2.310 hộ, đạt 90,6% tổng số hộ toàn xã, tăng 0,8% so với năm trước."
    )
    assert homes.value == 2310
    assert [(c.basis, c.basis_text, c.relation, c.pct) for c in homes.comparisons] == [
        ("other", "tổng số hộ toàn xã", "ratio", 90.6),
        ("previous_period", "năm trước", "change", 0.8),
    ]


def test_hoan_thanh_a_share_of_the_plan_is_a_ratio_of_the_figure_before_it() -> None:
    (planted,) = find_indicators("Trồng mới 86 ha cây mắc ca, hoàn thành 107,5% kế hoạch.")
    assert planted.value == 86
    assert [(c.basis, c.relation, c.pct) for c in planted.comparisons] == [("plan", "ratio", 107.5)]


def test_the_body_that_set_a_plan_or_an_estimate_is_part_of_its_basis() -> None:
    """`chỉ tiêu Cục Thuế giao`, `dự toán Sở Tài chính giao`: the words as written, up to `giao`/`đề ra`."""
    (debt,) = find_indicators("Thu nợ đọng thuế 1,84 tỷ đồng, đạt 76,7% chỉ tiêu Cục Thuế giao.")
    assert [(c.basis, c.basis_text) for c in debt.comparisons] == [("plan", "chỉ tiêu Cục Thuế giao")]
    (spend,) = find_indicators("Chi sự nghiệp giáo dục 14,2 tỷ đồng, bằng 51% dự toán Sở Tài chính giao.")
    assert [(c.basis, c.basis_text) for c in spend.comparisons] == [("budget_estimate", "dự toán Sở Tài chính giao")]
    (members,) = find_indicators("Kết nạp 11 đoàn viên, đạt 110% chỉ tiêu Nghị quyết Đoàn xã đề ra.")
    assert [c.basis_text for c in members.comparisons] == ["chỉ tiêu Nghị quyết Đoàn xã đề ra"]
    (plain,) = find_indicators("Thu phí 80 triệu đồng, đạt 40% kế hoạch, nhiệm vụ còn lại giao cho xã.")
    assert [c.basis_text for c in plain.comparisons] == ["kế hoạch"]


def test_a_basis_written_after_the_last_of_a_run_of_changes_reaches_back_to_the_first() -> None:
    """`A tăng x%, trong đó B tăng y%, C tăng z% so với cùng kỳ`: one basis for the whole run."""
    total, farm, industry = find_indicators(
        "Giá trị sản xuất tăng 6,9%, trong đó nông nghiệp tăng 2,8%, công nghiệp tăng 10,4% so với cùng kỳ."
    )
    assert [(c.basis, c.pct) for x in (total, farm, industry) for c in x.comparisons] == [
        ("same_period", 6.9),
        ("same_period", 2.8),
        ("same_period", 10.4),
    ]


def test_the_prices_a_value_is_reckoned_at_stand_between_it_and_its_comparison() -> None:
    (output,) = find_indicators(
        "Giá trị sản xuất ngành thủy sản ước đạt 1.265 tỷ đồng (theo giá so sánh năm 2010), tăng 4,4% so với cùng kỳ."
    )
    assert output.value == 1265
    assert [(c.basis, c.pct) for c in output.comparisons] == [("same_period", 4.4)]


def test_changes_in_percent_after_a_basis_written_first_go_to_the_figures_they_name() -> None:
    """`...; so với cùng kỳ đàn trâu giảm 2,1%, đàn dê tăng 6,4%`: each change names its figure."""
    buffalo, goats = find_indicators(
        "Tổng đàn trâu 4.820 con, đàn dê 1.930 con; so với cùng kỳ đàn trâu giảm 2,1%, đàn dê tăng 6,4%."
    )
    assert [(c.basis, c.pct) for c in buffalo.comparisons] == [("same_period", -2.1)]
    assert [(c.basis, c.pct) for c in goats.comparisons] == [("same_period", 6.4)]
    *_, unnamed = find_indicators(
        "Tổng đàn trâu 4.820 con, đàn dê 1.930 con; so với cùng kỳ đàn ngựa giảm 2,1%, đàn gà tăng 6,4%."
    )
    assert (unnamed.value, [c.pct for c in unnamed.comparisons]) == (None, [6.4])  # no figure named so


def test_a_times_comparison_after_more_of_the_counted_nouns_words_is_that_figures() -> None:
    (workers,) = find_indicators("Đưa 38 lao động đi làm việc có thời hạn ở nước ngoài, gấp 2,5 lần so với cùng kỳ.")
    assert [(c.basis, c.relation, c.pct) for c in workers.comparisons] == [("same_period", "ratio", 250)]
