"""The page-dump reader on small synthetic dumps: bylines, paragraph layouts, wrapping, furniture, metadata."""

from __future__ import annotations

import datetime as dt
import textwrap

from briefpack.ingest import read_bytes
from briefpack.model import Article, BlockKind

LEAD = (
    "Negotiators returned to Geneva on Monday for a new round of talks on a ceasefire that both sides say they want."
)
SECOND = (
    "The talks are expected to last a week, and officials on both sides declined to say what a deal would look like."
)
THIRD = (
    "Observers were cautious, since previous rounds collapsed within days and fighting has intensified in recent weeks."
)


def read(text: str, name: str | None = "dump.txt") -> Article:
    return read_bytes(text.encode("utf-8"), name)


def paragraphs(article: Article) -> list[str]:
    return [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]


def test_by_byline_with_two_authors_and_dateline():
    top = "World\nCeasefire talks resume in Geneva\nBy Anna Nowak and John Smith\n21 November 2024\n"
    article = read(f"{top}{LEAD}\n{SECOND}\n")
    assert article.title == "Ceasefire talks resume in Geneva"
    assert article.category == "World"
    assert article.authors == ("Anna Nowak", "John Smith")
    assert article.published == dt.date(2024, 11, 21)
    assert paragraphs(article) == [LEAD, SECOND]
    assert "no-date" not in {w.code for w in article.warnings}


def test_capitals_byline_with_role_is_title_cased():
    article = read(f"Ceasefire talks resume in Geneva\n\nJOHN SMITH | Reporter\n\n{LEAD}\n")
    assert article.authors == ("John Smith",)
    assert paragraphs(article) == [LEAD]


def test_bare_name_next_to_caption_is_a_byline():
    caption = "Delegates arrive at the Palais des Nations in Geneva."
    pictures = f"{caption}\n{caption}\nPhoto: Reuters\nMaria Lopez"
    article = read(f"Ceasefire talks resume in Geneva\n\n{LEAD}\n\n{pictures}\n\n{SECOND}\n")
    assert article.authors == ("Maria Lopez",)
    assert article.captions == (caption,)
    assert article.image_credits == ("Photo: Reuters",)
    assert paragraphs(article) == [LEAD, SECOND]


def test_prose_beginning_with_by_is_not_a_byline():
    article = read(f"Ceasefire talks resume in Geneva\nBy the end of the week, both sides hope to agree.\n{LEAD}\n")
    assert article.authors == ()
    assert paragraphs(article)[0] == "By the end of the week, both sides hope to agree."


def test_blank_line_and_one_per_line_paragraphs_read_alike():
    body = [LEAD, "Why it matters", SECOND, THIRD]
    spaced = read("Ceasefire talks resume in Geneva\n\n" + "\n\n".join(body))
    packed = read("Ceasefire talks resume in Geneva\n" + "\n".join(body))
    expected = [
        (BlockKind.PARAGRAPH, LEAD),
        (BlockKind.HEADING, "Why it matters"),
        (BlockKind.PARAGRAPH, SECOND),
        (BlockKind.PARAGRAPH, THIRD),
    ]
    assert [(b.kind, b.text) for b in spaced.blocks] == expected
    assert [(b.kind, b.text) for b in packed.blocks] == expected


def test_hard_wrapped_lines_are_joined_into_paragraphs():
    long_lead = LEAD + " " + SECOND
    wrapped = "\n".join(textwrap.fill(p, 68) for p in (long_lead, THIRD, long_lead))
    article = read("Ceasefire talks resume in Geneva\n" + wrapped)
    assert paragraphs(article) == [long_lead, THIRD, long_lead]


def test_a_long_url_line_does_not_set_the_wrap_width():
    # The URL could not be broken, so its line sticks out past the 68 columns the text was wrapped at.
    url_line = "Full report: https://www.example.org/reports/2024/ceasefire-monitoring-in-geneva-annex.pdf"
    long_lead = LEAD + " " + SECOND
    wrapped = "\n".join(textwrap.fill(p, 68) for p in (long_lead, THIRD, long_lead))
    article = read("Ceasefire talks resume in Geneva\n" + wrapped + "\n\n" + url_line + "\n")
    assert paragraphs(article)[:3] == [long_lead, THIRD, long_lead]


def test_an_unwrapped_headline_does_not_set_the_wrap_width():
    # A text browser wraps the body at 80 columns but prints the headline as it is, here 83 characters.
    title = "Negotiators return to Geneva for a new round of ceasefire talks after weeks of fighting"
    body = [LEAD + " " + SECOND + " " + THIRD, THIRD + " " + LEAD, SECOND + " " + LEAD + " " + THIRD]
    article = read(title + "\n\n" + "\n\n".join(textwrap.fill(p, 80) for p in body) + "\n")
    assert article.title == title
    assert paragraphs(article) == body


def test_hyphen_at_a_wrap_is_kept():
    text = "Aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk Russia-\n" "DPRK ties grew.\n"
    filler = "\n".join(textwrap.fill(LEAD + " " + THIRD, 66) for _ in range(2))
    article = read("Title of the piece here\n" + textwrap.fill(LEAD, 66) + "\n" + text + filler)
    assert any("Russia-DPRK ties grew." in p for p in paragraphs(article))


def test_furniture_is_dropped():
    dump = "\n".join(
        [
            "Skip to main content",
            "Menu",
            "Ceasefire talks resume in Geneva",
            "5 min read",
            "Listen to this article",
            LEAD,
            "Advertisement",
            SECOND,
            "Share this article",
            "Facebook | Twitter | WhatsApp | Email",
            "Comments (12)",
            "·",
            "Related content",
            "Oil prices steady after OPEC meeting",
            "Markets rally on rate cut hopes",
            "Tags: Geneva, ceasefire",
        ]
    )
    article = read(dump)
    assert article.title == "Ceasefire talks resume in Geneva"
    assert [(b.kind, b.text) for b in article.blocks] == [(BlockKind.PARAGRAPH, LEAD), (BlockKind.PARAGRAPH, SECOND)]
    assert article.captions == () and article.authors == ()


def test_relative_date_gives_no_date():
    article = read(f"Ceasefire talks resume in Geneva\n3 hours ago\n{LEAD}\n")
    assert article.published is None
    assert "no-date" in {w.code for w in article.warnings}
    assert paragraphs(article) == [LEAD]


def test_dates_in_body_text_are_not_the_publication_date():
    article = read("Ceasefire talks resume\nThe first round was held on 12 March 2024 in Vienna, officials said.\n")
    assert article.published is None


def test_caption_with_trailing_credit():
    caption = "Delegates arrive in Geneva, November 2024. (Source: Reuters) |"
    article = read(f"{LEAD}\n{caption}\n{SECOND}\n")
    assert article.captions == (caption,)
    assert article.image_credits == ("Reuters",)
    assert paragraphs(article) == [LEAD, SECOND]


def test_no_headline_derives_title_from_standfirst():
    article = read(f"{LEAD}\n{SECOND}\n")
    assert article.title_derived
    assert article.title == LEAD.rstrip(".")
    assert article.blocks[0].role == "standfirst" and article.blocks[1].role is None
    assert "title-derived" in {w.code for w in article.warnings}


def test_long_first_sentence_is_trimmed_for_derived_title():
    lead = "Word " * 60 + "end."
    article = read(lead + "\n" + SECOND)
    assert article.title_derived and article.title.endswith("…") and len(article.title) <= 120


def test_source_url_gives_url_publisher_and_original_language():
    article = read(f"Government unveils new budget plan\n{LEAD}\nSource: https://www.example.kr/news/view.php?id=2024\n")
    assert article.url == "https://www.example.kr/news/view.php?id=2024"
    assert article.publisher == "example.kr"
    assert (article.language, article.original_language) == ("en", "ko")
    assert paragraphs(article) == [LEAD]


def test_english_on_an_english_speaking_domain_is_not_translated():
    article = read(f"Government unveils new budget plan\n{LEAD}\nSource: https://news.example.co.uk/a/b\n")
    assert article.publisher == "example.co.uk"
    assert article.original_language is None


def test_copyright_domain_and_rights_holder():
    notice = (
        "Reproduction, copying or any other use of the content of this website requires prior written "
        "consent from Example Media Group Spółka z ograniczoną odpowiedzialnością, the owner of this website."
    )
    article = read(f"Government unveils new budget plan\n{LEAD}\n© example.com\n{notice}\n")
    assert article.publisher == "example.com"
    assert article.rights_holder == "Example Media Group sp. z o.o."
    assert paragraphs(article) == [LEAD]


def test_copyright_footer_names_rights_holder():
    article = read(f"Government unveils new budget plan\n{LEAD}\n© 2024 Example News Limited. All rights reserved.\n")
    assert article.rights_holder == "Example News Ltd"
    assert paragraphs(article) == [LEAD]


def test_prose_about_copyright_stays_in_the_body():
    line = "Copyright lawsuits against AI firms rose sharply last year."
    article = read(f"Government unveils new budget plan\n{LEAD}\n{line}\n")
    assert paragraphs(article) == [LEAD, line]
    assert article.rights_holder is None


def test_language_of_a_polish_dump():
    text = (
        "Ceny gazu spadają w całej Europie\n"
        "Ceny gazu w Europie spadły w tym tygodniu do najniższego poziomu od roku, "
        "a to dobra wiadomość dla odbiorców.\n"
        "Źródło: https://www.example.pl/gospodarka/ceny-gazu.html\n"
    )
    article = read(text)
    assert article.language == "pl"
    assert article.original_language is None


def test_pasted_text_has_no_file_name():
    article = read(f"{LEAD}\n", name=None)
    assert article.provenance.file_name is None
    assert article.display_title == article.title


def test_headline_printed_twice_is_the_title_not_a_caption():
    article = read(f"Ceasefire talks resume in Geneva\n\nCeasefire talks resume in Geneva\n\n{LEAD}\n")
    assert article.title == "Ceasefire talks resume in Geneva"
    assert article.captions == ()
    assert paragraphs(article) == [LEAD]


def test_breadcrumb_above_title_gives_the_last_crumb():
    article = read(f"News › World › Europe\nCeasefire talks resume in Geneva\n{LEAD}\n")
    assert article.category == "Europe"
    assert article.title == "Ceasefire talks resume in Geneva"


def test_byline_with_date_on_one_line():
    article = read(f"Ceasefire talks resume in Geneva\nJohn Smith, 21 November 2024\n{LEAD}\n")
    assert article.authors == ("John Smith",)
    assert article.published == dt.date(2024, 11, 21)


def test_short_one_line_paragraphs_of_similar_length_are_not_joined():
    body = [
        "Police said the man was arrested at the scene and taken to a nearby station for questioning.",
        "Witnesses described hearing a loud bang shortly after midnight on the quiet street.",
        "The council said it would review safety measures in the area over the coming weeks.",
        "A spokesperson declined to comment further while the investigation was ongoing there.",
        "Residents have been told to expect a heavy police presence in the area for some days.",
    ]
    article = read("Man arrested after late-night blast\n" + "\n".join(body))
    assert paragraphs(article) == body


def test_question_headline_and_one_word_heading():
    article = read(f"Will the ceasefire hold?\n{LEAD}\nBackground\n{SECOND}\n")
    assert article.title == "Will the ceasefire hold?"
    assert [(b.kind.value, b.text) for b in article.blocks] == [
        ("paragraph", LEAD), ("heading", "Background"), ("paragraph", SECOND)
    ]


def test_text_browser_dump_drops_markers_references_and_link_lines():
    first = "\n".join(textwrap.wrap(f"{LEAD} See the [4]ministry statement. {SECOND}", 78))
    second = "\n".join(textwrap.wrap(f"{THIRD} {LEAD}", 78))
    dump = (
        "[1]Skip to content [2]Example Review\n\n[3]Home | [5]Analysis\n\n"
        "Ceasefire talks resume in Geneva\n\n   By [6]Anna Nowak | 21 November 2024\n\n"
        f"{first}\n\n{second}\n\n[7]Share on Facebook\n\nReferences\n\n"
        "   1. https://example.org/#content\n   2. https://example.org/\n   3. https://example.org/\n"
        "   4. https://example.org/statement\n   5. https://example.org/analysis\n"
        "   6. https://example.org/anna\n   7. https://facebook.com/share\n"
    )
    article = read(dump)
    assert article.title == "Ceasefire talks resume in Geneva"
    assert article.authors == ("Anna Nowak",)
    assert article.published == dt.date(2024, 11, 21)
    assert paragraphs(article) == [f"{LEAD} See the ministry statement. {SECOND}", f"{THIRD} {LEAD}"]


def test_footnotes_are_kept_apart_from_the_body():
    dump = (
        f"Ceasefire talks resume in Geneva\nBy Anna Nowak\n\n{LEAD}[1]\n\n{SECOND}\n\n"
        "Notes\n[1] The talks were announced on 3 March.\n[2] Both delegations confirmed the dates.\n"
    )
    article = read(dump)
    assert paragraphs(article) == [
        f"{LEAD}[1]", SECOND, "[1] The talks were announced on 3 March.", "[2] Both delegations confirmed the dates."
    ]
    assert [b.role for b in article.blocks] == [None, None, "footnote", "footnote"]


def test_numbered_lines_without_markers_stay_body():
    dump = f"Ceasefire talks resume in Geneva\n\n{LEAD}\n\n1. The first point was agreed.\n2. The second was not.\n"
    article = read(dump)
    assert all(b.role is None for b in article.blocks)


def test_author_bio_signoff_and_banners_are_not_body():
    dump = (
        "We use cookies to improve your experience. By continuing to browse, you accept our use of cookies.\n"
        "Accept all\n\nCeasefire talks resume in Geneva\n21 November 2024\n\n"
        f"{LEAD}\n\n{SECOND}\n\nAnna Nowak\n\nSign up for our newsletter\n"
    )
    article = read(dump)
    assert article.title == "Ceasefire talks resume in Geneva"
    assert article.authors == ("Anna Nowak",)
    assert paragraphs(article) == [LEAD, SECOND]
    bio = f"Ceasefire talks resume in Geneva\nBy Anna Nowak\n\n{LEAD}\n\n{SECOND}\n\nAnna Nowak is a senior fellow at the Institute.\n"
    assert paragraphs(read(bio)) == [LEAD, SECOND]


def test_trailing_picture_credits_make_captions():
    dump = (
        f"Ceasefire talks resume in Geneva\nBy Anna Nowak\n\n{LEAD}\n\n"
        "Delegates arrive at the talks in Geneva on Monday. (AP Photo/Jan Novak)\n\n"
        f"{SECOND}\n"
    )
    article = read(dump)
    assert paragraphs(article) == [LEAD, SECOND]
    assert article.image_credits == ("AP Photo/Jan Novak",)


def test_signoff_with_outlet_after_the_last_paragraph():
    dump = f"Ceasefire talks resume in Geneva\n21 November 2024\n\n{LEAD}\n\n{SECOND}\n\nAnna Nowak / Example News\n\nRead more\n"
    assert read(dump).authors == ("Anna Nowak",)
    # A page with its own byline keeps it; the name under the text is not added.
    bylined = f"Ceasefire talks resume in Geneva\nBy John Smith\n\n{LEAD}\n\n{SECOND}\n\nAnna Nowak\n"
    assert read(bylined).authors == ("John Smith",)
