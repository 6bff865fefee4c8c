"""Loading taxonomies: the shipped default, and clear errors for broken files."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefpack.analysis.matcher import compile_taxonomy
from briefpack.analysis.taxonomy import TaxonomyError, default_taxonomy_path, load_taxonomy
from briefpack.analysis.wordforms import entry_keys
from briefpack.model.theme import Taxonomy

DEFAULT_IDS = [
    "diplomacy", "military", "economy_trade", "energy_resources", "transport_tourism", "labour_migration",
    "science_education", "health", "culture_sport", "law_security_cyber", "sanctions", "humanitarian",
]


def test_default_taxonomy_has_the_twelve_themes_in_order_with_labels():
    taxonomy = load_taxonomy()
    assert isinstance(taxonomy, Taxonomy)
    assert taxonomy.ids == DEFAULT_IDS
    assert taxonomy.get("economy_trade").label == "Economy & trade"
    for theme in taxonomy.themes:
        assert theme.label and theme.description, theme.id
        assert len(theme.terms) + len(theme.phrases) >= 30, theme.id
        assert theme.label[0].isupper()


def test_default_is_the_shipped_file():
    assert default_taxonomy_path().name == "default.toml"
    assert load_taxonomy(default_taxonomy_path()) == load_taxonomy(None)


@pytest.mark.parametrize(
    "theme, spellings",
    [
        ("military", ("defence", "defense")),
        ("labour_migration", ("labour", "labor")),
        ("culture_sport", ("theatre", "theater")),
        ("energy_resources", ("aluminium", "aluminum")),
    ],
)
def test_british_and_american_spellings(theme, spellings):
    terms = load_taxonomy().get(theme).terms
    assert all(s in terms for s in spellings)


def test_no_entry_is_a_bare_function_word():
    # A stop word as a term would tag half of all paragraphs.
    stop = {entry_keys(w) for w in "the a an of in on to for and or is was be by at with from as it this that".split()}
    for theme in load_taxonomy().themes:
        for entry in theme.terms + getattr(theme, "context", ()):
            assert entry_keys(entry) not in stop, (theme.id, entry)


def test_load_and_compile_are_quick():
    started = time.perf_counter()
    taxonomy = load_taxonomy()
    compile_taxonomy(taxonomy)
    assert time.perf_counter() - started < 1.0


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_broken_toml_names_the_file_and_line(tmp_path):
    path = write(tmp_path, '[[themes]]\nid = "a"\nlabel = "A"\nterms = ["x" "y"]\n\n[[themes]]\nid = "b"\n')
    with pytest.raises(TaxonomyError) as error:
        load_taxonomy(path)
    assert str(path) in str(error.value)
    assert "line 4" in str(error.value)


def test_theme_without_id_names_file_and_line(tmp_path):
    path = write(tmp_path, '[[themes]]\nid = "a"\nlabel = "A"\n\n[[themes]]\nlabel = "B"\n')
    with pytest.raises(TaxonomyError, match=r"mine\.toml, line 5: theme 2 has no id"):
        load_taxonomy(path)


def test_theme_without_label(tmp_path):
    path = write(tmp_path, '[[themes]]\nid = "a"\nterms = ["x"]\n')
    with pytest.raises(TaxonomyError, match=r"line 1: theme 'a' has no label"):
        load_taxonomy(path)


@pytest.mark.parametrize(
    "body, message",
    [
        ('id = "a"\nlabel = "A"\n[[themes]]\nid = "a"\nlabel = "Again"\n', "used twice"),
        ('id = "A b"\nlabel = "A"\n', "lower-case"),
        ('id = "a"\nlabel = "A"\nphrase = ["x y"]\n', "unknown key 'phrase'"),
        ('id = "a"\nlabel = "A"\nterms = "x"\n', "must be a list"),
        ('id = "a"\nlabel = "A"\nterms = ["peace talks"]\n', "line 4: 'peace talks' in terms .* several words"),
        ('id = "a"\nlabel = "A"\nphrases = ["talks"]\n', "single word"),
        ('id = "a"\nlabel = "A"\ncontext = ["!!"]\n', "no letters"),
    ],
)
def test_mistakes_in_a_theme_are_reported(tmp_path, body, message):
    with pytest.raises(TaxonomyError, match=message):
        load_taxonomy(write(tmp_path, "[[themes]]\n" + body))


def test_missing_file_and_empty_taxonomy(tmp_path):
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "absent.toml")
    with pytest.raises(TaxonomyError, match="no \\[\\[themes\\]\\]"):
        load_taxonomy(write(tmp_path, 'title = "nothing"\n'))


def test_analysts_own_taxonomy_loads(tmp_path):
    path = write(
        tmp_path,
        '[[themes]]\nid = "space"\nlabel = "Space"\nterms = ["rocket", "orbit"]\nphrases = ["space station"]\n'
        'context = ["launch"]\nnegative = ["rocket science"]\n',
    )
    theme = load_taxonomy(path).get("space")
    assert theme.terms == ("rocket", "orbit") and theme.context == ("launch",) and theme.negative == ("rocket science",)
