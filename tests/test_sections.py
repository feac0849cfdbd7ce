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


# --- shapes of headings beyond the three dev reports ------------------------------------------


def _headings(text: str) -> list[tuple[str | None, str]]:
    return [(s.number, s.heading) for s in split_sections(text).sections]


def test_a_label_and_content_line_is_a_heading_named_by_its_label():
    text = (
        "I. KẾT QUẢ\n1. Cải cách hành chính\na) Về dịch vụ công: toàn huyện cung cấp 120 dịch vụ trực tuyến.\n"
        "b) Về một cửa liên thông\n- Tiếp nhận 300 hồ sơ.\n"
    )
    layout = split_sections(text)
    assert _headings(text)[2:] == [("a", "Về dịch vụ công"), ("b", "Về một cửa liên thông")]
    first = layout.sections[2]
    assert text[first.heading_end] == ":"
    assert layout.body_starts[first.id] == text.index("toàn huyện")


def test_lettered_items_are_paragraphs_when_one_of_them_is_a_sentence():
    text = (
        "I. CÔNG TÁC CHỈ ĐẠO\n1. Chỉ đạo chung\na) Ban hành 03 kế hoạch triển khai nhiệm vụ năm.\n"
        "b) Tổng hợp kết quả sơ kết giữa kỳ\nc) Việc kiểm tra: tổ chức 02 đoàn kiểm tra.\n2. Tuyên truyền\n"
    )
    assert [n for n, _ in _headings(text)] == ["I", "1", "2"]


def test_a_long_template_heading_with_bullets_under_it_is_a_section():
    long_heading = (
        "7.1. Kết quả thực hiện các nhiệm vụ được phân cấp, phân quyền trong lĩnh vực đất đai theo quy "
        "định của Chính phủ; hoạt động thu hồi đất theo quy định của Luật Đất đai năm 2024 và các văn bản "
        "hướng dẫn thi hành có hiệu lực"
    )
    text = f"7. Nội dung theo yêu cầu\n{long_heading}\n- Về phân cấp: đã thực hiện đầy đủ.\n"
    assert _headings(text)[1] == ("7.1", long_heading[5:])


def test_a_long_line_among_template_headings_is_a_section_too():
    long_line = (
        "7.2. Báo cáo hiện trạng, đánh giá những thay đổi trong công tác quản lý đất đai trên địa bàn "
        "trong năm so với những năm trước đó, đánh giá tác động của các chính sách mới được ban hành."
    )
    text = (
        "7. Nội dung theo yêu cầu\n7.1. Kết quả thực hiện nhiệm vụ được phân cấp\n- Đã thực hiện.\n"
        f"{long_line}\nTrong năm, tình hình quản lý ổn định.\n7.3. Những bất cập còn tồn tại\n- Chưa có.\n"
    )
    assert [n for n, _ in _headings(text)] == ["7", "7.1", "7.2", "7.3"]


def test_long_numbered_directives_are_paragraphs_even_among_topic_headings():
    directive = (
        "1/ Nâng cao hiệu lực, hiệu quả hoạt động của bộ máy chính quyền các cấp nhằm phấn đấu hoàn "
        "thành toàn diện các chỉ tiêu kinh tế - xã hội năm 2024, giữ vững ổn định chính trị, trật tự an "
        "toàn xã hội trên địa bàn."
    )
    text = f"PHẦN THỨ HAI\nNHIỆM VỤ 6 THÁNG CUỐI NĂM\n{directive}\n2/ Phát triển kinh tế\n3/ Văn hóa - xã hội\n"
    assert [n for n, _ in _headings(text)] == ["PHẦN 2", "2", "3"]


def test_a_directive_with_a_colon_among_numbered_paragraphs_is_not_a_heading():
    para = "Tăng cường công tác lãnh đạo của cấp ủy đối với công tác phòng, chống tội phạm trên địa bàn, coi "
    text = (
        "2. Nhiệm vụ, giải pháp trọng tâm\n"
        f"2.1. {para}đây là nhiệm vụ thường xuyên của cả hệ thống chính trị ở cơ sở trong thời gian tới.\n"
        f"2.2. {para}trọng xây dựng lực lượng nòng cốt ở thôn, tổ dân phố và phát huy vai trò người uy tín.\n"
        "2.3. Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc: lồng ghép với các cuộc vận động.\n"
    )
    assert [n for n, _ in _headings(text)] == ["2"]


def test_a_topic_line_ending_in_a_colon_is_an_unnumbered_section():
    text = "9. Công tác khác\nVề khu vực cấm hoạt động khai thác cát:\n- Đã khoanh định 05 khu vực.\nII. TÌNH HÌNH\n"
    layout = split_sections(text)
    topic = layout.sections[1]
    assert (topic.number, topic.heading, topic.level, topic.parent_id) == (
        None,
        "Về khu vực cấm hoạt động khai thác cát",
        2,
        "s1",
    )


def test_the_header_block_of_a_short_page_excerpt_is_not_a_section():
    text = (
        "Báo cáo kết quả 6 tháng đầu năm 2022\n\n"
        + "Số kí hiệu 12/BC-UBND\nNgày ban hành 20/06/2022\n" * 30
        + "ỦY BAN NHÂN DÂN\nXÃ AN HÒA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO\nKết quả 6 tháng đầu năm 2022\n"
        "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN\nUBND xã thực hiện kế hoạch trong điều kiện nhiều khó khăn.\n"
    )
    assert [n for n, _ in _headings(text)] == ["PHẦN 1"]


def test_untitled_parts_before_the_task_part_report_results():
    text = "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI\nNội dung.\nII. PHƯƠNG HƯỚNG THỜI GIAN TỚI\nNội dung.\nIII. KINH PHÍ\n"
    assert [s.role for s in split_sections(text).sections] == ["results", "tasks", "other"]


def test_a_plans_task_and_assignment_parts_are_task_parts_and_its_purpose_is_not():
    text = (
        "I. MỤC ĐÍCH, YÊU CẦU\nNội dung.\nII. MỤC TIÊU, NHIỆM VỤ\n1. Cải cách thể chế\nNội dung.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Nội vụ\nNội dung.\nIV. KINH PHÍ\n"
    )
    assert [s.role for s in split_sections(text).sections] == ["results", "tasks", "tasks", "tasks", "tasks", "other"]


def test_next_period_work_under_a_results_sector_is_a_task_part_and_a_verb_keeps_a_task_part():
    text = (
        "I. KẾT QUẢ THỰC HIỆN QUÝ I\n1. Nông nghiệp\na) Kết quả đạt được\nNội dung.\n"
        "b) Nhiệm vụ trong thời gian tới\nNội dung.\nII. CÔNG TÁC TRỌNG TÂM QUÝ II\n"
        "1. Khắc phục những hạn chế, tồn tại trong giải ngân vốn\nNội dung.\n"
    )
    got = [(s.heading[:12], s.role) for s in split_sections(text).sections]
    assert got == [
        ("KẾT QUẢ THỰC", "results"),
        ("Nông nghiệp", "results"),
        ("Kết quả đạt ", "results"),
        ("Nhiệm vụ tro", "tasks"),
        ("CÔNG TÁC TRỌ", "tasks"),
        ("Khắc phục nh", "tasks"),
    ]


def test_the_genres_names_for_a_task_part_make_task_parts():
    for heading in (
        "KẾ HOẠCH CÔNG TÁC THÁNG 4 NĂM 2024",
        "NHỮNG VIỆC CẦN TẬP TRUNG THỰC HIỆN TRONG THỜI GIAN TỚI",
        "CÔNG TÁC TRỌNG TÂM QUÝ II",
        "CHƯƠNG TRÌNH CÔNG TÁC THÁNG 5",
    ):
        text = f"I. KẾT QUẢ\nNội dung.\nII. {heading}\nNội dung.\n"
        assert [s.role for s in split_sections(text).sections] == ["results", "tasks"], heading


def test_a_charters_standing_duties_and_powers_are_not_a_task_part():
    text = "I. NHIỆM VỤ, QUYỀN HẠN, NGHĨA VỤ CỦA HỘI\n1. Tập hợp, phát triển hội viên\nNội dung.\n"
    assert [s.role for s in split_sections(text).sections] == ["other", "other"]


def test_what_an_inspection_notice_requires_of_the_investor_is_a_task_part():
    text = "1. Kết quả kiểm tra\nKho đạt yêu cầu.\n2. Yêu cầu đối với chủ đầu tư\nBổ sung hồ sơ.\n"
    assert [s.role for s in split_sections(text).sections] == ["results", "tasks"]
    law = "1. Phạm vi\nNội dung.\n2. Yêu cầu đối với cơ sở kiểm nghiệm\nCó phòng thử nghiệm.\n"
    assert [s.role for s in split_sections(law).sections] == ["results", "results"]


def test_the_parts_of_a_conclusion_notice_are_directives_unless_they_assess():
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 12/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "An Phú, ngày 5 tháng 4 năm 2026\nTHÔNG BÁO\nKết luận của Chủ tịch UBND huyện tại cuộc họp giao ban\n"
        "Sau khi nghe báo cáo, ý kiến của các đại biểu, Chủ tịch UBND huyện kết luận và chỉ đạo như sau:\n"
        "1. Đánh giá chung\nCác phòng đã chủ động triển khai.\n"
        "2. Thống nhất tổ chức Hội chợ nông sản theo đề xuất của Phòng Kinh tế\nNội dung.\n"
        "3. Về công tác giải phóng mặt bằng\nNội dung.\n"
    )
    assert [s.role for s in split_sections(text).sections] == ["results", "tasks", "tasks"]
    report = (
        "ỦY BAN NHÂN DÂN\nXÃ AN HÒA\nSố: 5/BC-UBND\nBÁO CÁO\nKết quả 6 tháng\nUBND xã báo cáo như sau:\n"
        "1. Về nông nghiệp\nNội dung.\n"
    )
    assert [s.role for s in split_sections(report).sections] == ["results"]
    letter = (
        "ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 9/UBND-VP\nV/v tăng cường bảo vệ rừng\nKính gửi: UBND các xã.\n"
        "Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị thực hiện một số nội dung như sau:\n"
        "1. Phòng Nông nghiệp\nNội dung.\n"
    )
    assert [s.role for s in split_sections(letter).sections] == ["tasks"]
    asked = (
        "ỦY BAN NHÂN DÂN\nXÃ AN HÒA\nSố: 5/BC-UBND\nBÁO CÁO\nKết quả 6 tháng\n"
        "Thực hiện yêu cầu của Phòng Nội vụ, UBND xã tổng hợp kết quả như sau:\n1. Về nông nghiệp\nNội dung.\n"
    )
    assert [s.role for s in split_sections(asked).sections] == ["results"]


def test_a_forecast_and_tasks_part_is_a_task_part_and_its_forecast_is_other():
    text = (
        "PHẦN THỨ HAI\nDỰ BÁO TÌNH HÌNH VÀ MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM\n"
        "1. Những thách thức và dự báo tình hình thời gian tới\nNội dung.\n2. Nhiệm vụ, giải pháp trọng tâm\n"
    )
    assert [s.role for s in split_sections(text).sections] == ["tasks", "other", "tasks"]


def test_the_first_role_word_of_a_heading_decides_and_parentheses_only_list_contents():
    text = (
        "I. KẾT QUẢ\n8. Đánh giá chung về thuận lợi, khó khăn và tồn tại\n8.1. Tồn tại, khó khăn và nguyên nhân\n"
        "8.2. Giải pháp, kiến nghị\n8.3. Đánh giá tổng hợp công tác môi trường (thực trạng, nguyên nhân, giải pháp)\n"
    )
    assert [s.role for s in split_sections(text).sections] == ["results", "results", "limitations", "tasks", "results"]


def test_top_level_parts_have_no_sector_and_children_name_theirs():
    text = (
        "I. CÔNG TÁC QUẢN LÝ NHÀ NƯỚC VỀ KHOÁNG SẢN\n1. Công tác tuyên truyền, phổ biến pháp luật về khoáng sản\n"
        "2. Việc cấp Phiếu lý lịch tư pháp, Sổ sức khỏe điện tử\n3. Nhóm tiện ích phát triển công dân số\n"
    )
    assert [s.sector for s in split_sections(text).sections] == [None, "land_environment", None, "government"]


def test_table_rows_are_never_headings():
    text = (
        "I. KẾT QUẢ\nII.1 | Dịch vụ trực tuyến |  | 8,23 | 14/34\nCHỈ SỐ CHUNG | 83,0% | 39/63\n1. Kết quả năm 2024\n"
    )
    assert [n for n, _ in _headings(text)] == ["I", "1"]


def test_lettered_labels_run_past_e_and_may_end_in_a_year_or_be_long():
    long_label = (
        "Kho bảo quản tiền chất thuốc nổ sử dụng để sản xuất vật liệu nổ công nghiệp (số lượng kho, tổng công suất kho)"
    )
    text = (
        "I. KẾT QUẢ\n1. Tình hình quản lý\na) Số lượng tổ chức hoạt động\n"
        "b) Vật liệu nổ đã sử dụng trong năm 2025: 1.939 kg thuốc nổ.\n"
        f"c) {long_label}: 01 kho với tổng sức chứa 90 tấn.\n"
        "d) Kho bảo quản\ne) Dịch vụ nổ mìn: có 06 đơn vị được cấp phép.\n"
        "g) Tình hình thực hiện các quy định của pháp luật\n2. Tai nạn, sự cố\n"
    )
    assert _headings(text)[2:] == [
        ("a", "Số lượng tổ chức hoạt động"),
        ("b", "Vật liệu nổ đã sử dụng trong năm 2025"),
        ("c", long_label),
        ("d", "Kho bảo quản"),
        ("e", "Dịch vụ nổ mìn"),
        ("g", "Tình hình thực hiện các quy định của pháp luật"),
        ("2", "Tai nạn, sự cố"),
    ]


def test_a_time_before_a_colon_is_no_label():
    text = "I. KẾT QUẢ\n1. Hội nghị\na) Khai mạc lúc 14: 30 tại hội trường UBND xã, có 120 đại biểu dự.\n"
    assert [n for n, _ in _headings(text)] == ["I", "1"]


def test_a_part_on_the_factors_that_pulled_an_index_down_is_a_limitations_part():
    text = (
        "I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\n1. Kết quả Chỉ số năm 2024\n- Đạt 83,1 điểm.\n"
        "2. Các yếu tố ảnh hưởng đến kết quả chỉ số\na) Tỷ lệ hồ sơ giải quyết đúng hẹn còn thấp.\n"
    )
    assert tree(text) == [("I", 1, "results"), ("1", 2, "results"), ("2", 2, "limitations")]


ANNEXED = (
    "UBND HUYỆN A\n\nBÁO CÁO\nKết quả công tác năm 2025\n\n"
    "1. Kết quả\nThu ngân sách đạt 120 tỷ đồng.\n\n2. Nhiệm vụ\nTiếp tục thu ngân sách.\n\n"
    "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n\n"
    "Phụ lục\n\nTỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025\n\n"
    "(Kèm theo Báo cáo số 12/BC-UBND ngày 10/01/2026)\n\n"
    "Biểu mẫu 1\n\nKẾT QUẢ THU NGÂN SÁCH\n\nChỉ tiêu | ĐVT | Kết quả\nThu ngân sách | tỷ đồng | 120\n\n"
    "Biểu mẫu 2\n\nKẾT QUẢ GIẢI NGÂN\n\nTheo Quyết định số 15/QĐ-UBND ngày 02/02/2025 của UBND huyện.\n"
)


def test_an_appendix_after_the_signature_is_a_level_one_section_and_its_forms_its_children():
    layout = split_sections(ANNEXED)
    got = [(s.number, s.level, s.heading, s.parent_id) for s in layout.sections]
    assert got == [
        ("1", 1, "Kết quả", None),
        ("2", 1, "Nhiệm vụ", None),
        (None, 1, "Phụ lục TỔNG HỢP KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025", None),
        (None, 2, "Biểu mẫu 1 KẾT QUẢ THU NGÂN SÁCH", "s3"),
        (None, 2, "Biểu mẫu 2 KẾT QUẢ GIẢI NGÂN", "s3"),
    ]
    appendix, form1, form2 = layout.sections[2:]
    assert appendix.end == len(ANNEXED) and form1.end == form2.start and form2.end == len(ANNEXED)
    assert layout.sections[1].end == layout.body_end < appendix.start  # the closing block is no section
    # the appendix's own text is read (its cited documents), but never as the report's statements
    own = [sec.id for sec, _, _ in layout.own_spans() if sec is not None]
    body = [sec.id for sec, _, _ in layout.body_spans() if sec is not None]
    assert own == ["s1", "s2", "s3", "s4", "s5"] and body == ["s1", "s2"]


def test_phu_luc_inside_a_sentence_or_before_the_signature_is_no_appendix():
    text = (
        ANNEXED.replace("Phụ lục\n\nTỔNG", "Chi tiết tại Phụ lục kèm theo.\n\nTỔNG")
        .replace("Biểu mẫu", "Bảng")
        .replace("(Kèm theo", "(Số liệu theo")  # a caps title over `(Kèm theo ...)` is an appendix of its own
    )
    assert [s.number for s in split_sections(text).sections] == ["1", "2"]
    body = "1. Kết quả\nPhụ lục 2 của Quyết định số 15 quy định rõ.\n\nNơi nhận:\n- Lưu: VT.\n"
    assert [s.number for s in split_sections(body).sections] == ["1"]


def test_the_rules_read_an_appendixs_citations_but_take_no_statements_from_it():
    from llmx.rules.backend import extract

    text = ANNEXED.replace(
        "KẾT QUẢ GIẢI NGÂN\n\n", "KẾT QUẢ GIẢI NGÂN\n\nTiếp tục đôn đốc giải ngân vốn đầu tư công.\n"
    )
    layout = split_sections(text)
    got = extract(text, layout)
    placed = [(r.number, getattr(layout.section_at(r.start), "id", None)) for r in got.references]
    assert placed == [("12/BC-UBND", "s3"), ("15/QĐ-UBND", "s5")]
    assert [t.text for t in got.tasks] == ["Tiếp tục thu ngân sách"]


def test_figures_in_a_proposals_section_are_the_terms_of_the_proposal_not_results():
    from llmx.rules.backend import extract

    text = (
        "1. Kết quả\nThu tiền cấp quyền khai thác khoáng sản đạt 142 tỷ đồng.\n\n"
        "2. Đề xuất, kiến nghị\nĐề nghị Bộ sửa đổi Điều 137: mỏ có giá trị dưới 50 tỷ đồng thu 01 lần; "
        "mỏ trên 150 tỷ đồng nộp lần đầu tối thiểu 30% giá trị.\n"
    )
    layout = split_sections(text)
    assert [s.role for s in layout.sections] == ["results", "proposals"]
    got = extract(text, layout)
    assert [(i.value, i.unit) for i in got.indicators] == [(142, "tỷ đồng")]
    assert len(got.proposals) == 1
