"""A `Tuy nhiên, ...` sentence in a results part that names an adverse condition and its effect is a limitation
(LABELING: `Tuy nhiên ... khó khăn ...`), a difficulty overcome is not (invented text)."""

from llmx.rules.statements import find_limitations
from llmx.sections import split_sections

HEADER = (
    "UBND XÃ PHÚ ĐIỀN\nSố: 12/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Phú Điền, ngày 15 tháng 6 năm 2025\nBÁO CÁO\nKết quả sản xuất nông nghiệp 6 tháng đầu năm 2025\n"
    "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
)


def limitations_with(text: str) -> list[str]:
    return [lim.text for lim in find_limitations(text, split_sections(text))]


def test_an_adverse_condition_after_results_is_a_limitation_and_a_difficulty_overcome_is_not():
    text = HEADER + (
        "Diện tích lúa vụ Đông Xuân đạt 640 ha, bằng 98% kế hoạch. Tuy nhiên, giá phân bón tăng cao, nhiều hộ "
        "bỏ ruộng không canh tác.\nĐàn gia cầm đạt 41.000 con. Tuy nhiên, thời tiết rét đậm kéo dài, một số hộ "
        "nuôi bị chết gia cầm.\nTuy nhiên, với sự chỉ đạo kịp thời của UBND xã, xã đã hoàn thành tiêm phòng đợt 1.\n"
        "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n1. Chỉ đạo sản xuất vụ Hè Thu đảm bảo diện tích và đúng khung thời vụ.\n"
    )
    assert limitations_with(text) == [
        "Tuy nhiên, giá phân bón tăng cao, nhiều hộ bỏ ruộng không canh tác",
        "Tuy nhiên, thời tiết rét đậm kéo dài, một số hộ nuôi bị chết gia cầm",
    ]
