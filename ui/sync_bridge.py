"""The UI's only door to the sync layer (imported lazily: the app works without it).

The status bar's figures (unsynced changes, last sync, server reachable) are read
from the workspace here without importing ``sync.client``: that import (pydantic,
the HTTP client, the protocol models) took most of a second of every start while
the status bar refreshed beside the first customer page. The sync layer is loaded
when the rep logs in or syncs.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from sqlalchemy import func, select

from app.models import OutboxEntry
from app.workspace import Workspace

log = logging.getLogger(__name__)


def client() -> Any | None:
    """The sync.client module, or None when this build has no sync layer."""
    try:
        from sync import client as mod
    except ImportError:
        return None
    return mod


def unsynced_count(ws: Workspace) -> int:
    """Local changes not yet acknowledged by the server (outbox rows)."""
    with ws.sessions() as s:
        n = s.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
        )
    return int(n or 0)


def last_sync(ws: Workspace) -> dt.datetime | None:
    """When the last sync finished (None: never)."""
    for key in ("last_sync_at", "last_sync"):
        raw = ws.state(key)
        if raw:
            try:
                return dt.datetime.fromisoformat(raw)
            except ValueError:
                continue
    return None


def server_url(ws: Workspace) -> str | None:
    """The server this workspace syncs with (None before the first login)."""
    return ws.state("server_url")


def signed_in(ws: Workspace) -> bool:
    """True when a server and a token are known."""
    if server_url(ws) is None:
        return False
    try:
        from sync import local
    except ImportError:
        return True
    return local.load_token(ws) is not None


def probe(ws: Workspace) -> bool:
    """Can the server be reached right now? (short timeout; worker thread only)."""
    url = server_url(ws)
    if not url:
        return False
    import requests

    try:
        requests.get(url.rstrip("/") + "/healthz", timeout=2)
    except requests.RequestException:
        return False
    return True


def status(ws: Workspace, *, probe_network: bool = True) -> Any:
    """A StatusSnapshot for the status bar."""
    from ui.status import StatusSnapshot

    is_in = signed_in(ws)
    online = probe(ws) if (is_in and probe_network) else None
    return StatusSnapshot(online, is_in, unsynced_count(ws), last_sync(ws))
