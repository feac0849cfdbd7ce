"""Indicator and comparison reading left by the wave-10 battery (fig10): a change written without its unit
after an opening basis, judgement words next to a name, place numbers, and the sector of a sentence that
changes the paragraph's topic. Sentences invented (no corpus wording)."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators


def _changes(text: str) -> list[tuple[str, float | None, str | None, str, float | None, str | None]]:
    return [
        (i.name, i.value, i.unit, c.basis, c.amount, c.amount_unit)
        for i in find_indicators(text)
        for c in i.comparisons
        if c.amount is not None
    ]


def test_a_change_with_no_unit_after_an_opening_basis_counts_in_the_noun_its_name_counts() -> None:
    assert _changes("So với cùng kỳ, số hợp tác xã nông nghiệp tăng 3; vốn điều lệ tăng 12,5%.") == [
        ("Số hợp tác xã nông nghiệp", None, None, "same_period", 3, "hợp tác xã")
    ]
    assert _changes("So với tháng trước, số vụ cháy rừng giảm 2, số người bị thương giảm 4.") == [
        ("Số vụ cháy rừng", None, None, "previous_period", -2, "vụ"),
        ("Số người bị thương", None, None, "previous_period", -4, "người"),
    ]
    # the basis may close the clause instead
    assert _changes("Số tàu cá đăng ký mới giảm 6 so với năm 2025.") == [
        ("Số tàu cá đăng ký mới", None, None, "previous_period", -6, "tàu cá")
    ]


def test_a_bare_change_whose_name_counts_nothing_or_has_no_basis_stays_unread() -> None:
    assert _changes("So với cùng kỳ, doanh thu bán lẻ tăng 22.") == []  # no counted noun: an amount of what?
    assert _changes("Số lớp học tăng 3, số học sinh tăng 120.") == []  # no basis anywhere


def test_a_place_number_is_never_a_value() -> None:
    text = (
        "Xảy ra 04 vụ cháy (03 vụ cháy nhà tại thôn 6, xã Đăk Ring; 01 vụ cháy kho tại khóm 2, thị trấn Hòa Bình), "
        "thiệt hại khoảng 320 triệu đồng. Sạt lở tại bản 4 và buôn 9 làm 05 hộ phải di dời; "
        "phun thuốc khử trùng tại các thôn 1, 2, 7 và ấp 3."
    )
    values = sorted(i.value for i in find_indicators(text) if i.value is not None)
    assert values == [1, 3, 4, 5, 320]


def test_a_count_after_moi_thon_is_a_figure() -> None:
    found = [(i.value, i.unit) for i in find_indicators("Bình quân mỗi thôn 12 hộ tham gia, mỗi tổ 8 người.")]
    assert found == [(12, "hộ"), (8, "người")]


def test_words_that_end_in_a_place_word_still_count() -> None:
    text = (
        "Đào tạo nghề cho lao động nông thôn 450 người; xuất bản 06 bài viết; quyết toán xây dựng cơ bản 05/51 dự án."
    )
    assert sorted(i.value for i in find_indicators(text) if i.value is not None) == [5, 6, 450]


def _names(text: str) -> list[str]:
    return [i.name for i in find_indicators(text)]


def test_a_judgement_between_a_name_and_its_figure_is_no_part_of_the_name() -> None:
    assert _names("Thu tiền thuê đất mới đạt 31% dự toán.") == ["Thu tiền thuê đất"]
    assert _names("Tiến độ giải phóng mặt bằng dự án chậm, mới đạt 55% kế hoạch.") == [
        "Tiến độ giải phóng mặt bằng dự án"
    ]
    assert _names("Tỷ lệ thanh toán trực tuyến chưa cao, đạt 41,2%.") == ["Tỷ lệ thanh toán trực tuyến"]
    assert _names("Công tác thu thuế ngoài quốc doanh đạt thấp, được 2,4 tỷ đồng.") == [
        "Công tác thu thuế ngoài quốc doanh"
    ]
    # `mới` opening the figure's clause is "only" (the clause's verb is kept)
    assert [n.split()[0] for n in _names("Việc đo đạc chỉnh lý bản đồ còn chậm, mới đo được 420 thửa.")] == ["Đo"]


def test_new_as_part_of_a_name_stays() -> None:
    assert _names("Số hội viên mới kết nạp đạt 64% chỉ tiêu.") == ["Số hội viên mới kết nạp"]
    assert _names("Diện tích trồng mới đạt 120 ha.") == ["Diện tích trồng mới"]
    assert _names("Số xã đạt chuẩn nông thôn mới là 9 xã.") == ["Số xã đạt chuẩn nông thôn mới"]


def _sectors(text: str) -> list[tuple[float | None, str]]:
    return [(i.value, i.sector) for i in find_indicators(text)]


def test_a_sentence_opening_on_a_topic_of_its_own_changes_the_labelled_paragraphs_sector() -> None:
    text = (
        "- Chăn nuôi, thú y: Tổng đàn lợn 8.400 con, tiêm phòng 6.200 liều vắc xin. "
        "Về thương mại, tổng mức bán lẻ hàng hóa ước đạt 412 tỷ đồng. Toàn xã có 126 cơ sở kinh doanh."
    )
    assert _sectors(text) == [
        (8400, "agriculture"),
        (6200, "agriculture"),
        (412, "trade_services"),
        (126, "trade_services"),  # the new topic holds until another opens
    ]
    text = (
        "- Công tác quốc phòng: tổ chức huấn luyện cho 45 người trong lực lượng dân quân. "
        "Công an xã tiếp nhận 4 tin báo về tội phạm, đã xử lý 3 tin."
    )
    assert [s for _, s in _sectors(text)] == ["defense", "security_order", "security_order"]


def test_a_general_label_keeps_its_sentences_to_their_own_cues() -> None:
    text = "- Về phát triển kinh tế: Công tác quản lý đất đai còn hạn chế. Toàn huyện có 12 xã đạt chuẩn nông thôn mới."
    assert _sectors(text) == [(12, "new_rural")]


def test_luot_with_whom_it_counts_is_the_unit_and_an_activity_after_it_names_the_figure() -> None:
    text = (
        "Toàn huyện đón 84.300 lượt khách tham quan. Lượng khách lưu trú đạt 9.650 lượt khách. "
        "Tổ chức 26 lượt kiểm tra vệ sinh an toàn thực phẩm."
    )
    assert [(i.value, i.unit, i.name) for i in find_indicators(text)] == [
        (84300, "lượt khách", "Đón lượt khách tham quan"),
        (9650, "lượt khách", "Lượng khách lưu trú"),  # the name says whom the turns count: not said twice
        (26, "lượt", "Tổ chức lượt kiểm tra vệ sinh an toàn thực phẩm"),
    ]


def test_an_amount_written_without_its_unit_counts_in_the_figures_unit() -> None:
    found = find_indicators("Tổng đàn dê 6.250 con, tăng 410 so với cùng kỳ; số thuê bao internet 9.800, tăng 3,1%.")
    assert [(c.amount, c.amount_unit) for c in found[0].comparisons] == [(410, "con")]


def test_a_rate_in_brackets_after_a_unitless_change_is_the_same_change() -> None:
    found = _changes("So với cùng kỳ, số vụ trộm cắp giảm 4 (-20%), số đối tượng giảm 6.")
    assert found == [
        ("Số vụ trộm cắp", None, None, "same_period", -4, "vụ"),
        ("Số đối tượng", None, None, "same_period", -6, "đối tượng"),
    ]
    assert find_indicators("So với cùng kỳ, số vụ trộm cắp giảm 4 (-20%).")[0].comparisons[0].pct == -20


def test_a_figure_with_no_cue_takes_a_sentence_mates_generic_one_before_other() -> None:
    text = "So với năm 2025, số doanh nghiệp đăng ký hoạt động tăng 9; vốn điều lệ tăng 6,4%."
    assert [i.sector for i in find_indicators(text)] == ["trade_services", "trade_services"]


def test_tin_bao_is_a_count_of_crime_reports() -> None:
    found = find_indicators("Công an xã tiếp nhận 12 tin báo, tố giác về tội phạm.")
    assert [(i.value, i.unit, i.sector) for i in found] == [(12, "tin báo", "security_order")]
