"""Words that shape an indicator's name: the action verbs of the genre (two verbs joined by a comma share
the counted object: `thu gom, xử lý 12 tấn rác`) and the common nouns that open a place's or a body's name.
Pure data, the patterns that trim a name and small predicates, no I/O.
"""

from __future__ import annotations

import re

# Action verbs of periodic reports, as written (lowercase). A verb at the end of one comma part and another at
# the start of the next make one name; a clause that opens with one after a listed noun is no list item.
_VERB_LIST = (
    "tiếp nhận|giải quyết|thụ lý|xử lý|thu gom|thu mua|chế biến|điều trị|khám|khám bệnh|chữa bệnh|bố trí"
    "|phát hiện|bắt giữ|bắt|khởi tố|truy tố|xét xử|điều tra|vận động|hướng dẫn|kiểm tra|rà soát|đánh giá"
    "|thẩm định|thẩm tra|phê duyệt|cấp|cấp phát|cấp đổi|cấp mới|thu hoạch|tiêu thụ|sản xuất|tuyên truyền"
    "|phổ biến|tập huấn|bồi dưỡng|đào tạo|tổ chức|triển khai|ban hành|hỗ trợ|thăm hỏi|tặng|trao|trồng"
    "|trồng mới|chăm sóc|nâng cấp|sửa chữa|xây dựng|cải tạo|vận chuyển|thu nhận|cập nhật|xác thực|số hóa"
    "|tiêm|tiêm phòng|tiêm chủng|xét nghiệm|sàng lọc|tư vấn|hòa giải|hoà giải|thanh tra|giám sát|xử phạt"
    "|tịch thu|tiêu hủy|tiêu huỷ|nạo vét|khắc phục|di dời|bàn giao|đăng ký|chứng thực|công chứng|trả"
    "|phân loại|tái chế|chôn lấp|thu giữ|đối thoại|giải ngân|phân bổ|chi trả|làm sạch|đăng tải|biên soạn"
    "|phát hành|kết nạp|kiện toàn|sắp xếp|xác minh|góp phần|đưa|nâng|phát động|ra quân|truy thu|cưỡng chế"
    "|lập|xây mới|làm mới|mở|khai giảng|tuyển sinh|tuyển dụng|giới thiệu|giải thể|sáp nhập|thành lập"
    "|phối hợp|tham gia|chỉ đạo|đôn đốc|yêu cầu|đề nghị|đề xuất|tiếp tục|thực hiện|tham mưu|thu hút"
)
ACTION_VERBS = frozenset(_VERB_LIST.split("|"))
MAX_VERB_WORDS = 2


def opens_with_verb(words: list[str]) -> bool:
    """`xử lý bình quân`, `đánh giá`: the words start with an action verb."""
    low = [w.lower() for w in words]
    return any(" ".join(low[:n]) in ACTION_VERBS for n in range(1, MAX_VERB_WORDS + 1) if len(low) >= n)


def closes_with_verb(words: list[str]) -> bool:
    """`Đội vệ sinh môi trường thu gom`: the words end with an action verb."""
    low = [w.lower() for w in words]
    return any(" ".join(low[-n:]) in ACTION_VERBS for n in range(1, MAX_VERB_WORDS + 1) if len(low) >= n)


# common nouns that open a place's or a body's name: `Xã An Bình` -> `xã An Bình` after a parent
_COMMON_HEADS = frozenset(
    [
        "xã",
        "phường",
        "thị",
        "thôn",
        "huyện",
        "tỉnh",
        "thành",
        "quận",
        "tổ",
        "khu",
        "ấp",
        "bản",
        "làng",
        "hội",
        "chi",
        "sở",
        "phòng",
        "ban",
        "trường",
        "công",
        "ủy",
        "ubnd",
        "cụm",
    ]
)


def lc_first(name: str) -> str:
    """`Trực tuyến` -> `trực tuyến` after a parent's name; a proper name (`Nhật Bản`) keeps its case."""
    words = name.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words) and words[0].lower() not in _COMMON_HEADS:
        return name
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


_PLACE_PREP = re.compile(r"(tại|ở|khu\s+vực)\s+\S", re.IGNORECASE)


def parallel_place(own: str, prev_own: str) -> str | None:
    """`..., tại nông thôn` after `Tỷ lệ thu gom rác thải tại đô thị`: the same measure at another
    place, named by the words before the earlier place."""
    m = _PLACE_PREP.match(own)
    if m is None:
        return None
    pos = prev_own.lower().rfind(f" {m.group(1).lower()} ")
    return f"{prev_own[:pos]} {own}" if pos > 0 else None


# Words that close the words before a figure but are no part of its name: verbs (`đạt`, `là`, `ước`), qualifiers,
# dates and judgements; `name_start.trim` strips them from the end (with prepositions, when the counted noun follows).
# `trồng mới`, `cấp mới`, `thành lập mới`: a verb's `mới` is "new", part of the name, never "only" (`mới đạt`)
_NEW_AFTER = r"(?<!trồng\s)(?<!cấp\s)(?<!lập\s)(?<!nạp\s)(?<!xây\s)(?<!dựng\s)(?<!triển\s)(?<!ký\s)(?<!tuyển\s)"
_TRAIL_WORDS = (
    # `Tiến độ giải ngân chậm, mới đạt 38%`, `... chưa cao, đạt 86,3%`, `Thu phí đạt khá, được 1,25 tỷ đồng`:
    # a judgement between the name and its figure is no part of the name
    r"(?:(?:còn|vẫn|rất|quá|khá)\s+)?(?:chậm|thấp)\s*,\s*(?:mới|chỉ|(?:chỉ\s+)?đạt)(?:\s+(?:chỉ\s+)?đạt)?(?:\s+được)?|"
    r"(?:chưa|không)\s+(?:cao|tốt|đồng\s+đều)|đạt\s+(?:khá|thấp)|" + _NEW_AFTER + r"mới\s+(?:chỉ\s+)?đạt(?:\s+được)?|"
    # `... vẫn đạt 1.640 ha`, `... cũng đạt 45 tỷ đồng`, `lên đến 350 ha`: how the figure stands, not its name
    r"vẫn|cũng|luôn|(?<!đồng\s)đều|lên\s+đến|"
    r"đạt\s+được|đạt|là|được|đã|ước\s+đạt|ước\s+tính|ước\s+thực\s+hiện|ước\s+còn|ước|(?:vẫn\s+)?còn|"
    r"chiếm|(?<!mặt\s)bằng|gồm|tổng\s+cộng|(?<!cấp\s)trên|hơn|(?<!cấp\s)dưới|gần|khoảng|xấp\s+xỉ|chừng|chưa\s+(?:đến|tới)|(?<!địa\s)chỉ|"
    # `có tới 1.350 hộ`, `lên tới 2.480 tỷ đồng` stress the figure; `thời gian tới`, `năm tới` are the next period
    r"(?<!gian\s)(?<!năm\s)(?<!tháng\s)(?<!quý\s)(?<!kỳ\s)(?<!tuần\s)(?:lên\s+)?tới|"
    r"đến\s+nay|hiện\s+nay|trong\s+tháng|(?:thực\s+hiện\s+)?(?:tháng|quý)\s+\d{1,2}|"
    r"(?:thực\s+hiện\s+)?(?:tính\s+)?đến(?:\s+hết)?(?:\s+ngày)?\s+\d{1,2}/\d{1,2}(?:/\d{4})?|"
    r"từ\s+(?:ngày\s+)?\d{1,2}/\d{1,2}(?:/\d{4})?|"  # `... từ ngày 01/01/2025 đến ngày 31/12/2025 là ...`
    r"từ\s+(?:năm\s+\d{4}|tháng\s+\d{1,2}(?:/\d{4})?)|"  # `Số hộ thoát nghèo từ năm 2021 đến nay là ...`
    # `Số hộ nghèo giảm từ 320 hộ xuống còn 250 hộ`, `Tỷ lệ hộ nghèo giảm còn 2,35%`: the name ends before them
    r"(?:tăng|giảm)\s+từ(?:\s+mức)?|(?:tăng|giảm)\s+(?:xuống\s+)?còn|(?:tăng|giảm)\s+(?:lên|xuống)|(?<=[^\W\d_]\s)(?<!trở\s)lên|"
    # `Tỷ lệ số hóa hồ sơ hiện chỉ đạt 72%`, `... còn thấp, chỉ đạt 51,79%`: a judgement, not the name
    r"(?<!thực\s)(?<!thể\s)(?<!phát\s)(?<!xuất\s)(?<!biểu\s)hiện|còn\s+(?:rất\s+)?(?:thấp|chậm|hạn\s+chế)|rất\s+thấp|"
    r"gặp\s+(?:nhiều\s+)?khó\s+khăn|"
    r"(?<![^\W\d_]\s)mới"  # `..., mới đạt 45% kế hoạch`: opening its clause, a judgement (but `cấp mới`)
)
# `..., mới cấp được 126/310 hồ sơ`: `mới` opening the figure's clause is "only", a judgement
ONLY_LEAD = re.compile(r"^mới(?:\s+chỉ)?\s+(?=\w)", re.IGNORECASE)
# a ratio-only statement's verb (`Thu ngân sách mới đạt 45% dự toán`) shows what the word before it is
RATIO_VERB = re.compile(r"(?:đạt|được)(?!\w)", re.IGNORECASE)
TRAIL = re.compile(r"(?:(?<=\s)|^)(?=[bcdghklmqrtvxđư])(?:" + _TRAIL_WORDS + r")[\s,:\-–]*$|[\s,:\-–]+$", re.IGNORECASE)
TRAIL_WITH_PREPOSITION = re.compile(
    r"(?:(?<=\s)|^)(?=[bcdghklmqrtvxđư])(?:" + _TRAIL_WORDS + r"|cho|tại|của|với|về|có|đối\s+với|từ)[\s,:\-–]*$"
    r"|[\s,:\-–]+$",
    re.IGNORECASE,
)


# `Tiến độ giải ngân ... còn chậm, đến nay mới đạt 48% kế hoạch`: a clause of only the time and a share or
# ratio verb is named by the clause before it
_TIME_ONLY = re.compile(r"\s*(?:tính\s+)?(?:(?:đến|tới)\s+nay|hiện\s+nay|hiện\s+tại)\s*", re.IGNORECASE)
_SHARE_AT = re.compile(r"(?:(?:mới|chỉ)\s+)?(?:đạt\s+)?(?:được\s+)?\d[\d.,]*\s?%", re.IGNORECASE)


def names_back(lead: str, text: str, figure: int) -> bool:
    """Whether a clause with no name words of its own is named by the clause before it: it opens with no lead
    words, or only with its time (`đến nay`) before a share or ratio."""
    return not lead or (bool(_TIME_ONLY.fullmatch(lead)) and bool(_SHARE_AT.match(text, figure)))


_FIGURE_NOTE = re.compile(r"\s*\([^()]*\d[^()]*\)")


def without_figure_notes(words: str) -> str:
    """Name words without a note that holds a figure of its own (`Tổng kế hoạch vốn (không bao gồm nguồn Trung
    ương 3.438 triệu đồng) là ...`): that figure is an indicator in its own right; a note of words stays."""
    return _FIGURE_NOTE.sub("", words)
