"""The read stage: every format and encoding becomes Unicode text; bad input is an InputError."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import unicodedata
import zipfile
from pathlib import Path

import pytest

from llmx.errors import InputError
from llmx.read import RawDocument, read_bytes, read_document
from llmx.read.legacy import TCVN3_TABLE, repair_legacy
from tests.conftest import Samples
from tests.docgen import fpdf_document, make_docx, make_html, make_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
REPORTS = sorted(SAMPLES.glob("*.txt"))
PARAGRAPH = (
    "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán; Kế hoạch hóa gia đình, "
    "Việt Nam, người dân, quyết định, ưu tiên, ở, ợ, ặ.\nDòng thứ hai: Đảng ủy xã Xuân Phú."
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def collapse(text: str) -> str:
    return " ".join(nfc(text).split())


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps â/ê/ô/ă/ơ/ư/đ precomposed and writes tones as combining marks."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def error_of(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(path) in str(info.value)
    return str(info.value)


# --- dev reports -------------------------------------------------------------------------------

EXPECTED_SENTENCES = {
    "2023-02-district-party-monthly": "Cấp 1027 căn cước công dân, 2158 mã định danh cá nhân.",
    "h1-2018-district-socioeconomic": "105,9 tỷ đồng đạt 45% KH; giải quyết 5.539 hồ sơ hởng các chế độ",
    "h1-2023-commune-party-webpage": "Chi ngân sách xã ước đạt 50,1% dự toán giao",
}


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_dev_report_reads_as_txt_with_only_line_67_repaired(path: Path) -> None:
    doc = read_document(path)
    source = path.read_text(encoding="utf-8")
    assert doc.format == "txt"
    assert doc.path == str(path)
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert EXPECTED_SENTENCES[path.stem] in doc.text
    changed = [n for n, (a, b) in enumerate(zip(source.split("\n"), doc.text.split("\n"), strict=False), 1) if a != b]
    if path.stem == "h1-2018-district-socioeconomic":
        assert changed == [67]
        assert [p.message for p in doc.problems] == [
            "line 67: TCVN3 (ABC) legacy encoding decoded to Unicode; 'ư' may be lost"
        ]
        assert all(p.stage == "read" for p in doc.problems)
    else:
        assert changed == [] and doc.text == source and doc.problems == []


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_docx_twin_of_a_dev_report_round_trips_with_numbering_rendered(path: Path, tmp_path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    docx_path = make_docx(source, tmp_path / "report.docx")
    with zipfile.ZipFile(docx_path) as z:
        assert b'<w:numId w:val="90"/>' in z.read("word/document.xml")  # real auto-numbering used
    doc = read_document(docx_path)
    repaired, _ = repair_legacy(source)
    assert doc.format == "docx"
    assert doc.text == "\n\n".join(line for line in repaired.split("\n") if line.strip())


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_html_twin_of_a_dev_report_drops_chrome_and_keeps_every_paragraph(path: Path, tmp_path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    doc = read_document(make_html(source, tmp_path / "report.html"))
    repaired, _ = repair_legacy(source)
    lines = [line for line in repaired.split("\n") if line.strip()]
    assert doc.format == "html"
    assert doc.text.split("\n\n") == [re.sub(r"[ \t\r\n\f]+", " ", line).strip(" ") for line in lines]


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_pdf_twin_of_a_dev_report_keeps_every_word(path: Path, tmp_path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    doc = read_document(make_pdf(source, tmp_path / "report.pdf"))
    repaired, _ = repair_legacy(source)
    assert doc.format == "pdf"
    assert collapse(doc.text) == collapse(repaired)


# --- text encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "codec, bom",
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
        ("utf-32-le", b"\xff\xfe\x00\x00"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "utf32le-bom"],
)
def test_unicode_encodings_decode_to_the_same_text(codec: str, bom: bytes) -> None:
    doc = read_bytes(bom + PARAGRAPH.encode(codec), "report.txt")
    assert doc.text == PARAGRAPH
    assert doc.format == "txt"
    assert doc.problems == []


def test_windows_1258_decodes_with_combining_tones_left_for_the_normalizer() -> None:
    data = to_cp1258(PARAGRAPH)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    doc = read_bytes(data, "report.txt")
    assert "\u0301" in doc.text  # combining acute: NFC is the next stage's job
    assert nfc(doc.text) == PARAGRAPH
    assert doc.problems == []


def test_tcvn3_encoded_file_is_decoded_whole() -> None:
    table = {u: c for c, u in TCVN3_TABLE.items()}
    lines = [
        "tổng thu ngân sách nhà nước đạt 88,8 tỷ đồng, bằng 8,4% dự toán giao",
        "tổng số",
        "người dân tham gia bảo hiểm y tế đạt tỷ lệ cao, được đánh giá tốt",
        "công tác cải cách hành chính được quan tâm chỉ đạo thực hiện",
    ]
    data = "\n".join("".join(table.get(c, c) for c in line) for line in lines).encode("latin-1")
    doc = read_bytes(data, "old.txt")
    assert doc.text.split("\n") == lines
    assert any("TCVN3" in p.message for p in doc.problems)


def test_truncated_utf8_keeps_its_text_and_reports_the_damage() -> None:
    data = (PARAGRAPH + " hệ").encode("utf-8")[:-1]  # cut inside the 3-byte last character
    doc = read_bytes(data, "cut.txt")
    assert doc.text == PARAGRAPH + " h\ufffd"
    assert [p.message for p in doc.problems] == [
        "1 invalid UTF-8 byte sequence(s) replaced with U+FFFD (damaged or truncated file)"
    ]


def test_vni_encoded_file_is_decoded_whole() -> None:
    vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\nBAÙO CAÙO\nToång soá"
    doc = read_bytes(vni.encode("cp1252"), "vni.txt")
    assert doc.text == "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nBÁO CÁO\nTổng số"
    assert [p.message for p in doc.problems] == [
        f"line {n}: VNI legacy encoding decoded to Unicode" for n in (1, 2, 3, 4)
    ]


def test_non_vietnamese_legacy_text_falls_back_to_charset_detection() -> None:
    text = "Отчёт о работе комитета за первое полугодие: бюджет выполнен, задачи поставлены. " * 3
    doc = read_bytes(text.encode("cp1251"), "note.txt")
    assert doc.text == text
    assert [p.message for p in doc.problems] == ["text encoding guessed as cp1251 (not UTF-8); check the decoded text"]


# --- formats and sniffing ----------------------------------------------------------------------


def test_markdown_extension_gives_md_format(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("# BÁO CÁO\n\n**I. Kết quả**\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "md" and doc.text == "# BÁO CÁO\n\n**I. Kết quả**\n"


def test_content_wins_over_a_misleading_extension(tmp_path: Path) -> None:
    html_path = tmp_path / "page"
    html_path.write_text("<!DOCTYPE html><html><body><p>Báo cáo tháng 2</p></body></html>", encoding="utf-8")
    assert read_document(html_path).format == "html"
    docx_path = make_docx("Báo cáo tháng 2", tmp_path / "report.docx")
    renamed = tmp_path / "report.txt"
    renamed.write_bytes(docx_path.read_bytes())
    doc = read_document(renamed)
    assert doc.format == "docx" and doc.text == "Báo cáo tháng 2"


def test_unknown_extension_with_text_is_read_as_txt(tmp_path: Path) -> None:
    path = tmp_path / "report.bc"
    path.write_text("Báo cáo tháng 2", encoding="utf-8")
    assert read_document(path).format == "txt"


def test_read_bytes_accepts_an_explicit_format() -> None:
    doc = read_bytes("<p>Xin chào</p>".encode(), "inline", fmt="html")
    assert doc.format == "html" and doc.text == "Xin chào"


def test_raw_document_is_frozen() -> None:
    doc = read_bytes(b"abc", "a.txt")
    assert isinstance(doc, RawDocument)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.text = "x"  # type: ignore[misc]


# --- errors ------------------------------------------------------------------------------------


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found") as info:
        read_document(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)


def test_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t ", "\ufeff \n".encode("utf-8"), "\ufeff\n".encode("utf-16")])
def test_empty_or_whitespace_file_is_an_input_error(tmp_path: Path, data: bytes) -> None:
    assert "empty file" in error_of(tmp_path, "empty.txt", data)


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40, "PNG image"),
        ("scan.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF" + b"\x00" * 40, "JPEG image"),
        ("book.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") + b"\x00" * 40, "Excel"),
        ("report.txt", "Báo cáo\x00\x01 tháng\x00 2".encode() * 3, "NUL bytes"),
        ("report.pdf", b"just some text, not a pdf", "no %PDF header"),
        ("report.docx", b"just some text, not a docx", "not a Word document"),
    ],
)
def test_binary_or_mislabelled_input_is_an_input_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    message = error_of(tmp_path, name, data)
    assert "binary or unsupported format" in message and reason in message


def test_zip_that_is_not_a_docx_is_an_input_error(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notes/readme.txt", "xin chào")
    assert "zip archive that is not a .docx" in error_of(tmp_path, "bundle.docx", buf.getvalue())


def test_damaged_docx_is_an_input_error(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document xmlns:w='x'><w:body><w:p>")
    assert "damaged .docx" in error_of(tmp_path, "broken.docx", buf.getvalue())


def test_truncated_docx_is_an_input_error(tmp_path: Path) -> None:
    data = make_docx("Báo cáo tháng 2\n\nI. Kết quả", tmp_path / "whole.docx").read_bytes()
    message = error_of(tmp_path, "cut.docx", data[: len(data) // 2])
    assert "binary or unsupported format (damaged zip archive" in message


def test_truncated_pdf_is_an_input_error(tmp_path: Path) -> None:
    message = error_of(tmp_path, "cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    assert "PDF" in message


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_pages_are_joined_with_a_blank_line(tmp_path: Path) -> None:
    pdf = fpdf_document()
    for text in ("Trang một: Đảng ủy xã Xuân Phú", "Trang hai: người dân được hưởng chế độ"):
        pdf.add_page()
        pdf.cell(text=text)
    path = tmp_path / "two.pdf"
    pdf.output(str(path))
    doc = read_document(path)
    assert doc.format == "pdf"
    assert nfc(doc.text) == "Trang một: Đảng ủy xã Xuân Phú\n\nTrang hai: người dân được hưởng chế độ"


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match=r"PDF has no text layer \(scanned image\?\); it needs OCR first"):
        read_document(path)


def test_pdf_with_some_empty_pages_reports_them(tmp_path: Path) -> None:
    pdf = fpdf_document()
    pdf.add_page()
    pdf.cell(text="Báo cáo")
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    path = tmp_path / "mixed.pdf"
    pdf.output(str(path))
    doc = read_document(path)
    assert doc.text == "Báo cáo"
    assert [p.message for p in doc.problems] == [
        "PDF page(s) 2 of 2 have no text layer (scanned?); their content is missing"
    ]


def test_password_protected_pdf_is_an_input_error(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="secret")
    pdf.set_encryption(owner_password="owner", user_password="user")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="encrypted with a password"):
        read_document(path)


# --- HTML --------------------------------------------------------------------------------------

CHROME_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Cổng thông tin</title>
<style>.x { color: red }</style><script>document.write("<p>Truy cập 158881</p>")</script></head>
<body>
<header><div>Cổng thông tin điện tử xã</div><nav><a href="/">Trang chủ</a> | <a>Giới thiệu</a></nav></header>
<nav class="menu"><ul><li>Tin tức</li><li>Văn bản</li></ul></nav>
<div class="content">
  <h1>BÁO CÁO</h1>
  <h2>Kết quả   thực hiện   nhiệm vụ</h2>
  <p>Tổng thu NSNN đạt 88,8&nbsp;tỷ đồng &amp; chi &lt;50% dự toán.</p>
  <p>Dòng một<br>Dòng hai</p>
  <ul><li>Tuyên truyền <b>kỷ niệm</b> ngày thành lập</li><li>Kiện toàn cán bộ</li></ul>
  <ol type="I"><li>NHỮNG KẾT QUẢ ĐẠT ĐƯỢC</li><li>HẠN CHẾ</li></ol>
  <table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr>
         <tr><td><p>Lúa xuân</p></td><td>6.128,7 ha</td></tr></table>
  <!-- bình luận ẩn -->
  <div style="display:none">ẩn đi</div>
  <noscript>Bật JavaScript</noscript>
  <form><label>Họ tên</label><input></form>
  <iframe src="x"></iframe>
</div>
<aside>Tin mới nhất</aside>
<footer>Địa chỉ: thôn Đông. Điện thoại: 0211 3888 888</footer>
</body></html>
"""


def test_html_chrome_is_dropped_and_layout_kept() -> None:
    doc = read_bytes(CHROME_PAGE.encode("utf-8"), "page.html")
    assert doc.format == "html"
    assert doc.text == (
        "BÁO CÁO\n\n"
        "Kết quả thực hiện nhiệm vụ\n\n"
        "Tổng thu NSNN đạt 88,8\xa0tỷ đồng & chi <50% dự toán.\n\n"
        "Dòng một\nDòng hai\n\n"
        "- Tuyên truyền kỷ niệm ngày thành lập\n- Kiện toàn cán bộ\n\n"
        "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC\nII. HẠN CHẾ\n\n"
        "Chỉ tiêu | Kết quả\nLúa xuân | 6.128,7 ha"
    )
    for chrome in ("Truy cập", "Trang chủ", "Tin tức", "Tin mới", "Địa chỉ", "Họ tên", "ẩn đi", "bình luận", "color"):
        assert chrome not in doc.text


def test_html_meta_charset_windows_1258_is_respected() -> None:
    page = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>'
    page += b"<body><p>" + to_cp1258("Đảng ủy xã Xuân Phú, người dân") + b"</p></body></html>"
    doc = read_bytes(page, "page.htm")
    assert nfc(doc.text) == "Đảng ủy xã Xuân Phú, người dân"


def test_html_declared_latin1_but_really_utf8_is_read_as_utf8() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Việt Nam</p></body></html>'
    assert read_bytes(page.encode("utf-8"), "page.html").text == "Việt Nam"


def test_html_list_items_holding_paragraphs_stay_on_one_line() -> None:
    page = "<ul><li><p>Một</p></li><li><p>Hai</p><ul><li>Hai chấm một</li></ul></li></ul><p>Sau</p>"
    doc = read_bytes(f"<html><body>{page}</body></html>".encode(), "page.html")
    assert doc.text == "- Một\n- Hai\n- Hai chấm một\n\nSau"


def test_web_page_saved_as_doc_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "baocao.doc"
    path.write_text("<html><body><p>Báo cáo sơ kết</p></body></html>", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html" and doc.text == "Báo cáo sơ kết"


def test_html_layout_table_keeps_its_paragraphs() -> None:
    body = "".join(f"<p>Đoạn {i}: " + "nội dung báo cáo " * 10 + "</p>" for i in range(3))
    page = f"<html><body><table><tr><td>Menu</td><td>{body}</td></tr></table></body></html>"
    paragraphs = read_bytes(page.encode(), "page.html").text.split("\n\n")
    assert paragraphs[0] == "Menu"
    assert [p[:7] for p in paragraphs[1:]] == ["Đoạn 0:", "Đoạn 1:", "Đoạn 2:"]


def test_html_with_only_chrome_is_empty() -> None:
    page = b"<html><body><nav>Trang ch\xc3\xba</nav><footer>\xc4\x90\xe1\xbb\x8ba ch\xe1\xbb\x89</footer></body></html>"
    with pytest.raises(InputError, match="empty file"):
        read_bytes(page, "page.html")


def test_html_legacy_vni_paragraph_is_repaired() -> None:
    page = "<html><body><p>Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam</p></body></html>"
    doc = read_bytes(page.encode(), "page.html")
    assert doc.text == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert [p.message for p in doc.problems] == ["line 1: VNI legacy encoding decoded to Unicode"]


# --- DOCX --------------------------------------------------------------------------------------

NUMBERING = f"""
<w:abstractNum xmlns:w="{W}" w:abstractNumId="70">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
</w:abstractNum>|
<w:abstractNum xmlns:w="{W}" w:abstractNumId="72">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/>
    <w:lvlRestart w:val="0"/></w:lvl>
</w:abstractNum>|
<w:num xmlns:w="{W}" w:numId="70"><w:abstractNumId w:val="70"/></w:num>|
<w:num xmlns:w="{W}" w:numId="71"><w:abstractNumId w:val="70"/>
  <w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>|
<w:num xmlns:w="{W}" w:numId="72"><w:abstractNumId w:val="72"/></w:num>
"""


def _numbered_docx(tmp_path: Path, paragraphs: list[tuple[str, str | None, int | None]]) -> Path:
    """A .docx whose paragraphs carry (text, numId, ilvl) through real numbering.xml definitions."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W}}}num")
    for xml in NUMBERING.split("|"):
        element = parse_xml(xml.strip())
        if element.tag.endswith("abstractNum"):
            first_num.addprevious(element)
        else:
            numbering.append(element)
    for text, num_id, ilvl in paragraphs:
        paragraph = document.add_paragraph(text)
        if num_id is not None:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
            )
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    return path


def test_docx_multilevel_numbering_is_rendered(tmp_path: Path) -> None:
    path = _numbered_docx(
        tmp_path,
        [
            ("BÁO CÁO", None, None),
            ("KẾT QUẢ ĐẠT ĐƯỢC", "70", 0),
            ("Nông nghiệp", "70", 1),
            ("Trồng trọt", "70", 2),
            ("Lúa xuân", "70", 3),
            ("Lúa mùa", "70", 3),
            ("gieo cấy đúng khung thời vụ", "70", 4),
            ("Chăn nuôi", "70", 2),
            ("Công nghiệp", "70", 1),
            ("Tiểu thủ công nghiệp", "70", 2),
            ("Đoạn văn thường.", None, None),
            ("HẠN CHẾ", "70", 0),
            ("Hạn chế", "70", 1),
            ("Nguyên nhân", "71", 1),  # startOverride 5 on a second instance of the same list
            ("Tiếp tục", "70", 1),  # the shared counter continues after the override
            ("NHIỆM VỤ", "72", 0),
            ("Một", "72", 1),
            ("PHƯƠNG HƯỚNG", "72", 0),
            ("Hai", "72", 1),  # lvlRestart 0: never restarts
        ],
    )
    assert read_document(path).text.split("\n\n") == [
        "BÁO CÁO",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
        "1. Nông nghiệp",
        "1.1. Trồng trọt",
        "a) Lúa xuân",
        "b) Lúa mùa",
        "- gieo cấy đúng khung thời vụ",
        "1.2. Chăn nuôi",
        "2. Công nghiệp",
        "2.1. Tiểu thủ công nghiệp",
        "Đoạn văn thường.",
        "II. HẠN CHẾ",
        "1. Hạn chế",
        "5. Nguyên nhân",
        "6. Tiếp tục",
        "A. NHIỆM VỤ",
        "A.1. Một",
        "B. PHƯƠNG HƯỚNG",
        "B.2. Hai",
    ]


def test_docx_numbering_from_paragraph_styles_is_rendered(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for text, style in [
        ("Một", "List Number"),
        ("Hai", "List Number"),
        ("chấm", "List Bullet"),
        ("Ba", "List Number"),
        ("Thường", None),
    ]:
        document.add_paragraph(text, style=style)
    path = tmp_path / "styled.docx"
    document.save(str(path))
    assert read_document(path).text == "1. Một\n\n2. Hai\n\n- chấm\n\n3. Ba\n\nThường"


def test_docx_tables_tabs_and_breaks_are_read_in_body_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "ĐẢNG BỘ HUYỆN LẬP THẠCH"
    table.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    table.cell(1, 0).text = "Số 198-BC/HU"
    table.cell(1, 1).add_paragraph("Lập Thạch, ngày 25 tháng 2 năm 2023")
    paragraph = document.add_paragraph("BÁO CÁO")
    paragraph.add_run().add_break()
    paragraph.add_run("Kết quả\tthực hiện")
    document.add_paragraph("")
    document.add_paragraph("Cuối.")
    path = tmp_path / "table.docx"
    document.save(str(path))
    assert read_document(path).text == (
        "ĐẢNG BỘ HUYỆN LẬP THẠCH\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 198-BC/HU\n\n"
        "Lập Thạch, ngày 25 tháng 2 năm 2023\n\nBÁO CÁO\nKết quả\tthực hiện\n\nCuối."
    )


def test_docx_runs_in_vntime_fonts_are_decoded_by_font(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Tæng sè").font.name = ".VnTime"  # too short for text heuristics; the font decides
    paragraph.add_run(" - Unicode thường: Việt Nam")
    document.add_paragraph().add_run("b¸o c¸o").font.name = ".VnTimeH"  # the capitals variant
    path = tmp_path / "vntime.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.text == "Tổng số - Unicode thường: Việt Nam\n\nBÁO CÁO"
    assert [p.message for p in doc.problems] == [
        'paragraph "Tổng số - Unicode thường: Việt Nam" in the legacy font .VnTime decoded from TCVN3 (ABC) to Unicode',
        'paragraph "BÁO CÁO" in the legacy font .VnTimeH decoded from TCVN3 (ABC) to Unicode',
    ]


def test_docx_unicode_text_in_a_legacy_default_font_is_not_decoded(tmp_path: Path) -> None:
    """The file 17 defect: a document whose default font is .VnTime, typed in Unicode, read as
    `Tỡnh hỡnh quản lý`; letters no 8-bit font can store (`ả`, `ử`) say the run is Unicode."""
    import docx

    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"
    document.add_paragraph("1. Tình hình quản lý, sử dụng VLNCN")  # Unicode, in the default font
    mixed = document.add_paragraph()
    mixed.add_run("Tình hình ")  # Latin-1 letters only: alone it could be 8-bit text
    mixed.add_run("sử dụng, ")  # ...but its paragraph is plainly Unicode
    mixed.add_run("Sè liÖu")  # while this run still reads far better decoded
    document.add_paragraph("B¸o c¸o tæng kÕt")  # a whole paragraph of real TCVN3: decoded
    path = tmp_path / "default-vntime.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.text == "1. Tình hình quản lý, sử dụng VLNCN\n\nTình hình sử dụng, Số liệu\n\nBáo cáo tổng kết"
    assert [p.message for p in doc.problems] == [
        f'paragraph "{quoted}" in the legacy font .VnTime decoded from TCVN3 (ABC) to Unicode'
        for quoted in ("Tình hình sử dụng, Số liệu", "Báo cáo tổng kết")
    ]


def test_docx_many_decoded_paragraphs_are_reported_in_one_message(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for _ in range(12):
        document.add_paragraph().add_run("B¸o c¸o tæng kÕt").font.name = ".VnTime"
    path = tmp_path / "legacy.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.text.split("\n\n") == ["Báo cáo tổng kết"] * 12
    assert [p.message for p in doc.problems] == [
        "12 paragraph(s) in the legacy font .VnTime decoded from TCVN3 (ABC) to Unicode"
    ]


def test_docx_runs_in_vni_fonts_are_decoded_by_font(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph().add_run("Ñaûng uûy xaõ").font.name = "VNI-Times"
    path = tmp_path / "vni.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.text == "Đảng ủy xã"
    assert [p.message for p in doc.problems] == [
        'paragraph "Đảng ủy xã" in the legacy font VNI-Times decoded from VNI to Unicode'
    ]


def test_docx_footnotes_are_anchored_and_appended(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Kiện toàn cán bộ theo quy định")
    document.add_paragraph("Kết thúc.")
    path = tmp_path / "notes.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"theo quy \xc4\x91\xe1\xbb\x8bnh</w:t></w:r>",
        b'theo quy \xc4\x91\xe1\xbb\x8bnh</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r>',
    )
    parts["word/footnotes.xml"] = (
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
        "Điều động 04 công chức.</w:t></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert read_document(path).text == ("Kiện toàn cán bộ theo quy định[1]\n\nKết thúc.\n\n[1] Điều động 04 công chức.")


def test_hard_wrapped_text_is_rejoined_into_paragraphs() -> None:
    wrapped = (
        "ỦY BAN NHÂN DÂN\nXÃ ..........\nSố:\n\n/BC-UBND\n\nBÁO CÁO\n"
        "Kể từ đầu nhiệm kỳ tình hình kinh tế - xã hội trên địa bàn xã vẫn còn nhiều\n"
        "khó khăn. Nhưng nhờ sự tập trung lãnh đạo của Đảng ủy, chỉ đạo điều hành quyết\n"
        "liệt của UBND xã, sự nổ lực của các ngành, đoàn thể, và của toàn thể nhân dân đã\n"
        "tập trung tháo gỡ những khó khăn.\n1. Sản xuất nông nghiệp\n"
        "Xác định nông nghiệp là mũi nhọn, thế mạnh trong phát triển kinh tế xã hội\n"
        "của xã, đã tập trung lãnh đạo phát triển nông nghiệp theo hướng ổn định\n\n\n"
        "và bền vững.\na) Trồng trọt\n"
    )
    assert read_bytes(wrapped.encode(), "wrapped.txt").text == (
        "ỦY BAN NHÂN DÂN\nXÃ ..........\nSố: /BC-UBND\n\nBÁO CÁO\n"
        "Kể từ đầu nhiệm kỳ tình hình kinh tế - xã hội trên địa bàn xã vẫn còn nhiều khó khăn. Nhưng nhờ sự "
        "tập trung lãnh đạo của Đảng ủy, chỉ đạo điều hành quyết liệt của UBND xã, sự nổ lực của các ngành, "
        "đoàn thể, và của toàn thể nhân dân đã tập trung tháo gỡ những khó khăn.\n1. Sản xuất nông nghiệp\n"
        "Xác định nông nghiệp là mũi nhọn, thế mạnh trong phát triển kinh tế xã hội của xã, đã tập trung "
        "lãnh đạo phát triển nông nghiệp theo hướng ổn định và bền vững.\na) Trồng trọt\n"
    )


def test_text_written_one_paragraph_per_line_is_not_rejoined(samples: Samples) -> None:
    from llmx.read.wrapped import unwrap

    for path in samples.dev:
        text = path.read_text(encoding="utf-8")
        assert unwrap(text) == text


def _docx_with_notes(tmp_path: Path, body: str, notes: str) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Kiện toàn cán bộ")
    path = tmp_path / "notes.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"</w:t></w:r>", b"</w:t></w:r>" + body.encode(), 1)
    parts["word/footnotes.xml"] = f'<w:footnotes xmlns:w="{W}">{notes}</w:footnotes>'.encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def test_docx_footnote_whose_mark_is_wrapped_in_parentheses_keeps_its_text(tmp_path: Path) -> None:
    sup = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    note = (
        f'<w:footnote w:id="4"><w:p><w:r>{sup}<w:t>(</w:t></w:r><w:r><w:footnoteRef/></w:r>'
        f'<w:r>{sup}<w:t xml:space="preserve">) </w:t></w:r><w:r><w:t xml:space="preserve"> Gồm: UBND xã Tà Năng.</w:t>'
        "</w:r></w:p></w:footnote>"
    )
    path = _docx_with_notes(tmp_path, '<w:r><w:footnoteReference w:id="4"/></w:r>', note)
    assert read_document(path).text == "Kiện toàn cán bộ[1]\n\n[1] Gồm: UBND xã Tà Năng."


def test_docx_header_grid_cells_lose_their_padding(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "  UBND TỈNH LÂM ĐỒNG "
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(1, 0).text = " Số:          /BC-UBND     "
    table.cell(1, 1).text = "Lâm Đồng, ngày      tháng 3 năm 2026"
    path = tmp_path / "grid.docx"
    document.save(str(path))
    assert read_document(path).text.split("\n\n") == [
        "UBND TỈNH LÂM ĐỒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số:          /BC-UBND",
        "Lâm Đồng, ngày      tháng 3 năm 2026",
    ]


def test_docx_recipients_and_signature_set_in_columns_by_tabs_read_left_then_right(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in (
        "Trên đây là báo cáo tổng kết./.",
        "Nơi nhận:\t\t\t\t\t\t              KT. CHỦ TỊCH",
        "- Văn phòng Bộ Công an;\t\t\t\t                 PHÓ CHỦ TỊCH\t     ",
        "- Các sở: Nông nghiệp và Môi trường, ",
        "Tài chính, Công Thương, Xây dựng;",
        "- Lưu: VT. NC.",
        "\t                                         Nguyễn Minh\t\t        ",
    ):
        document.add_paragraph(line)
    path = tmp_path / "closing.docx"
    document.save(str(path))
    assert read_document(path).text.split("\n\n") == [
        "Trên đây là báo cáo tổng kết./.",
        "Nơi nhận:",
        "- Văn phòng Bộ Công an;",
        "- Các sở: Nông nghiệp và Môi trường, Tài chính, Công Thương, Xây dựng;",
        "- Lưu: VT. NC.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Minh",
    ]


def test_docx_a_long_paragraph_opening_with_noi_nhan_is_read_as_text_not_a_distribution_list(tmp_path: Path) -> None:
    import docx

    article = "Nơi nhận hồ sơ là bộ phận một cửa của cơ quan cấp phép; " * 8  # a decree's article, one paragraph
    document = docx.Document()
    for line in ("Điều 5. Hồ sơ đề nghị cấp phép", article.strip(), "Điều 6. Thời hạn giải quyết"):
        document.add_paragraph(line)
    path = tmp_path / "decree.docx"
    document.save(str(path))
    assert read_document(path).text.split("\n\n") == [
        "Điều 5. Hồ sơ đề nghị cấp phép",
        article.strip(),
        "Điều 6. Thời hạn giải quyết",
    ]


def test_hard_wrapped_text_is_rejoined_where_the_next_line_opens_with_a_capital_or_a_figure() -> None:
    """A web copy wraps at a width, not at words: a line cut before a name (`Ủy ban`), an
    abbreviation (`UBND`) or a figure (`15/2025/NĐ-CP`, `92%`) goes on as surely as one cut
    before a lower-case word, when the next word would not have fitted on it. A short line
    (a heading) or a line that ends its sentence stays apart, and so does a bullet, an indented
    line (a new paragraph) and a `-----` rule under a title."""
    wrapped = (
        "BÁO CÁO\n"
        "  Kết quả thực hiện nhiệm vụ chuyển đổi số trên địa bàn xã Tân Lập tháng 3/2026\n"
        "--------------------------------------------------\n"
        "  Kết quả thực hiện nhiệm vụ chuyển đổi số trên địa bàn xã Tân Lập quý I năm 2026\n"
        "\tThực hiện chỉ đạo của UBND huyện, UBND xã báo cáo kết quả như sau:\n"
        "1. Công tác chỉ đạo\n"
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2026 của Ủy ban nhân dân huyện về\n"
        "triển khai nhiệm vụ chuyển đổi số, UBND xã đã ban hành văn bản chỉ đạo các\n"
        "ngành, đoàn thể tổ chức thực hiện; kết quả tỷ lệ hồ sơ trực tuyến toàn trình đạt\n"
        "92%, tăng 14% so với cùng kỳ năm trước, vượt chỉ tiêu huyện giao theo Nghị định\n"
        "số 15/2025/NĐ-CP ngày 03/02/2025 của Chính phủ và hướng dẫn của Sở Khoa học và\n"
        "Công nghệ tỉnh về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại\n"
        "UBND xã được công khai đầy đủ trên Cổng dịch vụ công quốc gia. Số hồ sơ nhận:\n"
        "chứng thực 230; hộ tịch 412; đất đai: 57.\n"
        "Ý kiến: Công văn số 210/SNN-VP ngày 20/3/2026 của Sở Nông nghiệp và Môi trường;\n"
        "Công văn số 315/STC-NS ngày 22/3/2026 của Sở Tài chính.\n"
        "2. Nhiệm vụ tháng tới\n"
        "- Tiếp tục đẩy mạnh tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực\n"
        "tuyến, tài khoản định danh điện tử mức độ 2 trên địa bàn xã.\n"
        "- Đề nghị UBND huyện hỗ trợ kinh phí mua sắm thiết bị số hóa cho bộ phận một\n"
        "cửa.\n"
    )
    text = read_bytes(wrapped.encode(), "wrapped.txt").text
    assert text.split("\n") == [
        "BÁO CÁO",
        "  Kết quả thực hiện nhiệm vụ chuyển đổi số trên địa bàn xã Tân Lập tháng 3/2026",
        "--------------------------------------------------",
        "  Kết quả thực hiện nhiệm vụ chuyển đổi số trên địa bàn xã Tân Lập quý I năm 2026",
        "\tThực hiện chỉ đạo của UBND huyện, UBND xã báo cáo kết quả như sau:",
        "1. Công tác chỉ đạo",
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2026 của Ủy ban nhân dân huyện về triển khai nhiệm vụ "
        "chuyển đổi số, UBND xã đã ban hành văn bản chỉ đạo các ngành, đoàn thể tổ chức thực hiện; kết quả "
        "tỷ lệ hồ sơ trực tuyến toàn trình đạt 92%, tăng 14% so với cùng kỳ năm trước, vượt chỉ tiêu huyện "
        "giao theo Nghị định số 15/2025/NĐ-CP ngày 03/02/2025 của Chính phủ và hướng dẫn của Sở Khoa học và "
        "Công nghệ tỉnh về số hóa hồ sơ, kết quả giải quyết thủ tục hành chính tại UBND xã được công khai "
        "đầy đủ trên Cổng dịch vụ công quốc gia. Số hồ sơ nhận: chứng thực 230; hộ tịch 412; đất đai: 57.",
        "Ý kiến: Công văn số 210/SNN-VP ngày 20/3/2026 của Sở Nông nghiệp và Môi trường; Công văn số "
        "315/STC-NS ngày 22/3/2026 của Sở Tài chính.",
        "2. Nhiệm vụ tháng tới",
        "- Tiếp tục đẩy mạnh tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến, tài khoản "
        "định danh điện tử mức độ 2 trên địa bàn xã.",
        "- Đề nghị UBND huyện hỗ trợ kinh phí mua sắm thiết bị số hóa cho bộ phận một cửa.",
        "",
    ]
