"""拜访计划: the route sheet a rep carries for one day (A4 landscape: wide table)."""

from __future__ import annotations

import logging
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.documents.base import (
    BODY,
    CELL_C,
    Page,
    Title,
    build_pdf,
    content_width,
    data_table,
    info_table,
    p,
    preflight,
)
from app.documents.data import RouteSheetDoc
from app.documents.formatting import fmt_date, fmt_time
from app.documents.labels import labels_for

log = logging.getLogger(__name__)

# Column widths as shares of the page width; the last column is left for handwriting.
_SHARES = (0.04, 0.15, 0.15, 0.11, 0.07, 0.14, 0.10, 0.14, 0.10)


def render_route_sheet(data: RouteSheetDoc, out: Path, *, language: str = "zh_CN") -> Path:
    """Render the day's route sheet to ``out`` (A4 landscape PDF) and return the path."""
    lb = labels_for(language)
    lang = "en" if language == "en" else "zh_CN"
    preflight(data, lb)
    pagesize = landscape(A4)
    w = content_width(pagesize)
    d = data
    header = info_table(
        [
            (lb["visit_date"], fmt_date(d.visit_date, lang)),
            (lb["rep"], f"{d.rep.name} {d.rep.phone}".strip()),
            (lb["stops_count"], str(len(d.stops))),
            (lb["approved_by"], d.approved_by),
        ],
        w,
        columns=4,
    )
    rows = []
    for s in d.stops:
        confirmed = lb["confirmed"] if s.appointment_confirmed else lb["unconfirmed"]
        when = f"{fmt_time(s.planned_time)}\n{confirmed}" if s.planned_time else confirmed
        rows.append(
            [
                p(str(s.seq), CELL_C),
                p(f"{s.customer}（{s.grade}）" if s.grade else s.customer),
                p(s.address),
                p(f"{s.contact}\n{s.phone}".strip()),
                p(when, CELL_C),
                p(s.purpose),
                p(fmt_date(s.last_visit, lang) if s.last_visit else lb["first_visit"], CELL_C),
                p(s.open_issues),
                p(""),
            ]
        )
    keys = (
        "col_seq",
        "col_customer_grade",
        "col_address",
        "col_contact",
        "col_appointment",
        "col_purpose",
        "col_last_visit",
        "col_open_issues",
        "col_check_in",
    )
    table = data_table([lb[k] for k in keys], rows, [w * s for s in _SHARES])
    story: list[Flowable] = [Title(lb["route_title"]), header, Spacer(1, 3 * mm)]
    if d.materials:
        story += [p(f"{lb['materials']}：" + "、".join(d.materials), BODY), Spacer(1, 3 * mm)]
    story.append(table if d.stops else p(lb["none"], BODY))
    log.info("rendering route sheet with %d stops", len(d.stops))
    footer = f"{lb['route_title']} {fmt_date(d.visit_date, lang)} {d.rep.name}"
    return build_pdf(out, story, Page(d.company, lb, footer, footer, pagesize=pagesize))
