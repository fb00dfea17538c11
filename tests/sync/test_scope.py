"""Scope: a rep sees only their customers and territory; reassignment purges and moves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app import db
from app.models import Contact, Customer, Product, Visit, new_id
from sync.server.entities import new_row
from sync.server.records import put, utcnow
from tests.sync.harness import (
    ServerHarness,
    add_customer,
    edit,
    get,
    login_rep,
    make_workspace,
    server_row,
    sync,
)


def _contact(ws: object, customer_id: str) -> str:
    cid = new_id()
    with db.transaction(ws.sessions) as s:  # type: ignore[attr-defined]
        s.add(Contact(id=cid, customer_id=customer_id, name="Buyer"))
    return cid


def _visit(ws: object, customer_id: str) -> str:
    vid = new_id()
    with db.transaction(ws.sessions) as s:  # type: ignore[attr-defined]
        s.add(
            Visit(
                id=vid,
                customer_id=customer_id,
                kind="first",
                status="finished",
                check_in_at=dt.datetime.now(dt.UTC),
            )
        )
    return vid


def test_a_rep_never_receives_another_reps_customers(server: ServerHarness, tmp_path: Path) -> None:
    a, b = make_workspace(tmp_path / "a"), make_workspace(tmp_path / "b")
    login_rep(a, server, "alice")
    login_rep(b, server, "bob")
    cust = add_customer(a, "alice", "Alice's shop")
    contact = _contact(a, cust)
    sync(a)
    sync(b)
    assert get(b, Customer, cust) is None and get(b, Contact, contact) is None
    boss = server.token_for("boss")
    orders = server.api("GET", "/admin/orders", token=boss)
    assert orders.status_code == 200
    a.close()
    b.close()


def test_pushing_into_another_reps_customer_is_rejected_and_changes_nothing(
    server: ServerHarness, tmp_path: Path
) -> None:
    a = make_workspace(tmp_path / "a")
    login_rep(a, server, "alice")
    cust = add_customer(a, "alice")
    sync(a)
    before = server_row(server, "customer", cust)
    token = server.token_for("bob", "dev-b", "DEVB01")
    now = utcnow().isoformat()
    row = dict(before or {}) | {"grade": "A", "updated_at": now}
    contact = new_row("contact", "k-1", utcnow(), customer_id=cust, name="Spy", role="other")
    body = {
        "device_id": "dev-b",
        "mutations": [
            {
                "no": 1,
                "entity": "customer",
                "entity_id": cust,
                "op": "update",
                "payload": row,
                "changed": ["grade"],
                "base": {"grade": "D"},
            },
            {"no": 2, "entity": "contact", "entity_id": "k-1", "op": "insert", "payload": contact},
            {
                "no": 3,
                "entity": "customer",
                "entity_id": "x-1",
                "op": "insert",
                "payload": new_row(
                    "customer",
                    "x-1",
                    utcnow(),
                    code="X1",
                    name="Mine",
                    name_key="m",
                    kind="retail",
                    owner="alice",
                ),
            },
        ],
    }
    results = server.api("POST", "/push", body, token=token).json()["results"]
    assert [(r["outcome"], r["code"]) for r in results] == [("rejected", "forbidden")] * 3
    assert server_row(server, "customer", cust) == before
    assert server_row(server, "contact", "k-1") is None
    pull = server.api("POST", "/pull", {"device_id": "dev-b", "cursor": 0}, token=token).json()
    assert all(c["entity"] not in ("customer", "contact") for c in pull["changes"])
    a.close()


def test_catalog_follows_the_territory(server: ServerHarness, tmp_path: Path) -> None:
    with server.db.write() as s:
        for pid, territory in (("p-all", None), ("p-east", "east"), ("p-west", "west")):
            data = new_row(
                "product",
                pid,
                utcnow(),
                code=pid,
                name=pid,
                unit="box",
                list_price="1.00",
                tax_rate="0.13",
            )
            put(s, "product", pid, data, territory=territory)
    a, c = make_workspace(tmp_path / "a"), make_workspace(tmp_path / "c")
    login_rep(a, server, "alice")
    login_rep(c, server, "carol")
    sync(a)
    sync(c)
    assert get(a, Product, "p-east") and get(a, Product, "p-all") and not get(a, Product, "p-west")
    assert get(c, Product, "p-west") and not get(c, Product, "p-east")
    a.close()
    c.close()


def test_reassignment_purges_the_old_laptop_and_fills_the_new_one(
    server: ServerHarness, tmp_path: Path
) -> None:
    a, b = make_workspace(tmp_path / "a"), make_workspace(tmp_path / "b")
    login_rep(a, server, "alice")
    login_rep(b, server, "bob")
    moving = add_customer(a, "alice", "Moving shop")
    staying = add_customer(a, "alice", "Staying shop")
    contact = _contact(a, moving)
    visit = _visit(a, moving)
    sync(a)
    sync(b)
    boss = server.token_for("boss")
    resp = server.api(
        "POST", f"/admin/customers/{moving}/reassign", {"to_username": "bob"}, token=boss
    )
    assert resp.status_code == 200 and resp.json()["moved"] == 3
    edit(a, Customer, moving, notes="late edit")  # made offline before the purge arrives
    report = sync(a)
    assert report.purged == 3 and report.rejected == 1
    assert get(a, Customer, moving) is None and get(a, Contact, contact) is None
    assert get(a, Visit, visit) is None and get(a, Customer, staying) is not None
    sync(b)
    moved = get(b, Customer, moving)
    assert moved is not None and moved.owner == "bob"
    assert get(b, Contact, contact) is not None and get(b, Visit, visit) is not None
    assert server_row(server, "customer", moving)["notes"] is None  # type: ignore[index]
    edit(b, Customer, moving, notes="bob's note")
    assert sync(b).applied == 1
    a.close()
    b.close()
