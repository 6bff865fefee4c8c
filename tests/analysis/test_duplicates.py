"""Duplicate detection over articles: same text, near duplicates by MinHash, LSH bucketing instead of all pairs."""

from __future__ import annotations

import functools
import os
import random
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefpack.analysis import duplicates
from briefpack.analysis.duplicates import Fingerprint, fingerprint, group_duplicates, similarity
from briefpack.ingest import read_bytes
from briefpack.model.article import Article, Block, BlockKind
from seeddata import SEEDS

SOURCE_ROOT = Path(__file__).resolve().parents[2] / "desktop"

WORDS = (
    "ministry officials said talks resumed on trade routes while delegations met in the capital to discuss "
    "energy supplies sanctions relief grain exports and the reopening of border crossings after months of "
    "tension between neighbouring governments analysts expect further rounds before the summit in spring"
).split()


def story(seed: int, paragraphs: int = 8, words: int = 60) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) + str(rng.randint(0, 400)) for _ in range(words)) for _ in range(paragraphs)]


@functools.cache
def base_article() -> Article:
    return read_bytes(SEEDS[0].read_bytes(), SEEDS[0].name)


def article_of(paragraphs: list[str], article_id: str) -> Article:
    return base_article().with_changes(id=article_id, blocks=tuple(Block(BlockKind.PARAGRAPH, p) for p in paragraphs))


def edit(paragraphs: list[str], fraction: float, seed: int = 1) -> list[str]:
    """Change ``fraction`` of the words, as a copy editor or a syndicating outlet would."""
    rng = random.Random(seed)
    out = []
    for paragraph in paragraphs:
        words = paragraph.split()
        for i in rng.sample(range(len(words)), int(len(words) * fraction)):
            words[i] = "edited" + str(rng.randint(0, 10**6))
        out.append(" ".join(words))
    return out


def test_the_same_text_in_other_layout_has_the_same_text_key():
    body = story(1)
    a = article_of(body, "a")
    # Other case, other spacing, other punctuation, the text split into other paragraphs: same words.
    b = article_of([" ".join(body[:2]).upper(), *(p.replace(" ", "  ") + " ..." for p in body[2:])], "b")
    assert fingerprint(a).text_key == fingerprint(b).text_key
    assert fingerprint(a).text_key != fingerprint(article_of(body[:-1], "c")).text_key


def test_lightly_edited_copies_are_near_and_different_stories_are_not():
    body = story(2)
    a = fingerprint(article_of(body, "a"))
    light = fingerprint(article_of(edit(body, 0.03), "b"))
    heavy = fingerprint(article_of(edit(body, 0.4), "c"))
    other = fingerprint(article_of(story(3), "d"))
    assert similarity(a.signature, light.signature) >= 0.75
    assert duplicates.is_near(a.signature, light.signature)
    assert not duplicates.is_near(a.signature, heavy.signature)
    assert similarity(a.signature, other.signature) < 0.1
    assert set(a.band_keys()) & set(light.band_keys())  # the LSH buckets would bring them together
    assert not set(a.band_keys()) & set(other.band_keys())


def test_an_article_with_extra_furniture_paragraph_is_still_near():
    body = story(4)
    a = fingerprint(article_of(body, "a"))
    b = fingerprint(article_of(body + ["Related content: read more from our partners."], "b"))
    assert duplicates.is_near(a.signature, b.signature)


def test_signatures_are_the_same_in_another_process():
    # Signatures are stored in project files, so they must not depend on Python's per-process hash salt.
    text = "North Korea and Russia signed a protocol on economic cooperation in Pyongyang."
    code = (
        "from briefpack.analysis.duplicates import words, signature, band_keys;"
        f"s = signature(words({text!r})); print(s.hex(), list(band_keys(s)))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(SOURCE_ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    here = duplicates.signature(duplicates.words(text))
    assert out.strip() == f"{here.hex()} {list(duplicates.band_keys(here))}"
    assert len(here) == 4 * duplicates.PERMUTATIONS and len(duplicates.band_keys(here)) == duplicates.BANDS


def test_an_article_without_words_has_no_signature_and_is_near_nothing():
    empty = fingerprint(article_of([], "e"))
    assert empty.signature is None and empty.band_keys() == ()
    assert not duplicates.is_near(empty.signature, fingerprint(article_of(story(5), "f")).signature)
    short = fingerprint(article_of(["Two words"], "s"))
    assert short.signature is not None


def test_groups_join_same_text_and_near_copies_and_leave_the_rest_alone():
    body = story(6)
    prints = [
        fingerprint(article_of(body, "orig")),
        fingerprint(article_of(story(7), "lone")),
        fingerprint(article_of(edit(body, 0.03, seed=2), "syndicated")),
        fingerprint(article_of(body, "copy")),  # same text, another file
        fingerprint(article_of(story(8), "pair-a")),
        fingerprint(article_of(edit(story(8), 0.02), "pair-b")),
    ]
    groups = group_duplicates(prints)
    assert [g.article_ids for g in groups] == [("orig", "syndicated", "copy"), ("pair-a", "pair-b")]
    assert groups[0].same_text == ("copy",)


@pytest.mark.slow
def test_grouping_10000_articles_is_bucketed_not_all_pairs():
    stories = [story(n, paragraphs=1, words=50) for n in range(2000)]
    prints: list[Fingerprint] = []
    for n in range(10_000):
        # Each story once as written and four times lightly edited (2 words of 50 changed).
        paragraphs = stories[n % 2000] if n < 2000 else edit(stories[n % 2000], 0.04, seed=n)
        prints.append(fingerprint(article_of(paragraphs, f"a{n}")))
    started = time.perf_counter()
    groups = group_duplicates(prints)
    elapsed = time.perf_counter() - started
    print(f"\ngrouped 10,000 fingerprints in {elapsed:.2f} s")
    # Every copy lands with its story, nothing else joins: 2000 groups of five.
    assert sorted(sorted(int(i[1:]) % 2000 for i in g.article_ids) for g in groups) == [[n] * 5 for n in range(2000)]
    assert elapsed < 10  # generous: an all-pairs comparison (5e7 pairs) takes minutes


def reference_signature(text: str) -> bytes:
    """Fingerprint version 2 written out plainly: one-permutation MinHash of the 3-word shingles, optimal densification."""
    mask = 2**64 - 1
    data = " ".join(duplicates.words(text)).encode("utf-8")
    words = data.split(b" ")
    spans = [b" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1))]
    least: dict[int, int] = {}
    for span in spans:
        h = 0
        for j, byte in enumerate(span):
            h = (h + byte * pow(duplicates._BYTE_MUL, j, 2**64)) & mask
        h = (h * 0xFF51AFD7ED558CCD) & mask
        h ^= h >> 32
        h = (h * 0xC4CEB9FE1A85EC53) & mask
        least[h >> 57] = min(least.get(h >> 57, mask), h)
    values = [((least[b] << 7) & mask) >> 32 if b in least else None for b in range(duplicates.PERMUTATIONS)]
    for b in range(duplicates.PERMUTATIONS):
        if values[b] is None:
            source = next((int(s) for s in duplicates._BORROW[b] if int(s) in least), min(least))
            values[b] = ((least[source] << 7) & mask) >> 32
    return b"".join(v.to_bytes(4, "little") for v in values)


@pytest.mark.parametrize("text", [
    "North Korea and Russia signed a protocol on economic cooperation in Pyongyang.",
    "Two words",
    "one",
    " ".join(story(9)),
    "Việt Nam's ministry said the łódź delegation would report — on Ⅻ sanctions.",
])
def test_signatures_are_one_permutation_minhash_of_the_shingles(text):
    # Signatures are stored in project files: any change to how they are made must bump FINGERPRINT_VERSION
    # (and upgrade the store), and this reference must change with it.
    assert duplicates.FINGERPRINT_VERSION == 2
    assert duplicates.signature(duplicates.words(text)) == reference_signature(text)
    assert fingerprint(article_of([text], "t")).signature == reference_signature(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab1é ", max_size=5), min_size=1, max_size=12))
def test_shingle_hashes_read_off_the_padded_text_equal_the_plain_reference(parts):
    # Words of one to a few letters, texts of one to a dozen words: the bounds of the first and last shingles, and
    # texts of fewer words than a shingle, are where reading the shingles off the spaces could go wrong.
    text = " ".join(parts)
    if not duplicates.words(text):
        assert duplicates.signature(duplicates.words(text)) is None
        return
    assert duplicates.signature(duplicates.words(text)) == reference_signature(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_the_ascii_fast_paths_give_the_words_of_the_general_rule(text):
    # One translation table lowers and cuts ASCII text; the general rule is NFKC, case folding and ``\w+`` runs.
    expected = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    assert duplicates.words(text) == expected
    assert duplicates.normal_text(text) == " ".join(expected).encode("utf-8")
