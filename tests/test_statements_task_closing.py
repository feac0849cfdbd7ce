"""Task parts written in ways the rules had not met (invented text): a run-in lead-in that sets the work out
before the first item, a conclusion part that hands the work down, and what such a part says that is no work."""

from llmx.contract import Metadata, Period
from llmx.rules.statements import find_tasks
from llmx.sections import split_sections

YEAR_2025 = Metadata(period=Period(label="năm 2025", kind="year", year=2025, months=list(range(1, 13))))
HEADER = (
    "UBND HUYỆN KIM ĐIỀN\nPHÒNG KINH TẾ\nSố: 71/BC-PKT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Kim Điền, ngày 19 tháng 12 năm 2025\nBÁO CÁO\nKết quả công tác năm 2025, nhiệm vụ năm 2026\n"
    "I. KẾT QUẢ CÔNG TÁC NĂM 2025\nThu ngân sách trên địa bàn đạt 41,2 tỷ đồng, bằng 108% dự toán.\n"
)


def tasks_with(text: str) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text), YEAR_2025)]


def test_a_run_in_lead_in_that_sets_out_the_work_is_cut_off_the_first_item_in_a_task_part():
    text = HEADER + (
        "II. NHIỆM VỤ NĂM 2026\nHội nghị thống nhất đề ra 4 nhiệm vụ trọng tâm: hoàn thiện quy hoạch cụm công "
        "nghiệp; đẩy mạnh xúc tiến đầu tư vào làng nghề; phát triển thương mại điện tử; nâng cao chỉ số cải cách "
        "hành chính.\n"
    )
    assert tasks_with(text) == [
        "hoàn thiện quy hoạch cụm công nghiệp",
        "đẩy mạnh xúc tiến đầu tư vào làng nghề",
        "phát triển thương mại điện tử",
        "nâng cao chỉ số cải cách hành chính",
    ]


def test_a_conclusion_hands_the_work_down_but_what_the_coming_year_means_is_no_task():
    text = HEADER + (
        "II. NHIỆM VỤ NĂM 2026\n1. Chỉ đạo hoàn thành thủ tục đầu tư hạ tầng cụm công nghiệp phía Nam trong "
        "quý II năm 2026 để thu hút các dự án thứ cấp.\n"
        "III. KẾT LUẬN\nNăm 2026 là năm có ý nghĩa quan trọng, là năm đầu thực hiện kế hoạch 5 năm 2026 - 2030. "
        "Đề nghị các phòng, ban, đơn vị căn cứ chức năng, nhiệm vụ xây dựng kế hoạch và tổ chức triển khai thực hiện.\n"
        "Nơi nhận:\n- UBND huyện;\n- Lưu: VT.\n"
    )
    assert tasks_with(text) == [
        "Chỉ đạo hoàn thành thủ tục đầu tư hạ tầng cụm công nghiệp phía Nam trong quý II năm 2026 để thu hút các "
        "dự án thứ cấp",
        "Đề nghị các phòng, ban, đơn vị căn cứ chức năng, nhiệm vụ xây dựng kế hoạch và tổ chức triển khai thực hiện",
    ]


def test_an_unnumbered_conclusion_line_in_a_task_part_is_no_task_and_the_order_under_it_is():
    text = HEADER + (
        "II. PHƯƠNG HƯỚNG NĂM 2026\n1. Tập trung chỉ đạo hoàn thành các chỉ tiêu kinh tế - xã hội năm 2026 mà "
        "Nghị quyết Hội đồng nhân dân huyện đã giao.\nKết luận\n"
        "Năm 2026 là năm có ý nghĩa đặc biệt quan trọng. Yêu cầu các tổ công tác căn cứ báo cáo này cụ thể hóa "
        "thành chương trình công tác và triển khai thực hiện.\n"
    )
    tasks = tasks_with(text)
    assert "Kết luận" not in tasks
    assert not any(t.startswith("Năm 2026 là năm") for t in tasks)
    assert tasks[-1] == (
        "Yêu cầu các tổ công tác căn cứ báo cáo này cụ thể hóa thành chương trình công tác và triển khai thực hiện"
    )


def test_an_order_handed_down_after_the_closing_formula_is_a_task_and_the_formula_is_not():
    work = "II. NHIỆM VỤ NĂM 2026\n1. Chỉ đạo hoàn thành thủ tục đầu tư hạ tầng cụm công nghiệp phía Nam.\n"
    closing = "Trên đây là báo cáo kết quả công tác năm 2025, nhiệm vụ năm 2026 của Phòng Kinh tế huyện."
    tail = "\nNơi nhận:\n- UBND huyện;\n- Lưu: VT.\n"
    order = " Đề nghị các phòng, ban, đơn vị căn cứ nội dung báo cáo tổ chức triển khai thực hiện./."
    assert tasks_with(HEADER + work + closing + order + tail)[-1] == (
        "Đề nghị các phòng, ban, đơn vị căn cứ nội dung báo cáo tổ chức triển khai thực hiện"
    )
    assert tasks_with(HEADER + work + closing[:-1] + "./." + tail) == [
        "Chỉ đạo hoàn thành thủ tục đầu tư hạ tầng cụm công nghiệp phía Nam"
    ]
