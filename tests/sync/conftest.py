"""Fixtures of the sync tests: a real server per test, on SQLite and (marked pg) PostgreSQL."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.sync.harness import ServerHarness


def _pg_schema_url(base_url: str) -> Iterator[str]:
    """A fresh schema in the test database, dropped afterwards."""
    schema = f"wq_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base_url)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty server database URL: SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.db'}"
        return
    base = request.getfixturevalue("pg_url")
    yield from _pg_schema_url(base)


@pytest.fixture
def server(db_url: str) -> Iterator[ServerHarness]:
    """A running server with reps alice and bob (east), carol (west), and a manager."""
    harness = ServerHarness(db_url)
    harness.start()
    for name, role, territory in (
        ("alice", "rep", "east"),
        ("bob", "rep", "east"),
        ("carol", "rep", "west"),
        ("boss", "manager", None),
    ):
        harness.add_user(name, role, territory)
    try:
        yield harness
    finally:
        harness.close()
