"""A quoted stretch of an article: the unit the analyst picks for a brief.

A passage is traceable: it names its article, the block index and the
character span, and the text it quotes must equal the source text at that
span. ``matches`` is the check export runs before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefpack.model.article import Article


@dataclass(frozen=True, slots=True)
class Passage:
    """``text`` equals ``article.blocks[block_index].text[start:end]`` when the passage is intact."""

    article_id: str
    block_index: int
    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        """A stable id for the passage within a project."""
        return f"{self.article_id}:{self.block_index}:{self.start}-{self.end}"

    @classmethod
    def whole_block(cls, article: Article, block_index: int) -> "Passage":
        text = article.blocks[block_index].text
        return cls(article.id, block_index, 0, len(text), text)

    def matches(self, article: Article) -> bool:
        """True when the article still holds exactly this text at this span."""
        if article.id != self.article_id or not 0 <= self.block_index < len(article.blocks):
            return False
        return article.blocks[self.block_index].text[self.start : self.end] == self.text

    def to_json(self) -> dict:
        return {
            "article_id": self.article_id,
            "block_index": self.block_index,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Passage":
        return cls(data["article_id"], data["block_index"], data["start"], data["end"], data["text"])
