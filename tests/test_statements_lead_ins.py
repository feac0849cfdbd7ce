"""Task items the earlier rounds missed (invented text): a directive list whose lead-in names its addressees
between the verb and the colon, a task opened by a school year, lettered items under a letter's `đề nghị
các cơ quan, đơn vị ... sau:` opening, a body-first plan paragraph, and a meeting's agenda (no task)."""

from llmx.contract import Metadata, Period
from llmx.rules.proposals import find_proposals
from llmx.sections import split_sections
from tests.test_statements import tasks_with as tasks_in

H1_2025 = Metadata(period=Period(label="6 tháng đầu năm 2025", kind="half_year", year=2025, months=[1, 2, 3, 4, 5, 6]))
YEAR_2025 = Metadata(period=Period(label="năm 2025", kind="year", year=2025, months=list(range(1, 13))))


def tasks_with(text: str, metadata: Metadata | None = H1_2025) -> list[str]:
    return tasks_in(text, metadata)


def test_bullets_under_a_leaders_ask_naming_the_units_below_before_the_colon_are_tasks():
    text = (
        "I. KẾT QUẢ\n1. Kinh tế\nTrong kỳ thu ngân sách đạt 52% dự toán.\n"
        "UBND xã yêu cầu các phòng, đơn vị:\n"
        "- Tăng cường kiểm tra, đôn đốc thu nợ thuế.\n- Rà soát các công trình chậm giải ngân.\n"
    )
    assert tasks_with(text) == ["Tăng cường kiểm tra, đôn đốc thu nợ thuế", "Rà soát các công trình chậm giải ngân"]


def test_a_party_committees_ask_of_its_grassroots_organisations_opens_a_task_list():
    text = (
        "I. KẾT QUẢ\n1. Nông nghiệp\nGieo trồng đạt 95% kế hoạch.\n"
        "Ban Thường vụ Huyện ủy yêu cầu các tổ chức cơ sở đảng, các cơ quan, đơn vị:\n"
        "- Chỉ đạo thu hoạch lúa vụ hè thu.\n- Chuẩn bị giống cho vụ đông.\n"
    )
    assert tasks_with(text) == ["Chỉ đạo thu hoạch lúa vụ hè thu", "Chuẩn bị giống cho vụ đông"]


def test_an_ask_of_the_units_below_with_its_work_before_the_colon_opens_a_task_list():
    text = (
        "I. TÌNH HÌNH\nThu ngân sách huyện đạt 48% dự toán.\n"
        "Đề nghị các phòng, ban chuyên môn và UBND các xã tập trung thực hiện một số nhiệm vụ sau:\n"
        "- Đôn đốc thu các khoản nợ đọng.\n- Hoàn thành quyết toán các công trình.\n"
    )
    assert tasks_with(text) == ["Đôn đốc thu các khoản nợ đọng", "Hoàn thành quyết toán các công trình"]


def test_a_request_of_higher_levels_with_a_list_stays_a_proposal_not_tasks():
    text = (
        "I. KẾT QUẢ\n1. Giao thông\nĐã sửa chữa 3 km đường.\n"
        "Đề nghị UBND tỉnh, các sở, ngành quan tâm các nội dung sau:\n"
        "- Bố trí vốn sửa chữa đường ĐT.723.\n- Hỗ trợ kinh phí khắc phục sạt lở.\n"
    )
    assert tasks_with(text) == []
    assert find_proposals(text, split_sections(text))


def test_an_ask_reported_as_made_does_not_open_a_task_list():
    text = (
        "I. KẾT QUẢ\n1. Kinh tế\nThu ngân sách đạt 52% dự toán.\n"
        "UBND xã đã yêu cầu các phòng, đơn vị:\n"
        "- Kiểm tra, đôn đốc thu nợ thuế.\n"
    )
    assert tasks_with(text) == []


def test_a_school_year_after_the_report_opens_a_task_in_a_results_part():
    text = (
        "I. KẾT QUẢ\n1. Giáo dục\nTỷ lệ tốt nghiệp đạt 98%.\n"
        "Năm học 2025 - 2026, ngành giáo dục tiếp tục nâng cao chất lượng dạy và học.\n"
    )
    assert tasks_with(text) == ["Năm học 2025 - 2026, ngành giáo dục tiếp tục nâng cao chất lượng dạy và học"]


def test_the_school_year_the_report_covers_does_not_make_a_result_a_task():
    text = (
        "I. KẾT QUẢ\n1. Giáo dục\n"
        "Năm học 2024 - 2025, ngành giáo dục tiếp tục nâng cao chất lượng dạy và học, tỷ lệ tốt nghiệp đạt 98%.\n"
    )
    assert tasks_with(text) == []


def test_period_openings_in_a_task_part_are_tasks():
    text = (
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
        "Năm học 2025 - 2026, ngành giáo dục tiếp tục nâng cao chất lượng dạy và học.\n"
        "Quý III/2025, xã tập trung hoàn thành giải ngân vốn đầu tư công.\n"
        "Tháng 8, UBND xã tổ chức ra quân tổng vệ sinh môi trường.\n"
    )
    assert len(tasks_with(text)) == 3


def test_a_body_first_plan_paragraph_is_a_task():
    text = (
        "II. NHIỆM VỤ NĂM 2026\n1. Công tác tuyên truyền\n"
        "Báo và Phát thanh, Truyền hình tỉnh chủ trì, phối hợp với các sở, ngành tiếp tục tổ chức tuyên truyền "
        "về chuyển đổi số.\n"
        "Đoàn Thanh niên, Hội Liên hiệp Phụ nữ xã phối hợp vận động đoàn viên tham gia.\n"
    )
    assert tasks_with(text, YEAR_2025) == [
        "Báo và Phát thanh, Truyền hình tỉnh chủ trì, phối hợp với các sở, ngành tiếp tục tổ chức tuyên truyền "
        "về chuyển đổi số",
        "Đoàn Thanh niên, Hội Liên hiệp Phụ nữ xã phối hợp vận động đoàn viên tham gia",
    ]


def test_lettered_items_under_a_letters_ask_of_its_agencies_are_tasks():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 123/UBND-KT\nV/v phòng chống thiên tai\n"
        "Để chủ động ứng phó mùa mưa bão năm 2025, UBND tỉnh đề nghị các cơ quan, đơn vị thực hiện một số "
        "nội dung sau:\n"
        "a) Rà soát phương án ứng phó thiên tai.\nb) Kiểm tra hồ đập xung yếu.\n"
        "c) Tập trung khắc phục hậu quả sạt lở.\nđ) Theo dõi, tham mưu UBND tỉnh chỉ đạo kịp thời.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == [
        "Rà soát phương án ứng phó thiên tai",
        "Kiểm tra hồ đập xung yếu",
        "Tập trung khắc phục hậu quả sạt lở",
        "Theo dõi, tham mưu UBND tỉnh chỉ đạo kịp thời",
    ]


def test_a_district_letters_ask_of_its_communes_opens_lettered_tasks():
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN LONG SƠN\nSố: 88/UBND-VP\n"
        "Chủ tịch UBND huyện đề nghị UBND các xã, thị trấn triển khai thực hiện các nội dung sau:\n"
        "a) Kiểm tra an toàn thực phẩm tại các chợ.\nb) Tập trung xử lý rác thải tồn đọng.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == ["Kiểm tra an toàn thực phẩm tại các chợ", "Tập trung xử lý rác thải tồn đọng"]


def test_a_meetings_agenda_is_no_task_in_a_task_part():
    text = (
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n1. Công tác HĐND\n"
        "Kỳ họp thứ 12 HĐND tỉnh dự kiến thông qua 32 nghị quyết.\n"
        "Hội nghị Ban Chấp hành Đảng bộ xã dự kiến xem xét, cho ý kiến 5 nội dung.\n"
        "Tổ chức tốt kỳ họp cuối năm.\n"
    )
    assert tasks_with(text) == ["Tổ chức tốt kỳ họp cuối năm"]


def test_a_lettered_item_naming_a_body_and_its_work_in_a_sentence_is_a_task_not_a_label():
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH AN\nSố: 99/UBND-VX\nV/v tăng cường phòng chống dịch\n"
        "Chủ tịch UBND tỉnh chỉ đạo như sau:\n"
        "a) Sở Y tế chủ trì, phối hợp theo dõi tình hình dịch.\n"
        "b) Các cơ quan báo chí đưa tin kịp thời.\n"
        "c) Tập trung tuyên truyền phòng dịch.\n"
        "Nơi nhận:\n- Như trên;\n"
    )
    assert tasks_with(text) == [
        "Sở Y tế chủ trì, phối hợp theo dõi tình hình dịch",
        "Các cơ quan báo chí đưa tin kịp thời",
        "Tập trung tuyên truyền phòng dịch",
    ]


def test_a_bodys_name_over_its_items_is_still_no_task():
    text = "II. NHIỆM VỤ NĂM 2026\na) Trung tâm Phát triển quỹ đất tỉnh\n- Hoàn thành đo đạc, lập hồ sơ địa chính.\n"
    assert tasks_with(text, YEAR_2025) == ["Hoàn thành đo đạc, lập hồ sơ địa chính"]


def test_a_meetings_announced_date_is_no_task_but_the_bodys_own_planned_meeting_is():
    text = (
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
        "Kỳ họp thường lệ giữa năm của HĐND xã dự kiến tổ chức vào tháng 7/2025.\n"
        "Đại hội Đảng bộ xã dự kiến diễn ra trong 2 ngày.\n"
        "Dự kiến tổ chức Hội nghị sơ kết vào tháng 7.\n"
    )
    assert tasks_with(text) == ["Dự kiến tổ chức Hội nghị sơ kết vào tháng 7"]


def test_a_request_of_central_agencies_with_a_list_is_no_task_list():
    text = (
        "I. KẾT QUẢ\n1. Tài nguyên\nĐã cấp 120 giấy chứng nhận.\n"
        "Đề nghị các cơ quan Trung ương quan tâm hỗ trợ:\n"
        "- Bố trí kinh phí đo đạc bản đồ địa chính.\n"
    )
    assert tasks_with(text) == []
