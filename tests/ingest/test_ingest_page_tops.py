"""The headline among the lines above the body, and bylines printed with their date or in brackets (issue 3).

Pages put a menu, a site's tagline, a section's name or a picture's caption
near the headline; the headline is the line right above the byline or the
dateline, unless it stands above a standfirst. A breadcrumb above its
section's name is no label glued to a headline, and a bare name in the share
row under the headline is the byline, not a menu item.
"""

from __future__ import annotations

import pytest

from pagelines import read_lines
from briefpack.ingest.names import byline_names

HEADLINE = "China's parliament opens with a modest growth target and a pledge to stabilise jobs"
LEAD = (
    "BEIJING (AP) — China's legislature opened its annual session on Wednesday with a growth target of about "
    "5% for the year, as leaders pledged to create jobs and stabilise the property market."
)
SECOND = "The premier told nearly 3,000 delegates that the economy faced pressure from weak demand at home."
MENU = ["Menu", "World", "U.S.", "Politics", "Sports", "Business", "Science"]



def test_the_line_above_the_byline_beats_a_long_last_menu_item():
    article = read_lines([*MENU, "Personal Finance Guides Online", "Español", "", HEADLINE, "By MARTIN KOVAC",
                     "Updated 11:07 PM GMT+8, March 5, 2025", "", LEAD, SECOND])
    assert article.title == HEADLINE
    assert LEAD in [b.text for b in article.blocks]


def test_the_line_above_the_dateline_beats_a_flattened_menu_above_it():
    article = read_lines(["KCNA Watch", "", "Newstream  KCNA  Rodong Sinmun  Uriminzokkiri  Photos  Videos  Search", "",
                     "DPRK Agricultural Delegation Leaves for Russia", "", "Date: October 18, 2024", "", LEAD, SECOND])
    assert article.title == "DPRK Agricultural Delegation Leaves for Russia"


def test_a_headline_above_its_unpunctuated_standfirst_and_byline_stays_the_headline():
    standfirst = "Delegates hear a promise of jobs and help for the property market as the economy slows after a weak year"
    article = read_lines([HEADLINE, standfirst, "By Martin Kovac", "March 5, 2025", "", LEAD, SECOND])
    assert article.title == HEADLINE


def test_a_place_and_outlet_line_above_the_dateline_is_not_the_headline():
    article = read_lines(["Arab World", HEADLINE, "", "Beirut - Asharq Al-Awsat", "Thursday, 21 November, 2024 - 10:14", "",
                     LEAD, SECOND])
    assert article.title == HEADLINE


def test_a_breadcrumb_above_its_sections_name_leaves_the_headline_below():
    article = read_lines([*MENU, "Home > North Korea", "", "North Korea",
                     "(LEAD) N. Korea fires short-range ballistic missiles into East Sea: JCS",
                     "All News 08:52 November 05, 2024", "", LEAD, SECOND])
    assert article.title == "(LEAD) N. Korea fires short-range ballistic missiles into East Sea: JCS"


def test_a_name_in_the_share_row_is_the_byline_not_a_menu_item():
    article = read_lines([*MENU, "", HEADLINE, "2 hours ago", "Share", "Save", "Priya Raman", "BBC News, Taipei",
                     "Getty Images", "", LEAD, SECOND])
    assert article.title == HEADLINE
    assert article.authors == ("Priya Raman",)


def test_a_long_headline_below_a_sites_name_and_account_link():
    long_headline = ("Tokyo and Seoul quietly agree to share real-time missile warning data with Washington as "
                     "North Korea steps up its launches ahead of the US election")
    article = read_lines(["The Japan Times", "My Account", "Latest News", "", long_headline, "by Kaori Sato",
                     "Nov 14, 2024", "", LEAD, SECOND])
    assert article.title == long_headline
    assert article.authors == ("Kaori Sato",)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Tran Minh Anh   October 18, 2024 | 05:12 pm PT", ("Tran Minh Anh",)),
        ("By Tran Minh Anh Oct. 18, 2024", ("Tran Minh Anh",)),
        ("By Kim Min-ji 2024-10-18 09:41", ("Kim Min-ji",)),
        ("Posted by Sophie Laurent on 2 April 2025", ("Sophie Laurent",)),  # the date after "on", as before
        ("(By Lin Hsiao-wen and Ko Ming-hui)", ("Lin Hsiao-wen", "Ko Ming-hui")),
        ("By the end of October 2024", None),  # prose, with a date
        ("(Reuters)", None),
    ],
)
def test_bylines_with_their_date_or_in_brackets(line, names):
    assert byline_names(line, dated=True) == names


def test_a_bracketed_sign_off_byline_names_the_authors():
    article = read_lines([HEADLINE, "2024-10-18", "", LEAD, SECOND, "", "(By Lin Hsiao-wen and Ko Ming-hui)",
                     "Enditem/ls"])
    assert article.authors == ("Lin Hsiao-wen", "Ko Ming-hui")
    assert "(By Lin Hsiao-wen and Ko Ming-hui)" not in [b.text for b in article.blocks]


def test_the_line_above_a_bare_name_beats_a_link_in_the_sites_header():
    article = read_lines(["The Kyiv Independent", "Support us", "Ukraine war latest: Ukraine strikes ammunition depot in "
                     "Bryansk Oblast", "Ukraine", HEADLINE, "Oksana Hrytsenko", "3 hours ago", "", LEAD, SECOND])
    assert article.title == HEADLINE
    assert article.authors == ("Oksana Hrytsenko",)


def test_a_cookie_banner_above_the_menu_leaves_the_top_of_the_page_alone():
    banner = ("Ta strona używa plików cookies w celu świadczenia usług na najwyższym poziomie. Dalsze korzystanie "
              "ze strony oznacza, że zgadzasz się na ich użycie.")
    article = read_lines([banner, "TVP World", *MENU, HEADLINE, "By Anna Wiśniewska", "13 listopada 2024, 11:20", "",
                          LEAD, SECOND])
    assert article.title == HEADLINE
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_tagline_with_a_full_stop_is_no_body_text():
    article = read_lines(["The Real Russia. Today.", *MENU, "", HEADLINE, "", LEAD, SECOND])
    assert article.title == HEADLINE
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_headline_above_its_standfirst_beats_a_promo_line_above_the_bare_name():
    standfirst = "Officials from both sides say the direct channel will help prevent clashes at sea from escalating."
    article = read_lines(["South China Morning Post", "Sign In", "", HEADLINE, standfirst, "Reading Time:3 minutes",
                          "Why you can trust SCMP", "Meredith Chen", "Published: 8:00pm, 21 Nov 2024", "", LEAD, SECOND])
    assert article.title == HEADLINE
    assert article.authors == ("Meredith Chen",)


def test_a_byline_label_line_is_never_the_headline():
    article = read_lines(["The Asahi Shimbun", *MENU, HEADLINE, "By KENJI SATO/ Staff Writer",
                          "November 5, 2024 at 17:45 JST", "", LEAD, SECOND])
    assert article.title == HEADLINE
    assert article.authors == ("Kenji Sato",)


def test_a_desk_beside_the_author_is_no_author():
    assert byline_names("By Aigerim Toleukhanova and RFE/RL's Kazakh Service") == ("Aigerim Toleukhanova",)


@pytest.mark.parametrize(
    "references",
    [
        ["   18. form field = text entry field", "   19. form field = submit button"],  # lynx lists a form's fields
        ["   18. https://example.org/articles/2024/11/12/russians-in-riga-language-t", "   est-en"],  # a URL wrapped
    ],
)
def test_a_lynx_menu_line_is_navigation_whatever_its_references_list_holds(references):
    lines = ["[1]Novaya Gazeta Europe", "", "[2]Русская версия [3]News [4]Investigations [5]Opinion [6]Search", "",
             HEADLINE, "", LEAD, "", SECOND, "", "References", "", "   1. https://novayagazeta.eu/",
             "   2. https://novayagazeta.eu/ru", *references, "   20. https://novayagazeta.eu/contacts"]
    article = read_lines(lines)
    assert article.title == HEADLINE
    assert [b.text for b in article.blocks] == [LEAD, SECOND]
