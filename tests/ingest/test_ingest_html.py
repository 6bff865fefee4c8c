"""The saved-page reader: metadata, body and captions apart, and nothing fetched, run or expanded."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest
from briefpack.ingest import IngestError, read_articles
from briefpack.ingest.html import read_html
from briefpack.model import BlockKind

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>Talks resume in Geneva | Example News</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.com/world/talks-resume">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-10-18T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Talks resume in Geneva</h1>
<p>Negotiators returned to Geneva on Monday for a new round of talks on the ceasefire, officials said.</p>
<figure><img src="/a.jpg" alt="delegates"><figcaption>Delegates arrive at the Palais des Nations.
<span class="credit">Photo: Reuters</span></figcaption></figure>
<h2>What is at stake</h2>
<p>The talks cover prisoner exchanges, humanitarian corridors and the reopening of grain ports on the Black Sea.</p>
<p>Diplomats expect the round to last at least a week, according to a statement from the host government.</p>
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Great article, thanks for writing it all down for us, really informative!</p></div></section>
<footer>© 2024 Example News</footer>
</body></html>"""


def test_metadata_body_and_captions():
    [article] = read_html(PAGE.encode("utf-8"), "talks.html")
    assert (article.title, article.title_derived) == ("Talks resume in Geneva", False)
    assert article.authors == ("Jane Doe",)
    assert article.publisher == "Example News"
    assert article.url == "https://news.example.com/world/talks-resume"
    assert article.published is not None and article.published.isoformat() == "2024-10-18"
    assert article.language == "en"
    assert [(b.kind, b.text[:22]) for b in article.blocks] == [
        (BlockKind.PARAGRAPH, "Negotiators returned t"),
        (BlockKind.HEADING, "What is at stake"),
        (BlockKind.PARAGRAPH, "The talks cover prison"),
        (BlockKind.PARAGRAPH, "Diplomats expect the r"),
    ]
    assert article.captions == ("Delegates arrive at the Palais des Nations.",)
    assert article.image_credits == ("Photo: Reuters",)
    body = " ".join(b.text for b in article.blocks)
    assert "Great article" not in body and "Delegates arrive" not in body and "Home" not in body
    assert article.provenance.file_name == "talks.html"
    assert "no-date" not in {w.code for w in article.warnings}


def test_sniffed_through_the_registry():
    [article] = read_articles(PAGE.encode("utf-8"), "saved page (1).htm")
    assert article.title == "Talks resume in Geneva"


def test_a_page_without_a_date_gets_none_and_a_warning():
    page = PAGE.replace('<meta property="article:published_time" content="2024-10-18T10:00:00Z">', "")
    page = page.replace("on Monday", "on 12 March 2023")  # a date in the prose is not the page's date
    [article] = read_html(page.encode("utf-8"), "nodate.html")
    assert article.published is None
    assert "no-date" in {w.code for w in article.warnings}


def test_scripts_are_neither_run_nor_kept():
    page = PAGE.replace("</article>", "<script>document.write('INJECTED TEXT')</script><noscript>NOSCRIPT TEXT</noscript></article>")
    [article] = read_html(page.encode("utf-8"), "s.html")
    text = " ".join(b.text for b in article.blocks)
    assert "INJECTED" not in text and "NOSCRIPT" not in text and "document.write" not in text


def test_a_clipboard_fragment_is_read():
    fragment = "<meta charset='utf-8'><p>Negotiators returned to Geneva on Monday.</p><p>They will stay a week.</p>"
    [article] = read_articles(fragment.encode("utf-8"), None, reader="html")
    assert [b.text for b in article.blocks] == ["Negotiators returned to Geneva on Monday.", "They will stay a week."]
    assert article.title_derived and article.provenance.file_name is None


def test_a_meta_charset_that_lies_is_ignored():
    # Declared windows-1252, really UTF-8: decoding by the declaration would give mojibake.
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').replace(
        "Talks resume in Geneva</h1>", "Переговоры возобновились в Женеве</h1>"
    )
    [article] = read_html(page.encode("utf-8"), "lie.html")
    assert "Переговоры возобновились в Женеве" in {article.title, *(b.text for b in article.blocks)}
    # And the other way round: declared UTF-8, really cp1251.
    ru = (
        '<html><head><meta charset="utf-8"><title>Протокол</title></head><body><article>'
        "<p>Россия и Северная Корея подписали протокол о расширении экономического сотрудничества.</p>"
        "<p>Представители властей двух стран встретились в Пхеньяне, чтобы обсудить торговлю и туризм.</p>"
        "</article></body></html>"
    )
    [article] = read_html(ru.encode("cp1251"), "cp1251.html")
    assert any("Северная Корея" in b.text for b in article.blocks)


class _Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    server = _Listener()
    yield server
    server.close()


def test_nothing_is_fetched(listener):
    base = f"http://127.0.0.1:{listener.port}"
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{base}/xhtml1-strict.dtd">
<html><head><title>Offline</title>
<link rel="stylesheet" href="{base}/style.css"><link rel="prefetch" href="{base}/next.html">
<link rel="preload" href="{base}/font.woff2" as="font"><link rel="dns-prefetch" href="{base}/">
<script src="{base}/app.js"></script><base href="{base}/">
<meta http-equiv="refresh" content="0; url={base}/refresh">
<style>@import url("{base}/imported.css"); body {{ background: url({base}/bg.png) }}</style>
</head><body><article><h1>Offline</h1>
<p>Negotiators returned to Geneva on Monday for a new round of talks on the ceasefire.</p>
<img src="{base}/photo.jpg" srcset="{base}/photo-2x.jpg 2x"><iframe src="{base}/frame.html"></iframe>
<object data="{base}/movie.swf"></object><video src="{base}/v.mp4" poster="{base}/poster.jpg"></video>
<p>The talks cover prisoner exchanges, humanitarian corridors and the reopening of grain ports.</p>
</article></body></html>"""
    articles = read_articles(page.encode("utf-8"), "remote.html")
    assert articles[0].blocks
    xhtml = f'<?xml version="1.0" encoding="utf-8"?>\n{page}'
    read_articles(xhtml.encode("utf-8"), "remote.xhtml")
    assert listener.connections == 0


def test_billion_laughs_is_refused():
    lol = "".join(f'<!ENTITY lol{n} "{("&lol%d;" % (n - 1)) * 10}">' for n in range(1, 10))
    page = f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY lol0 "lol">{lol}]><html><body><p>&lol9;</p></body></html>'
    with pytest.raises(IngestError, match="entities"):
        read_articles(page.encode(), "laughs.html")


def test_external_entities_are_refused(tmp_path: Path, listener):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET CONTENT")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
        f'<!ENTITY remote SYSTEM "http://127.0.0.1:{listener.port}/x">]>'
        "<html><body><p>Leak: &xxe; &remote;</p><p>Some more ordinary text to read here.</p></body></html>"
    )
    with pytest.raises(IngestError, match="entities"):
        read_html(page.encode(), "xxe.html")
    assert listener.connections == 0


def _nested(depth: int, lead: str = "") -> bytes:
    deep = "<div>" * depth + "<p>Deep text in the middle of nowhere.</p>" + "</div>" * depth
    return f"<html><body>{lead}{deep}</body></html>".encode()


def test_very_deep_nesting_keeps_what_is_readable_and_says_so():
    [article] = read_articles(_nested(50_000, "<p>Shallow text up here is readable.</p>"), "deep.html")
    assert [b.text for b in article.blocks] == ["Shallow text up here is readable."]
    assert "html-too-deep" in {w.code for w in article.warnings}


def test_a_page_with_nothing_above_the_depth_limit_is_refused_with_the_limit():
    with pytest.raises(IngestError) as info:
        read_articles(_nested(50_000), "deep.html")
    assert info.value.file_name == "deep.html" and "256 levels" in info.value.reason


def test_moderate_nesting_is_read_whole():
    [article] = read_articles(_nested(200), "fine.html")
    assert [b.text for b in article.blocks] == ["Deep text in the middle of nowhere."]
    assert "html-too-deep" not in {w.code for w in article.warnings}


def test_a_page_with_no_text_is_refused():
    with pytest.raises(IngestError):
        read_html(b"<html><head></head><body><div></div></body></html>", "empty.html")
