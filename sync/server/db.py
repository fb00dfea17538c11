"""Server database: engine for SQLite or PostgreSQL, transactions, migrations.

Write transactions are serialized: on PostgreSQL each one first locks the
``counter`` row ``rev`` (``SELECT ... FOR UPDATE``), on SQLite it starts with
``BEGIN IMMEDIATE``. Revisions are therefore assigned and committed in order,
so a reader that sees revision N also sees every revision below N and a pull
cursor can never skip a row (docs/sync-protocol.md, "Cursor").
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from sync.server.models import Counter

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DB_ENV = "WAIQIN_SERVER_DB"
REV = "rev"
_MIGRATION_LOCK = 741_852_963


def default_db_url() -> str:
    """$WAIQIN_SERVER_DB, else a SQLite file in the per-user data folder."""
    env = os.environ.get(DB_ENV)
    if env:
        return env
    folder = Path(platformdirs.user_data_dir("waiqin-server", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'server.db'}"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and explicit BEGINs."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, record: Any) -> None:
            dbapi_conn.isolation_level = None
            dbapi_conn.execute("PRAGMA journal_mode = WAL")
            dbapi_conn.execute("PRAGMA synchronous = FULL")
            dbapi_conn.execute("PRAGMA busy_timeout = 30000")

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            immediate = conn.get_execution_options().get("write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


class Database:
    """The server's engine and session factory; shared by the API and the admin CLI."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        """True for the embedded SQLite database."""
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (rolled back at the end)."""
        with self._sessions() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A serialized write transaction holding the revision lock; commits on success."""
        conn = self.engine.connect().execution_options(write=True)
        session = Session(bind=conn, expire_on_commit=False)
        try:
            with session.begin():
                if not self.is_sqlite:
                    session.execute(select(Counter).where(Counter.name == REV).with_for_update())
                yield session
        finally:
            session.close()
            conn.close()

    def upgrade(self) -> None:
        """Run the server's Alembic migrations to head (several processes may race)."""
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as conn:
            if not self.is_sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def next_rev(session: Session) -> int:
    """The next revision, inside a write transaction (which already holds the lock)."""
    row = session.get(Counter, REV)
    if row is None:
        row = Counter(name=REV, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value


def next_counter(session: Session, name: str) -> int:
    """The next value of a named counter (order numbers per year...), inside a write."""
    row = session.get(Counter, name)
    if row is None:
        row = Counter(name=name, value=0)
        session.add(row)
    row.value += 1
    session.flush()
    return row.value


def head_rev(session: Session) -> int:
    """The newest revision committed."""
    value = session.scalar(select(Counter.value).where(Counter.name == REV))
    return int(value or 0)
