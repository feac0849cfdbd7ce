"""Task coverage in forward parts (invented text): a closing paragraph that hands the work on, directive
bullets whose object list follows a colon, sub-parts naming the coming period, a body's own next step
in a proposals part."""

from llmx.contract import Metadata, Period
from llmx.rules.proposals import find_proposals
from llmx.rules.statements import find_limitations, find_tasks
from llmx.sections import split_sections
from tests.test_statements import tasks_with as tasks_in

MONTH_3_2024 = Metadata(period=Period(label="tháng 3 năm 2024", kind="month", year=2024, months=[3]))


def tasks_with(text: str, metadata: Metadata | None = MONTH_3_2024) -> list[str]:
    return tasks_in(text, metadata)


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


COVER_LETTER = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 15/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "An Giang, ngày 10 tháng 1 năm 2026\nBÁO CÁO\nKết quả tự đánh giá Chỉ số cải cách hành chính năm 2025\n"
    "Ủy ban nhân dân tỉnh báo cáo kết quả tự đánh giá, chấm điểm (đính kèm phụ lục chi tiết).\n"
    "Nơi nhận:\n- Bộ Nội vụ;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n"
    "Phụ lục\nTỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM\n"
    "TT | Tiêu chí | Điểm | Giải trình\n"
    "1 | Công tác kiểm tra | 2,5 | Đã kiểm tra 12 cơ quan. Sở Tư pháp sẽ tiếp tục theo dõi việc thực hiện kết luận "
    "kiểm tra trong thời gian tới.\n"
    "2 | Phân cấp quản lý tài sản công | 1,0 | Chưa hoàn thành việc ban hành văn bản quy định phân cấp quản lý tài sản "
    "công.\n"
)


def test_the_appendix_of_a_cover_letter_is_the_report_its_tasks_and_limitations_are_read():
    layout = split_sections(COVER_LETTER)
    now = Metadata(period=Period(label="năm 2025", kind="year", year=2025, months=list(range(1, 13))))
    assert [t.text for t in find_tasks(COVER_LETTER, layout, now)] == [
        "Sở Tư pháp sẽ tiếp tục theo dõi việc thực hiện kết luận kiểm tra trong thời gian tới"
    ]
    assert [lim.text for lim in find_limitations(COVER_LETTER, layout)] == [
        "Chưa hoàn thành việc ban hành văn bản quy định phân cấp quản lý tài sản công"
    ]


def test_the_appendix_after_a_report_with_parts_of_its_own_is_still_data():
    text = COVER_LETTER.replace(
        "Ủy ban nhân dân tỉnh báo cáo kết quả tự đánh giá, chấm điểm (đính kèm phụ lục chi tiết).",
        "I. KẾT QUẢ\nCác sở đã triển khai đầy đủ.\nII. NHIỆM VỤ NĂM 2026\n- Rà soát thủ tục hành chính.",
    )
    now = Metadata(period=Period(label="năm 2025", kind="year", year=2025, months=list(range(1, 13))))
    assert [t.text for t in find_tasks(text, split_sections(text), now)] == ["Rà soát thủ tục hành chính"]


def test_a_topic_naming_a_request_made_by_someone_else_is_no_proposal():
    text = "I. KẾT QUẢ\n- Đối với kiến nghị Trung ương tại Kết luận số 257: hiện tại Quốc hội chưa sửa đổi Luật.\n"
    assert find_proposals(text, split_sections(text)) == []


def test_the_reporting_bodys_own_next_step_in_a_proposals_part_is_a_task_not_a_request():
    text = (
        "I. TÌNH HÌNH\nCó 03 hội chưa tổ chức đại hội nhiệm kỳ.\nII. ĐỀ XUẤT\n"
        "Sở Nội vụ đề xuất Chủ tịch UBND tỉnh gia hạn thời gian tổ chức đại hội của 03 hội đến hết quý I/2025. "
        "Quá thời hạn này, các hội không tổ chức đại hội, Sở Nội vụ sẽ báo cáo Chủ tịch UBND tỉnh xem xét, "
        "xử lý theo quy định. Quá thời hạn này, các hội không tổ chức đại hội thì UBND tỉnh sẽ xem xét giải thể.\n"
    )
    layout = split_sections(text)
    own = Metadata(issuer="Sở Nội vụ tỉnh Hòa Bình")
    step = (
        "Quá thời hạn này, các hội không tổ chức đại hội, Sở Nội vụ sẽ báo cáo Chủ tịch UBND tỉnh xem xét, "
        "xử lý theo quy định"
    )
    assert [t.text for t in find_tasks(text, layout, own)] == [step]
    asked = [p.text for p in find_proposals(text, layout, issuer=own.issuer)]
    assert step not in asked
    assert asked[0].startswith("Sở Nội vụ đề xuất Chủ tịch UBND tỉnh gia hạn")
    assert asked[-1] == "Quá thời hạn này, các hội không tổ chức đại hội thì UBND tỉnh sẽ xem xét giải thể"


def test_a_directive_letters_numbered_items_are_tasks_and_who_does_them_by_when_is_not():
    text = (
        "UBND TỈNH HÒA BÌNH\nSố: 12/UBND-KSTT\nV/v triển khai nhiệm vụ chuyển đổi số\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHòa Bình, ngày 4 tháng 4 năm 2024\n"
        "Kính gửi: Các sở, ban, ngành thuộc tỉnh.\n"
        "Để triển khai hiệu quả Kế hoạch số 02-KH/BCĐTW, UBND tỉnh yêu cầu các sở, ban, ngành, địa phương "
        "tập trung thực hiện một số nội dung sau:\n"
        "1. Hoàn thiện hạ tầng công nghệ thông tin\n"
        "(1) Tiếp tục rà soát, nâng cấp hệ thống hạ tầng kỹ thuật dùng chung của tỉnh.\n"
        "- Đơn vị chủ trì thực hiện: Sở Khoa học và Công nghệ.\n"
        "- Thời gian hoàn thành: Thực hiện thường xuyên.\n"
        "2. Hoàn thiện tổ chức bộ máy cấp xã\n"
        "(1) Xây dựng đề án tổ chức các phòng chuyên môn thuộc UBND cấp xã.\n"
        "- Thời gian hoàn thành: Trong tháng 5/2024.\n"
    ).replace("\n", "\n\n")  # a .docx: a blank line between paragraphs
    assert tasks_with(text) == [
        "Tiếp tục rà soát, nâng cấp hệ thống hạ tầng kỹ thuật dùng chung của tỉnh",
        "Xây dựng đề án tổ chức các phòng chuyên môn thuộc UBND cấp xã",
    ]


def test_a_bare_assignee_heading_is_not_a_task():
    text = (
        "1. Về phổ biến văn bản quy phạm pháp luật mới\n\n"
        "- Tổ chức phổ biến Luật Hóa chất cho các đơn vị hoạt động hóa chất.\n\n"
        "2. Giao Sở Công Thương\n\n"
        "- Chủ trì hướng dẫn các đơn vị rà soát danh mục hóa chất đang kinh doanh.\n\n"
    )
    opening = "UBND tỉnh yêu cầu các cơ quan, đơn vị thực hiện một số nội dung sau:\n\n"
    assert tasks_with(opening + text) == [
        "Tổ chức phổ biến Luật Hóa chất cho các đơn vị hoạt động hóa chất",
        "Chủ trì hướng dẫn các đơn vị rà soát danh mục hóa chất đang kinh doanh",
    ]


def test_a_part_of_things_to_do_at_once_is_a_task_part():
    text = (
        "I. NHỮNG VIỆC CẦN LÀM NGAY TRONG THÁNG 4/2024\n\n1. Sở Tư pháp\n\n"
        "Tập trung rà soát văn bản quy phạm pháp luật, hoàn thành trước ngày 25/4/2024.\n\n"
        "II. KẾT QUẢ NĂM 2023\n\nCác sở đã rà soát 120 văn bản.\n\n"
    )
    assert tasks_with(text) == ["Tập trung rà soát văn bản quy phạm pháp luật, hoàn thành trước ngày 25/4/2024"]


def test_a_remedy_stated_for_an_aim_is_a_task_even_in_a_results_part():
    text = (
        "I. KẾT QUẢ ĐÁNH GIÁ\n\nTỷ lệ hồ sơ trực tuyến của tỉnh đạt 45%, thấp hơn bình quân cả nước.\n\n"
        "Để tăng điểm đối với tiêu chí này đòi hỏi các đơn vị cập nhật đầy đủ hồ sơ lên Hệ thống một cửa điện tử.\n\n"
        "Để đạt kết quả trên, các đơn vị đã phải làm thêm giờ trong tháng 3.\n\n"
    )
    assert tasks_with(text) == [
        "Để tăng điểm đối với tiêu chí này đòi hỏi các đơn vị cập nhật đầy đủ hồ sơ lên Hệ thống một cửa điện tử"
    ]


def test_numbered_task_lines_with_nothing_under_them_are_tasks_but_a_part_heading_is_not():
    text = (
        "I. KẾT QUẢ\nĐã tổ chức 3 hội nghị.\nII. NHIỆM VỤ TRỌNG TÂM THÁNG 4/2024\n"
        "1. Lãnh đạo, chỉ đạo tổ chức các hoạt động kỷ niệm ngày Giải phóng miền Nam vui tươi, tiết kiệm.\n"
        "2. Chuẩn bị tốt công tác giao nhận quân năm 2024.\n"
        "3. Công tác quốc phòng\nDuy trì nghiêm chế độ trực sẵn sàng chiến đấu.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Trên đây là báo cáo kết quả tháng 3 và nhiệm vụ tháng 4/2024./.\n"
    )
    assert tasks_with(text) == [
        "Lãnh đạo, chỉ đạo tổ chức các hoạt động kỷ niệm ngày Giải phóng miền Nam vui tươi, tiết kiệm",
        "Chuẩn bị tốt công tác giao nhận quân năm 2024",
        "Duy trì nghiêm chế độ trực sẵn sàng chiến đấu",
    ]


def test_the_work_that_goes_on_for_an_aim_at_the_end_of_a_results_paragraph_is_a_task():
    text = (
        "1. Thu ngân sách\nThu ngân sách trên địa bàn tháng 3 đạt 12,5 tỷ đồng. Để hoàn thành dự toán năm, huyện "
        "tiếp tục đôn đốc thu các khoản nợ đọng thuế, tiền sử dụng đất.\n"
        "2. Y tế\nĐể phòng dịch sốt xuất huyết, huyện đã tiếp tục phun hóa chất tại 5 xã.\n"
    )
    assert tasks_with(text) == [
        "Để hoàn thành dự toán năm, huyện tiếp tục đôn đốc thu các khoản nợ đọng thuế, tiền sử dụng đất"
    ]


def test_a_numbered_target_line_that_only_introduces_the_table_below_is_no_task():
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ MỸ HÒA\nSố: 12/BC-UBND\nMỹ Hòa, ngày 26 tháng 12 năm 2024\nBÁO CÁO\n"
        "Kết quả năm 2024, kế hoạch năm 2025\nI. KẾT QUẢ NĂM 2024\nTổng giá trị sản xuất đạt 520 tỷ đồng.\n"
        "II. KẾ HOẠCH NĂM 2025\n1. Phấn đấu đạt các chỉ tiêu chủ yếu sau:\n"
        "Chỉ tiêu | ĐVT | Kế hoạch 2025\nTổng giá trị sản xuất | tỷ đồng | 560\n"
        "2. Tập trung xây dựng xã đạt chuẩn nông thôn mới nâng cao.\n"
    )
    assert tasks_with(text) == ["Tập trung xây dựng xã đạt chuẩn nông thôn mới nâng cao"]
