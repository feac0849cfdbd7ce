"""Surface forms of heading lines the genre writes (found by the metamorphic harness's heading
rewrites): each test is invented text showing one form, read to the same outline as the usual one."""

from llmx.sections import split_sections


def _tree(text: str) -> list[tuple[str | None, int, str]]:
    return [(s.number, s.level, s.heading) for s in split_sections(text).sections]


def test_heading_numbers_typed_without_a_space_keep_the_outline():
    text = (
        "A.KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III\n"
        "I.CÔNG TÁC QUẢN LÝ ĐẤT ĐAI\n"
        "1.Công tác cấp giấy chứng nhận\n"
        "1.1.Cấp giấy lần đầu\nCấp 215 giấy chứng nhận cho hộ gia đình.\n"
        "1.2.Cấp đổi, cấp lại\nCấp đổi 96 giấy chứng nhận.\n"
        "2.Công tác thanh tra đất đai\n"
        "a)Thanh tra theo kế hoạch: tiến hành 04 cuộc thanh tra.\n"
        "b)Thanh tra đột xuất: tiến hành 02 cuộc.\n"
        "B.NHIỆM VỤ QUÝ IV\nTiếp tục đẩy nhanh cấp giấy chứng nhận.\n"
    )
    assert _tree(text) == [
        ("A", 1, "KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ III"),
        ("I", 2, "CÔNG TÁC QUẢN LÝ ĐẤT ĐAI"),
        ("1", 3, "Công tác cấp giấy chứng nhận"),
        ("1.1", 4, "Cấp giấy lần đầu"),
        ("1.2", 4, "Cấp đổi, cấp lại"),
        ("2", 3, "Công tác thanh tra đất đai"),
        ("a", 4, "Thanh tra theo kế hoạch"),
        ("b", 4, "Thanh tra đột xuất"),
        ("B", 1, "NHIỆM VỤ QUÝ IV"),
    ]
