"""Prose figures left by the wave-12 battery (figs12): counted nouns of district and commune reports the lexicon
lacked, a leading share of the population, amounts written in two scales, and words that weigh a figure.
Sentences invented (no corpus wording)."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators


def _read(text: str) -> list[tuple[float | None, str | None]]:
    return [(i.value, i.unit) for i in find_indicators(text)]


def test_counts_of_crime_spots_rings_and_drug_cakes_are_figures() -> None:
    text = "Triệt xóa 04 tụ điểm đánh bạc, triệt phá 3 ổ nhóm và 02 đường dây mua bán ma túy, thu giữ 12 bánh heroin."
    assert _read(text) == [(4, "tụ điểm"), (3, "ổ nhóm"), (2, "đường dây"), (12, "bánh")]


def test_counts_of_elders_medals_acts_relics_classrooms_samples_and_works_are_figures() -> None:
    assert _read("Tổ chức mừng thọ cho 245 cụ cao tuổi với tổng kinh phí 61,25 triệu đồng.") == [
        (245, "cụ"),
        (61.25, "triệu đồng"),
    ]
    assert _read("Đoàn vận động viên của huyện đạt 12 huy chương các loại; hội diễn có 45 tiết mục văn nghệ.") == [
        (12, "huy chương"),
        (45, "tiết mục"),
    ]
    assert _read("Xây mới 12 phòng học và 05 cầu dân sinh; lấy 120 mẫu thực phẩm để kiểm nghiệm.") == [
        (12, "phòng học"),
        (5, "cầu"),
        (120, "mẫu"),
    ]
    assert _read("Trên địa bàn có 03 di tích được xếp hạng; công nhận 35 sáng kiến.") == [
        (3, "di tích"),
        (35, "sáng kiến"),
    ]


def test_cu_the_after_a_listed_count_is_no_counted_noun() -> None:
    (found,) = find_indicators("Năm 2026 tiếp tục triển khai 06 nhiệm vụ, cụ thể như sau:")
    assert found.unit == "nhiệm vụ"


def test_a_share_of_the_population_with_no_name_before_it_is_named_by_what_the_population_does() -> None:
    (found,) = find_indicators("Đến nay, có trên 95% dân số tham gia bảo hiểm y tế.")
    assert (found.name, found.value, found.unit, found.approx) == ("Dân số tham gia bảo hiểm y tế", 95, "%", "over")
    # after a name, `dân số` is what the rate is of, no part of the name
    (rate,) = find_indicators("Tỷ lệ bao phủ bảo hiểm y tế đạt 92,5% dân số.")
    assert (rate.name, rate.quote) == ("Tỷ lệ bao phủ bảo hiểm y tế", "Tỷ lệ bao phủ bảo hiểm y tế đạt 92,5%")


def test_an_amount_written_in_thousands_of_billions_and_billions_is_one_figure() -> None:
    (found,) = find_indicators("Doanh thu từ hoạt động du lịch ước đạt 1 nghìn 200 tỷ đồng.")
    assert (found.name, found.value, found.unit) == ("Doanh thu từ hoạt động du lịch", 1.2, "nghìn tỷ đồng")


def test_words_that_say_how_a_figure_stands_are_no_part_of_its_name() -> None:
    text = (
        "Dù thời tiết bất lợi, diện tích lúa Đông Xuân vẫn đạt 1.640 ha; tổng thu ngân sách cũng đạt 45 tỷ đồng; "
        "diện tích bị thiệt hại do mưa lũ lên đến 350 ha."
    )
    assert [i.name for i in find_indicators(text)] == [
        "Diện tích lúa Đông Xuân",
        "Tổng thu ngân sách",
        "Diện tích bị thiệt hại do mưa lũ",
    ]


def test_cap_tren_before_a_figure_is_the_higher_level_that_names_it_not_an_over_qualifier() -> None:
    text = "Tổng thu ngân sách 6,45 tỷ đồng, trong đó thu bổ sung từ ngân sách cấp trên 5,25 tỷ đồng."
    child = find_indicators(text)[1]
    assert (child.name, child.value, child.approx) == (
        "Tổng thu ngân sách - thu bổ sung từ ngân sách cấp trên",
        5.25,
        None,
    )
    assert find_indicators("Thu ngân sách đạt trên 5 tỷ đồng.")[0].approx == "over"


def test_a_clause_opening_with_a_verb_after_parts_named_by_nouns_ends_the_trong_do_list() -> None:
    text = (
        "Bộ phận một cửa tiếp nhận 1.865 hồ sơ, trong đó hồ sơ trực tuyến 1.602 hồ sơ; "
        "giải quyết đúng hạn 1.850 hồ sơ, đạt 99,2%."
    )
    assert [i.name for i in find_indicators(text)] == [
        "Bộ phận một cửa tiếp nhận hồ sơ",
        "Bộ phận một cửa tiếp nhận hồ sơ - hồ sơ trực tuyến",
        "Giải quyết đúng hạn hồ sơ",
    ]
    # parts that are themselves named by verbs stay parts
    verbs = "Tiếp nhận 245 hồ sơ, trong đó: cấp mới 120 hồ sơ; cấp đổi 45 hồ sơ."
    assert [i.name for i in find_indicators(verbs)][1:] == ["Tiếp nhận hồ sơ - cấp mới", "Tiếp nhận hồ sơ - cấp đổi"]


def test_the_criteria_a_fall_is_counted_on_are_no_figure() -> None:
    text = "Tai nạn giao thông giảm cả 3 tiêu chí; xảy ra 4 vụ, làm chết 2 người."
    assert _read(text) == [(4, "vụ"), (2, "người")]
    assert _read("Tai nạn giao thông được kéo giảm trên cả 03 tiêu chí so với cùng kỳ.") == []


def test_parallel_nouns_before_a_label_colon_share_the_label_also_after_a_bullet_mark() -> None:
    assert [i.name for i in find_indicators("- Tổng đàn trâu, bò: 3.450 con; đàn lợn: 12.500 con.")] == [
        "Tổng đàn trâu, bò",
        "Đàn lợn",
    ]
    assert [i.name for i in find_indicators("- Tổng đàn trâu, bò 3.450 con.")] == ["Tổng đàn trâu, bò"]


def test_the_whole_a_named_rate_is_of_stays_in_its_quote_and_out_of_the_next_name() -> None:
    found = find_indicators("Hồ sơ trực tuyến chiếm 85,6% tổng số hồ sơ, hồ sơ đúng hạn chiếm 99,1%.")
    assert [(i.name, i.value) for i in found] == [("Hồ sơ trực tuyến", 85.6), ("Hồ sơ đúng hạn", 99.1)]
    assert found[0].quote == "Hồ sơ trực tuyến chiếm 85,6% tổng số hồ sơ"


def test_cay_so_is_a_length_and_sao_a_land_measure() -> None:
    assert _read("Làm mới 12 cây số đường giao thông; trồng 500 cây xanh; cấy 45 sào lúa.") == [
        (12, "cây số"),
        (500, "cây"),
        (45, "sào"),
    ]


def test_two_verbs_sharing_a_qualified_object_keep_the_qualifier_and_both_verbs() -> None:
    (found,) = find_indicators("Qua 5 năm, toàn tỉnh đã làm mới, nâng cấp hơn 1.250 km đường giao thông nông thôn.")
    assert (found.name, found.value, found.approx) == ("Đã làm mới, nâng cấp đường giao thông nông thôn", 1250, "over")
