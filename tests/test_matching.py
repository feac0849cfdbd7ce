"""The assignment solver against brute force: optimal totals, one-to-one, threshold respected."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from llmx.evaluation.matching import assign, total


def brute_force(scores: list[list[float]], min_score: float) -> float:
    """Best total over every partial one-to-one matching of acceptable cells."""
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    best = 0.0
    for k in range(min(rows, cols) + 1):
        for rs in itertools.combinations(range(rows), k):
            for cs in itertools.permutations(range(cols), k):
                cells = [scores[r][c] for r, c in zip(rs, cs, strict=True)]
                if all(s > 0 and s >= min_score for s in cells):
                    best = max(best, sum(cells))
    return best


@pytest.mark.parametrize("seed", range(60))
def test_matches_brute_force_on_random_matrices(seed: int) -> None:
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 5), rng.randint(1, 5)
    # mix of zeros, low and high scores so thresholds and components matter
    scores = [[rng.choice([0.0, rng.random(), rng.random()]) for _ in range(cols)] for _ in range(rows)]
    min_score = rng.choice([0.0, 0.3, 0.5])
    pairs = assign(scores, min_score)
    assert math.isclose(total(pairs), brute_force(scores, min_score), abs_tol=1e-9)
    assert len({p.row for p in pairs}) == len(pairs) == len({p.col for p in pairs})
    assert all(p.score >= min_score and p.score > 0 for p in pairs)
    assert all(p.score == scores[p.row][p.col] for p in pairs)


def test_beats_greedy() -> None:
    # greedy takes 0.9 first and is left with 0.0; the optimum pairs crosswise (1.6)
    pairs = assign([[0.9, 0.8], [0.8, 0.0]])
    assert [(p.row, p.col) for p in pairs] == [(0, 1), (1, 0)]
    assert math.isclose(total(pairs), 1.6)


def test_rectangular_both_orientations() -> None:
    wide = [[0.1, 0.9, 0.2]]
    assert [(p.row, p.col) for p in assign(wide)] == [(0, 1)]
    tall = [[0.1], [0.9], [0.2]]
    assert [(p.row, p.col) for p in assign(tall)] == [(1, 0)]


def test_threshold_drops_weak_pairs() -> None:
    assert assign([[0.2, 0.0], [0.0, 0.6]], min_score=0.5) == assign([[0.0, 0.0], [0.0, 0.6]])
    assert [(p.row, p.col) for p in assign([[0.2, 0.0], [0.0, 0.6]], min_score=0.5)] == [(1, 1)]


def test_empty_and_invalid() -> None:
    assert assign([]) == []
    assert assign([[], []]) == []
    with pytest.raises(ValueError):
        assign([[0.1, 0.2], [0.3]])
    with pytest.raises(ValueError):
        assign([[float("nan")]])


def test_large_sparse_matrix_is_fast_and_exact() -> None:
    # 300 items that each overlap only their neighbour: components keep the solver small
    n = 300
    scores = [[1.0 if j == i else (0.4 if abs(i - j) == 1 else 0.0) for j in range(n)] for i in range(n)]
    pairs = assign(scores, 0.1)
    assert len(pairs) == n and all(p.row == p.col for p in pairs)
