"""Layout rules that real pages need beyond the annotated corpus: outlets under the headline, doubled
dates, dated source lines, menus as long as a headline, cookie banners and skip links (issue 3)."""

from __future__ import annotations

from briefpack.ingest import read_bytes
from briefpack.ingest.dates import dateline_date
from briefpack.ingest.names import personal_names
from briefpack.ingest.readings import reads_as_navigation
from briefpack.ingest.outlets import outlet_names

LEAD = (
    "Vietnam and Japan signed a memorandum on Wednesday on training and protecting Vietnamese workers "
    "who go to Japan under a new skills program."
)
SECOND = "Vietnam is the largest source of foreign workers in Japan, with more than half a million there."
THIRD = "Officials said the two sides would also share information on workers who leave their employers."


def _read(lines: list[str]):
    return read_bytes("\n".join(lines).encode("utf-8"), "dump.txt")


def test_outlet_names_are_the_capitalised_words_before_an_outlet_word():
    found = outlet_names(["Tuoi Tre News", "Reporting by Paul Kirby, BBC News", "for The Kyiv Independent."])
    assert {"tuoitre", "bbc", "thekyiv", "kyiv"} <= found
    assert "paulkirby" not in found  # the comma ends the run
    assert outlet_names(["Officials said the talks would resume."]) == frozenset()


def test_outlet_names_from_a_domain_made_of_a_name_and_an_outlet_word():
    assert outlet_names(["Source: https://tuoitrenews.vn/news/politics/1.html"]) == {"tuoitre"}
    assert "nk" in outlet_names(["www.nknews.org"])
    # An e-mail address is the reporter's, and a domain without an outlet word names no outlet.
    assert outlet_names(["hyojin@koreatimes.co.kr", "https://janedoe.com/about"]) == frozenset()


def test_a_name_the_page_prints_as_an_outlet_is_no_author():
    assert personal_names("Tuoi Tre", is_outlet={"tuoitre"}.__contains__) == ()
    assert personal_names("Thanh Hai", is_outlet={"tuoitre"}.__contains__) == ("Thanh Hai",)
    article = _read([
        "Tuoi Tre News", "Vietnam, Japan to upgrade labor cooperation", "Tuoi Tre",
        "Thu, November 21, 2024, 15:29 GMT+7", "", LEAD, "", SECOND, "", THIRD, "", "Ngoc An / Tuoi Tre News",
    ])
    assert article.authors == ("Ngoc An",)  # from the sign-off, once the outlet line is not taken for a byline
    assert article.title == "Vietnam, Japan to upgrade labor cooperation"


def test_a_bare_byline_on_a_page_that_names_its_outlet_is_still_read():
    article = _read(["Tuoi Tre News", "Vietnam, Japan to upgrade labor cooperation", "Thanh Hai",
                     "November 21, 2024", "", LEAD, "", SECOND, "", THIRD])
    assert article.authors == ("Thanh Hai",)
    # The outlet known from the page's URL alone is enough to keep it out of the authors.
    article = _read(["Vietnam, Japan to upgrade labor cooperation", "Tuoi Tre", "November 21, 2024", "",
                     LEAD, "", SECOND, "", THIRD, "", "Source: https://tuoitrenews.vn/news/politics/1.html"])
    assert article.authors == ()


def test_a_date_printed_twice_and_glued_is_read_once():
    assert str(dateline_date("Published On 21 Nov 202421 Nov 2024", "en")) == "2024-11-21"
    assert str(dateline_date("18.10.202418.10.2024", "en")) == "2024-10-18"
    # A time glued to the year is still a time, and two different dates glued stay unread.
    assert str(dateline_date("February 27, 20253:12 PM", "en")) == "2025-02-27"
    assert dateline_date("Published 21 Nov 202422 Nov 2024", "en") is None


def test_a_dated_source_line_dates_the_page():
    article = _read(["China, Brazil agree to align development strategies",
                     "Source: Xinhua| 2024-11-21 18:45:30|Editor: huaxia", "", LEAD, "", SECOND, "", THIRD])
    assert str(article.published) == "2024-11-21"
    assert article.publisher == "Xinhua"
    assert article.authors == ()


def test_menus_and_section_names_are_navigation_not_headlines():
    assert reads_as_navigation("Home News Sport Business Innovation Culture Travel Earth Video Live")
    assert reads_as_navigation("Russian Politics & Diplomacy")
    assert reads_as_navigation("Ministry of Foreign Affairs")
    assert not reads_as_navigation("Congress races to pass stopgap funding bill ahead of deadline")
    assert not reads_as_navigation("Putin warns West after firing new missile at Ukraine")
    article = _read(["Home News Sport Business Innovation Culture Travel Earth Video Live", "",
                     "Vietnam and Japan agree to upgrade labor cooperation", "21 November 2024", "",
                     LEAD, "", SECOND, "", THIRD])
    assert article.title == "Vietnam and Japan agree to upgrade labor cooperation"


def test_cookie_banners_and_skip_links_do_not_start_the_body():
    article = _read(["Cookies on GOV.UK", "We use some essential cookies to make this website work.",
                     "Accept additional cookies", "Skip to main content", "Skip next section Navigation",
                     "Press release", "UK announces new humanitarian funding for Sudan", "Published 21 November 2024",
                     "", LEAD, "", SECOND, "", THIRD])
    assert article.title == "UK announces new humanitarian funding for Sudan"
    assert [b.text for b in article.blocks] == [LEAD, SECOND, THIRD]


def test_a_name_before_a_slash_and_the_outlet_is_a_byline_anywhere():
    from briefpack.ingest.names import byline_names

    assert byline_names("Megan Torres / The Daily Tribune") == ("Megan Torres",)
    assert byline_names("Ngoc An / Tuoi Tre News") == ("Ngoc An",)
    assert byline_names("Oil and gas / Business News") is None  # words, not a name
    assert byline_names("Photo: Ngoc An / Tuoi Tre") is None  # no outlet word after the slash


def test_furniture_of_real_pages():
    from briefpack.ingest.dump.credits import caption_credit
    from briefpack.ingest.dump.patterns import is_furniture

    for line in ("Advertising", "Skip links", "Skip next section Explore DW", "Read moreUkraine fires missiles",
                 "(FRANCE 24 with AFP)", "dz/ach/gil", "rc/sms (Reuters, AFP, dpa)", "list of 3 items",
                 "list 2 of 3", "end of list", "Click here to share on social media",
                 "Have a news tip? Email us at news@dailytribune.com.",
                 "We've been working hard to bring you independent news from Ukraine.",
                 "Thanks for reading Strait Watch! Subscribe for free to receive new posts."):
        assert is_furniture(line), line
    for line in ("Read more about the plan in the report.", "The ministry said the talks (held in Geneva) went well.",
                 "Lawmakers will consider supporting the bill next week.", "Skip the queue, officials said."):
        assert not is_furniture(line), line
    caption = "The minister briefs the media in New Delhi on November 21, 2024. | Photo Credit: PTI"
    assert caption_credit(caption) == "PTI"
    assert caption_credit("Kim inspects a drone test, Nov. 15, 2024 | Image: Rodong Sinmun") == "Rodong Sinmun"


def test_a_citation_rule_is_a_legal_notice():
    from briefpack.ingest.legal import is_legal_notice

    notice = ('When citing and using any materials on the Internet, hyperlinks not lower than the first '
              'paragraph to "ukrinform.ua" are mandatory.')
    assert is_legal_notice(notice)
    assert not is_legal_notice("Seat belts are mandatory in the back of taxis from January, the ministry said today.")


def test_bylines_with_agencies_places_and_editors():
    from briefpack.ingest.names import byline_names

    cases = {
        "By Jordan Peterson, Reuters": ("Jordan Peterson",),
        "By Anna Kim, The Associated Press": ("Anna Kim",),
        "BY GEORGIA BROWN, ASSOCIATED PRESS": ("Georgia Brown",),
        "By Anna Kim and Lee Ji-hye, Reuters": ("Anna Kim", "Lee Ji-hye"),
        "By Ali Rahman in Kabul and Chad Smith in Doha": ("Ali Rahman", "Chad Smith"),
        "By Ali Rahman in Kabul, Afghanistan": ("Ali Rahman",),
        "Reporting by Chad Smith; Editing by Georgia Brown": ("Chad Smith",),
        "By A. Smith, B. Jones and C. Brown": ("A. Smith", "B. Jones", "C. Brown"),
    }
    for line, names in cases.items():
        assert byline_names(line) == names, line
    # An agency alone is no author.
    for line in ("By Reuters", "By AFP", "By The Associated Press", "By Kyodo News", "By Xinhua"):
        assert byline_names(line) is None, line


def test_dates_with_cjk_counters():
    assert str(dateline_date("2024年11月21日", "en")) == "2024-11-21"
    assert str(dateline_date("발행 2024년 11월 21일 15:04", "en")) == "2024-11-21"
    assert dateline_date("2024年13月40日", "en") is None


def test_short_headings_of_a_similar_length_are_no_hard_wrap():
    # A live blog: entry headings of 40-odd characters between long unwrapped paragraphs.
    # Taking them for a text wrapped at 45 columns would glue the headline to its standfirst.
    paras = [
        "Vladimir Putin has said Russia fired a new intermediate-range ballistic missile at the Ukrainian "
        "city of Dnipro, in a televised address to the nation on Thursday evening.",
        "He said the missile was fired in response to the use of US and British long-range weapons against Russia.",
        "Kremlin spokesperson Dmitry Peskov declined to comment on claims that Russia had fired an "
        "intercontinental ballistic missile, saying he had nothing to add.",
        "Ukraine's air force said on Thursday morning that Russia had launched a missile at Dnipro.",
    ]
    headings = ["Putin says Russia fired new missile at Dnipro", "Kremlin declines to comment on these reports",
                "Zelensky calls for new air defence for cities", "Pentagon says it was told before the launch"]
    lines = ["Ukraine war live: Putin says Russia fired new missile at Dnipro",
             "Russian president says conflict has acquired elements of a global character after strikes",
             "By Anna Kim", "21 November 2024", ""]
    for heading, para in zip(headings, paras):
        lines += ["12.40 GMT", heading, "", para, "", "Share", ""]
    article = _read(lines)
    assert article.title == "Ukraine war live: Putin says Russia fired new missile at Dnipro"
    texts = [b.text for b in article.blocks]
    assert all(p in texts for p in paras) and all(h in texts for h in headings)
