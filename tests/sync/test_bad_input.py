"""Bad input the other server tests do not cover: each gets a clear 4xx and changes nothing.

(test_server_api covers malformed JSON, wrong types, damaged gzip, 413 and the
protocol header on reads; test_scope and test_authz pushes into another rep's
records.) Here: the same refusals on *writes*, expired tokens on push, batch and
page limits, bad login bodies and bad admin requests, each checked against a
snapshot of the whole server database.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from sqlalchemy import func, select, update

from sync.protocol import MAX_BATCH, PROTOCOL_HEADER
from sync.server.models import Device, MutationResult, Purge, Record, Token
from tests.sync.harness import PASSWORD, ServerHarness


def _row(cid: str = "c-1", owner: str = "alice") -> dict[str, Any]:
    now = dt.datetime.now(dt.UTC).isoformat()
    return {
        "id": cid,
        "code": cid,
        "name": "Shop",
        "name_key": "shop",
        "kind": "retail",
        "owner": owner,
        "created_at": now,
        "updated_at": now,
    }


def _push_body(n: int = 1, device: str = "dev-a") -> dict[str, Any]:
    mutations = [
        {"no": i + 1, "entity": "customer", "entity_id": f"c-{i}", "op": "insert"}
        | {"payload": _row(f"c-{i}")}
        for i in range(n)
    ]
    return {"device_id": device, "mutations": mutations}


def _snapshot(server: ServerHarness) -> tuple[Any, ...]:
    with server.db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Record)),
            s.scalar(select(func.max(Record.rev))),
            s.scalar(select(func.count()).select_from(MutationResult)),
            s.scalar(select(func.count()).select_from(Purge)),
            tuple(s.scalars(select(Device.last_mutation).order_by(Device.id))),
        )


@pytest.fixture
def alice(server: ServerHarness) -> str:
    """Alice's token on device dev-a (code DEVA01), with one customer on the server."""
    token = server.token_for("alice", "dev-a", "DEVA01")
    body = {
        "device_id": "dev-a",
        "mutations": [
            {"no": 1, "entity": "customer", "entity_id": "c-0", "op": "insert"}
            | {"payload": _row("c-0")}
        ],
    }
    assert server.api("POST", "/push", body, token=token).status_code == 200
    return token


def _expect(
    server: ServerHarness, resp: Any, status: int, code: str, words: str | None = None
) -> None:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["code"] == code, body
    assert isinstance(body["message"], str) and body["message"], body
    if words:
        assert words in body["message"], body["message"]


def test_refused_pushes_change_nothing(server: ServerHarness, alice: str) -> None:
    before = _snapshot(server)
    body = _push_body(2) | {"mutations": _push_body(2)["mutations"]}
    body["mutations"][0]["no"] = body["mutations"][1]["no"] = 7  # also a bad order below
    good = _push_body(1)
    good["mutations"][0]["no"] = 2
    cases: list[tuple[dict[str, Any], int, str, str | None]] = [
        ({"headers": {PROTOCOL_HEADER: "0"}}, 426, "upgrade_required", "update Waiqin"),
        ({"headers": {PROTOCOL_HEADER: "2"}}, 400, "server_too_old", "update the server"),
        ({"headers": {PROTOCOL_HEADER: "1.5"}}, 400, "bad_request", "must be a number"),
        ({"token": "made-up-token"}, 401, "unauthorized", "log in again"),
        ({"token": ""}, 401, "unauthorized", "log in"),
        ({"body": body}, 400, "bad_request", "strictly increasing"),
        ({"body": good | {"device_id": "dev-b"}}, 403, "forbidden", "another workspace"),
        ({"body": good | {"surprise": 1}}, 422, "bad_request", "surprise"),
        ({"body": _push_body(MAX_BATCH + 1)}, 422, "bad_request", "mutations"),
        ({"body": {"device_id": "dev-a"}}, 422, "bad_request", "mutations"),
        ({"raw": b"[1, 2, 3]"}, 422, "bad_request", None),
        ({"raw": json.dumps(good).encode()[:-5]}, 400, "bad_request", "not valid JSON"),
        ({"raw": b"\xff\xfe not utf-8"}, 400, "bad_request", None),
    ]
    for kwargs, status, code, words in cases:
        token = kwargs.pop("token", alice)
        payload = kwargs.pop("body", good)
        resp = server.api("POST", "/push", payload, token=token, **kwargs)
        _expect(server, resp, status, code, words)
        assert _snapshot(server) == before, kwargs


def test_an_expired_token_cannot_push_or_pull(server: ServerHarness, alice: str) -> None:
    with server.db.write() as s:
        s.execute(update(Token).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(1)))
    before = _snapshot(server)
    good = _push_body(1)
    good["mutations"][0]["no"] = 2
    _expect(server, server.api("POST", "/push", good, token=alice), 401, "unauthorized", "expired")
    pull = {"device_id": "dev-a", "cursor": 0}
    _expect(server, server.api("POST", "/pull", pull, token=alice), 401, "unauthorized", "expired")
    assert _snapshot(server) == before


def test_bad_pull_requests_are_422(server: ServerHarness, alice: str) -> None:
    for body, where in (
        ({"device_id": "dev-a", "cursor": 0, "limit": 1001}, "limit"),
        ({"device_id": "dev-a", "cursor": 0, "limit": 0}, "limit"),
        ({"device_id": "dev-a", "cursor": "zero"}, "cursor"),
        ({"device_id": "dev-a", "cursor": 0, "upto": -1}, "upto"),
        ({"device_id": "dev-a", "cursor": 0, "entities": "customer"}, "entities"),
        ({"cursor": 0}, "device_id"),
    ):
        _expect(server, server.api("POST", "/pull", body, token=alice), 422, "bad_request", where)


def test_bad_login_bodies_are_refused_clearly(server: ServerHarness) -> None:
    before = _snapshot(server)
    base = {
        "username": "alice",
        "password": PASSWORD,
        "device_id": "dev-x",
        "device_code": "DEVX01",
    }
    for body, status, words in (
        (base | {"device_code": "bad code!"}, 422, "device_code"),
        (base | {"device_code": "AB"}, 422, "device_code"),
        (base | {"username": ""}, 422, "username"),
        (base | {"password": "x" * 2000}, 422, "password"),
        ({k: v for k, v in base.items() if k != "device_id"}, 422, "device_id"),
        (
            base | {"provisional_block": {"id": "b", "device_code": "DEVX01", "first_no": 5}},
            422,
            None,
        ),
        (
            base
            | {
                "provisional_block": {
                    "id": "b",
                    "device_code": "OTHER1",
                    "first_no": 1,
                    "last_no": 1000,
                }
            },
            400,
            "provisional",
        ),
    ):
        resp = server.api("POST", "/login", body)
        _expect(server, resp, status, "bad_request", words)
    with server.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Token)) == 0
    assert _snapshot(server)[:4] == before[:4]


def test_bad_admin_requests_are_refused_and_change_nothing(
    server: ServerHarness, alice: str
) -> None:
    boss = server.token_for("boss")
    before = _snapshot(server)
    for method, path, body, status, code in (
        ("POST", "/admin/customers/c-0/reassign", {"to_username": "boss"}, 422, "bad_request"),
        ("POST", "/admin/customers/c-0/reassign", {"to_username": "nobody"}, 422, "bad_request"),
        ("POST", "/admin/customers/c-0/reassign", {}, 422, "bad_request"),
        ("POST", "/admin/customers/nope/reassign", {"to_username": "bob"}, 404, "not_found"),
        ("POST", "/admin/orders/nope/review", {"decision": "approve"}, 404, "not_found"),
        ("POST", "/admin/orders/nope/review", {"decision": "maybe"}, 422, "bad_request"),
        ("POST", "/admin/receipt-blocks", {"device_code": "DEVA01", "size": 0}, 422, "bad_request"),
        ("POST", "/admin/receipt-blocks", {"device_code": "NOPE01"}, 404, "not_found"),
        ("GET", "/admin/activity?day=yesterday", None, 422, "bad_request"),
        ("GET", "/admin/orders?status=" + "x" * 50, None, 422, "bad_request"),
    ):
        _expect(server, server.api(method, path, body, token=boss), status, code)
        assert _snapshot(server) == before, path


def test_a_nul_character_is_a_4xx_on_every_database(server: ServerHarness, alice: str) -> None:
    """PostgreSQL text cannot hold NUL: found by schemathesis as a 500 (now 422)."""
    boss = server.token_for("boss")
    before = _snapshot(server)
    login = {
        "username": "al\x00ce",
        "password": PASSWORD,
        "device_id": "d",
        "device_code": "DEVN01",
    }
    for method, path, body, token in (
        ("POST", "/admin/receipt-blocks", {"device_code": "DE\x00A01"}, boss),
        ("POST", "/admin/customers/c-0/reassign", {"to_username": "b\x00b"}, boss),
        ("POST", "/admin/orders/o\x00/review", {"decision": "approve"}, boss),
        ("POST", "/login", login, None),
    ):
        resp = server.api(method, path, body, token=token)
        assert 400 <= resp.status_code < 500, (path, resp.status_code, resp.text)
        assert resp.json()["message"], resp.text
    assert _snapshot(server) == before
