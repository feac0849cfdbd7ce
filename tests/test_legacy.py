"""Legacy font encodings (TCVN3/ABC, VNI) are found per line, decoded, and never over-detected."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.read.legacy import (
    TCVN3_TABLE,
    decode_tcvn3,
    decode_vni,
    detect_legacy,
    is_syllable,
    repair_legacy,
    repair_messages,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SOCIO = SAMPLES / "h1-2018-district-socioeconomic.txt"
LINE_67 = (
    "Số thu Bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm tự nguyện 105,9 tỷ đồng đạt 45% KH; "
    "giải quyết 5.539 hồ sơ hởng các chế độ "
)
_TO_TCVN3 = {u: c for c, u in TCVN3_TABLE.items()}


def to_tcvn3(text: str) -> str:
    """What a .VnTime document looks like once its bytes are read as Latin-1."""
    return "".join(_TO_TCVN3.get(c, c) for c in text)


def test_socioeconomic_line_67_decodes_to_the_expected_sentence() -> None:
    line = SOCIO.read_text(encoding="utf-8").split("\n")[66]
    assert detect_legacy(line) == "tcvn3"
    assert decode_tcvn3(line).startswith(LINE_67)
    assert "hởng" in decode_tcvn3(line)  # the lost 'ư' byte is not invented back


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem)
def test_only_socioeconomic_line_67_changes_in_the_dev_reports(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    repaired, repairs = repair_legacy(text)
    expected = [(67, "tcvn3")] if path == SOCIO else []
    assert repairs == expected
    before, after = text.split("\n"), repaired.split("\n")
    assert len(before) == len(after)
    assert [n for n, (a, b) in enumerate(zip(before, after, strict=True), 1) if a != b] == [n for n, _ in expected]


@pytest.mark.parametrize(
    "line",
    [
        "Quyết định số 15/QĐ-UBND về kế hoạch phát triển kinh tế - xã hội năm 2023.",
        "Kiện toàn, sắp xếp, đề bạt, bổ nhiệm cán bộ theo phân cấp quản lý, đúng quy định¹.",
        "² Bao gồm: 41 hồ sơ đề nghị xác nhận thông tin liệt sĩ, 15 hồ sơ khác.",
        "¹ Điều động và bổ nhiệm chức vụ Phó trưởng ban Thường trực Ban Tổ chức Huyện ủy.",
        "thực hiệnChỉ thị số 05 - CT/TW, hè về, bé ngoan, cô giáo, chè xanh, é, ô, ê",
        "Ông Müller và bà Zoë Ørsted thăm huyện; nhiệt độ 35°C; «Tết» năm 2023 ½ giá.",
        "Hoá, thuỷ lợi, Huyện uỷ, Văn hoá, qùa, Chiến sỹ — ordinary spelling variants",
        "plain ASCII line with no accents at all, KH 2023",
        "",
    ],
)
def test_ordinary_vietnamese_and_footnote_marks_are_not_legacy(line: str) -> None:
    assert detect_legacy(line) is None
    assert repair_legacy(line) == (line, [])


def test_vni_line_is_detected_and_decoded() -> None:
    line = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam - Ñoäc laäp - Töï do - Haïnh phuùc"
    assert detect_legacy(line) == "vni"
    assert decode_vni(line) == "Cộng hòa xã hội chủ nghĩa Việt Nam - Độc lập - Tự do - Hạnh phúc"


def test_short_vni_phrase_is_detected() -> None:
    assert detect_legacy("Vieät Nam") == "vni"
    assert repair_legacy("Vieät Nam") == ("Việt Nam", [(1, "vni")])


def test_upper_case_vni_and_horn_vowels_decode() -> None:
    assert decode_vni("ÑAÛNG COÄNG SAÛN VIEÄT NAM") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert decode_vni("ñöôïc thuôû khuyeán khích, Uyû ban nhaân daân, naêm, ñaëc bieät") == (
        "được thuở khuyến khích, Uỷ ban nhân dân, năm, đặc biệt"
    )


def test_tcvn3_is_told_apart_from_vni_on_the_same_characters() -> None:
    tcvn3 = to_tcvn3("Tổng giá trị sản xuất ngành nông nghiệp đạt 453,06 tỷ đồng")
    assert detect_legacy(tcvn3) == "tcvn3"
    assert decode_tcvn3(tcvn3) == "Tổng giá trị sản xuất ngành nông nghiệp đạt 453,06 tỷ đồng"


def test_mixed_case_rule_catches_a_tcvn3_line_with_few_odd_characters() -> None:
    assert detect_legacy("hiÓm y tÕ") == "tcvn3"
    assert decode_tcvn3("hiÓm y tÕ") == "hiểm y tế"


def test_soft_hyphen_is_tcvn3_u_horn_and_then_nothing_is_lost() -> None:
    line = to_tcvn3("Tỷ lệ người dân tham gia bảo hiểm y tế đạt 86%")
    assert "\xad" in line
    repaired, repairs = repair_legacy(line)
    assert repaired == "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 86%"
    assert repair_messages(line, repairs) == ["line 1: TCVN3 (ABC) legacy encoding decoded to Unicode"]


def test_lost_u_horn_is_flagged_in_the_message() -> None:
    line = SOCIO.read_text(encoding="utf-8").split("\n")[66]
    assert repair_messages(line, [(1, "tcvn3")]) == [
        "line 1: TCVN3 (ABC) legacy encoding decoded to Unicode; 'ư' may be lost"
    ]


def test_whole_tcvn3_file_decodes_short_lines_the_line_rules_miss() -> None:
    unicode_lines = [
        "BÁO CÁO",
        "Tổng số",  # too short for the per-line rules
        "Kết quả thực hiện nhiệm vụ phát triển kinh tế xã hội sáu tháng đầu năm",
        "Diện tích gieo cấy lúa xuân đạt kế hoạch, năng suất tăng so với cùng kỳ",
        "Công tác quản lý đất đai, bảo vệ môi trường được tăng cường",
        "Số hộ nghèo giảm",
        "Tổ chức hội nghị tổng kết",
    ]
    legacy = "\n".join(to_tcvn3(line.lower()) if i else line for i, line in enumerate(unicode_lines))
    repaired, repairs = repair_legacy(legacy)
    assert repaired.split("\n")[1:] == [line.lower() for line in unicode_lines[1:]]
    assert {n for n, _ in repairs} == {2, 3, 4, 5, 6, 7}
    assert {enc for _, enc in repairs} == {"tcvn3"}


def test_many_repaired_lines_are_reported_as_one_message_per_encoding() -> None:
    repairs = [(n, "tcvn3") for n in (*range(3, 15), 20)]
    text = "\n".join(["x"] * 25)
    assert repair_messages(text, repairs) == [
        "13 lines (3-14, 20): TCVN3 (ABC) legacy encoding decoded to Unicode; 'ư' may be lost"
    ]


def test_line_endings_survive_repair() -> None:
    text = "Vieät Nam\r\nxin chào\r\n"
    assert repair_legacy(text) == ("Việt Nam\r\nxin chào\r\n", [(1, "vni")])


@pytest.mark.parametrize("word", ["người", "nghiệp", "khuyến", "quốc", "thuở", "hoạch", "giữ", "Đảng", "ĐƯỢC"])
def test_real_syllables_are_valid(word: str) -> None:
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["héi", "Vieät", "Coọng", "hiÓm", "B¶o", "quáá"])
def test_mojibake_words_are_not_syllables(word: str) -> None:
    assert not is_syllable(word)
