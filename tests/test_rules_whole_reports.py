"""Whole invented reports read end to end (wave 9, `whole9`): how the pieces hold together on reports the
rules never saw. Each test's text is invented (made-up places and people) and shows one shape a whole
report has that a sentence-level battery does not: the lead-in between `Kính gửi` and the first part, a
Party report's causes under label prefixes, a proposal addressed to a body asked to work with another."""

from llmx.config import Settings
from llmx.pipeline import extract_document


def _extract(tmp_path, text: str, name: str = "report.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_document(path, Settings(backend="rules"))


HEADER = (
    "ỦY BAN NHÂN DÂN\nXÃ TÂN AN ĐÔNG\nSố: 41/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nTân An Đông, ngày 26 tháng 3 năm 2027\n\nBÁO CÁO\n"
    "Kết quả thực hiện nhiệm vụ tháng 3 và nhiệm vụ trọng tâm tháng 4 năm 2027\n\n"
    "Kính gửi: Ủy ban nhân dân huyện Hạ Lương.\n\n"
)


def test_the_lead_in_under_kinh_gui_is_body_so_the_document_it_cites_is_a_reference(tmp_path):
    doc = _extract(
        tmp_path,
        HEADER + "Thực hiện Kế hoạch số 57/KH-UBND ngày 12/01/2027 của UBND huyện về chế độ báo cáo định kỳ, "
        "UBND xã Tân An Đông báo cáo kết quả tháng 3 năm 2027 như sau:\n\n"
        "I. KẾT QUẢ\nThu ngân sách đạt 1.250 triệu đồng.\n",
    )
    assert [(r.doc_type, r.number, r.date, r.issuer) for r in doc.references] == [
        ("kế hoạch", "57/KH-UBND", "2027-01-12", "UBND huyện")
    ]
    assert doc.metadata.title == "Kết quả thực hiện nhiệm vụ tháng 3 và nhiệm vụ trọng tâm tháng 4 năm 2027"


def _sector_of(doc, words: str) -> list[str]:
    """The sectors of the indicators whose quote holds these words."""
    return [i.sector for i in doc.indicators if words in i.quote]


def test_a_figure_in_a_headless_page_takes_its_own_words_or_its_sentences_opening_not_the_sentence_before(tmp_path):
    doc = _extract(
        tmp_path,
        "Huyện Sơn Khê tổng kết năm 2027\n\n"
        "Năm 2027, huyện đã hoàn thành 18/21 chỉ tiêu theo Nghị quyết của HĐND huyện. Tốc độ tăng trưởng "
        "giá trị sản xuất ước đạt 8,6%. Tổng thu ngân sách nhà nước ước đạt 431 tỷ đồng. Sản lượng lương thực "
        "đạt 72.300 tấn. Giải quyết việc làm cho 1.840 lao động. Công tác cải cách hành chính được đẩy mạnh, "
        "tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,7%. UBND huyện tặng Giấy khen cho 31 tập thể.\n",
    )
    assert _sector_of(doc, "Tốc độ tăng trưởng") == ["economy_general"]
    assert _sector_of(doc, "Sản lượng lương thực") == ["agriculture"]
    assert _sector_of(doc, "giải quyết đúng hạn") == ["government"]
    assert _sector_of(doc, "Giấy khen") == ["emulation_awards"]


def test_forest_and_waste_rows_of_a_department_table_name_their_sector(tmp_path):
    doc = _extract(
        tmp_path,
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n"
        "Trồng rừng mới 640 ha. Tỷ lệ che phủ rừng đạt 41,2%. Tỷ lệ chất thải rắn được thu gom đạt 92,4%. "
        "Tiêu hủy 84 con lợn mắc bệnh dịch tả lợn châu Phi. Kiểm tra 14 cơ sở, hoạt động vật liệu nổ "
        "công nghiệp 3 đơn vị.\n",
    )
    assert _sector_of(doc, "che phủ rừng") == ["agriculture"]
    assert _sector_of(doc, "chất thải rắn") == ["land_environment"]
    assert _sector_of(doc, "dịch tả") == ["agriculture"]
    assert "agriculture" not in _sector_of(doc, "vật liệu nổ")  # `hoạt động vật liệu` holds no `động vật`


def test_a_news_dateline_naming_the_place_before_the_paper_still_lets_the_lead_give_the_meeting_date(tmp_path):
    doc = _extract(
        tmp_path,
        "Huyện Sơn Khê tổng kết công tác năm 2027\n\nCập nhật: 21/12/2027 09:15\n\n"
        "Sơn Khê (BHT) - Sáng 20/12, UBND huyện Sơn Khê tổ chức hội nghị tổng kết nhiệm vụ năm 2027.\n",
    )
    assert (doc.metadata.issue_date, doc.metadata.issue_date_source, doc.metadata.post_date) == (
        "2027-12-20",
        "body",
        "2027-12-21",
    )


def test_each_short_part_of_a_cause_line_naming_adverse_conditions_is_its_own_cause(tmp_path):
    doc = _extract(
        tmp_path,
        "I. KẾT QUẢ\nThu ngân sách đạt 95% dự toán.\nII. HẠN CHẾ\n1. Hạn chế\n- Giải ngân vốn đầu tư công còn chậm.\n"
        "2. Nguyên nhân\n- Nguyên nhân khách quan: giá nhiên liệu tăng cao; mưa lũ diễn biến bất thường.\n",
    )
    assert [(x.kind, x.text) for x in doc.limitations] == [
        ("limitation", "Giải ngân vốn đầu tư công còn chậm"),
        ("cause", "giá nhiên liệu tăng cao"),
        ("cause", "mưa lũ diễn biến bất thường"),
    ]


def test_a_body_asked_to_work_with_another_is_named_without_the_work(tmp_path):
    doc = _extract(
        tmp_path,
        "I. KẾT QUẢ\nThu ngân sách đạt 95% dự toán.\nII. ĐỀ XUẤT, KIẾN NGHỊ\n"
        "Đề nghị Sở Xây dựng phối hợp với huyện kiểm tra chất lượng tuyến đường huyện ĐH.07.\n"
        "Đề nghị Công an tỉnh chủ trì xử lý tình trạng khai thác cát trái phép trên sông.\n",
    )
    assert [p.addressee for p in doc.proposals] == ["Sở Xây dựng", "Công an tỉnh"]


def test_a_page_lead_that_names_hard_times_before_what_was_achieved_is_no_limitation_and_a_goal_set_ahead_is_a_task(
    tmp_path,
):
    doc = _extract(
        tmp_path,
        "Huyện Sơn Khê tổng kết công tác năm 2027\n\n"
        "Năm 2027, trong bối cảnh còn nhiều khó khăn, huyện Sơn Khê đã hoàn thành 18/21 chỉ tiêu chủ yếu. "
        "Tuy nhiên, công tác giải phóng mặt bằng còn chậm.\n\n"
        "Năm 2028, huyện Sơn Khê đặt mục tiêu tốc độ tăng trưởng giá trị sản xuất đạt 9%.\n",
    )
    assert [x.text for x in doc.limitations] == ["Tuy nhiên, công tác giải phóng mặt bằng còn chậm"]
    assert [t.text for t in doc.tasks] == [
        "Năm 2028, huyện Sơn Khê đặt mục tiêu tốc độ tăng trưởng giá trị sản xuất đạt 9%"
    ]


def test_outbreaks_are_counted_and_a_quota_met_with_a_count_is_one_figure_named_by_what_is_counted(tmp_path):
    doc = _extract(
        tmp_path,
        "I. KẾT QUẢ\n1. Chăn nuôi\nTrong quý, phát sinh 04 ổ dịch cúm gia cầm, giảm 2 ổ dịch so với cùng kỳ.\n"
        "2. Quốc phòng\nHoàn thành 100% chỉ tiêu giao quân với 152 thanh niên nhập ngũ.\n",
    )
    got = [
        (i.name, i.value, i.unit, [(c.basis, c.relation, c.pct, c.amount) for c in i.comparisons])
        for i in doc.indicators
    ]
    assert got == [
        ("Phát sinh ổ dịch cúm gia cầm", 4, "ổ dịch", [("same_period", "change", None, -2)]),
        ("Thanh niên nhập ngũ", 152, "thanh niên", [("plan", "ratio", 100, None)]),
    ]


def test_files_still_overdue_after_the_on_time_rate_are_a_shortfall_in_a_results_section(tmp_path):
    doc = _extract(
        tmp_path,
        "I. KẾT QUẢ\n4. Cải cách hành chính\nTiếp nhận 1.920 hồ sơ, giải quyết đúng hạn 1.875 hồ sơ, đạt 97,7%; "
        "còn 45 hồ sơ quá hạn do vướng mắc về nguồn gốc đất.\n",
    )
    assert [x.text for x in doc.limitations] == ["còn 45 hồ sơ quá hạn do vướng mắc về nguồn gốc đất"]


def test_only_the_clause_just_before_a_figure_lends_its_sector_and_online_services_are_no_environment(tmp_path):
    doc = _extract(
        tmp_path,
        "Kết quả năm 2027\n\n"
        "Sau khi hoàn thành diễn tập khu vực phòng thủ và tổ chức nhiều hội nghị xúc tiến đầu tư tại các tỉnh "
        "phía Nam trong quý III, toàn tỉnh có trên 2.150 doanh nghiệp đăng ký thành lập mới. "
        "Tỷ lệ hồ sơ được giải quyết trên môi trường điện tử đạt 87,5%. "
        "Ban quản lý rừng phòng hộ Nam Sơn: tỷ lệ đảm bảo chi thường xuyên 24%.\n",
    )
    assert "defense" not in _sector_of(doc, "doanh nghiệp")
    assert "land_environment" not in _sector_of(doc, "môi trường điện tử")
    assert _sector_of(doc, "chi thường xuyên") == ["budget"]


def test_a_party_branchs_congress_issues_its_resolution_and_its_term_belongs_to_the_citation(tmp_path):
    doc = _extract(
        tmp_path,
        "I. CÔNG TÁC LÃNH ĐẠO\nHuyện ủy lãnh đạo thực hiện Nghị quyết Đại hội Đảng bộ huyện lần thứ XXII, "
        "nhiệm kỳ 2030 - 2035 và Nghị quyết Đại hội XIV của Đảng.\n",
    )
    assert [(r.quote, r.issuer) for r in doc.references] == [
        (
            "Nghị quyết Đại hội Đảng bộ huyện lần thứ XXII, nhiệm kỳ 2030 - 2035",
            "Đại hội Đảng bộ huyện lần thứ XXII, nhiệm kỳ 2030 - 2035",
        ),
        ("Nghị quyết Đại hội XIV của Đảng", "Đảng"),
    ]


def test_petitions_and_combat_readiness_name_their_sectors(tmp_path):
    doc = _extract(
        tmp_path,
        "I. KẾT QUẢ\n4. Công tác xây dựng chính quyền\nTiếp 07 lượt công dân, nhận 04 đơn kiến nghị.\n"
        "II. NHIỆM VỤ THÁNG TỚI\n1. Duy trì nghiêm chế độ trực sẵn sàng chiến đấu, giữ vững an ninh chính trị.\n",
    )
    assert [i.sector for i in doc.indicators] == ["justice_inspection", "justice_inspection"]
    assert [t.sector for t in doc.tasks] == ["defense"]


def test_a_kpi_rows_figures_repeated_under_difficulties_are_not_read_twice(tmp_path):
    doc = _extract(
        tmp_path,
        "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n"
        "STT | Chỉ tiêu | ĐVT | KH năm 2027 | Thực hiện 9 tháng | % so với KH\n"
        "1 | Số xã đạt chuẩn nông thôn mới kiểu mẫu | xã | 9 | 4 | 44,4\n"
        "2 | Diện tích rừng trồng mới | ha | 1.500 | 1.210 | 80,7\n\n"
        "II. KHÓ KHĂN, VƯỚNG MẮC\n1. Xây dựng nông thôn mới kiểu mẫu còn chậm, mới đạt 4/9 xã.\n"
        "2. Thời tiết bất lợi; đã trồng 1.210 ha rừng mới nhưng tỷ lệ cây sống thấp.\n"
        "3. Còn 12 xã chưa đạt chuẩn nông thôn mới kiểu mẫu.\n",
    )
    quotes = [i.quote for i in doc.indicators]
    assert not any("4/9 xã" in q for q in quotes)  # row 1 says it
    assert not any(q.startswith("đã trồng 1.210 ha") for q in quotes)  # row 2 says it
    assert any("12 xã" in q for q in quotes)  # a new figure: no row holds 12
