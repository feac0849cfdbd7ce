"""Comparisons written once for several figures with `lần lượt` (respectively): the k-th percentage
is the k-th figure's, and no percentage is an indicator of its own. Every sentence is invented."""

from __future__ import annotations

from llmx.contract import Indicator
from llmx.rules.indicators import find_indicators


def comps(ind: Indicator) -> list[tuple[str, str, str, float | None]]:
    return [(c.basis, c.basis_text, c.relation, c.pct) for c in ind.comparisons]


def test_ratios_written_respectively_go_to_the_figures_in_order() -> None:
    revenue, spending = find_indicators(
        "Thu ngân sách xã 3,42 tỷ đồng, chi ngân sách xã 2,95 tỷ đồng, đạt lần lượt 61,2% và 52,7% dự toán."
    )
    assert (revenue.value, spending.value) == (3.42, 2.95)
    assert comps(revenue) == [("budget_estimate", "dự toán", "ratio", 61.2)]
    assert comps(spending) == [("budget_estimate", "dự toán", "ratio", 52.7)]


def test_changes_written_respectively_keep_their_sign_and_basis() -> None:
    wheat, maize, beans = find_indicators(
        "Diện tích lúa 2.140 ha, ngô 865 ha, đậu các loại 120 ha, lần lượt giảm 1,2%, 3,4% và 8% so với cùng kỳ."
    )
    assert [comps(x) for x in (wheat, maize, beans)] == [
        [("same_period", "cùng kỳ", "change", -1.2)],
        [("same_period", "cùng kỳ", "change", -3.4)],
        [("same_period", "cùng kỳ", "change", -8.0)],
    ]


def test_fewer_figures_than_percentages_give_none_of_them_to_the_figure_before() -> None:
    """One figure and two percentages: nothing says which is its own, so it takes neither."""
    rate, *_rest = find_indicators("Tỷ lệ trẻ được tiêm chủng 96,5%, đạt lần lượt 97% và 95% kế hoạch.")
    assert (rate.value, rate.comparisons) == (96.5, [])
