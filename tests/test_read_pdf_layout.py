"""PDF layout defects the gold labellers found, rebuilt as small PDFs: charts read as text, a
footnote continued on the next page, a note mark glued to its word, document symbols cut at a
line-end hyphen, a header whose first line sets its columns close, a cell merged only because a
border was not drawn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from llmx.read import RawDocument, read_bytes, read_document
from tests.docgen import fpdf_document, unicode_font

BODY = (
    "Trên cơ sở hướng dẫn của Bộ Nội vụ, tỉnh đã ban hành kế hoạch cải cách hành chính năm 2025 "
    "và triển khai thực hiện 35/45 nhiệm vụ đề ra, đạt 77,8% theo kế hoạch."
)
AFTER = "2. Tình hình thực hiện năm 2025 và kết quả bước đầu"


def _text(pdf: Any, x: float, y: float, text: str, size: float = 12, w: float = 0, align: str = "L") -> None:
    pdf.set_font("Body", size=size)
    pdf.set_xy(x, y)
    pdf.cell(w or pdf.get_string_width(text) + 1, size * 0.45, text, align=align)


# --- charts -----------------------------------------------------------------------------------

VALUES = [(9.49, 9.45, 9.43), (9.38, 8.67, 8.9), (11.97, 12.84, 11.24), (9.47, 9.9, 9.94)]
CATEGORIES = [("Công tác chỉ đạo,", "điều hành"), ("Cải cách thể", "chế"), ("Cải cách thủ tục", "hành chính"),
              ("Cải cách tổ chức", "bộ máy hành")]  # fmt: skip
SERIES = (("Lâm Đồng", (68, 114, 196)), ("Đắk Nông", (237, 125, 49)), ("Bình Thuận", (165, 165, 165)))


def _bar_chart(pdf: Any, top: float) -> float:
    """A column chart drawn the way Word exports one: the chart area (white, framed), a title,
    grey gridlines with tick values, coloured bars with data labels, two-line category names
    under the axis, a legend. Returns the chart's bottom."""
    x0, w, h = 20.0, 170.0, 95.0
    pdf.set_draw_color(0, 0, 0)
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(x0, top, w, h, style="DF")
    _text(pdf, x0, top + 3, "KẾT QUẢ CHỈ SỐ PAR INDEX NĂM 2024", 11, w, "C")
    left, right, bottom, ceiling = x0 + 15, x0 + w - 5, top + 62, top + 14
    pdf.set_draw_color(217, 217, 217)
    for k, tick in enumerate(range(0, 17, 4)):
        y = bottom - k * (bottom - ceiling) / 4
        pdf.line(left, y, right, y)
        _text(pdf, x0 + 2, y - 1.5, str(tick), 7, 11, "R")
    group = (right - left) / len(VALUES)
    bar = group / 5
    for g, values in enumerate(VALUES):
        for s, (value, (_, colour)) in enumerate(zip(values, SERIES, strict=True)):
            height = value / 16 * (bottom - ceiling)
            bx = left + g * group + bar * (1 + s)
            pdf.set_fill_color(*colour)
            pdf.rect(bx, bottom - height, bar, height, style="F")
            _text(pdf, bx - 2, bottom - height - 4, f"{value:g}".replace(".", ","), 6, bar + 4, "C")
    for g, (a, b) in enumerate(CATEGORIES):
        _text(pdf, left + g * group, bottom + 2, a, 7, group, "C")
        _text(pdf, left + g * group, bottom + 6, b, 7, group, "C")
    for s, (name, colour) in enumerate(SERIES):
        lx = x0 + 40 + s * 35
        pdf.set_fill_color(*colour)
        pdf.rect(lx, top + h - 12, 3, 3, style="F")
        _text(pdf, lx + 4, top + h - 12.5, name, 8)
    return top + h


def test_a_bar_chart_is_left_out_of_the_text_and_its_title_kept() -> None:
    """The file 10 defect: a chart's ticks, data labels, category names and legend read as text
    (`16 14,21 13,36 ...`, a ` | ` table of category names, a stray `tử` after the legend)."""
    pdf = fpdf_document()
    pdf.add_page()
    pdf.multi_cell(0, 7, BODY)
    bottom = _bar_chart(pdf, pdf.get_y() + 4)
    pdf.set_xy(pdf.l_margin, bottom + 4)
    pdf.set_font("Body", size=12)
    pdf.multi_cell(0, 7, AFTER)
    doc = read_bytes(bytes(pdf.output()), "chart.pdf")
    assert doc.text.split("\n\n") == [BODY, "KẾT QUẢ CHỈ SỐ PAR INDEX NĂM 2024", AFTER]
    assert doc.tables == []
    (problem,) = [p.message for p in doc.problems if "chart" in p.message]
    assert problem.startswith("PDF page(s) 1: 1 chart(s) drawn as graphics")


def test_shaded_table_cells_are_not_a_chart() -> None:
    """Header shading (one row of equal heights, and a cell shaded down two rows) inside ruled
    tables stays a table: bars need a shared baseline, unequal heights and no ruled grid."""
    from fpdf.fonts import FontFace

    pdf = fpdf_document()
    pdf.add_page()
    pdf.multi_cell(0, 7, BODY)
    shade = FontFace(fill_color=(200, 215, 240))
    with pdf.table(col_widths=(15, 70, 30, 30), first_row_as_headings=False) as table:
        head = table.row()
        head.cell("STT", rowspan=2, style=shade)
        head.cell("Đơn vị", rowspan=2, style=shade)
        head.cell("Kết quả", colspan=2, style=shade)
        sub = table.row()
        sub.cell("Điểm số", style=shade)
        sub.cell("Tỷ lệ (%)", style=shade)
        for k, (name, score, pct) in enumerate((("Sở Tư pháp", "12,7", "84,9%"), ("Sở Y tế", "11,6", "77,6%")), 1):
            row = table.row()
            for value in (str(k), name, score, pct):
                row.cell(value)
    doc = read_bytes(bytes(pdf.output()), "shaded.pdf")
    (table,) = doc.tables
    assert doc.text[table.start : table.end].split("\n")[-1] == "2 | Sở Y tế | 11,6 | 77,6%"
    assert not [p for p in doc.problems if "chart" in p.message]


# --- footnotes ----------------------------------------------------------------------------------

NOTE_A = "Như về: công khai quyết định, bản đồ quy hoạch, kế hoạch sử dụng đất; thu chi ngân sách; công khai"
NOTE_B = "thông tin địa chỉ cơ quan, tên và chức vụ, số điện thoại công chức có thẩm quyền tiếp nhận."
ACROSS = "Thu ngân sách 20,8 tỷ đồng, đạt 80,1% kế hoạch, trong đó thu tiền sử dụng đất còn thấp so với dự toán. "


def _notes_pdf(mark: str, glued: bool, continued: str | None) -> bytes:
    """Two pages; page 1 carries a note under the short rule, its mark `mark` raised (glued to
    the note's first word when `glued`); page 2 (when `continued`) carries the rest of it under
    the full-width continuation rule; a paragraph runs from page 1 onto page 2."""
    from fpdf import FPDF

    font = unicode_font()
    if font is None:
        pytest.skip("no Unicode TTF font found (Debian: apt-get install fonts-dejavu-core)")

    class Report(FPDF):
        def footer(self) -> None:
            left = self.l_margin
            if self.page_no() == 1:
                self.line(left, 262, left + 50, 262)
                self.set_xy(left, 263)
                self.set_font("Body", size=6)
                self.cell(self.get_string_width(mark) + (0 if glued else 1.5), 3, mark)
                self.set_font("Body", size=10)
                self.cell(0, 5, NOTE_A)
            elif continued:
                self.line(left, 262, self.w - self.r_margin, 262)
                self.set_xy(left, 263)
                self.set_font("Body", size=10)
                self.cell(0, 5, continued)

    pdf = Report()
    pdf.add_font("Body", fname=font)
    pdf.set_font("Body", size=12)
    pdf.set_auto_page_break(True, margin=40)
    pdf.add_page()
    pdf.multi_cell(0, 7, "Tổng giá trị sản xuất ước đạt 75,3% kế hoạch, tăng 7,92% so với cùng kỳ. " * 30)
    pdf.ln(3)
    pdf.multi_cell(0, 7, ACROSS * 8)
    assert pdf.page_no() == 2
    return bytes(pdf.output())


def test_a_footnote_continued_on_the_next_page_joins_its_note() -> None:
    """The file 10 defect: the rest of note [2] on the next page, under the full-width rule,
    was read as body text in the middle of a sentence."""
    doc = read_bytes(_notes_pdf("2", glued=False, continued=NOTE_B), "notes.pdf")
    paragraphs = doc.text.split("\n\n")
    across = paragraphs.index((ACROSS * 8).strip())
    assert paragraphs[across + 1] == f"[2] {NOTE_A} {NOTE_B}"
    assert paragraphs[across + 2 :] == []


def test_a_full_width_rule_without_an_earlier_note_is_not_a_separator() -> None:
    doc = read_bytes(_notes_pdf("2", glued=False, continued=None), "notes.pdf")
    assert f"[2] {NOTE_A}" in doc.text.split("\n\n")


def test_a_note_mark_glued_to_its_first_word_keeps_its_brackets() -> None:
    """The file 13 defect: `8Trong đó, ...` where every other note reads `[n] ...`."""
    doc = read_bytes(_notes_pdf("8", glued=True, continued=None), "glued.pdf")
    assert f"[8] {NOTE_A}" in doc.text.split("\n\n")


@pytest.mark.parametrize("mark", ["(4)", "4()"])
def test_a_bracketed_note_mark_hanging_left_of_its_note_reads_as_its_number(mark: str) -> None:
    """File 06's notes are marked `(4)`; LibreOffice's export draws `4()`, the number first, left
    of the note's text: the mark is the note's own, written `[4]` as the .docx reader writes it."""
    doc = read_bytes(_notes_pdf(mark, glued=False, continued=None), "bracketed.pdf")
    assert f"[4] {NOTE_A}" in doc.text.split("\n\n")


# --- lines and columns ------------------------------------------------------------------------


def test_a_document_symbol_cut_at_its_hyphen_is_joined_without_a_space() -> None:
    pdf = fpdf_document()
    pdf.add_page()
    avail = pdf.w - pdf.l_margin - pdf.r_margin
    for line, rest in (
        ("Ngày 16/10/2025, Chủ tịch UBND tỉnh ban hành Quyết định số 1716/QĐ-", "UBND về việc thành lập"),
        ("Hội đồng; Sở Nội vụ đã ban hành Công văn số 2775/SNV-", "CCHC&VTLT về việc hướng dẫn"),
        ("và phối hợp với các đơn vị trong giai đoạn 2021 -", "2025 đạt kết quả tốt."),
    ):
        pdf.set_stretching(100 * avail / pdf.get_string_width(line))  # the line fills the measure
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_stretching(100)
        pdf.cell(0, 7, rest, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    doc = read_bytes(bytes(pdf.output()), "symbols.pdf")
    assert doc.text.split("\n\n") == [
        "Ngày 16/10/2025, Chủ tịch UBND tỉnh ban hành Quyết định số 1716/QĐ-UBND về việc thành lập",
        "Hội đồng; Sở Nội vụ đã ban hành Công văn số 2775/SNV-CCHC&VTLT về việc hướng dẫn",
        "và phối hợp với các đơn vị trong giai đoạn 2021 - 2025 đạt kết quả tốt.",  # a dash, not a symbol
    ]


def test_a_prime_minister_symbol_cut_at_its_hyphen_keeps_its_lowercase_tail() -> None:
    """`QĐ-TTg`, `CT-TTg` (Thủ tướng) end in a lowercase letter: the rest `TTg` on the next line
    was taken for a word and joined after a space (`866/QĐ- TTg`), so the reference was misread."""
    pdf = fpdf_document()
    pdf.add_page()
    avail = pdf.w - pdf.l_margin - pdf.r_margin
    line = "Thực hiện Chỉ thị số 18/CT-TTg về tăng cường quản lý khai thác cát, sỏi theo Quyết định số 512/QĐ-"
    pdf.set_stretching(100 * avail / pdf.get_string_width(line))  # the line fills the measure
    pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_stretching(100)
    pdf.cell(0, 7, "TTg ngày 04/5/2023 của Thủ tướng Chính phủ.", new_x="LMARGIN", new_y="NEXT")
    doc = read_bytes(bytes(pdf.output()), "symbols.pdf")
    assert "Quyết định số 512/QĐ-TTg ngày 04/5/2023" in doc.text


def test_an_article_cited_at_the_start_of_a_wrapped_line_goes_on_the_sentence() -> None:
    """`... sửa đổi khoản 3` / `Điều 12 Luật ...`: the line break fell before the article's name;
    it was read as a heading and cut the proposal in two. An article heading (`Điều 2.`) after a
    finished sentence still starts its own paragraph."""
    pdf = fpdf_document()
    pdf.add_page()
    avail = pdf.w - pdf.l_margin - pdf.r_margin
    line = "Kiến nghị Bộ Lao động - Thương binh và Xã hội nghiên cứu sửa đổi, bổ sung khoản 3"
    pdf.set_stretching(100 * avail / pdf.get_string_width(line))  # the line fills the measure
    pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_stretching(100)
    rest = "Điều 12 Nghị định số 58/2020/NĐ-CP cho phù hợp với thực tiễn."
    pdf.cell(0, 7, rest, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 7, "Điều 2. Tổ chức thực hiện", new_x="LMARGIN", new_y="NEXT")
    doc = read_bytes(bytes(pdf.output()), "article.pdf")
    assert doc.text.split("\n\n") == [f"{line} {rest}", "Điều 2. Tổ chức thực hiện"]


def test_a_bracketed_enumeration_under_a_justified_line_stays_in_its_sentence() -> None:
    """`..., gồm:` filling the measure (justified, so not the paragraph's last line), then `(i) ...`
    at the margin: the enumeration is inline and the proposal one paragraph. Under a line that
    stops short, `(a)` starts an item of its own."""
    pdf = fpdf_document()
    pdf.add_page()
    avail = pdf.w - pdf.l_margin - pdf.r_margin
    line = "Đề nghị Bộ Tài chính bổ sung điều kiện đối với nhà đầu tư tham gia đấu thầu dự án, gồm:"
    pdf.set_stretching(100 * avail / pdf.get_string_width(line))  # the line fills the measure
    pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_stretching(100)
    rest = "(i) Có kinh nghiệm thực hiện dự án tương tự; (ii) ưu tiên doanh nghiệp tại địa phương."
    for text in (rest, "", "Nội dung kiểm tra gồm:", "(a) Việc chấp hành quy định về an toàn."):
        pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    doc = read_bytes(bytes(pdf.output()), "enum.pdf")
    assert doc.text.split("\n\n") == [
        f"{line} {rest}",
        "Nội dung kiểm tra gồm:",
        "(a) Việc chấp hành quy định về an toàn.",
    ]


def test_header_block_whose_first_line_sets_the_columns_close_reads_left_then_right() -> None:
    """The file 13 defect: `UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM` on one line
    (the gap is under two em there), `Độc lập - Tự do - Hạnh phúc` after the `Số:` line."""
    pdf = fpdf_document()
    pdf.add_page()
    _text(pdf, 25, 15, "UBND TỈNH LÂM ĐỒNG")
    _text(pdf, 81, 15, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # 1.7 em after the issuer
    _text(pdf, 25, 21, "HỘI ĐỒNG THẨM ĐỊNH,")
    _text(pdf, 105, 21, "Độc lập - Tự do - Hạnh phúc")
    _text(pdf, 30, 32, "Số: 36/BC-HĐTĐ")
    _text(pdf, 98, 32, "Lâm Đồng, ngày 02 tháng 02 năm 2026")
    pdf.set_xy(pdf.l_margin, 50)
    pdf.multi_cell(0, 7, BODY)
    doc = read_bytes(bytes(pdf.output()), "header.pdf")
    assert doc.text.split("\n\n") == [
        "UBND TỈNH LÂM ĐỒNG\nHỘI ĐỒNG THẨM ĐỊNH,\nSố: 36/BC-HĐTĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 02 tháng 02 năm 2026",
        BODY,
    ]


def test_noi_nhan_under_a_last_line_that_reaches_the_margin_opens_its_own_block() -> None:
    """A short report's last sentence can end at the margin with `Nơi nhận:` on the very next
    line: it was joined to that sentence, the closing block was not found and the signer's title
    (`TRƯỞNG CÔNG AN XÃ`) became a section."""
    pdf = fpdf_document()
    pdf.add_page()
    avail = pdf.w - pdf.l_margin - pdf.r_margin
    last = "- Tăng cường tuần tra, kiểm soát bảo đảm an ninh trật tự dịp cuối năm."
    pdf.set_stretching(100 * avail / pdf.get_string_width(last))  # the line fills the measure
    pdf.cell(0, 7, last, new_x="LMARGIN", new_y="NEXT")
    pdf.set_stretching(100)
    for line in ("Nơi nhận:", "- Công an huyện;"):
        pdf.cell(0, 7, line, new_x="LMARGIN", new_y="NEXT")
    doc = read_bytes(bytes(pdf.output()), "closing.pdf")
    assert doc.text.split("\n\n")[:2] == [last, "Nơi nhận:"]


def test_an_indented_line_after_a_finished_sentence_starts_a_paragraph_where_most_lines_are_indented() -> None:
    """A short report of one-line paragraphs and topic lines, each with a first-line indent: the
    indent is the commonest left edge, so it no longer told a new paragraph, and `Về văn hóa, giáo
    dục:` joined the sentence before it (a heading lost). After a finished sentence it still does;
    a wrapped line at the margin still joins its paragraph."""
    pdf = fpdf_document()
    pdf.add_page()
    right = pdf.w - pdf.r_margin
    y = 20.0
    for x, words, fill in (
        (30, "I. KẾT QUẢ THỰC HIỆN", False),
        (30, "Về nông, lâm nghiệp:", False),
        (30, "Trồng mới 45 ha cây lâm nghiệp, chăm sóc 120 ha rừng trồng các năm trước,", True),
        (20, "tiêm phòng cho 860 con gia súc và phun tiêu độc khử trùng chuồng trại chăn nuôi.", True),
        (30, "Về văn hóa, giáo dục:", False),
        (30, "Tổ chức thành công Lễ hội mùa xuân.", False),
        (30, "Về an ninh trật tự:", False),
        (30, "Tình hình an ninh trật tự ổn định.", False),
    ):
        if fill:
            pdf.set_stretching(100 * (right - x) / pdf.get_string_width(words))
        _text(pdf, x, y, words)
        pdf.set_stretching(100)
        y += 8
    doc = read_bytes(bytes(pdf.output()), "indented.pdf")
    assert doc.text.split("\n\n") == [
        "I. KẾT QUẢ THỰC HIỆN",
        "Về nông, lâm nghiệp:",
        "Trồng mới 45 ha cây lâm nghiệp, chăm sóc 120 ha rừng trồng các năm trước, "
        "tiêm phòng cho 860 con gia súc và phun tiêu độc khử trùng chuồng trại chăn nuôi.",
        "Về văn hóa, giáo dục:",
        "Tổ chức thành công Lễ hội mùa xuân.",
        "Về an ninh trật tự:",
        "Tình hình an ninh trật tự ổn định.",
    ]


def test_headings_numbered_by_word_with_a_tab_after_the_mark_read_as_lines_not_columns() -> None:
    """Word's automatic numbering draws `II.`, `1.`, `a)` at the margin and the heading's text at a
    tab stop: three such headings in a row looked like a two-column block, and the marks came out
    as one column above their texts (`II.` / `1.` / `a)` / `KẾT QUẢ ...`), every number lost."""
    pdf = fpdf_document()
    pdf.add_page()
    y = 20.0
    for mark, words in (
        ("I.", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"),
        (None, "Ban Chỉ đạo huyện ban hành 08 văn bản chỉ đạo."),
        ("II.", "KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ"),
        ("1.", "Xã đạt chuẩn nông thôn mới nâng cao"),
        ("a)", "Kết quả"),
        (None, "Có 06/14 xã đạt chuẩn nông thôn mới nâng cao."),
    ):
        if mark:
            _text(pdf, 20, y, mark)
            _text(pdf, 35, y, words)  # the tab stop, three em after the mark
        else:
            _text(pdf, 20, y, words)
        y += 10
    doc = read_bytes(bytes(pdf.output()), "numbered.pdf")
    assert doc.text.split("\n\n") == [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "Ban Chỉ đạo huyện ban hành 08 văn bản chỉ đạo.",
        "II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ",
        "1. Xã đạt chuẩn nông thôn mới nâng cao",
        "a) Kết quả",
        "Có 06/14 xã đạt chuẩn nông thôn mới nâng cao.",
    ]


def test_a_word_numbered_heading_that_wraps_back_to_the_margin_keeps_its_number_and_its_tail() -> None:
    """The heading's text fills the line after the tab and wraps to the left margin, under the
    mark: the wrapped word is no second column either."""
    pdf = fpdf_document()
    pdf.add_page()
    head = "CÔNG TÁC XÂY DỰNG ĐẢNG, XÂY DỰNG HỆ THỐNG CHÍNH"
    _text(pdf, pdf.l_margin, 20, "I.")
    pdf.set_stretching(100 * (pdf.w - pdf.r_margin - 35) / pdf.get_string_width(head))  # to the margin
    _text(pdf, 35, 20, head)
    pdf.set_stretching(100)
    _text(pdf, pdf.l_margin, 27, "TRỊ")
    _text(pdf, pdf.l_margin, 37, "1.")
    _text(pdf, 35, 37, "Công tác chính trị, tư tưởng")
    _text(pdf, pdf.l_margin, 47, "Tổ chức quán triệt Nghị quyết cho 285/298 đảng viên.")
    doc = read_bytes(bytes(pdf.output()), "wrapped.pdf")
    assert doc.text.split("\n\n") == [
        "I. CÔNG TÁC XÂY DỰNG ĐẢNG, XÂY DỰNG HỆ THỐNG CHÍNH TRỊ",
        "1. Công tác chính trị, tư tưởng",
        "Tổ chức quán triệt Nghị quyết cho 285/298 đảng viên.",
    ]


def test_paragraphs_rejoin_on_portrait_pages_of_a_report_with_a_landscape_page() -> None:
    """A wide table turned to landscape must not move the portrait pages' right edge: their
    lines would all seem to stop short and every line became a paragraph (corpus 01's export)."""
    pdf = fpdf_document()
    pdf.add_page()
    pdf.multi_cell(0, 7, " ".join([BODY] * 3), align="J")
    pdf.add_page(orientation="L")
    pdf.multi_cell(0, 7, AFTER)
    doc = read_bytes(bytes(pdf.output()), "landscape.pdf")
    assert doc.text.split("\n\n") == [" ".join([BODY] * 3), AFTER]


# --- a border not drawn -------------------------------------------------------------------------


def _ruled(
    pdf: Any,
    xs: list[float],
    ys: list[float],
    missing: set[tuple[int, int]],
    missing_v: frozenset[tuple[int, int]] = frozenset(),
) -> None:
    """Rulings of a grid; `missing` holds (row line, column) pieces of horizontal border not
    drawn, `missing_v` (column line, row) pieces of vertical border (a merged cell's inside)."""
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    for r, y in enumerate(ys):
        for c in range(len(xs) - 1):
            if (r, c) not in missing:
                pdf.line(xs[c], y, xs[c + 1], y)
    for c, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if (c, r) not in missing_v:
                pdf.line(x, ys[r], x, ys[r + 1])


def test_a_cell_merged_only_by_a_missing_border_is_split_again() -> None:
    """The file 13 defect (a header repeated at a page break, no rule under its last two cells):
    `Điểm đạt được (điểm chuẩn tối đa: 15đ) 12,451 | Tỷ lệ (%) 83,009%` over an empty row."""
    pdf = fpdf_document()
    pdf.add_page()
    xs, ys = [20.0, 35.0, 105.0, 150.0, 185.0], [20.0, 34.0, 41.0, 48.0]
    _ruled(pdf, xs, ys, missing={(1, 2), (1, 3)})
    for x, text in zip(xs, ("STT", "Đơn vị", "Điểm đạt được (điểm", "Tỷ lệ (%)"), strict=False):
        _text(pdf, x + 1, 22, text, 11)
    _text(pdf, xs[2] + 1, 27, "chuẩn tối đa: 15đ)", 11)
    data = (
        (35.5, ("2", "Sở Dân tộc và Tôn giáo", "12,451", "83,009%")),
        (42.5, ("3", "Sở Tài chính", "12,354", "82,362%")),
    )
    for y, row in data:
        for x, text in zip(xs, row, strict=False):
            _text(pdf, x + 1, y, text, 11)
    doc = read_bytes(bytes(pdf.output()), "merged.pdf")
    (table,) = doc.tables
    assert doc.text[table.start : table.end].split("\n") == [
        "STT | Đơn vị | Điểm đạt được (điểm chuẩn tối đa: 15đ) | Tỷ lệ (%)",
        "2 | Sở Dân tộc và Tôn giáo | 12,451 | 83,009%",
        "3 | Sở Tài chính | 12,354 | 82,362%",
    ]


def test_a_header_cell_over_sub_headers_keeps_its_rowspan() -> None:
    """A real merged cell whose second line is a figure (`Năm` / `2025`) beside sub-headers
    without figures stays one cell."""
    pdf = fpdf_document()
    pdf.add_page()
    xs, ys = [20.0, 90.0, 125.0, 160.0], [20.0, 27.0, 34.0, 41.0]
    _ruled(pdf, xs, ys, missing={(1, 0)}, missing_v=frozenset({(2, 0)}))
    _text(pdf, 21, 21.5, "Chỉ tiêu", 11)
    _text(pdf, 21, 28.5, "2025", 11)
    _text(pdf, 91, 21.5, "Kết quả", 11, 70, "C")
    _text(pdf, 91, 28.5, "KH", 11)
    _text(pdf, 126, 28.5, "TH", 11)
    for x, text in zip(xs, ("Thu ngân sách (tỷ đồng)", "25,9", "20,8"), strict=False):
        _text(pdf, x + 1, 35.5, text, 11)
    doc = read_bytes(bytes(pdf.output()), "header.pdf")
    (table,) = doc.tables
    assert doc.text[table.start : table.end].split("\n")[-1] == "Thu ngân sách (tỷ đồng) | 25,9 | 20,8"
    first = table.rows[0].cells[0]
    assert (first.col, first.rowspan) == (0, 2)


# --- the corpus files the defects were found in ---------------------------------------------------

CORPUS = Path(__file__).resolve().parent.parent / "eval" / "corpus"


def _corpus(prefix: str) -> RawDocument:
    return read_document(next(CORPUS.glob(f"{prefix}-*.pdf")))


def test_corpus_10_charts_footnote_and_tables() -> None:
    doc = _corpus("10")
    for title in ("KẾT QUẢ CHỈ SỐ PAR INDEX NĂM 2024", "KẾT QUẢ CHỈ SỐ SIPAS 2024", "KẾT QUẢ CHỈ SỐ PAPI NĂM 2024"):
        assert f"\n\n{title}\n\n2. Tình hình thực hiện năm 2025" in doc.text
    assert ",000%" not in doc.text and "\n\ntử\n\n" not in doc.text
    assert len(doc.tables) == 5  # the five ruled tables; no chart labels among them
    assert "công bố Bộ chỉ số mới, Trung tâm Xúc tiến đầu tư" in doc.text
    (note,) = [p for p in doc.text.split("\n\n") if p.startswith("[2] ")]
    assert note.endswith("thu chi ngân sách; công khai thông tin địa chỉ cơ quan, tên và chức vụ, số điện thoại "
                         "công chức, viên chức có thẩm quyền tiếp nhận, hướng dẫn, trả lời phản ánh, kiến nghị; "
                         "các chủ trương chính sách pháp luật, các thông tin theo quy định phải được công khai "
                         "đến người dân...")  # fmt: skip
    assert any("3 chart(s) drawn as graphics" in p.message for p in doc.problems)


def test_corpus_13_note_mark_symbols_header_and_split_table() -> None:
    doc = _corpus("13")
    assert doc.text.startswith(
        "UBND TỈNH LÂM ĐỒNG\nHỘI ĐỒNG THẨM ĐỊNH,\nĐÁNH GIÁ CHỈ SỐ CẢI\nCÁCH HÀNH CHÍNH TỈNH\nSố: 36 /BC-HĐTĐ\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 02 tháng 02 năm 2026\n\n"
    )
    assert "\n\n[8] Trong đó, có 01 đơn vị không có TTHC" in doc.text
    assert "Quyết định số 1716/QĐ-UBND về việc" in doc.text and "Công văn số 2775/SNV-CCHC&VTLT về" in doc.text
    rows = [doc.text[r.start : r.end] for t in doc.tables for r in t.rows]
    assert "2 | Sở Dân tộc và Tôn giáo | 12,451 | 83,009%" in rows
    assert not [r for r in rows if "15đ) 12,451" in r]


# --- numbered lines -----------------------------------------------------------------------------


def test_a_roman_rooted_dotted_number_starts_its_own_line_after_a_full_width_line() -> None:
    """`III.1. Yêu cầu chung` under a title line that reaches the right margin: the child number of
    `III.` opens a paragraph as `1.1.` does, instead of running on the title (the heading tree then
    lost `III.1.` and read the title as `... KHOAN NỔ MÌN III.1. Yêu cầu chung`)."""
    pdf = fpdf_document()
    pdf.add_page()
    wording = "TÍNH TOÁN, LỰA CHỌN CÁC THÔNG SỐ KHOAN NỔ MÌN VÀ PHƯƠNG ÁN BẢO ĐẢM AN TOÀN CHO KHU VỰC"
    title = "III."
    for word in wording.split():
        if pdf.get_string_width(f"{title} {word}") > pdf.epw - 2:
            break
        title = f"{title} {word}"
    assert pdf.get_string_width(title) > pdf.epw - 25  # the title line ends near the right margin
    _text(pdf, pdf.l_margin, 30, title)
    _text(pdf, pdf.l_margin, 37, "III.1. Yêu cầu chung")
    doc = read_bytes(bytes(pdf.output()), "roman-dotted.pdf")
    assert doc.text.split("\n\n") == [title, "III.1. Yêu cầu chung"]
