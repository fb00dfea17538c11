"""Customer search with the trigram index: the same ids in the same order as a plain scan.

The oracle is the search as it was before the index (search_oracle.py). A few
thousand synthetic customers with crowded names, phones full of zeros and
codes sharing digits make every probe kind return many, few or no rows; each
query is compared with the index used, with the index never used (every
substring treated as too common) and with the index always used.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import pytest
from alembic import command
from sqlalchemy import delete, insert, select, text, update

from app import db
from app.db import transaction
from app.models import Customer, new_id
from app.outbox import REMOTE
from app.rules.pinyin import pinyin_keys
from app.services import customer_search, customers
from app.services.customer_search import SearchFilter, count_matches, fts_query, search_ids
from app.workspace import open_workspace
from tests.conftest import TEST_PASSPHRASE
from tests.unit.services import search_oracle

SURNAMES = "张王李赵杨黄冯曾玉"
WORDS = [
    "玉泉",
    "泉诚",
    "诚美",
    "红枫",
    "创源",
    "五金",
    "商贸",
    "有限",
    "公司",
    "100%",
    "A_B",
    'Q"Z',
]
NOW = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


def _name(rng: random.Random) -> str:
    if rng.random() < 0.3:  # a person: surname plus one or two given-name characters
        return rng.choice(SURNAMES) + "".join(
            rng.choice("杰洋辉美诚") for _ in range(rng.randint(1, 2))
        )
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))


def _phone(rng: random.Random) -> str | None:
    if rng.random() < 0.1:
        return None
    return (
        "1" + rng.choice("3458") + "0" + "0000" + f"{rng.randint(0, 9999):04d}"[: rng.randint(2, 4)]
    )


def add_synthetic(ws: Any, n: int, seed: int = 7) -> None:
    """``n`` customers as the sync pull inserts them: one executemany, no outbox."""
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        name = _name(rng)
        initials, full = pinyin_keys(name)
        phone = _phone(rng)
        rows.append(
            {
                "id": new_id(),
                "code": f"C{rng.randint(0, 99999):05d}-{i}",
                "name": name,
                "name_key": name,
                "kind": "company",
                "grade": rng.choice("ABCD"),
                "owner": "rep",
                "phone": phone,
                "phone_digits": phone,
                "archived": rng.random() < 0.1,
                "deleted_at": NOW if rng.random() < 0.05 else None,
                "pinyin_initials": initials,
                "pinyin_full": full,
                "created_at": NOW,
                "updated_at": NOW,
            }
        )
    with transaction(ws.sessions) as s:
        s.info[REMOTE] = True
        s.execute(insert(Customer), rows)


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A workspace with 3,000 crowded synthetic customers (shared: tests only read it)."""
    from app.workspace import create_workspace

    ws = create_workspace(tmp_path_factory.mktemp("search") / "ws", TEST_PASSPHRASE)
    add_synthetic(ws, 3000)
    yield ws
    ws.close()


QUERIES = [
    "",
    "玉",
    "玉泉",
    "玉泉诚",
    "泉诚美",
    "诚美",
    "公司有限",
    "杨",
    "杨杰",
    "曾洋辉",
    "100%",
    "A_B",
    "a_b",
    '"z',
    'q"z',
    "%",
    "_",
    "13",
    "130",
    "0000",
    "00000",
    "13000",
    "1300000",
    "150000012",
    "15000001234",
    "99999",
    "c0",
    "C1234",
    "c12-",
    "z",
    "zs",
    "ysc",
    "yuquan",
    "yuquancheng",
    "zhang",
    "hongfeng",
    "xyzzy",
    "１３０ ０",
]


def _compare(ws: Any, flt_args: dict[str, Any], limit: int, offset: int) -> None:
    new_flt = SearchFilter(**flt_args)
    old_flt = search_oracle.SearchFilter(**flt_args)
    with ws.sessions() as s:
        for q in QUERIES:
            want = search_oracle.search_ids(s, q, old_flt, limit, offset)
            assert search_ids(s, q, new_flt, limit, offset) == want, q
            assert count_matches(s, q, new_flt) == search_oracle.count_matches(s, q, old_flt), q


@pytest.mark.parametrize("dense", [2000, 0, 10**9], ids=["as-built", "never-index", "always"])
@pytest.mark.parametrize(
    ("flt_args", "limit", "offset"),
    [
        ({}, 200, 0),
        ({}, 20, 0),
        ({}, 30, 25),
        ({"include_archived": True}, 200, 0),
        ({"grade": "B"}, 50, 0),
    ],
)
def test_same_results_and_order_as_a_plain_scan(
    crowded: Any,
    monkeypatch: pytest.MonkeyPatch,
    dense: int,
    flt_args: dict[str, Any],
    limit: int,
    offset: int,
) -> None:
    monkeypatch.setattr(customer_search, "FTS_DENSE", dense)
    _compare(crowded, flt_args, limit, offset)


def test_an_empty_page_is_empty(crowded: Any) -> None:
    with crowded.sessions() as s:
        assert search_ids(s, "玉", SearchFilter(), 0, 0) == []


def _indexed(ws: Any, field: str, fragment: str) -> list[int]:
    """Rowids the trigram index holds for ``fragment`` (3+ characters) in ``field``."""
    with ws.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT rowid FROM customer_search WHERE customer_search MATCH :m"),
            {"m": fts_query(field, fragment)},
        )
        return [r[0] for r in rows]


def _rowid(ws: Any, cid: str) -> int:
    with ws.engine.connect() as conn:
        return int(
            conn.execute(text("SELECT rowid FROM customer WHERE id = :i"), {"i": cid}).scalar_one()
        )


def test_index_follows_create_edit_and_purge(workspace: Any) -> None:
    saved = customers.create_customer(
        workspace, customers.CustomerInput(name="红枫创源五金", phone="139 0000 5678")
    ).customer
    rowid = _rowid(workspace, saved.id)
    assert _indexed(workspace, "name", "创源五") == [rowid]
    assert _indexed(workspace, "phone_digits", "0005678") == [rowid]
    assert _indexed(workspace, "code", saved.code[-3:]) == [rowid]
    data = customers.customer_input_of(workspace, saved.id)
    customers.update_customer(
        workspace, saved.id, customers.CustomerInput(**{**data.__dict__, "name": "玉泉诚美商贸"})
    )
    assert _indexed(workspace, "name", "创源五") == []
    assert _indexed(workspace, "name", "诚美商") == [rowid]
    assert [r.id for r in customers.search_customers(workspace, "泉诚美")] == [saved.id]
    assert customers.search_customers(workspace, "创源五") == []
    with transaction(workspace.sessions) as s:  # a purge as the sync pull makes it
        s.info[REMOTE] = True
        s.execute(delete(Customer).where(Customer.id == saved.id))
    assert _indexed(workspace, "name", "诚美商") == []


def test_index_follows_bulk_insert_and_core_update(workspace: Any) -> None:
    add_synthetic(workspace, 50, seed=3)
    with workspace.engine.connect() as conn:
        counted = conn.execute(text("SELECT count(*) FROM customer_search")).scalar_one()
    assert counted == 50
    with transaction(workspace.sessions) as s:
        s.info[REMOTE] = True
        s.execute(update(Customer).values(phone_digits="12345678901"))
    assert len(_indexed(workspace, "phone_digits", "5678901")) == 50
    assert len(customers.search_customers(workspace, "45678901", include_archived=True)) > 0


def test_fts_query_prefers_varied_trigrams_and_quotes() -> None:
    assert fts_query("phone_digits", "13000004567") == 'phone_digits : ("130" AND "004" AND "567")'
    assert fts_query("code", "0000") == 'code : ("000")'
    assert fts_query("name", 'a"bc') == 'name : ("a""b" AND """bc")'


def test_upgrade_builds_the_index_for_existing_customers(workspace: Any) -> None:
    add_synthetic(workspace, 200, seed=5)
    cfg = db.alembic_config()
    with workspace.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
        gone = conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE name LIKE 'customer_search%'")
        )
        assert gone.scalar_one() == 0
    path = workspace.path
    workspace.close()
    ws = open_workspace(path, TEST_PASSPHRASE)
    try:
        assert db.current_revision(ws.engine) == db.head_revision()
        with ws.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM customer_search")).scalar_one() == 200
        with ws.sessions() as s:
            some = s.scalars(
                select(Customer.phone_digits).where(Customer.phone_digits.is_not(None))
            ).first()
            assert some is not None
            found = search_ids(s, some[-6:], SearchFilter(include_archived=True), 200, 0)
            oracle = search_oracle.search_ids(
                s, some[-6:], search_oracle.SearchFilter(include_archived=True), 200, 0
            )
            assert found == oracle and found
        assert (path / "backups").is_dir() and any((path / "backups").iterdir())
    finally:
        ws.close()


@pytest.mark.parametrize("at_most", [0, 1, 50, 10**6])
def test_bounded_count_is_the_count_capped(crowded: Any, at_most: int) -> None:
    flt = SearchFilter()
    with crowded.sessions() as s:
        for q in QUERIES:
            full = search_oracle.count_matches(s, q, search_oracle.SearchFilter())
            assert count_matches(s, q, flt, at_most) == min(full, at_most), q
    assert customers.count_customers(crowded, "玉", at_most=10) == 10
    assert customers.count_customers(crowded, "xyzzy", at_most=10) == 0


def test_vacuum_into_keeps_rowids_so_a_restored_backup_searches_the_same(
    workspace: Any, tmp_path: Any
) -> None:
    """The index is keyed by the customer's rowid: a pre-migration backup (VACUUM INTO)
    must keep them, gaps left by purges included."""
    add_synthetic(workspace, 300, seed=11)
    with transaction(workspace.sessions) as s:
        s.info[REMOTE] = True
        s.execute(delete(Customer).where(text("customer.rowid % 3 = 0")))
    target = tmp_path / "copy.db"
    with workspace.engine.connect() as conn:
        before = conn.execute(text("SELECT rowid, id FROM customer ORDER BY id")).all()
    raw = workspace.engine.raw_connection()  # as app.backup.pre_migration_backup does
    try:
        raw.driver_connection.execute("VACUUM INTO ?", (str(target),))  # type: ignore[union-attr]
    finally:
        raw.close()
    copy = db.connect_raw(target, workspace.key)
    try:
        assert [tuple(r) for r in copy.execute("SELECT rowid, id FROM customer ORDER BY id")] == [
            tuple(r) for r in before
        ]
        assert copy.execute("SELECT count(*) FROM customer_search").fetchone()[0] == len(before)
    finally:
        copy.close()
