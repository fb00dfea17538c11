"""Server database: engine for SQLite or PostgreSQL, transactions, revisions, locks.

Revisions are assigned at the very end of a write transaction, under the
revision lock (the ``counter`` row ``rev``, locked by the ``UPDATE`` that
reserves them), and committed while that lock is held. Revisions therefore
become visible in order: a reader that sees revision N also sees every
revision below N, so a pull cursor can never skip a row (docs/sync-protocol.md,
"Cursor correctness"). Until then a written row carries a unique negative
placeholder revision that no reader ever sees (it is never committed).

Everything else a transaction does runs without that lock; what it used to
protect besides the cursor is protected by narrower locks, taken in this order
(no deadlock): the admin lock (:func:`lock_admin`), user rows (:func:`lock_users`,
sorted), the device row, named counters (:func:`next_counter`), the revision
lock last. SQLite (one embedded process) stays fully serialized by
``BEGIN IMMEDIATE``; there every lock helper is a no-op.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import platformdirs
from alembic import command
from alembic.config import Config
from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DataError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value

from sync.server.models import Counter, MutationResult, Purge, User

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DB_ENV = "WAIQIN_SERVER_DB"
REV = "rev"
_MIGRATION_LOCK = 741_852_963
_ADMIN_LOCK = 741_852_964
_KEY_LOCKS = 741_852  # namespace (first int4) of per-key advisory locks
PLACEHOLDER_SEQUENCE = "rev_placeholder"
PLACEHOLDER_BLOCK = 1 << 20  # placeholders one sequence value reserves
_PENDING = "waiqin_pending_revs"
_PLACEHOLDERS = "waiqin_placeholders"
_WRITES = "waiqin_writes"


class Versioned(Protocol):
    """A row with a revision (a record or a purge)."""

    rev: int


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
    def read_statements(self) -> Iterator[Session]:
        """A read-only session whose statements each see what is committed when they start.

        On PostgreSQL an autocommit connection: no BEGIN and no ROLLBACK round trips,
        and the same view as a READ COMMITTED transaction (a snapshot per statement).
        SQLite reads in one transaction. Never write with it.
        """
        with self.autocommit() as conn, Session(bind=conn) as session:
            yield session

    @contextmanager
    def autocommit(self) -> Iterator[Connection]:
        """A connection for single read statements, each its own transaction.

        No BEGIN and no ROLLBACK round trips (e.g. the token lookup of every request).
        """
        with self.engine.connect() as conn:
            if self.is_sqlite:  # explicit BEGINs (make_engine): a plain read transaction
                yield conn
            else:
                yield conn.execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction; its revisions are assigned at the end, then it commits.

        Rows written through :mod:`sync.server.records` get their revisions in
        :func:`assign_revs` (under the revision lock, held only until the commit).
        """
        conn = self.engine.connect().execution_options(write=True)
        session = Session(bind=conn, expire_on_commit=False)
        try:
            with session.begin():
                yield session
                assign_revs(session, commit=True)
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


def _is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def placeholder_rev(session: Session, row: Versioned | None = None) -> int:
    """A unique negative revision for a row written in this transaction (see assign_revs).

    On PostgreSQL each transaction reserves a block of placeholders with one
    ``nextval``, so concurrent transactions never share one (``rev`` is unique
    and a shared value would make one insert wait for the other's commit).
    ``row`` (when given) is remembered and gets its real revision at the end.
    """
    nxt, end = session.info.get(_PLACEHOLDERS, (0, 0))
    if nxt >= end:
        if _is_sqlite(session):  # one writer at a time: any unique values will do
            nxt, end = 1, 1 << 62
        else:
            base = int(session.execute(select(func.nextval(PLACEHOLDER_SEQUENCE))).scalar_one())
            nxt, end = base * PLACEHOLDER_BLOCK, (base + 1) * PLACEHOLDER_BLOCK
    session.info[_PLACEHOLDERS] = (nxt + 1, end)
    session.info[_WRITES] = write_count(session) + 1
    if row is not None:
        session.info.setdefault(_PENDING, {})[id(row)] = row
    return int(-nxt)


def placeholder_block(session: Session) -> ColumnElement[int] | None:
    """PostgreSQL: the column that reserves a placeholder block (to read with another row)."""
    if _is_sqlite(session):
        return None
    return func.nextval(PLACEHOLDER_SEQUENCE)


def use_placeholder_block(session: Session, base: int) -> None:
    """Give this transaction the placeholder block ``base`` read with :func:`placeholder_block`."""
    if session.info.get(_PLACEHOLDERS) is None:
        session.info[_PLACEHOLDERS] = (base * PLACEHOLDER_BLOCK, (base + 1) * PLACEHOLDER_BLOCK)


def track(session: Session, row: Versioned) -> None:
    """Give ``row`` a placeholder revision unless it has one; it gets a real one at the end."""
    if row.rev is None or row.rev >= 0:
        row.rev = placeholder_rev(session, row)
    else:
        session.info.setdefault(_PENDING, {})[id(row)] = row
        session.info[_WRITES] = write_count(session) + 1


def write_count(session: Session) -> int:
    """How many record writes (new revisions asked for) this transaction has made so far."""
    return int(session.info.get(_WRITES, 0))


def _still_pending(row: Versioned) -> bool:
    state = inspect(row)
    if not (state.persistent or state.pending):
        return False  # an insert rolled back with its savepoint
    return row.rev is not None and row.rev < 0


def assign_revs(
    session: Session, results: Sequence[MutationResult] = (), *, commit: bool = False
) -> dict[int, int]:
    """Give every row written with a placeholder its revision, in the order written.

    Takes the revision lock (the ``UPDATE`` of the counter reserving them all),
    so it must be the last thing a write transaction does before its commit.
    ``results``: stored push results (already added) whose ``rev`` is a
    placeholder get the revision too. Everything else is written before the
    lock; on PostgreSQL the lock then covers one statement and the commit.
    Returns {placeholder: revision}. Without pending rows it takes no lock.

    ``commit``: on PostgreSQL, send the COMMIT with that statement (one round trip):
    the lock is then held only while the database runs both, never while this
    thread waits for its turn to run Python (the GIL). Nothing may be written after.
    """
    rows = [r for r in session.info.pop(_PENDING, {}).values() if _still_pending(r)]
    if not rows:
        return {}
    rows.sort(key=lambda r: -r.rev)  # placeholders count down in the order written
    session.flush()  # every other write happens before the lock
    placeholders = [r.rev for r in rows]
    if _is_sqlite(session):
        top = reserve(session, REV, len(rows))
    else:
        top = _assign_in_one_statement(session, placeholders, results, commit=commit)
    first = top - len(rows) + 1
    mapping = {ph: rev for rev, ph in enumerate(placeholders, start=first)}
    for row in rows:
        if _is_sqlite(session):
            row.rev = mapping[row.rev]
        elif isinstance(row, Purge):
            session.expunge(row)  # its key (the revision) changed in the database
        else:
            set_committed_value(row, "rev", mapping[row.rev])
    for stored in results:
        rev = stored.result.get("rev")
        if isinstance(rev, int) and rev in mapping:
            value = {**stored.result, "rev": mapping[rev]}
            if _is_sqlite(session):
                stored.result = value
            else:
                set_committed_value(stored, "result", value)
    if not commit or _is_sqlite(session):
        session.flush()
    elif session.dirty or session.new or session.deleted:  # would be written after the commit
        raise RuntimeError("a write transaction changed rows after its commit")
    return mapping


_ASSIGN = text(
    """
    WITH c AS (
        UPDATE counter SET value = value + :n WHERE name = 'rev' RETURNING value
    ), v AS (
        SELECT ph, k FROM unnest(CAST(:phs AS bigint[])) WITH ORDINALITY AS v(ph, k)
    ), r AS (
        UPDATE record SET rev = c.value - :n + v.k FROM c, v WHERE record.rev = v.ph
        RETURNING 1
    ), p AS (
        UPDATE purge SET rev = c.value - :n + v.k FROM c, v WHERE purge.rev = v.ph
        RETURNING 1
    ), m AS (
        UPDATE mutation_result
        SET result = CAST(jsonb_set(CAST(result AS jsonb), '{rev}', to_jsonb(c.value - :n + v.k))
                          AS json)
        FROM c, v, unnest(CAST(:devs AS text[]), CAST(:nos AS bigint[])) AS t(dev, no)
        WHERE mutation_result.device_id = t.dev AND mutation_result.no = t.no
          AND CAST(result ->> 'rev' AS bigint) = v.ph
        RETURNING 1
    )
    SELECT value FROM c
    UNION ALL  -- no counter row: fail (division by zero), so a COMMIT sent with it rolls back
    SELECT 1 / count(*) FROM c HAVING count(*) = 0
    """
)
_NO_COUNTER = "the revision counter is missing"  # a database made without the migrations
_ASSIGN_COMMIT_SQL = (
    str(_ASSIGN.compile(dialect=postgresql.dialect(paramstyle="pyformat")))  # type: ignore[no-untyped-call]
    + ";\nCOMMIT"
)


def _assign_in_one_statement(
    session: Session, placeholders: list[int], results: Sequence[MutationResult], *, commit: bool
) -> int:
    """PostgreSQL: reserve the revisions and rewrite every placeholder in one round trip.

    With ``commit`` the COMMIT goes in the same query string.
    """
    params = {
        "n": len(placeholders),
        "phs": placeholders,
        "devs": [r.device_id for r in results],
        "nos": [r.no for r in results],
    }
    if not commit:
        try:
            return int(session.execute(_ASSIGN, params).scalar_one())
        except DataError as exc:
            if "division by zero" in str(exc):
                raise RuntimeError(_NO_COUNTER) from exc
            raise
    import psycopg  # the PostgreSQL driver (not loaded for SQLite)

    conn = session.connection()
    raw = conn.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    # One query string (values bound by the driver): the database runs the COMMIT right
    # after the statement, or skips it when the statement fails (then rolled back).
    cursor = psycopg.ClientCursor(raw)
    try:
        cursor.execute(_ASSIGN_COMMIT_SQL, params)
        row = cursor.fetchone()
    except psycopg.errors.DivisionByZero as exc:
        raise RuntimeError(_NO_COUNTER) from exc
    except psycopg.Error as exc:
        if raw.closed or raw.broken:
            conn.invalidate(exc)
        raise DBAPIError.instance(_ASSIGN_COMMIT_SQL, params, exc, psycopg.Error) from exc
    finally:
        cursor.close()
    assert row is not None
    return int(row[0])


def reserve(session: Session, name: str, count: int) -> int:
    """Add ``count`` to the named counter (made at 0 if new) and return its new value.

    The row stays locked until the transaction ends: callers of one counter
    are serialized from here to their commit, never before.
    """
    table = Counter.__table__
    assert isinstance(table, Table)
    insert = sqlite.insert if _is_sqlite(session) else postgresql.insert
    stmt = (
        insert(table)
        .values(name=name, value=count)
        .on_conflict_do_update(index_elements=[table.c.name], set_={"value": table.c.value + count})
        .returning(table.c.value)
    )
    return int(session.execute(stmt).scalar_one())


def next_counter(session: Session, name: str) -> int:
    """The next value of a named counter (order numbers per year...), inside a write."""
    return reserve(session, name, 1)


def head_rev(session: Session) -> int:
    """The newest revision committed."""
    value = session.scalar(select(Counter.value).where(Counter.name == REV))
    return int(value or 0)


def lock_admin(session: Session) -> None:
    """Serialize administrative writes (review, reassignment, receipt books, letterhead...)."""
    if not _is_sqlite(session):
        session.execute(select(func.pg_advisory_xact_lock(_ADMIN_LOCK)))


def lock_key(session: Session, key: str) -> None:
    """Serialize the transactions that name the same ``key`` (e.g. login throttling)."""
    if not _is_sqlite(session):
        session.execute(select(func.pg_advisory_xact_lock(_KEY_LOCKS, func.hashtext(key))))


def lock_users(session: Session, usernames: Iterable[str]) -> None:
    """Lock these users' rows until commit: writers of a user's records take turns.

    Every write to rows a rep owns (their pushes from any laptop, a review of
    their order, a reassignment to or from them) holds this lock first, so a
    read-modify-write of those rows never interleaves with another.
    """
    names = sorted({n for n in usernames if n})
    if names and not _is_sqlite(session):
        session.execute(
            select(User.id)
            .where(User.username.in_(names))
            .order_by(User.username)
            .with_for_update()
        )
