"""placeholder revisions: a sequence (PostgreSQL only)

Rows written by a transaction carry a unique negative placeholder revision until
the transaction ends and takes the revision lock (sync.server.db.assign_revs).
On PostgreSQL concurrent transactions draw blocks of placeholders from this
sequence so they never collide on the unique ``record.rev``; SQLite serializes
its writers and needs none.

Revision ID: s0002
Revises: s0001
Create Date: 2026-11-23 12:45:00.000000
"""

from __future__ import annotations

from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE IF NOT EXISTS rev_placeholder")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP SEQUENCE IF EXISTS rev_placeholder")
