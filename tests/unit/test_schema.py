"""The migrated schema is exactly what the models declare, and the report indexes are used."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from app import db
from app.models import Base
from app.workspace import open_workspace
from tests.conftest import TEST_PASSPHRASE

# The FTS5 table of migration 0002 (and its shadow tables) is not a model.
NOT_MODELS = "customer_search"


def _differences(ws: Any) -> list[Any]:
    with ws.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    return [d for d in diff if NOT_MODELS not in str(d)]


def test_migrations_build_what_the_models_declare(workspace: Any) -> None:
    assert _differences(workspace) == []


REPORT_QUERIES = [
    ("customer", "created_at", "ix_customer_created_at"),
    ("follow_up_task", "done_at", "ix_follow_up_task_done_at"),
    ("quote", "quote_date", "ix_quote_quote_date"),
    ("order_draft", "order_date", "ix_order_draft_order_date"),
]


@pytest.mark.parametrize(("table", "column", "index"), REPORT_QUERIES)
def test_the_daily_report_reads_a_day_by_index(
    workspace: Any, table: str, column: str, index: str
) -> None:
    sql = f"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE {column} >= ? AND {column} < ?"
    with workspace.engine.connect() as conn:
        plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(sql, ("a", "b")))
    assert f"USING INDEX {index}" in plan


def test_upgrade_from_0002_adds_the_report_indexes(workspace: Any) -> None:
    cfg = db.alembic_config()
    with workspace.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
        names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
        assert "ix_customer_created_at" not in {n for (n,) in names}
    path = workspace.path
    workspace.close()
    ws = open_workspace(path, TEST_PASSPHRASE)
    try:
        assert db.current_revision(ws.engine) == db.head_revision()
        assert _differences(ws) == []
    finally:
        ws.close()
