"""PDF layout: garbled text layers caught, page furniture dropped, footnotes apart, ruled tables as rows."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.read import read_bytes, read_document
from llmx.read.garble import GARBLED
from tests.docgen import unicode_font

SENTENCE = "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội sáu tháng đầu năm của huyện. "


def _fpdf(**kwargs: Any) -> Any:
    if unicode_font() is None:
        pytest.skip("no Unicode TTF font found (Debian: apt-get install fonts-dejavu-core)")
    from fpdf import FPDF

    pdf = FPDF(**kwargs)
    pdf.compress = False
    pdf.add_font("Body", fname=unicode_font())
    pdf.add_font("Body", style="B", fname=unicode_font())
    pdf.set_font("Body", size=12)
    return pdf


def _one_page(text: str) -> bytes:
    pdf = _fpdf()
    pdf.add_page()
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def _remap(data: bytes, target: bytes) -> bytes:
    """Point every non-ASCII glyph of the ToUnicode map at `target` (same length: offsets hold)."""

    def sub(m: re.Match[bytes]) -> bytes:
        return b"<" + m.group(1) + b"> <" + target + b">" if int(m.group(2), 16) >= 0x80 else m.group(0)

    return re.sub(rb"<([0-9A-F]{4})> <([0-9A-F]{4})>", sub, data)


def test_text_layer_with_vietnamese_letters_dropped_is_reported_not_passed_as_clean() -> None:
    """The symptom of the issue: `B o c o t nh h nh th c hi n` from a broken ToUnicode map."""
    doc = read_bytes(_remap(_one_page(SENTENCE * 6), b"0020"), "torn.pdf")
    assert doc.text.startswith("B o c o t nh h nh th c hi n")
    (problem,) = [p for p in doc.problems if p.message.startswith(GARBLED)]
    assert "page(s) 1" in problem.message and "Vietnamese syllables" in problem.message


def test_text_layer_of_private_use_glyphs_is_reported() -> None:
    doc = read_bytes(_remap(_one_page(SENTENCE * 6), b"E0E1"), "pua.pdf")
    assert any(p.message.startswith(GARBLED) and "private-use glyphs" in p.message for p in doc.problems)


def test_tone_marks_stored_apart_from_their_letters_are_rejoined_and_reported() -> None:
    torn = "Ba \u0301o ca \u0301o ti \u0300nh hi \u0300nh thu \u031b\u0323c hiê \u0323n nhiê \u0323m vu \u0323. " * 8
    doc = read_bytes(_one_page(torn), "marks.pdf")
    text = unicodedata.normalize("NFC", doc.text)
    assert text.startswith("Báo cáo tình hình thực hiện nhiệm vụ.")
    assert any("tone mark(s) stored apart" in p.message for p in doc.problems)
    assert not any(p.message.startswith(GARBLED) for p in doc.problems)


def test_a_fonts_oi_letter_for_u_horn_is_read_as_the_u_it_draws_and_reported() -> None:
    """`PHƢƠNG HƢỚNG`: some PDF producers map `ư` to `ƣ` (Latin letter oi), which Vietnamese never uses."""
    doc = read_bytes(_one_page("PHƢƠNG HƢỚNG nhiệm vụ năm 2025: tăng cƣờng công tác phòng chống. " * 6), "oi.pdf")
    assert doc.text.startswith("PHƯƠNG HƯỚNG nhiệm vụ năm 2025: tăng cường") and "ƣ" not in doc.text
    assert any("'ƣ'" in p.message and "read as 'ư'" in p.message for p in doc.problems)


def test_clean_text_layer_has_no_quality_problem() -> None:
    assert read_bytes(_one_page(SENTENCE * 6), "clean.pdf").problems == []


def test_cli_repeats_a_garbled_text_layer_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "torn.pdf"
    path.write_bytes(_remap(_one_page(SENTENCE * 6), b"0020"))
    result = CliRunner().invoke(app, ["extract", str(path), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0
    assert f"warning: {path}: {GARBLED}" in result.output


NOTE = "Gồm thu tiền sử dụng đất 12,5 tỷ đồng và thu khác ngân sách."
ACROSS = "Thu ngân sách 20,8 tỷ đồng, đạt 80,1% kế hoạch, trong đó thu tiền sử dụng đất còn thấp so với dự toán. "


def _report_pdf(tmp_path: Path) -> Path:
    """Three pages: a running header, page numbers, a paragraph across a page break, a footnote."""
    from fpdf import FPDF

    font = unicode_font()
    if font is None:
        pytest.skip("no Unicode TTF font found (Debian: apt-get install fonts-dejavu-core)")

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Body", size=9)
            self.cell(0, 5, "UBND HUYỆN KÔNG CHRO - BÁO CÁO 9 THÁNG", align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self) -> None:
            if self.page_no() == 1:  # the note, under a short rule, at the foot of page 1
                self.line(self.l_margin, 262, self.l_margin + 50, 262)
                self.set_xy(self.l_margin, 263)
                self.set_font("Body", size=6)
                self.cell(2.5, 3, "1")
                self.set_font("Body", size=10)
                self.cell(0, 5, NOTE)
            self.set_y(-12)
            self.set_font("Body", size=9)
            self.cell(0, 5, str(self.page_no()), align="C")

    pdf = Report()
    pdf.add_font("Body", fname=font)
    pdf.set_font("Body", size=12)
    pdf.set_auto_page_break(True, margin=40)
    pdf.add_page()
    body = "Tổng giá trị sản xuất ước trên 4,6 nghìn tỷ đồng, đạt 75,3% kế hoạch, tăng 7,92% so với cùng kỳ. "
    pdf.multi_cell(0, 7, body * 24)
    pdf.ln(3)
    pdf.multi_cell(0, 7, ACROSS * 8)  # runs over the page break, past the note
    pdf.add_page()
    pdf.multi_cell(0, 7, "III. NHIỆM VỤ 3 THÁNG CUỐI NĂM")
    assert pdf.page_no() == 3
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    return path


def test_running_header_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    doc = read_document(_report_pdf(tmp_path))
    assert "UBND HUYỆN KÔNG CHRO - BÁO CÁO 9 THÁNG" not in doc.text
    assert not re.search(r"(?m)^\d+$", doc.text)
    assert doc.text.count("đạt 75,3% kế hoạch") == 24


def test_a_footnote_never_lands_inside_a_sentence(tmp_path: Path) -> None:
    doc = read_document(_report_pdf(tmp_path))
    paragraphs = doc.text.split("\n\n")
    assert f"[1] {NOTE}" in paragraphs
    # the paragraph that ran across the page break is whole again, and the note comes after it
    across = paragraphs.index((ACROSS * 8).strip())
    assert paragraphs[across + 1] == f"[1] {NOTE}"
    assert paragraphs[-1] == "III. NHIỆM VỤ 3 THÁNG CUỐI NĂM"


def test_ruled_table_reads_one_row_per_line_with_merged_header(tmp_path: Path) -> None:
    pdf = _fpdf()
    pdf.add_page()
    pdf.multi_cell(0, 7, "Biểu 1. Kết quả thực hiện các chỉ tiêu chủ yếu")
    with pdf.table(col_widths=(60, 20, 30, 30, 25), text_align="CENTER", first_row_as_headings=False) as table:
        head = table.row()
        head.cell("Chỉ tiêu", rowspan=2)
        head.cell("ĐVT", rowspan=2)
        head.cell("Năm 2023", colspan=2)
        head.cell("% KH", rowspan=2)
        sub = table.row()
        sub.cell("Kế hoạch")
        sub.cell("Thực hiện")
        for name, unit, plan, done, pct in (
            ("Tổng thu ngân sách", "tỷ đồng", "25,9", "20,8", "80,1"),
            ("Diện tích gieo trồng", "ha", "21.500", "21.320", "99,2"),
        ):
            row = table.row()
            for value in (name, unit, plan, done, pct):
                row.cell(value)
    pdf.multi_cell(0, 7, "Nguồn: Chi cục Thống kê.")
    doc = read_bytes(bytes(pdf.output()), "table.pdf")
    (table_info,) = doc.tables
    block = doc.text[table_info.start : table_info.end]
    assert block.split("\n") == [
        "Chỉ tiêu | ĐVT | Năm 2023 | % KH",
        " |  | Kế hoạch | Thực hiện | ",
        "Tổng thu ngân sách | tỷ đồng | 25,9 | 20,8 | 80,1",
        "Diện tích gieo trồng | ha | 21.500 | 21.320 | 99,2",
    ]
    head_cells = table_info.rows[0].cells
    assert [(c.col, c.colspan, c.rowspan) for c in head_cells] == [(0, 1, 2), (1, 1, 2), (2, 2, 1), (4, 1, 2)]
    assert table_info.columns == 5 and table_info.page == 1
    assert doc.text.startswith("Biểu 1.") and doc.text.endswith("Nguồn: Chi cục Thống kê.")
