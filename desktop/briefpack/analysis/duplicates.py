"""Duplicate and near-duplicate articles: fingerprints, MinHash signatures and LSH bucketing.

Two articles are *the same text* when their bodies are equal word for word
after Unicode normalisation and case folding (another copy of the same page,
saved with other bytes); their ``text_key`` is then equal. They are *near
duplicates* (a syndicated copy, a lightly edited version) when the Jaccard
similarity of their sets of 3-word shingles is at least ``NEAR_THRESHOLD``,
estimated from 128-value MinHash signatures. Candidates are found by
locality-sensitive hashing, never by comparing all pairs: each signature is
cut into ``BANDS`` bands and only articles sharing a band key are compared, so
the work grows with the number of articles, not its square. The store keeps
the same band keys in an indexed table to do this across a whole project.
Functions here are pure and may be called from any thread.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from briefpack.model.article import Article

SHINGLE = 3  # words per shingle: short enough that a light edit leaves most shingles whole
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS  # 4 rows a band: pairs at Jaccard 0.5 share a band with p ≈ 0.87, at 0.6 p ≈ 0.99
NEAR_THRESHOLD = 0.5  # estimated Jaccard from which two bodies count as one story
BUCKET_SCAN = 64  # members of one LSH bucket an article is compared with, at most

_WORD = re.compile(r"\w+")
# Every byte but an ASCII word character (what ``\w`` matches in ASCII text) becomes a space.
_ASCII_BREAKS = bytes(c if chr(c).isascii() and (chr(c).isalnum() or c == ord("_")) else 32 for c in range(256))
# Fixed seeds: signatures are stored in project files and must compare across sessions and machines.
_rng = np.random.default_rng(0x42725072)
_MUL = (_rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)  # odd
_ADD = _rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
_SHINGLE_MUL = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_BAND_MUL = np.array([0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x9E3779B97F4A7C15, 0xD6E8FEB86659FD93],
                     dtype=np.uint64)
_SHIFT = np.uint64(32)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What duplicate detection needs of one article.

    ``text_key`` is a hash of the normalised body words (equal for the same
    text). ``signature`` is the MinHash signature, ``PERMUTATIONS`` unsigned
    32-bit values as little-endian bytes; ``None`` when the body has no words
    (such an article is never a near duplicate of anything). ``bands`` holds
    its ``band_keys``, computed once with it so that the work stays wherever
    the fingerprint was made (a worker process); empty means not computed.
    """

    article_id: str
    text_key: str
    signature: bytes | None
    bands: tuple[int, ...] = ()

    def band_keys(self) -> tuple[int, ...]:
        """One signed 64-bit key per band (empty without a signature); equal keys in the same band make a candidate pair."""
        if self.signature is not None and not self.bands:
            return band_keys(self.signature)
        return self.bands


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """Articles telling the same story. ``article_ids`` in input order; ``same_text`` holds ids whose text equals an earlier member's."""

    article_ids: tuple[str, ...]
    same_text: tuple[str, ...] = ()


def words(text: str) -> list[str]:
    """The normalised words of ``text`` (NFKC, case-folded), as duplicate detection compares them."""
    if text.isascii():
        # NFKC and case folding of ASCII are plain lower-casing, and its words are the runs of
        # [A-Za-z0-9_]: cutting at everything else in bytes is four times faster than the pattern.
        return text.lower().encode("ascii").translate(_ASCII_BREAKS).decode("ascii").split()
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def body_words(article: Article) -> list[str]:
    """The normalised words of every body block of ``article`` (title, captions and furniture left out)."""
    return words("\n".join(block.text for block in article.blocks))


def fingerprint(article: Article) -> Fingerprint:
    """The fingerprint of ``article``'s body."""
    tokens = body_words(article)
    text_key = hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()[:32]
    sig = signature(tokens)
    return Fingerprint(article.id, text_key, sig, band_keys(sig) if sig is not None else ())


def signature(tokens: Sequence[str]) -> bytes | None:
    """The MinHash signature of the 3-word shingles of ``tokens``; ``None`` when there are no tokens."""
    if not tokens:
        return None
    # crc32, not hash(): Python salts str hashes per process and signatures outlive the process.
    hashed = np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens))
    if len(hashed) < SHINGLE:
        hashed = np.concatenate([hashed, np.zeros(SHINGLE - len(hashed), dtype=np.uint64)])
    span = len(hashed) - SHINGLE + 1
    shingles = hashed[:span] * _SHINGLE_MUL[0]
    for offset in range(1, SHINGLE):
        shingles = shingles ^ (hashed[offset : offset + span] * _SHINGLE_MUL[offset])  # wraps mod 2**64
    # Multiply-shift hashing: the top 32 bits of (a·x + b) mod 2**64, one (a, b) per permutation.
    # Repeated shingles need no dedup (they cannot change a minimum), and since the shift is
    # monotonic the minimum is taken first. In place: fresh temporaries cost more than the arithmetic.
    values = np.multiply(shingles[:, None], _MUL[None, :])
    np.add(values, _ADD, out=values)
    return (values.min(axis=0) >> _SHIFT).astype("<u4").tobytes()


def band_keys(sig: bytes) -> tuple[int, ...]:
    """The ``BANDS`` band keys of a signature, each mixed with its band number so bands never collide."""
    values = np.frombuffer(sig, dtype="<u4").astype(np.uint64).reshape(BANDS, ROWS)
    mixed = (values * _BAND_MUL[None, :ROWS]).sum(axis=1) + np.arange(BANDS, dtype=np.uint64) * _BAND_MUL[0]
    return tuple(int(k) for k in mixed.view(np.int64))  # signed: SQLite integers are signed 64-bit


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures (0.0 to 1.0)."""
    return float(np.count_nonzero(np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4"))) / PERMUTATIONS


def is_near(a: bytes | None, b: bytes | None) -> bool:
    """True when two signatures are near duplicates; ``None`` (no words) is near nothing."""
    return a is not None and b is not None and similarity(a, b) >= NEAR_THRESHOLD


def group_duplicates(prints: Iterable[Fingerprint]) -> list[DuplicateGroup]:
    """Groups of two or more articles that are the same text or near duplicates, in order of first member.

    Pairs come from LSH buckets (shared band keys) and from equal text keys,
    then groups are the connected components of the verified pairs, so
    work grows with the input, not its square (barring one huge cluster).
    """
    prints = list(prints)
    parent = list(range(len(prints)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    first_of_text: dict[str, int] = {}
    same_text: set[int] = set()
    buckets: dict[int, list[int]] = {}
    for i, fp in enumerate(prints):
        earlier = first_of_text.setdefault(fp.text_key, i)
        if earlier != i:
            union(earlier, i)
            same_text.add(i)
            continue  # its signature equals the earlier one's: no need to bucket it
        for key in fp.band_keys():
            bucket = buckets.setdefault(key, [])
            # Only the latest members: text that many articles share must not make a bucket quadratic,
            # and a true near duplicate is linked to the group through any member.
            for j in bucket[-BUCKET_SCAN:]:
                if root(i) != root(j) and is_near(prints[i].signature, prints[j].signature):
                    union(i, j)
            bucket.append(i)
    members: dict[int, list[int]] = {}
    for i in range(len(prints)):
        members.setdefault(root(i), []).append(i)
    return [
        DuplicateGroup(tuple(prints[i].article_id for i in group), tuple(prints[i].article_id for i in group if i in same_text))
        for group in members.values()
        if len(group) > 1
    ]
