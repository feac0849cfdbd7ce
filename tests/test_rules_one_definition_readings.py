"""Readings two rules modules once wrote each their own way (wave 10): the scale of a change's counted
amount (`tăng 1 vạn con`, `tăng 0,2 tỷ tấn`), a list of durations with a decimal member (`1, 1,5 và 2
năm`) and the window in which a basis period is looked for (never the paragraph before). Sentences invented."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators
from llmx.rules.norms import duration_list


def _read(text: str) -> list[tuple[str, float | None, str | None, list[tuple[str, float | None, str | None]]]]:
    return [
        (i.name, i.value, i.unit, [(c.basis_text, c.amount, c.amount_unit) for c in i.comparisons])
        for i in find_indicators(text)
    ]


def test_a_change_by_a_count_in_van_keeps_its_scale() -> None:
    assert _read("Tổng đàn gia cầm ước đạt 12,5 vạn con, tăng 1 vạn con so với cùng kỳ.") == [
        ("Tổng đàn gia cầm", 12.5, "vạn con", [("cùng kỳ", 1.0, "vạn con")])
    ]
    assert _read("Lượt khách du lịch đạt 3,2 vạn lượt, giảm 0,4 vạn lượt so với cùng kỳ năm 2025.")[0][3] == [
        ("cùng kỳ năm 2025", -0.4, "vạn lượt")
    ]


def test_a_change_by_a_count_in_ty_is_scaled_like_the_figure_but_ty_dong_stays_money() -> None:
    assert _read("Khối lượng hàng hóa vận chuyển đạt 2,1 tỷ tấn, tăng 0,2 tỷ tấn so với năm 2025.") == [
        ("Khối lượng hàng hóa vận chuyển", 2.1, "tỷ tấn", [("năm 2025", 0.2, "tỷ tấn")])
    ]
    assert _read("Thu ngân sách đạt 45,6 tỷ đồng, tăng 1,2 tỷ đồng so với cùng kỳ.")[0][3] == [
        ("cùng kỳ", 1.2, "tỷ đồng")
    ]
    assert _read("Thu ngân sách đạt 45,6 tỷ, tăng 1,2 tỷ so với cùng kỳ.")[0][3] == [("cùng kỳ", 1.2, "tỷ")]
    assert _read("Tổng đàn lợn 48.600 con, tăng 2 nghìn con so với cùng kỳ.")[0][3] == [("cùng kỳ", 2.0, "nghìn con")]


def _member(text: str, number: str) -> bool:
    s = text.index(number)
    return duration_list(text, 0, s, s + len(number), len(text))


def test_a_list_of_durations_may_hold_a_decimal_member_and_none_of_its_members_is_a_figure() -> None:
    text = "Ngân hàng cho vay thời hạn 1, 1,5 và 2 năm đối với 86 hộ."
    assert _member(text, "1") is True  # the first member, before a decimal one
    assert _member("Trao Huy hiệu 30, 40,5 năm tuổi Đảng cho 58 đồng chí.", "30") is True
    assert _member("Trao Huy hiệu 30, 40, 45 năm tuổi Đảng cho 58 đồng chí.", "30") is True
    # a thousands group or a number with three decimals is no member: the list is not one of durations
    assert _member("Đàn bò 860 con, 1.250 năm", "860") is False
    assert _member("Tổ 30, 40,125 năm", "30") is False


def test_a_list_of_durations_with_a_decimal_member_stays_in_the_name_of_the_count_after_it() -> None:
    assert _read("Ngân hàng cho vay thời hạn 1, 1,5 và 2 năm đối với 86 hộ.") == [
        ("Ngân hàng cho vay thời hạn 1, 1,5 và 2 năm đối với hộ", 86.0, "hộ", [])
    ]
    assert _read("- Huy hiệu 30, 40,5 năm tuổi Đảng: 12 đồng chí.") == [
        ("Huy hiệu 30, 40,5 năm tuổi Đảng", 12.0, "đồng chí", [])
    ]


def test_a_basis_period_written_in_the_paragraph_before_does_not_block_the_next_clause_count() -> None:
    first = "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 96,4 tỷ đồng, tăng 7,5% so với 6 tháng đầu năm 2025."
    second = "Số đơn thư giảm 12 đơn so với cùng kỳ; 6 tháng đầu năm tiếp nhận 88 đơn."
    alone = _read(second)
    assert alone == [("Số đơn thư", 88.0, "đơn", [("cùng kỳ", -12.0, "đơn")])]
    assert _read(f"{first}\n{second}")[1:] == alone
    # in its own paragraph the basis period still counts the earlier figure
    found = _read(f"{first}\nSo với 6 tháng đầu năm 2025, số đơn thư giảm 12 đơn; 6 tháng đầu năm 2025 có 100 đơn.")
    assert [r[1] for r in found[1:]] == [None, 100.0]


def test_money_abbreviated_to_ty_d_or_trieu_d_is_one_money_unit_not_a_scale_and_a_stray_letter() -> None:
    assert _read("Dư nợ cho vay đạt 850 tỷ đ, tăng 45 tỷ đ so với cùng kỳ.") == [
        ("Dư nợ cho vay", 850.0, "tỷ đ", [("cùng kỳ", 45.0, "tỷ đ")])
    ]
    assert _read("Giá trị sản xuất nông nghiệp đạt 310,5 triệu đ.")[0][1:3] == (310.5, "triệu đ")
    assert _read("Kinh phí hỗ trợ đạt 2 tỷ đô la.")[0][2] != "tỷ đ"  # `tỷ đô` is no `tỷ đ`


def test_a_clause_of_this_period_is_the_value_of_a_change_whose_basis_names_the_same_words_with_a_year() -> None:
    # `6 tháng đầu năm` (this period) is not the basis `6 tháng đầu năm 2025`, only its prefix
    assert _read(
        "So với 6 tháng đầu năm 2025, số đơn thư tiếp nhận giảm 31 đơn; 6 tháng đầu năm tiếp nhận 88 đơn."
    ) == [("Số đơn thư tiếp nhận", 88.0, "đơn", [("6 tháng đầu năm 2025", -31.0, "đơn")])]
    # the basis period's own count stays apart from the change
    basis = _read(
        "So với 6 tháng đầu năm 2025, số đơn thư tiếp nhận giảm 31 đơn; 6 tháng đầu năm 2025 tiếp nhận 119 đơn."
    )
    assert basis[0][1] is None and basis[1][1] == 119.0
