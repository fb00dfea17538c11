"""Pull pages applied from plain JSON (``sync.pull_raw``): the same rows, the same errors.

A page parsed with ``json.loads`` and its new rows inserted in bulk must leave
the laptop byte for byte as the validated path (``PullResponse`` and
``sync.pull.apply_page``) leaves it: rows the laptop has, pending local edits,
purges, rows named twice, a void replacing a local one. A page of any other
shape goes through ``PullResponse``: it is coerced, or refused, exactly as
before.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.dialects import sqlite

from app import db
from app.models import Customer, OutboxEntry, Product, ReceiptBlock, ReceiptVoid
from app.seed import seed
from app.workspace import Workspace
from sync import local
from sync.protocol import Change, PullResponse
from sync.pull import apply_change, apply_page
from sync.pull_raw import RawPage, apply_raw_page, parse_page, with_prepared
from tests.sync.harness import make_workspace
from tests.sync.test_pull_fast import _changes_of, _stored


@pytest.fixture(scope="module")
def wire(tmp_path_factory: pytest.TempPathFactory) -> list[Change]:
    """A small seeded company (every synced table, every column type) as wire changes."""
    ws = make_workspace(tmp_path_factory.mktemp("src") / "ws")
    try:
        seed(ws, customers=12, products=8, seed=11, today=dt.date(2025, 6, 30))
        changes = _changes_of(ws)
    finally:
        ws.close()
    product = next(c for c in changes if c.entity == "product")
    assert product.data is not None
    product.data["list_price"] = "12.5"
    product.data["created_at"] = "2024-02-19T16:30:00+08:00"
    product.data["updated_at"] = "2024-02-19T08:30:00"
    customer = next(c for c in changes if c.entity == "customer")
    assert customer.data is not None
    customer.data["name"] = 'Odd "quoted" \\ 名字 \u2028 tab\t'
    customer.data["deleted_at"] = "2025-01-02T03:04:05.123456+00:00"
    return changes


def _body(changes: list[Change], cursor: int = 7, more: bool = True) -> bytes:
    """A page as the server writes it."""
    page = PullResponse(changes=changes, cursor=cursor, more=more, head=99)
    return page.model_dump_json().encode("utf-8")


def _raw(changes: list[Change], ahead: bool = False) -> RawPage:
    """The page parsed as the client parses it; ``ahead``: its new rows prepared too."""
    page = parse_page(_body(changes))
    if ahead:
        page = with_prepared(page, sqlite.dialect())
    assert isinstance(page, RawPage)
    assert (page.prepared is not None) == ahead
    return page


def _without_receipt_block(ws: Workspace, wire: list[Change]) -> dict[str, list[Any]]:
    """``_stored`` of every table, the new workspace's own receipt block left out."""
    got = _stored(ws)
    ids = {f"'{c.id}'" for c in wire if c.entity == "receipt_block"}
    at = 2 * [c.name for c in ReceiptBlock.__table__.columns].index("id")
    got["receipt_block"] = [r for r in got["receipt_block"] if r[at] in ids]
    return got


# ---------------------------------------------------------------- parsing


def test_a_plain_page_is_read_as_plain_changes(wire: list[Change]) -> None:
    page = _raw(wire[:5])
    assert (page.cursor, page.more, page.head) == (7, True, 99)
    assert page.changes == [c.model_dump() for c in wire[:5]]


def test_plain_values_are_read_as_the_validator_reads_them() -> None:
    data = (
        b'{"a":0.1,"b":1e300,"c":-0.0,"d":123456789012345678901234567890,"e":"\\ud83d\\ude00",'
        b'"f":"\\u5f20\\n\\"\\\\\\/","g":[1,{"h":null}],"i":true,"j":"\xe5\xbc\xa0","k":1,"k":2}'
    )
    body = (
        b'{"changes":[{"rev":5,"entity":"product","id":"p","op":"upsert","data":'
        + data
        + b'}],"cursor":5,"more":false,"head":5}'
    )
    page = parse_page(body)
    assert isinstance(page, RawPage)
    expected = PullResponse.model_validate_json(body).model_dump()["changes"]
    assert page.changes == expected
    assert [repr(v) for v in page.changes[0]["data"].values()] == [
        repr(v) for v in expected[0]["data"].values()
    ]


@pytest.mark.parametrize(
    "body",
    [
        b'{"changes":[{"rev":"5","entity":"product","id":"p","op":"upsert","data":{}}],'
        b'"cursor":5,"more":false,"head":5}',  # a number as text: PullResponse coerces it
        b'{"changes":[{"rev":5,"entity":"product","id":"p","op":"purge"}],'
        b'"cursor":5,"more":false,"head":5}',  # data left out: PullResponse fills None in
        b'{"changes":[],"cursor":5.0,"more":false,"head":5}',  # a float cursor
        b'{"changes":[],"cursor":5,"more":0,"head":5}',  # a number for more
    ],
)
def test_a_page_of_another_shape_is_validated_as_before(body: bytes) -> None:
    page = parse_page(body)
    assert isinstance(page, PullResponse)
    assert page == PullResponse.model_validate_json(body)


@pytest.mark.parametrize(
    "body",
    [
        b'{"changes":[{"rev":5,"entity":"product","id":"p","op":"drop","data":null}],'
        b'"cursor":5,"more":false,"head":5}',  # an unknown op
        b'{"changes":[{"rev":5,"entity":"product","id":"p","op":"upsert","data":[]}],'
        b'"cursor":5,"more":false,"head":5}',  # data not an object
        b'{"changes":[{"rev":5,"entity":"product","id":"p","op":"upsert","data":{},"x":1}],'
        b'"cursor":5,"more":false,"head":5}',  # an extra key
        b'{"changes":[],"cursor":5,"more":false,"head":5,"extra":1}',
        b'{"changes":[{"rev":5,"entity":"product","id":"p","op":"upsert",'
        b'"data":{"name":"\\ud800"}}],"cursor":5,"more":false,"head":5}',  # a lone surrogate
        b'{"changes":[{"rev":5,"entity":"product","id":"p","op":"upsert",',  # cut short
        b'{"changes":[{"rev":NaN,"entity":"product","id":"p","op":"upsert","data":{}}],'
        b'"cursor":5,"more":false,"head":5}',
        b"[]",
    ],
)
def test_a_bad_page_is_refused_with_the_validators_error(body: bytes) -> None:
    with pytest.raises(ValidationError) as expected:
        PullResponse.model_validate_json(body)
    with pytest.raises(ValidationError) as got:
        parse_page(body)
    assert str(got.value) == str(expected.value)


# ---------------------------------------------------------------- new rows


@pytest.mark.parametrize("ahead", [False, True], ids=["in-transaction", "prepared-ahead"])
def test_new_rows_are_stored_byte_for_byte_as_the_row_by_row_path_stores_them(
    wire: list[Change], tmp_path: Path, ahead: bool
) -> None:
    one_by_one = make_workspace(tmp_path / "orm")
    raw = make_workspace(tmp_path / "raw")
    try:
        with local.remote_tx(one_by_one) as s:
            for change in wire:
                assert apply_change(s, change) == "applied"
                s.flush()
        with local.remote_tx(raw, durable=False) as s:
            assert apply_raw_page(s, _raw(wire, ahead)) == (len(wire), 0)
        expected = _without_receipt_block(one_by_one, wire)
        got = _without_receipt_block(raw, wire)
        assert sum(map(len, got.values())) == len(wire)
        for table in expected:
            assert got[table] == expected[table], table
    finally:
        one_by_one.close()
        raw.close()


@pytest.mark.parametrize("ahead", [False, True], ids=["in-transaction", "prepared-ahead"])
def test_a_value_the_column_refuses_fails_the_page_and_stores_nothing(
    wire: list[Change], tmp_path: Path, ahead: bool
) -> None:
    products = [c for c in wire if c.entity == "product"]
    assert products[1].data is not None
    bad = products[1].model_copy(update={"data": {**products[1].data, "list_price": "NaN"}})
    ws = make_workspace(tmp_path / "raw")
    try:
        for _ in range(2):  # refused again: a refusal is never remembered as a result
            with pytest.raises(ValueError, match="finite"), local.remote_tx(ws) as s:
                apply_raw_page(s, _raw([products[0], bad], ahead))
        with ws.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Product)) == 0
    finally:
        ws.close()


# ---------------------------------------------------------------- rows the laptop has


def _laptop(path: Path, wire: list[Change]) -> Workspace:
    """A laptop holding ``wire``, with a pending local edit of the first customer's notes."""
    ws = make_workspace(path)
    with local.remote_tx(ws) as s:
        apply_page(s, wire)
    customer = next(c for c in wire if c.entity == "customer")
    with db.transaction(ws.sessions) as s:
        s.add(
            OutboxEntry(
                entity="customer", entity_id=customer.id, op="update", payload={}, changed=["notes"]
            )
        )
    return ws


def _mixed_page(wire: list[Change]) -> list[Change]:
    """Updates (one of a row with a pending field), a stale one, a purge, rows named
    twice (one new), new rows, a row with a key no column has, a void replacing a local one."""
    customers = [c for c in wire if c.entity == "customer"]
    products = [c for c in wire if c.entity == "product"]
    voids = [c for c in wire if c.entity == "receipt_void"]
    assert len(customers) >= 4 and len(products) >= 3 and voids
    rev = max(c.rev for c in wire) + 1

    def changed(change: Change, rev: int, **data: Any) -> Change:
        assert change.data is not None
        return change.model_copy(update={"rev": rev, "data": {**change.data, **data}})

    def new(change: Change, rev: int, new_id: str, **data: Any) -> Change:
        assert change.data is not None
        body = {**change.data, "id": new_id, **data}
        return change.model_copy(update={"rev": rev, "id": new_id, "data": body})

    void = voids[0]
    assert void.data is not None
    return [
        changed(customers[0], rev, notes="server notes", address="server address"),
        changed(customers[1], rev + 1, notes="first"),
        changed(customers[1], rev + 2, notes="second"),
        changed(customers[2], 1, notes="stale"),  # older than what is here: skipped
        Change(rev=rev + 3, entity="product", id=products[0].id, op="purge"),
        new(products[1], rev + 4, "p-new-1", code="PNEW1", name="New one"),
        new(customers[3], rev + 5, "c-new-1", code="CNEW1", name="New customer"),
        new(customers[3], rev + 6, "c-new-2", code="CNEW2", hobby="a key no column has"),
        new(void, rev + 7, "void-from-another-laptop"),  # the same receipt, another id
        new(products[2], rev + 8, "p-new-2", code="PNEW2", list_price="3.50"),
        new(products[2], rev + 9, "p-new-2", code="PNEW2", name="New, then renamed"),
    ]


@pytest.mark.parametrize("ahead", [False, True], ids=["in-transaction", "prepared-ahead"])
def test_a_page_with_rows_the_laptop_has_is_applied_as_apply_page_applies_it(
    wire: list[Change], tmp_path: Path, ahead: bool
) -> None:
    page = _mixed_page(wire)
    validated, raw = _laptop(tmp_path / "a", wire), _laptop(tmp_path / "b", wire)
    try:
        with local.remote_tx(validated, durable=False) as s:
            expected = apply_page(s, page)
        with local.remote_tx(raw, durable=False) as s:
            got = apply_raw_page(s, _raw(page, ahead))
        assert got == expected == (len(page) - 2, 1)  # all but the stale one and the purge
        stored_a, stored_b = _stored(validated), _stored(raw)
        for table in stored_a:
            if table != "receipt_block":  # each new workspace has its own provisional block
                assert stored_b[table] == stored_a[table], table
        with raw.sessions() as s:
            notes = dict(s.execute(select(Customer.id, Customer.notes)).all())
            void_ids = set(s.scalars(select(ReceiptVoid.id)))
        customers = [c for c in wire if c.entity == "customer"]
        assert customers[0].data is not None
        assert notes[customers[0].id] == customers[0].data["notes"]  # pending: kept
        assert notes[customers[1].id] == "second"
        assert "c-new-1" in notes and "c-new-2" in notes
        assert "void-from-another-laptop" in void_ids
    finally:
        validated.close()
        raw.close()


def test_a_row_present_on_the_laptop_is_never_inserted_again(
    wire: list[Change], tmp_path: Path
) -> None:
    products = [c for c in wire if c.entity == "product"]
    ws = make_workspace(tmp_path / "raw")
    try:
        with local.remote_tx(ws) as s:
            apply_raw_page(s, _raw(products[:2]))
        again = [p.model_copy(update={"rev": p.rev + 1000}) for p in products[:3]]
        with local.remote_tx(ws) as s:
            assert apply_raw_page(s, _raw(again)) == (3, 0)
        with ws.sessions() as s:
            revs = dict(s.execute(select(Product.id, Product.server_rev)).all())
        assert revs == {p.id: p.rev for p in again}
    finally:
        ws.close()


def test_the_stored_json_of_a_raw_page_is_what_the_server_sent(wire: list[Change]) -> None:
    page = _raw(wire)
    assert [json.dumps(c["data"]) for c in page.changes] == [json.dumps(c.data) for c in wire]


def test_equal_numbers_of_other_types_are_stored_each_in_its_own_form(
    wire: list[Change], tmp_path: Path
) -> None:
    products = [c for c in wire if c.entity == "product"][:3]
    page = []
    for change, price in zip(products, [7, 7.0, "7"], strict=True):
        assert change.data is not None
        page.append(change.model_copy(update={"data": {**change.data, "list_price": price}}))
    ws = make_workspace(tmp_path / "raw")
    try:
        with local.remote_tx(ws) as s:
            apply_raw_page(s, _raw(page))
        with ws.engine.connect() as conn:
            stored = dict(conn.exec_driver_sql("SELECT id, list_price FROM product").all())
        assert [stored[c.id] for c in products] == ["7", "7.0", "7"]
    finally:
        ws.close()


def test_a_refused_value_in_a_field_kept_locally_fails_nothing(
    wire: list[Change], tmp_path: Path
) -> None:
    # The laptop has the customer and a pending edit of its credit limit: the server's
    # value of that field is not taken, so nothing converts it (as in apply_page).
    customer = next(c for c in wire if c.entity == "customer")
    assert customer.data is not None
    sent = customer.model_copy(
        update={"rev": 100_000, "data": {**customer.data, "credit_limit": "NaN", "notes": "new"}}
    )
    ws = make_workspace(tmp_path / "raw")
    try:
        with local.remote_tx(ws) as s:
            apply_page(s, [customer])
        with db.transaction(ws.sessions) as s:
            s.add(
                OutboxEntry(
                    entity="customer",
                    entity_id=customer.id,
                    op="update",
                    payload={},
                    changed=["credit_limit"],
                )
            )
        with local.remote_tx(ws) as s:
            assert apply_raw_page(s, _raw([sent], ahead=True)) == (1, 0)
        with ws.sessions() as s:
            row = s.get(Customer, customer.id)
            assert row is not None and row.notes == "new" and row.server_rev == 100_000
            assert str(row.credit_limit) != "NaN"
    finally:
        ws.close()
