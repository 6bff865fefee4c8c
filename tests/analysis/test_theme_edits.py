"""The analyst's theme edits: pure functions over a taxonomy, stored as overrides of the defaults, and re-tagging."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from briefpack.analysis.taxonomy import load_taxonomy
from briefpack.analysis.theme_edits import (
    META_KEY,
    ThemeEditError,
    add_entries,
    add_theme,
    apply_overrides,
    delete_theme,
    merge_themes,
    move_theme,
    new_theme_id,
    overrides,
    project_taxonomy,
    project_taxonomy_with_notices,
    remove_entries,
    rename_theme,
    retag,
    save_taxonomy,
)
from briefpack.analysis.themes import evidence_spans, tag_paragraph
from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.store import Project

DEFAULTS = load_taxonomy()


def article(*paragraphs: str) -> Article:
    return Article(
        id="a1", title="T", title_derived=False, authors=(), publisher=None, url=None, published=None,
        language="en", category=None, blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs),
        captions=(), image_credits=(), provenance=Provenance("a.txt", "0" * 64, dt.datetime(2025, 1, 1)),
    )


def test_add_theme_tags_with_its_terms_and_word_forms():
    taxonomy = add_theme(DEFAULTS, "arctic", "Arctic", terms=["icebreaker"], phrases=["northern sea route"])
    assert taxonomy.ids[-1] == "arctic"
    assert "arctic" in dict(tag_paragraph("Two icebreakers escorted the convoy.", taxonomy))
    assert "arctic" not in dict(tag_paragraph("Two icebreakers escorted the convoy.", DEFAULTS))


def test_add_theme_refuses_bad_ids_duplicates_and_misplaced_entries():
    with pytest.raises(ThemeEditError):
        add_theme(DEFAULTS, "Bad Id", "Bad")
    with pytest.raises(ThemeEditError):
        add_theme(DEFAULTS, "military", "Again")
    with pytest.raises(ThemeEditError, match="phrases"):
        add_theme(DEFAULTS, "x", "X", terms=["two words"])
    with pytest.raises(ThemeEditError, match="terms"):
        add_theme(DEFAULTS, "x", "X", phrases=["one"])
    with pytest.raises(ThemeEditError):
        add_theme(DEFAULTS, "x", "   ")


def test_rename_keeps_the_id_and_entries():
    renamed = rename_theme(DEFAULTS, "military", "Defence & war", "Armed forces.")
    theme = renamed.get("military")
    assert (theme.label, theme.description) == ("Defence & war", "Armed forces.")
    assert theme.terms == DEFAULTS.get("military").terms


def test_delete_and_the_last_theme_is_kept():
    assert "sanctions" not in delete_theme(DEFAULTS, "sanctions").ids
    taxonomy = DEFAULTS
    for theme_id in DEFAULTS.ids[:-1]:
        taxonomy = delete_theme(taxonomy, theme_id)
    with pytest.raises(ThemeEditError):
        delete_theme(taxonomy, taxonomy.ids[0])
    with pytest.raises(ThemeEditError):
        delete_theme(DEFAULTS, "nope")


def test_merge_folds_entries_and_removes_the_sources():
    merged = merge_themes(DEFAULTS, ["sanctions"], "economy_trade")
    assert "sanctions" not in merged.ids
    assert "embargo" in merged.get("economy_trade").terms
    tagged = dict(tag_paragraph("The embargo was tightened again.", merged))
    assert "economy_trade" in tagged and "sanctions" not in tagged
    with pytest.raises(ThemeEditError):
        merge_themes(DEFAULTS, ["economy_trade"], "economy_trade")


def test_merge_drops_a_negative_that_would_cancel_the_merged_evidence():
    a = add_theme(DEFAULTS, "a", "A", terms=["drone"])
    b = add_theme(a, "b", "B", terms=["courier"], negative=["drone"])
    merged = merge_themes(b, ["b"], "a")
    assert "drone" not in merged.get("a").negative
    assert "a" in dict(tag_paragraph("A drone flew over.", merged))


def test_add_and_remove_terms_phrases_and_negatives():
    text = "The shipping line cut its fares."
    taxonomy = remove_entries(DEFAULTS, "transport_tourism", "terms", ["SHIPPING"])
    assert "shipping" not in taxonomy.get("transport_tourism").terms
    taxonomy = add_entries(taxonomy, "transport_tourism", "phrases", ["shipping line", "shipping line"])
    assert taxonomy.get("transport_tourism").phrases.count("shipping line") == 1
    assert "transport_tourism" in dict(tag_paragraph(text, taxonomy))
    vetoed = add_entries(taxonomy, "transport_tourism", "negative", ["shipping line"])
    assert "transport_tourism" not in dict(tag_paragraph(text, vetoed))
    with pytest.raises(ThemeEditError):
        add_entries(DEFAULTS, "health", "colour", ["x"])


def test_move_and_new_theme_id():
    assert move_theme(DEFAULTS, "humanitarian", 0).ids[0] == "humanitarian"
    assert new_theme_id(DEFAULTS, "Arctic shipping!") == "arctic_shipping"
    assert new_theme_id(add_theme(DEFAULTS, "arctic", "A"), "Arctic") == "arctic_2"
    assert new_theme_id(DEFAULTS, "2024 vote") == "theme_2024_vote"


def test_overrides_round_trip_through_json_and_record_only_differences():
    assert overrides(DEFAULTS, DEFAULTS) is None
    edited = rename_theme(DEFAULTS, "health", "Public health")
    edited = add_entries(edited, "health", "terms", ["hantavirus"])
    edited = remove_entries(edited, "health", "terms", ["flu"])
    edited = delete_theme(edited, "culture_sport")
    edited = add_theme(edited, "arctic", "Arctic", terms=["icebreaker"])
    edited = move_theme(edited, "arctic", 0)
    data = json.loads(json.dumps(overrides(DEFAULTS, edited)))
    assert data["deleted"] == ["culture_sport"]
    assert data["changed"]["health"] == {"label": "Public health", "add": {"terms": ["hantavirus"]}, "remove": {"terms": ["flu"]}}
    assert set(data["changed"]) == {"health"}
    rebuilt, notices = apply_overrides(DEFAULTS, data)
    assert rebuilt == edited and notices == ()


def test_overrides_follow_improved_defaults_where_the_analyst_did_not_edit():
    edited = add_entries(DEFAULTS, "health", "terms", ["hantavirus"])
    data = overrides(DEFAULTS, edited)
    newer = add_entries(DEFAULTS, "military", "terms", ["drone"])
    newer = add_theme(newer, "space", "Space")
    rebuilt, _ = apply_overrides(newer, data)
    assert "drone" in rebuilt.get("military").terms
    assert "hantavirus" in rebuilt.get("health").terms
    assert rebuilt.ids[-1] == "space"


def test_stale_or_broken_overrides_become_notices_not_errors():
    data = {"version": 1, "changed": {"gone": {"label": "X"}, "health": {"add": {"terms": ["two words"]}}}, "added": [{"id": "Bad"}]}
    rebuilt, notices = apply_overrides(DEFAULTS, data)
    assert rebuilt == DEFAULTS
    assert {n.code for n in notices} == {"taxonomy-theme-gone", "taxonomy-entry-skipped", "taxonomy-theme-unreadable"}
    assert apply_overrides(DEFAULTS, "garbage")[0] == DEFAULTS
    assert apply_overrides(DEFAULTS, "garbage")[1][0].code == "taxonomy-overrides-unreadable"


def test_project_stores_overrides_and_retags(tmp_path):
    path = tmp_path / "p.briefpack"
    with Project.new(path) as project:
        doc = article("The embargo was tightened.", "Icebreakers cleared the route.")
        project.add_article(doc)
        project.set_tags(doc.id, [])
        assert project_taxonomy(project) == DEFAULTS
        assert retag(project, DEFAULTS) == 1
        assert {t.theme_id for t in project.tags_for(doc.id)} == {"sanctions"}
        edited = add_theme(DEFAULTS, "arctic", "Arctic", terms=["icebreaker"])
        save_taxonomy(project, edited)
        assert project.get_meta(META_KEY)["added"][0]["id"] == "arctic"
        assert retag(project, edited) == 1
        assert retag(project, edited) == 0
        assert [(t.block_index, t.theme_id) for t in project.tags_for(doc.id)] == [(0, "sanctions"), (1, "arctic")]
        project.save()
    with Project.open(path) as reopened:
        taxonomy, notices = project_taxonomy_with_notices(reopened)
        assert taxonomy == edited and notices == ()
        save_taxonomy(reopened, DEFAULTS)
        assert reopened.get_meta(META_KEY) is None


def test_evidence_spans_point_at_the_words_that_count():
    text = "Russia's troops and a cyber-attack; the price war and defense pact. Sanctioned firms."
    spans = evidence_spans(text, DEFAULTS)
    found = {(s.theme_id, text[s.start:s.end]) for s in spans}
    assert ("military", "troops") in found
    assert ("military", "defense pact") in found
    assert ("law_security_cyber", "cyber-attack") in found
    assert ("sanctions", "Sanctioned") in found
    assert not any(text[s.start:s.end] == "war" for s in spans)  # inside the negative "price war"
    assert spans == sorted(spans, key=lambda s: s.start)
    assert evidence_spans("Nothing to see here.", DEFAULTS) == []
