"""News articles about a report (invented text): a paper's or portal's write-up of a meeting that reviewed a
month, quarter, half-year or year, with page sub-headings (`<strong>Nhiệm vụ 6 tháng cuối năm</strong>`), lists
under a lead-in, work numbered in words (`Một là, ...`) and a leader's closing ask."""

from llmx.contract import Metadata, Period
from tests.test_statements import tasks_with

H1_2023 = Metadata(
    period=Period(label="6 tháng đầu năm 2023", kind="half_year", year=2023, months=[1, 2, 3, 4, 5, 6]),
    issue_date="2023-07-10",
)
YEAR_2022 = Metadata(period=Period(label="năm 2022", kind="year", year=2022, months=list(range(1, 13))))
Q1_2024 = Metadata(
    period=Period(label="quý I năm 2024", kind="quarter", year=2024, months=[1, 2, 3]), issue_date="2024-04-10"
)


def test_a_pages_sub_heading_naming_the_work_ahead_makes_the_paragraph_below_it_tasks():
    text = (
        "Kết quả nổi bật\n\n"
        "6 tháng đầu năm, thu ngân sách xã đạt 1.126 triệu đồng, bằng 54,2% dự toán.\n\n"
        "Nhiệm vụ 6 tháng cuối năm\n\n"
        "UBND xã tập trung chỉ đạo thu hoạch lúa hè thu; phát triển đàn bò thịt chất lượng cao; hoàn thành các "
        "tiêu chí xã nông thôn mới nâng cao.\n\n"
        "Kỳ họp đã thông qua 3 nghị quyết.\n"
    )
    assert tasks_with(text, H1_2023) == [
        "UBND xã tập trung chỉ đạo thu hoạch lúa hè thu",
        "phát triển đàn bò thịt chất lượng cao",
        "hoàn thành các tiêu chí xã nông thôn mới nâng cao",
    ]


def test_the_bullets_under_a_lead_in_setting_out_the_work_are_tasks():
    text = (
        "Năm 2022, thu ngân sách xã đạt 3,4 tỷ đồng.\n\n"
        "Năm 2023, UBND xã đề ra các nhiệm vụ:\n\n"
        "+ Tập trung chuyển đổi cơ cấu cây trồng;\n"
        "+ Tăng cường quản lý đất đai, trật tự xây dựng.\n\n"
        "Tin, ảnh: Hà Phương\n"
    )
    assert tasks_with(text, YEAR_2022) == [
        "Tập trung chuyển đổi cơ cấu cây trồng",
        "Tăng cường quản lý đất đai, trật tự xây dựng",
    ]


def test_work_numbered_in_words_gives_one_task_per_item():
    text = (
        "Quý I năm 2024, thu ngân sách xã đạt 960 triệu đồng, bằng 28% dự toán.\n"
        "Hội nghị thống nhất một số nhiệm vụ trọng tâm quý II. Một là, chỉ đạo chăm sóc, phòng trừ sâu bệnh cho lúa "
        "xuân. Hai là, đẩy mạnh thu ngân sách, nhất là các khoản thu từ đất.\n"
    )
    assert tasks_with(text, Q1_2024) == [
        "Một là, chỉ đạo chăm sóc, phòng trừ sâu bệnh cho lúa xuân",
        "Hai là, đẩy mạnh thu ngân sách, nhất là các khoản thu từ đất",
    ]


def test_caring_for_and_pressing_hard_open_directives_of_their_own():
    text = (
        "Thu ngân sách trên địa bàn tháng 8 đạt 16,2 tỷ đồng.\n"
        "Kết luận hội nghị, đồng chí Bí thư yêu cầu: các cấp ủy tập trung chuẩn bị phương án phòng chống bão lũ; "
        "quyết liệt đẩy nhanh giải ngân vốn đầu tư công; chăm lo tổ chức khai giảng năm học mới.\n"
    )
    assert tasks_with(text, H1_2023) == [
        "các cấp ủy tập trung chuẩn bị phương án phòng chống bão lũ",
        "quyết liệt đẩy nhanh giải ngân vốn đầu tư công",
        "chăm lo tổ chức khai giảng năm học mới",
    ]
