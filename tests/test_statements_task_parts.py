"""Task parts of periodic reports written in ways the rules had not met (invented text): work numbered in words
run together with `;`, ..."""

from llmx.contract import Metadata, Period
from llmx.rules.statements import find_tasks
from llmx.sections import split_sections

H1_2024 = Metadata(period=Period(label="6 tháng đầu năm 2024", kind="half_year", year=2024, months=[1, 2, 3, 4, 5, 6]))
PARTY_HEADER = (
    "ĐẢNG BỘ HUYỆN BẮC SƠN\nĐẢNG ỦY XÃ VĨNH AN\n*\nSố 21-BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Vĩnh An, ngày 24 tháng 6 năm 2024\nBÁO CÁO\nSơ kết công tác 6 tháng đầu năm 2024\n"
)


def tasks_with(text: str, metadata: Metadata | None = H1_2024) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text), metadata)]


def test_work_numbered_in_words_and_joined_by_semicolons_gives_one_task_per_item_without_its_number():
    text = PARTY_HEADER + (
        "I. KẾT QUẢ LÃNH ĐẠO\nĐảng ủy đã lãnh đạo tổ chức thành công đại hội các chi bộ.\n"
        "II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM\nĐảng ủy xác định các nhiệm vụ trọng tâm sau:\n"
        "Thứ nhất, lãnh đạo hoàn thành các chỉ tiêu phát triển kinh tế năm 2024; thứ hai, chỉ đạo xây dựng "
        "thôn Trung đạt chuẩn nông thôn mới kiểu mẫu; thứ ba, tăng cường công tác kiểm tra, giám sát.\n"
        "Bốn là, chuẩn bị chu đáo các điều kiện tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2027.\n"
    )
    assert tasks_with(text) == [
        "lãnh đạo hoàn thành các chỉ tiêu phát triển kinh tế năm 2024",
        "chỉ đạo xây dựng thôn Trung đạt chuẩn nông thôn mới kiểu mẫu",
        "tăng cường công tác kiểm tra, giám sát",
        "chuẩn bị chu đáo các điều kiện tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2027",
    ]


def test_a_web_items_numbered_work_after_a_lead_in_that_sets_it_out_are_tasks():
    text = (
        "Bắc Sơn triển khai nhiệm vụ năm 2026\n"
        "Ngày 6/1/2026, Huyện ủy Bắc Sơn tổ chức hội nghị triển khai nhiệm vụ năm 2026.\n"
        "Năm 2025, thu ngân sách trên địa bàn đạt 290 tỷ đồng.\n"
        "Năm 2026, huyện đề ra 3 khâu đột phá: (1) phát triển hạ tầng giao thông; (2) cải cách hành chính, "
        "chuyển đổi số; (3) đào tạo nguồn nhân lực.\n"
    )
    assert tasks_with(text, None) == [
        "phát triển hạ tầng giao thông",
        "cải cách hành chính, chuyển đổi số",
        "đào tạo nguồn nhân lực",
    ]


def test_targets_a_session_adopts_for_the_next_year_are_tasks_but_the_years_results_are_not():
    year_2024 = Metadata(period=Period(label="năm 2024", kind="year", year=2024, months=list(range(1, 13))))
    text = (
        "Kỳ họp thứ 9 HĐND xã Vĩnh An\n"
        "Năm 2024, xã đạt và vượt các chỉ tiêu: thu ngân sách đạt 6,8 tỷ đồng; tỷ lệ hộ nghèo còn 2,3%.\n"
        "Kỳ họp đã thông qua Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2025 với các chỉ tiêu: "
        "thu nhập bình quân đầu người đạt 66 triệu đồng; tỷ lệ hộ nghèo giảm còn 1,9%.\n"
    )
    assert tasks_with(text, year_2024) == [
        "thu nhập bình quân đầu người đạt 66 triệu đồng; tỷ lệ hộ nghèo giảm còn 1,9%"
    ]


def test_a_caps_part_heading_right_under_a_title_in_small_letters_opens_the_body_and_its_tasks_count():
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ VĨNH AN\nSố: 88/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Vĩnh An, ngày 26 tháng 11 năm 2024\nBÁO CÁO\nKết quả thực hiện nhiệm vụ tháng 11 năm 2024\n"
        "KẾT QUẢ THỰC HIỆN\nThu ngân sách tháng 11 đạt 620 triệu đồng.\n"
        "NHIỆM VỤ THỜI GIAN TỚI\nHoàn thành thu ngân sách năm 2024.\nChỉ đạo gieo trồng cây vụ đông.\n"
        "Trên đây là báo cáo kết quả thực hiện nhiệm vụ tháng 11 năm 2024./.\n"
    )
    layout = split_sections(text)
    assert [(s.heading, s.role) for s in layout.sections] == [
        ("KẾT QUẢ THỰC HIỆN", "results"),
        ("NHIỆM VỤ THỜI GIAN TỚI", "tasks"),
    ]
    assert tasks_with(text) == ["Hoàn thành thu ngân sách năm 2024", "Chỉ đạo gieo trồng cây vụ đông"]


def test_targets_under_a_lead_in_that_strives_for_them_are_tasks_in_a_web_item_but_not_when_reported_done():
    text = (
        "Ngành giáo dục Vĩnh An triển khai nhiệm vụ năm học mới\n"
        "Ngày 4/9/2024, Phòng Giáo dục và Đào tạo huyện Vĩnh An tổ chức hội nghị triển khai nhiệm vụ năm học.\n"
        "Năm học vừa qua, toàn ngành đã nỗ lực phấn đấu, đạt được các kết quả sau:\n"
        "- 98% học sinh tiểu học hoàn thành chương trình lớp học.\n"
        "Năm học 2024 - 2025, ngành giáo dục huyện phấn đấu:\n"
        "- Duy trì 100% trường đạt chuẩn quốc gia mức độ 1.\n"
        "- Tỷ lệ học sinh tốt nghiệp THCS đạt trên 99%.\n"
    )
    assert tasks_with(text, None) == [
        "Duy trì 100% trường đạt chuẩn quốc gia mức độ 1",
        "Tỷ lệ học sinh tốt nghiệp THCS đạt trên 99%",
    ]


def test_a_rule_scoring_work_set_out_before_is_no_label_of_targets_ahead():
    text = (
        "Điểm đạt được là tổng điểm của 02 nội dung sau: (1) Tỷ lệ hoàn thành các mục tiêu, nhiệm vụ đề ra theo kế "
        "hoạch của tỉnh: 1.00 Tính điểm theo công thức: (b/a)*điểm tối đa. Trong đó: a là tổng số mục tiêu, nhiệm vụ "
        "đề ra theo kế hoạch b là số mục tiêu đã hoàn thành\n"
    )
    assert tasks_with(text, None) == []
