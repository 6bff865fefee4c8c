"""URLs and domain names as they appear in page dumps, and the publisher a domain stands for.

A page dump often ends with ``Source: https://…`` or carries a footer such
as ``© example.com``. The helpers here recognise such URLs and bare domains
and reduce a host to its registrable domain (``news.bbc.co.uk`` →
``bbc.co.uk``) with the public-suffix list the ``tld`` package ships, so
sub-domains and ``www.`` do not split one publisher into several.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from tld import get_fld

URL = re.compile(r"https?://[^\s<>\"'«»“”]+", re.IGNORECASE)
_BARE_DOMAIN = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}", re.IGNORECASE)
# Punctuation that ends a sentence, not the URL it follows.
_URL_TAIL = ".,;:!?)]}'\""


def clean_url(url: str) -> str:
    """``url`` without the sentence punctuation a dump glued to its end."""
    return url.rstrip(_URL_TAIL)


def registered_domain(host_or_url: str) -> str | None:
    """The registrable domain of a host or URL (``www.bbc.co.uk`` → ``bbc.co.uk``), or ``None`` if it has none."""
    candidate = host_or_url if "://" in host_or_url else f"http://{host_or_url}"
    try:
        host = urlsplit(candidate).hostname
    except ValueError:
        return None
    if not host:
        return None
    return _host_domain(host)


@lru_cache(maxsize=4096)
def _host_domain(host: str) -> str | None:
    # Cached: a batch of dumps names the same few hosts over and over, and the suffix look-up is slow.
    fld = get_fld(f"http://{host}", fail_silently=True)
    return fld.lower() if isinstance(fld, str) else None


def bare_domain(text: str) -> str | None:
    """The registrable domain when ``text`` is nothing but a domain name (``www.example.com``), else ``None``."""
    text = text.strip().rstrip("/")
    if not _BARE_DOMAIN.fullmatch(text):
        return None
    return registered_domain(text)


def article_url(text: str) -> str | None:
    """The URL when ``text`` is nothing but one URL, else ``None``."""
    text = text.strip()
    match = URL.fullmatch(text) or URL.fullmatch(clean_url(text))
    if match is None:
        return None
    url = clean_url(match.group(0))
    return url if registered_domain(url) else None
