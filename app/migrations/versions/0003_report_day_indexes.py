"""indexes for the day filters of the daily report

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:50:00

The daily report filters customers by ``created_at``, follow-ups by
``done_at``, quotes by ``quote_date`` and orders by ``order_date``: without
these indexes each was a full scan (0.2 s each for 100,000 customers and
137,000 follow-ups). Plain CREATE INDEX: no table is rebuilt, so the customer
search triggers of 0002 stay in place.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = (
    ("ix_customer_created_at", "customer", "created_at"),
    ("ix_follow_up_task_done_at", "follow_up_task", "done_at"),
    ("ix_quote_quote_date", "quote", "quote_date"),
    ("ix_order_draft_order_date", "order_draft", "order_date"),
)


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [column], unique=False)


def downgrade() -> None:
    for name, table, _column in INDEXES:
        op.drop_index(name, table_name=table)
