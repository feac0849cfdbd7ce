"""Words that shape an indicator's name: the action verbs of the genre (two verbs joined by a comma share
the counted object: `thu gom, xử lý 12 tấn rác`) and the common nouns that open a place's or a body's name.
Pure data and small predicates, no I/O.
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
    "|lập|xây mới|mở|khai giảng|tuyển sinh|tuyển dụng|giới thiệu|giải thể|sáp nhập|thành lập"
    "|phối hợp|tham gia|chỉ đạo|đôn đốc|yêu cầu|đề nghị|đề xuất|tiếp tục|thực hiện|tham mưu"
)
ACTION_VERBS = frozenset(_VERB_LIST.split("|"))
_MAX_VERB_WORDS = 2


def opens_with_verb(words: list[str]) -> bool:
    """`xử lý bình quân`, `đánh giá`: the words start with an action verb."""
    low = [w.lower() for w in words]
    return any(" ".join(low[:n]) in ACTION_VERBS for n in range(1, _MAX_VERB_WORDS + 1) if len(low) >= n)


def closes_with_verb(words: list[str]) -> bool:
    """`Đội vệ sinh môi trường thu gom`: the words end with an action verb."""
    low = [w.lower() for w in words]
    return any(" ".join(low[-n:]) in ACTION_VERBS for n in range(1, _MAX_VERB_WORDS + 1) if len(low) >= n)


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
