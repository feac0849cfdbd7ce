"""What the model must answer, and the validators whose messages it reads when re-asked. Pure.

The schema is lean on purpose (it is sent with every section): no ids, no offsets (the model
returns quotes and grounding computes offsets), no sectors (computed from the item's words and
its section, as the rules backend does), no titles, nullable types written as
`["number", "null"]`, enums inline, and field meanings taught once in the prompt.
Validators read the section text from the validation context (`{"section_text": ...}`); their
messages say what to do, in the words the model needs ("value 6128.7 must be written in the
quote as 6.128,7"), because instructor sends them back verbatim on a re-ask. Numbers in messages
are JSON numbers or written the Vietnamese way, never in exponent form (`2.45e+07`).

They accept what a careful reader would: a number glued to a word (`đạt12.480`), an English
decimal point where it cannot be a thousands group (`97.6%`), amounts in words (`6 tỷ 200
triệu đồng`), `gấp 2,5 lần` as a 250% ratio, `basis_text` or `months` left null, and quoted
metadata that differs from the text only in case, spacing or tone-mark placement.

These are the section@v1 and metadata@v1 answers; responses_v2.py adds what v2 asks for.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode
from pydantic_core import PydanticCustomError, core_schema

from llmx.contract import AdminLevel, Approx, Basis, IssuerType, LimitationKind, PeriodKind, Relation
from llmx.grounding import occurs
from llmx.numbers import json_number, reading_of, readings
from llmx.vn import tone_key

_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_WORD = re.compile(r"\w+")


class LeanSchema(GenerateJsonSchema):
    """JSON Schema without per-field titles and defaults, nullable as a type list: fewer tokens."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def nullable_schema(self, schema: core_schema.NullableSchema) -> dict[str, Any]:
        inner = self.generate_inner(schema["schema"])
        if set(inner) <= {"type", "description", "enum"} and isinstance(inner.get("type"), str):
            if "enum" in inner:
                inner = {**inner, "enum": [*inner["enum"], None]}
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, {"type": "null"}]}

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> dict[str, Any]:
        return self.generate_inner(schema["schema"])

    def generate(self, schema: Any, mode: JsonSchemaMode = "validation") -> dict[str, Any]:
        out = super().generate(schema, mode)
        for definition in out.get("$defs", {}).values():
            definition.pop("title", None)  # the $defs key already names it
        return out


class _Answer(BaseModel):
    """Base of every response model: lean schema, and errors that do not echo the input back."""

    model_config = ConfigDict(hide_input_in_errors=True, extra="ignore")

    @classmethod
    def model_json_schema(
        cls,
        by_alias: bool | None = True,
        ref_template: str = "#/$defs/{model}",
        schema_generator: type[GenerateJsonSchema] = LeanSchema,
        mode: JsonSchemaMode = "validation",
        **kwargs: Any,
    ) -> dict[str, Any]:
        # generated once per class and options: instructor asks for it on every request (the client
        # hands it one pre-wrapped class per response model, so the classes here are few)
        key = (cls, by_alias, ref_template, schema_generator, mode, tuple(sorted(kwargs.items())))
        if key not in _SCHEMAS:
            # pydantic 2.13 types by_alias as bool (earlier releases: bool | None, None = True)
            alias = True if by_alias is None else by_alias
            _SCHEMAS[key] = super().model_json_schema(alias, ref_template, schema_generator, mode, **kwargs)
        return copy.deepcopy(_SCHEMAS[key])  # callers may edit their copy


_SCHEMAS: dict[tuple[Any, ...], dict[str, Any]] = {}


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, "{m}", {"m": message})


def _context(info: ValidationInfo, key: str) -> str | None:
    # `info.context or {}` would be wrong: the client passes a deliberately falsy mapping (see client.py)
    ctx = info.context if info.context is not None else {}
    return ctx.get(key)


def vn_number(value: float) -> str:
    """Write a number the Vietnamese way: 6128.7 -> '6.128,7', 41675 -> '41.675'."""
    text = f"{abs(value):.6f}".rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    return ("-" if value < 0 else "") + grouped + ("," + frac if frac else "")


def _numbers_note(quote: str) -> str:
    found = [f"{r.text!r} = {json_number(r.value)}" for r in readings(quote) if r.how != "words"]
    return "; the quote's numbers read as " + ", ".join(found) if found else "; the quote holds no number"


def _check_number(label: str, value: float | None, quote: str, *, percent: bool = False) -> None:
    if value is not None and reading_of(value, quote, percent=percent) is None:
        raise _fail(
            "number_not_in_quote",
            f"{label} {json_number(value)} must be written in the quote as {vn_number(value)} (Vietnamese: '.' "
            f"groups thousands, ',' is the decimal mark){_numbers_note(quote)}; fix the number or widen the quote",
        )


def _check_quote(label: str, quote: str, info: ValidationInfo) -> None:
    section = _context(info, "section_text")
    if section is not None and not occurs(section, quote):
        raise _fail(
            "not_in_section",
            f"{label} {quote[:120]!r} does not occur in the section text: copy it character for character "
            "from between the <section_text> tags (no paraphrase, no '...', no added words)",
        )


def answer_object(raw: str | None) -> dict[str, Any] | None:
    """A failed answer's raw text as a JSON object, or None when it is not one (what salvage reads)."""
    try:
        data = json.loads(raw or "")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def loose(text: str) -> str:
    """Comparison key for copied metadata: case, spacing and tone-mark placement folded away."""
    folded = _WORD.sub(lambda m: tone_key(m.group()), unicodedata.normalize("NFC", text).casefold())
    return "".join(folded.split())


def loosely_occurs(source: str, value: str) -> bool:
    """`value` occurs in `source` up to case, spacing and tone-mark placement (`218 /BC-UBND`)."""
    return occurs(source, value) or loose(value) in loose(source)


def _iso(value: str | None) -> str | None:
    if value is not None and not _ISO.match(value):
        raise _fail("not_iso", f"date {value!r} must be ISO with the parts given: 2023-02-20, 2023-02 or 2023")
    return value


class ComparisonOut(_Answer):
    basis: Basis
    basis_text: str
    relation: Relation
    pct: float | None = None
    amount: float | None = None
    amount_unit: str | None = None

    @field_validator("basis_text", mode="before")
    @classmethod
    def _unstated(cls, v: Any) -> Any:
        return "" if v is None else v  # null: the text names no basis (the item is flagged basis_unstated)


class IndicatorOut(_Answer):
    quote: str = Field(description="exact span of the section text")
    name: str
    value: float | None = None
    unit: str | None = None
    target: float | None = None
    comparisons: list[ComparisonOut] = []
    estimated: bool = False
    approx: Approx | None = None
    as_of: str | None = None

    @field_validator("as_of")
    @classmethod
    def _as_of(cls, v: str | None) -> str | None:
        return _iso(v)

    @field_validator("unit")
    @classmethod
    def _unit(cls, v: str | None) -> str | None:
        return (v.strip().lower() or None) if v is not None else None

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> IndicatorOut:
        _check_quote("quote", self.quote, info)
        _check_number("value", self.value, self.quote)
        _check_number("target", self.target, self.quote)
        for comp in self.comparisons:
            _check_number("comparison pct", comp.pct, self.quote, percent=True)
            _check_number("comparison amount", comp.amount, self.quote)
        if not self.name.strip():
            raise _fail("empty_name", "name must say what is measured, in the text's words")
        return self


class TaskOut(_Answer):
    text: str = Field(description="exact span of the section text")

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> TaskOut:
        _check_quote("task text", self.text, info)
        return self


class LimitationOut(_Answer):
    text: str = Field(description="exact span of the section text")
    kind: LimitationKind = "limitation"

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> LimitationOut:
        _check_quote("limitation text", self.text, info)
        return self


class ReferenceOut(_Answer):
    quote: str = Field(description="exact span of the section text")
    doc_type: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None

    @field_validator("date")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        return _iso(v)

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ReferenceOut:
        self.doc_type = self.doc_type.strip().lower()
        _check_quote("reference quote", self.quote, info)
        if self.number and not occurs(self.quote, self.number):
            raise _fail("number_not_in_quote", f"reference number {self.number!r} is not in its quote {self.quote!r}")
        return self


class SectionItems(_Answer):
    """Items stated in one section of a Vietnamese periodic report."""

    ROLE_GATED: ClassVar[bool] = True  # v1 asks task sections for tasks only, the others for no tasks

    indicators: list[IndicatorOut] = []
    tasks: list[TaskOut] = []
    limitations: list[LimitationOut] = []
    references: list[ReferenceOut] = []


class PeriodOut(_Answer):
    label: str
    kind: PeriodKind
    year: int | None = None
    months: list[int] = []

    @field_validator("months", mode="before")
    @classmethod
    def _no_months(cls, v: Any) -> Any:
        return [] if v is None else v

    @field_validator("months")
    @classmethod
    def _months(cls, v: list[int]) -> list[int]:
        if any(not 1 <= m <= 12 for m in v):
            raise _fail("bad_month", "months must be numbers 1-12")
        return v


class SignerOut(_Answer):
    name: str | None = None
    title: str | None = None
    on_behalf_of: str | None = None


class ReportMetadata(_Answer):
    """Header and signature facts of a Vietnamese periodic report."""

    title: str | None = Field(None, description="line(s) under BÁO CÁO joined with one space")
    doc_number: str | None = Field(None, description="e.g. 198/BC-UBND; null when the number is blank")
    doc_symbol: str | None = Field(None, description="e.g. BC-UBND")
    issuer: str | None = None
    issuer_type: IssuerType | None = None
    admin_level: AdminLevel | None = None
    locality: str | None = Field(None, description="place name without its administrative prefix")
    issue_place: str | None = None
    issue_date: str | None = None
    period: PeriodOut | None = Field(None, description="the period reported on")
    next_period: PeriodOut | None = Field(None, description="the period the tasks are for")
    signer: SignerOut | None = None
    recipients: list[str] = Field([], description="lines under 'Nơi nhận:', without '- ' and end punctuation")

    @field_validator("issue_date")
    @classmethod
    def _date(cls, v: str | None) -> str | None:
        return _iso(v)

    def _copied(self) -> list[tuple[str, str | None]]:
        """The fields the model must copy from the text, with their labels for messages."""
        checks = [("title", self.title), ("doc_number", self.doc_number), ("issue_place", self.issue_place)]
        checks += [("signer name", self.signer.name if self.signer else None)]
        return checks + [("recipient", r) for r in self.recipients]

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ReportMetadata:
        source = _context(info, "source_text")
        if source is None:
            return self
        for label, value in self._copied():
            if value and not loosely_occurs(source, value):
                raise _fail("not_in_source", f"{label} {value[:100]!r} does not occur in the document text; copy it")
        return self
