"""Vietnamese report conventions every stage shares: letters, folding, and the lines of the genre.

One place for what the header, the closing block and the footnotes of a Vietnamese report look
like (`BÁO CÁO`, `Nơi nhận:`, separator rules, footnote marks), the upper/lower-case letter
classes a regex needs (`[A-Z]` misses `Đ`, `Ư`, `Ả`...), and folding: the old and new tone
placements (`uỷ`/`ủy`, `hoá`/`hóa`) compared as equal. Folding is for matching only; extracted
text stays as written (SPEC 1). Pure.
"""

from __future__ import annotations

import re
import unicodedata

# -- letters --------------------------------------------------------------------------------------
# a range such as `Ạ-Ỹ` interleaves both cases, so the classes are spelled out
_LETTERS = [chr(c) for c in range(0x41, 0x1F00) if unicodedata.name(chr(c), "").startswith("LATIN")]
UPPER = f"[{re.escape(''.join(c for c in _LETTERS if c.isupper() and c.isalpha()))}]"
LOWER = f"[{re.escape(''.join(c for c in _LETTERS if c.islower() and c.isalpha()))}]"
# the capitals Vietnamese writes (A-Z, Đ and the vowels with their marks), to put inside a `[...]` class
VN_CAPITALS = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


def is_caps(line: str, min_letters: int) -> bool:
    """All letters upper case, and at least `min_letters` of them (a heading or an issuer line)."""
    if min_letters > 0 and not line.isupper():  # most lines: a lower-case letter, or no cased one
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= min_letters and all(c.isupper() for c in letters)


# -- lines of the genre ---------------------------------------------------------------------------
# `BÁO CÁO` (or a submission's `TỜ TRÌNH`) over the title; `rest`: a title on the same line
TITLE_MARK = re.compile(r"^(?:BÁO\s+CÁO|TỜ\s+TRÌNH)(?:\s*[:.]?\s+(?P<rest>\S.*))?$")
SEPARATOR = re.compile(r"^[-_=*.…]{3,}$")  # the rule under a header or a title
# an appendix heading after the signature: `PHỤ LỤC`, `Phụ lục 01`, `PHỤ LỤC II: ...`, `Biểu số 02`, `Biểu mẫu 1`
ANNEX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục|PHỤ\s+BIỂU|Phụ\s+biểu|BIỂU\s+(?:MẪU|SỐ)|Biểu\s+(?:mẫu|số)|Biểu\s+\d)\b")
NOI_NHAN = re.compile(r"^N[ơƠ][iI]\s+nh[ậẬ]n\b\s*:?", re.I)  # "Nơi nhận:", the distribution list
# A công văn's header: the subject line under the number (`V/v báo cáo tình hình ...`), the
# addressee line (`Kính gửi:`), the national motto, and the place/date line (`Lâm Đồng, ngày 06 tháng 11 năm 2025`)
SUBJECT_LINE = re.compile(r"^[“\"]?V/v\s*:?\s*(?P<rest>\S.*)?$")  # some unions quote it: `“V/v ...”`
KINH_GUI = re.compile(r"^K[íi]nh\s+g[ửu]i\s*:?\s*", re.I)
# the national motto, the Party's, and the Youth Union's (`ĐOÀN TNCS HỒ CHÍ MINH` heads its right column)
MOTTO = re.compile(
    r"CỘNG\s+H\w{1,3}\s+XÃ\s+HỘI|ĐỘC\s+LẬP|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]|"
    r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH",
    re.I,
)
# a signature block's title line (`KT. CHỦ TỊCH`, `PHÓ GIÁM ĐỐC`, `CHÁNH VĂN PHÒNG`, `T/M BAN CHẤP HÀNH`):
# an ALL-CAPS line that is never a heading, wherever the closing block was missed
SIGN_TITLE_LINE = re.compile(
    r"^(?:(?:KT|K/T|TM|T/M|TL|T/L|TUQ|Q)(?:\s*[.:/]\s*|\s+)\S.*|"
    # the minutes' signers (`NGƯỜI GHI BIÊN BẢN`, `CHỦ TRÌ HỘI NGHỊ`) and a Party member's (`UỶ VIÊN BAN THƯỜNG VỤ`)
    r"NGƯỜI\s+GHI\s+BIÊN\s+BẢN|(?:CHỦ\s+TRÌ|CHỦ\s+TỌA|THƯ\s+KÝ)(?:\s+HỘI\s+NGHỊ|\s+CUỘC\s+HỌP)?|"
    r"(?:ỦY|UỶ)\s+VIÊN(?:\s+BAN\s+THƯỜNG\s+VỤ)?|TỔNG\s+BÍ\s+THƯ|"
    r"(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|"
    r"BÍ\s+THƯ|TRƯỞNG\s+(?:TIỂU\s+)?(?:BAN|PHÒNG|ĐOÀN)|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|"
    r"TỔNG\s+THƯ\s+KÝ|CHÁNH\s+THANH\s+TRA|CHỦ\s+NHIỆM)(?:\s+THƯỜNG\s+TRỰC)?"
    # the body named after the title: `TRƯỞNG BAN CHỈ ĐẠO`, `PHÓ CHỦ TỊCH HỘI ĐỒNG`, `TRƯỞNG BAN TUYÊN GIÁO`
    r"(?:\s+(?:HỘI\s+ĐỒNG|CHỈ\s+ĐẠO|TỔ\s+CHỨC|TUYÊN\s+GIÁO|DÂN\s+VẬN|KIỂM\s+TRA|NỘI\s+CHÍNH))?)\s*$"
)
DOC_NUMBER_LINE = re.compile(r"^Số\s*:?[\s.…_]*\d*[A-Za-z]?\s*[-/]")  # `Số: 12/UBND-NC`, Party `Số 156-CV/TĐTN`
DATE_LINE_SHAPE = re.compile(r"^[^\W\d_][^,\d]{0,40},\s*ngày\b[^.;]{0,40}\bnăm\s+\d{4}\s*$")
FOOTNOTE_MARK = r"(?:\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
FOOTNOTE = re.compile(rf"^{FOOTNOTE_MARK}")  # a line opening with a footnote mark
FOOTNOTE_LINE = re.compile(rf"^[ \t]*{FOOTNOTE_MARK}\s*\S")  # a footnote body: a mark, then its text

# A table row as the reader writes it: cells apart by ` | ` (`Chỉ tiêu | ĐVT | KH | TH | % KH`)
TABLE_ROW = re.compile(r"[ \t]\|[ \t]|[ \t]\|$", re.M)

# The verbs a directive opens with (`Tiếp tục ...`, `Đẩy mạnh ...`). Results are written with the
# same verbs in the past sense, so a verb says "directive-shaped", never "next period" by itself.
DIRECTIVE_VERBS = (
    r"tiếp tục|tăng cường|đẩy mạnh|đẩy nhanh|tập trung|chỉ đạo|triển khai|thực hiện|nâng cao|duy trì|phấn đấu|"
    r"quán triệt|chủ động|chuẩn bị|tổ chức|chú trọng|rà soát|hướng dẫn|đảm bảo|bảo đảm|kiểm tra|xây dựng|"
    r"phối hợp|giải quyết|quản lý|hoàn thành|hoàn thiện|thường xuyên|quan tâm|phát huy|phát động|phát triển|"
    r"làm tốt|giữ vững|kiện toàn|củng cố|đôn đốc|khắc phục|đề nghị|lập|giải ngân|bàn giao|luyện tập|giáo dục|"
    r"huấn luyện|tuyên truyền|vận động|đổi mới|mở|ban hành|theo dõi|ưu tiên|khẩn trương|tham mưu|nghiên cứu|"
    r"chủ trì|tham gia|cải thiện|siết chặt|nắm chắc|nắm bắt|đa dạng hóa|đa dạng hoá|huy động|lồng ghép|"
    r"trang bị|hỗ trợ|tạo|kiểm soát|thanh tra|xác định|không|sửa đổi|bổ sung|xem xét|sớm|đào tạo|bồi dưỡng|"
    r"chăm lo|quyết liệt|xử lý"
)
# `..., như: (1) ...`, `... gồm: ...`: words that introduce a list; what precedes the colon is no label
# the words that name weaknesses (`hạn chế`, `tồn tại`, ...): a part or a lead-in naming them lists shortfalls
WEAK_NAMES = r"hạn chế|tồn tại|khó khăn|yếu kém|bất cập|vướng mắc"
# a body work is assigned to, as a letter names it after `giao`/`yêu cầu` (`giao Sở Tài chính ...`)
ASSIGNED_BODY = r"UBND|Ủy ban|Sở|Công an|Phòng|Ban|Văn phòng|Thanh tra|Trung tâm"
LIST_INTRO = re.compile(r"(?<!\w)(?:như|gồm|sau|là|cụ thể|sau đây|bao gồm|trong đó|tập trung)\s*$", re.I)
DIRECTIVE_START = re.compile(rf"(?:{DIRECTIVE_VERBS})(?!\w)", re.I)

# what a normalizer change may add or drop between two words (markdown emphasis, headings, escapes)
MARKUP_CHARS = ("*", "#", "_", "\\")
MARKUP_BETWEEN_WORDS = r"[\s*#_\\]*"


# -- folding --------------------------------------------------------------------------------------
def fold(text: str) -> str:
    """Matching key: NFC, lower case, `uỷ`→`ủy` and `hoá`→`hóa`, whitespace collapsed."""
    folded = unicodedata.normalize("NFC", text).lower().replace("uỷ", "ủy").replace("hoá", "hóa")
    return " ".join(folded.split())


def fold_uy(text: str) -> str:
    """Lower case with `uỷ` written `ủy` (issuer and level names), nothing else changed."""
    return text.lower().replace("uỷ", "ủy")


# combining tone marks -> a suffix digit (Telex/VNI-like order); other diacritics stay on the base
_TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}


def tone_key(word: str) -> str:
    """A word with its tone mark moved to the end (`uỷ` and `ủy` both `uy3`); the tone itself kept."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = "".join(_TONES[c] for c in decomposed if c in _TONES)
    base = "".join(c for c in decomposed if c not in _TONES)
    return unicodedata.normalize("NFC", base) + tones
