"""The dump pipeline step by step: lines, features and roles on small texts."""

from __future__ import annotations

from briefpack.ingest.dump.features import line_features
from briefpack.ingest.dump.lines import split_lines
from briefpack.ingest.dump.options import DumpOptions
from briefpack.ingest.dump.roles import classify
from briefpack.ingest.normalize import normalize_text

OPTIONS = DumpOptions()
LEAD = "Negotiators returned to Geneva on Monday for a new round of talks on a ceasefire."


def roles_of(text: str) -> list[tuple[str, str]]:
    lines = split_lines(normalize_text(text), OPTIONS)
    features = line_features(lines, OPTIONS, "en")
    return [(role.value, f.text) for role, f in zip(classify(features, OPTIONS), features, strict=True)]


def test_blank_lines_become_flags():
    lines = split_lines("a\n\nb\nc\n", OPTIONS)
    assert [(x.text, x.blank_before, x.blank_after) for x in lines] == [
        ("a", True, True), ("b", True, False), ("c", False, True)
    ]


def test_glued_category_and_repeated_caption():
    caption = "Delegates arrive at the Palais des Nations in Geneva."
    text = (
        "EuropeCeasefire talks resume in Geneva\n\nCeasefire talks resume in Geneva\n\n"
        f"{LEAD}\n{caption}\n{caption}\nImages source: © Example Agency\nMaria Lopez\n\n{LEAD}"
    )
    assert [r for r, _ in roles_of(text)] == [
        "category", "title", "paragraph", "caption", "duplicate", "credit", "byline", "paragraph"
    ]


def test_features_of_a_glued_label():
    lines = split_lines("SportWorld Cup final set for Sunday\nWorld Cup final set for Sunday\n", OPTIONS)
    first = line_features(lines, OPTIONS, "en")[0]
    assert first.glued_label == "Sport" and not first.prose


def test_legal_source_and_copyright_lines():
    notice = (
        "All content on this website is protected by copyright; reproduction or redistribution "
        "requires prior written consent from the owner of this website."
    )
    text = f"Talks resume in Geneva\n{LEAD}\nSource: https://example.vn/talks-123.html\n© example.vn\n{notice}\n"
    assert [r for r, _ in roles_of(text)] == ["title", "paragraph", "source", "copyright", "legal"]


def test_teasers_after_related_content_are_furniture():
    text = f"Talks resume in Geneva\n{LEAD}\nRead more\nOil prices steady after OPEC meeting\nMarkets rally\n"
    assert [r for r, _ in roles_of(text)] == ["title", "paragraph", "furniture", "furniture", "furniture"]


def test_title_case_heading_is_not_taken_for_a_name():
    text = (
        f"Talks resume in Geneva\n{LEAD}\nThe talks follow months of fighting, and a new alliance emerged.\n"
        "Alliance Future\nThe future of the alliance is unclear, officials said.\n"
    )
    assert ("heading", "Alliance Future") in roles_of(text)


def test_prompts_are_furniture_but_news_about_them_is_not():
    from briefpack.ingest.dump.patterns import breadcrumb, is_furniture

    for prompt in (
        "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
        "Sign up for our newsletter",
        "Get the day's top stories delivered to your inbox.",
        "Read also: Ukraine, Slovakia resume talks on gas transit",
        "sykim@yna.co.kr",
        "LinkedIn",
        "Associated Press writer Mary Clare Jalonick contributed to this report.",
    ):
        assert is_furniture(prompt), prompt
    for news in (
        "The EU cookie consent rules, which require websites to ask users to accept tracking, were revised.",
        "The company said its newsletter business grew 20 percent last year.",
    ):
        assert not is_furniture(news), news
    assert breadcrumb("The Pulse | Security | South Asia", 3) == ("The Pulse", "Security", "South Asia")
    assert breadcrumb("Ceasefire talks resume in Geneva | Example News", 3) == ()


def test_lines_starting_with_a_text_browser_link_are_navigation():
    text = (
        f"[1]Home [2]World\nTalks resume in Geneva\n{LEAD} The [3]ministry said so.\n[4]Read more about Geneva\n"
        "\nReferences\n\n   1. https://example.org/\n   2. https://example.org/world\n"
        "   3. https://example.org/ministry\n   4. https://example.org/geneva\n"
    )
    assert roles_of(text) == [
        ("furniture", "Home World"),
        ("title", "Talks resume in Geneva"),
        ("paragraph", f"{LEAD} The ministry said so."),
        ("furniture", "Read more about Geneva"),
    ]


def test_a_caption_ending_in_a_bare_agency_name_is_a_caption():
    from briefpack.ingest.dump.credits import caption_credit

    caption = "North Koreans attend a mass rally at Kim Il Sung Square in Pyongyang on Oct. 18. Yonhap"
    assert caption_credit(caption) == "Yonhap"
    assert caption_credit("Protesters gather outside the embassy on Friday. AP Photo/Ahn Young-joon") == "AP Photo/Ahn Young-joon"
    # Prose that names an agency, and a sentence too short to describe a picture, are not captions.
    assert caption_credit("The minister said the ports would reopen next week, according to Reuters.") is None
    assert caption_credit("He said the talks would resume. Reuters reported that they stalled.") is None
    assert caption_credit("Talks ended. AFP") is None
    text = f"Rally held in Pyongyang\n\n{LEAD}\n\n{caption}\n\n{LEAD} Officials declined to comment on the report."
    assert [r for r, _ in roles_of(text)] == ["title", "paragraph", "caption", "paragraph"]
