"""Duplicate and near-duplicate articles: fingerprints, MinHash signatures and LSH bucketing.

Two articles are *the same text* when their bodies are equal word for word
after Unicode normalisation and case folding (another copy of the same page,
saved with other bytes); their ``text_key`` is then equal. They are *near
duplicates* (a syndicated copy, a lightly edited version) when the Jaccard
similarity of their sets of 3-word shingles is at least ``NEAR_THRESHOLD``,
estimated from 128-value one-permutation MinHash signatures: each shingle is
hashed once (a polynomial hash of its bytes, read off prefix sums over the
normalised text, so every shingle costs the same few array operations), the
hash's top bits pick one of 128 bins and each bin keeps its least hash; an
empty bin (a short text) borrows the value of another bin chosen by a fixed
table ("optimal densification", Shrivastava 2017), so equal values still
mean a shared shingle as often as the two texts share shingles. Candidates
are found by locality-sensitive hashing, never by comparing all pairs: each
signature is cut into ``BANDS`` bands and only articles sharing a band key
are compared, so the work grows with the number of articles, not its
square. The store keeps the same band keys in an indexed table to do this
across a whole project. ``FINGERPRINT_VERSION`` names the signature scheme:
signatures of another version do not compare, and a project file of an
older one is re-fingerprinted when upgraded. Functions here are pure and
may be called from any thread.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from briefpack.model.article import Article

# 1: 128 multiply-shift permutations of crc32 word hashes combined per shingle; 2: one-permutation MinHash (above).
FINGERPRINT_VERSION = 2
SHINGLE = 3  # words per shingle: short enough that a light edit leaves most shingles whole
PERMUTATIONS = 128  # values per signature (bins of the one permutation)
BANDS = 32
ROWS = PERMUTATIONS // BANDS  # 4 rows a band: pairs at Jaccard 0.5 share a band with p ≈ 0.87, at 0.6 p ≈ 0.99
NEAR_THRESHOLD = 0.5  # estimated Jaccard from which two bodies count as one story
BUCKET_SCAN = 64  # members of one LSH bucket an article is compared with, at most

_WORD = re.compile(r"\w+")
# Every byte but an ASCII word character (what ``\w`` matches in ASCII text) becomes a space, and capitals become
# small letters: one table does in one pass what lower-casing the text and then cutting it at non-word bytes did in two.
_ASCII_LOWER_BREAKS = bytes(ord(chr(c).lower()) if chr(c).isascii() and (chr(c).isalnum() or c == ord("_")) else 32
                            for c in range(256))
# Fixed constants and seeds: signatures are stored in project files and must compare across sessions and machines.
_BIN_SHIFT = np.uint64(64 - 7)  # the top 7 bits of a shingle's hash pick its bin (2**7 == PERMUTATIONS)
_BYTE_MUL = 0x9E3779B97F4A7C15  # odd, so invertible modulo 2**64
_MIX = (np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53))
_SHIFT = np.uint64(32)
_EMPTY = np.uint64(2**64 - 1)
_ALL_EMPTY = np.full(PERMUTATIONS, _EMPTY, dtype=np.uint64)  # copied, not made anew: ``np.full`` costs more
_BAND_MUL = np.array([0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x9E3779B97F4A7C15, 0xD6E8FEB86659FD93],
                     dtype=np.uint64)
_BAND_OFFSETS = np.arange(BANDS, dtype=np.uint64) * _BAND_MUL[0]
# Powers of _BYTE_MUL and of its inverse modulo 2**64, kept for texts up to this many bytes (longer ones make their own).
_POWERS_KEPT = 1 << 17


def _borrow_table(trials: int) -> np.ndarray:
    """For each bin, ``trials`` bins to borrow from when it is empty: splitmix64 of (bin, trial), in integer arithmetic only."""
    x = np.arange(PERMUTATIONS * trials, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(0x42725072)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return (x >> _BIN_SHIFT).astype(np.intp).reshape(PERMUTATIONS, trials)


# For each bin and trial, the bin an empty bin borrows from (the first non-empty one in its row).
_BORROW = _borrow_table(64)


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
        return text.encode("ascii").translate(_ASCII_LOWER_BREAKS).decode("ascii").split()
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def body_words(article: Article) -> list[str]:
    """The normalised words of every body block of ``article`` (title, captions and furniture left out)."""
    return words("\n".join(block.text for block in article.blocks))


def normal_text(text: str) -> bytes:
    """``words(text)`` joined by single spaces, as UTF-8: what the text key and the signature are made from."""
    if not text.isascii():
        return " ".join(words(text)).encode("utf-8")
    # As ``words``, but the runs of spaces are squeezed in one array pass instead of splitting into words.
    spaced = np.frombuffer(text.encode("ascii").translate(_ASCII_LOWER_BREAKS), dtype=np.uint8)
    word = spaced != 32
    kept = word.copy()
    kept[1:] |= word[:-1]  # a word character, or the first space after one
    squeezed = spaced[kept]
    if len(squeezed) and squeezed[-1] == 32:
        squeezed = squeezed[:-1]
    return squeezed.tobytes()


def fingerprint(article: Article) -> Fingerprint:
    """The fingerprint of ``article``'s body."""
    return fingerprint_texts(article.id, [block.text for block in article.blocks])


def fingerprint_texts(article_id: str, texts: Iterable[str]) -> Fingerprint:
    """The fingerprint of article ``article_id`` whose body blocks hold ``texts`` (``fingerprint`` without an ``Article``)."""
    text = normal_text("\n".join(texts))
    text_key = hashlib.sha256(text).hexdigest()[:32]
    sig = _signature(text) if text else None
    return Fingerprint(article_id, text_key, sig, band_keys(sig) if sig is not None else ())


def signature(tokens: Sequence[str]) -> bytes | None:
    """The MinHash signature of the 3-word shingles of ``tokens``; ``None`` when there are no tokens."""
    if not tokens:
        return None
    return _signature(" ".join(tokens).encode("utf-8"))


def _signature(text: bytes) -> bytes:
    """The signature of a non-empty ``normal_text``: each bin's least shingle hash, its top 32 bits below the bin's."""
    hashes = _shingle_hashes(text)
    least = _ALL_EMPTY.copy()
    np.minimum.at(least, hashes >> _BIN_SHIFT, hashes)
    values = ((least << np.uint64(7)) >> _SHIFT).astype("<u4")
    empty = least == _EMPTY
    if empty.any():
        values = _densified(values, empty)
    return values.tobytes()


def _shingle_hashes(text: bytes) -> np.ndarray:
    """One well-mixed 64-bit hash per 3-word shingle of ``text`` (words separated by single spaces); one for fewer words.

    A shingle's hash is the polynomial hash of its bytes, sum of byte[j] * M**(j - start)
    modulo 2**64, read off prefix sums of byte[j] * M**j by multiplying with M**-start:
    no Python step per word or shingle. The text is read with a space added
    before and after it, so that every word, the first and the last too, lies
    between two spaces: the shingles' bounds are then slices of the spaces'
    positions, with no arrays to assemble (a fixed cost that showed for
    articles of a few hundred words). The added spaces lie outside every
    shingle, so the hashes are those of the text's own bytes.
    """
    data = np.frombuffer(b" " + text + b" ", dtype=np.uint8)
    powers, inverses = _powers(len(data))
    prefix = np.cumsum(data * powers)  # prefix[j]: bytes 0..j, each times M**j; wraps modulo 2**64
    spaces = (data == 32).nonzero()[0]  # word k of the text lies between spaces[k] and spaces[k + 1]
    if len(spaces) > SHINGLE + 1:  # at least SHINGLE words
        before = spaces[:-SHINGLE]  # the space before each shingle
        last = spaces[SHINGLE:] - 1  # each shingle's last byte
    else:  # fewer words than a shingle: the whole text is the one shingle
        before = spaces[:1]
        last = spaces[-1:] - 1
    hashes = prefix[last]
    hashes -= prefix[before]
    hashes *= inverses[1:][before]  # M**-(before + 1): the shingle's first byte weighs M**0
    # A polynomial hash's low bits depend on few bytes; multiply, fold and multiply again so the top bits depend on all.
    hashes *= _MIX[0]
    hashes ^= hashes >> _SHIFT
    hashes *= _MIX[1]
    return hashes


_POWERS: tuple[np.ndarray, np.ndarray] = (np.ones(0, dtype=np.uint64), np.ones(0, dtype=np.uint64))


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """``M**j`` and ``M**-j`` modulo 2**64 for ``j`` below ``n`` (``M`` is ``_BYTE_MUL``)."""
    global _POWERS
    kept = _POWERS
    if len(kept[0]) >= n:
        return kept[0][:n], kept[1][:n]
    size = max(n, min(2 * len(kept[0]), _POWERS_KEPT), 4096)
    made = []
    for base in (_BYTE_MUL, pow(_BYTE_MUL, -1, 2**64)):
        row = np.full(size, base, dtype=np.uint64)
        row[0] = 1
        made.append(np.multiply.accumulate(row))  # wraps modulo 2**64
    if size <= _POWERS_KEPT:
        _POWERS = (made[0], made[1])
    return made[0][:n], made[1][:n]


def _densified(values: np.ndarray, empty: np.ndarray) -> np.ndarray:
    """``values`` with each empty bin given the value of the first non-empty bin in its row of ``_BORROW``.

    The row depends on the bin alone, so two texts with the same empty bins
    borrow alike. A text has at least one shingle, so some bin is full.
    """
    full = ~empty
    out = values.copy()
    left = empty.nonzero()[0]  # ``np.flatnonzero`` without its Python-level wrapping (the array is flat)
    for trial in range(_BORROW.shape[1]):
        source = _BORROW[left, trial]
        found = full[source]
        out[left[found]] = values[source[found]]
        left = left[~found]
        if not len(left):
            return out
    out[left] = values[full.nonzero()[0][0]]  # 64 trials all empty: only for a text of a few shingles
    return out


def band_keys(sig: bytes) -> tuple[int, ...]:
    """The ``BANDS`` band keys of a signature, each mixed with its band number so bands never collide."""
    values = np.frombuffer(sig, dtype="<u4").astype(np.uint64).reshape(BANDS, ROWS)
    mixed = values @ _BAND_MUL[:ROWS]  # wraps modulo 2**64
    mixed += _BAND_OFFSETS
    return tuple(mixed.view(np.int64).tolist())  # signed: SQLite integers are signed 64-bit


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
