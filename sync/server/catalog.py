"""Catalog import: tax rates, products and price bands from CSV or XLSX, all or nothing.

One table format for both: a header row with a ``record`` column naming the kind
of each row (``tax_rate``, ``product``, ``price_band``) and the columns below.
XLSX files may hold it on several sheets. Every row is checked first; a bad row
is reported by its line (``sheet:line`` for XLSX) and nothing is written.

tax_rate:   code, name, rate (0.13 or 13%)
product:    code, name, spec, unit, category, list_price, min_price, tax_rate,
            stock_qty, territory, active (yes/no)
price_band: product_code, customer_kind, min_price, max_price, valid_from, valid_to
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.errors import WaiqinError
from app.models import new_id
from app.rules.pinyin import pinyin_keys
from app.rules.tax import validate_tax_rate
from app.rules.validation import validate_quantity, validate_unit_price
from sync.server.db import Database, lock_admin
from sync.server.entities import new_row
from sync.server.models import Record
from sync.server.records import put, utcnow

KINDS = ("tax_rate", "product", "price_band")


class CatalogError(Exception):
    """The file has problems; ``problems`` lists them by line. Nothing was imported."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def _rows(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            header = [str(h or "").strip().lower() for h in next(rows, [])]
            for n, values in enumerate(rows, start=2):
                cells = ["" if v is None else _cell(v) for v in values]
                if any(cells):
                    yield f"{sheet.title}:{n}", dict(zip(header, cells, strict=False))
        return
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip().lower() for h in next(reader, [])]
        for values in reader:
            if any(v.strip() for v in values):
                yield f"line {reader.line_num}", dict(zip(header, values, strict=False))


def _cell(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


def _need(row: dict[str, str], key: str) -> str:
    value = (row.get(key) or "").strip()
    if not value:
        raise ValueError(f"{key} is missing")
    return value


def _opt(row: dict[str, str], key: str) -> str | None:
    value = (row.get(key) or "").strip()
    return value or None


def _price(row: dict[str, str], key: str, required: bool = True) -> str | None:
    text = _need(row, key) if required else _opt(row, key)
    return None if text is None else str(validate_unit_price(text, key))


def _date(row: dict[str, str], key: str) -> str | None:
    text = _opt(row, key)
    return None if text is None else dt.date.fromisoformat(text).isoformat()


def _parse(kind: str, row: dict[str, str], products: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if kind == "tax_rate":
        rate = validate_tax_rate(_need(row, "rate"))
        return {"code": _need(row, "code"), "name": _need(row, "name"), "rate": str(rate)}
    if kind == "product":
        stock = _opt(row, "stock_qty")
        active = (_opt(row, "active") or "yes").lower() not in ("no", "0", "false", "否")
        name = _need(row, "name")
        initials, full = pinyin_keys(name)
        return {
            "code": _need(row, "code"),
            "name": name,
            "pinyin_initials": initials,
            "pinyin_full": full,
            "spec": _opt(row, "spec"),
            "unit": _need(row, "unit"),
            "category": _opt(row, "category"),
            "list_price": _price(row, "list_price"),
            "min_price": _price(row, "min_price", required=False),
            "tax_rate": str(validate_tax_rate(_need(row, "tax_rate"))),
            "stock_qty": None if stock is None else str(validate_quantity(stock, "stock_qty")),
            "active": active,
            "territory": _opt(row, "territory"),
        }
    code = _need(row, "product_code")
    if code not in products:
        raise ValueError(f"product {code} is neither in the file nor on the server")
    low, high = _price(row, "min_price"), _price(row, "max_price", required=False)
    if high is not None and low is not None and Decimal(high) < Decimal(low):
        raise ValueError("max_price is below min_price")
    return {
        "product_code": code,
        "customer_kind": _opt(row, "customer_kind"),
        "min_price": low,
        "max_price": high,
        "valid_from": _date(row, "valid_from"),
        "valid_to": _date(row, "valid_to"),
        "territory": _opt(row, "territory"),
    }


def _existing(session: Any, entity: str) -> list[Record]:
    return list(session.scalars(select(Record).where(Record.entity == entity)).all())


def import_catalog(db: Database, path: Path) -> dict[str, int]:
    """Check every row, then write them all in one transaction. Upserts by code."""
    if not path.is_file():
        raise CatalogError([f"{path}: no such file"])
    with db.write() as session:
        lock_admin(session)  # two imports at once must not both add the same new product
        products = {str(r.data["code"]): r.data for r in _existing(session, "product")}
        parsed: list[tuple[str, dict[str, Any]]] = []
        problems: list[str] = []
        try:
            rows = list(_rows(path))
        except (OSError, ValueError, KeyError) as exc:
            raise CatalogError([f"{path.name}: cannot read the file ({exc})"]) from exc
        for where, row in rows:
            kind = (row.get("record") or "").strip()
            try:
                if kind not in KINDS:
                    raise ValueError(f"record must be one of {', '.join(KINDS)}")
                values = _parse(kind, row, products)
            except (ValueError, WaiqinError) as exc:
                text = exc.text("en") if isinstance(exc, WaiqinError) else str(exc)
                problems.append(f"{where}: {text}")
                continue
            if kind == "product":
                products[values["code"]] = values
            parsed.append((kind, values))
        if problems:
            raise CatalogError(problems)
        return _write(session, parsed)


def _write(session: Any, parsed: list[tuple[str, dict[str, Any]]]) -> dict[str, int]:
    now = utcnow()
    ids = {(e, _key(e, r.data)): r for e in KINDS for r in _existing(session, e)}
    counts = dict.fromkeys(KINDS, 0)
    product_ids = {k[1]: r.id for k, r in ids.items() if k[0] == "product"}
    for kind in KINDS:
        for row_kind, values in parsed:
            if row_kind != kind:
                continue
            territory = values.pop("territory", None) if kind != "tax_rate" else None
            if kind == "price_band":
                values["product_id"] = product_ids[values.pop("product_code")]
            key = (kind, _key(kind, values))
            old = ids.get(key)
            row_id = old.id if old else new_id()
            data = new_row(kind, row_id, now, **values)
            if old is not None:
                data["created_at"] = old.data.get("created_at")
            ids[key] = put(session, kind, row_id, data, territory=territory)
            if kind == "product":
                product_ids[values["code"]] = row_id
            counts[kind] += 1
    return counts


def _key(kind: str, data: dict[str, Any]) -> str:
    if kind == "price_band":
        return f"{data.get('product_id')}|{data.get('customer_kind')}|{data.get('valid_from')}"
    return str(data.get("code"))
