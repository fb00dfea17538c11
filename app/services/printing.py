"""Printed documents from workspace data: render, audit, then publish the file.

Each ``print_*`` function takes its view model from :mod:`app.services.printing_docs`
(records by id or by number), renders to a staging file next to ``out``, writes one
AuditEvent in its own transaction ("print", "reprint" or "export"; ids and counts
only), and only then moves the file into place: a document that was rendered always
has its audit row, a failed render leaves neither a file nor an audit row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from app.documents import (
    render_daily_report,
    render_order_confirmation,
    render_quote,
    render_receipt,
    render_route_sheet,
    render_tracking_table,
    write_daily_report_xlsx,
)
from app.documents.data import ReceiptDoc
from app.services import audit, receipts
from app.services import printing_docs as docs
from app.services.printing_daily import daily_report_doc
from app.services.settings import get_settings
from app.workspace import Workspace

log = logging.getLogger(__name__)


@contextlib.contextmanager
def _staged(out: Path) -> Iterator[Path]:
    """A staging path next to ``out``; whatever is left there is removed at the end."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.stem}.{secrets.token_hex(4)}.part{out.suffix}")
    try:
        yield tmp
    finally:
        tmp.unlink(missing_ok=True)


Audit = tuple[str, str, str | None, dict[str, Any]]


def _publish(ws: Workspace, out: Path, render: Callable[[Path], object], event: Audit) -> Path:
    """Render into staging, write the audit event (action, entity, id, detail), then move
    the file into place."""
    with _staged(out) as tmp:
        render(tmp)
        audit.record(ws, *event)
        os.replace(tmp, out)
    log.info("%s of %s written", event[0], event[1])
    return Path(out)


def print_quote(ws: Workspace, quote_id: str, out: Path, *, language: str | None = None) -> Path:
    """Print a quote (报价单) to ``out``; ``quote_id`` is its id or its number (Q-...)."""
    lang = docs.document_language(ws, language)
    qid, doc = docs.quote_view(ws, quote_id, lang)
    detail = {"document": "quote", "lines": len(doc.lines), "language": lang}
    return _publish(
        ws, out, lambda tmp: render_quote(doc, tmp, language=lang), ("print", "quote", qid, detail)
    )


def print_order(ws: Workspace, order_id: str, out: Path, *, language: str | None = None) -> Path:
    """Print an order confirmation (订单确认单); ``order_id`` is its id or a number."""
    lang = docs.document_language(ws, language)
    oid, doc = docs.order_view(ws, order_id, lang)
    detail = {"document": "order", "lines": len(doc.lines), "language": lang}
    return _publish(
        ws,
        out,
        lambda tmp: render_order_confirmation(doc, tmp, language=lang),
        ("print", "order_draft", oid, detail),
    )


def print_receipt(
    ws: Workspace,
    receipt_id: str,
    out: Path,
    *,
    copies_per_page: bool | None = None,
    language: str | None = None,
) -> Path:
    """Print a receipt's three copies; any print after the first is marked as a copy.

    ``copies_per_page`` None follows the setting (more than one copy per page: all
    three on one A4 page). The print is logged as "print" or "reprint".
    """
    lang = docs.document_language(ws, language)
    if copies_per_page is None:
        copies_per_page = get_settings(ws).receipt_copies_per_page > 1
    rid, doc = docs.receipt_view(ws, receipt_id, lang)

    def render(d: ReceiptDoc, tmp: Path) -> None:
        render_receipt(d, tmp, copies_per_page=bool(copies_per_page), language=lang)

    with _staged(out) as tmp:
        render(doc, tmp)
        count = receipts.log_print(ws, rid, copies=3)
        if count != doc.print_count:  # another print was logged meanwhile
            render(replace(doc, print_count=count), tmp)
        os.replace(tmp, out)
    log.info("receipt printed (print %d)", count)
    return Path(out)


def print_route_sheet(
    ws: Workspace, day: dt.date, out: Path, *, language: str | None = None
) -> Path:
    """Print the visit plan (拜访计划) of ``day``; NotFoundError when the day has no plan."""
    lang = docs.document_language(ws, language)
    plan_id, doc = docs.route_view(ws, day, lang)
    detail = {"document": "route", "day": day.isoformat(), "stops": len(doc.stops)}
    return _publish(
        ws,
        out,
        lambda tmp: render_route_sheet(doc, tmp, language=lang),
        ("print", "visit_plan", plan_id, detail),
    )


def print_tracking(
    ws: Workspace, customer_id: str, out: Path, *, language: str | None = None
) -> Path:
    """Print a customer's tracking table (客户基本信息及业务跟踪情况表)."""
    lang = docs.document_language(ws, language)
    cid, doc = docs.tracking_view(ws, customer_id, lang)
    detail = {"document": "tracking", "follow_ups": len(doc.follow_ups), "language": lang}
    return _publish(
        ws,
        out,
        lambda tmp: render_tracking_table(doc, tmp, language=lang),
        ("print", "customer", cid, detail),
    )


def daily_report(
    ws: Workspace,
    day: dt.date,
    out_pdf: Path,
    out_xlsx: Path | None = None,
    *,
    language: str | None = None,
) -> tuple[Path, Path | None]:
    """Export the daily sales report (销售日报) as PDF and, optionally, an .xlsx workbook.

    Both files are staged and moved into place together after one "export" audit event.
    """
    lang = docs.document_language(ws, language)
    doc = daily_report_doc(ws, day, lang)
    with contextlib.ExitStack() as stack:
        pdf_tmp = stack.enter_context(_staged(out_pdf))
        render_daily_report(doc, pdf_tmp, language=lang)
        xlsx_tmp = stack.enter_context(_staged(out_xlsx)) if out_xlsx is not None else None
        if out_xlsx is not None and xlsx_tmp is not None:
            write_daily_report_xlsx(doc, xlsx_tmp, language=lang)
        detail = {
            "document": "daily_report",
            "day": day.isoformat(),
            "formats": "pdf+xlsx" if out_xlsx is not None else "pdf",
        }
        audit.record(ws, "export", "daily_report", None, detail)
        os.replace(pdf_tmp, out_pdf)
        if out_xlsx is not None and xlsx_tmp is not None:
            os.replace(xlsx_tmp, out_xlsx)
    log.info("daily report exported")
    return Path(out_pdf), Path(out_xlsx) if out_xlsx is not None else None
