"""The output contract of SPEC.md (schema 1.1: 1.0 plus additions) as pydantic models.

Every backend produces a `ReportDocument`; gold files follow it; `llmx schema` exports it to
`schemas/`. Fields may be added here, never renamed or reinterpreted without bumping
`SCHEMA_VERSION`.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from llmx import SCHEMA_VERSION

Format = Literal["txt", "md", "docx", "pdf", "html", "doc", "rtf", "odt"]
Backend = Literal["rules", "llm", "human"]  # "human": hand-labelled gold
IssuerType = Literal[
    "peoples_committee", "party_committee", "peoples_council", "fatherland_front", "department", "other"
]
AdminLevel = Literal["province", "district", "commune", "other"]
PeriodKind = Literal["week", "month", "quarter", "half_year", "nine_months", "year", "multi_year", "other"]
Role = Literal["preamble", "results", "limitations", "causes", "lessons", "tasks", "proposals", "closing", "other"]
Sector = Literal[
    "party",
    "government",
    "mass_organizations",
    "economy_general",
    "agriculture",
    "new_rural",
    "industry_construction",
    "trade_services",
    "investment",
    "budget",
    "land_environment",
    "education",
    "health",
    "culture_information",
    "labour_social",
    "defense",
    "security_order",
    "justice_inspection",
    "emulation_awards",
    "other",
]
Basis = Literal["plan", "budget_estimate", "same_period", "previous_period", "other"]
Relation = Literal["ratio", "change"]
Approx = Literal["over", "under", "about"]
LimitationKind = Literal["limitation", "cause"]

SECTORS: tuple[str, ...] = get_args(Sector)
ROLES: tuple[str, ...] = get_args(Role)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# every item type's `flags` (SPEC 1.1), documented once
_FLAGS_DOC = (
    "(1.1) reasons to doubt this item, e.g. name_fallback, unit_missing, basis_unstated, table_cell, backends_disagree"
)


class Source(_Model):
    path: str
    sha256: str
    format: Format
    chars: int = Field(description="length of the normalized text")


class Usage(_Model):
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0


class CallUsage(_Model):
    """One LLM request group: the sections it covered, its tokens, and every attempt."""

    section_ids: list[str] = Field(default_factory=list)
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: list[dict[str, str | int]] = Field(
        default_factory=list,
        description="kind (answer|transport|split), tokens, finish_reason, and the validation error sent back "
        "or the transport fault",
    )


class VerifyCounts(_Model):
    """(1.1) One item type of a cross-check: how the LLM's items compare with the rules' items."""

    checked: int = Field(default=0, description="LLM items compared")
    agree: int = Field(default=0, description="a rules item overlaps and says the same")
    disagree: int = Field(default=0, description="a rules item overlaps but says otherwise: flag backends_disagree")
    not_in_rules: int = Field(default=0, description="no rules item overlaps: flag not_in_rules")
    rules_only: int = Field(default=0, description="rules items no LLM item overlaps (not in the output)")


class Verification(_Model):
    """(1.1) `--verify rules`: the rules backend ran on the same prepared text as a cross-check."""

    against: Literal["rules"] = "rules"
    counts: dict[str, VerifyCounts] = Field(default_factory=dict, description="by item type")


class Extractor(_Model):
    backend: Backend
    model: str | None = None
    served_model: str | None = Field(
        default=None,
        description="the model name the endpoint's answers reported (a local server may answer under its own name "
        "whatever model was asked for)",
    )
    prompt: str | None = Field(default=None, description="prompt name@version, e.g. section@v1")
    llmx_version: str
    metadata_source: Literal["rules", "llm", "rules+llm"] | None = Field(
        default=None, description="which backend produced metadata"
    )
    usage: Usage | None = None
    calls: list[CallUsage] | None = Field(default=None, description="per-request usage of the LLM backend")
    verify: Verification | None = Field(default=None, description="(1.1) the cross-check, when one ran")


class Period(_Model):
    label: str
    kind: PeriodKind
    year: int | None = None
    months: list[int] = Field(default_factory=list)


class Signer(_Model):
    name: str | None = None
    title: str | None = None
    on_behalf_of: str | None = None


class Metadata(_Model):
    title: str | None = None
    doc_number: str | None = None
    doc_symbol: str | None = None
    issuer: str | None = None
    issuer_type: IssuerType | None = None
    admin_level: AdminLevel | None = None
    locality: str | None = None
    issue_place: str | None = None
    issue_date: str | None = None
    period: Period | None = None
    next_period: Period | None = None
    signer: Signer | None = None
    recipients: list[str] = Field(default_factory=list)
    addressees: list[str] = Field(default_factory=list, description="(1.1) the bodies after `Kính gửi:`")
    # additions (allowed by SPEC): web pages carry a posting date besides the document's own
    post_date: str | None = Field(default=None, description="web page posting date, ISO")
    issue_date_source: Literal["date_line", "post_date", "body"] | None = None


class Section(_Model):
    id: str
    parent_id: str | None = None
    number: str | None = None
    heading: str
    level: int
    role: Role
    sector: Sector | None = None
    start: int
    end: int
    # additions: where the heading itself sits, so a reviewer can highlight it
    heading_start: int | None = None
    heading_end: int | None = None


class Comparison(_Model):
    basis: Basis
    basis_text: str
    relation: Relation
    pct: float | None = None
    amount: float | None = None
    amount_unit: str | None = None

    def key(self) -> tuple[str, str, float | None, float | None]:
        """What the comparison says, numbers rounded to 2 decimals against float noise: two
        comparisons with one key agree (the eval's match and `--verify`'s agreement)."""
        return (
            self.basis,
            self.relation,
            None if self.pct is None else round(self.pct, 2) + 0.0,
            None if self.amount is None else round(self.amount, 2) + 0.0,
        )


class Indicator(_Model):
    id: str
    section_id: str | None = None
    name: str
    value: float | None = None
    unit: str | None = None
    target: float | None = None
    comparisons: list[Comparison] = Field(default_factory=list)
    estimated: bool = False
    approx: Approx | None = None
    as_of: str | None = None
    sector: Sector = "other"
    quote: str
    start: int
    end: int
    flags: list[str] = Field(default_factory=list, description=_FLAGS_DOC)
    table_id: str | None = Field(default=None, description="(1.1) the table whose row the quote is, if any")
    table_row: int | None = Field(
        default=None, description="(1.1) index of that row in the table (0 = its first row, header rows counted)"
    )


class Task(_Model):
    id: str
    section_id: str | None = None
    text: str
    sector: Sector = "other"
    start: int
    end: int
    flags: list[str] = Field(default_factory=list, description=_FLAGS_DOC)


class Limitation(_Model):
    id: str
    section_id: str | None = None
    text: str
    kind: LimitationKind = "limitation"
    sector: Sector = "other"
    start: int
    end: int
    flags: list[str] = Field(default_factory=list, description=_FLAGS_DOC)


class Reference(_Model):
    id: str
    section_id: str | None = None
    doc_type: str
    number: str | None = None
    date: str | None = None
    issuer: str | None = None
    quote: str
    start: int
    end: int
    flags: list[str] = Field(default_factory=list, description=_FLAGS_DOC)


class Proposal(_Model):
    """(1.1) A recommendation or request addressed to a higher level or another body (not a task)."""

    id: str
    section_id: str | None = None
    text: str
    addressee: str | None = None
    sector: Sector = "other"
    start: int
    end: int
    flags: list[str] = Field(default_factory=list, description=_FLAGS_DOC)


class TableCell(_Model):
    """(1.1) One cell of a table row: `text[start:end]` is its text."""

    start: int
    end: int
    col: int = Field(description="grid column (0-based) of the cell's first column")
    colspan: int = 1
    rowspan: int = 1
    covered: bool = Field(default=False, description="an empty stand-in for a cell merged down from the row above")


class TableRow(_Model):
    """(1.1) One row of a table: one line of `text`, cells separated by ` | `."""

    start: int
    end: int
    kind: Literal["header", "data", "repeated_header"] = "data"
    cells: list[TableCell] = Field(default_factory=list)


class Table(_Model):
    """(1.1) A data table of the report: one line per row in `text`, cells joined by ` | `."""

    id: str = Field(description="tb1, tb2, ... in document order")
    section_id: str | None = Field(default=None, description="the innermost section holding the table")
    start: int
    end: int
    rows: int = Field(description="number of rows, header rows included")
    columns: int = Field(description="width of the grid")
    header_rows: int = Field(default=0, description="the first header_rows rows are the table's header")
    page: int | None = Field(default=None, description="1-based page of a PDF table's first row")
    column_headers: list[str] = Field(
        default_factory=list, description="per grid column, its header cells top to bottom joined by ' / '"
    )
    row_spans: list[TableRow] = Field(default_factory=list, description="every row with its cells")


class Problem(_Model):
    section_id: str | None = None
    stage: str
    message: str


class ReportDocument(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    extractor: Extractor
    text: str
    metadata: Metadata = Field(default_factory=Metadata)
    sections: list[Section] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    limitations: list[Limitation] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list, description="(1.1)")
    tables: list[Table] = Field(default_factory=list, description="(1.1) the data tables in `text`")
    problems: list[Problem] = Field(default_factory=list)


def grounding_errors(doc: ReportDocument) -> list[str]:
    """Every SPEC offset invariant that does not hold, as readable messages (empty when sound)."""
    text = doc.text
    errors: list[str] = []
    for kind, items, field in (
        ("indicator", doc.indicators, "quote"),
        ("reference", doc.references, "quote"),
        ("task", doc.tasks, "text"),
        ("limitation", doc.limitations, "text"),
        ("proposal", doc.proposals, "text"),
    ):
        for item in items:
            expected = getattr(item, field)
            if not (0 <= item.start <= item.end <= len(text)) or text[item.start : item.end] != expected:
                errors.append(f"{kind} {item.id}: text[{item.start}:{item.end}] != {field} {expected[:60]!r}")
    for sec in doc.sections:
        if not (0 <= sec.start <= sec.end <= len(text)):
            errors.append(f"section {sec.id}: span {sec.start}:{sec.end} outside text")
    tables = {t.id: t for t in doc.tables}
    for table in doc.tables:
        if not (0 <= table.start <= table.end <= len(text)):
            errors.append(f"table {table.id}: span {table.start}:{table.end} outside text")
    for ind in doc.indicators:
        if ind.table_id is None:
            continue
        placed = tables.get(ind.table_id)
        if placed is None or ind.table_row is None or not 0 <= ind.table_row < len(placed.row_spans):
            errors.append(f"indicator {ind.id}: unknown table row {ind.table_id}/{ind.table_row}")
    groups = (doc.indicators, doc.tasks, doc.limitations, doc.references, doc.proposals)
    ids = [i.id for group in groups for i in group]
    ids += [s.id for s in doc.sections]
    if len(ids) != len(set(ids)):
        errors.append("item ids are not unique")
    section_ids = {s.id for s in doc.sections}
    for group in groups:
        for item in group:
            if item.section_id is not None and item.section_id not in section_ids:
                errors.append(f"{item.id}: unknown section_id {item.section_id}")
    return errors
