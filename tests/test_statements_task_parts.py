"""Task parts of periodic reports written in ways the rules had not met (invented text): work numbered in words
run together with `;`, ..."""

from llmx.contract import Metadata, Period
from llmx.rules.statements import find_tasks
from llmx.sections import split_sections

H1_2024 = Metadata(period=Period(label="6 tháng đầu năm 2024", kind="half_year", year=2024, months=[1, 2, 3, 4, 5, 6]))
PARTY_HEADER = (
    "ĐẢNG BỘ HUYỆN BẮC SƠN\nĐẢNG ỦY XÃ VĨNH AN\n*\nSố 21-BC/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Vĩnh An, ngày 24 tháng 6 năm 2024\nBÁO CÁO\nSơ kết công tác 6 tháng đầu năm 2024\n"
)


def tasks_with(text: str, metadata: Metadata | None = H1_2024) -> list[str]:
    return [t.text for t in find_tasks(text, split_sections(text), metadata)]


def test_work_numbered_in_words_and_joined_by_semicolons_gives_one_task_per_item_without_its_number():
    text = PARTY_HEADER + (
        "I. KẾT QUẢ LÃNH ĐẠO\nĐảng ủy đã lãnh đạo tổ chức thành công đại hội các chi bộ.\n"
        "II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM\nĐảng ủy xác định các nhiệm vụ trọng tâm sau:\n"
        "Thứ nhất, lãnh đạo hoàn thành các chỉ tiêu phát triển kinh tế năm 2024; thứ hai, chỉ đạo xây dựng "
        "thôn Trung đạt chuẩn nông thôn mới kiểu mẫu; thứ ba, tăng cường công tác kiểm tra, giám sát.\n"
        "Bốn là, chuẩn bị chu đáo các điều kiện tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2027.\n"
    )
    assert tasks_with(text) == [
        "lãnh đạo hoàn thành các chỉ tiêu phát triển kinh tế năm 2024",
        "chỉ đạo xây dựng thôn Trung đạt chuẩn nông thôn mới kiểu mẫu",
        "tăng cường công tác kiểm tra, giám sát",
        "chuẩn bị chu đáo các điều kiện tổ chức đại hội chi bộ nhiệm kỳ 2025 - 2027",
    ]
