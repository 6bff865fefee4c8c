"""Mentions merged into entities across articles: variants joined, lone names resolved, acronyms matched.

A mention's merge key drops honorifics and possessives and folds known
aliases (``analysis.gazetteer``); the fullest form without an honorific
becomes a person's name and the others its variants. A lone capitalised
word ("Kim", "Putin") joins the one person of its article (failing that,
of the whole set) who bears it as a name word, and an organisation acronym
("NIS") joins the one organisation whose initials it spells. The merge
takes articles one at a time (``EntityMerger``), so it can run while worker
processes still read. Pure functions; any thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from briefpack.analysis.entity_spans import ORGANISATION, PERSON, norm_key
from briefpack.analysis.gazetteer import Gazetteer
from briefpack.model.findings import Entity, SourceRef

_UNSEEN, _LONE = object(), object()


def _merge_key(kind: str | None, surface: str, gaz: Gazetteer) -> tuple | object | None:
    """How a mention merges: ``_LONE`` (a lone word, resolved last), ``None`` (dropped), else ``(key, canonical, name words)``."""
    if kind is None or (kind == PERSON and " " not in surface):
        return None if surface.replace(".", "").isupper() else _LONE
    canonical = surface
    if kind != PERSON:
        canonical = (gaz.organisations if kind == ORGANISATION else gaz.places).get(canonical, canonical)
    key = (kind, norm_key(canonical))
    return key, canonical, tuple(key[1].split()) if kind == PERSON else ()


@dataclass(slots=True)
class _Builder:
    kind: str
    name: str
    forms: dict[str, None] = field(default_factory=dict)
    roles: dict[str, None] = field(default_factory=dict)
    # (article id, block index) -> its SourceRef, in order of first mention: a plain tuple hashes in C,
    # a SourceRef (a dataclass) in Python, and this dict is written once per mention.
    mentions: dict[tuple[str, int], SourceRef] = field(default_factory=dict)

    def add(self, surface: str, role: str | None, ref: SourceRef) -> None:
        self.forms[surface] = None
        if role:
            self.roles[role] = None
        self.mentions[(ref.article_id, ref.block_index)] = ref

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
        return Entity(name, self.kind, variants, tuple(self.roles), tuple(self.mentions.values()))


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


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
        # (kind, surface) -> how it merges, worked out once: None, _LONE or (builder, key, name words).
        self._merge_keys: dict[tuple[str | None, str], object] = {}

    def _how(self, kind: str | None, surface: str) -> object:
        """``_merge_key`` with the builder of the key in place of the canonical name (made on first sight)."""
        how = _merge_key(kind, surface, self._gaz)
        if how is None or how is _LONE:
            return how
        key, canonical, name_words = how  # type: ignore[misc]
        builder = self._builders.get(key)
        if builder is None:
            builder = self._builders[key] = _Builder(kind, canonical)  # type: ignore[arg-type]
        return builder, key, name_words

    def add(self, article_id: str, mentions: Iterable[tuple]) -> None:
        """The mentions (``Mention``s or plain tuples in its field order) of the next article."""
        lone, merge_keys = self._lone, self._merge_keys
        person_keys_by_word = self._person_keys_by_word
        people = self._people.setdefault(article_id, {})
        registered: set[tuple[str, str]] = set()  # the article's people already indexed by their name words
        # One SourceRef per block (building one per mention showed in profiles), with its plain-tuple key.
        refs: dict[int, tuple[tuple[str, int], SourceRef]] = {}
        for surface, written, kind, role, block_index, _, _ in mentions:
            block = refs.get(block_index)
            if block is None:
                block = refs[block_index] = ((article_id, block_index), SourceRef(article_id, block_index))
            how = merge_keys.get((kind, surface), _UNSEEN)
            if how is _UNSEEN:
                how = merge_keys[(kind, surface)] = self._how(kind, surface)
            if how is None:
                continue  # an acronym-like lone word: never a person's name
            if how is _LONE:
                lone.append((article_id, surface, written, kind, role, block[1]))  # "Kim", "Mr. Kim": resolved in ``entities``
                continue
            builder, key, name_words = how  # type: ignore[misc]
            builder.forms[written] = None
            if role:
                builder.roles[role] = None
            builder.mentions[block[0]] = block[1]
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
                key = (PERSON, norm_key(surface))
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
