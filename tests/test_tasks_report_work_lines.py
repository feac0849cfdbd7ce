"""In a report's results part, the work of the coming month under a line that names it (`Nhiệm vụ tháng 11:`,
`Nhiệm vụ tháng 11` on a line of its own) also when its paragraphs carry no bullets, and a run-in `Phương hướng
tháng 11: ...` after a results sentence (tasks12 battery, invented text)."""

from pathlib import Path

from tests.docgen import rules_text_document

_HEAD = (
    "ĐẢNG ỦY XÃ TÂN LẬP\nSố: 20-BC/ĐU\nTân Lập, ngày 25 tháng 10 năm 2025\nBÁO CÁO\n"
    "Kết quả lãnh đạo tháng 10 năm 2025\n"
)
_END = "Trên đây là báo cáo của Đảng ủy xã./.\nNơi nhận:\n- Lưu VT.\n"


def _tasks(tmp_path: Path, body: str) -> list[str]:
    return [t.text for t in rules_text_document(tmp_path, _HEAD + body + _END).tasks]


def test_plain_paragraphs_under_a_line_naming_next_months_work_in_a_results_part_are_tasks(tmp_path: Path) -> None:
    body = (
        "1. Công tác xây dựng Đảng\nKết nạp 5 đảng viên.\nNhiệm vụ tháng 11:\n"
        "Chỉ đạo các chi bộ tổ chức sinh hoạt chuyên đề.\nTổ chức kiểm điểm, đánh giá, xếp loại đảng viên năm 2025.\n"
        "2. Công tác dân vận\nTổ chức 3 buổi đối thoại.\nNhiệm vụ tháng 11\n"
        "Tiếp tục thực hiện tốt Quy chế dân chủ ở cơ sở.\nCác chi bộ đã vận động nhân dân hiến 500 m2 đất.\n"
    )
    assert _tasks(tmp_path, body) == [
        "Chỉ đạo các chi bộ tổ chức sinh hoạt chuyên đề",
        "Tổ chức kiểm điểm, đánh giá, xếp loại đảng viên năm 2025",
        "Tiếp tục thực hiện tốt Quy chế dân chủ ở cơ sở",
    ]


def test_a_run_in_direction_for_next_month_after_a_results_sentence_is_work(tmp_path: Path) -> None:
    body = (
        "1. Kinh tế\nThu hoạch 300 ha lúa. Phương hướng tháng 11: Chỉ đạo gieo trồng cây vụ đông; tăng cường phòng"
        " trừ sâu bệnh.\n2. Văn hóa - xã hội\nTổ chức 3 buổi văn nghệ.\n"
    )
    assert _tasks(tmp_path, body) == ["Chỉ đạo gieo trồng cây vụ đông", "tăng cường phòng trừ sâu bệnh"]


def test_a_plain_paragraph_after_the_bullets_under_a_lead_in_is_no_longer_its_item(tmp_path: Path) -> None:
    body = (
        "1. Điều kiện hoạt động\nCơ sở phải có bộ phận kỹ thuật đáp ứng yêu cầu sửa chữa tàu, cụ thể như sau:\n"
        "a) Tổ chức bộ phận kỹ thuật có tối thiểu 02 kỹ sư;\n"
        "b) Bố trí 01 người phụ trách an toàn lao động.\n"
        "Điều 10. Sửa đổi, bổ sung Điều 12 về thời hạn cấp giấy chứng nhận\n"
    )
    assert _tasks(tmp_path, body) == [
        "Tổ chức bộ phận kỹ thuật có tối thiểu 02 kỹ sư",
        "Bố trí 01 người phụ trách an toàn lao động",
    ]
