"""Who issued a report: issuer names in conventional case, their type (Party committee, People's
Committee...) and administrative level, and the place in a name. Pure.
"""

from __future__ import annotations

import re
import unicodedata

from llmx.contract import AdminLevel, IssuerType
from llmx.rules.lines import caps_line
from llmx.vn import LOWER, UPPER, fold_uy

_PROVINCE_CITIES = {"hà nội", "hồ chí minh", "hải phòng", "đà nẵng", "cần thơ", "huế"}


_BODY_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"^{pat}(?=\s|$)"), rep)
    for pat, rep in (
        (r"ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
        (r"UỶ BAN MẶT TRẬN TỔ QUỐC VIỆT NAM", "Uỷ ban Mặt trận Tổ quốc Việt Nam"),
        (r"ỦY BAN MẶT TRẬN TỔ QUỐC", "Ủy ban Mặt trận Tổ quốc"),
        (r"ỦY BAN NHÂN DÂN", "Ủy ban nhân dân"),
        (r"UỶ BAN NHÂN DÂN", "Uỷ ban nhân dân"),
        (r"HỘI ĐỒNG NHÂN DÂN", "Hội đồng nhân dân"),
        (r"BAN THƯỜNG VỤ", "Ban Thường vụ"),
        (r"BAN CHẤP HÀNH", "Ban Chấp hành"),
        (r"THƯỜNG TRỰC", "Thường trực"),
        (r"ĐẢNG ỦY", "Đảng ủy"),
        (r"ĐẢNG UỶ", "Đảng uỷ"),
        (r"ĐẢNG BỘ", "Đảng bộ"),
        (r"CHI BỘ", "Chi bộ"),
        (r"TỈNH ỦY", "Tỉnh ủy"),
        (r"TỈNH UỶ", "Tỉnh uỷ"),
        (r"HUYỆN ỦY", "Huyện ủy"),
        (r"HUYỆN UỶ", "Huyện uỷ"),
        (r"THÀNH ỦY", "Thành ủy"),
        (r"THÀNH UỶ", "Thành uỷ"),
        (r"QUẬN ỦY", "Quận ủy"),
        (r"QUẬN UỶ", "Quận uỷ"),
        (r"THỊ ỦY", "Thị ủy"),
        (r"THỊ UỶ", "Thị uỷ"),
        (r"CÔNG AN", "Công an"),
    )
)
_ABBREVIATIONS = {"UBND", "HĐND", "MTTQ", "UBMTTQ", "BCH", "BTV", "UBKT", "TT", "TW", "VN", "KT-XH"}
_DEPT_HEAD = re.compile(
    r"^(?:CHI CỤC|VĂN PHÒNG|TRUNG TÂM|LIÊN ĐOÀN|THANH TRA|SỞ|PHÒNG|BAN|BỘ|CỤC|TRƯỜNG|HIỆP HỘI|HỘI ĐỒNG|HỘI|ĐOÀN)"
    r"(?:\s+|$)"
)
UNIT_RE = re.compile(r"(?:^|\s)(THỊ XÃ|THỊ TRẤN|THÀNH PHỐ|HUYỆN|XÃ(?!\s+HỘI)|TỈNH|PHƯỜNG|QUẬN)(?=\s|$)")


def _abbreviation(tok: str) -> bool:
    """`NCKSTTHC`, `CCHC&VTLT`: letters with no vowel are an acronym, never a word (every Vietnamese
    syllable has a vowel)."""
    letters = unicodedata.normalize("NFD", tok.lower())
    return len(tok) >= 2 and tok.isupper() and not any(c in "aeiouy" for c in letters)


def _sentence_case(words: str) -> str:
    """`TÀI CHÍNH - KẾ HOẠCH` -> `Tài chính - Kế hoạch`, `KẾ HOẠCH VÀ ĐẦU TƯ` -> `Kế hoạch và Đầu tư`."""
    out: list[str] = []
    start_segment = True
    for tok in words.split():
        if tok in _ABBREVIATIONS or _abbreviation(tok):
            out.append(tok)
            start_segment = False
        elif tok in ("-", "–", ","):
            out.append(tok)
            start_segment = True
        elif tok == "VÀ":
            out.append("và")
            start_segment = True
        else:
            trail = tok.endswith(",")
            core = tok.rstrip(",")
            out.append((core.capitalize() if start_segment else core.lower()) + ("," if trail else ""))
            start_segment = trail
    return " ".join(out).replace(" ,", ",")


def conventional_case(line: str) -> str:
    """An ALL-CAPS header body name in conventional casing; mixed-case input is kept as written."""
    line = " ".join(line.split())
    if not caps_line(line):
        return line
    body, rest = "", line
    for pat, rep in _BODY_PHRASES:
        if m := pat.match(line):
            body, rest = rep, line[m.end() :].strip()
            break
    unit_m = UNIT_RE.search(" " + rest)
    if unit_m is not None:
        pre = (" " + rest)[: unit_m.start()].strip()
        unit = unit_m.group(1).lower()
        place = (" " + rest)[unit_m.end() :].strip()
    else:
        pre, unit, place = rest, "", ""
    if body and not unit_m and rest:  # `HUYỆN ỦY TAM DƯƠNG`: a place directly after the body
        pre, place = "", rest
    parts = [body] if body else []
    if pre:
        if not parts and (hm := _DEPT_HEAD.match(pre)):  # `SỞ TÀI CHÍNH` -> `Sở Tài chính`
            head = hm.group().strip().capitalize()
            parts.append(f"{head} {_sentence_case(pre[hm.end() :])}".strip())
        else:
            cased = _sentence_case(pre)
            parts.append(cased if parts else cased[:1].upper() + cased[1:])
    if unit:
        parts.append(unit)
    if place:
        parts.append(" ".join(w if w in _ABBREVIATIONS else w.capitalize() for w in place.split()))
    return " ".join(parts)


def issuer_type_of(issuer: str | None) -> IssuerType | None:
    """SPEC 2 issuer_type from the issuer's name."""
    if not issuer:
        return None
    low = fold_uy(issuer)
    if re.match(r"ban chỉ đạo|hội đồng (?!nhân dân)|tổ công tác", low):
        return "other"  # steering committees, appraisal councils, working groups
    if re.match(r"(?:sở|phòng|cục|chi cục|văn phòng|thanh tra|công an|trung tâm)\s", low) or (
        low.startswith("ban ") and not re.match(r"ban (?:thường vụ|chấp hành)", low)
    ):
        return "department"
    if "mặt trận" in low or "mttq" in low:
        return "fatherland_front"
    if re.search(r"hội đồng nhân dân|hđnd", low):
        return "peoples_council"
    if re.search(r"ủy ban nhân dân|ubnd", low):
        return "peoples_committee"
    if re.search(r"(?:đảng|tỉnh|huyện|thành|quận|thị) ủy|đảng bộ|chi bộ|ban thường vụ|ban chấp hành", low):
        return "party_committee"
    return "other"


def admin_level_of(name: str | None) -> AdminLevel | None:
    """SPEC 2 admin_level from the unit word or the committee level in a body name."""
    if not name:
        return None
    low = fold_uy(name)
    if m := re.search(r"(?<!\w)(thị xã|thị trấn|thành phố|huyện|xã(?! hội)|tỉnh|phường|quận)(?!\w)(.*)", low):
        unit, place = m.group(1), m.group(2).strip()
        if unit in ("xã", "phường", "thị trấn"):
            return "commune"
        if unit == "tỉnh" or (unit == "thành phố" and place in _PROVINCE_CITIES):
            return "province"
        return "district"
    if m := re.search(r"(tỉnh|huyện|thành|quận|thị) ủy(.*)", low):
        if m.group(1) == "tỉnh" or (m.group(1) == "thành" and m.group(2).strip() in _PROVINCE_CITIES):
            return "province"
        return "district"
    if low.startswith("sở "):
        return "province"
    if low.startswith("phòng "):
        return "district"
    return None


def place_of(name: str) -> str | None:
    """`Đảng ủy xã Xuân Phú` -> `Xuân Phú`, `Huyện ủy Tam Dương` -> `Tam Dương`."""
    m = re.search(
        r"(?<!\w)(?:thị xã|thị trấn|thành phố|huyện|xã|tỉnh|phường|quận|[Tt]ỉnh [ủu][yỷ]|[Hh]uyện [ủu][yỷ]|"
        r"[Tt]hành [ủu][yỷ]|[Qq]uận [ủu][yỷ]|[Tt]hị [ủu][yỷ])\s+"
        rf"({UPPER}{LOWER}*(?: {UPPER}{LOWER}*){{0,3}})$",
        name,
    )
    return m.group(1).strip() if m else None
