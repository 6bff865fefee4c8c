"""A text laid out key by key, for the theme matcher's slow path: where some token gives several keys.

Most white-space tokens give one key each, and the matcher scans them as
they are; a hyphenated word ("cyber-attack", "people-to-people") gives one
key per part, and for such a text the matcher's scan lays the whole
text out key by key (``ThemeMatcher._scan_keys``). ``KeyLayout``
builds that layout from the fast per-token keys, splicing in only the few
tokens that expand, and maps each key position back to the word it came
from, for the evidence. Pure; safe to use from any thread.
"""

from __future__ import annotations

from bisect import bisect_right

from briefpack.analysis.wordforms import TokenKeys, fast_word, token_keys


class KeyLayout:
    """Keys of a text where some tokens give several keys, and where each key's word came from.

    Built from the fast per-token keys by splicing in the few tokens that
    expand, so the common tokens are never looked at one by one again.
    """

    __slots__ = ("tokens", "keys", "joined", "_splices", "_starts")

    def __init__(self, tokens: list[str], fast: list[str]) -> None:
        self.tokens = tokens
        keys: list[str] = []
        joined: list[tuple[int, int, str, str]] = []
        splices: list[tuple[int, int, TokenKeys]] = []  # (first key, token index, analysis)
        previous = 0
        for index in [i for i, key in enumerate(fast) if not key]:
            keys.extend(fast[previous:index])
            analysed = token_keys(tokens[index])
            at = len(keys)
            splices.append((at, index, analysed))
            joined.extend((at + offset, n, key, surface) for offset, n, key, surface in analysed.joined)
            keys.extend(analysed.keys)
            previous = index + 1
        keys.extend(fast[previous:])
        self.keys = keys
        self.joined = joined
        self._splices = splices
        self._starts = [at for at, _, _ in splices]

    def word(self, position: int) -> tuple[str, str]:
        """The surface (lower-cased) and original form of the word at key ``position``."""
        found = bisect_right(self._starts, position) - 1
        if found < 0:
            return fast_word(self.tokens[position])
        at, index, analysed = self._splices[found]
        if position < at + len(analysed.keys):
            return analysed.surfaces[position - at], analysed.originals[position - at]
        # Past the split token, keys and tokens are one to one again.
        return fast_word(self.tokens[index + 1 + position - at - len(analysed.keys)])
