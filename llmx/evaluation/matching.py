"""Optimal one-to-one assignment (Hungarian / Kuhn-Munkres) without scipy.

Scoring aligns predicted items to gold items per type; a greedy pairing can steal a gold item
from its true partner, so we solve the assignment exactly. O(n^2 m) for an n x m matrix with
n <= m, which is ample for a few hundred items per document.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Pair:
    """One accepted match: row index (prediction), column index (gold), and its score."""

    row: int
    col: int
    score: float


def assign(scores: Sequence[Sequence[float]], min_score: float = 0.0) -> list[Pair]:
    """Pairs maximizing the total score; a pair scoring below `min_score` (or <= 0) is no match.

    Sub-threshold cells are treated as 0 before solving, so the optimum is taken over the
    acceptable pairs only (a weak pair never displaces a better global arrangement).
    Rows and columns may differ in number. Returns pairs sorted by row.
    """
    rows = len(scores)
    cols = len(scores[0]) if rows else 0
    for row in scores:
        if len(row) != cols:
            raise ValueError("score matrix is not rectangular")
        for value in row:
            if not math.isfinite(value):
                raise ValueError(f"score matrix holds a non-finite value: {value!r}")
    if rows == 0 or cols == 0:
        return []

    weights = [[_accept(float(s), min_score) for s in row] for row in scores]
    pairs: list[Pair] = []
    for comp_rows, comp_cols in _components(weights):
        sub = [[weights[r][c] for c in comp_cols] for r in comp_rows]
        for i, j in _max_weight(sub):
            r, c = comp_rows[i], comp_cols[j]
            if weights[r][c] > 0:
                pairs.append(Pair(r, c, float(scores[r][c])))
    return sorted(pairs, key=lambda p: p.row)


def total(pairs: Sequence[Pair]) -> float:
    """Sum of the scores of an assignment (what `assign` maximizes)."""
    return sum(p.score for p in pairs)


def _accept(score: float, min_score: float) -> float:
    return score if score > 0 and score >= min_score else 0.0


def _components(weights: list[list[float]]) -> list[tuple[list[int], list[int]]]:
    """Connected components of the bipartite graph of positive cells.

    Items only compete with items they overlap, so solving each component alone gives the same
    optimum while keeping the cubic solver on small matrices.
    """
    rows, cols = len(weights), len(weights[0])
    parent = list(range(rows + cols))  # union-find: rows 0..rows-1, columns rows..rows+cols-1

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in range(rows):
        for c in range(cols):
            if weights[r][c] > 0:
                parent[find(r)] = find(rows + c)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for r in range(rows):
        if any(w > 0 for w in weights[r]):
            groups.setdefault(find(r), ([], []))[0].append(r)
    for c in range(cols):
        if any(weights[r][c] > 0 for r in range(rows)):
            groups.setdefault(find(rows + c), ([], []))[1].append(c)
    return list(groups.values())


def _max_weight(weights: list[list[float]]) -> list[tuple[int, int]]:
    """(row, col) pairs of a maximum-weight assignment of a non-empty rectangular matrix."""
    transpose = len(weights) > len(weights[0])
    if transpose:
        weights = [list(col) for col in zip(*weights, strict=True)]
    cost = [[-w for w in row] for row in weights]
    pairs = list(enumerate(_min_cost_rows(cost)))
    return [(j, i) for i, j in pairs] if transpose else pairs


def _min_cost_rows(cost: list[list[float]]) -> list[int]:
    """Column for each row of an n x m cost matrix (n <= m) minimizing the total cost.

    Shortest augmenting paths with potentials (the classic e-maxx formulation), 1-based inside.
    """
    n, m = len(cost), len(cost[0])
    inf = math.inf
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: row assigned to column j (0 = free)
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta, j1 = inf, 0
            row = cost[i0 - 1]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = row[j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    result = [-1] * n
    for j in range(1, m + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result
