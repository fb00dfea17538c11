"""Alembic environment of the server: runs on the connection given by sync.server.db."""

from __future__ import annotations

from alembic import context

from sync.server.models import ServerBase

config = context.config
target_metadata = ServerBase.metadata

connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - always called through Database.upgrade
    raise RuntimeError("run migrations through sync.server.db.Database.upgrade")
context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    version_table="alembic_version_server",
)
with context.begin_transaction():
    context.run_migrations()
