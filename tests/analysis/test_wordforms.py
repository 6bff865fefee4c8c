"""Word forms: the stemmer and tokeniser that make taxonomy entries meet their inflected forms in text."""

from __future__ import annotations

import pytest

from briefpack.analysis.stemmer import stem
from briefpack.analysis.wordforms import BREAK, entry_keys, is_acronym, token_keys


def key(word: str) -> tuple[str, ...]:
    return entry_keys(word)


@pytest.mark.parametrize(
    "forms",
    [
        ("troop", "troops", "Troops"),
        ("sanction", "sanctions", "sanctioned", "sanctioning"),
        ("cooperation", "co-operation", "Co-operation"),
        ("travel", "travels", "traveled", "travelled", "travelling", "traveling"),
        ("trade", "trades", "traded", "trading"),
        ("invade", "invaded", "invades", "invading"),
        ("country", "countries"),
        ("supply", "supplies", "supplied", "supplying"),
        ("agree", "agreed", "agrees", "agreeing"),
        ("refugee", "refugees"),
        ("ship", "ships", "shipping", "shipped"),
        ("deploy", "deployed", "deploys", "deploying"),
        ("tax", "taxes"),
        ("crisis", "crises"),
        ("Russia", "Russia's", "Russia’s"),
        ("cyberattack", "cyber-attack"),
        ("nonproliferation", "non-proliferation"),
    ],
)
def test_word_forms_share_one_key(forms):
    assert len({key(f) for f in forms}) == 1, {f: key(f) for f in forms}


@pytest.mark.parametrize(
    "a, b",
    [
        ("plan", "plane"),
        ("car", "care"),
        ("arm", "arms"),
        ("arm", "armed"),
        ("unit", "united"),
        ("train", "training"),
        ("good", "goods"),
        ("custom", "customs"),
        ("accord", "according"),
        ("diplomat", "diplomacy"),
        ("refuge", "refugee"),
        ("shell", "shelling"),
        ("troop", "troupe"),
        ("policy", "police"),
    ],
)
def test_different_words_stay_apart(a, b):
    assert key(a) != key(b)


def test_stem_leaves_short_words_and_digits_alone():
    assert stem("gas") == "gas"
    assert stem("g20") == "g20"
    assert stem("news") == "news"


def test_hyphenated_word_gives_its_parts_and_a_joined_form():
    analysed = token_keys("full-scale")
    assert analysed.keys == key("full") + key("scale")
    assert analysed.surfaces == ("full", "scale")
    assert analysed.joined[0][2:] == (key("fullscale")[0], "full-scale")
    # A prefix makes one word, so "co-operation" is never an "operation".
    assert token_keys("co-operation").keys == ("cooperation",)


def test_punctuation_and_dashes():
    assert token_keys("Ukraine.").keys == key("Ukraine")
    assert token_keys("“Sanctions,”").surfaces == ("sanctions",)
    assert token_keys("—").keys == (BREAK,)
    assert entry_keys("r&d") == ("r", "d")


def test_phrases_are_key_sequences():
    assert entry_keys("charter flights") == entry_keys("charter flight")
    assert entry_keys("full-scale invasion") == ("full", "scale", "invasion")


def test_acronyms_are_written_in_capitals():
    assert is_acronym("WHO") and is_acronym("AIDS") and is_acronym("G7")
    assert not is_acronym("nato") and not is_acronym("Who") and not is_acronym("A")


def test_key_spans_follow_the_keys_one_for_one():
    from briefpack.analysis.wordforms import key_spans, text_keys

    text = "Russia's full-scale co-operation — U.S. 10,000 cyber-attack."
    spans = key_spans(text)
    keys = text_keys(text)[0]
    assert len(spans) == len(keys)
    assert [text[a:b] for a, b in spans] == ["Russia's", "full", "scale", "co-operation", "—", "U.S.", "10,000", "cyber", "attack"]
