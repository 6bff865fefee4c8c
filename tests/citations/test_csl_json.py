"""article_to_csl, names and locators: the data handed to the CSL processor."""

from __future__ import annotations

import datetime as dt

import pytest
from briefpack.citations import article_to_csl
from briefpack.citations.locators import Locator, parse_locator
from briefpack.citations.names import split_name
from citesamples import ACCESSED, BAO_URL, bao_article, kalus_article


def test_newspaper_item_with_author_and_no_date():
    kalus = kalus_article()
    item = article_to_csl(kalus, ACCESSED)
    assert item["type"] == "article-newspaper"
    assert item["id"] == kalus.id
    assert item["author"] == [{"family": "Kalus", "given": "Katarzyna"}]
    assert item["container-title"] == '<span class="nocase">conflictwatcher.com</span>'
    assert item["title"] == "North Korea and Russia bolster ties with new economic pact"
    assert item["accessed"] == {"date-parts": [[2026, 11, 23]]}
    assert item["language"] == "en"
    assert "issued" not in item


def test_derived_title_is_a_bracketed_description():
    bao = bao_article()
    item = article_to_csl(bao, ACCESSED)
    assert item["title"] == (
        '<span class="nocase">[Russia and North Korea appear to have been drawn closer together '
        "by their positions on the Ukraine conflict]</span>"
    )
    assert "author" not in item and item["URL"] == BAO_URL


def test_issued_only_from_a_real_date():
    kalus = kalus_article()
    assert article_to_csl(kalus.with_changes(published=dt.date(2024, 11, 21)), ACCESSED)["issued"] == {
        "date-parts": [[2024, 11, 21]]
    }


def test_untitled_and_unlabelled():
    kalus = kalus_article()
    item = article_to_csl(kalus.with_changes(title=None, publisher=None, url=None, language=None), ACCESSED)
    assert item["title"] == '<span class="nocase">[Untitled article]</span>'
    assert not {"container-title", "URL", "language"} & item.keys()


def test_publication_names_keep_their_case_only_when_they_must():
    kalus = kalus_article()
    assert article_to_csl(kalus.with_changes(publisher="The Korea Herald"), ACCESSED)["container-title"] == "The Korea Herald"
    assert "nocase" in article_to_csl(kalus.with_changes(publisher="eNCA"), ACCESSED)["container-title"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Katarzyna Kalus", {"family": "Kalus", "given": "Katarzyna"}),
        ("Kalus, Katarzyna", {"family": "Kalus", "given": "Katarzyna"}),
        ("Ursula von der Leyen", {"family": "Leyen", "given": "Ursula", "non-dropping-particle": "von der"}),
        ("Martin Luther King Jr.", {"family": "King", "given": "Martin Luther", "suffix": "Jr."}),
        ("J. R. R. Tolkien", {"family": "Tolkien", "given": "J. R. R."}),
        ("Reuters", {"literal": "Reuters"}),
        ("KCNA", {"literal": "KCNA"}),
        ("Associated Press", {"literal": "Associated Press"}),
        ("The Editorial Board", {"literal": "The Editorial Board"}),
        ("Staff Reporter", {"literal": "Staff Reporter"}),
        ("김정은", {"family": "김", "given": "정은"}),
        ("山田 太郎", {"family": "山田", "given": "太郎"}),
        # romanised names written family name first, where their shape tells
        ("Kang Min-jae", {"family": "Kang", "given": "Min-jae"}),
        ("Kim Jong Un", {"family": "Kim", "given": "Jong Un"}),
        ("Lin Hsiao-wen", {"family": "Lin", "given": "Hsiao-wen"}),
        ("Xu Zihe", {"family": "Xu", "given": "Zihe"}),
        ("Tran Van Minh", {"family": "Tran", "given": "Van Minh"}),
        # ... and names in Western order that start alike
        ("Lee Child", {"family": "Child", "given": "Lee"}),
        ("Kim Kardashian", {"family": "Kardashian", "given": "Kim"}),
        ("Anna Kim", {"family": "Kim", "given": "Anna"}),
        ("Jean-Paul Sartre", {"family": "Sartre", "given": "Jean-Paul"}),
        ("   ", None),
    ],
)
def test_split_name(name, expected):
    assert split_name(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("para. 4", Locator("paragraph", "4")),
        ("paras. 3–5", Locator("paragraph", "3–5")),
        ("¶ 7", Locator("paragraph", "7")),
        ("p. 12", Locator("page", "12")),
        ("pp. 3, 5", Locator("page", "3, 5")),
        ("12", Locator("page", "12")),
        ("§ 2", Locator("section", "2")),
        ("chap. iv", Locator("chapter", "iv")),
        ("at 3:20", None),
        ("intro", None),
    ],
)
def test_parse_locator(text, expected):
    assert parse_locator(text) == expected
