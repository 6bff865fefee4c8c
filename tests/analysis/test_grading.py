"""Source grading: reliability per publisher (default F), suggested credibility (1 only when corroborated), state media flagged."""

from __future__ import annotations


import pytest

from briefpack.analysis.findings import analyze
from briefpack.analysis.grading import (
    find_attributions,
    grade_code,
    reliability_of,
    state_media_attributions,
    suggest_credibility,
    with_reliability,
)
from briefpack.model.findings import Findings, SourceRef
from analysis_articles import article, seed_articles



def test_reliability_defaults_to_f_and_is_the_analysts_to_edit():
    findings = Findings()
    assert reliability_of(findings, "baoquocte.vn") == "F"
    assert reliability_of(findings, None) == "F"
    graded = with_reliability(findings, "baoquocte.vn", "b")
    assert reliability_of(graded, "baoquocte.vn") == "B" and findings.reliability == {}
    assert reliability_of(with_reliability(graded, "baoquocte.vn", None), "baoquocte.vn") == "F"
    with pytest.raises(ValueError):
        with_reliability(findings, "x", "G")
    assert grade_code("B", 2) == "B2"
    with pytest.raises(ValueError):
        grade_code("B", 7)


def test_credibility_one_only_when_corroborated_by_another_publisher():
    a = article("a", "Russia and North Korea signed a mutual defence treaty in Pyongyang.", "Trade fell.", publisher="one.example")
    b = article("b", "North Korea and Russia signed a mutual defense pact in Pyongyang, KCNA said.", publisher="two.example")
    c = article("c", "Russia and North Korea signed a mutual defence treaty in Pyongyang, the site said.", publisher="one.example")
    findings = analyze([a, b, c])
    publishers = {x.id: x.publisher for x in (a, b, c)}
    assert suggest_credibility(SourceRef("a", 0), findings, publishers) == 1
    assert suggest_credibility(SourceRef("a", 1), findings, publishers) == 3  # one source only
    same_publisher = analyze([a, c])
    assert suggest_credibility(SourceRef("a", 0), same_publisher, publishers) == 2  # not independent


def test_credibility_doubtful_when_sources_give_different_figures():
    a = article("a", "Over 10,000 North Korean soldiers are fighting Ukrainian forces in Russia's Kursk region.")
    b = article("b", "About 12,000 North Korean troops are fighting Ukrainian forces in Russia's Kursk region.")
    assert suggest_credibility(SourceRef("a", 0), analyze([a, b])) == 4


def test_state_media_attribution_is_flagged():
    flags = state_media_attributions(seed_articles())
    assert [(f.outlet, f.country, f.source.block_index) for f in flags] == [("state media", "North Korea", 0)]
    text = "Exports rose, according to Xinhua. KCNA said the test worked. Rodong Sinmun is a newspaper. State TV reported it."
    found = find_attributions(text, SourceRef("x", 0))
    assert [(f.outlet, f.country) for f in found] == [("Xinhua", "China"), ("KCNA", "North Korea"), ("State TV", None)]
    for f in found:
        assert text[f.start : f.end] == f.outlet
    assert find_attributions("The KCNA building is grey.", SourceRef("x", 0)) == []


def test_every_generic_state_media_phrase_passes_the_cheap_hint_test():
    from briefpack.analysis.gazetteer import load_gazetteer
    from briefpack.analysis.grading import _GENERIC_HINTS, _hinted

    for phrase in load_gazetteer().state_phrases:
        for form in (phrase.lower(), phrase.upper(), phrase.title()):
            assert _hinted(form), form
    for hint in _GENERIC_HINTS:
        assert _hinted(f"x{hint}x")
    assert not _hinted("The minister said so.")


def test_a_paragraph_read_at_once_gives_what_its_sentences_give_one_by_one():
    import dataclasses

    from briefpack.analysis.gazetteer import load_gazetteer
    from briefpack.analysis.grading import _attribution_rows, _rows_by_sentence
    from briefpack.analysis.sentences import sentence_texts

    gaz = load_gazetteer()
    paragraphs = [
        "Russian state media reported the talks. TASS said nothing. North Korean state TV, citing KCNA, wrote more.",
        "KCNA. The state media said so! RIA Novosti quoted an official; Xinhua (China) did not. SPARTA said RT.",
        "State TV reported it. The KCNA building is grey.",
    ]
    for text in paragraphs:
        assert _attribution_rows(text, gaz) == _rows_by_sentence(text, gaz, sentence_texts(text)), text
    # An outlet whose name runs across a sentence end makes the paragraph be read sentence by sentence.
    odd = dataclasses.replace(gaz, state_outlets={**gaz.state_outlets, "Voice of Korea. Radio": "North Korea"})
    text = "KCNA said the Voice of Korea. Radio hosts agreed."
    assert [row[0] for row in _attribution_rows(text, odd)] == ["KCNA"]
    assert _attribution_rows(text, odd) == _rows_by_sentence(text, odd, sentence_texts(text))
