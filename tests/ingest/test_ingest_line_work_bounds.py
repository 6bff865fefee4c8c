"""The per-line readers' newer shortcuts give what the full readings give (issue 3: 1,000 articles/s).

A page's lines are known printable from one byte pass over the page, so each
line's words are counted from its spaces without asking it; the furniture
patterns of bounded length are not tried on a longer key; a byline without a
role word spares its pieces the role search. Each test compares a shortcut
with the reading it spares, on corpus lines and on generated text rich in the
awkward cases.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefpack.ingest import names
from briefpack.ingest.dump import features, patterns
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_CHARS = st.sampled_from([" ", "  ", "\t", "\n", "\r", "\x1c", "\x7f", "\x85", "\xa0", "\xad", "\u2009", "\u3000",
                          "\u200b", "é", "ł", "—", "a", "Kim", "said.", "2024", "|", "İ"])
_LINE = st.lists(_CHARS, max_size=12).map("".join)

_PIECES = st.sampled_from(
    ["By", "BY", "Kim", "Ji-hye", "KIM", "van", "and", "&", "i", "in", "at", "from", "reporting", "with", "Reporter",
     "REPORTERS", "staff", "Staff Writer", "editor", "Correspondent", "phóng viên", "Kyiv", "Lee", "N.", "U.S.",
     "Reuters", "The Associated Press", "Tuoi Tre News", "the", "said", "İ", "ſ", "\u212a", "é", "2024", "21",
     "Nov.", "August", ",", ";", ":", "|", "/", " / ", " - ", "—", "·", "(", ")", "'", ".", " ", "  ", "x",
     "Posted on", "by", "WhitworthCommunity", "ByRachel", "a@b.com"]
)
_BYLINE_TEXT = st.lists(_PIECES, max_size=12).map(" ".join) | st.lists(_PIECES, max_size=12).map("".join)


def _corpus_lines() -> list[str]:
    corpus = Path(__file__).resolve().parent / "corpus"
    lines = [line.strip() for path in sorted(corpus.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    return [line for line in lines if line]


@SETTINGS
@given(st.lists(_LINE, max_size=6))
def test_a_page_known_printable_has_only_printable_lines(texts: list[str]) -> None:
    if features._lines_printable(texts):
        assert all(text.isprintable() for text in texts)
    if all(text.isprintable() and max(text, default=" ") <= "\xff" for text in texts):
        assert features._lines_printable(texts)


@SETTINGS
@given(st.lists(_LINE, max_size=6))
def test_words_counted_on_a_printable_page_are_the_split_words(texts: list[str]) -> None:
    printable = features._lines_printable(texts)
    for text in texts:
        assert features._word_count(text, printable) == len(text.split())


def _longest(pattern: re.Pattern[str]) -> int:
    from re import _parser  # the parser ``re`` compiles with; read here only to check the bounds

    return _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]


def test_length_bounds_are_the_longest_matches_of_their_patterns() -> None:
    assert patterns._LONGEST_TEXT_SIZE == _longest(patterns._TEXT_SIZE)
    assert patterns._LONGEST_CONTRIBUTED == _longest(patterns._CONTRIBUTED)


def test_furniture_of_long_lines_is_what_every_pattern_gives() -> None:
    # Lines past the bounds: text-size controls and "contributed" notes padded, and corpus lines.
    padded = ["Normal text size" + " Larger text size" * 12, "Reporters " * 30 + "contributed to this report.",
              "x" * 150 + " text size", "a" * 200 + " contributed reporting"]
    for line in padded + _corpus_lines():
        key = patterns._key(line)
        full = (
            bool(patterns._TEXT_SIZE.fullmatch(key))
            or bool(patterns._CONTRIBUTED.fullmatch(key))
            or bool(patterns._FORM.fullmatch(key))
            or any(p.fullmatch(key) for p in patterns._FURNITURE_PATTERNS)
            or key in patterns.FURNITURE_LINES
            or patterns.is_prompt(line)
            or not any(map(str.isalpha, line))
            or bool(key and all(t in patterns._SOCIAL for t in patterns._ROW_TOKEN.findall(key))
                    and patterns._ROW_TOKEN.findall(key))
        )
        assert patterns.is_furniture(line) == full, line


@SETTINGS
@given(st.lists(st.sampled_from(["sign", "up", "$", "£", "€", "bringing you", "bringing", "you", "cookies", "the",
                                 "newsletters", " ", ",", "é", "5"]), max_size=8).map(" ".join))
def test_prompt_hint_is_a_prompt_word_or_string(text: str) -> None:
    words = set(re.findall(r"[^\W\d_]+", text))
    expected = not patterns._PROMPT_WORDS.isdisjoint(words) or any(s in text for s in patterns._PROMPT_STRINGS)
    assert patterns._has_prompt_word(text) == expected


def test_every_prompt_string_is_a_prompt_hint() -> None:
    for string in patterns._PROMPT_STRINGS:
        assert patterns._has_prompt_word(f"x {string} y"), string


def _unglue_role_as_first_written(line: str) -> str:
    match = names.find_role(line)
    if match is None or match.end() != len(line.rstrip(" .")):
        return line
    glued = names._GLUED_ROLE.search(line)
    if glued is None or not names._ROLE.search(line, glued.start()):
        return line
    return f"{line[: glued.start()]} | {line[glued.start() :]}"


def _byline_names_as_first_written(line: str, *, dated: bool = False) -> tuple[str, ...] | None:
    """``names.byline_names`` as written before a line without a role spared its pieces the search."""
    line = names._unglue_by(" ".join(names._without_email(line).split()))
    if line[:4].lower() == "(by " and line.endswith(")"):
        line = line[1:-1]
    label = names._BY.match(line)
    if label is None and not dated and " by " in line:
        signed = names._TRAILING_BY.search(line)
        head = line[: signed.start()].split() if signed is not None else []
        if signed is not None and 0 < len(head) <= names._MAX_SERIES_WORDS and head[0][:1].isupper():
            words = [w.lower() for w in head]
            found = names.personal_names(signed["names"], vouched=True)
            if names._SPEECH_WORDS.isdisjoint(words) and not any(w.endswith("ed") for w in words) and (
                len(found) >= 2 or " ".join(words) in names._PIECE_KINDS
            ):
                return found
    if label is None and dated:
        signed = names._TRAILING_BY.search(line)
        if signed is not None:
            return names.personal_names(signed["names"], vouched=True) or None
        named = [s for s in line.split("|") if s.strip() and not names._DIGIT.search(s)]
        if "|" in line and len(named) == 1 and names.personal_names(named[0], vouched=True):
            return names.personal_names(named[0], vouched=True)
    outlet = names.OUTLET_AFTER_SLASH.search(line) if label is None and " / " in line else None
    if outlet is None and label is None and line.endswith(")"):
        outlet = names._OUTLET_IN_BRACKETS.search(line)
        outlet = outlet if outlet is not None and names.is_outlet_name(outlet["outlet"]) else None
    if outlet is None and label is None and not dated and line[-1:].isalpha():
        outlet = names._AGENCY_TAIL.search(line)
    if outlet is not None:
        line = line[: outlet.start()]
    role = names.find_role(line)
    if label is None and outlet is None and not dated and not role:
        return None
    if label is None and role is not None:
        head = line.split(",", 1)[0]
        if head != line and role.end() == len(head.rstrip()) and len(head[: role.start()].split()) <= 1:
            return None  # a post before a comma: "Research Fellow, Land Warfare"
    line = _unglue_role_as_first_written(line)
    rest = line[label.end() :] if label else line
    if label is not None:
        rest = re.sub(r"\s*\((?P<o>[^()]{2,40})\)", lambda m: " | " if names.is_outlet_name(m["o"]) or names.find_role(m["o"]) else m[0], rest)
    if label and names.find_role(rest):
        rest = names._ROLE_BEFORE_NAME.sub("", rest, count=1)
    split = names._SEGMENT.split(rest) if not names._SEGMENT_MARKS.isdisjoint(rest) else [rest]
    segments = [s for s in split if s.strip()]
    if not segments:
        return None
    head, tail = segments[0], segments[1:]
    pieces = names._split_names(head)
    if label:
        pieces = [names._before_date(p) if names._DIGIT.search(p) else p for p in pieces]
        pieces = [p for p in pieces if p]
    with_role = [names.find_role(p) is not None for p in pieces]
    found = [
        p
        for p, role in zip(pieces, with_role)
        if not role and not names._DIGIT.search(p) and not names.is_outlet_name(p)
        and p.split()[-1].lower() not in names._DESKS
    ]
    roles = any(with_role) or any(names.find_role(s) for s in tail) or outlet is not None
    if label is None and not (roles or dated):
        return None
    if label is not None and not (rest[:1].isupper() or rest[:1].isdigit()):
        return None
    if not found:
        return None
    max_tokens = names._MAX_EXPLICIT_TOKENS if label else names._MAX_NAME_TOKENS
    vouched = label is not None or outlet is not None
    minimum = 1 if label else 2
    parsed = [names._as_name(p, min_tokens=minimum, max_tokens=max_tokens, vouched=vouched) for p in found]
    if not parsed or any(n is None for n in parsed):
        return None
    return tuple(n for n in parsed if n)


@SETTINGS
@given(_BYLINE_TEXT, st.booleans())
def test_byline_names_without_a_role_search_in_the_pieces_are_the_full_reading(text: str, dated: bool) -> None:
    assert names.byline_names(text, dated=dated) == _byline_names_as_first_written(text, dated=dated)


def test_byline_names_of_corpus_lines_are_the_full_reading() -> None:
    for line in _corpus_lines():
        if len(line.split()) <= 20:
            for dated in (False, True):
                assert names.byline_names(line, dated=dated) == _byline_names_as_first_written(line, dated=dated), line


@SETTINGS
@given(_BYLINE_TEXT)
def test_byline_label_found_in_the_lowered_text_is_the_one_the_pattern_finds(text: str) -> None:
    for line in (text, names._unglue_by(text)):
        found, expected = names._byline_label(line), names._BY.match(line)
        assert (found and found.span()) == (expected and expected.span())


def test_byline_label_of_corpus_lines_is_the_one_the_pattern_finds() -> None:
    for line in _corpus_lines():
        found, expected = names._byline_label(line), names._BY.match(line)
        assert (found and found.span()) == (expected and expected.span()), line


_ROW_PIECES = st.sampled_from(["facebook", "Twitter", "x", "email", "e-mail", "share", "print", "|", "/", ",", "·", " ",
                               "\t", "(", "#", "1", "the", "news", "é", "xing", "facebooks", ":", "."])


@SETTINGS
@given(st.lists(_ROW_PIECES, max_size=8).map("".join) | st.lists(_ROW_PIECES, max_size=8).map(" ".join))
def test_share_rows_are_what_the_token_reading_gives(text: str) -> None:
    key = patterns._key(text)
    tokens = patterns._ROW_TOKEN.findall(key)
    if tokens and all(t in patterns._SOCIAL for t in tokens):
        assert patterns.is_furniture(text)
