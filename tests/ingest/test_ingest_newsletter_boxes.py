"""Newsletter boxes, appeals for support and comment threads inside a page are furniture, not body text
(issue 3); news sentences that use the same words stay body text."""

from __future__ import annotations

import pytest

from briefpack.ingest import read_bytes
from briefpack.ingest.dump.patterns import is_furniture, opens_teasers
from pagelines import read_lines


@pytest.mark.parametrize(
    "line",
    [
        "The Reuters Daily Briefing newsletter provides all the news you need to start your day. Sign up here.",
        "By subscribing, you agree to our Privacy Policy.",
        "By signing up you agree to our Terms of Use.",
        "We rely on the support of readers like you. Every contribution, however small, helps us keep going.",
        "Your email",
        "Enter your email",
    ],
)
def test_newsletter_and_appeal_lines_are_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ministers signed up to the deal on Thursday after a week of talks in Geneva.",
        "The agency said it would rely on the support of regional governments to deliver the aid.",
        "Officials said an email address used by the hackers had been traced to a server in Shenyang.",
    ],
)
def test_news_sentences_with_the_same_words_stay_body(line):
    assert not is_furniture(line)


def test_suggested_topics_opens_a_list_of_links():
    assert opens_teasers("Suggested Topics:")


def test_a_newsletter_box_inside_the_body_is_left_out():
    lead = ("SEOUL, Oct 21 (Reuters) - South Korea's won fell to its weakest level in three months on Monday as "
            "investors bet the central bank would cut rates again.")
    second = "The currency ended the day down 0.6% against the dollar, its biggest daily fall since July."
    box = "The Reuters Daily Briefing newsletter provides all the news you need to start your day. Sign up here."
    article = read_bytes("\n\n".join(["Won slides to three-month low", "By Minji Park", lead, box, second]).encode(), "p.txt")
    assert [b.text for b in article.blocks] == [lead, second]


@pytest.mark.parametrize(
    "line",
    [
        "Join ST's Telegram channel and get the latest breaking news delivered to you.",
        "Save articles to read later and create your own reading list.",
        "We acknowledge Aboriginal and Torres Strait Islander peoples as the First Australians and Traditional "
        "Custodians of the lands where we live, learn, and work.",
        "This is AI generated summarization, which may have errors. For context, always refer to the full article.",
        "By providing an email address. I agree to the Terms of Use and acknowledge that I have read the Privacy Policy.",
        "Disclaimer: Comments do not represent the views of the site.",
        "Short Url",
        "Search [ ] [Search]",
        "Read more with Euractiv",
        "READ: PH files 2 diplomatic protests vs China over Ayungin, Escoda incidents",
    ],
)
def test_more_page_furniture(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", ["More from KCNA", "More on:", "list of 4 items", "Read more about:", "EDITORS' PICK"])
def test_heads_of_link_lists(line):
    assert opens_teasers(line)


P1 = ("South Korea's birth rate rose for the first time in nine years in 2024, official figures showed on Wednesday, "
      "as marriages increased after the pandemic.")
P2 = "Officials attributed the increase partly to couples who had postponed weddings during the Covid pandemic."
P3 = "The government has spent more than 380tn won on measures to encourage births since 2006."


def test_a_box_screen_readers_may_skip_is_left_out():
    box = ["skip past newsletter promotion", "Sign up to First Edition", "Free daily newsletter",
           "Our morning email breaks down the key stories of the day, telling you what's happening and why it matters",
           "Enter your email address", "Sign up",
           "Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties.",
           "after newsletter promotion"]
    article = read_lines(["South Korea's birth rate rises for first time in nine years", "Raphael Rashid in Seoul",
                          P1, P2, *box, P3], blank_between=True)
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_an_appeal_under_its_head_is_left_out_down_to_its_prompt():
    appeal = ["A Message from The Moscow Times:", "Dear readers,",
              'Our newsroom has been declared an "undesirable" organization by the Russian authorities, which means '
              "that anyone who works with us or shares our reporting faces prosecution.",
              "We rely on the support of readers like you. Every contribution, however small, helps us keep going."]
    article = read_lines(["North Korean Workers Flock to Russia's Far East", "By Mikhail Zotov", P1, P2, P3, *appeal],
                         blank_between=True)
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_signed_appeal_above_its_prompt_is_left_out_and_its_signer_is_no_author():
    appeal = ["We’re really pleased that you’ve read 10 of our articles in the past month.",
              "So now we have a request. Unlike other news outlets, we haven’t put up a paywall.",
              "Thank you,", "David Horovitz, Founding Editor of The Times of Israel", "Join Our Community"]
    article = read_lines(["Israel warns Moscow over Iranian missile transfers", "By NOA KEDEM and TOI STAFF",
                          P1, P2, P3, *appeal], blank_between=True)
    assert [b.text for b in article.blocks] == [P1, P2, P3]
    assert article.authors == ("Noa Kedem",)


def test_an_op_ed_ending_in_we_above_a_prompt_keeps_its_last_paragraph():
    last = "We must decide now whether we are ready to pay for our own defence."
    article = read_lines(["Europe cannot wait for Washington any longer", "By Anna Kim", P1, P2, last,
                          "Sign up for our newsletter"], blank_between=True)
    assert [b.text for b in article.blocks] == [P1, P2, last]


def test_comments_under_a_counter_are_no_body_and_their_writers_no_authors():
    thread = ["Comments (2) Closed", "Aamir K", "Nov 03, 2024 08:41am",
              "Foreign troops on our soil is a red line. The government must not give in.",
              "Sajid R.", "Nov 03, 2024 09:12am", "Protecting investors is our own responsibility, not a favour."]
    article = read_lines(["China presses Pakistan for joint security firm", "By Rizwan Haider", "Published November 3, 2024",
                          P1, P2, P3, *thread], blank_between=True)
    assert article.authors == ("Rizwan Haider",)
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_email_notification_offers_are_furniture():
    assert is_furniture("Get email notification for articles from Yael Ben-Ami Follow")


@pytest.mark.parametrize(
    "line",
    ["Keep NPR independent. Donate now.", "We care about your privacy", "News Expand/collapse submenu for News",
     "Close Navigation Menu", "3-Minute Listen", '<iframe src="https://www.npr.org/player/embed/1" width="100%">',
     "Stay ahead of the curve with our free newsletters", "Follow Sky News on WhatsApp", "Ad Feedback", "Image:"],
)
def test_donation_consent_player_and_menu_labels_are_furniture(line):
    assert is_furniture(line)


def test_a_sentence_about_donations_or_privacy_stays_body():
    assert not is_furniture("The charity said donations fell by a third after the privacy scandal broke in March.")
