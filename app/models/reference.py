"""Reference data from the server, read-only on the laptop."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Synced, SyncKind


class RepProfile(Synced, Base):
    """The rep using this laptop (one row), as the server knows them."""

    __tablename__ = "rep_profile"
    __sync_kind__: ClassVar[SyncKind] = "reference"

    username: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16), default="rep")
    territory: Mapped[str | None] = mapped_column(String(100))
    team: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(32))


class CompanyProfile(Synced, Base):
    """Letterhead of the company: set on the server, overridable in Settings."""

    __tablename__ = "company_profile"
    __sync_kind__: ClassVar[SyncKind] = "reference"

    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(64))
    tax_id: Mapped[str | None] = mapped_column(String(32))
    bank_name: Mapped[str | None] = mapped_column(String(200))
    bank_account: Mapped[str | None] = mapped_column(String(64))
    logo_path: Mapped[str | None] = mapped_column(String(500))


class TaxRate(Synced, Base):
    """A VAT rate the catalog may use (13%, 9%, 6%, 0)."""

    __tablename__ = "tax_rate"
    __sync_kind__: ClassVar[SyncKind] = "reference"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    rate: Mapped[Decimal]


class Product(Synced, Base):
    """A catalog item with its list price, allowed band and stock as of last sync."""

    __tablename__ = "product"
    __sync_kind__: ClassVar[SyncKind] = "reference"
    __table_args__ = (Index("ix_product_name_pinyin", "pinyin_initials"),)

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    spec: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(16))
    category: Mapped[str | None] = mapped_column(String(100))
    list_price: Mapped[Decimal]
    min_price: Mapped[Decimal | None]
    tax_rate: Mapped[Decimal]
    stock_qty: Mapped[Decimal | None]
    stock_as_of: Mapped[dt.datetime | None]
    active: Mapped[bool] = mapped_column(default=True)
    pinyin_initials: Mapped[str] = mapped_column(String(200), default="")
    pinyin_full: Mapped[str] = mapped_column(String(800), default="")


class PriceBand(Synced, Base):
    """Allowed price range of a product for a customer grade/kind over a period."""

    __tablename__ = "price_band"
    __sync_kind__: ClassVar[SyncKind] = "reference"

    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), index=True)
    customer_kind: Mapped[str | None] = mapped_column(String(16))
    min_price: Mapped[Decimal]
    max_price: Mapped[Decimal | None]
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]


class Promotion(Synced, Base):
    """Buy N get M free (赠品) or a promotional price, over a period."""

    __tablename__ = "promotion"
    __sync_kind__: ClassVar[SyncKind] = "reference"

    product_id: Mapped[str] = mapped_column(ForeignKey("product.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    buy_qty: Mapped[Decimal | None]
    free_product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id"))
    free_qty: Mapped[Decimal | None]
    promo_price: Mapped[Decimal | None]
    valid_from: Mapped[dt.date]
    valid_to: Mapped[dt.date]
