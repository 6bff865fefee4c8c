"""Claim linking: fed article by article it links as in one go; same-article claims and clashing dates never link."""

from __future__ import annotations

from briefpack.analysis.claim_links import Claim, ClaimLinker, link
from briefpack.analysis.corroboration import build_claims
from briefpack.model.findings import SourceRef
from analysis_articles import article, seed_articles


def claim(article_id: str, text: str, dates: frozenset[str] = frozenset()) -> Claim:
    """A claim on the defence pact, with the words, phrases and names ``claimwords`` would give it."""
    return Claim(
        SourceRef(article_id, 0), text,
        words=frozenset({"russia", "north", "korea", "sign", "mutual", "defense", "pact"}),
        pairs=frozenset({"mutual defense", "defense pact"}),
        names=frozenset({"russia", "north korea"}),
        dates=dates, figures=frozenset(), themes=frozenset(),
    )


def test_adding_article_by_article_links_as_linking_all_at_once():
    articles = [*seed_articles(),
                article("x", "Russia and North Korea signed a mutual defense pact in Pyongyang in June, officials said.")]
    claims = build_claims(articles)
    linker = ClaimLinker()
    for a in articles:
        linker.add([c for c in claims if c.source.article_id == a.id])
    statements = linker.statements()
    assert linker.claims == claims
    assert statements == link(claims)
    linked = {claims[i].source.article_id for i, s in enumerate(statements) if statements.count(s) > 1}
    assert linked == {a.id for a in articles}  # the pact links all three: the comparison is not vacuous


def test_the_same_statement_twice_in_one_article_is_not_linked():
    statements = link([claim("a", "Russia signed the pact."), claim("a", "Russia signed the pact, again.")])
    assert statements[0] != statements[1]


def test_dates_that_disagree_keep_statements_apart_and_a_year_agrees_with_its_days():
    june, july, year = frozenset({"2024-06-19"}), frozenset({"2024-07-19"}), frozenset({"2024"})
    assert len(set(link([claim("a", "Pact signed.", june), claim("b", "Pact signed.", july)]))) == 2
    assert len(set(link([claim("a", "Pact signed.", june), claim("b", "Pact signed.", year)]))) == 1
