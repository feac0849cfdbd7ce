"""SPEC section 7 sectors from heading and label words.

Reports name their sector in headings (`3. Công nghiệp, giao thông, xây dựng`) and in label
lines (`- Tài chính - Kế hoạch: ...`). The first keyword found (in table order, longest cue
first within a sector) decides; None means the words do not say. Pure.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from llmx.contract import Sector
from llmx.sector_cues import CUES, WEAK
from llmx.vn import VN_CAPITALS, fold

# Headings that name a whole domain spanning several sectors (`Văn hoá - xã hội`, `Nội chính`,
# `Quốc phòng, an ninh`) have no single sector.
_COMPOSITE = re.compile(
    r"(?<![\w])(?:văn hóa[\s,–-]*xã hội|kinh tế[\s,–-]*xã hội|kt-xh|ktxh|nội chính|"
    r"quốc phòng[\s,–-]*an ninh|an ninh[\s,–-]*quốc phòng|qp-an)(?![\w])"
)


# A cited document's number names its issuer, not a topic: `Công văn số 2769/UBND-NCKSTTHC`,
# `Kế hoạch 45/KH-SYT` say nothing of government or health.
_DOC_NUMBER = re.compile(r"(?<![\w/])\d+(?:/\d{2,4})?/[^\W\d_][\w.]*(?:-[\w.]+)*")

_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")


# Words that contain a cue but are not about its sector: `điện tử` is not `điện` (electricity), `môi trường
# điện tử` (online public services) is not the environment.
BLOCKERS = (
    "điện tử",
    "môi trường điện tử",
    "môi trường số",
    "môi trường mạng",
    "số hội nghị",  # meetings, not associations (`số hội`)
    "số hội thảo",
    "số hội thi",
    "cấp ủy quyền",  # `phân cấp ủy quyền` (delegation), not `cấp ủy` (party committees)
)


class _Tier:
    """The cues of one tier, by their first word: a search visits each word of the text once.

    It finds what searching each sector's pattern and keeping the earliest, then longest, match
    finds: the first word where a cue starts (a cue starts and ends at word boundaries), and
    there the longest cue. A cue listed under two sectors keeps the first (table order); a
    blocker (`điện tử`) matches like a cue and names no sector.
    """

    def __init__(self, tier: list[tuple[Sector, tuple[str, ...]]]) -> None:
        self.owner: dict[str, Sector | None] = {}
        for sector, cues in tier:
            for cue in cues:
                self.owner.setdefault(fold(cue), sector)  # folded as the text is (`khoáng` -> `khóang`)
        for blocker in BLOCKERS:
            self.owner.setdefault(fold(blocker), None)
        self.by_first: dict[str, list[str]] = {}
        for cue in sorted(self.owner, key=len, reverse=True):
            first = _WORD.match(cue)
            assert first is not None, cue  # every cue starts with a letter
            self.by_first.setdefault(first.group(), []).append(cue)

    def scan(self, folded: str) -> list[tuple[int, int, Sector]]:
        """(start, end, sector) of every cue in the text, left to right, cues never overlapping."""
        found: list[tuple[int, int, Sector]] = []
        taken = 0
        for m in _WORD.finditer(folded):
            if m.start() < taken:
                continue
            for cue in self.by_first.get(m.group(), ()):
                end = m.start() + len(cue)
                if folded.startswith(cue, m.start()) and not _WORD_CHAR.match(folded, end):
                    sector = self.owner[cue]
                    if sector is not None:
                        found.append((m.start(), end, sector))
                    taken = end
                    break
        return found

    def search(self, folded: str) -> Sector | None:
        """The sector of the first cue in the text."""
        for m in _WORD.finditer(folded):
            for cue in self.by_first.get(m.group(), ()):
                end = m.start() + len(cue)
                if folded.startswith(cue, m.start()) and not _WORD_CHAR.match(folded, end):
                    sector = self.owner[cue]
                    if sector is not None:
                        return sector
                    break  # a blocker: its words name no sector; go on after them
        return None


_FLAT_TIERS = [
    _Tier([(s, tuple(c for c in cues if (c in WEAK) == weak)) for s, cues in CUES]) for weak in (False, True)
]


@lru_cache(maxsize=8192)
def detect_sector(text: str, *, strong_only: bool = False) -> Sector | None:
    """Sector named by a heading or label (None when no cue is present).

    Specific cues beat generic ones (`xây dựng nông thôn mới` is `new_rural`, not construction);
    among cues of one tier the earliest in the text wins, then the longest. `strong_only` ignores
    generic words, for broad headings such as `KẾT QUẢ ... PHÁT TRIỂN KINH TẾ - XÃ HỘI`.
    Called for every item and sentence, often on the same words: one pass over the words per
    tier, and answers cached.
    """
    folded = fold(_DOC_NUMBER.sub(" ", text))
    for tier in _FLAT_TIERS[:1] if strong_only else _FLAT_TIERS:
        found = tier.search(folded)
        if found is not None:
            return found
    return None


_TOPIC_BEFORE = re.compile(r"(?:^|\s)về\s+$")
_LINKS = re.compile(r"(?<!\w)(?:về|trong|có|trên|cho|tại|đối với|nhằm|để|theo)(?!\w)")
_FILLER = re.compile(r"(?<!\w)(?:và|các|hoạt động của|công tác)(?!\w)")
_COORDINATED_GAP = 3  # words other than `,`/`và` between two listed topics


def _coordinated(folded: str, a: tuple[int, int, Sector], b: tuple[int, int, Sector]) -> bool:
    """`Lý lịch tư pháp, Sổ sức khỏe`, `Chi cục Thuế ... và Sở Xây dựng`: two topics side by side."""
    gap = folded[a[1] : b[0]]
    if _LINKS.search(gap) or not re.search(r",|(?<!\w)và(?!\w)", gap):
        return False
    return len(re.findall(r"\w+", _FILLER.sub(" ", gap))) <= _COORDINATED_GAP


def heading_sector(heading: str, parent: Sector | None = None) -> Sector | None:
    """Sector of a section heading: its specific cue, else `parent` (the enclosing section's),
    else a generic cue.

    With specific cues of several sectors: the one after `về` names the topic (`tuyên truyền, phổ
    biến pháp luật về khoáng sản`); topics listed side by side give None (`Phiếu lý lịch tư pháp,
    Sổ sức khỏe điện tử`), as a composite domain does (`Văn hóa - xã hội`, which keeps the
    parent's); otherwise the first cue decides.
    """
    heading = _DOC_NUMBER.sub(" ", heading)
    folded = fold(heading)
    if _COMPOSITE.search(folded):
        return parent
    cues = _FLAT_TIERS[0].scan(folded)
    if not cues:
        return parent or detect_sector(heading)
    if len({c[2] for c in cues}) == 1:
        return cues[0][2]
    topic = [c for c in cues if _TOPIC_BEFORE.search(folded, 0, c[0])]
    if topic:
        return topic[0][2]
    if any(a[2] != b[2] and _coordinated(folded, a, b) for a, b in pairwise(cues)):
        return None
    return cues[0][2]


# Who acts is not what a statement is about: `Đảng ủy tập trung lãnh đạo thu hoạch lúa`, `Đề nghị Phòng Tài
# chính - Kế hoạch huyện hỗ trợ kinh phí sửa chữa Trường Mầm non` (a body's own field), `sự phối hợp của các
# cơ quan, ban, ngành, đoàn thể trong quản lý người nghiện ma túy`. Named offices (a capitalized name after an
# office word; mass organizations stay, they are often the topic) and the directing bodies of the genre.
_BODY_NAME = re.compile(
    r"(?<!\w)(?:Phòng|Sở|Bộ|Cục|Chi cục|Trung tâm|Công an|Ban Chỉ huy|Ban|Ngân hàng|Văn phòng|Kho bạc|"
    r"Ủy ban|Uỷ ban)(?!\w)"
    rf"(?:[\s,–-]+(?:và\s+)?[{VN_CAPITALS}]\w*(?:\s+[a-zđ\u00e0-\u1ef9]\w*){{0,2}}(?!\w))+"
    r"(?:\s+(?:huyện|tỉnh|xã|thành phố|thị xã|phường|thị trấn)(?!\w))?"
)
_ACTOR = re.compile(
    r"(?<!\w)(?=[bchmstuđủ])(?:các\s+)?(?:đảng ủy|huyện ủy|tỉnh ủy|thành ủy|thị ủy|cấp ủy(?:\s+đảng)?|ubnd|"
    r"ủy ban nhân dân|hđnd|"
    r"hội đồng nhân dân|chính quyền(?:\s+(?:địa phương|cơ sở|các cấp))|(?:cơ quan,\s*)?(?:sở,\s*)?ban,\s*ngành(?:,\s*"
    r"đoàn thể)?|đoàn thể|mttq và các đoàn thể)(?:\s+(?:huyện|tỉnh|xã|thành phố|thị xã|phường|thị trấn|các cấp)"
    r"(?!\w))?(?!\w)"
)


# A named association (`Hiệp hội Nhà thầu xây dựng`, `Hội Bảo vệ thiên nhiên và môi trường`): its members'
# trade is not the statement's topic; a statement about one, and about nothing else, is about associations.
_ASSOCIATION_WORD = r"(?:Hiệp hội|Hội|Liên đoàn|Liên hiệp hội|Câu lạc bộ)"
_ASSOCIATION = re.compile(
    rf"(?<=[:,]\s){_ASSOCIATION_WORD}\s+[{VN_CAPITALS}][^,;.:()\n]{{0,60}}(?=[,;.]|$)"  # one of a list, to its comma
    rf"|(?<!\w){_ASSOCIATION_WORD}(?:\s+(?:và\s+)?[{VN_CAPITALS}]\w*(?:\s+[a-zđ\u00e0-\u1ef9]\w*){{0,3}}(?!\w))+"
)


# `kiểm tra, giám sát` names the Party's inspection work only when nothing says what is inspected (`kiểm tra,
# giám sát việc chấp hành pháp luật về bảo vệ môi trường` is about the environment).
_ACTIVITY = re.compile(r"(?<!\w)kiểm tra,?\s*giám sát(?!\w)")


def _without_actors(sentence: str) -> str:
    text = _ASSOCIATION.sub(lambda m: " " * len(m.group()), sentence)
    text = _BODY_NAME.sub(lambda m: " " * len(m.group()), text)
    text = _ACTOR.sub(lambda m: " " * len(m.group()), fold(text))
    return _ACTIVITY.sub(lambda m: " " * len(m.group()), text)


def statement_sector(sentence: str, fallback: Sector | None) -> Sector:
    """The sector of a task, limitation or proposal: what the statement itself names (ignoring who acts
    or is asked), else associations when it names one, else `fallback` (the context's: section, earlier
    sentence), else the sector of the body it names (`Đề nghị Sở Y tế bổ sung bác sĩ ...`), else a generic
    cue, else `other`."""
    head = sentence[:120]
    return (
        detect_sector(_without_actors(head), strong_only=True)
        or ("mass_organizations" if _ASSOCIATION.search(head) else None)
        or fallback
        or detect_sector(head, strong_only=True)
        or detect_sector(head)
        or "other"
    )
