"""Printing from workspace data: each document shows the stored, rules-computed figures,
receipts count their prints from the audit log, every print is audited exactly when a
file was written, and the daily report agrees with the reports service."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import insert, select

from app.db import transaction
from app.documents.formatting import fmt_date, fmt_money
from app.errors import NotFoundError, StateError, ValidationError
from app.models import (
    AuditEvent,
    CompanyProfile,
    Complaint,
    Customer,
    FollowUpTask,
    OrderDraft,
    Product,
    Receipt,
    Visit,
    new_id,
    utcnow,
)
from app.outbox import REMOTE
from app.rules.capital import amount_in_words
from app.seed import seed
from app.services import printing, reports
from app.services.doc_lines import LineDraft
from app.services.plans import StopInput, plan_day
from app.services.quotes import QuoteInput, QuoteRow, create_quote, update_quote
from app.services.receipts import ReceiptInput, ReceiptRow, issue_receipt, void_receipt
from app.services.settings import Letterhead, set_setting
from tests.unit.documents.documents_helpers import pages_text, squeeze

TODAY = dt.date(2026, 11, 23)  # a Monday


# --- fixtures and helpers -----------------------------------------------------------


@pytest.fixture
def ws(workspace: Any) -> Any:
    """A workspace seeded with a small synthetic demo (company profile, rep, a month)."""
    seed(workspace, customers=30, products=10, seed=7, today=TODAY)
    return workspace


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """Where the documents go (apart from the workspace folder)."""
    return tmp_path / "out"


def files(folder: Path) -> list[str]:
    """Names of the files in ``folder`` (none when it does not exist)."""
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def audit_rows(ws: Any, action: str | None = None) -> list[AuditEvent]:
    with ws.sessions() as s:
        q = select(AuditEvent).order_by(AuditEvent.at, AuditEvent.id)
        if action:
            q = q.where(AuditEvent.action == action)
        return list(s.scalars(q))


def print_audits(ws: Any) -> list[AuditEvent]:
    return [a for a in audit_rows(ws) if a.action in ("print", "reprint", "export")]


def remote_insert(ws: Any, model: type[Any], **values: Any) -> str:
    """A row as if pulled from the server (no outbox row); returns its id."""
    values.setdefault("id", new_id())
    with transaction(ws.sessions) as s:
        s.info[REMOTE] = True
        s.execute(insert(model), [values])
    return str(values["id"])


def first(ws: Any, model: type[Any], *where: Any) -> Any:
    with ws.sessions() as s:
        return s.scalars(select(model).where(*where).order_by(model.id)).first()


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


def text_of(path: Path) -> str:
    return squeeze("".join(pages_text(path)))


def new_quote(ws: Any) -> QuoteRow:
    """A quote with a discounted line and a free-gift line, priced by the service."""
    products = [p.id for p in _products(ws)[:3]]
    customer = first(ws, Customer, Customer.grade == "A") or first(ws, Customer)
    return create_quote(
        ws,
        QuoteInput(
            customer_id=customer.id,
            lines=(
                LineDraft(products[0], "7", "123.45", 5),
                LineDraft(products[1], "3", None, 0),
                LineDraft(products[2], "1", is_gift=True),
            ),
            quote_date=TODAY,
            payment_terms="月结30天",
            delivery_terms="送货上门",
            lead_time_days=7,
        ),
    )


def _products(ws: Any) -> list[Product]:
    with ws.sessions() as s:
        return list(s.scalars(select(Product).order_by(Product.code)))


def new_receipt(ws: Any, amount: str = "1234.56") -> ReceiptRow:
    customer = first(ws, Customer, Customer.grade == "B") or first(ws, Customer)
    return issue_receipt(
        ws,
        ReceiptInput(
            customer_id=customer.id,
            payer="示例付款单位",
            amount=amount,
            method="cash",
            settles="货款 INV-TEST-001",
        ),
    )


# --- quote --------------------------------------------------------------------------


def test_quote_prints_customer_number_lines_and_the_stored_totals(ws: Any, out: Path) -> None:
    q = new_quote(ws)
    out = printing.print_quote(ws, q.number, out / "q.pdf")
    text = text_of(out)
    assert q.customer_name in text
    assert q.number in text
    for line in q.lines:
        assert fmt_money(line.net_amount) in text
    subtotal = q.subtotal - q.discount_total
    assert subtotal + q.tax_total == q.grand_total
    assert fmt_money(subtotal) in text
    assert fmt_money(q.tax_total) in text
    assert fmt_money(q.grand_total) in text
    assert amount_in_words(q.grand_total) in text
    assert "（赠品）" in text  # the gift line is marked (document language: zh_CN)
    assert "下单后7天内交货" in text


def test_quote_is_found_by_id_or_number_and_each_print_is_audited(ws: Any, out: Path) -> None:
    q = new_quote(ws)
    printing.print_quote(ws, q.id, out / "a.pdf")
    printing.print_quote(ws, f"  {q.number} ", out / "b.pdf")
    rows = print_audits(ws)
    assert [(a.action, a.entity, a.entity_id) for a in rows] == [("print", "quote", q.id)] * 2
    assert rows[0].detail == {"document": "quote", "lines": 3, "language": "zh_CN"}


def test_quote_without_lead_time_is_not_printed(ws: Any, out: Path) -> None:
    q = new_quote(ws)
    update_quote(
        ws,
        q.id,
        QuoteInput(
            customer_id=q.customer_id,
            lines=tuple(LineDraft(x.product_id or "", x.quantity) for x in q.lines[:1]),
            quote_date=TODAY,
        ),
    )
    with pytest.raises(ValidationError) as exc:
        printing.print_quote(ws, q.number, out / "q.pdf")
    assert "lead time" in exc.value.text("en")
    assert not files(out)
    assert print_audits(ws) == []


def test_quote_prints_in_english_when_asked(ws: Any, out: Path) -> None:
    q = new_quote(ws)
    text = text_of(printing.print_quote(ws, q.number, out / "q.pdf", language="en"))
    assert "Quotation" in text
    assert "报价单" not in text


def test_letterhead_is_the_company_profile_with_settings_overrides(ws: Any, out: Path) -> None:
    q = new_quote(ws)
    profile = first(ws, CompanyProfile)
    text = text_of(printing.print_quote(ws, q.number, out / "a.pdf"))
    assert profile.name in text
    assert profile.tax_id in text
    set_setting(ws, letterhead=Letterhead(name="覆盖示例有限公司", phone="0571-5550 0000"))
    text = text_of(printing.print_quote(ws, q.number, out / "b.pdf"))
    assert "覆盖示例有限公司" in text
    assert "0571-55500000" in text
    assert profile.name not in text
    assert profile.tax_id in text  # not overridden: still the profile's


# --- order --------------------------------------------------------------------------


def test_order_confirmation_by_draft_or_server_number(ws: Any, out: Path) -> None:
    o = first(ws, OrderDraft, OrderDraft.server_number.is_not(None))
    for i, ref in enumerate((o.local_number, o.server_number, o.id)):
        text = text_of(printing.print_order(ws, ref, out / f"o{i}.pdf"))
        assert o.local_number in text
        assert o.server_number in text
        assert fmt_money(o.grand_total) in text
        assert fmt_money(o.subtotal - o.discount_total) in text
        assert amount_in_words(o.grand_total) in text
    rows = print_audits(ws)
    assert [(a.action, a.entity, a.entity_id) for a in rows] == [("print", "order_draft", o.id)] * 3


def test_order_not_yet_numbered_by_the_server_says_so(ws: Any, out: Path) -> None:
    o = first(ws, OrderDraft, OrderDraft.server_number.is_(None))
    if o is None:
        pytest.skip("the seed made no unnumbered order")
    text = text_of(printing.print_order(ws, o.local_number, out / "o.pdf"))
    assert "审核通过后分配" in text


# --- receipt ------------------------------------------------------------------------


def test_receipt_prints_amount_in_figures_and_capitals_on_three_copies(ws: Any, out: Path) -> None:
    r = new_receipt(ws)
    text = text_of(printing.print_receipt(ws, r.number, out / "r.pdf"))
    assert text.count("¥1,234.56") == 3
    assert text.count("人民币壹仟贰佰叁拾肆元伍角陆分") == 3
    assert text.count("示例付款单位") == 3
    assert "货款INV-TEST-001" in text
    assert "补打" not in text
    assert "作废" not in text


def test_receipt_reprint_is_marked_with_its_count_and_audited_as_reprint(
    ws: Any, out: Path
) -> None:
    r = new_receipt(ws)
    printing.print_receipt(ws, r.id, out / "1.pdf")
    second = text_of(printing.print_receipt(ws, r.number, out / "2.pdf"))
    third = text_of(printing.print_receipt(ws, r.number, out / "3.pdf"))
    assert second.count("补打/COPY（第2次打印）") == 3
    assert third.count("补打/COPY（第3次打印）") == 3
    rows = [a for a in print_audits(ws) if a.entity_id == r.id]
    assert [a.action for a in rows] == ["print", "reprint", "reprint"]
    assert all(a.entity == "receipt" for a in rows)


def test_voided_receipt_prints_void_stamp_and_reason(ws: Any, out: Path) -> None:
    r = new_receipt(ws)
    void_receipt(ws, r.id, "金额写错，作废重开")
    text = text_of(printing.print_receipt(ws, r.number, out / "v.pdf"))
    assert text.count("作废") >= 6  # a stamp and a reason row on each copy
    assert text.count("金额写错，作废重开") == 3
    assert [a.action for a in audit_rows(ws) if a.entity_id == r.id] == ["void", "print"]


def test_receipt_copies_per_page_follows_the_argument_then_the_setting(ws: Any, out: Path) -> None:
    r = new_receipt(ws)
    one = printing.print_receipt(ws, r.id, out / "a.pdf", copies_per_page=False)
    assert len(PdfReader(str(one)).pages) == 3
    assert len(PdfReader(str(printing.print_receipt(ws, r.id, out / "b.pdf"))).pages) == 1
    set_setting(ws, receipt_copies_per_page=1)
    assert len(PdfReader(str(printing.print_receipt(ws, r.id, out / "c.pdf"))).pages) == 3


def test_receipt_whose_words_disagree_with_its_figures_is_refused(ws: Any, out: Path) -> None:
    customer = first(ws, Customer)
    remote_insert(
        ws,
        Receipt,
        number="R-TEST-999999",
        seq_no=999999,
        customer_id=customer.id,
        payer="示例付款单位",
        amount=Decimal("100.00"),
        amount_in_words="贰佰元整",
        method="cash",
        issued_at=utcnow(),
        collector="示例业务员",
    )
    with pytest.raises(StateError) as exc:
        printing.print_receipt(ws, "R-TEST-999999", out / "r.pdf")
    assert "R-TEST-999999" in exc.value.text("en")
    assert not files(out)
    assert print_audits(ws) == []


# --- route sheet --------------------------------------------------------------------


def test_route_sheet_lists_stops_in_order_with_last_visit_and_open_issues(
    ws: Any, out: Path
) -> None:
    day = TODAY + dt.timedelta(days=3)
    ids = [
        remote_insert(
            ws,
            Customer,
            code=f"CT{i}",
            name=name,
            name_key=name,
            kind="retail",
            grade="B",
            owner="rep_demo",
            address=f"示例市测试路{i}号",
            phone=f"1390000{i:04d}",
        )
        for i, name in enumerate(("甲示例店", "乙示例店", "丙示例店"), start=1)
    ]
    last = TODAY - dt.timedelta(days=2)
    visit = remote_insert(
        ws,
        Visit,
        customer_id=ids[1],
        kind="follow_up",
        status="finished",
        check_in_at=at(last, 10),
        check_out_at=at(last, 11),
        problem="样品价格偏高",
    )
    remote_insert(
        ws,
        FollowUpTask,
        customer_id=ids[1],
        due_on=TODAY,
        reason="回访确认报价",
        source_visit_id=visit,
    )
    remote_insert(
        ws,
        Complaint,
        customer_id=ids[1],
        reported_on=last,
        description="外箱破损",
        status="open",
    )
    # Planned in a different order than created: the sheet follows the plan.
    plan_day(
        ws,
        day,
        [
            StopInput(ids[2], "新品推荐", True, dt.time(9, 30)),
            StopInput(ids[1], "回款", False, dt.time(11, 0)),
            StopInput(ids[0], "陈列检查"),
        ],
    )
    text = text_of(printing.print_route_sheet(ws, day, out / "route.pdf"))
    positions = [text.index(n) for n in ("丙示例店", "乙示例店", "甲示例店")]
    assert positions == sorted(positions)
    for expected in ("示例市测试路2号", "13900000002", "新品推荐", "回款", "陈列检查", "09:30"):
        assert expected in text
    assert fmt_date(last) in text
    assert "样品价格偏高；外箱破损；回访确认报价（2026年11月23日）" in text
    assert "首次拜访" in text  # customers never visited
    rows = print_audits(ws)
    assert [(a.action, a.entity) for a in rows] == [("print", "visit_plan")]
    assert rows[0].detail == {"document": "route", "day": day.isoformat(), "stops": 3}


def test_route_sheet_of_a_day_without_plan_is_not_found(ws: Any, out: Path) -> None:
    with pytest.raises(NotFoundError) as exc:
        printing.print_route_sheet(ws, dt.date(2030, 1, 1), out / "r.pdf")
    assert "2030-01-01" in exc.value.text("en")
    assert not files(out)


# --- tracking table -----------------------------------------------------------------


def test_tracking_table_shows_follow_ups_and_masks_sensitive_numbers(ws: Any, out: Path) -> None:
    cid = remote_insert(
        ws,
        Customer,
        code="CT-TRACK",
        name="丁示例",
        name_key="丁示例",
        kind="person",
        grade="C",
        owner="rep_demo",
        id_number="99999919900101123X",
        bank_account="6222000011112222333",
        bank_name="示例银行",
    )
    for day, situation, problem, solution in (
        (TODAY - dt.timedelta(days=9), "初次介绍产品", "预算不足", "推荐小包装"),
        (TODAY - dt.timedelta(days=2), "客户试用满意", "", "约下周下单"),
    ):
        remote_insert(
            ws,
            Visit,
            customer_id=cid,
            kind="follow_up",
            status="finished",
            check_in_at=at(day, 14, 5),
            situation=situation,
            problem=problem or None,
            solution=solution,
        )
    text = text_of(printing.print_tracking(ws, "CT-TRACK", out / "t.pdf"))
    for expected in ("丁示例", "初次介绍产品", "预算不足", "推荐小包装", "客户试用满意", "14:05"):
        assert expected in text
    assert text.index("初次介绍产品") < text.index("客户试用满意")  # oldest first
    assert "99999919900101123X" not in text
    assert "999999********123X" in text
    assert "6222000011112222333" not in text
    assert "6222" + "*" * 11 + "2333" in text
    rows = print_audits(ws)
    assert [(a.action, a.entity, a.entity_id) for a in rows] == [("print", "customer", cid)]


# --- daily report -------------------------------------------------------------------


def _busiest_receipt_day(ws: Any) -> dt.date:
    with ws.sessions() as s:
        days = [r.issued_at.astimezone().date() for r in s.scalars(select(Receipt))]
    return max(set(days), key=lambda d: (days.count(d), d))


def test_daily_report_pdf_and_xlsx_agree_with_the_reports_service(ws: Any, out: Path) -> None:
    day = _busiest_receipt_day(ws)
    figures = reports.daily_report(ws, day)
    assert figures.receipts
    pdf, xlsx = printing.daily_report(ws, day, out / "d.pdf", out / "d.xlsx")
    assert xlsx is not None
    text = text_of(pdf)
    assert fmt_money(figures.collections_amount) in text
    assert fmt_money(figures.quotes_amount) in text
    assert fmt_money(figures.orders_amount) in text
    for r in figures.receipts:
        assert r.number in text
    voided = sum(1 for r in figures.receipts if r.voided)
    assert f"{len(figures.receipts)}({voided})" in text

    sheet = load_workbook(xlsx).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert Decimal(str(rows["收款金额"][0])) == figures.collections_amount
    assert rows["报价（单数 / 金额）"][0] == figures.quotes_count
    assert Decimal(str(rows["报价（单数 / 金额）"][1])) == figures.quotes_amount
    assert rows["订单（单数 / 金额）"][0] == figures.orders_count
    assert Decimal(str(rows["订单（单数 / 金额）"][1])) == figures.orders_amount
    for r in figures.receipts:
        assert Decimal(str(rows[r.number][2])) == r.amount

    events = print_audits(ws)
    assert [(a.action, a.entity) for a in events] == [("export", "daily_report")]
    assert events[0].detail == {
        "document": "daily_report",
        "day": day.isoformat(),
        "formats": "pdf+xlsx",
    }


def test_daily_report_without_workbook_writes_only_the_pdf(ws: Any, out: Path) -> None:
    pdf, xlsx = printing.daily_report(ws, TODAY, out / "d.pdf")
    assert xlsx is None
    assert files(out) == ["d.pdf"]
    assert "销售日报" in text_of(pdf)


# --- failures write nothing ---------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "ref"),
    [
        (printing.print_quote, "Q-NONE-0001"),
        (printing.print_receipt, "R-NONE-000001"),
        (printing.print_order, "D-NONE-0001"),
        (printing.print_tracking, "C-NONE"),
        (printing.print_quote, ""),
    ],
)
def test_unknown_record_is_not_found_and_nothing_is_written(
    ws: Any, out: Path, call: Any, ref: str
) -> None:
    with pytest.raises(NotFoundError) as exc:
        call(ws, ref, out / "x.pdf")
    assert ref in exc.value.text("en")
    assert not files(out)
    assert print_audits(ws) == []


def test_failed_render_leaves_no_file_and_no_audit_row(
    ws: Any, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    q = new_quote(ws)

    def broken(*_: Any, **__: Any) -> Path:
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(printing, "render_quote", broken)
    with pytest.raises(RuntimeError):
        printing.print_quote(ws, q.number, out / "q.pdf")
    assert not files(out)
    assert print_audits(ws) == []


def test_failed_audit_write_leaves_no_file(
    ws: Any, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    q = new_quote(ws)

    def refuse(*_: Any, **__: Any) -> None:
        raise RuntimeError("database locked")

    monkeypatch.setattr(printing.audit, "record", refuse)
    with pytest.raises(RuntimeError):
        printing.print_quote(ws, q.number, out / "q.pdf")
    assert not files(out)


def test_audit_details_hold_no_personal_data(ws: Any, out: Path) -> None:
    q = new_quote(ws)
    r = new_receipt(ws)
    printing.print_quote(ws, q.number, out / "q.pdf")
    printing.print_receipt(ws, r.number, out / "r.pdf")
    printing.print_route_sheet(ws, TODAY, out / "route.pdf")
    printing.daily_report(ws, TODAY, out / "d.pdf", out / "d.xlsx")
    with ws.sessions() as s:
        names = set(s.scalars(select(Customer.name)))
        phones = {p for p in s.scalars(select(Customer.phone)) if p}
    events = print_audits(ws)
    assert len(events) == 4
    for event in events:
        values = {str(v) for v in (event.detail or {}).values()}
        assert not values & (names | phones | {"示例付款单位"})
