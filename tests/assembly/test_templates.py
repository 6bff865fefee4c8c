"""Templates as data: the shipped four load, carry their house style, and a broken one names file and line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefpack.assembly import TemplateError, available_templates, build_brief, load_template
from briefpack.assembly.sections import SECTION_KINDS
from briefpack.assembly.templates import find_template
from briefpack.model.brief import Brief
from briefpack.model.selection import BriefSettings, Selection
from test_build import TAGS, TAXONOMY, A, B

SHIPPED = ("situation-brief", "ministerial-pack", "press-digest", "intelligence-assessment")


def test_the_four_shipped_templates_load_with_their_sections():
    kinds = {name: [s.kind for s in load_template(name).sections] for name in SHIPPED}
    assert kinds["situation-brief"] == ["bluf", "key_judgments", "themes", "timeline", "key_figures", "sources"]
    assert kinds["ministerial-pack"] == ["summary", "lines_to_take", "background", "themes", "key_figures", "people", "sources"]
    assert kinds["press-digest"] == ["summary", "themes", "coverage", "sources"]
    assert kinds["intelligence-assessment"] == [
        "key_judgments", "source_summary", "text", "themes", "corroboration", "source_descriptors", "sources",
    ]
    assert load_template("intelligence-assessment").notes == "endnotes"
    assert (load_template("ministerial-pack").cover, load_template("situation-brief").toc) == (True, False)
    assert load_template("press-digest").sections[1].variant == "digest"
    assert set(SHIPPED) <= set(available_templates())


@pytest.mark.parametrize("name", SHIPPED)
def test_house_style_reaches_the_brief_meta_and_survives_json(name):
    template = load_template(name)
    brief, _ = build_brief([A, B], TAGS, TAXONOMY, Selection(theme_ids=("military",)), BriefSettings(), template,
                           today=dt.date(2026, 1, 2))
    meta = brief.meta
    assert (meta.template, meta.notes, meta.font_family, meta.base_size) == (
        template.name, template.notes, template.font_family, template.base_size,
    )
    assert meta.colours == template.colours and set(meta.colours) >= {"text", "heading"}
    assert meta.margins_mm == template.margins_mm and set(meta.margins_mm) == {"top", "bottom", "left", "right"}
    assert meta.sizes == template.sizes and meta.heading_font == template.heading_font
    assert (meta.cover, meta.toc) == (template.cover, template.toc)
    assert Brief.from_json(brief.to_json()) == brief


def test_a_user_template_is_found_and_shadows_a_shipped_one(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFPACK_HOME", str(tmp_path))
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "situation-brief.toml").write_text(
        '[template]\nlabel = "Mine"\n\n[[sections]]\nkind = "sources"\n', encoding="utf-8"
    )
    (folder / "weekly.toml").write_text('[template]\n[[sections]]\nkind = "themes"\n', encoding="utf-8")
    assert available_templates()["weekly"] == folder / "weekly.toml"
    assert load_template("situation-brief").label == "Mine"
    assert [s.kind for s in load_template("weekly").sections] == ["themes"]


BROKEN = [
    ('[template]\nnotes = "sidenotes"\n[[sections]]\nkind = "themes"\n', 2, "notes must be one of 'footnotes', 'endnotes'"),
    ('[template]\ntoc = "yes"\n[[sections]]\nkind = "themes"\n', 2, "toc must be true or false"),
    ('[template]\nname = 3\n[[sections]]\nkind = "themes"\n', 2, "name must be text"),
    ('[template]\ncolour = "red"\n[[sections]]\nkind = "themes"\n', 2, "unknown field 'colour'"),
    ('[template]\n[style]\nfont_family = "comic"\n[[sections]]\nkind = "themes"\n', 3, "font_family must be one of"),
    ('[template]\n[style]\nbase_size = "big"\n[[sections]]\nkind = "themes"\n', 3, "base_size must be a number from 5 to 30"),
    ('[template]\n[style.colours]\ntext = "#000"\n[[sections]]\nkind = "themes"\n', 3, "text must be a colour written"),
    ('[template]\n[style.colours]\nbackground = "#000000"\n[[sections]]\nkind = "themes"\n', 3, "unknown field 'background'"),
    ('[template]\n[style]\nmargins_mm = { top = 20, left = 500 }\n[[sections]]\nkind = "themes"\n', 3, "left must be a number from 0 to 100"),
    ('[template]\n[style.sizes]\n\nheading1 = 0\n[[sections]]\nkind = "themes"\n', 4, "heading1 must be a number from 4 to 72"),
    ('[template]\n[[sections]]\nkind = "themes"\n\n[[sections]]\nkind = "themes"\nvariant = "poster"\n', 7, "section 2 (themes) has variant 'poster'"),
    ('[template]\n[[sections]]\nkind = "timeline"\nvariant = "list"\n', 4, "this kind has one layout"),
    ('[template]\n[[sections]]\nkind = "timeline"\nlimit = 0\n', 4, "limit must be a whole number"),
    ('[template]\n[[sections]]\nkind = "timeline"\nlevel = 4\n', 4, "level must be 1, 2 or 3"),
    ('[template]\n[[sections]]\nkind = "text"\nkey = "My Notes"\n', 4, "key must be lower-case"),
    ('[template]\n[[sections]]\nkind = "text"\nheading = "x"\n', 4, "unknown field 'heading'"),
    ('[template]\n[[sections]]\ntitle = "No kind"\n', 2, "section 1 has kind None"),
    ('[template]\nname = "x"\n', 0, "the template has no [[sections]]"),
    ('name = "x"\n[[sections]]\nkind = "themes"\n', 1, "unknown field 'name'; expected one of template, style, sections"),
    ('[[sections]]\nkind = "themes"\n', 0, "missing the [template] table"),
]


@pytest.mark.parametrize(("text", "line", "message"), BROKEN)
def test_every_broken_field_is_named_with_its_line(tmp_path, text, line, message):
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    where = f"{path}, line {line}: " if line else f"{path}: "
    assert str(caught.value).startswith(where)
    assert message in str(caught.value)


def test_undecodable_file_is_a_template_error(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('[template]\nlabel = "Caf\xe9"\n'.encode("latin-1"))
    with pytest.raises(TemplateError, match=r"latin1\.toml: cannot read"):
        load_template(path)


def test_every_registered_kind_builds_without_findings(tmp_path):
    body = "".join(f'[[sections]]\nkind = "{kind}"\n\n' for kind in SECTION_KINDS)
    path = tmp_path / "all.toml"
    path.write_text("[template]\n\n" + body, encoding="utf-8")
    brief, notices = build_brief([A, B], TAGS, TAXONOMY, Selection(theme_ids=("military",)), BriefSettings(),
                                 load_template(path), today=dt.date(2026, 1, 2))
    assert notices == [] and len(brief.blocks) > len(SECTION_KINDS)
    assert Path(load_template(path).path) == path


# ------------------------------------------------------ Word reference document

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "templates" / "briefs"


def test_the_ministerial_pack_names_the_shipped_uk_house_style():
    template = load_template("ministerial-pack")
    assert template.reference_docx == SHIPPED_DIR / "uk-house-style.docx"
    assert template.reference_docx.is_file()
    assert all(load_template(name).reference_docx is None for name in SHIPPED if name != "ministerial-pack")


def test_a_user_templates_reference_docx_is_found_beside_it(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFPACK_HOME", str(tmp_path))
    folder = tmp_path / "templates"
    (folder / "styles").mkdir(parents=True)
    house = folder / "styles" / "house.docx"
    house.write_bytes((SHIPPED_DIR / "uk-house-style.docx").read_bytes())
    (folder / "weekly.toml").write_text(
        '[template]\nname = "weekly-wrap"\n[style]\nreference_docx = "styles/house.docx"\n'
        '[[sections]]\nkind = "themes"\n', encoding="utf-8")
    assert load_template("weekly").reference_docx == house
    # A brief records the [template] name; the export finds the file by it.
    assert find_template("weekly-wrap").reference_docx == house
    assert find_template("weekly").path == folder / "weekly.toml"
    assert find_template("no-such-template") is None


def _broken_reference(tmp_path, value: str) -> str:
    path = tmp_path / "mine.toml"
    path.write_text(f'[template]\n\n[style]\nbase_size = 11\nreference_docx = "{value}"\n'
                    '[[sections]]\nkind = "themes"\n', encoding="utf-8")
    with pytest.raises(TemplateError) as caught:
        load_template(path)
    message = str(caught.value)
    assert message.startswith(f"{path}, line 5: reference_docx")
    return message


def test_a_missing_reference_docx_names_the_file_and_line(tmp_path):
    message = _broken_reference(tmp_path, "house.docx")
    assert "no such file" in message and str(tmp_path / "house.docx") in message


def test_a_reference_that_is_not_a_docx_names_the_file_and_line(tmp_path):
    (tmp_path / "house.dotx").write_bytes((SHIPPED_DIR / "uk-house-style.docx").read_bytes())
    assert "must name a Word .docx file, not 'house.dotx'" in _broken_reference(tmp_path, "house.dotx")
    (tmp_path / "renamed.docx").write_text("not a Word file", encoding="utf-8")
    assert "is not a Word .docx file: it is not a zip package" in _broken_reference(tmp_path, "renamed.docx")
    import zipfile

    with zipfile.ZipFile(tmp_path / "sheet.docx", "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("xl/workbook.xml", "<workbook/>")
    assert "has no Word document part" in _broken_reference(tmp_path, "sheet.docx")
