"""The feed reader: RSS and Atom entries as articles, offline, with entities refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefpack.ingest import IngestError, read_articles
from briefpack.ingest.feed import read_feed
from briefpack.model import BlockKind

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.com/</link>
<item><title>Talks resume in Geneva</title><link>https://wire.example.com/a/1</link>
<guid>https://wire.example.com/a/1</guid><author>jane@example.com (Jane Doe)</author><category>World</category>
<pubDate>Fri, 18 Oct 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators returned to Geneva on Monday.&lt;/p&gt;&lt;p&gt;Second &lt;b&gt;round&lt;/b&gt; of talks.&lt;/p&gt;&lt;script&gt;alert('x')&lt;/script&gt;</description></item>
<item><title>Ports reopen</title><link>https://wire.example.com/a/2</link>
<description>Grain ports on the Black Sea reopened on Tuesday.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Атом Сайт</title>
<entry><id>urn:uuid:1</id><title>Протокол подписан</title><author><name>Ким Ли</name></author>
<updated>2024-06-18T14:22:05Z</updated><link href="https://atom.example.ru/1"/>
<content type="html">&lt;h2&gt;Итоги&lt;/h2&gt;&lt;p&gt;Россия и Северная Корея подписали протокол.&lt;/p&gt;</content></entry>
</feed>""".encode("utf-8")


def test_rss_entries_become_articles():
    first, second = read_articles(RSS, "wire.rss")
    assert (first.title, first.authors, first.publisher) == ("Talks resume in Geneva", ("Jane Doe",), "Example Wire")
    assert first.url == "https://wire.example.com/a/1" and first.published.isoformat() == "2024-10-18"
    assert first.category == "World"
    assert [b.text for b in first.blocks] == ["Negotiators returned to Geneva on Monday.", "Second round of talks."]
    assert second.title == "Ports reopen" and second.published is None
    assert "no-date" in {w.code for w in second.warnings}
    assert first.id != second.id and first.provenance.sha256 == second.provenance.sha256


def test_atom_with_html_content():
    [entry] = read_articles(ATOM, "feed.atom")
    assert (entry.title, entry.authors, entry.publisher) == ("Протокол подписан", ("Ким Ли",), "Атом Сайт")
    assert [(b.kind, b.text) for b in entry.blocks] == [
        (BlockKind.HEADING, "Итоги"),
        (BlockKind.PARAGRAPH, "Россия и Северная Корея подписали протокол."),
    ]
    assert entry.published.isoformat() == "2024-06-18"


def test_the_same_entry_in_a_later_copy_of_the_feed_has_the_same_id():
    later = RSS.replace(b"<channel><title>Example Wire</title>", b"<channel><title>Example Wire</title><item><title>New</title><description>Newest story.</description></item>")
    old_ids = [a.id for a in read_feed(RSS, "monday.rss")]
    new_ids = [a.id for a in read_feed(later, "tuesday.rss")]
    assert set(old_ids) < set(new_ids) and len(new_ids) == 3


def test_bytes_that_look_like_a_path_are_not_opened(tmp_path: Path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(RSS)
    # feedparser opens a path or fetches a URL given as a string; the reader hands it a stream.
    for data in (str(secret).encode(), b"https://127.0.0.1:9/feed.xml"):
        with pytest.raises(IngestError):
            read_feed(data, "path.rss")


def test_entities_are_refused(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]><rss version="2.0"><channel><item><title>&x;</title></item></channel></rss>'
    laughs = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><item><title>&b;</title></item></channel></rss>'
    for doc in (xxe, laughs):
        with pytest.raises(IngestError, match="entities"):
            read_articles(doc.encode(), "bad.rss")


def test_a_feed_without_entries_is_refused():
    with pytest.raises(IngestError, match="no entries"):
        read_feed(b'<rss version="2.0"><channel><title>Empty</title></channel></rss>', "empty.rss")


def test_nothing_is_fetched_for_a_feed():
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    base = f"http://127.0.0.1:{server.getsockname()[1]}"
    feed = f"""<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="{base}/style.xsl"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "{base}/rss-0.91.dtd">
<rss version="2.0" xml:base="{base}/"><channel><title>Wire</title><image><url>{base}/logo.png</url></image>
<item><title>Entry</title><link>{base}/a</link><enclosure url="{base}/v.mp3" type="audio/mpeg" length="1"/>
<description>&lt;p&gt;Text &lt;img src="{base}/i.png"&gt; here.&lt;/p&gt;&lt;iframe src="{base}/f"&gt;&lt;/iframe&gt;</description></item>
</channel></rss>"""
    try:
        [article] = read_articles(feed.encode(), "remote.rss")
        assert article.title == "Entry" and article.blocks
        try:
            server.accept()
        except BlockingIOError:
            pass  # nobody connected
        else:
            raise AssertionError("reading a feed connected to the network")
    finally:
        server.close()
