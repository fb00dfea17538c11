"""Pulled updates of rows the laptop has, written in bulk (``sync.pull_update``).

The guarantee: a page of updates applied in bulk leaves every column of every
table stored byte for byte as the row-by-row ORM path leaves it (values that
change, values equal in another form, nulls, the merge base, the fields the
laptop owns), skips what is already here, refuses bad values with nothing kept,
and keeps the search index in step.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, CheckConstraint, UniqueConstraint, func, inspect, select

from app.models import Customer, Product, ReceiptBlock, synced_models
from app.models.base import Money, UTCDateTime
from app.seed import seed
from app.services.customer_search import SearchFilter, search_ids
from app.workspace import Workspace
from sync import local
from sync import pull as pull_module
from sync.protocol import Change
from sync.pull import apply_change, apply_page
from tests.sync.harness import make_workspace
from tests.sync.test_pull_fast import _changes_of, _stored

MODELS = synced_models()
# Columns whose value the test keeps: keys, references and coded values (CHECK lists).
_KEEP = {"id", "code", "no", "receipt_no"}


@pytest.fixture(scope="module")
def base_rows(tmp_path_factory: pytest.TempPathFactory) -> list[Change]:
    """A small seeded company (every synced table, every column type) as wire changes."""
    ws = make_workspace(tmp_path_factory.mktemp("src") / "ws")
    try:
        seed(ws, customers=12, products=8, seed=11, today=dt.date(2025, 6, 30))
        return _changes_of(ws)
    finally:
        ws.close()


def _fixed(table: Any) -> set[str]:
    """Columns the test keeps: keys, references, unique and CHECKed columns."""
    text = " ".join(str(c.sqltext) for c in table.constraints if isinstance(c, CheckConstraint))
    unique = [c.columns for c in table.constraints if isinstance(c, UniqueConstraint)]
    unique += [i.columns for i in table.indexes if i.unique]
    return (
        _KEEP
        | {c.name for c in table.columns if c.name in text or c.foreign_keys}
        | {c.name for cols in unique for c in cols}
    )


def _vary(entity: str, data: dict[str, Any], i: int) -> dict[str, Any]:
    """Another valid version of a row: changed values, equal values in another form, nulls."""
    model = MODELS[entity]
    table = model.__table__  # type: ignore[attr-defined]
    fixed = _fixed(table)
    out = dict(data)
    columns = {a.key: a.columns[0] for a in inspect(model).column_attrs}
    for key, value in data.items():
        column = columns.get(key)
        if column is None or key in fixed or key in ("server_rev", "sync_base"):
            continue
        ctype, mode = column.type, (i + len(key)) % 4
        if value is None:
            continue
        if mode == 0 and column.nullable and not isinstance(ctype, JSON):
            out[key] = None
        elif isinstance(ctype, Money):  # mode 1: the same amount written longer
            amount = Decimal(str(value))
            out[key] = f"{amount:.4f}" if mode == 1 else str(amount + Decimal("1.5"))
        elif isinstance(ctype, UTCDateTime):  # another offset, the same or a later instant
            when = dt.datetime.fromisoformat(value) + dt.timedelta(hours=mode - 1)
            out[key] = when.astimezone(dt.timezone(dt.timedelta(hours=8))).isoformat()
        elif isinstance(ctype, JSON) and isinstance(value, dict):  # reordered, or one more key
            out[key] = dict(reversed(value.items())) if mode == 1 else {**value, "k": i}
        elif isinstance(value, bool):
            out[key] = value if mode == 1 else not value
        elif isinstance(value, int):
            out[key] = value + (mode != 1)
        elif isinstance(value, str) and re.fullmatch("[a-z_]+", value):
            continue  # a coded value (status, kind): the app checks the list
        elif isinstance(value, str) and getattr(ctype, "python_type", None) is str:
            out[key] = value if mode == 1 else f"{value}·改{i}"
        elif isinstance(value, str) and len(value) == 10 and value[4] == "-":  # a date
            out[key] = (dt.date.fromisoformat(value) + dt.timedelta(days=mode)).isoformat()
    return out


def _updates(rows: list[Change]) -> list[Change]:
    """Every row again, a later revision: a quarter unchanged, the rest varied."""
    out = []
    for i, change in enumerate(rows):
        assert change.data is not None
        data = change.data if i % 4 == 0 else _vary(change.entity, change.data, i)
        out.append(change.model_copy(update={"rev": 10_000 + i, "data": data}))
    return out


def _two(tmp_path: Path, rows: list[Change]) -> tuple[Workspace, Workspace]:
    """Two workspaces holding ``rows`` (inserted in bulk: equal to row by row, tested)."""
    pair = make_workspace(tmp_path / "orm"), make_workspace(tmp_path / "bulk")
    for ws in pair:
        with local.remote_tx(ws, durable=False) as s:
            apply_page(s, rows)
    return pair


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Rows applied by the bulk update path, per call."""
    calls: list[int] = []
    real = pull_module.update_rows

    def spy(*args: Any, **kwargs: Any) -> tuple[int, list[Change]]:
        result = real(*args, **kwargs)
        calls.append(result[0])
        return result

    monkeypatch.setattr(pull_module, "update_rows", spy)
    return calls


def test_bulk_updates_store_byte_for_byte_what_the_row_by_row_path_stores(
    base_rows: list[Change], tmp_path: Path, counted: list[int]
) -> None:
    updates = _updates(base_rows)
    one_by_one, bulk = _two(tmp_path, base_rows)
    try:
        before = _stored(bulk)
        with local.remote_tx(one_by_one) as s:
            for change in updates:
                assert apply_change(s, change) == "applied"
                s.flush()
        with local.remote_tx(bulk) as s:
            assert apply_page(s, updates) == (len(updates), 0)
        assert counted == [len(updates)]  # every row went the bulk way
        expected, got = _stored(one_by_one), _stored(bulk)
        # (a new workspace also holds its own provisional receipt block: compare the sent ones)
        sent = {f"'{c.id}'" for c in updates if c.entity == "receipt_block"}
        at = 2 * [c.name for c in ReceiptBlock.__table__.columns].index("id")
        for stored in (expected, got, before):
            stored["receipt_block"] = [r for r in stored["receipt_block"] if r[at] in sent]
        for table in expected:
            assert got[table] == expected[table], table
        # the updates really changed every table that has rows
        assert [t for t in got if before[t] and got[t] == before[t]] == []
    finally:
        one_by_one.close()
        bulk.close()


def test_equal_values_in_another_form_keep_the_stored_form(
    base_rows: list[Change], tmp_path: Path
) -> None:
    product = next(c for c in base_rows if c.entity == "product")
    assert product.data is not None
    longer = {**product.data, "list_price": f"{Decimal(product.data['list_price']):.4f}"}
    ws = make_workspace(tmp_path / "ws")
    try:
        with local.remote_tx(ws) as s:
            apply_page(s, [product])
        with local.remote_tx(ws) as s:
            apply_page(s, [product.model_copy(update={"rev": 100_500, "data": longer})])
        with ws.engine.connect() as conn:
            stored = conn.exec_driver_sql(
                "SELECT list_price, server_rev FROM product WHERE id = ?", (product.id,)
            ).one()
        assert tuple(stored) == (product.data["list_price"], 100_500)
    finally:
        ws.close()


def test_the_receipt_block_keeps_the_laptops_next_number(
    base_rows: list[Change], tmp_path: Path, counted: list[int]
) -> None:
    block = next(c for c in base_rows if c.entity == "receipt_block")
    ws = make_workspace(tmp_path / "ws")
    try:
        with local.remote_tx(ws) as s:
            apply_page(s, [block])
        with ws.sessions() as s:
            mine = s.get(ReceiptBlock, block.id)
            assert mine is not None
            next_no = mine.next_no
        assert block.data is not None
        sent = {**block.data, "next_no": next_no + 7}
        with local.remote_tx(ws) as s:
            assert apply_page(s, [block.model_copy(update={"rev": 100_900, "data": sent})]) == (
                1,
                0,
            )
        assert counted == [1]
        with ws.sessions() as s:
            mine = s.get(ReceiptBlock, block.id)
            assert mine is not None and mine.next_no == next_no and mine.server_rev == 100_900
    finally:
        ws.close()


def test_a_change_at_or_below_the_rows_revision_is_skipped(
    base_rows: list[Change], tmp_path: Path, counted: list[int]
) -> None:
    product = next(c for c in base_rows if c.entity == "product")
    assert product.data is not None
    ws = make_workspace(tmp_path / "ws")
    try:
        with local.remote_tx(ws) as s:
            apply_page(s, [product.model_copy(update={"rev": 50})])
        stale = [
            product.model_copy(update={"rev": rev, "data": {**product.data, "name": "old"}})
            for rev in (50, 49)
        ]
        for change in stale:
            with local.remote_tx(ws) as s:
                assert apply_page(s, [change]) == (0, 0)
        assert counted == [0, 0]
        with ws.sessions() as s:
            row = s.get(Product, product.id)
            assert row is not None and row.name == product.data["name"] and row.server_rev == 50
    finally:
        ws.close()


def test_a_bad_value_is_refused_and_nothing_of_the_page_stays(
    base_rows: list[Change], tmp_path: Path
) -> None:
    products = [c for c in base_rows if c.entity == "product"][:2]
    ws = make_workspace(tmp_path / "ws")
    try:
        with local.remote_tx(ws) as s:
            apply_page(s, products)
        good, bad = (
            c.model_copy(update={"rev": 100_700 + i, "data": {**(c.data or {}), **change}})
            for i, (c, change) in enumerate(
                zip(products, ({"name": "renamed"}, {"list_price": "NaN"}), strict=True)
            )
        )
        with pytest.raises(ValueError, match="finite"), local.remote_tx(ws) as s:
            apply_page(s, [good, bad])
        with ws.sessions() as s:
            names = set(s.scalars(select(Product.name)))
            assert "renamed" not in names
            assert s.scalar(select(func.max(Product.server_rev))) < 100_700
    finally:
        ws.close()


def test_the_search_index_follows_a_bulk_rename(
    base_rows: list[Change], tmp_path: Path, counted: list[int]
) -> None:
    customer = next(c for c in base_rows if c.entity == "customer")
    assert customer.data is not None
    ws = make_workspace(tmp_path / "ws")
    try:
        with local.remote_tx(ws) as s:
            apply_page(s, [customer])
        renamed = {**customer.data, "name": "泽风湾商贸", "phone_digits": "13987650123"}
        with local.remote_tx(ws) as s:
            apply_page(s, [customer.model_copy(update={"rev": 100_800, "data": renamed})])
        assert counted == [1]
        with ws.sessions() as s:
            for query in ("风湾商", "98765012"):
                assert search_ids(s, query, SearchFilter(include_archived=True), 10, 0) == [
                    customer.id
                ]
    finally:
        ws.close()


def test_a_page_that_purges_goes_row_by_row(
    base_rows: list[Change], tmp_path: Path, counted: list[int]
) -> None:
    """A purge's cascade could remove a row the bulk path already wrote: keep the order."""
    customers = [c for c in base_rows if c.entity == "customer"][:2]
    ws = make_workspace(tmp_path / "ws")
    try:
        with local.remote_tx(ws) as s:
            apply_page(s, customers)
        first, second = customers
        assert first.data is not None
        page = [
            first.model_copy(update={"rev": 100_900, "data": {**first.data, "notes": "kept"}}),
            Change(rev=100_901, entity="customer", id=second.id, op="purge"),
        ]
        with local.remote_tx(ws) as s:
            assert apply_page(s, page) == (1, 1)
        assert counted == []
        with ws.sessions() as s:
            assert s.get(Customer, second.id) is None
            kept = s.get(Customer, first.id)
            assert kept is not None and kept.notes == "kept"
            assert json.loads(json.dumps(kept.sync_base))["notes"] == "kept"
    finally:
        ws.close()
