from llmx.rules.proposals import find_proposals
from llmx.rules.statements import find_tasks
from llmx.sections import split_sections


def proposals(text: str) -> list[tuple[str, str | None]]:
    return [(p.text, p.addressee) for p in find_proposals(text, split_sections(text))]


def test_a_request_to_a_named_body_is_a_proposal_with_that_addressee_not_a_task():
    text = (
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
        "- Tiếp tục đề nghị UBND tỉnh, Sở Tài nguyên và Môi trường triển khai đo đạc bản đồ địa chính.\n"
        "- Tăng cường quản lý đất đai.\n"
    )
    assert proposals(text) == [
        (
            "Tiếp tục đề nghị UBND tỉnh, Sở Tài nguyên và Môi trường triển khai đo đạc bản đồ địa chính",
            "UBND tỉnh, Sở Tài nguyên và Môi trường",
        ),
    ]
    assert [t.text for t in find_tasks(text, split_sections(text))] == ["Tăng cường quản lý đất đai"]


def test_a_request_in_results_covers_its_own_clause_and_keeps_a_capitalised_name_whole():
    text = (
        "I. KẾT QUẢ\nĐã nâng cấp 4,8 km đường huyện, đang thi công 7,5 km đường xã; đề nghị UBND tỉnh "
        "Sở Giao thông vận tải hỗ trợ đầu tư 11 km đường thôn xóm; làm mới 3 cầu tràn.\n"
    )
    assert proposals(text) == [
        (
            "đề nghị UBND tỉnh Sở Giao thông vận tải hỗ trợ đầu tư 11 km đường thôn xóm",
            "UBND tỉnh Sở Giao thông vận tải",
        )
    ]


def test_reported_requests_and_submissions_are_not_proposals():
    text = (
        "I. KẾT QUẢ\nĐã đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trường học.\n"
        "Hoàn thiện hồ sơ đề nghị UBND tỉnh công nhận xã đạt chuẩn nông thôn mới.\n"
        "Trình UBND tỉnh phê duyệt chủ trương đầu tư.\n"
    )
    assert proposals(text) == []


def test_a_proposals_section_gives_every_statement_with_the_body_opening_it_or_the_headings_body():
    text = (
        "IV. KIẾN NGHỊ\n1. Kiến nghị Bộ Nông nghiệp và Môi trường\n"
        "- Sớm ban hành hướng dẫn xử lý vi phạm trong lĩnh vực khoáng sản.\n"
        "- Bộ Tài chính bố trí kinh phí cho các cơ sở cai nghiện; hỗ trợ mua sắm trang thiết bị y tế cho cơ sở.\n"
    )
    assert proposals(text) == [
        ("Sớm ban hành hướng dẫn xử lý vi phạm trong lĩnh vực khoáng sản", "Bộ Nông nghiệp và Môi trường"),
        ("Bộ Tài chính bố trí kinh phí cho các cơ sở cai nghiện", "Bộ Tài chính"),
        ("hỗ trợ mua sắm trang thiết bị y tế cho cơ sở", "Bộ Tài chính"),
    ]


def test_the_issuer_asking_a_body_makes_that_body_the_addressee():
    text = (
        "5. Đề xuất, kiến nghị\n- UBND tỉnh An Giang đề nghị Cục Kỹ thuật an toàn hướng dẫn việc tiêu hủy tiền chất.\n"
    )
    assert proposals(text)[0][1] == "Cục Kỹ thuật an toàn"


def test_the_facts_a_proposals_section_rests_on_are_not_proposals():
    text = (
        "III. ĐỀ XUẤT\n"
        "Ngày 12/3/2025, UBND tỉnh có Công văn số 15/UBND-NC giao Sở Nội vụ theo dõi, đề xuất UBND tỉnh xử lý.\n"
        "Đối với Hội Làm vườn và Hội Sinh vật cảnh\n"
        "Nhiệm kỳ II (2019-2024) của Hội Làm vườn đã kết thúc từ tháng 6/2024.\n"
        "Đến nay, Hội chưa lập hồ sơ tổ chức đại hội.\n"
        "Sở Nội vụ đề xuất UBND tỉnh giải thể Hội Làm vườn theo quy định.\n"
        "- Ưu tiên bố trí kinh phí cho các hội đã được công nhận điều lệ.\n"
    )
    assert proposals(text) == [
        ("Sở Nội vụ đề xuất UBND tỉnh giải thể Hội Làm vườn theo quy định", "Sở Nội vụ"),
        ("Ưu tiên bố trí kinh phí cho các hội đã được công nhận điều lệ", None),
    ]


def test_a_top_level_heading_asking_a_named_body_makes_a_proposals_part_with_that_addressee():
    text = (
        "BÁO CÁO\nI. KẾT QUẢ\nCó 12 dự án.\n1. Đề nghị Sở Tài chính\n"
        "- Bố trí vốn cho các dự án chuyển tiếp.\n- Sớm thẩm định quyết toán các công trình hoàn thành.\n"
        "2. Đề nghị Sở Nông nghiệp và Môi trường\nHướng dẫn thủ tục giao đất cho hộ gia đình.\n"
    )
    assert [s.role for s in split_sections(text).sections][-2:] == ["proposals", "proposals"]
    assert proposals(text) == [
        ("Bố trí vốn cho các dự án chuyển tiếp", "Sở Tài chính"),
        ("Sớm thẩm định quyết toán các công trình hoàn thành", "Sở Tài chính"),
        ("Hướng dẫn thủ tục giao đất cho hộ gia đình", "Sở Nông nghiệp và Môi trường"),
    ]


def test_the_addressee_ends_before_what_it_is_asked_and_a_verb_opening_the_ask_is_no_body():
    text = (
        "III. KIẾN NGHỊ\nSở Xây dựng đề xuất Bộ Xây dựng một số nội dung như sau:\n"
        "- Tiếp tục hướng dẫn địa phương về quy hoạch.\n"
        "- Ban hành Thông tư hướng dẫn quản lý vật liệu xây dựng, triển khai cấp phép.\n"
    )
    assert [a for _, a in proposals(text)] == ["Bộ Xây dựng", "Bộ Xây dựng"]


def test_a_bullet_putting_a_request_to_the_government_under_a_ministry_heading_asks_the_ministry():
    text = (
        "III. KIẾN NGHỊ\n1. Đề nghị Bộ Tư pháp\n"
        "- Kiến nghị Chính phủ sửa đổi Nghị định số 15/2020/NĐ-CP về xử phạt.\n"
        "2. Kiến nghị với cấp trên\n- Kiến nghị Chính phủ tăng biên chế cho cấp xã.\n"
    )
    assert [a for _, a in proposals(text)] == ["Bộ Tư pháp", "Chính phủ"]


def test_a_request_put_with_voi_or_about_a_matter_names_only_the_body():
    text = (
        "III. KIẾN NGHỊ\nUBND huyện kiến nghị UBND tỉnh về việc bố trí vốn cho chương trình nông thôn mới.\n"
        "UBND xã kiến nghị với UBND huyện một số nội dung sau:\n- Hỗ trợ kinh phí sửa chữa trường học.\n"
    )
    assert [a for _, a in proposals(text)] == ["UBND tỉnh", "UBND huyện"]
