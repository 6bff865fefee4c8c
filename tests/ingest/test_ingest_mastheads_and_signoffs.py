"""Around the headline and after the text: a section label glued to the headline that the menu names, a
masthead's date, a bare date under the headline, bylines that carry the outlet and the date, an
author's post under the name, and a sign-off with the outlet's domain (issue 3)."""

from __future__ import annotations

import datetime as dt

from briefpack.ingest.names import byline_names
from pagelines import read_lines

P1 = ("China's Ministry of National Defense on Thursday said it firmly opposes the latest U.S. arms sale to "
      "Taiwan and will take countermeasures.")
P2 = "The U.S. State Department last week approved a possible sale of military equipment worth about $295 million."
P3 = "Analysts say Beijing's response is intended to deter further arms transfers, officials said."
MENU = ["Home", "China", "World", "Business", "Opinions", "Culture"]


def test_a_label_the_menu_prints_is_cut_from_the_headline_it_is_glued_to():
    article = read_lines([*MENU, "ChinaChinese defense ministry vows countermeasures over U.S. arms sale",
                          "Gao Yan, Staff Reporter", P1, P2, P3])
    assert article.title == "Chinese defense ministry vows countermeasures over U.S. arms sale"


def test_a_word_glued_to_a_headline_that_no_menu_prints_stays():
    article = read_lines(["Home", "World", "Business", "YouTubeRemoves channels linked to influence campaign",
                          "By Anna Kim", P1, P2, P3])
    assert article.title == "YouTubeRemoves channels linked to influence campaign"


def test_the_masthead_date_above_the_menu_does_not_date_the_article():
    article = read_lines(["People's Daily Online", "Sunday, March 2, 2025", *MENU,
                          "China firmly opposes EU sanctions listing Chinese entities",
                          "By Xu Zihe and Ma Xiaowen (People's Daily Online) 16:48, February 25, 2025", P1, P2, P3])
    assert article.published == dt.date(2025, 2, 25)
    assert article.authors == ("Xu Zihe", "Ma Xiaowen")


def test_a_bare_date_under_the_headline_marks_it_above_a_share_row():
    article = read_lines([*MENU, "Lithuania to raise defence spending to 5–6% of GDP from 2026", "2025-01-24 14:22",
                          "Lithuania will earmark between 5 and 6 percent of its gross domestic product for defence.",
                          "Share", "Facebook", "X", "Copy link", "Listen",
                          "President Gitanas Nausėda at the meeting / R. Dačkus/Office of the President", P1, P2, P3])
    assert article.title == "Lithuania to raise defence spending to 5–6% of GDP from 2026"
    assert article.published == dt.date(2025, 1, 24)


def test_bylines_with_the_outlet_in_brackets_or_the_date_between_bars():
    assert byline_names("By Xu Zihe (Xinhua)") == ("Xu Zihe",)
    assert byline_names("13 Feb 2025|Hannah Whitfield, Marcus Leong and Priya Raman", dated=True) == (
        "Hannah Whitfield", "Marcus Leong", "Priya Raman")
    assert byline_names("By the end (of the year)") is None


def test_a_post_under_an_authors_name_names_no_one():
    assert byline_names("Research Fellow, Land Warfare") is None
    assert byline_names("John Smith, Reporter") == ("John Smith",)


def test_a_signoff_with_the_outlets_domain_and_an_email_names_the_author_above_the_footer():
    article = read_lines(["Lithuania to raise defence spending", "2025-01-24 14:22", P1, P2, P3,
                          "Agnė Kazlauskaitė, LRT.lt (agne.kazlauskaite@lrt.lt)", "Tags", "defence", "NATO",
                          "Related content", "Lithuania signs deal for 44 Leopard 2 tanks", "2025-01-23 18:02",
                          "LRT has been certified according to the Journalism Trust Initiative standard."],
                         blank_between=True)
    assert article.authors == ("Agnė Kazlauskaitė",)


def test_a_short_url_label_and_a_most_viewed_head_are_no_authors():
    article = read_lines(["Russian drones knock out power across Odesa region", "Short Url",
                          "https://arab.news/r8x2m", "April 12, 2025 21:40", P1, P2, P3,
                          "Most Viewed in 24 Hours", "China's manned lunar program passes key milestone"],
                         blank_between=True)
    assert article.authors == ()
