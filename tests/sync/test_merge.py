"""Three-way merge of master data, conflicts kept in the inbox, delete vs edit."""

from __future__ import annotations

from pathlib import Path

from app.models import Customer
from app.workspace import Workspace
from sync.client import list_conflicts, rejected_items, resolve_conflict
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


def _two_laptops(server: ServerHarness, tmp_path: Path) -> tuple[Workspace, Workspace, str]:
    """Alice's two laptops sharing one customer, both synced."""
    a, a2 = make_workspace(tmp_path / "a"), make_workspace(tmp_path / "a2")
    login_rep(a, server, "alice")
    login_rep(a2, server, "alice")
    cust = add_customer(a, "alice", "Shop", address="Old street 1", phone="0571-1234567")
    sync(a)
    sync(a2)
    return a, a2, cust


def test_changes_to_different_fields_merge_silently(server: ServerHarness, tmp_path: Path) -> None:
    a, a2, cust = _two_laptops(server, tmp_path)
    edit(a, Customer, cust, address="New street 9")
    edit(a2, Customer, cust, grade="B")
    sync(a)
    report = sync(a2)
    assert report.merged == 1 and report.conflicts == 0
    sync(a)
    for ws in (a, a2):
        row = get(ws, Customer, cust)
        assert (row.address, row.grade) == ("New street 9", "B")
    assert server_row(server, "customer", cust)["grade"] == "B"  # type: ignore[index]
    assert list_conflicts(a) == list_conflicts(a2) == []
    a.close()
    a2.close()


def test_same_field_changed_on_both_sides_is_a_conflict_keeping_both_values(
    server: ServerHarness, tmp_path: Path
) -> None:
    a, a2, cust = _two_laptops(server, tmp_path)
    edit(a, Customer, cust, address="First street")
    edit(a2, Customer, cust, address="Second street", grade="C")
    sync(a)
    report = sync(a2)
    assert report.conflicts == 1
    [conflict] = list_conflicts(a2)
    assert (conflict.field, conflict.local_value, conflict.remote_value, conflict.base_value) == (
        "address",
        "Second street",
        "First street",
        "Old street 1",
    )
    assert server_row(server, "customer", cust)["address"] == "First street"  # type: ignore[index]
    assert server_row(server, "customer", cust)["grade"] == "C"  # type: ignore[index]
    assert get(a2, Customer, cust).address == "First street"  # shows the agreed value
    resolve_conflict(a2, conflict.id, "local")
    assert list_conflicts(a2) == []
    assert sync(a2).conflicts == 0
    sync(a)
    assert server_row(server, "customer", cust)["address"] == "Second street"  # type: ignore[index]
    assert get(a, Customer, cust).address == "Second street"
    a.close()
    a2.close()


def test_resolving_with_a_new_value_or_remote(server: ServerHarness, tmp_path: Path) -> None:
    a, a2, cust = _two_laptops(server, tmp_path)
    edit(a, Customer, cust, address="A1", phone="0571-7654321")
    edit(a2, Customer, cust, address="B1", phone="0571-1111111")
    sync(a)
    sync(a2)
    by_field = {c.field: c for c in list_conflicts(a2)}
    resolve_conflict(a2, by_field["address"].id, "value", "Agreed street 5")
    resolve_conflict(a2, by_field["phone"].id, "remote")
    sync(a2)
    sync(a)
    row = server_row(server, "customer", cust)
    assert (row["address"], row["phone"]) == ("Agreed street 5", "0571-7654321")  # type: ignore[index]
    assert get(a, Customer, cust).address == "Agreed street 5"
    a.close()
    a2.close()


def test_delete_against_an_unseen_edit_is_a_conflict_not_a_silent_delete(
    server: ServerHarness, tmp_path: Path
) -> None:
    from app.models import utcnow

    a, a2, cust = _two_laptops(server, tmp_path)
    edit(a, Customer, cust, notes="important")
    edit(a2, Customer, cust, deleted_at=utcnow())
    sync(a)
    report = sync(a2)
    assert report.conflicts == 1
    [conflict] = list_conflicts(a2)
    assert conflict.field == "deleted_at" and conflict.remote_value is None
    assert server_row(server, "customer", cust)["deleted_at"] is None  # type: ignore[index]
    back = get(a2, Customer, cust)
    assert back.deleted_at is None and back.notes == "important"
    resolve_conflict(a2, conflict.id, "local")  # delete it after all, having seen the edit
    sync(a2)
    assert server_row(server, "customer", cust)["deleted_at"] is not None  # type: ignore[index]
    sync(a)
    assert get(a, Customer, cust).deleted_at is not None
    a.close()
    a2.close()


def test_edit_against_a_delete_is_a_conflict_and_can_restore(
    server: ServerHarness, tmp_path: Path
) -> None:
    from app.models import utcnow

    a, a2, cust = _two_laptops(server, tmp_path)
    edit(a, Customer, cust, deleted_at=utcnow())
    edit(a2, Customer, cust, notes="still a customer")
    sync(a)
    assert sync(a2).conflicts == 1
    [conflict] = list_conflicts(a2)
    assert conflict.field == "deleted_at" and conflict.local_value is None
    assert get(a2, Customer, cust).deleted_at is not None  # the agreed state: deleted
    resolve_conflict(a2, conflict.id, "local")  # keep the customer
    sync(a2)
    row = server_row(server, "customer", cust)
    assert row["deleted_at"] is None and row["notes"] == "still a customer"  # type: ignore[index]
    sync(a)
    assert get(a, Customer, cust).deleted_at is None
    assert rejected_items(a) == rejected_items(a2) == []
    a.close()
    a2.close()


def test_a_customer_deleted_again_offline_ends_identical_everywhere(
    server: ServerHarness, tmp_path: Path
) -> None:
    """A deleted customer restored and deleted again offline: the server keeps the first
    deletion, and the laptop must receive the server's row, not keep its own times."""
    import datetime as dt

    from app.models import utcnow

    a, a2, cust = _two_laptops(server, tmp_path)
    edit(a, Customer, cust, deleted_at=utcnow())
    sync(a)
    sync(a2)
    edit(a2, Customer, cust, deleted_at=None)
    edit(a2, Customer, cust, deleted_at=utcnow() + dt.timedelta(seconds=5))
    sync(a2)
    sync(a2)
    sync(a)
    kept = server_row(server, "customer", cust)
    assert kept is not None and kept["deleted_at"] is not None
    for ws in (a, a2):
        row = get(ws, Customer, cust)
        assert row.deleted_at is not None
        assert row.deleted_at.isoformat() == kept["deleted_at"]
        assert row.updated_at.isoformat() == kept["updated_at"]
    a.close()
    a2.close()
