"""The per-line cue readers' quick rejections give what the full readings give.

Reading a page's lines takes shortcuts (issue 3: 1,000 articles/s): answers the
word count settles are stored with a line's record, patterns run only on text
holding a word or character every match needs, role words are sought in the
lowered text. Each test compares a shortcut with the reading it spares, on the
corpus lines and on generated text rich in the awkward cases (Unicode case
quirks, punctuation glued to words, joining words at the edges).
"""

from __future__ import annotations

import re
from pathlib import Path

from briefpack.ingest import legal, names, outlets, places
from briefpack.ingest.caseless import caseless
from briefpack.ingest.dump import features as features_module
from briefpack.ingest.dump.features import line_features
from briefpack.ingest.dump.lines import Line
from briefpack.ingest.dump.options import DumpOptions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_PIECES = st.sampled_from(
    ["By", "Kim", "Ji-hye", "KIM", "van", "de", "and", "And", "&", "i", "y", "и", "in", "at", "from", "reporting",
     "with", "Reporter", "REPORTERS", "staff", "editor", "phóng viên", "Kyiv", "Lee", "N.", "U.S.", "St.", "A.",
     "the", "navy", "warned", "İ", "ı", "ſ", "K", "\u212a", "Ǆ", "ǅ", "é", "Ł", "ł", "2024", "21", ",", ";", ":",
     "|", "/", " / ", " - ", "—", "·", "(", ")", "'", "’", ".", " ", "  ", "\t", "\xa0", "_", "x", "Seoul"]
)
_TEXT = st.lists(_PIECES, max_size=14).map(" ".join) | st.lists(_PIECES, max_size=14).map("".join)


def _corpus_lines() -> list[str]:
    corpus = Path(__file__).resolve().parent / "corpus"
    lines = [line.strip() for path in sorted(corpus.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    return [line for line in lines if line]


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


def test_lowering_keeps_every_word_character_a_word_character():
    # ``find_role`` runs a pattern with ``\b`` over the lowered text: where ``caseless`` lowers, a
    # character and its lower case must agree on being part of a word.
    word = re.compile(r"\w")
    for code in range(0x110000):
        char = chr(code)
        lowered = char.lower()
        if lowered != char and caseless(char) is not None:
            assert bool(word.match(char)) == bool(word.match(lowered)), hex(code)


@SETTINGS
@given(_TEXT)
def test_role_found_in_the_lowered_text_is_the_role_the_pattern_finds(text: str) -> None:
    assert _span(names.find_role(text)) == _span(names._ROLE.search(text))


def test_role_found_in_corpus_lines_is_the_role_the_pattern_finds():
    for line in _corpus_lines():
        assert _span(names.find_role(line)) == _span(names._ROLE.search(line)), line


def test_joining_words_are_those_of_the_pattern():
    alternatives = re.search(r"\(\?:([^)]*)\)", names._AND_SPLIT.pattern).group(1).split("|")
    assert frozenset(alternatives) == names._AND_WORDS
    openers = re.search(r"\(\?:([^)]*)\)", names._PLACE_TAIL.pattern).group(1).split("|")
    assert frozenset(o.split()[0] for o in openers) == names._TAIL_WORDS


@SETTINGS
@given(_TEXT)
def test_patterns_skipped_for_lack_of_a_needed_word_or_mark_would_change_nothing(text: str) -> None:
    words = text.split()
    if names._AND_WORDS.isdisjoint(words):
        assert names._AND_SPLIT.split(text) == [text]
    if names._TAIL_WORDS.isdisjoint(words):
        assert names._PLACE_TAIL.sub("", text) == text
    if names._SEGMENT_MARKS.isdisjoint(text):
        assert names._SEGMENT.split(text) == [text]
    if names.find_role(text) is None:
        assert names._ROLE_BEFORE_NAME.sub("", text, count=1) == text


@SETTINGS
@given(_TEXT)
def test_a_plain_lower_case_word_rules_out_names_as_the_full_reading_does(text: str) -> None:
    line = " ".join(text.split())
    if names._has_plain_lower_word(line):
        assert names.personal_names(line) == ()
        assert names.personal_names(line, vouched=True) == ()
        # The full reading, without the shortcut, finds no name either.
        original = names._has_plain_lower_word
        names._has_plain_lower_word = lambda _line: False
        try:
            assert names.personal_names(line, vouched=True) == ()
        finally:
            names._has_plain_lower_word = original


def _is_place_as_first_written(words: list[str]) -> bool:
    """``is_place`` with a key built per word by ``place_key`` and every test asked of every word."""
    known, keys = places._places(), [places.place_key([w]) for w in words]
    if any(map(places._abbreviates_place, words)):
        return True
    if any(" ".join(keys[i : i + n]) in known for n in (2, 3, 4) for i in range(len(keys) - n + 1)):
        return True
    if len(keys) >= 2 and (keys[0] in places._PLACE_OPENERS or keys[-1] in places._PLACE_CLOSERS):
        return True
    if any(k in places.territories() for k in keys) and not places._given_name_first(keys):
        return True
    if len(keys) < 2 or not places._INITIAL.fullmatch(words[0]):
        return False
    return any(" ".join([p, *keys[1:]]) in known for p in places._COMPASS.get(keys[0], ()))


@SETTINGS
@given(st.lists(_PIECES.filter(lambda p: p.strip() and " " not in p.strip()), min_size=1, max_size=5))
def test_word_readers_agree_with_their_plain_definitions(words: list[str]) -> None:
    words = [w.strip() for w in words]
    assert places.is_place(words) == _is_place_as_first_written(words)
    piece = " ".join(words)
    assert outlets.outlet_key(piece) == "".join(ch for ch in piece.lower() if ch.isalpha())
    for word in words:
        assert names._capitalised(word) == (bool(names._TOKEN_CHARS.fullmatch(word)) and word[0].isupper())


def test_is_place_agrees_with_its_plain_definition_on_names_and_places():
    for text in ("Ivan Petrov", "N. Korea", "S. Sudan", "U.S. Congress", "Hong Kong", "New Delhi", "Jeju Island",
                 "Chad Smith", "Israel Hamas", "T. Cook", "A", "DPRK", "Kim Jong Un", "St. John’s Wood"):
        assert places.is_place(text.split()) == _is_place_as_first_written(text.split()), text


@SETTINGS
@given(st.lists(_TEXT, min_size=1, max_size=5))
def test_a_page_without_legal_hints_holds_no_notice(texts: list[str]) -> None:
    page = "\n".join(texts)
    hints = legal.cue_hints(page)
    for text in texts:
        assert legal.is_legal_notice(text, hints=hints) == legal.is_legal_notice(text)


def test_answers_stored_with_a_record_are_what_reading_the_cue_gives():
    texts = _corpus_lines()[:600]
    lines = [Line(text, True, True) for text in texts]
    records = line_features(lines, DumpOptions(), "en")
    cues = {name: vars(features_module.Features)[name] for name in (*features_module._ABSENT_SHORT_LINE_CUES, "legal", "source")}
    long_lines = 0
    for record in records:
        stored = dict(vars(record))
        long_lines += record.words > record.page.short_cue_words
        for name, cue in cues.items():
            if name in stored:
                assert stored[name] == cue._compute(record), (name, record.text)
    assert long_lines > 50  # the corpus has long paragraphs, whose short-line cues are stored at once
