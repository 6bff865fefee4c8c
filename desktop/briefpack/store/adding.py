"""Adding articles in bulk: duplicate checks, rows for articles, their contents and band keys, in one transaction.

Each article of a batch is checked against the project *and* the articles
added before it in the same batch: the same file (same id) or the same text
(same ``text_key``) is not added again; a near duplicate is added and joins
the group of what it resembles. The checks read the project with one query
per batch (text keys, band keys, candidate signatures), not one per article,
the near-duplicate candidates of the whole batch are scored in one numpy
comparison, rows go in with one ``executemany`` per table, and the search
index is left to ``search.BlockIndex`` to build in bulk afterwards: what
makes a 10,000-article import fast.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import orjson

from briefpack.model.article import Article
from briefpack.model.theme import ThemeTag
from briefpack.store import grouping, rows
from briefpack.store.rows import PackedTags

if TYPE_CHECKING:
    from briefpack.analysis.duplicates import Fingerprint

# ``analysis.duplicates`` and numpy are imported where a batch is checked, not here: opening a
# project loads this module, and those two cost more to load than a window needs to open.

ADDED = "added"
SAME_FILE = "same-file"  # the same bytes: the article id is already in the project
SAME_TEXT = "same-text"  # other bytes, but the body is word for word an article's already here


@dataclass(frozen=True, slots=True)
class Added:
    """What became of one article given to ``Project.add_articles``.

    ``status`` is ``ADDED``, ``SAME_FILE`` or ``SAME_TEXT`` (the last two were
    not added). ``duplicate_of`` is the article already in the project for a
    duplicate, ``None`` when added. ``group`` is the near-duplicate group the
    added article joined, ``None`` when it resembles nothing; ``similar``
    lists (article id, estimated similarity) of what it resembles, most
    similar first.
    """

    article_id: str
    status: str
    duplicate_of: str | None = None
    group: str | None = None
    similar: tuple[tuple[str, float], ...] = ()

    @property
    def added(self) -> bool:
        return self.status == ADDED


def checked_packed(article: Article, packed: PackedTags) -> PackedTags:
    """``packed`` when every tag in it is of a block ``article`` has; raises ``ValueError`` otherwise."""
    if packed.blocks > len(article.blocks):
        raise ValueError(f"article {article.id!r} has no block {packed.blocks - 1}")
    return packed


def checked_tags(article: Article, tags: Sequence[ThemeTag]) -> list[ThemeTag]:
    """``tags`` as the file gives them back; raises ``ValueError`` for another article's tag or a missing block."""
    # Tags from the tagger are already in that form (tuple evidence, float score) and are kept as they are.
    normal = [
        t if type(t) is ThemeTag and type(t.evidence) is tuple and type(t.score) is float
        else ThemeTag(t.article_id, t.block_index, t.theme_id, tuple(t.evidence), float(t.score))
        for t in tags
    ]
    if not normal:
        return normal
    # Checked in bulk (sets, min and max), not tag by tag: an import checks some 400,000 tags.
    owners = {tag.article_id for tag in normal}
    if owners != {article.id}:
        other = next(o for o in owners if o != article.id)
        raise ValueError(f"a tag of article {other!r} given for {article.id!r}")
    indexes = [tag.block_index for tag in normal]
    low, high = min(indexes), max(indexes)
    if low < 0 or high >= len(article.blocks):
        raise ValueError(f"article {article.id!r} has no block {low if low < 0 else high}")
    return normal


def check(conn: sqlite3.Connection, fp: Fingerprint, known: bool) -> Added:
    """What adding the article of ``fp`` would do, without adding it; ``known``: its id is already in the project."""
    if known:
        return Added(fp.article_id, SAME_FILE, fp.article_id)
    earlier = grouping.same_text(conn, fp.text_key, other_than=fp.article_id)
    if earlier is not None:
        return Added(fp.article_id, SAME_TEXT, earlier)
    return Added(fp.article_id, ADDED, similar=tuple(grouping.near_matches(conn, fp)))


def score_candidates(pairs: Sequence[tuple[bytes, list[bytes]]]) -> list[list[float]]:
    """For each (signature, candidates' signatures), ``duplicates.similarity`` of the signature with each candidate.

    All in one numpy comparison: a batch verifies about a thousand
    candidates, and one comparison of them all costs a fraction of one per
    article, with the same numbers (equal values counted, divided by
    ``PERMUTATIONS``).
    """
    import numpy as np

    from briefpack.analysis.duplicates import PERMUTATIONS

    counts = [len(others) for _, others in pairs]
    if not any(counts):
        return [[] for _ in pairs]
    mine = np.frombuffer(b"".join([signature * n for (signature, _), n in zip(pairs, counts)]), dtype="<u4")
    theirs = np.frombuffer(b"".join([b"".join(others) for _, others in pairs]), dtype="<u4")
    scores = (np.count_nonzero((mine == theirs).reshape(sum(counts), -1), axis=1) / PERMUTATIONS).tolist()
    out, start = [], 0
    for n in counts:
        out.append(scores[start : start + n])
        start += n
    return out


# The batch's distinct band keys as a JSON list walked against the index: a join reads each key's rows with
# one seek, where ``key IN (SELECT ...)`` first builds a temporary index of the list (measured: a quarter more
# CPU for the same rows, each key's in index order either way).
_BANDS_SELECT = "SELECT b.key, b.article_id FROM json_each(?) j JOIN band_keys b ON b.key = j.value"
_SIGNATURES_SELECT = "SELECT a.id, a.signature FROM json_each(?) j JOIN articles a ON a.id = j.value"


def _sorted_keys_json(keys: Sequence[tuple[int, ...]]) -> str:
    """The distinct keys of ``keys`` in ascending order, as a JSON list.

    Distinct, so the join reads no row twice; ascending, so consecutive seeks
    land on the same index pages (measured: unsorted, the look-ups cost a
    third more CPU).
    numpy sorts the 64-bit keys in C and orjson writes them as they are,
    where ``sorted`` on a set of Python ints costs more than the look-ups'
    savings.
    """
    import numpy as np

    flat = np.fromiter(itertools.chain.from_iterable(keys), dtype=np.int64)
    return orjson.dumps(np.unique(flat), option=orjson.OPT_SERIALIZE_NUMPY).decode()


class _Seen:
    """What a batch is checked against: the project's rows it can touch, read up front, plus the batch so far.

    One query each for the batch's text keys, band keys and the signatures
    of the articles sharing a band, instead of three queries per article.
    """

    def __init__(self, conn: sqlite3.Connection, prints: Sequence[Fingerprint], keys: Sequence[tuple[int, ...]]) -> None:
        """``keys``: the band keys of each of ``prints``, computed once by the caller."""
        self.texts: dict[str, str] = {}
        for text_key, article_id in conn.execute(
            "SELECT text_key, id FROM articles WHERE text_key IN (SELECT value FROM json_each(?))"
            " ORDER BY position DESC",
            (rows.dumps_plain([fp.text_key for fp in prints]),),
        ):
            self.texts[text_key] = article_id  # descending order: the first article of a text is written last
        self.bands: dict[int, list[str]] = {}
        bands = self.bands
        for key, article_id in conn.execute(_BANDS_SELECT, (_sorted_keys_json(keys),)):
            members = bands.get(key)
            if members is None:
                bands[key] = [article_id]
            else:
                members.append(article_id)
        stored: set[str] = set()
        for members in bands.values():
            if len(members) > 1:
                # The order ``_candidates`` breaks ties in, as the index holds them (SQLite's BINARY order of
                # text is Python's): set here, so it does not hang on the order the query plan reads rows in.
                members.sort()
            stored.update(members)
        self.signatures: dict[str, bytes | None] = {}
        if stored:
            self.signatures.update(conn.execute(_SIGNATURES_SELECT, (rows.dumps_plain(list(stored)),)))

    def check(self, fp: Fingerprint, keys: tuple[int, ...], known: bool) -> tuple[Added, list[str]]:
        """What ``check`` would say with the project and the batch so far in one database, but not yet scored.

        Returns the outcome with ``similar`` left empty and, for an added
        article, the candidates to verify (``score_candidates`` scores a whole
        batch's at once); ``keys``: ``fp``'s band keys.
        """
        if known:
            return Added(fp.article_id, SAME_FILE, fp.article_id), []
        earlier = self.texts.get(fp.text_key)
        if earlier is not None and earlier != fp.article_id:
            return Added(fp.article_id, SAME_TEXT, earlier), []
        return Added(fp.article_id, ADDED), self._candidates(fp, keys)

    def _candidates(self, fp: Fingerprint, keys: tuple[int, ...]) -> list[str]:
        """As ``grouping.near_matches`` picks them: articles sharing a band, most shared first, capped, with a signature."""
        bands = self.bands
        # One count over every band's members (Counter counts an iterable in C), in band order as before.
        shared = Counter(itertools.chain.from_iterable([bands[key] for key in keys if key in bands]))
        shared.pop(fp.article_id, None)
        if not shared or fp.signature is None:
            return []
        signatures = self.signatures
        return [
            article_id for article_id, _ in shared.most_common(grouping.MAX_CANDIDATES) if signatures.get(article_id) is not None
        ]

    def add(self, fp: Fingerprint, keys: tuple[int, ...]) -> None:
        """Count an added article (with band keys ``keys``) in, for the articles after it in the batch."""
        self.texts.setdefault(fp.text_key, fp.article_id)
        self.signatures[fp.article_id] = fp.signature
        bands = self.bands
        for key in keys:
            members = bands.get(key)
            if members is None:
                bands[key] = [fp.article_id]
            else:
                members.append(fp.article_id)


def _fill_in_similar(
    results: list[Added], to_score: Sequence[tuple[int, list[str]]], prints: Sequence[Fingerprint], signatures: dict
) -> None:
    """Put in ``results`` what each added article of ``to_score`` resembles: candidates at ``NEAR_THRESHOLD`` or above, most similar first."""
    from briefpack.analysis.duplicates import NEAR_THRESHOLD

    pairs = [(prints[i].signature, [signatures[c] for c in candidates]) for i, candidates in to_score]
    for (i, candidates), scores in zip(to_score, score_candidates(pairs)):
        scored = [(article_id, score) for article_id, score in zip(candidates, scores) if score >= NEAR_THRESHOLD]
        if scored:
            scored.sort(key=lambda m: -m[1])  # stable: equal scores keep the candidates' order
            results[i] = Added(results[i].article_id, ADDED, similar=tuple(scored))


ARTICLE_WITH_PRINT_INSERT = (
    "INSERT INTO articles (id, position, title, publisher, published, language, json, text_key, signature)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# One row per article, its band keys as a JSON list that SQLite unrolls: binding and stepping a statement per
# key cost more than the B-tree inserts (measured: half the instructions, a quarter less CPU, the same rows).
# JSON holds every signed 64-bit key exactly (a test holds it to that).
BAND_INSERT = "INSERT OR IGNORE INTO band_keys (key, article_id) SELECT value, ? FROM json_each(?)"


def insert_batch(
    conn: sqlite3.Connection,
    items: Sequence[tuple[Article, Sequence[ThemeTag] | PackedTags, Fingerprint | None]],
    position: int,
    known: set[str],
) -> tuple[list[Added], dict[str, list[ThemeTag] | PackedTags]]:
    """Insert the articles that are not duplicates, from ``position`` on; call inside a transaction.

    ``known`` is the set of ids in the project; ids added here are put in it.
    A ``None`` fingerprint is computed here. Returns one ``Added`` per item
    and the tags of each added article as ``checked_tags`` gives them
    (``PackedTags`` stay packed).
    """
    from briefpack.analysis.duplicates import fingerprint

    prints = [fp if fp is not None else fingerprint(article) for article, _, fp in items]
    for (article, _, _), fp in zip(items, prints):
        if fp.article_id != article.id:
            raise ValueError(f"the fingerprint of {fp.article_id!r} given for {article.id!r}")
    keys_of = [fp.band_keys() for fp in prints]  # computed from the signature unless the fingerprint carries them
    seen = _Seen(conn, prints, keys_of)
    results: list[Added] = []
    tags_of: dict[str, list[ThemeTag] | PackedTags] = {}
    article_rows: list[tuple] = []
    band_rows: list[tuple[str, str]] = []  # (article id, its band keys as JSON)
    contents_rows: list[tuple] = []
    to_score: list[tuple[int, list[str]]] = []  # (index in results, candidates) of added articles with candidates
    for (article, tags, _), fp, keys in zip(items, prints, keys_of):
        normal = checked_packed(article, tags) if type(tags) is PackedTags else checked_tags(article, tags)
        outcome, candidates = seen.check(fp, keys, article.id in known)
        if candidates:
            to_score.append((len(results), candidates))
        results.append(outcome)
        if not outcome.added:
            continue
        seen.add(fp, keys)
        article_rows.append((*rows.article_row(article, position), fp.text_key, fp.signature))
        band_rows.append((article.id, rows.dumps_plain(keys)))
        contents_rows.append(rows.contents_row(article, position, normal))
        tags_of[article.id] = normal
        known.add(article.id)
        position += 1
    conn.executemany(ARTICLE_WITH_PRINT_INSERT, article_rows)
    conn.executemany(BAND_INSERT, band_rows)
    conn.executemany(rows.CONTENTS_INSERT, contents_rows)
    # Scored after the loop: a score never decides whether an article is added, only what it resembles.
    _fill_in_similar(results, to_score, prints, seen.signatures)
    # Groups once every row is in: joining touches only the article and what it resembles, all earlier.
    for i, outcome in enumerate(results):
        if outcome.added and outcome.similar:
            group = grouping.join_group(conn, outcome.article_id, outcome.similar)
            results[i] = Added(outcome.article_id, ADDED, None, group, outcome.similar)
    return results, tags_of
