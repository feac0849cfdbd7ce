"""PDF tables read as the tables they are, rebuilt as small PDFs the way Word/LibreOffice export
them: a table continued on the next page (its header repeated there, a row split by the break),
a word a narrow header cell broke over two lines, a bordered paragraph inside a cell, a web
address cut at a line end; and a justified line that ends in a colon at the margin."""

from __future__ import annotations

from typing import Any

import pytest

from llmx.grids import read_grid
from llmx.read import RawDocument, read_bytes
from llmx.read.pdf_tables import broken_word
from tests.docgen import fpdf_document
from tests.test_read_pdf_layout import BODY, _ruled, _text

XS = [15.0, 27.0, 82.0, 97.0, 200.0]
HEADER = ("TT", "Tiêu chí", "Điểm", "Tài liệu kiểm chứng")


def _row(pdf: Any, top: float, cells: tuple[tuple[str, ...], ...]) -> float:
    """One ruled row from `top`: each cell's lines, 5 mm apart; returns the row's bottom."""
    height = 5.0 * max(len(c) for c in cells) + 2.0
    _ruled(pdf, XS, [top, top + height], set())
    for x, lines in zip(XS, cells, strict=False):
        for k, line in enumerate(lines):
            _text(pdf, x + 1, top + 1.5 + 5.0 * k, line, 9)
    return top + height


def _header(pdf: Any, top: float) -> float:
    return _row(pdf, top, tuple((h,) for h in HEADER))


def _two_pages(
    first: list[tuple[tuple[str, ...], ...]], second: list[tuple[tuple[str, ...], ...]], note: str = ""
) -> RawDocument:
    """A table that starts low on page 1 and goes on at the top of page 2 under its header again
    (a footnote `[1] note` at the foot of page 1, under its short rule, when `note`)."""
    pdf = fpdf_document()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    _text(pdf, 20, 20, "Phụ lục: kết quả tự đánh giá", 12)
    y = _header(pdf, 200.0)
    for row in first:
        y = _row(pdf, y, row)
    if note:
        pdf.line(10, 262, 60, 262)
        pdf.set_xy(10, 263)
        pdf.set_font("Body", size=6)
        pdf.cell(3, 3, "1")
        pdf.set_font("Body", size=10)
        pdf.cell(0, 5, note)
    pdf.add_page()
    y = _header(pdf, 15.0)
    for row in second:
        y = _row(pdf, y, row)
    return read_bytes(bytes(pdf.output()), "continued.pdf")


def _lines(doc: RawDocument) -> list[str]:
    (table,) = doc.tables
    return doc.text[table.start : table.end].split("\n")


SPLIT = (
    [
        (("1",), ("Công tác chỉ đạo điều hành",), ("8.00",), ("Kế hoạch số 11/KH-UBND",)),
        (
            ("1.1",),
            ("Ban hành kế hoạch CCHC",),
            ("1.50",),
            ("Báo cáo số 335/BC-UBND ngày", "23/12/2025 của UBND tỉnh về công", "tác kiểm soát thủ tục hành chính"),
        ),
    ],
    [
        (("",), ("",), ("",), ("năm 2025 và các văn bản kèm theo.",)),
        (("1.2",), ("Tuyên truyền CCHC",), ("1.00",), ("Kế hoạch số 20/KH-UBND",)),
    ],
)


def test_a_table_continued_on_the_next_page_is_one_table_its_repeated_header_flagged() -> None:
    doc = _two_pages(*SPLIT)
    (table,) = doc.tables
    lines = _lines(doc)
    head = " | ".join(HEADER)
    assert lines == [
        head,
        "1 | Công tác chỉ đạo điều hành | 8.00 | Kế hoạch số 11/KH-UBND",
        "1.1 | Ban hành kế hoạch CCHC | 1.50 | Báo cáo số 335/BC-UBND ngày 23/12/2025 của UBND tỉnh về công "
        "tác kiểm soát thủ tục hành chính năm 2025 và các văn bản kèm theo.",
        head,
        "1.2 | Tuyên truyền CCHC | 1.00 | Kế hoạch số 20/KH-UBND",
    ]
    assert [r.header for r in table.rows] == [True, False, False, True, False]
    assert all(c.header for c in table.rows[3].cells)
    grid = read_grid(doc.text, table)
    assert (grid.header_rows, grid.repeats) == (1, frozenset({3}))
    assert [k for k, _ in grid.data_rows()] == [1, 2, 4]
    for row in table.rows:  # offsets stay exact
        for cell in row.cells:
            assert doc.text[cell.start : cell.end] == doc.text[cell.start : cell.end].strip()


def test_a_footnote_under_the_first_part_of_a_table_waits_for_the_table_to_end() -> None:
    note = "Số liệu tính đến ngày 15/12/2025 theo báo cáo của các sở, ngành."
    doc = _two_pages(*SPLIT, note=note)
    assert len(doc.tables[0].rows) == 5
    assert doc.text.split("\n\n")[-1] == f"[1] {note}"


def test_the_rest_of_a_row_cut_after_several_lines_joins_it_even_capitalised() -> None:
    first, second = SPLIT
    rest = (("",), ("",), ("",), ("Kế hoạch số 12/KH-UBND.",))
    doc = _two_pages(first, [rest, *second[1:]])
    assert _lines(doc)[2].endswith("tác kiểm soát thủ tục hành chính Kế hoạch số 12/KH-UBND.")
    assert len(doc.tables[0].rows) == 5


def test_an_unnumbered_scoring_line_opening_a_page_stays_its_own_row() -> None:
    """A criteria table lists each criterion's scoring lines as rows of their own (no number):
    the one that opens page 2 is such a row, not the rest of the criterion above."""
    first = [
        (("3.3.1",), ("Tỷ lệ TTHC tiếp nhận tại", "Bộ phận Một cửa"), ("1.50",), ("",)),
        (("",), ("100% số TTHC cấp tỉnh: 0.5",), ("",), ("",)),
        (("3.3.2",), ("Tỷ lệ TTHC không phụ thuộc", "địa giới hành chính"), ("1.00",), ("",)),
    ]
    second = [
        (("",), ("Đạt 100% số TTHC: 1",), ("",), ("",)),
        (("3.4",), ("Giải quyết TTHC đúng hạn",), ("2.00",), ("",)),
    ]
    lines = _lines(_two_pages(first, second))
    assert lines[3] == "3.3.2 | Tỷ lệ TTHC không phụ thuộc địa giới hành chính | 1.00 | "
    assert lines[5] == " | Đạt 100% số TTHC: 1 |  | "


def test_a_figure_row_opening_a_page_is_not_joined_to_the_row_above() -> None:
    """An unnumbered sub-row with its own figures (`- Trong đó | 80`) is a row, not a rest."""
    first = [(("1",), ("Tổng thu ngân sách",), ("100",), ("Báo cáo số 1/BC-STC",))]
    second = [(("",), ("trong đó thu nội địa",), ("80",), ("",))]
    lines = _lines(_two_pages(first, second))
    assert lines[1:] == [
        "1 | Tổng thu ngân sách | 100 | Báo cáo số 1/BC-STC",
        " | ".join(HEADER),
        " | trong đó thu nội địa | 80 | ",
    ]


def test_a_word_a_narrow_header_cell_broke_is_joined_without_a_space() -> None:
    """LibreOffice breaks a word wider than its cell (`Điể` / `m đánh giá`, `TTH` / `C`); a word
    wrapped whole (`cung` / `cấp`) keeps its space."""
    pdf = fpdf_document()
    pdf.add_page()
    xs, ys = [20.0, 60.0, 69.0, 78.0, 120.0], [20.0, 45.0, 52.0]
    _ruled(pdf, xs, ys, set())
    _text(pdf, 21, 21, "Đơn vị", 10)
    for k, line in enumerate(("Điể", "m", "đánh", "giá")):
        _text(pdf, 61, 21 + 5 * k, line, 8)
    for k, line in enumerate(("TTH", "C", "cung", "cấp")):
        _text(pdf, 70, 21 + 5 * k, line, 8)
    _text(pdf, 79, 21, "Ghi chú", 10)
    for x, text in zip(xs, ("Sở Nội vụ", "18", "100", "Đạt"), strict=False):
        _text(pdf, x + 1, 46, text, 10)
    doc = read_bytes(bytes(pdf.output()), "narrow.pdf")
    (table,) = doc.tables
    assert doc.text[table.start : table.end].split("\n")[0] == "Đơn vị | Điểm đánh giá | TTHC cung cấp | Ghi chú"


def test_a_bordered_paragraph_inside_a_cell_adds_no_column_and_no_row() -> None:
    """A box drawn a few points inside a cell and sitting on its bottom border (a paragraph with
    a border) is no part of the table's grid."""
    pdf = fpdf_document()
    pdf.add_page()
    xs, ys = [20.0, 35.0, 110.0, 190.0], [20.0, 28.0, 60.0, 68.0]
    _ruled(pdf, xs, ys, set())
    pdf.line(111.5, 44.0, 188.5, 44.0)  # the box: top, sides, its bottom on the row's border
    pdf.line(111.5, 44.0, 111.5, 60.0)
    pdf.line(188.5, 44.0, 188.5, 60.0)
    pdf.line(111.5, 59.9, 188.5, 59.9)
    for x, text in zip(xs, ("TT", "Tiêu chí", "Tài liệu kiểm chứng"), strict=False):
        _text(pdf, x + 1, 21, text, 10)
    _text(pdf, 21, 29, "3.4.1", 10)
    _text(pdf, 36, 29, "Giải quyết hồ sơ đúng hạn", 10)
    _text(pdf, 111, 29, "Báo cáo số 329/BC-UBND.", 10)
    _text(pdf, 113, 46, "(Đạt tỷ lệ 99,1%).", 10)
    _text(pdf, 21, 61, "3.4.2", 10)
    _text(pdf, 36, 61, "Xin lỗi người dân", 10)
    _text(pdf, 111, 61, "Không phát sinh", 10)
    doc = read_bytes(bytes(pdf.output()), "box.pdf")
    (table,) = doc.tables
    assert table.columns == 3
    assert doc.text[table.start : table.end].split("\n") == [
        "TT | Tiêu chí | Tài liệu kiểm chứng",
        "3.4.1 | Giải quyết hồ sơ đúng hạn | Báo cáo số 329/BC-UBND. (Đạt tỷ lệ 99,1%).",
        "3.4.2 | Xin lỗi người dân | Không phát sinh",
    ]


def test_a_web_address_and_a_symbol_cut_at_a_line_end_are_joined_again() -> None:
    pdf = fpdf_document()
    pdf.add_page()
    _header(pdf, 20.0)
    evidence = (
        "Công khai tại https://dichvucong.gov.vn/",
        "web/mtv/thu_tuc/index? và Tờ trình",
        "số 427/TTr-",
        "STC ngày 16/12/2025.",
    )
    _row(pdf, 28.0, (("3.2.2",), ("Công khai TTHC",), ("1.50",), evidence))
    doc = read_bytes(bytes(pdf.output()), "url.pdf")
    assert _lines(doc)[1] == (
        "3.2.2 | Công khai TTHC | 1.50 | Công khai tại https://dichvucong.gov.vn/web/mtv/thu_tuc/index? "
        "và Tờ trình số 427/TTr-STC ngày 16/12/2025."
    )


def _spread(pdf: Any, x0: float, x1: float, y: float, text: str) -> None:
    """One justified line: its words spread from `x0` to `x1`."""
    words = text.split()
    pdf.set_font("Body", size=12)
    widths = [pdf.get_string_width(w) for w in words]
    gap = (x1 - x0 - sum(widths)) / (len(words) - 1)
    x = x0
    for word, width in zip(words, widths, strict=True):
        pdf.set_xy(x, y)
        pdf.cell(width, 5.4, word)
        x += width + gap


def test_a_justified_line_ending_in_a_colon_at_the_margin_goes_on_with_the_next_line() -> None:
    """Word justifies a paragraph whose line happens to end at `...: ` against the right margin;
    the next line (not indented) is the same paragraph, as the .docx has it. A colon line that
    stops short of the margin still introduces lines of their own."""
    pdf = fpdf_document()
    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.multi_cell(170, 6, "      " + BODY + " " + BODY, align="J")
    _spread(pdf, 30.0, 190.0, 50.0, "Đối với lĩnh vực chuyển đổi số, kết quả cụ thể đạt được như sau:")
    pdf.set_xy(20, 56)
    pdf.multi_cell(170, 6, "tỷ lệ số hóa hồ sơ đạt 72% (chỉ tiêu đề ra là tối thiểu 80%). " + BODY, align="J")
    _text(pdf, 30, 74, "Kết quả cụ thể như sau:", 12)
    pdf.set_xy(20, 80)
    pdf.multi_cell(170, 6, BODY, align="J")
    doc = read_bytes(bytes(pdf.output()), "colon.pdf")
    paragraphs = doc.text.split("\n\n")
    assert "như sau: tỷ lệ số hóa hồ sơ đạt 72%" in paragraphs[1]
    assert paragraphs[2:] == ["Kết quả cụ thể như sau:", BODY]


def _unruled(xs: list[float], rows: list[tuple[str, ...]], steps: list[float], name: str) -> Any:
    """A page with a paragraph, then `rows` set as text at the column positions `xs` (no rulings;
    each row `steps[k]` mm below the one before), then another paragraph: the document read."""
    pdf = fpdf_document()
    pdf.add_page()
    pdf.set_xy(20, 20)
    pdf.multi_cell(170, 6, BODY, align="J")
    y = 40.0
    for row, step in zip(rows, steps, strict=True):
        for x, text in zip(xs, row, strict=True):
            if text:
                _text(pdf, x, y, text, 11)
        y += step
    pdf.set_xy(20, y + 4)
    pdf.multi_cell(170, 6, BODY, align="J")
    return read_bytes(bytes(pdf.output()), name)


def test_an_unruled_table_reads_one_row_per_line_with_its_narrow_number_column() -> None:
    """A table drawn without rulings: the number column set close to the labels, a label that
    runs close to the next column, a label wrapped onto a second line."""
    rows = [
        ("STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"),
        ("1", "Thu ngân sách (tỷ đồng)", "25,9", "20,8", "80,3"),
        ("2", "Tổng mức bán lẻ hàng hóa và", "1.250", "1.300", "104,0"),
        ("", "dịch vụ (tỷ đồng)", "", "", ""),
        ("3", "Số doanh nghiệp thành lập mới", "120", "95", "79,2"),
        ("4", "Tỷ lệ hộ nghèo (%)", "2,5", "2,1", "84,0"),
    ]
    doc = _unruled([20.0, 32.0, 100.0, 130.0, 160.0], rows, [6.5] * len(rows), "unruled.pdf")
    assert _lines(doc) == [
        "STT | Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%)",
        "1 | Thu ngân sách (tỷ đồng) | 25,9 | 20,8 | 80,3",
        "2 | Tổng mức bán lẻ hàng hóa và dịch vụ (tỷ đồng) | 1.250 | 1.300 | 104,0",
        "3 | Số doanh nghiệp thành lập mới | 120 | 95 | 79,2",
        "4 | Tỷ lệ hộ nghèo (%) | 2,5 | 2,1 | 84,0",
    ]
    assert read_grid(doc.text, doc.tables[0]).header_rows == 1


def test_an_unruled_tables_two_line_header_reads_as_one_header_row() -> None:
    """`Kế hoạch` over `năm 2025`, `Tỷ lệ` over `(%)`: each header cell's second line joins its
    first, so the columns keep their names (not a row of its own read as data)."""
    rows = [
        ("STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ"),
        ("", "", "năm 2025", "6 tháng", "(%)"),
        ("1", "Thu ngân sách (tỷ đồng)", "25,9", "20,8", "80,3"),
        ("2", "Số doanh nghiệp mới", "120", "95", "79,2"),
        ("3", "Tỷ lệ hộ nghèo (%)", "2,5", "2,1", "84,0"),
    ]
    doc = _unruled([20.0, 32.0, 95.0, 125.0, 155.0], rows, [5.0] + [7.0] * (len(rows) - 1), "header.pdf")
    assert _lines(doc)[:2] == [
        "STT | Chỉ tiêu | Kế hoạch năm 2025 | Thực hiện 6 tháng | Tỷ lệ (%)",
        "1 | Thu ngân sách (tỷ đồng) | 25,9 | 20,8 | 80,3",
    ]
    grid = read_grid(doc.text, doc.tables[0])
    assert grid.header_rows == 1
    assert grid.columns[4] == ("Tỷ lệ (%)",)


@pytest.mark.parametrize(
    ("line", "next_line", "broken"),
    [
        ("Điể", "m đánh giá", True),
        ("tron", "g xử lý", True),
        ("TTH", "C", True),
        ("ngh", "ĩa vụ", True),
        ("cung", "cấp", False),  # a word wrapped whole
        ("Số", "TTHC", False),  # an acronym on its own line
        ("UBND", "HĐND", False),
        ("Chiều", "m2", False),  # a unit
        ("Đường", "km", False),
        ("Tỷ lệ", "m", False),  # two words on the line: nothing was broken
    ],
)
def test_a_broken_word_is_told_from_a_wrapped_one(line: str, next_line: str, broken: bool) -> None:
    assert broken_word(line, next_line) is broken
