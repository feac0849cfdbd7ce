"""Web-page excerpts of periodic reports (invented text): a news article or portal post about a
district's or commune's monthly, quarterly or 9-month meeting, without headings. The work-ahead
paragraph at its end (`6 tháng cuối năm, phường tập trung ...; ...; ...`) gives one task per `;` part."""

from llmx.contract import Metadata, Period
from tests.test_statements import tasks_with

H1_2024 = Metadata(
    period=Period(label="6 tháng đầu năm 2024", kind="half_year", year=2024, months=[1, 2, 3, 4, 5, 6]),
    issue_date="2024-07-09",
)
NINE_MONTHS_2023 = Metadata(
    period=Period(label="9 tháng đầu năm 2023", kind="nine_months", year=2023, months=list(range(1, 10))),
    issue_date="2023-10-04",
)


def test_a_closing_paragraph_opened_by_the_rest_of_the_year_gives_one_task_per_part():
    text = (
        "Phường Tân Bình: Thu ngân sách 6 tháng đạt 61% dự toán\n"
        "Thu ngân sách trên địa bàn phường 6 tháng đạt 4,8 tỷ đồng, đạt 61% dự toán giao.\n"
        "6 tháng cuối năm, phường tập trung khai thác các nguồn thu; đẩy mạnh chỉnh trang đô thị; tăng cường "
        "tuần tra, kiểm soát, giữ vững an ninh trật tự.\n"
        "Thu Hà\n"
    )
    assert tasks_with(text, H1_2024) == [
        "6 tháng cuối năm, phường tập trung khai thác các nguồn thu",
        "đẩy mạnh chỉnh trang đô thị",
        "tăng cường tuần tra, kiểm soát, giữ vững an ninh trật tự",
    ]


def test_the_next_quarter_named_without_its_year_is_ahead_of_a_meeting_held_in_its_first_month():
    text = (
        "9 tháng đầu năm, thu ngân sách của thị trấn đạt 3,9 tỷ đồng, đạt 68% kế hoạch.\n"
        "Nhiệm vụ quý IV, thị trấn tập trung thực hiện tốt công tác thu ngân sách; đẩy mạnh chỉnh trang đô thị.\n"
    )
    assert tasks_with(text, NINE_MONTHS_2023) == [
        "Nhiệm vụ quý IV, thị trấn tập trung thực hiện tốt công tác thu ngân sách",
        "đẩy mạnh chỉnh trang đô thị",
    ]


def test_months_counted_from_january_are_no_later_time():
    text = "Tổ chức dâng hương đền làng vào ngày mùng 9 tháng giêng.\n"
    assert tasks_with(text, H1_2024) == []


def test_short_directives_between_semicolons_are_tasks_of_their_own():
    text = (
        "Thu ngân sách quý I đạt 80 tỷ đồng.\n"
        "Thời gian tới, UBND huyện yêu cầu các ngành tập trung chống hạn cho cây trồng; đôn đốc thu nợ thuế; "
        "đẩy nhanh giải ngân vốn đầu tư công.\n"
    )
    assert tasks_with(text, H1_2024) == [
        "Thời gian tới, UBND huyện yêu cầu các ngành tập trung chống hạn cho cây trồng",
        "đôn đốc thu nợ thuế",
        "đẩy nhanh giải ngân vốn đầu tư công",
    ]


MONTH_4_2023 = Metadata(
    period=Period(label="tháng 4 năm 2023", kind="month", year=2023, months=[4]), issue_date="2023-05-02"
)


def test_a_leaders_closing_ask_in_an_excerpt_without_headings_gives_one_task_per_part():
    text = (
        "Huyện Yên Lạc: 6 tháng thu ngân sách đạt 58% dự toán\n"
        "Thu ngân sách trên địa bàn ước đạt 212 tỷ đồng, bằng 58% dự toán tỉnh giao.\n"
        "Phát biểu kết luận, đồng chí Chủ tịch UBND huyện yêu cầu các phòng, ban tập trung chỉ đạo sản xuất vụ "
        "mùa; đẩy mạnh thu ngân sách; chuẩn bị tốt các điều kiện tổ chức đại hội.\n"
    )
    assert tasks_with(text, H1_2024) == [
        "Phát biểu kết luận, đồng chí Chủ tịch UBND huyện yêu cầu các phòng, ban tập trung chỉ đạo sản xuất vụ mùa",
        "đẩy mạnh thu ngân sách",
        "chuẩn bị tốt các điều kiện tổ chức đại hội",
    ]


def test_an_ask_reported_as_made_is_no_task():
    text = (
        "Thu ngân sách trên địa bàn ước đạt 212 tỷ đồng.\n"
        "Trong quý, UBND huyện đã yêu cầu các phòng, ban tập trung chỉ đạo sản xuất vụ xuân.\n"
    )
    assert tasks_with(text, H1_2024) == []


def test_the_months_work_after_a_label_in_an_excerpt_is_ahead_even_when_the_meeting_sits_in_that_month():
    text = (
        "Xã Quảng Lộc triển khai nhiệm vụ tháng 5\n"
        "Thu ngân sách xã tháng 4 đạt 1.150 triệu đồng.\n"
        "Nhiệm vụ tháng 5: tập trung thu hoạch dứt điểm lúa vụ xuân; chuẩn bị giống, vật tư cho vụ hè thu.\n"
    )
    assert tasks_with(text, MONTH_4_2023) == [
        "tập trung thu hoạch dứt điểm lúa vụ xuân",
        "chuẩn bị giống, vật tư cho vụ hè thu",
    ]


def test_a_leaders_ask_after_a_colon_is_the_work_ahead():
    text = (
        "Thu ngân sách trên địa bàn đạt 296,8 tỷ đồng, bằng 56% dự toán tỉnh giao.\n"
        "Chủ tịch UBND huyện yêu cầu: các cơ quan, đơn vị tập trung tiêu thụ vải thiều; chủ động phòng chống "
        "thiên tai mùa mưa bão.\n"
    )
    assert tasks_with(text, H1_2024) == [
        "các cơ quan, đơn vị tập trung tiêu thụ vải thiều",
        "chủ động phòng chống thiên tai mùa mưa bão",
    ]


def extracted(tmp_path, text: str, name: str = "page.txt"):
    from llmx.config import Settings
    from llmx.pipeline import extract_document

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_document(path, Settings(backend="rules"))


def test_a_breadcrumb_above_the_headline_is_chrome_not_the_title(tmp_path):
    doc = extracted(
        tmp_path,
        "Trang chủ | Tin tức | Hoạt động chính quyền\n"
        "Huyện Diễn Lâm: Kinh tế 9 tháng đầu năm 2024 tăng trưởng khá\n"
        "Cập nhật: 08/10/2024 15:22\n"
        "(Báo Nghệ Tĩnh) - Sáng 07/10, UBND huyện Diễn Lâm tổ chức hội nghị đánh giá tình hình kinh tế - xã hội "
        "9 tháng đầu năm 2024.\n"
        "Tổng giá trị sản xuất 9 tháng ước đạt 10.450 tỷ đồng, tăng 8,6% so với cùng kỳ.\n",
    )
    assert "Trang chủ" not in doc.text
    assert doc.metadata.title == "Huyện Diễn Lâm: Kinh tế 9 tháng đầu năm 2024 tăng trưởng khá"
    assert doc.metadata.issuer == "UBND huyện Diễn Lâm"


def test_a_portals_footer_with_its_address_gives_no_figure(tmp_path):
    doc = extracted(
        tmp_path,
        "Huyện Krông Ea: Thu ngân sách quý I đạt 30% dự toán\n"
        "Ngày 03/4, UBND huyện Krông Ea tổ chức phiên họp thường kỳ tháng 3.\n"
        "Quý I, tổng thu ngân sách nhà nước trên địa bàn ước đạt 76,4 tỷ đồng, đạt 30% dự toán tỉnh giao.\n"
        "Cổng thông tin điện tử huyện Krông Ea. Địa chỉ: 01 Giải Phóng, thị trấn Ea Knốp. Điện thoại: 0262.3521.000\n",
    )
    assert [i.value for i in doc.indicators if i.value is not None] == [76.4]


def test_who_reported_is_no_report_name_so_the_headline_stays_the_title(tmp_path):
    doc = extracted(
        tmp_path,
        "HĐND huyện Tân Lạc tổ chức kỳ họp thứ mười\n"
        "Sáng 14/12, HĐND huyện Tân Lạc khóa XX, nhiệm kỳ 2021 - 2026 khai mạc kỳ họp thứ mười để đánh giá tình "
        "hình kinh tế - xã hội năm 2023 và quyết định nhiệm vụ năm 2024.\n"
        "Báo cáo của UBND huyện cho biết, năm 2023 có 17/19 chỉ tiêu đạt và vượt kế hoạch.\n",
    )
    m = doc.metadata
    assert m.title == "HĐND huyện Tân Lạc tổ chức kỳ họp thứ mười"
    assert m.period is not None and m.period.label == "năm 2023"  # the council's term is no period
    assert m.issue_date == "2023-12-14"


def test_a_headline_on_leading_next_quarters_work_names_the_next_period(tmp_path):
    doc = extracted(
        tmp_path,
        "Huyện ủy Sóc Sơn ban hành Nghị quyết lãnh đạo nhiệm vụ quý IV\n"
        "Ngày 10/10/2024, Ban Thường vụ Huyện ủy Sóc Sơn tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ "
        "quý III và triển khai nhiệm vụ trọng tâm quý IV năm 2024.\n"
        "Quý III, giá trị sản xuất công nghiệp ước đạt 11.350 tỷ đồng, tăng 10,4% so với cùng kỳ.\n",
    )
    m = doc.metadata
    assert (m.period.label, m.next_period.label) == ("quý III năm 2024", "quý IV năm 2024")


def test_a_dateline_alone_is_the_posting_date_and_the_next_month_stays_ahead_of_it(tmp_path):
    doc = extracted(
        tmp_path,
        "Xã Tam Lộc: Công an xã bảo đảm an ninh trật tự tháng 3/2025\n"
        "Ngày 01/04/2025\n"
        "Trong tháng 3/2025, Công an xã Tam Lộc đã tiếp nhận, giải quyết 12 tin báo, tố giác tội phạm.\n"
        "Tháng 4, Công an xã tăng cường tuần tra, kiểm soát bảo đảm an ninh trật tự; tiếp tục thu nhận hồ sơ "
        "cấp căn cước.\n",
    )
    assert doc.metadata.issue_date_source == "post_date"
    assert [t.text for t in doc.tasks] == [
        "Tháng 4, Công an xã tăng cường tuần tra, kiểm soát bảo đảm an ninh trật tự",
        "tiếp tục thu nhận hồ sơ cấp căn cước",
    ]


def test_a_body_named_without_its_place_takes_the_place_the_lead_gives_it(tmp_path):
    doc = extracted(
        tmp_path,
        "Xã Phú Lâm: Khai mạc kỳ họp thứ 6 HĐND xã khóa XXI\n"
        "Sáng 02/7/2022, HĐND xã Phú Lâm khóa XXI tổ chức kỳ họp thứ 6.\n"
        "Tổng diện tích gieo trồng vụ xuân đạt 356,5 ha, đạt 100,4% kế hoạch.\n",
    )
    m = doc.metadata
    assert (m.issuer, m.admin_level, m.locality) == ("HĐND xã Phú Lâm", "commune", "Phú Lâm")


def test_joint_bodies_sharing_one_place_name_the_first_with_that_place(tmp_path):
    doc = extracted(
        tmp_path,
        "Thị trấn Hương Sơn: Sơ kết 9 tháng, triển khai nhiệm vụ quý IV\n"
        "Ngày 04/10, Đảng ủy, HĐND, UBND thị trấn Hương Sơn tổ chức hội nghị sơ kết tình hình thực hiện nhiệm vụ "
        "9 tháng năm 2023.\n"
        "9 tháng đầu năm, thu ngân sách của thị trấn đạt 4,26 tỷ đồng, đạt 71% kế hoạch.\n",
    )
    m = doc.metadata
    assert (m.issuer, m.admin_level, m.locality) == ("Đảng ủy thị trấn Hương Sơn", "commune", "Hương Sơn")


def test_a_running_total_in_another_money_scale_is_the_same_measure_summed(tmp_path):
    doc = extracted(
        tmp_path,
        "Thu ngân sách trong tháng đạt 362 triệu đồng, lũy kế 10 tháng đạt 4,05 tỷ đồng, bằng 89% dự toán.\n",
    )
    named = [(i.name, i.value, i.unit, [c.pct for c in i.comparisons]) for i in doc.indicators]
    assert named == [
        ("Thu ngân sách", 362.0, "triệu đồng", []),
        ("Thu ngân sách lũy kế 10 tháng", 4.05, "tỷ đồng", [89.0]),
    ]


def test_a_budget_estimate_the_centre_gave_keeps_the_next_comparisons_on_the_same_figure(tmp_path):
    doc = extracted(
        tmp_path,
        "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 602 tỷ đồng, bằng 25,4% dự toán Trung ương giao, bằng "
        "21,3% dự toán HĐND tỉnh giao, tăng 8,6% so với cùng kỳ.\n",
    )
    [figure] = doc.indicators
    assert [(c.basis, c.basis_text, c.pct) for c in figure.comparisons] == [
        ("budget_estimate", "dự toán Trung ương giao", 25.4),
        ("budget_estimate", "dự toán HĐND tỉnh giao", 21.3),
        ("same_period", "cùng kỳ", 8.6),
    ]


def test_the_year_of_a_month_is_no_figure_whatever_word_follows(tmp_path):
    doc = extracted(
        tmp_path,
        "Tại phiên họp UBND thành phố tháng 7/2023 tổ chức ngày 4/8, UBND thành phố cho biết, giá trị sản xuất "
        "công nghiệp đạt 1.360 tỷ đồng.\n",
    )
    assert [(i.name, i.value) for i in doc.indicators] == [("Giá trị sản xuất công nghiệp", 1360.0)]


def test_an_opening_month_or_quarter_with_its_year_is_no_part_of_the_name(tmp_path):
    doc = extracted(tmp_path, "Trong quý I/2024 kết nạp 12 đảng viên.\n")
    assert [(i.name, i.value, i.unit) for i in doc.indicators] == [("Kết nạp đảng viên", 12.0, "đảng viên")]


def test_targets_listed_after_strive_run_on_past_semicolons_and_are_no_figures(tmp_path):
    doc = extracted(
        tmp_path,
        "Năm 2023, tổng thu ngân sách trên địa bàn đạt 198,4 tỷ đồng.\n"
        "Năm 2024, huyện phấn đấu tốc độ tăng trưởng giá trị sản xuất đạt 9,5%; thu ngân sách trên địa bàn 210 tỷ "
        "đồng; giảm tỷ lệ hộ nghèo 1,5%.\n",
    )
    assert [i.value for i in doc.indicators] == [198.4]


def test_a_turn_to_slow_projects_is_a_limitation_but_a_review_of_unmet_targets_is_work(tmp_path):
    doc = extracted(
        tmp_path,
        "Đến hết tháng 9, giá trị giải ngân đạt 177,5 tỷ đồng, bằng 61,9% kế hoạch.\n"
        "Tuy nhiên, một số dự án triển khai chậm do vướng mắc giải phóng mặt bằng.\n"
        "Chủ tịch UBND huyện yêu cầu: các cơ quan, đơn vị rà soát các chỉ tiêu chưa đạt để có giải pháp.\n",
    )
    assert [lim.text for lim in doc.limitations] == [
        "Tuy nhiên, một số dự án triển khai chậm do vướng mắc giải phóng mặt bằng"
    ]


def test_an_office_or_steering_body_named_with_its_place_in_the_lead_is_the_issuer(tmp_path):
    doc = extracted(
        tmp_path,
        "Huyện Bình Liêu: Công tác giảm nghèo 6 tháng đầu năm 2024\n"
        "(QNO) - Ngày 25/6/2024, Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Bình Liêu tổ chức hội nghị "
        "sơ kết 6 tháng.\n"
        "6 tháng đầu năm, huyện đã giải ngân 38,5 tỷ đồng vốn các chương trình, đạt 41,2% kế hoạch vốn.\n",
    )
    m = doc.metadata
    assert (m.issuer, m.issuer_type, m.admin_level, m.locality) == (
        "Ban Chỉ đạo các chương trình mục tiêu quốc gia huyện Bình Liêu",
        "other",
        "district",
        "Bình Liêu",
    )


def test_farming_forestry_and_fishery_is_one_sectors_name(tmp_path):
    doc = extracted(
        tmp_path,
        "6 tháng đầu năm, giá trị sản xuất nông, lâm nghiệp, thủy sản ước đạt 1.625 tỷ đồng, tăng 3,8% so với "
        "cùng kỳ.\n",
    )
    assert [i.name for i in doc.indicators] == ["Giá trị sản xuất nông, lâm nghiệp, thủy sản"]


def test_the_worth_of_gifts_given_to_someone_is_an_attribute_of_the_gifts(tmp_path):
    doc = extracted(tmp_path, "Mặt trận xã đã tặng 230 suất quà cho hộ nghèo, trị giá 69 triệu đồng.\n")
    assert [(i.name, i.value) for i in doc.indicators][-1] == ("Mặt trận xã đã tặng suất quà - trị giá", 69.0)


def test_a_section_name_above_the_headline_is_chrome_and_the_next_month_opens_the_work_ahead(tmp_path):
    doc = extracted(
        tmp_path,
        "Tin tức - Sự kiện\n"
        "Huyện Kỳ Sơn: Tháng 4 thu ngân sách đạt 12,2 tỷ đồng\n"
        "Thứ Năm, 04/05/2023\n"
        "Chiều 3/5, UBND huyện Kỳ Sơn họp phiên thường kỳ đánh giá kết quả tháng 4, triển khai nhiệm vụ tháng 5/2023.\n"
        "Trong tháng 4, thu ngân sách trên địa bàn đạt 12,2 tỷ đồng.\n"
        "Tháng 5, huyện tập trung chỉ đạo thu hoạch lúa xuân nhanh gọn; tổ chức ra quân làm giao thông nông thôn.\n",
    )
    m = doc.metadata
    assert (m.title, m.issuer) == ("Huyện Kỳ Sơn: Tháng 4 thu ngân sách đạt 12,2 tỷ đồng", "UBND huyện Kỳ Sơn")
    assert [t.text for t in doc.tasks] == [
        "Tháng 5, huyện tập trung chỉ đạo thu hoạch lúa xuân nhanh gọn",
        "tổ chức ra quân làm giao thông nông thôn",
    ]


def test_the_work_a_meeting_set_out_after_a_colon_gives_tasks_without_the_lead_in(tmp_path):
    doc = extracted(
        tmp_path,
        "Đảng bộ phường Quang Vinh sơ kết 6 tháng đầu năm 2025\n"
        "Ngày 14/7, Đảng ủy phường Quang Vinh tổ chức hội nghị sơ kết 6 tháng đầu năm 2025.\n"
        "Trong 6 tháng, Đảng bộ phường đã kết nạp 6 đảng viên, đạt 60% kế hoạch năm.\n"
        "Hội nghị đề ra nhiệm vụ 6 tháng cuối năm: tiếp tục đổi mới nội dung sinh hoạt chi bộ; tăng cường công tác "
        "kiểm tra, giám sát.\n",
    )
    assert [t.text for t in doc.tasks] == [
        "tiếp tục đổi mới nội dung sinh hoạt chi bộ",
        "tăng cường công tác kiểm tra, giám sát",
    ]


def test_the_fatherland_front_named_with_viet_nam_keeps_its_place(tmp_path):
    doc = extracted(
        tmp_path,
        "Mặt trận xã Phước Lộc sơ kết 9 tháng\n"
        "Ngày 27/9, Ban Thường trực Ủy ban MTTQ Việt Nam xã Phước Lộc tổ chức hội nghị sơ kết công tác 9 tháng "
        "năm 2024.\n"
        "9 tháng qua, Mặt trận xã đã vận động Quỹ Vì người nghèo được 126 triệu đồng, đạt 105% chỉ tiêu.\n",
    )
    m = doc.metadata
    assert (m.issuer_type, m.admin_level, m.locality) == ("fatherland_front", "commune", "Phước Lộc")


def test_dossiers_received_then_settled_are_two_figures_not_one_list_unit(tmp_path):
    doc = extracted(tmp_path, "Bộ phận một cửa tiếp nhận 156 hồ sơ, giải quyết đúng hạn 150 hồ sơ, đạt 96%.\n")
    assert [(i.value, i.unit, len(i.comparisons)) for i in doc.indicators] == [
        (156.0, "hồ sơ", 0),
        (150.0, "hồ sơ", 1),
    ]


def test_the_target_on_a_labelled_line_of_next_months_work_is_no_figure(tmp_path):
    doc = extracted(
        tmp_path,
        "Trong tháng 11, xã đã thu ngân sách được 412 triệu đồng.\n"
        "Nhiệm vụ tháng 12/2024: tập trung thu ngân sách đạt 100% dự toán; hoàn thành báo cáo tổng kết năm.\n",
    )
    assert [i.value for i in doc.indicators] == [412.0]


def test_a_pages_headline_below_its_menu_line_is_not_read_twice(tmp_path):
    page = (
        "<html><body><div class='menu'><a>Trang chủ</a> <a>Tin tức</a> <a>Liên hệ</a></div>"
        "<h1>Huyện Krông Búk: Thu ngân sách quý I đạt 30% dự toán</h1><p>05/04/2025 09:15</p>"
        "<p>Ngày 03/4, UBND huyện Krông Búk tổ chức phiên họp thường kỳ tháng 3, đánh giá tình hình kinh tế - xã hội "
        "quý I năm 2025.</p><p>Quý I, tổng thu ngân sách nhà nước trên địa bàn ước đạt 76,4 tỷ đồng.</p></body></html>"
    )
    doc = extracted(tmp_path, page, name="page.html")
    assert (doc.metadata.issuer, doc.metadata.locality) == ("UBND huyện Krông Búk", "Krông Búk")


def test_a_rate_that_is_still_high_is_a_shortfall(tmp_path):
    doc = extracted(
        tmp_path,
        "9 tháng, giá trị giải ngân vốn đầu tư công đạt 165,2 tỷ đồng, bằng 55,8% kế hoạch vốn giao.\n"
        "Tuy nhiên, tiến độ giải ngân một số nguồn vốn còn chậm; tỷ lệ hộ nghèo còn cao.\n",
    )
    assert [lim.text for lim in doc.limitations] == [
        "Tuy nhiên, tiến độ giải ngân một số nguồn vốn còn chậm",
        "tỷ lệ hộ nghèo còn cao",
    ]
