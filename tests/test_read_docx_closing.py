"""A .docx report's closing block: `Nơi nhận:` and its list at the left, the signature at the
right, in a borderless two-column layout table or set in columns by tabs. The list must come out
whole and in order, under `Nơi nhận:`, wherever Word's layout pushed its first recipient."""

from __future__ import annotations

from pathlib import Path

import docx

from llmx.read import read_document
from llmx.rules.metadata import extract_metadata

HEAD = [
    "SỞ CÔNG THƯƠNG TỈNH BÌNH AN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Số: 35/BC-SCT",
    "Bình An, ngày 12 tháng 4 năm 2026",
    "BÁO CÁO",
    "Kết quả quản lý vật liệu nổ công nghiệp quý I năm 2026",
    "1. Kết quả",
    "Trong quý, Sở đã kiểm tra 14 đơn vị, đạt 100% kế hoạch.",
    "Trên đây là báo cáo của Sở Công Thương tỉnh Bình An./.",
]
SIGNATURE = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Trần Minh Khoa"]
APPENDIX = ["Phụ lục", "DANH MỤC CÁC ĐƠN VỊ ĐƯỢC KIỂM TRA", "(Kèm theo Báo cáo số 35/BC-SCT)"]


def _closing_table(path: Path, left: list[str], after: list[str]) -> Path:
    document = docx.Document()
    for line in HEAD:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, SIGNATURE), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for line in after:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_first_recipient_pushed_onto_the_next_line_by_tabs_stays_first_under_noi_nhan(tmp_path: Path) -> None:
    """The `Nơi nhận:` cell holds `Nơi nhận:\\t\\t\\t   - Như trên;` in one paragraph: in the narrow
    cell the tabs and spaces wrap `- Như trên;` onto the next line. It is the list's first item,
    not a second column: it was moved after the signature, or into the appendix that follows."""
    left = ["Nơi nhận:\t\t\t          " + "           - Như trên;", "- UBND tỉnh (b/c);", "- Lưu: VT, KT."]
    for after in ([], APPENDIX):
        path = _closing_table(tmp_path / f"closing{len(after)}.docx", left, after)
        text = read_document(path).text
        assert text.split("\n\n")[len(HEAD) :] == [
            "Nơi nhận:",
            "- Như trên;",
            "- UBND tỉnh (b/c);",
            "- Lưu: VT, KT.",
            *[line for line in SIGNATURE if line],
            *after,
        ]
        meta = extract_metadata(text)
        assert meta.recipients == ["Như trên", "UBND tỉnh (b/c)", "Lưu: VT, KT"]
        assert meta.signer is not None and meta.signer.name == "Trần Minh Khoa"


def test_recipients_after_a_tab_stay_in_the_list_and_the_signature_column_still_follows_it(tmp_path: Path) -> None:
    """Set in columns by tabs: a bullet after a gap is the next recipient; other text after a
    gap (`KT. GIÁM ĐỐC`) is the signature's column, read after the list."""
    document = docx.Document()
    for line in (
        *HEAD,
        "Nơi nhận:\t- Như trên;\t- Cục Hóa chất;\t\t\tKT. GIÁM ĐỐC",
        "- Lưu: VT.\t\t\t\t\tPHÓ GIÁM ĐỐC",
        "\t\t\t\t\tTrần Minh Khoa",
    ):
        document.add_paragraph(line)
    path = tmp_path / "tabs.docx"
    document.save(str(path))
    text = read_document(path).text
    assert text.split("\n\n")[len(HEAD) :] == [
        "Nơi nhận:",
        "- Như trên;",
        "- Cục Hóa chất;",
        "- Lưu: VT.",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Trần Minh Khoa",
    ]
    assert extract_metadata(text).recipients == ["Như trên", "Cục Hóa chất", "Lưu: VT"]


def test_an_indented_bullet_after_the_closing_block_keeps_its_indent(tmp_path: Path) -> None:
    """A gap before any text is an indent, not a column: `\\t+ Quyển 1` in the appendix stays."""
    after = ["Phụ lục", "- Tập 1: Báo cáo chính:", "\t+ Quyển 1: Thuyết minh."]
    path = _closing_table(tmp_path / "indent.docx", ["Nơi nhận:", "- Như trên;", "- Lưu: VT."], after)
    assert read_document(path).text.split("\n\n")[-1] == "\t+ Quyển 1: Thuyết minh."
