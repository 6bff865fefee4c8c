"""The third step of the dump pipeline: a role for every line, decided from its features and its place.

Classification runs as a short series of passes over the feature records,
each settling one kind of line and leaving the rest undecided (``None``):

1. what a line says by itself (furniture, legal notice, source, credit,
   caption with credit, explicit byline, dateline);
2. lines printed twice (a caption, kept once);
3. a section label glued to the headline;
4. the top of the page, up to the article's text (the first prose line
   that another follows closely): the headline (below the
   site's menu; printed twice, or once more as the page's title with the
   site's name; or the line right above the byline, the dateline or a
   standfirst; or a line too long for a headline, without a full stop,
   right above the dateline or the byline), a label above it, navigation
   (a bare name above the headline is one of these);
5. bare personal names near the top or next to a caption: bylines;
6. captions that sit right above a picture credit (bare ones too:
   "(ABC News: X)", "X/Agency"), and credits that are really "Source:" or
   "©" lines next to a caption;
7. teaser lists after "Related content";
8. the end of the article (``tail``): comment threads, appeals for
   support, a sign-off name, author boxes and bios, notes about the
   outlet, footnotes, and boxes set into the text (a newsletter box
   screen readers may skip);
9. short unpunctuated lines followed by prose: headings; after the last
   prose: furniture (topic lists, links).

Whatever is still undecided is a body paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefpack.ingest.dump.features import Features
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.dump.credits import is_bare_credit, is_picture_library
from briefpack.ingest.dump.role import (
    BYLINE,
    CAPTION,
    CATEGORY,
    COPYRIGHT,
    CREDIT,
    DATELINE,
    DUPLICATE,
    FURNITURE,
    HEADING,
    LEGAL,
    PARAGRAPH,
    SOURCE,
    TITLE,
    Role,
    Roles,
)
from briefpack.ingest.dump.patterns import trail_end
from briefpack.ingest.dump.tail import mark_tail
from briefpack.ingest.names import opens_with_byline_label
from briefpack.ingest.readings import reads_as_navigation, reads_as_post

__all__ = ["Role", "classify"]



# Lines that accompany pictures or the headline: a bare name next to one of
# these is a byline.
_BYLINE_NEIGHBOURS = frozenset({CAPTION, CREDIT, DUPLICATE, DATELINE, BYLINE, TITLE, CATEGORY})
# A page's title prints the headline and then the site's name after one of these.
_TITLE_SUFFIX = re.compile(r" (?:[|\-–—]|::) ")
# The article text begins with a prose line that another follows within this many lines (see ``_body_start``).
_BODY_RUN = 3
# This many label lines in a row make a menu.
_MENU_RUN = 3
_MAX_MENU_ITEM_WORDS = 3
# What a line may still be when the picture pass looks at it: undecided, or an unpunctuated line
# below the headline that the top pass took for a standfirst.
_UNSETTLED = (None, PARAGRAPH)
# What a bare picture credit may have been taken for: furniture, or a byline with the agency after a slash.
_CREDIT_SHAPED = (None, FURNITURE, BYLINE)
# What the lines of a teaser list below the article may have been taken for: the byline and the date of
# a linked article.
_TEASER_LINES = (BYLINE, DATELINE)
# What a breadcrumb trail's separators are made of (see ``patterns.trail_end``): a line without one is no trail.
_CRUMB_MARKS = frozenset("›»>/|")
# A linked article's headline is short (see ``_mark_teasers``).
_MAX_TEASER_WORDS = 25
# Lines that never interrupt the body text between a heading and its prose.
_ASIDES = frozenset({CAPTION, CREDIT, DUPLICATE, BYLINE, DATELINE, FURNITURE})


def _menu_link(f: Features, options: DumpOptions) -> bool:
    """True for a text browser's link line that is navigation: several links, or one too short for a
    headline or not shaped like one, that names no one. A headline linked to its own page ("[15]China
    presses …") and authors linked to their pages ("[16]Prakriti Thapa, [17]Ramesh Khadka") are left to
    the passes that find them (above the headline, the top pass takes a name for navigation)."""
    menu = f.link > 1 or f.words < options.min_title_words or not f.title_like
    return menu and not f.names


def _intrinsic(f: Features, options: DumpOptions) -> Role | None:
    """The role a line has whatever surrounds it, or ``None``."""
    if f.furniture or (f.link and not f.prose and _menu_link(f, options)):
        # Furniture takes a short line in brackets, but "(Image: X)" credits a picture.
        return CREDIT if f.text[:1] == "(" and f.credit_line else FURNITURE
    if f.legal:
        return LEGAL
    if f.source is not None:
        return SOURCE
    if f.credit_line:
        return CREDIT
    if f.copyright is not None:
        return COPYRIGHT
    if f.words <= options.max_caption_words and f.caption_credit is not None:
        return CAPTION
    if f.byline:
        return BYLINE
    if f.date is not None:
        return DATELINE
    return None


def _mark_duplicates(features: Sequence[Features], roles: Roles) -> None:
    # Pages print a picture's caption twice (alt text, then the visible
    # caption); copied, it shows as the same line twice in a row.
    for i, f in enumerate(features):
        if i and f.repeats_previous and roles[i] in (None, roles[i - 1]):
            roles[i] = DUPLICATE
            if roles[i - 1] is None:
                roles[i - 1] = CAPTION


def _body_start(features: Sequence[Features], roles: Roles) -> int:
    """Index of the first undecided prose line that another one follows within ``_BODY_RUN`` lines: where the
    article text begins. A lone prose line above (a cookie banner in a language the prompts do not know, a
    tagline with a full stop) belongs to the top of the page. With no such pair, the first prose line."""
    first = None
    count = len(features)
    for i, f in enumerate(features):
        if roles[i] is None and f.prose:
            if first is None:
                first = i
            if any(roles[j] is None and features[j].prose for j in range(i + 1, min(i + 1 + _BODY_RUN, count))):
                return i
    return first if first is not None else count


def _mark_glued_category(features: Sequence[Features], roles: Roles, options: DumpOptions) -> None:
    # "PoliticsNorth Korea …" above "North Korea …": the page's section
    # label ran into the headline when copied; the next line is the headline.
    # Not when the next line is too short for one: "Home > North Korea" above
    # "North Korea" is a breadcrumb over its section's name.
    start = _body_start(features, roles)
    for i, f in enumerate(features[:start]):
        following = features[i + 1] if f.glued_label else None
        if following is not None and roles[i] is None and following.title_like and following.words >= options.min_title_words:
            roles[i] = CATEGORY
            if roles[i + 1] in (None, CAPTION):
                roles[i + 1] = TITLE
            return


def _menu_end(features: Sequence[Features], roles: Roles, start: int) -> int:
    """The index after the last run of ``_MENU_RUN`` or more label lines ("Home", "About", "Archive")
    above the byline and the body; 0 when there is none. Share rows below a byline do not count, nor
    does a bare name: it is the byline of a page whose menu is above (asked last, names cost most)."""
    end = run = 0
    for i in range(start):
        f = features[i]
        if roles[i] in (BYLINE, DATELINE) or _bare_date(f, roles[i]):
            break
        if f.words <= _MAX_MENU_ITEM_WORDS and roles[i] in (None, FURNITURE) and f.label_like and not f.names:
            run += 1
            if run >= _MENU_RUN:
                end = i + 1
        else:
            run = 0
    return end


def _bare_date(f: Features, role: Role | None) -> bool:
    """True for a date printed without a word ("2025-01-24 14:22"): furniture, as a line without a letter
    is, but it dates the article as a dateline does."""
    return role is FURNITURE and f.text[:1].isdigit() and f.date is not None


def _long_headline(features: Sequence[Features], roles: Roles, start: int, options: DumpOptions) -> bool:
    """True when the first prose line, ``start``, is a headline too long to look like one: it ends without a
    full stop and the dateline or the byline follows it (asked when no line above is printed twice or stands
    above a byline, a dateline or a standfirst)."""
    if start + 1 >= len(features):
        return False
    f, below = features[start], features[start + 1]
    return (
        f.words <= options.max_long_title_words
        and not f.link
        and f.unpunctuated
        # A bare date ("2024-08-03 14:22") has no letter, so it is furniture, but it dates the page all the same.
        and (roles[start + 1] in (DATELINE, BYLINE) or below.date is not None or bool(below.names))
    )


def _signed(candidates: list[int], features: Sequence[Features], roles: Roles, *, bare_names: bool) -> list[int]:
    """The first of ``candidates`` that stands right above the byline or the dateline (with ``bare_names``, or
    a bare name: the byline before the byline pass names it), as a headline does, in a
    list (empty when none does); the candidate right above it instead when that one is shorter: a headline
    above its standfirst printed without a full stop. A line with a name after a bar or a dash ("Beirut -
    Asharq Al-Awsat", a page's title) is passed over: above a dateline, that is the place and the outlet."""
    for i in candidates:
        below = features[i + 1] if i + 1 < len(roles) else None
        signed = below is not None and (
            roles[i + 1] in (BYLINE, DATELINE) or _bare_date(below, roles[i + 1]) or (bare_names and bool(below.names))
        )
        if signed and not _TITLE_SUFFIX.search(features[i].text):
            return [i - 1] if i - 1 in candidates and features[i - 1].words < features[i].words else [i]
    return []


def _mark_top(features: Sequence[Features], roles: Roles, options: DumpOptions) -> None:
    """Headline, section label and navigation among the lines above the article's text (``_body_start``)."""
    start = _body_start(features, roles)
    title = next((i for i in range(start) if roles[i] is TITLE), None)
    if title is None:
        candidates = [
            i
            for i in range(start)
            # A doubled line was taken for a caption; at the top it may be the headline, unless it ends
            # with a picture's credit ("… off Penghu on Tuesday. (CGA photo)").
            if (roles[i] is None or (roles[i] is CAPTION and features[i].repeats_next and features[i].caption_credit is None))
            and features[i].title_like
            and not features[i].names
            # "By KENJI SATO/ Staff Writer": a byline label opens no headline, even where no name is read.
            and not opens_with_byline_label(features[i].text)
        ]
        # The site's menu stands between its name or tagline and the headline: a line above it is no headline.
        if len(candidates) > 1:
            menu_end = _menu_end(features, roles, start)  # once: it walks the lines above, asking for names
            after_menu = [i for i in candidates if i >= menu_end]
            candidates = after_menu or candidates
        if candidates:
            # A headline printed twice is a strong cue, also when one copy is the page's title, with the
            # site's name after a bar or a dash, or the last crumb of a breadcrumb trail. Then the line long enough for a headline right above the
            # byline or dateline (a menu's last item or a tagline may stand above it, long enough too), or
            # above a standfirst (prose above the article's text), or above a bare name. Otherwise a
            # headline too long to look like one, and then the first line long enough: navigation and
            # labels above it are shorter, an unpunctuated standfirst below it is longer.
            titled = {m.string[: m.start()] for i in candidates for m in _TITLE_SUFFIX.finditer(features[i].text)}
            # A breadcrumb trail that ends with the headline ("Home > Press Releases > Sanctioning …"), not
            # with the section's name ("Home > North Korea" above "North Korea").
            trailed = {
                trail_end(features[i].text) for i in range(start) if not _CRUMB_MARKS.isdisjoint(features[i].text)
            }
            doubled = [
                i
                for i in candidates
                # A line printed twice above a picture's credit is the picture's caption.
                if (features[i].repeats_next and not (i + 2 < len(roles) and roles[i + 2] is CREDIT))
                or features[i].text in titled
                or (features[i].text in trailed and features[i].words >= options.min_title_words)
            ]
            # A menu or a section's name is as long as a headline but made of label words.
            long_enough = [
                i
                for i in candidates
                if features[i].words >= options.min_title_words and not reads_as_navigation(features[i].text)
            ]
            over_standfirst = [i for i in long_enough if i + 1 < start and roles[i + 1] is None and features[i + 1].prose]
            title = (
                doubled
                or _signed(long_enough, features, roles, bare_names=False)
                or over_standfirst[:1]
                or _signed(long_enough, features, roles, bare_names=True)
                or [None]
            )[0]
        if title is None:
            # A headline too long to look like one, right above the byline or dateline, is the first prose line.
            first = next((i for i, f in enumerate(features) if roles[i] is None and f.prose), len(features))
            if _long_headline(features, roles, first, options):
                # A shorter headline right above it makes it the standfirst, as in ``_signed``.
                title = first - 1 if candidates and first - 1 in long_enough else first
        if title is None and candidates:
            title = long_enough[0] if long_enough else max(candidates, key=lambda i: features[i].words)
        if title is not None:
            roles[title] = TITLE
    has_category = CATEGORY in roles
    for i in range(start):
        f = features[i]
        # A bare name below the headline may be its byline (the byline pass decides); above it,
        # where navigation and section labels stand, it is one of those ("N. Korea", a site's name).
        if roles[i] is not None or (f.names and (title is None or i > title)):
            continue
        if title is not None and i == title - 1 and f.label_like and not has_category:
            roles[i] = CATEGORY
        elif title is not None and i > title and f.words >= options.min_standfirst_words:
            # A standfirst printed without a full stop, unless it gives the post of the author named above it.
            above = features[i - 1]
            post = (roles[i - 1] is BYLINE or above.names) and reads_as_post(f.text)
            roles[i] = FURNITURE if post else PARAGRAPH
        else:
            roles[i] = FURNITURE


def _mark_bylines(features: Sequence[Features], roles: Roles, options: DumpOptions) -> None:
    prose_seen = 0
    bylined = False  # a byline stands above: a bare name inside the body is then something else (a plan's name)
    for i, f in enumerate(features):
        if roles[i] is None and f.prose:
            prose_seen += 1
        if roles[i] is BYLINE:
            bylined = True
        if roles[i] is not None or not f.names:
            continue
        neighbours = {roles[j] for j in (i - 1, i + 1) if 0 <= j < len(roles)}
        early = prose_seen < options.byline_paragraph_window and not (prose_seen and bylined)
        if early or neighbours & _BYLINE_NEIGHBOURS:
            roles[i] = BYLINE
            bylined = True


def _mark_picture_lines(features: Sequence[Features], roles: Roles, options: DumpOptions) -> None:
    # "(ABC News: Danny Tran)" or "Jenni Evans/News24" right under a line, no blank line between,
    # credits the picture that line captions. So does "Vitaly Ankov / RIA Novosti", which reads as a
    # byline; under the headline, "ANNA WIŚNIEWSKA / PAP" is one.
    # "© Ivan Morozov/TASS" under a line is that picture's credit too.
    for i, f in enumerate(features):
        if f.blank_before or f.words > options.max_byline_words or not i or roles[i - 1] not in _UNSETTLED:
            continue
        if roles[i] in _CREDIT_SHAPED and is_bare_credit(f.text):
            roles[i] = CREDIT
        elif roles[i] is COPYRIGHT and f.copyright is not None and is_bare_credit(f.copyright.holder or ""):
            roles[i] = CREDIT
    # A line right above a picture credit is that picture's caption (above the body, the top pass
    # took an unpunctuated one for a standfirst). The list tests in C spare pages without such lines the loops.
    for i, f in enumerate(features if CREDIT in roles else ()):
        above = features[i - 1] if i else None
        if roles[i] is CREDIT and above and roles[i - 1] in _UNSETTLED and not f.blank_before:
            roles[i - 1] = CAPTION if above.words <= options.max_caption_words else None
    # "Source: Getty" or "© Reuters" next to a caption credits the picture; not a source line that dates the
    # story ("Source: Xinhua | Editor: X | 2024-11-22 18:45:30").
    for i, f in enumerate(features if SOURCE in roles or COPYRIGHT in roles else ()):
        named_source = roles[i] is SOURCE and f.source is not None and f.source.name and f.date is None
        holder = roles[i] is COPYRIGHT and f.copyright is not None and not f.copyright.domain
        if not (named_source or holder):
            continue  # asked first: few lines are either, and the neighbours need not be looked at
        if any(roles[j] in (CAPTION, DUPLICATE) for j in (i - 1, i + 1) if 0 <= j < len(roles)):
            roles[i] = CREDIT
        elif named_source and is_picture_library(f.source.name):
            roles[i] = CREDIT  # "Source: Getty": a picture library supplies no article's text


def _mark_teasers(features: Sequence[Features], roles: Roles) -> None:
    # After "Related content" come links to other articles: short lines
    # until the article's prose resumes, and below the article's text the
    # bylines and dates of those articles among them (above it, a menu item
    # such as "Topics" stands over the article's own).
    # A linked headline with a full stop does not end the list when the linked article's date or byline
    # stands next to it.
    inside = read = False
    count = len(features)
    for i, f in enumerate(features):
        if roles[i] is FURNITURE and f.opens_teasers:
            inside = True
        elif roles[i] is None and f.prose:
            if inside and read and f.words <= _MAX_TEASER_WORDS and any(
                roles[j] in _TEASER_LINES for j in (i - 1, i + 1) if j < count
            ):
                roles[i] = FURNITURE
                continue
            inside = False
            read = True
        elif inside and (roles[i] is None or (read and roles[i] in _TEASER_LINES and not _boxed(features, i))):
            roles[i] = FURNITURE


def _boxed(features: Sequence[Features], i: int) -> bool:
    """True when byline ``i`` is the article's author box, not a linked article's byline: the author's bio
    itself (a sentence), or a name the next line, the bio, opens with."""
    return features[i].prose or (i + 1 < len(features) and features[i + 1].text.startswith(features[i].text + " "))


def _mark_headings(features: Sequence[Features], roles: Roles, options: DumpOptions) -> None:
    # Walk backwards so a heading directly above another heading (a section
    # and its sub-section) sees that the one below leads to prose.
    prose_before = [False] * len(features)
    seen = False
    for i, f in enumerate(features):
        prose_before[i] = seen
        seen = seen or roles[i] is PARAGRAPH or (roles[i] is None and f.prose)
    leads_to_prose = False
    for i in range(len(features) - 1, -1, -1):
        f, role = features[i], roles[i]
        if role is None and not f.prose:
            if f.heading_like and leads_to_prose and prose_before[i]:
                roles[i] = HEADING
                continue
            if not leads_to_prose and f.words <= options.max_heading_words:
                roles[i] = FURNITURE  # short lines after the last paragraph: tags, teasers
                continue
        if role in (None, PARAGRAPH):
            leads_to_prose = True
        elif role not in _ASIDES:
            leads_to_prose = False


def classify(features: Sequence[Features], options: DumpOptions) -> list[Role]:
    """The role of every line, in order; lines no pass claims are ``Role.PARAGRAPH``."""
    roles: Roles = [_intrinsic(f, options) for f in features]
    _mark_duplicates(features, roles)
    _mark_glued_category(features, roles, options)
    _mark_top(features, roles, options)
    _mark_bylines(features, roles, options)
    mark_tail(features, roles)
    _mark_picture_lines(features, roles, options)
    _mark_teasers(features, roles)
    _mark_headings(features, roles, options)
    return [role or PARAGRAPH for role in roles]
