"""Heading shapes the genre writes beyond the tuned reports (submissions, plans, association
reports, letters): each test is invented text showing one shape."""

from llmx.sections import split_sections


def _tree(text: str) -> list[tuple[str | None, int, str]]:
    return [(s.number, s.level, s.heading) for s in split_sections(text).sections]


def test_a_colon_inside_parentheses_does_not_cut_the_heading():
    text = (
        "I. THÔNG TIN CHUNG\nDự án nhóm B.\n"
        "II. NỘI DUNG HỒ SƠ TRÌNH THẨM ĐỊNH (Tóm tắt giải pháp thiết kế về: kiến trúc, kết cấu)\n"
        "Hồ sơ gồm 05 tập.\nIII. KẾT QUẢ THẨM ĐỊNH\n1. Thời gian: từ ngày 02/3/2026 đến ngày 10/3/2026.\n"
    )
    layout = split_sections(text)
    second = layout.sections[1]
    assert second.heading == "NỘI DUNG HỒ SƠ TRÌNH THẨM ĐỊNH (Tóm tắt giải pháp thiết kế về: kiến trúc, kết cấu)"
    assert second.role == "results"  # `giải pháp` in the parentheses only lists what the part holds
    assert layout.sections[3].heading == "Thời gian"  # a colon outside parentheses still splits


def test_numbered_items_of_an_enumeration_are_not_sections():
    text = (
        "A. HIỆN TRẠNG CÁC HỘI\nI. HUYỆN AN BÌNH\n1. Hội Nông dân huyện An Bình;\n"
        "2. Hội Cựu chiến binh huyện An Bình;\n"
        "3. Hội Chữ thập đỏ huyện An Bình.\nII. HUYỆN BÌNH MINH\n1. Hội Người cao tuổi huyện Bình Minh;\n"
        "2. Hội Khuyến học huyện Bình Minh.\nIII. THÀNH VIÊN TỔ CÔNG TÁC\n1. Ông Nguyễn Văn A, Sở Nội vụ: Tổ trưởng;\n"
        "2. Bà Trần Thị B, Sở Tư pháp: Thành viên;\n3. Ông Lê Văn C, Sở Tài chính: Thành viên.\n"
        "B. PHƯƠNG ÁN\n1. Về tổ chức\nHợp nhất các hội cùng lĩnh vực.\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["A", "I", "II", "III", "B", "1"]


def test_the_motto_and_signature_titles_are_never_sections_when_their_blocks_are_missed():
    text = (
        "Số: 12/KH-UBND\nV/v chuẩn bị nội dung làm việc\n\nvới đoàn kiểm tra của Bộ\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "An Bình, ngày 02 tháng 3 năm 2026\n\nKính gửi: Các sở, ban, ngành\n\n"
        "I. NỘI DUNG LÀM VIỆC\nBáo cáo kết quả năm 2025.\nII. TỔ CHỨC THỰC HIỆN\nGiao Sở Nội vụ tổng hợp.\n\n"
        "CHÁNH VĂN PHÒNG\n\nNguyễn Văn A\n\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n"
    )
    layout = split_sections(text)
    assert [n for n, _, _ in _tree(text)] == ["I", "II"]
    assert text[: layout.body_start].rstrip().endswith("Kính gửi: Các sở, ban, ngành")  # the wrapped subject too


def test_a_caps_title_opening_with_bao_cao_ends_the_header_block():
    text = (
        "HIỆP HỘI DOANH NGHIỆP TỈNH\nSố: 05/BC-HH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập – Tự do – Hạnh phúc\nAn Bình, ngày 10 tháng 6 năm 2025\n\n"
        "BÁO CÁO KIỂM ĐIỂM\n\nCỦA BAN CHẤP HÀNH HIỆP HỘI\n\nNhiệm kỳ IV (2019-2025)\n\n----------\n\n"
        "I. Những việc đã làm được:\nTổ chức 12 hội nghị.\nII. Những tồn tại, hạn chế:\nHội viên ít tham gia.\n"
    )
    layout = split_sections(text)
    assert [(s.number, s.role) for s in layout.sections] == [("I", "results"), ("II", "limitations")]
    assert text[layout.body_start :].lstrip().startswith("I. Những việc")


def test_a_caps_heading_wrapped_over_two_lines_is_one_section():
    text = (
        "GIẢI TRÌNH BỔ SUNG THEO CHỈ ĐẠO\n\nCỦA ĐỒNG CHÍ CHỦ TỊCH UBND TỈNH\n\n"
        "1. Về giải thể hội: Hội hoạt động không hiệu quả.\n"
        "PHỤ LỤC DÀNH CHO CÁC TỈNH,\nTHÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG\nSố liệu theo biểu.\n"
    )
    got = [h for _, _, h in _tree(text)]
    assert got == [
        "GIẢI TRÌNH BỔ SUNG THEO CHỈ ĐẠO CỦA ĐỒNG CHÍ CHỦ TỊCH UBND TỈNH",
        "Về giải thể hội",
        "PHỤ LỤC DÀNH CHO CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG",
    ]


def test_parts_numbered_by_letters_are_parts():
    text = "PHẦN A\nKẾT QUẢ THỰC HIỆN\n1. Kinh tế\nTăng 7%.\nPHẦN B\nNHIỆM VỤ TRỌNG TÂM\n1. Kinh tế\nTăng 8%.\n"
    layout = split_sections(text)
    got = [(s.number, s.level, s.heading, s.role) for s in layout.sections]
    assert got == [
        ("PHẦN A", 1, "KẾT QUẢ THỰC HIỆN", "results"),
        ("1", 2, "Kinh tế", "results"),
        ("PHẦN B", 1, "NHIỆM VỤ TRỌNG TÂM", "tasks"),
        ("1", 2, "Kinh tế", "tasks"),
    ]


def test_a_caps_title_over_a_kem_theo_line_after_the_signature_is_an_appendix():
    text = (
        "SỞ CÔNG THƯƠNG\nSố: 12/KH-SCT\nKẾ HOẠCH\nKiểm tra năm 2026\n\nI. MỤC ĐÍCH\nKiểm tra 28 đơn vị.\n\n"
        "Nơi nhận:\n- Lưu: VT.\n\n"
        "KT. GIÁM ĐỐC\n\nPHÓ GIÁM ĐỐC\n\nNguyễn Văn A\n\n"
        "PHÂN CÔNG NHIỆM VỤ CỦA TỔ KIỂM TRA\n\n(Kèm theo Kế hoạch số 12/KH-SCT ngày 23/4/2026)\n\n"
        "Họ tên | Nhiệm vụ\nNguyễn Văn B | Tổ trưởng\n"
    )
    layout = split_sections(text)
    got = [(s.number, s.level, s.heading) for s in layout.sections]
    assert got == [("I", 1, "MỤC ĐÍCH"), (None, 1, "PHÂN CÔNG NHIỆM VỤ CỦA TỔ KIỂM TRA")]
    assert layout.sections[0].end == layout.body_end < layout.sections[1].start


def test_a_submissions_grounds_are_preamble_and_what_it_asks_for_is_a_proposal():
    text = (
        "1. Cơ sở pháp lý đề xuất\nCăn cứ Nghị định số 126/2024/NĐ-CP.\n2. Hồ sơ\n"
        "2.1. Thành phần hồ sơ do chủ đầu tư đề xuất\nGồm 05 văn bản.\n"
        "3. Từ các nội dung trên, Sở Nội vụ kính trình Chủ tịch UBND tỉnh ban hành Quyết định\n"
    )
    assert [s.role for s in split_sections(text).sections] == ["preamble", "results", "results", "proposals"]


def test_a_part_that_opens_by_proposing_is_a_proposals_part_and_its_tasks_child_tasks():
    text = (
        "I. KẾT QUẢ NĂM 2024\nĐạt 60 điểm.\nII. ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN CÁC CHỈ SỐ\n"
        "1. Nhiệm vụ, giải pháp chung\nTiếp tục cải cách.\n2. Đề xuất lãnh đạo UBND tỉnh chỉ đạo\n"
    )
    assert [s.role for s in split_sections(text).sections] == ["results", "proposals", "tasks", "proposals"]


def test_a_number_that_lost_its_dot_is_a_heading_when_its_first_child_follows():
    text = (
        "I. PHƯƠNG ÁN\n6. Thời gian nổ mìn: từ 11 giờ đến 11 giờ 30.\n7 Biện pháp canh gác\n"
        "7.1. Quy định về canh gác: bố trí 04 trạm gác.\n7.2. Tín hiệu nổ mìn\n"
        "8 Tổ chức thi công theo hộ chiếu nổ mìn đã duyệt.\n"
    )
    assert [(n, level) for n, level, _ in _tree(text)] == [("I", 1), ("6", 2), ("7", 2), ("7.1", 3), ("7.2", 3)]


PLAN = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\nSố: 15/KH-UBND\nAn Bình, ngày 05 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
    "Cải cách hành chính năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng phục vụ.\n"
    "II. KẾT QUẢ THỰC HIỆN NĂM 2025\nĐạt 85 điểm.\nIII. CHỈ TIÊU, NHIỆM VỤ\n1. Cải cách thể chế\na) Mục tiêu\n"
    "Ban hành 10 văn bản.\nb) Nhiệm vụ\nRà soát văn bản.\nc) Kiểm tra kết quả thực hiện\nKiểm tra 20 đơn vị.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\nTheo dõi, đôn đốc.\n"
)


def test_a_plans_untitled_parts_set_tasks_and_its_aims_are_other():
    got = [(s.number, s.role) for s in split_sections(PLAN).sections]
    assert got == [
        ("I", "other"),
        ("1", "other"),
        ("II", "results"),
        ("III", "tasks"),
        ("1", "tasks"),
        ("a", "tasks"),
        ("b", "tasks"),
        ("c", "tasks"),  # the top-level part decides results vs tasks
        ("IV", "tasks"),
        ("1", "tasks"),
    ]
    report = PLAN.replace("KẾ HOẠCH\n", "BÁO CÁO\n")  # the same parts in a report keep their reading
    assert [s.role for s in split_sections(report).sections][:3] == ["results", "results", "results"]


def test_a_quoted_provision_among_template_headings_is_no_section():
    quoted = (
        "3. Sau khi hội hoàn thành việc thanh toán nợ và thanh lý tài sản, tài chính ghi trong thông báo, "
        "cơ quan nhà nước có thẩm quyền quy định tại khoản 2 Điều 15 Nghị định này quyết định giải thể hội.”"
    )
    text = (
        "1. Căn cứ pháp lý liên quan\nKhoản 2 Điều 35 Nghị định số 126/2024/NĐ-CP quy định:\n"
        f"“1. Hội bị giải thể khi không hoạt động.\n{quoted}\n"
        "2. Kết quả rà soát\nCó 16 hội báo cáo.\n3. Đề xuất\nGiải thể 06 hội.\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["1", "2", "3"]


def test_a_part_naming_its_shortfalls_before_the_remedies_is_a_limitations_part():
    text = (
        "I. KẾT QUẢ\nĐạt 90%.\nII. CÁC VẤN ĐỀ TỒN TẠI, HẠN CHẾ, NGUYÊN NHÂN VÀ GIẢI PHÁP KHẮC PHỤC\n"
        "1. Về cải cách thủ tục hành chính\nTỷ lệ hồ sơ đúng hạn chưa đạt.\nIII. GIẢI PHÁP THỜI GIAN TỚI\n"
    )
    assert [s.role for s in split_sections(text).sections] == ["results", "limitations", "limitations", "tasks"]


def test_a_label_ending_in_a_number_is_a_label_when_words_follow_its_colon():
    text = "II. NỘI DUNG\n1. Thời gian\n1.1. Đợt 1: Từ 13h30 ngày 02/6/2026.\n1.2. Đợt 2: Từ 13h30 ngày 03/6/2026.\n"
    assert [h for _, _, h in _tree(text)][2:] == ["Đợt 1", "Đợt 2"]


def test_a_stamped_number_in_a_letter_header_and_a_part_of_tasks_to_do():
    text = (
        "BỘ NỘI VỤ\n12094\nSố: /BNV-CCHC\nV/v hướng dẫn triển khai Đề án\nKính gửi:\n\n"
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 15 tháng 12 năm 2025\n\n- Các bộ, cơ quan ngang bộ;\n\n"
        "Bộ Nội vụ hướng dẫn triển khai một số nội dung như sau, để các bộ, tỉnh thực hiện thống nhất trong năm:\n\n"
        "I. NHỮNG NHIỆM VỤ ĐÃ TRIỂN KHAI\nBan hành 05 văn bản.\n"
        "II. NHỮNG NHIỆM VỤ CẦN TRIỂN KHAI NGAY TRONG THÁNG 12/2025\n1. Văn phòng Ủy ban nhân dân tỉnh\n"
    )
    layout = split_sections(text)
    assert text[layout.body_start :].lstrip().startswith("Bộ Nội vụ hướng dẫn")  # `12094` stays in the header
    assert [(s.number, s.role) for s in layout.sections] == [("I", "results"), ("II", "tasks"), ("1", "tasks")]


def test_a_parenthesised_note_does_not_count_to_a_labels_length():
    note = "(thực hiện theo quy định tại khoản 1 Điều 46 Nghị định số 175/2024/NĐ-CP ngày 30/12/2024)"
    text = (
        "V. KẾT QUẢ THẨM ĐỊNH\n"
        f"1. Sự tuân thủ quy định của pháp luật về lập, thẩm tra thiết kế xây dựng {note}: Hồ sơ đã được "
        "kiểm tra đầy đủ theo quy định, thành phần hồ sơ phù hợp và đủ điều kiện để thẩm định.\n"
    )
    got = split_sections(text).sections[1].heading
    assert got == f"Sự tuân thủ quy định của pháp luật về lập, thẩm tra thiết kế xây dựng {note}"


def test_an_appendix_sent_on_its_own_is_one_appendix_section():
    text = (
        "Phụ lục\n\nDANH MỤC NHIỆM VỤ ỦY QUYỀN CHO SỞ CÔNG THƯƠNG\n\n(Kèm theo Quyết định số 15/QĐ-UBND)\n\n"
        "1. Cấp giấy phép sử dụng vật liệu nổ công nghiệp\n2. Thu hồi giấy phép sử dụng vật liệu nổ công nghiệp\n"
    )
    layout = split_sections(text)
    assert [(s.number, s.level, s.heading) for s in layout.sections] == [
        (None, 1, "Phụ lục DANH MỤC NHIỆM VỤ ỦY QUYỀN CHO SỞ CÔNG THƯƠNG")
    ]
    part = "PHẦN B\n\nPHỤ LỤC DÀNH CHO CÁC TỈNH,\n\nTHÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG\n\nSố liệu theo biểu.\n"
    assert [s.heading for s in split_sections(part).sections] == [
        "PHỤ LỤC DÀNH CHO CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG"
    ]


def test_a_drafts_blank_date_line_stays_in_the_header_so_the_plan_title_is_no_section():
    text = PLAN.replace("An Bình, ngày 05 tháng 01 năm 2026", "An Bình, ngày      tháng      năm")
    layout = split_sections(text)
    assert layout.sections[0].number == "I" and layout.sections[0].role == "other"
    assert "KẾ HOẠCH" in text[: layout.body_start]


def test_hyphen_numbering_of_the_older_party_style_is_read_as_headings():
    text = (
        "I- KẾT QUẢ THỰC HIỆN\n1- Về kinh tế\nTổng thu ngân sách đạt 120 tỷ đồng.\n"
        "II- PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM\n1- Về kinh tế\n"
        "a- Tiếp tục chỉ đạo sản xuất vụ Hè Thu.\nb- Đẩy mạnh thu ngân sách.\n"
        "IV - TỔ CHỨC THỰC HIỆN\nCác phòng, ban triển khai kế hoạch này.\n"
    )
    layout = split_sections(text)
    assert _tree(text) == [
        ("I", 1, "KẾT QUẢ THỰC HIỆN"),
        ("1", 2, "Về kinh tế"),
        ("II", 1, "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM"),
        ("1", 2, "Về kinh tế"),
        ("IV", 1, "TỔ CHỨC THỰC HIỆN"),
    ]
    assert [s.role for s in layout.sections][2:4] == ["tasks", "tasks"]


def test_a_hyphen_between_numbers_is_no_heading_number():
    text = "I. KẾT QUẢ\n2-3 ngày một lần kiểm tra vệ sinh.\n10 - 15 hộ tham gia mô hình.\n"
    assert _tree(text) == [("I", 1, "KẾT QUẢ")]


def test_a_numbered_heading_after_letter_headings_is_their_sibling_not_their_child():
    text = (
        "BÁO CÁO\nTình hình 6 tháng\nI. KẾT QUẢ\na) Nông nghiệp\nDiện tích lúa đạt 500 ha.\n"
        "b) Công nghiệp\nGiá trị tăng 5%.\n1. Văn hóa\nTổ chức 3 lễ hội.\nII. NHIỆM VỤ\nTiếp tục.\n"
    )
    assert _tree(text) == [
        ("I", 1, "KẾT QUẢ"),
        ("a", 2, "Nông nghiệp"),
        ("b", 2, "Công nghiệp"),
        ("1", 2, "Văn hóa"),
        ("II", 1, "NHIỆM VỤ"),
    ]


def test_letter_headings_under_a_numbered_heading_still_nest():
    text = (
        "BÁO CÁO\nTình hình 6 tháng\nI. KẾT QUẢ\n1. Kinh tế\na) Nông nghiệp\nTốt.\nb) Công nghiệp\nTốt.\n"
        "2. Văn hóa\nTốt.\n"
    )
    assert [(n, lvl) for n, lvl, _ in _tree(text)] == [("I", 1), ("1", 2), ("a", 3), ("b", 3), ("2", 2)]


def test_a_heading_wrapped_before_its_period_is_joined():
    text = (
        "BÁO CÁO\nTình hình 6 tháng\nI. Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội\n"
        "6 tháng đầu năm 2024\n1. Kinh tế\nTăng 5%.\n"
    )
    assert _tree(text)[0] == ("I", 1, "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm 2024")


def test_a_period_line_after_a_sentence_is_not_joined_to_the_heading_above():
    text = "BÁO CÁO\nTình hình\nI. Kết quả\n1. Kinh tế\nThu ngân sách đạt 2.000 triệu đồng.\n6 tháng đầu năm\n"
    assert _tree(text) == [("I", 1, "Kết quả"), ("1", 2, "Kinh tế")]


def test_chapters_and_their_parts_are_sections_with_their_title_under_the_number():
    text = (
        "Chương I\nKẾT QUẢ THỰC HIỆN\n1. Kinh tế\nSản xuất ổn định.\n"
        "CHƯƠNG II. NHIỆM VỤ NĂM TỚI\nMục 1. Về kinh tế\nTiếp tục phát triển theo quy định tại\n"
        "Mục 2 Chương III Luật Đầu tư.\n"
    )
    assert _tree(text) == [
        ("CHƯƠNG I", 1, "KẾT QUẢ THỰC HIỆN"),
        ("1", 2, "Kinh tế"),
        ("CHƯƠNG II", 1, "NHIỆM VỤ NĂM TỚI"),
        ("MỤC 1", 2, "Về kinh tế"),
    ]
    assert [s.role for s in split_sections(text).sections][2] == "tasks"


def test_a_part_numbered_in_roman_after_thu_keeps_its_numeral():
    text = "Phần thứ II\nNHIỆM VỤ 6 THÁNG CUỐI NĂM\n1. Kinh tế\nTiếp tục.\n"
    assert _tree(text)[0] == ("PHẦN II", 1, "NHIỆM VỤ 6 THÁNG CUỐI NĂM")


def test_roman_rooted_dotted_numbers_are_children_of_the_roman_part():
    text = (
        "I. KẾT QUẢ\nI.1. Kinh tế\nSản xuất ổn định.\nI.2. Xã hội\nỔn định.\nII. NHIỆM VỤ\nII.1. Kinh tế\nTiếp tục.\n"
    )
    assert _tree(text) == [
        ("I", 1, "KẾT QUẢ"),
        ("I.1", 2, "Kinh tế"),
        ("I.2", 2, "Xã hội"),
        ("II", 1, "NHIỆM VỤ"),
        ("II.1", 2, "Kinh tế"),
    ]


def test_a_hyphen_number_without_a_space_before_the_title_is_a_number():
    text = (
        "I-KẾT QUẢ\n1-Kinh tế\nSản xuất ổn định theo Chỉ thị số\n35-CT/TW ngày 14/6/2024 của Bộ Chính trị.\n"
        "II-NHIỆM VỤ\n1- Kinh tế\nTiếp tục, 2-3 ngày một lần.\n"
    )
    assert _tree(text) == [("I", 1, "KẾT QUẢ"), ("1", 2, "Kinh tế"), ("II", 1, "NHIỆM VỤ"), ("1", 2, "Kinh tế")]


def test_letters_with_a_slash_are_sections_not_glued_to_the_heading_above():
    text = "1. Kinh tế\na/ Nông nghiệp\nSản xuất ổn định.\nb/ Công nghiệp\nGiá trị sản xuất tăng.\n"
    assert _tree(text) == [("1", 1, "Kinh tế"), ("a", 2, "Nông nghiệp"), ("b", 2, "Công nghiệp")]


def test_numbered_sentences_with_nothing_under_them_are_content_not_sections():
    text = (
        "II- MỤC TIÊU\n\n1. Đến năm 2028, hoàn thành số hoá 100% hồ sơ đảng viên.\n\n"
        "2. Phấn đấu chỉ số hài lòng của người dân đạt trên 85%.\n\n"
        "III- NHIỆM VỤ\n\n1. Về hạ tầng số\n\nĐầu tư trang thiết bị cho các xã.\n\n"
        "2. Nghị quyết này được phổ biến đến chi bộ.\n\nNơi nhận:\n- Như trên.\n"
    )
    assert _tree(text) == [("II", 1, "MỤC TIÊU"), ("III", 1, "NHIỆM VỤ"), ("1", 2, "Về hạ tầng số")]


def test_long_numbered_sentences_between_topic_headings_are_not_made_template_headings():
    text = (
        "1. Sở Nông nghiệp và Môi trường\n- Tham mưu quản lý khoáng sản.\n2. Sở Công Thương\n- Kiểm tra vật liệu nổ.\n"
        "3. Sở Xây dựng\n- Quản lý vật liệu xây dựng.\n"
        "4. Các tổ chức, cá nhân được cấp giấy phép thăm dò, khai thác khoáng sản có trách nhiệm bảo vệ khoáng sản "
        "trong diện tích được cấp giấy phép và khoáng sản chưa khai thác gần khu vực được cấp phép theo quy định.\n"
        "5. Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành và Chủ tịch UBND các xã, phường nghiêm túc thực "
        "hiện. Trong quá trình thực hiện nếu có khó khăn, vướng mắc, kịp thời báo cáo Sở Nông nghiệp và Môi trường.\n"
        "Nơi nhận:\n- Như trên.\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["1", "2", "3"]


def test_the_numbers_of_a_quoted_provision_are_not_sections():
    text = (
        "1. Về trường hợp miễn phí\n- Tại khoản 4, khoản 5 Điều 5 Thông tư quy định như sau:\n"
        "“4. Người thuộc hộ nghèo theo quy định của Thủ tướng Chính phủ.\n\n"
        "5. Người cư trú tại các xã đặc biệt khó khăn.”\n- Nay đề xuất bỏ quy định này.\n"
        "2. Về kê khai, nộp phí\nGiữ như hiện hành.\n"
    )
    assert _tree(text) == [("1", 1, "Về trường hợp miễn phí"), ("2", 1, "Về kê khai, nộp phí")]


def test_lettered_citations_that_introduce_a_quotation_are_not_sections():
    text = (
        "1. Căn cứ pháp lý\n"
        "a) Khoản 3 Điều 15 Nghị định số 12/2024/NĐ-CP quy định: “Chủ tịch UBND tỉnh phê duyệt điều lệ hội”.\n"
        "b) Khoản 2 Điều 30 Nghị định số 12/2024/NĐ-CP quy định:\n"
        "“c) Quá thời gian gia hạn mà hội không tổ chức đại hội;\n\nd) Không báo cáo về tổ chức, hoạt động”.\n"
        "2. Kết quả rà soát\nCó 06 hội vi phạm.\n"
    )
    assert _tree(text) == [("1", 1, "Căn cứ pháp lý"), ("2", 1, "Kết quả rà soát")]


def test_a_heading_ending_in_dat_duoc_is_not_glued_to_the_sentence_under_it():
    text = "1. Công tác hội\na) Kết quả đạt được\nTổ chức 12 hội nghị.\nb) Hạn chế\nHội viên ít tham gia.\n"
    assert _tree(text) == [("1", 1, "Công tác hội"), ("a", 2, "Kết quả đạt được"), ("b", 2, "Hạn chế")]


def test_a_lettered_list_of_label_and_figure_lines_states_values_not_sections():
    text = (
        "1. Về tổ chức\nCó 120 hội.\n2. Tổng số người làm việc tại hội\n"
        "a) Số biên chế được giao: 215 biên chế.\n- Hội cấp tỉnh: 215 người.\n"
        "b) Số người do hội tự hợp đồng: 18 người.\n- Hội cấp tỉnh: 18 người.\n3. Về hoạt động\nỔn định.\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["1", "2", "3"]


def test_one_figure_value_among_template_headings_stays_a_heading():
    text = (
        "1. Tình hình sử dụng vật liệu nổ\na) Số lượng tổ chức hoạt động\nCó 40 tổ chức.\n"
        "b) Khối lượng thuốc nổ đã sử dụng trong năm: 1.939.211 kg.\n"
        "c) Tình hình kho bảo quản\nCó 58 kho.\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["1", "a", "b", "c"]


def test_a_caps_title_goes_on_past_a_paragraph_break_with_its_period():
    text = (
        "PHẦN A\n\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ\n\n6 THÁNG ĐẦU NĂM 2025\n\nI. Kinh tế\n\nỔn định.\n\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ\n\nNĂM 2026\n\n1. Kinh tế\n\nTiếp tục.\n"
    )
    assert [h for _, _, h in _tree(text)] == [
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2025",
        "Kinh tế",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
        "Kinh tế",
    ]


def test_a_numbered_sentence_right_above_the_signature_is_content():
    text = (
        "1. Thời gian đại hội\nTrong quý III.\n2. Báo cáo kết quả\nGửi hồ sơ về Sở.\n"
        "3. Trong quá trình thực hiện, nếu có vướng mắc, các hội báo cáo Sở Nội vụ để được hướng dẫn.\n\n"
        "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["1", "2"]


def test_form_options_ending_in_dotted_leaders_are_not_taken_for_sentences():
    text = (
        "4. Ý kiến của lãnh đạo\n4.1. Thống nhất hoàn toàn\n4.2. Thống nhất   Sửa:……………\n"
        "4.3. Không thống nhất   Lý do:……………\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["4", "4.1", "4.2", "4.3"]


def test_a_stray_quote_mark_inside_a_sentence_does_not_hide_the_headings_after_it():
    text = (
        "1. Kết quả\nPhát động phong trào “Dân vận khéo trong toàn tỉnh.\n"
        "2. Hạn chế\nMột số đơn vị còn chậm” trong triển khai.\n3. Nhiệm vụ\nTiếp tục.\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["1", "2", "3"]


def test_a_summary_line_inside_a_chapter_stays_under_the_chapter():
    text = (
        "CHƯƠNG I. KẾT QUẢ NĂM 2025\n1. Kinh tế\nỔn định.\n* Hạn chế, yếu kém\nCòn chậm.\n"
        "CHƯƠNG II. NHIỆM VỤ NĂM 2026\n1. Kinh tế\nTiếp tục.\n"
    )
    assert [(n, level) for n, level, _ in _tree(text)] == [
        ("CHƯƠNG I", 1),
        ("1", 2),
        (None, 2),
        ("CHƯƠNG II", 1),
        ("1", 2),
    ]


def test_lettered_headings_ending_in_a_full_stop_are_sections_when_text_follows_each():
    """`a) Sản xuất nông nghiệp duy trì ổn định.` with its paragraph under it is a heading, as the
    same line numbered `1.1.` is; a lettered list of one-line findings stays paragraphs."""
    text = (
        "BÁO CÁO\nKết quả 6 tháng đầu năm 2026\nI. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC\n1. Tình hình kinh tế - xã hội\n"
        "a) Sản xuất nông nghiệp duy trì ổn định.\n"
        "Tổng diện tích gieo trồng đạt 1.250 ha, tăng 3% so với cùng kỳ.\n"
        "b) Văn hóa - xã hội có nhiều chuyển biến\nTỷ lệ hộ gia đình văn hóa đạt 92%.\n"
        "2. Hạn chế\na) Thu ngân sách đạt thấp.\nb) Tiến độ giải ngân vốn đầu tư còn chậm.\n"
    )
    assert [(n, lvl) for n, lvl, _ in _tree(text)] == [("I", 1), ("1", 2), ("a", 3), ("b", 3), ("2", 2)]
    assert _tree(text)[2][2] == "Sản xuất nông nghiệp duy trì ổn định"
