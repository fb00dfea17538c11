"""Quotes & orders: draft an order with a discount and watch the live totals and warnings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt

from app.rules.pricing import LineInput, document_totals
from app.services import catalog, customers, orders
from ui.models.lines import DISCOUNT, PRICE, QTY, LinesModel


def test_lines_model_passes_the_model_tester(qtmodeltester: Any, seeded_ws: Any) -> None:
    from ui.models.lines import EditLine

    model = LinesModel()
    p = catalog.search_products(seeded_ws, "", limit=1)[0]
    model.add(EditLine(p.id, p.code, p.name, p.unit, p.tax_rate, "2", "10"))
    qtmodeltester.check(model, force_py=True)


def test_draft_an_order_with_a_discount_and_see_the_totals(window: Any, qtbot: Any) -> None:
    ws = window.ws
    window.navigate("orders")
    page = window.pages["orders"]
    customer = customers.search_customers(ws, "", limit=1)[0]
    editor = page.start_new(kind="order", customer_id=customer.id)
    product = catalog.search_products(ws, "", limit=1)[0]
    qtbot.keyClicks(editor.product_search, product.code)
    qtbot.keyClick(editor.product_search, Qt.Key.Key_Return)
    assert editor.lines.rowCount() == 1
    model = editor.lines
    model.setData(model.index(0, QTY), "3")
    model.setData(model.index(0, PRICE), "100")
    model.setData(model.index(0, DISCOUNT), "10")
    qtbot.waitUntil(
        lambda: (
            editor.last_preview is not None
            and editor.last_preview.totals is not None
            and editor.last_preview.totals.discount > 0
        ),
        timeout=3000,
    )
    expected = document_totals(
        [LineInput(Decimal(3), Decimal(100), discount_pct=Decimal(10), tax_rate=product.tax_rate)]
    )
    assert editor.totals["subtotal"].text() == "¥300.00"
    assert editor.totals["discount"].text() == "¥30.00"
    assert editor.totals["total"].text() == f"¥{expected.total:,.2f}"
    assert model.index(0, 10).data() == f"{expected.total:,.2f}"
    # a bad quantity is refused with the rules' message; the line stays as typed
    model.setData(model.index(0, QTY), "-1")
    qtbot.waitUntil(lambda: bool(editor.error.text()), timeout=3000)
    assert editor.totals["total"].text() == "—"
    assert model.index(0, QTY).data() == "-1"
    model.setData(model.index(0, QTY), "3")
    qtbot.waitUntil(lambda: editor.totals["total"].text() != "—", timeout=3000)
    row = editor.save()
    assert row is not None
    stored = orders.get_order(ws, row.id)
    assert stored.grand_total == expected.total and stored.discount_total == Decimal("30.00")
    editor.reject()
    assert page.orders.source.rowCount() >= 1


def test_price_below_the_band_shows_a_review_warning(window: Any, qtbot: Any) -> None:
    ws = window.ws
    product = next(p for p in catalog.search_products(ws, "", limit=50) if p.min_price)
    customer = customers.search_customers(ws, "", limit=1)[0]
    page = window.pages["orders"]
    editor = page.start_new(kind="order", customer_id=customer.id)
    editor.product_search.setText(product.code)
    assert editor.add_from_search()
    editor.lines.setData(editor.lines.index(0, PRICE), "0.01")
    qtbot.waitUntil(lambda: "minimum" in editor.warnings.text(), timeout=3000)
    assert editor.lines.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    editor.reject()


def test_an_unsaved_order_is_kept_as_a_draft_when_closed(window: Any) -> None:
    ws = window.ws
    customer = customers.search_customers(ws, "", limit=1)[0]
    page = window.pages["orders"]
    editor = page.start_new(kind="order", customer_id=customer.id)
    editor.product_search.setText(catalog.search_products(ws, "", limit=1)[0].code)
    editor.add_from_search()
    editor.notes.setText("call before delivery")
    editor.reject()
    again = page.start_new(kind="order")
    assert again.lines.rowCount() == 1 and again.notes.text() == "call before delivery"
    assert again.customer_id == customer.id
    again.reject()
