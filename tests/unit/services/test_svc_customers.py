"""Customer files: create, validate, duplicates, archive, search, detail, contacts, complaints."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import FormError, NotFoundError, ValidationError
from app.models import Customer, OutboxEntry
from app.rules.validation import credit_code_check_char
from app.services import contacts, customers
from app.services.customers import CustomerInput
from tests.unit.services.conftest import TODAY, add_customer, table_counts


def credit_code(body17: str = "91330100MA2ABCDE1") -> str:
    """A synthetic credit code with a valid check character."""
    return body17 + credit_code_check_char(body17)


def test_create_stores_search_keys_and_writes_outbox(workspace) -> None:
    saved = customers.create_customer(
        workspace,
        CustomerInput(name="张三", kind="person", phone="139 0000 1234"),
        today=TODAY,
    )
    assert saved.duplicates == ()
    row = saved.customer
    assert row.code.startswith("C-") and row.grade == "D"
    assert row.phone_masked == "139****1234"
    with workspace.sessions() as s:
        c = s.get(Customer, row.id)
        assert (c.pinyin_initials, c.pinyin_full) == ("zs", "zhangsan")
        assert c.phone_digits == "13900001234" and c.name_key
        assert c.next_follow_up == TODAY + dt.timedelta(days=7)  # first-contact deadline
        ops = s.scalars(select(OutboxEntry.op).where(OutboxEntry.entity_id == row.id)).all()
    assert ops == ["insert"]


def test_bad_form_reports_every_field_and_changes_nothing(workspace) -> None:
    before = table_counts(workspace)
    with pytest.raises(FormError) as exc:
        customers.create_customer(
            workspace,
            CustomerInput(name="  ", kind="alien", phone="12345", credit_code="91330100MA2ABCDE1X"),
            today=TODAY,
        )
    fields = {e.field for e in exc.value.errors}
    assert {"name", "kind", "phone", "credit_code"} <= fields
    assert table_counts(workspace) == before


def test_grade_must_match_expected_close(workspace) -> None:
    before = table_counts(workspace)
    with pytest.raises(ValidationError) as exc:
        customers.create_customer(
            workspace,
            CustomerInput(
                name="示例商贸", grade="A", expected_close=TODAY + dt.timedelta(days=200)
            ),
            today=TODAY,
        )
    assert exc.value.field == "grade"
    with pytest.raises(ValidationError) as exc:
        customers.create_customer(workspace, CustomerInput(name="示例商贸", grade="B"), today=TODAY)
    assert exc.value.field == "expected_close"
    assert table_counts(workspace) == before
    ok = customers.create_customer(
        workspace,
        CustomerInput(name="示例商贸", grade="A", expected_close=TODAY + dt.timedelta(days=20)),
        today=TODAY,
    )
    assert ok.customer.grade == "A"


def test_duplicates_by_name_and_phone_are_warnings(workspace) -> None:
    first = add_customer(workspace, "云岭示例食品有限公司", phone="13900002222")
    again = customers.create_customer(
        workspace, CustomerInput(name="云岭示例食品 (有限公司)"), today=TODAY
    )
    assert [(d.customer_id, d.matched) for d in again.duplicates] == [(first, ("name",))]
    by_phone = customers.create_customer(
        workspace, CustomerInput(name="别的名字", phone="139-0000-2222"), today=TODAY
    )
    assert by_phone.duplicates[0].matched == ("phone",)


def test_same_credit_code_is_refused(workspace) -> None:
    code = credit_code()
    add_customer(workspace, "甲示例公司", credit_code=code)
    before = table_counts(workspace)
    with pytest.raises(ValidationError) as exc:
        customers.create_customer(
            workspace, CustomerInput(name="乙示例公司", credit_code=code.lower()), today=TODAY
        )
    assert exc.value.field == "credit_code"
    assert table_counts(workspace) == before


def test_edit_changes_only_changed_fields_and_archive_sets_grade_e(workspace) -> None:
    cid = add_customer(workspace, "示例建材有限公司", address="示例路1号")
    data = customers.customer_input_of(workspace, cid)
    assert data.address == "示例路1号"
    customers.update_customer(
        workspace, cid, CustomerInput(**{**data.__dict__, "address": "示例路2号"}), today=TODAY
    )
    with workspace.sessions() as s:
        last = s.scalars(
            select(OutboxEntry).where(OutboxEntry.entity_id == cid).order_by(OutboxEntry.id.desc())
        ).first()
    assert last is not None and last.changed == ["address"]
    row = customers.archive_customer(workspace, cid)
    assert row.grade == "E" and row.archived
    assert customers.search_customers(workspace, "示例建材") == []
    assert customers.search_customers(workspace, "示例建材", include_archived=True)[0].id == cid
    with workspace.sessions() as s:
        assert s.get(Customer, cid).deleted_at is None


def test_search_by_initials_full_pinyin_phone_code_and_name(workspace) -> None:
    zs = add_customer(workspace, "张三", kind="person", phone="13900005678")
    other = add_customer(workspace, "李四", kind="person", phone="13800001111")
    code = customers.get_row(workspace, other).code
    assert [r.id for r in customers.search_customers(workspace, "zs")] == [zs]
    assert [r.id for r in customers.search_customers(workspace, "ZhangSan")] == [zs]
    assert [r.id for r in customers.search_customers(workspace, "zhang")] == [zs]
    assert [r.id for r in customers.search_customers(workspace, "1390000")] == [zs]
    assert [r.id for r in customers.search_customers(workspace, "5678")] == [zs]
    assert [r.id for r in customers.search_customers(workspace, "三")] == [zs]
    assert [r.id for r in customers.search_customers(workspace, code.lower())] == [other]
    assert customers.search_customers(workspace, "wangwu") == []
    assert customers.count_customers(workspace) == 2
    assert customers.count_customers(workspace, "zs") == 1
    assert len(customers.search_customers(workspace, "", limit=1, offset=1)) == 1


def test_detail_lists_everything_and_unknown_is_not_found(workspace) -> None:
    cid = add_customer(workspace, "示例超市", kind="retail")
    contacts.add_contact(workspace, cid, contacts.ContactInput("王五", title="店长"))
    contacts.add_complaint(workspace, cid, contacts.ComplaintInput("到货破损"))
    detail = customers.get_customer(workspace, cid, TODAY)
    assert detail.profile.name == "示例超市"
    assert [c.name for c in detail.contacts] == ["王五"]
    assert detail.complaints[0].status == "open"
    assert detail.history and detail.history[0].action == "insert"
    with pytest.raises(NotFoundError):
        customers.get_customer(workspace, "no-such-id")


def test_contacts_and_complaints_validate(workspace) -> None:
    cid = add_customer(workspace)
    before = table_counts(workspace)
    with pytest.raises(FormError):
        contacts.add_contact(workspace, cid, contacts.ContactInput("", phone="abc"))
    with pytest.raises(ValidationError) as exc:
        contacts.add_complaint(workspace, cid, contacts.ComplaintInput("   "))
    assert exc.value.field == "description"
    assert table_counts(workspace) == before
    c = contacts.add_contact(workspace, cid, contacts.ContactInput("赵六", phone="13900003333"))
    contacts.update_contact(workspace, c.id, contacts.ContactInput("赵六", title="经理"))
    contacts.delete_contact(workspace, c.id)
    assert contacts.list_contacts(workspace, cid) == []
    complaint = contacts.add_complaint(workspace, cid, contacts.ComplaintInput("发票错误"))
    with pytest.raises(ValidationError):
        contacts.resolve_complaint(workspace, complaint.id, "")
    done = contacts.resolve_complaint(workspace, complaint.id, "已重开发票")
    assert done.status == "resolved"
    assert contacts.list_complaints(workspace, cid, open_only=True) == []


def test_credit_limit_is_money(workspace) -> None:
    cid = add_customer(workspace, credit_limit="50,000")
    assert customers.get_customer(workspace, cid).profile.credit_limit == Decimal("50000.00")
    with pytest.raises(ValidationError) as exc:
        add_customer(workspace, "另一家", credit_limit="-1")
    assert exc.value.field == "credit_limit"
