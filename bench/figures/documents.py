"""Documents: a quote PDF with 200 lines, and the daily report (PDF) of a busy day."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

from sqlalchemy import func, select

from app.models import Customer, Product, Visit
from app.services.doc_lines import LineDraft
from app.services.printing import daily_report, print_quote
from app.services.quotes import QuoteInput, create_quote
from bench.common import TODAY, Context, Result, below, median
from bench.dataset import open_copy

RUNS = 5


def run(ctx: Context) -> list[Result]:
    """Median of several renders of each."""
    ws = open_copy(ctx.extras["data"] / "ws", ctx.work / "docs-ws")
    out = ctx.work / "docs"
    out.mkdir(exist_ok=True)
    try:
        with ws.sessions() as s:
            customer = s.scalar(
                select(Customer.id).where(Customer.kind == "company").order_by(Customer.code)
            )
            products = s.scalars(select(Product.id).order_by(Product.code).limit(200)).all()
            busiest = s.execute(
                select(func.date(Visit.check_in_at), func.count())
                .group_by(func.date(Visit.check_in_at))
                .order_by(func.count().desc())
                .limit(1)
            ).first()
        assert customer is not None
        lines = tuple(
            LineDraft(product_id=p, quantity=Decimal(1 + i % 9)) for i, p in enumerate(products)
        )
        quote = create_quote(
            ws,
            QuoteInput(customer, lines, quote_date=TODAY, lead_time_days=7, payment_terms="月结"),
        )
        quote_times = []
        for i in range(RUNS):
            t = time.perf_counter()
            print_quote(ws, quote.id, out / f"quote-{i}.pdf", language="zh_CN")
            quote_times.append(time.perf_counter() - t)
        day = dt.date.fromisoformat(busiest[0]) if busiest else TODAY
        report_times = []
        for i in range(RUNS):
            t = time.perf_counter()
            daily_report(ws, day, out / f"daily-{i}.pdf", language="zh_CN")
            report_times.append(time.perf_counter() - t)
        return [
            below(
                "quote pdf 200 lines",
                median(quote_times),
                "s",
                0.5,
                f"{len(lines)} lines, median of {RUNS}",
            ),
            below("daily report pdf", median(report_times), "s", 1.0, f"busiest day {day}"),
        ]
    finally:
        ws.close()
