"""The knobs of the page-dump reader, gathered in one typed, frozen dataclass.

Every threshold the role classification uses lives here with the reason it
has its value, so a test or a future settings page can change one without
touching the pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DumpOptions:
    """Thresholds for reading page dumps; the defaults suit news sites in European languages."""

    # Headlines are rarely longer than this; a longer line is body text.
    max_title_words: int = 20
    # ... but a longer line without a full stop, right above the dateline or the byline, is still the
    # headline when no shorter line has a headline's place (wire services and state media print 20-odd words).
    max_long_title_words: int = 30
    # Navigation and section labels above a headline are shorter than this.
    min_title_words: int = 4
    # An unpunctuated line this long between headline and body is a standfirst, not furniture.
    min_standfirst_words: int = 6
    # Sub-headings inside the body are shorter than headlines.
    max_heading_words: int = 15
    # A section label glued to or standing above the headline ("Politics", "Asia Pacific").
    max_category_words: int = 3
    max_category_chars: int = 30
    # Bylines and datelines are short lines; anything longer is prose.
    max_byline_words: int = 12
    max_dateline_words: int = 12
    # ... unless it opens with "Posted", "Updated" …: such a dateline may print the first date and the last update.
    max_cued_dateline_words: int = 20
    # A caption longer than this is a paragraph, whatever follows it.
    max_caption_words: int = 60
    # A bare name line counts as a byline up to this many paragraphs into the body.
    byline_paragraph_window: int = 2
    # Hard wrapping: lines between these widths, most of them within
    # ``wrap_slack`` characters of the longest, are joined back.
    min_wrap_width: int = 40
    max_wrap_width: int = 100
    wrap_slack: int = 15
    # A derived title is cut at a word boundary below this length.
    derived_title_chars: int = 120
