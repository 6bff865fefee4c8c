"""Newsletter boxes and appeals for support inside a page are furniture, not body text (issue 3); news
sentences that use the same words stay body text."""

from __future__ import annotations

import pytest

from briefpack.ingest import read_bytes
from briefpack.ingest.dump.patterns import is_furniture, opens_teasers


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
