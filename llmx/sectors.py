"""SPEC section 7 sectors from heading and label words.

Reports name their sector in headings (`3. Công nghiệp, giao thông, xây dựng`) and in label
lines (`- Tài chính - Kế hoạch: ...`). The first keyword found (in table order, longest cue
first within a sector) decides; None means the words do not say. Pure.
"""

from __future__ import annotations

import re

from llmx.contract import Sector
from llmx.vn import fold

# Order matters: specific cues before general ones ("nông thôn mới" before "nông nghiệp",
# "thi đua" before "văn hóa", "an toàn giao thông" before "giao thông").
_CUES: list[tuple[Sector, tuple[str, ...]]] = [
    ("emulation_awards", ("thi đua", "khen thưởng")),
    ("new_rural", ("nông thôn mới", "ntm", "xdntm")),
    (
        "security_order",
        (
            "an ninh",
            "trật tự",
            "công an",
            "an toàn giao thông",
            "tai nạn giao thông",
            "va chạm giao thông",
            "vi phạm giao thông",
            "phòng cháy",
            "tội phạm",
            "ma túy",
            "atgt",
        ),
    ),
    (
        "defense",
        (
            "quân sự",
            "quốc phòng",
            "dân quân",
            "sscđ",
            "dqtv",
            "nhập ngũ",
            "diễn tập",
            "phòng thủ",
            "quân đội",
            "huấn luyện",
            "giao quân",
            "tuyển quân",
            "dự bị động viên",
            "tuyển quân",
            "nghĩa vụ quân sự",
            "lực lượng vũ trang",
            "nvqs",
        ),
    ),
    (
        "justice_inspection",
        (
            "tư pháp",
            "thanh tra",
            "giáo dục pháp luật",
            "phổ biến pháp luật",
            "văn bản quy phạm",
            "hòa giải",
            "điều tra, truy tố",
            "tiếp công dân",
            "tiếp dân",
            "khiếu nại",
            "tố cáo",
            "tham nhũng",
            "pháp luật",
            "hộ tịch",
            "chứng thực",
            "nội chính",
        ),
    ),
    ("budget", ("ngân sách", "nsnn", "tài chính", "thu chi", "dự toán", "thuế", "tín dụng")),
    ("investment", ("đầu tư công", "xdcb", "xây dựng cơ bản", "giải ngân", "dự án", "quyết toán")),
    (
        "land_environment",
        (
            "đất đai",
            "tài nguyên",
            "sử dụng đất",
            "quỹ đất",
            "xử lý đất",
            "mặt bằng",
            "bụi",
            "môi trường",
            "gpmb",
            "giải phóng mặt bằng",
            "đấu giá",
            "qsd đất",
            "khoáng sản",
            "vệ sinh môi trường",
            "rác thải",
        ),
    ),
    (
        "agriculture",
        (
            "nông nghiệp",
            "nông, lâm",
            "tiêm phòng",
            "trâu bò",
            "đàn lợn",
            "đàn chó",
            "lụt bão",
            "cánh đồng",
            "cây màu",
            "vụ mùa",
            "vụ xuân",
            "vụ đông",
            "thu mùa",
            "trồng cây",
            "lâm nghiệp",
            "thủy sản",
            "thuỷ sản",
            "thủy lợi",
            "thuỷ lợi",
            "chăn nuôi",
            "trồng trọt",
            "thiên tai",
            "lúa",
            "cây trồng",
            "gia súc",
            "gia cầm",
            "trồng rừng",
            "khuyến nông",
            "đê điều",
        ),
    ),
    (
        "industry_construction",
        (
            "công nghiệp",
            "cn-ttcn",
            "tiểu thủ công nghiệp",
            "khuyến công",
            "đô thị",
            "biển báo",
            "xây dựng",
            "giao thông",
            "điện",
        ),
    ),
    ("trade_services", ("thương mại", "dịch vụ", "du lịch", "doanh nghiệp", "kinh doanh")),
    (
        "economy_general",
        (
            "kinh tế",
            "tăng trưởng",
            "giá trị sản xuất",
            "cơ cấu",
            "thu nhập",
            "thống kê",
            "sản xuất, kinh doanh",
        ),
    ),
    (
        "education",
        (
            "giáo dục",
            "đào tạo",
            "trường học",
            "học sinh",
            "khuyến học",
            "năm học",
            "dạy và học",
            "tuyển sinh",
            "nhà trường",
            "trường đạt chuẩn",
        ),
    ),
    (
        "health",
        (
            "y tế",
            "dân số",
            "hiến máu",
            "chữ thập đỏ",
            "chữa bệnh",
            "tỷ lệ sinh",
            "sinh con",
            "giết mổ",
            "bhyt",
            "bảo hiểm y tế",
            "khám chữa bệnh",
            "khám, chữa bệnh",
            "dịch bệnh",
            "an toàn thực phẩm",
            "attp",
            "vsattp",
        ),
    ),
    (
        "labour_social",
        (
            "lao động",
            "việc làm",
            "cận nghèo",
            "đào tạo nghề",
            "đền ơn đáp nghĩa",
            "thương binh",
            "chế độ chính sách",
            "giảm nghèo",
            "hộ nghèo",
            "người có công",
            "bảo trợ xã hội",
            "an sinh xã hội",
            "chính sách xã hội",
            "tbxh",
            "bảo hiểm xã hội",
            "trẻ em",
        ),
    ),
    (
        "culture_information",
        ("văn hóa", "văn hoá", "thông tin", "thể thao", "tuyên truyền", "di tích", "lễ hội", "truyền thanh"),
    ),
    (
        "mass_organizations",
        (
            "mttq",
            "mặt trận",
            "đoàn thể",
            "đoàn viên",
            "hội viên",
            "thanh niên",
            "đoàn tncs",
            "đoàn thanh niên",
            "hội nông dân",
            "phụ nữ",
            "cựu chiến binh",
            "liên đoàn lao động",
            "công đoàn",
        ),
    ),
    (
        "party",
        (
            "xây dựng đảng",
            "chỉnh đốn đảng",
            "đảng viên",
            "chi bộ",
            "cấp ủy",
            "lý luận chính trị",
            "giáo dục chính trị",
            "nghị quyết đại hội",
            "kiểm tra, giám sát",
            "kiểm tra giám sát",
            "dân vận",
            "tuyên giáo",
            "chính trị tư tưởng",
            "tổ chức đảng",
            "cán bộ",
            "đảng",
            "huyện ủy",
            "tỉnh ủy",
            "đảng ủy",
        ),
    ),
    (
        "government",
        (
            "chính quyền",
            "chỉ đạo điều hành",
            "bộ máy",
            "quản lý nhà nước",
            "một cửa",
            "công vụ",
            "quy chế làm việc",
            "kỳ họp",
            "công chức",
            "cử tri",
            "cải cách hành chính",
            "cchc",
            "chuyển đổi số",
            "nội vụ",
            "hđnd",
            "hội đồng nhân dân",
            "ubnd",
            "tôn giáo",
        ),
    ),
]

# Generic words that only decide when no specific cue is present.
_WEAK = {
    "xây dựng",
    "đảng",
    "kinh tế",
    "cán bộ",
    "điện",
    "dự án",
    "cơ cấu",
    "thông tin",
    "tuyên truyền",
    "kinh doanh",
    "thuế",
    "ubnd",
    "trẻ em",
    "thanh niên",
    "pháp luật",
    "dịch bệnh",
    "doanh nghiệp",
}


def _pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    if not cues:
        return None
    alts = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alts + r")(?![\w])")


_TIERS: list[list[tuple[Sector, re.Pattern[str]]]] = [
    [(s, p) for s, cues in _CUES if (p := _pattern(tuple(c for c in cues if (c in _WEAK) == weak)))]
    for weak in (False, True)
]


# Headings that name a whole domain spanning several sectors (`Văn hoá - xã hội`, `Nội chính`,
# `Quốc phòng, an ninh`) have no single sector.
_COMPOSITE = re.compile(
    r"(?<![\w])(?:văn hóa[\s,–-]*xã hội|kinh tế[\s,–-]*xã hội|kt-xh|ktxh|nội chính|"
    r"quốc phòng[\s,–-]*an ninh|an ninh[\s,–-]*quốc phòng|qp-an)(?![\w])"
)


def detect_sector(text: str, *, strong_only: bool = False) -> Sector | None:
    """Sector named by a heading or label (None when no cue is present).

    Specific cues beat generic ones (`xây dựng nông thôn mới` is `new_rural`, not construction);
    among cues of one tier the earliest in the text wins, then the longest. `strong_only` ignores
    generic words, for broad headings such as `KẾT QUẢ ... PHÁT TRIỂN KINH TẾ - XÃ HỘI`.
    """
    folded = fold(text)
    for tier in _TIERS[:1] if strong_only else _TIERS:
        best: tuple[int, int, Sector] | None = None
        for sector, pattern in tier:
            m = pattern.search(folded)
            if m and (best is None or (m.start(), -len(m.group())) < best[:2]):
                best = (m.start(), -len(m.group()), sector)
        if best:
            return best[2]
    return None


def heading_sector(heading: str) -> Sector | None:
    """Sector of a section heading: None when it names a composite domain or several sectors."""
    folded = fold(heading)
    if _COMPOSITE.search(folded):
        return None
    strong = {sector for sector, pattern in _TIERS[0] if pattern.search(folded)}
    if len(strong) > 1:
        return None
    if strong:
        return strong.pop()
    return detect_sector(heading)
