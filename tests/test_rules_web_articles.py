"""News articles about a report (invented text): a paper's or portal's write-up of a meeting that reviewed a
month, quarter, half-year or year, with page sub-headings (`<strong>Nhiệm vụ 6 tháng cuối năm</strong>`), lists
under a lead-in, work numbered in words (`Một là, ...`) and a leader's closing ask."""

from llmx.contract import Metadata, Period
from tests.test_rules_web_genre import extracted
from tests.test_statements import lims_of, tasks_with

H1_2023 = Metadata(
    period=Period(label="6 tháng đầu năm 2023", kind="half_year", year=2023, months=[1, 2, 3, 4, 5, 6]),
    issue_date="2023-07-10",
)
YEAR_2022 = Metadata(period=Period(label="năm 2022", kind="year", year=2022, months=list(range(1, 13))))
Q1_2024 = Metadata(
    period=Period(label="quý I năm 2024", kind="quarter", year=2024, months=[1, 2, 3]), issue_date="2024-04-10"
)


def test_a_pages_sub_heading_naming_the_work_ahead_makes_the_paragraph_below_it_tasks():
    text = (
        "Kết quả nổi bật\n\n"
        "6 tháng đầu năm, thu ngân sách xã đạt 1.126 triệu đồng, bằng 54,2% dự toán.\n\n"
        "Nhiệm vụ 6 tháng cuối năm\n\n"
        "UBND xã tập trung chỉ đạo thu hoạch lúa hè thu; phát triển đàn bò thịt chất lượng cao; hoàn thành các "
        "tiêu chí xã nông thôn mới nâng cao.\n\n"
        "Kỳ họp đã thông qua 3 nghị quyết.\n"
    )
    assert tasks_with(text, H1_2023) == [
        "UBND xã tập trung chỉ đạo thu hoạch lúa hè thu",
        "phát triển đàn bò thịt chất lượng cao",
        "hoàn thành các tiêu chí xã nông thôn mới nâng cao",
    ]


def test_the_bullets_under_a_lead_in_setting_out_the_work_are_tasks():
    text = (
        "Năm 2022, thu ngân sách xã đạt 3,4 tỷ đồng.\n\n"
        "Năm 2023, UBND xã đề ra các nhiệm vụ:\n\n"
        "+ Tập trung chuyển đổi cơ cấu cây trồng;\n"
        "+ Tăng cường quản lý đất đai, trật tự xây dựng.\n\n"
        "Tin, ảnh: Hà Phương\n"
    )
    assert tasks_with(text, YEAR_2022) == [
        "Tập trung chuyển đổi cơ cấu cây trồng",
        "Tăng cường quản lý đất đai, trật tự xây dựng",
    ]


def test_work_numbered_in_words_gives_one_task_per_item():
    text = (
        "Quý I năm 2024, thu ngân sách xã đạt 960 triệu đồng, bằng 28% dự toán.\n"
        "Hội nghị thống nhất một số nhiệm vụ trọng tâm quý II. Một là, chỉ đạo chăm sóc, phòng trừ sâu bệnh cho lúa "
        "xuân. Hai là, đẩy mạnh thu ngân sách, nhất là các khoản thu từ đất.\n"
    )
    assert tasks_with(text, Q1_2024) == [
        "chỉ đạo chăm sóc, phòng trừ sâu bệnh cho lúa xuân",  # the number in words is not part of the item
        "đẩy mạnh thu ngân sách, nhất là các khoản thu từ đất",
    ]


def test_caring_for_and_pressing_hard_open_directives_of_their_own():
    text = (
        "Thu ngân sách trên địa bàn tháng 8 đạt 16,2 tỷ đồng.\n"
        "Kết luận hội nghị, đồng chí Bí thư yêu cầu: các cấp ủy tập trung chuẩn bị phương án phòng chống bão lũ; "
        "quyết liệt đẩy nhanh giải ngân vốn đầu tư công; chăm lo tổ chức khai giảng năm học mới.\n"
    )
    assert tasks_with(text, H1_2023) == [
        "các cấp ủy tập trung chuẩn bị phương án phòng chống bão lũ",
        "quyết liệt đẩy nhanh giải ngân vốn đầu tư công",
        "chăm lo tổ chức khai giảng năm học mới",
    ]


def test_a_run_in_lead_in_naming_weaknesses_is_cut_off_and_every_item_after_it_counts():
    text = (
        "Năm 2023, thu ngân sách đạt 315,6 tỷ đồng.\n"
        "Bên cạnh kết quả đạt được, ngành công thương còn gặp nhiều khó khăn: đơn hàng xuất khẩu của các doanh "
        "nghiệp dệt may giảm mạnh; tiến độ đầu tư hạ tầng các cụm công nghiệp còn chậm.\n"
        "Tuy nhiên, kinh tế của huyện vẫn còn một số tồn tại: sản xuất nông nghiệp gặp khó khăn do giá vật tư tăng "
        "cao; giải ngân vốn một số dự án còn chậm.\n"
    )
    assert lims_of(text) == [
        "đơn hàng xuất khẩu của các doanh nghiệp dệt may giảm mạnh",
        "tiến độ đầu tư hạ tầng các cụm công nghiệp còn chậm",
        "sản xuất nông nghiệp gặp khó khăn do giá vật tư tăng cao",
        "giải ngân vốn một số dự án còn chậm",
    ]


def test_a_pages_sub_heading_naming_difficulties_is_no_limitation_but_the_paragraph_below_lists_them():
    text = (
        "Kinh tế duy trì đà tăng trưởng\n\n"
        "Thu ngân sách nhà nước trên địa bàn đạt 3.015 tỷ đồng, bằng 78,6% dự toán.\n\n"
        "Còn nhiều khó khăn\n\n"
        "Tuy nhiên, giải ngân vốn đầu tư công mới đạt 52,3% kế hoạch, thấp hơn bình quân cả nước; một số dự án trọng "
        "điểm vướng mắc về giải phóng mặt bằng.\n\n"
        "Hội nghị đã thông qua 3 nghị quyết.\n"
    )
    assert lims_of(text) == [
        "Tuy nhiên, giải ngân vốn đầu tư công mới đạt 52,3% kế hoạch, thấp hơn bình quân cả nước",
        "một số dự án trọng điểm vướng mắc về giải phóng mặt bằng",
    ]


def test_the_bullets_under_a_meetings_list_of_shortcomings_are_limitations():
    text = (
        "Năm 2022, xã đã hoàn thành 16/18 chỉ tiêu.\n\n"
        "Hội nghị cũng chỉ ra một số tồn tại:\n\n"
        "+ Thu ngân sách từ đấu giá đất chưa đạt kế hoạch;\n"
        "+ Công tác quản lý đất đai còn để xảy ra vi phạm.\n\n"
        "Tin, ảnh: Hà Phương\n"
    )
    assert lims_of(text) == [
        "Thu ngân sách từ đấu giá đất chưa đạt kế hoạch",
        "Công tác quản lý đất đai còn để xảy ra vi phạm",
    ]


def test_still_many_shortcomings_only_reaching_a_share_and_a_problem_not_yet_remedied_are_shortfalls():
    text = (
        "9 tháng, thu ngân sách ước đạt 724 tỷ đồng.\n"
        "Bên cạnh đó, việc thu gom, xử lý rác thải tại các xã còn nhiều bất cập; thu tiền sử dụng đất chỉ đạt 35% "
        "dự toán.\n"
        "Tuy nhiên, tình trạng thiếu thuốc tại một số bệnh viện tuyến huyện chưa được khắc phục triệt để.\n"
        "Các đơn vị đã khắc phục hậu quả mưa lũ.\n"
    )
    assert lims_of(text) == [
        "Bên cạnh đó, việc thu gom, xử lý rác thải tại các xã còn nhiều bất cập",
        "thu tiền sử dụng đất chỉ đạt 35% dự toán",
        "Tuy nhiên, tình trạng thiếu thuốc tại một số bệnh viện tuyến huyện chưa được khắc phục triệt để",
    ]


def test_a_department_named_with_its_province_in_the_lead_is_the_issuer(tmp_path):
    doc = extracted(
        tmp_path,
        "Ngành Y tế Hải Dương giao ban tháng 9 năm 2024\n"
        "02/10/2024 10:45\n"
        "Ngày 1/10, Sở Y tế tỉnh Hải Dương tổ chức giao ban đánh giá kết quả công tác tháng 9, triển khai nhiệm vụ "
        "tháng 10 năm 2024.\n"
        "Trong tháng 9, các cơ sở khám, chữa bệnh đã khám cho 145.600 lượt người.\n",
    )
    m = doc.metadata
    assert (m.issuer, m.issuer_type, m.admin_level, m.locality) == (
        "Sở Y tế tỉnh Hải Dương",
        "department",
        "province",
        "Hải Dương",
    )


def test_a_papers_tag_before_the_dateline_still_dates_the_meeting(tmp_path):
    doc = extracted(
        tmp_path,
        "Tháng 3/2025: Kinh tế - xã hội tỉnh Ninh Thuận chuyển biến tích cực\n"
        "NTO - Chiều 3/4, đồng chí Chủ tịch UBND tỉnh chủ trì phiên họp thường kỳ UBND tỉnh Ninh Thuận tháng 3/2025.\n"
        "Quý I, tổng thu ngân sách nhà nước ước đạt 1.034 tỷ đồng, đạt 24,6% dự toán.\n",
    )
    assert (doc.metadata.issue_date, doc.metadata.issue_date_source) == ("2025-04-03", "body")


def test_a_source_credit_closing_the_page_is_chrome_also_after_a_list_item(tmp_path):
    doc = extracted(
        tmp_path,
        "Kết quả 6 tháng đầu năm 2023 của Đảng ủy xã Yên Hòa\n"
        "21/07/2023\n"
        "Đảng ủy xã Yên Hòa đã ban hành báo cáo kết quả 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm.\n"
        "Phần II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2023\n"
        "- Chỉ đạo sản xuất vụ mùa đảm bảo khung thời vụ.\n"
        "- Đẩy mạnh xây dựng nông thôn mới kiểu mẫu.\n"
        "Nguồn: Văn phòng Đảng ủy xã\n",
    )
    assert "Nguồn" not in doc.text
    assert [t.text for t in doc.tasks] == [
        "Chỉ đạo sản xuất vụ mùa đảm bảo khung thời vụ",
        "Đẩy mạnh xây dựng nông thôn mới kiểu mẫu",
    ]


def test_a_council_chairs_closing_ask_of_the_same_levels_committee_is_work_ahead_not_a_proposal(tmp_path):
    doc = extracted(
        tmp_path,
        "HĐND huyện Đức Thọ khai mạc kỳ họp cuối năm 2022\n"
        "Sáng 14/12/2022, HĐND huyện Đức Thọ khai mạc kỳ họp thứ 11 đánh giá tình hình kinh tế - xã hội năm 2022.\n"
        "Năm 2022, tổng thu ngân sách trên địa bàn đạt 412,5 tỷ đồng, bằng 146% dự toán tỉnh giao.\n"
        "Tại kỳ họp, các đại biểu đề nghị UBND tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê La Giang.\n"
        "Phát biểu bế mạc kỳ họp, đồng chí Chủ tịch HĐND huyện đề nghị UBND huyện, các ngành tập trung triển khai "
        "các nghị quyết vừa được thông qua; tăng cường giám sát việc thực hiện các chỉ tiêu năm 2023.\n",
    )
    assert [p.addressee for p in doc.proposals] == ["UBND tỉnh"]
    assert [t.text for t in doc.tasks] == [
        "Phát biểu bế mạc kỳ họp, đồng chí Chủ tịch HĐND huyện đề nghị UBND huyện, các ngành tập trung triển khai "
        "các nghị quyết vừa được thông qua",
        "tăng cường giám sát việc thực hiện các chỉ tiêu năm 2023",
    ]


def test_completing_a_share_of_the_plan_compares_the_figure_before_it(tmp_path):
    doc = extracted(tmp_path, "Năm 2023, toàn huyện đã trồng mới 640 ha rừng, hoàn thành 100% kế hoạch.\n")
    assert [(i.value, i.unit, [(c.basis, c.pct) for c in i.comparisons]) for i in doc.indicators] == [
        (640.0, "ha", [("plan", 100.0)])
    ]


def test_the_level_a_rate_was_brought_down_to_is_its_value(tmp_path):
    doc = extracted(
        tmp_path,
        "Năm 2023, tỷ lệ hộ nghèo giảm 5,2%, còn 38,6%. Tỷ lệ hộ cận nghèo giảm 1,5% so với đầu năm, xuống còn 9,4%.\n",
    )
    assert [(i.value, i.unit, [(c.basis, c.pct) for c in i.comparisons]) for i in doc.indicators] == [
        (38.6, "%", [("other", -5.2)]),
        (9.4, "%", [("previous_period", -1.5)]),
    ]


def test_the_last_of_a_run_of_numbered_results_is_content_not_a_heading_over_the_next_paragraph(tmp_path):
    doc = extracted(
        tmp_path,
        "Thị trấn Phong Điền sơ kết 6 tháng đầu năm 2024\n"
        "Chiều 9/7, UBND thị trấn Phong Điền tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.\n"
        "6 tháng đầu năm, thị trấn đã đạt được những kết quả quan trọng:\n"
        "1. Tổng thu ngân sách trên địa bàn đạt 5,62 tỷ đồng, bằng 58,1% dự toán.\n"
        "2. Cấp 186 giấy chứng nhận quyền sử dụng đất.\n"
        "3. Giải quyết việc làm cho 124 lao động, đạt 62% kế hoạch.\n"
        "Tuy nhiên, công tác giải phóng mặt bằng một số công trình còn chậm.\n",
    )
    assert doc.sections == []
    assert [i.value for i in doc.indicators] == [5.62, 186.0, 124.0]


def test_a_leaders_numbered_asks_run_in_after_a_colon_are_tasks_without_their_numbers(tmp_path):
    doc = extracted(
        tmp_path,
        "Thị trấn Phong Điền sơ kết 6 tháng đầu năm 2024\n"
        "Chiều 9/7, UBND thị trấn Phong Điền tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.\n"
        "Tổng thu ngân sách trên địa bàn đạt 5,62 tỷ đồng, bằng 58,1% dự toán.\n"
        "Phát biểu kết luận hội nghị, đồng chí Bí thư Đảng ủy thị trấn đề nghị: 1) Tập trung hoàn thành dứt điểm các "
        "công trình chuyển tiếp; 2) Đẩy mạnh thu ngân sách, nhất là thu từ đất.\n",
    )
    assert [i.value for i in doc.indicators] == [5.62]
    assert [t.text for t in doc.tasks] == [
        "Tập trung hoàn thành dứt điểm các công trình chuyển tiếp",
        "Đẩy mạnh thu ngân sách, nhất là thu từ đất",
    ]


def test_what_a_chair_directed_after_a_colon_is_the_work_ahead():
    text = (
        "Thu ngân sách lũy kế 7 tháng đạt 312,6 tỷ đồng, bằng 52% dự toán.\n"
        "Chủ tịch UBND huyện chỉ đạo: Tháng 8, các phòng, ban tập trung đẩy nhanh giải ngân vốn đầu tư công; rà "
        "soát, xử lý các công trình vi phạm trật tự xây dựng.\n"
    )
    assert tasks_with(text, H1_2023) == [
        "Tháng 8, các phòng, ban tập trung đẩy nhanh giải ngân vốn đầu tư công",
        "rà soát, xử lý các công trình vi phạm trật tự xây dựng",
    ]


def test_settling_once_and_for_all_opens_a_directive_of_its_own():
    text = (
        "Năm 2024, thu tiền sử dụng đất đạt 6.120 tỷ đồng.\n"
        "Năm 2025, Sở tập trung hoàn thành xây dựng cơ sở dữ liệu đất đai; xử lý dứt điểm hồ sơ tồn đọng.\n"
    )
    assert tasks_with(text, YEAR_2022) == [
        "Năm 2025, Sở tập trung hoàn thành xây dựng cơ sở dữ liệu đất đai",
        "xử lý dứt điểm hồ sơ tồn đọng",
    ]


def test_short_weaknesses_between_semicolons_are_limitations_of_their_own():
    text = (
        "Năm 2023, GRDP tăng 7,12%.\n"
        "Bên cạnh kết quả đạt được, kinh tế của tỉnh vẫn còn những hạn chế: quy mô kinh tế còn nhỏ; thu hút đầu tư "
        "chưa tương xứng với tiềm năng.\n"
    )
    assert lims_of(text) == ["quy mô kinh tế còn nhỏ", "thu hút đầu tư chưa tương xứng với tiềm năng"]


def test_a_target_a_headline_sets_for_next_year_is_neither_a_figure_nor_the_period(tmp_path):
    doc = extracted(
        tmp_path,
        "Huyện Lạc Dương đặt mục tiêu tăng trưởng 9,5% năm 2025\n"
        "Ngày 20/12/2024, UBND huyện Lạc Dương tổ chức hội nghị tổng kết năm 2024, triển khai nhiệm vụ năm 2025.\n"
        "Năm 2024, tổng giá trị sản xuất ước đạt 4.860 tỷ đồng, tăng 8,7% so với năm 2023.\n",
    )
    m = doc.metadata
    assert (m.period.label, m.next_period.label) == ("năm 2024", "năm 2025")
    assert [i.value for i in doc.indicators] == [4860.0]


def test_the_verb_to_disburse_after_a_month_is_no_prize_count(tmp_path):
    doc = extracted(tmp_path, "Trong tháng, huyện đã trao 5 giải cho các đội. Tháng 7 giải ngân 184 tỷ đồng.\n")
    assert [(i.value, i.unit) for i in doc.indicators] == [(5.0, "giải"), (184.0, "tỷ đồng")]


def test_a_weakness_a_leader_is_quoted_saying_is_a_limitation_without_the_quote_marks():
    text = (
        "Năm 2024, thu tiền sử dụng đất đạt 6.120 tỷ đồng.\n"
        "“Tình trạng hồ sơ đất đai giải quyết quá hạn vẫn còn; một số dự án chậm giao đất do vướng mắc bồi thường” "
        "- đồng chí Giám đốc Sở thẳng thắn nhìn nhận.\n"
        "“Điều 12. Trường hợp hồ sơ chưa đầy đủ thì trả lại cho người nộp.”\n"
    )
    assert lims_of(text) == [
        "Tình trạng hồ sơ đất đai giải quyết quá hạn vẫn còn",
        "một số dự án chậm giao đất do vướng mắc bồi thường",
    ]


def test_the_work_ahead_after_a_run_in_weakness_heading_is_a_task_not_a_weakness(tmp_path):
    doc = extracted(
        tmp_path,
        "Huyện ủy Yên Thế đánh giá kết quả 9 tháng năm 2023\n\n"
        "Ngày 3/10/2023, Ban Chấp hành Đảng bộ huyện Yên Thế tổ chức hội nghị đánh giá kết quả 9 tháng, phương hướng "
        "nhiệm vụ quý IV năm 2023.\n\n"
        "* Về kinh tế: Tổng giá trị sản xuất ước đạt 5.215 tỷ đồng, tăng 7,2% so với cùng kỳ.\n\n"
        "* Hạn chế: Thu ngân sách từ đất đạt thấp; tiến độ một số dự án đầu tư công còn chậm.\n\n"
        "Quý IV, Ban Chấp hành Đảng bộ huyện yêu cầu các cấp ủy, chính quyền tập trung hoàn thành các chỉ tiêu năm "
        "2023; chỉ đạo tổ chức tốt Lễ hội Yên Thế.\n",
    )
    assert [lim.text for lim in doc.limitations] == [
        "Thu ngân sách từ đất đạt thấp",
        "tiến độ một số dự án đầu tư công còn chậm",
    ]
    assert [t.text for t in doc.tasks] == [
        "Quý IV, Ban Chấp hành Đảng bộ huyện yêu cầu các cấp ủy, chính quyền tập trung hoàn thành các chỉ tiêu năm "
        "2023",
        "chỉ đạo tổ chức tốt Lễ hội Yên Thế",
    ]


def test_star_bullets_stating_figures_are_content_not_headings(tmp_path):
    doc = extracted(
        tmp_path,
        "# Kỳ họp HĐND xã Tân Phú cuối năm 2023\n\n"
        "Sáng 18/12/2023, HĐND xã Tân Phú tổ chức kỳ họp đánh giá kết quả năm 2023.\n\n"
        "* Tổng sản lượng lương thực đạt 6.850 tấn, đạt 101,5% kế hoạch.\n"
        "* Thu ngân sách xã đạt 3.420 triệu đồng, bằng 128% dự toán huyện giao.\n\n"
        "* Một số hạn chế, yếu kém\n\n"
        "Việc chuyển đổi cơ cấu cây trồng còn chậm.\n",
        name="page.md",
    )
    assert [s.heading for s in doc.sections] == ["Một số hạn chế, yếu kém"]
    assert [i.value for i in doc.indicators] == [6850.0, 3420.0]


def test_a_mid_year_session_is_no_year_period(tmp_path):
    doc = extracted(
        tmp_path,
        "HĐND xã Quảng Phú khai mạc kỳ họp giữa năm 2025\n"
        "Ngày 15/7/2025, HĐND xã Quảng Phú tổ chức kỳ họp thứ 12 đánh giá kết quả thực hiện nhiệm vụ 6 tháng đầu năm, "
        "triển khai nhiệm vụ 6 tháng cuối năm 2025.\n"
        "Thu ngân sách xã đạt 2.340 triệu đồng, bằng 52% dự toán.\n",
    )
    m = doc.metadata
    assert (m.period.label, m.period.year, m.next_period.label) == (
        "6 tháng đầu năm 2025",
        2025,
        "6 tháng cuối năm 2025",
    )
