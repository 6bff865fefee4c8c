"""The page-dump reader's shortcuts give exactly what the slow paths give, and importing the package stays light.

Parsing a page dump takes shortcuts (issue 3: 1,000 articles/s): lower-cased
text with plain patterns instead of IGNORECASE ones, substring tests before
regexes, English dates read without dateparser, one word count per text for
the language. Each test here compares a shortcut with the slow path it
replaces, on cases chosen to reach the edges (Unicode case quirks, every
month name and date form).
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from briefpack.ingest import dates, language, legal
from briefpack.ingest.caseless import UNSAFE_CHARS, caseless
from briefpack.ingest.dump import credits, patterns

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


def test_unsafe_characters_cover_every_case_quirk_of_this_python():
    multi = {chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and len(chr(c).lower()) != 1}
    assert multi <= set(UNSAFE_CHARS)
    casefix = pytest.importorskip("re._casefix")
    partners = {chr(c) for key, values in casefix._EXTRA_CASES.items() for c in (key, *values) if c > 127}
    # Every partner, and every character that lowers to one, is refused.
    lowering_to = {chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and chr(c).lower() in partners}
    assert partners | lowering_to <= set(UNSAFE_CHARS)


def test_caseless_lower_case_patterns_match_where_ignorecase_matches():
    alphabet = "abcdefghijklmnopqrstuvwxyzżółćęśąźń"
    plain = {p: re.compile(re.escape(p)) for p in alphabet}
    folded = {p: re.compile(re.escape(p), re.IGNORECASE) for p in alphabet}
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for p in alphabet:
        for ch in set(folded[p].findall(every)):
            low = caseless(ch)
            assert low is None or plain[p].fullmatch(low), (p, ch)
        for ch in set(plain[p].findall(every.lower())):
            assert folded[p].fullmatch(ch)


_NOTICES = [
    "Downloading, reproduction, storage, or any other use of content requires prior and explicit consent from X",
    "COPYRIGHT 2024 EXAMPLE MEDIA. ALL RIGHTS RESERVED. NO REPUBLISHING WITHOUT WRITTEN PERMISSION OF THE OWNER",
    "Copyrıght 2024 Example Medıa, all rıghts reserved and no reproductıon is allowed under the terms of use here",
    "ſome text about copyright and redistribution of the material that is long enough to count as a notice",
    "The court said the copyright case would be heard on Monday, lawyers for both sides told reporters later.",
    "Texts on this site are used with permission; see the terms of service and the applicable law in Poland now.",
    "Wszelkie prawa zastrzeżone. Kopiowanie i reproduction of the articles is forbidden without written permission.",
    "Все права защищены. Любое копирование и reproduction материалов запрещено без согласия редакции сайта.",
    "The views expressed in this article are the author's own and do not necessarily reflect our editorial stance.",
    "THE INSTITUTE DOES NOT TAKE SPECIFIC POLICY POSITIONS; ALL VIEWS EXPRESSED ARE SOLELY THOSE OF THE AUTHOR(S).",
    "Opinions, findings and conclusions expressed here are the writer’s own and are not the institution's view.",
]


@pytest.mark.parametrize("text", _NOTICES)
def test_legal_notice_shortcut_agrees_with_the_ignorecase_pattern(text):
    slow = len({m.group(0).lower()[:8] for m in legal._CUES.finditer(text)}) >= 2
    assert legal.is_legal_notice(text) == slow


@pytest.mark.parametrize(
    "line",
    ["Sign up for our newsletter", "SUBSCRIBE TO OUR NEWSLETTER", "We use cookıes", "Become a member today",
     "Reuters staff contributed to this report.", "Tags: Russia, Korea", "#Korea #Russia", "Photo 3 of 8",
     "reporter@example.com", "5 min read", "Updated 3 hours ago", "Facebook Twitter LinkedIn Email",
     "Facebook and the rest", "The newsletter, he said, was closed.", "ſign up for our newsletter",
     "Normal text sizeLarger text size", "Try unlimited access", "Only $1 for 4 weeks", "NewsBringing you the latest",
     "Log in, register or subscribe to save articles for later."],
)
def test_furniture_shortcuts_agree_with_the_separate_patterns(line):
    key = patterns._key(line)
    tokens = [t for t in re.split(r"[\s|·•/,]+", key) if t]
    slow = (
        key in patterns.FURNITURE_LINES
        or bool(tokens and all(t in patterns._SOCIAL for t in tokens))
        or (len(line.split()) <= patterns._MAX_PROMPT_WORDS and bool(patterns._PROMPTS.search(line)))
        or bool(patterns._CONTRIBUTED.fullmatch(key))
        or bool(patterns._TEXT_SIZE.fullmatch(key))
        or any(p.fullmatch(key) for p in patterns._FURNITURE_PATTERNS)
    )
    assert patterns.is_furniture(line) == slow


def _dateparser(candidate: str) -> object:
    import dateparser

    found = []
    for base in dates._BASES:
        parsed = dateparser.parse(candidate, languages=["en"], settings={**dates._SETTINGS, "RELATIVE_BASE": base})
        if parsed is None:
            return None
        found.append(parsed.date())
    return found[0] if found[0] == found[1] else None


def test_english_dates_read_without_dateparser_are_what_dateparser_reads():
    forms = ("{m} {d}, {y}", "{m}. {d}, {y}", "{m} {d} {y}", "{d} {m} {y}", "{d} {m}. {y}")
    checked = 0
    for name, form in itertools.product(dates._EN_MONTH_NUMBERS, forms):
        for day, month in (("9", name.capitalize()), ("31", name.upper()), ("30", name)):
            candidate = form.format(m=month, d=day, y=2024)
            quick = dates._english_date(candidate)
            if quick is not None:
                checked += 1
                assert quick == _dateparser(candidate), candidate
            else:  # not a real day (or not the shape): left to dateparser, which agrees there is no date
                assert day in ("30", "31") or not dates._EN_DATE.fullmatch(candidate)
    assert checked > 150


def _old_detect(text: str) -> str | None:
    words = [m.group(0).lower() for m in itertools.islice(language._WORD.finditer(text), language._MAX_WORDS)]
    if not words:
        return None
    scores = {lang: sum(w in stops for w in words) for lang, stops in language.STOP_WORDS.items()}
    lang, hits = max(scores.items(), key=lambda item: item[1])
    runner_up = max((s for other, s in scores.items() if other != lang), default=0)
    if hits < language._MIN_HITS or hits < len(words) * language._MIN_SHARE or hits <= runner_up:
        return None
    return lang


def test_language_by_word_counts_is_the_word_by_word_vote():
    words = [w for stops in language.STOP_WORDS.values() for w in sorted(stops)] + ["Pyongyang", "ports", "it’s", "don’t", "o’", "’the", "x1y"]
    rng = __import__("random").Random(3)
    for n, extra in itertools.product((0, 1, 5, 40, 400, 6000), ("", "İstanbul")):
        text = " ".join(rng.choice(words) for _ in range(n)) + " " + extra
        assert language.detect_language(text) == _old_detect(text)
        assert Counter(language._WORD.findall(text)) == Counter(m.group(0) for m in language._WORD.finditer(text))


def test_importing_the_package_loads_no_reader_library():
    code = (
        f"import sys; sys.path.insert(0, {str(DESKTOP)!r}); import briefpack.ingest; "
        "print(sorted(m for m in ('trafilatura', 'feedparser', 'dateparser', 'lxml', 'email.policy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_printable_text_skips_only_passes_that_change_nothing():
    from briefpack.ingest import normalize

    every = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    printable = "".join(ch for ch in every if ch.isprintable())
    for pattern in (normalize._LINE_BREAKS, normalize._DROPPED, normalize._SPACES):
        assert pattern.search(printable) is None
    text = "  A  line\u00a0with\tspaces \n\n\u200bB\r\nC\u2028 D  "
    slow = normalize._SPACES.sub(" ", normalize._DROPPED.sub("", normalize._LINE_BREAKS.sub("\n", text)))
    assert normalize.normalize_text(text) == "\n".join(
        re.sub(" {2,}", " ", line).strip() for line in __import__("unicodedata").normalize("NFC", slow).split("\n")
    )


def _corpus_lines() -> list[str]:
    corpus = Path(__file__).resolve().parent / "corpus"
    lines = [line.strip() for path in sorted(corpus.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    return [line for line in lines if line] + _NOTICES + ["(Source: Sputnik) |", "Photo: Reuters", "ſign up for our newsletter"]


def test_latin1_shortcuts_of_decoding_and_normalising_agree_with_the_general_passes():
    from briefpack.ingest import decode, normalize

    every_latin1 = "".join(map(chr, range(256)))
    samples = (every_latin1, "plain text\n", "bell\x07 and escape\x1b and DEL\x7f", "tab\there", "a\x0bb\x0cc\rd",
               "© 2024 café\n", "no-break\xa0space", "soft\xadhyphen", "C1\x85\x9f controls")
    for text in samples + tuple(every_latin1[i:i + 3] + "x" for i in range(256)):
        one_byte = text.encode("latin-1")
        assert len(one_byte.translate(None, decode._NOT_LATIN1_CONTROL)) == len(decode._CONTROL_OR_REPLACEMENT.findall(text))
        unprintable = bool(one_byte.translate(None, normalize._LATIN1_PRINTABLE))
        assert unprintable == (not text.replace("\n", "").isprintable())
        assert decode._looks_controlled(text) == (len(decode._CONTROL_OR_REPLACEMENT.findall(text)) > max(4, len(text) * 0.02) or "\x00" in text)


def test_the_bytes_decoded_last_are_not_decoded_twice_and_other_bytes_are():
    from briefpack.ingest.decode import decode_text

    data = "Ein Text über Zölle\n".encode("utf-8")
    first = decode_text(data)
    assert decode_text(data) is first
    other = "Ein Text über Steuern\n".encode("utf-8")
    assert decode_text(other) == "Ein Text über Steuern\n"
    assert decode_text(bytearray(b"\x00\x01binary\x00")) is None


def test_lower_case_furniture_pattern_matches_where_the_ignorecase_one_does():
    lines = _corpus_lines() + ["Comment (0)", "5 MIN READ", "Tags: Russia", "dz/ach/gil", "SKIP TO MAIN CONTENT", "12.40 GMT"]
    for line in lines:
        lowered = caseless(line)
        if lowered is None:
            continue
        key = lowered.strip(patterns._KEY_STRIP).strip()
        assert bool(patterns._FURNITURE_LOWER.fullmatch(key)) == bool(patterns._FURNITURE_PATTERN.fullmatch(line.lower().strip(patterns._KEY_STRIP).strip())), line


def test_recognisers_given_the_word_count_answer_as_without_it():
    for line in _corpus_lines():
        words = len(line.split())
        assert patterns.is_furniture(line, words=words) == patterns.is_furniture(line), line
        assert patterns.is_prompt(line, words=words) == patterns.is_prompt(line), line
        assert credits.is_credit_line(line, words=words) == credits.is_credit_line(line), line
        assert credits.caption_credit(line, words=words) == credits.caption_credit(line), line


def test_cues_read_on_demand_are_what_the_recognisers_give():
    from briefpack.ingest.dump.features import line_features
    from briefpack.ingest.dump.lines import Line
    from briefpack.ingest.dump.options import DumpOptions

    texts = _corpus_lines()[:400]
    lines = [Line(text, True, True) for text in texts]
    features = line_features(lines, DumpOptions(), "en")
    for f, following in zip(features, [*texts[1:], None]):
        assert f.source == patterns.source_line(f.text)
        assert f.copyright == patterns.copyright_line(f.text)
        assert f.credit_line == credits.is_credit_line(f.text)
        assert f.caption_credit == credits.caption_credit(f.text)
        assert f.legal == legal.is_legal_notice(f.text)
        assert f.crumbs == patterns.breadcrumb(f.text, DumpOptions().max_category_words)
        assert f.glued_label == patterns.glued_prefix(f.text, following or "", 3, 30)
        cued = f.words <= 20 and dates.opens_with_date_cue(f.text)
        assert f.date == (dates.dateline_date(f.text, "en") if f.words <= 12 or cued else None)
    # A record's cue is read once and kept.
    assert features[0].__dict__.get("source", "absent") == features[0].source


def test_vocabulary_of_latin1_text_is_the_words_the_pattern_finds():
    from briefpack.ingest.dump import vocabulary
    from briefpack.ingest.dump.lines import Line

    every_latin1 = "".join(map(chr, range(0xA0, 0x100)))
    for sample in ("© 2024 the news", "café au lait", "x\xa0y « z »", "²nd place, ¼ of it", every_latin1, "a—b “quoted” words"):
        lines = [Line(f"{sample} and more", True, True), Line("Another line, here", True, True)]
        words = re.findall(r"[^\W\d_]+", "\n".join(line.text for line in lines))
        assert vocabulary.lowercase_vocabulary(lines) == frozenset(w for w in words if w.islower()), sample
