"""The quote / order editor: customer, lines from the catalog with live totals, discounts,
tax and review warnings (price below band, credit limit, stock). Autosaves a draft."""

from __future__ import annotations

import logging
from dataclasses import asdict
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from app.errors import WaiqinError
from app.services import catalog, customers, orders, quotes
from ui import format as fmt
from ui import prefs
from ui.context import AppContext
from ui.dialogs import document_layout
from ui.doc_preview import Preview, preview
from ui.errors import error_text
from ui.i18n import render
from ui.models.lines import EditLine

log = logging.getLogger(__name__)


class DocumentEditor(QDialog):
    """Edit a quote (kind="quote") or an order draft (kind="order")."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        kind: str,
        doc_id: str | None = None,
        customer_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.doc_id = doc_id
        self.customer_id = customer_id
        self.last_preview: Preview | None = None
        self.setObjectName("documentEditor")
        self.setWindowTitle(self.tr("Quote") if kind == "quote" else self.tr("Order draft"))
        self.resize(1100, 680)
        document_layout.build(self)

        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(120)
        self.preview_timer.timeout.connect(self.run_preview)
        self._load()
        self.dirty = self._restored
        for w in (self.payment_terms, self.notes, self.delivery):
            w.textChanged.connect(self._edited)

    def _edited(self, *_args: Any) -> None:
        self.dirty = True
        self.save_draft()

    # ----- state ------------------------------------------------------------------------
    @property
    def draft_name(self) -> str:
        """Draft key of this editor."""
        return f"{self.kind}.{self.doc_id or 'new'}"

    def _load(self) -> None:
        draft = prefs.load_draft(self.ctx.ws, self.draft_name)
        if self.doc_id:
            row = (
                quotes.get_quote(self.ctx.ws, self.doc_id)
                if self.kind == "quote"
                else orders.get_order(self.ctx.ws, self.doc_id)
            )
            self.customer_id = row.customer_id
            self.payment_terms.setText(row.payment_terms or "")
            self.notes.setText(row.notes or "")
            if self.kind == "quote":
                self.date1.setDate(QDate(row.valid_until))
                self.delivery.setText(row.delivery_terms or "")
                self.lead.setValue(row.lead_time_days or 0)
            else:
                if row.delivery_date:
                    self.date1.setDate(QDate(row.delivery_date))
                self.delivery.setText(row.delivery_address or "")
            self.lines.set_lines(
                [
                    EditLine(
                        line.product_id or "",
                        line.product_code,
                        line.product_name,
                        line.unit,
                        line.tax_rate,
                        fmt.quantity(line.quantity),
                        f"{line.unit_price.normalize():f}",
                        fmt.quantity(line.discount_pct),
                        line.is_gift,
                    )
                    for line in row.lines
                ]
            )
        if draft:
            self._restore(draft)
            self.error.setText(self.tr("Restored your unsaved changes."))
        self._show_customer()
        self.run_preview()
        self._restored = bool(draft)
        if not draft:
            prefs.clear_draft(self.ctx.ws, self.draft_name)

    def _restore(self, draft: dict[str, Any]) -> None:
        self.customer_id = draft.get("customer_id") or self.customer_id
        self.payment_terms.setText(draft.get("payment_terms", ""))
        self.notes.setText(draft.get("notes", ""))
        self.delivery.setText(draft.get("delivery", ""))
        if draft.get("date1"):
            self.date1.setDate(QDate.fromString(draft["date1"], "yyyy-MM-dd"))
        lines = []
        for d in draft.get("lines", []):
            d = dict(d)
            d["tax_rate"] = Decimal(str(d["tax_rate"]))
            lines.append(EditLine(**d))
        self.lines.set_lines(lines)

    def save_draft(self) -> None:
        """Autosave what was typed (encrypted in the workspace)."""
        data = {
            "customer_id": self.customer_id,
            "payment_terms": self.payment_terms.text(),
            "notes": self.notes.text(),
            "delivery": self.delivery.text(),
            "date1": self.date1.date().toString("yyyy-MM-dd"),
            "lines": [
                {**asdict(line), "tax_rate": str(line.tax_rate)} for line in self.lines.lines
            ],
        }
        prefs.save_draft(self.ctx.ws, self.draft_name, data)

    def _show_customer(self) -> None:
        if self.customer_id:
            row = customers.get_row(self.ctx.ws, self.customer_id)
            self.customer_label.setText(f"{row.code}  {row.name}")

    def choose_customer(self) -> None:
        """Pick the customer of the document."""
        from ui.dialogs.pick_customer import CustomerPicker

        self.picker = CustomerPicker(self.ctx, self)
        self.picker.picked.connect(self.set_customer)
        self.picker.open()

    def set_customer(self, customer_id: str) -> None:
        """Set the customer (credit check follows)."""
        self.customer_id = customer_id
        self._show_customer()
        self.schedule_preview()

    # ----- lines ------------------------------------------------------------------------
    def _hint(self) -> None:
        query = self.product_search.text().strip()
        if not query:
            self.product_hint.setText("")
            return
        found = catalog.search_products(self.ctx.ws, query, limit=3)
        self.product_hint.setText(
            "  |  ".join(f"{p.code} {p.name} ¥{fmt.money(p.list_price)}" for p in found)
            or self.tr("No product found")
        )

    def add_from_search(self) -> bool:
        """Add the first product matching the search box."""
        found = catalog.search_products(self.ctx.ws, self.product_search.text().strip(), limit=1)
        if not found:
            self.product_hint.setText(self.tr("No product found"))
            return False
        p = found[0]
        self.lines.add(
            EditLine(p.id, p.code, p.name, p.unit, p.tax_rate, "1", f"{p.list_price.normalize():f}")
        )
        self.product_search.clear()
        return True

    def remove_line(self) -> None:
        """Remove the selected line."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.lines.remove(rows[0].row())

    # ----- preview ----------------------------------------------------------------------
    def schedule_preview(self) -> None:
        """Recompute totals shortly after the last edit."""
        self.dirty = True
        self.save_draft()
        self.preview_timer.start()

    def run_preview(self) -> None:
        """Live totals and warnings, from the same code that saves."""
        drafts = [line.draft() for line in self.lines.lines]
        ws, cid, day = self.ctx.ws, self.customer_id, self.ctx.today()
        self.ctx.runner.run(
            lambda _t: preview(ws, cid, drafts, day), name="doc-preview", on_done=self.show_preview
        )

    def show_preview(self, pv: Preview) -> None:
        """Render totals, warnings and refusals."""
        self.last_preview = pv
        if pv.totals is not None:
            self.totals["subtotal"].setText(fmt.yuan(pv.totals.subtotal))
            self.totals["discount"].setText(fmt.yuan(pv.totals.discount))
            self.totals["tax"].setText(fmt.yuan(pv.totals.tax))
            self.totals["total"].setText(fmt.yuan(pv.totals.total))
        else:
            for label in self.totals.values():
                label.setText("—")
        flags: dict[int, str] = {}
        texts: list[str] = []
        for m, line in pv.warnings:
            text = render(m)
            texts.append("⚠ " + text)
            if line is not None:
                flags[line] = text
        self.lines.set_totals(list(pv.totals.lines) if pv.totals else None, flags)
        self.warnings.setText("\n".join(texts))
        if pv.error is not None and self.lines.lines:
            self.error.setText(error_text(pv.error))
        elif not self.error.text().startswith(self.tr("Restored")):
            self.error.setText("")

    # ----- saving -----------------------------------------------------------------------
    def _input(self) -> Any:
        lines = tuple(line.draft() for line in self.lines.lines)
        date1 = self.date1.date().toPython()
        if self.kind == "quote":
            return quotes.QuoteInput(
                customer_id=self.customer_id or "",
                lines=lines,
                valid_until=date1,
                payment_terms=self.payment_terms.text(),
                delivery_terms=self.delivery.text(),
                lead_time_days=self.lead.value() or None,
                notes=self.notes.text(),
            )
        return orders.OrderInput(
            customer_id=self.customer_id or "",
            lines=lines,
            delivery_date=date1,
            delivery_address=self.delivery.text(),
            payment_terms=self.payment_terms.text(),
            notes=self.notes.text(),
        )

    def save(self) -> Any | None:
        """Save through the service; a refusal keeps everything typed."""
        self.save_draft()
        if not self.customer_id:
            self.error.setText(self.tr("Choose the customer first."))
            return None
        old_draft = self.draft_name
        try:
            data = self._input()
            if self.kind == "quote":
                row = (
                    quotes.update_quote(self.ctx.ws, self.doc_id, data)
                    if self.doc_id
                    else quotes.create_quote(self.ctx.ws, data)
                )
            else:
                row = (
                    orders.update_order(self.ctx.ws, self.doc_id, data)
                    if self.doc_id
                    else orders.create_order(self.ctx.ws, data)
                )
        except WaiqinError as exc:
            self.error.setText(error_text(exc))
            return None
        prefs.clear_draft(self.ctx.ws, old_draft)
        self.dirty = False
        self.doc_id = row.id
        number = getattr(row, "number", None) or getattr(row, "local_number", "")
        self.error.setText(self.tr("Saved as {number}.").format(number=number))
        self.ctx.changed("orders")
        self.saved.emit(row)
        return row

    def submit(self) -> Any | None:
        """Save, then submit the order (it waits for sync and the server's review)."""
        if self.save() is None:
            return None
        try:
            row = orders.submit_order(self.ctx.ws, self.doc_id or "")
        except WaiqinError as exc:
            self.error.setText(error_text(exc))
            return None
        self.ctx.changed("orders")
        self.saved.emit(row)
        self.accept()
        return row

    def reject(self) -> None:
        if self.dirty:
            self.save_draft()
        else:
            prefs.clear_draft(self.ctx.ws, self.draft_name)
        super().reject()
