"""A PDF report's closing block (`Nơi nhận:` with its list at the left, the signature at the right)
read column by column, as LibreOffice's export of a .docx lays it out: the two columns in
different type sizes (their lines never share a baseline), the block cut by a page break, a long
recipient wrapped under its own text."""

from __future__ import annotations

from typing import Any

from llmx.config import Settings
from llmx.pipeline import extract_document
from llmx.read import read_bytes
from tests.docgen import fpdf_document

LAST = "Trên đây là báo cáo kết quả công tác quý III năm 2024 của Ủy ban nhân dân xã Tân Phước./."
LIST = ["- Thường trực Huyện ủy;", "- UBND huyện;", "- Phòng Tài chính - Kế hoạch;", "- Lưu: VT."]
SIGN = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Khải"]


def _at(pdf: Any, x: float, y: float, text: str, size: float) -> None:
    pdf.set_font("Body", size=size)
    pdf.set_xy(x, y)
    pdf.cell(pdf.get_string_width(text) + 1, size * 0.4, text)


def _closing(pdf: Any, top: float, left: list[str], right: list[tuple[float, str]]) -> None:
    """The list in 11 pt every 4.5 mm from `top`, the signature lines in 13 pt at their own offsets."""
    for k, text in enumerate(left):
        _at(pdf, 25, top + 4.5 * k, text, 11 if k else 12)
    for dy, text in right:
        _at(pdf, 125, top + dy, text, 13)


def _blocks(pdf: Any) -> list[str]:
    return read_bytes(bytes(pdf.output()), "closing.pdf").text.split("\n\n")


def test_closing_block_in_two_type_sizes_is_read_column_by_column() -> None:
    """The list's lines fall between the signature's: read top to bottom they interleaved
    (`Nơi nhận:`, `TM. ỦY BAN NHÂN DÂN`, `- Thường trực Huyện ủy;`, `CHỦ TỊCH`, ...)."""
    pdf = fpdf_document(13, page_break=False)
    pdf.add_page()
    _at(pdf, 25, 40, LAST, 13)
    _closing(pdf, 55, ["Nơi nhận:", *LIST], [(1.5, SIGN[0]), (7.5, SIGN[1]), (32, SIGN[2])])
    assert _blocks(pdf)[-2:] == ["\n".join(["Nơi nhận:", *LIST]), "\n".join(SIGN)]


def test_closing_block_cut_by_a_page_break_goes_on_in_its_columns() -> None:
    """The rest of the list and the signer's name at the top of the next page join their columns
    instead of following the signature's title as paragraphs of their own."""
    pdf = fpdf_document(13, page_break=False)
    pdf.add_page()
    _at(pdf, 25, 240, LAST, 13)
    _closing(pdf, 255, ["Nơi nhận:", *LIST[:2]], [(0, SIGN[0]), (6, SIGN[1])])
    pdf.add_page()
    _closing(pdf, 20, LIST[2:], [(30, SIGN[2])])
    assert _blocks(pdf)[-2:] == ["\n".join(["Nơi nhận:", *LIST]), "\n".join(SIGN)]


def test_wrapped_recipient_is_one_item_and_the_metadata_lists_every_recipient(tmp_path: Any) -> None:
    """`- Chủ tịch, các PCT UBND xã (Đ/c` / `Hưng);`: the wrapped rest has no list mark; read as a
    line of its own it ended the recipients list for the metadata."""
    pdf = fpdf_document(13, page_break=False)
    pdf.add_page()
    _at(pdf, 25, 40, LAST, 13)
    left = ["Nơi nhận:", "- Thường trực Huyện ủy;", "- Chủ tịch, các PCT UBND xã (Đ/c", "Hưng);", "- Lưu: VT."]
    _closing(pdf, 55, left, [(1.5, SIGN[0]), (7.5, SIGN[1]), (32, SIGN[2])])
    path = tmp_path / "closing.pdf"
    path.write_bytes(bytes(pdf.output()))
    meta = extract_document(path, Settings(backend="rules")).metadata
    assert meta.recipients == ["Thường trực Huyện ủy", "Chủ tịch, các PCT UBND xã (Đ/c Hưng)", "Lưu: VT"]
    assert meta.signer is not None and meta.signer.name == "Trần Văn Khải"


def test_signature_starting_a_little_above_noi_nhan_belongs_to_the_block(tmp_path: Any) -> None:
    """`TM. ỦY BAN NHÂN DÂN` in 13 pt sits a few points above `Nơi nhận:`: it was read as a
    paragraph of its own before the block, and the signer's `on_behalf_of` was lost."""
    pdf = fpdf_document(13, page_break=False)
    pdf.add_page()
    _at(pdf, 25, 40, LAST, 13)
    _closing(pdf, 60, ["Nơi nhận:", *LIST], [(-4, SIGN[0]), (2, SIGN[1]), (32, SIGN[2])])
    path = tmp_path / "closing.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert _blocks(pdf)[-2:] == ["\n".join(["Nơi nhận:", *LIST]), "\n".join(SIGN)]
    signer = extract_document(path, Settings(backend="rules")).metadata.signer
    assert signer is not None and (signer.on_behalf_of, signer.name) == (SIGN[0], SIGN[2])
