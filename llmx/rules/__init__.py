"""Offline rule-based extractors (the `rules` backend)."""
