from llmx.contract import Metadata, Period
from llmx.rules.statements import find_limitations, find_tasks
from llmx.sections import split_sections


def tasks_of(text: str) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text))]


def test_tasks_are_sentence_level_directives_in_task_sections_only(dev_texts):
    text = dev_texts["2023-02-district-party-monthly"]
    layout = split_sections(text)
    tasks = find_tasks(text, layout)
    task_sections = {s.id for s in layout.sections if s.role == "tasks"}
    inside = [t for t in tasks if t.start < layout.body_end]
    assert inside and all(layout.section_at(t.start).id in task_sections for t in inside)
    # the closing paragraph that hands the month's tasks on (`Trên cơ sở ..., các cấp ủy ...`) is one too
    assert [t.text[:30] for t in tasks if t.start >= layout.body_end] == ["Trên cơ sở những định hướng và"]
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


# --- tasks outside task sections, role-aware (SPEC 5, 1.1) ---------------------------------------

REPORT_2024 = Metadata(period=Period(label="năm 2024", kind="year", year=2024, months=list(range(1, 13))))


def tasks_with(text: str, metadata: Metadata | None = REPORT_2024) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text), metadata)]


def test_bullets_under_a_forward_looking_lead_in_are_tasks_in_a_results_section():
    text = (
        "I. KẾT QUẢ\n6. Công tác bảo vệ rừng\nTrong năm đã tổ chức 12 đợt tuần tra.\n"
        "Để nâng cao hiệu quả trong thời gian tới, yêu cầu các xã:\n"
        "- Tăng cường tuần tra, kiểm soát lâm sản.\n- Tổ chức tập huấn cho lực lượng bảo vệ rừng.\n"
        "Công tác phòng cháy được duy trì.\n"
    )
    assert tasks_with(text) == ["Tăng cường tuần tra, kiểm soát lâm sản", "Tổ chức tập huấn cho lực lượng bảo vệ rừng"]


def test_a_task_clause_and_the_directives_after_it_are_tasks_and_the_difficulty_before_it_a_limitation():
    text = (
        "Đồng chí Bí thư Đảng ủy ghi nhận các ý kiến và kết luận; tình hình những tháng cuối năm còn nhiều "
        "khó khăn tuy nhiên nhiệm vụ trước mắt "
        "là hoàn thành các tiêu chí nông thôn mới. Giữ vững an ninh trật tự trên địa bàn. Hội nghị bế mạc.\n"
    )
    assert tasks_with(text) == [
        "nhiệm vụ trước mắt là hoàn thành các tiêu chí nông thôn mới",
        "Giữ vững an ninh trật tự trên địa bàn",
    ]
    lims = [x.text for x in find_limitations(text, split_sections(text))]
    assert lims == ["tình hình những tháng cuối năm còn nhiều khó khăn"]


def test_striving_for_a_later_year_is_a_task_and_continuing_this_years_work_is_a_result():
    text = (
        "I. KẾT QUẢ\nNăm 2024, xã tiếp tục duy trì 3 trường đạt chuẩn quốc gia.\n"
        "Năm 2025, xã phấn đấu thu nhập bình quân đạt 45 triệu đồng.\n"
    )
    assert tasks_with(text) == ["Năm 2025, xã phấn đấu thu nhập bình quân đạt 45 triệu đồng"]


def test_a_directive_naming_a_time_after_the_report_is_a_task_unless_it_forecasts_or_cites():
    text = (
        "I. KẾT QUẢ\nHoàn thành việc điều chỉnh quy hoạch sử dụng đất trong quý I/2025.\n"
        "Triển khai thi công tuyến đường, dự kiến hoàn thành trong quý II/2025.\n"
        "Triển khai Nghị quyết về phát triển kinh tế đến năm 2030 của Tỉnh ủy.\n"
    )
    assert tasks_with(text) == ["Hoàn thành việc điều chỉnh quy hoạch sử dụng đất trong quý I/2025"]


def test_the_month_a_report_is_written_in_is_not_its_next_period():
    meta = Metadata(
        period=Period(label="7 tháng đầu năm 2024", kind="other", year=2024, months=list(range(1, 8))),
        issue_date="2024-08-14",
    )
    text = "Thực hiện lịch công tác tháng 8 năm 2024. Đảng ủy họp đánh giá kết quả 7 tháng.\n"
    assert tasks_with(text, meta) == []


def test_enumerated_directives_split_at_semicolons_and_lose_their_numbers():
    text = (
        "II. NHIỆM VỤ THỜI GIAN TỚI\n"
        "a) Chủ động làm việc với các sở, ngành để đôn đốc các nhiệm vụ trọng tâm, như: (1) Đôn đốc thực hiện "
        "kế hoạch chuyển đổi số năm 2025; (2) Chủ trì làm sạch dữ liệu dân cư trên địa bàn; (3) Rà soát hồ sơ "
        "thủ tục hành chính còn tồn đọng.\n"
    )
    assert tasks_with(text) == [
        "Chủ động làm việc với các sở, ngành để đôn đốc các nhiệm vụ trọng tâm, như: (1) Đôn đốc thực hiện "
        "kế hoạch chuyển đổi số năm 2025",
        "Chủ trì làm sạch dữ liệu dân cư trên địa bàn",
        "Rà soát hồ sơ thủ tục hành chính còn tồn đọng",
    ]


def test_a_lead_in_paragraph_keeps_its_earlier_sentences_as_tasks():
    text = (
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI\n"
        "Ban chỉ đạo yêu cầu các cơ quan tiếp tục quán triệt tinh thần quyết liệt. Trong tháng 9, tập trung "
        "thực hiện những nhiệm vụ sau:\n1. Công an tỉnh\n- Rà soát dữ liệu dân cư.\n"
    )
    assert tasks_with(text) == [
        "Ban chỉ đạo yêu cầu các cơ quan tiếp tục quán triệt tinh thần quyết liệt",
        "Rà soát dữ liệu dân cư",
    ]


# --- limitations --------------------------------------------------------------------------------


def lims_of(text: str) -> list[str]:
    return [x.text for x in find_limitations(text, split_sections(text))]


def test_more_ways_of_saying_a_shortfall_count_in_results():
    text = (
        "I. KẾT QUẢ\nCác đối tượng dùng ví điện tử gây nhiều khó khăn cho công tác điều tra.\n"
        "Trên địa bàn vẫn còn tình trạng khai thác cát trái phép.\nXã chưa xây dựng được sản phẩm OCOP.\n"
        "Công tác chuyển đổi số chuyển biến chậm.\nThu ngân sách đạt 105% dự toán.\n"
    )
    assert len(lims_of(text)) == 4


def test_the_worlds_difficulties_are_context_not_limitations():
    text = "1. Tình hình tội phạm ma túy trên thế giới và trong khu vực\nViệc kiểm soát tiền chất còn nhiều khó khăn.\n"
    assert lims_of(text) == []


def test_quoted_law_topic_labels_and_requests_in_a_limitation_section_are_not_limitations():
    text = (
        "7.3. Những bất cập còn tồn tại\n- Về hồ sơ tham gia đấu giá quyền khai thác\n"
        "“c) Khu vực khoáng sản đã xác định trong quy hoạch khoáng sản nhóm II; khu vực là nguồn nguyên liệu "
        "cho nhà máy đang hoạt động theo quy định của pháp luật.”\n"
        "Do đó, đề nghị Bộ Nông nghiệp và Môi trường hướng dẫn cụ thể; (ii) ưu tiên đơn vị tại địa phương.\n"
        "- Việc phối hợp giữa các địa phương giáp ranh chưa chặt chẽ.\n"
    )
    assert lims_of(text) == ["Việc phối hợp giữa các địa phương giáp ranh chưa chặt chẽ"]


def test_an_item_nothing_places_takes_the_sector_of_the_reports_theme():
    text = "I. KẾT QUẢ\nCông tác phối hợp giữa các lực lượng còn chưa chặt chẽ.\n"
    (lim,) = find_limitations(text, split_sections(text), theme="security_order")
    assert lim.sector == "security_order"
