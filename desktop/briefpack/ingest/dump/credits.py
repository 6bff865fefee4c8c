"""Recognisers for picture credits: credit lines, credits at the end of a caption, bare credits under one.

A picture's credit comes in many shapes: a labelled line ("Images source: ©
Getty Images", "Image source, Reuters", "(Image: X)"), the end of the
caption itself ("… (Source: Sputnik) |", "… (AP Photo/X)", "… Yonhap",
"… /Yonhap", "… [PHOTO CREDIT: X]"), or a bare line under the caption
("(ABC News: Danny Tran)", "Jenni Evans/News24"). Each function looks at one
line's text; where the line stands is the role classifier's question.
"""

from __future__ import annotations

import re

from briefpack.ingest.caseless import caseless


def _phrases(table: str) -> frozenset[str]:
    """A "|"-separated table of phrases as a set, whitespace tidied."""
    return frozenset(" ".join(p.split()) for p in table.split("|") if p.strip())


# Labels that start a line crediting the pictures: "Images source: © …",
# "Photo: Reuters", "Źródło zdjęć: © …", "Ảnh: TTXVN".
_CREDIT_LABEL = (
    r"(?:(?:images?|photos?|photographs?|pictures?|graphics?|illustrations?|videos?)\s*"
    r"(?:source|sources|credits?|by)?|credits?|źródło zdjęć|źródło zdjęcia|fot\.?|foto|ảnh|nguồn ảnh"
    r"|фото|bild|bildquelle)"
)
# "Image source, Reuters" (the BBC sets the credit off with a comma, after a label of two words),
# and a credit wholly in brackets under its picture: "(Image: Manchester Evening News)".
_CREDIT_LINE = re.compile(
    rf"{_CREDIT_LABEL}\s*[:.]\s*\S.*"
    r"|(?:images?|photos?|pictures?)\s+(?:source|credit)s?\s*,\s*\S.*"
    # "Photo from the National Maritime Council", "Photo courtesy of X": a capitalised name, no sentence
    r"|(?:images?|photos?|pictures?)\s+(?:from|courtesy of)\s+(?:the\s+)?[A-Z][^.!?]*"
    rf"|\(\s*{_CREDIT_LABEL}\s*:\s*[^()]+\)",
    re.IGNORECASE,
)
# Longer lines are no credit line (``features`` relies on the bound too).
MAX_CREDIT_WORDS = 20

# A credit printed at the end of a caption: "… (Source: Sputnik) |",
# "… (Photo: AFP)". "(Source: X)" without the trailing bar also ends many
# body paragraphs, so it makes a caption only with the bar.
_CAPTION_CREDIT = re.compile(
    r"[(\[](?P<label>source|(?:photo|image|picture) credit|photo|photograph|image|picture|credit|file|foto|fot\.|ảnh"
    r"|nguồn|фото|источник|źródło)\s*:\s*(?P<credit>[^()\[\]]{1,80})[)\]]\s*(?P<bar>\|)?\s*$",
    re.IGNORECASE,
)
# Agencies and picture desks whose bare name ends a caption without brackets ("… on Oct. 18. Yonhap").
# Unbracketed, a capitalised word after a sentence could be anything, so only these names count.
PHOTO_AGENCIES = _phrases(
    """Yonhap|Newsis|News1|AFP|AP|Reuters|EPA|EPA-EFE|EFE|Xinhua|TASS|RIA Novosti|Sputnik|Kyodo|Kyodo News
    |Jiji|Jiji Press|KCNA|VNA|TTXVN|Getty Images|Bloomberg|AAP|dpa|ANSA|ANI|PTI|UPI|Anadolu|Bernama
    |Antara|Shutterstock|NurPhoto|Zuma Press|PAP|CTK|Ukrinform|Interfax|PA|PA Wire|PA Media"""
)
# After a caption's last sentence: "(Yonhap)", "(AP Photo/X)", "(Xinhua/X)",
# "Photo: VNA", "Photo by VnExpress/X". The bracketed form holds one to four
# capitalised words (an agency), or a photographer after a slash.
_TRAILING_CREDIT = re.compile(
    # After a sentence, or after a usage note in brackets: "… (For Use Only in the Republic of Korea. No
    # Redistribution) (Yonhap)". The outlet and the photographer after a colon: "(ABC News: Lucy Marren)".
    # In square brackets too: "[EPA-EFE/MARC DUBOIS]"; a picture handed out "via" an agency: "(Iranian Presidency via AP)".
    r"(?:(?:(?<=[.!?”\"’)])\s+(?:\|\s*)?|\s+\|\s*)(?:[(\[](?P<credit>(?:[A-Z][\w&'.-]*\s?){1,4}"
    r"(?:/[^()\[\]/]{2,60}|,\s?[A-Z][\w.&'’ -]{1,40}|:\s?(?:[A-Z][\w.'’-]*\s?){1,4}|via\s(?:[A-Z][\w&'.-]*\s?){1,3})?)[)\]]"
    # a bracketed note that names the picture: "(File photo)", "(Express photo by X)", "(Representational image)"
    r"|\((?P<note>[^()]{0,30}\b(?i:photo|photograph|image|picture)s?\b[^()]{0,60})\)"
    # "Photo: X", "Photo by X", "| Photo Credit: X" (The Hindu and others set the credit off with a bar),
    # "ST PHOTO: X" (the outlet's initials first)
    r"|(?:[A-Z][A-Z&]{1,7}\s|(?i:file)\s)?(?i:photo|photograph|image|picture|foto|ảnh|pic)s?(?:\s+(?i:credits?))?(?:\s+(?i:by)|\s*:)\s*(?P<credit2>\S.{1,60})"
    # "… on Nov. 18. /Yonhap", "… /Courtesy of the Ministry" (Korean sites credit after a slash)
    r"|(?<=[.!?”\"’]\s)/\s?(?P<credit3>[A-Z][^/()|]{1,50})"
    # the outlet's initials and the photographer after a slash: "… yesterday. KT/Chea Vanna"
    r"|(?P<credit4>[A-Z]{2,5}/[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,3})"
    # a file picture credited to the outlet: "… transmission line. Post File Photo", "… AP Photo"
    r"|(?P<credit6>(?:[A-Z][\w&'.-]*\s){1,3}(?:[Ff]ile\s)?[Pp]hoto))"
    # not after a sentence: a photographer's initial, surname and office after a spaced slash ("… at the
    # council meeting / R. Dačkus/Office of the President"), a picture handed out through an agency ("… the
    # Korean People's Army (KCNA via Reuters)")
    r"|\s/\s(?P<credit5>(?:[A-Z]\.\s?)+[A-Z][\w'’-]+/[^/()|]{2,60})"
    r"|\s\((?P<credit7>(?:[A-Z][\w&'.-]*\s){1,4}via\s(?:[A-Z][\w&'.-]*\s?){1,3}|"
    # ... or a picture agency's name alone in brackets ("… in the Baltic Sea in January (AP)", "(PA Wire)")
    + "|".join(sorted(map(re.escape, PHOTO_AGENCIES), key=len, reverse=True))
    + r")\))\s*\|?\s*$"
)
# Also in capitals, and with the photographer and a note after slashes: "REUTERS/Song Ji-ho/File Photo". Reuters
# pages follow it with their licensing link.
# Picture libraries, which supply pictures and never an article's text: "Source: Getty" under the headline
# credits the picture above the text even without a caption.
PICTURE_LIBRARIES = frozenset(
    "getty|getty images|shutterstock|alamy|istock|istockphoto|nurphoto|zuma press|epa|epa-efe|unsplash|pexels"
    "|adobe stock|dreamstime|depositphotos".split("|")
)
_BARE_AGENCY = re.compile(
    r"(?<=[.!?”\"’])\s+(?P<credit>(?:"
    + "|".join(sorted(map(re.escape, PHOTO_AGENCIES | {a.upper() for a in PHOTO_AGENCIES}), key=len, reverse=True))
    + r")(?:\s+Photo)?(?:/[^()/.]{2,60}?){0,2})(?:\s+Purchase Licensing Rights(?:, opens new tab)?)?\s*\|?\s*$"
)
# What a bare agency name must follow (the look-behind of ``_BARE_AGENCY`` and the space after it).
_SENTENCE_END = re.compile(r"[.!?”\"’]\s")
# A bare credit ends a caption, which says what the picture shows in a few words first.
_MIN_BARE_CAPTION_WORDS = 4
# The words the unbracketed form of ``_TRAILING_CREDIT`` starts with ("photo" also starts "photograph").
_PHOTO_WORD = re.compile(r"photo|image|picture|foto|ảnh|pic:", re.IGNORECASE)
# A body paragraph may end with "(AFP)" too; captions with such a bare credit are short.
_MAX_TRAILING_CREDIT_WORDS = 40
_PHOTO_LABELS = frozenset(
    {"photo", "photograph", "image", "picture", "photo credit", "image credit", "picture credit", "file", "foto",
     "fot.", "ảnh", "фото"}
)


def is_credit_line(text: str, *, words: int | None = None) -> bool:
    """True for a line that credits pictures ("Images source: © Getty Images", "Photo: Reuters").

    ``words`` is ``len(text.split())`` when the caller has counted already.
    """
    if words is not None and words > MAX_CREDIT_WORDS:
        return False
    # The pattern first: it fails at the first word of nearly every line, before a long line is split.
    return _CREDIT_LINE.fullmatch(text) is not None and (len(text.split()) if words is None else words) <= MAX_CREDIT_WORDS


# A picture credit on a line of its own, without a label: the outlet or agency and the photographer in
# brackets ("(ABC News: Danny Tran)"), or the photographer and the agency after a slash ("Jenni
# Evans/News24", "Jonathan Nackstrand/AFP via Getty Images", "Vitaly Ankov / RIA Novosti").
_BARE_CREDIT = re.compile(
    r"\((?:[A-Z][\w&.'’-]*\s?){1,4}:\s*(?:[A-Z][\w.'’-]*\s?){1,4}\)"
    r"|(?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w.'’-]*\s?/\s?(?:[A-Z0-9][\w.&'’-]*\s?){1,4}(?:/(?:[A-Z0-9][\w.&'’-]*\s?){1,3})?"
    r"(?:via (?:[A-Z][\w.&'’-]*\s?){1,3})?"
)


def is_picture_library(name: str) -> bool:
    """True for a picture library's name ("Getty Images", "Shutterstock"), whatever its case."""
    return " ".join(name.lower().split()) in PICTURE_LIBRARIES


def is_bare_credit(text: str) -> bool:
    """True for a line such as "(ABC News: Danny Tran)" or "Jenni Evans/News24": a credit right under a caption."""
    return _BARE_CREDIT.fullmatch(text) is not None


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
    closes = tail.endswith((")", "]"))
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
    # Neither pattern has a literal start, so each scans the whole line; cheap tests spare most lines
    # (headlines, headings) both. Unbracketed, a trailing credit is "Photo: X" or "Post File Photo" (a photo
    # word) or "… /Yonhap", "KT/X" (a slash); a bare agency name follows a sentence's end mark.
    if closes or "/" in text or _names_photo(text):
        trailing = _TRAILING_CREDIT.search(text)
        if trailing is not None and trailing.start() > 0:
            credit = next(filter(None, trailing.group("credit", "credit2", "credit3", "credit4", "credit5", "credit6", "credit7", "note")))
            if trailing["credit7"] and _spelled_out_before(text[: trailing.start()], credit):
                return None  # "… the Environmental Protection Agency (EPA)": an acronym, not a credit
            return credit.strip() or None
    bare = _BARE_AGENCY.search(text) if not closes and _SENTENCE_END.search(text) else None
    if bare is not None and len(text[: bare.start()].split()) >= _MIN_BARE_CAPTION_WORDS:
        return bare.group("credit").strip()
    return None


def _spelled_out_before(text: str, acronym: str) -> bool:
    """True when the words that end ``text`` start with the letters of ``acronym`` ("Palestinian Authority"
    before "PA"): the brackets give a name's short form, not a picture's credit."""
    if not acronym.isupper() or not acronym.isalpha():
        return False
    initials = "".join(word[0] for word in text.split()[-len(acronym) :] if word[:1].isalpha())
    return initials.upper() == acronym


def _names_photo(text: str) -> bool:
    """True when ``text`` holds one of the words ``_PHOTO_WORD`` finds (as a substring test where ``caseless`` allows)."""
    lowered = caseless(text)
    if lowered is None:
        return _PHOTO_WORD.search(text) is not None
    return (
        "photo" in lowered or "image" in lowered or "picture" in lowered or "pic:" in lowered or "foto" in lowered
        or "ảnh" in lowered
    )
