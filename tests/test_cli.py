"""The command line end to end: parse the seeds, build a cited brief from them, read both files back."""

from __future__ import annotations

import json
import re
import zipfile

import pypandoc
import pytest
from pypdf import PdfReader

from seeddata import SEEDS, load_gold
from briefpack.cli import main

THEMES = "military,economy_trade,diplomacy"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_parse_json_gives_the_gold_fields(capsys, seed):
    code, out, _ = run_cli(capsys, "parse", str(seed), "--json")
    assert code == 0
    data = json.loads(out)
    gold = load_gold(seed)
    assert set(data) >= {"title", "title_derived", "authors", "publisher", "published", "url", "language", "category", "captions", "blocks", "warnings"}
    for key in ("authors", "publisher", "published", "url", "language", "category", "captions"):
        assert data[key] == gold[key], key
    if gold["title"] is None:
        assert data["title_derived"] is True and data["title"]
    else:
        assert (data["title"], data["title_derived"]) == (gold["title"], False)
    assert [(b["kind"], b["text"]) for b in data["blocks"]] == [(b["kind"], b["text"]) for b in gold["blocks"]]
    assert "no-date" in {w["code"] for w in data["warnings"]}


def test_parse_of_an_unreadable_file_exits_2_naming_it(capsys, tmp_path):
    missing = tmp_path / "no such file.txt"
    code, _, err = run_cli(capsys, "parse", str(missing), "--json")
    assert code == 2 and "no such file.txt" in err
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    code, _, err = run_cli(capsys, "parse", str(binary))
    assert code == 2 and "photo.txt" in err


def test_themes_prints_counts(capsys):
    code, out, _ = run_cli(capsys, "themes", *map(str, SEEDS))
    assert code == 0
    assert re.search(r"Diplomacy\s+diplomacy\s+\d+", out)


MULTISCRIPT_DUMP = """Kyiv talks widen Polish–Vietnamese–Korean diplomacy

By Łukasz Nguyễn

The foreign minister met the ambassador in Warsaw (ł, ś) and later in Hà Nội (ệ, ữ) to discuss diplomatic relations and a summit.

The delegation travelled on to Пхеньян, where envoys discussed diplomacy and the summit with officials close to 김정은.

Source: https://example.org/news/multiscript-talks
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    extra = out / "multiscript talks.txt"
    extra.write_text(MULTISCRIPT_DUMP, encoding="utf-8")
    code = main(["build", *map(str, SEEDS), str(extra), "--themes", THEMES, "--format", "pdf,docx", "-o", str(out)])
    assert code == 0
    return out / "brief.pdf", out / "brief.docx"


def test_build_pdf_holds_every_cited_source_and_the_note_numbers(built):
    pdf, _ = built
    reader = PdfReader(pdf)
    text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    for publisher in ("conflictwatcher.com", "baoquocte.vn", "example.org"):
        assert publisher in flat
    assert "Katarzyna Kalus" in flat or "Kalus, Katarzyna" in flat
    # notes are numbered 1..N: the highest note number is printed as a note at the foot.
    numbers = [int(n) for n in re.findall(r"(?m)^\s*(\d{1,3})\s*(?=\S)", text)]
    assert max(numbers) >= 10
    for word in ("ł", "ệ", "Пхеньян", "김정은"):
        assert word in flat, word


def test_build_docx_has_one_footnote_per_citation_read_back_by_pandoc(built):
    _, docx = built
    with zipfile.ZipFile(docx) as z:
        document = z.read("word/document.xml").decode("utf-8")
        footnotes = z.read("word/footnotes.xml").decode("utf-8")
    references = re.findall(r'<w:footnoteReference w:id="(\d+)"', document)
    bodies = re.findall(r'<w:footnote (?:[^>]*?)w:id="(\d+)"', footnotes)
    real = [b for b in bodies if int(b) > 0]
    assert len(references) >= 10 and sorted(map(int, references)) == sorted(map(int, real))
    markdown = pypandoc.convert_file(str(docx), "markdown")
    assert f"[^{len(references)}]" in markdown and "[^1]:" in markdown
    for word in ("ł", "ệ", "Пхеньян", "김정은"):
        assert word in markdown, word


def test_build_with_unknown_theme_says_which(capsys):
    code, _, err = run_cli(capsys, "build", str(SEEDS[0]), "--themes", "nonsense", "--format", "pdf", "-o", "/tmp")
    assert code == 2 and "nonsense" in err
