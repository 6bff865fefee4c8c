"""Band keys go into ``band_keys`` exactly, one row per (key, article), whatever their 64-bit values."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from store_data import make_article

from briefpack.analysis.duplicates import Fingerprint, fingerprint
from briefpack.store import Project

EXTREMES = (-(2**63), 2**63 - 1, -(2**63) + 1, 0, -1, 2**53 + 1, -(2**53) - 1)


def stored_bands(project: Project) -> set[tuple[int, str]]:
    return set(project._live().execute("SELECT key, article_id FROM band_keys"))


def test_every_key_of_every_added_article_stored_as_it_is():
    articles = [make_article(n) for n in range(4)]
    prints = {a.id: fingerprint(a) for a in articles}
    prints[articles[1].id] = Fingerprint(articles[1].id, "other text", prints[articles[1].id].signature, EXTREMES)
    project = Project.new()
    project.add_articles([(a, []) for a in articles], prints)
    assert stored_bands(project) == {(key, a.id) for a in articles for key in prints[a.id].band_keys()}
    assert {type(key) for key, _ in stored_bands(project)} == {int}


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(-(2**63), 2**63 - 1), min_size=1, max_size=40))
def test_any_signed_64_bit_keys_round_trip(keys):
    article = make_article(1)
    fp = fingerprint(article)
    project = Project.new()
    project.add_articles([(article, [])], {article.id: Fingerprint(article.id, fp.text_key, fp.signature, tuple(keys))})
    assert stored_bands(project) == {(key, article.id) for key in keys}  # a key repeated is stored once, as before
