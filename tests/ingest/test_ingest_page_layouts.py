"""The page-dump reader on layouts found on regional, state and blog pages: the end of the page
(author boxes, outlet notes, disclaimers, appeals, comment threads, paywall offers), bylines glued
or carrying roles, revision dates, site menus and page titles above the headline, bare picture credits."""

from __future__ import annotations

import datetime as dt

from briefpack.ingest import read_bytes
from briefpack.ingest.legal import is_legal_notice
from briefpack.ingest.names import byline_names, personal_names
from briefpack.ingest.readings import reads_as_post
from briefpack.ingest.dump.credits import caption_credit, is_bare_credit, is_credit_line
from briefpack.ingest.dump.patterns import is_furniture
from briefpack.model import Article, BlockKind

TITLE = "Ceasefire talks resume in Geneva"
LEAD = (
    "Negotiators returned to Geneva on Monday for a new round of talks on a ceasefire that both sides say they want."
)
SECOND = (
    "The talks are expected to last a week, and officials on both sides declined to say what a deal would look like."
)
THIRD = (
    "Observers were cautious, since previous rounds collapsed within days and fighting has intensified in recent weeks."
)


def read(*lines: str) -> Article:
    return read_bytes("\n".join(lines).encode("utf-8"), "dump.txt")


def paragraphs(article: Article) -> list[str]:
    return [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]


def test_an_author_box_and_the_outlets_note_about_itself_end_the_article():
    article = read(
        TITLE, "By ANNA NOWAK", "November 21, 2024", "", LEAD, "", SECOND, "", "ANNA NOWAK",
        "Nowak covers diplomacy for Example Press.", "",
        "Example Press is an independent news organization founded in 1901.",
        "Copyright 2024 Example Press. All Rights Reserved.",
    )
    assert article.authors == ("Anna Nowak",)
    assert paragraphs(article) == [LEAD, SECOND]


def test_news_about_the_outlet_is_body_text():
    # Only a description of what the outlet is counts as its note; its news stays.
    news = "Example Press has learned that the talks will move to Vienna next month."
    article = read(TITLE, "By Anna Nowak", "", LEAD, "", SECOND, "", news, "", "© 2024 Example Press")
    assert paragraphs(article) == [LEAD, SECOND, news]


def test_a_disclaimer_is_a_legal_notice_not_body():
    disclaimer = (
        "The views expressed in this article are the author's own and do not necessarily reflect the editorial "
        "stance of this publication."
    )
    assert is_legal_notice(disclaimer)
    assert paragraphs(read(TITLE, "By Anna Nowak", "", LEAD, "", SECOND, "", disclaimer)) == [LEAD, SECOND]
    # One disclaimer word in a news sentence is no notice.
    assert not is_legal_notice("The union said the views expressed by its members at the meeting were divided on the offer.")


def test_a_country_and_an_organisation_under_the_headline_are_a_topic_not_a_byline():
    body = "Israel and Hamas agreed to a pause in fighting, mediators said, and Hamas is to free hostages on Friday."
    article = read("Israel Hamas", TITLE, "Israel Hamas", "November 21, 2024", "", body, "", SECOND, "", THIRD)
    assert article.authors == ()
    # A person named like a country is still read where the page never prints the country on its own.
    article = read(TITLE, "Israel Mendoza", "November 21, 2024", "", LEAD, "", SECOND)
    assert article.authors == ("Israel Mendoza",)
    assert personal_names("Israel Hamas War") == ()


def test_bylines_glued_when_copied_or_with_roles_around_the_names():
    assert byline_names("ByRachel WhitworthCommunity Reporter") == ("Rachel Whitworth",)
    assert byline_names("By state political reporter Lucy Robinson and Danny Tran") == ("Lucy Robinson", "Danny Tran")
    assert byline_names("Posted on November 21, 2024 by Margaret Holloway", dated=True) == ("Margaret Holloway",)
    assert byline_names("Posted On: 21 NOV 2024 6:45PM by PIB Delhi", dated=True) is None
    assert byline_names("By Amy Vandermeer, KSL.com", dated=True) == ("Amy Vandermeer",)
    # A name glued to its capital is not cut: the glue needs two lower-case letters before it.
    assert byline_names("By Kate McDonald, Staff Writer") == ("Kate McDonald",)
    # A role under a bare name is not a second author.
    assert personal_names("Agriculture Correspondent") == ()
    article = read(TITLE, "Sinead Brennan", "Agriculture Correspondent", "21 November 2024", "", LEAD, "", SECOND)
    assert article.authors == ("Sinead Brennan",)


def test_a_long_labelled_byline_gives_its_author_and_its_date():
    line = "By Amy Vandermeer, KSL.com | Posted - Nov. 21, 2024 at 4:12 p.m."
    article = read(TITLE, line, "", LEAD, "", SECOND)
    assert article.authors == ("Amy Vandermeer",)
    assert article.published == dt.date(2024, 11, 21)
    # A long line that opens with its date and prints the update too.
    dated = "Thursday, 21 November 2024 6:32 PM [ Last Update: Thursday, 21 November 2024 7:10 PM ]"
    article = read(dated, "", TITLE, "", LEAD, "", SECOND)
    assert (article.title, article.published) == (TITLE, dt.date(2024, 11, 21))


def test_the_first_publication_date_goes_before_the_last_update():
    top = [TITLE, "Last updated: Thursday, 21 November 2024, 16:40", "First published: Monday, 18 November 2024, 09:12"]
    assert read(*top, "", LEAD, "", SECOND).published == dt.date(2024, 11, 18)
    assert read(TITLE, "Updated 21 November 2024", "", LEAD, "", SECOND).published == dt.date(2024, 11, 21)


def test_a_comment_thread_is_not_body_text():
    article = read(
        TITLE, "Posted on November 21, 2024 by Margaret Holloway", "", LEAD, "", SECOND, "",
        "2 thoughts on “Ceasefire talks resume in Geneva”", "", "Tom Baxter says:", "November 21, 2024 at 3:14 pm",
        "", "Good piece. I would add that the venue has changed twice already.", "", "Reply",
        "Liina K. says:", "November 22, 2024 at 8:47 am", "", "The talks were always going to be slow.",
    )
    assert paragraphs(article) == [LEAD, SECOND]
    assert article.published == dt.date(2024, 11, 21)
    # "He says:" before a quote in the body opens no thread: no time stamp follows it.
    quote = "“We will not leave the table until there is a deal,” the envoy told reporters."
    article = read(TITLE, "By Anna Nowak", "", LEAD, "", "The envoy says:", "", quote, "", SECOND)
    assert paragraphs(article) == [LEAD, "The envoy says:", quote, SECOND]


def test_a_paywall_offer_is_furniture_and_the_teaser_is_kept():
    article = read(
        TITLE, "Anna Nowak in Geneva", "Published 21 November 2024", "", "Subscribe to unlock this article", "",
        LEAD, "", "Try unlimited access", "Only $1 for 4 weeks",
        "Then $75 per month. Complete digital access to quality journalism on any device. Cancel anytime during your trial.",
        "", "Standard Digital", "Essential digital access to quality journalism on any device. Pay a year upfront and save 20%.",
        "", "Check whether you already have access via your university or organisation.",
    )
    assert paragraphs(article) == [LEAD]
    assert article.authors == ("Anna Nowak",)


def test_an_appeal_in_the_outlets_voice_below_the_body_is_furniture():
    appeal = "At Example Times, we believe in journalism that is free for everyone to read, and we rely on you."
    article = read(
        TITLE, "By Anna Nowak", "", LEAD, "", SECOND, "", "Support Example Times' journalism of integrity", "", appeal
    )
    assert paragraphs(article) == [LEAD, SECOND]


def test_the_headline_stands_below_the_sites_menu_and_beside_its_page_title():
    article = read(
        "The Baltic Ledger", "Notes on trade, shipping and politics around the Baltic Sea", "", "Home", "About",
        "Archive", "Contact", "", TITLE, "Posted on November 21, 2024 by Margaret Holloway", "", LEAD, "", SECOND,
    )
    assert article.title == TITLE
    article = read(f"{TITLE} | Example News", "", "Skip to main content", "", TITLE, "", "By Anna Nowak", "", LEAD, "", SECOND)
    assert article.title == TITLE


def test_bare_picture_credits_make_the_line_above_a_caption():
    caption = "Delegates arrive at the talks in Geneva on Monday."
    for credit in ("(Example News: Jan Novak)", "Jan Novak/Example News", "Image source, Reuters", "(Image: Example News)"):
        article = read(TITLE, "By Anna Nowak", "", caption, credit, "", LEAD, "", SECOND)
        assert paragraphs(article) == [LEAD, SECOND], credit
        assert article.captions == (caption,), credit
    assert is_bare_credit("Jonathan Nackstrand/AFP via Getty Images")
    assert not is_bare_credit("Russia/Ukraine")
    assert is_credit_line("Image source, Reuters") and not is_credit_line("Photos, videos and papers were seized.")
    assert caption_credit("Senate plenary session [PHOTO CREDIT: @NGRSenate]") == "@NGRSenate"
    assert caption_credit("Soldiers work on a barrier near the border on Nov. 18. /Yonhap") == "Yonhap"
    assert caption_credit("Residents warm themselves around a fire. (Express photo by Arul Horizon)") == (
        "Express photo by Arul Horizon"
    )


def test_furniture_of_regional_and_blog_pages():
    for line in (
        "Article continues below", "Keep Reading", "TEXT AD: Call now on 0800 000 000", "Like Loading...",
        "This was published 1 year ago", "Log in, register or subscribe to save articles for later.",
        "Normal text sizeLarger text sizeVery large text size", "ESTIMATED READ TIME: 3-4 MINUTES",
        "NewsBringing you the latest news, sport and entertainment from the region",
        "Get Breaking News Alerts From Example News",
    ):
        assert is_furniture(line), line
    for line in (
        "The ministry said the new rules would give unlimited access to the archive.",
        "Prices rose to $75 a month for many families, the statistics office said.",
        "The fund will support local journalism in rural areas, the minister said.",
    ):
        assert not is_furniture(line), line


def test_a_byline_printed_again_below_the_body_opens_an_author_box():
    article = read(
        TITLE, "", "Anna Nowak", "Follow", "6 min read", "Nov 21, 2024", "", LEAD, "", SECOND, "", "Diplomacy",
        "Geneva", "", "Written by Anna Nowak", "1.2K Followers", "", "Writing about diplomacy and the Balkans.",
    )
    assert article.authors == ("Anna Nowak",)
    assert paragraphs(article) == [LEAD, SECOND]
    # A byline printed once, between the lead and the rest, leaves the paragraph under it in the body.
    article = read(TITLE, "November 21, 2024", "", LEAD, "", "By Anna Nowak", "", SECOND)
    assert paragraphs(article) == [LEAD, SECOND]


def test_bylines_with_an_outlet_in_brackets_a_slashed_role_or_an_academic_post():
    assert byline_names("Yvette Tanamal (The Jakarta Post)") == ("Yvette Tanamal",)
    assert byline_names("Anna Nowak (Geneva)") is None  # a place in brackets vouches for nothing
    assert byline_names("By Jason Pan / Staff reporter") == ("Jason Pan",)
    assert personal_names("Senior Lecturer in Environmental Policy, University of Leeds") == ()
    assert reads_as_post("Senior Lecturer in Environmental Policy, University of Leeds")
    assert not reads_as_post("Analysts in Seoul confirmed that the price of rice doubled before the elections")
    # Under a byline, a sentence that names a role is still the standfirst.
    standfirst = "Analysts in Seoul confirmed that the price of rice doubled before the elections"
    assert paragraphs(read(TITLE, "By Anna Nowak", "", standfirst, "", LEAD)) == [standfirst, LEAD]
    article = read(
        TITLE, "Published: November 21, 2024", "", "Author", "Jane Roe", "Senior Lecturer in Politics, University of Leeds",
        "", "Disclosure statement", "Jane Roe receives funding from the Research Council.", "", LEAD, "", SECOND,
    )
    assert article.authors == ("Jane Roe",)
    assert paragraphs(article) == [LEAD, SECOND]


def test_an_agencys_end_mark_leaves_the_last_paragraph_a_paragraph():
    last = "The DPRK will take all necessary measures to defend its sovereignty and security interests. -0-"
    article = read(TITLE, "2024.11.21.", "", LEAD, "", SECOND, "", last)
    assert paragraphs(article) == [LEAD, SECOND, last]
    assert article.published == dt.date(2024, 11, 21)
