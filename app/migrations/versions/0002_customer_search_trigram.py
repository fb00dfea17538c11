"""customer search: FTS5 trigram index of name, code and phone digits

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 12:30:00

``customer_search`` is a contentless FTS5 table (``contentless_delete=1``: it
stores no copy of the text, only the trigram index) whose rowid is the
customer's rowid. Triggers keep it in step with every INSERT, DELETE and
UPDATE of those columns, whether made by the ORM or by the sync pull's
executemany. app.services.customer_search uses it to narrow ``LIKE '%…%'``
probes and re-checks every candidate with the LIKE itself.

A later migration that rebuilds the customer table (Alembic batch mode on
SQLite copies it to a new table: its triggers are dropped and rowids may
change) must call :func:`create` again after the copy.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "name, code, phone_digits"
DDL = (
    "CREATE VIRTUAL TABLE customer_search USING fts5("
    f"{COLUMNS}, content='', contentless_delete=1, tokenize='trigram')",
    f"INSERT INTO customer_search(rowid, {COLUMNS}) SELECT rowid, {COLUMNS} FROM customer",
    "CREATE TRIGGER customer_search_ai AFTER INSERT ON customer BEGIN "
    f"INSERT INTO customer_search(rowid, {COLUMNS}) "
    "VALUES (new.rowid, new.name, new.code, new.phone_digits); END",
    "CREATE TRIGGER customer_search_ad AFTER DELETE ON customer BEGIN "
    "DELETE FROM customer_search WHERE rowid = old.rowid; END",
    f"CREATE TRIGGER customer_search_au AFTER UPDATE OF {COLUMNS} ON customer BEGIN "
    "DELETE FROM customer_search WHERE rowid = old.rowid; "
    f"INSERT INTO customer_search(rowid, {COLUMNS}) "
    "VALUES (new.rowid, new.name, new.code, new.phone_digits); END",
)
DROP = (
    "DROP TRIGGER IF EXISTS customer_search_au",
    "DROP TRIGGER IF EXISTS customer_search_ad",
    "DROP TRIGGER IF EXISTS customer_search_ai",
    "DROP TABLE IF EXISTS customer_search",
)


def create() -> None:
    """(Re)build the index from the customer table and install its triggers."""
    for sql in (*DROP, *DDL):
        op.execute(sql)


def upgrade() -> None:
    create()


def downgrade() -> None:
    for sql in DROP:
        op.execute(sql)
