"""Saves are atomic: whatever goes wrong during a save, the last saved file stays intact and opens."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_data import make_article, make_tags

from briefpack.store import Project, StoreError, atomic

SOURCE_ROOT = Path(__file__).resolve().parents[2] / "desktop"


def saved(path: Path, count: int = 3) -> Project:
    project = Project.new(path)
    for n in range(count):
        article = make_article(n)
        project.add_article(article)
        project.set_tags(article.id, make_tags(article))
    project.save()
    return project


def grow(project: Project, count: int = 200) -> None:
    """Enough new text that the next save spans many database pages."""
    for n in range(100, 100 + count):
        project.add_article(make_article(n, [f"Paragraph {i} of a long article {n}. " * 20 for i in range(10)]))


def assert_still_the_old_project(path: Path, before: bytes, count: int = 3) -> None:
    assert path.read_bytes() == before
    again = Project.open(path)
    assert [a.id for a in again.articles] == [make_article(n).id for n in range(count)]
    assert len(again.tags()) == 3 * count
    assert again.search("Pyongyang")  # the index is intact too


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "p.briefpack")


def test_a_write_failing_halfway_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.briefpack"
    project = saved(path)
    before = path.read_bytes()
    grow(project)
    copied = []

    def copy_then_fail(source, dest):
        def after_step(status, remaining, total):
            copied.append(total - remaining)
            if remaining < total / 2:
                raise OSError(28, "No space left on device")

        source.backup(dest, pages=8, progress=after_step)

    monkeypatch.setattr(atomic, "_copy_pages", copy_then_fail)
    with pytest.raises(StoreError) as raised:
        project.save()
    assert str(path) in str(raised.value) and "No space left" in str(raised.value)
    assert copied and copied[-1] > 8  # the failure really came halfway through
    assert project.dirty and project.path == path
    assert_still_the_old_project(path, before)
    assert leftovers(tmp_path) == []  # the half-written temporary file is gone

    monkeypatch.undo()
    project.save()  # and the next save works
    assert len(Project.open(path).articles) == 203


def test_a_failed_rename_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.briefpack"
    project = saved(path)
    before = path.read_bytes()
    grow(project, 5)

    def refuse(src, dst):
        raise PermissionError(13, "The file is in use by another process", str(dst))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(StoreError, match="in use"):
        project.save()
    assert_still_the_old_project(path, before)
    assert leftovers(tmp_path) == []


def test_a_failed_fsync_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "p.briefpack"
    project = saved(path)
    before = path.read_bytes()
    grow(project, 5)

    def io_error(path):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic, "_fsync_file", io_error)
    with pytest.raises(StoreError, match="Input/output error"):
        project.save()
    assert_still_the_old_project(path, before)
    assert leftovers(tmp_path) == []


def test_a_crash_halfway_through_a_save_leaves_the_old_file(tmp_path):
    """A real crash: the saving process dies (os._exit) with the new file half written."""
    path = tmp_path / "p.briefpack"
    saved(path).close()
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import os, sys
        sys.path[:0] = [{str(SOURCE_ROOT)!r}, {str(Path(__file__).parent)!r}]
        from store_data import make_article
        from briefpack.store import Project, atomic

        project = Project.open({str(path)!r})
        for n in range(100, 300):
            project.add_article(make_article(n, ["Long paragraph text. " * 40] * 10))

        def copy_then_die(source, dest):
            def after_step(status, remaining, total):
                if remaining < total / 2:
                    os._exit(3)
            source.backup(dest, pages=8, progress=after_step)

        atomic._copy_pages = copy_then_die
        project.save()
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    assert_still_the_old_project(path, before)
    # The crash leaves its half-written temporary file; it is not a project and nothing opens it.
    assert [name.endswith(atomic.TEMP_SUFFIX) for name in leftovers(tmp_path)] == [True]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_save_keeps_the_file_permissions(tmp_path):
    path = tmp_path / "p.briefpack"
    project = saved(path)
    path.chmod(0o640)
    project.add_article(make_article(50))
    project.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_save_through_a_symbolic_link_replaces_the_target(tmp_path):
    real = tmp_path / "real" / "p.briefpack"
    real.parent.mkdir()
    saved(real).close()
    link = tmp_path / "link.briefpack"
    link.symlink_to(real)
    project = Project.open(link)
    project.add_article(make_article(50))
    project.save()
    assert link.is_symlink()
    assert len(Project.open(real).articles) == 4
