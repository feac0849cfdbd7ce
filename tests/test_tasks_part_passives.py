"""In a task part, work stated in the passive (`Công tác chuyển đổi số được đẩy mạnh, ...`, `Việc quản lý đất
đai ... được tăng cường`) is a directive, not a topic; a status in it (`Đến nay, còn 3 hộ chưa bàn giao mặt bằng`)
is none, `bàn giao` asking nothing (tasks12 battery, invented text)."""

from pathlib import Path

from tests.docgen import rules_text_document

_REPORT = (
    "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ\nSố: 12/BC-UBND\nAn Phú, ngày 10 tháng 6 năm 2025\nBÁO CÁO\n"
    "Tình hình kinh tế - xã hội 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2025\n"
    "I. KẾT QUẢ 6 THÁNG ĐẦU NĂM\nThu ngân sách đạt 5 tỷ đồng.\n"
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM\n{items}"
    "Trên đây là báo cáo của UBND xã An Phú./.\nNơi nhận:\n- Lưu VT.\n"
)


def _tasks(tmp_path: Path, items: str) -> list[str]:
    return [t.text for t in rules_text_document(tmp_path, _REPORT.format(items=items)).tasks]


def test_work_stated_in_the_passive_in_a_task_part_is_a_task(tmp_path: Path) -> None:
    items = (
        "- Công tác chuyển đổi số được đẩy mạnh, phấn đấu 100% hồ sơ được xử lý trực tuyến.\n"
        "- Công tác giáo dục tiếp tục được quan tâm, nâng cao chất lượng dạy và học.\n"
        "- Việc quản lý đất đai, trật tự xây dựng được tăng cường.\n"
        "- Kinh phí thực hiện được bố trí từ nguồn ngân sách xã.\n"
    )
    assert _tasks(tmp_path, items) == [
        "Công tác chuyển đổi số được đẩy mạnh, phấn đấu 100% hồ sơ được xử lý trực tuyến",
        "Công tác giáo dục tiếp tục được quan tâm, nâng cao chất lượng dạy và học",
        "Việc quản lý đất đai, trật tự xây dựng được tăng cường",
    ]


def test_a_status_in_a_task_part_is_no_task_though_it_says_ban_giao(tmp_path: Path) -> None:
    items = "- Đến nay, còn 3 hộ chưa bàn giao mặt bằng; UBND xã tiếp tục vận động các hộ bàn giao trong tháng 7.\n"
    assert _tasks(tmp_path, items) == ["UBND xã tiếp tục vận động các hộ bàn giao trong tháng 7"]
