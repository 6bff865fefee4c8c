"""People (with their roles), organisations and places named in articles, variants merged.

Rule-based, no model to download: capitalised spans are found with one
precompiled pattern, then classified with the gazetteer
(``analysis.gazetteer``): places from babel's country names plus data
lists, organisations by their last word ("… Agency") or a known name,
people by an honorific ("Mr."), a title in or before the span ("Russian
President Vladimir Putin", "North Korean leader Kim Jong Un") or an
appositive ("North Korea's Minister of External Economic Relations, Jun Jong
Ho"), else by the shape of a name. Variants are merged: honorifics and
possessives dropped, an acronym joined to its full name, a lone surname or
family name ("Kim", "Putin") joined to the one person of the article (or,
failing that, of the whole set) who bears it. Each distinct capitalised
span is read once and its reading reused wherever the text around it cannot
change it (a title word before, a comma or place word after); the merge can
take articles one at a time (``EntityMerger``). Pure functions; any thread.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from briefpack.analysis.gazetteer import Gazetteer, load_gazetteer
from briefpack.model.article import Article
from briefpack.model.findings import Entity, SourceRef

PERSON, ORGANISATION, PLACE = "person", "organisation", "place"

_UP = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin capitals (Latin Extended-A mixes cases; the first letter test below settles it)
_LO = "a-zà-öø-ÿĀ-ſ"
# A capitalised word; a full stop belongs to it only in initials ("U.S.") and short titles ("Mr.", "St.").
# Written as one capital letter first, then the rest, so the regex engine can skip other positions fast.
_TOKEN = (
    rf"[{_UP}](?:(?:\.[{_UP}])+\.?|(?<=[MDPSJGLCR])(?:r|rs|s|rof|t|en|ol|gt|apt|ov|ep)\."
    rf"|[{_LO}{_UP}'’\-]*(?<!['’\-]))"
)
# Connectors that may sit inside a name ("Minister of Natural Resources", "Ministry of the Interior").
_SPAN = re.compile(rf"{_TOKEN}(?:\s(?:(?:of|for|de|du|al|von|van|bin)\s(?:the\s)?)?{_TOKEN})*")
# A title written in lower case just before a name: "North Korean leader Kim Jong Un".
_ROLE_BEFORE = re.compile(
    rf"((?:(?:[{_UP}][\w'’\-]*|of|the)\s){{0,5}}?)"
    r"(leader|president|minister|foreign minister|prime minister|premier|chancellor|secretary|ambassador|envoy"
    r"|chairman|chairwoman|director|spokesman|spokeswoman|spokesperson|general|commander|governor|mayor"
    r"|senator|chief|official|marshal|head of state)\s\Z"
)
_ROLE_WORDS = frozenset(
    "leader president minister premier chancellor secretary ambassador envoy chairman chairwoman director spokesman "
    "spokeswoman spokesperson general commander governor mayor senator chief official marshal state".split()
)
_APPOSITIVE_NAME = re.compile(r",\s")
_POSSESSIVE = re.compile(r"['’]s?$")

# Full names only: "Jun" and "Mar" are also name words ("Jun Jong Ho").
MONTHS = frozenset("January February March April May June July August September October November December".split())
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# Capitalised words that open sentences or phrases and are not names.
COMMON = frozenset(
    """The A An In On At Of During Meanwhile According Despite Also And But Or This That These Those It Its
    He She They We I You His Her Their Our Currently Clearly Although While Since After Before From To For
    With By As If When Where What Which Who Why How Then There Here However Moreover Furthermore Yet So
    Related Images Image Source Sources Comment Photo Read More Several Many Most Some All Both Each Other
    Such Last Next This Today Yesterday Tomorrow Tonight Earlier Later Now Still Even Only Just Already
    Two Three Four Five Six Seven Eight Nine Ten One First Second Third New Over Under About Between Among
    Following Because Unlike Like Instead Besides Nevertheless Thus Indeed
    People Government Ministry Western Eastern Northern Southern Central International National""".split()
) | MONTHS | WEEKDAYS


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


def _clean(token: str) -> str:
    return _POSSESSIVE.sub("", token) if not token.isupper() or "'" in token else token


def _norm_key(name: str) -> str:
    return re.sub(r"[\s\-]+", " ", name).strip().lower()


@functools.lru_cache(maxsize=200_000)
def _classify(name: str, followed_by_place_word: bool, gaz: Gazetteer) -> tuple[str, str] | None:
    """``(kind, canonical)`` for a cleaned capitalised span without a title, or ``None`` when it is no entity."""
    if name in gaz.organisations:
        return ORGANISATION, gaz.organisations[name]
    if name in gaz.places:
        return PLACE, gaz.places[name]
    if name in gaz.demonyms:
        return None
    words = name.split()
    if words[-1] in gaz.org_suffixes or words[0] in gaz.org_prefixes:
        return ORGANISATION, name
    if followed_by_place_word:
        return PLACE, name
    if len(words) == 1:
        word = words[0]
        bare = word.replace(".", "")
        if bare.isupper() and 2 <= len(bare) <= 6 and bare.isalpha():
            return ORGANISATION, word
        if "-" in word:
            return None  # "Russia-DPRK": the parts are split by the caller
        return None
    if words[0] == "The":
        rest = " ".join(words[1:])
        return (ORGANISATION, name) if rest not in gaz.demonyms and rest not in gaz.places else None
    if any(w in COMMON or w.lower() in gaz.titles_lower or w in gaz.demonyms for w in words):
        return None
    if len(words) <= 4 and all(w[0].isupper() and w.replace("-", "").isalpha() for w in words):
        return PERSON, name
    return None


def _name_shaped(words: list[str]) -> bool:
    return 1 <= len(words) <= 4 and all(
        w[0].isupper() and w.replace("-", "").isalpha() and w not in COMMON and w not in _NOT_NAME for w in words
    )


# Words that make a capitalised phrase a description rather than a name.
_NOT_NAME = frozenset("Relations Resources Affairs Economic External Foreign Natural Security Defence Defense".split())


def _split_role(raw: list[str], words: list[str], gaz: Gazetteer) -> tuple[str | None, list[str]]:
    """Split "Russian President Vladimir Putin" into the role (as written) and the name.

    No title head gives ``(None, words)``; a title with no name after it
    ("North Korea's Minister of External Economic Relations") gives
    ``(title, [])``.
    """
    head = None
    for i, w in enumerate(words):
        if w.lower() in gaz.title_heads_lower:
            head = i
    if head is None:
        return None, words
    rest = words[head + 1 :]
    if rest and not _name_shaped(rest):
        return " ".join(raw), []  # "Minister of Natural Resources": the whole span is a title
    return " ".join(raw[: head + 1]), rest


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
    return _Plan(alone[0], alone[1], False, after, role)


def _read_alone(before: str, span: str, after: str, gaz: Gazetteer) -> tuple[tuple, str | None]:
    """``_read_span`` of ``span`` between ``before`` and ``after``, offsets relative to the span."""
    text = before + span + after
    out: list[tuple] = []
    start = len(before)
    pending = _read_span(text, span, start, start + len(span), None, 0, gaz, out)
    mentions = tuple((m[0], m[1], m[2], m[3], m[5] - start, m[6] - start) for m in out)
    return mentions, pending[0] if pending else None


def _after_word(text: str, end: int) -> str:
    return text[end : end + 12].lstrip().split(" ", 1)[0].lower().rstrip(".,;")


def _title_word_before(text: str, offset: int) -> bool:
    j = text.rfind(" ", 0, max(0, offset - 1))
    return text[j + 1 : offset - 1].lower() in _ROLE_WORDS


def find_mentions(text: str, block_index: int = 0, gaz: Gazetteer | None = None) -> list[Mention]:
    """The entity mentions in one block's ``text``, in order. Any thread may call it."""
    return list(map(Mention._make, _mention_rows(text, block_index, gaz or load_gazetteer())))


def _mention_rows(text: str, block_index: int, gaz: Gazetteer) -> list[tuple]:
    """``find_mentions`` as plain tuples in ``Mention``'s field order: cheaper to build and to send between processes."""
    out: list[tuple] = []
    pending_role: tuple[str, int] | None = None  # a title span waiting for ", Name"
    plans = _plans(gaz)
    for m in _SPAN.finditer(text):
        span = m.group(0)
        start, end = m.span()
        if pending_role is None:
            plan = plans.get(span)
            if plan is None:
                plan = _plan(span, gaz)
                if len(plans) < _MAX_PLANS:
                    plans[span] = plan
            if not (
                (plan.comma and text.startswith(",", end))
                or (plan.after and _after_word(text, end) in gaz.place_suffixes_lower)
                or (plan.role and _title_word_before(text, start))
            ):
                for surface, written, kind, role, a, b in plan.mentions:
                    out.append((surface, written, kind, role, block_index, start + a, start + b))
                if plan.pending is not None:
                    pending_role = (plan.pending, end)
                continue
        pending_role = _read_span(text, span, start, end, pending_role, block_index, gaz, out)
    return out


def _read_span(
    text: str, span: str, start: int, end: int, pending_role: tuple[str, int] | None, block_index: int, gaz: Gazetteer, out: list[tuple]
) -> tuple[str, int] | None:
    """Append the mentions (as plain ``Mention`` rows) of the capitalised ``span`` at ``start:end`` of ``text`` to ``out``; the title left waiting, if any."""
    raw_words = span.split()
    # Leading words that open a sentence or phrase ("In", "The") are not part of the name,
    # except "The" in a known organisation ("The Economist").
    if span not in gaz.organisations:
        while raw_words and raw_words[0].rstrip(".") in COMMON:
            if raw_words[0] == "The" and " ".join(_clean(w) for w in raw_words) in gaz.organisations:
                break
            start += len(raw_words[0]) + 1
            raw_words = raw_words[1:]
    if not raw_words:
        return pending_role
    honorific = raw_words[0].rstrip(".") in gaz.honorifics and len(raw_words) > 1
    prefix = ""
    if honorific:
        prefix = raw_words[0] + " "  # kept in the variant as written: "Mr. Kim Jong Un"
        raw_words = raw_words[1:]
    words = [_clean(w) for w in raw_words]
    role, name_words = _split_role(raw_words, words, gaz)
    if pending_role is not None:
        title, title_end = pending_role
        pending_role = None
        kind = _classify(" ".join(words), False, gaz)
        if role is None and _APPOSITIVE_NAME.fullmatch(text[title_end:start]) and (kind is None or kind[0] == PERSON) and _name_shaped(words):
            out.append((" ".join(words), " ".join(words), PERSON, title, block_index, start, end))
            return pending_role
    if role is not None and not name_words:
        pending_role = (role, end)  # "North Korea's Minister of …" then ", Jun Jong Ho"
        # the possessor of the title is still a place or organisation ("North Korea")
        for i, w in enumerate(raw_words):
            if w.endswith(("'s", "’s")):
                owner = " ".join(_clean(x) for x in raw_words[: i + 1])
                kind = _classify(owner, False, gaz)
                if kind:
                    out.append((owner, owner, kind[0], None, block_index, start, start + len(owner)))
                break
        return pending_role
    if role is not None:
        name = " ".join(name_words)
        out.append((name, name, PERSON, role, block_index, end - len(" ".join(raw_words[len(words) - len(name_words):])), end))
        return pending_role
    # Split at a possessive inside the span: "Russia's Ministry" -> "Russia", "Ministry".
    parts: list[list[str]] = [[]]
    for w in raw_words:
        parts[-1].append(_clean(w))
        if w.endswith(("'s", "’s", "'", "’")) and not w.isupper():
            parts.append([])
    offset = start
    after = text[end : end + 12].lstrip().split(" ", 1)[0].lower().rstrip(".,;")
    parts = [p for p in parts if p]
    consumed = 0
    for n, part in enumerate(parts):
        name = " ".join(part)
        last = n == len(parts) - 1
        # The title pattern runs only when the word just before is a title word (cheap test first).
        j = text.rfind(" ", 0, max(0, offset - 1))
        role_match = None
        if text[j + 1 : offset - 1].lower() in _ROLE_WORDS:
            role_match = _ROLE_BEFORE.search(text, max(0, offset - 60), offset)
        if honorific:
            out.append((name, prefix + name, PERSON, None, block_index, offset, offset + len(name)))
        elif "-" in name and " " not in name and all(p in gaz.places for p in name.split("-")):
            for piece in name.split("-"):
                out.append((piece, piece, PLACE, None, block_index, offset, offset + len(name)))
        else:
            kind = _classify(name, last and after in gaz.place_suffixes_lower, gaz)
            if role_match and (kind is None or kind[0] == PERSON) and name not in gaz.demonyms:
                role_text = (role_match.group(1) + role_match.group(2)).strip()
                role_words = role_text.split()
                while len(role_words) > 1 and (role_words[0] in ("the", "of") or role_words[0] in COMMON):
                    role_words = role_words[1:]  # "Meanwhile North Korean leader" -> "North Korean leader"
                role_text = " ".join(role_words)
                out.append((name, name, PERSON, role_text, block_index, offset, offset + len(name)))
            elif kind is not None:
                out.append((name, name, kind[0], None, block_index, offset, offset + len(name)))
            elif len(part) == 1 and part[0] not in COMMON and part[0] not in gaz.demonyms:
                out.append((name, name, None, None, block_index, offset, offset + len(name)))
        offset += len(" ".join(raw_words[consumed : consumed + len(part)])) + 1
        consumed += len(part)
    return pending_role


_UNSEEN, _LONE = object(), object()


def _merge_key(kind: str | None, surface: str, gaz: Gazetteer) -> tuple | object | None:
    """How a mention merges: ``_LONE`` (a lone word, resolved last), ``None`` (dropped), else ``(key, canonical, name words)``."""
    if kind is None or (kind == PERSON and " " not in surface):
        return None if surface.replace(".", "").isupper() else _LONE
    canonical = surface
    if kind != PERSON:
        canonical = (gaz.organisations if kind == ORGANISATION else gaz.places).get(canonical, canonical)
    key = (kind, _norm_key(canonical))
    return key, canonical, tuple(key[1].split()) if kind == PERSON else ()


@dataclass(slots=True)
class _Builder:
    kind: str
    name: str
    forms: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    mentions: dict[SourceRef, None] = field(default_factory=dict)

    def add(self, surface: str, role: str | None, ref: SourceRef) -> None:
        self.forms[surface] = None
        if role:
            self.roles[role] = None
        self.mentions[ref] = None

    def canonical(self, gaz: Gazetteer) -> str:
        if self.kind != PERSON:
            return self.name
        # The fullest form without an honorific is the canonical one.
        forms = list(self.forms)
        bare = [f for f in forms if f.split()[0].rstrip(".") not in gaz.honorifics]
        if not bare:
            return self.name
        return max(bare, key=lambda f: (len(f.split()), -forms.index(f)))

    def build(self, gaz: Gazetteer) -> Entity:
        name = self.canonical(gaz)
        variants = tuple(f for f in self.forms if f != name)
        return Entity(name, self.kind, variants, tuple(self.roles), tuple(self.mentions))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def extract_entities(articles: Sequence[Article], gaz: Gazetteer | None = None) -> tuple[Entity, ...]:
    """The entities of ``articles``, most mentioned first; every block (headings too) is read.

    A lone capitalised word becomes a mention of a person only when exactly
    one person of the same article (else of the whole set) has it as a
    name word; otherwise it is dropped rather than guessed.
    """
    gaz = gaz or load_gazetteer()
    return merge_mentions(((a.id, article_mentions(a, gaz)) for a in articles), gaz)


def article_mentions(article: Article, gaz: Gazetteer) -> list[tuple]:
    """The mentions of every block of ``article`` (headings too), in block and text order: the per-article half.

    Plain tuples in ``Mention``'s field order (``merge_mentions`` reads
    either): they build and pickle faster than named tuples.
    """
    out: list[tuple] = []
    for index, block in enumerate(article.blocks):
        out.extend(_mention_rows(block.text, index, gaz))
    return out


def merge_mentions(per_article: Iterable[tuple[str, Sequence[tuple]]], gaz: Gazetteer) -> tuple[Entity, ...]:
    """The entities of ``(article id, article_mentions)`` pairs in article order: the cross-article half.

    Mentions may be ``Mention``s or plain tuples in its field order.
    """
    merger = EntityMerger(gaz)
    for article_id, mentions in per_article:
        merger.add(article_id, mentions)
    return merger.entities()


class EntityMerger:
    """``merge_mentions`` one article at a time: ``add`` each article's mentions in order, then ``entities``."""

    def __init__(self, gaz: Gazetteer) -> None:
        self._gaz = gaz
        self._builders: dict[tuple[str, str], _Builder] = {}
        self._lone: list[tuple[str, str, str, str | None, str | None, SourceRef]] = []
        self._people: dict[str, dict[str, set[str]]] = {}  # per article: name word -> person keys
        self._person_keys_by_word: dict[str, set[str]] = {}
        self._merge_keys: dict[tuple[str | None, str], object] = {}  # (kind, surface) -> how it merges, worked out once

    def add(self, article_id: str, mentions: Iterable[tuple]) -> None:
        """The mentions (``Mention``s or plain tuples in its field order) of the next article."""
        builders, lone, merge_keys, gaz = self._builders, self._lone, self._merge_keys, self._gaz
        person_keys_by_word = self._person_keys_by_word
        people = self._people.setdefault(article_id, {})
        registered: set[tuple[str, str]] = set()  # the article's people already indexed by their name words
        refs: dict[int, SourceRef] = {}  # one per block: building a SourceRef per mention showed in profiles
        for surface, written, kind, role, block_index, _, _ in mentions:
            ref = refs.get(block_index)
            if ref is None:
                ref = refs[block_index] = SourceRef(article_id, block_index)
            how = merge_keys.get((kind, surface), _UNSEEN)
            if how is _UNSEEN:
                how = merge_keys[(kind, surface)] = _merge_key(kind, surface, gaz)
            if how is None:
                continue  # an acronym-like lone word: never a person's name
            if how is _LONE:
                lone.append((article_id, surface, written, kind, role, ref))  # "Kim", "Mr. Kim": resolved in ``entities``
                continue
            key, canonical, name_words = how  # type: ignore[misc]
            builder = builders.get(key)
            if builder is None:
                builder = builders[key] = _Builder(kind, canonical)
            builder.forms[written] = None
            if role:
                builder.roles[role] = None
            builder.mentions[ref] = None
            if name_words and key not in registered:
                registered.add(key)
                for word in name_words:
                    people.setdefault(word, set()).add(key[1])
                    person_keys_by_word.setdefault(word, set()).add(key[1])

    def entities(self) -> tuple[Entity, ...]:
        """The entities of everything added, most mentioned first; call it once, after the last ``add``."""
        builders, gaz = self._builders, self._gaz
        # A lone word: the surname or family name of one person of the article, else of the whole set.
        for article_id, surface, written, kind, role, ref in self._lone:
            word = surface.lower()
            keys = self._people.get(article_id, {}).get(word) or self._person_keys_by_word.get(word) or set()
            if len(keys) == 1:
                builders[(PERSON, next(iter(keys)))].add(written, role, ref)
            elif kind == PERSON:  # a titled or honoured lone name nobody else explains: a person of its own
                key = (PERSON, _norm_key(surface))
                builders.setdefault(key, _Builder(PERSON, surface)).add(written, role, ref)
        _merge_acronyms(builders)
        built = [b.build(gaz) for b in builders.values()]
        built.sort(key=lambda e: (-len(e.mentions), e.kind, e.name))
        return tuple(built)


def _merge_acronyms(builders: dict[tuple[str, str], _Builder]) -> None:
    """Join an organisation acronym ("NIS") to the organisation whose initials it spells, when that is unique."""
    orgs = {k: b for k, b in builders.items() if k[0] == ORGANISATION}
    by_initials: dict[str, list[tuple[str, str]]] = {}
    for key, b in orgs.items():
        if " " in b.name:
            by_initials.setdefault(_initials(b.name), []).append(key)
    for key, b in list(orgs.items()):
        acronym = b.name.replace(".", "")
        if " " in b.name or not acronym.isupper():
            continue
        targets = by_initials.get(acronym, [])
        if len(targets) == 1 and targets[0] in builders:
            full = builders[targets[0]]
            for form in b.forms:
                full.forms[form] = None
            full.roles.update(b.roles)
            full.mentions.update(b.mentions)
            del builders[key]


def entity_index(entities: Iterable[Entity]) -> dict[SourceRef, tuple[str, ...]]:
    """For each block, the canonical names of the entities mentioned in it (used to bucket and score claims)."""
    index: dict[SourceRef, list[str]] = {}
    for entity in entities:
        for ref in entity.mentions:
            index.setdefault(ref, []).append(entity.name)
    return {ref: tuple(names) for ref, names in index.items()}
