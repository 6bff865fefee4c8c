"""The one entry point of the finding passes: ``analyze(articles, tags) -> Findings``.

Runs entities, the timeline, figures, corroboration and state-media
attribution over the same articles, feeding what one pass found into the
next (figures and dates into corroboration), and carries the analyst's
reliability grades through unchanged. Themes are tagged elsewhere
(``analysis.themes``); their tags come in here only to weigh corroboration.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from briefpack.analysis.corroboration import corroborations_from, link_claims
from briefpack.analysis.entities import extract_entities
from briefpack.analysis.figures import extract_figures
from briefpack.analysis.gazetteer import load_gazetteer
from briefpack.analysis.grading import state_media_attributions
from briefpack.analysis.timeline import dated_sentences, merge_events
from briefpack.model.article import Article
from briefpack.model.findings import Findings
from briefpack.model.theme import ThemeTag


def analyze(
    articles: Sequence[Article],
    tags: Iterable[ThemeTag] = (),
    *,
    reliability: Mapping[str, str] | None = None,
) -> Findings:
    """Everything the finding passes see in ``articles``.

    ``tags`` are the articles' theme tags (empty: corroboration ignores
    themes). ``reliability`` is the analyst's publisher → letter grades to
    keep (``None``: none yet, every publisher is "F"). Pure and
    deterministic; call it from a worker thread for large sets (10,000
    articles take a few seconds).
    """
    gaz = load_gazetteer()
    articles = list(articles)
    dated = dated_sentences(articles)
    figures = extract_figures(articles)
    claims, statements = link_claims(articles, figures, dated, tags, gaz)
    # Dated sentences that report one statement are one event of the timeline.
    statement_of = {(c.source, c.text): statements[i] for i, c in enumerate(claims)}
    return Findings(
        entities=extract_entities(articles, gaz),
        timeline=merge_events(dated, statement_of),
        figures=figures,
        corroborations=corroborations_from(claims, statements, figures),
        reliability=dict(reliability or {}),
        attributions=state_media_attributions(articles, gaz),
    )
