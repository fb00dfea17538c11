"""The laptop side's storage helpers: sync state keys, the token, remote transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, select, update

from app import bulk_load, db, memory, security
from app.models import Secret, SyncState, synced_models
from app.outbox import REMOTE, WorkspaceSession
from app.workspace import Workspace

TOKEN_SECRET = "sync_token"
K_SERVER = "server_url"
K_USERNAME = "username"
K_CA = "ca_bundle"
K_CURSOR = "cursor"
K_INITIAL_HEAD = "initial_head"
K_LAST_SYNC = "last_sync_at"  # shared with app.services.today.last_sync_at
K_DEVICE_ID = "device_id"
K_DEVICE_CODE = "device_code"


def _keyring_name(ws: Workspace) -> str:
    return f"sync-token:{ws.workspace_id}"


def store_token(ws: Workspace, token: str) -> None:
    """Keep the token in the OS keyring, or inside the encrypted database where none."""
    if security.keyring_usable():
        security.keyring_set(_keyring_name(ws), token)
        with db.transaction(ws.sessions) as s:
            s.execute(delete(Secret).where(Secret.key == TOKEN_SECRET))
        return
    with db.transaction(ws.sessions) as s:
        s.merge(Secret(key=TOKEN_SECRET, value=token))


def load_token(ws: Workspace) -> str | None:
    """The stored token, if any."""
    token = security.keyring_get(_keyring_name(ws))
    if token:
        return token
    with ws.sessions() as s:
        return s.scalar(select(Secret.value).where(Secret.key == TOKEN_SECRET))


def forget_token(ws: Workspace) -> None:
    """Drop the stored token (log out)."""
    security.keyring_delete(_keyring_name(ws))
    with db.transaction(ws.sessions) as s:
        s.execute(delete(Secret).where(Secret.key == TOKEN_SECRET))


def set_states(session: WorkspaceSession, **values: Any) -> None:
    """Write sync_state keys inside an open transaction."""
    for key, value in values.items():
        if value is None:
            session.execute(delete(SyncState).where(SyncState.key == key))
        else:
            session.merge(SyncState(key=key, value=str(value)))


def get_state(session: WorkspaceSession, key: str) -> str | None:
    """A sync_state value inside an open session."""
    return session.scalar(select(SyncState.value).where(SyncState.key == key))


@contextmanager
def remote_tx(ws: Workspace, *, durable: bool = True) -> Iterator[WorkspaceSession]:
    """A transaction that applies server data: no outbox rows, no fact guard.

    Foreign keys are not enforced in it: the laptop holds a scoped subset of the
    server's (consistent) data, so a row may name one outside the rep's scope
    (a visit's plan stop in another rep's plan). The first statement writes, so
    SQLite takes the write lock at once and nothing read here goes stale.

    ``durable=False`` (pull pages only) commits with ``synchronous = NORMAL``: no
    fsync per commit. In WAL mode the database stays consistent; a power cut may
    lose the last pages together with their cursor, and the next pull fetches
    them again (docs/sync-protocol.md, "Applying changes on the laptop"). The
    connection goes back to the pool with ``FULL`` (the rep's own edits), or is
    discarded when that cannot be restored.
    """
    conn = ws.engine.connect()
    raw = conn.connection.dbapi_connection
    assert raw is not None
    try:
        raw.execute("PRAGMA foreign_keys = OFF")
        if not durable:
            raw.execute("PRAGMA synchronous = NORMAL")
        session = WorkspaceSession(bind=conn, info={REMOTE: True}, expire_on_commit=False)
        try:
            with session.begin():
                session.execute(
                    update(SyncState)
                    .where(SyncState.key == K_DEVICE_ID)
                    .values(value=SyncState.value)
                )
                yield session
        finally:
            session.close()
    finally:
        try:
            raw.execute("PRAGMA foreign_keys = ON")
            raw.execute("PRAGMA synchronous = FULL")
        except Exception:
            conn.invalidate()  # never hand a relaxed connection to the rep's edits
            raise
        finally:
            conn.close()


def defer_indexes(ws: Workspace) -> bool:
    """Drop the synced tables' secondary indexes and the search triggers for a first sync.

    ``app.bulk_load``: the drop commits with a durable marker, so a crash before
    :func:`build_indexes` is repaired when the workspace is next opened.
    """
    tables = list(synced_models())  # entity names are their table names
    with ws.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        return bulk_load.defer(raw, tables)


def build_indexes(ws: Workspace) -> bool:
    """Build what :func:`defer_indexes` dropped (one transaction); False if nothing was."""
    with ws.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        built = bulk_load.finish(raw)
    if built:
        memory.release_freed_memory()  # the build's sort and cache pages
    return built
