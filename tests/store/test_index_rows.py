"""The search index reads each block's rowid and text from the packed body as the former json_each/json_extract reading did."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from briefpack.model.article import Block, BlockKind
from briefpack.store import rows, search
from briefpack.store.schema import BLOCK_BITS

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
blocks = st.lists(st.builds(Block, st.sampled_from(list(BlockKind)), texts, st.none() | texts), max_size=12)
FORMER = (
    f"SELECT (c.position << {BLOCK_BITS}) + j.key, json_extract(j.value, '$[1]') FROM contents c, json_each(c.blocks) j"
    " WHERE c.position > ? AND c.position <= ?"
)


def contents(bodies: list[list[Block]]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE contents (position INTEGER PRIMARY KEY, blocks TEXT NOT NULL)")
    kinds = {kind: kind.value for kind in BlockKind}
    packed = [(n, rows.dumps_plain([(kinds[b.kind], b.text, b.role) for b in body])) for n, body in enumerate(bodies)]
    conn.executemany("INSERT INTO contents VALUES (?, ?)", packed)
    return conn


@settings(max_examples=150, deadline=None)
@given(st.lists(blocks, min_size=1, max_size=5))
def test_same_rows_as_json_each_with_json_extract(bodies):
    conn = contents(bodies)
    now = conn.execute(f"{search._INDEX_SELECT} AND c.position > ? AND c.position <= ?", (-1, len(bodies))).fetchall()
    assert now == conn.execute(FORMER, (-1, len(bodies))).fetchall()  # NUL-cut texts included, as SQLite gives them
    assert [rowid for rowid, _ in now] == [(n << BLOCK_BITS) + i for n, body in enumerate(bodies) for i in range(len(body))]


def test_one_article_alone():
    body = [Block(BlockKind.HEADING, 'A "quoted" \\ title\n', None), Block(BlockKind.PARAGRAPH, "Ünïcode ✓ text", "lead")]
    conn = contents([body, body, body])
    assert conn.execute(f"{search._INDEX_SELECT} AND c.position = ?", (1,)).fetchall() == [
        ((1 << BLOCK_BITS), 'A "quoted" \\ title\n'), ((1 << BLOCK_BITS) + 1, "Ünïcode ✓ text")]
