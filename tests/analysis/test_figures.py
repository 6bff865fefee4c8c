"""Figures: numbers with what they count and where they come from; years and dates are not figures."""

from __future__ import annotations

import functools
from briefpack.analysis.figures import extract_figures, figure_key, find_figures
from seeddata import SEEDS
from briefpack.ingest import read_path


@functools.cache
def seed_articles():
    return tuple(read_path(p) for p in SEEDS)


def test_seed_figures_with_what_they_count_and_their_source():
    figures = extract_figures(seed_articles())
    got = {(f.value, f.counts) for f in figures}
    assert ("5,000", "tourists") in got
    assert ("over 10,000", "North Korean soldiers") in got
    assert ("more than 13,000", "North Koreans") in got
    assert ("12 times", "more than in 2023") in got
    assert any(f.value == "over 70 percent" and f.number == 70 for f in figures)
    soldiers = next(f for f in figures if f.counts == "North Korean soldiers")
    assert soldiers.number == 10_000 and soldiers.source.block_index == 6
    assert "Kursk" in soldiers.text
    # every figure quotes a sentence of the block it names
    articles = {a.id: a for a in seed_articles()}
    for f in figures:
        assert f.text in articles[f.source.article_id].blocks[f.source.block_index].text


def test_years_dates_ordinals_and_compounds_are_not_figures():
    assert find_figures("On September 13, 2023, the 16th fair opened and visits hit a 12-year high in 2024.") == []


def test_a_number_that_could_be_a_year_but_counts_something_is_a_figure():
    # As the timeline reads them: "1850 soldiers" counts, "in 2024 hitting" and "the 2024 elections" are years.
    found = [(v, n, c) for v, n, c, _, _ in find_figures("The army sent 1850 soldiers and 1,850 horses.")]
    assert found == [("1850", 1850, "soldiers"), ("1,850", 1850, "horses")]
    assert find_figures("Visitor numbers in 2024 hitting a high; in 1850 alone, it rained.") == []
    assert find_figures("Turnout in the 2024 elections fell.") == []
    assert find_figures("It could kill millions by 2050 unless new drugs are found.") == []


def test_scales_money_percent_and_vague_counts():
    found = {(v, n, c) for v, n, c, _, _ in find_figures(
        "Some 3.2 million people fled, about 40% of the population, costing $1.5 billion; thousands of workers were sent home.")}
    assert ("Some 3.2 million", 3_200_000, "people") in found
    assert ("about 40%", 40, "percent of population") in found
    assert ("$1.5 billion", 1.5e9, "") in found
    assert ("thousands of", None, "workers") in found


def test_troops_and_soldiers_count_the_same_thing():
    a = find_figures("over 10,000 North Korean soldiers deployed")[0]
    b = find_figures("about 12,000 North Korean troops are fighting")[0]
    from briefpack.model.findings import FigureClaim, SourceRef

    ka = figure_key(FigureClaim(a[0], a[1], a[2], "", SourceRef("a", 0)))
    kb = figure_key(FigureClaim(b[0], b[1], b[2], "", SourceRef("b", 0)))
    assert ka == kb == "north korean soldier"


def test_the_digit_test_reads_digits_as_the_figure_pattern_does():
    from briefpack.analysis.figures import _ANY_DIGIT, _has_digit

    for text in ("no digits here", "page 7", "0", "Café at 9", "Café", "Arabic-Indic ٣ soldiers", "full-width ３", ""):
        assert _has_digit(text) == bool(_ANY_DIGIT.search(text)), text
    from analysis_articles import article

    # A paragraph whose only digits are not ASCII still reaches the figure pattern.
    found = extract_figures([article("x", "Café owners said ٣٠٠ soldiers.")])
    assert [(f.number, f.counts) for f in found] == [(300, "soldiers")]
