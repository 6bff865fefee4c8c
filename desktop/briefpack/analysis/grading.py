"""Source grading as analysts know it: Admiralty reliability per publisher, credibility per passage, state-media flags.

Reliability (A–F) is the analyst's judgement of a publisher; it is stored in
``Findings.reliability`` (publisher → letter) and a publisher missing there
is "F", cannot be judged: these functions never invent a grade.
Credibility (1–6) of a passage is *suggested* by a documented rule from
what corroboration found (see ``suggest_credibility``); the analyst may
overrule it. Attribution to state media is found sentence by sentence:
an outlet from ``templates/analysis/state_media.toml`` ("KCNA", "Xinhua")
or a generic phrase ("state media") in a sentence that also has an
attribution cue ("said", "reported", "according to"). Pure functions; any
thread.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping, Sequence
from operator import itemgetter

from briefpack.analysis.gazetteer import Gazetteer, load_gazetteer
from briefpack.analysis.sentences import Paragraph, body_paragraphs, sentence_texts
from briefpack.model.article import Article
from briefpack.model.attribution import Attribution
from briefpack.model.findings import Findings, SourceRef

RELIABILITY: dict[str, str] = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY: dict[int, str] = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
DEFAULT_RELIABILITY = "F"
DEFAULT_CREDIBILITY = 3


def reliability_of(findings: Findings, publisher: str | None) -> str:
    """The publisher's letter; "F" when the analyst has not graded it or the publisher is unknown (``None``)."""
    if publisher is None:
        return DEFAULT_RELIABILITY
    return findings.reliability.get(publisher, DEFAULT_RELIABILITY)


def with_reliability(findings: Findings, publisher: str, letter: str | None) -> Findings:
    """A copy of ``findings`` with ``publisher`` graded ``letter``; ``None`` removes the grade (back to "F").

    Raises ``ValueError`` for a letter outside A–F.
    """
    grades = dict(findings.reliability)
    if letter is None:
        grades.pop(publisher, None)
    else:
        letter = letter.strip().upper()
        if letter not in RELIABILITY:
            raise ValueError(f"reliability must be one of A-F, not {letter!r}")
        grades[publisher] = letter
    return dataclasses.replace(findings, reliability=grades)


def grade_code(reliability: str, credibility: int) -> str:
    """The grade as analysts write it: "B2". Raises ``ValueError`` for an unknown letter or number."""
    if reliability not in RELIABILITY or credibility not in CREDIBILITY:
        raise ValueError(f"no such grade: {reliability}{credibility}")
    return f"{reliability}{credibility}"


def suggest_credibility(source: SourceRef, findings: Findings, publishers: Mapping[str, str | None] | None = None) -> int:
    """The suggested credibility of the passage in block ``source`` (1–6). The rule:

    - 1 "confirmed": the block reports a statement corroborated by articles
      of two or more different publishers, with no differing figures;
    - 2 "probably true": corroborated, but only by articles of one
      publisher (``publishers`` maps article id → publisher; ``None`` or a
      missing publisher counts every article as its own publisher);
    - 4 "doubtful": the sources of its statement give differing figures;
    - 3 "possibly true" otherwise: one source only is never 1 or 2.
    """
    publishers = publishers or {}
    best = DEFAULT_CREDIBILITY
    for c in findings.corroborations:
        if source not in c.sources or not c.corroborated:
            continue
        if c.variants:
            return 4
        outlets = {publishers.get(s.article_id) or s.article_id for s in c.sources}
        best = min(best, 1 if len(outlets) >= 2 else 2)
    return best


@functools.cache
def _patterns(gaz: Gazetteer) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    outlets = sorted(gaz.state_outlets, key=len, reverse=True)
    # Outlet names are matched as written (case matters: "RT" is not "rt"); generic phrases in any case.
    # The pattern starts with the names themselves (no look-behind first) so the engine can skip by first
    # character; the word boundary before a name is checked by ``_word_start``.
    named = re.compile(r"(" + "|".join(map(re.escape, outlets)) + r")(?![\w-])")
    phrases = sorted(gaz.state_phrases, key=len, reverse=True)
    # Case is ignored inside the group only, after a test of the first letter as the phrases are written
    # and in upper case: a pattern that starts with a look-behind is tried at every position (twice as slow).
    any_case = sorted({f for p in phrases for f in (p.lower(), p.upper())})
    generic = re.compile(_first_letter(any_case) + r"(?<![\w-])(?i:(" + "|".join(map(re.escape, phrases)) + r"))(?![\w-])")
    # Cues as written and capitalised, case-sensitive and with no look-behind first: the engine then skips
    # by first character, which matters because every sentence with an outlet is tested.
    forms = sorted({f for c in gaz.attribution_cues for f in (c, c[0].upper() + c[1:])}, key=len, reverse=True)
    cues = re.compile(r"(?:" + "|".join(map(re.escape, forms)) + r")\b")
    return named, generic, cues


def _first_letter(words: list[str]) -> str:
    """A look-ahead for the first letters of ``words``: it lets the regex engine skip other positions fast."""
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words if w})) + "])" if all(words) else ""


# Every generic phrase contains one of these (lower or title case), tested before the slower pattern.
_GENERIC_HINTS = ("tate", "fficial", "arty", "TATE", "FFICIAL", "ARTY")


def _hinted(text: str) -> bool:
    # Written out, not any() over _GENERIC_HINTS: a third faster, and it runs on every paragraph.
    return "tate" in text or "fficial" in text or "arty" in text or "TATE" in text or "FFICIAL" in text or "ARTY" in text


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "-_")


def _country_before(text: str, start: int, gaz: Gazetteer, floor: int = 0) -> str | None:
    """The country of a demonym or name just before ``start`` (from ``floor`` on): "North Korean state media" → North Korea."""
    words = text[max(floor, start - 30) : start].split()
    for n in (2, 1):
        if len(words) >= n:
            phrase = " ".join(words[-n:]).rstrip("'’s")
            country = gaz.demonyms.get(phrase) or gaz.places.get(phrase)
            if country:
                return country
    return None


def find_attributions(text: str, source: SourceRef, gaz: Gazetteer | None = None) -> list[Attribution]:
    """The statements of one block's ``text`` attributed to state media, in order."""
    return [Attribution(source, *row) for row in _attribution_rows(text, gaz or load_gazetteer())]


def _attribution_rows(
    text: str, gaz: Gazetteer, spans: Sequence[tuple[int, int, str]] | None = None, gated: bool = False
) -> list[tuple[str, str | None, str, int, int]]:
    """``find_attributions`` as ``(outlet, country, sentence, start, end)`` rows; ``spans`` is ``sentence_texts(text)`` if known.

    The outlets and phrases are looked for once in the whole paragraph, and
    each sentence takes those within it (a sentence starts after white
    space, so the patterns read the same there as in the sentence alone);
    the cue test then runs only on sentences that name one. ``gated``: look
    for generic phrases only when an outlet pattern matched or the cheap
    hint test passes, and give nothing otherwise (the paragraph filter of
    ``attribution_rows``).
    """
    named, generic, cues = _patterns(gaz)
    raw = list(named.finditer(text))
    if gated and not raw and not _hinted(text):
        return []
    outlets = [m for m in raw if _word_start(text, m.start(1))]  # "SPARTA" is not "SPA"
    phrases = list(generic.finditer(text))
    if not outlets and not phrases:
        return []
    spans = sentence_texts(text) if spans is None else spans
    out = []
    for a, b, sentence in spans:
        mine = [m for m in outlets if a <= m.start() < b]
        theirs = [m for m in phrases if a <= m.start() < b]
        if not mine and not theirs:
            continue
        if any(m.end() > b for m in mine) or any(m.end() > b for m in theirs):
            return _rows_by_sentence(text, gaz, spans)  # a name running past a sentence end: read sentence by sentence
        # ``endpos`` ends the text at the sentence's end, as the sentence alone would.
        if not any(_word_start(text, c.start()) for c in cues.finditer(text, a, b)):
            continue  # no attribution cue: a mention of an outlet is not a statement attributed to it
        for m in mine:
            out.append((m.group(1), gaz.state_outlets[m.group(1)], sentence, m.start(1), m.end(1)))
        for m in theirs:
            out.append((m.group(1), _country_before(text, m.start(1), gaz, a), sentence, m.start(1), m.end(1)))
    out.sort(key=_START)
    return out


_START = itemgetter(3)


def _rows_by_sentence(text: str, gaz: Gazetteer, spans: Sequence[tuple[int, int, str]]) -> list[tuple[str, str | None, str, int, int]]:
    """``_attribution_rows`` with each sentence read on its own: for names that run across a sentence end."""
    named, generic, cues = _patterns(gaz)
    out = []
    for a, _, sentence in spans:
        outlets = [m for m in named.finditer(sentence) if _word_start(sentence, m.start(1))]
        phrases = list(generic.finditer(sentence))
        if not outlets and not phrases:
            continue
        if not any(_word_start(sentence, c.start()) for c in cues.finditer(sentence)):
            continue
        for m in outlets:
            out.append((m.group(1), gaz.state_outlets[m.group(1)], sentence, a + m.start(1), a + m.end(1)))
        for m in phrases:
            country = _country_before(sentence, m.start(1), gaz)
            out.append((m.group(1), country, sentence, a + m.start(1), a + m.end(1)))
    out.sort(key=_START)
    return out


def state_media_attributions(articles: Sequence[Article], gaz: Gazetteer | None = None) -> tuple[Attribution, ...]:
    """Every attribution to state media in the body paragraphs of ``articles``."""
    gaz = gaz or load_gazetteer()
    out: list[Attribution] = []
    for article in articles:
        out.extend(article_attributions(article, gaz))
    return tuple(out)


def article_attributions(article: Article, gaz: Gazetteer) -> list[Attribution]:
    """The attributions to state media in one article's body paragraphs, in text order."""
    refs: dict[int, SourceRef] = {}
    out = []
    for index, *row in attribution_rows(article, gaz):
        ref = refs.get(index)
        if ref is None:
            ref = refs[index] = SourceRef(article.id, index)
        out.append(Attribution(ref, *row))
    return out


def attribution_rows(
    article: Article, gaz: Gazetteer, body: Sequence[Paragraph] | None = None
) -> list[tuple[int, str, str | None, str, int, int]]:
    """``article_attributions`` as plain ``(block index, outlet, country, sentence, start, end)`` rows, cheap to send between processes.

    ``body`` is ``body_paragraphs(article)`` when the caller has it (``None``: read here).
    """
    out = []
    for index, text, spans in body_paragraphs(article) if body is None else body:
        # Most paragraphs: one scan for a name and a few substring tests, then done.
        rows = _attribution_rows(text, gaz, spans, gated=True)
        if rows:
            out.extend([(index, *row) for row in rows])
    return out
