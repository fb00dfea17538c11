"""Visit plans (拜访计划) and visit records (拜访记录)."""

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, SyncKind


class VisitPlan(Synced, Base):
    """The plan of one day: an ordered list of stops."""

    __tablename__ = "visit_plan"
    __sync_kind__: ClassVar[SyncKind] = "draft"

    plan_date: Mapped[dt.date] = mapped_column(unique=True)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    note: Mapped[str | None] = mapped_column(Text)


class VisitPlanStop(Synced, Base):
    """One planned stop: customer, position in the day, purpose, appointment."""

    __tablename__ = "visit_plan_stop"
    __sync_kind__: ClassVar[SyncKind] = "draft"

    plan_id: Mapped[str] = mapped_column(ForeignKey("visit_plan.id"), index=True)
    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str | None] = mapped_column(String(300))
    appointment_confirmed: Mapped[bool] = mapped_column(default=False)
    planned_time: Mapped[dt.time | None]


class Visit(Synced, Base):
    """A visit record. Open while checked in; once finished it is a fact."""

    __tablename__ = "visit"
    __sync_kind__: ClassVar[SyncKind] = "fact"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    plan_stop_id: Mapped[str | None] = mapped_column(ForeignKey("visit_plan_stop.id"))
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16), default="on_site")
    status: Mapped[str] = mapped_column(String(16), default="open")
    check_in_at: Mapped[dt.datetime] = mapped_column(index=True)
    check_out_at: Mapped[dt.datetime | None]
    met_person: Mapped[str | None] = mapped_column(String(100))
    met_is_decision_maker: Mapped[bool] = mapped_column(default=False)
    stage: Mapped[str | None] = mapped_column(String(16))
    situation: Mapped[str | None] = mapped_column(Text)
    problem: Mapped[str | None] = mapped_column(Text)
    solution: Mapped[str | None] = mapped_column(Text)
    store_check: Mapped[dict[str, Any] | None]
    next_follow_up: Mapped[dt.date | None]
    minutes_due: Mapped[dt.date | None]


class VisitNote(Synced, Base):
    """A follow-up note correcting or completing a finished visit (never a rewrite)."""

    __tablename__ = "visit_note"
    __sync_kind__: ClassVar[SyncKind] = "fact"
    __table_args__ = (UniqueConstraint("visit_id", "created_at"),)

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
