"""报价单: the quote a rep hands to a customer."""

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
from app.documents.data import QuoteDoc
from app.documents.formatting import fmt_date, fmt_money, fmt_words
from app.documents.labels import labels_for
from app.documents.lines import line_table, totals_table

log = logging.getLogger(__name__)


def render_quote(data: QuoteDoc, out: Path, *, language: str = "zh_CN") -> Path:
    """Render the quote to ``out`` (A4 PDF) and return the path."""
    lb = labels_for(language)
    lang = "en" if language == "en" else "zh_CN"
    preflight(data, lb, fmt_words(data.total), fmt_money(data.total))
    width = content_width()
    d = data
    rep_contact = " ".join(v for v in (d.rep.phone, d.rep.email) if v)
    header = info_table(
        [
            (lb["customer"], d.customer.name),
            (lb["quote_no"], d.number),
            (lb["contact"], d.customer.contact),
            (lb["quote_date"], fmt_date(d.quote_date, lang)),
            (lb["contact_phone"], d.customer.phone),
            (lb["valid_until"], fmt_date(d.valid_until, lang)),
            (lb["customer_address"], d.customer.address),
            (lb["prices_as_of"], fmt_date(d.prices_as_of, lang)),
        ],
        width,
    )
    terms = info_table(
        [
            (lb["payment_terms"], d.payment_terms),
            (lb["delivery_terms"], d.delivery_terms),
            (lb["lead_time"], lb["lead_time_value"].format(n=d.lead_time_days)),
            (lb["rep"], d.rep.name),
            (lb["rep_contact"], rep_contact),
            *([(lb["remarks"], d.notes)] if d.notes else []),
        ],
        width,
        columns=1,
    )
    story: list[Flowable] = [
        Title(lb["quote_title"]),
        header,
        Spacer(1, 4 * mm),
        line_table(d.lines, lb, width),
        KeepTogether(
            [
                Spacer(1, 2 * mm),
                totals_table(d.subtotal, d.tax, d.total, lb, width),
                Spacer(1, 4 * mm),
                terms,
                Spacer(1, 6 * mm),
                signature_block([lb["quote_sign_seller"], lb["quote_sign_buyer"]], lb, width),
            ]
        ),
    ]
    if not d.lines:
        story.insert(4, p(lb["none"], BODY))
    log.info("rendering quote with %d lines", len(d.lines))
    page = Page(d.company, lb, f"{lb['quote_title']} {d.number}", f"{lb['quote_title']} {d.number}")
    return build_pdf(out, story, page)
