"""Outlines of invented reports in shapes the tuned reports do not have: which lines are headings,
at which level, with which role. Each test is invented text showing one shape."""

from llmx.roles import own_role
from llmx.sections import split_sections


def _tree(text: str) -> list[tuple[str | None, int, str, str]]:
    return [(s.number, s.level, s.heading, s.role) for s in split_sections(text).sections]


def test_a_weakness_word_as_the_object_of_the_work_names_no_shortfalls():
    assert own_role("Tháo gỡ khó khăn, vướng mắc cho doanh nghiệp", top=False) is None
    assert own_role("Để hạn chế bụi và tiếng ồn khi thi công", top=False) is None
    assert own_role("Biện pháp hạn chế tối đa tai nạn giao thông", top=False) is None
    # the part of shortfalls still says so, with or without commas, and a remedy keeps its own word
    assert own_role("NHỮNG HẠN CHẾ YẾU KÉM VÀ NGUYÊN NHÂN", top=True) == "limitations"
    assert own_role("Tồn tại hạn chế", top=False) == "limitations"
    assert own_role("Tồn tại, hạn chế và giải pháp khắc phục", top=False) == "limitations"
    assert own_role("Nguyên nhân và giải pháp khắc phục hạn chế", top=False) == "causes"
    assert own_role("Giải pháp hạn chế ùn tắc giao thông", top=False) == "tasks"


def test_a_part_that_removes_difficulties_reports_work_under_its_results_part():
    text = (
        "I. KẾT QUẢ THỰC HIỆN\n1. Phát triển doanh nghiệp\nThành lập mới 25 doanh nghiệp.\n"
        "2. Tháo gỡ khó khăn, vướng mắc cho doanh nghiệp\nTổ chức 02 hội nghị đối thoại.\n"
        "II. TỒN TẠI, HẠN CHẾ\nTiến độ giải ngân còn chậm.\n"
    )
    assert [(n, r) for n, _, _, r in _tree(text)] == [
        ("I", "results"),
        ("1", "results"),
        ("2", "results"),
        ("II", "limitations"),
    ]


def test_a_starred_line_that_limits_something_does_not_open_a_part_of_shortfalls():
    text = (
        "I. ĐẶC ĐIỂM KHU VỰC THI CÔNG\nKhu vực cách dân cư 500 m.\n"
        "II. BIỆN PHÁP THI CÔNG\n"
        "2.1. Trình tự thi công\nThi công từ trên xuống.\n"
        "* Để hạn chế bụi và tiếng ồn khi thi công\nTưới nước hai lần mỗi ngày.\n"
        "2.2. Thiết bị thi công\nSử dụng 02 máy xúc.\n"
        "III. TỔ CHỨC THỰC HIỆN\nĐơn vị thi công chịu trách nhiệm.\n"
    )
    tree = _tree(text)
    assert [(n, lv) for n, lv, _, _ in tree] == [("I", 1), ("II", 1), ("2.1", 2), (None, 3), ("2.2", 2), ("III", 1)]
    assert "limitations" not in [r for _, _, _, r in tree]


def test_a_label_line_among_numbered_sentences_is_one_more_sentence():
    text = (
        "Căn cứ hồ sơ báo cáo kết quả Đại hội, Chủ tịch UBND tỉnh có ý kiến như sau:\n\n"
        "1. Thống nhất với hồ sơ báo cáo kết quả Đại hội của Hội Khuyến học tỉnh nhiệm kỳ 2025 - 2030.\n\n"
        "2. Đại hội đã biểu quyết Ban Chấp hành gồm 21 thành viên, Ban Kiểm tra gồm 03 thành viên.\n\n"
        "3. Chủ tịch Hội: ông Nguyễn Văn An; Phó Chủ tịch: bà Trần Thị Bình.\n\n"
        "4. Hội đã tổ chức Đại hội theo đúng quy định của pháp luật và Điều lệ Hội.\n\n"
        "Chủ tịch UBND tỉnh thông báo để Hội biết, thực hiện./.\n\nNơi nhận:\n- Như trên;\n"
    )
    assert _tree(text) == []


def test_label_headings_among_topic_headings_stay_sections():
    text = (
        "I. KẾT QUẢ\n1. Công tác tuyên truyền\nĐã tổ chức 12 buổi.\n"
        "2. Công tác kiểm tra: Đã kiểm tra 05 đơn vị.\n3. Công tác thi đua\nKhen thưởng 10 tập thể.\n"
    )
    assert [h for _, _, h, _ in _tree(text)] == [
        "KẾT QUẢ",
        "Công tác tuyên truyền",
        "Công tác kiểm tra",
        "Công tác thi đua",
    ]


def test_a_signature_title_naming_its_body_is_no_section():
    text = (
        "I. KẾT QUẢ TRIỂN KHAI\n1. Công tác chỉ đạo\nBan hành 03 kế hoạch.\n"
        "II. NHIỆM VỤ THỜI GIAN TỚI\nTiếp tục đôn đốc các đơn vị.\n\n"
        "PHÓ TRƯỞNG BAN CHỈ ĐẠO\n\nNguyễn Văn An\n"
    )
    layout = split_sections(text)
    assert [s.heading for s in layout.sections] == ["KẾT QUẢ TRIỂN KHAI", "Công tác chỉ đạo", "NHIỆM VỤ THỜI GIAN TỚI"]
    assert text[layout.body_end :].startswith("PHÓ TRƯỞNG BAN CHỈ ĐẠO")
