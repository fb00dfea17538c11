"""server initial schema

Revision ID: s0001
Revises:
Create Date: 2026-11-23 09:31:58.243250
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "s0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "app_user",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("territory", sa.String(length=100), nullable=True),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "counter",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )
    # The revision counter row every write transaction locks (serial revisions).
    op.execute("INSERT INTO counter (name, value) VALUES ('rev', 0)")
    op.create_table(
        "device",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("last_mutation", sa.BigInteger(), nullable=False),
        sa.Column("next_receipt_no", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_device")),
        sa.UniqueConstraint("code", name=op.f("uq_device_code")),
    )
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_device_user_id"), ["user_id"], unique=False)

    op.create_table(
        "login_throttle",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_start", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_login_throttle")),
    )
    op.create_table(
        "mutation_result",
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("no", sa.BigInteger(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "no", name=op.f("pk_mutation_result")),
    )
    with op.batch_alter_table("mutation_result", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mutation_result_applied_at"), ["applied_at"], unique=False
        )

    op.create_table(
        "purge",
        sa.Column("rev", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("rev", name=op.f("pk_purge")),
    )
    with op.batch_alter_table("purge", schema=None) as batch_op:
        batch_op.create_index("ix_purge_username_rev", ["username", "rev"], unique=False)

    op.create_table(
        "receipt_number",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("device_code", sa.String(length=16), nullable=False),
        sa.Column("seq_no", sa.BigInteger(), nullable=False),
        sa.Column("receipt_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_receipt_number")),
        sa.UniqueConstraint("device_code", "seq_no", name=op.f("uq_receipt_number_device_code")),
        sa.UniqueConstraint("receipt_id", name=op.f("uq_receipt_number_receipt_id")),
    )
    op.create_table(
        "record",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=True),
        sa.Column("author", sa.String(length=64), nullable=True),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("territory", sa.String(length=100), nullable=True),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("rev", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "id", name=op.f("pk_record")),
        sa.UniqueConstraint("rev", name=op.f("uq_record_rev")),
    )
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index("ix_record_entity_rev", ["entity", "rev"], unique=False)
        batch_op.create_index("ix_record_owner_rev", ["owner", "rev"], unique=False)

    op.create_table(
        "territory",
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_territory")),
    )
    op.create_table(
        "token",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_token")),
    )
    with op.batch_alter_table("token", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_token_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_token_user_id"))

    op.drop_table("token")
    op.drop_table("territory")
    with op.batch_alter_table("record", schema=None) as batch_op:
        batch_op.drop_index("ix_record_owner_rev")
        batch_op.drop_index("ix_record_entity_rev")
        batch_op.drop_index(batch_op.f("ix_record_customer_id"))

    op.drop_table("record")
    op.drop_table("receipt_number")
    with op.batch_alter_table("purge", schema=None) as batch_op:
        batch_op.drop_index("ix_purge_username_rev")

    op.drop_table("purge")
    with op.batch_alter_table("mutation_result", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mutation_result_applied_at"))

    op.drop_table("mutation_result")
    op.drop_table("login_throttle")
    with op.batch_alter_table("device", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_device_user_id"))

    op.drop_table("device")
    op.drop_table("counter")
    op.drop_table("app_user")
