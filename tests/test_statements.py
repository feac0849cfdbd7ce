from llmx.rules.statements import find_limitations, find_tasks
from llmx.sections import split_sections


def tasks_of(text: str) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text))]


def test_tasks_are_sentence_level_directives_in_task_sections_only(dev_texts):
    text = dev_texts["2023-02-district-party-monthly"]
    layout = split_sections(text)
    tasks = find_tasks(text, layout)
    task_sections = {s.id for s in layout.sections if s.role == "tasks"}
    assert tasks and all(layout.section_at(t.start).id in task_sections for t in tasks)
    texts = [t.text for t in tasks]
    assert "Duy trì nghiêm chế độ thường trực SSCĐ" in texts
    assert "Chuẩn bị các điều kiện tổ chức lễ ra quân huấn luyện năm 2023" in texts
    assert all(not t.startswith(("- ", "+ ")) and not t.endswith((".", ";")) for t in texts)


def test_a_directive_broken_by_a_page_break_stays_one_task(dev_texts):
    texts = tasks_of(dev_texts["2023-02-district-party-monthly"])
    assert "Tiếp tục đẩy mạnh phong trào trồng\n\ncây nhân dân" in texts


def test_lead_ins_are_not_tasks(dev_texts):
    texts = tasks_of(dev_texts["h1-2023-commune-party-webpage"])
    assert not any("Để thực hiện thắng lợi toàn diện" in t for t in texts)
    assert not any(t.startswith("Nghị quyết về lãnh đạo Quốc phòng") for t in texts)
    # the unnumbered second paragraph of task 1 is a task of its own
    assert any(t.startswith("Trong triển khai thực hiện từng nhiệm vụ, công việc phải cụ thể") for t in texts)


def test_independent_semicolon_parts_split_but_short_list_items_do_not():
    text = (
        "I. PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI\n"
        "- Tổ chức kỳ thi học sinh giỏi lớp 8, 9 cấp tỉnh; tổ chức cho học sinh tiểu học dự thi cấp huyện.\n"
        "- Việc thực hiện quy chế làm việc; kỷ luật, kỷ cương đạo đức công vụ phải được giữ nghiêm.\n"
        "- Quán triệt nghị quyết của Đảng bộ xã về mục tiêu năm 2023; Nghị quyết về lãnh đạo Quốc phòng.\n"
    )
    assert tasks_of(text) == [
        "Tổ chức kỳ thi học sinh giỏi lớp 8, 9 cấp tỉnh",
        "tổ chức cho học sinh tiểu học dự thi cấp huyện",
        "Việc thực hiện quy chế làm việc; kỷ luật, kỷ cương đạo đức công vụ phải được giữ nghiêm",
        "Quán triệt nghị quyết của Đảng bộ xã về mục tiêu năm 2023; Nghị quyết về lãnh đạo Quốc phòng",
    ]


def test_causes_in_a_cause_section_lose_their_label_prefix(dev_texts):
    text = dev_texts["h1-2023-commune-party-webpage"]
    lims = find_limitations(text, split_sections(text))
    causes = [item for item in lims if item.kind == "cause"]
    assert causes and causes[0].text.startswith("Do ảnh hưởng của tình hình thế giới")
    assert all(text[c.start : c.end] == c.text for c in lims)


def test_shortfalls_inside_results_count_but_directives_and_successes_do_not():
    text = (
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
        "- Tiến độ thực hiện 07 dự án, có 01 dự án chậm tiến độ.\n"
        "- Không để xảy ra dịch bệnh trên đàn gia súc.\n"
        "- Đến nay không có gia súc chết do dịch bệnh.\n"
        "- Có 9 chỉ tiêu chưa đủ điều kiện đánh giá.\n"
    )
    lims = find_limitations(text, split_sections(text))
    assert [x.text for x in lims] == ["Tiến độ thực hiện 07 dự án, có 01 dự án chậm tiến độ"]
