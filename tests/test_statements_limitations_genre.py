"""Limitations as the genre writes them (invented text): inspection findings stated as plain facts,
self-assessment cells saying what is lacking, a run-in lead-in or a label inside a paragraph, a `;` part
that only lists objects, and what is not a weakness (a field answered `none`, a rule's condition, a field
naming who follows the work up, the end of a quoted rule)."""

from llmx.contract import Limitation
from llmx.rules.statements import find_limitations
from llmx.sections import split_sections


def lims(text: str) -> list[Limitation]:
    return find_limitations(text, split_sections(text))


def texts(text: str) -> list[str]:
    return [lim.text for lim in lims(text)]


def test_inspection_findings_stated_as_plain_facts_are_limitations():
    text = (
        "I. KẾT QUẢ KIỂM TRA\n"
        "Công ty đã xây dựng kế hoạch phòng ngừa sự cố hóa chất. "
        "Tuy nhiên, qua kiểm tra cho thấy Công ty không tổ chức huấn luyện an toàn hóa chất định kỳ cho "
        "người lao động. "
        "Cơ sở chưa ban hành nội quy an toàn tại kho chứa hóa chất. "
        "Việc Công ty không đề nghị cấp lại giấy chứng nhận khi thay đổi địa điểm kho là vi phạm quy định "
        "tại Nghị định. "
        "Hồ sơ nghiệm thu công trình không đầy đủ theo quy định.\n"
        "II. KIẾN NGHỊ\nĐề nghị Công ty khắc phục trước ngày 30/7.\n"
    )
    assert texts(text) == [
        "Tuy nhiên, qua kiểm tra cho thấy Công ty không tổ chức huấn luyện an toàn hóa chất định kỳ cho người lao động",
        "Cơ sở chưa ban hành nội quy an toàn tại kho chứa hóa chất",
        "Việc Công ty không đề nghị cấp lại giấy chứng nhận khi thay đổi địa điểm kho là vi phạm quy định "
        "tại Nghị định",
        "Hồ sơ nghiệm thu công trình không đầy đủ theo quy định",
    ]


def test_a_finding_opening_with_what_is_missing_is_a_limitation():
    text = "I. KẾT QUẢ KIỂM TRA HỒ SƠ\nThiếu văn bản nghiệm thu về phòng cháy, chữa cháy của cơ quan Công an.\n"
    assert texts(text) == ["Thiếu văn bản nghiệm thu về phòng cháy, chữa cháy của cơ quan Công an"]


def test_a_self_assessment_cell_that_says_what_is_lacking_is_a_limitation():
    text = (
        "I. KẾT QUẢ TỰ ĐÁNH GIÁ\n"
        "STT | Tiêu chí | Điểm tối đa | Tự chấm | Giải trình\n"
        "1.1 | Ban hành văn bản phân cấp | 0,75 | 0,5 | - Đã ban hành quy định phân cấp quản lý tài sản công; "
        "- Chưa ban hành văn bản xác định số lượng xe ô tô chuyên dùng của các cơ quan, đơn vị\n"
        "1.2 | Vị trí việc làm | 1 | 0 | Sau khi sắp xếp, chưa có hướng dẫn của cấp có thẩm quyền về vị trí việc làm\n"
    )
    assert texts(text) == [
        "Chưa ban hành văn bản xác định số lượng xe ô tô chuyên dùng của các cơ quan, đơn vị",
        "Sau khi sắp xếp, chưa có hướng dẫn của cấp có thẩm quyền về vị trí việc làm",
    ]


def test_what_is_not_a_weakness_stays_out():
    text = (
        "I. KẾT QUẢ KIỂM TRA\n"
        "Nội dung chưa thực hiện (tồn tại): Không.\n"
        "Trường hợp địa phương chưa có máy tra cứu thủ tục thì hỗ trợ người dân sử dụng máy vi tính.\n"
        "Nếu hồ sơ trên hệ thống báo cáo nhiều hơn thì Cổng dịch vụ công sẽ đánh giá đơn vị đồng bộ không đầy đủ.\n"
        "Hội bị giải thể khi “Không báo cáo về tổ chức, hoạt động theo quy định; "
        "hoạt động không phù hợp với điều lệ đã được phê duyệt”.\n"
        "Công an tỉnh đã tổ chức kiểm tra 04 lượt, không phát hiện vi phạm.\n"
    )
    assert texts(text) == []


def test_a_run_in_lead_in_and_a_label_inside_a_paragraph_are_not_part_of_the_items():
    text = (
        "I. KẾT QUẢ\nCác xã đã ra quân giải tỏa hành lang giao thông.\n"
        "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN\n"
        "Bên cạnh kết quả đạt được, công tác quản lý vẫn còn một số khó khăn, tồn tại như sau: Tình trạng lấn "
        "chiếm hành lang giao thông còn diễn ra ở một số nơi. Nguyên nhân khách quan: địa bàn quản lý rộng, dân "
        "cư sống phân tán ở vùng sâu, vùng xa; lực lượng kiểm tra của cấp xã còn mỏng.\n"
    )
    found = lims(text)
    assert [(lim.kind, lim.text) for lim in found] == [
        ("limitation", "Tình trạng lấn chiếm hành lang giao thông còn diễn ra ở một số nơi"),
        ("cause", "địa bàn quản lý rộng, dân cư sống phân tán ở vùng sâu, vùng xa"),
        ("cause", "lực lượng kiểm tra của cấp xã còn mỏng"),
    ]
    assert all(text[lim.start : lim.end] == lim.text for lim in found)


def test_a_label_at_a_bullets_start_still_makes_its_item_a_cause():
    text = (
        "II. TỒN TẠI, HẠN CHẾ\n- Việc thu hồi nợ đọng thuế còn chậm.\n"
        "- Nguyên nhân khách quan: một số doanh nghiệp gặp khó khăn về tài chính, tạm dừng hoạt động.\n"
    )
    assert [(lim.kind, lim.text) for lim in lims(text)] == [
        ("limitation", "Việc thu hồi nợ đọng thuế còn chậm"),
        ("cause", "một số doanh nghiệp gặp khó khăn về tài chính, tạm dừng hoạt động"),
    ]


def test_a_semicolon_part_that_only_lists_objects_stays_with_its_clause():
    text = (
        "II. HẠN CHẾ\nThường trực Hiệp hội chưa kết nối được các hoạt động của hội viên với các cơ quan quản lý "
        "nhà nước; các hội nghề nghiệp trong tỉnh.\n"
        "- Công tác phát triển hội viên còn chậm so với kế hoạch đề ra; các hoạt động giao lưu chưa được tổ chức.\n"
    )
    assert texts(text) == [
        "Thường trực Hiệp hội chưa kết nối được các hoạt động của hội viên với các cơ quan quản lý nhà nước; "
        "các hội nghề nghiệp trong tỉnh",
        "Công tác phát triển hội viên còn chậm so với kế hoạch đề ra",
        "các hoạt động giao lưu chưa được tổ chức",
    ]


def test_who_follows_the_work_up_is_a_field_not_a_limitation():
    text = (
        "I. CÁC YẾU TỐ ẢNH HƯỞNG ĐẾN KẾT QUẢ CHỈ SỐ\n"
        "- Tỷ lệ số hóa hồ sơ thủ tục hành chính hiện chỉ đạt 72%, chưa đạt chỉ tiêu đề ra. "
        "Cơ quan chủ trì theo dõi: Văn phòng UBND tỉnh.\n"
    )
    assert texts(text) == ["Tỷ lệ số hóa hồ sơ thủ tục hành chính hiện chỉ đạt 72%, chưa đạt chỉ tiêu đề ra"]


def test_a_finding_reported_in_quotes_starts_inside_the_quote():
    text = (
        "I. TÌNH HÌNH TỔ CHỨC ĐẠI HỘI\n"
        "Ngày 30/8/2024, Sở Xây dựng có Công văn số 12/SXD trả lời: “qua theo dõi của Sở thì Hội hoạt động "
        "không đảm bảo các điều kiện theo điều lệ”.\n"
    )
    (lim,) = lims(text)
    assert lim.text == "qua theo dõi của Sở thì Hội hoạt động không đảm bảo các điều kiện theo điều lệ"
    assert text[lim.start : lim.end] == lim.text


def test_a_missing_document_is_a_limitation_but_a_count_of_cases_not_handled_and_a_submission_are_not():
    text = (
        "I. NHẬN XÉT HỒ SƠ\n"
        "Hồ sơ có báo cáo thẩm tra của đơn vị tư vấn nhưng không có văn bản thẩm định của Sở Xây dựng. "
        "Đơn khiếu nại: đã xử lý 05; chưa xử lý 01.\n"
        "II. ĐỀ XUẤT\n"
        "Sở Nội vụ kính trình UBND tỉnh xem xét, chưa thống nhất cho phép thành lập Hội theo đề xuất.\n"
    )
    assert texts(text) == [
        "Hồ sơ có báo cáo thẩm tra của đơn vị tư vấn nhưng không có văn bản thẩm định của Sở Xây dựng"
    ]


def test_a_scoring_rule_and_a_directive_to_those_behind_are_no_limitations():
    text = (
        "I. TIÊU CHÍ ĐÁNH GIÁ\n- Ban hành đầy đủ, kịp thời: 1\n- Không đầy đủ hoặc không kịp thời theo quy định: 0\n"
        "- Ban hành chưa đầy đủ hoặc chưa kịp thời: 0 điểm\n"
        "- Chưa ban hành đầy đủ hoặc chưa kịp thời thì điểm đánh giá là 0.\n"
        "II. TÌNH HÌNH\nSở Công Thương yêu cầu các đơn vị sử dụng hóa chất trên địa bàn tỉnh chưa thực hiện báo cáo "
        "trên hệ thống cơ sở dữ liệu khẩn trương thực hiện trước ngày 15/01.\n"
    )
    assert texts(text) == []


def test_a_lower_case_word_after_an_ellipsis_goes_on_with_the_sentence():
    text = (
        "I. TÌNH HÌNH\nNhiệm kỳ qua các doanh nghiệp còn nhiều khó khăn, đại dịch diễn biến phức tạp … đã tác động "
        "tiêu cực đến sản xuất. Tuy nhiên, trong bối cảnh khó khăn thách thức nhưng được sự chỉ đạo của Tỉnh ủy, "
        "Hiệp hội tiếp tục duy trì hoạt động.\n"
    )
    assert texts(text) == [
        "Nhiệm kỳ qua các doanh nghiệp còn nhiều khó khăn, đại dịch diễn biến phức tạp … đã tác động tiêu cực "
        "đến sản xuất"
    ]


def test_the_sentence_after_do_do_is_a_consequence_not_a_cause():
    text = (
        "II. HẠN CHẾ\nCổng dịch vụ công quốc gia thường xuyên phát sinh lỗi kết nối với hệ thống của tỉnh. "
        "Do đó, tỷ lệ hồ sơ đồng bộ lên Cổng dịch vụ công của nhiều đơn vị còn thấp.\n"
    )
    kinds = [(lim.kind, lim.text[:20]) for lim in lims(text)]
    assert kinds == [("cause", "Cổng dịch vụ công qu"), ("limitation", "Do đó, tỷ lệ hồ sơ đ")]
