"""What a batch is checked against is read exactly as the plain queries read it: each key's articles in index order, their signatures."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from store_data import make_article

from briefpack.analysis.duplicates import Fingerprint, fingerprint
from briefpack.store import Project, rows
from briefpack.store.adding import _Seen

EXTREMES = (-(2**63), 2**63 - 1, -(2**63) + 1, 0, -1, 2**53 + 1, -(2**53) - 1)
KEYS = st.one_of(st.sampled_from(EXTREMES), st.integers(-3, 3), st.integers(-(2**63), 2**63 - 1))


def _plain_reading(conn, keys):
    """The reading ``_Seen`` replaces: one ``IN`` query per table, rows appended as they come."""
    bands: dict[int, list[str]] = {}
    wanted = sorted({key for fp_keys in keys for key in fp_keys})
    for key, article_id in conn.execute(
        "SELECT key, article_id FROM band_keys WHERE key IN (SELECT value FROM json_each(?)) ORDER BY key, article_id",
        (rows.dumps(wanted),),
    ):
        bands.setdefault(key, []).append(article_id)
    stored = sorted({a for ids in bands.values() for a in ids})
    signatures = dict(conn.execute(
        "SELECT id, signature FROM articles WHERE id IN (SELECT value FROM json_each(?))", (rows.dumps(stored),)
    ))
    return bands, signatures


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(KEYS, max_size=12), min_size=1, max_size=8),
    st.lists(st.lists(KEYS, max_size=12), min_size=1, max_size=6),
    st.randoms(use_true_random=False),
)
def test_the_batch_reads_what_the_plain_queries_read(stored_keys, batch_keys, rng):
    project = Project.new()
    stored = [make_article(n) for n in range(len(stored_keys))]
    rng.shuffle(stored)  # ids in no particular order, so a key's articles are not written in index order
    prints = {}
    for article, keys in zip(stored, stored_keys):
        fp = fingerprint(article)
        prints[article.id] = Fingerprint(article.id, f"text {article.id}", fp.signature, tuple(keys))
    project.add_articles([(a, []) for a in stored], prints)
    batch = [Fingerprint(f"new-{n}", f"new text {n}", b"\0" * 4, tuple(keys)) for n, keys in enumerate(batch_keys)]
    keys_of = [fp.bands for fp in batch]
    conn = project._live()
    seen = _Seen(conn, batch, keys_of)
    bands, signatures = _plain_reading(conn, keys_of)
    assert seen.bands == bands  # each key's list compared in order: it breaks ties between candidates
    assert seen.signatures == signatures


def test_no_keys_reads_nothing():
    project = Project.new()
    seen = _Seen(project._live(), [Fingerprint("a", "t", None, ())], [()])
    assert seen.bands == {} and seen.signatures == {}
