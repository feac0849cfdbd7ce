"""Figures a numbered heading line gives in parentheses are indicators of the report (LABELING: every
figure in a results part); the heading's other numbers (its own number, a year, a count that names a
programme) are not. The report text is invented."""

from __future__ import annotations

from pathlib import Path

from llmx.config import Settings
from llmx.pipeline import extract_document

REPORT = (
    "UBND XÃ TÂN HÒA\nSố: 85/BC-UBND\n\nBÁO CÁO\nKết quả thực hiện nhiệm vụ 6 tháng đầu năm 2025\n\n"
    "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
    "1. Chăn nuôi (tổng đàn trâu 1.120 con, đàn bò 2.340 con)\n"
    "Dịch bệnh được kiểm soát tốt.\n"
    "2. Thu ngân sách (thu đạt 1 tỷ 250 triệu đồng, bằng 52% dự toán)\n"
    "- Tổng chi ngân sách xã 2 tỷ 890 triệu đồng.\n"
    "3. Thực hiện 03 đột phá chiến lược (giai đoạn 2021 - 2025)\n"
    "Các đột phá được triển khai đồng bộ.\n"
    "II. NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
    "1. Thu ngân sách (phấn đấu đạt 2,5 tỷ đồng)\n"
    "- Tăng cường quản lý thu.\n"
)


def test_figures_in_a_results_heading_s_parentheses_are_read_and_named_by_the_heading(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = extract_document(path, Settings(backend="rules"))
    found = [(i.name, i.value, i.unit) for i in doc.indicators]
    assert ("Chăn nuôi - tổng đàn trâu", 1120, "con") in found
    assert ("Chăn nuôi - đàn bò", 2340, "con") in found
    budget = next(i for i in doc.indicators if i.value == 1.25)
    assert (budget.unit, [(c.basis, c.pct) for c in budget.comparisons]) == ("tỷ đồng", [("budget_estimate", 52)])
    assert 2.89 in [i.value for i in doc.indicators]
    # a count naming a programme and a term are no figures; a task part's heading gives no indicator
    assert not {3, 2021, 2025, 2.5} & {i.value for i in doc.indicators}
