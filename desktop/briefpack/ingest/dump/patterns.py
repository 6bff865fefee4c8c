"""Recognisers for single lines of page furniture, prompts, sources, copyright footers and breadcrumbs.

Each function looks at one line's text only and answers one question ("is
this a share row?", "which URL does this source line give?"; picture
credits have ``credits``); the layout
questions (where the line stands, what is around it) belong to the role
classifier. The vocabularies are tables, so a new site's furniture is one
more entry rather than one more branch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import ahocorasick_rs

from briefpack.ingest.caseless import caseless
from briefpack.ingest.legal import copyright_holder
from briefpack.ingest.name_words import SECTION_LABEL_WORDS
from briefpack.ingest.web import URL, article_url, bare_domain, clean_url


def _phrases(table: str) -> frozenset[str]:
    """A "|"-separated table of phrases as a set, whitespace tidied."""
    return frozenset(" ".join(p.split()) for p in table.split("|") if p.strip())


# Headings that open a block of teasers (links to other articles): the short
# lines after them are furniture too.
SECTION_OPENERS = _phrases(
    """related content|related articles|related stories|related news|related|read more|read also
    |see also|more on this story|recommended|most read|most popular|trending|you may also like
    |more from this author|more stories|latest news|top stories|czytaj także|czytaj też
    |zobacz także|zobacz też|polecamy|xem thêm|tin liên quan|читайте также|weitere artikel
    |mehr zum thema|lire aussi|explore more on these topics|more on this topic|more about|keep reading
    |read next|up next|more from|don't miss|editor's picks|editors' picks|editor's pick|editors' pick|must read|in this news|related topics|suggested topics
    |most viewed|most watched|most shared|tags|topics|keywords|other articles|other news|more articles
    |read more here|more on|more in|see more on|related research|related reading|related analysis
    |related publications|written by|about the author|about the authors|read more about|further reading
    |recommended reading|related experts|go deeper|the latest|latest stories|related article|related tags"""
)

# Whole lines that are page furniture (compared in lower case, without
# trailing punctuation).
FURNITURE_LINES = SECTION_OPENERS | _phrases(
    """advertisement|advertising|advert|ad|sponsored|sponsored content|promoted|partner content|share
    |share this|share this article|share article|share on facebook|share on twitter|tweet|print
    |email|e-mail|copy link|link copied|copy url|listen|listen to this article|subscribe
    |subscribe now|sign up|sign in|log in|newsletter|follow us|follow|skip to content
    |skip to main content|menu|search|home|back to top|top|next|previous|load more|show more
    |continue reading|read full article|comments|comment|leave a comment|reply|view comments
    |show comments|loading|close|accept|accept all|cookie settings|more|video|watch
    |photo gallery|gallery|photos|audio|play|open in app|download the app|reklama|komentarze
    |udostępnij|bình luận|chia sẻ|реклама|комментарии|поделиться|anzeige|publicité|keywords|tags
    |topics|reuse this content|(end)|end|your email address will not be published|bookmark|save
    |saved|follow us on|like this|like loading|search keywords|key words|your email|email address|enter your email|footer
    |short url|short link|shortlink|permalink|copy short url|press play to listen to this article|ad feedback
    |image|images|pic|picture"""
)

_SOCIAL = frozenset(
    "facebook twitter x linkedin whatsapp telegram email e-mail mail mailto print reddit pinterest copy link "
    "share messenger viber vk vkontakte zalo line threads bluesky mastodon flipboard pocket tumblr "
    "instagram youtube tiktok sms".split()
)
_FURNITURE_PATTERNS = (
    # counters: "Comment (0)", "Comments: 12", "12 comments", "3 shares"
    re.compile(r"(?:comments?|replies|responses|reactions|shares?|likes?|views?|votes?)\s*[:(]?\s*\d+\s*\)?", re.I),
    re.compile(r"\d+(?:[.,]\d+)?[km]?\s*(?:comments?|replies|shares?|likes?|views?|votes?|followers?|claps?)", re.I),
    # "5 min read", "Reading time: 4 minutes"
    re.compile(
        r"(?:(?:estimated )?read(?:ing)? time\s*:?\s*)?\d+(?:\s*[-–]\s*\d+)?\s*(?:min(?:ute)?s?|m)\.?(?:\s*read)?", re.I
    ),
    # relative timestamps carry no date: "3 hours ago", "Updated 5 minutes ago"
    re.compile(
        r"(?:(?:this (?:article |story |page )?was )?(?:updated|published|posted)\s*:?\s*)?(?:an?|\d+)\s+"
        r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
        # with the section after it: "2 hours ago - World"
        r"(?:\s+[-|•·–—]\s+[^\W\d][^.!?]{0,30})?",
        re.I,
    ),
    # labelled lists of links: "Tags: Russia, North Korea"
    re.compile(r"(?:tags?|topics?|keywords?|categories|tematy|tagi|từ khóa|теги|темы)\s*:.*", re.I),
    # licensing and standards links under agency copy
    re.compile(r"(?:our standards|purchase licensing rights)\b.*", re.I),
    # age warnings: "This article is more than 1 month old"
    re.compile(r"this (?:article|story) is (?:more than|over) \S+ \w+ old", re.I),
    # hashtags: "#Russia #NorthKorea"
    re.compile(r"(?:#\S+\s*)+"),
    # gallery counters "1/12", "Photo 3 of 8"
    re.compile(r"(?:(?:photo|image|slide)\s+)?\d+\s*(?:/|of)\s*\d+", re.I),
    # links to other articles with their label: "Read more: …", "Read also: …"
    re.compile(
        r"(?:read(?: (?:more|also|next))?|see also|related(?: coverage| news| stories| articles)?|also read|go deeper"
        r"|czytaj (?:także|też|więcej)|zobacz (?:także|też)|xem thêm|читайте также|lire aussi|mehr zum thema)"
        r"\s*:.*",
        re.I,
    ),
    # skip links at the top of a page: "Skip to main content", "Skip next section Navigation"
    re.compile(r"skip (?:to|next|links?)\b.{0,40}", re.I),
    # a teaser glued to its label when copied: "Read moreUkraine fires …"
    re.compile(r"read (?:more|also|next)[^\W\d_].*", re.I),
    # a short line wholly in brackets ("(FRANCE 24 with AFP)", "(Reuters)") or desk initials
    # under agency copy ("dz/ach/gil", "rc/sms (Reuters, AFP, dpa)"); not a byline in brackets ("(By X and Y)")
    re.compile(r"[a-z]{1,4}(?:/[a-z]{1,4})+(?:\s*\([^()]{1,40}\))?|\((?!by )[^()]{1,40}\)", re.I),
    # screen-reader labels of inline teaser lists: "list of 3 items", "list 1 of 3", "end of list"
    re.compile(r"list (?:of \d+ items?|\d+ of \d+)|end of list", re.I),
    re.compile(r"click here to .{0,50}", re.I),
    # ad labels with their text ("TEXT AD: Call …", "Sponsored: …") and the notes that break the text for one
    re.compile(r"(?:text )?(?:ad|advert|advertisement|sponsored)\s*:.*", re.I),
    re.compile(r"(?:article|story|text) continues (?:below|after (?:this |the )?(?:advertisement|advert|ad))", re.I),
    # a time alone, as live blogs stamp their entries: "12.40 GMT", "9:05 a.m. ET"
    re.compile(r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}(?:[+-]\d{1,2})?)?", re.I),
    # a teaser list's head naming where the links lead, in a few words: "More from KCNA", "More in Politics"
    re.compile(r"(?:read )?more (?:from|in|on|with|by|about) [^\s.!?,;]+(?: [^\s.!?,;]+){0,2}", re.I),
    # a menu's screen-reader labels and an audio player's: "News Expand/collapse submenu for News", "Close
    # Navigation Menu", "3-Minute Listen"
    re.compile(r".{0,30}expand/collapse submenu.{0,40}|(?:open|close) navigation menu|\d+-minute listen", re.I),
    # HTML code a page shows for embedding its player: "<iframe src=…>"
    re.compile(r"<(?:iframe|script|div|embed|object|img)\b.*", re.I),
    # a line that is only an e-mail address (the reporter's, under agency copy)
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
)
# All of them as one alternation, for one regex call per line instead of a dozen
# (IGNORECASE changes nothing for the two patterns without letters).
_FURNITURE_PATTERN = re.compile("|".join(f"(?:{p.pattern})" for p in _FURNITURE_PATTERNS), re.IGNORECASE)
# The same without IGNORECASE, for a key lowered by ``caseless`` (twice as fast), when every letter the
# patterns spell is lower case (escapes such as ``\S`` aside); else the IGNORECASE one serves both.
_FURNITURE_LOWER = (
    _FURNITURE_PATTERN
    if any(map(str.isupper, re.sub(r"\\.", "", _FURNITURE_PATTERN.pattern)))
    else re.compile(_FURNITURE_PATTERN.pattern)
)
# A text browser's form: an empty field and its button ("Search [ ] [Search]", "[ ] [Subscribe]"). Apart
# from the patterns above, as ``_TEXT_SIZE``: few lines hold a "[".
_FORM = re.compile(r"(?:[^\[\]]{0,40}\s)?\[[ _]*\]\s*\[[^\[\]]{1,20}\]")
# Text size controls, glued when copied: "Normal text sizeLarger text sizeVery large text size". Apart from
# the patterns above: its backtracking would cost every line, and few lines hold "text size".
_TEXT_SIZE = re.compile(r"(?:[a-z ]{0,20}text size){1,5}")
# The longest text ``_TEXT_SIZE`` and ``_CONTRIBUTED`` can match (a test reads them off the patterns): a
# longer key, as most paragraphs are, is spared the substring scan that guards each.
_LONGEST_TEXT_SIZE = 145
_LONGEST_CONTRIBUTED = 188
# The words of a share row, between spaces, bars, bullets, slashes and commas.
_ROW_TOKEN = re.compile(r"[^\s|·•/,]+")
# Consent banners and newsletter, app or membership prompts: phrases a
# short line is built around. Each is specific ("we use cookies", not
# "cookies"), so a news sentence about cookie rules or newsletters stays body.
_PROMPTS = re.compile(
    r"(?:\b(?:(?:we|this (?:web)?site|our (?:web)?site) uses?(?: [a-z]+){0,3} cookies|our use of cookies|accept (?:all )?cookies"
    r"|sign up (?:for|to) (?:our|the|a)\b|subscribe (?:to|for) (?:our|the)\b|(?:our|the) (?:free |daily |weekly )?newsletters?"
    r"|i would like to be emailed|your support helps|follow [\w.&'’ ]{2,30} on (?:whatsapp|telegram)"
    r"|newsletter sign[- ]?up|(?:delivered |straight )?(?:to|in) your inbox"
    r"|(?:support|fund|back) (?:our|independent|quality|[\w.-]+(?: [\w.-]+)?['’]s?) journalism"
    r"|become a (?:member|subscriber|patron)"
    r"|download (?:our|the) app"
    # reader-support and subscription appeals, in the second person news copy does not use:
    # "We've been working hard to bring you …", "Have a news tip?", "Thank you for reading"
    r"|to bring you|subscription options"
    r"|(?:have|got) a news tip|we rely on (?:the (?:support|generosity) of )?(?:our )?(?:readers|members|subscribers)"
    r"|join our community"
    # the fine print of a newsletter box: "Sign up here.", "By subscribing, you agree to our Privacy Policy."
    r"|sign up here|by (?:subscribing|signing up),? you agree|by providing (?:an|your) e-?mail"
    r"|your subscription (?:could not|has been|was) |don['’]t miss out on"
    r"|thanks? (?:you )?for reading"
    # paywall offers beside a teaser: "Subscribe to unlock this article", "Try unlimited access",
    # "Cancel anytime", "Only $1 for 4 weeks", "Check whether you already have access …"
    r"|subscribe (?:now )?to (?:unlock|continue|read)|try (?:unlimited|full|premium) (?:digital )?access"
    r"|(?:complete|essential|full|unlimited|premium) digital access"
    r"|cancel any ?time|(?:explore|see) (?:more|our|all)(?: full range of)? (?:offers|subscriptions|plans)"
    r"|already (?:have access|a subscriber)|terms (?:&|and) conditions apply|why subscribe"
    r"|(?:log ?in|sign ?in|register|subscribe)(?:,? (?:or |and )?(?:log ?in|sign ?in|register|subscribe))+ to"
    r"|we['’]ll send you|(?:get|receive|turn on) (?:breaking )?(?:news )?(?:alerts|notifications)"
    r"|get (?:an )?e-?mail notifications? for"
    r"|(?:web ?site|app) (?:can|may) (?:also )?be accessed|alternate addresses"
    r"|plans currently available|(?:only )?[$£€]\s?\d+(?:\.\d\d)? (?:for|per|a) (?:\d+ )?(?:weeks?|months?|year))"
    # donation prompts: "Keep NPR independent. Donate now.", "Make a donation"
    r"|donate (?:now|today)|make a (?:donation|contribution)"
    # consent banners' heads: "We care about your privacy", "We value your privacy"
    r"|we (?:care about|value|respect) your privacy"
    # notes on a summary a machine wrote: "This is AI generated summarization, which may have errors."
    r"|ai[- ]generated summar\w*|summar(?:y|ies|ized|ised) (?:was |were )?generated (?:by|with|using) ai"
    # messaging-channel and reading-list prompts: "Join ST's Telegram channel …", "Save articles to read later …"
    r"|join (?:[\w'’]+ ){1,3}(?:telegram|whatsapp|viber|signal) channel|save (?:articles|stories) to read later"
    # the acknowledgement of country that closes Australian sites' pages
    r"|we acknowledge (?:the )?(?:aboriginal|traditional (?:owners|custodians))"
    # comment policies and republishing offers: "Comments will be moderated.", "Republish our articles for free"
    r"|comments (?:will be|are) moderated|comments (?:do not|don['’]t) (?:represent|reflect)|republish (?:our|this) (?:articles?|stor(?:y|ies))"
    # a site's tagline, often glued to a menu label when copied (so no word boundary before it):
    # "NewsBringing you the latest news …"
    r"|bringing you the (?:latest|best))\b",
    re.I,
)
# A word (a run of letters, in lower case) each alternative of ``_PROMPTS`` holds, and the strings that
# stand in for a word where an alternative has none (a price; a tagline glued to the word before it):
# a line with neither is no prompt. An ASCII line is searched for all the words in one pass (an
# Aho-Corasick automaton), which costs less than splitting it into words for a set test.
_PROMPT_WORDS = frozenset(
    """cookies sign signin log login register subscribe subscription subscriptions subscriber newsletter inbox
    journalism become download bring tip rely community reading access cancel offers plans conditions send subscribing
    signing
    alerts notifications accessed addresses moderated republish telegram whatsapp viber signal save acknowledge
    generated represent notification donate donation contribution privacy newsletters
    """.split()
)
_PROMPT_WORD_FINDER = ahocorasick_rs.BytesAhoCorasick([b" " + w.encode("ascii") + b" " for w in sorted(_PROMPT_WORDS)])
_PROMPT_STRINGS = ("$", "£", "€", "bringing you")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Every byte but an ASCII letter becomes a space: an ASCII line's words are then its letter runs.
_ASCII_LETTERS = bytes(b if chr(b).isascii() and chr(b).isalpha() else 32 for b in range(256))


def _has_prompt_word(lowered: str) -> bool:
    """True when ``lowered`` holds one of ``_PROMPT_WORDS`` as a run of letters, or one of ``_PROMPT_STRINGS``."""
    if lowered.isascii():
        # Letters kept and all else a space (a byte translation), the prompt words are looked for with a
        # space either side, all at once: a match is a letter run, and some match is found when one stands.
        letters = lowered.encode("ascii").translate(_ASCII_LETTERS)
        found = bool(_PROMPT_WORD_FINDER.find_matches_as_indexes(b" " + letters + b" "))
    else:
        found = not _PROMPT_WORDS.isdisjoint(_LETTER_RUN.findall(lowered))
    # Spelt out, the four tests cost a third of ``any(map(lowered.__contains__, _PROMPT_STRINGS))``.
    return found or "$" in lowered or "£" in lowered or "€" in lowered or "bringing you" in lowered
_MAX_PROMPT_WORDS = 50
# "Associated Press writer X contributed to this report." and its kin.
_CONTRIBUTED = re.compile(
    r".{0,160}\b(?:contributed (?:to )?(?:this|the) (?:report|story|article)|contributed reporting)\.?", re.I
)

_SOURCE_LABEL = re.compile(
    r"(?:source|sources|original(?: article)?|read (?:more|the original)(?: at| on)?|via|nguồn|источник|źródło|quelle"
    r"|short ?link|permalink|article (?:link|url)|link to this (?:article|story))"
    r"\s*:\s*(?P<rest>.+)",
    re.IGNORECASE,
)
# "Copyright" and "(c)" open a footer only when a © or a year follows:
# "Copyright lawsuits rose …" and "(c) the third option" are prose.
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)(?=\s*\d{4})|copyright\s*(?=©|\(c\)|\d{4}))\s*(?P<rest>.*)", re.IGNORECASE
)
# Longer lines are no "©" footer (``features`` relies on the bound too).
MAX_COPYRIGHT_WORDS = 15


_KEY_STRIP = " :|›»>•·-–—."
_LONGEST_FURNITURE_LINE = max(map(len, FURNITURE_LINES))  # a longer key is none: spared the hashing


def _key(text: str) -> str:
    return text.lower().strip(_KEY_STRIP).strip()


def is_furniture(text: str, *, words: int | None = None) -> bool:
    """True for navigation, share rows, counters, teaser headings and lines without letters.

    ``words`` is ``len(text.split())`` when the caller has counted already.
    """
    # A first letter settles that the line has one: most lines start with a letter.
    if not text[:1].isalpha() and not any(map(str.isalpha, text)):
        return True
    lowered = caseless(text)
    # The key is the lowered text stripped: lowering once serves both.
    key = _key(text) if lowered is None else lowered.strip(_KEY_STRIP).strip()
    if len(key) <= _LONGEST_FURNITURE_LINE and key in FURNITURE_LINES:
        return True
    # A share row is social words only: a first word that is not one settles it without splitting a long line.
    first = _ROW_TOKEN.search(key)
    if first is not None and first.group(0) in _SOCIAL and all(t in _SOCIAL for t in _ROW_TOKEN.findall(key)):
        return True
    if is_prompt(text, lowered, words=words):
        return True
    size = len(key)
    if size <= _LONGEST_TEXT_SIZE and "text size" in key and _TEXT_SIZE.fullmatch(key):
        return True
    if "[" in key and _FORM.fullmatch(key):
        return True
    # The IGNORECASE pattern only runs on lines that contain its one literal (see ``caseless``).
    if size <= _LONGEST_CONTRIBUTED and (lowered is None or "contributed" in key) and _CONTRIBUTED.fullmatch(key):
        return True
    return (_FURNITURE_PATTERN if lowered is None else _FURNITURE_LOWER).fullmatch(key) is not None


def is_prompt(text: str, lowered: str | None = None, *, words: int | None = None) -> bool:
    """True for a short line that is a cookie banner or a newsletter, app or membership prompt.

    ``lowered`` is ``caseless(text)`` and ``words`` ``len(text.split())`` when the caller has them already.
    """
    if words is not None and words > _MAX_PROMPT_WORDS:
        return False  # a paragraph: spared the hints below, which scan the whole line
    # The literal hints first: they rule out nearly every line before a long one is split into words.
    lowered = lowered if lowered is not None else caseless(text)
    if lowered is not None and not _has_prompt_word(lowered):
        return False
    if (len(text.split()) if words is None else words) > _MAX_PROMPT_WORDS:
        return False
    return bool(_PROMPTS.search(text))


# A screen reader's label before an inline list of links ("list of 4 items"), and a list's head naming the
# links' source ("More from KCNA").
_OPENS_LIST = re.compile(r"list of \d+ items?|(?:read )?more (?:from|in|on|with|by|about) .+")


def opens_teasers(text: str) -> bool:
    """True for headings such as "Related content" that introduce links to other articles."""
    key = _key(text)
    return key in SECTION_OPENERS or _OPENS_LIST.fullmatch(key) is not None


@dataclass(frozen=True, slots=True)
class SourceRef:
    """What a "Source: …" line gives: a URL, a domain, or a name (each ``None`` when absent)."""

    url: str | None
    domain: str | None
    name: str | None


def source_line(text: str) -> SourceRef | None:
    """The source a "Source: URL" line (or a line that is only a URL) names, or ``None``."""
    if ":" not in text:  # both a URL ("://") and a label ("Source:") need one
        return None
    url = article_url(text)
    if url:
        return SourceRef(url, None, None)
    match = _SOURCE_LABEL.fullmatch(text)
    if match is None:
        return None
    rest = match.group("rest").split("|", 1)[0].strip()  # "Source: Xinhua | 2024-11-21 | Editor: X"
    url = article_url(rest)
    if url:
        return SourceRef(url, None, None)
    found = URL.search(rest)
    if found and article_url(clean_url(found.group(0))):
        return SourceRef(clean_url(found.group(0)), None, None)
    domain = bare_domain(rest)
    if domain:
        return SourceRef(None, domain, None)
    if len(rest.split()) <= 4 and rest[:1].isupper() and not rest.endswith("."):
        return SourceRef(None, None, rest)
    return None


@dataclass(frozen=True, slots=True)
class CopyrightRef:
    """A "© …" footer: the site's ``domain`` or the ``holder``'s name (``None`` when it gives neither)."""

    domain: str | None
    holder: str | None


def copyright_line(text: str) -> CopyrightRef | None:
    """What a short "© …" line names, or ``None`` when the line is not one."""
    match = _COPYRIGHT.match(text)
    if match is None or len(text.split()) > MAX_COPYRIGHT_WORDS:
        return None
    rest = re.sub(r"^[\s©]*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*", "", match.group("rest"))
    domain = bare_domain(rest.split()[0]) if rest.split() else None
    if domain and len(rest.split()) == 1:
        return CopyrightRef(domain, None)
    return CopyrightRef(None, copyright_holder(text))


_CRUMB = re.compile(r"\s+[›»>/|]\s+|\s*\|\s*")
_CRUMB_SEPARATORS = "›»>/|"


def trail_end(text: str) -> str | None:
    """The last crumb of a breadcrumb trail, whatever its length ("Home > Press Releases > Sanctioning
    Networks …" gives "Sanctioning Networks …"): trails often end with the headline. ``None`` when
    ``text`` has no crumb separator."""
    if not any(map(text.__contains__, _CRUMB_SEPARATORS)):
        return None
    parts = _CRUMB.split(text)
    return parts[-1].strip() if len(parts) > 1 else None


def breadcrumb(text: str, max_words: int) -> tuple[str, ...]:
    """The crumbs of a breadcrumb trail ("News › World › Europe"), or ``()`` when ``text`` is not one."""
    if not any(map(text.__contains__, _CRUMB_SEPARATORS)):
        return ()  # one crumb: not a trail
    crumbs = tuple(c.strip() for c in _CRUMB.split(text))
    if len(crumbs) < 2 or not all(0 < len(c.split()) <= max_words for c in crumbs):
        return ()
    return crumbs


def glued_prefix(text: str, following: str, max_words: int, max_chars: int) -> str | None:
    """The label glued in front of ``following`` when ``text`` is that label plus ``following``.

    "PoliticsNorth Korea …" followed by "North Korea …" gives "Politics";
    ``None`` when ``text`` does not end with ``following`` or what is
    left is not a short label.
    """
    if len(following) < 10 or len(text) <= len(following) or not text.endswith(following):
        return None
    label = text[: -len(following)].strip(" |:›»>/-–—")
    if not label or len(label) > max_chars or len(label.split()) > max_words:
        return None
    if not label[0].isupper() or not any(ch.isalpha() for ch in label) or label[-1] in ".!?":
        return None
    return label


# A capitalised word run into the capital that opens the next word, with no space: "PoliticsThe …",
# "WorldNorth Korea …", "Inter-KoreanSeoul …".
# A label of one to four capitalised words ("Politics", "North Korea", "Russian Politics & Diplomacy") run into
# a capital.
_GLUED_WORD = re.compile(r"((?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?\s(?:&\s)?){0,3}[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?)[A-Z]")
_MIN_GLUED_HEADLINE_WORDS = 3


def glued_section_label(text: str, is_menu_item: Callable[[str], bool] | None = None) -> str | None:
    """The section label run into the start of a headline ("PoliticsThe ministry …" gives "Politics").

    Only a known section name counts, or a word the page prints as a line of its own, as its menu prints
    its sections (``is_menu_item``; "ChinaChinese defense ministry …" under a menu holding "China"), so
    "McDonald", "YouTube" or an outlet's "PyongyangTimes" keep their shape; ``None`` when ``text`` does
    not open that way or what follows is too short for a headline.
    """
    match = _GLUED_WORD.match(text)
    if match is None:
        return None
    word = match.group(1)
    known = " " not in word and word.lower() in SECTION_LABEL_WORDS
    if not known and (is_menu_item is None or not is_menu_item(word)):
        return None
    if len(text.split()) < _MIN_GLUED_HEADLINE_WORDS:
        return None
    return match.group(1)
