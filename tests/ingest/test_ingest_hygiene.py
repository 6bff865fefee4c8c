"""Text hygiene on the way in: encodings, broken bytes, gzip, size and binary limits, invisible characters."""

from __future__ import annotations

import codecs
import gzip
import os
import unicodedata
from pathlib import Path

import pytest
from briefpack.ingest import MAX_BYTES, IngestError, read_articles, read_bytes, read_file, read_path
from briefpack.ingest.decode import decode_text
from briefpack.ingest.unpack import gunzip

ENGLISH = "Talks resume in Geneva\n\nNegotiators returned to Geneva on Monday for a new round of talks on the ceasefire.\n"
RUSSIAN = (
    "Переговоры возобновились в Женеве\n\n"
    "Россия и Северная Корея подписали протокол о расширении экономического сотрудничества.\n"
)
FRENCH = (
    "Réforme des retraites\n\n"
    "Le gouvernement français a annoncé mercredi une réforme des retraites, déclenchant des grèves "
    "à Paris et à Marseille. Les syndicats réclament des négociations immédiates.\n"
)


@pytest.mark.parametrize(
    ("text", "encoding", "bom"),
    [
        (RUSSIAN, "utf-8", b""),
        (RUSSIAN, "utf-8", codecs.BOM_UTF8),
        (RUSSIAN, "utf-16-le", codecs.BOM_UTF16_LE),
        (RUSSIAN, "utf-16-be", codecs.BOM_UTF16_BE),
        (ENGLISH, "utf-16-le", b""),
        (ENGLISH, "utf-16-be", b""),
        (RUSSIAN, "utf-16-le", b""),
        (RUSSIAN, "cp1251", b""),
        (FRENCH, "latin-1", b""),
        (FRENCH, "cp1252", b""),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 12 else None,
)
def test_encodings_are_detected(text: str, encoding: str, bom: bytes):
    data = bom + text.encode(encoding)
    assert decode_text(data) == text
    article = read_bytes(data, f"{encoding}.txt")
    assert article.blocks[0].text == text.split("\n\n")[1].strip()


def test_a_few_invalid_bytes_are_replaced_not_fatal():
    data = RUSSIAN.encode("utf-8")
    broken = data[:40] + b"\xff\xfe" + data[40:]  # two stray bytes in a UTF-8 text
    text = decode_text(broken)
    assert text is not None and "\ufffd" in text and "экономического сотрудничества" in text
    article = read_bytes(broken, "broken.txt")
    assert any("экономического" in b.text for b in article.blocks)


@pytest.mark.parametrize("name", ["page.txt.gz", "page.txt"])
def test_gzip_by_suffix_or_by_magic(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_bytes(gzip.compress(RUSSIAN.encode("cp1251")))
    article = read_path(path)
    assert article.title == "Переговоры возобновились в Женеве"
    assert article.provenance.file_name == name


def test_gzipped_html_is_sniffed_as_html(tmp_path: Path):
    html = b"<!doctype html><html><head><title>Zipped page</title></head><body><article><p>Negotiators returned to Geneva on Monday for talks.</p></article></body></html>"
    [article] = read_articles(gzip.compress(html), "page.html.gz")
    assert article.title == "Zipped page"


def test_a_gzip_bomb_stops_at_the_limit():
    bomb = gzip.compress(b"a" * (MAX_BYTES + 1024), compresslevel=9)
    assert len(bomb) < 100_000
    with pytest.raises(IngestError, match="30 MB"):
        gunzip(bomb, "bomb.gz")


def test_a_damaged_gzip_is_refused():
    with pytest.raises(IngestError, match="gzip"):
        read_bytes(gzip.compress(ENGLISH.encode())[:20], "cut.gz")


def test_a_large_file_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(MAX_BYTES + 5 * 1024 * 1024)  # sparse: 35 MB on paper, nothing on disk
    asked = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: asked.append(n) or real_read(fd, n))
    with pytest.raises(IngestError) as info:
        read_file(path)
    assert "30 MB" in info.value.reason and "35.0 MB" in info.value.reason
    assert asked == []  # refused from its size alone: not a byte read


def test_binary_files_are_refused_as_binary(tmp_path: Path):
    for name, data in {
        "photo.jpg": b"\xff\xd8\xff\xe0" + os.urandom(2000),
        "noise.dat": os.urandom(4000),
        "doc.pdf": b"%PDF-1.7\n" + os.urandom(2000),
    }.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(IngestError) as info:
            read_file(tmp_path / name)
        assert "binary" in info.value.reason, name


def test_nfc_controls_and_bidi_overrides_are_neutralised():
    decomposed = unicodedata.normalize("NFD", "Pchéniane łódź")
    raw = f"Talks\u202e resume\x07 in\u2066 Geneva\n\n{decomposed} said\u200b the\x1b minister on Monday in a long statement.\n"
    article = read_bytes(raw.encode("utf-8"), "bidi.txt")
    texts = [article.title or "", *(b.text for b in article.blocks)]
    joined = "".join(texts)
    assert article.title == "Talks resume in Geneva"
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    assert not any(ch in joined for ch in "\u202e\u2066\x07\x1b\u200b")
    assert "Pchéniane łódź said the minister" in joined


def test_a_200000_character_line_is_parsed():
    line = ("Negotiators returned to Geneva on Monday for a new round of talks. " * 3000)[:200_000]
    article = read_bytes(f"Talks resume in Geneva\n\n{line}\n".encode(), "long.txt")
    assert sum(len(b.text) for b in article.blocks) >= 199_000
    html = f"<html><body><article><h1>Long</h1><p>{line}</p></article></body></html>".encode()
    [page] = read_articles(html, "long.html")
    assert sum(len(b.text) for b in page.blocks) >= 199_000
