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
