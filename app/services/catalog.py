"""The product catalog (reference data from the server): list and search."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select

from app.models import Product
from app.services._common import get_live, prefix_upper_bound
from app.services.customer_search import normalize_query
from app.workspace import Workspace


@dataclass(frozen=True)
class ProductRow:
    """A catalog item with its list price, minimum price, VAT rate and last known stock."""

    id: str
    code: str
    name: str
    spec: str | None
    unit: str
    category: str | None
    list_price: Decimal
    min_price: Decimal | None
    tax_rate: Decimal
    stock_qty: Decimal | None
    stock_as_of: dt.datetime | None
    active: bool


def product_row(p: Product) -> ProductRow:
    """The row of a product."""
    return ProductRow(
        p.id,
        p.code,
        p.name,
        p.spec,
        p.unit,
        p.category,
        p.list_price,
        p.min_price,
        p.tax_rate,
        p.stock_qty,
        p.stock_as_of,
        p.active,
    )


def search_products(
    ws: Workspace,
    query: str = "",
    *,
    limit: int = 200,
    offset: int = 0,
    category: str | None = None,
    include_inactive: bool = False,
) -> list[ProductRow]:
    """Products by code prefix, pinyin initials prefix, name or spec substring; code order."""
    q = normalize_query(query)
    stmt = select(Product).where(Product.deleted_at.is_(None))
    if not include_inactive:
        stmt = stmt.where(Product.active.is_(True))
    if category:
        stmt = stmt.where(Product.category == category)
    if q:
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        upper = q.upper()
        stmt = stmt.where(
            or_(
                (Product.code >= upper) & (Product.code < prefix_upper_bound(upper)),
                (Product.pinyin_initials >= q) & (Product.pinyin_initials < prefix_upper_bound(q)),
                Product.pinyin_full.like(q + "%"),
                Product.name.like(like, escape="\\"),
                Product.spec.like(like, escape="\\"),
            )
        )
    stmt = stmt.order_by(Product.code).limit(limit).offset(offset)
    with ws.sessions() as s:
        return [product_row(p) for p in s.scalars(stmt)]


def count_products(ws: Workspace, include_inactive: bool = False) -> int:
    """How many products the catalog holds."""
    stmt = select(func.count()).select_from(Product).where(Product.deleted_at.is_(None))
    if not include_inactive:
        stmt = stmt.where(Product.active.is_(True))
    with ws.sessions() as s:
        return int(s.scalar(stmt) or 0)


def categories(ws: Workspace) -> list[str]:
    """Product categories, sorted."""
    with ws.sessions() as s:
        rows = s.scalars(
            select(Product.category).where(Product.category.is_not(None)).distinct()
        ).all()
    return sorted(r for r in rows if r)


def get_product(ws: Workspace, product_id: str) -> ProductRow:
    """One product."""
    with ws.sessions() as s:
        return product_row(get_live(s, Product, product_id))
