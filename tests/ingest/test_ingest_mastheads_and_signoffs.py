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


def test_names_before_an_agency_are_a_byline():
    assert byline_names("Yael Ben-Ami, Daniel Rosen and Reuters") == ("Yael Ben-Ami", "Daniel Rosen")
    assert byline_names("Oil and AFP") is None


def test_a_series_or_a_kind_of_piece_before_by_names_its_authors_and_a_statement_or_a_verb_does_not():
    assert byline_names("Critical Questions by Mara Lindqvist, Daniel Okafor, and Sun-hee Baek") == (
        "Mara Lindqvist", "Daniel Okafor", "Sun-hee Baek")
    assert byline_names("Analysis by John Smith") == ("John Smith",)
    for line in ["Press Statement by Kim Yo Jong", "Translated by Sam Breazeale", "Voiced by Amazon Polly",
                 "Hit by Russian Drones"]:
        assert byline_names(line) is None, line


def test_a_name_with_a_long_post_under_the_headline_is_its_byline():
    article = read_lines([*MENU, "Europe's empty gas tanks are a security problem",
                          "Elena Marchetti, Senior Fellow - Foreign Policy, Center on the United States and Europe",
                          "March 4, 2025", P1, P2, P3])
    assert article.authors == ("Elena Marchetti",)


def test_a_closing_bio_names_the_authors_of_a_page_without_a_byline():
    bio = ("Carla Moreno is a senior policy researcher and Jacob Whitlock is an associate defense analyst at RAND, "
           "a nonprofit, nonpartisan research institution.")
    article = read_lines(["Taiwan's reserves need more than longer training", "March 4, 2025", P1, P2, P3, bio,
                          "This commentary originally appeared on The National Interest on March 3, 2025."],
                         blank_between=True)
    assert article.authors == ("Carla Moreno", "Jacob Whitlock")
    assert bio not in [b.text for b in article.blocks]


def test_an_author_box_inside_a_list_of_links_still_names_the_author():
    article = read_lines(["Iraq, Turkey edge toward deal to restart Kurdistan oil exports", "January 9, 2025",
                          P1, P2, P3, "Related Topics", "Iraq", "Energy", "Kamal Rashid",
                          "Kamal Rashid is Al-Monitor's correspondent in Erbil, covering energy and politics.",
                          "Read More", "Turkey's Bayraktar says Iraq Development Road to link with Ceyhan hub"])
    assert article.authors == ("Kamal Rashid",)


def test_a_linked_articles_byline_under_its_headline_sentence_is_no_author():
    article = read_lines(["The Baltic cable cuts show NATO needs a shadow-fleet strategy", "By IRYNA KOVALENKO",
                          "Jan 27, 2025", P1, P2, P3, "Further reading", "New Atlanticist", "Jan 15, 2025",
                          "NATO's Baltic Sentry is a start. Here's what should come next.", "By MARTA NOWAK"],
                         blank_between=True)
    assert article.authors == ("Iryna Kovalenko",)


def test_a_breadcrumb_trail_that_ends_with_the_headline_marks_it_and_a_sections_name_does_not():
    article = read_lines([*MENU, "Home > Office of the Spokesperson > Press Releases > Sanctioning Networks Supporting "
                          "the DPRK's Arms Transfers to Russia",
                          "Sanctioning Networks Supporting the DPRK's Arms Transfers to Russia", "Press Statement",
                          "Office of the Spokesperson", "December 16, 2024", P1, P2, P3])
    assert article.title == "Sanctioning Networks Supporting the DPRK's Arms Transfers to Russia"
    article = read_lines([*MENU, "Home > North Korea", "North Korea",
                          "(LEAD) N. Korea fires short-range ballistic missiles into East Sea: JCS",
                          "All News 08:52 November 05, 2024", P1, P2, P3])
    assert article.title == "(LEAD) N. Korea fires short-range ballistic missiles into East Sea: JCS"


def test_a_caption_printed_twice_with_its_credit_is_no_headline():
    caption = "CGA patrol vessel shadows Chinese research ship Hai Yang 26 off Penghu on Tuesday. (CGA photo)"
    article = read_lines([*MENU, "Taiwan coast guard shadows Chinese research vessel off Penghu for second day",
                          "By Lin Chia-hsuan, Taiwan News, Staff Writer", "2025/03/18 16:41", caption, caption,
                          P1, P2, P3])
    assert article.title == "Taiwan coast guard shadows Chinese research vessel off Penghu for second day"
    assert caption in article.captions


def test_a_headline_question_with_a_place_is_no_name():
    article = read_lines([*MENU, "North Korean Troops in Kursk: What Comes Next?", "Photo: Pavel Orlov/AFP",
                          "Critical Questions by Mara Lindqvist, Daniel Okafor, and Sun-hee Baek",
                          "Published November 21, 2024", "Download the Critical Questions 412kb", "Share", P1, P2, P3])
    assert article.title == "North Korean Troops in Kursk: What Comes Next?"


def test_a_slashed_date_either_order_could_read_is_read_as_the_page_spells_it_and_else_not_at_all():
    caption = "Residents of Lviv charge their phones during a blackout on February 5, 2025."
    article = read_lines(["Russia strikes Ukraine's power grid again", "Published on: 05/02/2025 - 09:12",
                          caption, P1, P2, P3])
    assert article.published == dt.date(2025, 2, 5)
    article = read_lines(["Russia strikes Ukraine's power grid again", "Published on: 05/02/2025 - 09:12", P1, P2, P3])
    assert article.published is None


def test_a_label_of_several_words_glued_to_the_headline_is_cut_when_the_menu_prints_it():
    article = read_lines(["Home", "North Korea", "Politics", "Russian Politics & Diplomacy",
                          "North KoreaKim Jong-un oversees AI suicide drone test, orders mass production",
                          "Published: 27 Mar. 2025, 11:04", P1, P2, P3])
    assert article.title == "Kim Jong-un oversees AI suicide drone test, orders mass production"
    article = read_lines(["Home", "North Korea", "Politics", "Russian Politics & Diplomacy",
                          "Russian Politics & DiplomacyKremlin says EU's 16th sanctions package will not change course",
                          "24 Feb 2025, 14:22", P1, P2, P3])
    assert article.title == "Kremlin says EU's 16th sanctions package will not change course"


def test_the_weekday_beside_a_slashed_date_tells_its_order():
    article = read_lines([*MENU, "Friday, 7/3/2025, 09:15 (GMT+7)",
                          "Vietnam, Russia agree to speed up talks on Ninh Thuan nuclear power plant", P1, P2, P3])
    assert article.published == dt.date(2025, 3, 7)
    assert article.title == "Vietnam, Russia agree to speed up talks on Ninh Thuan nuclear power plant"


def test_a_relative_time_with_its_section_is_no_headline_and_dates_nothing():
    article = read_lines([*MENU, "2 hours ago - World",
                          "China stages large-scale drills around Taiwan in early test for Trump",
                          "Laura Brennan, Miles Okafor", P1, P2, P3, "Go deeper", "Mar 14, 2025 - World",
                          "Taiwan's president unveils 17 measures to counter Chinese infiltration"])
    assert article.title == "China stages large-scale drills around Taiwan in early test for Trump"
    assert article.published is None


def test_a_caption_titled_name_with_a_post_is_no_author():
    article = read_lines([*MENU, "Kremlin says sanctions will not change Moscow's course", "24 Feb 2025, 14:22",
                          P1, "Kremlin Spokesman Dmitry Peskov", "© Ivan Morozov/TASS", P2, P3, "About Tass"])
    assert article.authors == ()


def test_a_date_glued_to_the_next_label_and_dates_below_the_footer():
    article = read_lines([*MENU, "Taiwan Says Chinese-Owned Freighter Dragged Anchor Across Undersea Cable",
                          "By Vivian Yeh", "Published Jan. 22, 2025Updated Jan. 23, 2025, 3:41 a.m. ET", P1, P2, P3])
    assert article.published == dt.date(2025, 1, 22)
    article = read_lines([*MENU, "EU Targets Russia's Shadow Fleet in New Sanctions Push", "By Sofia Brandt",
                          "Updated Feb. 12, 2025 11:12 am ET", P1, P2, P3,
                          "Copyright ©2025 Dow Jones & Company, Inc. All Rights Reserved.",
                          "EU Weighs Tariffs on Russian Fertilizer", "Feb. 11, 2025"], blank_between=True)
    assert article.published == dt.date(2025, 2, 12)


def test_a_line_printed_twice_above_a_credit_is_a_caption_not_the_headline():
    caption = "German soldiers during an exercise near Pabradė, Lithuania, in February"
    article = read_lines([*MENU, "German Troops in Lithuania", "“If Putin Tests NATO, He Will Test Us Here First”",
                          "By Jonas Breuer in Vilnius", "04.03.2025, 17.04 Uhr", caption, caption,
                          "Photo: Florian Kessler / DER SPIEGEL", P1, P2, P3])
    assert article.title == "“If Putin Tests NATO, He Will Test Us Here First”"


def test_a_post_in_brackets_after_the_name_and_a_gift_button_name_no_one():
    assert byline_names("By Clémence Marchal (Chisinau, special correspondent)") == ("Clémence Marchal",)
    article = read_lines([*MENU, "Kim Jong Un vows to expand nuclear forces", "By Hyun-woo Baek", "and",
                          "Caroline Mercer", "Gift Article", "November 5, 2024 at 6:00 a.m. EST", P1, P2, P3])
    assert "Gift Article" not in article.authors
