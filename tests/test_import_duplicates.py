"""Importing the same article twice never doubles it; a lightly edited copy is kept, grouped and flagged."""

from __future__ import annotations

from briefpack.jobs import DUPLICATE, IMPORTED, default_taxonomy, import_files, run_to_end, store_import
from briefpack.store import Project
from seeddata import SEEDS


def test_same_text_from_another_copy_is_a_duplicate(tmp_path):
    original = SEEDS[0].read_text(encoding="utf-8")
    copy = tmp_path / "copy with other bytes.txt"
    copy.write_text(original.replace("\n", "\r\n") + "\n\n", encoding="utf-8")  # other bytes, same text
    result = run_to_end(import_files([SEEDS[0], copy], default_taxonomy()))
    assert result.files[0].status in (IMPORTED, "imported-with-warnings") and result.files[1].status == DUPLICATE
    assert len(result.articles) == 1

    project = Project.new(tmp_path / "p.briefpack")
    added, _ = store_import(project, result)
    assert len(added) == 1
    again = run_to_end(import_files([copy], default_taxonomy(), known_ids=[a.id for a in project.articles], known_texts=project.text_keys()))
    assert [f.status for f in again.files] == [DUPLICATE]


def test_a_lightly_edited_copy_is_added_grouped_and_flagged(tmp_path):
    text = SEEDS[1].read_text(encoding="utf-8")
    edited = tmp_path / "syndicated.txt"
    edited.write_text(text.replace("Clearly, even", "Even").replace("has also surged", "has surged"), encoding="utf-8")
    project = Project.new(tmp_path / "p.briefpack")
    first = run_to_end(import_files([SEEDS[1]], default_taxonomy()))
    store_import(project, first)
    second = run_to_end(import_files([edited], default_taxonomy(), known_ids=[a.id for a in project.articles], known_texts=project.text_keys()))
    added, notices = store_import(project, second)
    assert len(added) == 1 and len(project.articles) == 2
    assert [n.code for n in notices] == ["near-duplicate"]
    assert project.duplicate_group(added[0].id) == project.duplicate_group(first.articles[0].id) is not None
