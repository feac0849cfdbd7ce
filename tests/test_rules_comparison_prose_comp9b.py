"""Comparisons in prose that a second invented battery (wave 9, issuers such as Party committees, mass
organisations, social insurance, tax, banks and forest rangers) found the rules missing: a multiple
against an earlier year without `so với`, a change against an average, a sign written for the verb,
`vượt` by a count, and a plan or estimate whose basis runs on past the usual words. Sentences invented."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators
from tests.comparison_rows import comparisons_by_value as _comparisons


def test_a_multiple_of_an_earlier_year_needs_no_so_voi() -> None:
    text = "Trong quý, Đảng ủy phường kết nạp 9 đảng viên, gấp 3 lần năm 2024."
    assert _comparisons(text) == {9: [("previous_period", "năm 2024", "ratio", 300, None, None)]}


def test_a_multiple_before_other_words_takes_no_basis_from_them() -> None:
    text = "Hỗ trợ 14 hộ, gấp 2 lần mức quy định."
    assert _comparisons(text)[14] == []


def test_higher_than_an_average_is_a_change_against_that_average() -> None:
    text = (
        "Thu nhập bình quân của hội viên đạt 61,4 triệu đồng/người/năm, cao hơn mức bình quân chung của huyện "
        "2,6 triệu đồng; tỷ lệ hộ dùng nước hợp vệ sinh 97,1%, thấp hơn bình quân toàn tỉnh 1,3%."
    )
    found = _comparisons(text)
    assert found[61.4] == [("other", "mức bình quân chung của huyện", "change", None, 2.6, "triệu đồng")]
    assert found[97.1] == [("other", "bình quân toàn tỉnh", "change", -1.3, None, None)]


def test_a_sign_written_for_the_verb_is_a_change() -> None:
    text = "Dư nợ tín dụng chính sách 286,5 tỷ đồng, +6,4% so với đầu năm; số vụ cháy rừng 3 vụ, -2 vụ so với cùng kỳ."
    found = _comparisons(text)
    assert found[286.5] == [("previous_period", "đầu năm", "change", 6.4, None, None)]
    assert found[3] == [("same_period", "cùng kỳ", "change", None, -2, "vụ")]


def test_a_dash_between_figures_is_no_sign() -> None:
    text = "Mỗi tổ có 10-15 hộ so với cùng kỳ; diện tích 4,5 - 6 ha."
    assert all(not rows for rows in _comparisons(text).values())


def test_over_the_plan_by_a_count_is_a_change_by_that_count() -> None:
    text = "Liên đoàn Lao động huyện phát triển mới 385 đoàn viên công đoàn, vượt 35 đoàn viên so với chỉ tiêu."
    assert _comparisons(text)[385] == [("plan", "chỉ tiêu", "change", None, 35, "đoàn viên")]


def test_a_plan_set_by_a_long_named_body_and_an_ordinance_estimate_keep_the_chain_going() -> None:
    text = (
        "Thu bảo hiểm xã hội, bảo hiểm y tế đạt 948 tỷ đồng, bằng 51,2% kế hoạch Bảo hiểm xã hội Việt Nam giao, "
        "tăng 9,8% so với cùng kỳ; thu nội địa 1.206 tỷ đồng, bằng 47,5% dự toán pháp lệnh, bằng 108,3% so với cùng kỳ."
    )
    found = _comparisons(text)
    assert [(r[0], r[2], r[3]) for r in found[948]] == [("plan", "ratio", 51.2), ("same_period", "change", 9.8)]
    assert found[948][0][1] == "kế hoạch Bảo hiểm xã hội Việt Nam giao"
    assert [(r[0], r[1], r[3]) for r in found[1206]] == [
        ("budget_estimate", "dự toán pháp lệnh", 47.5),
        ("same_period", "cùng kỳ", 108.3),
    ]
    assert set(found) == {948, 1206}


def _readings(text: str) -> list[tuple[str, float | None, list[tuple[str, float | None]]]]:
    return [(i.name, i.value, [(c.basis, c.amount) for c in i.comparisons]) for i in find_indicators(text)]


def test_a_change_before_its_figure_in_the_next_clause_is_that_figures() -> None:
    text = (
        "So với tháng trước, số vụ cháy rừng giảm 3 vụ; toàn tỉnh xảy ra 5 vụ cháy, thiệt hại 2,7 ha. "
        "Số hộ nghèo giảm 41 hộ so với đầu năm; toàn xã còn 186 hộ nghèo."
    )
    assert _readings(text) == [
        ("Số vụ cháy rừng", 5, [("previous_period", -3)]),
        ("Số vụ cháy rừng - thiệt hại", 2.7, []),  # the damage of those fires (fig9 names a toll so)
        ("Số hộ nghèo", 186, [("previous_period", -41)]),
    ]


def test_a_next_clause_counting_something_else_keeps_its_own_figure() -> None:
    text = (
        "Số vụ cháy rừng giảm 3 vụ so với cùng kỳ; toàn tỉnh xảy ra 6 vụ tai nạn lao động. "
        "Số hộ nghèo giảm 41 hộ so với đầu năm; toàn xã có 95 hộ cận nghèo."
    )
    readings = _readings(text)
    assert [(r[1], r[2]) for r in readings] == [
        (None, [("same_period", -3)]),
        (6, []),
        (None, [("previous_period", -41)]),
        (95, []),
    ]


def test_a_bare_percentage_in_parentheses_after_a_fraction_is_its_rate() -> None:
    text = "Cấp 268/310 giấy chứng nhận quyền sử dụng đất (86,5%); 19/20 chi bộ (60%) hoàn thành tốt nhiệm vụ."
    inds = find_indicators(text)
    certs = next(i for i in inds if i.value == 268)
    assert (certs.target, [(c.basis, c.relation, c.pct) for c in certs.comparisons]) == (
        310,
        [("other", "ratio", 86.5)],
    )
    cells = next(i for i in inds if i.value == 19)
    assert cells.comparisons == []  # 60% is not 19/20: no rate of that fraction


def test_changes_by_amounts_written_respectively_after_their_basis_go_to_their_figures() -> None:
    text = (
        "Toàn huyện có 846 tàu cá, 2.315 lao động trên tàu, so với cùng kỳ năm 2025 lần lượt giảm 12 chiếc "
        "và tăng 140 người."
    )
    inds = find_indicators(text)
    assert [(i.value, [(c.basis, c.basis_text, c.amount, c.amount_unit) for c in i.comparisons]) for i in inds] == [
        (846, [("same_period", "cùng kỳ năm 2025", -12, "chiếc")]),
        (2315, [("same_period", "cùng kỳ năm 2025", 140, "người")]),
    ]


def test_respectively_is_no_count_of_times() -> None:
    text = "Số vụ tai nạn 8 vụ, số người bị thương 6 người, lần lượt giảm 2 vụ và 3 người so với tháng trước."
    inds = find_indicators(text)
    assert [(i.value, i.unit, [(c.basis, c.amount) for c in i.comparisons]) for i in inds] == [
        (8, "vụ", [("previous_period", -2)]),
        (6, "người", [("previous_period", -3)]),
    ]


def test_a_plan_set_by_a_numbered_document_keeps_its_number_in_the_basis() -> None:
    text = "Kết nạp 23 đảng viên, đạt 46% chỉ tiêu Nghị quyết số 07-NQ/ĐU; trồng 85 ha rừng, đạt 61% kế hoạch năm 2026."
    found = _comparisons(text)
    assert found[23] == [("plan", "chỉ tiêu Nghị quyết số 07-NQ/ĐU", "ratio", 46, None, None)]
    assert found[85] == [("plan", "kế hoạch năm 2026", "ratio", 61, None, None)]


def test_a_comparison_without_a_number_names_the_basis_of_the_next_bare_change() -> None:
    text = (
        "Xảy ra 3 vụ ngộ độc thực phẩm, bằng cùng kỳ năm trước; số người mắc 41 người, tăng 9 người. "
        "Thu đảng phí 38,2 triệu đồng, không tăng so với năm 2025; kết nạp 7 đảng viên, giảm 2 đảng viên. "
        "Hỗ trợ 24 hộ, bằng mức quy định; cấp 130 thẻ, tăng 15 thẻ."
    )
    found = _comparisons(text)
    assert found[3] == [] and found[38.2] == [] and found[24] == []  # no number, no comparison of their own
    assert found[41] == [("same_period", "cùng kỳ năm trước", "change", None, 9, "người")]
    assert found[7] == [("previous_period", "năm 2025", "change", None, -2, "đảng viên")]
    assert found[130] == []  # `mức quy định` is no earlier period: the bare change stays unrecorded
