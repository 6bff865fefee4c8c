"""Near-duplicate candidates of a whole batch scored in one comparison (``adding.score_candidates``)."""

from __future__ import annotations

import random

from briefpack.analysis.duplicates import PERMUTATIONS, similarity
from briefpack.store.adding import score_candidates


def signature(rng: random.Random, like: bytes | None = None, keep: float = 0.0) -> bytes:
    """A random signature; with ``like``, each of its values kept with probability ``keep``."""
    values = [rng.getrandbits(32) for _ in range(PERMUTATIONS)]
    if like is not None:
        old = [int.from_bytes(like[i * 4 : i * 4 + 4], "little") for i in range(PERMUTATIONS)]
        values = [o if rng.random() < keep else v for o, v in zip(old, values)]
    return b"".join(v.to_bytes(4, "little") for v in values)


def test_scores_equal_similarity_pair_by_pair():
    rng = random.Random(7)
    pairs = []
    for n in (3, 0, 1, 64, 0, 5):  # empty candidate lists among the others
        mine = signature(rng)
        pairs.append((mine, [signature(rng, mine, rng.random()) for _ in range(n)]))
    scores = score_candidates(pairs)
    assert [len(s) for s in scores] == [len(others) for _, others in pairs]
    for (mine, others), got in zip(pairs, scores):
        assert got == [similarity(mine, other) for other in others]
        assert all(type(score) is float for score in got)
    assert any(0.3 < score < 1.0 for got in scores for score in got)


def test_no_candidates_at_all():
    rng = random.Random(1)
    assert score_candidates([(signature(rng), []), (signature(rng), [])]) == [[], []]
    assert score_candidates([]) == []
