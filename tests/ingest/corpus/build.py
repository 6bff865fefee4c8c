"""Build the page-dump corpus (``NAME.txt`` + ``NAME.gold.json``) from hand-annotated sources in ``src/``.

Each ``src/NAME.ann`` is a page dump with its gold parse written beside every
line, so the dump and its annotation cannot drift apart: header lines
``@field: value`` give the metadata (``@title: null`` for a page without a
headline; lists are separated by `` ;; ``), then ``---``, then one line of the
dump per line, each ``TAG|text`` (an empty line is a blank line in the dump).
Tags: ``T`` headline, ``S`` standfirst, ``P`` paragraph, ``H`` sub-heading,
``N`` footnote (a paragraph with role ``footnote``), ``C`` caption, ``K``
picture credit, ``X`` anything else (bylines, datelines, furniture, notices).
``@wrap: N`` hard-wraps every line of the dump at N columns, as text browsers
and mail clients do; ``@markers: yes`` says ``[n]`` link markers in the dump
are not part of the gold text, and ``@markers: uncounted`` also lays lines
out as lynx does, not counting the markers in the width (so lines with links
stick out past it); ``@margin: N`` indents every wrapped line by N spaces,
inside the width, as text browsers do. Run ``python tests/ingest/corpus/build.py``
after editing a source; the generated files are committed. A few text-browser
dumps have no source: they are kept as their page was copied, with the gold
file beside them, since their layout (lynx's indents and link lists, headings
printed from the first column) is not one ``@wrap`` can reproduce.
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

HERE = Path(__file__).resolve().parent
_LISTS = ("authors", "captions", "image_credits")
_MARKER = re.compile(r"\[\d+\]")


def _value(field: str, raw: str):
    raw = raw.strip()
    if field in _LISTS:
        return [v.strip() for v in raw.split(";;") if v.strip()]
    return None if raw in ("", "null") else raw


def _wrap_uncounted(text: str, width: int) -> list[str]:
    """Greedy word wrap at ``width`` where ``[n]`` link markers take no room (lynx adds them after layout)."""
    lines: list[str] = []
    current, used = "", 0
    for word in text.split():
        size = len(_MARKER.sub("", word))
        if current and used + 1 + size > width:
            lines.append(current)
            current, used = "", 0
        current, used = (f"{current} {word}", used + 1 + size) if current else (word, size)
    return [*lines, current] if current else lines


def build(source: Path) -> tuple[str, dict]:
    """The dump text and gold dict one annotated source describes."""
    head, body = source.read_text(encoding="utf-8").split("\n---\n", 1)
    meta = {}
    for line in head.splitlines():
        if line.startswith("@"):
            field, _, raw = line[1:].partition(":")
            meta[field.strip()] = _value(field.strip(), raw)
    wrap = int(meta.pop("wrap", None) or 0)
    margin = " " * int(meta.pop("margin", None) or 0)
    marker_mode = meta.pop("markers", None)
    markers = marker_mode in ("yes", "uncounted")
    out: list[str] = []
    blocks: list[dict] = []
    captions: list[str] = []
    credits: list[str] = []
    title = None
    for line in body.rstrip("\n").split("\n"):
        if not line:
            out.append("")
            continue
        tag, sep, text = line.partition("|")
        if not sep or tag not in "TSPHNCKX" or len(tag) != 1:
            raise ValueError(f"{source.name}: bad line {line!r}")
        if not text.strip():
            out.append("")  # "X|" is a blank line of the dump, whatever the wrapping
            continue
        if marker_mode == "uncounted" and wrap:
            out.extend(margin + piece for piece in _wrap_uncounted(text.strip(), wrap - len(margin)))
        elif wrap and margin:
            out.extend(textwrap.wrap(text.strip(), wrap, initial_indent=margin, subsequent_indent=margin, break_on_hyphens=False))
        else:
            out.extend(textwrap.wrap(text, wrap, break_on_hyphens=False) if wrap and len(text) > wrap else [text])
        clean = " ".join(_MARKER.sub("", text).split()) if markers else text
        if tag == "T" and title is None:
            title = clean
        elif tag in "SPN":
            block = {"kind": "paragraph", "text": clean}
            if tag != "P":
                block["role"] = {"S": "standfirst", "N": "footnote"}[tag]
            blocks.append(block)
        elif tag == "H":
            blocks.append({"kind": "heading", "text": clean})
        elif tag == "C" and clean not in captions:
            captions.append(clean)
        elif tag == "K" and clean not in credits:
            credits.append(clean)
    gold = {
        "file": source.stem + ".txt",
        "title": meta.get("title", title) if "title" in meta else title,
        "category": meta.get("category"),
        "authors": meta.get("authors", []),
        "publisher": meta.get("publisher"),
        "published": meta.get("published"),
        "url": meta.get("url"),
        "language": meta.get("language", "en"),
        "captions": meta.get("captions", captions),
        "image_credits": meta.get("image_credits", credits),
        "blocks": blocks,
    }
    return "\n".join(out) + "\n", gold


def main() -> int:
    sources = sorted((HERE / "src").glob("*.ann"))
    for source in sources:
        text, gold = build(source)
        (HERE / f"{source.stem}.txt").write_text(text, encoding="utf-8")
        (HERE / f"{source.stem}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    print(f"built {len(sources)} corpus files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
