"""The prompt-word hint finds the words of an ASCII line in one pass and says what splitting it into words says.

``patterns._has_prompt_word`` looks for every prompt word at once, with a
space either side, in the line with each non-letter made a space. These tests
compare it with the reading it replaced (the line's letter runs, then a set
test) on generated text where prompt words stand alone, glued to letters,
split by digits, punctuation or other whitespace, or open and close the line,
and on the corpus lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefpack.ingest.dump import patterns
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_WORDS = sorted(patterns._PROMPT_WORDS)
_PIECES = st.sampled_from(
    [*_WORDS, "up", "the", "sign-up", "signup", "newsletters", "logged", "catalog", "tips", "s", "x", "5", "2024",
     " ", "  ", "\t", "-", "_", ".", ",", "'", "/", "@", "$", "bringing you", "é", "€"]
)
_TEXT = st.lists(_PIECES, max_size=10).map(" ".join) | st.lists(_PIECES, max_size=10).map("".join)


def _split_reading(lowered: str) -> bool:
    """The reading the finder replaced: the line's runs of letters, one set test, then the prompt strings."""
    found = not patterns._PROMPT_WORDS.isdisjoint(re.findall(r"[^\W\d_]+", lowered))
    return found or any(string in lowered for string in patterns._PROMPT_STRINGS)


@SETTINGS
@given(_TEXT)
def test_prompt_word_finder_agrees_with_the_letter_runs(text: str) -> None:
    lowered = text.lower()
    assert patterns._has_prompt_word(lowered) == _split_reading(lowered), text


@SETTINGS
@given(st.sampled_from(_WORDS), st.text(alphabet=" .,;:-_0123456789abz\t", max_size=6),
       st.text(alphabet=" .,;:-_0123456789abz\t", max_size=6))
def test_each_prompt_word_is_found_wherever_it_stands(word: str, before: str, after: str) -> None:
    lowered = before + word + after
    assert patterns._has_prompt_word(lowered) == _split_reading(lowered), lowered


def test_prompt_word_finder_agrees_on_corpus_lines() -> None:
    corpus = Path(__file__).resolve().parent / "corpus"
    lines = [line.strip().lower() for path in sorted(corpus.glob("*.txt")) for line in path.read_text("utf-8").splitlines()]
    ascii_lines = [line for line in lines if line and line.isascii()]
    assert ascii_lines
    assert sum(map(patterns._has_prompt_word, ascii_lines)) > 0  # the corpus holds prompts: both answers are met
    for line in ascii_lines:
        assert patterns._has_prompt_word(line) == _split_reading(line), line
