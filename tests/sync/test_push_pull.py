"""Exactly-once push and cursor pull: replays, lost responses, interrupted pulls."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import Customer, OutboxEntry, Product
from sync.client import SyncEngine
from sync.server.models import MutationResult, Record
from sync.transport import ServerUnreachable
from tests.sync.harness import (
    Faults,
    ServerHarness,
    add_customer,
    edit,
    get,
    login_rep,
    make_workspace,
    server_row,
    sync,
)


def _count(server: ServerHarness, entity: str) -> int:
    with server.db.read() as s:
        return int(
            s.scalar(select(func.count()).select_from(Record).where(Record.entity == entity)) or 0
        )


def test_replaying_a_batch_returns_the_same_results_and_changes_nothing(
    server: ServerHarness,
) -> None:
    token = server.token_for("alice", "dev-a", "DEVA01")
    rows = [
        {
            "id": f"c-{i}",
            "code": f"c-{i}",
            "name": "Shop",
            "name_key": "shop",
            "kind": "retail",
            "owner": "alice",
            "created_at": "2026-01-01T00:00:00+00:00",
            "updated_at": "2026-01-01T00:00:00+00:00",
        }
        for i in range(3)
    ]
    rows[2]["owner"] = "bob"  # rejected: a new customer must be the rep's own
    body = {
        "device_id": "dev-a",
        "mutations": [
            {"no": i + 1, "entity": "customer", "entity_id": r["id"], "op": "insert", "payload": r}
            for i, r in enumerate(rows)
        ],
    }
    first = server.api("POST", "/push", body, token=token).json()
    with server.db.read() as s:
        revs = {r.id: r.rev for r in s.scalars(select(Record)).all()}
    second = server.api("POST", "/push", body, token=token).json()
    assert first == second
    assert [r["outcome"] for r in first["results"]] == ["applied", "applied", "rejected"]
    with server.db.read() as s:
        assert {r.id: r.rev for r in s.scalars(select(Record)).all()} == revs
        assert s.scalar(select(func.count()).select_from(MutationResult)) == 3
    # A replay that re-uses numbers for other rows is refused (restored old backup).
    body["mutations"][0]["entity_id"] = "c-9"
    body["mutations"][0]["payload"]["id"] = "c-9"
    assert server.api("POST", "/push", body, token=token).status_code == 409


def test_lost_responses_and_duplicated_batches_apply_once(
    server: ServerHarness, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    ids = [add_customer(ws, "alice", f"Shop {i}") for i in range(5)]
    faults = Faults(plan={"/push": ["drop_response", "duplicate", "drop_request"]})
    report = sync(ws, hook=faults, batch_size=2)
    assert _count(server, "customer") == 5
    edit(ws, Customer, ids[0], grade="A")
    faults.plan = {"/push": ["drop_response", "drop_response"]}
    sync(ws, hook=faults)
    assert server_row(server, "customer", ids[0])["grade"] == "A"  # type: ignore[index]
    assert ("/v1/push", "drop_response") in faults.log
    assert report.rejected == 0
    with ws.sessions() as s:
        assert s.scalar(select(func.count()).where(OutboxEntry.acked_at.is_(None))) == 0
    ws.close()


def test_unreachable_server_fails_clearly_and_keeps_the_outbox(
    server: ServerHarness, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    add_customer(ws, "alice")
    server.stop()
    with pytest.raises(ServerUnreachable) as info:
        SyncEngine(ws, retries=1, backoff=0.01, timeout=2).run()
    assert "Cannot reach the sync server" in info.value.text("en")
    with ws.sessions() as s:
        assert s.scalar(select(func.count()).where(OutboxEntry.acked_at.is_(None))) == 1
    server.start()
    assert sync(ws).pushed == 1
    ws.close()


def _catalog(server: ServerHarness, n: int) -> None:
    from sync.server.entities import new_row
    from sync.server.records import put, utcnow

    with server.db.write() as s:
        for i in range(n):
            data = new_row(
                "product",
                f"p-{i:03d}",
                utcnow(),
                code=f"P{i:03d}",
                name=f"Item {i}",
                unit="box",
                list_price="10.00",
                tax_rate="0.13",
            )
            put(s, "product", data["id"], data)


def test_pull_in_pages_resumes_after_an_interruption(server: ServerHarness, tmp_path: Path) -> None:
    _catalog(server, 25)
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    calls = {"n": 0}

    def cancel_after_two_pages() -> bool:
        calls["n"] += 1
        return calls["n"] > 3  # push check, then two pages

    engine = SyncEngine(ws, page_size=5, backoff=0.01)
    report = engine.run(cancel=cancel_after_two_pages)
    assert report.cancelled
    with ws.sessions() as s:
        have = s.scalar(select(func.count()).select_from(Product))
    assert have is not None and 0 < have < 25 and have % 5 == 0  # whole pages only
    faults = Faults(plan={"/pull": ["ok", "drop_response"]})
    report = SyncEngine(ws, page_size=5, backoff=0.01, hook=faults).run()
    assert not report.cancelled
    with ws.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 25
    _catalog(server, 30)  # 5 new, 25 changed
    assert sync(ws, page_size=7).pulled == 30
    assert get(ws, Product, "p-029").name == "Item 29"
    ws.close()


def test_progress_callback_reports_phases(server: ServerHarness, tmp_path: Path) -> None:
    _catalog(server, 3)
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    seen: list[str] = []
    SyncEngine(ws, backoff=0.01).run(progress=lambda phase, done, total: seen.append(phase))
    assert seen[:2] == ["first:profile", "first:catalog"]
    ws.close()


def test_a_restarted_server_keeps_nothing_but_the_database(
    server: ServerHarness, tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    cid = add_customer(ws, "alice")
    sync(ws)
    server.restart()
    edit(ws, Customer, cid, grade="B")
    assert sync(ws).applied == 1
    assert server_row(server, "customer", cid)["grade"] == "B"  # type: ignore[index]
    ws.close()
