"""Recognisers for single lines of page furniture, credits, captions, sources and copyright footers.

Each function looks at one line's text only and answers one question ("is
this a share row?", "which credit does this caption name?"); the layout
questions (where the line stands, what is around it) belong to the role
classifier. The vocabularies are tables, so a new site's furniture is one
more entry rather than one more branch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefpack.ingest.caseless import caseless
from briefpack.ingest.legal import copyright_holder
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
    |mehr zum thema|lire aussi|explore more on these topics|more on this topic|more about"""
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
    |topics|reuse this content|(end)|end|your email address will not be published"""
)

_SOCIAL = frozenset(
    "facebook twitter x linkedin whatsapp telegram email e-mail mail print reddit pinterest copy link "
    "share messenger viber vk vkontakte zalo line threads bluesky mastodon flipboard pocket tumblr "
    "instagram youtube tiktok sms".split()
)
_FURNITURE_PATTERNS = (
    # counters: "Comment (0)", "Comments: 12", "12 comments", "3 shares"
    re.compile(r"(?:comments?|replies|responses|reactions|shares?|likes?|views?|votes?)\s*[:(]?\s*\d+\s*\)?", re.I),
    re.compile(r"\d+\s*(?:comments?|replies|shares?|likes?|views?|votes?)", re.I),
    # "5 min read", "Reading time: 4 minutes"
    re.compile(r"(?:reading time\s*:?\s*)?\d+\s*(?:min(?:ute)?s?|m)\.?(?:\s*read)?", re.I),
    # relative timestamps carry no date: "3 hours ago", "Updated 5 minutes ago"
    re.compile(
        r"(?:(?:updated|published|posted)\s*:?\s*)?(?:an?|\d+)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago",
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
        r"(?:read (?:more|also|next)|see also|related(?: coverage| news| stories| articles)?|also read"
        r"|czytaj (?:także|też|więcej)|zobacz (?:także|też)|xem thêm|читайте также|lire aussi|mehr zum thema)"
        r"\s*:.*",
        re.I,
    ),
    # skip links at the top of a page: "Skip to main content", "Skip next section Navigation"
    re.compile(r"skip (?:to|next|links?)\b.{0,40}", re.I),
    # a teaser glued to its label when copied: "Read moreUkraine fires …"
    re.compile(r"read (?:more|also|next)[^\W\d_].*", re.I),
    # a short line wholly in brackets ("(FRANCE 24 with AFP)", "(Reuters)") or desk initials
    # under agency copy ("dz/ach/gil", "rc/sms (Reuters, AFP, dpa)")
    re.compile(r"[a-z]{1,4}(?:/[a-z]{1,4})+(?:\s*\([^()]{1,40}\))?|\([^()]{1,40}\)", re.I),
    # screen-reader labels of inline teaser lists: "list of 3 items", "list 1 of 3", "end of list"
    re.compile(r"list (?:of \d+ items?|\d+ of \d+)|end of list", re.I),
    re.compile(r"click here to .{0,50}", re.I),
    # a time alone, as live blogs stamp their entries: "12.40 GMT", "9:05 a.m. ET"
    re.compile(r"\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}(?:[+-]\d{1,2})?)?", re.I),
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
# The words of a share row, between spaces, bars, bullets, slashes and commas.
_ROW_TOKEN = re.compile(r"[^\s|·•/,]+")
# Consent banners and newsletter, app or membership prompts: phrases a
# short line is built around. Each is specific ("we use cookies", not
# "cookies"), so a news sentence about cookie rules or newsletters stays body.
_PROMPTS = re.compile(
    r"\b(?:(?:we|this (?:web)?site|our (?:web)?site) uses?(?: [a-z]+){0,3} cookies|our use of cookies|accept (?:all )?cookies"
    r"|sign up (?:for|to) (?:our|the|a)\b|subscribe (?:to|for) (?:our|the)\b|(?:our|the) newsletter"
    r"|newsletter sign[- ]?up|(?:delivered |straight )?(?:to|in) your inbox"
    r"|(?:support|fund|back) (?:our|independent|quality) journalism|become a (?:member|subscriber|patron)"
    r"|download (?:our|the) app"
    # reader-support and subscription appeals, in the second person news copy does not use:
    # "We've been working hard to bring you …", "Have a news tip?", "Thank you for reading"
    r"|to bring you|subscription options"
    r"|(?:have|got) a news tip|we rely on (?:our )?(?:readers|members|subscribers)|join our community"
    r"|thanks? (?:you )?for reading)\b",
    re.I,
)
# A literal each alternative of ``_PROMPTS`` contains: a line without any is no prompt.
_PROMPT_HINTS = (
    "cookies", "sign up ", "subscribe ", "newsletter", "your inbox", "journalism", "become a ", "download ",
    "bring you", "subscri", "news tip", "rely on", "community", "for reading",
)
_MAX_PROMPT_WORDS = 40
# "Associated Press writer X contributed to this report." and its kin.
_CONTRIBUTED = re.compile(
    r".{0,160}\b(?:contributed (?:to )?(?:this|the) (?:report|story|article)|contributed reporting)\.?", re.I
)

# Labels that start a line crediting the pictures: "Images source: © …",
# "Photo: Reuters", "Źródło zdjęć: © …", "Ảnh: TTXVN".
_CREDIT_LINE = re.compile(
    r"(?:(?:images?|photos?|photographs?|pictures?|graphics?|illustrations?|videos?)\s*"
    r"(?:source|sources|credits?|by)?|credits?|źródło zdjęć|źródło zdjęcia|fot\.?|foto|ảnh|nguồn ảnh"
    r"|фото|bild|bildquelle)\s*[:.]\s*\S.*",
    re.IGNORECASE,
)
_MAX_CREDIT_WORDS = 20

# A credit printed at the end of a caption: "… (Source: Sputnik) |",
# "… (Photo: AFP)". "(Source: X)" without the trailing bar also ends many
# body paragraphs, so it makes a caption only with the bar.
_CAPTION_CREDIT = re.compile(
    r"\((?P<label>source|photo|photograph|image|picture|credit|foto|fot\.|ảnh|nguồn|фото|источник|źródło)"
    r"\s*:\s*(?P<credit>[^()]{1,80})\)\s*(?P<bar>\|)?\s*$",
    re.IGNORECASE,
)
# After a caption's last sentence: "(Yonhap)", "(AP Photo/X)", "(Xinhua/X)",
# "Photo: VNA", "Photo by VnExpress/X". The bracketed form holds one to four
# capitalised words (an agency), or a photographer after a slash.
_TRAILING_CREDIT = re.compile(
    r"(?:(?<=[.!?”\"’])\s+(?:\|\s*)?|\s+\|\s*)(?:\((?P<credit>(?:[A-Z][\w&'.-]*\s?){1,4}(?:/[^()/]{2,60})?)\)"
    # "Photo: X", "Photo by X", "| Photo Credit: X" (The Hindu and others set the credit off with a bar)
    r"|(?i:photo|photograph|image|picture|ảnh)s?(?:\s+(?i:credits?))?(?:\s+(?i:by)|\s*:)\s*(?P<credit2>\S.{1,60}))\s*\|?\s*$"
)
# Agencies and picture desks whose bare name ends a caption without brackets ("… on Oct. 18. Yonhap").
# Unbracketed, a capitalised word after a sentence could be anything, so only these names count.
PHOTO_AGENCIES = _phrases(
    """Yonhap|Newsis|News1|AFP|AP|Reuters|EPA|EPA-EFE|EFE|Xinhua|TASS|RIA Novosti|Sputnik|Kyodo|Kyodo News
    |Jiji|Jiji Press|KCNA|VNA|TTXVN|Getty Images|Bloomberg|AAP|dpa|ANSA|ANI|PTI|UPI|Anadolu|Bernama
    |Antara|Shutterstock|NurPhoto|Zuma Press|PAP|CTK|Ukrinform|Interfax"""
)
_BARE_AGENCY = re.compile(
    r"(?<=[.!?”\"’])\s+(?P<credit>(?:"
    + "|".join(sorted(map(re.escape, PHOTO_AGENCIES), key=len, reverse=True))
    + r")(?:\s+Photo)?(?:/[^()/.]{2,60})?)\s*\|?\s*$"
)
# A bare credit ends a caption, which says what the picture shows in a few words first.
_MIN_BARE_CAPTION_WORDS = 4
# The words the unbracketed form of ``_TRAILING_CREDIT`` starts with ("photo" also starts "photograph").
_PHOTO_WORD = re.compile(r"photo|image|picture|ảnh", re.IGNORECASE)
# A body paragraph may end with "(AFP)" too; captions with such a bare credit are short.
_MAX_TRAILING_CREDIT_WORDS = 40
_PHOTO_LABELS = frozenset({"photo", "photograph", "image", "picture", "foto", "fot.", "ảnh", "фото"})

_SOURCE_LABEL = re.compile(
    r"(?:source|sources|original(?: article)?|read (?:more|the original)(?: at| on)?|via|nguồn|источник|źródło|quelle)"
    r"\s*:\s*(?P<rest>.+)",
    re.IGNORECASE,
)
# "Copyright" and "(c)" open a footer only when a © or a year follows:
# "Copyright lawsuits rose …" and "(c) the third option" are prose.
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)(?=\s*\d{4})|copyright\s*(?=©|\(c\)|\d{4}))\s*(?P<rest>.*)", re.IGNORECASE
)
_MAX_COPYRIGHT_WORDS = 15


_KEY_STRIP = " :|›»>•·-–—."


def _key(text: str) -> str:
    return text.lower().strip(_KEY_STRIP).strip()


def is_furniture(text: str, *, words: int | None = None) -> bool:
    """True for navigation, share rows, counters, teaser headings and lines without letters.

    ``words`` is ``len(text.split())`` when the caller has counted already.
    """
    if not any(map(str.isalpha, text)):
        return True
    lowered = caseless(text)
    # The key is the lowered text stripped: lowering once serves both.
    key = _key(text) if lowered is None else lowered.strip(_KEY_STRIP).strip()
    if key in FURNITURE_LINES:
        return True
    # A share row is social words only: a first word that is not one settles it without splitting a long line.
    first = _ROW_TOKEN.search(key)
    if first is not None and first.group(0) in _SOCIAL and all(t in _SOCIAL for t in _ROW_TOKEN.findall(key)):
        return True
    if is_prompt(text, lowered, words=words):
        return True
    # The IGNORECASE pattern only runs on lines that contain its one literal (see ``caseless``).
    if (lowered is None or "contributed" in key) and _CONTRIBUTED.fullmatch(key):
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
    if lowered is not None and not any(map(lowered.__contains__, _PROMPT_HINTS)):
        return False
    if len(text.split()) > _MAX_PROMPT_WORDS:
        return False
    return bool(_PROMPTS.search(text))


def opens_teasers(text: str) -> bool:
    """True for headings such as "Related content" that introduce links to other articles."""
    return _key(text) in SECTION_OPENERS


def is_credit_line(text: str, *, words: int | None = None) -> bool:
    """True for a line that credits pictures ("Images source: © Getty Images", "Photo: Reuters").

    ``words`` is ``len(text.split())`` when the caller has counted already.
    """
    if words is not None and words > _MAX_CREDIT_WORDS:
        return False
    # The pattern first: it fails at the first word of nearly every line, before a long line is split.
    return _CREDIT_LINE.fullmatch(text) is not None and (len(text.split()) if words is None else words) <= _MAX_CREDIT_WORDS


def caption_credit(text: str, *, words: int | None = None) -> str | None:
    """The credit a caption line ends with ("… (Source: Sputnik) |" → "Sputnik"), or ``None``.

    Besides labelled credits in brackets, a caption may end, after its last
    sentence, with an agency credit in brackets ("… on Wednesday. (Yonhap)",
    "(AP Photo/J. Scott Applewhite)"), a "Photo: X" / "Photo by X" credit,
    or the bare name of a picture agency (``PHOTO_AGENCIES``: "… on Oct. 18. Yonhap").
    ``words`` is ``len(text.split())`` when the caller has counted already.
    """
    # Both bracketed forms end the line with ")" (a bar and spaces aside) and a bare agency name with
    # a letter: most lines end with a full stop, and the patterns, which have no literal start, then
    # run only on a line naming a photo.
    tail = text.rstrip().rstrip("|").rstrip()
    closes = tail.endswith(")")
    if closes:
        match = _CAPTION_CREDIT.search(text)
        if match is not None and match.start() > 0:
            if match.group("bar") is not None or match.group("label").lower() in _PHOTO_LABELS:
                return match.group("credit").strip() or None
    elif (words is not None and words > _MAX_TRAILING_CREDIT_WORDS) or (
        not tail[-1:].isalpha() and not _names_photo(text)
    ):
        return None  # either way: the checks below refuse a line this long
    words = len(text.split()) if words is None else words
    if words > _MAX_TRAILING_CREDIT_WORDS:
        return None
    trailing = _TRAILING_CREDIT.search(text)
    if trailing is not None and trailing.start() > 0:
        return (trailing.group("credit") or trailing.group("credit2")).strip() or None
    bare = _BARE_AGENCY.search(text) if not closes else None
    if bare is not None and len(text[: bare.start()].split()) >= _MIN_BARE_CAPTION_WORDS:
        return bare.group("credit").strip()
    return None


def _names_photo(text: str) -> bool:
    """True when ``text`` holds one of the words ``_PHOTO_WORD`` finds (as a substring test where ``caseless`` allows)."""
    lowered = caseless(text)
    if lowered is None:
        return _PHOTO_WORD.search(text) is not None
    return "photo" in lowered or "image" in lowered or "picture" in lowered or "ảnh" in lowered


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
    if match is None or len(text.split()) > _MAX_COPYRIGHT_WORDS:
        return None
    rest = re.sub(r"^[\s©]*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*", "", match.group("rest"))
    domain = bare_domain(rest.split()[0]) if rest.split() else None
    if domain and len(rest.split()) == 1:
        return CopyrightRef(domain, None)
    return CopyrightRef(None, copyright_holder(text))


_CRUMB = re.compile(r"\s+[›»>/|]\s+|\s*\|\s*")
_CRUMB_SEPARATORS = "›»>/|"


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
