"""The model's metadata answer merged with the rules' metadata, field by field. Pure.

Every document gets a metadata request, so most fields have two candidates. A field the model
answered *confidently* wins, unless it only says less than the rules' value (`UBND huyện` for
`UBND huyện Thanh Liêm`); otherwise the rules' value stands; otherwise the model's value fills
the gap. Confident means grounded in the text the model was shown: the value is written there
(up to case, spacing, tone-mark placement and the usual abbreviations: `UBND xã Cẩm Hà` is
grounded by `ỦY BAN NHÂN DÂN / XÃ CẨM HÀ`), an issuer also in the two parts a header spreads
over two lines (`Sở Nội vụ tỉnh Lâm Đồng` from `UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ`); a period
by its label, a signer by the name, a date by a date expression that denotes it (`ngày 24 tháng
6 năm 2022`, `24/06/2022`). Issuer type and level go with the issuer they were read with, a
signer's title with the signer's name.

An answer that failed validation is not thrown away: `salvage_metadata` keeps each field (and
each list entry) that passes validation on its own.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from llmx.contract import Metadata
from llmx.llm.responses import answer_object, loose

MetadataSource = Literal["rules", "llm", "rules+llm"]
_ABBREVIATIONS = {  # written either way in headers and headlines
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "mttq": "mặt trận tổ quốc",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "tp": "thành phố",
}
_ABBREVIATION = re.compile(r"\b(" + "|".join(_ABBREVIATIONS) + r")\b", re.I)
_TEXT_FIELDS = ("title", "doc_number", "doc_symbol", "issue_place", "locality")

_ORDER = tuple(Metadata.model_fields)


def _expanded(text: str) -> str:
    return loose(_ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group(1).lower()], text))


def written(value: str, source: str) -> bool:
    """`value` is written in `source`, up to case, spacing, tone placement and abbreviations."""
    return bool(value.strip()) and (loose(value) in loose(source) or _expanded(value) in _expanded(source))


def named(value: str, source: str) -> bool:
    """`value` is written in `source`, or in two parts of two words or more each, the way a header
    block names an issuer over two lines (`Sở Nội vụ tỉnh Lâm Đồng` from `UBND TỈNH LÂM ĐỒNG` over
    `SỞ NỘI VỤ`)."""
    if written(value, source):
        return True
    words = value.split()
    return any(
        written(" ".join(words[:k]), source) and written(" ".join(words[k:]), source) for k in range(2, len(words) - 1)
    )


def _date_patterns(iso: str) -> list[str]:
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return [rf"(?<!\d){year}(?!\d)"]
    month = rf"0?{parts[1]}"
    if len(parts) == 2:
        return [rf"tháng\s*{month}\s*(?:năm|/|-|\.)\s*{year}(?!\d)", rf"(?<![\d/]){month}/{year}(?!\d)"]
    day = rf"(?<!\d)0?{parts[2]}"
    return [
        rf"{day}\s*tháng\s*{month}\s*năm\s*{year}(?!\d)",
        rf"{day}\s*[/.-]\s*{month}\s*[/.-]\s*{year}(?!\d)",
    ]


def date_written(iso: str, source: str) -> bool:
    """A date expression in `source` denotes the ISO date (full or partial) `iso`."""
    if not re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", iso):
        return False
    text = source.casefold()
    return any(re.search(p, text) for p in _date_patterns(iso))


def _words(name: str, value: Any) -> str:
    """The written words a field's value stands on (for comparing how much two values say)."""
    if name in ("period", "next_period"):
        return str(value.label)
    if name == "signer":
        return str(value.name or "")
    return value if isinstance(value, str) else ""


def _says_less(name: str, mine: Any, theirs: Any) -> bool:
    """The model's value is a part of the rules' value (a truncated issuer, title or label)."""
    a, b = _expanded(_words(name, mine)), _expanded(_words(name, theirs))
    return bool(a) and a != b and a in b


def _grounded(name: str, value: Any, source: str) -> bool:
    if value in (None, [], ""):
        return False
    if name in _TEXT_FIELDS:
        return written(value, source)
    if name == "issuer":
        return named(value, source)
    if name == "issue_date":
        return date_written(value, source)
    if name in ("period", "next_period"):
        return written(value.label, source)
    if name == "signer":
        return bool(value.name) and written(value.name, source)
    if name in ("recipients", "addressees"):
        return all(written(v, source) for v in value)
    return False


_FOLLOWS = {"issuer_type": "issuer", "admin_level": "issuer"}  # read with the issuer, taken with it


def merge_metadata(rules: Metadata | None, answer: BaseModel | None, source: str) -> tuple[Metadata, MetadataSource]:
    """The merged metadata and where it came from (see the module docstring)."""
    base = rules or Metadata()
    if answer is None:
        return base, "rules"
    found = Metadata.model_validate(
        {k: v for k, v in answer.model_dump(mode="json").items() if k in Metadata.model_fields}
    )
    chosen: dict[str, Any] = {}
    from_llm: set[str] = set()
    for name in _ORDER:
        if name in ("post_date", "issue_date_source"):
            continue  # the rules' own notes on the page, not asked of the model
        mine, theirs = getattr(found, name), getattr(base, name)
        if name in _FOLLOWS:
            leader = _FOLLOWS[name]
            take = mine not in (None, []) and (leader in from_llm or theirs in (None, []))
        else:
            confident = _grounded(name, mine, source) and not (theirs and _says_less(name, mine, theirs))
            take = mine not in (None, []) and (confident or theirs in (None, []))
        if take and mine != theirs:
            chosen[name] = mine
            from_llm.add(name)
    if not chosen:
        return base, "rules"
    if "issue_date" in chosen:
        chosen["issue_date_source"] = None  # the rules' note on where the date came from no longer holds
    kept = [k for k in _ORDER if getattr(base, k) not in (None, []) and k not in chosen]
    return base.model_copy(update=chosen), "rules+llm" if kept else "llm"


def salvage_metadata(raw: str | None, context: dict[str, str], model: type[BaseModel]) -> BaseModel | None:
    """The fields of a failed metadata answer that pass validation on their own (list fields
    entry by entry), or None when nothing does."""
    data = answer_object(raw)
    if data is None:
        return None
    kept: dict[str, Any] = {}
    for name, value in data.items():
        if name not in model.model_fields:
            continue
        entries = value if isinstance(value, list) else None
        candidates = [[entry] for entry in entries] if entries is not None else [value]
        for candidate in candidates:
            try:
                model.model_validate({name: candidate}, context=context)
            except ValidationError:
                continue
            if entries is not None:
                kept.setdefault(name, []).extend(candidate)
            else:
                kept[name] = candidate
    if not kept:
        return None
    try:
        return model.model_validate(kept, context=context)
    except ValidationError:
        return None
