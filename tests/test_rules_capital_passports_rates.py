"""Figures that are no measured quantity or take a longer unit: who owns the capital (`100% vốn nhà nước`),
passports (`hộ chiếu`, not households), and an amount per count of events (`1.604kg/11 lần nổ`). Invented text."""

from __future__ import annotations

from llmx.rules.backend import run_rules
from llmx.sections import split_sections


def figures(body: str) -> list[tuple[float | None, str | None]]:
    text = f"BÁO CÁO\nI. KẾT QUẢ\n{body}\n"
    extraction, _ = run_rules(text, split_sections(text))
    return [(i.value, i.unit) for i in extraction.indicators]


def test_a_share_of_capital_that_says_who_owns_it_is_no_figure():
    assert figures("Các doanh nghiệp có 100% vốn nhà nước chưa được phân cấp rõ ràng.") == []
    assert figures("Các dự án có 100% vốn đầu tư của nước ngoài được hưởng ưu đãi.") == []
    assert figures("Đơn vị làm chủ đầu tư mà có 100% vốn của các Tổng công ty chưa được phân cấp.") == []


def test_a_disbursed_share_of_capital_is_still_a_figure():
    assert figures("Giải ngân 85% vốn được giao, tăng so với cùng kỳ.") == [(85.0, "%")]


def test_passports_are_counted_as_passports_not_households():
    assert figures("Công an huyện đã cấp 245 hộ chiếu cho công dân.") == [(245.0, "hộ chiếu")]
    assert figures("Hỗ trợ 35 hộ chuyển đổi cây trồng.") == [(35.0, "hộ")]


def test_an_amount_per_count_of_events_is_one_rate_and_its_count_no_figure():
    assert figures("Hộ chiếu nổ mìn có khối lượng thuốc nổ lớn nhất là 980kg/7 lần nổ.") == [(980.0, "kg/7 lần nổ")]
    assert figures("Khối lượng thuốc nổ lớn nhất là 100 kg/lần nổ.") == [(100.0, "kg/lần nổ")]
    assert figures("Bảo đảm không vượt 683kg/đợt nổ.") == [(683.0, "kg/đợt nổ")]
