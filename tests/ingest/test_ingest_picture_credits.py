"""Captions end with their picture's credit in many shapes, and a credit may stand on the line under a
caption; both are kept out of the body text (issue 3). A byline of the same shape under the headline
stays a byline, and body sentences that end alike stay body text."""

from __future__ import annotations

import pytest

from briefpack.ingest.dump.credits import caption_credit, is_bare_credit
from pagelines import read_lines


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Nguyen Van Hoa harvests cabbages on a farm in Haenam County. (ABC News: Lucy Marren)", "ABC News: Lucy Marren"),
        (
            "This file photo shows a missile being launched from an undisclosed location in North Korea. "
            "(For Use Only in the Republic of Korea. No Redistribution) (Yonhap)",
            "Yonhap",
        ),
        ("The autonomous buses will run on routes linking Punggol MRT station. ST PHOTO: ALVIN HO", "ALVIN HO"),
        (
            "A currency dealer monitors exchange rates in Seoul, October 21, 2024. REUTERS/Song Ji-ho/File Photo "
            "Purchase Licensing Rights, opens new tab",
            "REUTERS/Song Ji-ho/File Photo",
        ),
        (
            "A Chinese navy vessel sails in the East China Sea [File: Japan Ministry of Defense/Handout via Reuters]",
            "Japan Ministry of Defense/Handout via Reuters",
        ),
        ("EU ministers at the Foreign Affairs Council, 19 November 2024. [EPA-EFE/MARC DUBOIS]", "EPA-EFE/MARC DUBOIS"),
        ("Iranian President Masoud Pezeshkian meets Alexei Overchuk in Tehran. (Iranian Presidency via AP)",
         "Iranian Presidency via AP"),
        ("North Korean soldiers march in Kim Il Sung Square, marking the founding of the Korean People's Army "
         "(KCNA via Reuters)", "KCNA via Reuters"),
        ("Cambodian naval officers welcome the destroyer at Ream Naval Base yesterday. KT/Chea Vanna", "KT/Chea Vanna"),
        ("Workers inspect the Dhalkebar substation, which feeds the cross-border line. Post File Photo", "Post File Photo"),
        ("President Gitanas Nausėda at the State Defence Council meeting / R. Dačkus/Office of the President",
         "R. Dačkus/Office of the President"),
        ("A disabled oil tanker is towed by a German coastguard vessel in the Baltic Sea in January (AP)", "AP"),
        ("The foreign secretary announced the new measures on Wednesday (PA Wire)", "PA Wire"),
        ("Ukrainian servicemen fire a self-propelled howitzer towards Russian positions. Pic: Reuters", "Reuters"),
        ("Defence Secretary John Healey has said UK support is unwavering. File pic: PA", "PA"),
    ],
)
def test_a_caption_ending_in_its_credit_gives_the_credit(caption, credit):
    assert caption_credit(caption) == credit


@pytest.mark.parametrize(
    "sentence",
    [
        "He met the US/UK delegation. We said so.",
        "The talks ended without a deal. EU officials said.",
        "The ministry said the vessel had left the area on Tuesday (Sept. 3).",
    ],
)
def test_sentences_that_end_alike_give_no_credit(sentence):
    assert caption_credit(sentence) is None


def test_a_credit_with_spaces_around_its_slash_is_a_bare_credit():
    assert is_bare_credit("Vitaly Ankov / RIA Novosti")
    assert is_bare_credit("ANNA WIŚNIEWSKA / PAP")


LEAD = ("The number of North Korean workers arriving in Russia's Far East has risen sharply this year, according "
        "to regional migration data.")
SECOND = "More than 13,000 North Korean citizens entered Russia between January and August, officials said."


def test_a_name_and_agency_under_a_caption_credit_the_picture_not_the_article():
    article = read_lines(
        ["North Korean Workers Flock to Russia's Far East", "By Mikhail Zotov", "Oct. 18, 2024", "",
         "Construction site in Vladivostok.", "Vitaly Ankov / RIA Novosti", "", LEAD, "", SECOND]
    )
    assert article.authors == ("Mikhail Zotov",)
    assert article.image_credits == ("Vitaly Ankov / RIA Novosti",)
    assert [b.text for b in article.blocks] == [LEAD, SECOND]


def test_a_name_and_agency_under_the_headline_sign_the_article():
    article = read_lines(
        ["Polish farmers block Dorohusk crossing again over Ukrainian grain", "ANNA WIŚNIEWSKA / PAP",
         "13 listopada 2024, 11:20", LEAD, SECOND]
    )
    assert article.authors == ("Anna Wiśniewska",)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The talks included representatives of the Palestinian Authority (PA)",
        "New rules on power plants came from the Environmental Protection Agency (EPA)",
    ],
)
def test_a_name_and_its_acronym_in_brackets_is_no_credit(paragraph):
    assert caption_credit(paragraph) is None


def test_a_photographer_and_two_agencies_is_a_bare_credit():
    assert is_bare_credit("Park Ji-ho/AFP/Getty Images")
