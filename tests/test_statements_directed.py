"""Tasks a directive letter or a conclusion notice sets (invented text): the items under an opening that says
the parts below are directives (`... có ý kiến chỉ đạo như sau:`, `... kết luận như sau:`), whether the items
are content paragraphs or headings."""

from llmx.contract import Metadata, Period
from llmx.rules.proposals import find_proposals
from llmx.sections import split_sections
from tests.test_statements import tasks_with as tasks_in

JUNE_2025 = Metadata(period=Period(label="tháng 6 năm 2025", kind="month", year=2025, months=[6]))


def tasks_with(text: str, metadata: Metadata | None = JUNE_2025) -> list[str]:
    return tasks_in(text, metadata)


def test_numbered_items_under_a_directive_opening_are_tasks_though_no_heading_stands_above_them():
    text = (
        "Xét đề nghị của Sở Xây dựng, Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:\n"
        "1. Giao Sở Giao thông vận tải rà soát, sửa chữa 12 cầu yếu trên các tuyến đường tỉnh, hoàn thành "
        "trước mùa mưa bão.\n"
        "2. Giao UBND các huyện chủ động bố trí lực lượng ứng trực tại các điểm thường xuyên ngập úng.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == [
        "Giao Sở Giao thông vận tải rà soát, sửa chữa 12 cầu yếu trên các tuyến đường tỉnh, hoàn thành "
        "trước mùa mưa bão",
        "Giao UBND các huyện chủ động bố trí lực lượng ứng trực tại các điểm thường xuyên ngập úng",
    ]


def test_a_meetings_conclusion_items_are_tasks_and_the_meeting_report_before_them_is_not():
    text = (
        "Ngày 10/6/2025, Chủ tịch UBND huyện chủ trì họp về công tác tuyển sinh. Chủ tịch UBND huyện kết "
        "luận như sau:\n"
        "1. Phòng Giáo dục và Đào tạo hoàn thành phương án tuyển sinh lớp 6, báo cáo UBND huyện trước ngày 20/6.\n"
        "2. Các trường bố trí đủ phòng học cho năm học mới.\n"
    )
    assert tasks_with(text) == [
        "Phòng Giáo dục và Đào tạo hoàn thành phương án tuyển sinh lớp 6, báo cáo UBND huyện trước ngày 20/6",
        "Các trường bố trí đủ phòng học cho năm học mới",
    ]


def test_headed_items_after_content_items_under_a_directive_opening_are_task_parts():
    text = (
        "Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:\n"
        "1. Giao Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan tham mưu bố trí vốn cho công tác bồi "
        "thường, giải phóng mặt bằng dự án.\n"
        "2. Đối với cụm công nghiệp Bắc Sơn: giao UBND huyện tìm kiếm nhà đầu tư hạ tầng đủ năng lực.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    layout = split_sections(text)
    assert [s.role for s in layout.sections] == ["tasks"]
    assert "giao UBND huyện tìm kiếm nhà đầu tư hạ tầng đủ năng lực" in " ".join(tasks_with(text))


def test_cells_beside_a_plans_work_column_are_not_tasks_however_many_words_they_hold():
    text = (
        "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 05/KH-UBND\nHòa Bình, ngày 08 tháng 1 năm 2026\n"
        "KẾ HOẠCH\nCải cách hành chính năm 2026\nI. NHIỆM VỤ\n"
        "STT | Nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành\n"
        "1 | Cải cách thể chế hành chính trên địa bàn xã |  | \n"
        "1.1 | Rà soát văn bản quy phạm pháp luật do xã ban hành | Công chức Tư pháp - Hộ tịch xã | Quý II/2026\n"
        "1.2 | Kiểm tra việc thực hiện quy chế làm việc | Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã | "
        "Từ ngày 15 đến ngày 30 tháng 10 năm 2026\n"
    )
    assert tasks_with(text) == [
        "Rà soát văn bản quy phạm pháp luật do xã ban hành",
        "Kiểm tra việc thực hiện quy chế làm việc",
    ]


LETTER = (
    "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\nSố: 455/UBND-VX\nV/v triển khai Công văn số 120/BVHTTDL\n"
    "Ninh Thuận, ngày 15 tháng 5 năm 2025\nKính gửi: Sở Văn hóa, Thể thao và Du lịch\n"
    "Ủy ban nhân dân tỉnh nhận được Công văn số 120/BVHTTDL ngày 02/5/2025 của Bộ Văn hóa, Thể thao và Du lịch "
    "về việc tổng kết phong trào xây dựng gia đình văn hóa.\n"
)


def test_a_letters_assignment_to_a_named_body_is_a_task_and_so_is_the_coordinated_part_after_it():
    text = LETTER + (
        "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch tổng hợp số liệu theo yêu cầu của Bộ "
        "tại Công văn nêu trên; đồng thời, gửi Ủy ban nhân dân tỉnh biết, theo dõi./.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. CHỦ TỊCH\n"
    )
    assert tasks_with(text) == [
        "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch tổng hợp số liệu theo yêu cầu của Bộ "
        "tại Công văn nêu trên",
        "đồng thời, gửi Ủy ban nhân dân tỉnh biết, theo dõi",
    ]


def test_an_assignment_cited_as_the_grounds_of_a_letter_or_reported_as_made_is_no_task():
    text = LETTER + (
        "Thực hiện ý kiến chỉ đạo của UBND tỉnh tại Công văn số 4377/UBND-NC ngày 30/9/2025; trong đó, UBND tỉnh "
        "giao Sở Nội vụ nghiên cứu thực hiện theo thẩm quyền.\n"
        "Năm 2024, UBND tỉnh đã giao Sở Văn hóa, Thể thao và Du lịch tổ chức 3 hội nghị tổng kết.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == []


def test_a_letter_sentence_opening_with_the_assignment_is_a_task():
    text = LETTER + (
        "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, tham mưu "
        "thực hiện theo đề nghị của Bộ tại Công văn nêu trên./.\nNơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == [
        "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, tham mưu "
        "thực hiện theo đề nghị của Bộ tại Công văn nêu trên"
    ]


def test_an_opening_that_ends_in_the_issuers_yeu_cau_makes_the_parts_below_task_parts():
    text = (
        "Chủ tịch UBND tỉnh thống nhất chủ trương chuyển sang thực hiện chính thức các mô hình cải cách hành chính, "
        "theo đó, yêu cầu:\n"
        "1. Thủ trưởng các sở, ban, ngành\n"
        "a) Chủ động nhân rộng các mô hình, sáng kiến cải cách hành chính phù hợp với tình hình thực tế.\n"
        "2. Giao Văn phòng UBND tỉnh\n"
        "a) Hướng dẫn, kiểm tra các cơ quan, địa phương thực hiện công khai thủ tục hành chính bằng mã QR.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == [
        "Chủ động nhân rộng các mô hình, sáng kiến cải cách hành chính phù hợp với tình hình thực tế",
        "Hướng dẫn, kiểm tra các cơ quan, địa phương thực hiện công khai thủ tục hành chính bằng mã QR",
    ]


def test_a_plans_requirements_label_is_no_directive_opening():
    text = (
        "Mục đích: nâng cao nhận thức của cán bộ về cải cách hành chính.\nYêu cầu:\n"
        "1. Kết quả đạt được\nCác cơ quan đã tổ chức 12 hội nghị tập huấn.\n"
    )
    assert [s.role for s in split_sections(text).sections] == ["results"]


def test_an_assignment_after_a_semicolon_is_a_task_of_its_own_and_a_briefing_is_not_one():
    text = (
        "Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:\n"
        "1. Nhất trí chủ trương di dời cụm công nghiệp Bắc Hà theo Kế hoạch số 34/KH-UBND của UBND tỉnh; Giao "
        "UBND huyện Bắc Hà xây dựng phương án, lộ trình di dời và tổ chức giao ban định kỳ với các doanh nghiệp.\n"
    )
    assert tasks_with(text) == [
        "Nhất trí chủ trương di dời cụm công nghiệp Bắc Hà theo Kế hoạch số 34/KH-UBND của UBND tỉnh",
        "Giao UBND huyện Bắc Hà xây dựng phương án, lộ trình di dời và tổ chức giao ban định kỳ với các doanh nghiệp",
    ]


def test_a_numbered_assignment_that_lists_bodies_after_a_colon_is_one_task_not_a_heading_and_its_content():
    text = (
        "Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:\n"
        "1. Đối với cụm công nghiệp Bắc Sơn: giao UBND huyện tìm kiếm nhà đầu tư hạ tầng đủ năng lực.\n"
        "2. Trong thời gian chưa hoàn thành di dời, giao các sở, ngành và UBND các xã: Bắc Sơn, Nam Sơn tăng cường "
        "kiểm tra việc chấp hành quy định về môi trường.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert [s.heading for s in split_sections(text).sections] == ["Đối với cụm công nghiệp Bắc Sơn"]
    assert tasks_with(text)[-1] == (
        "Trong thời gian chưa hoàn thành di dời, giao các sở, ngành và UBND các xã: Bắc Sơn, Nam Sơn tăng cường "
        "kiểm tra việc chấp hành quy định về môi trường"
    )


def test_an_assigned_body_advising_the_issuer_is_doing_its_task_not_making_a_proposal():
    text = LETTER + (
        "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch nghiên cứu Công văn nêu trên để tham "
        "mưu, đề xuất Ủy ban nhân dân tỉnh chỉ đạo triển khai thực hiện trên địa bàn tỉnh./.\nNơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == [
        "Chủ tịch Ủy ban nhân dân tỉnh giao Sở Văn hóa, Thể thao và Du lịch nghiên cứu Công văn nêu trên để tham "
        "mưu, đề xuất Ủy ban nhân dân tỉnh chỉ đạo triển khai thực hiện trên địa bàn tỉnh"
    ]
    assert find_proposals(text, split_sections(text)) == []
