"""Bytes in: encodings, binary and empty files, and the text normalisation every reader relies on."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest
from briefpack.ingest import IngestError, read_bytes, read_path
from briefpack.ingest.decode import decode_text
from briefpack.ingest.normalize import normalize_text

RUSSIAN = (
    "Россия и Северная Корея подписали протокол о расширении экономического сотрудничества.\n"
    "Представители властей двух стран встретились в Пхеньяне, чтобы обсудить торговлю и туризм.\n"
    "По словам министра, число чартерных рейсов между странами будет увеличено уже в следующем году.\n"
)
ENGLISH = "Talks resume in Geneva\nNegotiators returned to Geneva on Monday for a new round of talks.\n"


def test_utf16_with_bom():
    article = read_bytes(codecs.BOM_UTF16_LE + ENGLISH.encode("utf-16-le"), "wide.txt")
    assert article.title == "Talks resume in Geneva"


def test_utf8_with_bom_is_stripped():
    article = read_bytes(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), "bom.txt")
    assert article.title == "Talks resume in Geneva"


def test_cp1251_is_detected():
    data = RUSSIAN.encode("cp1251")
    assert decode_text(data) == RUSSIAN
    article = read_bytes(data, "ru.txt")
    assert article.language == "ru"
    assert article.blocks[0].text.startswith("Россия и Северная Корея")


def test_binary_file_is_refused_by_name(tmp_path: Path):
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(IngestError) as info:
        read_path(path)
    assert info.value.file_name == "photo.png"
    assert "binary" in info.value.reason
    assert str(info.value) == f"photo.png: {info.value.reason}"


def test_random_binary_without_signature_is_refused():
    with pytest.raises(IngestError, match="binary"):
        read_bytes(bytes(range(256)) * 8, "blob.bin")


@pytest.mark.parametrize("content", [b"", b"   \n\n\t ", "\u00a0\u200b\n".encode("utf-8")])
def test_empty_file_is_refused(tmp_path: Path, content: bytes):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError) as info:
        read_path(path)
    assert info.value.file_name == "empty.txt" and "empty" in info.value.reason


def test_missing_file_is_refused_by_name(tmp_path: Path):
    with pytest.raises(IngestError) as info:
        read_path(tmp_path / "gone.txt")
    assert info.value.file_name == "gone.txt" and "cannot read" in info.value.reason


def test_pasted_text_error_has_a_readable_name():
    with pytest.raises(IngestError) as info:
        read_bytes(b"", None)
    assert str(info.value) == "<pasted text>: empty file"


def test_nfc_and_odd_spaces():
    decomposed = unicodedata.normalize("NFD", "Pchéniane  łódź")
    text = normalize_text(f"a\u00a0b\u2009c\u3000 d\t\te\r\n{decomposed}\u200b\r")
    assert text == "a b c d e\nPchéniane łódź\n"
    assert unicodedata.is_normalized("NFC", text)


def test_controls_and_bidi_overrides_are_removed():
    assert normalize_text("ab\u202ecd\u202c\x07e\u200ef\x00g\u00adh") == "abcdefgh"


def test_no_break_spaces_inside_a_dump():
    data = ("Talks\u00a0resume in\u00a0 Geneva\n\nNegotiators returned to\u00a0Geneva on Monday.\n").encode("utf-8")
    article = read_bytes(data, "nbsp.txt")
    assert article.title == "Talks resume in Geneva"
    assert article.blocks[0].text == "Negotiators returned to Geneva on Monday."
