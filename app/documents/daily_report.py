"""销售日报: the rep's daily sales report, as PDF and as an .xlsx workbook.

Figures come computed from the service layer; the report only adds up columns of
already-rounded amounts (Decimal) and counts for its total rows.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from app.documents.base import (
    BODY,
    CELL_C,
    CELL_R,
    SECTION,
    SHADE,
    Page,
    Title,
    build_pdf,
    content_width,
    data_table,
    grid_style,
    info_table,
    p,
    preflight,
    signature_block,
)
from app.documents.data import DailyReportDoc
from app.documents.formatting import fmt_date, fmt_money, fmt_percent, fmt_time, ratio
from app.documents.labels import labels_for

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReportTotals:
    """Sums shown on the report: visit counts and collected money (non-voided receipts)."""

    planned: int
    done: int
    collected: Decimal
    receipts: int
    voided: int


def report_totals(data: DailyReportDoc) -> ReportTotals:
    """Add up the day's visit counts and the amounts of the receipts that stand."""
    collected = sum((r.amount for r in data.receipts if not r.voided), Decimal("0.00"))
    return ReportTotals(
        planned=sum(v.planned for v in data.visits),
        done=sum(v.done for v in data.visits),
        collected=collected,
        receipts=len(data.receipts),
        voided=sum(1 for r in data.receipts if r.voided),
    )


def kpi_rows(
    data: DailyReportDoc, totals: ReportTotals, lb: Mapping[str, str]
) -> list[tuple[str, str]]:
    """The key figures as (label, printed value), shared by the PDF and the workbook."""
    return [
        (lb["kpi_new_customers"], str(len(data.new_customers))),
        (lb["kpi_follow_ups"], f"{data.follow_ups_due} / {data.follow_ups_done}"),
        (lb["kpi_quotes"], f"{data.quotes_count} / {fmt_money(data.quotes_amount)}"),
        (lb["kpi_orders"], f"{data.orders_count} / {fmt_money(data.orders_amount)}"),
        (lb["kpi_collections"], fmt_money(totals.collected)),
        (lb["kpi_receipts"], f"{totals.receipts} ({totals.voided})"),
        (lb["kpi_conversion"], fmt_percent(data.conversion_rate)),
    ]


def _section(title: str, body: Flowable) -> list[Flowable]:
    # A heading never ends a page: it moves on unless room for a few rows is left.
    return [CondPageBreak(30 * mm), Spacer(1, 3 * mm), p(title, SECTION), body]


def _empty(lb: Mapping[str, str]) -> Flowable:
    return p(lb["none"], BODY)


def render_daily_report(data: DailyReportDoc, out: Path, *, language: str = "zh_CN") -> Path:
    """Render the daily sales report to ``out`` (A4 PDF) and return the path."""
    lb = labels_for(language)
    lang = "en" if language == "en" else "zh_CN"
    totals = report_totals(data)
    kpis = kpi_rows(data, totals, lb)
    preflight(data, lb, *(v for _, v in kpis))
    w = content_width()
    d = data
    story: list[Flowable] = [
        Title(lb["report_title"]),
        info_table(
            [
                (lb["report_date"], fmt_date(d.report_date, lang)),
                (lb["rep"], d.rep.name),
                (lb["territory"], d.territory),
                (lb["rep_contact"], d.rep.phone),
            ],
            w,
        ),
    ]
    visit_rows = [
        [
            p(v.grade, CELL_C),
            p(str(v.planned), CELL_R),
            p(str(v.done), CELL_R),
            p(fmt_percent(ratio(v.done, v.planned)), CELL_R),
        ]
        for v in d.visits
    ]
    visit_rows.append(
        [
            p(lb["total_row"], CELL_C),
            p(str(totals.planned), CELL_R),
            p(str(totals.done), CELL_R),
            p(fmt_percent(ratio(totals.done, totals.planned)), CELL_R),
        ]
    )
    visits = data_table(
        [lb["col_grade"], lb["col_planned"], lb["col_done"], lb["col_done_rate"]],
        visit_rows,
        [w / 4] * 4,
        extra=[("BACKGROUND", (0, -1), (-1, -1), SHADE)],
    )
    story += _section(lb["sec_visits"], visits)
    kpi_table = Table(
        [[p(k), p(v, CELL_R)] for k, v in kpis],
        colWidths=[w * 0.6, w * 0.4],
        style=grid_style(header_rows=0, extra=[("BACKGROUND", (0, 0), (0, -1), SHADE)]),
    )
    story += _section(lb["sec_kpi"], kpi_table)
    new = (
        data_table(
            [lb["col_customer"], lb["col_grade"], lb["col_source"]],
            [[p(c.name), p(c.grade, CELL_C), p(c.source)] for c in d.new_customers],
            [w * 0.55, w * 0.15, w * 0.30],
        )
        if d.new_customers
        else _empty(lb)
    )
    story += _section(lb["sec_new_customers"], new)
    if d.receipts:
        rows = [
            [
                p(r.number),
                p(r.payer),
                p(r.method),
                p(fmt_money(r.amount), CELL_R),
                p(lb["status_void"] if r.voided else lb["status_valid"], CELL_C),
            ]
            for r in d.receipts
        ]
        rows.append([p(lb["total_row"]), "", "", p(fmt_money(totals.collected), CELL_R), ""])
        receipts: Flowable = data_table(
            [
                lb["col_receipt_no"],
                lb["col_payer"],
                lb["col_method"],
                lb["col_amount"],
                lb["col_status"],
            ],
            rows,
            [w * 0.2, w * 0.34, w * 0.14, w * 0.2, w * 0.12],
            extra=[("BACKGROUND", (0, -1), (-1, -1), SHADE)],
        )
    else:
        receipts = _empty(lb)
    story += _section(lb["sec_receipts"], receipts)
    problems = (
        data_table(
            [lb["col_customer"], lb["col_problem"], lb["col_solution"]],
            [[p(n.customer), p(n.problem), p(n.solution)] for n in d.problems],
            [w * 0.24, w * 0.38, w * 0.38],
        )
        if d.problems
        else _empty(lb)
    )
    story += _section(lb["sec_problems"], problems)
    plan = (
        data_table(
            [lb["col_seq"], lb["col_customer"], lb["col_purpose"], lb["col_time"]],
            [
                [
                    p(str(i), CELL_C),
                    p(t.customer),
                    p(t.purpose),
                    p(fmt_time(t.planned_time), CELL_C),
                ]
                for i, t in enumerate(d.tomorrow, start=1)
            ],
            [w * 0.08, w * 0.34, w * 0.46, w * 0.12],
        )
        if d.tomorrow
        else _empty(lb)
    )
    story += _section(lb["sec_tomorrow"], plan)
    if d.remarks:
        story += _section(lb["remarks"], p(d.remarks, BODY))
    story += [Spacer(1, 8 * mm), signature_block([lb["sign_rep"], lb["sign_manager"]], lb, w)]
    log.info("rendering daily report")
    footer = f"{lb['report_title']} {fmt_date(d.report_date, lang)} {d.rep.name}"
    return build_pdf(out, story, Page(d.company, lb, footer, footer))
