"""Read a ``Cite.locator`` ("para. 4", "pp. 3–5", "§ 2") as a CSL locator.

CSL styles print a locator from two parts, a label from the CSL vocabulary
(``paragraph``, ``page``, ``section`` …) and a value, and choose the label's
wording and abbreviation themselves: Chicago and APA both write "para. 4",
another style or locale may write "¶ 4" or "Abs. 4". So the locator is parsed
here into those parts and the style does the wording. A bare value is a page,
as in CSL. Text that is not a locator is kept as it is and reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Written forms (lower case, trailing period optional) of each CSL locator label.
_LABELS: dict[str, tuple[str, ...]] = {
    "paragraph": ("para", "paras", "paragraph", "paragraphs", "par", "pars", "¶", "¶¶"),
    "page": ("p", "pp", "page", "pages", "pg", "pgs"),
    "section": ("sec", "secs", "sect", "sects", "section", "sections", "§", "§§"),
    "chapter": ("ch", "chs", "chap", "chaps", "chapter", "chapters"),
    "line": ("l", "ll", "line", "lines"),
    "figure": ("fig", "figs", "figure", "figures"),
    "note": ("n", "nn", "note", "notes"),
    "part": ("pt", "pts", "part", "parts"),
    "volume": ("vol", "vols", "volume", "volumes"),
    "column": ("col", "cols", "column", "columns"),
    "issue": ("no", "nos", "issue", "issues"),
    "verse": ("v", "vv", "verse", "verses"),
    "folio": ("fol", "fols", "folio", "folios"),
}
_BY_FORM = {form: label for label, forms in _LABELS.items() for form in forms}
# An optional label (a word, "¶" or "§"), then a value that starts with a digit
# or roman numeral and may be a range or list ("3–5", "3, 5", "4(a)").
_SHAPE = re.compile(
    r"^\s*(?:(?P<label>[^\W\d_]+\.?|¶¶?|§§?)\s*)?"
    r"(?P<value>[0-9ivxlcdmIVXLCDM][\w.()\[\]]*(?:\s*[-–,&]\s*[\w.()\[\]]+)*)\s*$"
)


@dataclass(frozen=True, slots=True)
class Locator:
    """A CSL locator: ``label`` is a CSL locator term name (``"paragraph"``), ``value`` what follows it (``"3–5"``)."""

    label: str
    value: str


def parse_locator(text: str) -> Locator | None:
    """The CSL locator ``text`` names, or ``None`` when it is not one (the caller keeps such text as it is)."""
    match = _SHAPE.match(text)
    if match is None:
        return None
    value = match.group("value")
    raw_label = match.group("label")
    if raw_label is None:
        # A bare value must hold a digit or be a roman numeral to count as a page.
        if not any(c.isdigit() for c in value) and not re.fullmatch(r"[ivxlcdm]+", value, re.I):
            return None
        return Locator("page", value)
    label = _BY_FORM.get(raw_label.lower().rstrip("."))
    return Locator(label, value) if label else None
