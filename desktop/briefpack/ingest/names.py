"""Personal names in bylines: "By X", "X and Y", "X | Reporter", "JOHN SMITH", or a bare name line.

A byline is the one place a page dump names its authors, but it comes in
many shapes. ``byline_names`` reads the explicit ones (a "By"/"Author:"
label, a name followed by a role such as "Reporter", or by a slash and the
outlet: "X / Tuoi Tre News"); ``personal_names``
decides whether a bare line is nothing but personal names, which the dump
reader accepts as a byline only where layout makes it likely (near the top
or next to a caption). Lines of capitalised words that are section labels
("All News", "Middle East"), outlets ("Rodong Sinmun"), day names ("Thứ
Sáu"), topics ("Israel Hamas War") or places (``places.is_place``: "N.
Korea", "Hong Kong") are not names. A country that is also a given name
opens a person's name ("By Jordan Peterson"), but a bare line of it is a
topic ("Israel Hamas") when the page prints the country elsewhere on its
own. Bylines glued when copied ("ByRachel WhitworthCommunity Reporter"),
with a role before the name ("By state political reporter X") or ending a
dated line ("Posted on … by X") are read too. A name the page also prints
as an outlet's ("Tuoi Tre" beside "Tuoi Tre News" or tuoitrenews.vn) or a
site's domain ("KSL.com") is the outlet. Names in
capitals are written in title case, Korean given names the Korean way
("KIM JI-HYE" → "Kim Ji-hye").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container

from briefpack.ingest.caseless import ascii_letter_runs, caseless
from briefpack.ingest.language import STOP_WORDS
from briefpack.ingest.name_words import NOT_NAME_WORDS, TOPIC_WORDS, calendar_words
from briefpack.ingest.outlets import NEWS_AGENCIES, OUTLET_AFTER_SLASH, is_outlet_name, outlet_key
from briefpack.ingest.places import is_place, place_key, territories

# Lower-case words that may sit inside a personal name.
_PARTICLES = frozenset(
    "van von de der den da di du del della dos das la le ter ten bin binti ibn al el y".split()
)
_ROLE_WORDS = (
    *"""reporter correspondent editor journalist writer staff contributor columnist analyst photographer producer
    author newsroom desk bureau team redakcja redaktor dziennikarz""".split(),
    # the posts under an academic's or an analyst's name: "Senior Lecturer in …", "Research Fellow"
    *"lecturer professor fellow researcher scientist economist director".split(),
    "phóng viên", "корреспондент", "редакция",
)
_ROLE = re.compile(r"\b(?:" + "|".join(_ROLE_WORDS) + r")s?\b", re.IGNORECASE)
_LOWER_ROLE = re.compile(_ROLE.pattern)  # for text lowered by ``caseless``: four times faster
# The roles an ASCII text can hold (each role word, with and without its "s"), as ``ascii_letter_runs`` gives them.
_ASCII_ROLE_WORDS = frozenset(form.encode() for word in _ROLE_WORDS if word.isascii() for form in (word, word + "s"))
_BY = re.compile(
    r"^(?:(?:written|words|reported|reporting|story|text|photos?|posted|published"
    r"|commentary|analysis|opinion|interview|essay|column|article|review|blog post|post) by|by|author|authors|autor|autorzy"
    r"|tekst|text|bởi|tác giả|автор)\b\s*[:\-–—]?\s*"
    # A role used as a label needs its colon: "Reporter : Kim Min-ji".
    r"|^(?:reporter|correspondent|journalist|writer|phóng viên|корреспондент)s?\s*:\s*",
    re.IGNORECASE,
)
_LOWER_BY = re.compile(_BY.pattern)  # for text lowered by ``caseless``, as ``_LOWER_ROLE``
# Between a byline's names and what follows them: a bar, a dash, a bullet, or the semicolon
# before the editors ("Reporting by X; Editing by Y").
_SEGMENT = re.compile(r"\s+[|·•—–/-]\s+|\s*\|\s*|\s*;\s*|/\s+")  # "/ " too: "KENJI SATO/ Staff Writer"
_SEGMENT_MARKS = frozenset("|·•—–/-;")  # one of these stands in every match of ``_SEGMENT``
# The words that join names ("X and Y"), and the words that open what follows the names: a place ("in
# Kyiv"), a date ("on 2 April 2025") or the agencies that helped ("with Reuters, AFP"). Each stands
# between spaces, so a line with no such word among its space-separated words is spared the pattern.
_AND_WORDS = frozenset({"and", "&", "und", "et", "i", "y", "và", "и"})
_AND_SPLIT = re.compile(r"\s*,?\s+(?:and|&|und|et|i|y|và|и)\s+")
_COMMA_SPLIT = re.compile(r"\s*,\s*")
_TAIL_WORDS = frozenset({"in", "at", "on", "from", "for", "reporting", "with"})  # "reporting" opens "reporting from"
# A place after a name is no question or headline: "X in Kabul, Afghanistan", not "North Korean Troops in Kursk:
# What Comes Next?".
_PLACE_TAIL = re.compile(r"\s+(?:in|at|on|from|for|reporting from|with)\s+[^\s?!:][^?!:]*$")
# E-mail addresses printed beside a name, bare or in brackets.
_EMAIL = re.compile(r"[\[(<]?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b[\])>]?")
_TOKEN_CHARS = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]*)*\.?")
_DIGIT = re.compile(r"\d")
# Last words of a newsroom's desk or service named in a byline.
_DESKS = frozenset({"service", "desk", "bureau", "newsroom", "staff", "team"})
_FIRST_WORD = re.compile(r"[^\s,]+")
_MAX_NAME_TOKENS = 4
_MAX_EXPLICIT_TOKENS = 5


def _is_label(words: list[str]) -> bool:
    """True when the words are a section label, a topic or a day or month name rather than a person."""
    lowered = [w.lower().strip(".,") for w in words]
    if not NOT_NAME_WORDS.isdisjoint(lowered) or not TOPIC_WORDS.isdisjoint(lowered):
        return True
    return " ".join(lowered) in calendar_words()


def _is_brand(words: list[str]) -> bool:
    """True for an acronym followed by ordinary capitalised words ("ANSA English", "KBS World"): a site's name.

    Only bare name lines are judged this way; an explicit byline may print a
    surname in capitals first ("By KIM Jong Un").
    """
    if len(words) < 2 or not (words[0].isupper() and 2 <= len(words[0]) <= 5 and words[0].isalpha()):
        return False
    return any(not w.isupper() for w in words[1:])


def _capitalised(token: str) -> bool:
    # A word of letters alone always matches the pattern: ``isalpha`` settles most words without it.
    return token[:1].isupper() and (token.isalpha() or _TOKEN_CHARS.fullmatch(token) is not None)


def find_role(text: str) -> re.Match[str] | None:
    """Where ``_ROLE`` finds a role in ``text``: the match of the lower-case pattern in the lowered text, at
    the same place (``caseless`` lowers character for character), or of ``_ROLE`` where it refuses."""
    lowered = caseless(text)
    if lowered is None:
        return _ROLE.search(text)
    # Between word boundaries a role is a whole run of letters: a set test spares most ASCII lines the pattern.
    if lowered.isascii() and _ASCII_ROLE_WORDS.isdisjoint(ascii_letter_runs(lowered)):
        return None
    return _LOWER_ROLE.search(lowered)


def is_role_word(word: str) -> bool:
    """True for a role word alone ("reporter", "fellow"), as ``find_role`` finds one."""
    return _ROLE.fullmatch(word) is not None


# One syllable of romanised Korean (initial, vowel, final). Korean given
# names join two syllables with a hyphen and write the second in lower case
# ("Kim Ji-hye", "Kim Jong-un"); other hyphenated names capitalise both parts.
_KOREAN_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|sh|[gkndtrlmbpsjhy])?"
    r"(?:yae|yeo|wae|ae|ya|eo|ye|oo|ou|wa|oe|yo|wo|we|wi|yu|eu|ui|ee|a|e|i|o|u)"
    r"(?:ng|[nlmkpt])?",
    re.IGNORECASE,
)


def _title_case(token: str) -> str:
    """``KALUS`` → ``Kalus``, ``SMITH-JONES`` → ``Smith-Jones``, ``JI-HYE`` → ``Ji-hye``, ``O'NEILL`` → ``O'Neill``.

    Mixed case is kept as written.
    """
    if not token.isupper() or len(token) == 1 or token.endswith("."):
        return token
    parts = token.split("-")
    if len(parts) == 2 and all(_KOREAN_SYLLABLE.fullmatch(p) for p in parts):
        return f"{parts[0].capitalize()}-{parts[1].lower()}"
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), token)


_INITIAL_WORD = re.compile(r"[^\W\d_]\.")
# English stop words that are also the last syllable of many East Asian names ("Ngoc An", "Lee Ji In").
_NAME_SYLLABLES = frozenset({"an", "in", "on"})


def _as_name(piece: str, *, min_tokens: int, max_tokens: int, vouched: bool = False) -> str | None:
    """``piece`` written as a personal name, or ``None`` when it does not look like one.

    ``vouched`` says the layout already marks it as a name (a "By" label, a sign-off
    "X / Outlet"): then a last word among ``_NAME_SYLLABLES`` is part of the name.
    """
    words = piece.split()
    core = [w for w in words if w.lower() not in _PARTICLES]
    if not min_tokens <= len(core) <= max_tokens or not words or not _capitalised(words[0]):
        return None
    if not all(_capitalised(w) for w in core):
        return None
    checked = core[:-1] if vouched and len(core) >= 2 and core[-1].lower() in _NAME_SYLLABLES else core
    # An initial ("A.", "I.") is no stop word, whatever letter it is (two characters, the second a dot:
    # the test on the last character spares the other words the pattern).
    checked = (w.lower().rstrip(".") for w in checked if w[-1] != "." or not _INITIAL_WORD.fullmatch(w))
    if not STOP_WORDS["en"].isdisjoint(checked) or is_place(words) or _is_label(words):
        return None
    return " ".join(_title_case(w) for w in words)


# Copied pages glue the label, the name and the role that the page set apart: "ByRachel
# WhitworthCommunity Reporter". A "By" glued to a capital, and a word glued to a closing role of
# capitalised words, are set apart again ("McDonald" has one lower-case letter before its capital).
_GLUED_BY = re.compile(r"^(?:By|BY)(?=[A-Z][a-z])")
_GLUED_ROLE = re.compile(r"(?<=[a-z]{2})(?=(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+$)")
# A role between the label and the name: "By state political reporter Lucy Robinson", "By Chief
# Correspondent Kim Ji-hye".
_ROLE_BEFORE_NAME = re.compile(
    r"^(?:[\w-]+\s+){0,3}?(?:reporter|correspondent|editor|journalist|writer|columnist|analyst|producer)s?\s+"
    r"(?=(?-i:[A-Z]))",
    re.IGNORECASE,
)
# The outlet in brackets after the names: "Yvette Tanamal (The Jakarta Post)".
_OUTLET_IN_BRACKETS = re.compile(r"\s*\((?P<outlet>[^()]{2,40})\)$")
# The name of a series or a kind of piece before "by" and its authors ("Critical Questions by …"), and the
# words that make such a head a statement someone made instead ("Press Statement by …").
_MAX_SERIES_WORDS = 3
_SPEECH_WORDS = frozenset(
    "statement statements speech speeches remarks address message letter interview talk talks order decree".split()
)
# Kinds of piece that name their author after "by" on one line ("Analysis by X").
_PIECE_KINDS = frozenset("analysis commentary opinion column essay explainer perspective".split())
# A news agency credited after the names: "Yael Ben-Ami, Daniel Rosen and Reuters".
_AGENCY_TAIL = re.compile(
    r"(?:\s*,|\s+and|\s*&)\s+(?:" + "|".join(sorted(map(re.escape, NEWS_AGENCIES), key=len, reverse=True)) + r")\s*$"
)
# The outlet in brackets after labelled names, a date or time often after it: "By Xu Zihe and Ma Xiaowen
# (People's Daily Online) 16:48, February 25, 2025".
_BRACKETED = re.compile(r"\s*\((?P<outlet>[^()]{2,40})\)")
# A dated line that ends with its author: "Posted on November 21, 2024 by Margaret Holloway".
_TRAILING_BY = re.compile(r"\s(?:by|By|BY)\s+(?P<names>[^\d|]+)$")


def _unglue_by(line: str) -> str:
    """``line`` with a "By" label that copying glued to the name set apart ("ByRachel" → "By Rachel")."""
    # The slices first: nearly every line fails them before the pattern runs.
    if line[2:3].isupper() and line[3:4].islower() and line[:2] in ("By", "BY"):
        return _GLUED_BY.sub("By ", line)
    return line


def _unglue_role(line: str, match: re.Match[str] | None) -> str:
    """``line`` with a closing role that copying glued to the name set apart ("WhitworthCommunity Reporter").

    ``match`` is ``find_role(line)``.
    """
    if match is None or match.end() != len(line.rstrip(" .")):
        return line  # the role closes the line, or there is nothing to set apart
    # The glue is in the word before the role's words: "WhitworthCommunity Reporter".
    glued = _GLUED_ROLE.search(line)
    if glued is None or not _ROLE.search(line, glued.start()):
        return line
    return f"{line[: glued.start()]} | {line[glued.start() :]}"


def _series_authors(head: list[str], names: str) -> tuple[str, ...]:
    """The authors a series' or a kind of piece's name gives before "by": "Critical Questions by X, Y, and
    Z" (several names), "Analysis by X" (a kind of piece); nothing after a statement or a speech ("Press
    Statement by Kim Yo Jong" is a headline) or a verb ("Translated by X", "Hit by Russian Drones")."""
    words = [w.lower() for w in head]
    if not _SPEECH_WORDS.isdisjoint(words) or any(w.endswith("ed") for w in words):
        return ()
    found = personal_names(names, vouched=True)
    return found if len(found) >= 2 or " ".join(words) in _PIECE_KINDS else ()


def _opens_with_post(line: str, role: re.Match[str]) -> bool:
    """True when ``line`` opens with a post before a comma, at most one word before its role word ("Research
    Fellow, Land Warfare"): the line under an author's name, where a byline would give the name first."""
    head = line.split(",", 1)[0]
    return head != line and role.end() == len(head.rstrip()) and len(head[: role.start()].split()) <= 1


def _byline_label(line: str) -> re.Match[str] | None:
    """``_BY.match(line)``, or the lower-case pattern's match in the lowered text where ``caseless`` allows:
    the same span (it lowers character for character), at a third of the cost of ``re.IGNORECASE``."""
    lowered = caseless(line)
    return _BY.match(line) if lowered is None else _LOWER_BY.match(lowered)


def opens_with_byline_label(line: str) -> bool:
    """True when ``line`` opens with a byline's label ("By", "Written by", "Author:")."""
    return _byline_label(line) is not None


def _without_email(line: str) -> str:
    # Most lines hold no address: the "@" test spares them the regex.
    return _EMAIL.sub(" ", line) if "@" in line else line


def _split_names(segment: str) -> list[str]:
    # Each name joined by "and" may have its own place ("X in Kabul and Y in Doha"); a comma may
    # also join the place's country ("X in Kabul, Afghanistan"), so places go before commas split.
    segment = segment.strip(" ,;:")
    words = segment.split()  # the patterns' words stand between spaces (see ``_AND_WORDS``)
    parts = [segment] if _AND_WORDS.isdisjoint(words) else _AND_SPLIT.split(segment)
    if not _TAIL_WORDS.isdisjoint(words):
        parts = [_PLACE_TAIL.sub("", part) for part in parts]
    return [p for part in parts for p in _COMMA_SPLIT.split(part.strip(" ,;:")) if p]


def _before_date(segment: str) -> str:
    """``segment`` cut before the date printed right after the names ("Tran Minh Anh October 18, 2024" gives
    "Tran Minh Anh"): at the first word that is a number, or a month or weekday name with a number after it.
    The pieces of the page (a name, a date) were separate elements that copying joined with spaces."""
    words = segment.split()
    calendar = calendar_words()
    for at, word in enumerate(words):
        if word[:1].isdigit() or (
            at + 1 < len(words) and words[at + 1][:1].isdigit() and word.lower().strip(".,") in calendar
        ):
            return " ".join(words[:at])
    return segment


def _has_plain_lower_word(line: str) -> bool:
    """True when a word of lower-case letters that is no name particle comes before any word that opens
    a place: ``_split_names`` then keeps it as it is in one of the pieces it gives, and a lower-case
    word that is no particle makes a piece no name."""
    for word in line.split():
        if word in _AND_WORDS:
            continue  # ``_AND_SPLIT`` drops only this word and the spaces and comma around it
        if word in _TAIL_WORDS:
            return False  # ``_PLACE_TAIL`` drops the rest of a piece from here: the full reading decides
        if word[0].islower() and word.isalpha() and word.lower() not in _PARTICLES:
            return True
    return False


def byline_names(line: str, *, dated: bool = False) -> tuple[str, ...] | None:
    """The authors an explicit byline names, or ``None`` when ``line`` is not an explicit byline.

    Explicit means a label ("By X", "Author: X") or names followed by a
    role, a date or the outlet after a slash ("X | Reporter", "X, Staff Writer",
    "X, 21 May 2024", "X / The Daily Tribune"); ``dated`` tells that the caller found a complete date on the line. A label followed by no
    readable name gives ``None`` too, so "By the end of the year" is prose.
    """
    line = _unglue_by(" ".join(_without_email(line).split()))
    if line[:1] == "(" and line[-1:] == ")" and line[1:4].lower() == "by ":
        line = line[1:-1]  # a sign-off byline in brackets: "(By Lin Hsiao-wen and Ko Ming-hui)"
    label = _byline_label(line)
    if label is None and not dated and " by " in line:
        signed = _TRAILING_BY.search(line)
        head = line[: signed.start()].split() if signed is not None else ()
        if signed is not None and 0 < len(head) <= _MAX_SERIES_WORDS and head[0][:1].isupper():
            found = _series_authors(head, signed["names"])
            if found:
                return found
    if label is None and dated:
        signed = _TRAILING_BY.search(line)
        if signed is not None:
            return personal_names(signed["names"], vouched=True) or None
        if "|" in line:
            # The date and the names between bars: "13 Feb 2025|Hannah Whitfield, Marcus Leong and Priya Raman".
            named = [s for s in line.split("|") if s.strip() and not _DIGIT.search(s)]
            found = [personal_names(s, vouched=True) for s in named]
            if len(named) == 1 and found[0]:
                return found[0]
    outlet = OUTLET_AFTER_SLASH.search(line) if label is None and " / " in line else None
    if outlet is None and label is None and line.endswith(")"):
        outlet = _OUTLET_IN_BRACKETS.search(line)
        outlet = outlet if outlet is not None and is_outlet_name(outlet["outlet"]) else None
    if outlet is None and label is None and not dated and line[-1:].isalpha():
        outlet = _AGENCY_TAIL.search(line)
    if outlet is not None:
        line = line[: outlet.start()]  # "Thanh Hai / Tuoi Tre News": the names, then the outlet
    # Without a label or a date a byline needs a role word. The rest of the label, the segments and the
    # pieces below are cut from the line at spaces and punctuation (non-word characters, which keep
    # ``\b`` where it was), so a role found in one of them is found in the line: a line without one
    # spares them the search.
    role = find_role(line)
    if label is None and outlet is None and not dated and role is None:
        return None
    if label is None and role is not None and _opens_with_post(line, role):
        return None
    line = _unglue_role(line, role)
    rest = line[label.end() :] if label else line
    if label is not None and "(" in rest:
        # The outlet in brackets ends the names, and so does a post ("(Chisinau, special correspondent)"):
        # what follows (a date) is a segment of its own.
        rest = _BRACKETED.sub(
            lambda m: " | " if is_outlet_name(m["outlet"]) or find_role(m["outlet"]) else m[0], rest
        )
    # Each role ``_ROLE_BEFORE_NAME`` reads is one ``_ROLE`` finds.
    if label and role is not None and find_role(rest):
        rest = _ROLE_BEFORE_NAME.sub("", rest, count=1)
    segments = [s for s in (_SEGMENT.split(rest) if not _SEGMENT_MARKS.isdisjoint(rest) else [rest]) if s.strip()]
    if not segments:
        return None
    head, tail = segments[0], segments[1:]
    pieces = _split_names(head)
    if label is not None and any(map(_DIGIT.search, pieces)):
        # "By Tran Minh Anh October 18, 2024 | 05:12 pm PT": the names, then the date, a piece of its own.
        pieces = [q for q in (_before_date(p) if _DIGIT.search(p) else p for p in pieces) if q]
    # Searched once per piece, used twice.
    with_role = [find_role(p) is not None for p in pieces] if role is not None else [False] * len(pieces)
    # Pieces with digits are the date or time printed beside the names.
    # Outlets printed beside the names are not authors ("X, The Associated Press", "By Reuters").
    # A desk or service named beside the names is no author either ("X and RFE/RL's Kazakh Service").
    names = [
        p for p, has in zip(pieces, with_role)
        if not has and not _DIGIT.search(p) and not is_outlet_name(p) and p.rsplit(None, 1)[-1].lower() not in _DESKS
    ]
    roles = any(with_role) or (role is not None and any(find_role(s) for s in tail)) or outlet is not None
    if label is None and not (roles or dated):
        return None
    if label is not None and not (rest[:1].isupper() or rest[:1].isdigit()):
        return None
    if not names:
        return None
    max_tokens = _MAX_EXPLICIT_TOKENS if label else _MAX_NAME_TOKENS
    vouched = label is not None or outlet is not None
    parsed = [_as_name(p, min_tokens=1 if label else 2, max_tokens=max_tokens, vouched=vouched) for p in names]
    if not parsed or any(n is None for n in parsed):
        return None
    return tuple(n for n in parsed if n)


def personal_names(
    line: str,
    lowercase_words: Container[str] = frozenset(),
    is_outlet: Callable[[str], bool] | None = None,
    *,
    vouched: bool = False,
    prints_apart: Callable[[str, str], bool] | None = None,
) -> tuple[str, ...]:
    """The names when ``line`` is nothing but one or more personal names ("X", "X and Y"), else ``()``.

    ``lowercase_words`` are words the document also uses in lower case:
    a line most of whose words are among them is a heading in title case,
    not a name. ``is_outlet`` tells, by its ``outlet_key``, a name the page also
    prints as an outlet's (see ``outlet_names``); ``None`` means no name is. ``vouched`` says the
    layout marks the line as names (a sign-off "X / Outlet"), so a name may end
    in a syllable that is an English stop word ("Ngoc An"). ``prints_apart(word, name)`` tells
    whether the page prints ``word`` elsewhere without the rest of ``name``; ``None`` means never.
    """
    line = " ".join(_without_email(line).split())
    # The first name starts the line: a line whose first word (up to a space
    # or comma, where names split) is not capitalised holds none. Most lines
    # of running text end here, before the splitting below.
    first = _FIRST_WORD.match(line.strip(" ,;:"))
    if first is None or not _capitalised(first.group(0)) or _has_plain_lower_word(line):
        return ()
    pieces = _split_names(line)
    if any(_is_brand(piece.split()) for piece in pieces):
        return ()
    names: list[str] = []
    for piece in pieces:
        name = _as_name(piece, min_tokens=2, max_tokens=_MAX_NAME_TOKENS, vouched=vouched)
        # A role under a name is no name ("Agriculture Correspondent"); asked last, of the few pieces that pass.
        if name is None or find_role(piece) is not None:
            return ()
        words = [w.lower() for w in piece.split() if w.lower() not in _PARTICLES]
        if sum(w in lowercase_words for w in words) * 2 > len(words):
            return ()
        names.append(name)
    if is_outlet is not None and any(is_outlet(outlet_key(piece)) for piece in pieces):
        return ()
    if prints_apart is not None and any(_country_apart(piece, prints_apart) for piece in pieces):
        return ()
    return tuple(names)


def _country_apart(piece: str, prints_apart: Callable[[str, str], bool]) -> bool:
    """True when ``piece`` opens with a country that is also a given name ("Israel Hamas") and the page
    prints that country elsewhere without the rest of the name: there it is the country, so the line
    is a topic ("Israel Hamas" above a story about both), not a person."""
    words = piece.split()
    return len(words) >= 2 and place_key(words[:1]) in territories() and prints_apart(words[0], piece)
