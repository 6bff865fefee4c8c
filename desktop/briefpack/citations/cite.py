"""The citations pass: a ``Brief`` with ``Cite`` inlines in, a cited ``Brief`` out.

The pass walks the brief twice in the same reading order. The first walk
collects the citations: a run of adjacent ``Cite`` inlines (several sources
for one statement) is one citation group, as CMOS and APA want it: one note
"A; B." or one parenthesis "(A; B)". All groups are formatted together by one
pandoc run with the chosen CSL style, so repeat citations get the style's
short form; a group that repeats one already formatted in the same context
is sent once (``distinct``). The second walk puts the results in place of the ``Cite``
inlines: a ``Note`` for a note style (unless the citation already sits
inside a note), the formatted text itself for an in-text style. Then the
bibliography goes in. A source read in translation says so in its first note
and its entry (``provenance``). A citation of a source the project does not
have is left out with a notice; it never stops the pass.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from pathlib import Path

from briefpack.citations.bibliography import place_bibliography
from briefpack.citations.csl_json import article_to_csl
from briefpack.citations.distinct import plan_requests
from briefpack.citations.locators import parse_locator
from briefpack.citations.pandoc_run import CitationRequest, format_citations
from briefpack.citations.provenance import translated_from, with_provenance
from briefpack.citations.styles import load_style
from briefpack.model.article import Article
from briefpack.model.brief import Block, Brief, Cite, Emph, Inline, Link, Note, Strong, Text, map_inlines
from briefpack.model.notice import Notice

# on_cites(adjacent_cites, inside_a_note, inlines_so_far) -> what replaces them
OnCites = Callable[[tuple[Cite, ...], bool, list[Inline]], tuple[Inline, ...]]


def cite_brief(
    brief: Brief,
    sources: Mapping[str, Article],
    *,
    style: str | Path = "chicago",
    accessed: dt.date | None = None,
) -> tuple[Brief, list[Notice]]:
    """Replace every ``Cite`` in ``brief`` by formatted citations and fill in the bibliography.

    ``sources`` maps article ids to articles. ``style`` is a shipped style
    name (see ``available_styles``) or the path to a ``.csl`` file.
    ``accessed`` is the access date printed with URLs; ``None`` means today.
    Adjacent ``Cite`` inlines are cited together (one note or parenthesis).
    Returns the new brief, which holds no ``Cite``, and the notices met
    (``unknown-source``, ``untitled-source``, ``locator-not-understood``,
    ``citeproc-warning``). Raises ``CitationError`` when the style cannot be
    used or pandoc fails. Any thread may call it; it blocks while pandoc runs.
    """
    csl = load_style(style)
    day = accessed or dt.date.today()
    notices: list[Notice] = []

    runs: list[tuple[Cite, ...]] = []

    def collect(run: tuple[Cite, ...], _in_note: bool, _out: list[Inline]) -> tuple[Inline, ...]:
        runs.append(run)
        return run

    _walk(brief.blocks, collect)

    keys: dict[str, str] = {}
    groups: list[list[CitationRequest]] = []
    unknown: dict[str, int] = {}
    for run in runs:
        group = []
        for cite in run:
            if cite.source_id not in sources:
                unknown[cite.source_id] = unknown.get(cite.source_id, 0) + 1
                continue
            key = keys.setdefault(cite.source_id, f"s{len(keys)}")
            group.append(_request(key, cite, notices))
        if group:
            groups.append(group)
    notices.extend(_unknown_notices(unknown))

    if not groups:
        return brief.with_blocks(_walk(brief.blocks, lambda _c, _n, _o: ())), notices

    references = []
    for source_id, key in keys.items():
        article = sources[source_id]
        references.append({**article_to_csl(article, day), "id": key})
        if not (article.title or "").strip():
            message = f"A cited source has no title; it is cited as untitled ({article.display_title})."
            notices.append(Notice("untitled-source", message, source_id))

    # A style that declares its locale (a journal's French style, Harvard's en-GB) keeps it;
    # otherwise the brief's language chooses terms, dates and quotation marks.
    lang = csl.default_locale or brief.meta.language
    plan = plan_requests(groups, csl.repeat_context)
    formatted = format_citations(plan.requests, references, csl.path, lang=lang)
    notices.extend(Notice("citeproc-warning", text) for text in formatted.warnings)

    results = iter([formatted.citations[at] for at in plan.answer_of])
    noted: set[str] = set()

    def replace(run: tuple[Cite, ...], in_note: bool, out: list[Inline]) -> tuple[Inline, ...]:
        known = [c.source_id for c in run if c.source_id in sources]
        if not known:
            return ()
        text = next(results)
        if csl.is_note:
            # A source's first citation is its full note; only that one says it was read in translation.
            text = _note_provenance(text, [s for s in dict.fromkeys(known) if s not in noted], sources, many=len(set(known)) > 1)
        noted.update(known)
        if csl.is_note and not in_note:
            return (Note(text),)
        return _spaced(text) if _needs_space(out) else text

    blocks = _walk(brief.blocks, replace)
    source_of = {key: source_id for source_id, key in keys.items()}
    entries = [_entry_provenance(entry, sources.get(source_of.get(key, ""))) for key, entry in formatted.bibliography]
    return brief.with_blocks(place_bibliography(blocks, entries, note_style=csl.is_note)), notices


def _note_provenance(
    text: tuple[Inline, ...], first_seen: list[str], sources: Mapping[str, Article], *, many: bool
) -> tuple[Inline, ...]:
    for source_id in first_seen:
        article = sources[source_id]
        language = translated_from(article)
        if language:
            # In a note citing several sources, say which one was translated.
            who = (article.publisher or article.display_title) if many else None
            text = with_provenance(text, language, who=who)
    return text


def _entry_provenance(entry: tuple[Inline, ...], article: Article | None) -> tuple[Inline, ...]:
    language = translated_from(article) if article is not None else None
    return with_provenance(entry, language) if language else entry


def _request(key: str, cite: Cite, notices: list[Notice]) -> CitationRequest:
    raw = (cite.locator or "").strip()
    if not raw:
        return CitationRequest(key)
    locator = parse_locator(raw)
    if locator is None:
        message = f"The locator “{raw}” is not a page, paragraph or section; it is printed as written."
        notices.append(Notice("locator-not-understood", message, cite.source_id))
        return CitationRequest(key, raw_locator=raw)
    return CitationRequest(key, locator)


def _unknown_notices(unknown: dict[str, int]) -> list[Notice]:
    return [
        Notice(
            "unknown-source",
            f"{count} citation{'s' if count > 1 else ''} of a source that is not in the project ({source_id}) "
            f"{'were' if count > 1 else 'was'} left out.",
            source_id,
        )
        for source_id, count in unknown.items()
    ]


def _walk(blocks: tuple[Block, ...], on_cites: OnCites) -> tuple[Block, ...]:
    # Both walks go through map_inlines and _rewrite, so they meet the cites in the same order.
    return map_inlines(blocks, lambda inlines: _rewrite(inlines, on_cites, False))


def _rewrite(inlines: tuple[Inline, ...], on_cites: OnCites, in_note: bool) -> tuple[Inline, ...]:
    out: list[Inline] = []
    index = 0
    while index < len(inlines):
        node = inlines[index]
        if isinstance(node, Cite):
            end = index
            while end < len(inlines) and isinstance(inlines[end], Cite):
                end += 1
            out.extend(on_cites(tuple(inlines[index:end]), in_note, out))
            index = end
            continue
        if isinstance(node, Note):
            out.append(Note(_rewrite(node.children, on_cites, True)))
        elif isinstance(node, (Emph, Strong)):
            out.append(type(node)(_rewrite(node.children, on_cites, in_note)))
        elif isinstance(node, Link):
            out.append(Link(node.url, _rewrite(node.children, on_cites, in_note)))
        else:
            out.append(node)
        index += 1
    return tuple(out)


def _spaced(text: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if text and isinstance(text[0], Text):
        return (Text(" " + text[0].text),) + text[1:]
    return (Text(" "),) + text


def _needs_space(out: list[Inline]) -> bool:
    """Whether text spliced in after ``out`` needs a space first (a cite sits right after the words it supports)."""
    if not out:
        return False
    last = out[-1]
    while isinstance(last, (Emph, Strong, Link)) and last.children:
        last = last.children[-1]
    if isinstance(last, Text):
        return bool(last.text) and not last.text[-1].isspace()
    return True
