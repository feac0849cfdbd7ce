"""Sectors: what a heading, label or item is about, from cue words of the genre."""

import pytest

from llmx.sections import split_sections
from llmx.sectors import detect_sector, heading_sector


def test_sectors_come_from_headings(dev_texts):
    layout = split_sections(dev_texts["h1-2018-district-socioeconomic"])
    sectors = {s.heading: s.sector for s in layout.sections}
    assert sectors["Sản xuất nông nghiệp"] == "agriculture"
    assert sectors["Công tác xây dựng nông thôn mới"] == "new_rural"
    assert sectors["Công tác Tài chính - Kế hoạch"] == "budget"
    assert sectors["Sự nghiệp y tế"] == "health"


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Tổng thu NSNN đạt 88,8 tỷ đồng", "budget"),
        ("Tiêm phòng cho đàn lợn", "agriculture"),
        ("Xây dựng cơ bản", "investment"),
        ("Công tác xây dựng nông thôn mới", "new_rural"),  # a specific cue beats `xây dựng`
        ("Chuyển đổi số", "government"),
    ],
)
def test_cue_words_name_the_sector(text, sector):
    assert detect_sector(text) == sector


def test_old_and_new_tone_placement_are_the_same_cue():
    assert detect_sector("Thủy lợi") == detect_sector("Thuỷ lợi") == "agriculture"
    assert detect_sector("Đảng uỷ xã") == detect_sector("Đảng ủy xã") == "party"
    assert detect_sector("Văn hoá, thông tin") == detect_sector("Văn hóa, thông tin") == "culture_information"


def test_generic_words_count_only_when_asked_and_text_without_cues_has_no_sector():
    assert detect_sector("Kinh tế") == "economy_general" and detect_sector("Kinh tế", strong_only=True) is None
    assert detect_sector("xyz abc") is None


def test_a_heading_naming_several_domains_has_no_single_sector():
    assert heading_sector("Văn hóa - Xã hội") is None
    assert heading_sector("Y tế và giáo dục") is None
    assert heading_sector("KẾT QUẢ PHÁT TRIỂN KINH TẾ - XÃ HỘI") is None
    assert heading_sector("Sự nghiệp y tế") == "health"
