"""Role passes for the end of an article: the author's sign-off, author bios and footnotes.

Below the last paragraph many sites print things that read as prose but are
not the article: a bare name signing it off (common on Vietnamese, Polish
and Korean sites), a short biography of the author ("X is a senior fellow
…"), and numbered notes. ``mark_tail`` settles these lines after the byline
pass and before headings are decided, so a footnote is kept apart from the
body (it becomes a paragraph with the role ``footnote``) and a bio is
furniture. Every rule here needs a cue from elsewhere on the page: the
author's name from a byline, a note marker in the body text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefpack.ingest.dump.features import Features
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
_BIO_VERBS = re.compile(r"\s*,?\s+(?:is|was|has|writes|covers|reports|serves|works|teaches|leads|heads)\b")
_MAX_BIO_WORDS = 80


def _is_body(f: Features, role: Role | None) -> bool:
    return role is Role.PARAGRAPH or (role is None and f.prose)


def signoff_names(f: Features) -> tuple[str, ...]:
    """The names a sign-off line gives: a bare name, or a name and the outlet ("Thanh Hai / Tuoi Tre News")."""
    if f.names:
        return f.names
    head, slash, _outlet = f.text.partition(" / ")
    return personal_names(head, vouched=True) if slash and f.words <= 12 else ()


def _mark_signoff(features: Sequence[Features], roles: Roles) -> None:
    # A bare name right after the last paragraph signs the article, but only
    # when the page has no byline of its own.
    if Role.BYLINE in roles:
        return
    last = max((i for i, f in enumerate(features) if _is_body(f, roles[i])), default=None)
    if last is not None and last + 1 < len(features):
        following = features[last + 1]
        if roles[last + 1] is None and signoff_names(following):
            roles[last + 1] = Role.BYLINE


def _mark_bios(features: Sequence[Features], roles: Roles) -> None:
    authors = {n for f, r in zip(features, roles) if r is Role.BYLINE for n in (f.byline or signoff_names(f))}
    if not authors:
        return
    for i, f in enumerate(features):
        if roles[i] is not None or f.words > _MAX_BIO_WORDS:
            continue
        for name in authors:
            if f.text.startswith(name) and _BIO_VERBS.match(f.text, len(name)):
                roles[i] = Role.FURNITURE
                break


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
        settled = roles[i] is not None and roles[i] is not Role.PARAGRAPH
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
        roles[i] = Role.FOOTNOTE
    if headed and roles[above] is None:
        roles[above] = Role.FURNITURE


def mark_tail(features: Sequence[Features], roles: Roles) -> None:
    """Settle the sign-off byline, author bios and footnotes in ``roles`` (changed in place)."""
    _mark_signoff(features, roles)
    _mark_bios(features, roles)
    _mark_footnotes(features, roles)
