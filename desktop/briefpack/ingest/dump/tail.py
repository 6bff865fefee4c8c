"""Role passes for the end of an article: the author's sign-off, author bios and footnotes.

Below the last paragraph many sites print things that read as prose but are
not the article: a bare name signing it off (common on Vietnamese, Polish
and Korean sites), a short biography of the author ("X is a senior fellow
…"), an author box (the name again, then a bio opening with the surname),
a note about the outlet its copyright line names ("The Associated Press is
an independent …"), an appeal for support in the outlet's own voice,
readers' comments, and numbered notes. ``mark_tail`` settles these lines after the byline
pass and before headings are decided, so a footnote is kept apart from the
body (it becomes a paragraph with the role ``footnote``) and a bio is
furniture. Every rule here needs a cue from elsewhere on the page: the
author's name from a byline, a note marker in the body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefpack.ingest.dump.features import Features
from briefpack.ingest.dump.patterns import is_prompt
from briefpack.ingest.dump.role import Role, Roles
from briefpack.ingest.names import personal_names

# "[1] …", "1. …" or "1) …" at the start of a note.
_NOTE = re.compile(r"(?:\[(?P<a>\d{1,3})\]|(?P<b>\d{1,3})[.)])\s+\S")
# Note markers in running text: "[1]", or a number glued after a word's final
# punctuation ("… in 2022.1 The"): "1.5" and "March 3, 2022" do not match.
_MARKER = re.compile(r"\[\d{1,3}\]|(?<=[^\W\d_][.,;:)”\"’])\d{1,2}(?=\s|$)")
_NOTES_HEADINGS = frozenset(
    "notes|footnotes|endnotes|references|sources|notes and references|przypisy|примечания|ghi chú".split("|")
)
# A bio opens with the author's name and a verb of description.
_BIO_VERBS = re.compile(
    r"\s*,?\s+(?:is|was|has|writes|covers|reports|serves|works|teaches|leads|heads"
    # disclosures under an academic's piece: "X receives funding from …", "X does not work for …"
    r"|receives|received|does|holds|consults)\b"
)
_MAX_BIO_WORDS = 80
# The head of a comment thread, "4 thoughts on “Title”", "12 responses to …", and a commenter's line.
_COMMENTS_HEAD = re.compile(r"\d+\s+(?:thoughts?|comments?|responses?|replies)\s+(?:on|to)\s+\S.*", re.IGNORECASE)
_COMMENTER = re.compile(r"\S.{0,60}\s(?:says|said|wrote|writes|commented):")
# A thread's head and a commenter's line are short ("4 thoughts on “…”", "Liina K. says:").
_MAX_THREAD_HEAD_WORDS = 30
# What a comment thread's lines may have been taken for; footers and source lines keep their roles.
_THREAD = frozenset({None, Role.PARAGRAPH, Role.HEADING, Role.BYLINE, Role.DATELINE, Role.CAPTION, Role.DUPLICATE})
_FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")  # "US" is a country
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# An outlet's note about itself describes what it is; "The Associated Press has learned …" is news.
_OUTLET_VERBS = re.compile(r"(?:\s*,\s*founded|\s+(?:is (?:a|an|the|one)|was founded))\b")


# The roles these passes compare, as module constants: every line's role is compared, and reading
# ``Role.X`` is a class attribute lookup (about 0.1 µs on an enum in Python 3.11), a constant a
# plain global read.
_PARAGRAPH = Role.PARAGRAPH
_BYLINE = Role.BYLINE
_FURNITURE = Role.FURNITURE
_FOOTNOTE = Role.FOOTNOTE
_DATELINE = Role.DATELINE
_COPYRIGHT = Role.COPYRIGHT
_SOURCE = Role.SOURCE


def _is_body(f: Features, role: Role | None) -> bool:
    return role is _PARAGRAPH or (role is None and f.prose)


def signoff_names(f: Features) -> tuple[str, ...]:
    """The names a sign-off line gives: a bare name, or a name and the outlet ("Thanh Hai / Tuoi Tre News")."""
    if f.names:
        return f.names
    head, slash, _outlet = f.text.partition(" / ")
    return personal_names(head, vouched=True) if slash and f.words <= 12 else ()


def _mark_signoff(features: Sequence[Features], roles: Roles) -> None:
    # A bare name right after the last paragraph signs the article, but only
    # when the page has no byline of its own.
    if _BYLINE in roles:
        return
    # The last body line: searched from the end, where it is.
    last = next((i for i in range(len(features) - 1, -1, -1) if _is_body(features[i], roles[i])), None)
    if last is not None and last + 1 < len(features):
        following = features[last + 1]
        if roles[last + 1] is None and signoff_names(following):
            roles[last + 1] = _BYLINE


def _opens_bio(text: str, subjects: tuple[str, ...], verbs: re.Pattern[str] = _BIO_VERBS) -> bool:
    """True when ``text`` opens with one of ``subjects`` and a verb of description ("X is a senior fellow …")."""
    if not text.startswith(subjects):  # one call in C rules out nearly every line
        return False
    return any(text.startswith(s) and verbs.match(text, len(s)) for s in subjects)


def _mark_bios(features: Sequence[Features], roles: Roles, first: int | None) -> None:
    authors = tuple({n: None for f, r in zip(features, roles) if r is _BYLINE for n in (f.byline or signoff_names(f))})
    if authors:
        for i, f in enumerate(features):
            # The startswith test first: one call in C rules out nearly every line.
            if f.text.startswith(authors) and roles[i] is None and f.words <= _MAX_BIO_WORDS:
                if _opens_bio(f.text, authors):
                    roles[i] = _FURNITURE
    # An author box below the article: the author's name again (often in capitals), then a bio that
    # may open with the surname alone ("Nash covers Spain …"); a note about the outlet the page's
    # copyright or source line below it names ("The Associated Press is an independent …"). A surname
    # or an outlet opens many a body sentence too, so these count only in the run of lines that ends
    # the page, read here from the bottom up.
    boxed = {name.casefold() for name in authors}
    surnames = tuple({name.split()[-1] for name in authors})
    outlets: list[str] = []
    for i in range(len(features) - 1, -1, -1):
        f, role = features[i], roles[i]
        if role is not None and role is not _PARAGRAPH:
            outlets += _outlets(f, role)
            continue
        if role is None and boxed and f.text.casefold() in boxed:
            roles[i] = _FURNITURE
            continue
        if role is None and f.prose and f.words <= _MAX_BIO_WORDS:
            bio = _opens_bio(f.text, surnames) or _opens_bio(f.text, tuple(outlets), _OUTLET_VERBS)
            if bio or _under_author_box(features, roles, i, first):
                roles[i] = _FURNITURE
                continue
        if role is _PARAGRAPH or f.prose:
            break  # the article's last paragraph


def _under_author_box(features: Sequence[Features], roles: Roles, i: int, first: int | None) -> bool:
    """True when line ``i`` stands under a byline printed again below the body ("Written by X", then
    the author's blurb), furniture such as a follower count between them. Again: a byline above names
    the same author, so a byline printed once, between the lead and the rest, is no author box."""
    j = i - 1
    while j > 0 and roles[j] is _FURNITURE:
        j -= 1
    if first is None or j <= first or roles[j] is not _BYLINE:
        return False
    names = set(_names(features[j]))
    return any(names.intersection(_names(features[k])) for k in range(j) if roles[k] is _BYLINE)


def _names(f: Features) -> tuple[str, ...]:
    return f.byline or signoff_names(f)


def _outlets(f: Features, role: Role) -> list[str]:
    """The organisation a copyright footer or a source line names ("The Associated Press"), also with
    "The" before it; empty for other lines."""
    if role is _COPYRIGHT:
        name = f.copyright.holder if f.copyright else None
    elif role is _SOURCE:
        name = f.source.name if f.source else None
    else:
        return []
    if not name:
        return []
    return [name] if name.startswith("The ") else [name, f"The {name}"]


def _note_number(text: str) -> int | None:
    match = _NOTE.match(text)
    return int(match.group("a") or match.group("b")) if match else None


def _mark_footnotes(features: Sequence[Features], roles: Roles) -> None:
    # The notes are the last run of prose lines, numbered 1, 2, 3 …; the run
    # counts as notes only under a "Notes" heading or when the body above
    # carries note markers.
    run: list[int] = []
    for i in range(len(features) - 1, -1, -1):
        # Furniture and short lines (a bio heading, links) may follow the notes.
        settled = roles[i] is not None and roles[i] is not _PARAGRAPH
        if settled or (roles[i] is None and not features[i].prose and not run):
            if run:
                break
            continue
        if _note_number(features[i].text) is None:
            break
        run.append(i)
    run.reverse()
    if not run or [_note_number(features[i].text) for i in run] != list(range(1, len(run) + 1)):
        return
    above = run[0] - 1
    headed = above >= 0 and features[above].text.lower().rstrip(":") in _NOTES_HEADINGS
    marked = any(
        _MARKER.search(f.text) for f, r in zip(features[: run[0]], roles) if _is_body(f, r)
    )
    if not (headed or marked):
        return
    for i in run:
        roles[i] = _FOOTNOTE
    if headed and roles[above] is None:
        roles[above] = _FURNITURE


def _mark_thread_and_appeals(features: Sequence[Features], roles: Roles, first: int) -> None:
    """Settle, below the body's first paragraph ``first``, readers' comments and appeals for support.

    A comment thread follows the article: from a heading such as "4 thoughts on “…”", or from the first
    "Name says:" line above a time stamp, everything but footers is the thread. Under an appeal
    ("Support X's journalism"), a paragraph in the outlet's own voice ("At X, we believe …") is the
    appeal's text, not the article's; above the body a prompt ("Subscribe to unlock this article")
    stands over a paywalled page's teaser, so only prompts below its first paragraph count.
    """
    last = len(features) - 1
    for i in range(first + 1, last + 1):
        f = features[i]
        if f.words <= _MAX_THREAD_HEAD_WORDS:  # the cheap tests first: most lines are longer
            text = f.text
            if text[-1:] == ":":  # a commenter's line ends with a colon
                opens = i < last and roles[i + 1] is _DATELINE and _COMMENTER.fullmatch(text) is not None
            else:  # a thread's head opens with its count
                opens = text[:1].isdigit() and _COMMENTS_HEAD.fullmatch(text) is not None
            if opens:
                for j in range(i, last + 1):
                    if roles[j] in _THREAD:
                        roles[j] = _FURNITURE
                return
        if roles[i] is None and roles[i - 1] is _FURNITURE and i > first + 1 and f.prose:
            if is_prompt(features[i - 1].text) and _FIRST_PERSON_PLURAL.search(_QUOTED.sub("", f.text)):
                roles[i] = _FURNITURE


def mark_tail(features: Sequence[Features], roles: Roles) -> None:
    """Settle comment threads, appeals, the sign-off byline, author bios and footnotes in ``roles`` (changed in place)."""
    first = next((i for i, f in enumerate(features) if _is_body(f, roles[i])), None)
    if first is not None:
        _mark_thread_and_appeals(features, roles, first)
    _mark_signoff(features, roles)
    _mark_bios(features, roles, first)
    _mark_footnotes(features, roles)
