"""Figures and their comparisons in running prose, in forms a second battery of invented sentences
(several figures per sentence, a basis written once for a chain, seasons and crop years as bases,
health case counts, freight units) showed the rules misread. Every sentence is invented for this test."""

from __future__ import annotations

from llmx.contract import Indicator
from llmx.rules.indicators import find_indicators

Comp = tuple[str, str, str, float | None, float | None, str | None]


def comps(ind: Indicator) -> list[Comp]:
    return [(c.basis, c.basis_text, c.relation, c.pct, c.amount, c.amount_unit) for c in ind.comparisons]


def test_a_bare_change_after_a_sibling_figure_takes_the_basis_the_sibling_named() -> None:
    """`X 6.730 ha, tăng 420 ha so với cùng kỳ; sản lượng 58.900 tấn, tăng 6,1%`: the basis is written
    once for the chain; a figure alone with a bare change keeps no basis."""
    _area, output = find_indicators(
        "Diện tích cây ăn quả 6.730 ha, tăng 420 ha so với cùng kỳ; sản lượng 58.900 tấn, tăng 6,1%."
    )
    assert (output.value, output.unit) == (58900, "tấn")
    assert comps(output) == [("same_period", "cùng kỳ", "change", 6.1, None, None)]
    *_, services = find_indicators(
        "Giá trị sản xuất nông nghiệp 1.860 tỷ đồng, tăng 3,9% so với cùng kỳ; giá trị sản xuất công nghiệp "
        "2.940 tỷ đồng, tăng 8,7% so với cùng kỳ; giá trị thương mại dịch vụ 3.210 tỷ đồng, tăng 10,2%."
    )
    assert comps(services) == [("same_period", "cùng kỳ", "change", 10.2, None, None)]
    (alone,) = find_indicators("Sản lượng chè búp tươi 4.150 tấn, tăng 6,1%.")
    assert comps(alone) == [("other", "", "change", 6.1, None, None)]


def test_a_chain_whose_earlier_figure_names_two_bases_gives_none_to_a_bare_change() -> None:
    _first, second = find_indicators(
        "Doanh thu 412,5 tỷ đồng, tăng 2,8% so với tháng trước, tăng 11,6% so với cùng kỳ; "
        "giá trị xuất khẩu 96 tỷ đồng, tăng 4,5%."
    )
    assert comps(second) == [("other", "", "change", 4.5, None, None)]


def test_a_season_a_year_before_is_the_same_period_and_a_crop_year_before_an_earlier_one() -> None:
    (rice,) = find_indicators("Năng suất lúa bình quân đạt 62,5 tạ/ha, tăng 1,3 tạ/ha so với vụ Đông Xuân năm trước.")
    assert comps(rice) == [("same_period", "vụ Đông Xuân năm trước", "change", None, 1.3, "tạ/ha")]
    (fish,) = find_indicators("Giá trị sản xuất thủy sản ước đạt 845,6 tỷ đồng, tăng 4,3% so với cùng vụ năm trước.")
    assert comps(fish) == [("same_period", "cùng vụ năm trước", "change", 4.3, None, None)]
    (coffee,) = find_indicators("Sản lượng cà phê nhân ước đạt 128.500 tấn, giảm 3.200 tấn so với niên vụ trước.")
    assert comps(coffee) == [("previous_period", "niên vụ trước", "change", None, -3200, "tấn")]


def test_a_month_of_last_year_and_a_local_budget_keep_all_their_words() -> None:
    (cpi,) = find_indicators("Chỉ số giá tiêu dùng tháng 6 tăng 3,12% so với tháng 12 năm trước.")
    assert comps(cpi) == [("previous_period", "tháng 12 năm trước", "change", 3.12, None, None)]
    (spend,) = find_indicators(
        "Chi ngân sách địa phương 6 tháng ước 5.316,7 tỷ đồng, bằng 43,1% dự toán địa phương, bằng 105,4% cùng kỳ."
    )
    assert spend.value == 5316.7
    assert comps(spend) == [
        ("budget_estimate", "dự toán địa phương", "ratio", 43.1, None, None),
        ("same_period", "cùng kỳ", "ratio", 105.4, None, None),
    ]


def test_disease_cases_and_freight_in_tonne_kilometres_are_units() -> None:
    (cases,) = find_indicators(
        "Tổng số bệnh nhân sốt xuất huyết 186 ca, tăng 94 ca so với cùng kỳ, không có ca tử vong."
    )
    assert (cases.value, cases.unit) == (186, "ca")
    assert comps(cases) == [("same_period", "cùng kỳ", "change", None, 94, "ca")]
    _carried, moved = find_indicators(
        "Khối lượng hàng hóa vận chuyển 2,85 triệu tấn, tăng 9,6% so với cùng kỳ; khối lượng hàng hóa luân chuyển "
        "186,4 triệu tấn.km, tăng 10,3%."
    )
    assert (moved.value, moved.unit) == (186.4, "triệu tấn.km")
    assert comps(moved) == [("same_period", "cùng kỳ", "change", 10.3, None, None)]


def test_the_figure_after_a_change_written_first_is_that_changes_value() -> None:
    """`X tăng 11,4% so với cùng kỳ, đạt 2.340 tỷ đồng`: one indicator, value and change; the same
    with the basis opening the sentence and with `còn` after a fall."""
    (retail,) = find_indicators("Tổng mức bán lẻ hàng hóa tăng 11,4% so với cùng kỳ, đạt 2.340 tỷ đồng.")
    assert (retail.name, retail.value, retail.unit) == ("Tổng mức bán lẻ hàng hóa", 2340, "tỷ đồng")
    assert comps(retail) == [("same_period", "cùng kỳ", "change", 11.4, None, None)]
    assert retail.quote.endswith("đạt 2.340 tỷ đồng")
    (jobs,) = find_indicators(
        "So với tháng trước, số lao động được giải quyết việc làm tăng 5,2%, đạt 860 lao động, bằng 43% kế hoạch."
    )
    assert (jobs.value, jobs.unit) == (860, "lao động")
    assert comps(jobs) == [
        ("previous_period", "tháng trước", "change", 5.2, None, None),
        ("plan", "kế hoạch", "ratio", 43, None, None),
    ]
    (poor,) = find_indicators("Số hộ nghèo giảm 38 hộ so với đầu năm, còn 210 hộ.")
    assert (poor.value, poor.unit) == (210, "hộ")
    assert comps(poor) == [("previous_period", "đầu năm", "change", None, -38, "hộ")]


def test_a_count_after_a_figure_that_has_its_value_stays_a_figure_of_its_own() -> None:
    fires, open_cases = find_indicators("Xảy ra 5 vụ cháy, giảm 2 vụ so với cùng kỳ, còn 3 vụ đang điều tra.")
    assert (fires.value, open_cases.value) == (5, 3)


def test_a_list_of_changes_by_amounts_shares_the_basis_written_once() -> None:
    """After the last change (`..., số người bị thương giảm 9 người so với cùng kỳ`) or opening the
    sentence (`So với cùng kỳ năm 2024, ...`): each change is a statement of its own, value null, not a
    count of `7 vụ` named `... giảm`."""
    inds = find_indicators(
        "Trong 6 tháng, số vụ tai nạn giao thông giảm 7 vụ, số người chết giảm 4 người, số người bị thương "
        "giảm 9 người so với cùng kỳ."
    )
    assert [(i.name, i.value) for i in inds] == [
        ("Số vụ tai nạn giao thông", None),
        ("Số người chết", None),
        ("Số người bị thương", None),
    ]
    assert [comps(i) for i in inds] == [
        [("same_period", "cùng kỳ", "change", None, -7, "vụ")],
        [("same_period", "cùng kỳ", "change", None, -4, "người")],
        [("same_period", "cùng kỳ", "change", None, -9, "người")],
    ]
    first, fine = find_indicators(
        "So với cùng kỳ năm 2024, số vụ vi phạm pháp luật về môi trường giảm 6 vụ, số tiền xử phạt 320 triệu đồng."
    )
    assert first.value is None
    assert comps(first) == [("same_period", "cùng kỳ năm 2024", "change", None, -6, "vụ")]
    assert (fine.value, fine.unit) == (320, "triệu đồng")


def test_a_change_by_an_amount_with_no_basis_anywhere_stays_unrecorded() -> None:
    inds = find_indicators("Số hộ nghèo giảm 38 hộ, số hộ cận nghèo giảm 51 hộ.")
    assert all(not i.comparisons for i in inds)
