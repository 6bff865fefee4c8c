"""Ways in: folders walked recursively without hidden files, odd file names, standard input."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from briefpack.ingest import MAX_BYTES, IngestError, Pasted, display_name, expand_inputs, read_file, read_stdin
from briefpack.ingest.sources import STDIN_LABEL
from briefpack.ingest import read_input

ARTICLE = b"Talks resume in Geneva\n\nNegotiators returned to Geneva on Monday for a new round of talks.\n"


def _tree(root: Path) -> None:
    (root / "b sub [2]").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_bytes(ARTICLE)
    (root / "b sub [2]" / "Статья (копия).txt").write_bytes(ARTICLE.replace(b"Monday", b"Tuesday"))
    (root / ".hidden.txt").write_bytes(ARTICLE)
    (root / ".git" / "config").write_bytes(b"[core]\n")
    (root / "b sub [2]" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")


def test_a_folder_is_walked_recursively_in_order_without_hidden_entries(tmp_path: Path):
    _tree(tmp_path / "in")
    inputs = expand_inputs([tmp_path / "in"])
    assert [Path(i.name).relative_to(tmp_path / "in").as_posix() for i in inputs] == [
        "a.txt",
        "b sub [2]/Статья (копия).txt",
    ]
    assert all(i.path is not None and i.problem is None for i in inputs)


def test_files_and_pastes_keep_their_order_and_missing_files_stay(tmp_path: Path):
    (tmp_path / "x.txt").write_bytes(ARTICLE)
    paste = Pasted(ARTICLE, "<clipboard>")
    inputs = expand_inputs([tmp_path / "missing.txt", paste, str(tmp_path / "x.txt")])
    assert [i.name for i in inputs] == [str(tmp_path / "missing.txt"), "<clipboard>", str(tmp_path / "x.txt")]
    with pytest.raises(IngestError, match="cannot read"):
        read_input(inputs[0])
    assert read_input(inputs[1])[0].provenance.file_name is None


def test_an_empty_folder_gets_a_status(tmp_path: Path):
    (tmp_path / "empty" / ".only-hidden").mkdir(parents=True)
    [item] = expand_inputs([tmp_path / "empty"])
    with pytest.raises(IngestError, match="no files"):
        read_input(item)


def test_folder_links_are_not_followed(tmp_path: Path):
    root = tmp_path / "loop"
    root.mkdir()
    (root / "a.txt").write_bytes(ARTICLE)
    os.symlink(root, root / "again")  # would loop forever if followed
    assert [Path(i.name).name for i in expand_inputs([root])] == ["a.txt"]


def test_names_with_spaces_brackets_and_cyrillic_are_read_and_recorded(tmp_path: Path):
    path = tmp_path / "Новости [1] (копия) #2.txt"
    path.write_bytes(ARTICLE)
    [article] = read_file(path)
    assert article.provenance.file_name == "Новости [1] (копия) #2.txt"


def test_undecodable_names_are_shown_printably(tmp_path: Path):
    raw = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    try:
        with open(raw, "wb") as f:
            f.write(ARTICLE)
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    [item] = expand_inputs([tmp_path])
    assert item.name.endswith("caf\ufffd.txt")
    item.name.encode("utf-8")  # printable: no lone surrogates
    [article] = read_input(item)
    article.provenance.file_name.encode("utf-8")
    assert display_name(Path(os.fsdecode(raw))).endswith("caf\ufffd.txt")


def test_stdin_is_read_whole_and_limited():
    paste = read_stdin(io.BytesIO(ARTICLE))
    assert paste == Pasted(ARTICLE, STDIN_LABEL)

    class Endless(io.RawIOBase):
        served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"a" * len(buffer)
            Endless.served += len(buffer)
            return len(buffer)

    with pytest.raises(IngestError, match="30 MB") as info:
        read_stdin(io.BufferedReader(Endless()))
    assert info.value.file_name == STDIN_LABEL
    assert Endless.served <= MAX_BYTES + 1024 * 1024  # stopped at the limit, not at the end of the stream
