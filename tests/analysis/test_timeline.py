"""Timeline: dates resolved at the text's precision, relative dates, no date when none can be resolved, merging."""

from __future__ import annotations

import datetime as dt

from briefpack.analysis.timeline import build_timeline, find_dates
from analysis_articles import article, seed_articles



def dates(text, published=None):
    return [(f.date, f.precision) for f in find_dates(text, published)]


def test_seed_dates_resolve_absolutely_and_relative_to_the_previous_event():
    timeline = build_timeline(seed_articles())
    got = {(e.date, e.precision) for e in timeline}
    assert {("2023-09", "month"), ("2023-09-13", "day"), ("2023-11", "month"), ("2024-03", "month"),
            ("2024-04", "month"), ("2024-05", "month"), ("2024-10", "month"), ("2024", "year")} <= got
    later = next(e for e in timeline if e.date == "2023-11")
    assert later.text.startswith("Two months later")
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)


def test_seeds_have_no_date_so_relative_words_give_no_event():
    timeline = build_timeline(seed_articles())
    texts = " ".join(e.text for e in timeline)
    assert "In June, Russian President" not in texts  # "In June" in an undated article
    assert "on Thursday" not in texts
    assert "last year" not in texts and "this year" not in texts
    assert not any(e.date == "2023" for e in timeline)  # "12 times more than in 2023" is a comparison


def test_dates_relative_to_the_article_date():
    published = dt.date(2024, 11, 21)  # a Thursday
    assert dates("In June, Putin visited Pyongyang.", published) == [("2024-06", "month")]
    assert dates("In December, talks stalled.", published) == [("2023-12", "month")]
    assert dates("The treaty was extended last year.", published) == [("2023", "year")]
    assert dates("State media reported on Thursday that a pact was signed on Wednesday.", published) == [
        ("2024-11-21", "day"), ("2024-11-20", "day")]
    assert dates("Trade grew this month.", published) == [("2024-11", "month")]
    for text in ("In June, Putin visited.", "last year", "on Thursday", "this month"):
        assert dates(text, None) == [], text


def test_relative_to_the_previous_event_keeps_the_coarser_precision():
    assert dates("It began on 5 March 2022. Three days later it ended.") == [("2022-03-05", "day"), ("2022-03-08", "day")]
    assert dates("They met on September 13, 2023. Two months later they met again.") == [("2023-09-13", "day"), ("2023-11", "month")]
    assert dates("In 2019 they met. A year later they met again.") == [("2019", "year"), ("2020", "year")]
    assert dates("In 2019 they met. Two months later they met again.") == [("2019", "year")]  # no month to count from
    assert dates("Two months later they met again.") == []


def test_other_written_forms():
    assert dates("On 2024-06-19 the pact was signed.") == [("2024-06-19", "day")]
    assert dates("It opened on 19 June 2024 and closed in December, 2024.") == [("2024-06-19", "day"), ("2024-12", "month")]
    assert dates("Numbers hit a 12-year high; 2,024 people came; page 2024.") == []


def test_forms_that_start_two_words_before_their_date_word():
    # The full pattern is tried two words before a trigger only where such a form can start (see _TWO_BEFORE).
    assert dates("It opened on the 19th of June, 2024, then shut.") == [("2024-06-19", "day")]
    assert dates("Sales were 12 times higher than in 2023, when the sale began in 2021.") == [("2021", "year")]
    assert dates("It was signed in May 2020. The following year it lapsed.") == [("2020-05", "month"), ("2021", "year")]
    assert dates("It was signed in May 2020. the next month it lapsed.") == [("2020-05", "month"), ("2020-06", "month")]


def test_the_same_event_in_two_sources_is_one_event_with_both_sources():
    a = article("a", "On June 19, 2024, Russian President Vladimir Putin and Kim Jong Un signed a mutual defence treaty in Pyongyang.")
    b = article("b", "Vladimir Putin and Kim Jong Un signed a mutual defense pact in Pyongyang on June 19, 2024, state media said.")
    c = article("c", "On June 19, 2024, heavy rain flooded farms in the south of Vietnam.")
    timeline = build_timeline([a, b, c])
    assert len(timeline) == 2
    pact = next(e for e in timeline if "defence" in e.text)
    assert (pact.date, pact.precision) == ("2024-06-19", "day")
    assert {s.article_id for s in pact.sources} == {"a", "b"}


def test_an_undated_article_contributes_only_what_it_dates_itself():
    undated = article("u", "In June, the two leaders met. In March 2024, a delegation visited.")
    assert [(e.date, e.text) for e in build_timeline([undated])] == [("2024-03", "In March 2024, a delegation visited.")]
    dated = article("d", "In June, the two leaders met.", published=dt.date(2024, 8, 1))
    assert [(e.date, e.precision) for e in build_timeline([dated])] == [("2024-06", "month")]


def test_date_words_next_to_look_alikes_are_all_read():
    # The trigger scan skips "may", "Near", "Say" and "Day": the date words beside them must still be found.
    text = ("Talks may resume on May 5. Near the border, a year later, they met again. Say what you will: "
            "Day by day, last month and in May 2023 the talks went on.")
    assert dates(text, dt.date(2024, 6, 20)) == [
        ("2024-05-05", "day"), ("2025", "year"), ("2024-05", "month"), ("2023-05", "month"),
    ]


def test_years_before_1900_are_read_where_the_context_shows_a_year():
    assert dates("The city was founded in 1850.") == [("1850", "year")]
    assert dates("Since 1789, the republic has changed.") == [("1789", "year")]
    assert dates("It was built by 1066 and stood until 1215.") == [("1066", "year"), ("1215", "year")]
    assert dates("The treaty of July 14, 1789 was signed. In March 1812, troops marched.") == [
        ("1789-07-14", "day"), ("1812-03", "month")]
    assert dates("On 5 October 1905 it opened.") == [("1905-10-05", "day")]
    assert dates("In the year 1492 a ship sailed.") == [("1492", "year")]
    assert dates("From 1000 to 1100 the town grew.") == [("1000", "year")]
    assert dates("Visitor numbers in 2024 hitting a high; in 1850 alone, it rained.") == [("2024", "year"), ("1850", "year")]


def test_numbers_that_count_things_are_no_years():
    assert dates("The army sent 1850 soldiers and 1,850 horses.") == []
    assert dates("The town was defended by 1500 soldiers.") == []
    assert dates("A force of 1200 men crossed; 1789 people signed.") == []
    assert dates("In 2100, or in 999, nothing happened; page 1850 says so.") == []
