"""`briefpack import`: one status per input, a project created or extended, exit 1 only when nothing was imported."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from briefpack.cli import main
from briefpack.store import Project
from seeddata import SEEDS

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume in Geneva</title><description>Negotiators returned to Geneva on Monday.</description></item>
<item><title>Ports reopen</title><description>Grain ports on the Black Sea reopened on Tuesday.</description></item>
</channel></rss>"""


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "входящие [май] 2024"
    (folder / "sub dir").mkdir(parents=True)
    shutil.copy(SEEDS[0], folder / "статья (1).txt")
    shutil.copy(SEEDS[1], folder / "sub dir" / "second [copy].txt")
    (folder / "sub dir" / "wire.rss").write_bytes(RSS)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / ".hidden.txt").write_bytes(SEEDS[0].read_bytes())
    return folder


def test_import_json_statuses_and_the_project(capsys, inbox: Path, tmp_path: Path):
    project = tmp_path / "new project.briefpack"
    code, out, _ = run_cli(capsys, "import", str(inbox), str(tmp_path / "missing.txt"), "--project", str(project), "--json")
    assert code == 0
    rows = json.loads(out)
    by_name = {Path(r["file"]).name: r for r in rows}
    assert set(by_name) == {"статья (1).txt", "second [copy].txt", "wire.rss", "photo.png", "missing.txt"}
    assert {r["status"] for r in rows} <= {"imported", "imported-with-warnings", "duplicate", "refused"}
    assert by_name["photo.png"]["status"] == "refused" and "binary" in by_name["photo.png"]["reasons"][0]
    assert by_name["missing.txt"]["status"] == "refused" and by_name["missing.txt"]["article_id"] is None
    assert len(by_name["wire.rss"]["article_ids"]) == 2
    assert all(set(r) >= {"file", "status", "reasons", "article_id"} for r in rows)
    with Project.open(project) as saved:
        ids = {a.id for a in saved.articles}
        assert len(ids) == 4
        assert by_name["статья (1).txt"]["article_id"] in ids
        assert any(saved.tags_for(i) for i in ids)  # tagged on the way in

    code, out, _ = run_cli(capsys, "import", str(inbox), "--project", str(project), "--json")
    assert code == 1  # nothing new: every readable file is a duplicate
    statuses = {Path(r["file"]).name: r["status"] for r in json.loads(out)}
    assert statuses["статья (1).txt"] == statuses["wire.rss"] == "duplicate"


def test_text_output_names_each_file_with_its_status(capsys, inbox: Path, tmp_path: Path):
    code, out, err = run_cli(capsys, "import", str(inbox / "статья (1).txt"), str(inbox / "photo.png"), "--project", str(tmp_path / "p.briefpack"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(("imported: ", "imported-with-warnings: ")) and "статья (1).txt" in lines[0]
    assert lines[1].startswith("refused: ") and "photo.png (binary content, not text)" in lines[1]
    assert "1 of 2 inputs imported" in err


def test_nothing_imported_exits_non_zero(capsys, tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    code, out, _ = run_cli(capsys, "import", str(bad), "--project", str(tmp_path / "p.briefpack"))
    assert code == 1 and out.startswith("refused: ")


def test_stdin_and_gzip(capsys, monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(SEEDS[0].read_bytes()))))
    code, out, _ = run_cli(capsys, "import", "-", "--project", str(tmp_path / "p.briefpack"), "--json")
    [row] = json.loads(out)
    assert code == 0 and row["file"] == "<stdin>" and row["status"].startswith("imported")
    with Project.open(tmp_path / "p.briefpack") as saved:
        assert saved.article(row["article_id"]).provenance.file_name is None


def test_an_unreadable_project_exits_2(capsys, tmp_path: Path):
    project = tmp_path / "not a project.briefpack"
    project.write_bytes(b"this is not sqlite")
    code, _, err = run_cli(capsys, "import", str(SEEDS[0]), "--project", str(project))
    assert code == 2 and "not a project.briefpack" in err
    assert project.read_bytes() == b"this is not sqlite"


def test_a_large_folder_is_read_in_workers_and_stored_in_batches(capsys, monkeypatch, tmp_path: Path):
    """Past ``MIN_FILES_FOR_WORKERS`` inputs, worker processes read; the project is stored in batches of ``STORE_BATCH``."""
    from briefpack import import_pool, jobs

    folder = tmp_path / "dumps"
    folder.mkdir()
    count = import_pool.MIN_FILES_FOR_WORKERS + 10
    for n in range(count):
        words = " ".join(f"w{(n * 7919 + k * 104729) % 100003}" for k in range(60))
        (folder / f"{n:04d}.txt").write_text(f"Report {n} on grain exports\n\nBy Reporter {n}\n\nGrain exports through the port rose after tariffs were cut, {words}.\n", encoding="utf-8")
    (folder / "zz copy.txt").write_bytes((folder / "0005.txt").read_bytes())
    started = []
    monkeypatch.setattr(jobs, "worker_count", lambda inputs: started.append(inputs) or 2)
    code, out, _ = run_cli(capsys, "import", str(folder), "--project", str(tmp_path / "p.briefpack"), "--json")
    rows = json.loads(out)
    assert code == 0 and started == [count + 1] and len(rows) == count + 1
    assert rows[-1]["file"].endswith("zz copy.txt") and rows[-1]["status"] == "duplicate"
    assert {r["status"] for r in rows[:-1]} <= {"imported", "imported-with-warnings"}
    with Project.open(tmp_path / "p.briefpack") as saved:
        assert len(saved.articles) == count
        assert {r["article_id"] for r in rows[:-1]} == {a.id for a in saved.articles}
        assert any(saved.tags_for(r["article_id"]) for r in rows[:-1])  # tagged in the workers
