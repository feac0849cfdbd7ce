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

    from llmx.normalize import _char_pass, _cluster_pass

    vietnamese = "Tổng thu ngân sách đạt 88,8 tỷ đồng; Ủy ban nhân dân huyện"
    pieces = [
        "abc ",
        "\n",
        "\r\n",
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
        assert _char_pass(text) == _cluster_pass(text, 0), repr(text)
    for path in (MONTHLY, SOCIO, WEBPAGE):
        raw = path.read_text(encoding="utf-8")
        assert _char_pass(raw) == _cluster_pass(raw, 0)
