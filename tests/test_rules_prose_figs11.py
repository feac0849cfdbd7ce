"""Prose figures left by the wave-11 battery (figs11): a total whose `trong đó:` list runs on in the bullet
lines under it. Sentences invented (no corpus wording)."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators


def _read(text: str) -> list[tuple[str, float | None, str | None, bool]]:
    return [(i.name, i.value, i.unit, i.estimated) for i in find_indicators(text)]


def test_a_total_whose_list_runs_on_in_the_bullets_under_it_heads_their_same_unit_figures() -> None:
    text = (
        "- Tổng diện tích cây hằng năm ước đạt 2.640 ha, trong đó:\n"
        "+ Cây sắn: 1.120 ha, năng suất 21 tấn/ha.\n"
        "+ Cây mía: 860 ha; cây đậu các loại 310 ha.\n"
        "- Chăn nuôi: tổng đàn bò 5.200 con."
    )
    assert _read(text) == [
        ("Tổng diện tích cây hằng năm", 2640, "ha", True),
        ("Tổng diện tích cây hằng năm - cây sắn", 1120, "ha", True),
        ("Năng suất", 21, "tấn/ha", False),  # an attribute of the part, not a part of the total
        ("Tổng diện tích cây hằng năm - cây mía", 860, "ha", True),
        ("Tổng diện tích cây hằng năm - cây đậu các loại", 310, "ha", True),
        ("Tổng đàn bò", 5200, "con", False),
    ]


def test_the_bullet_list_under_a_plain_paragraph_and_gom_work_alike() -> None:
    text = (
        "Tổng số hồ sơ tiếp nhận là 1.480 hồ sơ, bao gồm:\n"
        "- Hồ sơ trực tuyến: 1.210 hồ sơ;\n- Hồ sơ trực tiếp: 270 hồ sơ."
    )
    assert [n for n, *_ in _read(text)] == [
        "Tổng số hồ sơ tiếp nhận",
        "Tổng số hồ sơ tiếp nhận - hồ sơ trực tuyến",
        "Tổng số hồ sơ tiếp nhận - hồ sơ trực tiếp",
    ]


def test_bullets_of_the_same_level_as_the_lead_or_after_a_lead_with_no_list_marker_stay_apart() -> None:
    same_level = "- Tổng thu ngân sách 42 tỷ đồng, trong đó:\n- Thu thuế 18 tỷ đồng."
    assert [n for n, *_ in _read(same_level)][1] == "Thu thuế"
    no_marker = "- Tổng thu ngân sách 42 tỷ đồng.\n+ Thu thuế 18 tỷ đồng."
    assert [n for n, *_ in _read(no_marker)][1] == "Thu thuế"


def test_a_trong_do_opening_the_next_sentence_breaks_down_the_total_that_counts_what_its_parts_count() -> None:
    text = (
        "Năm 2026, các khu điểm du lịch đón khoảng 186.000 lượt khách, doanh thu ước đạt 142 tỷ đồng. "
        "Trong đó, khách quốc tế gần 7.400 lượt."
    )
    found = find_indicators(text)
    assert [(i.name, i.value, i.estimated, i.approx) for i in found][2] == (
        "Các khu điểm du lịch đón lượt khách - khách quốc tế",
        7400,
        False,
        "under",
    )
    # with no total of the same kind the sentence's last figure stays the total
    (_, child) = find_indicators("Tổng chi ngân sách 61 tỷ đồng. Trong đó, chi thường xuyên 42 tỷ đồng.")
    assert child.name == "Tổng chi ngân sách - chi thường xuyên"


def test_toi_stressing_a_figure_is_no_part_of_its_name() -> None:
    assert [i.name for i in find_indicators("Qua rà soát, có tới 1.350 hộ chưa có nhà vệ sinh hợp vệ sinh.")] == [
        "Hộ chưa có nhà vệ sinh hợp vệ sinh"
    ]
    assert [i.name for i in find_indicators("Tổng vốn huy động lên tới 2.480 tỷ đồng.")] == ["Tổng vốn huy động"]
    # but the next period is named by it
    assert [i.name for i in find_indicators("Số nhiệm vụ cần triển khai trong thời gian tới là 04 nhiệm vụ.")] == [
        "Số nhiệm vụ cần triển khai trong thời gian tới"
    ]


def test_a_figure_opening_its_sentence_is_named_by_the_words_after_la() -> None:
    found = find_indicators("Gần 38 tỷ đồng là tổng thu ngân sách trên địa bàn trong quý I.")
    assert [(i.name, i.value, i.unit, i.approx) for i in found] == [("Tổng thu ngân sách", 38, "tỷ đồng", "under")]
    assert found[0].quote == "Gần 38 tỷ đồng là tổng thu ngân sách"
    (area,) = find_indicators("Khoảng 250 ha là diện tích cà phê bị ảnh hưởng do khô hạn.")
    assert (area.name, area.value, area.unit) == ("Diện tích cà phê bị ảnh hưởng", 250, "ha")


def test_counted_nouns_of_several_words_are_read_whole() -> None:
    text = (
        "Toàn tỉnh có 4 khu công nghiệp với tổng diện tích 1.860 ha; thành lập 3 tổ hợp tác; "
        "đoàn viên hiến 236 đơn vị máu."
    )
    assert [(i.value, i.unit) for i in find_indicators(text)] == [
        (4, "khu công nghiệp"),
        (1860, "ha"),
        (3, "tổ hợp tác"),
        (236, "đơn vị máu"),
    ]


def test_a_figure_after_dan_so_is_a_count_not_a_number_label() -> None:
    assert [(i.value, i.unit) for i in find_indicators("Mật độ dân số 286 người/km2, dân số 1.240 hộ.")] == [
        (286, "người/km2"),
        (1240, "hộ"),
    ]


def test_a_map_scale_after_quy_hoach_or_ban_do_is_no_figure() -> None:
    text = "Phê duyệt quy hoạch chi tiết 1/2000 khu công nghiệp phía Bắc; đo vẽ bản đồ địa chính 1/1000 cho 3 xã."
    assert [(i.value, i.unit) for i in find_indicators(text)] == [(3, "xã")]


def test_nam_nay_opening_a_news_sentence_is_no_part_of_the_name() -> None:
    text = "Theo bà Hà Thị Mai, Chủ tịch UBND xã, năm nay toàn xã có 92% hộ gia đình đạt danh hiệu văn hóa."
    assert [i.name for i in find_indicators(text)] == ["Hộ gia đình đạt danh hiệu văn hóa"]
    assert [i.name for i in find_indicators("Năm nay thu ngân sách đạt 45 tỷ đồng.")] == ["Thu ngân sách"]


def test_toan_tinh_with_its_name_is_an_opening_like_tren_dia_ban() -> None:
    text = "Toàn tỉnh Hòa Sơn (mới) có 05 khu công nghiệp; toàn huyện Tân Lập có 1.204 hộ nghèo."
    assert [i.name for i in find_indicators(text)] == ["Khu công nghiệp", "Hộ nghèo"]


def test_to_chuc_the_verb_after_a_count_starts_the_next_clause_not_a_list_of_nouns() -> None:
    found = find_indicators("Công an xã tuần tra 84 lượt, tổ chức gọi hỏi, răn đe 9 đối tượng.")
    assert [(i.value, i.unit) for i in found] == [(84, "lượt"), (9, "đối tượng")]
    (listed,) = find_indicators("Kiểm tra 12 cơ quan, tổ chức, doanh nghiệp.")
    assert listed.unit == "cơ quan, tổ chức, doanh nghiệp"  # the noun in a list stays


def test_van_con_before_a_count_is_no_part_of_its_name() -> None:
    assert [i.name for i in find_indicators("Toàn xã vẫn còn 17 hộ chưa có nhà tiêu hợp vệ sinh.")] == [
        "Hộ chưa có nhà tiêu hợp vệ sinh"
    ]


def test_a_share_after_a_comma_and_only_its_time_is_named_by_the_clause_before() -> None:
    (slow,) = find_indicators("Tiến độ thu hồi nợ đọng thuế còn chậm, đến nay mới đạt 37% kế hoạch.")
    assert (slow.name, slow.value, [c.pct for c in slow.comparisons]) == ("Tiến độ thu hồi nợ đọng thuế", None, [37])
    (rate,) = find_indicators("Tỷ lệ che phủ cây xanh đô thị còn thấp, hiện nay chỉ đạt 18,5%.")
    assert (rate.name, rate.value, rate.unit) == ("Tỷ lệ che phủ cây xanh đô thị", 18.5, "%")
    # a count names itself: the clause before stays out
    (count,) = find_indicators("Triển khai mô hình nuôi ong, đến nay có 86 hộ tham gia.")
    assert count.name == "Hộ tham gia"


def test_a_trong_do_after_a_clause_of_another_subject_breaks_down_that_subject_not_the_figure_before() -> None:
    text = (
        "Tốc độ tăng trưởng kinh tế ước đạt 7,9%; cơ cấu kinh tế tiếp tục chuyển dịch, "
        "trong đó nông nghiệp chiếm 35,2%, dịch vụ chiếm 38,6%."
    )
    assert [i.name for i in find_indicators(text)] == [
        "Tốc độ tăng trưởng kinh tế",
        "Cơ cấu kinh tế tiếp tục chuyển dịch - nông nghiệp",  # the clause's own subject heads its parts
        "Cơ cấu kinh tế tiếp tục chuyển dịch - dịch vụ",
    ]
    (_, part) = find_indicators("Tổng thu ngân sách 52 tỷ đồng; trong đó thu thuế 21 tỷ đồng.")
    assert part.name == "Tổng thu ngân sách - thu thuế"


def test_the_verb_right_before_the_next_figure_names_that_figure_not_the_one_before() -> None:
    text = "Tổ chức 03 phiên giao dịch việc làm thu hút 410 lao động tham gia; mở 4 lớp dạy nghề cấp 95 chứng chỉ."
    assert [(i.name, i.value) for i in find_indicators(text)] == [
        ("Tổ chức phiên giao dịch việc làm", 3),
        ("Thu hút lao động tham gia", 410),
        ("Mở lớp dạy nghề", 4),
        ("Cấp chứng chỉ", 95),
    ]


def test_a_figure_after_a_comma_in_a_listed_bullet_is_the_parts_own_not_another_part() -> None:
    text = (
        "Bộ phận một cửa tiếp nhận 1.920 hồ sơ, trong đó:\n"
        "- Lĩnh vực đất đai: 530 hồ sơ, đã giải quyết đúng hạn 498 hồ sơ; lĩnh vực xây dựng 210 hồ sơ."
    )
    assert [i.name for i in find_indicators(text)] == [
        "Bộ phận một cửa tiếp nhận hồ sơ",
        "Bộ phận một cửa tiếp nhận hồ sơ - lĩnh vực đất đai",
        "Đã giải quyết đúng hạn hồ sơ",
        "Bộ phận một cửa tiếp nhận hồ sơ - lĩnh vực xây dựng",
    ]


def test_a_recipient_left_over_from_the_figure_before_does_not_open_the_next_name() -> None:
    text = "Các hợp tác xã thu mua 2.750 tấn cà phê cho xã viên, doanh thu khoảng 96 tỷ đồng."
    assert [i.name for i in find_indicators(text)] == ["Các hợp tác xã thu mua cà phê", "Doanh thu"]
    # an attribute after the recipient still belongs to the figure before
    (_, cost) = find_indicators("Hỗ trợ 24 con bò giống cho hộ nghèo, kinh phí 360 triệu đồng.")
    assert cost.name == "Hỗ trợ bò giống - kinh phí"


def test_what_a_total_leaves_out_is_no_part_of_it() -> None:
    text = (
        "Số tiền đã giải ngân (không bao gồm vốn sự nghiệp 42 tỷ đồng) đạt 615 tỷ đồng; "
        "số tiền chưa giải ngân (chưa kể nguồn dự phòng 8 tỷ đồng) 93 tỷ đồng."
    )
    names = {i.value: i.name for i in find_indicators(text)}
    assert names[42] == "Vốn sự nghiệp"


def test_a_figure_after_a_note_that_holds_a_figure_is_named_before_the_note() -> None:
    text = (
        "Tổng kế hoạch vốn (không bao gồm nguồn Trung ương 2.150 triệu đồng) là 14.380 triệu đồng; "
        "thu ngân sách (không kể tiền sử dụng đất 12 tỷ đồng) đạt 48 tỷ đồng."
    )
    assert [(i.name, i.value) for i in find_indicators(text) if i.value in (14380, 48)] == [
        ("Tổng kế hoạch vốn", 14380),
        ("Thu ngân sách", 48),
    ]
    # a note right after a count stays that count's (the ratio after it is not renamed by the words before)
    found = find_indicators("Thu ngân sách (trừ tiền sử dụng đất) đạt 48 tỷ đồng.")
    assert [i.name for i in found] == ["Thu ngân sách (trừ tiền sử dụng đất)"]


def test_a_plan_written_before_the_result_that_meets_it_is_that_results_target() -> None:
    text = "Kế hoạch vốn năm 2026 là 240 tỷ đồng; đến nay đã giải ngân 174 tỷ đồng; đạt tỷ lệ 72,5%."
    (paid,) = find_indicators(text)
    assert (paid.name, paid.value, paid.target) == ("Đã giải ngân", 174, 240)
    assert [(c.relation, c.pct, c.basis_text) for c in paid.comparisons] == [("ratio", 72.5, "tỷ lệ")]
    assert paid.quote == text[:-1]
    # a rate that is not result/plan leaves the plan a figure of its own
    assert len(find_indicators("Kế hoạch vốn giao 120 tỷ đồng; giải ngân 84 tỷ đồng, đạt 52%.")) == 2
