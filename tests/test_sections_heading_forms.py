"""Surface forms of heading lines the genre writes (found by the metamorphic harness's heading
rewrites): each test is invented text showing one form, read to the same outline as the usual one."""

from llmx.sections import split_sections


def _tree(text: str) -> list[tuple[str | None, int, str]]:
    return [(s.number, s.level, s.heading) for s in split_sections(text).sections]


def test_heading_numbers_typed_without_a_space_keep_the_outline():
    text = (
        "A.KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III\n"
        "I.CÔNG TÁC QUẢN LÝ ĐẤT ĐAI\n"
        "1.Công tác cấp giấy chứng nhận\n"
        "1.1.Cấp giấy lần đầu\nCấp 215 giấy chứng nhận cho hộ gia đình.\n"
        "1.2.Cấp đổi, cấp lại\nCấp đổi 96 giấy chứng nhận.\n"
        "2.Công tác thanh tra đất đai\n"
        "a)Thanh tra theo kế hoạch: tiến hành 04 cuộc thanh tra.\n"
        "b)Thanh tra đột xuất: tiến hành 02 cuộc.\n"
        "B.NHIỆM VỤ QUÝ IV\nTiếp tục đẩy nhanh cấp giấy chứng nhận.\n"
    )
    assert _tree(text) == [
        ("A", 1, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III"),
        ("I", 2, "CÔNG TÁC QUẢN LÝ ĐẤT ĐAI"),
        ("1", 3, "Công tác cấp giấy chứng nhận"),
        ("1.1", 4, "Cấp giấy lần đầu"),
        ("1.2", 4, "Cấp đổi, cấp lại"),
        ("2", 3, "Công tác thanh tra đất đai"),
        ("a", 4, "Thanh tra theo kế hoạch"),
        ("b", 4, "Thanh tra đột xuất"),
        ("B", 1, "NHIỆM VỤ QUÝ IV"),
    ]


def test_an_unnumbered_topic_line_between_paragraphs_is_a_section_below_the_numbered_one():
    # a copy that lost the Word list's automatic `a)`, `b)`: the topic lines stand alone
    text = (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n"
        "1. Lĩnh vực nông nghiệp\n"
        "Công tác trồng trọt\n"
        "Tổng diện tích gieo trồng vụ Hè Thu đạt 3.120 ha, bằng 100,4% kế hoạch.\n"
        "Tình hình chăn nuôi, thú y\n"
        "- Tổng đàn trâu, bò 8.450 con; đàn lợn 21.300 con.\n"
        "2. Văn hóa - xã hội\n"
        "Các hoạt động văn hóa, thể thao diễn ra sôi nổi.\n"
        "Đánh giá chung\n"
        "Kinh tế tiếp tục tăng trưởng, an sinh xã hội được bảo đảm.\n"
        "II. NHIỆM VỤ QUÝ IV\n"
        "Tập trung thu hoạch vụ Hè Thu.\n"
    )
    assert _tree(text) == [
        ("I", 1, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ"),
        ("1", 2, "Lĩnh vực nông nghiệp"),
        (None, 3, "Công tác trồng trọt"),
        (None, 3, "Tình hình chăn nuôi, thú y"),
        ("2", 2, "Văn hóa - xã hội"),
        (None, 1, "Đánh giá chung"),  # an overall assessment closes the part, as `ĐÁNH GIÁ CHUNG` does
        ("II", 1, "NHIỆM VỤ QUÝ IV"),
    ]


def test_short_lines_that_are_no_topics_stay_text():
    # a paragraph without its full stop, a wrapped line, an enumeration of short lines, a figure, a lead-in
    text = (
        "I. KẾT QUẢ\n"
        "Tiếp tục triển khai các nhiệm vụ trọng tâm\n"
        "Ủy ban nhân dân xã đã chỉ đạo các thôn tổ chức ra quân làm giao thông nông thôn.\n"
        "Kết quả thực hiện đạt 12 km đường bê tông\n"
        "trong đó có 4 km đường liên thôn.\n"
        "Công tác tuyên truyền về bầu cử\n"
        "Công tác phòng chống thiên tai\n"
        "Công tác chuyển đổi số\n"
        "đều được triển khai đúng kế hoạch.\n"
        "Kết quả thực hiện các chỉ tiêu chủ yếu đến hết quý III như sau:\n"
        "Chỉ tiêu | Kế hoạch | Thực hiện\n"
        "Thu ngân sách (tỷ đồng) | 120 | 96\n"
        "II. NHIỆM VỤ\nTập trung thu hoạch.\n"
    )
    assert [n for n, _, _ in _tree(text)] == ["I", "II"]


def test_a_sector_or_a_ve_topic_standing_alone_heads_its_bullets():
    text = (
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ\n"
        "Về tổ chức bộ máy\n"
        "- Sắp xếp 04 phòng chuyên môn còn 02 phòng.\n"
        "Quốc phòng - An ninh\n"
        "- Giao quân đạt 100% chỉ tiêu; tình hình an ninh chính trị ổn định.\n"
        "III. PHƯƠNG HƯỚNG\nTập trung thu ngân sách.\n"
    )
    assert _tree(text) == [
        ("II", 1, "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"),
        (None, 2, "Về tổ chức bộ máy"),
        (None, 2, "Quốc phòng - An ninh"),
        ("III", 1, "PHƯƠNG HƯỚNG"),
    ]


def test_a_heading_with_its_first_sentence_run_in_after_the_colon():
    label = (
        "Kết quả triển khai các mô hình chuyển đổi số cấp xã và việc kết nối, chia sẻ dữ liệu dân cư với các hệ thống"
        " thông tin, cơ sở dữ liệu"
    )
    text = (
        "I. KẾT QUẢ THỰC HIỆN\n"
        f"1. {label} chuyên ngành của tỉnh: Toàn tỉnh đã kết nối 14 hệ thống.\n"
        "2. Công tác tuyên truyền\nPhát 120 tin bài.\n"
        "Về dịch vụ công trực tuyến: toàn tỉnh cung cấp 1.950 dịch vụ, tỷ lệ hồ sơ trực tuyến đạt 71,4%.\n"
        "Về dịch vụ công thiết yếu: đã hoàn thành 25/25 dịch vụ.\n"
        "II. NHIỆM VỤ\nTập trung rà soát dữ liệu.\n"
    )
    assert _tree(text) == [
        ("I", 1, "KẾT QUẢ THỰC HIỆN"),
        ("1", 2, f"{label} chuyên ngành của tỉnh"),
        ("2", 2, "Công tác tuyên truyền"),
        (None, 3, "Về dịch vụ công trực tuyến"),
        (None, 3, "Về dịch vụ công thiết yếu"),
        ("II", 1, "NHIỆM VỤ"),
    ]


def test_unnumbered_topics_are_siblings_whether_their_text_runs_in_or_not():
    text = (
        "I. THỰC TRẠNG CÁC HỘI\n"
        "Về tổ chức\n"
        "Toàn tỉnh có 412 hội, trong đó 38 hội có phạm vi hoạt động trong tỉnh.\n"
        "Về kinh phí: các hội tự bảo đảm kinh phí hoạt động từ hội phí.\n"
        "II. ĐỀ XUẤT\nĐề nghị Bộ Nội vụ hướng dẫn.\n"
    )
    assert [(n, lvl) for n, lvl, _ in _tree(text)] == [("I", 1), (None, 2), (None, 2), ("II", 1)]


def test_parts_past_the_fifth_keep_their_numbers():
    text = "".join(
        f"PHẦN THỨ {word}\n{title}\n1. Kết quả\nĐạt kế hoạch đề ra.\n"
        for word, title in (("SÁU", "AN NINH TRẬT TỰ"), ("BẢY", "XÂY DỰNG CHÍNH QUYỀN"), ("TÁM", "TỔ CHỨC THỰC HIỆN"))
    )
    parts = [(n, lvl) for n, lvl, _ in _tree(text) if lvl == 1]
    assert parts == [("PHẦN 6", 1), ("PHẦN 7", 1), ("PHẦN 8", 1)]


def test_lettered_parts_past_e_stay_parts():
    text = "".join(
        f"{letter}. {title}\nTình hình ổn định.\nI. Kết quả\nĐạt kế hoạch.\n"
        for letter, title in (("E", "VĂN HÓA - XÃ HỘI"), ("F", "QUỐC PHÒNG - AN NINH"), ("G", "XÂY DỰNG CHÍNH QUYỀN"))
    )
    assert [(n, lvl) for n, lvl, _ in _tree(text)] == [("E", 1), ("I", 2), ("F", 1), ("I", 2), ("G", 1), ("I", 2)]


def test_a_lettered_list_after_the_text_of_a_topic_line_is_not_its_child():
    text = (
        "I. CÔNG TÁC THẨM ĐỊNH\n"
        "Theo quy định trước đây, Sở thực hiện thẩm định:\n"
        "Về thiết kế cơ sở\n"
        "- Tham gia ý kiến thiết kế cơ sở của dự án nhóm B, nhóm C trên địa bàn tỉnh.\n"
        "Theo quy định hiện hành, Sở thực hiện thẩm định:\n"
        "a) Về thẩm định thiết kế cơ sở\n"
        "- Thẩm định 06 dự án.\n"
        "b) Về thẩm định dự toán\n"
        "- Thẩm định 04 dự toán.\n"
        "II. KIẾN NGHỊ\nĐề nghị Bộ hướng dẫn.\n"
    )
    assert [(n, lvl) for n, lvl, _ in _tree(text)] == [("I", 1), (None, 2), ("a", 2), ("b", 2), ("II", 1)]


def test_a_lettered_list_right_under_a_topic_line_is_its_child():
    text = (
        "III. NHẬN XÉT\n"
        "Kết quả đạt được\n"
        "a) Việc thí điểm các mô hình được người dân đồng tình, tỷ lệ hài lòng đạt 98%.\n"
        "b) Thời gian giải quyết hồ sơ giảm bình quân 2 ngày.\n"
        "Hạn chế, khó khăn\n"
        "a) Việc công khai thủ tục bằng mã QR còn làm thủ công.\n"
        "IV. ĐỀ XUẤT\nĐề nghị nhân rộng mô hình.\n"
    )
    assert [(n, lvl) for n, lvl, _ in _tree(text)] == [("III", 1), (None, 2), (None, 2), ("IV", 1)]


def test_initials_are_no_tight_heading_number():
    text = "I. KẾT QUẢ\nĐạt kế hoạch.\nH.C.N\nB.T.L\nII. NHIỆM VỤ\nTập trung thu ngân sách.\n"
    assert [n for n, _, _ in _tree(text)] == ["I", "II"]


def test_a_page_without_an_outline_keeps_its_sub_headings_as_text():
    text = (
        "Kết quả nổi bật\n\n6 tháng đầu năm, thu ngân sách xã đạt 1.126 triệu đồng, bằng 54,2% dự toán.\n\n"
        "Về chuyển đổi số: 100% hồ sơ được tiếp nhận trực tuyến.\n"
    )
    assert _tree(text) == []
