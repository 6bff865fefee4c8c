"""Language of a text by a stop-word count, and the language a site publishes in by its country domain.

Both work offline. ``detect_language`` counts the commonest function words of
a few languages in the first couple of hundred words, which is plenty to tell
an English page dump from a Polish or Russian one. ``original_language``
answers "was this translated?": an English text served from a country-code
domain (``.vn``, ``.kr``, ``.pl`` …) whose country does not use English is
taken as a translation from that country's main language, which Babel's CLDR
territory data supplies.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from babel.languages import get_official_languages

from briefpack.ingest.nonascii import blank_non_ascii, non_ascii_chars

# The commonest function words per language. Small on purpose: they only
# need to outvote each other on a paragraph or two.
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in a is that for on with as was by it at from be this are have has "
        "not but an or its their his her they which were been also after said".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine zu den mit von im auf für sich des dem auch "
        "wird wurde nach bei aus".split()
    ),
    "fr": frozenset(
        "le la les et des est un une du dans que pour qui sur pas au avec par sont ont "
        "été cette aux".split()
    ),
    "es": frozenset(
        "el la los las y de que en un una es por con para del se al su lo como más "
        "fue han".split()
    ),
    "it": frozenset("il lo la gli le di che è e un una per con non del della sono nel ha".split()),
    "pl": frozenset(
        "i w na z że się nie do jest to o jak po przez dla od ale oraz są jego ich "
        "także który która".split()
    ),
    "ru": frozenset(
        "и в не на что с по как это из за от для к о но его она он был была были "
        "также который".split()
    ),
    "vi": frozenset(
        "và của là các có những được trong cho với không này một người đã đến khi "
        "cũng về".split()
    ),
}

_ANY_STOP_WORD = frozenset().union(*STOP_WORDS.values())
# Each stop word with the languages it counts for ("la" is French, Spanish and Italian).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(lang for lang, stops in STOP_WORDS.items() if word in stops) for word in sorted(_ANY_STOP_WORD)
}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# A word character outside ASCII: a letter or digit ``_WORD`` may read (or must split at).
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
# For ``_ascii_words``: an ASCII letter becomes its lower case, an apostrophe stays, every other byte a space.
_LETTERS_AND_APOSTROPHES = bytes(
    ord(chr(b).lower()) if chr(b).isascii() and (chr(b).isalpha() or b == ord("'")) else 32 for b in range(256)
)

# Country-code domains sold worldwide as generic names: their country says
# nothing about the language of the site.
_GENERIC_CCTLDS = frozenset(
    "ai app cc co fm gg io la ly me mu nu sh so tk to tv vc ws xyz".split()
)
# Domains that are not ISO 3166 territory codes.
_CCTLD_TERRITORY = {"uk": "GB", "eu": ""}

# A text needs this share of stop words in its best language to be named.
_MIN_SHARE = 0.08
# The vote reads the first words of a text only: in a couple of hundred words (a long paragraph)
# the stop words of the text's language make a third or more, any other language's a few, so
# reading on would not change the result, only cost a lookup per word.
_MAX_WORDS = 200
# Where ``_words`` cuts the text: 200 words of prose take 1,000 to 1,500 characters.
_HEAD_CHARS = 2_500
_MIN_HITS = 2


def _needs_unicode_reader(text: str) -> bool:
    """Whether ``text`` has a letter or digit outside ASCII, which only the Unicode pattern reads.

    Otherwise (curly apostrophes aside) an ASCII reader over the lowered text
    finds the same words several times faster; only the apostrophe inside a
    word may differ, and no stop word has one. ``str.isascii`` reads a flag
    the string keeps: on ASCII text the answer costs nothing.
    """
    return not text.isascii() and _NON_ASCII_WORD_CHAR.search(non_ascii_chars(text)) is not None


def _read_words(text: str, unicode: bool) -> list[str]:
    if unicode:
        return [m.group(0).lower() for m in itertools.islice(_WORD.finditer(text), _MAX_WORDS)]
    plain = text.replace("’", "'")
    if not plain.isascii():
        # Non-ASCII characters that are no letters or digits ("©", "—", "“") part words as a space
        # does: without them the ASCII reader reads the same words.
        plain = blank_non_ascii(plain)
    return _ascii_words(plain)


def _words(text: str) -> list[str]:
    """The first ``_MAX_WORDS`` words of ``text``, in lower case: they settle the vote."""
    # The reader is chosen on the whole text: the head alone may lack a letter outside ASCII that the
    # page has further down, and the two readers spell a word with "’" differently.
    unicode = _needs_unicode_reader(text)
    # The words are read from the text's head only (its lowering and splitting cost per character),
    # cut at a space: no word spans a space in either reader, so the head's words are the text's
    # first words, and when it holds ``_MAX_WORDS`` of them they are the same list. A head that
    # holds fewer (long tokens, few letters) is read again as the whole text.
    cut = text.find(" ", _HEAD_CHARS)
    if cut > 0:
        words = _read_words(text[:cut], unicode)
        if len(words) >= _MAX_WORDS:
            return words
    return _read_words(text, unicode)


def _ascii_words(plain: str) -> list[str]:
    """``_ASCII_WORD.findall(plain.lower())[:_MAX_WORDS]`` for ASCII text, three times faster.

    One byte translation lowers the letters and makes every other byte but an
    apostrophe a space; the text is then split, only as far as the words
    wanted (the rest stays one piece, dropped): no word spans a space, so only
    the rare chunk holding an apostrophe ("russia's", "'tis", "rock'n'roll")
    needs the pattern.
    """
    chunks = plain.encode("ascii").translate(_LETTERS_AND_APOSTROPHES).decode("ascii").split(None, _MAX_WORDS)
    del chunks[_MAX_WORDS:]
    if "'" not in plain:
        return chunks
    words: list[str] = []
    for chunk in chunks:
        if "'" in chunk:
            words.extend(_ASCII_WORD.findall(chunk))
        else:
            words.append(chunk)
    return words[:_MAX_WORDS]


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or ``None`` when no listed language stands out."""
    tokens = _words(text)
    if not tokens:
        return None
    # Only stop words are counted (a C-level filter drops the rest), and each distinct one is
    # looked up once, not every occurrence once per language.
    scores = dict.fromkeys(STOP_WORDS, 0)
    for word, n in Counter(filter(_ANY_STOP_WORD.__contains__, tokens)).items():
        for lang in _LANGUAGES_OF[word]:
            scores[lang] += n
    # The two best scores settle the vote: a tie at the top leaves no language standing out, so the
    # language named is the only one with the best score (``STOP_WORDS`` lists more than one).
    *_, runner_up, hits = sorted(scores.values())
    if hits < _MIN_HITS or hits < len(tokens) * _MIN_SHARE or hits <= runner_up:
        return None
    return next(lang for lang, score in scores.items() if score == hits)


def country_languages(domain: str | None) -> tuple[str, ...]:
    """The languages (ISO 639-1) used in the country of ``domain``'s country-code TLD.

    Empty when ``domain`` is ``None``, has a generic TLD (``.com``, ``.org``,
    ``.io`` …) or a country CLDR knows no languages for.
    """
    if not domain or "." not in domain:
        return ()
    suffix = domain.rstrip(".").rsplit(".", 1)[-1].lower()
    if len(suffix) != 2 or not suffix.isascii() or suffix in _GENERIC_CCTLDS:
        return ()
    territory = _CCTLD_TERRITORY.get(suffix, suffix.upper())
    if not territory:
        return ()
    languages = get_official_languages(territory, de_facto=True)
    # CLDR names some languages with a script ("zh_Hant"): the base is enough here.
    return tuple(dict.fromkeys(code.split("_")[0] for code in languages))


def original_language(domain: str | None, text_language: str | None) -> str | None:
    """The language the text was translated from, judged by the publisher's country domain.

    ``None`` when the text's language is unknown, the domain names no
    country, or the text is in one of that country's languages (not a
    translation as far as the domain tells).
    """
    if text_language is None:
        return None
    languages = country_languages(domain)
    if not languages or text_language in languages:
        return None
    return languages[0]
