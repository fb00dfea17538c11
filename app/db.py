"""Encrypted SQLite (SQLCipher) engine, pragmas, sessions and the migrations runner."""

from __future__ import annotations

import ast
import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app import bulk_load, memory
from app.errors import WorkspaceError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.outbox import WorkspaceSession

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
T = TypeVar("T")
M = TypeVar("M")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSIONS_DIR = MIGRATIONS_DIR / "versions"


class _ReleasingConnection(sqlcipher3.Connection):  # type: ignore[misc]
    """A connection that gives its page cache back to the system once closed."""

    def close(self) -> None:
        super().close()
        memory.release_freed_memory()


def connect_raw(
    path: Path, key: bytes, *, check_same_thread: bool = False, release_on_close: bool = False
) -> Any:
    """A DB-API connection to an encrypted database, keyed and configured.

    The raw 32-byte key skips SQLCipher's own PBKDF2 (the key is random or
    already scrypt-derived), which keeps opening fast. With ``release_on_close``
    closing it also returns the freed page cache to the system (app.memory): the
    pool closes the connections it does not keep.
    """
    conn = sqlcipher3.connect(
        str(path),
        check_same_thread=check_same_thread,
        timeout=30,
        factory=_ReleasingConnection if release_on_close else sqlcipher3.Connection,
    )
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise WorkspaceError(
            msg(
                "db",
                QT_TRANSLATE_NOOP(
                    "db",
                    "Cannot open the workspace database: wrong passphrase or key, "
                    "or the file is damaged.",
                ),
            )
        ) from exc
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 30000")
    # 64 MiB page cache: the 100,000-row customer table fits, so counts and
    # phone-fragment searches stay in memory (about 165 ms -> 25 ms measured).
    conn.execute("PRAGMA cache_size = -65536")
    return conn


POOL_KEPT = 1
"""Connections kept open between uses. Each keeps its page cache (up to 64 MiB, the
whole customer table): one warm connection serves the one-after-the-other work
(list pages, search, count) from memory; keeping four made a laptop hold four
copies of the customer table (about 200 MB after scrolling the list)."""
POOL_MAX = 8
"""Connections open at once at most; those beyond the kept one are closed after use."""


def make_engine(path: Path, key: bytes) -> Engine:
    """A SQLAlchemy engine over the encrypted database at ``path``."""
    # Fail early, before the pool hides the error behind a generic one; build what a
    # bulk load that did not live to its end left out, before anything uses the schema.
    conn = connect_raw(path, key)
    try:
        bulk_load.finish(conn)
    finally:
        conn.close()

    engine = create_engine(
        "sqlite://",
        module=sqlcipher3,
        creator=lambda: connect_raw(path, key, release_on_close=True),
        poolclass=QueuePool,
        pool_size=POOL_KEPT,
        max_overflow=POOL_MAX - POOL_KEPT,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        # pysqlite's default transaction handling defers BEGIN; take it over so
        # that SQLAlchemy emits BEGIN itself (SAVEPOINT and isolation work).
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[WorkspaceSession]:
    """Sessions with the outbox and fact guards; objects stay usable after commit."""
    return sessionmaker(bind=engine, class_=WorkspaceSession, expire_on_commit=False)


ID_CHUNK = 500
"""Ids per ``IN (...)`` list: one statement each, far below SQLite's bound-variable limit."""


def chunks(items: Sequence[T], size: int = ID_CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in consecutive slices of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def load_by_ids(session: Session, model: type[M], ids: Iterable[Any]) -> list[M]:
    """The rows of ``model`` with these ids (repeats ignored), ``ID_CHUNK`` ids a query.

    Callers hold the list so that ``session.get`` then finds each row in the
    identity map instead of asking the database once per row.
    """
    unique = list(dict.fromkeys(ids))
    rows: list[M] = []
    for some in chunks(unique):
        rows += session.scalars(select(model).where(model.id.in_(some))).all()  # type: ignore[attr-defined]
    return rows


WRITE = "waiqin_write"
"""Execution option of a connection whose transaction writes: it begins ``IMMEDIATE``."""


@contextmanager
def transaction(factory: sessionmaker[WorkspaceSession]) -> Iterator[WorkspaceSession]:
    """One unit of work: commit on success, roll back on any error.

    It takes the write lock when it begins (``BEGIN IMMEDIATE``), waiting up to
    the busy timeout for another writer (a sync page, a backup's snapshot). A
    deferred transaction that reads first fails at once with "database is
    locked" when it then writes while another connection holds the lock:
    SQLite does not wait for a transaction that already reads.
    """
    session = factory()
    try:
        with session.begin():
            session.connection(execution_options={WRITE: True})
            yield session
    finally:
        session.close()


def alembic_config() -> Config:
    """Alembic configuration pointing at the packaged migrations."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


_ASSIGNMENT = re.compile(
    r"^(?P<name>revision|down_revision)\s*(?::[^=\n]*)?=\s*(?P<value>.+?)\s*$", re.MULTILINE
)


def _script_revisions(text: str) -> dict[str, object]:
    """``revision`` and ``down_revision`` of a migration script, read as literals."""
    values: dict[str, object] = {}
    for found in _ASSIGNMENT.finditer(text):
        try:
            values[found["name"]] = ast.literal_eval(found["value"])
        except (ValueError, SyntaxError) as exc:
            raise ValueError(f"{found['name']} is not a literal: {found['value']}") from exc
    return values


@functools.cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Each revision of this build's migrations and the revisions it follows.

    Read from the scripts' ``revision``/``down_revision`` literals without
    importing Alembic (its import costs about half a second of the app's start);
    Alembic itself is loaded only when an upgrade really runs.
    """
    graph: dict[str, tuple[str, ...]] = {}
    for script in sorted(VERSIONS_DIR.glob("*.py")):
        values = _script_revisions(script.read_text(encoding="utf-8"))
        rev, down = values.get("revision"), values.get("down_revision")
        if not isinstance(rev, str):
            continue
        if down is None:
            graph[rev] = ()
        elif isinstance(down, str):
            graph[rev] = (down,)
        elif isinstance(down, tuple | list) and all(isinstance(d, str) for d in down):
            graph[rev] = tuple(str(d) for d in down)
        else:
            raise ValueError(f"migration {script.name}: down_revision is not a literal")
    return graph


def head_revision() -> str:
    """The newest schema revision this build knows (the one no other revision follows)."""
    graph = revision_graph()
    followed = {down for downs in graph.values() for down in downs}
    heads = [rev for rev in graph if rev not in followed]
    if len(heads) != 1:
        raise ValueError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database (None for an empty one)."""
    with engine.connect() as conn:
        has_table = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).first()
        if has_table is None:
            return None
        versions = [
            str(v)
            for v in conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars()
        ]
    if len(versions) > 1:  # branches: never made by this build's linear migrations
        raise _newer_schema(", ".join(sorted(versions)))
    return versions[0] if versions else None


def _newer_schema(rev: str) -> WorkspaceError:
    return WorkspaceError(
        msg(
            "db",
            QT_TRANSLATE_NOOP(
                "db",
                "This workspace was made by a newer version of Waiqin (schema {rev}). "
                "Please update Waiqin.",
            ),
            rev=rev,
        )
    )


def known_revisions() -> set[str]:
    """All revisions this build's migrations contain."""
    return set(revision_graph())


def needs_upgrade(engine: Engine) -> bool:
    """True when the database is behind this build; refuses a newer schema."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise _newer_schema(current)
    return current != head_revision()


def upgrade(engine: Engine) -> None:
    """Bring the schema to head (Alembic, batch mode for SQLite; imported only here)."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("schema upgraded to %s", head_revision())
