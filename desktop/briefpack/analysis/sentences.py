"""Sentence spans of a paragraph, and the paragraphs of a set of articles, for the finding passes.

Entities, dates, figures and corroboration all work sentence by sentence and
name each finding by its article and block. ``split_sentences`` cuts a
paragraph at sentence ends without cutting after abbreviations ("Mr.",
"U.S.", "Jan.") or inside a number, and ``sentence_texts`` adds the
sentences' text, shared by the passes; ``paragraphs`` walks the body
paragraphs of articles in order, and ``body_paragraphs`` gives one article's
body paragraphs with their sentences, read once and handed to every pass.
Pure functions over strings; safe from any thread.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import TypeAlias

from briefpack.model.article import Article, BlockKind

# A candidate end: . ! ? (and a closing quote or bracket) followed by space and a likely sentence start.
# The group is the sentence's last characters, so its end is where the sentence ends.
_BOUNDARY = re.compile(r"""([.!?]["”’')\]]*)\s+(?=["“‘(\[]?[A-Z0-9])""")
# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gen col lt sgt capt adm gov sen rep rev fr mt no vs etc inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m d.p.r.k approx""".split()
)
# A word and its full stop longer than this is no abbreviation (nor initial) unless stripping shortens it.
_LONGEST_ABBREVIATION = max(map(len, ABBREVIATIONS)) + 1


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` character spans of the sentences of ``text``, in order, trailing space excluded.

    An empty or blank text gives an empty tuple. The finding passes read
    the memoised ``sentence_texts`` instead.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    rfind = text.rfind
    for m in _BOUNDARY.finditer(text):
        end = m.start() + 1
        if text[end - 1] == ".":  # "!" and "?" always end a sentence
            word = rfind(" ", start, end) + 1
            if word < start:
                word = start
            # "U.S." and single initials ("J.") do not end a sentence. The word is read only when it
            # could be one: short, or with more full stops or an opening quote or bracket to strip.
            if end - word <= _LONGEST_ABBREVIATION or text[end - 2] == "." or text[word] in "(\"“":
                token = text[word:end].rstrip(".").lower().lstrip("(\"“")
                if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                    continue
        spans.append((start, m.end(1)))
        start = m.end()
    tail = text[start:].rstrip()
    if tail.strip():
        spans.append((start, start + len(tail)))
    return tuple(spans)


@functools.lru_cache(maxsize=1 << 17)
def sentence_texts(text: str) -> tuple[tuple[int, int, str], ...]:
    """``split_sentences`` with each sentence's text: ``(start, end, sentence)``.

    Memoised, so every finding pass gets the same string object for a
    sentence: results that quote it share it, which keeps sending them
    between processes (pickle sends a shared object once) and hashing them
    (a string keeps its hash) cheap.
    """
    return tuple([(a, b, text[a:b]) for a, b in split_sentences(text)])


# A body paragraph as the finding passes read it: block index, text, ``sentence_texts`` of the text.
Paragraph: TypeAlias = tuple[int, str, tuple[tuple[int, int, str], ...]]


def body_paragraphs(article: Article) -> list[Paragraph]:
    """The body paragraphs of ``article`` (as ``paragraphs`` walks them) with their sentences, in order.

    Read once per article and handed to each finding pass, so the passes
    share one walk over the blocks and one sentence split.
    """
    out = []
    for index, block in enumerate(article.blocks):
        if block.kind is BlockKind.PARAGRAPH:
            text = block.text
            if text.strip():
                out.append((index, text, sentence_texts(text)))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see ``split_sentences``)."""
    return [text[a:b] for a, b in split_sentences(text)]


def paragraphs(articles: Iterable[Article]) -> Iterator[tuple[Article, int, str]]:
    """Each body paragraph as ``(article, block_index, text)``, articles in the order given."""
    for article in articles:
        for index, block in enumerate(article.blocks):
            if block.kind is BlockKind.PARAGRAPH and block.text.strip():
                yield article, index, block.text
