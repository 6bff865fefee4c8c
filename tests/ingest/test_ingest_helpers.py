"""The shared helpers readers use: legal notices, names, dates, language, titles, URLs."""

from __future__ import annotations

import datetime as dt

import pytest
from briefpack.ingest.dates import dateline_date
from briefpack.ingest.language import country_languages, detect_language, original_language
from briefpack.ingest.legal import abbreviate_legal_form, is_legal_notice, rights_holder
from briefpack.ingest.names import byline_names, personal_names
from briefpack.ingest.titles import derive_title, first_sentence
from briefpack.ingest.web import article_url, bare_domain, registered_domain


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Example Media Spółka Akcyjna", "Example Media S.A."),
        ("Beispiel Verlag Gesellschaft mit beschränkter Haftung", "Beispiel Verlag GmbH"),
        ("Example News Limited", "Example News Ltd"),
        ("Example Holdings Public Limited Company", "Example Holdings plc"),
        ("Example Press", "Example Press"),
    ],
)
def test_legal_forms_are_abbreviated(name, short):
    assert abbreviate_legal_form(name) == short


def test_owner_of_the_website_is_the_rights_holder():
    notice = (
        "Any reproduction of the materials requires the prior consent of Example Media Spółka Akcyjna, "
        "based in Warsaw, the owner of this website, regardless of the technique used."
    )
    assert is_legal_notice(notice)
    assert rights_holder(notice) == "Example Media S.A."
    stated = "The owner of this website is Example Press, Warsaw. Reproduction is prohibited."
    assert rights_holder(stated) == "Example Press"


def test_news_is_not_a_legal_notice():
    news = "The court ruled on Monday that the company had breached the contract with its suppliers."
    assert not is_legal_notice(news)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Anna Nowak", ("Anna Nowak",)),
        ("By Anna Nowak, John Smith and Li Wei", ("Anna Nowak", "John Smith", "Li Wei")),
        ("By Tom Smith in Kyiv", ("Tom Smith",)),
        ("Anna Nowak | Reporter", ("Anna Nowak",)),
        ("Author: Anna Nowak", ("Anna Nowak",)),
        ("By the end of the week", None),
        ("Anna Nowak", None),
    ],
)
def test_byline_names(line, names):
    assert byline_names(line) == names


def test_personal_names_refuse_places_and_headings():
    assert personal_names("Anna Nowak and John Smith") == ("Anna Nowak", "John Smith")
    assert personal_names("NORTH KOREA") == ()
    assert personal_names("Expanded Cooperation In Many Fields") == ()
    assert personal_names("Alliance Future", frozenset({"alliance", "future"})) == ()


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Published 21 November 2024, 10:32", dt.date(2024, 11, 21)),
        ("Updated: Nov. 21, 2024 at 5:00 p.m. EST", dt.date(2024, 11, 21)),
        ("21.11.2024", dt.date(2024, 11, 21)),
        ("2024-11-21T10:00:00Z", dt.date(2024, 11, 21)),
        ("2 hours ago", None),
        ("yesterday at 10:00", None),
        ("November 2024", None),
        ("In 2024", None),
    ],
)
def test_dateline_dates(line, date):
    assert dateline_date(line, "en") == date


def test_polish_month_names():
    assert dateline_date("21 listopada 2024", "pl") == dt.date(2024, 11, 21)


def test_language_by_stop_words():
    assert detect_language("The talks are expected to last a week, and officials said that it was hard.") == "en"
    assert detect_language("Переговоры возобновились в понедельник, и это было не просто.") == "ru"
    assert detect_language("12345 ### ...") is None


def test_country_domains():
    assert country_languages("baoquocte.vn") == ("vi",)
    assert country_languages("example.com") == ()
    assert country_languages("example.io") == ()
    assert original_language("example.pl", "en") == "pl"
    assert original_language("example.co.uk", "en") is None
    assert original_language("example.jp", None) is None


def test_derived_titles():
    assert first_sentence("Mr. Kim met U.S. officials in Hanoi. They talked.") == "Mr. Kim met U.S. officials in Hanoi."
    assert derive_title("Talks resumed. More later.") == "Talks resumed"
    assert derive_title("") is None
    long = derive_title("word " * 50, max_chars=40)
    assert long.endswith("…") and len(long) <= 40


def test_urls_and_domains():
    assert registered_domain("https://news.example.co.uk/a") == "example.co.uk"
    assert bare_domain("www.example.com") == "example.com"
    assert bare_domain("Getty Images") is None
    assert article_url("https://example.vn/a-1.html.") == "https://example.vn/a-1.html"
    assert article_url("see https://example.vn/a") is None


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("18/10/2024", dt.date(2024, 10, 18)),  # day first: 18 is no month
        ("10/18/2024", dt.date(2024, 10, 18)),  # month first: 18 is no month
        ("09/10/2024", None),  # September or October: the text does not say
        ("05.11.2024", dt.date(2024, 11, 5)),  # dots are day first
        ("Last updated: 18-10-2024 15:12", dt.date(2024, 10, 18)),
        ("Published : 2025-06-18 14:22:05", dt.date(2025, 6, 18)),
        ("February 27, 20253:12 PM GMTUpdated 2 hours ago", dt.date(2025, 2, 27)),
        ("Burak Dag |18.10.2024 - Update : 18.10.2024", dt.date(2024, 10, 18)),
    ],
)
def test_numeric_and_glued_dates(line, date):
    assert dateline_date(line, "en") == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("21 października 2024, 09:12", dt.date(2024, 10, 21)),
        ("18 октября 2024, 12:30", dt.date(2024, 10, 18)),
        ("Thứ Sáu, ngày 18 tháng 10 năm 2024 - 08:30", dt.date(2024, 10, 18)),
    ],
)
def test_foreign_month_names_on_an_english_page(line, date):
    assert dateline_date(line, "en") == date


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Nguyen Thu Trang   trang.nt@vnanet.vn", ("Nguyen Thu Trang",)),
        ("BY KIM JI-HYE [kim.jihye@joongang.co.kr]", ("Kim Ji-hye",)),
        ("By JEAN-PAUL SMITH-JONES", ("Jean-Paul Smith-Jones",)),
        ("Reporter : Kim Min-ji", ("Kim Min-ji",)),
        ("Posted by Sophie Laurent on 2 April 2025", ("Sophie Laurent",)),
        ("By LISA MASCARO and KEVIN FREKING", ("Lisa Mascaro", "Kevin Freking")),
        ("Editor: Martin Fornusek", None),
    ],
)
def test_more_byline_shapes(line, names):
    assert byline_names(line) == names


def test_section_labels_and_day_names_are_not_people():
    assert personal_names("Kate Martyr with Reuters, AFP") == ("Kate Martyr",)
    for label in ("All News", "Social Affairs", "Kyodo News", "Read Comments", "Thứ Sáu", "Local News"):
        assert personal_names(label) == (), label


def test_a_site_name_is_not_a_bare_name_line():
    assert personal_names("ANSA English") == ()
    assert personal_names("ANNA PETROVA") == ("Anna Petrova",)
    assert byline_names("By KIM Jong Un") == ("Kim Jong Un",)
