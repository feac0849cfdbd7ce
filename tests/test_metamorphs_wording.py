"""The comparison-wording rewrites of the metamorphic harness (benchmarks/metamorphs_wording.py) reword
only spans inside a quote whose gold comparison they keep: the carried quote still holds the comparison's
number, and a span no gold comparison states is left as written. Report invented."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from llmx.config import Settings
from llmx.pipeline import extract_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from metamorphs import carry_gold  # type: ignore[import-not-found]
from metamorphs_wording import TRANSFORMS  # type: ignore[import-not-found]

REPORT = """\
ỦY BAN NHÂN DÂN
XÃ NAM SƠN

BÁO CÁO
Kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2031

I. KẾT QUẢ THỰC HIỆN
1. Kinh tế
- Tổng diện tích gieo trồng 1.240 ha, đạt 98,5% KH, tăng 3,2% so với cùng kỳ.
- Tổng thu ngân sách xã 4.860 triệu đồng, đạt 52,1% kế hoạch, tăng 310 triệu đồng so với cùng kỳ.
- Năm 2031 phát hiện 7 vụ vi phạm. So với năm 2030 giảm 2 vụ.
II. NHIỆM VỤ 6 THÁNG CUỐI NĂM
- Phấn đấu tổng thu ngân sách tăng 5% so với cùng kỳ.

Trên đây là báo cáo của UBND xã./.
"""


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("wording") / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    doc = extract_document(path, Settings(backend="rules"))
    assert any(c.basis == "same_period" for ind in doc.indicators for c in ind.comparisons)
    return doc


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_a_wording_rewrite_keeps_each_quote_holding_its_comparisons(name: str, gold) -> None:  # type: ignore[no-untyped-def]
    rw = TRANSFORMS[name](gold)
    assert rw.edits, f"{name} rewrote nothing in the invented report"
    moved = carry_gold(gold, rw)
    for before, after in zip(gold.indicators, moved.indicators, strict=True):
        assert after.comparisons == before.comparisons
        for c in after.comparisons:
            for v in (c.pct, c.amount):
                if v is not None:
                    assert f"{abs(v):g}".replace(".", ",") in after.quote
    # the target in the tasks section is no gold comparison: left as written
    assert "- Phấn đấu tổng thu ngân sách tăng 5% so với cùng kỳ." in moved.text


def test_the_rewrites_say_the_comparison_another_way(gold) -> None:  # type: ignore[no-untyped-def]
    said = {name: carry_gold(gold, t(gold)).text for name, t in TRANSFORMS.items()}
    assert "đạt 98,5% KH, tăng 3,2% so cùng kỳ" in said["cmp_so_ck"]
    assert "đạt 98,5% KH, so với cùng kỳ tăng 3,2%" in said["cmp_basis_first"]
    assert "đạt 98,5% KH (+3,2% so với cùng kỳ)." in said["cmp_plus_bracket"]
    assert "So với năm 2030 giảm nhẹ 2 vụ" in said["cmp_tang_nhe"]
    assert "bằng 98,5% kế hoạch năm" in said["cmp_bang_kh_nam"]
