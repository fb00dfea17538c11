"""The month of work in the demo data: visits, plans, quotes, orders, money, follow-ups.

Split from :mod:`app.seed` (which makes the catalog and the customers); same RNG,
same transaction, same rules for totals and amounts in words.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import insert

from app.models import (
    Complaint,
    FollowUpTask,
    OrderDraft,
    OrderLine,
    Quote,
    QuoteLine,
    Receipt,
    ReceiptVoid,
    Receivable,
    Visit,
    VisitPlan,
    VisitPlanStop,
    new_id,
)
from app.outbox import WorkspaceSession
from app.rules.capital import amount_in_words
from app.rules.money import round_money
from app.rules.pricing import LineInput, document_totals

CHUNK = 5000
VISITS_PER_DAY = (5, 9)
TODAY_STOPS = 8

PURPOSES = ("新品推荐", "回款", "补货下单", "陈列检查", "处理投诉", "送样品", "签合同", "了解需求")
SITUATIONS = (
    "客户对新品有兴趣，要求试销两周",
    "门店货架陈列整齐，主推产品缺货",
    "采购经理出差，与店长沟通了促销方案",
    "客户反映上批货物包装破损",
    "客户比较了竞品价格，倾向我方质量",
    "年底备货，需求量增加",
)
PROBLEMS = (
    "价格高于竞品",
    "账期要求延长到60天",
    "送货不及时",
    "陈列位置不好",
    "决策人不在",
    "",
)
SOLUTIONS = (
    "申请阶段性促销支持",
    "提交账期申请给经理审批",
    "与物流确认固定送货日",
    "争取端架陈列，提供堆头物料",
    "约下周与老板面谈",
    "",
)
COMPETITORS = ("竞品甲", "竞品乙", "竞品丙", "竞品丁")
PAYMENT_TERMS = ("款到发货", "月结30天", "货到付款", "月结60天")
DELIVERY_TERMS = ("送货上门", "客户自提", "物流配送，运费我方承担")


@dataclass
class SeedContext:
    """State shared by the seed steps: the RNG, today, the rep and the made rows."""

    rng: random.Random
    today: dt.date
    now: dt.datetime
    device_code: str
    rep: str
    rep_name: str
    customers: list[dict[str, Any]] = field(default_factory=list)
    products: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def bulk(
    s: WorkspaceSession, model: type[Any], rows: list[dict[str, Any]], ctx: SeedContext
) -> None:
    """Insert ``rows`` in chunks (one executemany per chunk) and count them."""
    for i in range(0, len(rows), CHUNK):
        s.execute(insert(model), rows[i : i + CHUNK])
    name = model.__tablename__
    ctx.counts[name] = ctx.counts.get(name, 0) + len(rows)


def synced(ctx: SeedContext, created: dt.datetime | None = None) -> dict[str, Any]:
    """Bookkeeping columns of a seeded synced row (known to the server)."""
    at = created or ctx.now
    return {"id": new_id(), "created_at": at, "updated_at": at, "server_rev": 1, "deleted_at": None}


def local_instant(day: dt.date, hour: int, minute: int) -> dt.datetime:
    """An aware instant at a local wall-clock time of ``day``."""
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


def _row(ctx: SeedContext, created: dt.datetime) -> dict[str, Any]:
    return synced(ctx, created)


def seed_activity(s: WorkspaceSession, ctx: SeedContext) -> None:
    """Visits of the last 30 days, today's plan, quotes, orders, receivables and receipts."""
    if not ctx.customers:
        return
    rows: dict[type[Any], list[dict[str, Any]]] = {
        m: []
        for m in (
            VisitPlan,
            VisitPlanStop,
            Visit,
            FollowUpTask,
            Complaint,
            Quote,
            QuoteLine,
            OrderDraft,
            OrderLine,
            Receivable,
            Receipt,
            ReceiptVoid,
        )
    }
    active = [c for c in ctx.customers if c["grade"] != "E"] or ctx.customers
    hot = [c for c in active if c["grade"] in ("A", "B")] or active
    _month_of_visits(ctx, rows, active, hot)
    _todays_plan(ctx, rows, hot)
    _old_receivables(ctx, rows, active)
    _receipts(ctx, rows)
    for model, model_rows in rows.items():
        bulk(s, model, model_rows, ctx)


def _month_of_visits(
    ctx: SeedContext,
    rows: dict[type[Any], list[dict[str, Any]]],
    active: list[dict[str, Any]],
    hot: list[dict[str, Any]],
) -> None:
    rng = ctx.rng
    for back in range(30, 0, -1):
        day = ctx.today - dt.timedelta(days=back)
        if day.weekday() == 6:
            continue
        plan_at = _at(day, 7, 30)
        plan = {**_row(ctx, plan_at), "plan_date": day, "status": "approved", "note": None}
        rows[VisitPlan].append(plan)
        count = rng.randint(*VISITS_PER_DAY)
        chosen = [rng.choice(hot if rng.random() < 0.5 else active) for _ in range(count)]
        for pos, customer in enumerate(chosen, start=1):
            stop = {
                **_row(ctx, plan_at),
                "plan_id": plan["id"],
                "customer_id": customer["id"],
                "position": pos,
                "purpose": rng.choice(PURPOSES),
                "appointment_confirmed": rng.random() < 0.6,
                "planned_time": dt.time(9 + pos, 0) if pos < 9 else None,
            }
            rows[VisitPlanStop].append(stop)
            if rng.random() < 0.12:
                continue  # planned but not visited
            _visit(ctx, rows, day, pos, customer, stop["id"])


def _at(day: dt.date, hour: int, minute: int) -> dt.datetime:
    return local_instant(day, hour, minute)


def _visit(
    ctx: SeedContext,
    rows: dict[type[Any], list[dict[str, Any]]],
    day: dt.date,
    pos: int,
    customer: dict[str, Any],
    stop_id: str | None,
) -> None:
    rng = ctx.rng
    check_in = _at(day, min(8 + pos, 18), rng.randint(0, 50))
    check_out = check_in + dt.timedelta(minutes=rng.randint(15, 70))
    next_follow = day + dt.timedelta(days=rng.choice((1, 3, 7, 14)))
    store_check = None
    if customer["kind"] == "retail":
        store_check = {
            "shelf_display": rng.choice(("good", "fair", "poor")),
            "facings": rng.randint(2, 24),
            "competitors": [
                {"name": name, "price": str(Decimal(rng.randint(300, 900)) / 100)}
                for name in rng.sample(COMPETITORS, 3)
            ],
            "price_tags_ok": rng.random() < 0.8,
        }
    visit = {
        **_row(ctx, check_in),
        "customer_id": customer["id"],
        "plan_stop_id": stop_id,
        "kind": rng.choice(("first", "follow_up", "follow_up", "delivery", "after_sales")),
        "channel": "on_site" if rng.random() < 0.85 else "phone",
        "status": "finished",
        "check_in_at": check_in,
        "check_out_at": check_out,
        "met_person": None,
        "met_is_decision_maker": rng.random() < 0.4,
        "stage": rng.choice(("observe", "opening", "present", "objections", "closing", "signed")),
        "situation": rng.choice(SITUATIONS),
        "problem": rng.choice(PROBLEMS) or None,
        "solution": rng.choice(SOLUTIONS) or None,
        "store_check": store_check,
        "next_follow_up": next_follow,
        "minutes_due": day + dt.timedelta(days=2),
    }
    rows[Visit].append(visit)
    done = next_follow < ctx.today or rng.random() < 0.3
    rows[FollowUpTask].append(
        {
            **_row(ctx, check_out),
            "customer_id": customer["id"],
            "due_on": next_follow,
            "reason": "回访跟进",
            "source_visit_id": visit["id"],
            "done_at": _at(next_follow, 16, 0) if done and next_follow < ctx.today else None,
            "done_visit_id": None,
        }
    )
    if rng.random() < 0.05:
        rows[Complaint].append(
            {
                **_row(ctx, check_out),
                "customer_id": customer["id"],
                "visit_id": visit["id"],
                "reported_on": day,
                "category": rng.choice(("质量", "物流", "价格")),
                "description": "客户反映到货有破损，需要换货",
                "status": rng.choice(("open", "resolved")),
                "resolution": None,
            }
        )
    roll = rng.random()
    if roll < 0.25:
        _document(ctx, rows, "quote", day, customer)
    elif roll < 0.55:
        _document(ctx, rows, "order", day, customer)


def _lines(ctx: SeedContext) -> list[dict[str, Any]]:
    rng = ctx.rng
    out = []
    for product in rng.sample(ctx.products, min(len(ctx.products), rng.randint(1, 4))):
        price = product["list_price"]
        if rng.random() < 0.15:
            price = round_money(product["min_price"] * Decimal("0.97"))
        out.append(
            {
                "product": product,
                "quantity": Decimal(rng.randint(1, 60)),
                "unit_price": price,
                "discount_pct": Decimal(rng.choice((0, 0, 0, 2, 5))),
            }
        )
    return out


def _document(
    ctx: SeedContext,
    rows: dict[type[Any], list[dict[str, Any]]],
    kind: str,
    day: dt.date,
    customer: dict[str, Any],
) -> None:
    if not ctx.products:
        return
    rng = ctx.rng
    lines = _lines(ctx)
    totals = document_totals(
        [
            LineInput(
                ln["quantity"],
                ln["unit_price"],
                discount_pct=ln["discount_pct"],
                tax_rate=ln["product"]["tax_rate"],
            )
            for ln in lines
        ]
    )
    created = _at(day, 15, rng.randint(0, 59))
    head = {
        **_row(ctx, created),
        "customer_id": customer["id"],
        "payment_terms": rng.choice(PAYMENT_TERMS),
        "notes": None,
        "subtotal": totals.subtotal,
        "discount_total": totals.discount,
        "tax_total": totals.tax,
        "grand_total": totals.total,
    }
    if kind == "quote":
        number = sum(1 for _ in rows[Quote]) + 1
        head.update(
            number=f"Q-{ctx.device_code}-{number:04d}",
            contact_id=None,
            status=rng.choice(("sent", "accepted", "declined", "draft")),
            quote_date=day,
            valid_until=day + dt.timedelta(days=30),
            prices_as_of=day,
            delivery_terms=rng.choice(DELIVERY_TERMS),
            lead_time_days=rng.choice((3, 5, 7, 15)),
        )
        rows[Quote].append(head)
        line_model: type[Any] = QuoteLine
        parent_key = "quote_id"
    else:
        number = len(rows[OrderDraft]) + 1
        age = (ctx.today - day).days
        status = (
            rng.choice(("done", "signed", "shipped", "approved"))
            if age > 7
            else rng.choice(("submitted", "pending_review", "approved", "rejected"))
        )
        server = f"SO{day:%Y%m%d}{number:04d}" if status not in ("draft", "submitted") else None
        head.update(
            local_number=f"D-{ctx.device_code}-{number:04d}",
            server_number=server,
            quote_id=None,
            status=status,
            order_date=day,
            delivery_date=day + dt.timedelta(days=rng.choice((2, 3, 5))),
            delivery_address=customer["address"],
            reject_reason="价格低于审批底价" if status == "rejected" else None,
            warnings=None,
            submitted_at=created,
        )
        rows[OrderDraft].append(head)
        line_model, parent_key = OrderLine, "order_id"
        if status in ("approved", "shipped", "signed", "done"):
            paid = rng.choice((Decimal(0), totals.total, round_money(totals.total / 2)))
            rows[Receivable].append(
                {
                    **_row(ctx, created),
                    "customer_id": customer["id"],
                    "order_id": head["id"],
                    "document_number": server,
                    "issued_on": day,
                    "due_on": day + dt.timedelta(days=rng.choice((7, 15, 30))),
                    "amount": totals.total,
                    "paid_amount": paid,
                }
            )
    for pos, (ln, lt) in enumerate(zip(lines, totals.lines, strict=True), start=1):
        product = ln["product"]
        rows[line_model].append(
            {
                **_row(ctx, created),
                parent_key: head["id"],
                "position": pos,
                "product_id": product["id"],
                "product_code": product["code"],
                "product_name": product["name"],
                "spec": product["spec"],
                "unit": product["unit"],
                "quantity": ln["quantity"],
                "unit_price": ln["unit_price"],
                "discount_pct": ln["discount_pct"],
                "tax_rate": product["tax_rate"],
                "net_amount": lt.net,
                "tax_amount": lt.tax,
                "total_amount": lt.total,
                "is_gift": False,
            }
        )


def _todays_plan(
    ctx: SeedContext, rows: dict[type[Any], list[dict[str, Any]]], hot: list[dict[str, Any]]
) -> None:
    rng = ctx.rng
    plan_at = _at(ctx.today, 7, 30)
    plan = {**_row(ctx, plan_at), "plan_date": ctx.today, "status": "approved", "note": None}
    rows[VisitPlan].append(plan)
    chosen = rng.sample(hot, min(TODAY_STOPS, len(hot)))
    for pos, customer in enumerate(chosen, start=1):
        rows[VisitPlanStop].append(
            {
                **_row(ctx, plan_at),
                "plan_id": plan["id"],
                "customer_id": customer["id"],
                "position": pos,
                "purpose": rng.choice(PURPOSES),
                "appointment_confirmed": rng.random() < 0.6,
                "planned_time": dt.time(8 + pos, 30),
            }
        )


def _old_receivables(
    ctx: SeedContext, rows: dict[type[Any], list[dict[str, Any]]], active: list[dict[str, Any]]
) -> None:
    """Bills from before the month (some overdue) so collections have something to show."""
    rng = ctx.rng
    for i in range(min(len(active) // 20, 400)):
        customer = rng.choice(active)
        issued = ctx.today - dt.timedelta(days=rng.randint(20, 120))
        amount = Decimal(rng.randint(50000, 5000000)) / 100
        paid = rng.choice((Decimal(0), Decimal(0), round_money(amount * Decimal("0.4")), amount))
        rows[Receivable].append(
            {
                **_row(ctx, _at(issued, 10, 0)),
                "customer_id": customer["id"],
                "order_id": None,
                "document_number": f"INV{issued:%Y%m}{i + 1:05d}",
                "issued_on": issued,
                "due_on": issued + dt.timedelta(days=30),
                "amount": amount,
                "paid_amount": paid,
            }
        )


def _receipts(ctx: SeedContext, rows: dict[type[Any], list[dict[str, Any]]]) -> None:
    """Receipts this laptop wrote for the paid part of the month's bills (two voided)."""
    rng = ctx.rng
    month_ago = ctx.today - dt.timedelta(days=30)
    paid = [r for r in rows[Receivable] if r["paid_amount"] > 0 and r["issued_on"] >= month_ago]
    paid.sort(key=lambda r: (r["issued_on"], r["document_number"]))
    seq = 0
    for bill in paid:
        seq += 1
        when = _at(min(bill["issued_on"] + dt.timedelta(days=1), ctx.today), 14, rng.randint(0, 59))
        amount = bill["paid_amount"]
        receipt = {
            **_row(ctx, when),
            "number": f"R-{ctx.device_code}-{seq:06d}",
            "seq_no": seq,
            "customer_id": bill["customer_id"],
            "payer": "对方财务",
            "amount": amount,
            "amount_in_words": amount_in_words(amount),
            "method": rng.choice(("cash", "bank_transfer", "wechat", "alipay")),
            "receivable_id": bill["id"],
            "order_id": bill["order_id"],
            "settles": bill["document_number"],
            "issued_at": when,
            "collector": ctx.rep_name,
            "note": None,
        }
        rows[Receipt].append(receipt)
        if seq % 15 == 7:  # a mistyped receipt, voided and written again
            rows[ReceiptVoid].append(
                {
                    **_row(ctx, when),
                    "receipt_id": receipt["id"],
                    "reason": "金额写错，作废重开",
                    "voided_at": when + dt.timedelta(minutes=5),
                    "voided_by": ctx.rep_name,
                }
            )
            seq += 1
            again = dict(receipt, **_row(ctx, when))
            again.update(number=f"R-{ctx.device_code}-{seq:06d}", seq_no=seq)
            rows[Receipt].append(again)
