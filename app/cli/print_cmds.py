"""``waiqin print quote|receipt|order|route|tracking`` and ``waiqin report daily``.

Each writes a PDF (the daily report optionally an .xlsx too), prints the path(s)
written and logs the print or export in the audit log. A bad id, number or date
gives a clear message on stderr and exit code 2, and writes no file.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import add_workspace_args, open_from_args
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.workspace import Workspace

KINDS = ("quote", "receipt", "order", "route", "tracking")


def register(sub: Any) -> None:
    """Add ``print`` and ``report`` to the `waiqin` command."""
    p = sub.add_parser(
        "print",
        help="print a document to PDF",
        description=(
            "Print a document to an A4 PDF with the company letterhead. ID is the record's "
            "id or its number: quote Q-..., receipt R-..., order D-... (or the server's "
            "number), tracking: the customer code; for route, the day YYYY-MM-DD. A receipt "
            "printed again is marked as a copy; every print is written to the audit log."
        ),
    )
    p.add_argument("kind", choices=KINDS, help="which document")
    p.add_argument("ref", metavar="ID", help="id or number of the record (route: YYYY-MM-DD)")
    p.add_argument("--out", type=Path, required=True, help="PDF file to write")
    p.add_argument(
        "--copies-per-page",
        choices=("1", "3"),
        default=None,
        help="receipt only: 3 copies on one page or 1 per page (default: the setting)",
    )
    add_workspace_args(p)
    p.set_defaults(func=cmd_print)

    p = sub.add_parser(
        "report",
        help="export a report",
        description="Export the daily sales report (销售日报) as PDF and optionally .xlsx.",
    )
    reports = p.add_subparsers(dest="report", metavar="REPORT", required=True)
    d = reports.add_parser("daily", help="the daily sales report of one day")
    d.add_argument("--date", default=None, help="the day, YYYY-MM-DD (default: today)")
    d.add_argument("--out", type=Path, required=True, help="PDF file to write")
    d.add_argument("--xlsx", type=Path, default=None, help="also write this .xlsx workbook")
    add_workspace_args(d)
    d.set_defaults(func=cmd_report_daily)


def parse_day(text: str) -> dt.date:
    """A YYYY-MM-DD date, or a ValidationError that says so."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            "date",
            msg(
                "cli",
                QT_TRANSLATE_NOOP("cli", "{value} is not a date; write it as YYYY-MM-DD."),
                value=text,
            ),
        ) from None


def _printer(args: argparse.Namespace) -> Callable[[Workspace], Path]:
    """The print call for the arguments, validated before the workspace is opened."""
    from app.services import printing

    out: Path = args.out
    lang: str | None = args.lang
    if args.kind == "route":
        day = parse_day(args.ref)
        return lambda ws: printing.print_route_sheet(ws, day, out, language=lang)
    if args.kind == "receipt":
        per_page = None if args.copies_per_page is None else args.copies_per_page == "3"
        return lambda ws: printing.print_receipt(
            ws, args.ref, out, copies_per_page=per_page, language=lang
        )
    func = {
        "quote": printing.print_quote,
        "order": printing.print_order,
        "tracking": printing.print_tracking,
    }[args.kind]
    return lambda ws: func(ws, args.ref, out, language=lang)


def cmd_print(args: argparse.Namespace) -> int:
    """Print one document and say where it went."""
    run = _printer(args)
    ws = open_from_args(args)
    try:
        path = run(ws)
    finally:
        ws.close()
    print(path)
    return 0


def cmd_report_daily(args: argparse.Namespace) -> int:
    """Export the daily report (PDF, optionally .xlsx) and print the paths written."""
    from app.services import printing

    day = parse_day(args.date) if args.date else dt.date.today()
    ws = open_from_args(args)
    try:
        pdf, xlsx = printing.daily_report(ws, day, args.out, args.xlsx, language=args.lang)
    finally:
        ws.close()
    print(pdf)
    if xlsx is not None:
        print(xlsx)
    return 0
