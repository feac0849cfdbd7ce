"""A battery of the ways Vietnamese reports compare a figure (SPEC 4 `comparisons`, genre-notes 3b-3d),
in sentences written for this test in the wording of many issuers (communes, districts, provinces,
Party committees, departments). Each case names the figures it must find (value and unit) and the
comparisons each one must carry, exactly: basis, basis as written, relation, pct, amount, unit.

Forms left out because the SPEC does not settle them: `vượt X% kế hoạch` (a ratio of X or of 100+X,
or a change?), `tăng X lần` (x X or x (X+1)?), a bare `chiếm X%` (a share indicator of its own,
SPEC 4 "shares", not a comparison)."""

from __future__ import annotations

import pytest

from llmx.contract import Indicator
from llmx.rules.indicators import find_indicators

Comp = tuple[str, str, str, float | None, float | None, str | None]


def plan(pct: float, words: str = "KH") -> Comp:
    return ("plan", words, "ratio", pct, None, None)


def budget(pct: float, words: str = "dự toán") -> Comp:
    return ("budget_estimate", words, "ratio", pct, None, None)


def same(pct: float, words: str = "cùng kỳ", relation: str = "change") -> Comp:
    return ("same_period", words, relation, pct, None, None)


def prev(pct: float, words: str, relation: str = "change") -> Comp:
    return ("previous_period", words, relation, pct, None, None)


def amount(basis: str, words: str, value: float, unit: str) -> Comp:
    return (basis, words, "change", None, value, unit)


# (sentence, [(value, unit, [comparisons])]); value None = a ratio-only statement
CASES: dict[str, tuple[str, list[tuple[float | None, str | None, list[Comp]]]]] = {
    "dat pct KH": ("Diện tích gieo trồng cây hằng năm 3.420 ha, đạt 101,2% KH.", [(3420, "ha", [plan(101.2)])]),
    "pct slash KH": (
        "Thu ngân sách xã 4,8 tỷ đồng, 61%/KH.",
        [(4.8, "tỷ đồng", [plan(61)])],
    ),
    "dat pct glued KH": ("Kết nạp đảng viên mới 14 đồng chí, đạt 70%KH.", [(14, "đồng chí", [plan(70)])]),
    "equals pct so CK": (
        "Doanh thu dịch vụ lưu trú 215 tỷ đồng = 104% so CK.",
        [(215, "tỷ đồng", [same(104, "CK", "ratio")])],
    ),
    "tang truong pct so voi cung ky after a figure": (
        "Giá trị sản xuất ngành chăn nuôi 640 tỷ đồng, tăng trưởng 6,4% so với cùng kỳ.",
        [(640, "tỷ đồng", [same(6.4)])],
    ),
    "toc do tang pct after a figure": (
        "Sản lượng cà phê nhân 38.500 tấn, tốc độ tăng 9,5%.",
        [(38500, "tấn", [("other", "", "change", 9.5, None, None)])],
    ),
    "a growth rate against a basis is a change, ratio-only": (
        "Tăng trưởng giá trị sản xuất nông nghiệp đạt 4,8% so với cùng kỳ.",
        [(None, None, [same(4.8)])],
    ),
    "dat pct ke hoach nam": (
        "Tổng đàn gia cầm 185.000 con, đạt 97,4% kế hoạch năm.",
        [(185000, "con", [plan(97.4, "kế hoạch năm")])],
    ),
    "dat pct chi tieu huyen giao": (
        "Tuyển chọn, gọi 42 công dân nhập ngũ, đạt 100% chỉ tiêu huyện giao.",
        [(42, "công dân", [plan(100, "chỉ tiêu huyện giao")])],
    ),
    "dat pct nghi quyet": (
        "Thu nhập bình quân đầu người đạt 52,6 triệu đồng, đạt 95,6% Nghị quyết.",
        [(52.6, "triệu đồng", [plan(95.6, "Nghị quyết")])],
    ),
    "dat pct NQ": (
        "Trồng rừng tập trung 126 ha, đạt 84% NQ.",
        [(126, "ha", [plan(84, "NQ")])],
    ),
    "dat pct so voi ke hoach": (
        "Sản lượng thủy sản 1.245 tấn, đạt 103,5% so với kế hoạch.",
        [(1245, "tấn", [plan(103.5, "kế hoạch")])],
    ),
    "dat pct so voi KH nam": (
        "Cấp 2.310 giấy chứng nhận quyền sử dụng đất, đạt 77% so với KH năm.",
        [(2310, "giấy chứng nhận", [plan(77, "KH năm")])],
    ),
    "dat pct KH tinh giao": (
        "Giải quyết việc làm mới cho 1.860 lao động, đạt 62% KH tỉnh giao.",
        [(1860, "lao động", [plan(62, "KH tỉnh giao")])],
    ),
    "dat pct du toan tinh giao": (
        "Thu ngân sách trên địa bàn 412,5 tỷ đồng, đạt 58,3% dự toán tỉnh giao.",
        [(412.5, "tỷ đồng", [budget(58.3, "dự toán tỉnh giao")])],
    ),
    "dat pct du toan HDND": (
        "Chi ngân sách địa phương 96,2 tỷ đồng, bằng 47,1% dự toán HĐND huyện giao.",
        [(96.2, "tỷ đồng", [budget(47.1, "dự toán HĐND huyện giao")])],
    ),
    "dat pct du toan nam": (
        "Tổng thu ngân sách xã 3,42 tỷ đồng, đạt 61% dự toán năm.",
        [(3.42, "tỷ đồng", [budget(61, "dự toán năm")])],
    ),
    "bang pct du toan and same period": (
        "Thu ngân sách nhà nước 215 tỷ đồng, bằng 54,2% dự toán tỉnh giao, bằng 48,7% dự toán huyện giao, "
        "tăng 6,1% so với cùng kỳ.",
        [
            (
                215,
                "tỷ đồng",
                [budget(54.2, "dự toán tỉnh giao"), budget(48.7, "dự toán huyện giao"), same(6.1)],
            )
        ],
    ),
    "bang pct cung ky": (
        "Tổng mức bán lẻ hàng hóa 1.532 tỷ đồng, bằng 108,4% cùng kỳ.",
        [(1532, "tỷ đồng", [same(108.4, relation="ratio")])],
    ),
    "bang pct so voi cung ky": (
        "Sản lượng điện thương phẩm 86,4 triệu kWh, bằng 104% so với cùng kỳ.",
        [(86.4, "triệu kwh", [same(104, relation="ratio")])],
    ),
    "bang pct CK": (
        "Lượng khách du lịch 24.300 lượt, bằng 121% CK.",
        [(24300, "lượt", [same(121, "CK", relation="ratio")])],
    ),
    "bang pct cung ky nam truoc": (
        "Kim ngạch xuất khẩu 45,8 triệu USD, bằng 96,2% cùng kỳ năm trước.",
        [(45.8, "triệu usd", [same(96.2, "cùng kỳ năm trước", relation="ratio")])],
    ),
    "tang pct so voi cung ky": (
        "Giá trị sản xuất công nghiệp 2.146 tỷ đồng, tăng 9,3% so với cùng kỳ.",
        [(2146, "tỷ đồng", [same(9.3)])],
    ),
    "giam pct so voi cung ky nam truoc": (
        "Số vụ tai nạn giao thông 14 vụ, giảm 12,5% so với cùng kỳ năm trước.",
        [(14, "vụ", [same(-12.5, "cùng kỳ năm trước")])],
    ),
    "tang pct CK no so voi": (
        "Doanh thu vận tải 312 tỷ đồng, tăng 7,8% CK.",
        [(312, "tỷ đồng", [same(7.8, "CK")])],
    ),
    "tang pct cung ky nam 2023": (
        "Vốn đầu tư toàn xã hội 3.450 tỷ đồng, tăng 11,2% so với cùng kỳ năm 2023.",
        [(3450, "tỷ đồng", [same(11.2, "cùng kỳ năm 2023")])],
    ),
    "giam pct so voi nam 2023": (
        "Số hộ nghèo còn 412 hộ, giảm 18,6% so với năm 2023.",
        [(412, "hộ", [prev(-18.6, "năm 2023")])],
    ),
    "so voi cung ky tang": (
        "Đàn trâu 4.120 con, so với cùng kỳ tăng 2,4%.",
        [(4120, "con", [same(2.4)])],
    ),
    "so voi cung ky nam truoc giam": (
        "Số doanh nghiệp thành lập mới 86 doanh nghiệp, so với cùng kỳ năm trước giảm 4,4%.",
        [(86, "doanh nghiệp", [same(-4.4, "cùng kỳ năm trước")])],
    ),
    "colon list baseline first": (
        "Đàn lợn: 23.400 con, so với cùng kỳ tăng 1,2%.",
        [(23400, "con", [same(1.2)])],
    ),
    "so voi thang truoc": (
        "Chỉ số giá tiêu dùng tháng 5 tăng 0,42% so với tháng trước.",
        [(None, None, [prev(0.42, "tháng trước")])],
    ),
    "so voi quy truoc": (
        "Số lao động đi làm việc ở nước ngoài 126 người, tăng 15,6% so với quý trước.",
        [(126, "người", [prev(15.6, "quý trước")])],
    ),
    "so voi nam truoc": (
        "Tổng sản lượng lương thực 48.650 tấn, tăng 1,8% so với năm trước.",
        [(48650, "tấn", [prev(1.8, "năm trước")])],
    ),
    "so voi thang truoc amount": (
        "Tiếp nhận 1.240 hồ sơ trực tuyến, tăng 180 hồ sơ so với tháng trước.",
        [(1240, "hồ sơ", [amount("previous_period", "tháng trước", 180, "hồ sơ")])],
    ),
    "tang ty dong so voi CK": (
        "Thu thuế, phí 58,6 tỷ đồng, tăng 6,2 tỷ đồng so với CK.",
        [(58.6, "tỷ đồng", [amount("same_period", "CK", 6.2, "tỷ đồng")])],
    ),
    "giam vu so voi cung ky": (
        "Xảy ra 9 vụ cháy, giảm 3 vụ so với cùng kỳ.",
        [(9, "vụ", [amount("same_period", "cùng kỳ", -3, "vụ")])],
    ),
    "plan and same period": (
        "Sản lượng lúa cả năm 32.150 tấn, đạt 100,5% KH, tăng 2,1% so với cùng kỳ.",
        [(32150, "tấn", [plan(100.5), same(2.1)])],
    ),
    "plan and same period joined by va": (
        "Diện tích trồng ngô 640 ha, đạt 91,4% kế hoạch và bằng 102,3% cùng kỳ.",
        [(640, "ha", [plan(91.4, "kế hoạch"), same(102.3, relation="ratio")])],
    ),
    "uoc dat pct ratio only": (
        "Công tác thu ngân sách ước đạt 52,4% dự toán giao.",
        [(None, None, [budget(52.4, "dự toán giao")])],
    ),
    "uoc dat value and plan": (
        "Tổng giá trị sản xuất ước đạt 1.845 tỷ đồng, đạt 50,8% kế hoạch năm.",
        [(1845, "tỷ đồng", [plan(50.8, "kế hoạch năm")])],
    ),
    "ratio only chi tieu": (
        "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 96% chỉ tiêu.",
        [(None, None, [plan(96, "chỉ tiêu")])],
    ),
    "plan in parentheses": (
        "Kết nạp 38 đảng viên mới, đạt 95% kế hoạch (KH: 40 đảng viên).",
        [(38, "đảng viên", [plan(95, "kế hoạch")])],
    ),
    "gap lan cung ky": (
        "Thu tiền sử dụng đất 86 tỷ đồng, gấp 2,5 lần cùng kỳ.",
        [(86, "tỷ đồng", [same(250, relation="ratio")])],
    ),
    "gap lan so voi cung ky": (
        "Số lượt khách quốc tế 3.200 lượt, gấp 3 lần so với cùng kỳ năm trước.",
        [(3200, "lượt", [same(300, "cùng kỳ năm trước", relation="ratio")])],
    ),
    "dat ty le then tang": (
        "Số hồ sơ giải quyết đúng hạn 4.560 hồ sơ, đạt tỷ lệ 98,2%, tăng 1,4% so với cùng kỳ.",
        [(4560, "hồ sơ", [("other", "tỷ lệ", "ratio", 98.2, None, None), same(1.4)])],
    ),
    "tang diem pct": (
        "Tỷ lệ hộ sử dụng nước sạch đạt 92,4%, tăng 1,6 điểm % so với cùng kỳ.",
        [(92.4, "%", [same(1.6)])],
    ),
    "tang diem phan tram": (
        "Tỷ lệ lao động qua đào tạo đạt 68,5%, tăng 2,1 điểm phần trăm so với năm 2023.",
        [(68.5, "%", [prev(2.1, "năm 2023")])],
    ),
    "cao hon pct so voi": (
        "Năng suất lúa bình quân 62,4 tạ/ha, cao hơn 3,2% so với cùng kỳ.",
        [(62.4, "tạ/ha", [same(3.2)])],
    ),
    "thap hon pct so voi": (
        "Giá trị xuất khẩu 18,6 triệu USD, thấp hơn 5,4% so với cùng kỳ năm trước.",
        [(18.6, "triệu usd", [same(-5.4, "cùng kỳ năm trước")])],
    ),
    "bang pct so voi KH nam": (
        "Giải ngân vốn đầu tư công 146,8 tỷ đồng, bằng 42,3% so với KH năm.",
        [(146.8, "tỷ đồng", [plan(42.3, "KH năm")])],
    ),
    "so voi cung ky nam truoc in parentheses": (
        "Tổng thu ngân sách 78,4 tỷ đồng, so với cùng kỳ năm trước (tăng 8,2%).",
        [(78.4, "tỷ đồng", [same(8.2, "cùng kỳ năm trước")])],
    ),
    "change in parentheses": (
        "Tổng đàn bò 6.820 con (tăng 3,5% so với cùng kỳ).",
        [(6820, "con", [same(3.5)])],
    ),
    "semicolon list each with comparison": (
        "Đàn trâu 2.140 con, giảm 1,8% so với cùng kỳ; đàn bò 5.360 con, tăng 2,6% so với cùng kỳ; "
        "đàn lợn 31.500 con, tăng 4,1% so với cùng kỳ.",
        [(2140, "con", [same(-1.8)]), (5360, "con", [same(2.6)]), (31500, "con", [same(4.1)])],
    ),
    "colon list with ratios": (
        "Kết quả thu: Thuế ngoài quốc doanh: 12,4 tỷ đồng, đạt 56% dự toán; Lệ phí trước bạ: 4,6 tỷ đồng, "
        "đạt 61% dự toán.",
        [(12.4, "tỷ đồng", [budget(56)]), (4.6, "tỷ đồng", [budget(61)])],
    ),
    "footnote mark before comparison": (
        "Tổng vốn huy động 1.260 tỷ đồng[3], tăng 9,6% so với cùng kỳ.",
        [(1260, "tỷ đồng", [same(9.6)])],
    ),
    "two baselines in one clause": (
        "Thu ngân sách xã 5,1 tỷ đồng, đạt 68% kế hoạch và tăng 12% so với cùng kỳ.",
        [(5.1, "tỷ đồng", [plan(68, "kế hoạch"), same(12)])],
    ),
    "tang so voi cung ky then number": (
        "Tỷ lệ sinh con thứ ba trở lên 8,6%, giảm so với cùng kỳ 0,4%.",
        [(8.6, "%", [same(-0.4)])],
    ),
    "so voi dau nam": (
        "Tổng dư nợ cho vay 1.420 tỷ đồng, tăng 5,2% so với đầu năm.",
        [(1420, "tỷ đồng", [prev(5.2, "đầu năm")])],
    ),
    "so voi other baseline": (
        "Giải ngân 84,6 tỷ đồng, đạt 71,2% so với vốn được giao.",
        [(84.6, "tỷ đồng", [("other", "vốn được giao", "ratio", 71.2, None, None)])],
    ),
    "dat pct ke hoach duoc giao": (
        "Xây dựng 12 km đường giao thông nông thôn, đạt 80% kế hoạch được giao.",
        [(12, "km", [plan(80, "kế hoạch được giao")])],
    ),
    "glued pct KH": ("Trồng 45 ha rừng, đạt 90%KH.", [(45, "ha", [plan(90)])]),
    "TH and KH abbreviations": (
        "Thu ngân sách 23,5 tỷ đồng, đạt 64% DT, bằng 112% CK.",
        [(23.5, "tỷ đồng", [budget(64, "DT"), same(112, "CK", relation="ratio")])],
    ),
    "dat pct so voi cung ky": (
        "Vốn tín dụng chính sách 312 tỷ đồng, đạt 106,2% so với cùng kỳ.",
        [(312, "tỷ đồng", [same(106.2, relation="ratio")])],
    ),
    "tang pct so voi cung ky va so voi thang truoc": (
        "Chỉ số sản xuất công nghiệp tháng 6 tăng 1,2% so với tháng trước và tăng 8,7% so với cùng kỳ.",
        [(None, None, [prev(1.2, "tháng trước"), same(8.7)])],
    ),
    "so voi cung ky tang amount": (
        "Tiếp nhận 326 hồ sơ đăng ký kinh doanh, so với cùng kỳ tăng 42 hồ sơ.",
        [(326, "hồ sơ", [amount("same_period", "cùng kỳ", 42, "hồ sơ")])],
    ),
    "giam amount so voi nam": (
        "Phát hiện 27 vụ vi phạm về môi trường, giảm 5 vụ so với năm 2023.",
        [(27, "vụ", [amount("previous_period", "năm 2023", -5, "vụ")])],
    ),
    "dat pct ke hoach va pct cung ky after estimate": (
        "Sản lượng khai thác thủy sản ước đạt 2.840 tấn, đạt 54,6% kế hoạch, bằng 101,4% cùng kỳ năm 2023.",
        [(2840, "tấn", [plan(54.6, "kế hoạch"), same(101.4, "cùng kỳ năm 2023", relation="ratio")])],
    ),
    "tang pct so voi CK abbreviation": (
        "Số thuê bao internet 18.650 thuê bao, tăng 6,3% so với CK.",
        [(18650, "thuê bao", [same(6.3, "CK")])],
    ),
    "dat pct ke hoach UBND huyen giao": (
        "Cấp 1.450 thẻ bảo hiểm y tế, đạt 96,7% kế hoạch UBND huyện giao.",
        [(1450, "thẻ bảo hiểm y tế", [plan(96.7, "kế hoạch UBND huyện giao")])],
    ),
    "dat pct so voi ke hoach nam 2024": (
        "Diện tích lúa đông xuân 2.960 ha, đạt 98,7% so với kế hoạch năm 2024.",
        [(2960, "ha", [plan(98.7, "kế hoạch năm 2024")])],
    ),
    "bang pct cung ky 2023": (
        "Tổng kim ngạch nhập khẩu 12,4 triệu USD, bằng 87,5% cùng kỳ 2023.",
        [(12.4, "triệu usd", [same(87.5, "cùng kỳ 2023", relation="ratio")])],
    ),
    "tang pct so voi cung ky, dat pct du toan": (
        "Chi thường xuyên 182,6 tỷ đồng, tăng 4,8% so với cùng kỳ, đạt 49,2% dự toán.",
        [(182.6, "tỷ đồng", [same(4.8), budget(49.2)])],
    ),
    "so cung ky without voi": (
        "Doanh thu dịch vụ lưu trú 46,2 tỷ đồng, tăng 13,5% so cùng kỳ.",
        [(46.2, "tỷ đồng", [same(13.5)])],
    ),
    "so CK tang": (
        "Tổng đàn gia súc 12.640 con, so CK tăng 3,2%.",
        [(12640, "con", [same(3.2, "CK")])],
    ),
    "tang pct CK then dat KH no so voi": (
        "Giá trị sản xuất nông nghiệp 642 tỷ đồng, đạt 51,2% KH, tăng 4,6% CK.",
        [(642, "tỷ đồng", [plan(51.2), same(4.6, "CK")])],
    ),
    "so voi cung ky nam 2022 ratio": (
        "Số khách tham quan 56.200 lượt, bằng 132% so với cùng kỳ năm 2022.",
        [(56200, "lượt", [same(132, "cùng kỳ năm 2022", relation="ratio")])],
    ),
    "so voi cung ky nam ngoai": (
        "Thu phí tham quan 7,8 tỷ đồng, tăng 21% so với cùng kỳ năm ngoái.",
        [(7.8, "tỷ đồng", [same(21, "cùng kỳ năm ngoái")])],
    ),
    "so voi ky truoc": (
        "Dư nợ tín dụng 2.350 tỷ đồng, tăng 3,4% so với kỳ trước.",
        [(2350, "tỷ đồng", [prev(3.4, "kỳ trước")])],
    ),
    "dat pct KH nam 2024": (
        "Thu ngân sách trên địa bàn 128,6 tỷ đồng, đạt 64,3% KH năm 2024.",
        [(128.6, "tỷ đồng", [plan(64.3, "KH năm 2024")])],
    ),
    "dat pct ke hoach de ra": (
        "Xây dựng mới 18 nhà đại đoàn kết, đạt 90% kế hoạch đề ra.",
        [(18, "nhà đại đoàn kết", [plan(90, "kế hoạch đề ra")])],
    ),
    "share in parentheses": (
        "Có 1.320 hộ đạt danh hiệu gia đình văn hóa (chiếm tỷ lệ 88,4%).",
        [(1320, "hộ", [("other", "tỷ lệ", "ratio", 88.4, None, None)])],
    ),
    "ratio in parentheses": (
        "Giải ngân vốn đầu tư công 62,4 tỷ đồng (đạt 38,5% kế hoạch vốn).",
        [(62.4, "tỷ đồng", [plan(38.5, "kế hoạch vốn")])],
    ),
    "giam amount so voi CK semicolon": (
        "Tai nạn giao thông xảy ra 6 vụ, giảm 2 vụ so với CK; làm chết 4 người, giảm 1 người so với CK.",
        [(6, "vụ", [amount("same_period", "CK", -2, "vụ")]), (4, "người", [amount("same_period", "CK", -1, "người")])],
    ),
    "so voi cung ky amount and pct": (
        "Thu ngân sách 96,4 tỷ đồng, tăng 8,1 tỷ đồng so với cùng kỳ.",
        [(96.4, "tỷ đồng", [amount("same_period", "cùng kỳ", 8.1, "tỷ đồng")])],
    ),
    "bang pct va tang pct both same period": (
        "Sản lượng chè búp tươi 15.400 tấn, bằng 103,6% cùng kỳ, đạt 52% kế hoạch năm.",
        [(15400, "tấn", [same(103.6, relation="ratio"), plan(52, "kế hoạch năm")])],
    ),
    "estimated ratio with qualifier": (
        "Giải ngân vốn sự nghiệp ước đạt trên 45% dự toán giao.",
        [(None, None, [budget(45, "dự toán giao")])],
    ),
    "dat pct chi tieu Nghi quyet": (
        "Tỷ lệ hộ gia đình văn hóa đạt 91,5%, đạt 101,7% chỉ tiêu Nghị quyết.",
        [(91.5, "%", [plan(101.7, "chỉ tiêu Nghị quyết")])],
    ),
    "so voi cung ky thoi diem": (
        "Tổng phương tiện đăng ký mới 1.120 xe, giảm 6,5% so với cùng kỳ năm 2024.",
        [(1120, "xe", [same(-6.5, "cùng kỳ năm 2024")])],
    ),
    "typo gam for giam": (
        "Số người nghiện có hồ sơ quản lý 1.215 người, gảm 86 người so với năm 2023.",
        [(1215, "người", [amount("previous_period", "năm 2023", -86, "người")])],
    ),
}


def comps(ind: Indicator) -> list[Comp]:
    return [(c.basis, c.basis_text, c.relation, c.pct, c.amount, c.amount_unit) for c in ind.comparisons]


def _matching(inds: list[Indicator], value: float | None, unit: str | None) -> list[Indicator]:
    return [i for i in inds if i.value == value and (unit is None or (i.unit or "").lower() == unit)]


@pytest.mark.parametrize("case", list(CASES))
def test_each_comparison_form_gives_the_figure_its_comparisons(case: str) -> None:
    text, wanted = CASES[case]
    inds = find_indicators(text)
    for value, unit, want in wanted:
        found = _matching(inds, value, unit)
        got = [(i.value, i.unit, comps(i)) for i in inds]
        assert found, f"no indicator {value} {unit} in {got}"
        assert any(comps(i) == want for i in found), f"{value} {unit}: want {want}, got {got}"
