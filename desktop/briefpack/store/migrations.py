"""Upgrading project files written by an older briefpack to the current schema.

Each ``Step`` upgrades a file from schema ``version - 1`` to ``version`` with
plain SQL, in its own transaction, and leaves a row in the file's
``migrations`` table. Steps run on the project's working copy, never on the
file itself: the file on disk keeps its old version until the analyst saves,
so an older briefpack can still open it until then. New projects run the same
steps from the base layout. Each change to the layout adds a step here (its
code in an ``upgrade_vN`` module) and bumps ``schema.SCHEMA_VERSION``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from briefpack.store import schema, upgrade_v2, upgrade_v3, upgrade_v4
from briefpack.store.errors import StoreError


@dataclass(frozen=True, slots=True)
class Step:
    """Upgrades schema ``version - 1`` to ``version``; ``note`` is recorded in the file's history."""

    version: int
    note: str
    apply: Callable[[sqlite3.Connection], None]


STEPS: dict[int, Step] = {
    2: Step(2, upgrade_v2.NOTE, upgrade_v2.apply),
    3: Step(3, upgrade_v3.NOTE, upgrade_v3.apply),
    4: Step(4, upgrade_v4.NOTE, upgrade_v4.apply),
}


def upgrade(
    conn: sqlite3.Connection,
    found: int,
    path: Path | None,
    *,
    target: int | None = None,
    steps: Mapping[int, Step] | None = None,
) -> None:
    """Bring a working copy at schema ``found`` up to ``target`` (``None``: the current schema).

    ``steps`` ``None`` means the registered ``STEPS``; ``path`` ``None`` is a
    new, untitled working copy. Raises ``StoreError`` naming ``path`` when a
    step is missing or fails; the working copy is then unusable and the
    caller drops it.
    """
    target = schema.SCHEMA_VERSION if target is None else target
    steps = STEPS if steps is None else steps
    for version in range(found + 1, target + 1):
        step = steps.get(version)
        if step is None:
            raise StoreError(path, f"no upgrade from project schema {version - 1} to {version}")
        try:
            with schema.transaction(conn):
                step.apply(conn)
                conn.execute(
                    "INSERT INTO migrations (version, applied_at, note) VALUES (?, ?, ?)",
                    (version, schema.now_iso(), step.note),
                )
                conn.execute(f"PRAGMA user_version = {version}")
        except sqlite3.Error as exc:
            raise StoreError(path, f"could not upgrade the project to schema {version}: {exc}") from exc
