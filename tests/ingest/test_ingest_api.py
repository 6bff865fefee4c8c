"""The ingest entry points: the reader registry, the error contract, and arbitrary bytes."""

from __future__ import annotations

from briefpack.ingest import READERS, IngestError, choose_reader, read_articles, read_bytes, reader_named
from briefpack.ingest.dump import DumpOptions
from briefpack.ingest.registry import read_dump_articles
from briefpack.model import Article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def test_registry_has_every_reader():
    entry = reader_named("dump")
    assert entry is not None and entry in READERS
    assert entry.read is read_dump_articles and isinstance(entry.options, DumpOptions)
    assert {e.name for e in READERS} == {"dump", "html", "feed", "eml"}
    assert reader_named("no-such-reader") is None


def test_text_is_sniffed_as_a_dump_and_binary_as_nothing():
    assert choose_reader(b"Some title\nSome text.\n", "a.txt").name == "dump"
    assert choose_reader(b"\x89PNG\r\n\x1a\n\x00\x00", "a.png") is None


def test_each_format_is_sniffed_to_its_reader():
    cases = {
        b"<!DOCTYPE html><html><body><p>Text</p></body></html>": "html",
        b"<meta charset='utf-8'><p>Pasted from a browser</p>": "html",
        b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>': "feed",
        b'<?xml version="1.0"?>\n<!-- c --><feed xmlns="http://www.w3.org/2005/Atom"></feed>': "feed",
        b"From: a@example.com\nSubject: Hi\nDate: Fri, 18 Oct 2024 10:00:00 +0000\n\nBody.\n": "eml",
        b"Politics\nTalks resume in Geneva\nBy Jane Doe\n\nNegotiators returned to Geneva.\n": "dump",
    }
    for data, name in cases.items():
        assert choose_reader(data, None).name == name, data
    assert choose_reader(b"Subject: only the body mentions it\n\ntext", "note.eml").name == "eml"


def test_a_feed_is_several_articles_and_read_bytes_refuses_it():
    entries = "".join(
        f"<item><title>Entry {n}</title><description>Text of entry {n}.</description></item>" for n in range(3)
    )
    data = f'<rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'.encode()
    articles = read_articles(data, "wire.rss")
    assert [a.title for a in articles] == ["Entry 0", "Entry 1", "Entry 2"]
    assert len({a.id for a in articles}) == 3
    assert {a.provenance.file_name for a in articles} == {"wire.rss"}
    try:
        read_bytes(data, "wire.rss")
    except IngestError as err:
        assert "3 articles" in err.reason
    else:
        raise AssertionError("read_bytes must not drop entries silently")


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


def test_one_bad_file_never_stops_the_batch(tmp_path, monkeypatch):
    """Every input gets a status, even when a reader has a bug; the good files are still imported."""
    import briefpack.ingest.registry as registry
    from briefpack.ingest import Pasted
    from briefpack.jobs import DUPLICATE, IMPORTED, IMPORTED_WITH_WARNINGS, REFUSED, default_taxonomy, import_files, run_to_end

    good = tmp_path / "good.txt"
    good.write_bytes(b"Talks resume in Geneva\n\nNegotiators returned to Geneva on Monday for a new round of talks.\n")
    buggy = tmp_path / "buggy.rss"
    buggy.write_bytes(b'<rss version="2.0"><channel><item><title>x</title></item></channel></rss>')
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")

    def broken(data, file_name, imported_at, options):
        raise KeyError("reader bug")

    monkeypatch.setattr(
        registry, "READERS", tuple(e if e.name != "feed" else type(e)(e.name, e.sniff, broken, e.options) for e in READERS)
    )
    paste = Pasted(good.read_bytes(), "<clipboard>")
    result = run_to_end(import_files([buggy, empty, good, tmp_path / "gone.txt", paste], default_taxonomy()))
    statuses = [(f.name.rsplit("/", 1)[-1], f.status) for f in result.files]
    assert statuses[0] == ("buggy.rss", REFUSED) and "internal error" in result.files[0].reasons[0]
    assert statuses[1] == ("empty.txt", REFUSED)
    assert statuses[2][1] in (IMPORTED, IMPORTED_WITH_WARNINGS)
    assert statuses[3] == ("gone.txt", REFUSED)
    assert statuses[4] == ("<clipboard>", DUPLICATE) and result.files[4].path is None
    assert [a.id for a in result.articles] == [result.files[2].article.id]
    assert {t.article_id for t in result.tags} <= {a.id for a in result.articles}


def test_a_cancelled_import_keeps_what_it_read(tmp_path):
    from briefpack.jobs import CancelToken, default_taxonomy, import_files

    paths = []
    for n in range(3):
        path = tmp_path / f"{n}.txt"
        path.write_bytes(f"Article {n} title here\n\nBody text of article number {n} for the test.\n".encode())
        paths.append(path)
    cancel = CancelToken()
    job = import_files(paths, default_taxonomy(), cancel=cancel)
    try:
        while True:
            progress = next(job)
            if progress.label.startswith("Reading") and progress.done == 1:
                cancel.cancel()  # asked while the second file is being read: it is finished, the third is not started
    except StopIteration as stop:
        result = stop.value
    assert result.cancelled and len(result.files) == 2 and len(result.articles) == 2


def test_any_bytes_like_object_reads_as_its_bytes():
    """The readers are compiled for ``bytes``; a bytearray or memoryview still reads, and reads the same."""
    import datetime as dt

    from briefpack.ingest.dump import read_dump

    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    data = "Ports reopen\nBy Ana Ruiz\nThe ports reopened on Monday after the strike ended.\n".encode("utf-8")
    expected = read_bytes(data, "a.txt", imported_at=when)
    for other in (bytearray(data), memoryview(data)):
        assert read_bytes(other, "a.txt", imported_at=when) == expected
        assert read_articles(other, "a.txt", imported_at=when) == [expected]
        assert read_dump(other, "a.txt", imported_at=when) == expected
