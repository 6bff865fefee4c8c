"""The shipped fonts: registering them with reportlab and choosing, per character, one that can draw it.

Only fonts from ``briefpack/resources/fonts`` are used, never the operating
system's, so a brief looks the same on every machine. Noto Serif and Noto
Sans carry Latin, Greek, Cyrillic and Vietnamese; NanumGothic carries Hangul.
``ScriptRuns`` cuts text into runs by glyph coverage (read from each font's
cmap), escapes each run for reportlab's paragraph mini-markup and wraps runs
the body font cannot draw in ``<font name=...>``; characters no shipped font
has are drawn anyway (as the font's empty box) and remembered for a
``glyph-missing`` notice. Registration is global to reportlab, so it happens
once per process, under a lock because exports run on worker threads.
"""

from __future__ import annotations

import threading
import unicodedata
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping, ps2tt
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from briefpack.paths import FONTS_DIR

SERIF = "BP-Serif"
SANS = "BP-Sans"
HANGUL = "BP-Hangul"

# (regular, bold, italic, bold italic) files per family. NanumGothic has no
# italic, so its upright faces stand in: a slanted Hangul run reads better
# upright than as empty boxes.
_FILES: dict[str, tuple[str, str, str, str]] = {
    SERIF: ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf"),
    SANS: ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"),
    HANGUL: ("NanumGothic.ttf", "NanumGothicBold.ttf", "NanumGothic.ttf", "NanumGothicBold.ttf"),
}
FALLBACKS: tuple[str, ...] = (HANGUL,)

_lock = threading.Lock()
_coverage: dict[str, dict[int, int]] = {}  # family -> cmap of its regular face (code point -> glyph)


def face_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The registered reportlab font name for one style of a shipped family."""
    files = _FILES[family]
    index = (2 if italic else 0) + (1 if bold else 0)
    # Styles that reuse another style's file reuse its registration too.
    first = files.index(files[index])
    return family + ("", "-Bold", "-Italic", "-BoldItalic")[first]


def ensure_family(family: str) -> None:
    """Register ``family``'s four styles with reportlab (embedded, subset) unless already done."""
    if family in _coverage:
        return
    with _lock:
        if family in _coverage:
            return
        for index, file in enumerate(_FILES[family]):
            name = face_name(family, bool(index & 1), bool(index & 2))
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(FONTS_DIR / file)))
        # Map the styles only once all are registered: registering a TTF maps all four
        # styles of its name to itself. Italic first: where italic reuses the upright
        # file, the upright mapping must be the one left for that name.
        for italic in (True, False):
            for bold in (False, True):
                # <b>/<i> inside a <font name=family> run resolve through this mapping.
                addMapping(family, int(bold), int(italic), face_name(family, bold, italic))
        _coverage[family] = pdfmetrics.getFont(face_name(family)).face.charToGlyph


def covers(family: str, char: str) -> bool:
    """Whether ``family``'s regular face has a glyph for ``char``."""
    ensure_family(family)
    return ord(char) in _coverage[family]


class ScriptRuns:
    """Cuts text into per-font runs for one document and collects the characters no font has.

    ``primaries`` are the families the document's styles use for text (body
    and headings); a character stays in the style's own font when all of them
    cover it, else goes to the first fallback that does. Not thread-safe: one
    instance per render.
    """

    def __init__(self, primaries: tuple[str, ...], fallbacks: tuple[str, ...] = FALLBACKS) -> None:
        for family in primaries:
            ensure_family(family)
        self.primaries = primaries
        self.fallbacks = fallbacks
        self.missing: set[str] = set()
        self._choice: dict[str, str | None] = {}  # char -> fallback family, "" to drop, None for the style's font

    def _choose(self, char: str) -> str | None:
        choice = self._choice.get(char, "?")
        if choice != "?":
            return choice
        if all(covers(f, char) for f in self.primaries):
            choice = None
        else:
            choice = next((f for f in self.fallbacks if covers(f, char)), "?")
            if choice == "?":
                if unicodedata.category(char) in ("Cc", "Cf"):
                    choice = ""  # invisible controls and format marks (ZWJ, variation selectors): drop
                else:
                    self.missing.add(char)
                    choice = None
        self._choice[char] = choice
        return choice

    def runs(self, text: str) -> list[tuple[str | None, str]]:
        """``text`` as (family or ``None`` for the style's own font, chunk) runs, in order."""
        if text.isascii() and text.isprintable():
            return [(None, text)] if text else []
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ").replace("\r", " ")
        runs: list[tuple[str | None, str]] = []
        current: str | None = None
        chunk: list[str] = []
        for char in text:
            # Spaces join whatever run they sit in, so a Korean phrase stays one run.
            family = current if char == " " else self._choose(char)
            if family == "":
                continue
            if family != current and chunk:
                runs.append((current, "".join(chunk)))
                chunk = []
            current = family
            chunk.append(char)
        if chunk:
            runs.append((current, "".join(chunk)))
        return runs

    def markup(self, text: str, bold: bool = False, italic: bool = False) -> str:
        """``text`` escaped for reportlab's paragraph markup, with fallback runs in ``<font>`` tags.

        ``bold`` and ``italic`` are the style in force where the text goes:
        reportlab's ``<font name=...>`` resets both, so fallback runs restate them.
        """
        out = []
        for family, chunk in self.runs(text):
            if family is None:
                out.append(escape(chunk))
            else:
                opening = "<b>" * bold + "<i>" * italic
                closing = "</i>" * italic + "</b>" * bold
                out.append(f'<font name="{family}">{opening}{escape(chunk)}{closing}</font>')
        return "".join(out)

    @staticmethod
    def style_flags(font_name: str) -> tuple[bool, bool]:
        """(bold, italic) of a registered font name, as reportlab's markup sees it."""
        _, bold, italic = ps2tt(font_name)
        return bool(bold), bool(italic)

    def missing_report(self) -> str:
        """The missing characters, each with its code point, for a notice (empty when none)."""
        return ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(self.missing))
