"""``rows.dumps_plain`` (orjson) writes what ``rows.dumps`` writes for the values it is given: article metadata and bodies."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.notice import Notice
from briefpack.store import rows

# Every character but lone surrogates (those go to ``dumps`` and are tested apart below).
texts = st.text(st.characters(blacklist_categories=("Cs",)))
plain = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(plain)
def test_same_text_as_dumps(value):
    assert rows.dumps_plain(value) == rows.dumps(value)


def test_every_control_and_special_character_escaped_alike():
    text = "".join(map(chr, range(0x250))) + "\u2028\u2029\ufeff\U0001f600\"\\/"
    assert rows.dumps_plain([text, None, {text: text}]) == rows.dumps([text, None, {text: text}])


def test_what_orjson_refuses_goes_to_dumps():
    assert rows.dumps_plain(["a\ud800b"]) == rows.dumps(["a\ud800b"])
    assert rows.dumps_plain([2**70]) == "[1180591620717411303424]"


def test_article_row_and_body_as_with_dumps():
    article = Article(
        "a1", "Tête-à-tête \"quoted\"\n", True, ("Kim Soo-yeon",), "Outlet", None, dt.date(2024, 5, 1), "en", None,
        (Block(BlockKind.HEADING, "Über\tall", None), Block(BlockKind.PARAGRAPH, "text\x00\x1f\u2028", "lead")),
        ("cap",), (), Provenance("f.txt", "ab" * 32, dt.datetime(2024, 5, 2, tzinfo=dt.timezone.utc)), None, "ko",
        (Notice("code", "message ✓", "subject"),),
    )
    assert rows.article_row(article, 3)[-1] == rows.dumps(rows.meta_json(article))
    assert rows.pack_blocks(article) == rows.dumps([(b.kind.value, b.text, b.role) for b in article.blocks])
