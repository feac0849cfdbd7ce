from llmx.normalize import normalize
from llmx.sections import split_sections


def tree(text: str) -> list[tuple[str | None, int, str]]:
    return [(s.number, s.level, s.role) for s in split_sections(text).sections]


def test_monthly_report_tree_follows_its_numbering(dev_texts):
    layout = split_sections(dev_texts["2023-02-district-party-monthly"])
    got = [(s.number, s.level, s.role, s.heading) for s in layout.sections]
    expected = [
        ("A", 1, "results", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁN"),
        ("I", 2, "results", "Công tác xây dựng Đảng, chính "),
        ("1", 3, "results", "Công tác xây dựng Đảng"),
        ("2", 3, "results", "Công tác xây dựng chính quyền"),
        ("3", 3, "results", "Hoạt động MTTQ và các đoàn thể "),
        ("II", 2, "results", "Nhiệm vụ phát triển kinh tế - x"),
        ("1", 3, "results", "Phát triển kinh tế"),
        ("2", 3, "results", "Văn hoá - xã hội"),
        ("3", 3, "results", "Quốc phòng, An ninh, nội chính"),
        (None, 2, "limitations", "Một số hạn chế, yếu kém"),
        ("B", 1, "tasks", "NHIỆM VỤ TRỌNG TÂM THÁNG 3"),
        ("1", 2, "tasks", "Công tác xây dựng Đảng, hoạt độ"),
        ("2", 2, "tasks", "Phát triển kinh tế"),
        ("3", 2, "tasks", "Văn hoá - Xã hội"),
        ("4", 2, "tasks", "Nhiệm vụ quốc phòng, an ninh, n"),
    ]
    assert len(got) == len(expected)
    for (number, level, role, heading), want in zip(got, expected, strict=True):
        assert (number, level, role) == want[:3] and heading.startswith(want[3])


def test_header_and_closing_blocks_stay_out_of_the_tree(dev_texts):
    text = dev_texts["2023-02-district-party-monthly"]
    layout = split_sections(text)
    assert text[: layout.body_start].strip().endswith("nhiệm vụ trọng tâm tháng 3 năm 2023")
    assert text[layout.body_end :].startswith("Trên cơ sở những định hướng")
    assert all("T/M" not in s.heading and "BÍ THƯ" not in s.heading for s in layout.sections)
    web = dev_texts["h1-2023-commune-party-webpage"]
    assert web[split_sections(web).body_end :].startswith("Nơi nhận")


def test_footnote_bodies_and_page_breaks_do_not_create_sections(dev_texts):
    layout = split_sections(dev_texts["2023-02-district-party-monthly"])
    assert not any(s.heading.startswith(("Bao gồm", "Điều động", "Khánh")) for s in layout.sections)


def test_wrapped_caps_heading_is_joined_even_mid_word(dev_texts):
    layout = split_sections(dev_texts["h1-2018-district-socioeconomic"])
    headings = {s.number: s.heading for s in layout.sections if s.level <= 2}
    assert headings["II"] == "KẾT QUẢ THỰC HIỆN CÔNG TÁC THI ĐUA, KHEN THƯỞNG 6 THÁNG ĐẦU NĂM 2018"
    assert headings["PHẦN 1"] == (
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI VÀ PHONG TRÀO THI ĐUA 6 THÁNG ĐẦU NĂM 2018"
    )


def test_numbered_paragraphs_are_content_not_headings(dev_texts):
    socio = split_sections(dev_texts["h1-2018-district-socioeconomic"])
    part2 = [s.number for s in socio.sections if s.parent_id == "s29"]
    assert part2 == ["2", "3", "4", "5"]  # `1/ Nâng cao hiệu lực ...` is a task paragraph
    web = split_sections(dev_texts["h1-2023-commune-party-webpage"])
    numbers = [s.number for s in web.sections]
    assert "1.1" in numbers and "1.2" in numbers  # the results headings
    limitation_children = [s.number for s in web.sections if s.parent_id == "s12"]
    assert limitation_children == ["1.3", "1.4", "1.5", "1.6"]  # 1.1 and 1.2 there are long paragraphs


def test_heading_and_content_on_one_line_splits_at_the_colon(dev_texts):
    web = split_sections(dev_texts["h1-2023-commune-party-webpage"])
    sec = next(s for s in web.sections if s.number == "1.3" and s.role == "limitations")
    assert sec.heading == "Công tác quản lý đất đai, tài nguyên khoáng sản"
    own = next(span for span in web.own_spans() if span[0] is sec)
    assert dev_texts["h1-2023-commune-party-webpage"][own[1] :].startswith("Vẫn còn một số ít hộ")


def test_summary_blocks_attach_to_the_part_not_the_last_numbered_section(dev_texts):
    socio = split_sections(dev_texts["h1-2018-district-socioeconomic"])
    stars = [(s.heading, s.level, s.role, s.parent_id) for s in socio.sections if s.number is None]
    assert stars == [
        ("ĐÁNH GIÁ CHUNG", 2, "results", "s1"),
        ("Tồn tại, hạn chế", 2, "limitations", "s1"),
        ("Nguyên nhân", 2, "causes", "s1"),
    ]


def test_role_keywords_inside_a_results_part_do_not_make_tasks(dev_texts):
    layout = split_sections(dev_texts["2023-02-district-party-monthly"])
    sec = next(s for s in layout.sections if s.heading.startswith("Nhiệm vụ phát triển"))
    assert sec.role == "results"


def test_markdown_levels_do_not_decide_depth():
    text = normalize(
        "BÁO CÁO\nTình hình tháng 5\n\nI. KẾT QUẢ\n#### **1. Sản xuất nông nghiệp**\nLúa 10 ha.\n"
        "## **2. Công nghiệp, xây dựng**\nNội dung.\n##### **3. Thương mại, dịch vụ**\nNội dung.\n"
    ).text
    assert tree(text) == [("I", 1, "results"), ("1", 2, "results"), ("2", 2, "results"), ("3", 2, "results")]


def test_numbering_that_restarts_under_a_bare_heading_opens_a_child_list():
    text = "II. PHƯƠNG HƯỚNG NHIỆM VỤ\n3. Nhiệm vụ cụ thể\n1. Nông nghiệp\nNội dung.\n2. Văn hóa\nNội dung.\n"
    got = [(s.number, s.level) for s in split_sections(text).sections]
    assert got == [("II", 1), ("3", 2), ("1", 3), ("2", 3)]


def test_a_number_without_a_separator_is_not_a_heading():
    text = "I. KẾT QUẢ\n 6 tháng đầu năm 2018, dưới sự lãnh đạo của Huyện uỷ.\n30/6/2023 là mốc.\n"
    assert tree(text) == [("I", 1, "results")]


def test_section_spans_nest_and_ids_follow_document_order(dev_texts):
    for text in dev_texts.values():
        layout = split_sections(text)
        by_id = {s.id: s for s in layout.sections}
        assert [s.id for s in layout.sections] == [f"s{k}" for k in range(1, len(layout.sections) + 1)]
        for s in layout.sections:
            assert text[s.start :].startswith(text[s.start : s.heading_end])
            if s.parent_id:
                parent = by_id[s.parent_id]
                assert parent.start < s.start and s.end <= parent.end and s.level == parent.level + 1
