"""Cost estimates: US dollars per million prompt and completion tokens.

The table holds list prices of common hosted models as published by their providers in 2025;
prices change, so `--price IN,OUT` (or LLMX_PRICE) overrides it, and an unknown model has no
estimate rather than a guessed one. Batch API requests cost half on OpenAI. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from llmx.errors import ConfigError


@dataclass(frozen=True)
class Price:
    prompt_per_m: float
    completion_per_m: float

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return (prompt_tokens * self.prompt_per_m + completion_tokens * self.completion_per_m) / 1e6

    def halved(self) -> Price:
        return Price(self.prompt_per_m / 2, self.completion_per_m / 2)


LIST_PRICES: dict[str, Price] = {
    "gpt-4o": Price(2.50, 10.00),
    "gpt-4o-mini": Price(0.15, 0.60),
    "gpt-4.1": Price(2.00, 8.00),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.40),
    "o4-mini": Price(1.10, 4.40),
    "gpt-5": Price(1.25, 10.00),
    "gpt-5-mini": Price(0.25, 2.00),
    "gpt-5-nano": Price(0.05, 0.40),
    "llmx-rules-server": Price(0.0, 0.0),  # the project's own loopback server costs nothing
}


def parse_price(spec: str) -> Price:
    """`"0.4,1.6"` -> Price(0.4, 1.6): dollars per million prompt and completion tokens."""
    parts = spec.replace(" ", "").split(",")
    try:
        if len(parts) != 2:
            raise ValueError
        p, c = float(parts[0]), float(parts[1])
    except ValueError:
        raise ConfigError(f"--price {spec!r}: use IN,OUT in dollars per million tokens, e.g. 0.4,1.6") from None
    if p < 0 or c < 0:
        raise ConfigError(f"--price {spec!r}: prices cannot be negative")
    return Price(p, c)


def price_for(model: str | None, override: str | None = None) -> Price | None:
    """The price to estimate with: the override, else the list price of a known model, else None."""
    if override:
        return parse_price(override)
    if not model:
        return None
    name = model.split("/")[-1].lower()
    if name in LIST_PRICES:
        return LIST_PRICES[name]
    # dated snapshots (gpt-4.1-mini-2025-04-14) share their family's price
    for known in sorted(LIST_PRICES, key=len, reverse=True):
        if name.startswith(known + "-") and name[len(known) + 1 : len(known) + 2].isdigit():
            return LIST_PRICES[known]
    return None
