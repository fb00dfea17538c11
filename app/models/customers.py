"""Customer files: customers, contacts, complaints, follow-up tasks, attachments."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, MasterData, Synced, SyncKind


class Customer(MasterData, Base):
    """A customer file (客户档案). Grade E customers are archived, never hard-deleted."""

    __tablename__ = "customer"
    __sync_kind__: ClassVar[SyncKind] = "master"
    __table_args__ = (
        Index("ix_customer_pinyin_initials", "pinyin_initials"),
        Index("ix_customer_phone_digits", "phone_digits"),
        Index("ix_customer_owner_grade", "owner", "grade"),
        Index("ix_customer_created_at", "created_at"),  # new customers of a day (report)
    )

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    grade: Mapped[str] = mapped_column(String(1), default="D")
    intention: Mapped[str | None] = mapped_column(String(16))
    expected_close: Mapped[dt.date | None]
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(32))
    phone_digits: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[str | None] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(64))
    territory: Mapped[str | None] = mapped_column(String(100))
    team: Mapped[str | None] = mapped_column(String(100))
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True)
    legal_rep: Mapped[str | None] = mapped_column(String(100))
    bank_name: Mapped[str | None] = mapped_column(String(200))
    bank_account: Mapped[str | None] = mapped_column(String(64))
    tax_id: Mapped[str | None] = mapped_column(String(32))
    id_number: Mapped[str | None] = mapped_column(String(18))
    birthday: Mapped[dt.date | None]
    family_note: Mapped[str | None] = mapped_column(Text)
    credit_limit: Mapped[Decimal | None]
    payment_rating: Mapped[int | None] = mapped_column(Integer)
    potential: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    first_contact_at: Mapped[dt.datetime | None]
    last_contact_at: Mapped[dt.datetime | None]
    next_follow_up: Mapped[dt.date | None] = mapped_column(index=True)
    archived: Mapped[bool] = mapped_column(default=False)
    pinyin_initials: Mapped[str] = mapped_column(String(200), default="")
    pinyin_full: Mapped[str] = mapped_column(String(800), default="")


class Contact(MasterData, Base):
    """A person at a customer (通讯录), decision maker or influencer."""

    __tablename__ = "contact"
    __sync_kind__: ClassVar[SyncKind] = "master"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16), default="other")
    phone: Mapped[str | None] = mapped_column(String(32))
    phone_digits: Mapped[str | None] = mapped_column(String(32), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    birthday: Mapped[dt.date | None]
    notes: Mapped[str | None] = mapped_column(Text)


class Complaint(Synced, Base):
    """A complaint or feedback noted at a visit."""

    __tablename__ = "complaint"
    __sync_kind__: ClassVar[SyncKind] = "draft"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"))
    reported_on: Mapped[dt.date]
    category: Mapped[str | None] = mapped_column(String(50))
    description: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open")
    resolution: Mapped[str | None] = mapped_column(Text)


class FollowUpTask(Synced, Base):
    """Something to do for a customer by a date (next visit, call, send a quote)."""

    __tablename__ = "follow_up_task"
    __sync_kind__: ClassVar[SyncKind] = "draft"

    customer_id: Mapped[str] = mapped_column(ForeignKey("customer.id"), index=True)
    due_on: Mapped[dt.date] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(String(300))
    source_visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"))
    done_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    done_visit_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"))


class Attachment(Synced, Base):
    """Metadata of a file (photo, signed scan) stored in the workspace by content hash."""

    __tablename__ = "attachment"
    __sync_kind__: ClassVar[SyncKind] = "fact"

    owner_kind: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    filename: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    caption: Mapped[str | None] = mapped_column(String(300))
