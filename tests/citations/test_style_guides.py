"""Formatted notes and entries held against the style guides' own examples for news articles.

Reference examples, each copied from its guide and changed only where the
guide's rule says so for our access-date variant:

- CMOS 18 (notes and bibliography), newspaper article read online (the
  Manual's Manjoo example, 14.89): note "Farhad Manjoo, “Snap Makes a Bet
  on the Cultural Supremacy of the Camera,” *New York Times*, March 8, 2017,
  URL.", short note "Manjoo, “Snap Makes a Bet.”", bibliography "Manjoo,
  Farhad. “Snap Makes …” *New York Times*, March 8, 2017. URL." The shipped
  variant adds the access date before the URL as CMOS 18 14.15 describes
  ("accessed …" in notes, "Accessed …." in the bibliography). Unsigned
  articles lead with the title in notes and are listed under the newspaper
  in the bibliography (14.90); undated ones say "n.d." (14.106).
- APA 7, newspaper article (Publication Manual 10.1, example 16): "Carey, B.
  (2019, March 22). Can we get better at forgetting? *The New York Times*.
  URL", in text (Carey, 2019). No author: the title moves to the author
  position and the in-text citation gives a short title in quotation marks
  (9.12, 8.14); no date: "(n.d.)" and a retrieval date (9.16, 9.17).
- Harvard, Cite Them Right (12th ed.), newspaper article online: "Family,
  I. (Year) ‘Title’, *Newspaper*, Day Month. Available at: URL (Accessed:
  Day Month Year).", in text (Family, Year); no author: the newspaper's name
  leads; no date: "(no date)".

The articles are given in the case the site prints (sentence case): CSL can
raise a title to headline style for Chicago but cannot lower it for APA.
"""

from __future__ import annotations

import datetime as dt

import pytest

from briefpack.citations import cite_brief
from briefpack.model.brief import Brief, BriefMeta, Cite, Emph, Link, Note, Para, Text, plain_text
from citesamples import make_article

ACCESSED = dt.date(2026, 11, 23)
MANJOO_URL = "https://www.nytimes.com/2017/03/08/technology/snap-makes-a-bet-on-the-cultural-supremacy-of-the-camera.html"
CAREY_URL = "https://www.nytimes.com/2019/03/22/health/memory-forgetting-psychology.html"


def manjoo(**changes):
    base = dict(
        title="Snap makes a bet on the cultural supremacy of the camera",
        authors=("Farhad Manjoo",),
        publisher="New York Times",  # CMOS drops the initial "The" of a newspaper's name
        url=MANJOO_URL,
        published=dt.date(2017, 3, 8),
    )
    return make_article("manjoo", **{**base, **changes})


def carey(**changes):
    base = dict(
        title="Can we get better at forgetting?",
        authors=("Benedict Carey",),
        publisher="The New York Times",
        url=CAREY_URL,
        published=dt.date(2019, 3, 22),
    )
    return make_article("carey", **{**base, **changes})


def cite_twice(article, style: str):
    """A brief citing ``article`` twice; returns (first citation, second citation, bibliography entry) as inlines."""
    brief = Brief(BriefMeta("T"), (Para((Text("One."), Cite(article.id))), Para((Text("Two."), Cite(article.id)))))
    cited, notices = cite_brief(brief, {article.id: article}, style=style, accessed=ACCESSED)
    assert notices == []
    first, second = cited.blocks[0].children, cited.blocks[1].children
    [entry] = [b.children for b in cited.blocks if isinstance(b, Para) and b.role == "bibliography"]
    return first, second, entry


def note_text(inlines) -> str:
    [note] = [n for n in inlines if isinstance(n, Note)]
    return plain_text(note.children)


def links(inlines) -> list[str]:
    found = []
    for node in inlines:
        if isinstance(node, Link):
            found.append(node.url)
        found.extend(links(getattr(node, "children", ())))
    return found


# ------------------------------------------------------------------- Chicago


def test_chicago_newspaper_with_author_and_date():
    first, second, entry = cite_twice(manjoo(), "chicago")
    title = "Snap Makes a Bet on the Cultural Supremacy of the Camera"
    assert note_text(first) == f"Farhad Manjoo, “{title},” New York Times, March 8, 2017, accessed November 23, 2026, {MANJOO_URL}."
    assert note_text(second) == "Manjoo, “Snap Makes a Bet.”"
    assert plain_text(entry) == f"Manjoo, Farhad. “{title}.” New York Times, March 8, 2017. Accessed November 23, 2026. {MANJOO_URL}."
    assert Emph((Text("New York Times"),)) in entry
    note = [n for n in first if isinstance(n, Note)][0]
    assert links(note.children) == [MANJOO_URL] and links(entry) == [MANJOO_URL]


def test_chicago_unsigned_newspaper_article_is_listed_under_the_paper():
    first, second, entry = cite_twice(manjoo(authors=()), "chicago")
    title = "Snap Makes a Bet on the Cultural Supremacy of the Camera"
    assert note_text(first) == f"“{title},” New York Times, March 8, 2017, accessed November 23, 2026, {MANJOO_URL}."
    assert plain_text(entry) == f"New York Times. “{title}.” March 8, 2017. Accessed November 23, 2026. {MANJOO_URL}."


def test_chicago_undated_web_article_says_nd():
    first, _, entry = cite_twice(manjoo(published=None), "chicago")
    title = "Snap Makes a Bet on the Cultural Supremacy of the Camera"
    assert note_text(first) == f"Farhad Manjoo, “{title},” New York Times, n.d., accessed November 23, 2026, {MANJOO_URL}."
    assert plain_text(entry) == f"Manjoo, Farhad. “{title}.” New York Times, n.d. Accessed November 23, 2026. {MANJOO_URL}."


# ----------------------------------------------------------------------- APA


def test_apa_newspaper_with_author_and_date():
    first, second, entry = cite_twice(carey(), "apa")
    assert plain_text(first) == "One. (Carey, 2019)"
    assert plain_text(entry) == f"Carey, B. (2019, March 22). Can we get better at forgetting? The New York Times. {CAREY_URL}"
    assert Emph((Text("The New York Times"),)) in entry
    assert links(entry) == [CAREY_URL]


def test_apa_newspaper_without_author_leads_with_the_title():
    first, _, entry = cite_twice(carey(authors=()), "apa")
    assert plain_text(first) == "One. (“Can We Get Better,” 2019)"
    assert plain_text(entry) == f"Can we get better at forgetting? (2019, March 22). The New York Times. {CAREY_URL}"


def test_apa_newspaper_without_date_gives_nd_and_retrieval_date():
    first, _, entry = cite_twice(carey(published=None), "apa")
    assert plain_text(first) == "One. (Carey, n.d.)"
    assert plain_text(entry) == (
        f"Carey, B. (n.d.). Can we get better at forgetting? The New York Times. Retrieved November 23, 2026, from {CAREY_URL}"
    )


# ------------------------------------------------------------------- Harvard


def test_harvard_newspaper_with_author_and_date():
    first, _, entry = cite_twice(carey(), "harvard")
    assert plain_text(first) == "One. (Carey, 2019)"
    assert plain_text(entry) == (
        f"Carey, B. (2019) ‘Can we get better at forgetting?’, The New York Times, 22 March. "
        f"Available at: {CAREY_URL} (Accessed: 23 November 2026)."
    )
    assert Emph((Text("The New York Times"),)) in entry
    assert links(entry) == [CAREY_URL]


def test_harvard_newspaper_without_author_leads_with_the_paper():
    first, _, entry = cite_twice(carey(authors=()), "harvard")
    assert plain_text(first) == "One. (The New York Times, 2019)"
    assert plain_text(entry) == (
        f"The New York Times (2019) ‘Can we get better at forgetting?’, 22 March. "
        f"Available at: {CAREY_URL} (Accessed: 23 November 2026)."
    )


def test_harvard_newspaper_without_date_says_no_date():
    first, _, entry = cite_twice(carey(published=None), "harvard")
    assert plain_text(first) == "One. (Carey, no date)"
    assert plain_text(entry) == (
        f"Carey, B. (no date) ‘Can we get better at forgetting?’, The New York Times. "
        f"Available at: {CAREY_URL} (Accessed: 23 November 2026)."
    )


# --------------------------------------------------------------- translation


def test_translation_is_said_in_the_full_note_and_the_entry_only():
    translated = manjoo(original_language="vi")
    first, second, entry = cite_twice(translated, "chicago")
    assert note_text(first).endswith(f"{MANJOO_URL}. Translated from Vietnamese.")
    assert note_text(second) == "Manjoo, “Snap Makes a Bet.”"
    assert plain_text(entry).endswith(f"{MANJOO_URL}. Translated from Vietnamese.")


@pytest.mark.parametrize(
    ("style", "ending"),
    [
        ("apa", f"{CAREY_URL} (translated from Vietnamese)"),  # no full stop after an APA URL
        ("harvard", "(Accessed: 23 November 2026). Translated from Vietnamese."),
    ],
)
def test_translation_in_author_date_entries(style, ending):
    first, _, entry = cite_twice(carey(original_language="vi"), style)
    assert "ranslated" not in plain_text(first)
    assert plain_text(entry).endswith(ending)


def test_no_translation_note_when_original_is_the_same_language():
    _, _, entry = cite_twice(carey(original_language="en"), "harvard")
    assert "ranslated" not in plain_text(entry)


def test_a_csl_file_the_analyst_picks_formats_like_the_shipped_one(tmp_path):
    from briefpack.citations.styles import available_styles

    picked = tmp_path / "my-harvard.csl"
    text = available_styles()["harvard"].read_text(encoding="utf-8")
    # The analyst's copy declares its locale itself, as a style file from the repository may.
    picked.write_text(text.replace('class="in-text"', 'class="in-text" default-locale="en-GB"', 1), encoding="utf-8")
    assert cite_twice(carey(), str(picked)) == cite_twice(carey(), "harvard")


# ------------------------------------------------------------ several sources


def test_adjacent_cites_are_one_note_or_one_parenthesis():
    """CMOS 18 14.57: several sources for one statement share a note, separated by semicolons; APA 7 8.12 likewise in one parenthesis."""
    one, two = carey(), manjoo(original_language="vi")
    brief = Brief(BriefMeta("T"), (Para((Text("Claim."), Cite(one.id, "para. 2"), Cite(two.id))),))
    sources = {one.id: one, two.id: two}
    cited, _ = cite_brief(brief, sources, style="chicago", accessed=ACCESSED)
    notes = [n for n in cited.blocks[0].children if isinstance(n, Note)]
    assert len(notes) == 1
    text = plain_text(notes[0].children)
    assert text.startswith("Benedict Carey, “Can We Get Better at Forgetting?” The New York Times, March 22, 2019, para. 2, ")
    assert "; Farhad Manjoo, “Snap Makes a Bet" in text
    assert text.endswith(f"{MANJOO_URL}. New York Times: translated from Vietnamese.")
    cited, _ = cite_brief(brief, sources, style="apa", accessed=ACCESSED)
    assert plain_text(cited.blocks[0].children) == "Claim. (Carey, 2019, para. 2; Manjoo, 2017)"
