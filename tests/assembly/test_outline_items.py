"""The analyst's outline in the built brief: item order, paraphrases, notes and grade codes."""

from __future__ import annotations

import datetime as dt

from briefpack.assembly import build_brief, load_template, pick_passages
from briefpack.assembly.pick import apply_order
from briefpack.assembly.templates import Section, Template
from briefpack.citations import cite_brief
from briefpack.model.article import Article, Block, BlockKind, Provenance
from briefpack.model.brief import Cite, Para, Quote, Strong, Text, plain_text
from briefpack.model.findings import Findings
from briefpack.model.passage import Passage
from briefpack.model.selection import BriefSettings, ItemTreatment, PickedPassage, Selection
from briefpack.model.theme import Taxonomy, Theme, ThemeTag
from briefpack.render.markdown import render_markdown_string

TAXONOMY = Taxonomy((Theme("military", "Military"),))


def article(aid: str, publisher: str, *paras: str) -> Article:
    return Article(
        id=aid, title=f"Title {aid}", title_derived=False, authors=(), publisher=publisher, url=None,
        published=None, language="en", category=None, blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paras),
        captions=(), image_credits=(),
        provenance=Provenance(f"{aid}.txt", aid * 4, dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)),
    )


A = article("a", "Alpha News", "Troops moved north.", "Tanks crossed the river.")
B = article("b", "Beta Post", "Artillery fired at dawn.")
TAGS = [ThemeTag("a", 0, "military", ()), ThemeTag("a", 1, "military", ()), ThemeTag("b", 0, "military", ())]
KEY = {p.passage.text: p.key for p in pick_passages([A, B], TAGS, Selection(theme_ids=("military",)))["military"]}
QUOTES = Template("quotes", "Quotes", (Section("themes"),))
GRADED = Template("graded", "Graded", (Section("themes"), Section("source_descriptors")))


def items(brief):
    return [b for b in brief.blocks if isinstance(b, (Quote, Para)) and getattr(b, "role", None) != "placeholder"]


def build(selection: Selection, template: Template = QUOTES, **kw):
    brief, notices = build_brief([A, B], TAGS, TAXONOMY, selection, BriefSettings(), template, **kw)
    assert notices == []
    return brief


def test_the_analysts_order_comes_first_and_unordered_items_keep_their_natural_place_after():
    natural = [p.passage.text for p in pick_passages([A, B], TAGS, Selection(theme_ids=("military",)))["military"]]
    assert natural == ["Troops moved north.", "Tanks crossed the river.", "Artillery fired at dawn."]
    order = {"military": (KEY["Artillery fired at dawn."], "military/gone:9:0-1", KEY["Troops moved north."])}
    brief = build(Selection(theme_ids=("military",), order=order))
    assert [plain_text(b.children) for b in items(brief)] == [
        "Artillery fired at dawn.", "Troops moved north.", "Tanks crossed the river."
    ]


def test_apply_order_skips_keys_that_match_nothing():
    picked = [PickedPassage("m", Passage("a", n, 0, 1, "x")) for n in range(3)]
    assert apply_order(picked, ["nope", picked[2].key]) == [picked[2], picked[0], picked[1]]
    assert apply_order(picked, []) == picked


def test_a_paraphrase_is_the_analysts_own_paragraph_with_the_same_cite_and_no_quotation():
    key = KEY["Tanks crossed the river."]
    treatment = ItemTreatment(mode="paraphrase", paraphrase="Armour  crossed\nthe river.")
    brief = build(Selection(theme_ids=("military",), treatments={key: treatment}))
    para = next(b for b in items(brief) if isinstance(b, Para))
    assert para.role == "paraphrase"
    assert para.children == (Text("Armour crossed the river."), Cite("a", "para. 2"))
    assert "Tanks crossed the river." not in [plain_text(b.children) for b in items(brief)]
    markdown = render_markdown_string(cite_brief(brief, {"a": A, "b": B})[0])
    assert "Armour crossed the river." in markdown
    assert not any(line.startswith(">") and "Armour" in line for line in markdown.splitlines())


def test_an_unwritten_paraphrase_leaves_the_passage_quoted():
    key = KEY["Tanks crossed the river."]
    brief = build(Selection(theme_ids=("military",), treatments={key: ItemTreatment(mode="paraphrase")}))
    assert [type(b) for b in items(brief)] == [Quote, Quote, Quote]


def test_a_note_follows_its_item_as_a_distinct_analysts_note_paragraph():
    key = KEY["Troops moved north."]
    brief = build(Selection(theme_ids=("military",), treatments={key: ItemTreatment(note="Unconfirmed;\n one source.")}))
    blocks = items(brief)
    assert plain_text(blocks[0].children) == "Troops moved north."
    note = blocks[1]
    assert isinstance(note, Para) and note.role == "analyst-note"
    assert note.children == (Strong((Text("Analyst's note:"),)), Text(" Unconfirmed; one source."))
    assert plain_text(blocks[2].children) == "Tanks crossed the river."


def test_the_grade_code_follows_the_cite_only_where_the_template_prints_grades():
    key = KEY["Artillery fired at dawn."]
    selection = Selection(theme_ids=("military",), treatments={key: ItemTreatment(grade=2)})
    plain = build(selection)
    assert all(b.children[-1].__class__ is Cite for b in items(plain))
    graded = build(selection, GRADED, findings=Findings(reliability={"Beta Post": "B"}))
    quotes = [b for b in graded.blocks if isinstance(b, Quote)]
    codes = {plain_text((q.children[0],)): q.children[-2:] for q in quotes}
    assert codes["Artillery fired at dawn."] == (Cite("b", "para. 1"), Text(" [B2]"))
    assert codes["Troops moved north."] == (Cite("a", "para. 1"), Text(" [F6]")), "ungraded: F and 6, cannot be judged"


def test_the_shipped_intelligence_assessment_prints_grades_and_the_situation_brief_does_not():
    key = KEY["Troops moved north."]
    selection = Selection(theme_ids=("military",), treatments={key: ItemTreatment(grade=3)})
    ia, _ = build_brief([A, B], TAGS, TAXONOMY, selection, BriefSettings(), load_template("intelligence-assessment"),
                        findings=Findings())
    assert Text(" [F3]") in next(b for b in ia.blocks if isinstance(b, Quote)).children
    sb, _ = build_brief([A, B], TAGS, TAXONOMY, selection, BriefSettings(), load_template("situation-brief"), findings=Findings())
    assert all(not isinstance(c, Text) or "[" not in c.text for b in sb.blocks if isinstance(b, Quote) for c in b.children)


def test_digest_entries_follow_the_order_and_use_the_paraphrase_and_note():
    digest = Template("digest", "Digest", (Section("themes", variant="digest"),))
    key = KEY["Artillery fired at dawn."]
    selection = Selection(
        theme_ids=("military",),
        order={"military": (key,)},
        treatments={key: ItemTreatment(mode="paraphrase", paraphrase="Shelling at dawn.", note="Seen on video.")},
    )
    blocks = items(build(selection, digest))
    assert [b.role for b in blocks] == ["digest-entry", "analyst-note", "digest-entry"]
    assert plain_text(blocks[0].children).endswith(". Shelling at dawn.")
    assert plain_text(blocks[1].children) == "Analyst's note: Seen on video."


def test_every_renderer_prints_the_paraphrase_note_and_grade_code(tmp_path):
    import docx
    from pypdf import PdfReader

    from briefpack.render import RENDERERS
    from briefpack.render.html import render_html_string

    key = KEY["Artillery fired at dawn."]
    treatment = ItemTreatment(mode="paraphrase", paraphrase="Guns opened up at first light.", note="Timing unclear.", grade=2)
    brief = build(Selection(theme_ids=("military",), treatments={key: treatment}), GRADED,
                  findings=Findings(reliability={"Beta Post": "B"}))
    cited, _ = cite_brief(brief, {"a": A, "b": B})
    # Markdown escapes the brackets of the grade code ("\\[B2\\]"); what a reader sees is "[B2]".
    texts = {"markdown": render_markdown_string(cited).replace("\\[", "[").replace("\\]", "]"), "html": render_html_string(cited)}
    for fmt in ("pdf", "docx"):
        path = tmp_path / f"brief{RENDERERS[fmt].extension}"
        RENDERERS[fmt].load()(cited, path)
        if fmt == "pdf":
            texts[fmt] = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
        else:
            texts[fmt] = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    for fmt, text in texts.items():
        assert "Guns opened up at first light." in text, fmt
        assert "Analyst's note:" in text and "Timing unclear." in text, fmt
        assert "[B2]" in text, fmt
