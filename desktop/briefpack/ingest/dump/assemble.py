"""The last step of the dump pipeline: classified lines to an ``Article`` with its warnings.

Roles say what each line is; this module says what the article gets from
it: the body blocks in order (the lead marked as standfirst when the page
has no headline), captions and picture credits kept apart from the body,
authors from bylines, the URL and publisher from source lines and ``©``
footers, the rights holder from legal notices, the language by stop words
and the original language from the publisher's country domain. What the
text does not give stays ``None``; a missing date or a derived title is
reported as a ``Notice``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from briefpack.ingest.dates import dates_revision
from briefpack.ingest.dump.features import Features
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.dump.roles import Role
from briefpack.ingest.dump.tail import signoff_names
from briefpack.ingest.language import detect_language, original_language
from briefpack.ingest.legal import rights_holder
from briefpack.ingest.provenance import make_provenance
from briefpack.ingest.titles import derive_title
from briefpack.ingest.web import registered_domain
from briefpack.model import Article, Block, BlockKind, Notice

STANDFIRST = "standfirst"
FOOTNOTE = "footnote"

# The lines of each role, in page order: grouped in one pass, so that each field reads only its own.
ByRole = dict[Role, list[Features]]

# Roles whose lines may carry the publication date, read in page order (see ``_published``).
# This many furniture lines in a row above the headline are the site's menu (see ``_menu_between``).
_MENU_LINES = 3
_FOOTERS = frozenset({Role.COPYRIGHT, Role.LEGAL})
_DATED = frozenset({Role.DATELINE, Role.BYLINE, Role.CATEGORY, Role.FURNITURE})
_DATED_ANYWHERE = frozenset({Role.DATELINE, Role.BYLINE})


def _by_role(features: Sequence[Features], roles: Sequence[Role]) -> ByRole:
    grouped: ByRole = {}
    for f, role in zip(features, roles, strict=True):
        if role in grouped:
            grouped[role].append(f)
        else:
            grouped[role] = [f]
    return grouped


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _blocks(features: Sequence[Features], roles: Sequence[Role], has_title: bool) -> tuple[Block, ...]:
    blocks: list[Block] = []
    # Without a headline the lead paragraph is the page's standfirst: the first paragraph block.
    lead_role = None if has_title else STANDFIRST
    # The enum members as locals: reading ``Role.X`` in the loop is a class attribute lookup each
    # time (about 0.1 µs on an enum in Python 3.11).
    heading, paragraph, footnote = Role.HEADING, Role.PARAGRAPH, Role.FOOTNOTE
    heading_block, paragraph_block = BlockKind.HEADING, BlockKind.PARAGRAPH
    for f, role in zip(features, roles):
        if role is paragraph:
            blocks.append(Block(paragraph_block, f.text, lead_role))
            lead_role = None
        elif role is heading:
            blocks.append(Block(heading_block, f.text))
        elif role is footnote:
            # Notes stay apart from the body text: a paragraph with its own role.
            blocks.append(Block(paragraph_block, f.text, FOOTNOTE))
            lead_role = None
    return tuple(blocks)


def _category(by_role: ByRole) -> str | None:
    for f in by_role.get(Role.CATEGORY, ()):
        # In a breadcrumb ("World › Asia") the last crumb is the section.
        return f.crumbs[-1] if f.crumbs else f.glued_label or f.text
    return next((f.headline_label for f in by_role.get(Role.TITLE, ())), None)


def _credits(features: Sequence[Features], roles: Sequence[Role], by_role: ByRole) -> tuple[str, ...]:
    credit, caption = Role.CREDIT, Role.CAPTION  # locals, as in ``_blocks``
    if credit not in by_role and caption not in by_role:
        return ()
    return _unique(
        f.text if role is credit else f.caption_credit
        for f, role in zip(features, roles)
        if role is credit or role is caption
    )


def _publisher_and_url(by_role: ByRole) -> tuple[str | None, str | None]:
    """The publisher and the article URL; a URL's domain beats a ``©`` domain beats a named source."""
    sources = [f.source for f in by_role.get(Role.SOURCE, ()) if f.source]
    footers = [f.copyright for f in by_role.get(Role.COPYRIGHT, ()) if f.copyright]
    if not sources and not footers:  # nothing below can name one
        return None, None
    url = next((s.url for s in sources if s.url), None)
    candidates = [
        registered_domain(url) if url else None,
        *(s.domain for s in sources),
        *(c.domain for c in footers),
        *(s.name for s in sources),
    ]
    return next((c for c in candidates if c), None), url


def _rights_holder(by_role: ByRole) -> str | None:
    """The site owner a legal notice names, else the holder of a ``©`` footer."""
    holders = [rights_holder(f.text) for f in by_role.get(Role.LEGAL, ())]
    holders += [f.copyright.holder for f in by_role.get(Role.COPYRIGHT, ()) if f.copyright]
    return next((h for h in holders if h), None)


def _published(features: Sequence[Features], roles: Sequence[Role], by_role: ByRole) -> dt.date | None:
    # "Last updated: 21 Nov" above "First published: 18 Nov": the first publication is the date, and a
    # revision's date serves when the page gives no other. Lines are read in order and only until a
    # first publication date is found: a line's date costs a parse.
    # Once a list of links opens below the article's first paragraph ("Related"), furniture dates the
    # articles linked there, not this one (a date printed under the text, before any such list, is its own).
    # A date above the site's menu, over the headline, is the masthead's: the day the page was copied.
    # So does any date below the site's footer (a copyright or legal line under the article).
    first = next((i for i, role in enumerate(roles) if role is Role.PARAGRAPH), len(roles))
    linked = next((i for i in range(first, len(roles)) if features[i].opens_teasers), len(roles))
    footer = next((i for i in range(first, len(roles)) if roles[i] in _FOOTERS), len(roles))
    title = roles.index(Role.TITLE) if Role.TITLE in roles else 0
    revised = None
    for i, (f, role) in enumerate(zip(features[:footer], roles)):
        if role in _DATED and (i < linked or role in _DATED_ANYWHERE) and f.date is not None:
            if i < title and _menu_between(roles, i, title):
                continue
            if not dates_revision(f.text):
                return f.date
            revised = revised or f.date
    # A source line may print the date too ("Source: Xinhua | 2024-11-21 18:45:30"): used when no other line does.
    return revised or next((f.date for f in by_role.get(Role.SOURCE, ()) if f.date), None)


def _menu_between(roles: Sequence[Role], line: int, title: int) -> bool:
    """True when the site's menu (``_MENU_LINES`` furniture lines in a row) stands between ``line`` and the
    headline ``title``: ``line`` is then in the masthead."""
    run = 0
    for i in range(line + 1, title):
        run = run + 1 if roles[i] is Role.FURNITURE else 0
        if run == _MENU_LINES:
            return True
    return False


def _title(by_role: ByRole, blocks: tuple[Block, ...], options: DumpOptions) -> tuple[str | None, bool]:
    """The headline found, else one derived from the lead; the flag says it was derived."""
    titles = by_role.get(Role.TITLE)
    if titles:
        found = titles[0]
        # A section label run into the headline ("PoliticsThe …") is the category, not the title's.
        label = found.headline_label
        return (found.text[len(label) :] if label else found.text), False
    lead = next((b.text for b in blocks if b.kind is BlockKind.PARAGRAPH), None)
    derived = derive_title(lead, options.derived_title_chars) if lead else None
    return derived, derived is not None


def _warnings(
    subject: str, title: str | None, derived: bool, published: dt.date | None, blocks: tuple[Block, ...]
) -> Iterator[Notice]:
    if derived:
        yield Notice(
            "title-derived", "No headline found; the title was made from the first sentence of the lead.", subject
        )
    elif title is None:
        yield Notice("no-title", "No headline found and no text to derive one from.", subject)
    if published is None:
        yield Notice("no-date", "No publication date found in the text; the date is left empty.", subject)
    if not blocks:
        yield Notice("no-body", "No body text found: every line looked like page furniture.", subject)


def assemble_article(
    data: bytes,
    file_name: str | None,
    imported_at: dt.datetime | None,
    features: Sequence[Features],
    roles: Sequence[Role],
    options: DumpOptions,
) -> Article:
    """Build the ``Article`` the classified lines describe. ``imported_at`` ``None`` means now (UTC)."""
    article_id, provenance = make_provenance(data, file_name, imported_at)
    by_role = _by_role(features, roles)
    blocks = _blocks(features, roles, Role.TITLE in by_role)
    title, derived = _title(by_role, blocks, options)
    published = _published(features, roles, by_role)
    language = detect_language("\n".join(b.text for b in blocks) or "\n".join(f.text for f in features))
    publisher, url = _publisher_and_url(by_role)
    domain = registered_domain(url) if url else registered_domain(publisher) if publisher else None
    bylines = by_role.get(Role.BYLINE, ())
    return Article(
        id=article_id,
        title=title,
        title_derived=derived,
        authors=_unique(name for f in bylines for name in (f.byline or signoff_names(f))),
        publisher=publisher,
        url=url,
        published=published,
        language=language,
        category=_category(by_role),
        blocks=blocks,
        captions=_unique(f.text for f in by_role.get(Role.CAPTION, ())),
        image_credits=_credits(features, roles, by_role),
        provenance=provenance,
        rights_holder=_rights_holder(by_role),
        original_language=original_language(domain, language),
        warnings=tuple(_warnings(file_name or article_id, title, derived, published, blocks)),
    )
