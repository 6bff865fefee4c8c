"""The entity mentions of a block of text, each distinct capitalised span planned once and reused.

Capitalised spans repeat across thousands of articles ("The", "Moscow",
"Korean Central News Agency"), so each distinct span is read once on its
own (``entity_spans.read_span``) and that reading, a ``_Plan``, is reused
wherever the text around it cannot change it; a span whose reading hangs
on its context (a comma after it, a place word after it, a title word
before it) is read in full where that context is present. Mentions come
out as plain tuples in ``Mention``'s field order, which build and pickle
fastest. Pure functions; any thread.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from briefpack.analysis.entity_spans import COMMON, ORGANISATION, PLACE, ROLE_WORDS, SPAN, read_span
from briefpack.analysis.gazetteer import Gazetteer, load_gazetteer
from briefpack.model.article import Article


# A named tuple, not a dataclass: mentions are the most numerous finding, and tuples are built and
# pickled (from worker processes, see ``analysis.workers``) several times faster.
class Mention(NamedTuple):
    """One naming of an entity in a block: ``surface`` as written (cleaned), ``key`` the merge key, ``role`` or ``None``."""

    surface: str
    written: str
    kind: str | None  # None: a lone capitalised word, a person's name only if it matches one
    role: str | None
    block_index: int
    start: int
    end: int


@functools.cache
def _fast_table(gaz: Gazetteer) -> dict[str, str]:
    """Whole spans settled without context: ``""`` to skip, else the kind of a known place or organisation."""
    table: dict[str, str] = {w: "" for w in COMMON}
    table.update((d, "") for d in gaz.demonyms)
    table.update((p, PLACE) for p in gaz.places if " " not in p or p.split()[0] not in COMMON)
    table.update((o, ORGANISATION) for o in gaz.organisations)
    for word in table.copy():
        if word.lower() in gaz.titles_lower:
            del table[word]
    return table


class _Plan(NamedTuple):
    """What a capitalised span yields wherever it stands, and which contexts could change that.

    ``mentions`` are ``(surface, written, kind, role, start, end)`` with
    offsets relative to the span; ``pending`` is the title that waits for
    ", Name" after it. The flags name the context the reading depends on: a
    comma after it, a place word after it ("… province"), a title word
    before it ("leader …"). Where that context is present, the span is read
    in full instead.
    """

    mentions: tuple[tuple[str, str, str | None, str | None, int, int], ...]
    pending: str | None
    comma: bool
    after: bool
    role: bool


_SKIP = _Plan((), None, False, False, False)
# Capitalised spans repeat across thousands of articles: each distinct one is planned once, up to this many.
_MAX_PLANS = 300_000


@functools.cache
def _plans(gaz: Gazetteer) -> dict[str, _Plan]:
    return {}


def _plan(span: str, gaz: Gazetteer) -> _Plan:
    """Read ``span`` standing alone, then beside a title word and a place word to learn whether they matter."""
    hit = _fast_table(gaz).get(span)
    if hit == "":
        return _SKIP
    if hit is not None:
        return _Plan(((span, span, hit, None, 0, len(span)),), None, True, False, False)
    alone = _read_alone("x ", span, "", gaz)
    suffix = next((w for w in sorted(gaz.place_suffixes_lower) if " " not in w), None)
    after = suffix is not None and _read_alone("x ", span, " " + suffix, gaz) != alone
    role = _read_alone("leader ", span, "", gaz) != alone
    plan = _Plan(alone[0], alone[1], False, after, role)
    return _SKIP if plan == _SKIP else plan  # one object for "nothing here, whatever the context": tested by identity


def _read_alone(before: str, span: str, after: str, gaz: Gazetteer) -> tuple[tuple, str | None]:
    """``read_span`` of ``span`` between ``before`` and ``after``, offsets relative to the span."""
    text = before + span + after
    out: list[tuple] = []
    start = len(before)
    pending = read_span(text, span, start, start + len(span), None, 0, gaz, out)
    mentions = tuple((m[0], m[1], m[2], m[3], m[5] - start, m[6] - start) for m in out)
    return mentions, pending[0] if pending else None


def _after_word(text: str, end: int) -> str:
    return text[end : end + 12].lstrip().split(" ", 1)[0].lower().rstrip(".,;")


def _title_word_before(text: str, offset: int) -> bool:
    j = text.rfind(" ", 0, max(0, offset - 1))
    return text[j + 1 : offset - 1].lower() in ROLE_WORDS


def find_mentions(text: str, block_index: int = 0, gaz: Gazetteer | None = None) -> list[Mention]:
    """The entity mentions in one block's ``text``, in order. Any thread may call it."""
    return list(map(Mention._make, _mention_rows(text, block_index, gaz or load_gazetteer())))


def _mention_rows(text: str, block_index: int, gaz: Gazetteer) -> list[tuple]:
    """``find_mentions`` as plain tuples in ``Mention``'s field order: cheaper to build and to send between processes."""
    out: list[tuple] = []
    pending_role: tuple[str, int] | None = None  # a title span waiting for ", Name"
    plans = _plans(gaz)
    for m in SPAN.finditer(text):
        span = m.group()
        if pending_role is None:
            plan = plans.get(span)
            if plan is _SKIP:
                continue  # "The", "In", a month: the commonest spans, settled without context
            if plan is None:
                plan = _plan(span, gaz)
                if len(plans) < _MAX_PLANS:
                    plans[span] = plan
            mentions, pending, comma, after, titled = plan  # unpacked at once: cheaper than attribute reads
            start, end = m.span()
            if not (
                (comma and text.startswith(",", end))
                or (after and _after_word(text, end) in gaz.place_suffixes_lower)
                or (titled and _title_word_before(text, start))
            ):
                for surface, written, kind, role, a, b in mentions:
                    out.append((surface, written, kind, role, block_index, start + a, start + b))
                if pending is not None:
                    pending_role = (pending, end)
                continue
        start, end = m.span()
        pending_role = read_span(text, span, start, end, pending_role, block_index, gaz, out)
    return out


def article_mentions(article: Article, gaz: Gazetteer) -> list[tuple]:
    """The mentions of every block of ``article`` (headings too), in block and text order: the per-article half.

    Plain tuples in ``Mention``'s field order (``merge_mentions`` reads
    either): they build and pickle faster than named tuples.
    """
    out: list[tuple] = []
    for index, block in enumerate(article.blocks):
        out.extend(_mention_rows(block.text, index, gaz))
    return out

