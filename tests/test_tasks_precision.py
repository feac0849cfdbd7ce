"""What a task part holds that is no task (taskfp11, invented text): the cells of a long assignment table other than
its work column (products, deadlines, bodies; the header row itself), however far below the header they stand; a
bare deadline after the work (`Hoàn thành trước ngày ...`); a time or a place-and-date line; a pointer to the annex.
A short real task (`Tổ chức tốt Đại hội.`) and a work row without a number stay tasks."""

import re

from llmx.contract import Metadata, Period
from llmx.rules.statements import find_tasks
from llmx.sections import split_sections

REPORT_2027 = Metadata(period=Period(label="tháng 6 năm 2027", kind="month", year=2027, months=[6]))


def tasks_with(text: str) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text), REPORT_2027)]


def _row(n: int) -> str:
    return (
        f"{n} | Tổ chức rà soát, cập nhật quy trình nội bộ số {n} của các cơ quan | Báo cáo kết quả thực hiện "
        f"của đơn vị | Thường xuyên trong năm | Các cơ quan, đơn vị, địa phương | Sở Nội vụ; UBND các xã\n"
    )


def test_cells_beside_the_work_column_of_a_long_assignment_table_are_no_tasks():
    text = (
        "II. NHIỆM VỤ, GIẢI PHÁP NĂM 2027\n"
        "STT | Nhiệm vụ | Sản phẩm | Thời gian hoàn thành | Chủ trì thực hiện | Phối hợp thực hiện\n"
        "I | Cải cách thể chế |  |  |  | \n" + "".join(_row(n) for n in range(1, 21))
    )
    assert tasks_with(text) == [
        f"Tổ chức rà soát, cập nhật quy trình nội bộ số {n} của các cơ quan" for n in range(1, 21)
    ]


def test_a_work_row_without_a_number_is_a_task_and_a_group_row_is_not():
    text = (
        "II. NHIỆM VỤ THÁNG 7 NĂM 2027\n"
        "TT | Nhiệm vụ thực hiện | Người thực hiện | Ghi chú\n"
        " | Lĩnh vực văn hóa - xã hội |  | \n"
        " | In ấn tài liệu | Trần Văn Bình | \n"
        " | Tổ chức chấm bài | Lê Thị Hoa | \n"
    )
    assert tasks_with(text) == ["In ấn tài liệu", "Tổ chức chấm bài"]


def test_a_bare_deadline_a_date_line_and_an_annex_pointer_are_no_tasks():
    text = (
        "II. NHIỆM VỤ TRỌNG TÂM THÁNG 7 NĂM 2027\n"
        "1. Rà soát danh mục thủ tục hành chính nội bộ. Hoàn thành trước ngày 20/7/2027.\n"
        "2. Hoàn thiện hồ sơ thành lập cụm công nghiệp Suối Đá; hoàn thành trước ngày 31/12/2027.\n"
        "3. Thời gian tập huấn: 8h00’ ngày 15/7/2027 (Thứ Năm).\n"
        "4. Tổ chức tốt Đại hội.\n"
        "\n(Phân công nhiệm vụ theo Phụ lục đính kèm)\n"
    )
    assert tasks_with(text) == [
        "Rà soát danh mục thủ tục hành chính nội bộ",
        "Hoàn thiện hồ sơ thành lập cụm công nghiệp Suối Đá",
        "Tổ chức tốt Đại hội",
    ]


def test_an_inspection_plans_topics_and_a_funding_line_are_no_tasks_but_an_ask_about_a_matter_is():
    text = (
        "II. NỘI DUNG KIỂM TRA\n"
        "1. Công tác chỉ đạo, điều hành\n"
        "a) Việc ban hành kế hoạch cải cách hành chính năm 2027 của cơ quan, đơn vị.\n"
        "b) Công tác tuyên truyền cải cách hành chính.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Việc tự kiểm tra tại các phòng chuyên môn phải hoàn thành trước ngày 30/9/2027.\n"
        "2. Kinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách huyện năm 2027.\n"
        "3. Phòng Nội vụ tổng hợp kết quả kiểm tra, báo cáo UBND huyện.\n"
    )
    assert tasks_with(text) == [
        "Việc tự kiểm tra tại các phòng chuyên môn phải hoàn thành trước ngày 30/9/2027",
        "Phòng Nội vụ tổng hợp kết quả kiểm tra, báo cáo UBND huyện",
    ]


def test_body_and_time_cells_of_an_assignment_table_whose_work_column_has_another_name_are_no_tasks():
    for work in ("Nội dung triển khai", "Hoạt động", "Nhiệm vụ/giải pháp", "Tên đề án, dự án"):
        text = (
            "II. NHIỆM VỤ NĂM 2027\n"
            f"TT | {work} | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
            "1 | Rà soát quy hoạch vùng nguyên liệu | Phòng Nông nghiệp và Môi trường | "
            "Phòng Tài chính - Kế hoạch; UBND các xã, thị trấn | Quý II/2027\n"
            "2 | Xây dựng kế hoạch chuyển đổi số | Văn phòng HĐND và UBND huyện | "
            "Các cơ quan, đơn vị, địa phương liên quan | Thường xuyên trong năm 2027\n"
        )
        assert tasks_with(text) == ["Rà soát quy hoạch vùng nguyên liệu", "Xây dựng kế hoạch chuyển đổi số"], work


def test_a_deadline_field_naming_what_is_due_is_no_task_but_work_with_a_deadline_is():
    text = (
        "II. NHIỆM VỤ TRỌNG TÂM NĂM 2027\n"
        "- Xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2027.\n"
        "- Thời gian hoàn thành ban hành kế hoạch chậm nhất là ngày 15/01/2027.\n"
        "- Thời gian tới, tập trung rà soát hồ sơ đất đai tồn đọng trước ngày 30/6/2027.\n"
    )
    assert tasks_with(text) == [
        "Xây dựng kế hoạch đào tạo, bồi dưỡng cán bộ, công chức năm 2027",
        "Thời gian tới, tập trung rà soát hồ sơ đất đai tồn đọng trước ngày 30/6/2027",
    ]


def test_a_long_assignment_table_finds_its_header_once_not_once_per_cell(monkeypatch):
    # a plan's appendix of 300 rows: each cell used to walk up to the header on its own (74 s on one
    # real 320 KB appendix); rows under one header share the answer, which stays the same
    from llmx.read.model import CELL_SEP
    from llmx.rules import work_columns

    header = CELL_SEP.join(["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"])
    rows = [
        CELL_SEP.join([str(i), f"Rà soát hồ sơ đợt {i}", "Phòng Nội vụ", f"Quý {1 + i % 4}/2027"]) for i in range(300)
    ]
    text = "Phụ lục\n" + "\n".join([header, *rows]) + "\n"
    cells = [m.start() + len(CELL_SEP) for m in re.finditer(re.escape(CELL_SEP), text)]

    def answers() -> list[bool | None]:
        return [work_columns.work_column(text, at) for at in cells]

    calls = 0
    real = work_columns._header_cells

    def counting(cs: list[str]) -> tuple[list[int], list[int]]:
        nonlocal calls
        calls += 1
        return real(cs)

    monkeypatch.setattr(work_columns, "_header_cells", counting)
    work_columns._headers_seen.cache_clear()
    shared = answers()
    assert calls < 4 * len(cells)  # the row's own check plus one walk per row line, not per cell and row above
    assert shared.count(True) == 300 and shared.count(False) >= 600  # work cells; bodies and deadlines beside
    monkeypatch.setattr(work_columns, "_headers_seen", lambda text: {})  # every cell walks up on its own
    assert answers() == shared
