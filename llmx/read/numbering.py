"""Word's automatic numbering and styles, replayed as Word renders them.

Vietnamese reports number their headings (`I.`, `1.`, `1.1.`, `a)`) with Word's automatic
numbering, which lives in `numbering.xml`, not in the paragraph text. Without rendering it the
section tree loses every number, so the counters are replayed here as Word does: per abstract
list (every `w:num` of one `w:abstractNum` continues the same count, ECMA-376 §17.9), restarted
by higher levels (`lvlRestart`) and by a `startOverride` the first time its `w:num` is used.
Styles give paragraphs their numbering and runs their font (legacy .VnTime/VNI fonts).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from llmx.read.legacy import LegacyEncoding

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


def val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def to_int(value: str | None, default: int) -> int:
    """Attribute as int; a damaged value falls back instead of aborting the whole document."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def format_number(n: int, fmt: str) -> str:
    """Render counter `n` in a Word `numFmt` (decimal, upperRoman, lowerLetter, ...)."""
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        out, rest = "", n
        for value, sym in (
            (1000, "M"),
            (900, "CM"),
            (500, "D"),
            (400, "CD"),
            (100, "C"),
            (90, "XC"),
            (50, "L"),
            (40, "XL"),
            (10, "X"),
            (9, "IX"),
            (5, "V"),
            (4, "IV"),
            (1, "I"),
        ):
            count, rest = divmod(rest, value)
            out += sym * count
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= 26 * 30:
        letters = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: Z, AA, BB ...
        return letters if fmt == "upperLetter" else letters.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # lvlRestart: None = after any higher level, 0 = never
    legal: bool = False
    suffix: str = " "


def parse_level(lvl: etree._Element) -> Level:
    restart = val(lvl.find(w("lvlRestart")))
    return Level(
        start=to_int(val(lvl.find(w("start"))), 1),
        fmt=val(lvl.find(w("numFmt"))) or "decimal",
        text=val(lvl.find(w("lvlText"))) or "",
        restart=to_int(restart, 0) if restart is not None else None,
        legal=lvl.find(w("isLgl")) is not None,
        suffix="" if val(lvl.find(w("suff"))) == "nothing" else " ",
    )


@dataclass
class Styles:
    """Paragraph/character styles: numbering and fonts, following `basedOn` chains."""

    based_on: dict[str, str] = field(default_factory=dict)
    num: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # style -> (numId, ilvl)
    font: dict[str, str] = field(default_factory=dict)
    default_para: str | None = None
    default_font: str | None = None

    @classmethod
    def parse(cls, root: etree._Element | None) -> Styles:
        st = cls()
        if root is None:
            return st
        st.default_font = font_of(root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}"))
        for s in root.iter(w("style")):
            sid = s.get(w("styleId")) or ""
            if s.get(w("type")) == "paragraph" and s.get(w("default")) in ("1", "true", "on"):
                st.default_para = sid
            if (base := val(s.find(w("basedOn")))) is not None:
                st.based_on[sid] = base
            numpr = s.find(f"{w('pPr')}/{w('numPr')}")
            if numpr is not None:
                st.num[sid] = (val(numpr.find(w("numId"))), val(numpr.find(w("ilvl"))))
            if (font := font_of(s.find(w("rPr")))) is not None:
                st.font[sid] = font
        return st

    def chain(self, sid: str | None) -> Iterator[str]:
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            yield sid
            sid = self.based_on.get(sid)

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        for s in self.chain(sid):
            if s in self.num:
                return self.num[s]
        return None, None

    def font_of(self, *sids: str | None) -> str | None:
        for sid in sids:
            for s in self.chain(sid):
                if s in self.font:
                    return self.font[s]
        return self.default_font


def font_of(rpr: etree._Element | None) -> str | None:
    fonts = None if rpr is None else rpr.find(w("rFonts"))
    return None if fonts is None else (fonts.get(w("ascii")) or fonts.get(w("hAnsi")))


def legacy_font(name: str | None) -> tuple[LegacyEncoding, bool] | None:
    """(encoding, upper-case variant) for a legacy Vietnamese font name such as `.VnTimeH`."""
    low = (name or "").strip().lower()
    if low.startswith(".vn"):
        return "tcvn3", low.endswith("h")  # .VnTimeH shows lower-case codes as capitals
    if low.startswith(("vni-", "vni ")):
        return "vni", False
    return None


class Numbering:
    """Counters of Word's automatic numbering, advanced paragraph by paragraph."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.levels: dict[str, dict[int, Level]] = {}
        self.style_level: dict[tuple[str, str], int] = {}  # (abstractId, pStyle) -> ilvl
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # per abstract list, shared by its nums
        self.pending: dict[str, dict[int, int]] = {}  # startOverride values not yet used
        self.seen: set[str] = set()
        if root is None:
            return
        links: dict[str, str] = {}
        for ab in root.iter(w("abstractNum")):
            aid = ab.get(w("abstractNumId")) or ""
            self.levels[aid] = {}
            for lvl in ab.findall(w("lvl")):
                ilvl = to_int(lvl.get(w("ilvl")), 0)
                self.levels[aid][ilvl] = parse_level(lvl)
                if (ps := val(lvl.find(w("pStyle")))) is not None:
                    self.style_level[(aid, ps)] = ilvl
            if (link := val(ab.find(w("numStyleLink")))) is not None:
                links[aid] = link
        for num in root.iter(w("num")):
            starts: dict[int, int] = {}
            over: dict[int, Level] = {}
            for ov in num.findall(w("lvlOverride")):
                ilvl = to_int(ov.get(w("ilvl")), 0)
                if (s := val(ov.find(w("startOverride")))) is not None:
                    starts[ilvl] = to_int(s, 1)
                if (lvl := ov.find(w("lvl"))) is not None:
                    over[ilvl] = parse_level(lvl)
            self.nums[num.get(w("numId")) or ""] = (val(num.find(w("abstractNumId"))) or "", starts, over)
        for aid, style in links.items():  # a list defined through a numbering style
            linked = styles.numbering(style)[0]
            if linked in self.nums and not self.levels.get(aid):
                self.levels[aid] = self.levels.get(self.nums[linked][0], {})

    def level_of(self, num_id: str, style: str | None) -> int:
        aid = self.nums.get(num_id, ("", {}, {}))[0]
        return self.style_level.get((aid, style or ""), 0)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and render its label, e.g. `1.2.` or `- `."""
        if num_id not in self.nums:
            return ""
        aid, starts, over = self.nums[num_id]
        levels = {**self.levels.get(aid, {}), **over}
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid, {})
        pending = self.pending.setdefault(aid, {})
        if num_id not in self.seen:  # "Restart at n": only the overridden levels restart
            self.seen.add(num_id)
            for k, value in {**{k: lvl.start for k, lvl in over.items()}, **starts}.items():
                counters.pop(k, None)
                pending[k] = value

        def start(k: int) -> int:
            return levels[k].start if k in levels else 1

        if ilvl in pending:
            counters[ilvl] = pending.pop(ilvl)
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start(ilvl)
        for deeper, lvl in levels.items():
            if deeper > ilvl and (lvl.restart is None or (lvl.restart and ilvl < lvl.restart)):
                counters.pop(deeper, None)
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            return "- "
        text = lvl.text
        for k in range(9):
            if f"%{k + 1}" in text:
                fmt = "decimal" if lvl.legal else (levels[k].fmt if k in levels else "decimal")
                text = text.replace(f"%{k + 1}", format_number(counters.get(k, pending.get(k, start(k))), fmt))
        return text + lvl.suffix if text.strip() else ""
