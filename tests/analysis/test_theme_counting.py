"""The one-pass count (``ThemeMatcher.counted``) against the general rule applied to ``scan``'s hits, and an article's paragraphs counted in one loop against each counted alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefpack.analysis.matcher import ThemeMatcher, compile_taxonomy
from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import _first_counted, score_paragraph, tag_values
from briefpack.model.article import Block, BlockKind
from briefpack.model.theme import Taxonomy, Theme
from analysis_articles import article

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "ingest" / "corpus"

# Phrases and negatives that overlap in every order: a negative after, before and inside a phrase of its theme.
OVERLAPS = Taxonomy(
    (
        Theme(
            "military", "Military", terms=("strike", "war", "troop", "zone", "force"),
            phrases=("air strike", "war zone", "strike force", "in force", "the war zone"), context=("attack",),
            negative=("price war", "strike zone", "zone defence", "heart attack", "war games", "in war"),
        ),
        Theme(
            "economy", "Economy", terms=("price", "strike"), phrases=("price war", "general strike", "on strike"),
            negative=("air strike",),
        ),
    )
)


def by_theme(matcher: ThemeMatcher, counted: dict) -> dict[str, list[tuple[str, str]]]:
    """Counted entries per theme, in order: the scorer reads nothing else of them."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for entry, surface in counted.items():
        grouped.setdefault(matcher.theme_ids[entry.theme], []).append((entry.text, surface))
    return grouped


def paragraphs() -> list[str]:
    texts = [json.loads(line)["text"] for path in sorted((HERE / "labelled").glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted(CORPUS.glob("*.txt")):
        texts += [part for part in path.read_text(encoding="utf-8").split("\n\n") if part.strip()]
    return texts


@pytest.mark.parametrize("taxonomy", [load_taxonomy(), OVERLAPS], ids=["default", "overlaps"])
def test_one_pass_count_equals_the_general_rule(taxonomy: Taxonomy) -> None:
    matcher = compile_taxonomy(taxonomy)
    texts = paragraphs() + [
        "The price war hit troops; then the war went on. A price war zone, an air strike zone, the strike force.",
        "A general strike and an air strike force near the war zone; war games, then a price war war zone.",
        "Heart attack, an attack, air strike air strike, strike zone war zone.",
        "Troops in the war zone were shelled as the price of rice doubled, health officials said of the student exchange.",
        # Phrases led by a function word ("in force", "on strike", "the war zone", the negative "in war"), found
        # from their second word: at the start, the end, beside and inside other hits.
        "In force: troops in force, in war, on strike in the war zone, the war zone in war zone on strike force on",
        "force in force the war in war zone the war the strike on strike general strike on strike zone",
    ]
    one_pass = 0
    for text in texts:
        counted = matcher.counted(text)
        if type(counted) is list:
            assert counted == matcher.scan(text), text
            continue
        one_pass += 1
        assert by_theme(matcher, counted) == by_theme(matcher, _first_counted(matcher.scan(text))), text
        assert matcher.scan(text) == matcher._scan_keys(text.split()), text  # the scan key by key, as a check
    assert one_pass > len(texts) * 0.8  # most texts take the one pass: the comparison above is not empty


def test_a_negative_that_cancels_a_counted_phrase_leaves_it_to_the_general_rule() -> None:
    matcher = compile_taxonomy(OVERLAPS)
    # "war zone" is counted before "zone defence" (its negative) cancels it, and "war", which it hid, counts again.
    text = "the war zone defence"
    assert matcher.counted(text) == matcher.scan(text)
    assert by_theme(matcher, _first_counted(matcher.scan(text))) == {"military": [("war", "war")]}
    # A negative that begins where no phrase of its theme reaches is applied in the one pass.
    assert by_theme(matcher, matcher.counted("the price war and the war")) == {
        "military": [("war", "war")], "economy": [("price war", "price war")],
    }


def test_a_hyphenated_word_no_entry_uses_is_passed_over_and_one_that_an_entry_uses_is_laid_out() -> None:
    matcher = compile_taxonomy(OVERLAPS)
    # "two-day" gives two keys that no entry uses: the count stays in one pass, positions still line up.
    text = "A two-day war zone, then the two-day price war and troops"
    counted = matcher.counted(text)
    assert type(counted) is dict
    assert by_theme(matcher, counted) == by_theme(matcher, _first_counted(matcher.scan(text))) == {
        "military": [("war zone", "war zone"), ("troop", "troops")], "economy": [("price war", "price war")],
    }
    # "war-zone" gives keys an entry uses: laid out key by key, as ``scan`` does.
    assert matcher.counted("the war-zone troops") == matcher.scan("the war-zone troops")


@pytest.mark.parametrize("taxonomy", [load_taxonomy(), OVERLAPS], ids=["default", "overlaps"])
def test_counting_paragraph_by_paragraph_equals_counting_each_alone(taxonomy: Taxonomy) -> None:
    matcher = compile_taxonomy(taxonomy)
    # Paragraphs without any token that has a role, between ones that take the one pass and ones left to the rule.
    texts = ["", "said the man", *paragraphs()[:400], "the war-zone troops", "the war zone defence", "—", "nothing here"]
    each = list(matcher.counted_each(texts))
    assert each == [(i, matcher.counted(t)) for i, t in enumerate(texts) if matcher.counted(t)]
    assert {type(counted) for _, counted in each} == {dict, list}  # both forms came through
    assert len(each) < len(texts)  # and some paragraphs counted nothing


@pytest.mark.parametrize("taxonomy", [load_taxonomy(), OVERLAPS], ids=["default", "overlaps"])
def test_tagging_an_article_equals_scoring_its_paragraphs_one_by_one(taxonomy: Taxonomy) -> None:
    texts = paragraphs()[:300] + ["the war zone defence", "the war-zone troops", "said the man"]
    made = article("a1", *texts)
    # Some blocks headings: block indexes and paragraph positions part ways.
    made = made.with_changes(blocks=tuple(Block(BlockKind.HEADING, b.text) if i % 7 == 3 else b for i, b in enumerate(made.blocks)))
    matcher = compile_taxonomy(taxonomy)
    expected = [(index, *tag) for index, block in made.paragraphs for tag in score_paragraph(block.text, matcher)]
    assert tag_values(made, taxonomy) == expected
    assert len({index for index, *_ in expected}) > 10  # many paragraphs tagged: the comparison is not empty
