"""A PDF report's header (issuer | national motto, then the number | date row) read column by
column, as LibreOffice lays out a .docx header table: the number's row set apart from the grid
above it, `Số:` left apart from its number (filled in on signing), the motto wrapped onto a
second line that starts above the issuer's; and, in the body, a label and its value a tab stop
apart, which are not two columns. Placed with fpdf; all texts invented."""

from __future__ import annotations

from typing import Any

from llmx.config import Settings
from llmx.pipeline import extract_document
from llmx.read import read_bytes
from tests.docgen import fpdf_document

BODY = "Thực hiện Kế hoạch số 15/KH-UBND ngày 10/01/2027 của Ủy ban nhân dân tỉnh, Sở báo cáo như sau."


def _at(pdf: Any, x: float, y: float, text: str, size: float = 13) -> None:
    pdf.set_font("Body", size=size)
    pdf.set_xy(x, y)
    pdf.cell(pdf.get_string_width(text) + 1, size * 0.4, text)


def _blocks(pdf: Any) -> list[str]:
    return read_bytes(bytes(pdf.output()), "header.pdf").text.split("\n\n")


def test_the_number_and_date_row_below_the_header_grid_is_read_as_its_two_cells(tmp_path: Any) -> None:
    """The row sits a blank line under the grid, its two cells under four em apart: it was read as
    one line, `Số: /BC-UBND Hòa An, ngày ...`, and the issue place and date were lost."""
    pdf = fpdf_document(None, page_break=False, page=True)
    _at(pdf, 30, 20, "ỦY BAN NHÂN DÂN")
    _at(pdf, 95, 20, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    _at(pdf, 33, 26, "TỈNH HÒA AN")
    _at(pdf, 103, 26, "Độc lập - Tự do - Hạnh phúc")
    _at(pdf, 30, 42, "Số:")
    _at(pdf, 48, 42, "/BC-UBND")
    _at(pdf, 88, 42, "Hòa An, ngày      tháng 12 năm 2027")
    _at(pdf, 90, 55, "BÁO CÁO")
    _at(pdf, 60, 61, "Kết quả công tác dân tộc năm 2027")
    _at(pdf, 25, 75, BODY)
    blocks = _blocks(pdf)
    assert blocks[2:4] == ["Số: /BC-UBND", "Hòa An, ngày tháng 12 năm 2027"]
    path = tmp_path / "header.pdf"
    path.write_bytes(bytes(pdf.output()))
    meta = extract_document(path, Settings(backend="rules")).metadata
    assert (meta.issue_place, meta.issue_date, meta.doc_symbol) == ("Hòa An", "2027-12", "BC-UBND")


def test_a_number_row_with_the_subject_under_it_is_not_an_unruled_table(tmp_path: Any) -> None:
    """`Số:`, its number and the date, each a wide gap apart, with the `V/v` subject wrapped under
    the number: it was read as a three-cell table row and the subject as loose paragraphs."""
    pdf = fpdf_document(None, page_break=False, page=True)
    _at(pdf, 30, 20, "SỞ XÂY DỰNG")
    _at(pdf, 95, 20, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    _at(pdf, 103, 26, "Độc lập - Tự do - Hạnh phúc")
    _at(pdf, 36, 29, "____________________", 7)  # the rules under the issuer and the motto, typed
    _at(pdf, 108, 29, "______________________________", 7)
    _at(pdf, 32, 36, "Số:")
    _at(pdf, 50, 36, "/SXD-QLN")
    _at(pdf, 98, 36, "Hòa An, ngày      tháng 5 năm 2027")
    _at(pdf, 28, 43, "V/v báo cáo tình hình nhà ở", 12)
    _at(pdf, 30, 48, "xã hội quý I năm", 12)
    _at(pdf, 42, 53, "2027", 12)
    _at(pdf, 70, 68, "Kính gửi: Ủy ban nhân dân tỉnh")
    _at(pdf, 25, 80, BODY)
    blocks = _blocks(pdf)
    assert " | " not in "\n".join(blocks[:4])
    assert "Số: /SXD-QLN\nV/v báo cáo tình hình nhà ở\nxã hội quý I năm\n2027" in blocks
    path = tmp_path / "header.pdf"
    path.write_bytes(bytes(pdf.output()))
    meta = extract_document(path, Settings(backend="rules")).metadata
    assert (meta.title, meta.doc_symbol) == ("báo cáo tình hình nhà ở xã hội quý I năm 2027", "SXD-QLN")


def test_a_motto_wrapped_above_the_issuer_s_first_line_stays_in_its_column(tmp_path: Any) -> None:
    """`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT` / `NAM` with the issuer's `UBND HUYỆN ĐÔNG SƠN` set between
    its two lines (the columns start at different heights): read top to bottom they ran together,
    `... CHỦ NGHĨA VIỆT UBND HUYỆN ĐÔNG SƠN`, and that became the title."""
    pdf = fpdf_document(None, page_break=False, page=True)
    _at(pdf, 99, 22, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT")
    _at(pdf, 33, 25.2, "UBND HUYỆN ĐÔNG SƠN")
    _at(pdf, 133, 28.4, "NAM")
    _at(pdf, 35, 34.5, "PHÒNG KINH TẾ")
    _at(pdf, 108, 34.5, "Độc lập - Tự do - Hạnh phúc")
    _at(pdf, 36, 43, "Số:")
    _at(pdf, 52, 43, "/BC-KT")
    _at(pdf, 102, 43, "Đông Sơn, ngày      tháng 9 năm 2027")
    _at(pdf, 88, 56, "BÁO CÁO")
    _at(pdf, 55, 62, "Kết quả sản xuất nông nghiệp 9 tháng năm 2027")
    _at(pdf, 25, 76, BODY)
    blocks = _blocks(pdf)
    assert blocks[:2] == [
        "UBND HUYỆN ĐÔNG SƠN\nPHÒNG KINH TẾ\nSố: /BC-KT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT\nNAM\nĐộc lập - Tự do - Hạnh phúc\nĐông Sơn, ngày tháng 9 năm 2027",
    ]
    path = tmp_path / "header.pdf"
    path.write_bytes(bytes(pdf.output()))
    meta = extract_document(path, Settings(backend="rules")).metadata
    assert meta.title == "Kết quả sản xuất nông nghiệp 9 tháng năm 2027"
    assert (meta.issuer, meta.issue_place) == ("Phòng Kinh tế huyện Đông Sơn", "Đông Sơn")


def test_labels_set_apart_from_their_values_by_a_tab_are_read_line_by_line() -> None:
    """`- Hội có phạm vi hoạt động trong huyện:` and its value a tab stop away, on two lines: the
    pair was read as two columns (both labels, then both values), and the figures lost their names."""
    pdf = fpdf_document(None, page_break=False, page=True)
    _at(pdf, 25, 20, BODY)
    _at(pdf, 40, 30, "- Đoàn viên công đoàn trong khu vực nhà nước:")
    _at(pdf, 150, 30, "1.250 người")
    _at(pdf, 40, 37.5, "- Đoàn viên công đoàn ngoài nhà nước:")
    _at(pdf, 160, 37.5, "Chưa có.")
    _at(pdf, 25, 52, "2. Về hoạt động")
    assert _blocks(pdf)[1:4] == [
        "- Đoàn viên công đoàn trong khu vực nhà nước: 1.250 người",
        "- Đoàn viên công đoàn ngoài nhà nước: Chưa có.",
        "2. Về hoạt động",
    ]
