"""Rule extractors alone on the dev corpus: indicators, and references + metadata, best of N.

Run: `python benchmarks/rules_stages.py [--repeat N]`. These were wall-clock assertions in the
unit tests (indicators < 1 s for the corpus, references + metadata < 50 ms); a timed unit test
fails on a loaded machine without anything being wrong, so the figures are measured here and
printed against their targets instead. The text is normalized first and not timed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from measure import best_of

from llmx.normalize import normalize
from llmx.rules.indicators import find_indicators
from llmx.rules.metadata import extract_metadata
from llmx.rules.references import find_references

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = [normalize(p.read_text(encoding="utf-8")).text for p in sorted(SAMPLES.glob("*.txt"))]
    kb = sum(len(t.encode()) for t in texts) / 1024

    def indicators() -> None:
        for text in texts:
            find_indicators(text)

    def references_and_metadata() -> None:
        for text in texts:
            find_references(text)
            extract_metadata(text)

    print(f"dev corpus: {len(texts)} reports, {kb:.0f} KB; best of {args.repeat}")
    for name, work, target in (
        ("indicators", indicators, 1.0),
        ("references + metadata", references_and_metadata, 0.050),
    ):
        best = best_of(args.repeat, work)
        verdict = "met" if best < target else "MISSED"
        print(
            f"{name:24} {best * 1000:8.1f} ms   target < {target * 1000:.0f} ms: {verdict} ({best / target:.2f} of it)"
        )


if __name__ == "__main__":
    main()
