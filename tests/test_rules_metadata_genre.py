"""Metadata across the genre, not just reports: decisions, plans, Party resolutions, notices,
submissions and letters whose headers follow Decree 30/2020 and HD 36 with their many layouts
(flattened table rows, PDF lines glued together, double-spaced drafts). All texts are invented."""

from __future__ import annotations

from llmx.rules.header import title_marker
from llmx.rules.issuers import conventional_case
from llmx.rules.lines import report_lines
from llmx.rules.metadata import extract_metadata

DECISION = """ỦY BAN NHÂN DÂN
TỈNH HÒA AN
Số: 512/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hòa An, ngày 14 tháng 3 năm 2024
QUYẾT ĐỊNH
Về việc công nhận Điều lệ (sửa đổi, bổ sung)
Quỹ Bảo trợ trẻ em tỉnh Hòa An
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA AN
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Công nhận Điều lệ (sửa đổi, bổ sung) của Quỹ Bảo trợ trẻ em tỉnh Hòa An.
Nơi nhận:
- Như Điều 3;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn Bình
"""


def test_a_decision_takes_the_lines_under_its_kind_word_as_title() -> None:
    md = extract_metadata(DECISION)
    assert md.title == "Về việc công nhận Điều lệ (sửa đổi, bổ sung) Quỹ Bảo trợ trẻ em tỉnh Hòa An"
    assert (md.doc_number, md.issuer, md.issue_date) == ("512/QĐ-UBND", "UBND tỉnh Hòa An", "2024-03-14")


RESOLUTION = """TỈNH UỶ HÒA AN
*
Số      -NQ/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hòa An, ngày    tháng 3 năm 2026
NGHỊ QUYẾT
về chuyển đổi số trong công tác xây dựng Đảng
giai đoạn 2026 - 2030
-----
- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
I- TÌNH HÌNH
Công tác xây dựng Đảng đã đạt nhiều kết quả.
II- MỤC TIÊU
1. Đến năm 2028, hoàn thành số hoá hồ sơ đảng viên.
T/M BAN THƯỜNG VỤ
BÍ THƯ
Lê Văn Hòa
"""


def test_a_party_resolution_is_titled_and_dated_by_its_term_not_by_a_target_year() -> None:
    md = extract_metadata(RESOLUTION)
    assert md.title == "về chuyển đổi số trong công tác xây dựng Đảng giai đoạn 2026 - 2030"
    assert md.period is not None and md.period.kind == "multi_year"
    assert (md.doc_number, md.doc_symbol, md.issuer, md.issue_date) == (None, "NQ/TU", "Tỉnh uỷ Hòa An", "2026-03")


def test_a_notice_whose_kind_word_is_followed_by_a_subject_line_takes_the_subject() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\n\nTỈNH HÒA AN\n\nSố:     /TB-UBND\n\nHòa An, ngày   tháng 12 năm 2024\n\n"
        "THÔNG BÁO\n\nV/v giải thể một số hội không còn hoạt động\n\n"
        "Căn cứ Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ;\n"
    )
    assert extract_metadata(text).title == "giải thể một số hội không còn hoạt động"


def test_a_title_cut_after_a_word_that_cannot_end_it_goes_on_across_a_blank_line() -> None:
    text = (
        "UBND TỈNH HÒA AN\nSỞ NỘI VỤ\nSố: 87 /TTr-SNV\nHòa An, ngày 28 tháng 8 năm 2025\n\nTỜ TRÌNH\n\n"
        "Về việc đề nghị ban hành Quyết định thành lập\n\nHội đồng Thi đua tỉnh Hòa An\n\n"
        "Kính gửi: Ủy ban nhân dân tỉnh Hòa An\n\nSở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét./.\n"
    )
    assert extract_metadata(text).title == (
        "Về việc đề nghị ban hành Quyết định thành lập Hội đồng Thi đua tỉnh Hòa An"
    )


def test_the_opening_clause_of_a_submission_does_not_lengthen_its_issuer() -> None:
    text = (
        "UBND TỈNH HÒA AN\nSỞ NỘI VỤ\nSố: 41/TTr-SNV\nHòa An, ngày 21 tháng 02 năm 2025\nTỜ TRÌNH\n"
        "Về việc thông báo kết quả đại hội Liên đoàn Cờ vua tỉnh\nKính gửi: Chủ tịch Ủy ban nhân dân tỉnh\n"
        "Sở Nội vụ nhận được Công văn số 02/BC-LĐCV ngày 24/01/2025 của Liên đoàn Cờ vua tỉnh về việc "
        "báo cáo kết quả đại hội.\nSở Nội vụ kính báo cáo Chủ tịch Ủy ban nhân dân tỉnh như sau:\n"
    )
    md = extract_metadata(text)
    assert (md.issuer, md.issuer_type, md.admin_level) == ("Sở Nội vụ tỉnh Hòa An", "department", "province")
    assert md.addressees == ["Chủ tịch Ủy ban nhân dân tỉnh"]


def test_a_bare_office_under_the_provincial_committee_is_that_committees_office() -> None:
    text = "UBND TỈNH HÒA AN\nVĂN PHÒNG\nSố: 106/PT-NC\nPHIẾU TRÌNH\nKính gửi:\n- Lãnh đạo UBND tỉnh.\n"
    md = extract_metadata(text)
    assert (md.issuer, md.issuer_type, md.admin_level) == ("Văn phòng UBND tỉnh Hòa An", "department", "province")


def test_a_section_of_the_provincial_office_is_provincial_and_keeps_its_acronym() -> None:
    text = (
        "     VĂN PHÒNG UBND TỈNH           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "         PHÒNG NCKSTTHC             Độc lập - Tự do - Hạnh phúc\n"
        "  Hòa An, ngày 20 tháng 5 năm 2025\nPHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC\n"
    )
    md = extract_metadata(text)
    assert md.issuer is not None and md.issuer.startswith("Phòng NCKSTTHC")
    assert md.admin_level == "province"
    assert conventional_case("CHI CỤC QLCL NLS&TS") == "Chi cục QLCL NLS&TS"


def test_a_header_flattened_into_table_rows_gives_its_date_subject_and_addressees() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH HÒA AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Số:           /UBND-NC | Hòa An, ngày         tháng 12 năm 2025\n"
        "V/v cử người tham gia vụ án hành chính | \n"
        "Kính gửi: | - Các sở, ban, ngành; - Ủy ban nhân dân các xã, phường.\n\n"
        "Ủy ban nhân dân tỉnh nhận được Thông báo thụ lý số 11/2025/TLST-HC của Tòa án.\n"
    )
    md = extract_metadata(text)
    assert (md.issue_place, md.issue_date) == ("Hòa An", "2025-12")
    assert md.title == "cử người tham gia vụ án hành chính"
    assert md.addressees == ["Các sở, ban, ngành", "Ủy ban nhân dân các xã, phường"]


def test_an_issuer_line_glued_to_the_motto_by_a_pdf_still_names_the_parent() -> None:
    text = (
        "UBND TỈNH HÒA AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ XÂY DỰNG\nSố: 951 /SXD-QLN\n"
        "V/v góp ý dự thảo Kế hoạch\nĐộc lập - Tự do - Hạnh phúc\nHòa An, ngày 09 tháng 4 năm 2026\n"
        "Kính gửi: Sở Nội vụ.\nSở Xây dựng có ý kiến như sau.\n"
    )
    md = extract_metadata(text)
    assert (md.issuer, md.locality, md.addressees) == ("Sở Xây dựng tỉnh Hòa An", "Hòa An", ["Sở Nội vụ"])


def test_an_association_whose_name_word_ends_the_first_header_line_is_the_issuer() -> None:
    text = (
        "HIỆP HỘI\nTHỢ GỐM VIỆT NAM\nSố: 670/HD-HHTG\nHà Nội, ngày 20 tháng 10 năm 2025\nHƯỚNG DẪN\n"
        "Tổ chức Đại hội các hội thành viên nhiệm kỳ 2025-2030\nCăn cứ Điều lệ Hiệp hội;\n"
        "Nơi nhận:\n- Các hội thành viên;\n- Lưu: VT.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nĐỗ Minh Quang\n"
    )
    md = extract_metadata(text)
    assert md.issuer is not None and md.issuer.lower() == "hiệp hội thợ gốm việt nam"
    assert md.issuer_type == "other"
    assert md.title == "Tổ chức Đại hội các hội thành viên nhiệm kỳ 2025-2030"
    assert md.period is not None and md.period.kind == "multi_year"


def test_a_signature_title_printed_beside_the_recipients_keeps_its_name_and_the_recipients() -> None:
    text = (
        "UBND TỈNH HÒA AN\nSỞ XÂY DỰNG\nSố: 12 /SXD-QLN\nV/v góp ý\nHòa An, ngày 15 tháng 4 năm 2026\n"
        "Kính gửi: Sở Nội Vụ\nSở Xây dựng thống nhất./.\n"
        "Nơi nhận:\nPHÓ GIÁM ĐỐC\n- Như trên;\n- GĐ Sở (b/cáo);\n- Lưu: VT, QLN.\nHồ Ngọc Phong\n"
    )
    md = extract_metadata(text)
    assert md.signer is not None and (md.signer.title, md.signer.name) == ("PHÓ GIÁM ĐỐC", "Hồ Ngọc Phong")
    assert md.recipients == ["Như trên", "GĐ Sở (b/cáo)", "Lưu: VT, QLN"]


def test_the_unit_line_under_a_ministry_signers_title_is_not_the_name() -> None:
    text = (
        "BỘ NỘI VỤ\nSố: 89 /BNV-TCPCP\nV/v trả lời đề nghị\nHà Nội, ngày 06 tháng 10 năm 2025\n"
        "Kính gửi: Sở Nội vụ tỉnh Hòa An\nBộ Nội vụ có ý kiến như sau./.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTL. BỘ TRƯỞNG\nVỤ TRƯỞNG\nVỤ TỔ CHỨC PHI CHÍNH PHỦ\nLương Thị Hạnh\n"
    )
    md = extract_metadata(text)
    assert md.signer is not None and md.signer.name == "Lương Thị Hạnh"


def test_one_addressee_on_the_line_under_an_empty_kinh_gui() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA AN\nSố:    /UBND-NC\nV/v dự Đại hội\nHòa An, ngày   tháng 11 năm 2025\n"
        "Kính gửi:\nSở Nội vụ.\nỦy ban nhân dân tỉnh nhận được Giấy mời của Hội Cựu chiến binh tỉnh về việc mời dự "
        "Đại hội đại biểu nhiệm kỳ 2025 - 2030 của Hội.\n"
    )
    assert extract_metadata(text).addressees == ["Sở Nội vụ"]


def test_a_horizon_year_is_not_the_period_reported_on() -> None:
    text = (
        "UBND TỈNH HÒA AN\nSỞ CÔNG THƯƠNG\nSố:    /BC-SCT\nHòa An, ngày   tháng 01 năm 2026\nBÁO CÁO\n"
        "Kết quả triển khai Chiến lược phát triển ngành hóa chất đến năm 2030, tầm nhìn đến năm 2040\n"
        "Kính gửi: Bộ Công Thương\n"
    )
    md = extract_metadata(text)
    assert md.period is None and md.next_period is None


def test_a_subject_wrapped_over_a_double_spaced_header_is_read_whole() -> None:
    text = (
        "      ỦY BAN NHÂN DÂN            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n"
        "       TỈNH HÒA AN                          Độc lập - Tự do - Hạnh phúc\n\n"
        "     Số:             /UBND-NC                       Hòa An, ngày         tháng 02 năm 2026\n\n"
        " V/v triển khai thực hiện\n\nCông văn số 427/BCA-C04\n\ncủa Bộ Công an\n\n"
        "                                 Kính gửi: Công an tỉnh\n\n"
        "Ủy ban nhân dân tỉnh nhận được Công văn số 427/BCA-C04 ngày 02/02/2026 của Bộ Công an.\n"
    )
    md = extract_metadata(text)
    assert md.title == "triển khai thực hiện Công văn số 427/BCA-C04 của Bộ Công an"
    assert (md.issue_place, md.issue_date, md.addressees) == ("Hòa An", "2026-02", ["Công an tỉnh"])


def test_a_subject_written_without_vv_under_the_number_is_the_title() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA AN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số:            /UBND-NC\nVề kết quả Đại hội Liên đoàn Cờ tướng tỉnh Hòa An nhiệm kỳ 2025 - 2030\n"
        "Hòa An, ngày       tháng 11 năm 2025\nKính gửi: Liên đoàn Cờ tướng tỉnh Hòa An\n"
        "Chủ tịch UBND tỉnh nhận được văn bản của Liên đoàn.\n"
    )
    assert extract_metadata(text).title == "Về kết quả Đại hội Liên đoàn Cờ tướng tỉnh Hòa An nhiệm kỳ 2025 - 2030"


def test_a_youth_union_letter_with_its_motto_a_dash_number_and_a_quoted_subject() -> None:
    text = (
        "BCH ĐOÀN TỈNH HÒA AN\n\n*\n\nSố: 156 -CV/TĐTN-BCTĐ&TTN\n“V/v giới thiệu cán bộ tham gia\n"
        "Ban Vì sự tiến bộ của phụ nữ”\n\nĐOÀN TNCS HỒ CHÍ MINH\nHòa An, ngày 04 tháng 9 năm 2025\n\n"
        "Kính gửi: Sở Nội vụ tỉnh Hòa An\n\nBan Thường vụ Tỉnh đoàn thống nhất cử cán bộ tham gia, cụ thể như sau:\n"
    )
    md = extract_metadata(text)
    assert md.title == "giới thiệu cán bộ tham gia Ban Vì sự tiến bộ của phụ nữ"
    assert (md.doc_number, md.doc_symbol) == ("156-CV/TĐTN-BCTĐ&TTN", "CV/TĐTN-BCTĐ&TTN")
    assert md.issuer is not None and md.issuer.lower() == "bch đoàn tỉnh hòa an"
    assert (md.admin_level, md.locality, md.issue_date) == ("province", "Hòa An", "2025-09-04")


def test_a_steering_committee_under_the_provincial_committee_is_named_with_its_province() -> None:
    text = (
        "UBND TỈNH HÒA AN\nBAN CHỈ ĐẠO\nVỀ CHUYỂN ĐỔI SỐ\nSố:      /QĐ-BCĐ\nHòa An, ngày   tháng 8 năm 2025\n"
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ giúp việc\nTRƯỞNG BAN CHỈ ĐẠO\nCăn cứ Quyết định số 12/QĐ-UBND;\n"
    )
    md = extract_metadata(text)
    assert (md.issuer, md.issuer_type, md.admin_level) == (
        "Ban Chỉ đạo về chuyển đổi số tỉnh Hòa An",
        "other",
        "province",
    )
    assert md.title == "Về việc thành lập Tổ giúp việc"


def test_a_sentence_in_which_the_department_asks_something_does_not_rename_it() -> None:
    text = (
        "UBND TỈNH HÒA AN\nSỞ NỘI VỤ\nSố:    /SNV-TCBC\nV/v báo cáo đề nghị công nhận chức danh\n"
        "Hòa An, ngày   tháng 10 năm 2025\nKính gửi: Ủy ban nhân dân tỉnh Hòa An\n"
        "Sở Nội vụ tỉnh Hòa An đề nghị các hội do Đảng, Nhà nước giao nhiệm vụ báo cáo Ban Thường trực.\n"
    )
    assert extract_metadata(text).issuer == "Sở Nội vụ tỉnh Hòa An"


def _report(issuer_lines: str, title: str) -> str:
    return f"{issuer_lines}\nSố: 12/BC-UB\nAn Phú, ngày 25 tháng 8 năm 2021\nBÁO CÁO\n{title}\nI. KẾT QUẢ\nNội dung.\n"


def test_the_running_total_in_a_monthly_title_is_not_the_next_period() -> None:
    md = extract_metadata(
        _report("UBND HUYỆN AN PHÚ", "Kết quả tháng 8 và 8 tháng năm 2021; nhiệm vụ trọng tâm tháng 9 năm 2021")
    )
    assert md.period is not None and (md.period.kind, md.period.year, md.period.months) == ("month", 2021, [8])
    assert md.next_period is not None and (md.next_period.kind, md.next_period.months) == ("month", [9])
    only_total = extract_metadata(
        _report("UBND HUYỆN AN PHÚ", "Tình hình kinh tế - xã hội tháng 8 và 8 tháng năm 2021")
    )
    assert only_total.next_period is None


def test_a_weekly_report_names_its_week() -> None:
    md = extract_metadata(_report("UBND HUYỆN AN PHÚ", "Công tác tuần từ ngày 12/8 đến 18/8/2021"))
    assert md.period is not None
    assert (md.period.kind, md.period.year, md.period.months) == ("week", 2021, [8])
    assert md.period.label == "tuần từ ngày 12/8 đến 18/8/2021"


def test_a_party_committees_or_police_forces_own_department_takes_the_parents_whole_name() -> None:
    party = extract_metadata(_report("HUYỆN ỦY AN PHÚ\nBAN TUYÊN GIÁO\n*", "Kết quả 6 tháng đầu năm 2021"))
    assert (party.issuer, party.admin_level, party.locality) == ("Ban Tuyên giáo Huyện ủy An Phú", "district", "An Phú")
    police = extract_metadata(_report("CÔNG AN TỈNH AN GIANG\nPHÒNG CẢNH SÁT GIAO THÔNG", "Kết quả quý II năm 2021"))
    assert (police.issuer, police.admin_level, police.locality) == (
        "Phòng Cảnh sát giao thông Công an tỉnh An Giang",
        "province",
        "An Giang",
    )
    government = extract_metadata(_report("UBND HUYỆN AN PHÚ\nPHÒNG TÀI CHÍNH - KẾ HOẠCH", "Kết quả năm 2021"))
    assert government.issuer == "Phòng Tài chính - Kế hoạch huyện An Phú"


def test_a_long_first_title_line_under_the_kind_word_is_still_the_title() -> None:
    name = "Hội Cựu chiến binh tỉnh Hòa An, tỉnh Đồng Lâm (trước sắp xếp) vào Hội Cựu chiến binh tỉnh Hòa An"
    title = f"Về việc cho phép sáp nhập {name} và phê duyệt Điều lệ (sửa đổi, bổ sung) của {name} nhiệm kỳ 2025 - 2030"
    assert 250 < len(title) < 400
    text = (
        "ỦY BAN NHÂN DÂN\n\nTỈNH HÒA AN\n\nSố:     /QĐ-UBND\n\nHòa An, ngày   tháng 9 năm 2025\n\n"
        f"QUYẾT ĐỊNH\n\n{title}\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA AN\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    assert extract_metadata(text).title == title


def test_an_appendix_report_after_the_signature_is_not_the_letters_title() -> None:
    text = (
        "UBND TỈNH HÒA AN\nSỞ CÔNG THƯƠNG\nSố:    /SCT-CN\nV/v đề nghị cung cấp thông tin hóa chất\n"
        "Hòa An, ngày   tháng 6 năm 2026\nKính gửi: Các doanh nghiệp hoạt động hóa chất\n"
        "Sở Công Thương đề nghị các đơn vị báo cáo theo phụ lục kèm theo./.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, CN.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nHoàng Văn Thuận\n"
        "Phụ lục: Mẫu báo cáo\nBÁO CÁO THỰC TRẠNG SẢN XUẤT HÓA CHẤT\nKính gửi: Sở Công Thương tỉnh Hòa An\n"
    )
    md = extract_metadata(text)
    assert md.title == "đề nghị cung cấp thông tin hóa chất"
    assert md.signer is not None and md.signer.name == "Hoàng Văn Thuận"
    assert md.recipients == ["Như trên", "Lưu: VT, CN"]


def test_a_name_cell_flattened_above_the_signature_block_is_the_signers_name() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÒA AN\nSố:    /UBND-NC\nV/v triển khai thực hiện\nHòa An, ngày  tháng 2 năm 2026\n"
        "Kính gửi: Công an tỉnh\nChủ tịch Ủy ban nhân dân tỉnh giao Công an tỉnh nghiên cứu./.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT, NC.\n"
        "                                  Đỗ Tấn Sang\nTL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n"
    )
    md = extract_metadata(text)
    assert md.signer is not None
    assert (md.signer.name, md.signer.title, md.signer.on_behalf_of) == (
        "Đỗ Tấn Sang",
        "CHÁNH VĂN PHÒNG",
        "TL. CHỦ TỊCH",
    )


def test_a_double_spaced_title_goes_on_until_a_note_in_brackets_or_the_body() -> None:
    text = (
        "UBND TỈNH HÒA AN\n\nVĂN PHÒNG\n\nSố:     /TB-VP\n\nHòa An, ngày   tháng 6 năm 2026\n\nTHÔNG BÁO\n\n"
        "Kết luận của đồng chí Lê Văn A - Phó Bí thư Tỉnh ủy, Chủ tịch\n\n"
        "Ủy ban nhân dân tỉnh tại cuộc họp về tình hình giải ngân vốn đầu tư công\n\n"
        "(Kèm theo Giấy mời số 12/GM-VP ngày 02/6/2026)\n\n"
        "Ngày 05/6/2026, đồng chí Lê Văn A chủ trì cuộc họp về tình hình giải ngân vốn đầu tư công năm 2026.\n"
    )
    assert extract_metadata(text).title == (
        "Kết luận của đồng chí Lê Văn A - Phó Bí thư Tỉnh ủy, Chủ tịch "
        "Ủy ban nhân dân tỉnh tại cuộc họp về tình hình giải ngân vốn đầu tư công"
    )


def test_a_bracketed_aside_that_the_title_runs_on_from_is_part_of_it() -> None:
    text = (
        "UBND TỈNH HÒA AN\nSỞ NỘI VỤ\nSố:     /TTr-SNV\nHòa An, ngày   tháng 11 năm 2025\nTỜ TRÌNH\n"
        "Về việc cho phép sáp nhập Liên đoàn Cờ vua tỉnh Đồng Lâm\n\n"
        "(trước sắp xếp) vào Liên đoàn Cờ vua tỉnh Hòa An\n\n"
        "Kính gửi: Chủ tịch UBND tỉnh Hòa An\n"
    )
    assert extract_metadata(text).title == (
        "Về việc cho phép sáp nhập Liên đoàn Cờ vua tỉnh Đồng Lâm (trước sắp xếp) vào Liên đoàn Cờ vua tỉnh Hòa An"
    )


def test_spaces_around_the_dash_of_a_symbol_are_dropped() -> None:
    text = "UBND TỈNH HÒA AN\nSỞ CÔNG THƯƠNG\nSố: 4378 /SCT - CN\nV/v trả lại hồ sơ\nHòa An, ngày 22 tháng 7 năm 2026\n"
    md = extract_metadata(text)
    assert (md.doc_number, md.doc_symbol) == ("4378/SCT-CN", "SCT-CN")


def test_a_campaign_is_a_period_without_calendar_months() -> None:
    md = extract_metadata(
        _report("UBND TỈNH AN GIANG\nSỞ CÔNG THƯƠNG", "Kết quả thực hiện Tháng hành động về an toàn thực phẩm năm 2026")
    )
    assert md.period is not None
    assert (md.period.kind, md.period.year, md.period.months) == ("other", 2026, [])
    assert md.period.label == "Tháng hành động về an toàn thực phẩm năm 2026"


def test_an_inspection_team_is_other_at_the_level_of_the_body_that_set_it_up() -> None:
    md = extract_metadata(
        _report("SỞ CÔNG THƯƠNG TỈNH AN GIANG\nĐOÀN KIỂM TRA THEO QĐ SỐ 12/QĐ-SCT", "Kết quả kiểm tra")
    )
    assert md.issuer is not None and md.issuer.lower() == "đoàn kiểm tra theo qđ số 12/qđ-sct"
    assert (md.issuer_type, md.admin_level, md.locality) == ("other", "province", "An Giang")


def test_a_charter_is_titled_by_its_name_and_its_first_chapter_is_no_document_kind() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\n\nTỈNH HÒA AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "ĐIỀU LỆ (SỬA ĐỔI, BỔ SUNG)\n\nLIÊN ĐOÀN CỜ TƯỚNG TỈNH HÒA AN\n\n"
        "(Kèm theo Quyết định số    /QĐ-UBND ngày   tháng 3 năm 2025 của\n\nChủ tịch Ủy ban nhân dân tỉnh)\n\n"
        "Chương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Tên gọi, biểu tượng\n"
    )
    assert extract_metadata(text).title == "(SỬA ĐỔI, BỔ SUNG) LIÊN ĐOÀN CỜ TƯỚNG TỈNH HÒA AN"
    no_kind = "UBND TỈNH HÒA AN\n\nChương I\n\nQUY ĐỊNH CHUNG\n\nĐiều 1. Tên gọi\n\nHội có tên là Hội Cờ tướng.\n"
    assert title_marker(report_lines(no_kind)) is None  # `QUY ĐỊNH CHUNG` under `Chương I` is a chapter


def test_a_subject_wrapped_so_that_its_year_stands_alone_keeps_the_year() -> None:
    text = (
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 77/SNNMT-KH\nV/v báo cáo kết quả phòng chống\nthiên tai năm\n2027\n\n"
        "Hòa An, ngày 03 tháng 12 năm 2027\n\nKính gửi: Ủy ban nhân dân tỉnh\n\n"
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở báo cáo như sau.\n"
    )
    md = extract_metadata(text)
    assert md.title == "báo cáo kết quả phòng chống thiên tai năm 2027"
    assert md.period is not None and md.period.year == 2027
