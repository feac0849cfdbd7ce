"""Tasks in the genre's directive documents and meeting summaries: conclusion notices, plans,
asks of the levels below, and a meeting's decisions for the coming month (invented text)."""

from llmx.contract import Metadata, Period
from llmx.rules.proposals import find_proposals
from llmx.rules.statements import find_tasks
from llmx.sections import split_sections

REPORT_2024 = Metadata(period=Period(label="quý I năm 2024", kind="quarter", year=2024, months=[1, 2, 3]))
HEADER = (
    "ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 12/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "An Phú, ngày 5 tháng 4 năm 2024\n"
)


def tasks_with(text: str, metadata: Metadata | None = REPORT_2024) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text), metadata)]


def test_a_conclusion_notices_points_are_tasks_and_its_closing_formula_is_not():
    text = HEADER + (
        "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện tại cuộc họp giao ban tháng 3\n"
        "Sau khi nghe báo cáo và ý kiến các đại biểu, Chủ tịch UBND huyện kết luận và chỉ đạo như sau:\n"
        "1. Đánh giá chung\nCác phòng, ban đã chủ động triển khai nhiệm vụ được giao.\n"
        "2. Về công tác giải phóng mặt bằng\n"
        "Giao Phòng Tài nguyên và Môi trường chủ trì rà soát hồ sơ bồi thường, hoàn thành trước ngày 30/4/2024.\n"
        "Trân trọng thông báo kết luận của Chủ tịch UBND huyện để các cơ quan, đơn vị biết, thực hiện./.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == [
        "Giao Phòng Tài nguyên và Môi trường chủ trì rà soát hồ sơ bồi thường, hoàn thành trước ngày 30/4/2024"
    ]


def test_an_assigned_body_reporting_back_to_the_chair_is_doing_its_task_not_asking():
    text = HEADER + (
        "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện\nChủ tịch UBND huyện kết luận như sau:\n"
        "1. Về chuyển đổi số\n"
        "Phòng Văn hóa nghiên cứu phương án thí điểm; báo cáo, đề xuất UBND huyện xem xét trước ngày 15/5/2024.\n"
    )
    assert tasks_with(text) == [
        "Phòng Văn hóa nghiên cứu phương án thí điểm; báo cáo, đề xuất UBND huyện xem xét trước ngày 15/5/2024"
    ]
    assert find_proposals(text, split_sections(text)) == []


def test_a_plans_task_and_assignment_parts_give_tasks():
    text = (
        "I. MỤC ĐÍCH, YÊU CẦU\nBảo đảm bám sát chỉ đạo của tỉnh.\nII. MỤC TIÊU, NHIỆM VỤ\n"
        "- Rà soát, công bố thủ tục hành chính đúng quy định.\nIII. TỔ CHỨC THỰC HIỆN\n"
        "1. Phòng Nội vụ\nTheo dõi, tổng hợp kết quả thực hiện Kế hoạch.\n"
    )
    assert tasks_with(text) == [
        "Rà soát, công bố thủ tục hành chính đúng quy định",
        "Theo dõi, tổng hợp kết quả thực hiện Kế hoạch",
    ]


def test_asks_of_the_communes_below_are_tasks_even_in_a_results_section():
    text = (
        "I. KẾT QUẢ\n1. Nông nghiệp\nGieo cấy 1.200 ha lúa xuân.\n"
        "Đề nghị UBND các xã chỉ đạo bà con chăm sóc lúa, phòng trừ sâu bệnh.\n"
        "Đề nghị UBND tỉnh hỗ trợ kinh phí nạo vét kênh mương.\n"
        "Đề nghị các xã:\n- Rà soát diện tích bị ngập úng.\n"
    )
    layout = split_sections(text)
    assert tasks_with(text) == [
        "Đề nghị UBND các xã chỉ đạo bà con chăm sóc lúa, phòng trừ sâu bệnh",
        "Rà soát diện tích bị ngập úng",
    ]
    assert [p.text for p in find_proposals(text, layout)] == ["Đề nghị UBND tỉnh hỗ trợ kinh phí nạo vét kênh mương"]


def test_a_meetings_decisions_for_the_coming_month_are_tasks_but_an_assignment_reported_is_not():
    text = (
        "Sáng 2/4, UBND huyện tổ chức họp giao ban đánh giá kết quả quý I, triển khai nhiệm vụ quý II năm 2024. "
        "Hội nghị thống nhất trong tháng tới tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công. "
        "Đồng chí Chủ tịch yêu cầu các phòng, ban thời gian tới tăng cường kiểm tra an toàn thực phẩm. "
        "Trong quý, UBND huyện đã yêu cầu các xã tập trung thu ngân sách thời gian tới.\n"
        "I. KẾT QUẢ\nGiao Công an huyện chủ trì tuyên truyền phòng, chống ma túy tại 12 trường học.\n"
    )
    assert tasks_with(text) == [
        "Hội nghị thống nhất trong tháng tới tập trung đẩy nhanh tiến độ giải ngân vốn đầu tư công",
        "Đồng chí Chủ tịch yêu cầu các phòng, ban thời gian tới tăng cường kiểm tra an toàn thực phẩm",
    ]


def test_a_part_a_body_puts_to_the_chair_is_a_proposals_part():
    text = (
        "1. Kết quả rà soát\nCó 5 hội chưa tổ chức đại hội.\n"
        "2. Từ các nội dung trên, Sở Nội vụ tham mưu Chủ tịch UBND tỉnh các nội dung sau:\n"
        "Giao Sở Nội vụ theo dõi việc tổ chức đại hội của các hội.\n"
    )
    layout = split_sections(text)
    assert [s.role for s in layout.sections] == ["results", "proposals"]
    assert tasks_with(text) == []
    assert [p.text for p in find_proposals(text, layout)] == [
        "Giao Sở Nội vụ theo dõi việc tổ chức đại hội của các hội"
    ]


def test_a_task_tables_content_cells_are_tasks_and_its_header_body_and_date_cells_are_not():
    text = (
        "II. NHIỆM VỤ TRỌNG TÂM NĂM 2025\n"
        "STT | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành\n"
        "1 | Rà soát, công bố thủ tục hành chính. - Cập nhật cơ sở dữ liệu hộ tịch. | Phòng Tư pháp | Quý I/2025\n"
        "2 | Kế hoạch kiểm tra công tác cải cách hành chính năm 2025 | Văn phòng UBND huyện | Tháng 6/2025\n"
    )
    assert tasks_with(text) == [
        "Rà soát, công bố thủ tục hành chính",
        "Cập nhật cơ sở dữ liệu hộ tịch",
        "Kế hoạch kiểm tra công tác cải cách hành chính năm 2025",
    ]


def test_a_sentence_explaining_why_the_work_matters_is_no_task():
    text = (
        "II. PHƯƠNG HƯỚNG NHIỆM KỲ 2025 - 2030\n"
        "- Tổ chức Hội chợ hàng Việt hằng năm. Đây là một chương trình có ý nghĩa đối với doanh nghiệp hội viên.\n"
        "- Việc thực hiện các giải pháp này sẽ giúp Hội hoàn thành chương trình trọng tâm của nhiệm kỳ.\n"
        "- Trụ sở Hội là nơi kết nối doanh nghiệp với các cơ quan nhà nước.\n"
        "- Xây dựng trụ sở Hội là nhiệm vụ trọng tâm của nhiệm kỳ.\n"
    )
    assert tasks_with(text) == [
        "Tổ chức Hội chợ hàng Việt hằng năm",
        "Xây dựng trụ sở Hội là nhiệm vụ trọng tâm của nhiệm kỳ",
    ]


JANUARY_2025 = Metadata(period=Period(label="tháng 01 năm 2025", kind="month", year=2025, months=[1]))


def test_a_news_page_gives_the_coming_months_directives_but_not_what_was_done():
    text = (
        "Ban Thường vụ Huyện ủy họp thường lệ tháng 01/2025. Trong tháng, các cấp ủy đã tập trung lãnh đạo "
        "thu ngân sách. Về nhiệm vụ tháng 2, Ban Thường vụ Huyện ủy yêu cầu các cấp ủy tập trung lãnh đạo tổ chức "
        "Tết Nguyên đán vui tươi, an toàn. Thời gian tới, huyện tiếp tục đẩy nhanh giải ngân vốn đầu tư công. "
        "Tháng 12, huyện đã tổ chức 5 hội nghị. "
        "Phát biểu kết luận, đồng chí Bí thư đề nghị các cấp ủy chuẩn bị tốt đại hội chi bộ nhiệm kỳ 2025 - 2027.\n"
    )
    assert tasks_with(text, JANUARY_2025) == [
        "Về nhiệm vụ tháng 2, Ban Thường vụ Huyện ủy yêu cầu các cấp ủy tập trung lãnh đạo tổ chức "
        "Tết Nguyên đán vui tươi, an toàn",
        "Thời gian tới, huyện tiếp tục đẩy nhanh giải ngân vốn đầu tư công",
        "Phát biểu kết luận, đồng chí Bí thư đề nghị các cấp ủy chuẩn bị tốt đại hội chi bộ nhiệm kỳ 2025 - 2027",
    ]
    assert find_proposals(text, split_sections(text)) == []


def test_an_outlook_for_the_coming_period_is_no_task():
    text = "Thời gian tới, tình hình tội phạm ma túy sẽ tiếp tục diễn biến phức tạp trên địa bàn.\n"
    assert tasks_with(text) == []


def test_a_body_named_over_its_items_and_a_topic_label_are_not_part_of_the_tasks():
    text = HEADER + (
        "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện\nChủ tịch UBND huyện kết luận như sau:\n"
        "1. Đối với việc lập hồ sơ đề xuất điều chỉnh dự án\nYêu cầu Nhà đầu tư hoàn thiện hồ sơ trong tháng 5/2024.\n"
        "2. Về giải phóng mặt bằng\na) Trung tâm Phát triển quỹ đất huyện\n- Sở Xây dựng chủ trì thẩm định hồ sơ.\n"
        "- Đối với địa bàn Phường 2: Tập trung chi trả tiền bồi thường cho người dân.\n"
    )
    layout = split_sections(text)
    assert [s.role for s in layout.sections if s.number == "1"] == ["tasks"]
    assert tasks_with(text) == [
        "Yêu cầu Nhà đầu tư hoàn thiện hồ sơ trong tháng 5/2024",
        "Sở Xây dựng chủ trì thẩm định hồ sơ",
        "Tập trung chi trả tiền bồi thường cho người dân",
    ]


def test_an_item_lettered_past_e_starts_a_new_directive():
    text = (
        "II. NHIỆM VỤ TRỌNG TÂM\n"
        "- Tiếp tục đôn đốc các đơn vị thực hiện các kiến nghị sau thanh tra về tài chính, ngân sách.\n"
        "g) Giao Thanh tra huyện chủ trì thanh tra việc quản lý đất công trong quý II/2024.\n"
    )
    assert tasks_with(text) == [
        "Tiếp tục đôn đốc các đơn vị thực hiện các kiến nghị sau thanh tra về tài chính, ngân sách",
        "Giao Thanh tra huyện chủ trì thanh tra việc quản lý đất công trong quý II/2024",
    ]


def test_a_label_naming_the_coming_months_work_makes_its_paragraph_and_list_tasks():
    text = (
        "I. KẾT QUẢ THÁNG 3\n1. Nông nghiệp\nGieo cấy 1.200 ha lúa xuân.\n"
        "- Nhiệm vụ tháng 4/2024: Chăm sóc lúa xuân. Phòng trừ sâu bệnh trên lúa.\n"
        "- Nhiệm vụ tháng 3/2024: Gieo cấy lúa xuân đúng khung lịch thời vụ.\n"
        "Phương hướng thời gian tới:\n- Tăng cường công tác phòng chống dịch bệnh gia súc.\n"
    )
    assert tasks_with(text) == [
        "Chăm sóc lúa xuân",
        "Phòng trừ sâu bệnh trên lúa",
        "Tăng cường công tác phòng chống dịch bệnh gia súc",
    ]


def test_a_long_numbered_directive_taken_for_a_heading_is_still_a_task():
    text = (
        "III. NHIỆM VỤ VÀ GIẢI PHÁP\n"
        "1. Đào tạo, bồi dưỡng đội ngũ cán bộ làm công tác đảng các cấp về kỹ năng số; chú trọng đội ngũ "
        "cấp ủy viên cơ sở\n"
        "Mỗi năm tổ chức ít nhất hai lớp tập huấn.\n"
        "2. Tăng cường công tác tuyên truyền\n"
        "Tuyên truyền trên hệ thống truyền thanh cơ sở.\n"
    )
    assert tasks_with(text) == [
        "Đào tạo, bồi dưỡng đội ngũ cán bộ làm công tác đảng các cấp về kỹ năng số; chú trọng đội ngũ "
        "cấp ủy viên cơ sở",
        "Mỗi năm tổ chức ít nhất hai lớp tập huấn",
        "Tuyên truyền trên hệ thống truyền thanh cơ sở",
    ]


def test_a_short_numbered_target_or_assignment_taken_for_a_heading_is_still_a_task():
    text = (
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025\n"
        "1. Phấn đấu tỷ lệ hộ nghèo giảm còn dưới 2%\n"
        "Các xã rà soát danh sách hộ cận nghèo.\n"
        "2. Tập trung chỉ đạo thu hoạch vụ Đông Xuân\n"
        "Bảo đảm tiến độ thu hoạch.\n"
        "3. Giao Phòng Kinh tế chủ trì, phối hợp với các xã:\n"
        "Kiểm tra hồ sơ đất đai.\n"
        "4. Tăng cường công tác tuyên truyền\n"
        "Tuyên truyền trên hệ thống truyền thanh cơ sở.\n"
    )
    tasks = tasks_with(text)
    assert "Phấn đấu tỷ lệ hộ nghèo giảm còn dưới 2%" in tasks
    assert "Tập trung chỉ đạo thu hoạch vụ Đông Xuân" in tasks
    assert any(t.startswith("Giao Phòng Kinh tế chủ trì") for t in tasks)
    assert "Tăng cường công tác tuyên truyền" not in tasks  # a topic heading
    assert "Tuyên truyền trên hệ thống truyền thanh cơ sở" in tasks


def test_items_lettered_with_a_hyphen_are_tasks_without_their_letter():
    text = (
        "II- PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM\n1- Về kinh tế\n"
        "a- Tiếp tục chỉ đạo sản xuất vụ Hè Thu.\nb- Đẩy mạnh thu ngân sách.\n"
    )
    assert tasks_with(text) == ["Tiếp tục chỉ đạo sản xuất vụ Hè Thu", "Đẩy mạnh thu ngân sách"]


def test_where_things_stand_in_a_conclusions_task_part_is_no_task():
    text = HEADER + (
        "THÔNG BÁO\nKết luận của Chủ tịch UBND huyện tại cuộc họp về chuyển đổi số\n"
        "Sau khi nghe báo cáo, Chủ tịch UBND huyện kết luận như sau:\n"
        "1. Về chuyển đổi số\n"
        "Đến nay, 11/12 xã đã kết nối hệ thống quản lý văn bản; tuy nhiên, việc số hóa hồ sơ còn chậm.\n"
        "Giao Phòng Văn hóa đôn đốc các xã hoàn thành số hóa trước ngày 30/6/2024.\n"
        "Hiện nay, các xã đã rà soát xong; tuy nhiên cần tập trung hoàn thiện hồ sơ trước ngày 15/5/2024.\n"
    )
    tasks = tasks_with(text)
    assert not any(t.startswith("Đến nay") for t in tasks)
    assert "Giao Phòng Văn hóa đôn đốc các xã hoàn thành số hóa trước ngày 30/6/2024" in tasks
    assert any("cần tập trung hoàn thiện hồ sơ" in t for t in tasks)  # a status that goes on to ask stays


PLAN_HEADER = (
    "ỦY BAN NHÂN DÂN\nHUYỆN AN PHÚ\nSố: 12/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "An Phú, ngày 5 tháng 4 năm 2024\nKẾ HOẠCH\nTriển khai chuyển đổi số năm 2024\n"
)
ASSIGNMENT_ROWS = (
    "STT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n"
    "1 | Xây dựng cơ sở dữ liệu đất đai | Phòng Tài nguyên và Môi trường | UBND các xã | Quý III/2024\n"
    "2 | Số hóa hồ sơ hộ tịch | Phòng Tư pháp | UBND các xã | Tháng 12/2024\n"
)


def test_each_work_cell_of_an_assignment_appendix_after_the_signature_is_a_task():
    text = (
        PLAN_HEADER
        + (
            "I. MỤC ĐÍCH, YÊU CẦU\nNâng cao hiệu quả quản lý.\n"
            "II. NHIỆM VỤ, GIẢI PHÁP\nChi tiết tại Phụ lục kèm theo.\n"
            "Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n"
            "PHỤ LỤC PHÂN CÔNG THỰC HIỆN NHIỆM VỤ\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 5/4/2024 của UBND huyện)\n"
        )
        + ASSIGNMENT_ROWS
    )
    layout = split_sections(text)
    assert layout.sections[-1].role == "tasks"
    assert tasks_with(text) == ["Xây dựng cơ sở dữ liệu đất đai", "Số hóa hồ sơ hộ tịch"]


def test_a_results_appendix_after_the_signature_gives_no_tasks():
    text = (
        PLAN_HEADER
        + (
            "I. NHIỆM VỤ, GIẢI PHÁP\nTăng cường công tác số hóa hồ sơ.\n"
            "Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n"
            "PHỤ LỤC KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023\n"
        )
        + ASSIGNMENT_ROWS
    )
    assert tasks_with(text) == ["Tăng cường công tác số hóa hồ sơ"]


def test_short_work_cells_of_an_assignment_table_in_a_task_part_are_tasks_but_not_its_bodies_or_dates():
    text = "III. NHIỆM VỤ TRỌNG TÂM QUÝ II/2024\n" + ASSIGNMENT_ROWS
    assert tasks_with(text) == ["Xây dựng cơ sở dữ liệu đất đai", "Số hóa hồ sơ hộ tịch"]


def test_a_group_row_of_an_assignment_table_names_a_topic_not_a_task():
    rows = ASSIGNMENT_ROWS.replace("1 | Xây", "I | Cải cách thể chế |  |  | \n1 | Xây")
    text = "III. NHIỆM VỤ TRỌNG TÂM QUÝ II/2024\n" + rows
    assert tasks_with(text) == ["Xây dựng cơ sở dữ liệu đất đai", "Số hóa hồ sơ hộ tịch"]


def test_a_directive_whose_purpose_is_to_propose_upward_is_a_task_not_a_proposal():
    text = (
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "- Rà soát các vướng mắc về quy hoạch khoáng sản để kiến nghị Bộ Nông nghiệp và Môi trường xem xét, "
        "điều chỉnh.\n"
    )
    layout = split_sections(text)
    assert tasks_with(text) == [
        "Rà soát các vướng mắc về quy hoạch khoáng sản để kiến nghị Bộ Nông nghiệp và Môi trường xem xét, điều chỉnh"
    ]
    assert find_proposals(text, layout) == []


def test_a_work_column_headed_nhiem_vu_thuc_hien_gives_tasks():
    text = (
        "II. TỔ CHỨC THỰC HIỆN\nTT | Nhiệm vụ thực hiện | Người thực hiện | Ghi chú\n"
        "1 | Tổ chức chấm bài | Trần Văn B | \n2 | In ấn chứng chỉ | Lê Thị C | \n"
    )
    assert tasks_with(text) == ["Tổ chức chấm bài", "In ấn chứng chỉ"]


def test_a_long_numbered_line_naming_a_body_and_its_work_taken_for_a_heading_is_a_task():
    text = (
        "IV- TỔ CHỨC THỰC HIỆN\n"
        "1- Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, kiểm tra việc "
        "triển khai thực hiện Nghị quyết này\n"
        "2- Công tác kiểm tra, giám sát của các cấp ủy\n"
    )
    assert tasks_with(text) == [
        "Ban Tuyên giáo Huyện ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn, kiểm tra việc "
        "triển khai thực hiện Nghị quyết này"
    ]
