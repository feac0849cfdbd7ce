"""Where the last part ends when a report has no `Trên đây` / `Nơi nhận` line: its courtesy line,
its signature block, and an appendix after the signature whose own numbered parts must not make
the closing look like the body. All texts are invented."""

from llmx.sections import split_sections

HEADER = (
    "UBND XÃ AN BÌNH\nSố: 12/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "An Bình, ngày 20 tháng 6 năm 2024\nBÁO CÁO\nKết quả thực hiện nhiệm vụ 6 tháng đầu năm 2024\n"
)
BODY = (
    "I. KẾT QUẢ ĐẠT ĐƯỢC\nThu ngân sách đạt 2.100 triệu đồng, đạt 60% dự toán.\n"
    "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\nTiếp tục thu ngân sách.\n"
)


def _last_part_text(text: str) -> str:
    layout = split_sections(text)
    last = next(s for s in layout.sections if s.level == 1 and s.number == "II")
    return text[last.start : last.end]


def test_courtesy_line_opens_the_closing_block() -> None:
    text = HEADER + BODY + "Trân trọng./.\nCHỦ TỊCH\nNguyễn Văn A\n"
    part = _last_part_text(text)
    assert part.rstrip().endswith("Tiếp tục thu ngân sách.")
    assert split_sections(text).body_end == text.index("Trân trọng")


def test_kinh_trinh_line_opens_the_closing_block() -> None:
    text = HEADER + BODY + "Kính trình UBND huyện xem xét, chỉ đạo./.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n"
    assert split_sections(text).body_end == text.index("Kính trình")


def test_signature_block_alone_ends_the_last_part() -> None:
    text = HEADER + BODY + "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n"
    part = _last_part_text(text)
    assert "CHỦ TỊCH" not in part and part.rstrip().endswith("Tiếp tục thu ngân sách.")


def test_a_kinh_de_nghi_paragraph_in_the_last_part_stays_in_the_body() -> None:
    text = HEADER + BODY + "Kính đề nghị UBND huyện hỗ trợ kinh phí sửa chữa trụ sở.\n"
    assert "Kính đề nghị" in _last_part_text(text)


def test_numbered_parts_of_an_appendix_after_the_signature_stay_inside_it() -> None:
    """LABELING: the appendix is one level-1 section; its own `I.`/`1.` parts are its content, not
    parts of the report (and do not move the closing block past the signature)."""
    annex = (
        "PHỤ LỤC 01\nBIỂU TỔNG HỢP KẾT QUẢ\n"
        "I. Chỉ tiêu kinh tế\n1. Thu ngân sách\n2. Chi ngân sách\nII. Chỉ tiêu xã hội\n"
    )
    text = HEADER + BODY + "Trân trọng./.\nCHỦ TỊCH\nNguyễn Văn A\n" + annex
    layout = split_sections(text)
    tree = [(s.number, s.level, s.heading) for s in layout.sections]
    assert tree == [
        ("I", 1, "KẾT QUẢ ĐẠT ĐƯỢC"),
        ("II", 1, "NHIỆM VỤ 6 THÁNG CUỐI NĂM"),
        (None, 1, "PHỤ LỤC 01 BIỂU TỔNG HỢP KẾT QUẢ"),
    ]
    assert layout.sections[-1].end == len(text)
    assert "CHỦ TỊCH" not in _last_part_text(text)
