"""Names of prose figures cut short or padded, in sentences written for this test (agriculture, health,
education, environment, justice and citizens' petitions): two verbs joined by a comma share the counted
object (`thu gom, xử lý 12 tấn rác`), a list of nouns after the counted noun belongs to it (`35 đơn
khiếu nại, tố cáo, kiến nghị`), and a period opening (`Năm học 2024-2025 toàn huyện có ...`) is in the
quote but not in the name."""

from __future__ import annotations

import pytest

from llmx.rules.indicators import find_indicators


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("Đội vệ sinh môi trường thu gom, xử lý bình quân 12 tấn rác/ngày.", "thu gom, xử lý bình quân"),
        ("Các hợp tác xã thu mua, chế biến 1.250 tấn cà phê nhân.", "thu mua, chế biến"),
        ("Trung tâm y tế tiếp nhận, điều trị 342 bệnh nhân sốt xuất huyết.", "tiếp nhận, điều trị"),
        ("Tòa án thụ lý, giải quyết 215 vụ án dân sự.", "thụ lý, giải quyết"),
        ("Trong tháng, Đoàn kiểm tra đã rà soát, đánh giá 18 cơ sở sản xuất.", "rà soát, đánh giá"),
    ],
)
def test_two_verbs_joined_by_a_comma_both_name_the_counted_object(text: str, verbs: str) -> None:
    (ind,) = find_indicators(text)
    assert verbs in ind.name.lower(), ind.name
    assert verbs in ind.quote.lower(), ind.quote


def test_a_clause_before_the_comma_that_is_no_verb_still_stays_out_of_the_name() -> None:
    (ind,) = find_indicators("Sau khi có kết quả thẩm định, xã giải quyết 15 hồ sơ.")
    assert "thẩm định" not in ind.name


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (
            "Ban tiếp công dân tiếp nhận 35 đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh.",
            "đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh",
        ),
        ("Trong kỳ đã giải quyết 28 đơn khiếu nại, tố cáo thuộc thẩm quyền.", "đơn khiếu nại, tố cáo"),
        (
            "Trạm thú y tiêm phòng 4.500 liều vắc xin lở mồm long móng, tụ huyết trùng, dịch tả lợn.",
            "vắc xin lở mồm long móng, tụ huyết trùng, dịch tả lợn",
        ),
        (
            "Phòng Tài nguyên tiếp nhận 56 hồ sơ đất đai, môi trường, khoáng sản.",
            "hồ sơ đất đai, môi trường, khoáng sản",
        ),
    ],
)
def test_a_list_of_nouns_after_the_counted_noun_belongs_to_its_name(text: str, listed: str) -> None:
    (ind,) = find_indicators(text)
    assert ind.name.lower().endswith(listed), ind.name
    assert ind.quote.endswith(listed), ind.quote


@pytest.mark.parametrize(
    "text",
    [
        "Khám bệnh cho 1.200 lượt người, tiêm chủng cho 300 trẻ.",
        "Tiếp nhận 35 hồ sơ, đã giải quyết 30 hồ sơ.",
    ],
)
def test_a_clause_with_its_own_figure_after_the_comma_is_not_listed(text: str) -> None:
    first, second = find_indicators(text)
    assert "," not in first.name and "," not in first.quote, (first.name, first.quote)
    assert second.value in (300, 30)


def test_a_clause_opened_by_a_verb_after_the_comma_is_not_listed() -> None:
    (ind,) = find_indicators("Công an xã bắt giữ 03 vụ đánh bạc, xử lý nghiêm theo quy định.")
    assert "xử lý" not in ind.name and "xử lý" not in ind.quote


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Năm học 2024-2025 toàn huyện có 12.450 học sinh.", "Học sinh"),
        ("Năm 2025 toàn tỉnh có 320 trang trại chăn nuôi.", "Trang trại chăn nuôi"),
        ("Trong năm 2025 kết nạp 12 đảng viên.", "Kết nạp đảng viên"),
        (
            "Học kỳ I năm học 2025-2026 có 96 học sinh đạt danh hiệu học sinh giỏi.",
            "Học sinh đạt danh hiệu học sinh giỏi",
        ),
    ],
)
def test_a_period_opening_is_in_the_quote_but_not_in_the_name(text: str, name: str) -> None:
    (ind,) = find_indicators(text)
    assert ind.name == name
    assert text.startswith(ind.quote[:8]), ind.quote


def test_a_year_inside_what_is_measured_stays_in_the_name() -> None:
    (ind,) = find_indicators("Diện tích tái canh năm 2025 đạt 320 ha.")
    assert (ind.name, ind.value, ind.unit) == ("Diện tích tái canh năm 2025", 320, "ha")


def test_a_listed_noun_compared_after_it_keeps_the_list_and_the_comparison() -> None:
    (ind,) = find_indicators("Đã giải quyết 05/06 đơn khiếu nại, tố cáo, đạt tỷ lệ 83,3%.")
    assert ind.name.endswith("đơn khiếu nại, tố cáo"), ind.name
    assert [c.pct for c in ind.comparisons] == [83.3]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Có 235 dự án FDI, tổng vốn đầu tư là 224.282 tỷ đồng.", "dự án FDI"),  # an attribute: a new figure
        ("Có 288 dự án đang gặp khó khăn, vướng mắc, UBND tỉnh đã thành lập 06 tổ công tác.", "vướng mắc"),
        ("Đã hướng dẫn 2.594 hồ sơ thủ tục hành chính, cụ thể như sau.", "thủ tục hành chính"),
        ("Đã giải quyết 1.200 hồ sơ đúng hạn, không gây phiền hà cho người dân.", "hồ sơ đúng hạn"),
    ],
)
def test_a_clause_after_the_counted_noun_is_no_list_item(text: str, ends: str) -> None:
    first = find_indicators(text)[0]
    assert first.quote.endswith(ends), first.quote


def test_a_period_opening_after_a_topic_label_names_the_figure_by_its_own_words() -> None:
    text = "Tình hình hoạt động của các hợp tác xã: Trong năm 2025 có 06 hợp tác xã được thành lập mới."
    (ind,) = find_indicators(text)
    assert ind.name == "Hợp tác xã được thành lập mới"
    assert ind.quote.startswith("Trong năm 2025")


def test_a_verb_after_the_counted_noun_is_no_listed_noun() -> None:
    (ind,) = find_indicators("Tiến hành 02 cuộc kiểm tra, phối hợp với Công an huyện xử lý vi phạm.")
    assert ind.quote == "Tiến hành 02 cuộc kiểm tra"


@pytest.mark.parametrize(
    ("text", "name", "unit"),
    [
        ("Bàn giao 04 chiếc xe ô tô cứu thương cho các trạm y tế.", "Bàn giao xe ô tô cứu thương", "chiếc"),
        ("Hỗ trợ 12 con lợn giống cho hộ nghèo.", "Hỗ trợ lợn giống", "con"),
        ("Mua sắm 02 cái máy cắt cỏ cho tổ vệ sinh môi trường.", "Mua sắm máy cắt cỏ", "cái"),
    ],
)
def test_an_object_classifier_is_the_unit_and_the_noun_after_it_names_what_is_counted(
    text: str, name: str, unit: str
) -> None:
    (ind,) = find_indicators(text)
    assert (ind.name, ind.unit) == (name, unit)
    assert ind.quote.endswith(name.split()[-1]), ind.quote


def test_a_classifier_alone_still_counts_the_name_before_it() -> None:
    (ind,) = find_indicators("Tổng đàn gia cầm 58.500 con.")
    assert (ind.name, ind.unit) == ("Tổng đàn gia cầm", "con")
