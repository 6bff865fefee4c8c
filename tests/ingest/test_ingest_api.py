"""The ingest entry points: the reader registry, the error contract, and arbitrary bytes."""

from __future__ import annotations

from briefpack.ingest import READERS, IngestError, choose_reader, read_bytes, reader_named
from briefpack.ingest.dump import DumpOptions, read_dump
from briefpack.model import Article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def test_registry_has_the_dump_reader():
    entry = reader_named("dump")
    assert entry is not None and entry in READERS
    assert entry.read is read_dump and isinstance(entry.options, DumpOptions)
    assert reader_named("no-such-reader") is None


def test_text_is_sniffed_as_a_dump_and_binary_as_nothing():
    assert choose_reader(b"Some title\nSome text.\n", "a.txt").name == "dump"
    assert choose_reader(b"\x89PNG\r\n\x1a\n\x00\x00", "a.png") is None


def test_ingest_error_fields():
    err = IngestError("a.txt", "binary content, not text")
    assert (err.file_name, err.reason) == ("a.txt", "binary content, not text")
    assert str(err) == "a.txt: binary content, not text"


def _read_or_refuse(data: bytes) -> None:
    try:
        article = read_bytes(data, "fuzz.txt")
    except IngestError as err:
        assert err.file_name == "fuzz.txt" and err.reason
    else:
        assert isinstance(article, Article)
        assert article.id and article.provenance.file_name == "fuzz.txt"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_give_an_article_or_ingest_error(data: bytes):
    _read_or_refuse(data)


_DUMP_LINES = st.lists(
    st.one_of(
        st.text(max_size=120),
        st.sampled_from(
            ["", "By John Smith", "Comment (0)", "© example.com", "Source: https://example.vn/a", "·",
             "Photo: Reuters", "21 November 2024", "Related content", "Politics", "All rights reserved."]
        ),
    ),
    max_size=30,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DUMP_LINES)
def test_arbitrary_dump_like_text_gives_an_article_or_ingest_error(lines: list[str]):
    _read_or_refuse("\n".join(lines).encode("utf-8", "surrogatepass"))
