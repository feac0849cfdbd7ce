"""Task coverage on invented office reports (the tasks7b battery): shapes of forward parts the rules
missed, each written fresh for the test."""

from llmx.contract import Metadata, Period
from llmx.sections import split_sections
from tests.test_statements import tasks_with as tasks_in

MONTH_8_2025 = Metadata(
    period=Period(label="tháng 8 năm 2025", kind="month", year=2025, months=[8]), issue_date="2025-08-27"
)


def test_a_report_without_headings_begins_its_body_at_the_first_sentence_after_the_title():
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ ĐỒNG TÂM\nSố: 52/BC-UBND\nĐồng Tâm, ngày 27 tháng 8 năm 2025\nBÁO CÁO\n"
        "Kết quả công tác tháng 8 năm 2025\n"
        "Trong tháng 8, UBND xã đã hoàn thành tu sửa 2 km kênh mương nội đồng và cấp 40 thẻ bảo hiểm y tế.\n"
        "Nhiệm vụ tháng 9:\n- Chỉ đạo chăm sóc lúa mùa, phòng trừ rầy nâu.\n- Tổ chức lễ khai giảng năm học mới.\n"
        "Trên đây là báo cáo của UBND xã Đồng Tâm./.\nNơi nhận:\n- UBND huyện;\n- Lưu: VT.\n"
    )
    layout = split_sections(text)
    assert text[layout.body_start :].startswith("Trong tháng 8, UBND xã")
    assert tasks_in(text, MONTH_8_2025) == [
        "Chỉ đạo chăm sóc lúa mùa, phòng trừ rầy nâu",
        "Tổ chức lễ khai giảng năm học mới",
    ]


def test_a_title_wrapped_over_two_lines_stays_the_title():
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN ĐỒNG TÂM\nSố: 52/BC-UBND\nĐồng Tâm, ngày 27 tháng 8 năm 2025\nBÁO CÁO\n"
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội tháng 8,\nphương hướng nhiệm vụ tháng 9 năm 2025\n"
        "I. KẾT QUẢ\nĐã tu sửa 2 km kênh mương.\n"
    )
    layout = split_sections(text)
    assert text[layout.body_start :].startswith("I. KẾT QUẢ")


def test_a_part_headed_with_what_is_required_in_the_coming_time_gives_tasks():
    text = (
        "I. KẾT QUẢ KIỂM TRA\nĐoàn đã kiểm tra 30 cơ sở, có 8 cơ sở vi phạm.\n"
        "II. YÊU CẦU TRONG THỜI GIAN TỚI\n"
        "Yêu cầu các cơ sở kinh doanh khắc phục ngay các vi phạm đã nêu trong biên bản, báo cáo kết quả về "
        "Phòng Kinh tế trước ngày 15/01/2026.\n"
    )
    layout = split_sections(text)
    assert [s.role for s in layout.sections] == ["results", "tasks"]
    assert tasks_in(text, MONTH_8_2025) == [
        "Yêu cầu các cơ sở kinh doanh khắc phục ngay các vi phạm đã nêu trong biên bản, báo cáo kết quả về "
        "Phòng Kinh tế trước ngày 15/01/2026"
    ]


def test_a_plans_aims_and_requirements_part_stays_no_task_part():
    text = "I. MỤC ĐÍCH, YÊU CẦU\n- Nâng cao nhận thức của cán bộ.\nII. NHIỆM VỤ CỤ THỂ\n- Tổ chức tập huấn.\n"
    layout = split_sections(text)
    assert layout.sections[0].role != "tasks"


MONTH_6_2025 = Metadata(period=Period(label="tháng 6 năm 2025", kind="month", year=2025, months=[6]))


def test_a_label_naming_next_months_work_inside_a_results_paragraph_gives_a_task():
    text = (
        "I. TÌNH HÌNH THỰC HIỆN\n1. Thủy lợi\n"
        "Đã nạo vét 14 km kênh cấp II. Nhiệm vụ tháng 7: chủ động điều tiết nước phục vụ gieo cấy vụ mùa.\n"
        "2. Y tế\nĐã tiêm chủng đầy đủ cho 96% trẻ em. Nhiệm vụ năm 2024: duy trì tiêm chủng thường xuyên.\n"
    )
    assert tasks_in(text, MONTH_6_2025) == ["chủ động điều tiết nước phục vụ gieo cấy vụ mùa"]
