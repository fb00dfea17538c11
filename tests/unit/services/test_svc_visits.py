"""Visits and day plans: plan, reorder, check in, record, check out, correct with notes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import StateError, ValidationError
from app.models import Customer, FollowUpTask
from app.services import plans, visits
from app.services.plans import StopInput
from app.services.visits import CompetitorPrice, StoreCheck, VisitRecordInput
from tests.unit.services.conftest import TODAY, add_customer, table_counts

NINE = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)


def test_plan_day_reorder_add_remove(workspace) -> None:
    a, b, c = (add_customer(workspace, f"示例客户{i}") for i in "甲乙丙")
    plan = plans.plan_day(workspace, TODAY, [StopInput(a, "新品推荐"), StopInput(b, "回款", True)])
    assert [s.customer_id for s in plan.stops] == [a, b]
    assert plan.stops[1].appointment_confirmed and not plan.stops[0].visited
    plan = plans.reorder_stops(workspace, TODAY, [plan.stops[1].id, plan.stops[0].id])
    assert [s.customer_id for s in plan.stops] == [b, a]
    plan = plans.add_stop(workspace, TODAY, StopInput(c, "送样品"), position=1)
    assert [(s.position, s.customer_id) for s in plan.stops] == [(1, c), (2, b), (3, a)]
    plan = plans.remove_stop(workspace, plan.stops[1].id)
    assert [(s.position, s.customer_id) for s in plan.stops] == [(1, c), (2, a)]
    again = plans.plan_day(workspace, TODAY, [StopInput(a)])
    assert [s.customer_id for s in again.stops] == [a]
    assert plans.get_plan(workspace, TODAY + dt.timedelta(days=1)) is None


def test_plan_refuses_twice_the_same_customer_and_stale_reorder(workspace) -> None:
    a = add_customer(workspace)
    before = table_counts(workspace)
    with pytest.raises(ValidationError) as exc:
        plans.plan_day(workspace, TODAY, [StopInput(a), StopInput(a)])
    assert exc.value.field == "stops"
    assert table_counts(workspace) == before
    plans.plan_day(workspace, TODAY, [StopInput(a)])
    with pytest.raises(StateError):
        plans.reorder_stops(workspace, TODAY, ["nonsense"])


def test_full_visit_creates_follow_up_and_becomes_a_fact(workspace) -> None:
    cid = add_customer(workspace, "示例便利店", kind="retail")
    plan = plans.plan_day(workspace, TODAY, [StopInput(cid, "陈列检查")])
    v = visits.check_in(workspace, cid, "follow_up", "on_site", plan.stops[0].id, at=NINE)
    assert v.status == "open"
    assert visits.open_visit(workspace) is not None
    record = VisitRecordInput(
        stage="present",
        met_person="钱七",
        situation="陈列整齐",
        problem="价格高",
        solution="申请促销",
        store_check=StoreCheck(
            "good",
            6,
            (CompetitorPrice("竞品甲", "3.50"), CompetitorPrice("竞品乙", Decimal(4))),
            True,
        ),
        next_follow_up=TODAY + dt.timedelta(days=7),
    )
    v = visits.record_visit(workspace, v.id, record)
    assert v.minutes_due == dt.date(2026, 11, 25)  # 2 working days after Monday
    assert v.store_check["competitors"][0] == {"name": "竞品甲", "price": "3.50"}
    with workspace.sessions() as s:
        task = s.scalar(select(FollowUpTask).where(FollowUpTask.source_visit_id == v.id))
        assert task is not None and task.due_on == TODAY + dt.timedelta(days=7)
        c = s.get(Customer, cid)
        assert c.next_follow_up == TODAY + dt.timedelta(days=7) and c.first_contact_at
    assert plans.get_plan(workspace, TODAY).stops[0].visited
    v = visits.check_out(workspace, v.id, at=NINE + dt.timedelta(minutes=40))
    assert v.status == "finished"
    with pytest.raises(StateError):
        visits.record_visit(workspace, v.id, VisitRecordInput(situation="改写"))
    v = visits.add_visit_note(workspace, v.id, "补充：客户要求周五送货")
    assert [n.text for n in v.notes] == ["补充：客户要求周五送货"]
    assert [x.id for x in visits.list_visits(workspace, customer_id=cid)] == [v.id]


def test_bad_visit_input_changes_nothing(workspace) -> None:
    cid = add_customer(workspace)
    before = table_counts(workspace)
    with pytest.raises(ValidationError) as exc:
        visits.check_in(workspace, cid, "party", "on_site", at=NINE)
    assert exc.value.field == "kind"
    assert table_counts(workspace) == before
    v = visits.check_in(workspace, cid, "first", "phone", at=NINE)
    with pytest.raises(StateError):
        visits.check_in(workspace, cid, "first", "phone", at=NINE)
    before = table_counts(workspace)
    with pytest.raises(ValidationError) as exc:
        visits.record_visit(workspace, v.id, VisitRecordInput(next_follow_up=TODAY))
    assert exc.value.field == "next_follow_up"
    with pytest.raises(ValidationError) as exc:
        visits.check_out(workspace, v.id, at=NINE - dt.timedelta(hours=1))
    assert exc.value.field == "check_out"
    with pytest.raises(ValidationError):
        visits.add_visit_note(workspace, v.id, "  ")
    assert table_counts(workspace) == before


def test_check_out_marks_due_follow_ups_done(workspace) -> None:
    cid = add_customer(workspace)
    first = visits.check_in(workspace, cid, "first", at=NINE - dt.timedelta(days=7))
    visits.record_visit(workspace, first.id, VisitRecordInput(next_follow_up=TODAY))
    visits.check_out(workspace, first.id, at=NINE - dt.timedelta(days=7, minutes=-30))
    second = visits.check_in(workspace, cid, "follow_up", at=NINE)
    visits.check_out(workspace, second.id, at=NINE + dt.timedelta(minutes=30))
    with workspace.sessions() as s:
        task = s.scalar(select(FollowUpTask).where(FollowUpTask.source_visit_id == first.id))
        assert task.done_visit_id == second.id


def test_add_working_days_skips_weekends() -> None:
    friday = dt.date(2026, 11, 27)
    assert visits.add_working_days(friday, 2) == dt.date(2026, 12, 1)
    assert visits.add_working_days(friday, 0) == friday
