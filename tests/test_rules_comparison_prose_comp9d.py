"""Comparisons in prose left by the wave-9 batteries (comp9d): a second amount after `và` with a basis of
its own, the count read after the next-clause merge, a `;`-list whose last bracket elides its basis, and a
change in % restated by the next clause's figure. Sentences invented."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators
from tests.comparison_rows import comparisons_by_value as _comparisons


def test_a_second_amount_after_va_with_its_own_basis_is_the_same_change() -> None:
    text = (
        "Sản lượng chè búp tươi đạt 9.800 tấn, tăng 240 tấn so với cùng kỳ và 70 tấn so với kế hoạch; "
        "tổng đàn trâu 5.430 con, giảm 120 con so với năm 2025 và 35 con so với chỉ tiêu giao."
    )
    found = _comparisons(text)
    assert found[9800] == [
        ("same_period", "cùng kỳ", "change", None, 240, "tấn"),
        ("plan", "kế hoạch", "change", None, 70, "tấn"),
    ]
    assert found[5430] == [
        ("previous_period", "năm 2025", "change", None, -120, "con"),
        ("plan", "chỉ tiêu giao", "change", None, -35, "con"),
    ]
    assert 70 not in found and 35 not in found  # the second amounts are not figures of their own


def test_the_count_read_after_the_next_clause_merge_quotes_its_whole_counted_phrase() -> None:
    for text, quote_end in (
        (
            "So với năm 2025, số hợp tác xã thành lập mới tăng 9 hợp tác xã; "
            "năm 2026 toàn huyện có 47 hợp tác xã thành lập mới.",
            "47 hợp tác xã thành lập mới",
        ),
        (
            "So với cùng kỳ, số hộ được cấp điện lưới tăng 64 hộ; năm 2026 toàn xã có 1.208 hộ được cấp điện lưới.",
            "1.208 hộ được cấp điện lưới",
        ),
        (
            "So với cùng kỳ, số vụ cháy rừng giảm 2 vụ; quý III toàn tỉnh xảy ra 6 vụ cháy rừng, thiệt hại 4 ha.",
            "6 vụ cháy rừng",
        ),
    ):
        first = find_indicators(text)[0]
        assert first.value is not None and first.quote.endswith(quote_end), (first.quote, quote_end)
        assert [c.amount for c in first.comparisons] and first.comparisons[0].amount is not None


def test_a_bracketed_change_with_its_basis_elided_takes_the_basis_written_once_in_the_list() -> None:
    # eval/LABELING.md: a basis written once for a run of figures holds for each, also elided after the first
    text = (
        "Số hộ nghèo toàn huyện 1.870 hộ (giảm 215 hộ so với năm 2025); số hộ cận nghèo 2.960 hộ (giảm 88 hộ); "
        "tỷ lệ hộ nghèo 3,9% (giảm 0,7% so với cùng kỳ); tỷ lệ hộ cận nghèo 6,1% (giảm 0,3%)."
    )
    found = _comparisons(text)
    assert found[1870] == [("previous_period", "năm 2025", "change", None, -215, "hộ")]
    assert found[2960] == [("previous_period", "năm 2025", "change", None, -88, "hộ")]
    assert found[3.9] == [("same_period", "cùng kỳ", "change", -0.7, None, None)]
    assert found[6.1] == [("same_period", "cùng kỳ", "change", -0.3, None, None)]
    assert 88 not in found  # the change is no figure of its own


def test_an_item_of_a_semicolon_list_without_a_basis_takes_the_one_before_it_not_the_next_items() -> None:
    text = (
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng 11,8% (giảm 0,9% so với năm 2025); tỷ lệ thấp còi 17,4% "
        "(giảm 0,5%); tỷ lệ thừa cân 3,6% (tăng 0,2% so với cùng kỳ)."
    )
    found = _comparisons(text)
    assert found[17.4] == [("previous_period", "năm 2025", "change", -0.5, None, None)]
    assert found[3.6] == [("same_period", "cùng kỳ", "change", 0.2, None, None)]
    # within one `;` item a basis at the end of its `,` run still holds for the run
    run = _comparisons(
        "Số vụ cháy giảm 2 vụ so với cùng kỳ; số vụ tai nạn 14 vụ, giảm 3 vụ, "
        "số người chết 5 người, giảm 1 người so với năm trước."
    )
    assert run[14] == [("previous_period", "năm trước", "change", None, -3, "vụ")]


def _read(text: str) -> list[tuple[str, float | None, str | None, bool, list[tuple[str, float | None]]]]:
    return [
        (i.name, i.value, i.unit, i.estimated, [(c.basis_text, c.pct) for c in i.comparisons])
        for i in find_indicators(text)
    ]


def test_a_change_before_its_figure_in_the_next_clause_joins_it_only_when_the_clause_names_the_same_measure() -> None:
    assert _read("Doanh thu bán lẻ hàng hóa tăng 7,4% so với cùng kỳ; doanh thu bán lẻ hàng hóa đạt 935 tỷ đồng.") == [
        ("Doanh thu bán lẻ hàng hóa", 935, "tỷ đồng", False, [("cùng kỳ", 7.4)])
    ]
    # another subject (`tổng thu` is not `thu phí dịch vụ`): two statements, as written
    assert _read("Thu phí dịch vụ tăng 11,9% so với cùng kỳ; tổng thu đạt 3,1 tỷ đồng.") == [
        ("Thu phí dịch vụ", None, None, False, [("cùng kỳ", 11.9)]),
        ("Tổng thu", 3.1, "tỷ đồng", False, []),
    ]


def test_a_change_reaching_a_scaled_amount_is_that_amounts_change_and_keeps_its_estimate() -> None:
    assert _read("Lượng khách lưu trú tăng 6,3% so với cùng kỳ, ước đạt 1,4 triệu lượt.") == [
        ("Lượng khách lưu trú", 1.4, "triệu lượt", True, [("cùng kỳ", 6.3)])
    ]
    assert _read("Kim ngạch nhập khẩu giảm 2,7% so với cùng kỳ; kim ngạch nhập khẩu đạt 286 triệu USD.") == [
        ("Kim ngạch nhập khẩu", 286, "triệu usd", False, [("cùng kỳ", -2.7)])
    ]


def test_a_months_count_period_opening_the_next_clause_does_not_block_its_count() -> None:
    (ind,) = find_indicators(
        "So với cùng kỳ, số hợp tác xã giải thể giảm 3 hợp tác xã; 6 tháng đầu năm toàn tỉnh có 12 hợp tác xã giải thể."
    )
    assert (ind.name, ind.value, [c.amount for c in ind.comparisons]) == ("Số hợp tác xã giải thể", 12, [-3])
    assert ind.quote.endswith("12 hợp tác xã giải thể")
