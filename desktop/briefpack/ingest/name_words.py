"""The word lists that tell a line of capitalised words from a personal name: navigation, section and
topic words, and weekday and month names.

``names`` reads bylines and bare name lines; a line of capitalised words is
a name only when none of its words is one a newsroom uses for its menus,
sections, outlets or institutions ("All News", "Kyodo News", "Ministry of
…"), a topic ("Israel Hamas War") or a day or month ("Thứ Sáu").
``SECTION_LABEL_WORDS``, the narrower set of section names, also tells the
dump reader a label glued to a headline ("PoliticsThe ministry …"). The day
and month names are Babel's CLDR data, shipped as a word list in
``resources/names`` so that no process loads thirteen locales to read them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from briefpack.paths import RESOURCES_DIR

# Words of newsroom navigation and site names: a line made of capitalised
# words that include one of these ("All News", "Social Affairs", "Kyodo
# News", "Middle East") is a section label, not a person. Compass words
# ("West", "North") are surnames too, so regions are named by their other word.
NOT_NAME_WORDS = frozenset(
    """news newsroom agency press media daily weekly times post herald tribune journal gazette
    network channel radio tv television online magazine review report affairs comments comment
    share print email subscribe newsletter home world national local international regional politics
    politic business economy finance markets opinion opinions editorial editorials analysis commentary
    sport sports culture society life lifestyle health science technology tech travel entertainment
    features feature related stories story popular trending latest breaking live video videos photo
    photos gallery section sections weather all top menu search login advertisement sponsored
    desk staff policy security defence defense environment climate energy world-japan
    middle asia asian africa african europe european america americas american pacific atlantic
    arctic antarctic caucasus balkans baltic nordic mideast asean eurasia oceania far near relations
    diplomacy military inter-korean cross-strait peninsula
    shimbun sinmun ilbo gazeta gazzetta zeitung nachrichten rundschau allgemeine izvestia izvestiya pravda
    vedomosti kommersant novosti vesti dziennik wiadomości corriere giornale diario jornal folha noticias
    notícias nouvelles courrier chronicle telegraph observer examiner inquirer monitor insider wire
    ministry government assembly parliament congress senate council committee commission embassy
    army navy command forces party institute university foundation nations union rights issue issues
    control check picks journalism estate watch today images pictures downloads download available
    bookmark save listen follow copy link read later podcast podcasts donate newsletters events
    digital edition editions premium subscription subscriptions coverage release releases statements
    briefings speeches viewed watched shared commented url pro plus kremlin spokesman spokeswoman spokesperson
    president minister leader chairman secretary about contact contacts gift""".split()
)
# The names of a newsroom's sections ("Politics", "World", "Defence"): the words a page prints as the
# label above a headline, which copying may glue to it ("PoliticsThe ministry …"). A narrower set than
# ``NOT_NAME_WORDS``, which also holds outlet and institution words ("Times", "Ministry") that start
# headlines and brand names.
SECTION_LABEL_WORDS = frozenset(
    """news world national nation local international regional politics business economy finance markets
    opinion opinions editorial editorials analysis commentary sport sports culture arts society lifestyle
    health science technology tech travel entertainment education environment climate energy defence defense
    security military diplomacy asia europe africa americas inter-korean""".split()
)
# Words that make a line a topic tag ("Israel Hamas War", "Ukraine Crisis"), never part of a byline. Kept
# apart from ``NOT_NAME_WORDS``, which also tells menus from headlines, where these words are news.
TOPIC_WORDS = frozenset("war wars conflict crisis ceasefire truce invasion election elections".split())


# The languages whose weekday and month names ``calendar_words`` holds.
CALENDAR_LANGUAGES = ("en", "pl", "ru", "uk", "vi", "de", "fr", "es", "it", "pt", "cs", "tr", "id")
# ``cldr_calendar_words()`` as shipped, one word a line: see ``calendar_words``.
CALENDAR_WORDS_FILE = RESOURCES_DIR / "names" / "calendar-words.txt"
_CALENDAR_HEADER = (
    "# Weekday and month names (wide and abbreviated, format and stand-alone, lower case) in the languages\n"
    "# of briefpack.ingest.name_words.CALENDAR_LANGUAGES, from Babel's CLDR data. Generated: run\n"
    "#   python -c 'from briefpack.ingest.name_words import write_calendar_words; write_calendar_words()'\n"
    "# after upgrading Babel (a test compares this list with Babel's data).\n"
)


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Weekday and month names in the languages of the outlets briefpack reads ("Thứ Sáu" is Friday).

    Read from ``CALENDAR_WORDS_FILE``, written from Babel's data by
    ``write_calendar_words``: loading the thirteen locales from Babel cost
    each worker process of an import a tenth of a second, the list a
    millisecond. Babel's data is the fallback when the file is missing.
    """
    try:
        text = CALENDAR_WORDS_FILE.read_text(encoding="utf-8")
    except OSError:
        return cldr_calendar_words()
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def cldr_calendar_words() -> frozenset[str]:
    """``calendar_words`` as Babel's CLDR data gives them (what ``write_calendar_words`` writes)."""
    from babel import Locale

    words: set[str] = set()
    for code in CALENDAR_LANGUAGES:
        locale = Locale.parse(code)
        for width in ("wide", "abbreviated"):
            for table in (locale.days["format"][width], locale.months["format"][width],
                          locale.days["stand-alone"][width], locale.months["stand-alone"][width]):
                words.update(name.lower().strip(".") for name in table.values())
    return frozenset(words)


def write_calendar_words(path: Path = CALENDAR_WORDS_FILE) -> None:
    """Write ``cldr_calendar_words()`` to ``path``, sorted, one a line, under a header saying how it was made."""
    path.write_text(_CALENDAR_HEADER + "".join(f"{word}\n" for word in sorted(cldr_calendar_words())), encoding="utf-8")
