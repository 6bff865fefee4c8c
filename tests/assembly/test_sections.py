"""Section kinds: analyst-written text and its placeholders, findings tables, pen portraits, digest, coverage, sources."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image

from briefpack.assembly import build_brief
from briefpack.assembly.sections.coverage import draw_heatmap
from briefpack.assembly.templates import Section, Template
from briefpack.model.brief import BulletList, Cite, Figure, Heading, Link, Para, Quote, Strong, Table, plain_text
from briefpack.model.findings import Corroboration, Entity, FigureClaim, Findings, SourceRef, TimelineEvent
from briefpack.model.selection import BriefSettings, Selection
from briefpack.model.theme import ThemeTag
from test_build import TAGS, TAXONOMY, A, B, article

DAY = dt.date(2026, 1, 2)
C = article("c", "Unchosen source.").with_changes(publisher="other.example")

FINDINGS = Findings(
    entities=(
        Entity("Alexander Kozlov", "person", ("Kozlov",), ("Russia's Minister of Natural Resources",),
               (SourceRef("a", 1), SourceRef("b", 1))),
        Entity("Yun Jong Ho", "person", (), ("North Korea's Minister of External Economic Relations",), (SourceRef("b", 2),)),
        Entity("Kim Jong Un", "person", (), (), (SourceRef("a", 2),)),
        Entity("Pyongyang", "place", (), (), (SourceRef("a", 1),)),
        Entity("Hidden Person", "person", (), ("An official",), (SourceRef("c", 1),)),
    ),
    timeline=(
        TimelineEvent("2024-06-19", "day", "The leaders signed a treaty.", (SourceRef("b", 1),)),
        TimelineEvent("2023-09", "month", "Kim visited Russia.", (SourceRef("a", 1), SourceRef("b", 2))),
        TimelineEvent("2020", "year", "Only in the unchosen source.", (SourceRef("c", 1),)),
    ),
    figures=(
        FigureClaim("10,000", 10000.0, "North Korean soldiers", "About 10,000 soldiers.", SourceRef("a", 2)),
        FigureClaim("3", 3.0, "unchosen things", "x", SourceRef("c", 1)),
    ),
    corroborations=(
        Corroboration("Troops were sent", (SourceRef("a", 2), SourceRef("b", 2)),
                      (FigureClaim("10,000", 1e4, "soldiers", "", SourceRef("a", 2)),
                       FigureClaim("12,000", 1.2e4, "soldiers", "", SourceRef("b", 2)))),
        Corroboration("Only one source says this", (SourceRef("a", 1),)),
    ),
    reliability={"example.org": "B"},
)


def build(*sections: Section, settings=BriefSettings(), findings=FINDINGS, themes=("military", "diplomacy"), sources=("a", "b"),
          notes="footnotes"):
    template = Template("t", "T", tuple(sections), notes=notes)
    return build_brief([A, B, C], TAGS, TAXONOMY, Selection(theme_ids=themes, source_ids=sources), settings, template,
                       findings=findings, today=DAY)


def texts(blocks):
    return [plain_text(b.children) for b in blocks if isinstance(b, (Heading, Para, Quote))]


def test_sections_needing_findings_say_so_when_analysis_was_not_run():
    kinds = ("timeline", "key_figures", "people", "corroboration")
    brief, notices = build(*(Section(k) for k in kinds), findings=None)
    placeholders = [b for b in brief.blocks if isinstance(b, Para)]
    assert [p.role for p in placeholders] == ["placeholder"] * 4
    assert all("was not run" in plain_text(p.children) for p in placeholders)
    assert not any(isinstance(b, Table) for b in brief.blocks) and notices == []


def test_timeline_is_a_dated_table_of_chosen_sources_with_cites():
    brief, _ = build(Section("timeline", "Timeline"))
    [table] = [b for b in brief.blocks if isinstance(b, Table)]
    assert [plain_text(c) for c in table.header] == ["Date", "Event"]
    assert [plain_text(r[0]) for r in table.rows] == ["2023-09", "2024-06-19"]  # date order; unchosen source left out
    assert table.rows[0][1] == (table.rows[0][1][0], Cite("a", "para. 1"), Cite("b", "para. 2"))
    assert plain_text(table.rows[1][1]) == "The leaders signed a treaty."


def test_empty_findings_say_nothing_was_found():
    brief, _ = build(Section("timeline"), findings=Findings())
    assert texts(brief.blocks) == ["Timeline", "No dated events were found in the chosen sources."]


def test_key_figures_table_and_list_variants():
    brief, _ = build(Section("key_figures"))
    [table] = [b for b in brief.blocks if isinstance(b, Table)]
    assert [[plain_text(c) for c in r] for r in table.rows] == [["10,000", "North Korean soldiers"]]
    assert table.rows[0][1][-1] == Cite("a", "para. 2")
    brief, _ = build(Section("key_figures", "Key facts", variant="list"))
    [bullets] = [b for b in brief.blocks if isinstance(b, BulletList)]
    assert bullets.items[0][0] == Strong((bullets.items[0][0].children[0],))
    assert plain_text(bullets.items[0]) == "10,000 North Korean soldiers"


def test_people_are_pen_portraits_of_persons_with_roles():
    brief, _ = build(Section("people"))
    portraits = [b for b in brief.blocks if isinstance(b, Para) and b.role == "pen-portrait"]
    assert [plain_text(p.children) for p in portraits] == [
        "Alexander Kozlov: Russia's Minister of Natural Resources. Also written Kozlov. Named in 2 sources.",
        "Yun Jong Ho: North Korea's Minister of External Economic Relations. Named in 1 source.",
    ]
    assert portraits[0].children[-1] == Cite("a", "para. 1")
    assert texts(brief.blocks)[-1] == "Also named: Kim Jong Un."


def test_corroboration_lists_agreement_and_differing_figures_side_by_side():
    brief, _ = build(Section("corroboration"))
    [bullets] = [b for b in brief.blocks if isinstance(b, BulletList)]
    assert len(bullets.items) == 1
    assert plain_text(bullets.items[0]) == (
        "Troops were sent (reported by 2 sources). The figures differ: 10,000 soldiers; 12,000 soldiers."
    )
    assert [n for n in bullets.items[0] if isinstance(n, Cite)] == [
        Cite("a", "para. 2"), Cite("b", "para. 2"), Cite("a", "para. 2"), Cite("b", "para. 2"),
    ]


def test_written_sections_replace_their_placeholders():
    empty, _ = build(Section("key_judgments"), Section("lines_to_take"), Section("background"))
    hints = [plain_text(b.children) for b in empty.blocks if isinstance(b, Para) and b.role == "placeholder"]
    assert len(hints) == 3
    assert "roughly even chance (roughly even odds) 45–55%" in hints[0]  # the ICD 203 scale as guidance
    assert "almost certain(ly) (nearly certain) 95–99%" in hints[0]
    settings = BriefSettings(sections={
        "key_judgments": "We assess it is likely that trade grows.\n\nWe judge a treaty is very unlikely to lapse.",
        "lines_to_take": "We support dialogue.\nIf asked about troops: we do not comment.\n\nWe watch closely.",
        "background": "Some background.",
    })
    brief, _ = build(Section("key_judgments"), Section("lines_to_take"), Section("background"), settings=settings)
    lists = [b for b in brief.blocks if isinstance(b, BulletList)]
    assert [plain_text(i) for i in lists[0].items] == [
        "We assess it is likely that trade grows.", "We judge a treaty is very unlikely to lapse.",
    ]
    assert [plain_text(i) for i in lists[1].items] == ["We support dialogue.", "We watch closely."]
    assert [plain_text(i) for i in lists[2].items] == ["If asked about troops: we do not comment."]
    assert lists[2].items[0][0] == Strong((lists[2].items[0][0].children[0],))
    assert texts(brief.blocks) == ["Key judgments", "Lines to take", "If asked", "Background", "Some background."]
    assert not any(isinstance(b, Para) and b.role == "placeholder" for b in brief.blocks)


def test_section_key_chooses_the_analysts_text():
    settings = BriefSettings(summary="The summary.", sections={"top_lines": "The top lines."})
    brief, _ = build(Section("summary", "Top lines", key="top_lines"), Section("bluf", "BLUF", key="summary"), settings=settings)
    assert texts(brief.blocks) == ["Top lines", "The top lines.", "BLUF", "The summary."]


def test_digest_gives_one_linked_entry_per_source():
    linked = A.with_changes(url="https://example.org/a", published=dt.date(2024, 5, 1))
    long_text = " ".join(["word"] * 60)
    longer = article("d", long_text)
    template = Template("t", "T", (Section("themes", variant="digest"),))
    tags = TAGS + [ThemeTag("a", 1, "military", ("x",)), ThemeTag("d", 1, "military", ("word",))]
    brief, _ = build_brief([linked, B, longer], tags, TAXONOMY, Selection(theme_ids=("military",)), BriefSettings(), template, today=DAY)
    entries = [b for b in brief.blocks if isinstance(b, Para) and b.role == "digest-entry"]
    assert len(entries) == 3  # "a" has two military passages but one entry
    assert entries[0].children[0] == Link("https://example.org/a", (Strong((entries[0].children[0].children[0].children[0],)),))
    assert plain_text(entries[0].children) == "Title a (example.org, 2024-05-01). Envoys met in Moscow."
    assert entries[0].children[-1] == Cite("a", "para. 1")
    assert plain_text(entries[2].children).endswith(" ".join(["word"] * 40) + " …")


def test_coverage_is_a_chart_and_the_same_counts_as_a_table():
    brief, _ = build(Section("coverage"))
    [figure] = [b for b in brief.blocks if isinstance(b, Figure)]
    [table] = [b for b in brief.blocks if isinstance(b, Table)]
    image = Image.open(io.BytesIO(figure.png))
    assert image.format == "PNG" and image.width > image.height
    assert [plain_text(c) for c in table.header] == ["Source", "Military", "Diplomacy"]
    assert [[plain_text(c) for c in r] for r in table.rows] == [["S1 Title a", "1", "1"], ["S2 Title b", "1", "1"]]
    assert "Military: S1 1, S2 1" in figure.alt
    assert draw_heatmap(["x"], ["S1"], [[2]]) == draw_heatmap(["x"], ["S1"], [[2]])  # reproducible bytes
    assert draw_heatmap(["x"], ["S1"], [[2]]) != draw_heatmap(["x"], ["S1"], [[0]])


def test_source_summary_and_descriptors_with_grades():
    translated = B.with_changes(original_language="vi", publisher="baoquocte.vn", published=dt.date(2024, 6, 20))
    template = Template("t", "T", (Section("source_summary"), Section("source_descriptors")), notes="endnotes")
    settings = BriefSettings(sections={"source_summary": "Sources are thin."})
    brief, _ = build_brief([A, translated], TAGS, TAXONOMY, Selection(theme_ids=("military",)), settings, template,
                           findings=FINDINGS, today=DAY)
    assert brief.meta.notes == "endnotes"
    paras = texts(brief.blocks)
    assert paras[1] == "Sources are thin."
    assert paras[2] == (
        "This brief draws on 2 open-source news reports from 2 publishers (baoquocte.vn, example.org). "
        "Dated reports are of 2024-06-20; 1 gives no date. 1 is a translation from Vietnamese. "
        "Reliability (Admiralty scale): B usually reliable (1); F reliability cannot be judged (1). "
        "1 statement is reported by two or more sources."
    )
    [table] = [b for b in brief.blocks if isinstance(b, Table)]
    assert [plain_text(r[3]) for r in table.rows] == ["B (usually reliable)", "F (reliability cannot be judged)"]
    assert table.rows[1][1][-1] == Cite("b")
    assert plain_text(table.rows[1][2]) == "Open-source news report published by baoquocte.vn, 2024-06-20; translated from Vietnamese."


def test_grades_default_to_f_without_findings():
    brief, _ = build(Section("source_descriptors"), findings=None)
    [table] = [b for b in brief.blocks if isinstance(b, Table)]
    assert {plain_text(r[3]) for r in table.rows} == {"F (reliability cannot be judged)"}


def test_sources_heading_is_where_the_bibliography_goes():
    brief, _ = build(Section("sources", "Annex A: Sources"))
    assert brief.blocks == (Heading(1, (brief.blocks[0].children[0],), role="bibliography"),)
    assert plain_text(brief.blocks[0].children) == "Annex A: Sources"
