"""Comparisons worded another way with the same meaning (morphcmp11, from the metamorphic rewrites in
benchmarks/metamorphs_wording.py): a manner word after the verb (`tăng nhẹ`, `giảm mạnh`) in a change
whose basis is written first (`So với năm 2030 tăng nhẹ 14 vụ`), in a chain whose basis closes it, and
in a list of changes closed by one basis. Sentences invented."""

from __future__ import annotations

from tests.comparison_rows import comparisons_by_value as _comparisons


def test_a_manner_word_in_a_change_whose_basis_comes_first_keeps_the_amounts() -> None:
    found = _comparisons(
        "Năm 2031, lực lượng chức năng đã bắt giữ 87 vụ, 142 đối tượng vi phạm. "
        "So với năm 2030 tăng nhẹ 14 vụ (87/73), 21 đối tượng."
    )
    assert found[87] == [("previous_period", "năm 2030", "change", None, 14.0, "vụ")]
    assert found[142] == [("previous_period", "năm 2030", "change", None, 21.0, "đối tượng")]
    down = _comparisons("Năm 2032 xảy ra 64 vụ cháy. So với năm 2031 giảm mạnh 23 vụ.")
    assert down[64] == [("previous_period", "năm 2031", "change", None, -23.0, "vụ")]


def test_a_manner_word_in_a_chain_closed_by_its_basis_keeps_the_amounts() -> None:
    found = _comparisons("Toàn huyện phát hiện 9 vụ, 15 đối tượng, giảm nhẹ 2 vụ, 4 đối tượng so với cùng kỳ.")
    assert found[9] == [("same_period", "cùng kỳ", "change", None, -2.0, "vụ")]
    assert found[15] == [("same_period", "cùng kỳ", "change", None, -4.0, "đối tượng")]


def test_a_manner_word_in_changes_named_after_a_basis_written_first() -> None:
    found = _comparisons(
        "Tổng đàn lợn đạt 41.300 con, đàn bò đạt 8.920 con; "
        "so với cùng kỳ đàn lợn tăng mạnh 6,4%, đàn bò giảm nhẹ 1,2%."
    )
    assert found[41300] == [("same_period", "cùng kỳ", "change", 6.4, None, None)]
    assert found[8920] == [("same_period", "cùng kỳ", "change", -1.2, None, None)]


def test_a_manner_word_in_a_list_of_changes_reads_as_the_plain_verb_does() -> None:
    text = (
        "Tai nạn giao thông xảy ra 12 vụ, làm chết 5 người, bị thương 9 người; số vụ giảm{} 3 vụ, "
        "số người chết giảm 2 người, số người bị thương tăng{} 4 người so với cùng kỳ."
    )
    assert _comparisons(text.format(" nhẹ", " mạnh")) == _comparisons(text.format("", ""))
    assert len(_comparisons(text.format(" nhẹ", " mạnh"))[None]) == 3


def test_a_manner_word_in_the_size_of_a_change_after_its_rate() -> None:
    found = _comparisons("Sản lượng chè búp tươi đạt 24.600 tấn, tăng 6,1% so với cùng kỳ (tăng nhẹ 1.410 tấn).")
    assert found[24600] == [("same_period", "cùng kỳ", "change", 6.1, 1410.0, "tấn")]


def test_a_manner_word_in_a_change_told_in_the_next_sentence() -> None:
    found = _comparisons("Lượng khách lưu trú đạt 15.000 lượt. Con số này tăng nhẹ 1.200 lượt so với tháng trước.")
    assert found[15000] == [("previous_period", "tháng trước", "change", None, 1200.0, "lượt")]
