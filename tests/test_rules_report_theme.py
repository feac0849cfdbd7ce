"""The sector a report's title gives its items when nothing nearer says: a conclusion notice titled
with its speaker's Party office (`Kết luận của đồng chí X - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ
tịch UBND tỉnh ...`) is about what the rest of the title names, not the Party. Invented text."""

from __future__ import annotations

from pathlib import Path

from llmx.config import Settings
from llmx.contract import Metadata
from llmx.pipeline import extract_document
from llmx.rules.backend import report_theme


def theme(title: str) -> str | None:
    return report_theme(Metadata.model_construct(title=title))


def test_a_speakers_party_office_in_the_title_does_not_make_the_report_a_party_one() -> None:
    assert (
        theme(
            "Kết luận của đồng chí Trần Văn Bình - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh "
            "tại buổi làm việc về tiến độ giải phóng mặt bằng dự án đường tránh"
        )
        == "land_environment"
    )
    assert (
        theme("Kết luận của đồng chí Lê Minh - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh về phát triển cụm công nghiệp")
        == "industry_construction"
    )
    # a title about the Party's own work stays a party one
    assert theme("Kết quả công tác kiểm tra, giám sát của Ban Thường vụ Tỉnh ủy năm 2025") == "party"


def test_the_items_of_such_a_notice_take_the_titles_topic(tmp_path: Path) -> None:
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "ỦY BAN NHÂN DÂN\nTỈNH AN BÌNH\n\nTHÔNG BÁO\nKết luận của đồng chí Trần Văn Bình - Ủy viên Ban Thường vụ "
        "Tỉnh ủy, Phó Chủ tịch UBND tỉnh tại buổi làm việc về tiến độ giải phóng mặt bằng dự án đường tránh\n\n"
        "I. ĐÁNH GIÁ CHUNG\n\nĐến nay đã hoàn thành 12 hạng mục; còn 14 hộ chưa đồng thuận.\n\n"
        "II. NHIỆM VỤ THỜI GIAN TỚI\n\n1. Các xã tiếp tục vận động "
        "các hộ dân bàn giao mặt bằng.\n",
        encoding="utf-8",
    )
    doc = extract_document(notice, Settings(backend="rules"))
    assert [(i.value, i.sector) for i in doc.indicators] == [(12, "land_environment"), (14, "land_environment")]
