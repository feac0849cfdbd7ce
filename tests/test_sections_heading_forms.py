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


def test_initials_are_no_tight_heading_number():
    text = "I. KẾT QUẢ\nĐạt kế hoạch.\nH.C.N\nB.T.L\nII. NHIỆM VỤ\nTập trung thu ngân sách.\n"
    assert [n for n, _, _ in _tree(text)] == ["I", "II"]


def test_a_page_without_an_outline_keeps_its_sub_headings_as_text():
    text = (
        "Kết quả nổi bật\n\n6 tháng đầu năm, thu ngân sách xã đạt 1.126 triệu đồng, bằng 54,2% dự toán.\n\n"
        "Về chuyển đổi số: 100% hồ sơ được tiếp nhận trực tuyến.\n"
    )
    assert _tree(text) == []
