"""Push and pull run in one worker thread on one connection, and answer as FastAPI would.

``fastroute.SyncRoute`` serves push and pull without FastAPI's dependency
machinery (the token check ran in a thread of its own, on a connection of its
own). Every answer must stay what FastAPI's own route gives: the same status,
body and order of checks (a body that is not JSON, then the token, then the
model, then the endpoint's checks). The reference here is the same endpoint
served by a plain ``APIRoute``.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests
import uvicorn
from fastapi import FastAPI
from fastapi.routing import APIRoute
from sqlalchemy import delete, event, func, select

from sync.protocol import (
    API_PREFIX,
    MAX_BATCH,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    PullResponse,
    PushResponse,
)
from sync.server import admin, routes_sync
from sync.server.app import create_app
from sync.server.auth import revoke_tokens
from sync.server.db import Database
from sync.server.entities import new_row
from sync.server.models import Counter, Record
from sync.server.records import put
from sync.server.serve import ReportingServer
from tests.sync.harness import PASSWORD, ServerHarness

NOW = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)


def _reference_app(db: Database) -> FastAPI:
    """The server's app with push and pull served by FastAPI's own route (first match)."""
    app = create_app(db)
    for path, endpoint, model in (
        ("/push", routes_sync.push, PushResponse),
        ("/pull", routes_sync.pull, PullResponse),
    ):
        route = APIRoute(API_PREFIX + path, endpoint, methods=["POST"], response_model=model)
        app.router.routes.insert(0, route)
    return app


class Client:
    """POSTs to one running app (a real uvicorn server in a thread)."""

    def __init__(self, app: FastAPI) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
        self.server = ReportingServer(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            assert time.monotonic() < deadline and self.thread.is_alive()
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{self.server.bound_port()}"

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        """One POST to ``path``."""
        return requests.post(self.url + path, timeout=30, **kwargs)

    def close(self) -> None:
        """Stop the server."""
        self.server.should_exit = True
        self.thread.join(timeout=15)


@pytest.fixture
def clients(db_url: str) -> Iterator[tuple[Client, Client, dict[str, str]]]:
    """(served by SyncRoute, served by APIRoute, tokens) over one database."""
    db = Database(db_url)
    db.upgrade()
    with db.write() as s:
        admin.add_user(s, "alice", "Alice", "rep", PASSWORD, "east")
        admin.add_user(s, "boss", "Boss", "manager", PASSWORD, None)
    fast, ref = Client(create_app(db)), Client(_reference_app(db))
    tokens = {}
    for user, device, code in (("alice", "dev-a", "DEVA01"), ("boss", "dev-m", "MGR001")):
        body = {"username": user, "password": PASSWORD, "device_id": device, "device_code": code}
        resp = fast.post(f"{API_PREFIX}/login", json=body, headers={PROTOCOL_HEADER: "1"})
        assert resp.status_code == 200, resp.text
        tokens[user] = resp.json()["token"]
    try:
        yield fast, ref, tokens
    finally:
        fast.close()
        ref.close()
        db.dispose()


def _row(cid: str) -> dict[str, Any]:
    row = new_row("customer", cid, NOW, code=cid, name="Shop", name_key="shop", kind="retail")
    return row | {"owner": "alice"}


def _mutation(no: int, cid: str) -> dict[str, Any]:
    return {"no": no, "entity": "customer", "entity_id": cid, "op": "insert", "payload": _row(cid)}


GOOD_PULL = json.dumps({"device_id": "dev-a", "cursor": 0}).encode()
JSON = {"Content-Type": "application/json"}


def _cases(tokens: dict[str, str]) -> list[tuple[str, str, bytes, dict[str, str]]]:
    """(name, path, body, headers): refusals of every kind, in every order they can meet."""
    alice = {"Authorization": f"Bearer {tokens['alice']}"}
    boss = {"Authorization": f"Bearer {tokens['boss']}"}
    bad = {"Authorization": "Bearer made-up-token"}
    many = [_mutation(i + 1, f"c-{i}") for i in range(MAX_BATCH + 1)]
    too_many = {"device_id": "dev-a", "mutations": many}
    cases: list[tuple[str, str, bytes, dict[str, str]]] = []
    for path in ("/push", "/pull"):
        cases += [
            ("not json, no token", path, b"{nope", JSON),
            ("not json, good token", path, b'{"device_id": ', JSON | alice),
            ("not utf-8", path, b'{"device_id": "\xff\xfe"}', JSON | alice),
            ("no token, bad model", path, b"[1, 2, 3]", JSON),
            ("bad token, bad model", path, b"[1, 2, 3]", JSON | bad),
            ("no scheme", path, GOOD_PULL, JSON | {"Authorization": tokens["alice"]}),
            ("empty bearer", path, GOOD_PULL, JSON | {"Authorization": "Bearer  "}),
            ("list", path, b"[1, 2, 3]", JSON | alice),
            ("null", path, b"null", JSON | alice),
            ("empty object", path, b"{}", JSON | alice),
            ("empty body", path, b"", JSON | alice),
            ("no content type", path, GOOD_PULL, alice),
            ("text/plain", path, GOOD_PULL, {"Content-Type": "text/plain"} | alice),
            ("json suffix", path, b"{}", {"Content-Type": "application/x+json"} | alice),
            ("charset", path, b"{}", {"Content-Type": "application/json; charset=utf-8"} | alice),
            ("wrong types", path, b'{"device_id": 5, "cursor": "x"}', JSON | alice),
            ("unknown field", path, b'{"device_id": "dev-a", "surprise": 1}', JSON | alice),
            ("other device", path, b'{"device_id": "dev-b", "cursor": 0}', JSON | alice),
        ]
    good_push = {"device_id": "dev-a", "mutations": [_mutation(2, "c-2"), _mutation(1, "c-1")]}
    cases += [
        ("numbers not increasing", "/push", json.dumps(good_push).encode(), JSON | alice),
        ("batch too large", "/push", json.dumps(too_many).encode(), JSON | alice),
        ("a manager pushes", "/push", b'{"device_id": "dev-m", "mutations": []}', JSON | boss),
        ("pull", "/pull", GOOD_PULL, JSON | alice),
        ("pull as manager", "/pull", b'{"device_id": "dev-m", "cursor": 0}', JSON | boss),
        (
            "pull, bad limit",
            "/pull",
            b'{"device_id": "dev-a", "cursor": 0, "limit": 0}',
            JSON | alice,
        ),
    ]
    return cases


def test_every_answer_is_the_one_fastapis_own_route_gives(
    clients: tuple[Client, Client, dict[str, str]],
) -> None:
    fast, ref, tokens = clients
    for name, path, body, headers in _cases(tokens):
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)} | headers
        got = fast.post(API_PREFIX + path, data=body, headers=headers)
        want = ref.post(API_PREFIX + path, data=body, headers=headers)
        assert (got.status_code, got.json()) == (want.status_code, want.json()), (path, name)
        assert got.headers["content-type"] == want.headers["content-type"], (path, name)
        assert got.status_code != 500, (path, name)


def test_a_push_and_a_pull_answer_as_fastapis_route_does(
    clients: tuple[Client, Client, dict[str, str]],
) -> None:
    fast, ref, tokens = clients
    headers = {PROTOCOL_HEADER: "1", "Authorization": f"Bearer {tokens['alice']}"}
    body = {"device_id": "dev-a", "mutations": [_mutation(1, "c-1"), _mutation(2, "c-2")]}
    first = fast.post(f"{API_PREFIX}/push", json=body, headers=headers)
    assert first.status_code == 200 and first.json()["last_applied"] == 2
    for client in (ref, fast):  # the same batch again: a replay, the stored results
        again = client.post(f"{API_PREFIX}/push", json=body, headers=headers)
        assert (again.status_code, again.json()) == (200, first.json())
    pull = {"device_id": "dev-a", "cursor": 0}
    got, want = (c.post(f"{API_PREFIX}/pull", json=pull, headers=headers) for c in (fast, ref))
    assert got.json() == want.json()
    assert [c["id"] for c in got.json()["changes"] if c["entity"] == "customer"] == ["c-1", "c-2"]


def test_a_push_or_a_pull_checks_out_one_connection(server: ServerHarness) -> None:
    token = server.token_for("alice", "dev-a", "DEVA01")
    checkouts: list[object] = []

    def count(*args: object) -> None:
        checkouts.append(args)

    event.listen(server.db.engine, "checkout", count)
    try:
        body = {"device_id": "dev-a", "mutations": [_mutation(1, "c-1")]}
        assert server.api("POST", "/push", body, token=token).status_code == 200
        assert len(checkouts) == 1  # the token check, the batch and its commit
        resp = server.api("POST", "/pull", {"device_id": "dev-a", "cursor": 0}, token=token)
        assert resp.status_code == 200 and resp.json()["changes"]
        assert len(checkouts) == 2
    finally:
        event.remove(server.db.engine, "checkout", count)


def test_a_revoked_token_is_refused_at_the_next_push(server: ServerHarness) -> None:
    token = server.token_for("alice", "dev-a", "DEVA01")
    body = {"device_id": "dev-a", "mutations": [_mutation(1, "c-1")]}
    assert server.api("POST", "/push", body, token=token).status_code == 200
    with server.db.write() as s:
        revoke_tokens(s, "alice")
    for path, payload in (("/push", body), ("/pull", {"device_id": "dev-a", "cursor": 0})):
        resp = server.api("POST", path, payload, token=token)
        assert resp.status_code == 401 and "not valid any more" in resp.json()["message"]


def test_without_a_revision_counter_the_write_commits_nothing(db_url: str) -> None:
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite makes the counter (one writer); PostgreSQL commits with the statement")
    db = Database(db_url)
    db.upgrade()
    try:
        with pytest.raises(RuntimeError, match="revision counter is missing"), db.write() as s:
            s.execute(delete(Counter).where(Counter.name == "rev"))
            put(s, "customer", "c-1", _row("c-1"), owner="alice", customer_id="c-1")
        with db.read() as s:  # the statement failed, so the COMMIT sent with it did not run
            assert s.get(Record, ("customer", "c-1")) is None
            assert s.scalar(select(func.count()).where(Counter.name == "rev")) == 1
    finally:
        db.dispose()


def test_a_push_writes_the_device_row_once_and_reserves_placeholders_with_it(
    server: ServerHarness,
) -> None:
    token = server.token_for("alice", "dev-a", "DEVA01")
    statements: list[str] = []

    def log(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(" ".join(statement.split()))

    event.listen(server.db.engine, "before_cursor_execute", log)
    try:
        body = {"device_id": "dev-a", "mutations": [_mutation(1, "c-1"), _mutation(2, "c-2")]}
        assert server.api("POST", "/push", body, token=token).status_code == 200
    finally:
        event.remove(server.db.engine, "before_cursor_execute", log)
    assert len([s for s in statements if s.startswith("UPDATE device")]) == 1
    if not server.db.is_sqlite:  # the placeholder block comes with the device row
        assert not [s for s in statements if s.startswith("SELECT nextval")]
    with server.db.read() as s:
        revs = s.scalars(select(Record.rev).where(Record.entity == "customer")).all()
        assert sorted(revs) == list(range(min(revs), min(revs) + 2))  # no gap, none negative
        assert min(revs) > 0
