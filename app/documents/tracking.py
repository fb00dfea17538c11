"""客户基本信息及业务跟踪情况表: a customer's basic file and the follow-up log.

The customer's personal ID number and bank account are printed masked; the
follow-up rows are date, time, 情况描述, 遇到问题, 解决方案.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.documents.base import (
    BODY,
    CELL_C,
    SECTION,
    Page,
    Title,
    build_pdf,
    content_width,
    data_table,
    info_table,
    p,
    preflight,
)
from app.documents.data import TrackingDoc
from app.documents.formatting import fmt_date, fmt_time
from app.documents.labels import labels_for
from app.rules.validation import mask_bank_account, mask_id_number

log = logging.getLogger(__name__)


def render_tracking_table(data: TrackingDoc, out: Path, *, language: str = "zh_CN") -> Path:
    """Render the customer tracking table to ``out`` (A4 PDF) and return the path."""
    lb = labels_for(language)
    lang = "en" if language == "en" else "zh_CN"
    preflight(data, lb)
    w = content_width()
    c = data.customer
    id_number = mask_id_number(c.id_number) if c.id_number else ""
    bank_account = mask_bank_account(c.bank_account) if c.bank_account else ""
    contact = f"{c.contact}（{c.contact_title}）" if c.contact_title else c.contact
    basic = info_table(
        [
            (lb["customer"], c.name),
            (lb["kind"], c.kind),
            (lb["grade"], c.grade),
            (lb["intention"], c.intention),
            (lb["contact"], contact),
            (lb["contact_phone"], c.phone),
            (lb["id_number"], id_number),
            (lb["credit_code"], c.credit_code),
            (lb["bank_name"], c.bank_name),
            (lb["bank_account"], bank_account),
            (lb["source"], c.source),
            (lb["owner"], c.owner),
            (lb["first_contact"], fmt_date(c.first_contact, lang)),
            (lb["printed_on"], fmt_date(data.printed_on, lang)),
        ],
        w,
    )
    wide = info_table([(lb["customer_address"], c.address), (lb["needs"], c.needs)], w, columns=1)
    rows = [
        [
            p(fmt_date(f.when.date(), lang), CELL_C),
            p(fmt_time(f.when.time()), CELL_C),
            p(f.situation),
            p(f.problem),
            p(f.solution),
        ]
        for f in data.follow_ups
    ]
    follow_ups = data_table(
        [
            lb["col_date"],
            lb["col_time"],
            lb["col_situation"],
            lb["col_problem"],
            lb["col_solution"],
        ],
        rows,
        [w * 0.15, w * 0.07, w * 0.30, w * 0.24, w * 0.24],
    )
    story: list[Flowable] = [
        Title(lb["tracking_title"], 16),
        p(lb["sec_basic"], SECTION),
        Spacer(1, 1.5 * mm),
        basic,
        wide,
        Spacer(1, 4 * mm),
        p(lb["sec_follow_ups"], SECTION),
        Spacer(1, 1.5 * mm),
        follow_ups if data.follow_ups else p(lb["none"], BODY),
    ]
    log.info("rendering tracking table with %d follow-ups", len(data.follow_ups))
    footer = f"{lb['tracking_title']} {c.name}"
    return build_pdf(out, story, Page(data.company, lb, footer, footer))
