"""Comparisons in prose left by the earlier wave-9 batteries (comp9c): a second size after `và` with no
verb of its own, a period opening the next clause, a restated change in brackets before its basis, and
units the genre counts with. Sentences invented."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators
from tests.comparison_rows import comparisons_by_value as _comparisons


def test_a_second_size_after_va_with_no_verb_is_the_same_change() -> None:
    text = (
        "Tổng thu ngân sách trên địa bàn đạt 1.845 tỷ đồng, tăng 12,3% so với cùng kỳ và 4,5% so với kế hoạch; "
        "sản lượng thủy sản khai thác 38.200 tấn, giảm 2,1% so với cùng kỳ và 6,8% so với kế hoạch năm."
    )
    found = _comparisons(text)
    assert found[1845] == [
        ("same_period", "cùng kỳ", "change", 12.3, None, None),
        ("plan", "kế hoạch", "change", 4.5, None, None),
    ]
    assert found[38200] == [
        ("same_period", "cùng kỳ", "change", -2.1, None, None),
        ("plan", "kế hoạch năm", "change", -6.8, None, None),
    ]


def test_a_second_size_after_a_ratio_stays_a_ratio() -> None:
    text = "Vốn đầu tư công giải ngân 642 tỷ đồng, đạt 52% kế hoạch và 104% so với cùng kỳ."
    assert [(r[0], r[2], r[3]) for r in _comparisons(text)[642]] == [
        ("plan", "ratio", 52.0),
        ("same_period", "ratio", 104.0),
    ]


def _readings(text: str) -> list[tuple[str, float | None, list[tuple[str, float | None]]]]:
    return [(i.name, i.value, [(c.basis_text, c.amount) for c in i.comparisons]) for i in find_indicators(text)]


def test_the_current_period_opening_the_next_clause_does_not_block_its_count() -> None:
    assert _readings("So với năm 2025, số đơn thư giảm 31 đơn; năm 2026 toàn huyện tiếp nhận 214 đơn.") == [
        ("Số đơn thư", 214, [("năm 2025", -31)])
    ]
    assert _readings("So với cùng kỳ, số vụ tai nạn giao thông giảm 4 vụ; tháng 9 toàn tỉnh xảy ra 17 vụ.") == [
        ("Số vụ tai nạn giao thông", 17, [("cùng kỳ", -4)])
    ]


def test_the_basis_period_opening_the_next_clause_counts_the_earlier_figure() -> None:
    found = _readings("So với năm 2025, số đơn thư giảm 31 đơn; năm 2025 có 245 đơn.")
    assert found[0] == ("Số đơn thư", None, [("năm 2025", -31)])
    assert [r[1] for r in found] == [None, 245]


def test_the_quote_of_a_change_restated_in_brackets_reaches_its_basis() -> None:
    for text, basis in (
        ("Sản lượng lúa cả năm đạt 16.130 tấn, tăng 1.250 tấn (+8,4%) so với cùng kỳ.", "so với cùng kỳ"),
        ("Toàn huyện xảy ra 131 vụ phạm pháp hình sự, giảm 12 vụ (-8,4%) so với cùng kỳ.", "so với cùng kỳ"),
        ("Tổng đàn lợn 48.600 con, tăng 2.300 con (+5,0%) so với năm 2025.", "so với năm 2025"),
    ):
        (ind,) = find_indicators(text)
        assert ind.quote.endswith(basis)
        assert [(c.relation, c.amount is not None, c.pct is not None) for c in ind.comparisons] == [
            ("change", True, True)
        ]


def test_horsepower_and_sets_are_units_and_a_ministry_stays_words() -> None:
    (_boats, power) = find_indicators("Toàn tỉnh có 1.240 tàu cá với tổng công suất 68.400 CV.")
    assert (power.name, power.value, power.unit) == ("Tổng công suất", 68400, "cv")
    assert _comparisons("Tiếp nhận 12 bộ hồ sơ đề nghị cấp phép, +2 bộ so với cùng kỳ.") == {
        12: [("same_period", "cùng kỳ", "change", None, 2, "bộ")]
    }
    found = find_indicators("Năm 2026 Bộ Nông nghiệp giao 3 nhiệm vụ; bộ phận một cửa tiếp nhận 1.520 hồ sơ.")
    assert [(i.value, i.unit) for i in found] == [(3, "nhiệm vụ"), (1520, "hồ sơ")]
