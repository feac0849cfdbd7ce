"""What the rules read as comparisons, flattened for the prose-comparison tests (waves 9, 9b, 9c)."""

from __future__ import annotations

from llmx.rules.indicators import find_indicators

# (basis, basis_text, relation, pct, amount, amount_unit)
Row = tuple[str, str, str, float | None, float | None, str | None]


def comparisons_by_value(text: str) -> dict[float | None, list[Row]]:
    """Each indicator's comparisons, keyed by the indicator's value (the tests' sentences keep values apart)."""
    found: dict[float | None, list[Row]] = {}
    for ind in find_indicators(text):
        found.setdefault(ind.value, []).extend(
            (c.basis, c.basis_text, c.relation, c.pct, c.amount, c.amount_unit) for c in ind.comparisons
        )
    return found
