"""How long an answer may be: list bounds in the response schema and `max_tokens` per request. Pure.

A model that loops (a small local model at temperature 0 repeats its last item until something
stops it) must be stopped by the request itself: llama.cpp has no default answer limit, and a
grammar-constrained answer (json_schema mode) stays valid JSON while it grows. Two bounds do it:

* **list bounds** (`maxItems` in the schema, `max_length` in validation): a section cannot state
  more indicators than it has figures (numbers that are not dates or years) plus 2, nor more tasks
  or limitations than it has sentences plus 2, nor more references than numbers and lines; an
  indicator has at most 4 comparisons. Measured on the dev gold (597 requests: the 14 dev reports planned as
  usual, and again cut into ~300-token pieces): no request holds more gold items than these
  counts (nor any indicator more than 3 comparisons), so a right answer is never refused. A
  grammar then closes the list at the bound; a provider that ignores `maxItems` gets the
  validator's message. Bounds are rounded up to a few sizes (2, 3, 4, 6, 8, 12, ...), so a run
  makes few distinct response models.
* **max_tokens**: the answer copies quotes out of the text and adds each item's fields, so it is
  sized from both: `2 x text tokens + 80 x figures + 256` tokens of the served model, at least
  512 (metadata: `1 x` its excerpt, no figures). Tables are read as rows and every figure cell is
  an indicator, so a table's answer grows with its figures, not its text; and every indicator of a
  row (or of a sentence) quotes the whole row, so a row of 11 scores is copied 11 times, not 2: each
  line or sentence with more figures than 2 adds its tokens once per further figure, and numbers
  written against the convention (`84.86` in a table) count as figures. Measured on the dev gold
  (a perfect model's run over the 15 dev reports, 114 requests under the ceiling): no gold answer
  uses more than 0.68 of this; without the per-row copies, a report of 13-row score tables with 10
  figures a row (dev 35) lost 325 of its 384 indicators, its tables still cut after two splits;
  the older `3 x text + 256` fell short on every figure-dense table. At most
  `Settings.max_answer_tokens` (`--max-answer-tokens`/LLMX_MAX_ANSWER_TOKENS, default 16384, what
  hosted models accept; 0 sends no limit), and at most
  what the served model's context leaves after the prompt when the endpoint said how long it is.

Token counts here are llmx's (llmx/llm/tokens.py) times `Settings.token_scale`, the served
model's tokens per llmx token (measured by the endpoint probe, llmx/llm/endpoint.py).
"""

from __future__ import annotations

import copyreg
import re
from functools import lru_cache
from types import GenericAlias
from typing import Any, cast, get_args, get_origin

from pydantic import BaseModel, Field, create_model
from pydantic._internal._model_construction import ModelMetaclass

from llmx.config import Settings
from llmx.llm.chunking import PACK_TOKENS
from llmx.numbers import NUMBER_RE

FLOOR_TOKENS = 512  # the smallest max_tokens sent: a short section's answer still has room
FIXED_ANSWER_TOKENS = 256  # JSON keys and brackets: what any answer holds besides its items
SECTION_COPIES = 2.0  # answer tokens per text token for a section (tasks' and indicators' quotes overlap)
FIGURE_TOKENS = 80  # an indicator's fields besides its quote (name, value, unit, comparisons) as JSON
METADATA_COPIES = 1.0
NESTED_BOUNDS = {"comparisons": 4, "months": 12}  # lists inside an item: 3 comparisons at most in the dev gold
_SENTENCE_END = re.compile(r"[.;!?:](?=\s|$)")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}/\d{4}\b")
_NUMBER_LIKE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,])")


def figure_count(text: str) -> int:
    """The numbers in `text` that can be an indicator's value (dates and years measure nothing),
    counting numbers written against the convention too (`84.86`, `17, 66` in a table: each is an
    indicator, flagged, with or without a value)."""
    text = _YEAR.sub(" ", _DATE.sub(" ", text))
    return max(len(NUMBER_RE.findall(text)), len(_NUMBER_LIKE.findall(text)))


def recopied(text: str) -> list[tuple[str, float]]:
    """The quote units (lines, and sentences within them) of `text` that an answer copies more often
    than `SECTION_COPIES`, with how many more times: one quote per figure they hold."""
    units = []
    for line in text.split("\n"):
        pieces = [p for p in _SENTENCE_END.split(line) if p.strip()] if " | " not in line else [line]
        for piece in pieces:
            extra = figure_count(piece) - SECTION_COPIES
            if extra > 0:
                units.append((piece, extra))
    return units


def item_bounds(text: str) -> dict[str, int]:
    """The most items of each kind `text` can state (see the module docstring)."""
    numbers = len(NUMBER_RE.findall(text))
    figures = figure_count(text)
    lines = sum(1 for line in text.split("\n") if line.strip())
    sentences = lines + len(_SENTENCE_END.findall(text))
    return {"indicators": figures + 2, "references": numbers + lines + 2, "statements": sentences + 2}


def _bucket(n: int) -> int:
    """`n` rounded up to 2, 3, 4, 6, 8, 12, 16, 24, ... (few distinct schemas, never below `n`)."""
    size = 2
    while size < n:
        size = size * 3 // 2 if size & (size - 1) == 0 else size * 4 // 3
    return size


Spec = tuple[tuple[str, int, "Spec | None"], ...]  # (list field, its bound, its items' own spec)


def bounded(model: type[BaseModel], text: str) -> type[BaseModel]:
    """`model` with every list of items bounded for `text`, nested lists too (an indicator's
    comparisons); a model without list fields as is."""
    spec = _spec(model, item_bounds(text))
    return _build(model, spec) if spec else model


def _spec(model: type[BaseModel], bounds: dict[str, int], nested: bool = False) -> Spec:
    out = []
    for name, info in model.model_fields.items():
        if get_origin(info.annotation) is not list:
            continue
        (item,) = get_args(info.annotation)
        inner = _spec(item, bounds, nested=True) if isinstance(item, type) and issubclass(item, BaseModel) else ()
        limit = NESTED_BOUNDS.get(name, bounds["statements"]) if nested else bounds.get(name, bounds["statements"])
        out.append((name, _bucket(limit), inner or None))
    return tuple(out)


class _Bounded(ModelMetaclass):
    """The metaclass of bounded models: they pickle as (their model, their bounds), since a plan
    and its answers cross to worker processes and a class made at run time has no importable name."""

    _llmx_bounds: tuple[type[BaseModel], Spec]


def _rebuild(cls: _Bounded) -> tuple[Any, tuple[type[BaseModel], Spec]]:
    return _build, cls._llmx_bounds


copyreg.pickle(_Bounded, _rebuild)


@lru_cache(maxsize=512)
def _build(model: type[BaseModel], spec: Spec) -> type[BaseModel]:
    """The subclass of `model` whose lists hold at most their bound (same name: the tool/schema name)."""
    fields: dict[str, Any] = {}
    for name, limit, inner in spec:
        annotation: Any = model.model_fields[name].annotation
        if inner is not None:
            annotation = GenericAlias(list, (_build(annotation.__args__[0], inner),))  # list[that model]
        fields[name] = (annotation, Field(default_factory=list, max_length=limit))
    sub: type[BaseModel] = create_model(
        model.__name__,
        __base__=model,
        __module__=model.__module__,
        __cls_kwargs__={"metaclass": _Bounded},
        **fields,
    )
    cast(Any, sub)._llmx_bounds = (model, spec)
    sub.__doc__ = model.__doc__
    sub.__qualname__ = model.__qualname__
    return sub


def answer_tokens(
    text_tokens: int,
    prompt_tokens: int,
    settings: Settings,
    *,
    copies: float = SECTION_COPIES,
    figures: int = 0,
    recopied_tokens: int = 0,
) -> int | None:
    """`max_tokens` for a request whose text (what quotes are copied from) and whole prompt have
    these many llmx tokens, whose text holds `figures` possible indicators and whose figure-dense
    rows and sentences are copied `recopied_tokens` more (see `recopied`); None when the settings
    send no limit."""
    if settings.max_answer_tokens <= 0:
        return None
    scale = settings.token_scale
    items = copies * text_tokens + FIGURE_TOKENS * figures + recopied_tokens
    want = max(FLOOR_TOKENS, int(items * scale) + FIXED_ANSWER_TOKENS)
    cap = settings.max_answer_tokens
    if settings.context_tokens:
        room = settings.context_tokens - int(prompt_tokens * scale) - 16
        if room >= 128:  # less than that: let the server refuse it, and the text be split
            cap = min(cap, room)
    return min(want, cap)


def section_tokens(settings: Settings, fixed_tokens: int) -> tuple[int, int]:
    """(split budget, packing budget) in llmx tokens of text per request.

    `Settings.max_section_tokens` and the packing budget are counted in the served model's tokens;
    when the endpoint said how long its context is, a request's prompt (`fixed_tokens` of
    instructions and schema, plus its text) and its answer (2 x text + 256, figures aside) must fit in it.
    """
    scale = settings.token_scale
    budget = settings.max_section_tokens / scale
    if settings.context_tokens:
        fit = (settings.context_tokens - FIXED_ANSWER_TOKENS - 16 - fixed_tokens * scale) / (
            (1 + SECTION_COPIES) * scale
        )
        budget = min(budget, max(fit, 64.0))
    return max(int(budget), 64), max(min(int(PACK_TOKENS / scale), int(budget)), 64)
