"""Web pages: portal chrome dropped, the article title kept and exposed, malformed tables keep all text."""

from __future__ import annotations

from pathlib import Path

from llmx.normalize import normalize
from llmx.read import read_bytes, read_document

PORTAL = """<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="Tiêu đề og"><title>Cổng TTĐT huyện</title></head><body>
<div class="logo"><h1 class="logo">Cổng thông tin điện tử huyện Kông Chro</h1></div>
<div class="breadcrumb"><a>Trang chủ</a> » <a>Tin tức</a> » <a>Hoạt động</a></div>
<p>Trang chủ &gt; Tin tức - Sự kiện &gt; Kinh tế</p>
<div class="detail">
<h1 class="title">Kông Chro sơ kết nhiệm vụ 9 tháng năm 2023</h1>
<div class="meta">Ngày đăng: 03/10/2023 <span>Lượt xem: 1.234</span></div>
<div class="share-bar"><a>Facebook</a> <a>Zalo</a> <a>In bài</a></div>
<p>Chia sẻ <a>Facebook</a> <a>Zalo</a></p>
<p>Tổng giá trị sản xuất ước đạt 75,3% kế hoạch.</p>
<p>Thu ngân sách 20,8 tỷ đồng, đạt 80,1% kế hoạch.</p>
<h3>Tin liên quan</h3>
<ul><li><a href="/1">Hội nghị sơ kết 6 tháng</a></li><li><a href="/2">Kỳ họp HĐND</a></li></ul>
<div class="box"><div class="title">Tin khác</div>
<div class="list"><a href="/3">Xã A tổ chức hội nghị</a><a href="/4">Huyện B ra quân</a></div></div>
</div>
<div id="comments">0 bình luận</div>
</body></html>"""


def test_portal_chrome_is_dropped_and_the_article_title_kept() -> None:
    doc = read_bytes(PORTAL.encode(), "page.html")
    assert doc.title == "Kông Chro sơ kết nhiệm vụ 9 tháng năm 2023"
    assert doc.text.split("\n\n") == [
        "Kông Chro sơ kết nhiệm vụ 9 tháng năm 2023",
        "Ngày đăng: 03/10/2023",
        "Tổng giá trị sản xuất ước đạt 75,3% kế hoạch.",
        "Thu ngân sách 20,8 tỷ đồng, đạt 80,1% kế hoạch.",
    ]


def test_og_title_is_the_title_when_the_page_has_no_h1() -> None:
    page = '<html><head><meta property="og:title" content="Báo cáo tháng 5"></head><body><p>Nội dung</p></body></html>'
    assert read_bytes(page.encode(), "p.html").title == "Báo cáo tháng 5"


def test_unclosed_table_keeps_every_paragraph_after_it() -> None:
    page = (
        "<html><body><p>Trước bảng</p><table><tr><td>Chỉ tiêu</td><td>KH</td></tr>"
        "<tr><td>Lúa</td><td>100</td></tr><p>Sau bảng một</p><p>Sau bảng hai: đạt 95%.</p></body></html>"
    )
    doc = read_bytes(page.encode(), "p.html")
    assert doc.text == "Trước bảng\n\nChỉ tiêu | KH\nLúa | 100\n\nSau bảng một\n\nSau bảng hai: đạt 95%."
    (table,) = doc.tables
    assert doc.text[table.start : table.end] == "Chỉ tiêu | KH\nLúa | 100"


def test_paragraphs_swallowed_by_an_unclosed_row_and_stray_cells_keep_their_text() -> None:
    page = (
        "<html><body><table><tr><td>c</td><td>d</td></tr>"
        "<tr><td>a</td><td>b</td><p>Sau bảng một</p><p>Sau hai</p></table>"
        "<p>Một</p><td>ô lạc</td><p>Hai</p>"
        "<table><p>đoạn trong bảng</p><tr><td>x</td><td>1</td></tr>chữ rời<tr><td>y</td><td>2</td></tr></table>"
        "</body></html>"
    )
    text = read_bytes(page.encode(), "p.html").text
    for piece in (
        "c | d\na | b",
        "Sau bảng một",
        "Sau hai",
        "Một",
        "ô lạc",
        "Hai",
        "đoạn trong bảng",
        "x | 1",
        "chữ rời",
        "y | 2",
    ):
        assert piece in text


def test_html_table_spans_merge_and_offsets_hold_through_normalizing() -> None:
    page = (
        "<html><body><table>"
        "<tr><th rowspan=2>Chỉ tiêu</th><th rowspan=2>ĐVT</th><th colspan=2>Năm 2023</th></tr>"
        "<tr><th>KH</th><th>TH</th></tr>"
        "<tr><td>Lúa&nbsp;xuân</td><td>ha</td><td>6.100</td><td>6.128,7</td></tr>"
        "</table></body></html>"
    )
    raw = read_bytes(page.encode(), "p.html")
    assert raw.text == "Chỉ tiêu | ĐVT | Năm 2023\n |  | KH | TH\nLúa\xa0xuân | ha | 6.100 | 6.128,7"
    (t,) = raw.tables
    head, sub, body = t.rows
    assert [(c.col, c.colspan, c.rowspan, c.header) for c in head.cells] == [
        (0, 1, 2, True),
        (1, 1, 2, True),
        (2, 2, 1, True),
    ]
    assert [(c.col, c.covered) for c in sub.cells] == [(0, True), (1, True), (2, False), (3, False)]
    assert head.header and sub.header and not body.header and t.columns == 4
    norm = normalize(raw.text, raw.tables)
    (nt,) = norm.tables
    assert [norm.text[c.start : c.end] for c in nt.rows[2].cells] == ["Lúa xuân", "ha", "6.100", "6.128,7"]


def test_a_txt_file_quoting_body_tags_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "ghi-chu.txt"
    path.write_text("Báo cáo về trang web: thẻ <body> và <html> bị lỗi hiển thị.\nDòng hai.", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "txt" and "<body>" in doc.text


def test_a_file_without_extension_that_is_a_web_page_is_still_html(tmp_path: Path) -> None:
    path = tmp_path / "trang"
    path.write_text("<html><body><p>Báo cáo sơ kết</p></body></html>", encoding="utf-8")
    assert read_document(path).format == "html"


def _word_export_table(evidence: str) -> str:
    """A report's appendix table as a word processor exports it: `<thead>` rows with `<td>` cells."""
    head = "<thead><tr><td><p><b>TT</b></p></td><td><p><b>Tiêu chí</b></p></td><td><p><b>Điểm chuẩn</b></p></td>"
    head += "<td><p><b>Điểm tự đánh giá</b></p></td><td><p><b>Tài liệu kiểm chứng</b></p></td></tr></thead>"
    rows = "".join(
        f"<tr><td><p>{i}</p></td><td><p>Tiêu chí số {i}</p></td><td><p>2.00</p></td><td><p>1.75</p></td>"
        f"<td><p>{evidence}</p><p>Phụ lục {i} kèm theo.</p></td></tr>"
        for i in range(1, 5)
    )
    return f"<html><body><p>PHỤ LỤC</p><table>{head}<tbody>{rows}</tbody></table></body></html>"


def test_a_word_exported_table_with_long_evidence_cells_stays_a_data_table() -> None:
    evidence = "Báo cáo số 12/BC-UBND ngày 05/01/2027 của UBND huyện về kết quả thực hiện " * 6
    raw = read_bytes(_word_export_table(evidence).encode(), "phuluc.html")
    (t,) = raw.tables
    assert [r.header for r in t.rows] == [True, False, False, False, False]
    lines = raw.text.split("\n")
    assert lines[2] == "TT | Tiêu chí | Điểm chuẩn | Điểm tự đánh giá | Tài liệu kiểm chứng"
    assert lines[3].startswith("1 | Tiêu chí số 1 | 2.00 | 1.75 | Báo cáo số 12/BC-UBND")


def test_a_page_laid_out_in_a_table_with_a_long_article_cell_is_still_read_as_paragraphs() -> None:
    article = "".join(f"<p>Đoạn {i}: " + "nội dung báo cáo " * 30 + "</p>" for i in range(2))
    page = (
        "<html><body><table><tr><td colspan=3>Cổng thông tin điện tử</td></tr>"
        f"<tr><td>Menu</td><td>{article}</td><td>Liên kết</td></tr>"
        "<tr><td colspan=3>Bản quyền</td></tr></table></body></html>"
    )
    raw = read_bytes(page.encode(), "page.html")
    assert raw.tables == [] and "Đoạn 1: nội dung" in raw.text


def test_footnote_marks_of_an_exported_report_read_as_the_docx_reader_writes_them() -> None:
    libre = (
        "<html><body><p>Ban hành <b>07 </b>văn bản"
        '<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a> chỉ đạo.</p>'
        '<div id="sdfootnote1"><p><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>'
        "\n\tKế hoạch số 45/KH-UBND ngày 02/3/2027.</p></div></body></html>"
    )
    word = (
        '<html><body><p>Tổ chức 12 cuộc kiểm tra<a href="#_ftn1" name="_ftnref1"><span>[1]</span></a>.</p>'
        '<div id="ftn1"><p><a href="#_ftnref1" name="_ftn1"><span>[1]</span></a> Gồm 05 xã và 07 phường.</p></div>'
        "</body></html>"
    )
    assert read_bytes(libre.encode(), "a.html").text == (
        "Ban hành 07 văn bản[1] chỉ đạo.\n\n[1] Kế hoạch số 45/KH-UBND ngày 02/3/2027."
    )
    assert read_bytes(word.encode(), "b.html").text == "Tổ chức 12 cuộc kiểm tra[1].\n\n[1] Gồm 05 xã và 07 phường."


def test_an_in_page_link_that_is_not_a_note_keeps_its_text() -> None:
    page = '<html><body><p>Xem mục <a href="#muc2">2</a> và <a href="#fnA">ghi chú</a>.</p></body></html>'
    assert read_bytes(page.encode(), "c.html").text == "Xem mục 2 và ghi chú."


def test_an_exported_header_grid_wrapped_in_the_source_is_read_as_its_two_columns() -> None:
    page = (
        "<html><body><table><tr><td><p>ỦY BAN NHÂN DÂN</p></td><td></td><td><p><b>CỘNG\n\t\t\tHÒA XÃ HỘI "
        "CHỦ NGHĨA VIỆT NAM</b></p></td></tr><tr><td><p>XÃ TÂN PHONG</p></td><td></td><td><p><b>Độc\n\t\t\tlập "
        "- Tự do - Hạnh phúc</b></p></td></tr><tr><td><p>Số: 88/BC-UBND</p></td><td></td>"
        "<td><p>Tân Phong, ngày 30 tháng 6 năm 2027</p></td></tr></table></body></html>"
    )
    raw = read_bytes(page.encode(), "h.html")
    assert raw.tables == []
    assert raw.text.split("\n\n")[:3] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ TÂN PHONG"]


def test_a_floating_shape_anchored_inside_a_word_does_not_split_it() -> None:
    page = (
        '<html><body><p><span>S<img src="a.gif" align="left" width="100" height="1"/>\nố:    /BC-UBND</span></p>'
        '<p>Xem ảnh<img src="b.gif"/>\nbên dưới, L<img src="c.gif" align="left"/>\nào Cai.</p></body></html>'
    )
    assert read_bytes(page.encode(), "f.html").text == "Số: /BC-UBND\n\nXem ảnh bên dưới, Lào Cai."
