"""Authorization: every endpoint of the live /openapi.json × every role gets the expected status.

The endpoint list comes from the running server, so a new endpoint without a
case here fails the test. Roles: the rep who owns the data, another rep,
manager, reviewer, finance, no token, an expired token. A rep never reads or
writes another rep's customers, orders or receipts.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import requests
from sqlalchemy import select, update

from sync.server.entities import new_row
from sync.server.models import Record, Token
from sync.server.records import put, utcnow
from tests.sync.harness import PASSWORD, ServerHarness

ROLES = ("rep", "other_rep", "manager", "reviewer", "finance", "no_token", "expired")
USERS = {
    "rep": "alice",
    "other_rep": "bob",
    "manager": "boss",
    "reviewer": "rita",
    "finance": "fred",
    "expired": "alice",
}
OK, NO_AUTH, FORBIDDEN = 200, 401, 403
_ALL_TOKENS = {r: OK for r in ROLES} | {"no_token": NO_AUTH, "expired": NO_AUTH}


def _only(*allowed: str) -> dict[str, int]:
    return {r: OK if r in allowed else FORBIDDEN for r in ROLES} | {
        "no_token": NO_AUTH,
        "expired": NO_AUTH,
    }


# (method, path) -> expected status per role
EXPECTED: dict[tuple[str, str], dict[str, int]] = {
    ("get", "/healthz"): {r: OK for r in ROLES},
    ("post", "/v1/login"): {r: OK for r in ROLES},  # public: the token sent does not matter
    ("post", "/v1/logout"): _ALL_TOKENS,
    ("get", "/v1/me"): _ALL_TOKENS,
    ("get", "/v1/head"): _ALL_TOKENS,
    ("post", "/v1/push"): _only("rep", "other_rep"),  # other rep: 200, every row rejected
    ("post", "/v1/pull"): _ALL_TOKENS,
    ("get", "/v1/admin/orders"): _only("manager", "reviewer"),
    ("post", "/v1/admin/orders/{order_id}/review"): _only("manager", "reviewer"),
    ("post", "/v1/admin/customers/{customer_id}/reassign"): _only("manager"),
    ("post", "/v1/admin/receipt-blocks"): _only("manager", "finance"),
    ("get", "/v1/admin/activity"): _only("manager"),
}
_codes = itertools.count(100)


class World:
    """Users, their devices and tokens, and alice's customer, orders and receipt."""

    def __init__(self, server: ServerHarness) -> None:
        self.server = server
        server.add_user("rita", "reviewer", None)
        server.add_user("fred", "finance", None)
        self.devices: dict[str, str] = {}
        self.codes: dict[str, str] = {}
        self.tokens: dict[str, str | None] = {"no_token": None}
        for role in ROLES:
            if role in USERS:
                device = f"dev-{role}"
                self.devices[role] = device
                self.codes[role] = f"D{next(_codes)}"
                self.tokens[role] = server.token_for(USERS[role], device, self.codes[role])
        with server.db.write() as s:
            s.execute(
                update(Token)
                .where(Token.device_id == "dev-expired")
                .values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1))
            )
        self.customer = "cust-alice"
        self.receipt = "rcpt-alice"
        now = utcnow()
        with server.db.write() as s:
            data = new_row(
                "customer",
                self.customer,
                now,
                code="C-1",
                name="Shop",
                name_key="shop",
                kind="retail",
                owner="alice",
            )
            put(s, "customer", self.customer, data, owner="alice", customer_id=self.customer)
            for i in range(len(ROLES)):
                self._order(s, f"order-{i}", now)
            receipt = new_row(
                "receipt",
                self.receipt,
                now,
                number="R-DEVA01-000001",
                seq_no=1,
                customer_id=self.customer,
                payer="Payer",
                amount="10.00",
                amount_in_words="壹拾元整",
                method="cash",
                issued_at=now.isoformat(),
                collector="Alice",
            )
            put(s, "receipt", self.receipt, receipt, owner="alice", customer_id=self.customer)
        self.orders = iter([f"order-{i}" for i in range(len(ROLES))])

    def _order(self, s: Any, oid: str, now: dt.datetime) -> None:
        data = new_row(
            "order_draft",
            oid,
            now,
            local_number=f"D-{oid}",
            customer_id=self.customer,
            order_date=now.date().isoformat(),
            status="pending_review",
            subtotal="10.00",
            discount_total="0.00",
            tax_total="1.30",
            grand_total="11.30",
        )
        put(s, "order_draft", oid, data, owner="alice", customer_id=self.customer)

    def call(
        self, role: str, method: str, path: str, body: Any = None, token: str | None = None
    ) -> requests.Response:
        """One request as ``role`` (path without the /v1 prefix)."""
        return self.server.api(method, path, body, token=token or self.tokens[role])

    def server_data(self, entity: str, row_id: str) -> dict[str, Any]:
        """The server's row."""
        with self.server.db.read() as s:
            record = s.get(Record, (entity, row_id))
            assert record is not None
            return dict(record.data)


def _login(w: World, role: str) -> requests.Response:
    n = next(_codes)
    body = {
        "username": "carol",
        "password": PASSWORD,
        "device_id": f"login-{n}",
        "device_code": f"L{n}",
    }
    return w.call(role, "POST", "/login", body)


def _logout(w: World, role: str) -> requests.Response:
    token = w.tokens[role]
    if role in ("rep", "other_rep", "manager", "reviewer", "finance"):
        token = w.server.token_for(USERS[role], f"logout-{role}", f"O{next(_codes)}")
    return w.call(role, "POST", "/logout", token=token)


def _push(w: World, role: str) -> requests.Response:
    row = w.server_data("customer", w.customer) | {"notes": f"edited by {role}"}
    mutation = {
        "no": next(_codes),
        "entity": "customer",
        "entity_id": w.customer,
        "op": "update",
        "payload": row,
        "changed": ["notes"],
        "base": {"notes": None},
    }
    device = w.devices.get(role, "dev-none")
    return w.call(role, "POST", "/push", {"device_id": device, "mutations": [mutation]})


def _pull(w: World, role: str) -> requests.Response:
    return w.call(
        role, "POST", "/pull", {"device_id": w.devices.get(role, "dev-none"), "cursor": 0}
    )


def _review(w: World, role: str) -> requests.Response:
    return w.call(role, "POST", f"/admin/orders/{next(w.orders)}/review", {"decision": "approve"})


def _reassign(w: World, role: str) -> requests.Response:
    body = {"to_username": "alice"}  # stays alice's: the data of the other cases is kept
    return w.call(role, "POST", f"/admin/customers/{w.customer}/reassign", body)


def _allot(w: World, role: str) -> requests.Response:
    return w.call(
        role, "POST", "/admin/receipt-blocks", {"device_code": w.codes["rep"], "size": 10}
    )


CASES: dict[tuple[str, str], Callable[[World, str], requests.Response]] = {
    ("get", "/healthz"): lambda w, role: requests.get(f"{w.server.url}/healthz", timeout=30),
    ("post", "/v1/login"): _login,
    ("post", "/v1/logout"): _logout,
    ("get", "/v1/me"): lambda w, role: w.call(role, "GET", "/me"),
    ("get", "/v1/head"): lambda w, role: w.call(role, "GET", "/head"),
    ("post", "/v1/push"): _push,
    ("post", "/v1/pull"): _pull,
    ("get", "/v1/admin/orders"): lambda w, role: w.call(role, "GET", "/admin/orders"),
    ("post", "/v1/admin/orders/{order_id}/review"): _review,
    ("post", "/v1/admin/customers/{customer_id}/reassign"): _reassign,
    ("post", "/v1/admin/receipt-blocks"): _allot,
    ("get", "/v1/admin/activity"): lambda w, role: w.call(role, "GET", "/admin/activity"),
}


def _live_endpoints(server: ServerHarness) -> set[tuple[str, str]]:
    schema = requests.get(f"{server.url}/openapi.json", timeout=30).json()
    return {
        (method, path)
        for path, item in schema["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    }


def test_every_endpoint_has_an_authorization_case(server: ServerHarness) -> None:
    assert _live_endpoints(server) == set(CASES) == set(EXPECTED)


def test_every_endpoint_and_role_gets_the_expected_status(server: ServerHarness) -> None:
    world = World(server)
    got: dict[tuple[str, str], dict[str, int]] = {}
    for endpoint in sorted(_live_endpoints(server)):
        case = CASES[endpoint]
        got[endpoint] = {}
        for role in ROLES:
            resp = case(world, role)
            got[endpoint][role] = resp.status_code
            if resp.status_code >= 400:
                body = resp.json()
                assert body["code"] and body["message"], (endpoint, role, body)
    assert got == EXPECTED


def test_a_rep_never_reads_or_writes_another_reps_customers_orders_or_receipts(
    server: ServerHarness,
) -> None:
    world = World(server)
    before = {
        (e, i): world.server_data(e, i)
        for e, i in (
            ("customer", world.customer),
            ("order_draft", "order-0"),
            ("receipt", world.receipt),
        )
    }
    pulled = _pull(world, "other_rep").json()["changes"]
    assert not {c["id"] for c in pulled} & {key[1] for key in before}
    assert _pull(world, "rep").json()["changes"]  # alice does see them
    mutations = []
    for no, ((entity, row_id), data) in enumerate(before.items(), start=1):
        field = {"customer": "notes", "order_draft": "notes", "receipt": "note"}[entity]
        mutations.append(
            {
                "no": no,
                "entity": entity,
                "entity_id": row_id,
                "op": "update",
                "payload": data | {field: "taken over"},
                "changed": [field],
                "base": {field: None},
            }
        )
    deleted = dict(mutations[0], no=len(mutations) + 1, op="delete", changed=["deleted_at"])
    deleted["payload"] = before[("customer", world.customer)] | {"deleted_at": utcnow().isoformat()}
    body = {"device_id": world.devices["other_rep"], "mutations": [*mutations, deleted]}
    resp = world.call("other_rep", "POST", "/push", body)
    assert resp.status_code == 200
    assert {(r["outcome"], r["code"]) for r in resp.json()["results"]} == {
        ("rejected", "forbidden")
    }
    for (entity, row_id), data in before.items():
        assert world.server_data(entity, row_id) == data
    with server.db.read() as s:
        owners = set(s.scalars(select(Record.owner).where(Record.customer_id == world.customer)))
    assert owners == {"alice"}
    # Another rep's login cannot be used from this rep's workspace either.
    spoof = {"device_id": world.devices["rep"], "mutations": []}
    assert world.call("other_rep", "POST", "/push", spoof).status_code == FORBIDDEN
    spoof_pull = {"device_id": world.devices["rep"], "cursor": 0}
    assert world.call("other_rep", "POST", "/pull", spoof_pull).status_code == FORBIDDEN
