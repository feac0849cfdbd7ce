"""Quality gates: thresholds (`--fail-under`) and no-regression checks against a baseline
(`--max-drop`), per gold split.

Pure: works on the JSON form of eval summaries. A run is gated split by split, each against
the baseline of the same split, so a gain on the tuning split can never hide a loss on the
held-apart one. The CLI maps a failed gate to `GateFailed` (exit code 7).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from llmx.errors import ConfigError, EvalError, GateFailed
from llmx.evaluation.report import EPS, as_baselines, lower_is_better, metrics, split_summaries
from llmx.evaluation.results import HEADLINE

FailUnder = Mapping[str, float]  # "metric" (every split) or "split:metric" -> threshold


# what each item type is scored on (llmx/evaluation/items.py): the names `flatten` can produce
_SCORED: dict[str, dict[str, tuple[str, ...]]] = {
    "indicators": {
        "sets": ("comparisons",),
        "fields": ("value_unit", "value", "unit", "target", "estimated", "approx", "as_of", "sector"),
        "similarity": ("name",),
    },
    "tasks": {"sets": ("coverage",), "fields": ("sector",)},
    "limitations": {"sets": ("coverage",), "fields": ("sector", "kind")},
    "proposals": {"sets": ("coverage",), "fields": ("sector", "addressee")},
    "references": {"fields": ("doc_type", "number", "date", "issuer")},
    "sections": {"fields": ("level", "parent", "role", "sector")},
}


def metric_names() -> frozenset[str]:
    """Every metric an eval can report (a gate naming anything else is a typo)."""
    from llmx.evaluation.metadata import METADATA_FIELDS

    names = {"metadata.accuracy", *(f"metadata.{f}.accuracy" for f in METADATA_FIELDS)}
    for kind, scored in _SCORED.items():
        names |= {f"{kind}.{m}" for m in ("precision", "recall", "f1", "hallucination_rate")}
        names |= {f"{kind}.{s}.{m}" for s in scored.get("sets", ()) for m in ("precision", "recall", "f1")}
        names |= {f"{kind}.{f}.accuracy" for f in scored.get("fields", ())}
        names |= {f"{kind}.{f}.similarity" for f in scored.get("similarity", ())}
    return frozenset(names | {f"macro.{n}" for n in names if n.endswith(".f1") or n == "metadata.accuracy"})


def parse_fail_under(specs: Iterable[str]) -> dict[str, float]:
    """`["indicators.f1=0.9", "test:references.f1=0.95"]` -> `{"indicators.f1": 0.9, ...}`;
    a `split:` prefix limits a gate to that split. A ConfigError (exit 3, before any eval runs) on
    a malformed item or a metric no eval reports."""
    out: dict[str, float] = {}
    known = metric_names()
    for spec in specs:
        name, sep, value = spec.partition("=")
        name = name.strip()
        try:
            if not sep or not name or name.endswith(":"):
                raise ValueError
            out[name] = float(value)
        except ValueError:
            raise ConfigError(
                f"bad gate {spec!r}: expected [SPLIT:]METRIC=NUMBER, e.g. indicators.f1=0.9 or test:indicators.f1=0.9"
            ) from None
        metric = name.rpartition(":")[2].strip()
        if metric not in known:
            kind = metric.split(".")[0]
            close = sorted(k for k in known if k.split(".")[0] == kind)[:8]
            hint = f"; {kind} metrics include {', '.join(close)}" if close else ""
            raise ConfigError(f"bad gate {spec!r}: no eval reports a metric {metric!r}{hint}")
    return out


def check_gates(
    summary_json: Mapping[str, Any],
    fail_under: FailUnder,
    baseline_json: Mapping[str, Any] | None = None,
    max_drop: float | None = None,
) -> list[str]:
    """Violated gates of one split's summary as readable messages (empty when all pass).

    `fail_under`: each metric must reach its threshold (for `*.hallucination_rate`, must not
    exceed it); a gated metric the run did not measure is a violation. `max_drop`: no headline
    metric (nor any metric in `fail_under`) may fall more than this below the baseline.
    """
    if max_drop is not None and baseline_json is None:
        raise EvalError("max_drop needs a baseline eval JSON to compare against")
    cur = metrics(summary_json)
    problems: list[str] = []
    for name, threshold in fail_under.items():
        value = cur.get(name)
        if value is None:
            problems.append(f"{name}: not measured in this run (gate {threshold:.3f})")
        elif lower_is_better(name) and value > threshold + EPS:
            problems.append(f"{name} = {value:.3f}, above the allowed {threshold:.3f}")
        elif not lower_is_better(name) and value < threshold - EPS:
            problems.append(f"{name} = {value:.3f}, under the required {threshold:.3f}")
    if baseline_json is not None and max_drop is not None:
        base = metrics(baseline_json)
        for name in sorted(set(HEADLINE) | set(fail_under)):
            if name not in base or name not in cur:
                continue
            drop = cur[name] - base[name] if lower_is_better(name) else base[name] - cur[name]
            if drop > max_drop + EPS:
                problems.append(
                    f"{name} moved from {base[name]:.3f} to {cur[name]:.3f} vs baseline, "
                    f"worse by {drop:.3f} (allowed {max_drop:.3f})"
                )
    return problems


def _documents(summary: Mapping[str, Any]) -> list[str]:
    run = summary.get("run", {})
    return list(run.get("documents") or [d.get("name") for d in summary.get("documents", [])])


def check_run_gates(
    run_json: Mapping[str, Any],
    fail_under: FailUnder,
    baselines: Mapping[str, Mapping[str, Any]] | None = None,
    max_drop: float | None = None,
) -> list[str]:
    """Violated gates of every split a run scored, each message prefixed with its split.

    Unprefixed `fail_under` gates apply to every split, `split:metric` ones to that split (a
    split the run did not score is a violation). With `max_drop`, every split needs its own
    baseline, scored on the same documents: a baseline of another gold set would compare
    nothing, so a changed set fails until the baseline is refreshed.
    """
    parts = split_summaries(run_json)
    baselines = baselines or {}
    problems: list[str] = []
    for key in fail_under:
        split, sep, _ = key.rpartition(":")
        if sep and split not in parts:
            problems.append(f"{key}: split {split} was not scored in this run")
    for split, summary in parts.items():
        gates = {k.rpartition(":")[2]: v for k, v in fail_under.items() if k.rpartition(":")[0] in ("", split)}
        base = baselines.get(split)
        if max_drop is not None and base is None:
            raise EvalError(f"no baseline for split {split} to check --max-drop against (or score another --split)")
        found = check_gates(summary, gates, base, max_drop if base is not None else None)
        if max_drop is not None and base is not None:
            now, then = _documents(summary), _documents(base)
            if sorted(now) != sorted(then):
                added, gone = sorted(set(now) - set(then)), sorted(set(then) - set(now))
                found.append(
                    "scored on other documents than its baseline"
                    + (f" (new: {', '.join(added)})" if added else "")
                    + (f" (gone: {', '.join(gone)})" if gone else "")
                    + "; refresh the baseline with --save-baseline"
                )
        problems += [f"{split}: {p}" for p in found]
    return problems


def enforce_gates(
    run_json: Mapping[str, Any],
    fail_under: FailUnder,
    baselines: Mapping[str, Any] | None = None,
    max_drop: float | None = None,
) -> None:
    """Raise `GateFailed` listing every violated gate of every split (exit code 7).

    `baselines`: by split, or one summary/run JSON (then split by its own `splits`)."""
    problems = check_run_gates(run_json, fail_under, as_baselines(baselines), max_drop)
    if problems:
        raise GateFailed("quality gate failed: " + "; ".join(problems))
