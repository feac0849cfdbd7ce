"""Task coverage in forward parts (invented text): a closing paragraph that hands the work on, directive
bullets whose object list follows a colon, sub-parts naming the coming period, a body's own next step
in a proposals part."""

from llmx.contract import Metadata, Period
from llmx.rules.statements import find_tasks
from llmx.sections import split_sections

MONTH_3_2024 = Metadata(period=Period(label="tháng 3 năm 2024", kind="month", year=2024, months=[3]))


def tasks_with(text: str, metadata: Metadata | None = MONTH_3_2024) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text), metadata)]


def test_a_closing_paragraph_that_hands_the_months_work_on_is_a_task():
    text = (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 3\nCác chi bộ đã tổ chức sinh hoạt định kỳ.\n"
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 4\n- Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.\n"
        "Trên cơ sở những nhiệm vụ trọng tâm tháng 4/2024, các chi bộ, các ban, ngành, đoàn thể xây dựng kế "
        "hoạch triển khai thực hiện đạt hiệu quả./.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == [
        "Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết",
        "Trên cơ sở những nhiệm vụ trọng tâm tháng 4/2024, các chi bộ, các ban, ngành, đoàn thể xây dựng kế "
        "hoạch triển khai thực hiện đạt hiệu quả",
    ]


def test_the_reports_own_closing_formula_is_no_task():
    text = (
        "I. NHIỆM VỤ TRỌNG TÂM THÁNG 4\n- Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.\n"
        "Trên đây là báo cáo kết quả tháng 3 và nhiệm vụ tháng 4, các chi bộ tổ chức thực hiện./.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == ["Tăng cường kiểm tra, giám sát việc thực hiện nghị quyết"]


def test_a_directive_whose_objects_follow_a_colon_keeps_its_verb_but_a_topic_label_is_dropped():
    text = (
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 4\n"
        "- Đôn đốc thành lập các cụm công nghiệp mới: Tân Lập, Hòa Bình 2, Đông Sơn.\n"
        "- Tuyên truyền: Tăng cường tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh.\n"
    )
    assert tasks_with(text) == [
        "Đôn đốc thành lập các cụm công nghiệp mới: Tân Lập, Hòa Bình 2, Đông Sơn",
        "Tăng cường tuyên truyền về chuyển đổi số trên hệ thống loa truyền thanh",
    ]


def test_a_sub_part_naming_the_coming_month_under_a_sector_is_a_task_part():
    text = (
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 3\n1. Nông nghiệp\na) Kết quả\n"
        "Toàn huyện gieo cấy được 1.200 ha lúa xuân.\n"
        "b) Nhiệm vụ tháng 4/2024\n"
        "Chăm sóc lúa xuân, phòng trừ sâu bệnh kịp thời.\n"
        "c) Nhiệm vụ tháng 3/2024\n"
        "Chăm sóc lúa xuân và trồng cây vụ đông.\n"
    )
    # the report is on March: April is ahead, the March part reports on the month
    assert tasks_with(text) == ["Chăm sóc lúa xuân, phòng trừ sâu bệnh kịp thời"]
