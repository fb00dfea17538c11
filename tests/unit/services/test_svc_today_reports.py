"""Today page, daily report, audit log and settings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.errors import FormError, ValidationError
from app.models import CompanyProfile, Customer, Receivable
from app.services import audit, orders, plans, quotes, receipts, reports, settings, today, visits
from app.services.doc_lines import LineDraft
from app.services.plans import StopInput
from app.services.visits import VisitRecordInput
from tests.unit.services.conftest import TODAY, add_customer, add_product, add_reference

D = Decimal
# Receipts and new customers are stamped with the wall clock: build the day around it.
DAY = dt.date.today()
NINE = dt.datetime.combine(DAY, dt.time(9)).astimezone()


def _day(ws) -> tuple[str, str]:
    """A small day of work: a plan of two, one visit with a problem, a quote, an order, money."""
    a = add_customer(ws, "示例甲", DAY, grade="A", expected_close=DAY + dt.timedelta(days=10))
    b = add_customer(ws, "示例乙", DAY)
    p = add_product(ws)
    plans.plan_day(ws, DAY, [StopInput(a, "签合同"), StopInput(b, "回款")])
    plans.plan_day(ws, DAY + dt.timedelta(days=1), [StopInput(b, "送样品")])
    v = visits.check_in(ws, a, "follow_up", at=NINE)
    visits.record_visit(ws, v.id, VisitRecordInput(problem="价格高", solution="申请促销"))
    visits.check_out(ws, v.id, at=NINE + dt.timedelta(minutes=30))
    quotes.create_quote(ws, quotes.QuoteInput(a, (LineDraft(p, 1),), quote_date=DAY))
    orders.create_order(ws, orders.OrderInput(a, (LineDraft(p, 2),), order_date=DAY))
    r = receipts.issue_receipt(ws, receipts.ReceiptInput(a, "付款人", "100", "cash"))
    receipts.issue_receipt(ws, receipts.ReceiptInput(a, "付款人", "50", "cash"))
    receipts.void_receipt(ws, r.id, "写错")
    return a, b


def test_daily_report_figures(rep) -> None:
    _day(rep)
    report = reports.daily_report(rep, DAY)
    assert (report.visits_planned, report.visits_done) == (2, 1)
    assert [(g.grade, g.planned, g.done) for g in report.visits_by_grade] == [
        ("A", 1, 1),
        ("D", 1, 0),
    ]
    assert (report.quotes_count, report.quotes_amount) == (1, D("40.68"))
    assert (report.orders_count, report.orders_amount) == (1, D("81.36"))
    assert report.conversion_rate == D("1.0000")
    assert report.collections_amount == D("50.00") and len(report.receipts) == 2
    assert [(p.customer_name, p.problem) for p in report.problems] == [("示例甲", "价格高")]
    assert [s.purpose for s in report.tomorrow] == ["送样品"]
    assert report.rep_name == "示例业务员"
    assert len(report.new_customers) == 2


def test_daily_report_of_an_empty_day(workspace) -> None:
    report = reports.daily_report(workspace, TODAY)
    assert report.visits_done == 0 and report.conversion_rate is None
    assert report.collections_amount == D("0.00")


def test_today_summary(rep) -> None:
    a, b = _day(rep)
    add_reference(
        rep,
        Receivable,
        customer_id=b,
        document_number="INV-9",
        issued_on=DAY - dt.timedelta(days=40),
        due_on=DAY - dt.timedelta(days=10),
        amount=D("300.00"),
        paid_amount=D("100.00"),
    )
    summary = today.today_summary(rep, DAY)
    assert [(s.customer_id, s.visited) for s in summary.stops] == [(a, True), (b, False)]
    assert summary.overdue_count == 1 and summary.overdue_amount == D("200.00")
    assert summary.unsynced_count > 0 and summary.last_sync_at is None
    # both were recorded today; b, never contacted, must be contacted within 7 days
    assert summary.new_customers == ()
    later = today.today_summary(rep, DAY + dt.timedelta(days=6))
    assert [(n.customer_id, n.days_left) for n in later.new_customers] == [(b, 1)]
    due = today.today_summary(rep, DAY + dt.timedelta(days=7))
    assert b in {f.customer_id for f in due.follow_ups}
    rep.set_state("last_sync_at", "2026-11-23T01:00:00+00:00")
    assert today.last_sync_at(rep) == dt.datetime(2026, 11, 23, 1, tzinfo=dt.UTC)


def test_follow_ups_by_grade_cadence(workspace) -> None:
    cid = add_customer(workspace, "示例丙")
    with workspace.sessions() as s:
        due = s.get(Customer, cid).next_follow_up
    assert due == TODAY + dt.timedelta(days=7)
    summary = today.today_summary(workspace, due)
    assert [(f.customer_id, f.days_overdue) for f in summary.follow_ups] == [(cid, 0)]
    assert summary.follow_ups_due_count == 1 and summary.follow_ups_overdue_count == 0


def test_audit_records_ids_and_counts_only(workspace) -> None:
    audit.record(workspace, "export", "customer", None, {"rows": 10, "format": "xlsx"})
    with pytest.raises(TypeError):
        audit.record(workspace, "export", detail={"names": ["张三"]})
    with pytest.raises(ValueError):
        audit.record(workspace, "export", detail={"text": "x" * 200})
    events = audit.list_events(workspace)
    assert [(e.action, e.detail) for e in events] == [("export", {"rows": 10, "format": "xlsx"})]
    assert audit.count_events(workspace, "export") == 1


def test_settings_round_trip_and_validation(workspace) -> None:
    assert settings.get_settings(workspace) == settings.Settings()
    saved = settings.set_setting(workspace, language="en", idle_lock_minutes=5)
    assert settings.get_settings(workspace) == saved
    with pytest.raises(FormError):
        settings.set_setting(workspace, language="fr", receipt_copies_per_page=4)
    with pytest.raises(ValidationError) as exc:
        settings.set_setting(workspace, idle_lock_minutes=-1)
    assert exc.value.field == "idle_lock_minutes"
    assert settings.get_settings(workspace).language == "en"
    add_reference(workspace, CompanyProfile, name="示例公司", phone="0571-55500000")
    settings.set_setting(workspace, letterhead=settings.Letterhead(phone="0571-55501111"))
    head = settings.effective_letterhead(workspace)
    assert (head.name, head.phone) == ("示例公司", "0571-55501111")
