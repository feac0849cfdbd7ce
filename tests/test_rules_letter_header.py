"""Công văn-style reports (no `BÁO CÁO` block) and department issuers: the header block ends after
the number, `V/v` subject, `Kính gửi:` addressees, motto and date line; the subject is the title;
a department takes its parent's place; periods prefer the report's own year. Invented texts."""

from __future__ import annotations

from llmx.contract import Period
from llmx.rules.metadata import extract_metadata
from llmx.sections import split_sections

# a PDF's two-column header flattened left column first: `Kính gửi:` is parted from its
# bullets by the right column's motto and date line
LETTER = (
    "UBND TỈNH HÀ GIANG\n"
    "TRUNG TÂM KHUYẾN NÔNG\n"
    "VÀ DỊCH VỤ NÔNG NGHIỆP\n"
    "Số: 212 /TTKN-KT\n"
    "V/v báo cáo kết quả chuyển giao\n"
    "tiến bộ kỹ thuật, nhân rộng mô hình\n"
    "sản xuất tỉnh Hà Giang\n"
    "Kính gửi:\n"
    "\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Hà Giang, ngày 14 tháng 10 năm 2025\n"
    "- Ủy ban nhân dân tỉnh;\n"
    "- Sở Nông nghiệp và Môi trường.\n"
    "\n"
    "Thực hiện đề nghị của Sở Nông nghiệp và Môi trường, Trung tâm Khuyến nông và Dịch vụ nông nghiệp"
    " (Trung tâm) báo cáo kết quả như sau:\n"
    "\n"
    "1. Kết quả chuyển giao kỹ thuật năm 2024\n"
    "Đã tổ chức 12 lớp tập huấn.\n"
    "\n"
    "2. Tình hình thực hiện năm 2025\n"
    "Đã xây dựng 5 mô hình.\n"
    "\n"
    "3. Kiến nghị, đề xuất\n"
    "- Đề nghị UBND tỉnh bố trí kinh phí.\n"
    "\n"
    "Trên đây là báo cáo của Trung tâm./.\n"
    "\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\n\nLê Văn Minh\n"
)


def test_letter_header_lines_are_never_sections():
    layout = split_sections(LETTER)
    assert [(s.number, s.level) for s in layout.sections] == [("1", 1), ("2", 1), ("3", 1)]
    assert LETTER[layout.body_start :].lstrip().startswith("Thực hiện đề nghị")


def test_subject_line_is_the_title_when_there_is_no_title_block():
    meta = extract_metadata(LETTER, split_sections(LETTER).sections)
    assert meta.title == "báo cáo kết quả chuyển giao tiến bộ kỹ thuật, nhân rộng mô hình sản xuất tỉnh Hà Giang"
    assert (meta.doc_number, meta.doc_symbol, meta.issue_date) == ("212/TTKN-KT", "TTKN-KT", "2025-10-14")


def test_addressees_are_collected_across_the_interleaved_header_columns():
    meta = extract_metadata(LETTER, split_sections(LETTER).sections)
    assert meta.addressees == ["Ủy ban nhân dân tỉnh", "Sở Nông nghiệp và Môi trường"]


def test_wrapped_department_name_is_joined_and_takes_the_parents_place():
    meta = extract_metadata(LETTER, split_sections(LETTER).sections)
    assert meta.issuer == "Trung tâm Khuyến nông và Dịch vụ nông nghiệp tỉnh Hà Giang"
    assert (meta.issuer_type, meta.admin_level, meta.locality) == ("department", "province", "Hà Giang")


def test_opening_sentence_with_a_short_name_in_brackets_completes_the_issuer():
    text = LETTER.replace("\nVÀ DỊCH VỤ NÔNG NGHIỆP", "\nDỊCH VỤ NÔNG NGHIỆP")
    text = text.replace("nông và Dịch vụ nông nghiệp (Trung tâm)", "nông, Dịch vụ nông nghiệp (Trung tâm)")
    meta = extract_metadata(text, split_sections(text).sections)
    assert meta.issuer == "Trung tâm Khuyến nông, Dịch vụ nông nghiệp tỉnh Hà Giang"


def test_period_prefers_the_reports_own_year_over_an_earlier_years_results():
    meta = extract_metadata(LETTER, split_sections(LETTER).sections)
    assert meta.period == Period(label="năm 2025", kind="year", year=2025, months=list(range(1, 13)))


def test_a_cut_off_date_in_a_part_heading_is_the_period_of_a_snapshot_report():
    text = (
        "SỞ Y TẾ\nSố: 17/BC-SYT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNam Định, ngày 03 tháng 4 năm 2025\n\n"
        "BÁO CÁO\nKết quả tiêm chủng mở rộng\n\n"
        "1. Kết quả thực hiện: đến thời điểm báo cáo ngày 31/3/2025\nĐã tiêm 1.200 mũi.\n"
    )
    meta = extract_metadata(text, split_sections(text).sections)
    assert meta.period == Period(label="đến thời điểm báo cáo ngày 31/3/2025", kind="other", year=2025, months=[])


def test_a_subject_line_is_not_a_roman_numbered_heading_even_without_a_header():
    text = "V/v báo cáo tình hình\n\n1. Kết quả\nNội dung.\n"
    assert [s.number for s in split_sections(text).sections] == ["1"]


def test_a_page_without_number_or_date_line_keeps_its_first_lines():
    text = "TIN TỨC\nHội nghị sơ kết\nSáng 12/3, UBND xã tổ chức hội nghị.\n\n1. Kết quả\nNội dung.\n"
    assert split_sections(text).body_start == 0


def test_the_span_the_opening_sentences_give_is_the_period_when_nothing_else_names_one():
    text = (
        "SỞ NỘI VỤ\nSố: 90/BC-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Giang, ngày 05 tháng 11 năm 2025\n\n"
        "BÁO CÁO\nTổng kết thí điểm mô hình một cửa\n\n"
        "Căn cứ Quyết định số 12/QĐ-UBND, thời gian thực hiện thí điểm từ ngày 26/8/2025 đến hết ngày 30/9/2025. "
        "Sở Nội vụ báo cáo như sau:\n\nI. CÔNG TÁC TRIỂN KHAI\nNội dung.\n"
    )
    meta = extract_metadata(text, split_sections(text).sections)
    assert meta.period == Period(
        label="từ ngày 26/8/2025 đến hết ngày 30/9/2025", kind="other", year=2025, months=[8, 9]
    )


def test_a_letter_header_set_apart_by_blank_lines_still_gives_its_date_line():
    """A web copy puts a blank line after every line: the header's lines, not the text's lines,
    are what the date line is looked for among."""
    body = "".join(f"Đã tổ chức {k} lớp tập huấn tại thôn {k}.\n" for k in range(1, 31))
    letter = LETTER.replace("Đã tổ chức 12 lớp tập huấn.\n", body)
    spaced = letter.replace("\n\n", "\n").replace("\n", "\n\n")
    meta = extract_metadata(spaced)
    assert (meta.issue_place, meta.issue_date) == ("Hà Giang", "2025-10-14")
    assert meta.issuer == extract_metadata(letter).issuer
