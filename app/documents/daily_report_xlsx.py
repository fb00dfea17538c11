"""The daily sales report as an .xlsx workbook, for managers who work in Excel.

Same sections as the PDF; amounts are written as numbers (Decimal) with a yuan
number format so that the sheet can be summed, dates as real dates.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from app.documents.base import atomic_output
from app.documents.daily_report import report_totals
from app.documents.data import DailyReportDoc
from app.documents.formatting import fmt_time, ratio
from app.documents.labels import labels_for

log = logging.getLogger(__name__)

MONEY_FORMAT = '"¥"#,##0.00'
PERCENT_FORMAT = "0.0%"
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
_HEAD_FILL = PatternFill("solid", fgColor="EEEEEE")
_BOLD = Font(bold=True)


class _Sheet:
    """Appends rows to a worksheet and styles headers, keeping the row cursor."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws

    def row(
        self, values: Sequence[Any], *, header: bool = False, fmt: dict[int, str] | None = None
    ) -> None:
        self.ws.append(list(values))
        r = self.ws.max_row
        for i, _ in enumerate(values, start=1):
            cell = self.ws.cell(row=r, column=i)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if header:
                cell.font = _BOLD
                cell.fill = _HEAD_FILL
            if fmt and i in fmt:
                cell.number_format = fmt[i]

    def section(self, title: str) -> None:
        self.ws.append([])
        self.ws.append([title])
        self.ws.cell(row=self.ws.max_row, column=1).font = Font(bold=True, size=12)


def write_daily_report_xlsx(data: DailyReportDoc, out: Path, *, language: str = "zh_CN") -> Path:
    """Write the daily report to ``out`` as an .xlsx workbook and return the path."""
    lb = labels_for(language)
    d = data
    totals = report_totals(d)
    wb = Workbook()
    ws = wb.active
    ws.title = lb["report_title"][:31]
    s = _Sheet(ws)
    ws.append([d.company.name])
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.append([lb["report_title"]])
    ws.cell(row=2, column=1).font = Font(bold=True, size=13)
    s.row([lb["report_date"], d.report_date], fmt={2: DATE_FORMAT})
    s.row([lb["rep"], d.rep.name])
    s.row([lb["territory"], d.territory])

    s.section(lb["sec_visits"])
    s.row([lb["col_grade"], lb["col_planned"], lb["col_done"], lb["col_done_rate"]], header=True)
    for v in d.visits:
        s.row([v.grade, v.planned, v.done, ratio(v.done, v.planned)], fmt={4: PERCENT_FORMAT})
    s.row(
        [lb["total_row"], totals.planned, totals.done, ratio(totals.done, totals.planned)],
        header=True,
        fmt={4: PERCENT_FORMAT},
    )

    s.section(lb["sec_kpi"])
    s.row([lb["kpi_new_customers"], len(d.new_customers)])
    s.row([lb["kpi_follow_ups"], d.follow_ups_due, d.follow_ups_done])
    s.row([lb["kpi_quotes"], d.quotes_count, d.quotes_amount], fmt={3: MONEY_FORMAT})
    s.row([lb["kpi_orders"], d.orders_count, d.orders_amount], fmt={3: MONEY_FORMAT})
    s.row([lb["kpi_collections"], totals.collected], fmt={2: MONEY_FORMAT})
    s.row([lb["kpi_receipts"], totals.receipts, totals.voided])
    s.row([lb["kpi_conversion"], d.conversion_rate], fmt={2: PERCENT_FORMAT})

    s.section(lb["sec_new_customers"])
    s.row([lb["col_customer"], lb["col_grade"], lb["col_source"]], header=True)
    for c in d.new_customers:
        s.row([c.name, c.grade, c.source])

    s.section(lb["sec_receipts"])
    s.row(
        [
            lb["col_receipt_no"],
            lb["col_payer"],
            lb["col_method"],
            lb["col_amount"],
            lb["col_status"],
        ],
        header=True,
    )
    for r in d.receipts:
        status = lb["status_void"] if r.voided else lb["status_valid"]
        s.row([r.number, r.payer, r.method, r.amount, status], fmt={4: MONEY_FORMAT})
    s.row([lb["total_row"], "", "", totals.collected, ""], header=True, fmt={4: MONEY_FORMAT})

    s.section(lb["sec_problems"])
    s.row([lb["col_customer"], lb["col_problem"], lb["col_solution"]], header=True)
    for n in d.problems:
        s.row([n.customer, n.problem, n.solution])

    s.section(lb["sec_tomorrow"])
    s.row([lb["col_seq"], lb["col_customer"], lb["col_purpose"], lb["col_time"]], header=True)
    for i, t in enumerate(d.tomorrow, start=1):
        s.row([i, t.customer, t.purpose, fmt_time(t.planned_time)])
    if d.remarks:
        s.section(lb["remarks"])
        s.row([d.remarks])

    for col, width in zip("ABCDE", (30, 30, 30, 18, 12), strict=True):
        ws.column_dimensions[col].width = width
    with atomic_output(Path(out)) as tmp:
        wb.save(str(tmp))
    log.info("daily report workbook written")
    return Path(out)
