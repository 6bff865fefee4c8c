"""Shared fixtures: the seed articles, their gold files, and a cited sample brief.

Qt runs offscreen in every test (set before any Qt import), so the suite
needs no display.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from compiled_modules import stale_message  # noqa: E402

if stale_message():
    # The compiled module would be imported instead of the edited source: the run would test old code.
    pytest.exit(stale_message(), returncode=3)

from briefpack.model.brief import (  # noqa: E402
    Brief,
    BriefMeta,
    BulletList,
    Emph,
    Heading,
    Link,
    Note,
    Para,
    Quote,
    Strong,
    Table,
    Text,
)

from seeddata import SEEDS  # noqa: E402


@pytest.fixture
def seed_paths() -> list[Path]:
    return list(SEEDS)


MULTISCRIPT = "Polish ł ś, Vietnamese ệ ữ, Russian Пхеньян, Korean 김정은"
MARKUP = "AT&T <b>bold</b> 5 < 10 <script>"


@pytest.fixture
def cited_brief() -> Brief:
    """A brief as renderers receive it: notes already formatted, bibliography appended."""

    def note(*parts: str) -> Note:
        return Note((Text(parts[0]), Emph((Text(parts[1]),)), Text(parts[2])))

    body = []
    for n in range(1, 13):
        body.append(
            Para(
                (
                    Text(f"Paragraph {n}: North Korea and Russia signed a protocol on economic cooperation. "),
                    Text("Representatives met in Pyongyang to widen trade and charter flights."),
                    note(f"Katarzyna Kalus, “North Korea and Russia Bolster Ties {n},” ", "conflictwatcher.com", ", accessed November 23, 2026."),
                )
            )
        )
    return Brief(
        BriefMeta(
            title="Russia–North Korea: situation brief",
            author="Desk Officer",
            date=dt.date(2026, 11, 23),
            marking="OFFICIAL-SENSITIVE",
            keywords=("diplomacy", "military"),
        ),
        (
            Heading(1, (Text("Summary"),)),
            Para((Text("[Summary to be written by the analyst]"),), role="placeholder"),
            Heading(1, (Text("Diplomacy"),)),
            Quote((Text(MULTISCRIPT), note("Bao Quoc te, “Room to Grow,” ", "baoquocte.vn", ".") )),
            Para((Text(MARKUP), note("Source with ", "markup", f" {MARKUP}."))),
            Para((Strong((Text("Bold"),)), Text(" and "), Emph((Text("italic"),)), Text(" and "), Link("https://example.org/a?b=1&c=2", (Text("a link"),)))),
            BulletList(((Text("first point"),), (Text("second point "), Text("ł ệ Пхеньян 김정은")))),
            Heading(2, (Text("Military"),)),
            *body,
            Table(
                ((Text("Date"),), (Text("Event"),)),
                (((Text("2024-06"),), (Text("Putin visits Pyongyang"),)), ((Text("2024-11"),), (Text("Protocol signed"),))),
                (Text("Timeline"),),
            ),
            Heading(1, (Text("Sources"),), role="bibliography"),
            Para((Text("Kalus, Katarzyna. “North Korea and Russia Bolster Ties with New Economic Pact.” "), Emph((Text("conflictwatcher.com"),)), Text(". Accessed November 23, 2026.")), role="bibliography"),
            Para((Text("“Room for Russia–North Korea Relations to Grow.” "), Emph((Text("baoquocte.vn"),)), Text(". "), Link("https://baoquocte.vn/x-307604.html", (Text("https://baoquocte.vn/x-307604.html"),))), role="bibliography"),
        ),
    )
