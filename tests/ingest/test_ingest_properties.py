"""Property tests: whatever bytes or text any reader is given, it returns articles or raises IngestError with a reason."""

from __future__ import annotations

import pytest
from briefpack.ingest import IngestError, read_articles
from briefpack.ingest.dump import read_dump
from briefpack.ingest.eml import read_eml
from briefpack.ingest.feed import read_feed
from briefpack.ingest.html import read_html
from briefpack.model import Article
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

READERS = {
    "dump": lambda data, name: [read_dump(data, name)],
    "html": read_html,
    "feed": read_feed,
    "eml": read_eml,
    "sniffed": lambda data, name: read_articles(data, name),
}

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(reader: str, data: bytes) -> None:
    try:
        articles = READERS[reader](data, "fuzz.in")
    except IngestError as err:
        assert err.file_name == "fuzz.in" and isinstance(err.reason, str) and err.reason
    else:
        assert articles and all(isinstance(a, Article) and a.id for a in articles)
        for article in articles:
            for block in article.blocks:
                assert block.text and block.text == block.text.strip()


_TAGS = st.sampled_from(
    ["<html>", "<body>", "</p>", "<p>", "<div>", "</div>", "<h1>", "</h1>", "<figure><figcaption>", "<script>",
     "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<rss version='2.0'>",
     "<channel>", "<item>", "<title>", "</title>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>",
     "<content type='html'>", "&amp;", "&lt;p&gt;", "&#0;", "&#xD800;", "&nbsp;", "<meta charset='koi8-r'>",
     "<br>", "<a href='http://127.0.0.1:9/'>", "<img src='x'>", "<table><tr><td>"]
)
_HEADERS = st.sampled_from(
    ["From: ", "Subject: ", "Date: ", "To: ", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"b\"",
     "Content-Type: text/html; charset=utf-7", "Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: quoted-printable",
     "--b", "--b--", "=?utf-8?b?0J/RgNC+?=", "=?x-unknown?q?abc?=", "<a@b>", "\"Name\" <", ">", ": ", "\n", "\n\n"]
)
_MARKUP_TEXT = st.lists(st.one_of(_TAGS, st.text(max_size=40)), max_size=40).map("".join)
_MAIL_TEXT = st.lists(st.one_of(_HEADERS, st.text(max_size=30)), max_size=40).map("".join)


@pytest.mark.parametrize("reader", sorted(READERS))
@FUZZ
@given(data=st.binary(max_size=2048))
def test_arbitrary_bytes(reader: str, data: bytes):
    _check(reader, data)


@pytest.mark.parametrize("reader", sorted(READERS))
@FUZZ
@given(text=st.text(max_size=1500))
def test_arbitrary_text(reader: str, text: str):
    for encoding in ("utf-8", "utf-16"):
        _check(reader, text.encode(encoding, "surrogatepass"))


@pytest.mark.parametrize("reader", ["html", "feed", "sniffed"])
@FUZZ
@given(text=_MARKUP_TEXT)
def test_arbitrary_markup(reader: str, text: str):
    _check(reader, text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("reader", ["eml", "sniffed"])
@FUZZ
@given(text=_MAIL_TEXT)
def test_arbitrary_mail(reader: str, text: str):
    _check(reader, text.encode("utf-8", "surrogatepass"))
