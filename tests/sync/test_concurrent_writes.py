"""Concurrent writers on one server database: revisions in order, exactly once, no lost update.

Write transactions run side by side; only their end (assigning revisions and
committing) holds the revision lock. Here commits are made slow and many
writers race, to check what the single global lock used to guarantee: a pull
cursor never skips a row committed late, a batch retried at the same time is
applied once, two laptops of one rep never overwrite each other's edits, a
reassignment never strands a row the rep adds meanwhile, counters never repeat.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.models import new_id
from sync.protocol import PullRequest
from sync.server import admin, feed
from sync.server import db as db_module
from sync.server.db import Database, assign_revs, next_counter
from sync.server.entities import new_row
from sync.server.models import MutationResult, Purge, Record, User
from sync.server.records import put
from tests.sync.harness import PASSWORD, ServerHarness

NOW = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def slow_commits(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every commit waits a few random milliseconds first (a slow disk): late commits.

    On PostgreSQL a write's COMMIT goes with its revision statement (one query, under
    the revision lock): the database waits there too.
    """
    assign_commit = db_module._ASSIGN_COMMIT_SQL
    assert assign_commit.endswith(";\nCOMMIT")
    slow = assign_commit.removesuffix("COMMIT") + "SELECT pg_sleep(random() * 0.008);\nCOMMIT"
    monkeypatch.setattr(db_module, "_ASSIGN_COMMIT_SQL", slow)
    rnd = random.Random(7)
    lock = threading.Lock()

    def before_commit(session: Session) -> None:
        with lock:
            pause = rnd.uniform(0, 0.008)
        time.sleep(pause)

    event.listen(Session, "before_commit", before_commit)
    try:
        yield
    finally:
        event.remove(Session, "before_commit", before_commit)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """An upgraded server database with rep alice (east)."""
    database = Database(db_url)
    database.upgrade()
    with database.write() as s:
        admin.add_user(s, "alice", "Alice", "rep", PASSWORD, "east")
    try:
        yield database
    finally:
        database.dispose()


def customer(cid: str, owner: str = "alice", **fields: Any) -> dict[str, Any]:
    """A complete customer row."""
    row = new_row(
        "customer", cid, NOW, code=f"C-{cid}", name="Shop", name_key="shop", kind="retail"
    )
    row.update(owner=owner, **fields)
    return row


def run_at_once(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run the jobs in threads released together; their results (or exceptions) in order."""
    barrier = threading.Barrier(len(jobs))
    out: list[Any] = [None] * len(jobs)

    def run(i: int) -> None:
        barrier.wait(timeout=30)
        try:
            out[i] = jobs[i]()
        except Exception as exc:  # reported by the caller's asserts
            out[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return out


# --- revisions and the pull cursor ------------------------------------------------------


def test_a_follower_never_skips_a_row_committed_out_of_order(
    db: Database, slow_commits: None
) -> None:
    writers, each = 8, 12
    expected = {f"w{w}-{i}-{j}" for w in range(writers) for i in range(each) for j in range(2)}

    def write(w: int) -> None:
        rnd = random.Random(w)
        for i in range(each):
            with db.write() as s:
                for j in range(2):
                    cid = f"w{w}-{i}-{j}"
                    put(s, "customer", cid, customer(cid), owner="alice", customer_id=cid)
                    time.sleep(rnd.uniform(0, 0.004))  # validation, merges... between rows

    seen: list[tuple[str, int]] = []
    cursor = 0
    pages = 0

    def follow() -> None:
        # mostly big pages, to stay at the head where late commits matter; some small ones
        nonlocal cursor, pages
        pages += 1
        limit = 3 if pages % 4 == 0 else 500
        with db.read() as s:
            user = s.scalar(select(User).where(User.username == "alice"))
            assert user is not None
            page = feed.pull(s, user, PullRequest(device_id="d", cursor=cursor, limit=limit))
        seen.extend((c.id, c.rev) for c in page.changes if c.entity == "customer")
        cursor = page.cursor

    threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        follow()
    for t in threads:
        t.join()
    for _ in range(2 * writers * each):  # drain what is left after the writers are done
        before = cursor
        follow()
        if cursor == before:
            break
    ids = [i for i, _ in seen]
    assert len(ids) == len(set(ids)), "a row arrived twice"
    assert set(ids) == expected, f"{len(expected - set(ids))} rows skipped by the cursor"
    revs = [r for _, r in seen]
    assert revs == sorted(revs) and all(r > 0 for r in revs)


def test_a_long_write_does_not_hold_up_another_writer(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite (embedded, one process) keeps writers fully serialized")
    inside = threading.Event()
    release = threading.Event()

    def long_push() -> None:
        with db.write() as s:
            put(s, "customer", "slow", customer("slow"), owner="alice", customer_id="slow")
            inside.set()
            assert release.wait(timeout=30)

    slow = threading.Thread(target=long_push)
    slow.start()
    assert inside.wait(timeout=30)
    started = time.monotonic()
    with db.write() as s:
        put(s, "customer", "quick", customer("quick"), owner="alice", customer_id="quick")
    quick_took = time.monotonic() - started
    release.set()
    slow.join()
    assert quick_took < 5
    with db.read() as s:
        quick = s.get(Record, ("customer", "quick"))
        slow_row = s.get(Record, ("customer", "slow"))
        assert quick is not None and slow_row is not None
        assert 0 < quick.rev < slow_row.rev  # the one committed later has the higher revision


def test_revisions_are_assigned_once_at_the_end_and_never_left_negative(db: Database) -> None:
    with db.write() as s:
        record = put(s, "customer", "c1", customer("c1"), owner="alice", customer_id="c1")
        placeholder = record.rev
        assert placeholder < 0  # until the end of the transaction
        put(s, "customer", "c1", customer("c1", notes="twice"))
        assert assign_revs(s) == {placeholder: record.rev} and record.rev > 0
        assert assign_revs(s) == {}  # nothing pending any more: no lock taken
    with db.read() as s:
        assert s.scalar(select(func.count()).where(Record.rev < 0)) == 0
        row = s.get(Record, ("customer", "c1"))
        assert row is not None and row.data["notes"] == "twice"
        assert s.scalar(select(func.max(Record.rev))) == row.rev  # one revision, not two


def test_a_row_rolled_back_with_its_savepoint_gets_no_revision(db: Database) -> None:
    with db.read() as s:
        head = s.scalar(select(func.max(Record.rev)))
    with db.write() as s:
        nested = s.begin_nested()
        put(s, "customer", "gone", customer("gone"), owner="alice", customer_id="gone")
        nested.rollback()
        put(s, "customer", "kept", customer("kept"), owner="alice", customer_id="kept")
    with db.read() as s:
        assert s.get(Record, ("customer", "gone")) is None
        kept = s.get(Record, ("customer", "kept"))
        assert kept is not None and kept.rev == (head or 0) + 1  # no gap for the rolled-back row


def test_a_failed_write_commits_nothing(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as s:
        put(s, "customer", "boom", customer("boom"), owner="alice", customer_id="boom")
        raise RuntimeError("validation failed")
    with db.read() as s:
        assert s.get(Record, ("customer", "boom")) is None
        assert s.scalar(select(func.count()).where(Record.rev < 0)) == 0


def test_purges_and_moved_rows_get_distinct_revisions(db: Database) -> None:
    with db.write() as s:
        admin.add_user(s, "bob", "Bob", "rep", PASSWORD, "east")
        put(s, "customer", "c9", customer("c9"), owner="alice", customer_id="c9")
    with db.write() as s:
        assert admin.reassign(s, "c9", "bob") >= 1
    with db.read() as s:
        purge = s.scalars(select(Purge).where(Purge.entity_id == "c9")).one()
        moved = s.get(Record, ("customer", "c9"))
        assert moved is not None and moved.owner == "bob"
        assert 0 < purge.rev != moved.rev > 0


def test_order_numbers_drawn_at_once_never_repeat(db: Database, slow_commits: None) -> None:
    def draw() -> int:
        with db.write() as s:
            return next_counter(s, "order:2026")

    got = run_at_once([draw] * 12)
    assert sorted(got) == list(range(1, 13))


# --- pushes over HTTP ---------------------------------------------------------------------


def _push(server: ServerHarness, token: str, device: str, mutations: list[dict[str, Any]]) -> Any:
    resp = server.api("POST", "/push", {"device_id": device, "mutations": mutations}, token=token)
    assert resp.status_code == 200, resp.text
    return resp.json()


def _update(no: int, row: dict[str, Any], field: str, value: Any) -> dict[str, Any]:
    return {
        "no": no,
        "entity": "customer",
        "entity_id": row["id"],
        "op": "update",
        "payload": {**row, field: value},
        "changed": [field],
        "base": {field: row.get(field)},
    }


def test_the_same_batch_sent_many_times_at_once_is_applied_once(
    server: ServerHarness, slow_commits: None
) -> None:
    token = server.token_for("alice", "dev-1", "DEV001")
    cid = new_id()
    row = customer(cid)
    batch = [
        {"no": 1, "entity": "customer", "entity_id": cid, "op": "insert", "payload": row},
        _update(2, row, "notes", "second"),
    ]
    answers = run_at_once([lambda: _push(server, token, "dev-1", batch)] * 6)
    assert all(not isinstance(a, Exception) for a in answers), answers
    assert all(a == answers[0] for a in answers)  # replays return the stored results
    assert [r["outcome"] for r in answers[0]["results"]] == ["applied", "applied"]
    with server.db.read() as s:
        stored = s.scalar(
            select(func.count())
            .select_from(MutationResult)
            .where(MutationResult.device_id == "dev-1")
        )
        record = s.get(Record, ("customer", cid))
        assert record is not None
        notes, rev = record.data["notes"], record.rev
    assert stored == 2
    assert notes == "second"
    assert {r["rev"] for r in answers[0]["results"]} == {rev}  # real revisions


def test_two_laptops_of_one_rep_editing_one_customer_at_once_keep_both_edits(
    server: ServerHarness, slow_commits: None
) -> None:
    t1 = server.token_for("alice", "dev-1", "DEV001")
    t2 = server.token_for("alice", "dev-2", "DEV002")
    cid = new_id()
    row = customer(cid)
    _push(
        server,
        t1,
        "dev-1",
        [{"no": 1, "entity": "customer", "entity_id": cid, "op": "insert", "payload": row}],
    )
    for n in range(2, 7):
        answers = run_at_once(
            [
                lambda m=_update(n, row, "phone", f"1380000{n:04d}"): _push(
                    server, t1, "dev-1", [m]
                ),
                lambda m=_update(n, row, "address", f"Road {n}"): _push(server, t2, "dev-2", [m]),
            ]
        )
        assert all(not isinstance(a, Exception) for a in answers), answers
        outcomes = {a["results"][0]["outcome"] for a in answers}
        assert outcomes <= {"applied", "merged"}
        with server.db.read() as s:
            record = s.get(Record, ("customer", cid))
            assert record is not None
            assert (record.data["phone"], record.data["address"]) == (
                f"1380000{n:04d}",
                f"Road {n}",
            )
            row = dict(record.data)


def test_a_reassignment_during_a_push_never_strands_a_new_row(
    server: ServerHarness, slow_commits: None
) -> None:
    alice = server.token_for("alice", "dev-1", "DEV001")
    boss = server.token_for("boss")
    customers = [new_id() for _ in range(5)]
    _push(
        server,
        alice,
        "dev-1",
        [
            {
                "no": i + 1,
                "entity": "customer",
                "entity_id": c,
                "op": "insert",
                "payload": customer(c),
            }
            for i, c in enumerate(customers)
        ],
    )
    no = len(customers)
    for cid in customers:
        no += 1
        contact_id = new_id()
        contact = new_row("contact", contact_id, NOW, customer_id=cid, name="Li")
        mutation = {
            "no": no,
            "entity": "contact",
            "entity_id": contact_id,
            "op": "insert",
            "payload": contact,
        }

        def move(c: str = cid) -> int:
            path = f"/admin/customers/{c}/reassign"
            resp = server.api("POST", path, {"to_username": "bob"}, token=boss)
            return resp.status_code

        pushed, moved = run_at_once([lambda m=mutation: _push(server, alice, "dev-1", [m]), move])
        assert moved == 200 and not isinstance(pushed, Exception), (pushed, moved)
        outcome = pushed["results"][0]
        with server.db.read() as s:
            row = s.get(Record, ("contact", contact_id))
            owner = None if row is None else (row.owner,)
        if outcome["outcome"] == "rejected":  # the reassignment came first
            assert outcome["code"] == "forbidden" and owner is None
        else:  # the push came first: the contact moved with its customer
            assert owner == ("bob",)


def test_a_login_of_a_new_workspace_twice_at_once_registers_it_once(
    server: ServerHarness,
) -> None:
    def login() -> int:
        body = {
            "username": "alice",
            "password": PASSWORD,
            "device_id": "dev-9",
            "device_code": "DEV009",
            "provisional_block": {
                "id": "blk-9",
                "device_code": "DEV009",
                "first_no": 1,
                "last_no": 500,
            },
        }
        return server.api("POST", "/login", body).status_code

    assert run_at_once([login] * 4) == [200] * 4
    with server.db.read() as s:
        blocks = s.scalars(select(Record.id).where(Record.entity == "receipt_block")).all()
    assert list(blocks) == ["blk-9"]


def test_pushing_for_a_device_of_someone_else_is_still_refused(server: ServerHarness) -> None:
    server.token_for("bob", "dev-b", "DEVB01")
    alice = server.token_for("alice", "dev-1", "DEV001")
    resp = server.api(
        "POST", "/push", {"device_id": "dev-b", "mutations": []}, token=alice
    )  # the token is bound to dev-1
    assert resp.status_code == 403
