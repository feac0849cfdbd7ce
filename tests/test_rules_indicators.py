"""Indicators by rule: SPEC 4 and the SPEC 8 worked example, the hard sentences of genre-notes 9,
the exclusions, and grounding over the whole dev corpus.

Sentences are quoted verbatim from the dev reports (`⟨invented⟩` ones from genre-notes where the
corpus has no example), so each test reads like the report it guards.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from llmx.contract import Comparison, Indicator
from llmx.numbers import occurs_in
from llmx.rules.indicators import find_indicators

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
DEV = ["2023-02-district-party-monthly", "h1-2018-district-socioeconomic", "h1-2023-commune-party-webpage"]


def normalized(raw: str) -> str:
    """The test stand-in for the real normalizer: NFC, NBSP -> space, `**`/`*` emphasis removed."""
    return unicodedata.normalize("NFC", raw).replace("\xa0", " ").replace("**", "").replace("*", "")


def sample(stem: str) -> str:
    return normalized(open(SAMPLES / f"{stem}.txt", encoding="utf-8").read())


def comps(ind: Indicator) -> list[tuple[object, ...]]:
    return [(c.basis, c.basis_text, c.relation, c.pct, c.amount, c.amount_unit) for c in ind.comparisons]


def by_value(inds: list[Indicator], value: float | None, unit: str | None = None) -> Indicator:
    """The one indicator with this value (and unit, when given)."""
    hits = [i for i in inds if i.value == value and (unit is None or i.unit == unit)]
    assert len(hits) == 1, f"{value} {unit}: {[(i.name, i.value, i.unit) for i in inds]}"
    return hits[0]


def ratio_only(inds: list[Indicator], pct: float) -> Indicator:
    hits = [i for i in inds if i.value is None and i.comparisons and i.comparisons[0].pct == pct]
    assert len(hits) == 1, [(i.name, i.value, comps(i)) for i in inds]
    return hits[0]


def assert_grounded(text: str, inds: list[Indicator]) -> None:
    for ind in inds:
        assert text[ind.start : ind.end] == ind.quote
        assert ind.quote == ind.quote.strip()


# --- SPEC 8 worked example ---------------------------------------------------------------------------

SPEC_EXAMPLE = (
    "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán, gồm: Thu trên địa bàn là "
    "16,7/715,9 tỷ đồng, đạt 2,3% dự toán"
)


def test_spec_worked_example_comes_out_as_specified() -> None:
    inds = find_indicators(SPEC_EXAMPLE)
    got = [i.model_dump(exclude={"id", "section_id", "start", "end", "flags", "table_id", "table_row"}) for i in inds]
    estimate = {
        "basis": "budget_estimate",
        "basis_text": "dự toán",
        "relation": "ratio",
        "amount": None,
        "amount_unit": None,
    }
    assert got == [
        {
            "name": "Tổng thu NSNN",
            "value": 88.8,
            "unit": "tỷ đồng",
            "target": None,
            "comparisons": [{**estimate, "pct": 8.4}],
            "estimated": False,
            "approx": None,
            "as_of": "2023-02-20",
            "sector": "budget",
            "quote": "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán",
        },
        {
            "name": "Tổng thu NSNN - thu trên địa bàn",
            "value": 16.7,
            "unit": "tỷ đồng",
            "target": 715.9,
            "comparisons": [{**estimate, "pct": 2.3}],
            "estimated": False,
            "approx": None,
            "as_of": "2023-02-20",
            "sector": "budget",
            "quote": "Thu trên địa bàn là 16,7/715,9 tỷ đồng, đạt 2,3% dự toán",
        },
    ]
    assert_grounded(SPEC_EXAMPLE, inds)


# --- hard sentences (genre-notes 9) ------------------------------------------------------------------


@dataclass(frozen=True)
class Want:
    """What one indicator must say; `name` is a substring of the indicator's name."""

    value: float | None
    unit: str | None = None
    target: float | None = None
    comps: tuple[tuple[object, ...], ...] = ()
    name: str | None = None
    estimated: bool = False
    approx: str | None = None
    as_of: str | None = None


def plan(pct: float, text: str = "KH") -> tuple[object, ...]:
    return ("plan", text, "ratio", pct, None, None)


def same(pct: float, text: str = "CK", relation: str = "ratio") -> tuple[object, ...]:
    return ("same_period", text, relation, pct, None, None)


def budget(pct: float, text: str = "dự toán") -> tuple[object, ...]:
    return ("budget_estimate", text, "ratio", pct, None, None)


HARD = {
    "monthly-72 three-level budget tree, x/y, bare tỷ": (
        "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán, gồm: Thu trên địa bàn là "
        "16,7/715,9 tỷ đồng, đạt 2,3% dự toán (trong đó: Tiền sử dụng đất 1,8/650 tỷ đồng, đạt 0,27% dự "
        "toán; các khoản thu khác 14,9/65,9 tỷ, đạt 22,6% dự toán), thu bổ sung kinh phí từ ngân sách "
        "tỉnh là 72,1 tỷ đồng.",
        [
            Want(88.8, "tỷ đồng", comps=(budget(8.4),), name="Tổng thu NSNN", as_of="2023-02-20"),
            Want(16.7, "tỷ đồng", 715.9, (budget(2.3),), "Tổng thu NSNN - thu trên địa bàn", as_of="2023-02-20"),
            Want(
                1.8,
                "tỷ đồng",
                650,
                (budget(0.27),),
                "Tổng thu NSNN - thu trên địa bàn - tiền sử dụng đất",
                as_of="2023-02-20",
            ),
            Want(14.9, "tỷ", 65.9, (budget(22.6),), "thu trên địa bàn - các khoản thu khác", as_of="2023-02-20"),
            Want(72.1, "tỷ đồng", name="Tổng thu NSNN - thu bổ sung kinh phí từ ngân sách tỉnh", as_of="2023-02-20"),
        ],
    ),
    "monthly-74 two parallel partitions of one total": (
        "Tổng chi NSNN thực hiện đến 20/02/2023 là 103,7 tỷ đồng, đạt 15% dự toán, trong đó: ngân sách "
        "huyện chi 68 tỷ đồng; ngân sách xã chi 35,7 tỷ đồng. Bao gồm: Chi đầu tư XDCB 25 tỷ đồng, chi "
        "thường xuyên 64,7 tỷ đồng, chi chuyển giao ngân sách và chi khác 14 tỷ đồng.",
        [
            Want(103.7, "tỷ đồng", comps=(budget(15),), name="Tổng chi NSNN", as_of="2023-02-20"),
            Want(68, "tỷ đồng", name="Tổng chi NSNN - ngân sách huyện chi", as_of="2023-02-20"),
            Want(35.7, "tỷ đồng", name="Tổng chi NSNN - ngân sách xã chi", as_of="2023-02-20"),
            Want(25, "tỷ đồng", name="Tổng chi NSNN - chi đầu tư XDCB", as_of="2023-02-20"),
            Want(64.7, "tỷ đồng", name="Tổng chi NSNN - chi thường xuyên", as_of="2023-02-20"),
            Want(14, "tỷ đồng", name="Tổng chi NSNN - chi chuyển giao ngân sách và chi khác", as_of="2023-02-20"),
        ],
    ),
    "webpage-60 four figures with KH and CK, season label": (
        "- Sản xuất nông nghiệp đạt kết quả khá, sản lượng lương thực có hạt đạt 1.936 tấn, đạt 60% kế "
        "hoạch và bằng 114% cùng kỳ; tập trung chỉ đạo nhân dân tích cực trồng, chăm sóc cây trồng vụ "
        "Chiêm Xuân 2022 – 2023, toàn xã gieo trồng 927/912 ha, đạt 102% KH, bằng 98% CK. Triển khai sản "
        "xuất vụ thu mùa, trồng cây xuân Quí Mão và trồng rừng năm 2023 theo kế hoạch, đã trồng mới trên "
        "85ha chủ yếu là cây keo đạt 113% KH năm, bằng 103% CK; tích tụ tập trung đất đai được 50 ha, đạt "
        "91%KH, bằng 238% CK; một số mô hình nông nghiệp ứng dụng công nghệ cao trong nhà màng, nhà lưới "
        "bước đầu mang lại hiệu quả và thu nhập cho người dân.",
        [
            Want(1936, "tấn", comps=(plan(60, "kế hoạch"), same(114, "cùng kỳ")), name="sản lượng lương thực"),
            Want(927, "ha", 912, (plan(102), same(98)), name="gieo trồng"),
            Want(85, "ha", comps=(plan(113, "KH năm"), same(103)), approx="over"),
            Want(50, "ha", comps=(plan(91), same(238)), name="ích tụ tập trung đất đai"),
        ],
    ),
    "socioeconomic-85 bằng as involving, absolute change, dates": (
        "Đảm bảo tuyệt đối an toàn các ngày lễ, tết, các mục tiêu trọng điểm về chính trị kinh tế trên địa "
        "bàn huyện. 6 tháng, phạm pháp hình sự xảy ra 16 vụ bằng 24 đối tượng, bằng số vụ so với cùng kỳ "
        "năm 2017 . Tai nạn giao thông và va chạm giao thông xảy ra 18 vụ, tăng 03 vụ so với cùng kỳ. Tổ "
        "chức tuần tra, kiểm soát vi phạm Luật giao thông đường bộ, kiểm soát xe quá tải trọng trên địa "
        "bàn; đã xử phạt hành chính 231 trường hợp vi phạm, tạm giữ 63 phương tiện, xử phạt hành chính "
        "436,9 triệu đồng. Mở 02 đợt cao điểm tấn công trấn áp các loại tội phạm đảm bảo an ninh trật tự "
        "nhân dịp tết nguyên đán và dịp 30/4, 1/5. Triển khai xây dựng mới mô hình “Toàn dân bảo vệ an "
        "ninh tổ quốc ở cơ sở” tại xã Thanh Nghị, lũy kế đến nay toàn huyện có 09 mô hình.",
        [
            Want(16, "vụ", name="phạm pháp hình sự"),
            Want(24, "đối tượng", name="phạm pháp hình sự"),
            Want(18, "vụ", comps=(("same_period", "cùng kỳ", "change", None, 3, "vụ"),), name="Tai nạn giao thông"),
            Want(231, "trường hợp"),
            Want(63, "phương tiện"),
            Want(436.9, "triệu đồng"),
            Want(2, "đợt"),
            Want(9, "mô hình"),
        ],
    ),
    "socioeconomic-153 awards: Bằng khen is not a comparator": (
        "+ Đề nghị Thủ tướng Chính phủ tặng cờ thi đua xuất sắc cho 01 tập thể và tặng Bằng khen cho 03 "
        'cá nhân; Chủ tịch Ủy ban nhân dân tỉnh tặng danh hiệu "Tập thể lao động xuất sắc" cho 16 đơn '
        'vị; Cờ thi đua xuất sắc cho 04 đơn vị; "Chiến sỹ thi đua cấp tỉnh" cho 07 cá nhân; tặng Bằng '
        "khen của Chủ tịch UBND tỉnh cho 09 tập thể và 05 cá nhân.",
        [
            Want(1, "tập thể", name="cờ thi đua xuất sắc"),
            Want(3, "cá nhân", name="Bằng khen"),
            Want(16, "đơn vị", name="Tập thể lao động xuất sắc"),
            Want(4, "đơn vị", name="Cờ thi đua"),
            Want(7, "cá nhân", name="Chiến sỹ thi đua cấp tỉnh"),
            Want(9, "tập thể", name="Bằng khen của Chủ tịch UBND tỉnh"),
            Want(5, "cá nhân", name="Bằng khen của Chủ tịch UBND tỉnh"),
        ],
    ),
    "socioeconomic-23 communes by criteria met, a named earlier year": (
        "Ban chỉ đạo và UBND huyện đã tổ chức kiểm tra công tác xây dựng nông thôn mới tại 03 xã Liêm "
        "Túc, Thanh Nghị, Thanh Tân. UBND huyện  đã chỉ đạo các cơ quan chuyên môn rà soát các tiêu chí, "
        "đôn đốc tiến độ xây dựng mới tại các xã; kết quả 06 tháng đã có xã Liêm Sơn, Thanh Thủy, Thanh "
        "Bình đạt thêm 01 tiêu chí; đến nay toàn huyện có 03 xã Thanh Hải, Thanh Thủy, Liêm Sơn đạt chuẩn "
        "19 tiêu chí; 07 xã đạt chuẩn 18 tiêu chí; 03 xã đạt chuẩn 17 tiêu chí; xã Thanh Nghị đạt 16 "
        "tiêu chí, Thanh Tân đạt 15 tiêu chí, Liêm Túc đạt 14 tiêu chí; bình quân toàn huyện đạt 17,44 "
        "tiêu chí/xã, tăng 0,19 tiêu chí/xã so với năm 2017. Tập trung đôn đốc, thực hiện 03/09 tiêu chí "
        "huyện nông thôn mới chưa đạt chuẩn (Giao thông, Y tế-văn hóa- giáo dục, Môi trường).",
        [
            Want(3, "xã", name="kiểm tra công tác xây dựng nông thôn mới"),
            Want(1, "tiêu chí", name="đạt thêm"),
            Want(3, "xã", name="19 tiêu chí"),
            Want(7, "xã", name="18 tiêu chí"),
            Want(3, "xã", name="17 tiêu chí"),
            Want(16, "tiêu chí"),
            Want(15, "tiêu chí"),
            Want(14, "tiêu chí"),
            Want(17.44, "tiêu chí/xã", comps=(("previous_period", "năm 2017", "change", None, 0.19, "tiêu chí/xã"),)),
            Want(3, "tiêu chí", 9, name="chưa đạt chuẩn"),
        ],
    ),
    "monthly-26 discipline breakdown: carried unit, outcome categories": (
        "Xem xét xử lý đảng viên mức 4 qua phân loại chất lượng tổ chức đảng, đảng viên năm 2022: Tổng "
        "số 35 đ/c, đã xử lý 34 trong đó (*không kỷ luật 02; khiển trách 21, cảnh cáo 09, cách chức 01, "
        "xoá tên 01*); chưa xử lý 01.",
        [
            Want(35, "đ/c", name="Xem xét xử lý đảng viên mức 4"),
            Want(34, "đ/c", name="năm 2022 - đã xử lý"),
            Want(2, "đ/c", name="đã xử lý - không kỷ luật"),
            Want(21, "đ/c", name="đã xử lý - khiển trách"),
            Want(9, "đ/c", name="đã xử lý - cảnh cáo"),
            Want(1, "đ/c", name="đã xử lý - cách chức"),
            Want(1, "đ/c", name="đã xử lý - xoá tên"),
            Want(1, "đ/c", name="năm 2022 - chưa xử lý"),
        ],
    ),
    "socioeconomic-67 once decoded: money, dossiers, a coverage rate": (
        "Số thu Bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm tự nguyện 105,9 tỷ đồng đạt 45% KH; giải quyết "
        "5.539 hồ sơ hởng các chế độ bảo hiểm xã hội một lần, trợ cấp thất nghiệp, ốm đau, thai sản, dỡng "
        "sức. Tỷ lệ ngời dân tham gia bảo hiểm y tế đến nay 86%.",
        [
            Want(105.9, "tỷ đồng", comps=(plan(45),), name="Số thu Bảo hiểm xã hội, bảo hiểm y tế"),
            Want(5539, "hồ sơ", name="giải quyết hồ sơ"),
            Want(86, "%", name="Tỷ lệ ngời dân tham gia bảo hiểm y tế"),
        ],
    ),
    "socioeconomic-55 per mille, pp change as %, ước còn, ages in names": (
        "Nâng cao chất lượng công tác khám, chữa bệnh cho nhân dân, tại tuyến huyện đã khám bệnh cho "
        "30.442 lượt người, đạt 52,4% KH, điều trị nội trú 3.150 lượt người, công suất sử dụng giường bệnh "
        "đạt 150%. Chỉ đạo tăng cường công tác giám sát dịch bệnh, phát động tháng hành động vệ sinh an "
        "toàn thực phẩm; tổ chức kiểm tra 22 cơ sở sản xuất chế biến thực phẩm bếp ăn tập thể, nhà hàng ăn "
        "uống. Thực hiện tốt chương trình tiêm chủng mở rộng phòng 07 bệnh truyền nhiễm cho trẻ em dưới 01 "
        "tuổi. Tỷ lệ trẻ em dưới 05 tuổi suy dinh dưỡng ước còn 11%. Tỷ lệ giảm sinh 0,06‰ đạt 60% KH; tỷ "
        "lệ sinh con thứ 03 trở lên 10,2%, tăng so với cùng kỳ 0,1%.",
        [
            Want(30442, "lượt người", comps=(plan(52.4),), name="khám bệnh"),
            Want(3150, "lượt người", name="điều trị nội trú"),
            Want(150, "%", name="công suất sử dụng giường bệnh"),
            Want(22, "cơ sở"),
            Want(11, "%", name="Tỷ lệ trẻ em dưới 05 tuổi suy dinh dưỡng", estimated=True),
            Want(0.06, "‰", comps=(plan(60),), name="Tỷ lệ giảm sinh"),
            Want(10.2, "%", comps=(same(0.1, "cùng kỳ", "change"),), name="sinh con thứ 03 trở lên"),
        ],
    ),
    "socioeconomic-30 two plan baselines, meta-indicators, ratio-only": (
        "Thu ngân sách từ kinh tế trên địa bàn 219,395 tỷ đồng đạt 59% KH tỉnh giao, 54% KH huyện phấn "
        "đấu. Có 08/10 chỉ tiêu thu ngân sách đạt và vượt trên 50% KH năm; còn 02 chỉ tiêu thu chưa đạt "
        "tiến độ kế hoạch năm: Thu lệ phí trước bạ 46% KH; thu thường xuyên tại xã 33% KH. Đảm bảo tốt "
        "nhu cầu chi thường xuyên, đột xuất, chi đầu tư phát triển, đảm bảo an sinh xã hội, xây dựng nông "
        "thôn mới; số chi ngân sách huyện ước 329,3 tỷ đồng bằng 77% KH.",
        [
            Want(219.395, "tỷ đồng", comps=(plan(59, "KH tỉnh giao"), plan(54, "KH huyện phấn đấu"))),
            Want(8, "chỉ tiêu", 10, name="đạt và vượt trên 50% KH năm"),
            Want(2, "chỉ tiêu", name="chưa đạt tiến độ"),
            Want(None, comps=(plan(46),), name="Thu lệ phí trước bạ"),
            Want(None, comps=(plan(33),), name="thu thường xuyên tại xã"),
            Want(329.3, "tỷ đồng", comps=(plan(77),), name="chi ngân sách huyện", estimated=True),
        ],
    ),
    "webpage-142 a limitation counted in indicators": (
        "1.1. Có 03/27 chỉ tiêu đạt thấp dưới 50 % so với kế hoạch[2]; một số chỉ tiêu khó hoàn thành "
        "(Thu ngân sách nhà nước (trừ tiền cấp quyền sử dụng đất), tỷ lệ tham gia BHYT…).",
        [Want(3, "chỉ tiêu", 27, name="đạt thấp dưới 50 % so với kế hoạch")],
    ),
    "webpage-70 three budget comparisons, doubled verb, ratio-only estimate": (
        "- Về tài chính – tín dụng: Tổng thu ngân sách đến 30/6/2023 đạt 2.657 triệu đồng đạt 45,7% dự "
        "toán năm; thu NSNN (trừ tiền cấp quyền sử dụng đất) đạt 683 triệu đồng, bằng 33,1% dự toán giao; "
        "thu tiền sử dụng đất 144 triệu đồng, đạt 115,2% dự toán giao; triển khai thu các loại quỹ công "
        "chuyên dùng theo quy định. Chi ngân sách xã ước đạt 50,1% dự toán giao, đảm bảo nhiệm vụ chính "
        "trị của xã.",
        [
            Want(
                2657, "triệu đồng", comps=(budget(45.7, "dự toán năm"),), name="Tổng thu ngân sách", as_of="2023-06-30"
            ),
            Want(
                683,
                "triệu đồng",
                comps=(budget(33.1, "dự toán giao"),),
                name="thu NSNN (trừ tiền cấp quyền sử dụng đất)",
                as_of="2023-06-30",
            ),
            Want(
                144,
                "triệu đồng",
                comps=(budget(115.2, "dự toán giao"),),
                name="thu tiền sử dụng đất",
                as_of="2023-06-30",
            ),
            Want(None, comps=(budget(50.1, "dự toán giao"),), name="Chi ngân sách xã", estimated=True),
        ],
    ),
    "monthly-94 equations between units, breakdown in italics": (
        "- Công tác tiếp công dân, giải quyết đơn thư khiếu nại, tố cáo: Trong tháng tiếp 01 lượt người = "
        "01 vụ việc; tiếp nhận 11 đơn = 15 vụ việc (*đã giải quyết 02 đơn, còn 09 đơn đang giải quyết*). "
        "Ban hành kế hoạch phòng, chống tham nhũng năm 2023. Bàn giao 130 bản kê khai tài sản hàng năm và "
        "07 bản kê khai bổ sung thuộc đối tượng do Thanh tra tỉnh kiểm soát.",
        [
            Want(1, "lượt người"),
            Want(1, "vụ việc"),
            Want(11, "đơn", name="tiếp nhận"),
            Want(15, "vụ việc"),
            Want(2, "đơn", name="tiếp nhận đơn - đã giải quyết"),
            Want(9, "đơn", name="tiếp nhận đơn - đơn đang giải quyết"),
            Want(130, "bản kê khai", name="tài sản hàng năm"),
            Want(7, "bản kê khai", name="bổ sung"),
        ],
    ),
    "socioeconomic-61 a ratio whose % was dropped, a breakdown child": (
        "Giải quyết việc làm mới cho 1.715 người đạt 63,52 KH, trong đó xuất khẩu lao động 69 người đạt "
        "46% KH. Thực hiện tốt các chương trình mục tiêu xóa đói, giảm nghèo.",
        [
            Want(1715, "người", comps=(plan(63.52),), name="Giải quyết việc làm mới"),
            Want(69, "người", comps=(plan(46),), name="Giải quyết việc làm mới - xuất khẩu lao động"),
        ],
    ),
}


@pytest.mark.parametrize("case", list(HARD), ids=list(HARD))
def test_hard_sentences_give_exactly_the_expected_indicators(case: str) -> None:
    raw, wants = HARD[case]
    text = normalized(raw)
    inds = find_indicators(text)
    assert_grounded(text, inds)
    assert len(inds) == len(wants), [(i.name, i.value, i.unit) for i in inds]
    remaining = list(inds)
    for want in wants:
        match = next(
            (
                i
                for i in remaining
                if i.value == want.value
                and i.unit == want.unit
                and (want.name is None or want.name.lower() in i.name.lower())
                and (want.value is not None or comps(i) == list(want.comps))
            ),
            None,
        )
        assert match is not None, f"{want} not in {[(i.name, i.value, i.unit) for i in remaining]}"
        remaining.remove(match)
        assert match.target == want.target, match
        assert comps(match) == list(want.comps), match
        assert (match.estimated, match.approx, match.as_of) == (want.estimated, want.approx, want.as_of), match


# --- facets --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "estimated"),
    [
        ("năng suất lúa đạt cao ước 68 tạ/ha", True),
        ("Giá trị sản xuất CN-TTCN thực hiện tháng 02 ước đạt 660 tỷ đồng", True),
        ("Tổng dư nợ đến nay ước tính 288,876 tỷ đồng", True),
        ("[2]Như: Thu ngân sách nhà nước đạt 45,7%; thành lập doanh nghiệp mới", False),
        ("tổ chức ký giao ước thi đua giữa 05 cụm", False),
        ("trước đó đã trồng 50 cây", False),
    ],
)
def test_estimates_need_the_word_uoc_not_a_syllable_containing_it(text: str, estimated: bool) -> None:
    (ind,) = find_indicators(text)
    assert ind.estimated is estimated


@pytest.mark.parametrize(
    ("text", "approx"),
    [
        ("đã trồng mới trên 85ha chủ yếu là cây keo", "over"),
        ("khám và điều trị cho hơn 1.100 lượt người", "over"),
        ("làm 08 km đường với kinh phí gần 15 tỷ đồng", "under"),
        ("thu hồi đất các dự án với diện tích khoảng 914.104m2", "about"),
        ("Tỷ lệ trẻ em dưới 05 tuổi suy dinh dưỡng ước còn 11%", None),
    ],
)
def test_qualifier_right_before_the_figure_sets_approx(text: str, approx: str | None) -> None:
    ind = find_indicators(text)[-1]
    assert ind.approx == approx


def test_an_age_bound_stays_in_the_name_and_is_not_a_figure() -> None:
    (ind,) = find_indicators("Tỷ lệ trẻ em dưới 05 tuổi suy dinh dưỡng ước còn 11%.")
    assert (ind.value, ind.unit, ind.name) == (11, "%", "Tỷ lệ trẻ em dưới 05 tuổi suy dinh dưỡng")


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng", "2023-02-20"),
        ("Tổng nguồn vốn tính đến ngày 30/6/2023 là trên 106 tỷ đồng", "2023-06-30"),
        ("Tổng nguồn vốn tính đến ngày 30/6 là trên 106 tỷ đồng", None),  # no year: never guessed
        ("Tổng dư nợ đến nay ước 288,876 tỷ đồng", None),
    ],
)
def test_as_of_is_the_iso_cut_off_date_when_its_year_is_written(text: str, as_of: str | None) -> None:
    (ind,) = find_indicators(text)
    assert ind.as_of == as_of


def test_glued_units_and_percent_bases_are_read() -> None:
    text = (
        "Diện tích gieo cấy lúa xuân 6.128,7ha, đạt 99,65% so với KH; tích tụ tập trung đất đai được 50 ha, đạt 91%KH."
    )
    first, second = find_indicators(text)
    assert (first.name, first.value, first.unit, comps(first)) == (
        "Diện tích gieo cấy lúa xuân",
        6128.7,
        "ha",
        [plan(99.65)],
    )
    assert first.quote == "Diện tích gieo cấy lúa xuân 6.128,7ha, đạt 99,65% so với KH"
    assert comps(second) == [plan(91)]


def test_absolute_changes_keep_sign_amount_and_unit_as_written() -> None:
    text = (
        "Tổng dư nợ đến nay ước 288,876 tỷ đồng, tăng 28,708 tỷ đồng so với cùng kỳ; tiếp thường xuyên 28 "
        "lượt người, giảm 34 lượt người so với cùng kỳ."
    )
    debt, visits = find_indicators(text)
    assert comps(debt) == [("same_period", "cùng kỳ", "change", None, 28.708, "tỷ đồng")]
    assert comps(visits) == [("same_period", "cùng kỳ", "change", None, -34, "lượt người")]


def test_a_bang_figure_after_a_percentage_change_is_its_size() -> None:
    # ⟨invented⟩ genre-notes 3(d)
    (ind,) = find_indicators("Diện tích nuôi trồng thủy sản 412 ha, giảm 3,1% so với cùng kỳ, bằng 13 ha.")
    assert comps(ind) == [("same_period", "cùng kỳ", "change", -3.1, -13, "ha")]


def test_plan_in_parentheses_becomes_the_target() -> None:
    # ⟨invented⟩ genre-notes 3(b)
    (ind,) = find_indicators("kiên cố hóa 12 km kênh mương, đạt 60% kế hoạch (KH: 20 km).")
    assert (ind.value, ind.unit, ind.target, comps(ind)) == (12, "km", 20, [plan(60, "kế hoạch")])


def test_a_figure_introduced_as_the_plan_is_also_its_target() -> None:
    text = "Hoàn thành công tác tuyển quân năm 2023 theo chỉ tiêu giao là 16 thanh niên đạt 100% KH."
    (ind,) = find_indicators(text)
    assert (ind.value, ind.unit, ind.target, comps(ind)) == (16, "thanh niên", 16, [plan(100)])


def test_any_other_baseline_after_so_voi_is_basis_other() -> None:
    # ⟨invented⟩ genre-notes 3(c)
    (ind,) = find_indicators("Giải ngân vốn đầu tư công 42 tỷ đồng, đạt 35% so với tổng mức đầu tư.")
    assert comps(ind) == [("other", "tổng mức đầu tư", "ratio", 35, None, None)]


def test_a_bare_dat_percentage_after_a_count_has_an_unnamed_basis() -> None:
    (ind,) = find_indicators("6 tháng đã hòa giải thành 132 việc đạt 80%.")
    assert (ind.value, ind.unit, comps(ind)) == (132, "việc", [("other", "", "ratio", 80, None, None)])


def test_a_share_after_a_count_is_a_second_indicator_with_the_same_name() -> None:
    text = "đến nay cả xã còn 37 hộ nghèo chiếm 1,87%, cận nghèo 36 hộ chiếm 1,82%."
    inds = find_indicators(text)
    assert [(i.value, i.unit) for i in inds] == [(37, "hộ"), (1.87, "%"), (36, "hộ"), (1.82, "%")]
    assert inds[0].name == inds[1].name and inds[2].name == inds[3].name
    assert inds[1].quote == "cả xã còn 37 hộ nghèo chiếm 1,87%"


def test_a_rate_with_no_count_before_it_is_the_value() -> None:
    (ind,) = find_indicators("tỷ lệ thu gom rác thải sinh hoạt đạt 70%.")
    assert (ind.name, ind.value, ind.unit, ind.comparisons) == ("Tỷ lệ thu gom rác thải sinh hoạt", 70, "%", [])


def test_a_threshold_statement_without_a_count_is_not_an_indicator() -> None:
    text = "các chỉ tiêu cơ bản đều đạt và vượt 50% kế hoạch năm: Sản xuất nông nghiệp được mùa."
    assert find_indicators(text) == []


def test_meta_indicators_keep_their_threshold_in_the_name() -> None:
    text = (
        "Tổng 27 chỉ tiêu trong đó: có 15 chỉ tiêu đạt từ 50% kế hoạch trở lên, 03 chỉ tiêu đạt dưới 50%; "
        "còn 9 chỉ tiêu chưa đủ điều kiện đánh giá."
    )
    inds = find_indicators(text)
    assert [(i.value, i.unit) for i in inds] == [(27, "chỉ tiêu"), (15, "chỉ tiêu"), (3, "chỉ tiêu"), (9, "chỉ tiêu")]
    assert all(not i.comparisons for i in inds)
    assert inds[1].name == "Tổng chỉ tiêu - chỉ tiêu đạt từ 50% kế hoạch trở lên"


def test_next_period_targets_inside_results_are_excluded_but_a_phan_dau_basis_is_not() -> None:
    text = (
        "Duy trì ngành công nghiệp; phấn đấu giá trị sản xuất ngành công nghiệp tăng 17,5% so với năm "
        "2017. Thu ngân sách 219,395 tỷ đồng đạt 54% KH huyện phấn đấu."
    )
    (ind,) = find_indicators(text)
    assert (ind.value, comps(ind)) == (219.395, [plan(54, "KH huyện phấn đấu")])


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức Hội nghị giữ chức vụ Phó Bí thư Huyện ủy nhiệm kỳ 2020 - 2025.",
        "chào mừng kỷ niệm 92 năm Ngày thành lập Đoàn TNCS Hồ Chí Minh và 77 năm Ngày thể thao Việt Nam.",
        "Tổ chức giao ban Cụm thi đua số 1 gồm 5 huyện và thành phố.",
        "Tổ chức thi học sinh giỏi lớp 8, lớp 9 cấp huyện (vòng 2).",
        "dự án Đào đắp nền đường từ Quốc lộ 10 đến núi Hồ Sơn, Tỉnh lộ 485B từ đê hữu sông Đào đến QL21B.",
        "Duy trì lớp Trung cấp lý luận Chính trị - Hành chính K65B3 (Khóa XII).",
        "tuyến ống dẫn nước thô (số 2) cấp nước cho nhà máy nước KCN Bảo Minh.",
        "Ban hành Kế hoạch số 31-KH/HU, ngày 09/02/2023 về thực hiện Chỉ thị số 18-CT/TW ngày 26/10/2022.",
        "Triển khai thực hiện nghiêm Thông tư 04/2023/TT-BTC về hướng dẫn quản lý.",
        "công bố quy hoạch điều chỉnh tỷ lệ 1/500 khu đô thị Hưng Hòa, quy hoạch chi tiết 1/2000 khu công nghiệp.",
        "phát thẻ đảng viên đợt 19/05/2023; tuyên truyền ngày 30/4, 01/5 và ngày sinh nhật Bác 19/5.",
        "Triển khai thí điểm mô hình “Xây dựng gia đình 5 có 3 sạch”.",
        "Triển khai hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia ISO 9001-9008.",
        "tuyên truyền công tác phòng, chống dịch bệnh Covid-19, an ninh trật tự.",
        "Trường Mầm non xếp thứ 17, Trường trung học cơ sở xếp thứ 16 toàn huyện.",
        "6 tháng đầu năm 2018, dưới sự lãnh đạo của Huyện uỷ.",
        "Truy cập\n\nHôm nay:\n1\nHôm qua:\n0\nTất cả:\n158881\n",
        "2. Công tác xây dựng chính quyền\n1.1. Hoạt sản xuất, kinh doanh duy trì ổn định.",
        "vụ đông xuân 2017-2018; rà soát hệ thống hóa văn bản quy phạm pháp luật 20 năm (từ 1997-2017).",
    ],
)
def test_dates_years_terms_ordinals_names_and_codes_are_not_indicators(text: str) -> None:
    assert find_indicators(text) == []


def test_doc_type_words_after_a_count_are_units_not_references() -> None:
    (ind,) = find_indicators("trong quý phát hành 356 Quyết định; lưu trữ hồ sơ.")
    assert (ind.value, ind.unit) == (356, "quyết định")


# --- breakdowns and footnotes ------------------------------------------------------------------------


def test_a_parenthesis_of_same_unit_parts_breaks_down_the_figure_before_it() -> None:
    text = (
        "hoàn thành công tác gieo cấy lúa và trồng màu vụ Xuân với tổng diện tích 8.900 ha, gồm: Cây lúa "
        "7.950 ha, đạt 100% KH; cây màu 950 ha, đạt 100% KH (cây lạc 650 ha, rau các loại 300 ha)."
    )
    names = [i.name for i in find_indicators(text)]
    assert names == [
        "Hoàn thành công tác gieo cấy lúa và trồng màu vụ Xuân - tổng diện tích",
        "Hoàn thành công tác gieo cấy lúa và trồng màu vụ Xuân - cây lúa",
        "Hoàn thành công tác gieo cấy lúa và trồng màu vụ Xuân - cây màu",
        "Hoàn thành công tác gieo cấy lúa và trồng màu vụ Xuân - cây màu - cây lạc",
        "Hoàn thành công tác gieo cấy lúa và trồng màu vụ Xuân - cây màu - rau các loại",
    ]


def test_figures_in_a_parenthesis_after_plain_words_share_them() -> None:
    text = (
        "Hoàn thành việc chi trả tiền BTHT GPMB dự án xây dựng Trung tâm mầm non thôn Lập Vũ xã Hợp Hưng "
        "(12 hộ, số tiền là 1,01 tỷ đồng)."
    )
    households, money = find_indicators(text)
    base = "Hoàn thành việc chi trả tiền BTHT GPMB dự án xây dựng Trung tâm mầm non thôn Lập Vũ xã Hợp Hưng"
    assert (households.name, households.value, households.unit) == (base, 12, "hộ")
    assert (money.name, money.value, money.unit) == (f"{base} - số tiền", 1.01, "tỷ đồng")


def test_a_footnote_body_breaks_down_the_figure_that_cites_it() -> None:
    text = sample("2023-02-district-party-monthly")
    body = text.index("² Bao gồm")
    inds = find_indicators(text, body, text.index("\n", body))
    assert len(inds) == 9 and sum(i.value or 0 for i in inds) == 136
    assert all(i.name.startswith("Tiếp nhận, giải quyết hồ sơ - ") for i in inds)
    assert {i.sector for i in inds} == {"labour_social"}


# --- sectors, offsets, restatements ----------------------------------------------------------------


def test_a_paragraph_label_overrides_the_section_sector() -> None:
    text = "- Sản xuất nông nghiệp: Trồng cây nhân dân đã trồng 88.000 cây, đạt 80% KH."
    (ind,) = find_indicators(text, sector="economy_general")
    assert ind.sector == "agriculture"


def test_the_name_decides_when_there_is_no_label_and_the_section_sector_is_the_fallback() -> None:
    text = "Tổng thu NSNN là 88,8 tỷ đồng. Cấp 1027 căn cước công dân."
    budget_ind, ids = find_indicators(text, sector="security_order")
    assert (budget_ind.sector, ids.sector) == ("budget", "security_order")
    assert find_indicators("Cấp 1027 căn cước công dân.")[0].sector == "security_order"  # the name's own cue
    assert find_indicators("Tặng 15 suất quà.")[0].sector == "other"  # no cue, no section


def test_offsets_are_absolute_and_stay_inside_the_section_body() -> None:
    text = "I. Kết quả\nTrồng cây nhân dân đã trồng 88.000 cây, đạt 80% KH.\nII. Khác\nTặng 14 xuất quà."
    start, end = text.index("Trồng"), text.index("II.")
    (ind,) = find_indicators(text, start, end)
    assert start <= ind.start < ind.end <= end
    assert text[ind.start : ind.end] == ind.quote == "Trồng cây nhân dân đã trồng 88.000 cây, đạt 80% KH"


def test_a_figure_restated_in_a_later_summary_section_is_dropped() -> None:
    text = (
        "3. Công nghiệp\nGiá trị sản xuất công nghiệp, tiểu thủ công nghiệp 5.999,8 tỷ đồng đạt 57% KH, "
        "tăng 29,07% so với cùng kỳ.\n* ĐÁNH GIÁ CHUNG\ngiá trị sản xuất công nghiệp, tiểu thủ công "
        "nghiệp tăng 29,07% so với cùng kỳ. Tổ chức 02 cuộc thanh tra.\n"
    )
    summary = text.index("giá trị sản xuất công nghiệp, tiểu thủ công nghiệp tăng")
    assert [i.value for i in find_indicators(text, summary)] == [2]
    assert len(find_indicators(text, 0, summary)) == 1


# --- the dev corpus ------------------------------------------------------------------------------------

_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{4})?")


@pytest.mark.parametrize("stem", DEV)
def test_every_indicator_of_the_dev_corpus_is_grounded_and_plausible(stem: str) -> None:
    text = sample(stem)
    inds = find_indicators(text)
    assert len(inds) > 40
    for ind in inds:
        assert text[ind.start : ind.end] == ind.quote
        if ind.value is not None:
            assert occurs_in(ind.value, ind.quote), ind
            assert not (ind.unit is None and 1900 <= ind.value <= 2100), ind  # a year
            assert not _DATE.fullmatch(ind.quote.strip()), ind
        for comp in ind.comparisons:
            if comp.pct is not None:
                assert occurs_in(comp.pct, ind.quote), ind
            if comp.amount is not None:
                assert occurs_in(comp.amount, ind.quote), ind
        assert ind.name and ind.name == ind.name.strip()
        assert isinstance(ind.comparisons, list) and all(isinstance(c, Comparison) for c in ind.comparisons)
