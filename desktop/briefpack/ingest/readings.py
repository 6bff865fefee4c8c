"""What a line around a byline reads as when it names no author: a menu, a post, a bio.

The dump reader asks these of lines that look like names or headlines. A
menu or a section's name ("Home News Sport Business Video", "Ministry of
Foreign Affairs") is made of label words and countries, not a headline; a
post under an author's name ("Senior Lecturer in Politics, University of
Leeds") has a role word and no lower-case word but stop words and roles; a
short bio ("X is Al-Monitor's correspondent in Erbil") names the people it
describes by their post, which gives the authors of a page without a
byline.
"""

from __future__ import annotations

import re

from briefpack.ingest.language import STOP_WORDS
from briefpack.ingest.name_words import NOT_NAME_WORDS
from briefpack.ingest.names import find_role, is_role_word, personal_names
from briefpack.ingest.places import territories

# The subject of a bio sentence: a name at the start or after "and", then "is"/"was"/"serves" ("Carla Moreno
# is a senior policy researcher and Jacob Whitlock is an associate defense analyst at RAND").
_BIO_SUBJECT = re.compile(r"(?:^|\band\s+)((?:[A-Z][\w'’.-]*\s){1,3}[A-Z][\w'’.-]*)\s+(?:is|was|serves)\b")


def reads_as_navigation(text: str) -> bool:
    """True when most words of ``text`` (stop words aside) are section-label words or countries: a menu or
    a section's name ("Home News Sport Business Video", "Ministry of Foreign Affairs of Japan"), not a headline."""
    stops, countries = STOP_WORDS["en"], territories()
    words = [w for w in (t.lower().strip(".,:;|&") for t in text.split()) if w and w not in stops]
    labels = sum(w in NOT_NAME_WORDS or w in countries for w in words)
    return len(words) >= 2 and labels * 3 >= len(words) * 2


def reads_as_post(line: str) -> bool:
    """True when ``line`` is a newsroom or academic post ("Senior Lecturer in Politics, University of
    Leeds"): a role word, and no lower-case word but stop words and roles, so a sentence that names
    a role ("Analysts in Seoul confirmed …") is none."""
    if find_role(line) is None:
        return False
    lowered = (w.strip(",.;:()") for w in line.split() if w[:1].islower())
    return all(w in STOP_WORDS["en"] or is_role_word(w) for w in lowered)


def bio_subjects(text: str) -> tuple[str, ...]:
    """The people a short bio describes by their post ("X is Al-Monitor's correspondent in Erbil", "X is a
    senior fellow … and Y is an analyst …"), or ``()`` when ``text`` opens with no name or names no post."""
    if find_role(text) is None:
        return ()
    found: list[str] = []
    for match in _BIO_SUBJECT.finditer(text):
        names = personal_names(match.group(1))
        if match.start() == 0 and not names:
            return ()  # a bio opens with its subject
        found += names
    return tuple(found)
