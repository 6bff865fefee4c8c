"""Role passes for the end of an article and the boxes set into it: the author's sign-off, author bios and footnotes.

Below the last paragraph many sites print things that read as prose but are
not the article: a bare name signing it off (common on Vietnamese, Polish
and Korean sites), a short biography of the author ("X is a senior fellow
…"), an author box (the name again, then a bio opening with the surname),
a note about the outlet its copyright line names ("The Associated Press is
an independent …"), an appeal for support in the outlet's own voice,
readers' comments, and numbered notes; inside the article, boxes that
screen readers may skip ("skip past newsletter promotion") and appeals
under a head ("Dear readers,"). ``mark_tail`` settles these lines after the byline
pass and before headings are decided, so a footnote is kept apart from the
body (it becomes a paragraph with the role ``footnote``) and a bio is
furniture, or the byline of a page that has none. Every rule here needs a
cue besides the line's own words: the author's name from a byline, a note
marker in the body text, a prompt next to an appeal, a post named in a bio.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefpack.ingest.dump.features import Features
from briefpack.ingest.dump.patterns import is_prompt
from briefpack.ingest.dump.role import Role, Roles
from briefpack.ingest.names import personal_names
from briefpack.ingest.outlets import is_outlet_name
from briefpack.ingest.readings import bio_subjects

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
# A comment counter over the thread: "Comments (2) Closed", "12 comments". It opens the thread when a
# commenter's name and a time stamp follow it.
_COMMENT_COUNT = re.compile(r"(?:\d+\s+comments?|comments?\s*[:(]?\s*\d+\s*\)?)(?:\s+\w+)?", re.IGNORECASE)
_COUNTER_ROLES = (None, Role.FURNITURE)
_COMMENTER = re.compile(r"\S.{0,60}\s(?:says|said|wrote|writes|commented):")
# A thread's head and a commenter's line are short ("4 thoughts on “…”", "Liina K. says:").
_MAX_THREAD_HEAD_WORDS = 30
# What a comment thread's lines may have been taken for; footers and source lines keep their roles.
_THREAD = frozenset({None, Role.PARAGRAPH, Role.HEADING, Role.BYLINE, Role.DATELINE, Role.CAPTION, Role.DUPLICATE})
_FIRST_PERSON_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b")  # "US" is a country
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")
# A box the page lets screen readers skip: "skip past newsletter promotion" … "after newsletter promotion".
_SKIP_PAST = "skip past "
_MAX_SKIP_WORDS = 6
# The head of an appeal in the outlet's or the author's voice: "A Message from The Moscow Times:", "Dear
# readers,", "Note from the author:". Such a head ends with a colon or a comma.
_APPEAL_HEAD = re.compile(
    r"(?:an? (?:message|note|word|letter) from .{2,40}|(?:a )?note from the (?:author|editors?|newsroom|team)"
    r"|dear (?:readers?|friends|subscribers|members|listeners)|to our readers)\s*[:,]",
    re.IGNORECASE,
)
_MAX_APPEAL_HEAD_WORDS = 8
# How many lines an appeal's text may run below its head before the prompt that closes it ("Become a member").
_APPEAL_REACH = 4
# A letter's signature under an appeal: a name and a post ("X, Founding Editor of The Times of Israel").
_MAX_SIGNATURE_WORDS = 12
# How many of the page's last body lines may hold the author's bio when no byline names the author.
_BIO_REACH = 3
# The author's e-mail address in brackets after a sign-off: "(agne.kazlauskaite@lrt.lt)".
_EMAIL_IN_BRACKETS = re.compile(r"\s*\([^()\s]+@[^()\s]+\)")
# An appeal's text speaks to the reader in the outlet's voice: "we" and "you" both, outside quotes.
_SECOND_PERSON = re.compile(r"\b(?:[Yy]ou|[Yy]our|[Yy]ou['’](?:ve|re|ll|d))\b")
# The closing line of a letter: "Thank you,", "Sincerely,".
_CLOSING = re.compile(r"(?:thank you|thanks|sincerely|best wishes|best regards|with gratitude|yours)[,.!]?", re.IGNORECASE)
# What an appeal's lines may have been taken for: its text, its heading, its signature.
_APPEAL_LINES = frozenset({None, Role.PARAGRAPH, Role.BYLINE})
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
    """The names a sign-off line gives: a bare name, or a name and the outlet ("Thanh Hai / Tuoi Tre News",
    "Agnė Kazlauskaitė, LRT.lt (agne.kazlauskaite@lrt.lt)"), or the people a closing bio describes by their
    post ("X is a senior fellow at …")."""
    if f.names:
        return f.names
    if f.prose:
        return bio_subjects(f.text) if f.words <= _MAX_BIO_WORDS else ()
    if f.words > _MAX_SIGNATURE_WORDS:
        return ()
    head, slash, _outlet = f.text.partition(" / ")
    if slash:
        return personal_names(head, vouched=True)
    head, comma, outlet = _EMAIL_IN_BRACKETS.sub("", f.text).partition(", ")
    return personal_names(head, vouched=True) if comma and is_outlet_name(outlet.strip()) else ()


def _mark_signoff(features: Sequence[Features], roles: Roles) -> None:
    # A bare name right after the last paragraph signs the article, but only
    # when the page has no byline of its own.
    if _BYLINE in roles:
        return
    # The last body line: searched from the end, where it is. A note about the outlet may stand in the
    # footer below the teaser lists, so the last body line above the first list counts too.
    count = len(features)
    last = next((i for i in range(count - 1, -1, -1) if _is_body(features[i], roles[i])), None)
    if last is None:
        return
    first_list = next((i for i in range(count) if features[i].opens_teasers), count)
    above_lists = next((i for i in range(min(first_list, last) - 1, -1, -1) if _is_body(features[i], roles[i])), None)
    for end in dict.fromkeys((last, above_lists)):
        if end is not None and end + 1 < count and roles[end + 1] is None and signoff_names(features[end + 1]):
            roles[end + 1] = _BYLINE
            return
    # With no name after them, one of the last paragraphs may be the author's bio ("X is a senior fellow at
    # …"), before a note on where the piece first appeared or a footer's line, below the article's first paragraph.
    first = next((i for i in range(count) if _is_body(features[i], roles[i])), last)
    closing = [i for i in range(count - 1, first, -1) if _is_body(features[i], roles[i])][:_BIO_REACH]
    for end in closing:
        if bio_subjects(features[end].text):
            roles[end] = _BYLINE
            return


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


def _counts_comments(features: Sequence[Features], roles: Roles, i: int) -> bool:
    """True when line ``i`` counts comments and a commenter's name and a time stamp follow it."""
    if i + 2 >= len(features) or not _COMMENT_COUNT.fullmatch(features[i].text):
        return False
    signed = roles[i + 1] is _BYLINE or bool(features[i + 1].names)
    return signed and features[i + 2].date is not None


def _mark_thread_and_appeals(features: Sequence[Features], roles: Roles, first: int) -> None:
    """Settle, below the body's first paragraph ``first``, readers' comments, boxes set into the article and
    appeals for support.

    A comment thread follows the article: from a heading such as "4 thoughts on “…”", from a comment
    counter over a commenter's name and a time stamp, or from the first "Name says:" line above a time
    stamp, everything but footers is the thread. A box screen readers may skip runs from "skip past
    newsletter promotion" down to "after newsletter promotion"; an appeal under its head ("Dear readers,")
    down to the prompt that closes it ("Become a member"). Under an appeal ("Support X's journalism"), a
    paragraph in the outlet's own voice ("At X, we believe …") is the appeal's text, not the article's, and
    so are such paragraphs above a prompt that closes an appeal (see ``_mark_appeal_above``); above the
    body a prompt ("Subscribe to unlock this article") stands over a paywalled page's teaser, so only
    prompts below its first paragraph count. One walk down the lines serves all of these: most lines are
    long, and only the short ones are asked more.
    """
    last = len(features) - 1
    for i in range(first + 1, last + 1):
        f = features[i]
        if f.words <= _MAX_THREAD_HEAD_WORDS:  # the cheap tests first: most lines are longer
            text = f.text
            if text[-1:] == ":":  # a commenter's line ends with a colon
                opens = i < last and roles[i + 1] is _DATELINE and _COMMENTER.fullmatch(text) is not None
            elif text[:1].isdigit():  # a thread's head opens with its count
                opens = _COMMENTS_HEAD.fullmatch(text) is not None or _counts_comments(features, roles, i)
            else:
                opens = roles[i] in _COUNTER_ROLES and text[:1] in "Cc" and _counts_comments(features, roles, i)
            if opens:
                for j in range(i, last + 1):
                    if roles[j] in _THREAD:
                        roles[j] = _FURNITURE
                return
            # A box's head ends with a colon or a comma, or opens "skip past": tested here, in one line, as
            # most short lines are neither.
            if f.words <= _MAX_APPEAL_HEAD_WORDS and (text[-1:] in ":," or text[:5].lower() == "skip "):
                end = _box_end(features, roles, i)
                for j in range(i, i if end is None else end + 1):
                    if roles[j] in _THREAD:
                        roles[j] = _FURNITURE
        role = roles[i]
        if (
            role is _FURNITURE
            and i > first + 1
            and roles[i - 1] in _APPEAL_LINES
            and _may_end_appeal(features[i - 1])
            and is_prompt(f.text)
        ):
            _mark_appeal_above(features, roles, first, i)
        elif role is None and roles[i - 1] is _FURNITURE and i > first + 1 and f.prose:
            if is_prompt(features[i - 1].text) and _FIRST_PERSON_PLURAL.search(_QUOTED.sub("", f.text)):
                roles[i] = _FURNITURE


def _may_end_appeal(f: Features) -> bool:
    """A cheap test that line ``f`` may end an appeal above a prompt: a short closing or signature, or a
    line that may say "we" (``_mark_appeal_above`` asks the patterns)."""
    text = f.text
    return f.words <= _MAX_SIGNATURE_WORDS or "we" in text or "We" in text or "our" in text or "Our" in text


def _box_end(features: Sequence[Features], roles: Roles, i: int) -> int | None:
    """The last line of the box whose head is line ``i`` ("skip past newsletter promotion", "Dear readers,"),
    or ``None`` when ``i`` heads none."""
    text = features[i].text
    count = len(features)
    if features[i].words <= _MAX_SKIP_WORDS and text[:10].lower() == _SKIP_PAST:
        after = "after " + text[10:].strip().lower()
        return next((j for j in range(i + 1, count) if features[j].text.lower() == after), None)
    if text[-1:] in ":," and _APPEAL_HEAD.fullmatch(text):
        reach = range(i + 1, min(count, i + 2 + _APPEAL_REACH))
        return next((j - 1 for j in reach if roles[j] is _FURNITURE and is_prompt(features[j].text)), None)
    return None


def _voice(f: Features) -> tuple[bool, bool]:
    """Whether the line, outside quotes, says "we" and whether it says "you"."""
    unquoted = _QUOTED.sub("", f.text)
    return _FIRST_PERSON_PLURAL.search(unquoted) is not None, _SECOND_PERSON.search(unquoted) is not None


def _mark_appeal_above(features: Sequence[Features], roles: Roles, first: int, prompt: int) -> None:
    """Settle an appeal that the prompt ``prompt`` closes ("Join Our Community" under "… you can help support
    our journalism" … "Thank you," "X, Founding Editor"): the lines right above it, below the body's first
    paragraph ``first``, in the outlet's voice ("we"), when one of them speaks to the reader ("you") or a
    letter's closing and signature stand between them and the prompt."""
    j = prompt - 1
    # The signature and the closing, when the appeal is signed as a letter ("Thank you," above the name).
    named = roles[j] is _BYLINE or (features[j].words <= _MAX_SIGNATURE_WORDS and bool(features[j].names))
    closing = j - named
    signed = (
        roles[closing] in _APPEAL_LINES
        and features[closing].words <= 3
        and _CLOSING.fullmatch(features[closing].text) is not None
    )
    if signed:
        j = closing - 1
    addressed = False
    while j > first and roles[j] in _APPEAL_LINES and features[j].prose:
        we, you = _voice(features[j])
        if not we:
            break
        addressed = addressed or you
        j -= 1
    if addressed or signed:
        for k in range(j + 1, prompt):
            roles[k] = _FURNITURE


def mark_tail(features: Sequence[Features], roles: Roles) -> None:
    """Settle comment threads, appeals, the sign-off byline, author bios and footnotes in ``roles`` (changed in place)."""
    first = next((i for i, f in enumerate(features) if _is_body(f, roles[i])), None)
    if first is not None:
        _mark_thread_and_appeals(features, roles, first)
    _mark_signoff(features, roles)
    _mark_bios(features, roles, first)
    _mark_footnotes(features, roles)
