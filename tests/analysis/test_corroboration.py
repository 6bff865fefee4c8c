"""Corroboration: one statement in several sources is linked; figures that differ are variants; one source is never corroborated."""

from __future__ import annotations

from briefpack.analysis.claim_links import HUBS, _candidate_pairs
from briefpack.analysis.corroboration import build_claims, find_corroborations
from briefpack.analysis.figures import extract_figures
from briefpack.analysis.timeline import dated_sentences
from analysis_articles import article, seed_articles



def corroborate(articles):
    articles = list(articles)
    return find_corroborations(articles, extract_figures(articles), dated_sentences(articles))


def test_the_visit_and_the_defence_pact_are_found_in_both_seeds():
    found = corroborate(seed_articles())
    files = {a.id: a.provenance.file_name for a in seed_articles()}
    pact = [c for c in found if "mutual defense" in c.statement]
    assert len(pact) == 1
    c = pact[0]
    assert c.corroborated and "visited North Korea" in c.statement and "June" in c.statement
    assert {files[s.article_id] for s in c.sources} == set(files.values())
    assert {(files[s.article_id][:3], s.block_index) for s in c.sources} == {("000", 4), ("004", 20)}
    assert all(x.corroborated for x in found)


def test_a_statement_in_one_source_only_is_never_corroborated():
    one = article("a", "Russia and North Korea signed a mutual defence treaty in Pyongyang.",
                  "Russia and North Korea signed a mutual defence treaty in Pyongyang, officials said.")
    assert corroborate([one]) == ()
    other = article("b", "Heavy rain flooded rice farms across southern Vietnam this week.")
    assert corroborate([one, other]) == ()


def test_differing_figures_for_one_thing_are_shown_side_by_side():
    a = article("a", "Over 10,000 North Korean soldiers are fighting Ukrainian forces in Russia's Kursk region, Seoul said.")
    b = article("b", "About 12,000 North Korean troops are fighting Ukrainian forces in the Kursk region of Russia.")
    c = article("c", "Some 10,000 North Korean soldiers are fighting in Kursk, according to Kyiv.")
    found = corroborate([a, b, c])
    assert len(found) == 1
    claim = found[0]
    assert {s.article_id for s in claim.sources} == {"a", "b", "c"}
    numbers = sorted(f.number for f in claim.variants)
    assert numbers == [10_000, 10_000, 12_000]  # every source's figure kept, none merged or averaged
    assert {f.source.article_id for f in claim.variants} == {"a", "b", "c"}


def test_agreeing_figures_give_no_variants():
    a = article("a", "From January to September, 5,000 tourists travelled between Russia and North Korea by air.")
    b = article("b", "Some 5,000 tourists travelled between Russia and North Korea by air from January to September.")
    found = corroborate([a, b])
    assert len(found) == 1 and found[0].variants == ()


def test_different_dates_are_different_statements():
    a = article("a", "In March 2024, Russia sent a cultural delegation and a ballet troupe to North Korea.")
    b = article("b", "In March 2019, Russia sent a cultural delegation and a ballet troupe to North Korea.")
    assert corroborate([a, b]) == ()


def test_unrelated_sentences_about_the_same_countries_are_not_linked():
    a = article("a", "Russia and North Korea signed a protocol to expand economic cooperation in Pyongyang.")
    b = article("b", "North Korea sent a delegation of scientists to Moscow to talk about science and technology.")
    assert corroborate([a, b]) == ()


def test_candidate_pairs_stay_linear_in_a_large_bucket():
    many = [article(f"a{n}", f"Russia and North Korea signed a mutual defence treaty, report {n} said.") for n in range(300)]
    claims = build_claims(many)
    pairs = _candidate_pairs(claims)
    assert len(pairs) <= 2 * HUBS * len(claims)  # not 300 * 299 / 2
    found = corroborate(many)
    assert len(found) == 1 and len({s.article_id for s in found[0].sources}) == 300
