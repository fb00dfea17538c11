"""Synthetic documents for the demo, the sample images in docs/ and the tests.

All names, numbers and addresses are invented (测试/示例 names, 555 phone numbers,
a region code that does not exist); never real-looking personal data.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from app.documents.data import (
    Company,
    DailyReportDoc,
    FollowUp,
    GradeVisits,
    LineItem,
    NewCustomer,
    OrderDoc,
    Party,
    PlanItem,
    ProblemNote,
    QuoteDoc,
    ReceiptDoc,
    ReceiptSummary,
    Rep,
    RouteSheetDoc,
    RouteStop,
    TrackingCustomer,
    TrackingDoc,
)
from app.rules.money import round_money

DAY = date(2026, 11, 22)
_PRODUCTS = ("无糖绿茶饮料", "柠檬味苏打水", "原味酸奶饮品", "橙汁果味饮料", "矿泉水", "乌龙茶")
_UNITS = ("箱", "件", "瓶", "套")
_RATES = (Decimal("0.13"), Decimal("0.09"), Decimal("0.06"), Decimal("0"))
_CUSTOMERS = (
    "示例超市有限公司",
    "测试便利店",
    "样例餐饮管理有限公司",
    "演示贸易商行",
    "模拟百货公司",
)


def company() -> Company:
    """Our synthetic company (letterhead)."""
    return Company(
        name="测试商贸有限公司",
        address="上海市测试区样例路100号测试大厦8楼",
        phone="021-5555 0100",
        tax_id="91310000TEST00001X",
        bank_name="测试银行上海样例支行",
        bank_account="6222 0000 1111 2222 333",
    )


def rep() -> Rep:
    """A synthetic sales rep."""
    return Rep(name="李示例", phone="139 5555 0001", email="rep01@example.com")


def customer(i: int = 0) -> Party:
    """A synthetic customer."""
    return Party(
        name=_CUSTOMERS[i % len(_CUSTOMERS)],
        address=f"北京市示例区测试街{i + 1}号",
        contact="王测试",
        phone=f"010-5555 {1000 + i}",
        tax_id="91110000DEMO00002Y",
    )


def lines(n: int) -> tuple[LineItem, ...]:
    """``n`` product lines with amounts computed as the rules layer would."""
    out = []
    for i in range(n):
        qty = Decimal(i % 9 + 1)
        price = Decimal("36.50") + Decimal(i % 17) * Decimal("12.25")
        discount = Decimal(5 * (i % 3))
        amount = round_money(qty * price * (100 - discount) / 100)
        name = _PRODUCTS[i % len(_PRODUCTS)]
        if i % 5 == 4:
            name += "（促销装，买十送一，赠品随货发出，限本次订单有效）"
        out.append(
            LineItem(
                code=f"WQ-{10000 + i}",
                name=name,
                spec=f"{250 + 50 * (i % 6)}ml×{12 + 12 * (i % 2)}",
                unit=_UNITS[i % len(_UNITS)],
                quantity=qty,
                unit_price=price,
                discount_pct=discount,
                tax_rate=_RATES[i % len(_RATES)],
                amount=amount,
            )
        )
    return tuple(out)


def _totals(items: tuple[LineItem, ...]) -> tuple[Decimal, Decimal, Decimal]:
    subtotal = sum((x.amount for x in items), Decimal("0.00"))
    tax = sum((round_money(x.amount * x.tax_rate) for x in items), Decimal("0.00"))
    return subtotal, tax, subtotal + tax


def quote(n_lines: int = 12) -> QuoteDoc:
    """A synthetic quote with ``n_lines`` lines."""
    items = lines(n_lines)
    subtotal, tax, total = _totals(items)
    return QuoteDoc(
        company=company(),
        number="Q-D01-000123",
        quote_date=DAY,
        customer=customer(),
        lines=items,
        subtotal=subtotal,
        tax=tax,
        total=total,
        payment_terms="月结30天，银行转账",
        delivery_terms="送货上门，运费由供方承担",
        lead_time_days=7,
        valid_until=DAY + timedelta(days=30),
        prices_as_of=DAY - timedelta(days=2),
        rep=rep(),
        notes="以上价格含税；样品另计。",
    )


def receipt(*, voided: bool = False, print_count: int = 1) -> ReceiptDoc:
    """A synthetic receipt (optionally voided or reprinted)."""
    return ReceiptDoc(
        company=company(),
        number="R-D01-000123",
        receipt_date=DAY,
        payer=_CUSTOMERS[0],
        amount=Decimal("1234.56"),
        method="银行转账",
        settles="订单 SO-2026-000042 货款",
        collector="李示例",
        print_count=print_count,
        voided=voided,
        void_reason="金额填写错误，已重开" if voided else "",
    )


def daily_report(n_rows: int = 4) -> DailyReportDoc:
    """A synthetic daily report; ``n_rows`` sets the length of each list."""
    receipts = tuple(
        ReceiptSummary(
            number=f"R-D01-{120 + i:06d}",
            payer=_CUSTOMERS[i % len(_CUSTOMERS)],
            method=("现金", "银行转账", "微信支付")[i % 3],
            amount=Decimal("500.00") + Decimal(i) * Decimal("125.50"),
            voided=i == 1,
        )
        for i in range(n_rows)
    )
    return DailyReportDoc(
        company=company(),
        report_date=DAY,
        rep=rep(),
        territory="示例区东片",
        visits=(
            GradeVisits("A", 3, 3),
            GradeVisits("B", 4, 3),
            GradeVisits("C", 2, 1),
            GradeVisits("D", 1, 0),
        ),
        new_customers=tuple(
            NewCustomer(f"新测试客户{i + 1}号店", "C", "陌生拜访") for i in range(min(n_rows, 3))
        ),
        follow_ups_due=6,
        follow_ups_done=5,
        quotes_count=3,
        quotes_amount=Decimal("18650.00"),
        orders_count=2,
        orders_amount=Decimal("9870.40"),
        receipts=receipts,
        conversion_rate=Decimal("0.2857"),
        problems=tuple(
            ProblemNote(
                _CUSTOMERS[i % len(_CUSTOMERS)],
                "竞品降价促销，货架陈列位置被挤占，店主要求增加陈列费用。",
                "申请堆头费用支持，下周二带新品样品复访，与店主确认陈列方案。",
            )
            for i in range(n_rows)
        ),
        tomorrow=tuple(
            PlanItem(_CUSTOMERS[i % len(_CUSTOMERS)], "送货收款，核对上月对账单", time(9 + i % 8))
            for i in range(n_rows)
        ),
        remarks="本日整体完成情况良好，B类客户拜访有一家因店主外出改约。",
    )


def route_sheet(n_stops: int = 8) -> RouteSheetDoc:
    """A synthetic route sheet with ``n_stops`` stops."""
    stops = tuple(
        RouteStop(
            seq=i + 1,
            customer=_CUSTOMERS[i % len(_CUSTOMERS)],
            grade="ABCD"[i % 4],
            address=f"上海市测试区样例路{10 + i}号{i % 3 + 1}楼",
            contact="赵测试",
            phone=f"021-5555 {2000 + i}",
            purpose=("新品介绍，送样品", "回访，收集竞品价格", "送货收款")[i % 3],
            planned_time=time(9 + i % 8, 30 * (i % 2)),
            appointment_confirmed=i % 2 == 0,
            last_visit=DAY - timedelta(days=7 + i) if i % 4 else None,
            open_issues="上次反馈包装破损，需带回换货单" if i % 3 == 1 else "",
        )
        for i in range(n_stops)
    )
    return RouteSheetDoc(
        company=company(),
        visit_date=DAY,
        rep=rep(),
        stops=stops,
        materials=("宣传资料", "样品", "价目表", "收据本"),
        approved_by="张主管",
    )


def order(n_lines: int = 8) -> OrderDoc:
    """A synthetic order confirmation awaiting its official number."""
    items = lines(n_lines)
    subtotal, tax, total = _totals(items)
    return OrderDoc(
        company=company(),
        number=None,
        draft_number="D-D01-000045",
        order_date=DAY,
        status="待审核",
        customer=customer(1),
        lines=items,
        subtotal=subtotal,
        tax=tax,
        total=total,
        payment_terms="货到付款",
        delivery_terms="供方送货",
        delivery_date=DAY + timedelta(days=5),
        delivery_address="",
        rep=rep(),
        notes="请于收货时当面清点数量。",
    )


def tracking(n_rows: int = 10) -> TrackingDoc:
    """A synthetic tracking table with ``n_rows`` follow-ups."""
    follow_ups = tuple(
        FollowUp(
            when=datetime(2026, 10, 1, 9, 30) + timedelta(days=3 * i, hours=i % 5),
            situation=f"第{i + 1}次拜访：与店主沟通新品上架，查看货架陈列与库存情况。",
            problem="店主担心新品动销慢，占用资金。" if i % 2 else "",
            solution="提供首批铺货支持，两周内未售出可调换。" if i % 2 else "",
        )
        for i in range(n_rows)
    )
    return TrackingDoc(
        company=company(),
        customer=TrackingCustomer(
            name="测试个体商户",
            kind="零售终端",
            grade="B",
            address="上海市测试区样例路88号",
            phone="021-5555 3000",
            contact="孙测试",
            contact_title="店主",
            id_number="990000199001011237",
            credit_code="",
            bank_name="测试银行样例支行",
            bank_account="6222000011112222333",
            source="陌生拜访",
            intention="直接型",
            owner="李示例",
            first_contact=date(2026, 9, 28),
            needs="希望增加低糖饮品品类，账期15天。",
        ),
        follow_ups=follow_ups,
        printed_on=DAY,
        rep=rep(),
    )
