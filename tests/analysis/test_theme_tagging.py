"""Tagging rules: evidence, word forms, negatives, thresholds, context words, articles, speed."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from briefpack.analysis.matcher import compile_taxonomy
from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.themes import tag_article, tag_paragraph
from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.theme import Taxonomy, Theme

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy()


def themes_of(text: str, taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    return dict(tag_paragraph(text, taxonomy))


# A small taxonomy whose rules are visible in the test itself.
TOY = Taxonomy(
    (
        Theme(
            "military", "Military", terms=("troop", "missile", "war"), phrases=("air strike",),
            context=("attack", "conflict"), negative=("price war", "heart attack"),
        ),
        Theme(
            "diplomacy", "Diplomacy", terms=("embassy",), phrases=("peace talks",),
            context=("cooperation", "delegation", "visit"),
        ),
        Theme("health", "Health", terms=("hospital", "WHO"), context=("patient",)),
    )
)


def test_evidence_is_the_words_as_written_in_text_order():
    assert tag_paragraph("Missiles hit the city as troops advanced.", TOY) == [("military", ("missiles", "troops"))]


def test_each_entry_counts_once_and_keeps_its_first_form():
    assert tag_paragraph("Troops, more troops, and a troop carrier.", TOY) == [("military", ("troops",))]


def test_result_is_in_taxonomy_order_and_multi_label():
    tagged = tag_paragraph("The hospital near the embassy was hit by a missile.", TOY)
    assert [theme for theme, _ in tagged] == ["military", "diplomacy", "health"]


def test_word_forms_match(taxonomy):
    assert "sanctions" in themes_of("The bank was sanctioned last year.", taxonomy)
    assert "military" in themes_of("A single troop carrier was seen.", taxonomy)
    assert themes_of("Co-operation and cooperation with the delegation.", TOY) == {
        "diplomacy": ("co-operation", "delegation")
    }


def test_a_lone_context_word_does_not_tag():
    assert tag_paragraph("The conflict is old.", TOY) == []
    assert tag_paragraph("A delegation arrived.", TOY) == []


def test_context_words_tag_together_when_no_theme_has_a_term():
    assert tag_paragraph("A delegation came on a visit to deepen cooperation.", TOY) == [
        ("diplomacy", ("delegation", "visit", "cooperation"))
    ]


def test_context_words_give_way_to_a_theme_with_a_term():
    # The delegation and its cooperation are about the hospital: health, not diplomacy.
    assert tag_paragraph("A delegation visit on cooperation with the hospital.", TOY) == [("health", ("hospital",))]


def test_context_adds_to_a_theme_that_has_a_term():
    assert tag_paragraph("Troops attacked at dawn, widening the conflict.", TOY) == [
        ("military", ("troops", "attacked", "conflict"))
    ]
    # Here diplomacy has a term and military only context: the attack is on an embassy.
    assert tag_paragraph("The attack on the embassy ended the conflict.", TOY) == [("diplomacy", ("embassy",))]


def test_a_phrase_tags_and_its_words_are_not_counted_twice():
    assert tag_paragraph("Peace talks resumed.", TOY) == [("diplomacy", ("peace talks",))]


def test_negative_drops_the_evidence_inside_it():
    assert tag_paragraph("A price war broke out between supermarkets.", TOY) == []
    assert tag_paragraph("He died of a heart attack after the air strike.", TOY) == [("military", ("air strike",))]
    # Outside the negative the same word still counts.
    assert tag_paragraph("A price war, and then a real war with troops.", TOY) == [("military", ("war", "troops"))]


def test_negatives_in_the_default_taxonomy(taxonomy):
    assert "military" not in themes_of("A fierce price war between supermarkets cut the cost of bread.", taxonomy)
    assert "military" not in themes_of("Despite strong growth, the war economy faces trouble.", taxonomy)
    assert themes_of("The defence lawyer told the court the evidence was flawed.", taxonomy).keys() == {"law_security_cyber"}
    assert "economy_trade" not in themes_of("Trade unions called a general strike.", taxonomy)
    assert "labour_migration" in themes_of("Trade unions called a general strike.", taxonomy)
    assert "humanitarian" not in themes_of("The president won by a landslide victory.", taxonomy)
    assert "health" not in themes_of("The financial health of the bank worried investors.", taxonomy)


def test_acronyms_match_only_in_capitals():
    assert tag_paragraph("The WHO warned of a new wave.", TOY) == [("health", ("WHO",))]
    assert tag_paragraph("Those who warned were right.", TOY) == []


def test_themes_without_context_work(taxonomy):
    plain = Taxonomy((Theme("space", "Space", terms=("rocket", "orbit"), phrases=("space station",)),))
    assert tag_paragraph("The rocket reached orbit.", plain) == [("space", ("rocket", "orbit"))]
    assert tag_paragraph("Nothing here.", plain) == []


def test_default_taxonomy_examples(taxonomy):
    cases = {
        "Thousands of migrants crossed the border, and the government tightened asylum rules.": "labour_migration",
        "Airlines added charter flights as tourists returned to the resort.": "transport_tourism",
        "The vaccine reduced hospital admissions during the outbreak.": "health",
        "The central bank raised interest rates to curb inflation.": "economy_trade",
        "Hackers behind the ransomware breached the ministry's networks.": "law_security_cyber",
        "The foreign minister met the ambassador to prepare the summit.": "diplomacy",
        "Famine and displacement worsened as aid convoys were blocked.": "humanitarian",
        "The national team won the championship at a packed stadium.": "culture_sport",
        "Scientists at the university published new research.": "science_education",
        "Oil and gas output fell as the pipeline closed.": "energy_resources",
        "Artillery and drones pounded positions along the front line.": "military",
        "The Treasury imposed sanctions and froze assets of ten firms.": "sanctions",
    }
    for text, theme in cases.items():
        assert theme in themes_of(text, taxonomy), (text, themes_of(text, taxonomy))


def article(*blocks: Block) -> Article:
    return Article(
        id="art1", title="T", title_derived=False, authors=(), publisher=None, url=None, published=None,
        language="en", category=None, blocks=blocks, captions=(), image_credits=(),
        provenance=Provenance("a.txt", "0" * 64, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)),
    )


def test_tag_article_tags_paragraphs_only_with_block_index_evidence_and_score():
    art = article(
        Block(BlockKind.HEADING, "Troops and missiles"),
        Block(BlockKind.PARAGRAPH, "Troops moved north."),
        Block(BlockKind.PARAGRAPH, "Nothing to see."),
        Block(BlockKind.PARAGRAPH, "Missiles struck the hospital.", role="standfirst"),
    )
    tags = tag_article(art, TOY)
    assert [(t.block_index, t.theme_id, t.evidence) for t in tags] == [
        (1, "military", ("troops",)),
        (3, "military", ("missiles",)),
        (3, "health", ("hospital",)),
    ]
    assert all(t.article_id == "art1" and t.score >= 2 for t in tags)


def test_taxonomy_is_compiled_once():
    assert compile_taxonomy(TOY) is compile_taxonomy(TOY)


def test_tagging_speed(taxonomy):
    # The later bar is 10,000 articles analysed in 10 s on 2 cores; theme
    # tagging must be a small part of it. Generous here, for busy machines.
    paragraphs = [
        block["text"]
        for path in sorted(DATA.glob("*.gold.json"))
        for block in json.loads(path.read_text(encoding="utf-8"))["blocks"]
        if block["kind"] == "paragraph"
    ]
    blocks = tuple(Block(BlockKind.PARAGRAPH, paragraphs[i % len(paragraphs)]) for i in range(20))
    articles = [article(*blocks) for _ in range(500)]
    words = sum(len(b.text.split()) for b in blocks) * len(articles)
    tag_article(articles[0], taxonomy)  # compile and warm the caches
    started = time.process_time()
    for art in articles:
        tag_article(art, taxonomy)
    elapsed = time.process_time() - started
    print(f"\n{len(articles)} articles, {words} words in {elapsed:.2f} s: {words / elapsed:,.0f} words/s")
    assert elapsed < 4.0


def test_a_lone_term_beside_a_dominant_theme_is_a_passing_mention():
    small = Taxonomy((
        Theme("a", "A", terms=("rebel", "army", "militia", "clash", "sniper")),
        Theme("b", "B", terms=("hospital",)),
    ))
    dominated = "A rebel army sniper and a militia clash near the hospital."
    assert [t for t, _ in tag_paragraph(dominated, small)] == ["a"]
    balanced = "A rebel army near the hospital."
    assert [t for t, _ in tag_paragraph(balanced, small)] == ["a", "b"]


def test_fast_scan_finds_what_the_key_by_key_scan_finds(taxonomy: Taxonomy) -> None:
    # ``scan`` maps whole tokens to remembered roles and lays a text out key by key only when a token
    # splits (a hyphenated word); both must give the same hits, in the same order, cache cold or warm.
    labelled = Path(__file__).resolve().parent / "labelled"
    texts = [json.loads(line)["text"] for path in sorted(labelled.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [
        "The WHO said who would attend; the foreign ministers met, then foreign ministers of Japan agreed.",
        "Joint military exercises resumed -- the price war in the cyber-attack drill, and a co-operation deal.",
        "A cyber-attack hit the foreign ministry",
    ]
    fresh = compile_taxonomy(load_taxonomy())
    assert fresh is not compile_taxonomy(taxonomy)
    for text in texts:
        expected = fresh._scan_keys(text.split())
        assert fresh.scan(text) == expected, text
        assert fresh.scan(text) == expected, text


def test_scan_is_unchanged_when_the_token_memo_is_cleared_between_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    import briefpack.analysis.matcher as matcher_module

    texts = ["Foreign ministers met to discuss sanctions and troops.", "The WHO warned of an outbreak; who knows.",
             "Military exercises near the border -- a cyber-attack on the foreign ministry."]
    def found(matcher, text: str) -> list[tuple]:  # entries compare by identity, so by what they are across matchers
        return [(entry.theme, entry.kind, entry.text, start, end, surface) for entry, start, end, surface in matcher.scan(text)]

    expected = [found(compile_taxonomy(load_taxonomy()), text) for text in texts]
    assert all(expected)
    monkeypatch.setattr(matcher_module, "_TOKEN_LIMIT", 2)
    fresh = compile_taxonomy(load_taxonomy())
    for _ in range(2):
        assert [found(fresh, text) for text in texts] == expected
    assert len(fresh._tokens) <= 2 + max(len(text.split()) for text in texts)
