"""Composing a brief end to end: the template's analysis sections get findings, with the analyst's publisher grades."""

from __future__ import annotations

import datetime as dt

from briefpack.jobs import compose_brief, default_taxonomy, import_files, run_to_end
from briefpack.model.brief import Table, plain_text
from briefpack.model.selection import BriefSettings, Selection
from seeddata import SEEDS


def descriptor_rows(reliability):
    taxonomy = default_taxonomy()
    result = run_to_end(import_files(SEEDS, taxonomy))
    settings = BriefSettings(template="intelligence-assessment")
    brief, _ = compose_brief(
        result.articles, result.tags, taxonomy, Selection(theme_ids=("diplomacy",)), settings,
        reliability=reliability, today=dt.date(2026, 11, 23),
    )
    tables = [b for b in brief.blocks if isinstance(b, Table)]
    return [" | ".join(plain_text(cell) for cell in row) for t in tables for row in t.rows]


def test_publisher_grades_reach_the_source_descriptors():
    graded = [r for r in descriptor_rows({"conflictwatcher.com": "B"}) if "conflictwatcher.com" in r]
    ungraded = [r for r in descriptor_rows(None) if "conflictwatcher.com" in r]
    assert len(graded) == len(ungraded) == 1
    assert graded[0].endswith("| B (usually reliable)")
    assert ungraded[0].endswith("| F (reliability cannot be judged)")
