"""The push fast path: no savepoints unless one is needed, rows read up front, one-query auth.

A batch first runs without savepoints. A rejection found before any write is
answered on that path; a database error, a bug or a rejection after a write makes
the server roll the whole batch back and run it again with a savepoint per
mutation. Either way the results, the stored rows and the replay are those of
the savepoint path: one bad mutation never affects the others.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.orm import Session

from sync.server import push as push_module
from sync.server.errors import Rejected
from sync.server.models import Device, MutationResult, Record, User
from tests.sync.harness import ServerHarness


def _row(cid: str, owner: str = "alice", **extra: Any) -> dict[str, Any]:
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
    } | extra


def _insert(no: int, cid: str, owner: str = "alice") -> dict[str, Any]:
    return {"no": no, "entity": "customer", "entity_id": cid, "op": "insert"} | {
        "payload": _row(cid, owner)
    }


def _edit(no: int, cid: str, notes: str) -> dict[str, Any]:
    return {
        "no": no,
        "entity": "customer",
        "entity_id": cid,
        "op": "update",
        "payload": _row(cid, notes=notes),
        "changed": ["notes"],
        "base": {"notes": None},
    }


def _push(server: ServerHarness, token: str, mutations: list[dict[str, Any]]) -> dict[str, Any]:
    resp = server.api("POST", "/push", {"device_id": "dev-a", "mutations": mutations}, token=token)
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


def _state(server: ServerHarness) -> tuple[dict[str, Any], int, int]:
    """{customer id: notes}, the device's last mutation, stored results."""
    with server.db.read() as s:
        rows = {
            r.id: r.data.get("notes")
            for r in s.scalars(select(Record).where(Record.entity == "customer"))
        }
        last = s.scalar(select(Device.last_mutation).where(Device.id == "dev-a"))
        stored = len(s.scalars(select(MutationResult)).all())
    return rows, int(last or 0), stored


@pytest.fixture
def alice(server: ServerHarness) -> str:
    """Alice's token on dev-a."""
    return server.token_for("alice", "dev-a", "DEVA01")


def test_a_batch_with_rejections_before_any_write_needs_no_savepoint(
    server: ServerHarness, alice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    careful: list[bool] = []
    original = push_module.push_batch

    def spy(*args: Any, **kwargs: Any) -> Any:
        careful.append(bool(kwargs.get("careful")))
        return original(*args, **kwargs)

    monkeypatch.setattr("sync.server.routes_sync.push_batch", spy)
    out = _push(
        server,
        alice,
        [
            _insert(1, "c-1"),
            _edit(2, "c-1", "same batch"),  # the row inserted just before, not read up front
            _edit(3, "c-missing", "x"),  # not on the server
            _insert(4, "c-bob", owner="bob"),  # someone else's
            _insert(5, "c-2"),
        ],
    )
    assert [r["outcome"] for r in out["results"]] == [
        "applied",
        "applied",
        "rejected",
        "rejected",
        "applied",
    ]
    assert [r["code"] for r in out["results"][2:4]] == ["not_found", "forbidden"]
    assert out["last_applied"] == 5
    assert careful == [False]
    rows, last, stored = _state(server)
    assert rows == {"c-1": "same batch", "c-2": None}
    assert (last, stored) == (5, 5)
    # a replay answers the stored results and changes nothing
    again = _push(server, alice, [_insert(4, "c-bob", owner="bob"), _insert(5, "c-2")])
    assert again["results"] == out["results"][3:]
    assert _state(server) == (rows, last, stored)


def test_a_database_error_reruns_the_batch_with_savepoints(
    server: ServerHarness, alice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = push_module.put

    def failing_put(session: Session, entity: str, row_id: str, *a: Any, **kw: Any) -> Record:
        if row_id == "c-boom":  # a statement the database refuses (the counter already exists)
            session.execute(text("INSERT INTO counter (name, value) VALUES ('rev', 0)"))
        return original(session, entity, row_id, *a, **kw)

    monkeypatch.setattr(push_module, "put", failing_put)
    out = _push(server, alice, [_insert(1, "c-1"), _insert(2, "c-boom"), _insert(3, "c-2")])
    assert [r["outcome"] for r in out["results"]] == ["applied", "rejected", "applied"]
    assert out["results"][1]["reason"] == "the server could not apply it"
    revs = [r["rev"] for r in out["results"] if r["rev"] is not None]
    assert revs == sorted(revs) and all(r > 0 for r in revs)
    rows, last, stored = _state(server)
    assert set(rows) == {"c-1", "c-2"} and (last, stored) == (3, 3)
    with server.db.read() as s:
        customers = s.scalars(select(Record).where(Record.entity == "customer"))
        assert {r.id: r.rev for r in customers} == {"c-1": revs[0], "c-2": revs[1]}
    again = _push(server, alice, [_insert(1, "c-1"), _insert(2, "c-boom"), _insert(3, "c-2")])
    assert again["results"] == out["results"]
    assert _state(server) == (rows, last, stored)


def test_a_rejection_after_a_write_is_undone_by_the_savepoint_rerun(
    server: ServerHarness, alice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = push_module._insert

    def late_refusal(batch: push_module.Batch, m: Any) -> Any:
        result = original(batch, m)
        if m.entity_id == "c-late":
            raise Rejected("invalid", "refused after writing")
        return result

    monkeypatch.setattr(push_module, "_insert", late_refusal)
    out = _push(server, alice, [_insert(1, "c-1"), _insert(2, "c-late"), _insert(3, "c-2")])
    assert [r["outcome"] for r in out["results"]] == ["applied", "rejected", "applied"]
    assert out["results"][1]["reason"] == "refused after writing"
    rows, last, stored = _state(server)
    assert set(rows) == {"c-1", "c-2"} and (last, stored) == (3, 3)


def test_a_push_to_a_device_of_another_user_is_refused(server: ServerHarness, alice: str) -> None:
    server.token_for("bob", "dev-b", "DEVB01")
    with server.db.write() as s:  # dev-a handed to bob behind alice's back
        s.execute(update(Device).where(Device.id == "dev-a").values(user_id="someone-else"))
    resp = server.api(
        "POST", "/push", {"device_id": "dev-a", "mutations": [_insert(1, "c-1")]}, token=alice
    )
    assert resp.status_code == 403 and "not registered to you" in resp.json()["message"]
    assert _state(server)[0] == {}


def test_a_token_stops_working_at_once_when_revoked_or_the_user_is_disabled(
    server: ServerHarness, alice: str
) -> None:
    assert server.api("GET", "/me", token=alice).json()["username"] == "alice"
    with server.db.write() as s:
        s.execute(update(User).where(User.username == "alice").values(active=False))
    resp = server.api("GET", "/me", token=alice)
    assert resp.status_code == 401 and "disabled" in resp.json()["message"]
    with server.db.write() as s:
        s.execute(update(User).where(User.username == "alice").values(active=True))
    assert server.api("GET", "/me", token=alice).status_code == 200
    assert server.api("POST", "/logout", token=alice).status_code == 200
    for path in ("/me", "/head"):
        resp = server.api("GET", path, token=alice)
        assert resp.status_code == 401 and "not valid" in resp.json()["message"]
    resp = server.api("POST", "/pull", {"device_id": "dev-a", "cursor": 0}, token=alice)
    assert resp.status_code == 401


def test_a_late_rejection_of_a_row_written_earlier_in_the_batch_keeps_the_earlier_write(
    server: ServerHarness, alice: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = push_module._update

    def late_refusal(batch: push_module.Batch, m: Any, *args: Any) -> Any:
        result = original(batch, m, *args)
        if m.payload.get("notes") == "late":
            raise Rejected("invalid", "refused after writing")
        return result

    monkeypatch.setattr(push_module, "_update", late_refusal)
    out = _push(
        server,
        alice,
        [_insert(1, "c-1"), _edit(2, "c-1", "first"), _edit(3, "c-1", "late"), _insert(4, "c-2")],
    )
    assert [r["outcome"] for r in out["results"]] == ["applied", "applied", "rejected", "applied"]
    rows, last, stored = _state(server)
    assert rows == {"c-1": "first", "c-2": None} and (last, stored) == (4, 4)


def test_many_edits_in_one_batch_are_written_together_and_each_gets_its_revision(
    server: ServerHarness, alice: str
) -> None:
    _push(server, alice, [_insert(i + 1, f"c-{i}") for i in range(120)])
    edits = [_edit(121 + i, f"c-{i}", f"visit {i}") for i in range(120)]
    out = _push(server, alice, edits)
    assert {r["outcome"] for r in out["results"]} == {"applied"}
    revs = [r["rev"] for r in out["results"]]
    assert revs == sorted(revs) and len(set(revs)) == 120
    rows, last, stored = _state(server)
    assert rows == {f"c-{i}": f"visit {i}" for i in range(120)} and (last, stored) == (240, 240)
    with server.db.read() as s:
        stored_revs = [
            r.result["rev"]
            for r in s.scalars(
                select(MutationResult).where(MutationResult.no > 120).order_by(MutationResult.no)
            )
        ]
        record_revs = {
            r.id: r.rev for r in s.scalars(select(Record).where(Record.entity == "customer"))
        }
    assert stored_revs == revs
    assert [record_revs[f"c-{i}"] for i in range(120)] == revs


def test_a_push_never_scans_the_whole_record_table(
    server: ServerHarness, alice: str, db_url: str
) -> None:
    # At 1,000,000 records a full scan costs about 0.6 s per batch (a row-value IN
    # list is not an index lookup on SQLite): every read of a push must use the key.
    if not db_url.startswith("sqlite"):
        pytest.skip("query plans checked on SQLite (PostgreSQL plans row-value IN lists)")
    from sqlalchemy import event

    _push(server, alice, [_insert(i + 1, f"c-{i}") for i in range(30)])
    seen: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, params: Any, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and " record" in statement:
            seen.append((statement, params))

    event.listen(server.db.engine, "before_cursor_execute", capture)
    try:
        body = _push(server, alice, [_edit(31 + i, f"c-{i}", f"n{i}") for i in range(30)])
    finally:
        event.remove(server.db.engine, "before_cursor_execute", capture)
    assert [r["outcome"] for r in body["results"]] == ["applied"] * 30
    assert seen, "the push read no records"
    with server.db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        for statement, params in seen:
            plan = [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + statement, params)]
            assert "SCAN record" not in plan, (statement, plan)
