"""Orders (server-side pricing check, review round trip) and receipt-number blocks."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from app import db
from app.models import OrderDraft, OrderLine, Receipt, ReceiptBlock, Receivable, new_id, utcnow
from app.rules.capital import amount_in_words
from app.rules.pricing import LineInput, document_totals
from app.workspace import Workspace, device_code
from sync.client import rejected_items
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


def _order(
    ws: Workspace, customer_id: str, *, tamper: bool = False, status: str = "submitted"
) -> str:
    lines = [
        LineInput(Decimal("3"), Decimal("12.50"), tax_rate=Decimal("0.13")),
        LineInput(
            Decimal("1"), Decimal("99.99"), discount_pct=Decimal("10"), tax_rate=Decimal("0.09")
        ),
    ]
    totals = document_totals(lines)
    oid = new_id()
    with db.transaction(ws.sessions) as s:
        s.add(
            OrderDraft(
                id=oid,
                local_number=f"D-{oid[-6:]}",
                customer_id=customer_id,
                status=status,
                order_date=dt.date.today(),
                subtotal=totals.subtotal,
                discount_total=totals.discount,
                tax_total=totals.tax,
                grand_total=totals.total + (Decimal("1.00") if tamper else 0),
            )
        )
        s.flush()
        for i, (line, t) in enumerate(zip(lines, totals.lines, strict=True)):
            s.add(
                OrderLine(
                    order_id=oid,
                    position=i + 1,
                    product_code=f"P{i}",
                    product_name=f"Item {i}",
                    unit="box",
                    quantity=line.quantity,
                    unit_price=line.unit_price,
                    discount_pct=line.discount_pct,
                    tax_rate=line.tax_rate,
                    net_amount=t.net,
                    tax_amount=t.tax,
                    total_amount=t.total,
                )
            )
    return oid


def test_submitted_order_is_checked_reviewed_and_approved_with_an_official_number(
    server: ServerHarness, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    cust = add_customer(ws, "alice")
    oid = _order(ws, cust)
    report = sync(ws)
    assert report.rejected == 0
    assert get(ws, OrderDraft, oid).status == "pending_review"
    boss = server.token_for("boss")
    waiting = server.api("GET", "/admin/orders", token=boss).json()
    assert [o["id"] for o in waiting] == [oid]
    edit(ws, OrderDraft, oid, notes="too late")  # the order is the server's now
    resp = server.api("POST", f"/admin/orders/{oid}/review", {"decision": "approve"}, token=boss)
    assert resp.status_code == 200 and resp.json()["server_number"].startswith("SO")
    report = sync(ws)
    assert report.rejected == 1 and "can no longer be changed" in report.rejected_reasons[0]
    order = get(ws, OrderDraft, oid)
    assert order.status == "approved" and order.server_number == resp.json()["server_number"]
    assert order.local_number.startswith("D-")
    with ws.sessions() as s:
        [receivable] = s.query(Receivable).all()
        assert receivable.amount == order.grand_total and receivable.order_id == oid
    again = server.api("POST", f"/admin/orders/{oid}/review", {"decision": "approve"}, token=boss)
    assert again.status_code == 409
    ws.close()


def test_rejected_order_comes_back_with_the_reason(server: ServerHarness, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    oid = _order(ws, add_customer(ws, "alice"))
    sync(ws)
    boss = server.token_for("boss")
    no_reason = server.api(
        "POST", f"/admin/orders/{oid}/review", {"decision": "reject"}, token=boss
    )
    assert no_reason.status_code == 422
    server.api(
        "POST",
        f"/admin/orders/{oid}/review",
        {"decision": "reject", "reason": "price below band"},
        token=boss,
    )
    sync(ws)
    order = get(ws, OrderDraft, oid)
    assert (order.status, order.reject_reason) == ("rejected", "price below band")
    edit(ws, OrderDraft, oid, status="submitted")  # fixed and resubmitted
    sync(ws)
    assert get(ws, OrderDraft, oid).status == "pending_review"
    ws.close()


def test_order_failing_the_shared_pricing_rules_is_rejected_with_a_reason(
    server: ServerHarness, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    oid = _order(ws, add_customer(ws, "alice"), tamper=True)
    report = sync(ws)
    assert report.rejected == 1 and "totals do not match" in report.rejected_reasons[0]
    order = get(ws, OrderDraft, oid)
    assert order.status == "rejected" and "totals do not match" in order.reject_reason
    assert [r.entity for r in rejected_items(ws)] == ["order_draft"]
    ws.close()


def _receipt(ws: Workspace, customer_id: str, seq: int, code: str | None = None) -> str:
    code = code or device_code(ws)
    rid = new_id()
    with db.transaction(ws.sessions) as s:
        s.add(
            Receipt(
                id=rid,
                number=f"R-{code}-{seq:06d}",
                seq_no=seq,
                customer_id=customer_id,
                payer="Payer",
                amount=Decimal("120.50"),
                amount_in_words=amount_in_words(Decimal("120.50")),
                method="cash",
                issued_at=utcnow(),
                collector="alice",
            )
        )
    return rid


def test_provisional_block_is_confirmed_at_login_and_more_are_allotted(
    server: ServerHarness, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path / "a")
    cust_ws_code = device_code(ws)
    login_rep(ws, server, "alice")
    with ws.sessions() as s:
        [block] = s.query(ReceiptBlock).all()
        assert (block.first_no, block.last_no, block.provisional) == (1, 1000, False)
    cust = add_customer(ws, "alice")
    first = _receipt(ws, cust, 1)
    with db.transaction(ws.sessions) as s:
        s.get(ReceiptBlock, block.id).next_no = 2  # type: ignore[union-attr]
    assert sync(ws).rejected == 0
    assert server_row(server, "receipt", first) is not None
    boss = server.token_for("boss")
    resp = server.api(
        "POST", "/admin/receipt-blocks", {"device_code": cust_ws_code, "size": 500}, token=boss
    )
    assert resp.status_code == 200
    assert (resp.json()["first_no"], resp.json()["last_no"]) == (1001, 1500)
    sync(ws)
    with ws.sessions() as s:
        blocks = sorted((b.first_no, b.last_no, b.next_no) for b in s.query(ReceiptBlock))
    assert blocks == [(1, 1000, 2), (1001, 1500, 1001)]  # the laptop's next_no is kept
    ws.close()


def test_receipt_numbers_outside_the_blocks_or_reused_are_rejected(
    server: ServerHarness, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    cust = add_customer(ws, "alice")
    good = _receipt(ws, cust, 7)
    outside = _receipt(ws, cust, 5000)
    foreign = _receipt(ws, cust, 8, code="ZZZZZZ")
    report = sync(ws)
    assert report.rejected == 2
    assert server_row(server, "receipt", good) is not None
    assert server_row(server, "receipt", outside) is None
    assert server_row(server, "receipt", foreign) is None
    # The same number again under another id, from another laptop of the same rep:
    token = server.token_for("alice", "dev-x", "DEVX01")
    row = server_row(server, "receipt", good)
    assert row is not None
    dup = dict(row, id="r-dup", number=row["number"])
    body = {
        "device_id": "dev-x",
        "mutations": [
            {"no": 1, "entity": "receipt", "entity_id": "r-dup", "op": "insert", "payload": dup}
        ],
    }
    result = server.api("POST", "/push", body, token=token).json()["results"][0]
    assert result["outcome"] == "rejected" and result["code"] == "receipt_number"
    ws.close()


def test_facts_never_change_on_the_server(server: ServerHarness, tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    rid = _receipt(ws, add_customer(ws, "alice"), 3)
    sync(ws)
    token = server.token_for("alice", "dev-y", "DEVY01")
    row = server_row(server, "receipt", rid)
    assert row is not None
    body = {
        "device_id": "dev-y",
        "mutations": [
            {
                "no": 1,
                "entity": "receipt",
                "entity_id": rid,
                "op": "update",
                "payload": dict(row, amount="1.00"),
                "changed": ["amount"],
            },
            {"no": 2, "entity": "receipt", "entity_id": rid, "op": "insert", "payload": row},
        ],
    }
    results = server.api("POST", "/push", body, token=token).json()["results"]
    assert [(r["outcome"], r["code"]) for r in results] == [
        ("rejected", "fact_final"),
        ("applied", None),
    ]
    assert server_row(server, "receipt", rid)["amount"] == "120.50"  # type: ignore[index]
    ws.close()
