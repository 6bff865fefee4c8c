"""Shortcuts of the per-line classification give what the plain readings give.

Classifying a page's lines takes shortcuts (issue 3: 1,000 articles/s): a
line's words are counted from its spaces where that is exact, the caption
credit patterns run only on lines holding a mark or word every match needs,
and the passes read ``Role`` members bound to module names. Each test checks
a shortcut against the reading it spares, on the corpus lines and on
generated text rich in the awkward cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

from briefpack.ingest.dump import credits, role
from briefpack.ingest.dump.features import _word_count
from briefpack.ingest.dump.role import Role
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_SPACES = st.sampled_from([" ", "  ", "\t", "\n", "\xa0", "\u2009", "\u3000", "\x1c", "\x85", "\u200b", ""])
_WORDS = st.sampled_from(["Kim", "said", "U.S.", "-0-", "2024", "é", "Ł", "—", "|", "(AFP)", "x", "İ"])
_SPACED_TEXT = st.lists(st.tuples(_SPACES, _WORDS), max_size=12).map(lambda pairs: "".join(a + b for a, b in pairs))


def test_every_whitespace_character_but_the_space_is_unprintable():
    # ``_word_count`` counts spaces in a printable line: that is exact only if no other character splits words.
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace() and char != " ":
            assert not char.isprintable(), hex(code)


@SETTINGS
@given(_SPACED_TEXT, _SPACES)
def test_word_count_is_the_number_of_split_words(text: str, edge: str) -> None:
    for line in (text, text + edge, edge + text, text.strip()):
        assert _word_count(line) == len(line.split())


_CREDIT_PIECES = st.sampled_from(
    ["Photo", "photos", "PHOTO", "Image", "picture", "foto", "ảnh", "credit", "by", ":", "/", " /", "/ ", "(", ")",
     "[", "]", "|", " | ", ".", "!", "?", "”", '"', "’", "Yonhap", "AP", "Reuters", "AFP", "Getty Images",
     "Xinhua", "dpa", "Photo/Kim", "Source", "Kim Ji-hye", "on", "Oct.", "18", "the", "ministry", "said",
     "Seoul", " ", "  ", "\t", "İ", "ſ", "File photo", "Courtesy of the Ministry", "18. /Yonhap", ". /Kim Lee",
     "said. Yonhap", "march. AFP/Kim", "(AP Photo/Lee)", "(Photo: AFP)"]
)
_CREDIT_TEXT = st.lists(_CREDIT_PIECES, max_size=16).map(" ".join) | st.lists(_CREDIT_PIECES, max_size=16).map("".join)


def _caption_credit_unguarded(text: str) -> str | None:
    """``caption_credit`` as it read before the photo-word, slash and sentence-end tests spared its patterns."""
    tail = text.rstrip().rstrip("|").rstrip()
    closes = tail.endswith((")", "]"))
    if closes:
        match = credits._CAPTION_CREDIT.search(text)
        if match is not None and match.start() > 0:
            if match.group("bar") is not None or match.group("label").lower() in credits._PHOTO_LABELS:
                return match.group("credit").strip() or None
    elif not tail[-1:].isalpha() and not credits._names_photo(text):
        return None  # the early refusal that came before them
    if len(text.split()) > credits._MAX_TRAILING_CREDIT_WORDS:
        return None
    trailing = credits._TRAILING_CREDIT.search(text)
    if trailing is not None and trailing.start() > 0:
        credit = next(filter(None, trailing.group("credit", "credit2", "credit3", "credit4", "credit5", "credit6", "credit7", "note")))
        if trailing["credit7"] and credits._spelled_out_before(text[: trailing.start()], credit):
            return None
        return credit.strip() or None
    bare = credits._BARE_AGENCY.search(text) if not closes else None
    if bare is not None and len(text[: bare.start()].split()) >= credits._MIN_BARE_CAPTION_WORDS:
        return bare.group("credit").strip()
    return None


@SETTINGS
@given(_CREDIT_TEXT)
def test_caption_credit_spared_patterns_would_find_nothing(text: str) -> None:
    expected = _caption_credit_unguarded(text)
    assert credits.caption_credit(text) == expected
    assert credits.caption_credit(text, words=len(text.split())) == expected


def test_caption_credit_of_corpus_lines_is_the_unguarded_reading():
    corpus = Path(__file__).resolve().parent / "corpus"
    lines = {line.strip() for path in sorted(corpus.glob("*.txt")) for line in path.read_text("utf-8").splitlines()}
    found = 0
    for line in filter(None, lines):
        expected = _caption_credit_unguarded(line)
        assert credits.caption_credit(line, words=len(line.split())) == expected, line
        found += expected is not None
    assert found  # the corpus holds captions with credits: the comparison covers the patterns' matches


def test_caption_credit_examples_pass_the_shortcuts():
    assert credits.caption_credit("Soldiers march in Pyongyang on Oct. 18. Yonhap") == "Yonhap"
    assert credits.caption_credit("Soldiers march in Pyongyang. Photo by VnExpress/Kim") == "VnExpress/Kim"
    assert credits.caption_credit("Soldiers march in Pyongyang on Nov. 18. /Yonhap") == "Yonhap"
    assert credits.caption_credit("North Korea and Russia agree to expand military cooperation") is None


def test_every_role_has_its_module_name():
    for member in Role:
        assert getattr(role, member.name) is member
