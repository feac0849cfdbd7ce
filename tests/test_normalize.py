import unicodedata

from llmx.normalize import normalize
from tests.conftest import MONTHLY, SOCIO, WEBPAGE


def test_combining_tone_marks_are_composed_to_nfc():
    raw = SOCIO.read_text(encoding="utf-8")
    text = normalize(raw).text
    assert raw.count("Quyết định") < text.count("Quyết định")
    assert unicodedata.is_normalized("NFC", text)


def test_line_endings_nbsp_and_zero_width_are_normalized():
    n = normalize("Dòng\u00a0một\r\nDòng\u200b hai\ufeff\r\n")
    assert n.text == "Dòng một\nDòng hai\n"


def test_markdown_emphasis_and_atx_markers_are_removed_but_star_headings_stay():
    raw = (
        "#### **1. Sản xuất nông nghiệp**\n"
        "*** Một số hạn chế, yếu kém**\n"
        "Tổng số 35 đ/c (*không kỷ luật 02; khiển trách 21*); “*Chủ nhật đỏ*”\n"
        "  *  ĐÁNH GIÁ CHUNG .\n"
        "\\* *Thương mại:* Tổng mức bán lẻ\n"
        "**Kết quả thực hiện công tác tháng 2,\nnăm 2023**\n"
    )
    assert normalize(raw).text == (
        "1. Sản xuất nông nghiệp\n"
        "* Một số hạn chế, yếu kém\n"
        "Tổng số 35 đ/c (không kỷ luật 02; khiển trách 21); “Chủ nhật đỏ”\n"
        "  *  ĐÁNH GIÁ CHUNG .\n"
        "* Thương mại: Tổng mức bán lẻ\n"
        "Kết quả thực hiện công tác tháng 2,\nnăm 2023\n"
    )


def test_words_numbers_and_typos_are_never_rewritten():
    raw = MONTHLY.read_text(encoding="utf-8")
    text = normalize(raw).text
    for typo in ("chuyên biến tích cực", "Hướng ứng cuộc thi", "Triển triển khai", "16,7/715,9 tỷ đồng"):
        assert typo in raw and typo in text
    assert text.replace("*", "") == raw.replace("*", "")


def test_web_page_keeps_one_copy_of_the_body_and_says_so():
    raw = WEBPAGE.read_text(encoding="utf-8")
    n = normalize(raw)
    assert raw.count("Tổng thu ngân sách đến 30/6/2023") == 2
    assert n.text.count("Tổng thu ngân sách đến 30/6/2023") == 1
    assert n.text.count("[2]Như: Thu ngân sách nhà nước đạt 45,7%") == 1
    assert any("repeats the report body" in p.message for p in n.problems)


def test_web_chrome_is_removed_around_the_report_only():
    n = normalize(WEBPAGE.read_text(encoding="utf-8"))
    for chrome in ("Truy cập", "Hôm nay:", "158881", "bình luận", "Bấm vào đây", "SĐT:", "huyminh.tp@gmai.com"):
        assert chrome not in n.text
    assert "ĐẢNG ỦY XÃ XUÂN PHÚ" in n.text and "Bùi Văn Hoàng" in n.text
    assert any("chrome" in p.message for p in n.problems)


def test_an_office_file_or_pdf_keeps_repeated_clauses_and_contact_lines(tmp_path):
    """Only a saved web page can carry site chrome or a second copy of its body; a decree repeats
    whole clauses and a letter ends with addresses and phone numbers, and both are its own text."""
    from llmx.pipeline import prepare
    from tests.docgen import make_docx

    clause = "Cơ quan tiếp nhận hồ sơ có trách nhiệm kiểm tra tính đầy đủ của hồ sơ trong thời hạn 03 ngày làm việc."
    clauses = [clause, clause.replace("03", "05"), clause.replace("03", "07")]
    closing = ["Nơi nhận:", "- Như Điều 2;", "./.", "Địa chỉ: số 1 đường Trần Phú", "Điện thoại: 0214 3840 000"]
    body = "\n".join(["QUYẾT ĐỊNH", "Điều 1. Cấp giấy phép", *clauses, "Điều 2. Gia hạn giấy phép", *clauses, *closing])
    text = normalize(body).text  # read as a web page, the second copy and the contact lines go
    assert text.count(clause) == 1 and "Điện thoại" not in text
    prepared = prepare(make_docx(body, tmp_path / "decree.docx"))
    assert prepared.text.count(clause) == 2 and "Điện thoại: 0214 3840 000" in prepared.text
    assert not prepared.norm.problems


def test_contact_words_inside_a_report_are_not_chrome():
    raw = "BÁO CÁO\nTiêu đề\n\n1. Công tác\nĐịa chỉ: thôn Đồng Luồng được sửa chữa.\nTất cả: 12 hộ được hỗ trợ.\n"
    assert normalize(raw).text == raw


def test_source_map_points_every_character_at_its_origin():
    for path in (MONTHLY, SOCIO, WEBPAGE):
        raw = path.read_text(encoding="utf-8")
        n = normalize(raw)
        assert len(n.source_map) == len(n.text)
        for i in range(0, len(n.text), 7):
            src = raw[n.source_offset(i)]
            src = src.replace("\xa0", " ")
            # a composed character keeps its source base letter and marks (plus composed-in marks)
            got, origin = unicodedata.normalize("NFD", n.text[i]), unicodedata.normalize("NFD", src)
            assert got[0] == origin[0] and set(origin[1:]) <= set(got[1:])
        assert list(n.source_map) == sorted(n.source_map)


def test_site_lines_of_page_excerpts_are_chrome_wherever_they_stand():
    raw = (
        "Skip to main content\n\nTải bản đầy đủ (.doc) (24 trang)\n\nBÁO CÁO SƠ KẾT\n\n"
        "Bạn đang xem bản rút gọn của tài liệu. Xem và tải ngay bản đầy đủ của tài liệu tại đây "
        "(211.76 KB, 24 trang )\n\n"
        "Lượt xem: 1.234\n\nTổng thu ngân sách đạt 88,8 tỷ đồng; lượt xem: trang tin được cập nhật.\n"
    )
    n = normalize(raw)
    assert (
        n.text == "\n\nBÁO CÁO SƠ KẾT\n\n\n\nTổng thu ngân sách đạt 88,8 tỷ đồng; lượt xem: trang tin được cập nhật.\n"
    )
    assert any("chrome" in p.message for p in n.problems)


def test_the_fast_character_pass_equals_the_cluster_by_cluster_pass():
    import random

    from llmx.characters import _clusters, char_pass
    from llmx.source_map import Runs

    def _cluster_pass(raw: str, start: int) -> tuple[str, list[int]]:
        parts: list[str] = []
        runs = Runs()
        out = _clusters(raw, start, len(raw), parts, runs, 0)
        return "".join(parts), list(runs.map(out))

    def _fast(raw: str) -> tuple[str, list[int]]:
        text, smap = char_pass(raw)
        return text, list(smap)

    vietnamese = "Tổng thu ngân sách đạt 88,8 tỷ đồng; Ủy ban nhân dân huyện"
    pieces = [
        "abc ",
        "\n",
        "\r\n",
        "\r",  # a lone CR (old Mac line ends)
        vietnamese,
        unicodedata.normalize("NFD", vietnamese),  # decomposed: marks to compose
        "\u0301",  # a mark alone (also after a newline or a zero-width character)
        "\u0323\u0302",  # marks out of canonical order
        "\xa0",
        "\u2009",
        "\u3000",
        "\t",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u212b",  # ANGSTROM SIGN: NFC changes it alone
        "\u0b47\u0b3e",  # two starters that compose
        "\u1100\u1161\u11a8",  # Hangul jamo that compose into a syllable
        "**đậm** *nghiêng*",
    ]
    rng = random.Random(14)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert _fast(text) == _cluster_pass(text, 0), repr(text)
    for path in (MONTHLY, SOCIO, WEBPAGE):
        raw = path.read_text(encoding="utf-8")
        assert _fast(raw) == _cluster_pass(raw, 0)


def test_cr_only_line_endings_give_lines_and_sections():
    from llmx.sections import split_sections

    raw = "BÁO CÁO\rKết quả tháng 3\r\rI. KẾT QUẢ\r1. Nông nghiệp\rGieo cấy 120 ha.\r\nII. NHIỆM VỤ\r"
    n = normalize(raw)
    assert n.text == "BÁO CÁO\nKết quả tháng 3\n\nI. KẾT QUẢ\n1. Nông nghiệp\nGieo cấy 120 ha.\nII. NHIỆM VỤ\n"
    assert [s.heading for s in split_sections(n.text).sections] == ["KẾT QUẢ", "Nông nghiệp", "NHIỆM VỤ"]
    assert raw[n.source_offset(n.text.index("1. Nông"))] == "1"


PORTAL_CARD = (
    "Báo cáo Kết quả 6 tháng đầu năm 2022\n\nBáo cáo Kết quả 6 tháng đầu năm 2022\n\n"
    "Số kí hiệu Số: 218 /BC-UBND\nNgày ban hành 24/06/2022\nNgày bắt đầu hiệu lực 24/06/2022\n"
    "Thể loại Văn bản\nLĩnh vực Văn bản chỉ đạo điều hành\nCơ quan ban hành Khác\nNgười ký Nguyễn Văn Hùng\n\n"
    "Nội dung\n\nỦY BAN NHÂN DÂN\nXÃ CẨM HÀ\n\nSố: 218 /BC-UBND\n\nBÁO CÁO\nKết quả 6 tháng\n\n"
    "Lĩnh vực nông nghiệp đạt 95% kế hoạch.\n"
)


def test_a_portal_document_card_and_a_repeated_headline_are_chrome():
    text = normalize(PORTAL_CARD).text
    assert text.count("Báo cáo Kết quả 6 tháng đầu năm 2022") == 1
    for chrome in ("Số kí hiệu", "Ngày ban hành", "Thể loại", "Người ký", "Nội dung"):
        assert chrome not in text
    assert text.endswith(
        "ỦY BAN NHÂN DÂN\nXÃ CẨM HÀ\n\nSố: 218 /BC-UBND\n\nBÁO CÁO\nKết quả 6 tháng\n\n"
        "Lĩnh vực nông nghiệp đạt 95% kế hoạch.\n"
    )


def test_one_labelled_line_is_not_a_portal_card():
    raw = "Lĩnh vực nông nghiệp\nNgười ký kết hợp đồng là 12 hộ.\n\nBÁO CÁO\nKết quả\n"
    assert normalize(raw).text == raw


def test_captions_stamps_timestamps_and_bylines_of_news_pages_are_chrome():
    paragraph = "Sáng ngày 03/02/2025, Ban Thường vụ Huyện ủy họp thường lệ tháng 01/2025, đánh giá kết quả " * 2
    raw = (
        " date 2023-06 Chiều 7/6, UBND huyện tổ chức họp thường kỳ tháng 5.\n\n14-08-2018 - 15:38\n\n"
        f"{paragraph}\nẢnh: toàn cảnh phiên họp\nBan Thường vụ Huyện ủy họp lệ tháng 01/2025. Ảnh: Kim Thoa\n"
        f"{paragraph}\n\nCTV Phương Liên\n\n"
    )
    text = normalize(raw).text
    assert text.startswith("Chiều 7/6, UBND huyện tổ chức họp thường kỳ tháng 5.\n")
    for chrome in ("date 2023-06", "15:38", "Ảnh:", "Phương Liên"):
        assert chrome not in text
    assert text.count(paragraph) == 2


def test_a_signer_name_after_the_title_line_is_not_a_byline():
    raw = "Trên đây là báo cáo kết quả công tác tháng 3 của UBND xã.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n"
    raw += "Nguyễn Văn Hùng\n"
    assert normalize(raw).text == raw
    closing = "Trên đây là báo cáo kết quả công tác tháng 3 năm 2025 của UBND xã An Bình, "
    closing += "đề nghị UBND huyện xem xét, tổng hợp./.\n\n"
    assert normalize(closing + "Nguyễn Văn Hùng\n").text == closing + "Nguyễn Văn Hùng\n"
    assert normalize(closing + "CTV Phương Liên\n").text == closing  # a byline says so


def test_two_report_forms_that_share_their_rows_are_both_kept():
    row = "{} | Tổng diện tích các cụm công nghiệp đã được phê duyệt quy hoạch chi tiết theo phương án | ha |  | "
    form = "\n".join(row.format(k) for k in ("9", "10", "11", "12"))
    raw = f"Biểu số 03. Cấp huyện\n\n{form}\n\nBiểu số 04. Cấp tỉnh\n\n{form}\n"
    n = normalize(raw)
    assert n.text.count("| ha |") == 8 and not any("repeats the report body" in p.message for p in n.problems)


def test_surrogate_halves_from_a_pdf_text_layer_become_characters_that_utf8_can_hold():
    # pdfium hands `𝑄` (U+1D444, a math letter in a formula) over as two UTF-16 halves; left as
    # they were, writing the report JSON failed ("surrogates not allowed")
    raw = "Rc = Kc.3√\ud835\udc44 (m); lẻ \ud835 và \udc44\u0301 hết\n"
    n = normalize(raw, web=False)
    assert n.text == "Rc = Kc.3√𝑄 (m); lẻ \ufffd và \ufffd\u0301 hết\n"
    n.text.encode("utf-8")  # raises on any surrogate left
    q = n.text.index("𝑄")
    assert n.source_offset(q) == raw.index("\ud835")
    assert raw[n.source_offset(q + 1) :].startswith(" (m)")
    assert raw[n.source_offset(n.text.index("hết")) :].startswith("hết")
