"""Lists of links below an article (related stories with their bylines and dates, tags, most-viewed lists)
are furniture, and a source line that dates the story is no picture credit (issue 3)."""

from __future__ import annotations

from pagelines import read_lines

TITLE = "Indonesia builds a naval base on the edge of the South China Sea"
LEAD = (
    "JAKARTA — Indonesia has begun building a naval base on the Natuna Islands, the defence ministry said on "
    "Wednesday, as Chinese coast guard ships return to waters Jakarta claims as its own."
)
SECOND = "The base will host patrol ships and a maritime surveillance radar by the end of next year, officials said."



def test_related_stories_with_their_bylines_name_no_author():
    article = read_lines([TITLE, "By Rizky Pratama", "November 20, 2024", "", LEAD, SECOND, "", "Related Stories",
                     "What Prabowo's First Foreign Trip Tells Us About Indonesia's Foreign Policy", "By Kevin Hartono",
                     "November 12, 2024", "Vietnam's Island-Building Spree Accelerates in the Spratlys",
                     "By Thu Ha Nguyen", "October 30, 2024"])
    assert article.authors == ("Rizky Pratama",)
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_tags_heading_and_its_tags_are_furniture():
    article = read_lines([TITLE, "By Rizky Pratama", "", LEAD, SECOND, "", "Tags", "Security", "Southeast Asia",
                     "South China Sea"])
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_most_viewed_list_is_no_byline():
    article = read_lines([TITLE, "November 20, 2024", "", LEAD, SECOND, "", "Most Viewed",
                     "1 Typhoon makes landfall in Okinawa", "2 Yen slides to a 34-year low"])
    assert article.authors == ()


def test_a_source_line_with_the_stories_date_dates_the_story():
    caption = "Trucks loaded with goods wait to pass through the Mohan port in Yunnan Province, Nov. 21, 2024. (Xinhua)"
    article = read_lines(["China, Laos launch cross-border e-commerce pilot zone in Yunnan",
                     "Source: Xinhua | Editor: Huaxia | 2024-11-22 18:45:30", caption, "", LEAD, SECOND])
    assert str(article.published) == "2024-11-22"


def test_dates_in_a_list_of_links_do_not_date_the_story():
    article = _read_with_related("Updated Oct. 29, 2024 at 5:32 a.m.")
    assert str(article.published) == "2024-10-29"


def test_a_date_printed_under_the_text_before_any_list_dates_the_story():
    article = read_lines([TITLE, "", LEAD, SECOND, "05.11.2024"])
    assert str(article.published) == "2024-11-05"


def test_other_articles_with_their_titles_name_no_author():
    article = read_lines([TITLE, "Friday, November 8, 2024", "", LEAD, SECOND, "Other Articles",
                          "Fishermen Bring in Big Catches in East Sea", "Thursday, November 7, 2024"])
    assert article.authors == ()


def _read_with_related(dateline: str):
    return read_lines([TITLE, "By Carla Mendes", dateline, "", LEAD, SECOND, "Related",
                       "South Korea police launch crackdown on deepfake sex crimes", "August 28, 2024"])
