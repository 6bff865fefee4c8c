"""People (with their roles), organisations and places named in articles, variants merged.

Rule-based, no model to download: capitalised spans are found with one
precompiled pattern, then classified with the gazetteer
(``analysis.gazetteer``): places from babel's country names plus data
lists, organisations by their last word ("… Agency") or a known name,
people by an honorific ("Mr."), a title in or before the span ("Russian
President Vladimir Putin", "North Korean leader Kim Jong Un") or an
appositive ("North Korea's Minister of External Economic Relations, Jun Jong
Ho"), else by the shape of a name. Variants are merged: honorifics and
possessives dropped, an acronym joined to its full name, a lone surname or
family name ("Kim", "Putin") joined to the one person of the article (or,
failing that, of the whole set) who bears it. Each distinct capitalised
span is read once and its reading reused wherever the text around it cannot
change it (a title word before, a comma or place word after); the merge can
take articles one at a time (``EntityMerger``). This module is the front
door: how a span reads is ``analysis.entity_spans``, the mentions of a block
``analysis.mentions``, the merge ``analysis.entity_merge``; their public
names are re-exported here. Pure functions; any thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefpack.analysis.entity_merge import EntityMerger, entity_index, merge_mentions
from briefpack.analysis.entity_spans import COMMON, MONTHS, ORGANISATION, PERSON, PLACE, WEEKDAYS
from briefpack.analysis.gazetteer import Gazetteer, load_gazetteer
from briefpack.analysis.mentions import Mention, article_mentions, find_mentions
from briefpack.model.article import Article
from briefpack.model.findings import Entity

__all__ = [
    "COMMON", "MONTHS", "ORGANISATION", "PERSON", "PLACE", "WEEKDAYS", "EntityMerger", "Mention",
    "article_mentions", "entity_index", "extract_entities", "find_mentions", "merge_mentions",
]


def extract_entities(articles: Sequence[Article], gaz: Gazetteer | None = None) -> tuple[Entity, ...]:
    """The entities of ``articles``, most mentioned first; every block (headings too) is read.

    A lone capitalised word becomes a mention of a person only when exactly
    one person of the same article (else of the whole set) has it as a
    name word; otherwise it is dropped rather than guessed.
    """
    gaz = gaz or load_gazetteer()
    return merge_mentions(((a.id, article_mentions(a, gaz)) for a in articles), gaz)
