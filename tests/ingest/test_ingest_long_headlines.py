"""Headlines longer than ``max_title_words`` (wire services and state media print 20-odd words): when
nothing above reads as a headline, a long line without a full stop right above the dateline or the
byline is the headline, not the first paragraph (issue 3). A longer line, one that ends a sentence, or
one that no dateline or byline follows stays body text."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from briefpack.ingest import read_bytes
from pagelines import read_lines
from briefpack.ingest.dump.options import DumpOptions

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import bench_import  # noqa: E402

OPTIONS = DumpOptions()
# 24 words, no full stop: longer than ``max_title_words``.
LONG = (
    "The prime minister said on Thursday that remittances from workers abroad were cut by a third along the "
    "Tumen river after the summit in Vladivostok"
)
LEAD = (
    "SEOUL, Oct. 18 (Yonhap) -- The foreign ministry said on Thursday that rail freight between the two "
    "countries doubled over the summer, according to figures published by the customs office."
)
SECOND = "Officials said the new crossing would open to passenger trains next year if talks go well."



def test_the_sample_headline_is_longer_than_a_title_may_be():
    assert OPTIONS.max_title_words < len(LONG.split()) <= OPTIONS.max_long_title_words


@pytest.mark.parametrize(
    "below",
    [
        "By Kim Min-ji",  # an explicit byline
        "Published : 2024-10-18 09:41:05",  # a dateline
        "2024-10-18 14:22",  # a bare date: no letters, furniture, but a date
        "KIM MIN-JI",  # a bare name
    ],
)
def test_a_long_unpunctuated_line_above_the_dateline_or_byline_is_the_headline(below):
    article = read_lines([LONG, below, LEAD, SECOND], blank_between=True)
    assert article.title == LONG
    assert not article.title_derived
    assert LONG not in [b.text for b in article.blocks]
    assert article.blocks[0].text == LEAD


def test_below_a_bare_url_and_with_a_glued_section_label():
    lines = ["https://en.yna.co.kr/view/AEN20241018000300315", f"Politics{LONG}", "By Kim Min-ji", LEAD]
    article = read_lines(lines, blank_between=True)
    assert article.title == LONG
    assert article.category == "Politics"


@pytest.mark.parametrize(
    "lines",
    [
        [LONG, LEAD, SECOND],  # nothing dates or signs it: a paragraph without a full stop
        [LONG + ".", "By Kim Min-ji", LEAD, SECOND],  # a sentence
        [LONG + " and the ministry of foreign affairs in Seoul said", "By Kim Min-ji", LEAD],  # over 30 words
    ],
)
def test_other_long_lines_stay_body_text(lines):
    article = read_lines(lines, blank_between=True)
    assert article.title_derived
    assert lines[0] in [b.text for b in article.blocks]


def test_a_short_headline_above_keeps_the_long_line_as_a_standfirst():
    article = read_lines(["Rail freight with Russia doubles", LONG, "By Kim Min-ji", LEAD, SECOND], blank_between=True)
    assert article.title == "Rail freight with Russia doubles"
    assert LONG in [b.text for b in article.blocks]


def test_every_layout_of_the_import_benchmark_keeps_its_long_headlines():
    rng = random.Random(3)
    long_ones = 0
    for n in range(400):
        title, paragraphs = bench_import.story(rng)
        if len(title.split()) <= OPTIONS.max_title_words:
            continue
        article = read_bytes(bench_import.layout(n, rng, title, paragraphs).encode("utf-8"), f"dump {n}.txt")
        assert (article.title, article.title_derived) == (title, False), n
        long_ones += 1
    assert long_ones >= 8
