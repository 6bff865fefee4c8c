"""Suggested themes: phrases mined from the articles, placed under the theme they occur with, or offered as new."""

from __future__ import annotations

import datetime as dt

from briefpack.analysis.suggest import suggest
from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.theme_edits import add_entries
from briefpack.model.article import Article, Block, BlockKind, Provenance

DEFAULTS = load_taxonomy()


def article(n: int, *paragraphs: str) -> Article:
    return Article(
        id=f"a{n}", title=f"T{n}", title_derived=False, authors=(), publisher=None, url=None, published=None,
        language="en", category=None, blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs),
        captions=(), image_credits=(), provenance=Provenance(f"{n}.txt", f"{n:064d}", dt.datetime(2025, 1, 1)),
    )


ARTICLES = [
    article(1, "Melting sea ice has opened the polar shipping lanes for longer each summer, and Norway says sea ice loss is accelerating.",
            "Icebreaker fleets are being expanded as sea ice retreats from the northern coast."),
    article(2, "Scientists measuring sea ice found the thinnest cover on record, as Kim Jong Un inspected a factory in Pyongyang.",
            "Sea ice data from the research station suggests the trend will continue."),
    article(3, "The tribunal heard that the drone swarm crossed the border at night.",
            "Officials said sea ice made the patrol route impassable in winter."),
]


def test_a_shared_phrase_is_suggested_with_examples_quoting_it():
    found = {s.phrase: s for s in suggest(ARTICLES, DEFAULTS)}
    assert "sea ice" in found
    sea_ice = found["sea ice"]
    assert sea_ice.articles == 3
    assert 0 < sea_ice.score <= 1
    for passage in sea_ice.examples:
        source = next(a for a in ARTICLES if a.id == passage.article_id)
        assert passage.matches(source)
        assert passage.text.lower() == "sea ice"
    assert len(sea_ice.examples) <= 3


def test_names_numbers_and_known_entries_are_not_suggested():
    phrases = [s.phrase for s in suggest(ARTICLES, DEFAULTS, limit=50)]
    assert not any(w[0].isupper() for p in phrases for w in p.split())
    assert not any(ch.isdigit() for p in phrases for ch in p)
    assert "sea ice" not in [s.phrase for s in suggest(ARTICLES, add_entries(DEFAULTS, "energy_resources", "phrases", ["sea ice"]))]


def test_theme_of_a_suggestion_is_where_it_mostly_occurs():
    science = [
        article(n, f"The laboratory team studied permafrost thaw in a new research project ({w}).",
                f"Permafrost thaw was measured by university researchers near the {w} station.")
        for n, w in enumerate(["north", "east", "west"], start=10)
    ]
    found = {s.phrase: s for s in suggest(science, DEFAULTS, limit=50)}
    assert found["permafrost thaw"].existing_theme_id == "science_education"
    plain = [article(n, f"Permafrost thaw is visible along the {w} road.") for n, w in enumerate(["north", "east"], start=20)]
    found = {s.phrase: s for s in suggest(plain, DEFAULTS, limit=50)}
    assert found["permafrost thaw"].existing_theme_id is None


def test_limit_and_empty_input():
    assert suggest([], DEFAULTS) == []
    assert len(suggest(ARTICLES, DEFAULTS, limit=2)) <= 2
