"""Sections the analyst writes: bottom line up front, key judgments, lines to take, background, free text.

Their text comes from ``BriefSettings`` (``summary`` and ``sections[key]``);
until it is written, each shows a placeholder paragraph (role
``"placeholder"``) that says what belongs there. Nothing here invents
content: the key-judgments placeholder offers the ICD 203 estimative
language scale as guidance, it does not judge.
"""

from __future__ import annotations

from briefpack.assembly.sections.context import SectionContext, heading, paragraphs, placeholder
from briefpack.assembly.templates import Section
from briefpack.model.brief import Block, BulletList, Para, Strong, Text

# ICD 203 (Analytic Standards), section D.6.b(2)(a): the terms of likelihood and their ranges.
ICD_203_SCALE = (
    ("almost no chance", "remote", "01–05%"),
    ("very unlikely", "highly improbable", "05–20%"),
    ("unlikely", "improbable (improbably)", "20–45%"),
    ("roughly even chance", "roughly even odds", "45–55%"),
    ("likely", "probable (probably)", "55–80%"),
    ("very likely", "highly probable", "80–95%"),
    ("almost certain(ly)", "nearly certain", "95–99%"),
)
ESTIMATIVE_GUIDANCE = (
    "Key judgments to be written by the analyst: one judgment per paragraph, each with its likelihood "
    "and the analyst's confidence (low, moderate, high). ICD 203 likelihood terms: "
    + "; ".join(f"{term} ({synonym}) {band}" for term, synonym, band in ICD_203_SCALE)
    + ". Use one scale throughout and do not combine likelihood and confidence in one sentence."
)
IF_ASKED = "if asked"
LINES_TO_TAKE_HINT = "Lines to take to be written by the analyst, one per line; start reactive lines with “If asked …”."
# Default heading and placeholder of each written kind; other kinds ("background", "text") derive theirs from the key.
DEFAULTS = {
    "summary": ("Summary", "Summary to be written by the analyst."),
    "bluf": ("Summary", "Summary to be written by the analyst."),
    "key_judgments": ("Key judgments", ESTIMATIVE_GUIDANCE),
    "lines_to_take": ("Lines to take", LINES_TO_TAKE_HINT),
    "source_summary": (
        "Source summary statement",
        "The analyst's statement on the sources (optional); the facts about them follow it in the brief.",
    ),
}


def title_and_hint(section: Section) -> tuple[str, str]:
    """The heading of a written section and the placeholder shown until its text is written (the template's, else the kind's)."""
    if section.kind in DEFAULTS:
        title, hint = DEFAULTS[section.kind]
    else:
        title = section.text_key.replace("_", " ").capitalize()
        hint = f"{title} to be written by the analyst."
    return section.title or title, section.placeholder or hint


def text_layout(kind: str) -> str:
    """How the analyst's text of a section of ``kind`` is split into the brief's paragraphs, bullets or lines."""
    if kind == "key_judgments":
        return "One judgment per paragraph, with a blank line between judgments."
    if kind == "lines_to_take":
        return "One line to take per line; start reactive lines with “If asked …:”."
    return "A blank line starts a new paragraph."


def _written_or(section: Section, ctx: SectionContext):
    title, hint = title_and_hint(section)
    return title, ctx.written(section.text_key), hint


def summary(section: Section, ctx: SectionContext) -> list[Block]:
    """The analyst's summary (BLUF), one paragraph per blank-line separated block."""
    title, text, hint = _written_or(section, ctx)
    body = [Para((Text(p),), role="summary") for p in paragraphs(text)] or [placeholder(hint)]
    return [heading(section.level, title), *body]


def key_judgments(section: Section, ctx: SectionContext) -> list[Block]:
    """Numbered-in-order judgments as a list; the placeholder carries the ICD 203 scale."""
    title, text, hint = _written_or(section, ctx)
    items = paragraphs(text)
    if not items:
        return [heading(section.level, title), placeholder(hint)]
    return [heading(section.level, title), BulletList(tuple((Text(p),) for p in items))]


def lines_to_take(section: Section, ctx: SectionContext) -> list[Block]:
    """One line per bullet; lines that start "If asked" go under their own "If asked" sub-heading, as written."""
    title, text, hint = _written_or(section, ctx)
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if not lines:
        return [heading(section.level, title), placeholder(hint)]
    proactive = [line for line in lines if not line.lower().startswith(IF_ASKED)]
    reactive = [line for line in lines if line.lower().startswith(IF_ASKED)]
    blocks: list[Block] = [heading(section.level, title)]
    if proactive:
        blocks.append(BulletList(tuple((Text(line),) for line in proactive)))
    if reactive:
        blocks.append(heading(min(section.level + 1, 3), "If asked"))
        blocks.append(BulletList(tuple(_if_asked(line) for line in reactive)))
    return blocks


def _if_asked(line: str):
    # "If asked about X: answer" reads best with the trigger in bold, the answer plain.
    trigger, colon, answer = line.partition(":")
    if colon and answer.strip():
        return (Strong((Text(trigger + ":"),)), Text(" " + answer.strip()))
    return (Text(line),)


def text(section: Section, ctx: SectionContext) -> list[Block]:
    """Free analyst text under the section's title (``background``, ``text``, ``comment`` …)."""
    title, body, hint = _written_or(section, ctx)
    return [heading(section.level, title), *([Para((Text(p),)) for p in paragraphs(body)] or [placeholder(hint)])]
