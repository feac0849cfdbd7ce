"""Comparisons in prose that an invented battery of report sentences (wave 9) found the rules missing:
the report before this one as a basis, a change's size in % written after its basis, a change by a
scaled count, and a comparison written after a closed breakdown of its total. Sentences invented."""

from __future__ import annotations

from llmx.contract import Indicator
from llmx.rules.indicators import find_indicators
from tests.comparison_rows import comparisons_by_value as _comparisons


def _by_value(text: str, value: float) -> Indicator:
    return next(i for i in find_indicators(text) if i.value == value)


def test_the_report_before_this_one_is_the_previous_period() -> None:
    text = (
        "Số đối tượng nghiện có hồ sơ quản lý là 187 người, giảm 9 người so với kỳ báo cáo trước; "
        "tiếp nhận 64 đơn thư, tăng 5,2% so với lần báo cáo trước."
    )
    found = _comparisons(text)
    assert found[187] == [("previous_period", "kỳ báo cáo trước", "change", None, -9, "người")]
    assert found[64] == [("previous_period", "lần báo cáo trước", "change", 5.2, None, None)]


def test_a_change_by_an_amount_takes_its_size_in_percent_written_after_the_basis() -> None:
    text = "Sản lượng nước sạch cung cấp đạt 12,4 triệu m3, tăng 0,86 triệu m3 so với cùng kỳ, tương đương 7,4%."
    ind = _by_value(text, 12.4)
    assert [(c.basis, c.relation, c.pct, c.amount) for c in ind.comparisons] == [("same_period", "change", 7.4, 0.86)]
    assert ind.quote.endswith("tương đương 7,4%")
    assert 7.4 not in _comparisons(text)  # the % is the change's size, not a figure of its own


def test_a_change_by_a_scaled_count_keeps_the_scale_in_its_unit() -> None:
    text = (
        "Tổng đàn gia cầm ước 2,4 triệu con, tăng 120 nghìn con so với cùng kỳ; "
        "lượt khách ước 1,6 triệu lượt, giảm 0,2 triệu lượt so với năm 2025."
    )
    found = _comparisons(text)
    assert found[2.4] == [("same_period", "cùng kỳ", "change", None, 120, "nghìn con")]
    assert found[1.6] == [("previous_period", "năm 2025", "change", None, -0.2, "triệu lượt")]


def test_a_comparison_after_a_closed_breakdown_is_the_totals() -> None:
    text = (
        "Tổng thu ngân sách trên địa bàn xã 8,6 tỷ đồng (trong đó thu thuế 3,2 tỷ đồng, tăng 4,1%), "
        "bằng 61,5% dự toán huyện giao, tăng 9,3% so với cùng kỳ; chi ngân sách 6,9 tỷ đồng."
    )
    inds = find_indicators(text)
    total = next(i for i in inds if i.value == 8.6)
    assert [(c.basis, c.relation, c.pct) for c in total.comparisons] == [
        ("budget_estimate", "ratio", 61.5),
        ("same_period", "change", 9.3),
    ]
    part = next(i for i in inds if i.value == 3.2)
    assert part.name == "Tổng thu ngân sách trên địa bàn xã - thu thuế"
    assert [c.pct for c in part.comparisons] == [4.1]
    assert [i.value for i in inds] == [8.6, 3.2, 6.9]  # no ratio-only figure left over from the total's comparisons


def test_a_comparison_after_an_open_parenthesis_of_another_kind_stays_where_it_was() -> None:
    text = "Kết nạp 34 đảng viên (đạt 85% kế hoạch), tăng 6 đảng viên so với cùng kỳ."
    assert _comparisons(text)[34] == [
        ("plan", "kế hoạch", "ratio", 85, None, None),
        ("same_period", "cùng kỳ", "change", None, 6, "đảng viên"),
    ]


def test_changes_named_by_their_figures_after_a_comma_and_a_basis_go_to_those_figures() -> None:
    text = (
        "Sản lượng ngô cả năm đạt 8.760 tấn, năng suất bình quân 52,4 tạ/ha, so với cùng kỳ sản lượng "
        "tăng 410 tấn, năng suất giảm 1,3 tạ/ha."
    )
    found = _comparisons(text)
    assert found[8760] == [("same_period", "cùng kỳ", "change", None, 410, "tấn")]
    assert found[52.4] == [("same_period", "cùng kỳ", "change", None, -1.3, "tạ/ha")]
    assert set(found) == {8760, 52.4}  # the amounts are no figures of their own


def test_one_change_after_a_comma_and_a_basis_stays_the_figures_own() -> None:
    text = "Toàn xã có 46 hộ nghèo, so với cùng kỳ giảm 12 hộ."
    assert _comparisons(text) == {46: [("same_period", "cùng kỳ", "change", None, -12, "hộ")]}


def test_an_amount_after_a_ratio_with_a_basis_is_the_same_comparison_restated() -> None:
    text = "Khai thác gỗ rừng trồng đạt 23.400 m3, gấp 1,5 lần so với cùng kỳ, tăng 7.800 m3."
    assert _comparisons(text)[23400] == [
        ("same_period", "cùng kỳ", "ratio", 150, None, None),
        ("same_period", "cùng kỳ", "change", None, 7800, "m3"),
    ]


def test_an_amount_the_ratio_does_not_imply_takes_no_basis_from_it() -> None:
    text = "Khai thác gỗ rừng trồng đạt 23.400 m3, bằng 150% so với cùng kỳ, tăng 2.100 m3."
    assert _comparisons(text)[23400] == [("same_period", "cùng kỳ", "ratio", 150, None, None)]


def test_a_qualified_multiple_is_still_a_ratio() -> None:
    text = (
        "Số hồ sơ giải quyết trước hạn 1.870 hồ sơ, tăng hơn 2 lần so với cùng kỳ; "
        "thu phí 640 triệu đồng, gấp gần 3 lần so với năm 2025."
    )
    found = _comparisons(text)
    assert found[1870] == [("same_period", "cùng kỳ", "ratio", 200, None, None)]
    assert found[640] == [("previous_period", "năm 2025", "ratio", 300, None, None)]
