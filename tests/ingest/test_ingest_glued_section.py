"""A section label run into a headline that is printed only once ("PoliticsThe ministry …"): the label is
split off into the category, while brand words of the same shape ("McDonald", "WorldCom") stay whole (issue 3)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from briefpack.ingest import read_bytes
from pagelines import read_lines
from briefpack.ingest.dump.patterns import glued_section_label
from briefpack.ingest.name_words import SECTION_LABEL_WORDS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_import  # noqa: E402

LEAD = (
    "The foreign ministry said on Thursday that rail freight between the two countries doubled over the "
    "summer, according to figures published by the customs office."
)
SECOND = "Officials said the new crossing would open to passenger trains next year if talks go well."



@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("PoliticsThe foreign ministry warned of delays", "Politics"),
        ("WorldNorth Korea fires a missile into the sea", "World"),
        ("DefencePoland buys more tanks from Seoul", "Defence"),
        ("Inter-KoreanSeoul offers talks on family reunions", "Inter-Korean"),
        ("McDonald opens its first store in Hanoi", None),
        ("YouTube removes state media channels", None),
        ("iPhone sales fall in China again", None),
        ("PyongyangTimes reports on the harvest", None),
        ("Politics The ministry warned of delays", None),  # a space: the label stands apart already
        ("WorldNorth", None),  # too short for a headline
    ],
)
def test_glued_section_label_only_for_known_section_names(text, label):
    assert glued_section_label(text) == label


def test_section_label_words_are_lower_case_single_words():
    assert all(w == w.lower() and " " not in w for w in SECTION_LABEL_WORDS)


def test_label_glued_to_a_headline_printed_once_becomes_the_category():
    lines = ["WorldNorth Korea opens a rail link with Russia", "By Kim Min-ji", LEAD, SECOND]
    article = read_lines(lines, blank_between=True)
    assert article.title == "North Korea opens a rail link with Russia"
    assert article.category == "World"
    assert LEAD in [b.text for b in article.blocks]


def test_a_brand_word_the_page_prints_again_stays_whole():
    lead = "WorldCom said on Thursday that its network would be sold to a rival before the end of the year."
    article = read_lines(["WorldCom shares fall after the sale", lead, SECOND], blank_between=True)
    assert article.title == "WorldCom shares fall after the sale"
    assert article.category is None


def test_a_label_line_above_the_headline_stays_the_category():
    article = read_lines(["Business", "EconomyThe central bank raises rates again", LEAD, SECOND], blank_between=True)
    assert article.title == "The central bank raises rates again"
    assert article.category == "Business"


def test_generated_state_media_dumps_lose_the_glued_label():
    rng = random.Random(7)
    checked = 0
    for n in range(1, 40, 4):  # layout 1 of the import benchmark glues "Politics" to the headline
        title, paragraphs = bench_import.story(rng)
        article = read_bytes(bench_import.layout(n, rng, title, paragraphs).encode("utf-8"), f"dump {n}.txt")
        assert article.title == title
        assert article.category == "Politics"
        checked += 1
    assert checked == 10
