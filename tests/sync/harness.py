"""Test harness for the sync server and clients: reusable by the fault-injection tests.

- ``ServerHarness(db_url)``: start / stop / restart a real uvicorn server on a
  loopback port (port 0 first, the same port on restart) in a thread;
  ``add_user``, ``admin_token``, ``api`` for manager calls.
- ``make_workspace(path)``, ``login_rep(ws, server, username)``: client workspaces.
- ``Faults``: a transport hook for ``SyncEngine(ws, hook=...)`` that drops
  requests, drops responses after the server applied them, or sends twice.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from app.workspace import Workspace, create_workspace
from sync.protocol import API_PREFIX, PROTOCOL_HEADER, PROTOCOL_VERSION
from sync.server import admin
from sync.server.embedded import EmbeddedServer

PASSWORD = "correct-horse-9"
PASSPHRASE = "test-passphrase-123"


class ServerHarness(EmbeddedServer):
    """A real server over ``db_url`` in a background thread, plus test conveniences."""

    def add_user(
        self,
        username: str,
        role: str = "rep",
        territory: str | None = "east",
        password: str = PASSWORD,
    ) -> None:
        """Create a user directly in the database."""
        with self.db.write() as session:
            admin.add_user(session, username, username.title(), role, password, territory)

    def api(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> requests.Response:
        """One raw API call (protocol header set unless ``headers`` overrides it)."""
        h = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
        if token:
            h["Authorization"] = f"Bearer {token}"
        h.update(headers or {})
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        if data is not None:
            h.setdefault("Content-Type", "application/json")
        return requests.request(
            method, f"{self.url}{API_PREFIX}{path}", data=data, headers=h, timeout=30
        )

    def token_for(
        self, username: str, device_id: str = "manager-console", code: str = "MGR001"
    ) -> str:
        """Log a user in over HTTP and return the token."""
        resp = self.api(
            "POST",
            "/login",
            {
                "username": username,
                "password": PASSWORD,
                "device_id": device_id,
                "device_code": code,
            },
        )
        assert resp.status_code == 200, resp.text
        return str(resp.json()["token"])


def make_workspace(path: Path) -> Workspace:
    """A new passphrase-protected workspace (no keyring in tests)."""
    return create_workspace(path, PASSPHRASE)


def login_rep(
    ws: Workspace, server: ServerHarness, username: str, password: str = PASSWORD
) -> None:
    """Log a workspace in to the harness server."""
    from sync.client import login

    login(ws, server.url, username, password)


def gz(body: Any) -> bytes:
    """A gzip-compressed JSON body."""
    return gzip.compress(json.dumps(body).encode())


@dataclass
class Faults:
    """Transport hook: decide per request whether to drop it, drop its answer, or repeat it.

    ``plan`` maps a path suffix (``"/push"``) to a list of actions consumed one
    per matching request: ``"ok"``, ``"drop_request"``, ``"drop_response"``,
    ``"duplicate"``. ``log`` records what happened.
    """

    plan: dict[str, list[str]] = field(default_factory=dict)
    log: list[tuple[str, str]] = field(default_factory=list)
    chooser: Callable[[str], str] | None = None

    def _action(self, path: str) -> str:
        for suffix, actions in self.plan.items():
            if path.endswith(suffix) and actions:
                return actions.pop(0)
        return self.chooser(path) if self.chooser else "ok"

    def __call__(
        self,
        request: requests.PreparedRequest,
        send: Callable[[requests.PreparedRequest], requests.Response],
    ) -> requests.Response:
        path = requests.utils.urlparse(request.url or "").path
        action = self._action(path)
        self.log.append((path, action))
        if action == "drop_request":
            raise requests.ConnectionError("fault: request dropped")
        response = send(request)
        if action == "drop_response":
            raise requests.ConnectionError("fault: response dropped")
        if action == "duplicate":
            _ = response.content  # finish the first exchange, then send the same bytes again
            response = send(request.copy())
        return response


def add_customer(ws: Workspace, owner: str, name: str = "Shop", **fields: Any) -> str:
    """Create a customer on the laptop (through the outbox); returns its id."""
    from app import db
    from app.models import Customer, new_id

    cid = new_id()
    with db.transaction(ws.sessions) as s:
        s.add(
            Customer(
                id=cid,
                code=f"C-{cid[-8:]}",
                name=name,
                name_key=name.lower(),
                kind="retail",
                owner=owner,
                **fields,
            )
        )
    return cid


def edit(ws: Workspace, model: type[Any], row_id: str, **fields: Any) -> None:
    """Change fields of a laptop row (through the outbox)."""
    from app import db

    with db.transaction(ws.sessions) as s:
        obj = s.get(model, row_id)
        assert obj is not None
        for key, value in fields.items():
            setattr(obj, key, value)


def get(ws: Workspace, model: type[Any], row_id: str) -> Any:
    """A laptop row (detached) or None."""
    with ws.sessions() as s:
        obj = s.get(model, row_id)
        if obj is not None:
            s.expunge(obj)
        return obj


def sync(ws: Workspace, **kwargs: Any) -> Any:
    """One full sync with fast retries; returns the SyncReport."""
    from sync.client import SyncEngine

    kwargs.setdefault("backoff", 0.01)
    return SyncEngine(ws, **kwargs).run()


def server_row(server: ServerHarness, entity: str, row_id: str) -> dict[str, Any] | None:
    """The server's JSON row of a record, or None."""
    from sync.server.models import Record

    with server.db.read() as s:
        record = s.get(Record, (entity, row_id))
        return None if record is None else dict(record.data)
