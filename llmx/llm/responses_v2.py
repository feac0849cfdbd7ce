"""What section@v2 and metadata@v2 ask the model for (SPEC 1.1). Pure.

v2 asks every section for every kind of item (the role tells the model what to expect, it no
longer decides what is asked), so it adds `proposals` (with their addressee), lets a
comparison's `basis_text` be null when the text names no basis (the item is then flagged
`basis_unstated`), and asks metadata for `addressees` (`Kính gửi:`). Validators are v1's
(responses.py); the v1 models stay as they were, so section@v1 keeps its hash.
"""

from __future__ import annotations

from pydantic import Field, ValidationInfo, model_validator

from llmx.llm import responses as v1
from llmx.llm.responses import LimitationOut, ReferenceOut, TaskOut, _Answer, _check_quote


# The two `type: ignore[assignment]` below stay: redefining an inherited field with another type is how
# pydantic changes a field in a subclass, which mypy reads as an incompatible override (a wider type; a
# list of the subclass). A base shared with v1 would reorder v1's schema properties and so change
# section@v1's prompt hash and its recorded cassettes.
class ComparisonOut(v1.ComparisonOut):
    basis_text: str | None = Field(None, description="as written; null when the text names no basis")  # type: ignore[assignment]


class IndicatorOut(v1.IndicatorOut):
    comparisons: list[ComparisonOut] = Field(default_factory=list)  # type: ignore[assignment]


class ProposalOut(_Answer):
    text: str = Field(description="exact span of the section text")
    addressee: str | None = None

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> ProposalOut:
        _check_quote("proposal text", self.text, info)
        return self


class SectionItems(_Answer):
    """Items stated in one section of a Vietnamese periodic report."""

    indicators: list[IndicatorOut] = Field(default_factory=list)
    tasks: list[TaskOut] = Field(default_factory=list)
    limitations: list[LimitationOut] = Field(default_factory=list)
    references: list[ReferenceOut] = Field(default_factory=list)
    proposals: list[ProposalOut] = Field(default_factory=list)


class ReportMetadata(v1.ReportMetadata):
    """Header, headline and signature facts of a Vietnamese periodic report."""

    title: str | None = Field(None, description="line(s) under BÁO CÁO joined with one space, else the headline")
    addressees: list[str] = Field([], description="the bodies after 'Kính gửi:'")

    def _copied(self) -> list[tuple[str, str | None]]:
        return [*super()._copied(), *(("addressee", a) for a in self.addressees)]
