"""Lines numbered `(1)`, `(2)` / `1)` / `(a)` (the parens12 battery): the deepest heading level of
district and province reports when they name topics, content when they state something (proposals,
tasks, shortfalls, figure sentences). Every text is invented."""

from llmx.config import Settings
from llmx.pipeline import extract_document
from llmx.sections import split_sections

HEADER = "ỦY BAN NHÂN DÂN\nXÃ ĐỒNG TÂM\nSố: 52/BC-UBND\nĐồng Tâm, ngày 20 tháng 6 năm 2025\nBÁO CÁO\nKết quả 6 tháng\n"
CLOSE = "Trên đây là báo cáo của UBND xã./.\nNơi nhận:\n- UBND huyện;\n- Lưu: VT.\n"


def _outline(body: str) -> list[tuple[int, str | None, str]]:
    return [(s.level, s.number, s.heading) for s in split_sections(HEADER + body + CLOSE).sections]


def _extract(tmp_path, body: str):
    path = tmp_path / "report.txt"
    path.write_text(HEADER + body + CLOSE, encoding="utf-8")
    return extract_document(path, Settings(backend="rules"))


def test_parenthesised_topic_lines_with_text_under_them_are_the_level_under_arabic_numbers():
    body = (
        "I. KẾT QUẢ\n1. Lĩnh vực kinh tế\n(1) Về nông nghiệp\nGieo cấy 1.250 ha lúa xuân.\n"
        "(2) Về công nghiệp, xây dựng\nGiá trị sản xuất ước đạt 120 tỷ đồng.\n2. Lĩnh vực xã hội\nỔn định.\n"
    )
    assert _outline(body) == [
        (1, "I", "KẾT QUẢ"),
        (2, "1", "Lĩnh vực kinh tế"),
        (3, "1", "Về nông nghiệp"),
        (3, "2", "Về công nghiệp, xây dựng"),
        (2, "2", "Lĩnh vực xã hội"),
    ]


def test_lettered_topics_in_parentheses_and_a_colon_after_the_topic():
    body = (
        "I. KẾT QUẢ\n1. Công tác quản lý nhà nước\n(a) Công tác cải cách hành chính:\n- Tiếp nhận 1.245 hồ sơ.\n"
        "(b) Công tác chuyển đổi số:\n- 100% văn bản được ký số.\n"
    )
    assert _outline(body)[2:] == [(3, "a", "Công tác cải cách hành chính"), (3, "b", "Công tác chuyển đổi số")]


def test_close_paren_numbers_under_letters_under_arabic_numbers_are_a_level_deeper():
    body = (
        "I. KẾT QUẢ\n1. Kinh tế\na) Nông nghiệp\n1) Trồng trọt\nGieo cấy 620 ha lúa mùa.\n2) Chăn nuôi\n"
        "Tiêm phòng 4.500 liều vắc xin.\nb) Công nghiệp\nĐạt 45 tỷ đồng.\n2. Văn hóa - xã hội\nSôi nổi.\n"
    )
    assert [(lv, n) for lv, n, _ in _outline(body)] == [
        (1, "I"),
        (2, "1"),
        (3, "a"),
        (4, "1"),
        (4, "2"),
        (3, "b"),
        (2, "2"),
    ]


def test_numbered_proposals_stay_proposals_and_leave_their_part_heading_standing(tmp_path):
    body = (
        "I. KẾT QUẢ\nCác chỉ tiêu cơ bản đạt kế hoạch.\nII. KIẾN NGHỊ, ĐỀ XUẤT\n"
        "(1) Đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trường tiểu học.\n"
        "(2) Đề nghị Phòng Tài nguyên và Môi trường hướng dẫn thủ tục cấp giấy chứng nhận.\n"
    )
    doc = _extract(tmp_path, body)
    assert [s.heading for s in doc.sections] == ["KẾT QUẢ", "KIẾN NGHỊ, ĐỀ XUẤT"]
    assert sorted(p.text for p in doc.proposals) == [
        "Đề nghị Phòng Tài nguyên và Môi trường hướng dẫn thủ tục cấp giấy chứng nhận",
        "Đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trường tiểu học",
    ]


def test_short_numbered_tasks_without_a_full_stop_are_tasks_not_sections(tmp_path):
    body = (
        "I. KẾT QUẢ\nĐã hoàn thành kế hoạch.\nII. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n(1) Tăng cường quản lý đất đai\n"
        "(2) Đẩy mạnh giải ngân vốn đầu tư công\n"
    )
    doc = _extract(tmp_path, body)
    assert [s.heading for s in doc.sections] == ["KẾT QUẢ", "NHIỆM VỤ 6 THÁNG CUỐI NĂM"]
    assert sorted(t.text for t in doc.tasks) == ["Tăng cường quản lý đất đai", "Đẩy mạnh giải ngân vốn đầu tư công"]


def test_tasks_with_their_own_bullets_under_them_are_not_sections():
    body = (
        "I. KẾT QUẢ\nĐã hoàn thành.\nII. NHIỆM VỤ\n(1) Tăng cường phòng chống thiên tai:\n- Kiểm tra đê điều.\n"
        "(2) Đẩy mạnh cải cách hành chính:\n- Rà soát thủ tục hành chính.\n"
    )
    assert _outline(body) == [(1, "I", "KẾT QUẢ"), (1, "II", "NHIỆM VỤ")]


def test_figure_and_shortfall_sentences_and_one_statement_among_topics_keep_the_list_content():
    figures = (
        "I. KẾT QUẢ\n1. Ngân sách\n(1) Tổng thu ngân sách đạt 12.500 triệu đồng.\n"
        "(2) Tổng chi ngân sách 10.200 triệu đồng.\n2. Nông nghiệp\nĐạt 1.100 ha.\n"
    )
    assert [n for _, n, _ in _outline(figures)] == ["I", "1", "2"]
    mixed = (
        "I. KẾT QUẢ\n1. Kinh tế\n(1) Về nông nghiệp\nGieo cấy 700 ha.\n(2) Giá trị sản xuất công nghiệp còn thấp\n"
        "Chỉ đạt 60% kế hoạch.\n"
    )
    assert [n for _, n, _ in _outline(mixed)] == ["I", "1"]


def test_a_lone_parenthesised_topic_without_siblings_is_no_section():
    body = "I. KẾT QUẢ\n1. Kinh tế\n(1) Về nông nghiệp\nGieo cấy 700 ha lúa.\n2. Xã hội\nỔn định.\n"
    assert _outline(body) == [(1, "I", "KẾT QUẢ"), (2, "1", "Kinh tế"), (2, "2", "Xã hội")]


def test_a_stray_close_paren_number_among_dot_numbers_stays_their_sibling():
    body = (
        "I. KẾT QUẢ\n1. Kinh tế\nGieo cấy 700 ha lúa.\n2) Văn hóa - xã hội\nTổ chức lễ hội truyền thống.\n"
        "3. Quốc phòng, an ninh\nỔn định.\n"
    )
    assert _outline(body) == [
        (1, "I", "KẾT QUẢ"),
        (2, "1", "Kinh tế"),
        (2, "2", "Văn hóa - xã hội"),
        (2, "3", "Quốc phòng, an ninh"),
    ]


def test_close_paren_numbers_right_under_a_roman_part_are_the_level_of_the_dot_numbers():
    body = (
        "I. KẾT QUẢ\n1. Kinh tế\nGieo cấy 700 ha lúa.\n2. Xã hội\nỔn định.\nII. NHIỆM VỤ\n1) Về kinh tế\n"
        "- Tập trung chỉ đạo sản xuất vụ mùa.\n2) Về xã hội\n- Tổ chức lễ khai giảng năm học mới.\n"
    )
    assert [(lv, n) for lv, n, _ in _outline(body)] == [(1, "I"), (2, "1"), (2, "2"), (1, "II"), (2, "1"), (2, "2")]


def test_parenthesised_names_of_quantities_over_their_values_are_no_sections():
    body = (
        "I. KẾT QUẢ\n1. Thu, chi ngân sách\n(1) Tổng thu ngân sách\n12.500 triệu đồng, đạt 85% dự toán.\n"
        "(2) Tổng chi ngân sách\nước đạt 10.200 triệu đồng.\n2. Nông nghiệp\nĐạt 1.100 ha.\n"
    )
    assert [n for _, n, _ in _outline(body)] == ["I", "1", "2"]
