"""订单确认: the order confirmation the customer checks, signs and seals."""

from __future__ import annotations

import logging
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from app.documents.base import (
    BODY,
    Page,
    Title,
    build_pdf,
    content_width,
    info_table,
    p,
    preflight,
    signature_block,
)
from app.documents.data import OrderDoc
from app.documents.formatting import fmt_date, fmt_money, fmt_words
from app.documents.labels import labels_for
from app.documents.lines import line_table, totals_table

log = logging.getLogger(__name__)


def render_order_confirmation(data: OrderDoc, out: Path, *, language: str = "zh_CN") -> Path:
    """Render the order confirmation to ``out`` (A4 PDF) and return the path."""
    lb = labels_for(language)
    lang = "en" if language == "en" else "zh_CN"
    preflight(data, lb, fmt_words(data.total), fmt_money(data.total))
    w = content_width()
    d = data
    number = d.number or lb["order_no_pending"]
    header = info_table(
        [
            (lb["customer"], d.customer.name),
            (lb["order_no"], number),
            (lb["contact"], d.customer.contact),
            (lb["draft_no"], d.draft_number),
            (lb["contact_phone"], d.customer.phone),
            (lb["order_date"], fmt_date(d.order_date, lang)),
            (lb["customer_tax_id"], d.customer.tax_id),
            (lb["status"], d.status),
            (lb["delivery_address"], d.delivery_address or d.customer.address),
            (lb["delivery_date"], fmt_date(d.delivery_date, lang)),
        ],
        w,
    )
    terms = info_table(
        [
            (lb["payment_terms"], d.payment_terms),
            (lb["delivery_terms"], d.delivery_terms),
            (lb["rep"], f"{d.rep.name} {d.rep.phone}".strip()),
            *([(lb["remarks"], d.notes)] if d.notes else []),
        ],
        w,
        columns=1,
    )
    story: list[Flowable] = [
        Title(lb["order_title"]),
        header,
        Spacer(1, 4 * mm),
        line_table(d.lines, lb, w) if d.lines else p(lb["none"], BODY),
        KeepTogether(
            [
                Spacer(1, 2 * mm),
                totals_table(d.subtotal, d.tax, d.total, lb, w),
                Spacer(1, 4 * mm),
                terms,
                Spacer(1, 6 * mm),
                signature_block([lb["order_sign_seller"], lb["order_sign_buyer"]], lb, w),
            ]
        ),
    ]
    log.info("rendering order confirmation with %d lines", len(d.lines))
    footer = f"{lb['order_title']} {d.number or d.draft_number}"
    return build_pdf(out, story, Page(d.company, lb, footer, footer))
