"""Places, abbreviated places and outlet names are never read as authors (issue 3: zero invented authors)."""

from __future__ import annotations

import pytest
from briefpack.ingest import read_bytes
from briefpack.ingest.names import byline_names, personal_names

LEAD = (
    "North Korea fired several short-range ballistic missiles into the sea on Tuesday, the military said, "
    "hours before voting began in the election."
)
SECOND = "The missiles flew about 400 kilometres before falling into the sea, officials said at a briefing."
THIRD = "Officials in Seoul, Washington and Tokyo condemned the launch and said they would respond together."


@pytest.mark.parametrize(
    "line",
    [
        # A lone initial before a country's word, or a compass point as an initial.
        "N. Korea", "S. Korea", "N Korea", "N. KOREA", "S. Africa", "N. Ireland", "S. Sudan", "N. Macedonia", "U.S. Congress",
        "DPRK Today", "U.N. Command",
        # Cities of more than one word, in any case.
        "Hong Kong", "NEW YORK", "Phnom Penh", "KUALA LUMPUR", "Ho Chi Minh City", "Tel Aviv", "St. Petersburg",
        # Place-name openers and closers.
        "New Delhi", "SAN FRANCISCO", "Fort Worth", "Jeju Island", "Korean Peninsula", "Gangwon Province",
        # Regions, section labels and institutions.
        "Far East", "Inter-Korean Relations", "Human Rights", "Arms Control", "Fact Check", "Unification Ministry",
        "KCNA WATCH", "RIO DE JANEIRO", "LAS VEGAS",
        # Outlets named by their word for "newspaper" or "daily".
        "Rodong Sinmun", "CHOSUN ILBO", "Asahi Shimbun", "Rossiyskaya Gazeta", "Frankfurter Allgemeine",
    ],
)
def test_places_and_outlets_are_not_names(line):
    assert personal_names(line) == ()
    assert byline_names(line, dated=True) is None


def test_people_named_like_places_stay_people():
    # One-word city names are given names and surnames too; only a country's name rules a word out,
    # and only a compass point's initial joins a place ("T. Cook", not the Cook Islands).
    for name in ("Kim Jong Un", "Tim Cook", "J. Marshall", "T. Cook", "Billy House", "Sofia Davis", "Victoria Kim", "Casey Knox", "Regina Mendoza", "Michael Bay", "J. Smith", "Lara St. John"):
        assert personal_names(name) == (name,), name
    assert byline_names("By J. Smith") == ("J. Smith",)


def test_a_place_dateline_with_a_date_is_not_a_byline():
    assert byline_names("HONG KONG, March 3, 2025", dated=True) is None
    assert byline_names("N. Korea | 18 October 2024", dated=True) is None
    assert byline_names("Anna Kim, 18 October 2024", dated=True) == ("Anna Kim",)


def _read(lines: list[str]):
    return read_bytes("\n".join(lines).encode("utf-8"), "dump.txt")


def test_abbreviated_section_label_above_the_headline_is_the_category():
    article = _read([
        "Home", "N. Korea", "", "N. Korea fires short-range ballistic missiles ahead of election", "",
        "N. Korea", "Posted : 2024-11-05 09:41", "", LEAD, "", SECOND, "", THIRD, "", "S. Korea", "U.S.", "Japan",
    ])
    assert article.authors == ()
    assert article.category == "N. Korea"
    assert article.title == "N. Korea fires short-range ballistic missiles ahead of election"
    assert [b.text for b in article.blocks] == [LEAD, SECOND, THIRD]


def test_place_dateline_line_under_the_headline_is_no_author():
    article = _read(["Seoul condemns the launch and calls for talks with allies on a joint response",
                     "SEOUL, Nov. 5, 2024", "", LEAD, "", SECOND, "", THIRD])
    assert article.authors == ()
    assert str(article.published) == "2024-11-05"


def test_a_real_bare_byline_next_to_a_place_label_is_still_read():
    article = _read(["N. Korea", "N. Korea fires short-range ballistic missiles ahead of election",
                     "Kim Tong-hyung", "November 5, 2024", "", LEAD, "", SECOND, "", THIRD])
    assert article.authors == ("Kim Tong-hyung",)
    assert article.category == "N. Korea"


def test_a_short_label_ending_in_initials_is_not_a_paragraph():
    article = _read(["Seoul condemns the launch and calls for talks", "By Anna Kim", "November 5, 2024", "",
                     LEAD, "", SECOND, "", THIRD, "", "U.S.", "S. Korea, U.K."])
    assert [b.text for b in article.blocks] == [LEAD, SECOND, THIRD]
    # A sentence ending in "the U.S." stays body text.
    article = _read(["Seoul condemns the launch", "By Anna Kim", "", LEAD, "", "Exports went to the U.S.", "", THIRD])
    assert "Exports went to the U.S." in [b.text for b in article.blocks]


def test_a_name_like_line_above_the_headline_is_navigation_not_a_byline():
    # "Korea Pro" and "NHAN DAN" read like names to the word rules; above the headline they are a
    # section label and a site name, and the byline is the name below the headline.
    article = _read(["NHAN DAN", "Korea Pro", "N. Korea fires short-range ballistic missiles ahead of election",
                     "Kim Tong-hyung", "November 5, 2024", "", LEAD, "", SECOND, "", THIRD])
    assert article.authors == ("Kim Tong-hyung",)
    assert article.category == "Korea Pro"
    # Without a byline of its own the page names no author at all.
    article = _read(["Korea Pro", "N. Korea fires short-range ballistic missiles ahead of election",
                     "November 5, 2024", "", LEAD, "", SECOND, "", THIRD])
    assert article.authors == ()


@pytest.mark.parametrize(
    ("line", "names"),
    [
        # Countries that are given names too: with a surname after them they open a person's name.
        ("By Jordan Peterson", ("Jordan Peterson",)),
        ("By GEORGIA NASH and CHAD MORROW", ("Georgia Nash", "Chad Morrow")),
        ("By Israel Kamakawiwo'ole", ("Israel Kamakawiwo'ole",)),
        ("By Israel Mendoza", ("Israel Mendoza",)),  # a one-word city after it is a surname
        ("Commentary by Chad Brennan and Sierra Okafor", ("Chad Brennan", "Sierra Okafor")),
        ("By Ngoc An", ("Ngoc An",)),  # the label vouches for a last syllable that is an English stop word
    ],
)
def test_people_named_like_countries_are_read(line, names):
    assert byline_names(line) == names


def test_bare_names_that_open_with_a_country_name():
    assert personal_names("Chad Smith") == ("Chad Smith",)
    assert personal_names("Georgia Brown") == ("Georgia Brown",)
    # Still places: two countries, a country that is no given name, a country's multi-word name,
    # a label word, and an outlet in a country's name.
    for line in ("Israel Jordan", "Vietnam Plus", "Sierra Leone", "Kenya Today", "India Today", "Getty Images"):
        assert personal_names(line) == (), line
        assert byline_names(line, dated=True) is None, line


def test_a_stop_word_ends_a_name_only_where_the_layout_vouches_for_it():
    assert personal_names("Ngoc An") == ()
    assert personal_names("Ngoc An", vouched=True) == ("Ngoc An",)
    # Only as the last word: a title-case phrase stays a phrase.
    assert personal_names("Rise Of The Machines", vouched=True) == ()
    assert byline_names("By JANE DOE FOR THE GUARDIAN") is None


def test_ui_buttons_in_capitals_are_not_names():
    for line in ("READ LATER", "Available Downloads", "Save Article"):
        assert personal_names(line) == (), line
