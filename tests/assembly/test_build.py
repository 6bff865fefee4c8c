"""Assembly: the selection picks tagged passages; the template lays them out with a Cite each."""

from __future__ import annotations

import datetime as dt

import pytest

from briefpack.assembly import TemplateError, build_brief, load_template, pick_passages
from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.brief import Cite, Heading, Para, Quote, plain_text
from briefpack.model.passage import Passage
from briefpack.model.selection import BriefSettings, PickedPassage, Selection
from briefpack.model.theme import Taxonomy, Theme, ThemeTag

TAXONOMY = Taxonomy((Theme("diplomacy", "Diplomacy"), Theme("military", "Military"), Theme("health", "Health")))


def article(aid: str, *paras: str) -> Article:
    blocks = [Block(BlockKind.HEADING, "A heading")] + [Block(BlockKind.PARAGRAPH, p) for p in paras]
    return Article(
        id=aid, title=f"Title {aid}", title_derived=False, authors=(), publisher="example.org", url=None,
        published=None, language="en", category=None, blocks=tuple(blocks), captions=(), image_credits=(),
        provenance=Provenance(f"{aid}.txt", aid * 4, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)),
    )


A = article("a", "Envoys met in Moscow.", "Troops moved north.", "Clinics reopened.")
B = article("b", "Talks went on.", "Artillery fired.")
TAGS = [
    ThemeTag("a", 1, "diplomacy", ("envoys",)),
    ThemeTag("a", 2, "military", ("troops",)),
    ThemeTag("a", 3, "health", ("clinics",)),
    ThemeTag("b", 1, "diplomacy", ("talks",)),
    ThemeTag("b", 2, "military", ("artillery",)),
]


def texts(picked):
    return {theme: [p.passage.text for p in items] for theme, items in picked.items()}


def test_themes_and_sources_pick_their_tagged_passages():
    picked = pick_passages([A, B], TAGS, Selection(theme_ids=("military", "diplomacy")))
    assert list(picked) == ["military", "diplomacy"]
    assert texts(picked) == {
        "military": ["Troops moved north.", "Artillery fired."],
        "diplomacy": ["Envoys met in Moscow.", "Talks went on."],
    }
    only_b = pick_passages([A, B], TAGS, Selection(theme_ids=("diplomacy",), source_ids=("b",)))
    assert texts(only_b) == {"diplomacy": ["Talks went on."]}


def test_analyst_can_drop_and_add_passages():
    dropped = PickedPassage("military", Passage.whole_block(A, 2)).key
    added = PickedPassage("military", Passage.whole_block(A, 3))
    picked = pick_passages([A, B], TAGS, Selection(theme_ids=("military",), dropped=frozenset({dropped}), added=(added,)))
    assert texts(picked) == {"military": ["Artillery fired.", "Clinics reopened."]}


def test_candidates_computed_already_pick_the_same_and_are_left_as_they_were():
    from briefpack.assembly.pick import candidate_passages

    dropped = PickedPassage("military", Passage.whole_block(A, 2)).key
    added = PickedPassage("military", Passage.whole_block(A, 3))
    selection = Selection(theme_ids=("military", "diplomacy"), dropped=frozenset({dropped}), added=(added,))
    candidates = candidate_passages([A, B], TAGS, selection)
    before = {theme: list(items) for theme, items in candidates.items()}
    given = pick_passages([A, B], (), selection, candidates=candidates)  # no tags: the candidates stand for them
    assert given == pick_passages([A, B], TAGS, selection)
    assert texts(given) == {"military": ["Artillery fired.", "Clinics reopened."], "diplomacy": ["Envoys met in Moscow.", "Talks went on."]}
    assert candidates == before, "the caller's candidates are not changed"


def test_brief_has_title_block_summary_placeholder_theme_sections_and_sources():
    settings = BriefSettings(title="Test brief", author="Analyst", marking="SECRET", date=dt.date(2026, 2, 3))
    brief, notices = build_brief([A, B], TAGS, TAXONOMY, Selection(theme_ids=("diplomacy",)), settings, load_template("situation-brief"))
    assert notices == []
    assert (brief.meta.title, brief.meta.author, brief.meta.marking, brief.meta.date) == ("Test brief", "Analyst", "SECRET", dt.date(2026, 2, 3))
    headings = [plain_text(b.children) for b in brief.blocks if isinstance(b, Heading)]
    assert headings == ["Bottom line up front", "Key judgments", "Diplomacy", "Timeline", "Key figures", "Sources"]
    assert isinstance(brief.blocks[1], Para) and brief.blocks[1].role == "placeholder"
    quotes = [b for b in brief.blocks if isinstance(b, Quote)]
    assert [plain_text(q.children) for q in quotes] == ["Envoys met in Moscow.", "Talks went on."]
    cites = [q.children[-1] for q in quotes]
    assert cites == [Cite("a", "para. 1"), Cite("b", "para. 1")]
    assert brief.blocks[-1].role == "bibliography"


def test_written_summary_replaces_the_placeholder():
    settings = BriefSettings(summary="First point.\n\nSecond point.")
    brief, _ = build_brief([A], TAGS, TAXONOMY, Selection(theme_ids=("health",)), settings, load_template("situation-brief"))
    assert [plain_text(b.children) for b in brief.blocks[1:3]] == ["First point.", "Second point."]
    assert {b.role for b in brief.blocks[1:3]} == {"summary"}


def test_passage_that_no_longer_matches_is_left_out_with_a_warning():
    stale = PickedPassage("health", Passage("a", 3, 0, 8, "Hospitals"))
    brief, notices = build_brief([A], [], TAXONOMY, Selection(theme_ids=("health",), added=(stale,)), BriefSettings(), load_template("situation-brief"))
    assert [n.code for n in notices] == ["passage-mismatch"]
    assert not any(isinstance(b, Quote) for b in brief.blocks)


def test_broken_template_names_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[template]\nname = "bad"\n\n[[sections]]\nkind = "nonsense"\n', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"bad\.toml, line 5: section 1 has kind 'nonsense'"):
        load_template(bad)
    broken = tmp_path / "broken.toml"
    broken.write_text('[template\nname = "x"\n', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"broken\.toml.*line 1"):
        load_template(broken)
    with pytest.raises(TemplateError, match="no template named"):
        load_template("does-not-exist")
