"""Text-browser dumps (lynx, links, w3m): the link list in its several shapes is cut, a headline or an
author linked to their own pages are read as such while menus of links stay navigation, and wrapped
lines are joined even where the headline was wrapped wider than the text (issue 3)."""

from __future__ import annotations

import textwrap

from briefpack.ingest.dump.lines import logical_lines, split_lines
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.normalize import normalized_lines
from pagelines import read_lines

LEAD = ("   Beijing wants its own personnel deployed alongside Pakistani forces after\n"
        "   two deadly attacks on Chinese nationals this year, officials said on Sunday.")
BODY = ("   ISLAMABAD: China has formally proposed that Pakistan allow a joint security\n"
        "   company, staffed partly by Chinese personnel, to protect its citizens\n"
        "   working on projects of the China-Pakistan Economic Corridor, officials said.")
LEAD_TEXT = ("Beijing wants its own personnel deployed alongside Pakistani forces after two deadly attacks on "
             "Chinese nationals this year, officials said on Sunday.")


def _lynx(*parts: str, references: tuple[str, ...]) -> str:
    return "\n\n".join([*parts, "References\n\n" + "\n".join(references)]) + "\n"


def test_a_linked_headline_and_a_linked_author_are_read_and_a_line_of_links_is_not():
    page = _lynx(
        "   [1]Home [2]Latest [3]Pakistan [4]World [5]Business [6]Opinion",
        "[7]China presses Pakistan for joint security firm to protect CPEC workers",
        "   [8]Rizwan Haider\n   Published November 3, 2024",
        LEAD, BODY,
        references=tuple(f"   {n}. https://www.dawn.com/{n}" for n in range(1, 8)) + ("   8. mailto:",),
    )
    article = read_lines([page])
    assert article.title == "China presses Pakistan for joint security firm to protect CPEC workers"
    assert article.authors == ("Rizwan Haider",)
    assert article.blocks[0].text == LEAD_TEXT


def test_a_link_list_numbered_in_brackets_is_cut():
    page = _lynx(
        "[1]The Kathmandu Post",
        "Nepal to export 1,000MW to India under new long-term deal",
        "[2]Prakriti Thapa, [3]Ramesh Khadka & [4]Sunil Bhandari\nPublished at : May 5, 2025",
        LEAD, BODY,
        references=("[1] https://kathmandupost.com/", "[2] https://kathmandupost.com/author/prakriti-thapa",
                    "[3] https://kathmandupost.com/author/ramesh-khadka", "[4] mailto:news@kathmandupost.com"),
    )
    article = read_lines([page])
    assert article.authors == ("Prakriti Thapa", "Ramesh Khadka", "Sunil Bhandari")
    assert "[2]" not in article.title and article.title.startswith("Nepal to export")


def test_a_headline_wrapped_from_the_first_column_does_not_set_the_width():
    # lynx prints headings from the first column and the text three columns in, both to the same edge:
    # the text's lines, once stripped, are three characters shorter than the headline's.
    headline = ("North Korean Shells Have Kept Russia’s Guns Firing. Can Ukraine’s Drones Make\n"
                "Up the Difference?")
    paragraph = ("Since the autumn of 2023, North Korea has become the single most important external supplier of "
                 "artillery ammunition to Russia. South Korean intelligence estimates that Pyongyang has shipped more "
                 "than 20,000 containers of munitions and related materiel, equivalent to several million artillery "
                 "shells and rockets, according to the figures the agency gave to lawmakers in Seoul.")
    text = "\n".join("   " + line for line in textwrap.wrap(paragraph, 75))
    lines = logical_lines(normalized_lines(f"{headline}\n\n{text}\n"), DumpOptions())  # as a file is read
    assert len(lines) == 2
    assert lines[0].text == ("North Korean Shells Have Kept Russia’s Guns Firing. Can Ukraine’s Drones Make Up the "
                             "Difference?")


def test_a_dash_wrapped_to_the_start_of_a_line_continues_the_sentence():
    text = "\n".join([
        "The lesson for European governments is that the war has become a contest between",
        "industrial bases, and that Russia has been able to draw on partners willing to",
        "help it – North Korea and Iran – with arsenals of their own, while Europe has",
        "been slow to build the factories it needs, and slower still to fill them.",
        "– a list item after a finished sentence",
    ])
    lines = [line.text for line in split_lines(text, DumpOptions())]
    assert lines[-1] == "– a list item after a finished sentence"
    assert lines[0].endswith("slower still to fill them.")


def test_a_short_wrapped_page_under_a_long_menu_is_joined():
    menu = ["KCNA Watch", "NK News Network", "", "Newstream  KCNA  Rodong Sinmun  Photos  Videos  Search", "",
            "Home", "About", "Contact us", "Archive", "Tags", "Log in", "Sign up", "Help", ""]
    body = ["Pyongyang, October 18 (KCNA) -- A delegation of the Ministry of Agriculture of",
            "the DPRK headed by Minister Kim Hyong Sik left here on Friday by air to attend",
            "the Eastern Agricultural Cooperation Forum to be held in Vladivostok, Russia.", "",
            "It was seen off at the Pyongyang International Airport by officials concerned",
            "and members of the Russian embassy in the DPRK.", "",
            "The forum is expected to discuss the exchange of experience in raising the",
            "per-hectare yield of crops, seed breeding and the mechanization of farming."]
    lines = [line.text for line in split_lines("\n".join(menu + body), DumpOptions())]
    assert "It was seen off at the Pyongyang International Airport by officials concerned and members of the " \
           "Russian embassy in the DPRK." in lines


def test_a_dump_copied_without_its_link_list_loses_its_markers():
    page = "\n".join([
        "We care about your privacy",
        "[1]Accept and close [2]Refuse [3]Customise", "",
        "[4]Skip to main content", "[5]RFI", "[6]Listen [7]Podcasts [8]Newsletters",
        "[9]France [10]Africa [11]International", "", "[12]International", "",
        "Macron holds second round of Ukraine talks as US and Russia meet in Riyadh", "",
        "Text by:[13]Marie Lefort", "Issued on: 18/02/2025 - 14:22", "",
        "French President Emmanuel Macron will host a second meeting on Ukraine on Wednesday, said [14]officials.", "",
        "European capitals are trying to secure a seat at the table in the talks, diplomats said on Tuesday.",
    ])
    article = read_lines([page])
    assert article.title == "Macron holds second round of Ukraine talks as US and Russia meet in Riyadh"
    assert article.authors == ("Marie Lefort",)
    assert all("[" not in b.text for b in article.blocks)
