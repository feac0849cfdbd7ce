"""The metamorphic harness's rewrites (benchmarks/metamorphs.py) keep a report's outline: the
rules read the rewritten text at the same levels and roles as the original, so a score delta
measures the rules, not a scheme no issuer writes."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from llmx.config import Settings
from llmx.pipeline import extract_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from metamorphs import TRANSFORMS, carry_gold  # type: ignore[import-not-found]

# invented: a district report already split into spelt-out parts, roman sections below them
PARTED = """\
ỦY BAN NHÂN DÂN
HUYỆN SÔNG MÂY

BÁO CÁO
Tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2031

Phần thứ nhất
KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM
I. Sản xuất nông nghiệp
1. Trồng trọt
Tổng diện tích gieo trồng vụ Đông Xuân đạt 4.215 ha, bằng 101,3% kế hoạch.
2. Chăn nuôi
Tổng đàn gia súc ổn định, không phát sinh dịch bệnh.
II. Văn hóa - xã hội
Tỷ lệ hộ nghèo giảm còn 3,1%.
Phần thứ hai
NHIỆM VỤ 6 THÁNG CUỐI NĂM
I. Phát triển kinh tế
- Tập trung chỉ đạo thu hoạch vụ Hè Thu đúng thời vụ.
II. Văn hóa - xã hội
- Tiếp tục rà soát hộ nghèo, hộ cận nghèo cuối năm.

Trên đây là báo cáo tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2031 của UBND huyện./.
"""


def _outline(path: Path) -> list[tuple[int, str | None]]:
    return [(s.level, s.role) for s in extract_document(path, Settings(backend="rules")).sections]


@pytest.mark.parametrize(("name", "first"), [("num_parts", "1."), ("num_ordinal_parts", "I.")])
def test_part_renumbering_under_an_existing_part_keeps_the_outline(name: str, first: str, tmp_path: Path) -> None:
    original = tmp_path / "original.txt"
    original.write_text(PARTED, encoding="utf-8")
    doc = extract_document(original, Settings(backend="rules"))
    assert [s.level for s in doc.sections][:3] == [1, 2, 3]  # the invented report reads as parted
    moved = carry_gold(doc, TRANSFORMS[name](doc))
    rewritten = tmp_path / "rewritten.txt"
    rewritten.write_text(moved.text, encoding="utf-8")
    assert not re.search(r"(?m)^PHẦN\b", moved.text)  # no part written inside a part
    assert f"\n{first} Sản xuất nông nghiệp" in moved.text  # the count under a part starts anew
    assert _outline(rewritten) == _outline(original)
    assert [(s.level, s.role) for s in moved.sections] == _outline(original)
