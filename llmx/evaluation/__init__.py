"""Eval harness: align extracted items to hand-labelled gold, score them, render and gate the results.

Everything here is pure (no model client, no network) so scoring is reproducible in CI and
the same code scores cassette replays, live runs and the offline rules backend.
"""
