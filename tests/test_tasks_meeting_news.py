"""Tasks in news pages on Party committee and UBND meetings (tasks12 battery, invented text): the work ahead
under a page's sub-heading runs on over the paragraphs below it; a lead sentence reporting the meeting held is
no task; a leader's ask with a comma after its verb (`Đồng chí đề nghị, trong tháng 11, ...`); a body named
with `các` (`Bên cạnh đó, các xã rà soát ...`, `Các thôn cần ...`) goes on with the work the ask opened. Each is
read end to end from a file (`extract_document`)."""

from pathlib import Path

from tests.docgen import rules_text_document

_LEAD = (
    "Huyện Nghi Lộc giao ban tháng 10\n"
    "Sáng 1/11/2025, UBND huyện Nghi Lộc tổ chức giao ban tháng 10.\n"
    "Tháng 10, thu ngân sách đạt 30 tỷ đồng.\n"
)


def _tasks(tmp_path: Path, text: str) -> list[str]:
    return [t.text for t in rules_text_document(tmp_path, text, "news.txt").tasks]


def test_the_work_under_a_pages_sub_heading_runs_on_over_the_paragraphs_below_it(tmp_path: Path) -> None:
    text = (
        "Đảng ủy xã Yên Trung triển khai nhiệm vụ quý IV\n"
        "Ngày 2/10/2025, Đảng ủy xã Yên Trung tổ chức hội nghị sơ kết công tác quý III.\n"
        "Quý III, xã kết nạp 5 đảng viên mới.\n"
        "Phương hướng, nhiệm vụ thời gian tới\n"
        "Đảng ủy xã tập trung lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm 2025.\n"
        "Các chi bộ tiếp tục đổi mới nội dung sinh hoạt, nâng cao chất lượng sinh hoạt chi bộ.\n"
        "Đồng thời, đẩy mạnh công tác thu ngân sách, phấn đấu vượt 10% dự toán.\n"
        "Dịp này, Đảng ủy xã trao Huy hiệu 40 năm tuổi Đảng cho 3 đảng viên.\n"
    )
    assert _tasks(tmp_path, text) == [
        "Đảng ủy xã tập trung lãnh đạo hoàn thành các chỉ tiêu nghị quyết năm 2025",
        "Các chi bộ tiếp tục đổi mới nội dung sinh hoạt, nâng cao chất lượng sinh hoạt chi bộ",
        "Đồng thời, đẩy mạnh công tác thu ngân sách, phấn đấu vượt 10% dự toán",
    ]


def test_a_lead_sentence_reporting_the_meeting_held_to_set_next_months_work_is_no_task(tmp_path: Path) -> None:
    text = (
        "Đảng ủy xã Hòa Bình họp thường kỳ tháng 8\n"
        "Ngày 30/8/2025, Đảng ủy xã Hòa Bình tổ chức hội nghị thường kỳ đánh giá kết quả lãnh đạo, chỉ đạo"
        " tháng 8 và triển khai nhiệm vụ tháng 9 năm 2025.\n"
        "Trong tháng 8, xã đã tổ chức tốt Lễ kỷ niệm 80 năm Cách mạng Tháng Tám.\n"
        "Hội nghị thống nhất trong tháng 9 tập trung chỉ đạo thu hoạch lúa hè thu, phòng chống bão lũ.\n"
    )
    assert _tasks(tmp_path, text) == [
        "Hội nghị thống nhất trong tháng 9 tập trung chỉ đạo thu hoạch lúa hè thu, phòng chống bão lũ"
    ]


def test_a_leaders_ask_with_a_comma_after_its_verb_and_the_bodies_going_on_are_tasks(tmp_path: Path) -> None:
    text = _LEAD + (
        "Đồng chí đề nghị, trong tháng 11, các xã tập trung thu hoạch lúa mùa, gieo trồng cây vụ đông. "
        "Ngành giáo dục chuẩn bị tốt cho kỳ thi học sinh giỏi.\n"
    )
    assert _tasks(tmp_path, text) == [
        "Đồng chí đề nghị, trong tháng 11, các xã tập trung thu hoạch lúa mùa, gieo trồng cây vụ đông",
        "Ngành giáo dục chuẩn bị tốt cho kỳ thi học sinh giỏi",
    ]


def test_bodies_named_with_cac_go_on_with_the_work_of_the_directive_before_them(tmp_path: Path) -> None:
    text = _LEAD + (
        "Tháng 11, huyện sẽ tập trung chỉ đạo gieo trồng cây vụ đông, phấn đấu đạt 3.000 ha. "
        "Bên cạnh đó, các xã rà soát, lập danh sách hộ nghèo năm 2026.\n"
        "Kết luận hội nghị, đồng chí Chủ tịch UBND huyện đề nghị các phòng, ban phát huy kết quả đạt được. "
        "Các xã cần làm tốt công tác vệ sinh môi trường, đảm bảo an ninh trật tự dịp cuối năm. "
        "Các xã có nhiều cố gắng trong tháng qua.\n"
    )
    assert _tasks(tmp_path, text) == [
        "Tháng 11, huyện sẽ tập trung chỉ đạo gieo trồng cây vụ đông, phấn đấu đạt 3.000 ha",
        "Bên cạnh đó, các xã rà soát, lập danh sách hộ nghèo năm 2026",
        "Kết luận hội nghị, đồng chí Chủ tịch UBND huyện đề nghị các phòng, ban phát huy kết quả đạt được",
        "Các xã cần làm tốt công tác vệ sinh môi trường, đảm bảo an ninh trật tự dịp cuối năm",
    ]


def test_a_long_run_in_lead_in_naming_the_tasks_below_is_cut_off_the_first_task(tmp_path: Path) -> None:
    text = _LEAD + (
        "Đồng chí Bí thư Huyện ủy yêu cầu các ngành, địa phương trong thời gian tới cần tập trung làm tốt một số"
        " nhiệm vụ trọng tâm: tiếp tục đẩy mạnh sản xuất vụ đông; rà soát, hoàn thiện hồ sơ đề nghị công nhận xã"
        " nông thôn mới nâng cao.\n"
        "Về nhiệm vụ thời gian tới, Hội nghị thống nhất tập trung lãnh đạo thực hiện một số nhiệm vụ trọng tâm sau:"
        " Một là, chỉ đạo chuẩn bị tốt đại hội chi bộ nhiệm kỳ 2025 - 2027; Hai là, tập trung thu hoạch vụ hè thu,"
        " triển khai sản xuất vụ mùa.\n"
    )
    assert _tasks(tmp_path, text) == [
        "tiếp tục đẩy mạnh sản xuất vụ đông",
        "rà soát, hoàn thiện hồ sơ đề nghị công nhận xã nông thôn mới nâng cao",
        "chỉ đạo chuẩn bị tốt đại hội chi bộ nhiệm kỳ 2025 - 2027",
        "tập trung thu hoạch vụ hè thu, triển khai sản xuất vụ mùa",
    ]


def test_what_a_leader_says_was_done_is_no_task(tmp_path: Path) -> None:
    text = _LEAD + (
        "Phát biểu tại hội nghị, đồng chí Bí thư Huyện ủy nhấn mạnh, năm qua, huyện đã tập trung chỉ đạo quyết liệt"
        " các nhiệm vụ trọng tâm, đạt nhiều kết quả quan trọng.\n"
    )
    assert _tasks(tmp_path, text) == []


def test_plain_paragraphs_under_a_leaders_ask_that_opens_a_list_are_its_tasks(tmp_path: Path) -> None:
    text = _LEAD + (
        "Kết luận hội nghị, đồng chí Chủ tịch UBND huyện yêu cầu:\n"
        "Các xã tập trung thu hoạch lúa mùa, gieo trồng cây vụ đông đảm bảo diện tích.\n"
        "Phòng Tài chính - Kế hoạch tham mưu điều hành ngân sách đảm bảo cân đối thu, chi.\n"
        "Công an huyện đảm bảo an ninh trật tự dịp cuối năm.\n"
        "Dịp này, UBND huyện khen thưởng 12 tập thể.\n"
    )
    assert _tasks(tmp_path, text) == [
        "Các xã tập trung thu hoạch lúa mùa, gieo trồng cây vụ đông đảm bảo diện tích",
        "Phòng Tài chính - Kế hoạch tham mưu điều hành ngân sách đảm bảo cân đối thu, chi",
        "Công an huyện đảm bảo an ninh trật tự dịp cuối năm",
    ]


def test_a_nominal_bullet_under_a_lead_in_that_lists_the_work_ahead_is_a_task(tmp_path: Path) -> None:
    text = _LEAD + (
        "Về nhiệm vụ trọng tâm thời gian tới, đồng chí Bí thư Huyện ủy yêu cầu các chi bộ, đoàn thể tập trung lãnh"
        " đạo, chỉ đạo thực hiện tốt một số nội dung sau:\n"
        "- Công tác chuẩn bị đại hội chi bộ nhiệm kỳ 2025 - 2027.\n"
        "- Công tác thu ngân sách, xây dựng nông thôn mới.\n"
        "- Thực hiện tốt công tác phòng chống thiên tai.\n"
    )
    assert _tasks(tmp_path, text) == [
        "Công tác chuẩn bị đại hội chi bộ nhiệm kỳ 2025 - 2027",
        "Công tác thu ngân sách, xây dựng nông thôn mới",
        "Thực hiện tốt công tác phòng chống thiên tai",
    ]


def test_a_passive_after_an_ask_keeps_it_a_task_and_a_requirement_named_as_a_noun_is_no_ask(tmp_path: Path) -> None:
    text = (
        "Hướng dẫn nộp nghĩa vụ tài chính trực tuyến\n"
        "Trong đó: a là tổng số TTHC có yêu cầu nghĩa vụ tài chính b là số TTHC có yêu cầu nghĩa vụ tài chính được"
        " triển khai thanh toán trực tuyến.\n"
        "Trong quá trình thực hiện, trường hợp phát sinh khó khăn, vướng mắc, đề nghị liên hệ cơ quan có thẩm quyền"
        " để được hướng dẫn, giải quyết.\n"
    )
    assert _tasks(tmp_path, text) == [
        "Trong quá trình thực hiện, trường hợp phát sinh khó khăn, vướng mắc, đề nghị liên hệ cơ quan có thẩm quyền"
        " để được hướng dẫn, giải quyết"
    ]


def test_paragraphs_under_a_sub_heading_on_solutions_already_applied_are_no_run_of_tasks(tmp_path: Path) -> None:
    text = (
        "Huyện Yên Thành: Dấu ấn từ chương trình nông thôn mới\n"
        "Năm 2025, huyện Yên Thành có thêm 5 xã đạt chuẩn nông thôn mới nâng cao.\n"
        "Những giải pháp đột phá\n"
        "Năm 2025, huyện huy động trên 300 tỷ đồng xây dựng nông thôn mới.\n"
        "Tập trung phát triển sản xuất, huyện đã hình thành 20 vùng sản xuất hàng hóa tập trung.\n"
        "Các xã tích cực vận động nhân dân hiến đất làm đường giao thông.\n"
        "Phương hướng, nhiệm vụ thời gian tới\n"
        "Huyện tiếp tục nâng cao chất lượng các tiêu chí nông thôn mới.\n"
        "Tập trung phát triển sản xuất, huyện đã đề ra 5 nhóm giải pháp.\n"
        "Các xã chủ động huy động nguồn lực xây dựng nông thôn mới kiểu mẫu.\n"
    )
    assert _tasks(tmp_path, text) == [
        "Huyện tiếp tục nâng cao chất lượng các tiêu chí nông thôn mới",
        "Các xã chủ động huy động nguồn lực xây dựng nông thôn mới kiểu mẫu",
    ]


def test_a_short_lead_in_steering_the_coming_months_work_is_cut_off_its_first_item(tmp_path: Path) -> None:
    text = (
        "Huyện Nghi Lộc họp thường kỳ tháng 9\n"
        "Ngày 30/9/2025, UBND huyện Nghi Lộc tổ chức phiên họp thường kỳ tháng 9.\n"
        "Trong tháng 11, huyện tập trung chỉ đạo: thu hoạch lúa mùa, gieo trồng cây vụ đông; thu ngân sách đạt 90%"
        " dự toán trở lên; hoàn thành giải phóng mặt bằng các dự án trọng điểm.\n"
        "Thời gian qua, huyện tập trung chỉ đạo: chỉnh trang đô thị, xây dựng nông thôn mới.\n"
    )
    assert _tasks(tmp_path, text) == [
        "thu hoạch lúa mùa, gieo trồng cây vụ đông; thu ngân sách đạt 90% dự toán trở lên",
        "hoàn thành giải phóng mặt bằng các dự án trọng điểm",
    ]
