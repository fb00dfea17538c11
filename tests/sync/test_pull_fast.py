"""The fast pull path: prefetched pages, bulk inserts in stored form, batched updates.

Each test states a guarantee the speed-ups must keep: every page applied once and
in order (none skipped) even when the next page is fetched ahead; a row inserted
in bulk stored byte for byte as the row-by-row path stores it; a pending local
edit never overwritten by the batched update path; pull commits relaxed
(``synchronous = NORMAL``) while the rep's own edits stay ``FULL``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from app import db
from app.models import Customer, OutboxEntry, Product, ReceiptBlock, synced_models
from app.seed import seed
from app.serialize import row_to_dict
from app.workspace import Workspace
from sync import client as sync_client
from sync import local
from sync.protocol import Change, PullRequest, PullResponse
from sync.pull import apply_change, apply_page, pending_by_row, pending_fields
from sync.pull_raw import RawPage
from sync.server.models import Record
from sync.transport import ServerUnreachable
from sync.values import from_json, stored_converters
from tests.sync.harness import ServerHarness, login_rep, make_workspace

MODELS = synced_models()


# ---------------------------------------------------------------- helpers


def _catalog(server: ServerHarness, n: int, name: str = "Item") -> None:
    from sync.server.entities import new_row
    from sync.server.records import put, utcnow

    with server.db.write() as s:
        for i in range(n):
            data = new_row(
                "product",
                f"p-{i:03d}",
                utcnow(),
                code=f"P{i:03d}",
                name=f"{name} {i}",
                unit="box",
                list_price="10.00",
                tax_rate="0.13",
            )
            put(s, "product", data["id"], data)


def _server_revs(server: ServerHarness) -> list[int]:
    with server.db.read() as s:
        return sorted(s.scalars(select(Record.rev).where(Record.entity == "product")))


class _Recorder:
    """Wraps the page appliers (as the client calls them) and a transport hook: what ran."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, fail_on_request: int | None = None):
        self.applied: list[list[int]] = []  # revs of each applied page
        self.asked: list[int] = []  # cursor of each pull request
        self.phases: list[str] = []  # entities asked for by each pull request
        self.answered: list[int] = []  # cursor each pull response returned
        self.fail_on_request = fail_on_request
        real, real_raw = sync_client.apply_page, sync_client.apply_raw_page

        def recording(session: Any, changes: list[Change]) -> tuple[int, int]:
            self.applied.append([c.rev for c in changes if c.entity == "product"])
            return real(session, changes)

        def recording_raw(session: Any, page: RawPage) -> tuple[int, int]:
            self.applied.append([c["rev"] for c in page.changes if c["entity"] == "product"])
            return real_raw(session, page)

        monkeypatch.setattr(sync_client, "apply_page", recording)
        monkeypatch.setattr(sync_client, "apply_raw_page", recording_raw)

    def hook(self, request: requests.PreparedRequest, send: Any) -> requests.Response:
        """Record pull cursors; fail the n-th pull request (counted from 1) if asked."""
        if not (request.url or "").endswith("/pull"):
            return send(request)
        body = request.body if isinstance(request.body, bytes) else b""
        if request.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        sent = json.loads(body)
        self.asked.append(int(sent["cursor"]))
        self.phases.append(str(sent.get("entities")))
        if self.fail_on_request is not None and len(self.asked) >= self.fail_on_request:
            raise requests.ConnectionError("fault: server gone")
        response = send(request)
        self.answered.append(int(response.json()["cursor"]))
        return response

    def chained(self) -> bool:
        """Each request of a phase asked after the cursor of the page before it."""
        return all(
            self.asked[i] == self.answered[i - 1]
            for i in range(1, len(self.answered))
            if self.phases[i] == self.phases[i - 1]
        )

    def product_revs(self) -> list[int]:
        return [rev for page in self.applied for rev in page]


def _stored(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table as SQLite stores it: ``quote()`` of each column, by id."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with ws.engine.connect() as conn:
        for name, model in MODELS.items():
            cols = [c.name for c in model.__table__.columns]  # type: ignore[attr-defined]
            quoted = ", ".join(f'quote("{c}"), typeof("{c}")' for c in cols)
            out[name] = [
                tuple(r) for r in conn.exec_driver_sql(f'SELECT {quoted} FROM "{name}" ORDER BY id')
            ]
    return out


def _changes_of(ws: Workspace) -> list[Change]:
    """Every synced row of ``ws`` as an upsert on the wire (as the server would send it)."""
    changes: list[Change] = []
    with ws.sessions() as s:
        for name, model in MODELS.items():
            for obj in s.scalars(select(model).order_by(model.id)):
                data = json.loads(json.dumps(row_to_dict(obj)))  # through JSON, like the wire
                changes.append(
                    Change(rev=len(changes) + 1, entity=name, id=obj.id, op="upsert", data=data)
                )
    return changes


# ---------------------------------------------------------------- bulk insert = row by row


@pytest.fixture(scope="module")
def wire_rows(tmp_path_factory: pytest.TempPathFactory) -> list[Change]:
    """A small seeded company (every synced table, every column type) as wire changes."""
    ws = make_workspace(tmp_path_factory.mktemp("src") / "ws")
    try:
        seed(ws, customers=12, products=8, seed=7, today=dt.date(2025, 6, 30))
        changes = _changes_of(ws)
    finally:
        ws.close()
    # Wire forms the laptop never writes itself but must store alike on both paths.
    product = next(c for c in changes if c.entity == "product")
    assert product.data is not None
    product.data["list_price"] = "12.5"  # shorter than the laptop's own 12.50
    product.data["created_at"] = "2024-02-19T16:30:00+08:00"  # another offset
    product.data["updated_at"] = "2024-02-19T08:30:00"  # naive: taken as UTC
    customer = next(c for c in changes if c.entity == "customer")
    assert customer.data is not None
    customer.data["notes"] = None
    customer.data["deleted_at"] = "2025-01-02T03:04:05.123456+00:00"
    return changes


def test_every_table_is_covered_by_the_wire_rows(wire_rows: list[Change]) -> None:
    assert {"product", "customer", "quote_line", "receipt", "visit"} <= {
        c.entity for c in wire_rows
    }
    assert len(wire_rows) > 200


def test_bulk_insert_stores_byte_for_byte_what_the_row_by_row_path_stores(
    wire_rows: list[Change], tmp_path: Path
) -> None:
    one_by_one = make_workspace(tmp_path / "orm")
    bulk = make_workspace(tmp_path / "bulk")
    try:
        with local.remote_tx(one_by_one) as s:
            for change in wire_rows:
                assert apply_change(s, change) == "applied"
                s.flush()
        with local.remote_tx(bulk, durable=False) as s:
            assert apply_page(s, wire_rows) == (len(wire_rows), 0)
        expected, got = _stored(one_by_one), _stored(bulk)
        # (a new workspace already holds its own provisional receipt block)
        assert sum(len(v) for k, v in got.items() if k != "receipt_block") == len(
            [c for c in wire_rows if c.entity != "receipt_block"]
        )
        for table in expected:
            if table == "receipt_block":
                ids = {f"'{c.id}'" for c in wire_rows if c.entity == table}
                at = 2 * [c.name for c in ReceiptBlock.__table__.columns].index("id")
                got[table] = [r for r in got[table] if r[at] in ids]
                expected[table] = [r for r in expected[table] if r[at] in ids]
                assert len(got[table]) == len(ids) > 0
            assert got[table] == expected[table], table
    finally:
        one_by_one.close()
        bulk.close()


def test_bulk_insert_reads_back_the_same_python_values(
    wire_rows: list[Change], tmp_path: Path
) -> None:
    ws = make_workspace(tmp_path / "bulk")
    try:
        with local.remote_tx(ws) as s:
            apply_page(s, wire_rows)
        product = next(c for c in wire_rows if c.entity == "product")
        with ws.sessions() as s:
            row = s.get(Product, product.id)
            assert row is not None
            assert str(row.list_price) == "12.5"
            assert row.created_at == dt.datetime(2024, 2, 19, 8, 30, tzinfo=dt.UTC)
            assert row.updated_at == dt.datetime(2024, 2, 19, 8, 30, tzinfo=dt.UTC)
            assert row.server_rev == product.rev
            customer = next(c for c in wire_rows if c.entity == "customer")
            shop = s.get(Customer, customer.id)
            assert shop is not None and shop.notes is None and shop.sync_base is not None
            assert shop.sync_base["deleted_at"] == "2025-01-02T03:04:05.123456+00:00"
            assert "server_rev" not in shop.sync_base
    finally:
        ws.close()


def test_bulk_insert_refuses_a_value_the_column_refuses(
    wire_rows: list[Change], tmp_path: Path
) -> None:
    product = next(c for c in wire_rows if c.entity == "product")
    assert product.data is not None
    bad = product.model_copy(
        update={"id": "p-bad", "data": {**product.data, "id": "p-bad", "list_price": "NaN"}}
    )
    ws = make_workspace(tmp_path / "bulk")
    try:
        with pytest.raises(ValueError, match="finite"), local.remote_tx(ws) as s:
            apply_page(s, [bad])
        with ws.sessions() as s:  # nothing of the page stayed
            assert s.scalar(select(func.count()).select_from(Product)) == 0
    finally:
        ws.close()


# ---------------------------------------------------------------- batched updates


@pytest.fixture
def seeded(tmp_path: Path) -> Any:
    ws = make_workspace(tmp_path / "ws")
    seed(ws, customers=6, products=2, seed=3, today=dt.date(2025, 6, 30))
    try:
        yield ws
    finally:
        ws.close()


def _server_update(ws: Workspace, cid: str, rev: int, **fields: Any) -> Change:
    with ws.sessions() as s:
        obj = s.get(Customer, cid)
        assert obj is not None
        data = json.loads(json.dumps(row_to_dict(obj)))
    data.update(fields)
    return Change(rev=rev, entity="customer", id=cid, op="upsert", data=data)


def _customer_ids(ws: Workspace) -> list[str]:
    with ws.sessions() as s:
        return list(s.scalars(select(Customer.id).order_by(Customer.code)))


def test_batched_updates_keep_a_pending_local_edit(seeded: Workspace) -> None:
    c1, c2, c3 = _customer_ids(seeded)[:3]
    with db.transaction(seeded.sessions) as s:  # the rep's edit, not pushed yet
        obj = s.get(Customer, c1)
        assert obj is not None
        obj.notes = "rep's notes"
    page = [
        _server_update(seeded, cid, 100 + i, notes="server notes", address="server address")
        for i, cid in enumerate((c1, c2, c3))
    ]
    with local.remote_tx(seeded, durable=False) as s:
        assert apply_page(s, page) == (3, 0)
    with seeded.sessions() as s:
        mine, other = s.get(Customer, c1), s.get(Customer, c2)
        assert mine is not None and other is not None
        assert mine.notes == "rep's notes"  # pending: kept
        assert mine.address == "server address"  # not pending: taken
        assert mine.sync_base is not None and mine.sync_base["address"] == "server address"
        assert mine.sync_base.get("notes") != "server notes"  # base of the pending field kept
        assert mine.server_rev == 100
        assert other.notes == "server notes" and other.server_rev == 101


def test_an_acknowledged_edit_no_longer_protects_the_field(seeded: Workspace) -> None:
    c1 = _customer_ids(seeded)[0]
    with db.transaction(seeded.sessions) as s:
        obj = s.get(Customer, c1)
        assert obj is not None
        obj.notes = "rep's notes"
    with db.transaction(seeded.sessions) as s:
        for entry in s.scalars(select(OutboxEntry)):
            entry.acked_at = dt.datetime.now(dt.UTC)
    with local.remote_tx(seeded) as s:
        apply_page(s, [_server_update(seeded, c1, 100, notes="server notes")])
    with seeded.sessions() as s:
        obj = s.get(Customer, c1)
        assert obj is not None and obj.notes == "server notes"


def test_pending_fields_of_a_page_match_the_per_row_query(seeded: Workspace) -> None:
    c1, c2, c3 = _customer_ids(seeded)[:3]
    with db.transaction(seeded.sessions) as s:
        obj = s.get(Customer, c1)
        assert obj is not None
        obj.notes = "a"
    with db.transaction(seeded.sessions) as s:
        obj = s.get(Customer, c1)
        assert obj is not None
        obj.address = "b"
    with db.transaction(seeded.sessions) as s:
        s.add(
            Customer(
                id="new-1",
                code="C-NEW-1",
                name="New",
                name_key="new",
                kind="retail",
                owner="rep",
            )
        )
    keys = [("customer", c) for c in (c1, c2, c3, "new-1")] + [("product", c1)]
    with seeded.sessions() as s:
        batched = pending_by_row(s, keys)
        for entity, row_id in keys:
            assert batched.get((entity, row_id), set()) == pending_fields(s, entity, row_id)
    assert batched[("customer", c1)] == {"notes", "address"}
    assert "*" in batched[("customer", "new-1")]
    assert ("customer", c2) not in batched and ("product", c1) not in batched


def test_a_row_named_twice_or_purged_then_sent_again_in_one_page(seeded: Workspace) -> None:
    c1, c2 = _customer_ids(seeded)[:2]
    page = [
        _server_update(seeded, c1, 100, notes="first"),
        _server_update(seeded, c1, 101, notes="second"),
        Change(rev=102, entity="customer", id=c2, op="purge"),
        _server_update(seeded, c2, 103, notes="back"),
        _server_update(seeded, c1, 99, notes="stale"),  # older than what is here: skipped
    ]
    with local.remote_tx(seeded) as s:
        assert apply_page(s, page) == (3, 1)
    with seeded.sessions() as s:
        one, two = s.get(Customer, c1), s.get(Customer, c2)
        assert one is not None and one.notes == "second" and one.server_rev == 101
        assert two is not None and two.notes == "back" and two.server_rev == 103


# ---------------------------------------------------------------- prefetch: once, in order


def test_prefetched_pages_are_applied_once_each_in_order(
    server: ServerHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _catalog(server, 23)
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    rec = _Recorder(monkeypatch)
    report = sync_client.SyncEngine(ws, page_size=4, backoff=0.01, hook=rec.hook).run()
    assert not report.cancelled
    assert rec.product_revs() == _server_revs(server)  # each once, none skipped, in order
    assert rec.chained() and len(rec.asked) == len(rec.applied)
    with ws.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 23
    ws.close()


def test_a_cancel_drops_the_page_fetched_ahead_and_the_next_sync_fetches_it_again(
    server: ServerHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _catalog(server, 23)
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    rec = _Recorder(monkeypatch)
    product_pages = {"n": 0}

    def cancel() -> bool:  # after two catalog pages are applied
        product_pages["n"] = sum(1 for page in rec.applied if page)
        if product_pages["n"] < 2:
            return False
        deadline = time.monotonic() + 10  # let the worker send the page fetched ahead
        while len(rec.asked) <= len(rec.applied) and time.monotonic() < deadline:
            time.sleep(0.01)
        return True

    engine = sync_client.SyncEngine(ws, page_size=4, backoff=0.01, hook=rec.hook)
    assert engine.run(cancel=cancel).cancelled
    first = rec.product_revs()
    assert len(first) == 8
    assert len(rec.asked) > len(rec.applied)  # a third page was fetched ahead, not applied
    with ws.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Product)) == 8
    rec.applied.clear()
    assert not sync_client.SyncEngine(ws, page_size=4, backoff=0.01, hook=rec.hook).run().cancelled
    second = rec.product_revs()
    assert first + second == _server_revs(server)  # the dropped page came again, once
    ws.close()


def test_a_failed_fetch_ahead_keeps_the_pages_before_it_and_resumes(
    server: ServerHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _catalog(server, 23)
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    rec = _Recorder(monkeypatch, fail_on_request=4)  # profile page, then catalog pages 1, 2
    with pytest.raises(ServerUnreachable):
        sync_client.SyncEngine(ws, page_size=4, backoff=0.001, retries=1, hook=rec.hook).run()
    first = rec.product_revs()
    assert len(first) == 8
    rec.applied.clear()
    rec.fail_on_request = None
    sync_client.SyncEngine(ws, page_size=4, backoff=0.01, hook=rec.hook).run()
    assert first + rec.product_revs() == _server_revs(server)
    ws.close()


def test_later_changes_arrive_in_the_normal_pull_after_the_first_sync(
    server: ServerHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _catalog(server, 9)
    ws = make_workspace(tmp_path / "a")
    login_rep(ws, server, "alice")
    sync_client.SyncEngine(ws, page_size=4, backoff=0.01).run()
    _catalog(server, 11, name="Changed")  # 9 updates, 2 new
    rec = _Recorder(monkeypatch)
    report = sync_client.SyncEngine(ws, page_size=4, backoff=0.01, hook=rec.hook).run()
    assert report.pulled == 11
    assert rec.product_revs() == _server_revs(server)
    with ws.sessions() as s:
        names = set(s.scalars(select(Product.name)))
    assert names == {f"Changed {i}" for i in range(11)}
    ws.close()


# ---------------------------------------------------------------- durability settings


def _synchronous(ws: Workspace) -> list[int]:
    """``PRAGMA synchronous`` of every connection the pool hands out now."""
    conns = [ws.engine.connect() for _ in range(3)]
    try:
        return [int(c.exec_driver_sql("PRAGMA synchronous").scalar() or 0) for c in conns]
    finally:
        for c in conns:
            c.close()


def test_pull_transactions_relax_fsync_and_hand_back_full(seeded: Workspace) -> None:
    with local.remote_tx(seeded, durable=False) as s:
        assert s.connection().exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with local.remote_tx(seeded) as s:
        assert s.connection().exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    assert set(_synchronous(seeded)) == {2}


def test_a_failed_pull_transaction_also_hands_back_full(seeded: Workspace) -> None:
    with pytest.raises(RuntimeError), local.remote_tx(seeded, durable=False):
        raise RuntimeError("page failed")
    assert set(_synchronous(seeded)) == {2}
    with seeded.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


# ---------------------------------------------------------------- stored-form converters


def _generic(model: type[Any], key: str, dialect: Any) -> Any:
    """The reference: ``from_json`` then the column type's bind processor (what Core does)."""
    process = model.__table__.c[key].type._cached_bind_processor(dialect)  # type: ignore[attr-defined]
    return lambda value: process(from_json(model, key, value))


@pytest.mark.parametrize(
    ("model", "key", "values"),
    [
        (Product, "list_price", ["12.5", "0.00", "-3.10", "1E+2", "1e-7", "00012.300", 5, None]),
        (
            Customer,
            "created_at",
            [
                "2024-02-19T16:30:00+08:00",
                "2024-02-19T08:30:00",
                "2024-02-19T08:30:00Z",
                "2025-01-02T03:04:05.123456+00:00",
                "2025-01-02T03:04:05.5-03:00",
                "0001-01-01T00:00:00+00:00",
            ],
        ),
        (Customer, "next_follow_up", ["2025-06-30", "0099-01-02", None]),
    ],
)
def test_stored_form_shortcuts_store_what_the_generic_path_stores(
    model: type[Any], key: str, values: list[Any], seeded: Workspace
) -> None:
    dialect = seeded.engine.dialect
    fast, slow = stored_converters(model, dialect)[key], _generic(model, key, dialect)
    for value in values:
        assert fast(value) == slow(value), value


@pytest.mark.parametrize(
    ("model", "key", "value"),
    [
        (Product, "list_price", "NaN"),
        (Product, "list_price", "Infinity"),
        (Product, "list_price", "12,50"),
        (Customer, "created_at", "yesterday"),
        (Customer, "created_at", "2025-13-01T00:00:00+00:00"),
        (Customer, "next_follow_up", "2025-02-30"),
    ],
)
def test_stored_form_shortcuts_refuse_what_the_generic_path_refuses(
    model: type[Any], key: str, value: Any, seeded: Workspace
) -> None:
    dialect = seeded.engine.dialect
    fast, slow = stored_converters(model, dialect)[key], _generic(model, key, dialect)
    with pytest.raises(Exception) as generic_error:
        slow(value)
    with pytest.raises(type(generic_error.value)):
        fast(value)


# ---------------------------------------------------------------- the server's page body


def test_the_pull_body_written_from_storage_equals_the_validated_page(
    server: ServerHarness,
) -> None:
    from sync.server import feed
    from sync.server.models import Purge, User
    from sync.server.records import put

    _catalog(server, 6, name='Odd "quoted" \\ 名字 \u2028')
    with server.db.write() as s:
        put(s, "product", "p-nested", {"id": "p-nested", "tags": [1, {"a": None}], "x": 1.5})
    with server.db.write() as s:
        gone = s.get(Record, ("product", "p-005"))
        assert gone is not None
        s.add(Purge(rev=gone.rev, username="alice", entity="product", entity_id="p-005"))
        s.delete(gone)
    with server.db.read() as s:
        user = s.scalar(select(User).where(User.username == "alice"))
        assert user is not None
        for req in (
            PullRequest(device_id="d", cursor=0, limit=3),
            PullRequest(device_id="d", cursor=2, limit=1000),
            PullRequest(device_id="d", cursor=0, limit=4, entities=["product"], upto=5),
            PullRequest(device_id="d", cursor=10_000, limit=5),
        ):
            body = feed.pull_json(s, user, req)
            assert PullResponse.model_validate_json(body) == feed.pull(s, user, req), req
            assert json.loads(body) == feed.pull(s, user, req).model_dump(mode="json")
        whole = feed.pull(s, user, PullRequest(device_id="d", cursor=0, limit=1000))
    assert [c.op for c in whole.changes].count("purge") == 1
    assert any(c.data and c.data.get("tags") == [1, {"a": None}] for c in whole.changes)


def test_the_today_phase_sends_todays_plan_and_its_customers_only(server: ServerHarness) -> None:
    from sync.server import feed
    from sync.server.models import User
    from sync.server.records import put

    today = dt.date.today()
    other = today - dt.timedelta(days=1)
    with server.db.write() as s:
        for plan, day, owner in (
            ("plan-today", today, "alice"),
            ("plan-old", other, "alice"),
            ("plan-bob", today, "bob"),
        ):
            put(s, "visit_plan", plan, {"id": plan, "plan_date": day.isoformat()}, owner=owner)
        for stop, plan, customer, owner in (
            ("s1", "plan-today", "c-today", "alice"),
            ("s2", "plan-today", None, "alice"),  # a stop without a customer
            ("s3", "plan-old", "c-old", "alice"),
            ("s4", "plan-bob", "c-bob", "bob"),
        ):
            data = {"id": stop, "plan_id": plan, "customer_id": customer}
            put(s, "visit_plan_stop", stop, data, owner=owner, customer_id=customer)
        for customer, owner in (("c-today", "alice"), ("c-old", "alice"), ("c-bob", "bob")):
            put(s, "customer", customer, {"id": customer}, owner=owner, customer_id=customer)
            put(
                s,
                "contact",
                f"k-{customer}",
                {"id": f"k-{customer}", "customer_id": customer},
                owner=owner,
                customer_id=customer,
            )
    req = PullRequest(
        device_id="d",
        cursor=0,
        limit=1000,
        entities=["visit_plan", "visit_plan_stop", "customer", "contact"],
        today_only=True,
    )
    with server.db.read() as s:
        alice = s.scalar(select(User).where(User.username == "alice"))
        assert alice is not None
        got = {(c.entity, c.id) for c in feed.pull(s, alice, req).changes}
        assert PullResponse.model_validate_json(feed.pull_json(s, alice, req)).changes == (
            feed.pull(s, alice, req).changes
        )
    assert got == {
        ("visit_plan", "plan-today"),
        ("visit_plan_stop", "s1"),
        ("customer", "c-today"),
        ("contact", "k-c-today"),
    }


# ---------------------------------------------------------------- stored form: fast date paths

_TIMES = [
    "2023-07-01T09:19:00+00:00",
    "2026-11-23T15:07:19.034715+00:00",
    "2023-07-01T09:19:00+08:00",
    "2023-W01-1T09:19:00+00:00",
    "20230701T091900.000+00:00",
    "2023-07-01 09:19:00+00:00",
    "2023-07-01T09:19:00",
]
_BAD_TIMES = [
    "2023-02-30T09:19:00+00:00",
    "2023-07-01T24:19:00+00:00",
    "2023-07-01T09:19:00.12345x+00:00",
    "2023-07-0xT09:19:00+00:00",
    "not a time at all........",
]


def _generic_stored(model: type[Any], key: str, value: Any) -> Any:
    column = model.__table__.c[key]
    from sqlalchemy.dialects import sqlite

    process = column.type._cached_bind_processor(sqlite.dialect())
    return process(from_json(model, key, value))


@pytest.mark.parametrize("value", _TIMES)
def test_a_time_in_the_servers_form_is_stored_as_the_generic_path_stores_it(
    workspace: Workspace, value: str
) -> None:
    convert = stored_converters(Customer, workspace.engine.dialect)["created_at"]
    assert convert(value) == _generic_stored(Customer, "created_at", value)


@pytest.mark.parametrize("value", _BAD_TIMES)
def test_a_malformed_time_is_refused_as_the_generic_path_refuses_it(
    workspace: Workspace, value: str
) -> None:
    convert = stored_converters(Customer, workspace.engine.dialect)["created_at"]
    with pytest.raises(ValueError):
        _generic_stored(Customer, "created_at", value)
    with pytest.raises(ValueError):
        convert(value)


@pytest.mark.parametrize("value", ["2025-06-30", "0099-01-02", "2023-W01-1", "20230701"])
def test_a_date_is_stored_as_the_generic_path_stores_it(workspace: Workspace, value: str) -> None:
    convert = stored_converters(Customer, workspace.engine.dialect)["expected_close"]
    assert convert(value) == _generic_stored(Customer, "expected_close", value)


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13-01", "2023-0x-01"])
def test_a_malformed_date_is_refused(workspace: Workspace, value: str) -> None:
    convert = stored_converters(Customer, workspace.engine.dialect)["expected_close"]
    with pytest.raises(ValueError):
        convert(value)
