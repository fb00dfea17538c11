"""Day plans (今日拜访计划): ordered stops with a purpose each; reorder, add, remove."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import db
from app.db import transaction
from app.errors import StateError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import Customer, Visit, VisitPlan, VisitPlanStop, utcnow
from app.services._common import get_live, invalid, optional_text, within_day
from app.workspace import Workspace


@dataclass(frozen=True)
class StopInput:
    """A stop to plan: customer, purpose, appointment confirmed?, planned time."""

    customer_id: str
    purpose: str | None = None
    appointment_confirmed: bool = False
    planned_time: dt.time | None = None


@dataclass(frozen=True)
class StopRow:
    """A planned stop with what the route sheet needs and whether it was visited."""

    id: str
    position: int
    customer_id: str
    customer_name: str
    customer_grade: str
    address: str | None
    purpose: str | None
    appointment_confirmed: bool
    planned_time: dt.time | None
    visited: bool
    visit_id: str | None


@dataclass(frozen=True)
class PlanRow:
    """The plan of one day with its stops in order."""

    id: str
    plan_date: dt.date
    status: str
    stops: tuple[StopRow, ...]


def _live_stops(s: Session, plan_id: str) -> list[VisitPlanStop]:
    return list(
        s.scalars(
            select(VisitPlanStop)
            .where(VisitPlanStop.plan_id == plan_id, VisitPlanStop.deleted_at.is_(None))
            .order_by(VisitPlanStop.position)
        )
    )


def _customers_of(s: Session, ids: list[str]) -> dict[str, Customer]:
    """The customers of a plan's stops, in a few queries (a busy day has hundreds)."""
    return {c.id: c for c in db.load_by_ids(s, Customer, ids)}


def _plan_row(s: Session, plan: VisitPlan) -> PlanRow:
    stops = _live_stops(s, plan.id)
    visits = s.execute(
        select(Visit.id, Visit.plan_stop_id, Visit.customer_id).where(
            within_day(Visit.check_in_at, plan.plan_date), Visit.deleted_at.is_(None)
        )
    ).all()
    by_stop = {v.plan_stop_id: v.id for v in visits if v.plan_stop_id}
    by_customer = {v.customer_id: v.id for v in visits}
    customers = _customers_of(s, [stop.customer_id for stop in stops])
    rows = []
    for stop in stops:
        c = customers.get(stop.customer_id)
        visit_id = by_stop.get(stop.id) or by_customer.get(stop.customer_id)
        rows.append(
            StopRow(
                stop.id,
                stop.position,
                stop.customer_id,
                c.name if c else "",
                c.grade if c else "",
                c.address if c else None,
                stop.purpose,
                stop.appointment_confirmed,
                stop.planned_time,
                visit_id is not None,
                visit_id,
            )
        )
    return PlanRow(plan.id, plan.plan_date, plan.status, tuple(rows))


def _plan_of(s: Session, day: dt.date, create: bool) -> VisitPlan | None:
    plan = s.scalar(select(VisitPlan).where(VisitPlan.plan_date == day))
    if plan is None and create:
        plan = VisitPlan(plan_date=day, status="draft")
        s.add(plan)
        s.flush()
    elif plan is not None and plan.deleted_at is not None and create:
        plan.deleted_at = None
    return plan


def _check_customers(s: Session, stops: list[StopInput]) -> None:
    seen: set[str] = set()
    for stop in stops:
        get_live(s, Customer, stop.customer_id)
        if stop.customer_id in seen:
            raise invalid(
                "stops", QT_TRANSLATE_NOOP("services", "A customer is planned twice on this day.")
            )
        seen.add(stop.customer_id)


def plan_day(ws: Workspace, day: dt.date, stops: list[StopInput]) -> PlanRow:
    """Set the stops of a day in this order (stops of customers no longer listed are removed)."""
    with transaction(ws.sessions) as s:
        _check_customers(s, stops)
        plan = _plan_of(s, day, create=True)
        assert plan is not None
        existing = {st.customer_id: st for st in _live_stops(s, plan.id)}
        now = utcnow()
        wanted = {st.customer_id for st in stops}
        for cid, old in existing.items():
            if cid not in wanted:
                old.deleted_at = now
        for pos, stop in enumerate(stops, start=1):
            row = existing.get(stop.customer_id)
            if row is None:
                row = VisitPlanStop(plan_id=plan.id, customer_id=stop.customer_id, position=pos)
                s.add(row)
            row.position = pos
            row.purpose = optional_text(stop.purpose, 300)
            row.appointment_confirmed = stop.appointment_confirmed
            row.planned_time = stop.planned_time
        s.flush()
        return _plan_row(s, plan)


def get_plan(ws: Workspace, day: dt.date) -> PlanRow | None:
    """The plan of a day, None when nothing is planned."""
    with ws.sessions() as s:
        plan = _plan_of(s, day, create=False)
        if plan is None or plan.deleted_at is not None:
            return None
        return _plan_row(s, plan)


def reorder_stops(ws: Workspace, day: dt.date, stop_ids: list[str]) -> PlanRow:
    """Put the day's stops in the given order (all of them, each once)."""
    with transaction(ws.sessions) as s:
        plan = _plan_of(s, day, create=False)
        stops = {st.id: st for st in _live_stops(s, plan.id)} if plan else {}
        if plan is None or sorted(stop_ids) != sorted(stops):
            raise StateError(
                msg(
                    "plans",
                    QT_TRANSLATE_NOOP("plans", "The plan changed meanwhile; reload it."),
                )
            )
        for pos, sid in enumerate(stop_ids, start=1):
            stops[sid].position = pos
        s.flush()
        return _plan_row(s, plan)


def add_stop(ws: Workspace, day: dt.date, stop: StopInput, position: int | None = None) -> PlanRow:
    """Add a stop to a day (at the end, or at a 1-based position)."""
    with transaction(ws.sessions) as s:
        plan = _plan_of(s, day, create=True)
        assert plan is not None
        stops = _live_stops(s, plan.id)
        _check_customers(s, [StopInput(st.customer_id) for st in stops] + [stop])
        new = VisitPlanStop(
            plan_id=plan.id,
            customer_id=stop.customer_id,
            position=0,
            purpose=optional_text(stop.purpose, 300),
            appointment_confirmed=stop.appointment_confirmed,
            planned_time=stop.planned_time,
        )
        s.add(new)
        index = len(stops) if position is None else max(0, min(position - 1, len(stops)))
        stops.insert(index, new)
        for pos, st in enumerate(stops, start=1):
            st.position = pos
        s.flush()
        return _plan_row(s, plan)


def remove_stop(ws: Workspace, stop_id: str) -> PlanRow:
    """Take a stop off its day's plan (marked deleted; a visit made there keeps its record)."""
    with transaction(ws.sessions) as s:
        stop = get_live(s, VisitPlanStop, stop_id)
        plan = get_live(s, VisitPlan, stop.plan_id)
        stop.deleted_at = utcnow()
        for pos, st in enumerate((x for x in _live_stops(s, plan.id) if x.id != stop.id), start=1):
            st.position = pos
        s.flush()
        return _plan_row(s, plan)
