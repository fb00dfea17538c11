"""Visits (拜访): check in, record what happened, check out; corrections as notes.

An open visit can be edited; once checked out it is finished and becomes a fact
(app.outbox refuses rewrites); a correction is a VisitNote. Recording a next
follow-up date creates a FollowUpTask and sets the customer's next follow-up;
the minutes (会谈纪要) are due within 2 working days. Day plans live in
:mod:`app.services.plans`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import transaction
from app.enums import VisitChannel, VisitKind, VisitStage, VisitStatus
from app.errors import StateError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import Customer, FollowUpTask, Visit, VisitNote, VisitPlanStop, utcnow
from app.rules.money import parse_money
from app.rules.validation import validate_date, validate_name
from app.services._common import Form, get_live, invalid, local_date, optional_text, within_day
from app.workspace import Workspace

MINUTES_WORKING_DAYS = 2
SHELF_DISPLAY = ("good", "fair", "poor")


@dataclass(frozen=True)
class CompetitorPrice:
    """A competitor product seen on the shelf and its price."""

    name: str
    price: Decimal | str


@dataclass(frozen=True)
class StoreCheck:
    """The store check of a retail visit: display, facings, competitor top 3, price tags."""

    shelf_display: str | None = None
    facings: int | None = None
    competitors: tuple[CompetitorPrice, ...] = ()
    price_tags_ok: bool | None = None


@dataclass(frozen=True)
class VisitRecordInput:
    """What the rep records during a visit."""

    stage: str | None = None
    met_person: str | None = None
    met_is_decision_maker: bool = False
    situation: str | None = None
    problem: str | None = None
    solution: str | None = None
    store_check: StoreCheck | None = None
    next_follow_up: dt.date | None = None
    follow_up_reason: str | None = None


@dataclass(frozen=True)
class VisitNoteRow:
    """A correcting note on a finished visit."""

    id: str
    created_at: dt.datetime
    text: str


@dataclass(frozen=True)
class VisitRow:
    """A visit with its record and notes; ``store_check`` as stored (prices as text)."""

    id: str
    customer_id: str
    customer_name: str
    plan_stop_id: str | None
    kind: str
    channel: str
    status: str
    check_in_at: dt.datetime
    check_out_at: dt.datetime | None
    met_person: str | None
    met_is_decision_maker: bool
    stage: str | None
    situation: str | None
    problem: str | None
    solution: str | None
    store_check: dict[str, Any] | None
    next_follow_up: dt.date | None
    minutes_due: dt.date | None
    notes: tuple[VisitNoteRow, ...]


def add_working_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` working days (Monday to Friday)."""
    out = day
    while days > 0:
        out += dt.timedelta(days=1)
        if out.weekday() < 5:
            days -= 1
    return out


def _row(s: Session, v: Visit) -> VisitRow:
    customer = s.get(Customer, v.customer_id)
    notes = s.scalars(
        select(VisitNote).where(VisitNote.visit_id == v.id).order_by(VisitNote.created_at)
    ).all()
    return VisitRow(
        v.id,
        v.customer_id,
        customer.name if customer else "",
        v.plan_stop_id,
        v.kind,
        v.channel,
        v.status,
        v.check_in_at,
        v.check_out_at,
        v.met_person,
        v.met_is_decision_maker,
        v.stage,
        v.situation,
        v.problem,
        v.solution,
        v.store_check,
        v.next_follow_up,
        v.minutes_due,
        tuple(VisitNoteRow(n.id, n.created_at, n.text) for n in notes),
    )


def _finished_error() -> StateError:
    return StateError(
        msg(
            "visits",
            QT_TRANSLATE_NOOP(
                "visits", "This visit is finished; add a note to correct or complete it."
            ),
        )
    )


def check_in(
    ws: Workspace,
    customer_id: str,
    kind: str,
    channel: str = VisitChannel.ON_SITE,
    plan_stop_id: str | None = None,
    at: dt.datetime | None = None,
) -> VisitRow:
    """Start a visit (one open visit at a time); the customer counts as contacted."""
    form = Form()
    if kind not in set(VisitKind):
        form.add("kind", QT_TRANSLATE_NOOP("services", "Choose the kind of visit."))
    if channel not in set(VisitChannel):
        form.add("channel", QT_TRANSLATE_NOOP("services", "Choose on site or phone."))
    form.raise_if_any()
    when = at or utcnow()
    with transaction(ws.sessions) as s:
        customer = get_live(s, Customer, customer_id)
        if s.scalar(select(Visit.id).where(Visit.status == VisitStatus.OPEN.value).limit(1)):
            raise StateError(
                msg(
                    "visits",
                    QT_TRANSLATE_NOOP("visits", "Check out of the open visit first."),
                )
            )
        if plan_stop_id:
            stop = s.get(VisitPlanStop, plan_stop_id)
            if stop is None or stop.customer_id != customer.id:
                raise invalid(
                    "plan_stop", QT_TRANSLATE_NOOP("services", "This stop is for another customer.")
                )
        visit = Visit(
            customer_id=customer.id,
            plan_stop_id=plan_stop_id,
            kind=kind,
            channel=channel,
            status=VisitStatus.OPEN.value,
            check_in_at=when,
        )
        s.add(visit)
        if customer.first_contact_at is None:
            customer.first_contact_at = when
        customer.last_contact_at = when
        s.flush()
        return _row(s, visit)


def _store_check(form: Form, check: StoreCheck | None) -> dict[str, Any] | None:
    if check is None:
        return None
    if check.shelf_display is not None and check.shelf_display not in SHELF_DISPLAY:
        form.add("shelf_display", QT_TRANSLATE_NOOP("services", "Choose good, fair or poor."))
    if check.facings is not None and not 0 <= check.facings <= 999:
        form.add("facings", QT_TRANSLATE_NOOP("services", "Facings are 0 to 999."))
    competitors = []
    for comp in check.competitors[:3]:
        name = form.check(validate_name, comp.name, "competitor")
        price = form.check(parse_money, comp.price, "competitor_price")
        if name is not None and price is not None:
            competitors.append({"name": name, "price": str(price)})
    return {
        "shelf_display": check.shelf_display,
        "facings": check.facings,
        "competitors": competitors,
        "price_tags_ok": check.price_tags_ok,
    }


def record_visit(ws: Workspace, visit_id: str, data: VisitRecordInput) -> VisitRow:
    """Save what happened at an open visit; a next follow-up date creates a task."""
    form = Form()
    if data.stage is not None and data.stage not in set(VisitStage):
        form.add("stage", QT_TRANSLATE_NOOP("services", "Choose the stage reached."))
    met = optional_text(data.met_person)
    if met is not None:
        met = form.check(validate_name, met, "met_person")
    store = _store_check(form, data.store_check)
    with transaction(ws.sessions) as s:
        visit = get_live(s, Visit, visit_id)
        if visit.status == VisitStatus.FINISHED.value:
            raise _finished_error()
        day = local_date(visit.check_in_at)
        if data.next_follow_up is not None:
            form.check(
                validate_date,
                data.next_follow_up,
                "next_follow_up",
                not_before=day + dt.timedelta(days=1),
            )
        form.raise_if_any()
        visit.stage = data.stage
        visit.met_person = met
        visit.met_is_decision_maker = data.met_is_decision_maker
        visit.situation = optional_text(data.situation)
        visit.problem = optional_text(data.problem)
        visit.solution = optional_text(data.solution)
        visit.store_check = store
        visit.minutes_due = add_working_days(day, MINUTES_WORKING_DAYS)
        visit.next_follow_up = data.next_follow_up
        _follow_up_task(s, visit, data)
        s.flush()
        return _row(s, visit)


def _follow_up_task(s: Session, visit: Visit, data: VisitRecordInput) -> None:
    task = s.scalar(
        select(FollowUpTask).where(
            FollowUpTask.source_visit_id == visit.id, FollowUpTask.deleted_at.is_(None)
        )
    )
    if data.next_follow_up is None:
        if task is not None:
            task.deleted_at = utcnow()
        return
    reason = (
        optional_text(data.follow_up_reason, 300)
        or msg("visits", QT_TRANSLATE_NOOP("visits", "Follow-up visit")).text()
    )
    if task is None:
        s.add(
            FollowUpTask(
                customer_id=visit.customer_id,
                due_on=data.next_follow_up,
                reason=reason,
                source_visit_id=visit.id,
            )
        )
    else:
        task.due_on = data.next_follow_up
        task.reason = reason
    customer = s.get(Customer, visit.customer_id)
    if customer is not None:
        customer.next_follow_up = data.next_follow_up


def check_out(ws: Workspace, visit_id: str, at: dt.datetime | None = None) -> VisitRow:
    """Finish a visit: it becomes a fact; follow-ups due for the customer are done."""
    when = at or utcnow()
    with transaction(ws.sessions) as s:
        visit = get_live(s, Visit, visit_id)
        if visit.status == VisitStatus.FINISHED.value:
            raise _finished_error()
        if when < visit.check_in_at:
            raise invalid(
                "check_out",
                QT_TRANSLATE_NOOP("services", "Check-out cannot be before check-in."),
            )
        day = local_date(visit.check_in_at)
        tasks = s.scalars(
            select(FollowUpTask).where(
                FollowUpTask.customer_id == visit.customer_id,
                FollowUpTask.done_at.is_(None),
                FollowUpTask.deleted_at.is_(None),
                FollowUpTask.due_on <= day,
                FollowUpTask.source_visit_id.is_distinct_from(visit.id),
            )
        )
        for task in tasks:
            task.done_at = when
            task.done_visit_id = visit.id
        visit.check_out_at = when
        visit.status = VisitStatus.FINISHED.value
        if visit.minutes_due is None:
            visit.minutes_due = add_working_days(day, MINUTES_WORKING_DAYS)
        s.flush()
        return _row(s, visit)


def add_visit_note(ws: Workspace, visit_id: str, text: str) -> VisitRow:
    """Append a correcting or completing note to a visit (a finished visit is never rewritten)."""
    body = optional_text(text)
    if body is None:
        raise invalid("text", QT_TRANSLATE_NOOP("services", "Write the note."))
    with transaction(ws.sessions) as s:
        visit = get_live(s, Visit, visit_id)
        s.add(VisitNote(visit_id=visit.id, text=body, created_at=utcnow()))
        s.flush()
        return _row(s, visit)


def get_visit(ws: Workspace, visit_id: str) -> VisitRow:
    """One visit with its notes."""
    with ws.sessions() as s:
        return _row(s, get_live(s, Visit, visit_id))


def open_visit(ws: Workspace) -> VisitRow | None:
    """The visit the rep is checked in to, if any."""
    with ws.sessions() as s:
        v = s.scalar(select(Visit).where(Visit.status == VisitStatus.OPEN.value).limit(1))
        return _row(s, v) if v else None


def list_visits(
    ws: Workspace,
    *,
    day: dt.date | None = None,
    customer_id: str | None = None,
    limit: int = 500,
) -> list[VisitRow]:
    """Visits, newest check-in first; of one local day and/or one customer."""
    stmt = select(Visit).where(Visit.deleted_at.is_(None))
    if day is not None:
        stmt = stmt.where(within_day(Visit.check_in_at, day))
    if customer_id:
        stmt = stmt.where(Visit.customer_id == customer_id)
    stmt = stmt.order_by(Visit.check_in_at.desc()).limit(limit)
    with ws.sessions() as s:
        return [_row(s, v) for v in s.scalars(stmt)]
