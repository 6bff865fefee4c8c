"""The mail reader: subject, sender and date from the headers, the text part as the body."""

from __future__ import annotations

import pytest
from briefpack.ingest import IngestError, read_articles
from briefpack.ingest.eml import read_eml

MAIL = b"""From: =?utf-8?q?Ji=C5=99=C3=AD_Nov=C3=A1k?= <jiri@example.cz>
To: desk@example.org
Subject: =?utf-8?b?0J/RgNC+0YLQvtC60L7QuyDQv9C+0LTQv9C40YHQsNC9?=
Date: Fri, 18 Oct 2024 23:30:00 +0200
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Negotiators returned to Geneva on Monday
for a new round of talks.

> quoted reply line
Second paragraph here.

-- 
Jiri, desk officer
--b
Content-Type: text/html; charset=utf-8

<p>HTML version</p>
--b--
"""


def test_headers_and_plain_part():
    [article] = read_articles(MAIL, "briefing.eml")
    assert article.title == "Протокол подписан"
    assert article.authors == ("Jiří Novák",)
    assert article.published.isoformat() == "2024-10-18"  # the date as the sender wrote it
    assert [b.text for b in article.blocks] == [
        "Negotiators returned to Geneva on Monday for a new round of talks.",
        "Second paragraph here.",
    ]


def test_html_only_mail_and_a_bare_address():
    mail = (
        b"From: wire@example.com\nSubject: Ports reopen\nContent-Type: text/html; charset=cp1251\n"
        b"Content-Transfer-Encoding: 8bit\n\n<html><body><h2>\xc8\xf2\xee\xe3\xe8</h2>"
        b"<p>Grain ports on the Black Sea reopened.</p><script>x()</script></body></html>\n"
    )
    [article] = read_eml(mail, "ports.eml")
    assert article.authors == ("wire@example.com",)
    assert [b.text for b in article.blocks] == ["Итоги", "Grain ports on the Black Sea reopened."]
    assert article.published is None and "no-date" in {w.code for w in article.warnings}


def test_broken_headers_leave_fields_empty():
    mail = b"From: <<<@@@>>>\nSubject: Still readable\nDate: not a date at all\n\nBody text of the message.\n"
    [article] = read_eml(mail, "odd.eml")
    assert article.title == "Still readable" and article.published is None
    assert [b.text for b in article.blocks] == ["Body text of the message."]


def test_a_mail_with_nothing_is_refused():
    with pytest.raises(IngestError):
        read_eml(b"X-Nothing: here\n\n", "nothing.eml")


def test_a_page_saved_as_mhtml_is_read_as_html():
    page = (
        "<!doctype html><html><head><title>Ports reopen | Wire</title>"
        '<meta property="og:site_name" content="Wire"><meta name="author" content="Jane Doe"></head>'
        "<body><nav>Home | World</nav><article><h1>Ports reopen</h1>"
        "<p>Grain ports on the Black Sea reopened on Tuesday after a week of talks in Geneva.</p>"
        "<p>Shipping companies said the first vessels would leave within days, officials added.</p>"
        "</article></body></html>"
    )
    mhtml = (
        "From: <Saved by Blink>\nSnapshot-Content-Location: https://wire.example.com/ports\n"
        "Subject: Ports reopen | Wire\nDate: Tue, 22 Oct 2024 10:00:00 -0000\nMIME-Version: 1.0\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--x"\n\n'
        "------MultipartBoundary--x\nContent-Type: text/html\nContent-ID: <frame-1@mhtml.blink>\n"
        "Content-Transfer-Encoding: quoted-printable\nContent-Location: https://wire.example.com/ports\n\n"
        + page.replace("=", "=3D") + "\n------MultipartBoundary--x--\n"
    ).encode()
    [article] = read_articles(mhtml, "ports.mhtml")
    assert (article.title, article.authors, article.publisher) == ("Ports reopen", ("Jane Doe",), "Wire")
    assert article.url == "https://wire.example.com/ports"
    assert [b.text[:20] for b in article.blocks] == ["Grain ports on the B", "Shipping companies s"]
    assert article.provenance.file_name == "ports.mhtml"
