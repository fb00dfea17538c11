"""Visits: check in at a customer, record the visit, check out; the day's visits list."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.enums import VisitChannel, VisitKind
from app.errors import WaiqinError
from app.services import customers, visits
from app.services.visits import VisitRow
from ui import format as fmt
from ui import i18n, prefs
from ui.context import AppContext
from ui.dialogs.visit_form import VisitForm
from ui.errors import error_text, field_errors
from ui.models.table import Column
from ui.widgets.photos import PhotoStrip
from ui.widgets.tables import RowTable

log = logging.getLogger(__name__)


class VisitsPage(QWidget):
    """Left: the visits of a day. Right: check in, or record the open visit and check out."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.open: VisitRow | None = None
        self.pending: dict[str, Any] = {}
        title = QLabel(self.tr("Visits"))
        title.setObjectName("pageTitle")
        self.day = QDateEdit()
        self.day.setObjectName("visitDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate(ctx.today()))
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.table = RowTable(
            [
                Column(
                    self.tr("Check-in"),
                    lambda r: fmt.time_text(r.check_in_at),
                    sort=lambda r: r.check_in_at,
                ),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Kind"), lambda r: i18n.label(r.kind)),
                Column(self.tr("Stage"), lambda r: i18n.label(r.stage)),
                Column(self.tr("Status"), lambda r: i18n.label(r.status)),
                Column(
                    self.tr("Next follow-up"),
                    lambda r: fmt.date_text(r.next_follow_up),
                    sort=lambda r: r.next_follow_up,
                ),
            ],
            "visitTable",
            stretch=1,
        )
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Day")))
        row.addWidget(self.day)
        row.addStretch(1)
        lv.addLayout(row)
        lv.addWidget(self.table, 1)
        self.note = QLineEdit()
        self.note.setObjectName("visitNote")
        self.note.setPlaceholderText(self.tr("Add a note to the selected finished visit"))
        add_note = QPushButton(self.tr("Add note"))
        add_note.setObjectName("addNote")
        add_note.clicked.connect(self.add_note)
        nrow = QHBoxLayout()
        nrow.addWidget(self.note, 1)
        nrow.addWidget(add_note)
        lv.addLayout(nrow)
        self.selected_photos = PhotoStrip(ctx, name="selectedPhotos")
        self.selected_label = QLabel(self.tr("Photos of the selected visit"))
        lv.addWidget(self.selected_label)
        lv.addWidget(self.selected_photos)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        self.selected_photos.added.connect(lambda _r: self.photos.refresh())

        # check-in panel
        self.checkin_box = QGroupBox(self.tr("Check in"))
        self.checkin_box.setObjectName("checkInBox")
        self.customer_label = QLabel(self.tr("No customer chosen"))
        self.customer_label.setObjectName("checkInCustomer")
        choose = QPushButton(self.tr("Choose customer…"))
        choose.setObjectName("chooseCustomer")
        choose.clicked.connect(self.choose_customer)
        self.kind = QComboBox()
        self.kind.setObjectName("visitKind")
        for k in VisitKind:
            self.kind.addItem(i18n.label(k), k.value)
        self.channel = QComboBox()
        self.channel.setObjectName("visitChannel")
        for c in VisitChannel:
            self.channel.addItem(i18n.label(c), c.value)
        self.checkin_button = QPushButton(self.tr("Check in"))
        self.checkin_button.setObjectName("checkInButton")
        self.checkin_button.clicked.connect(self.check_in)
        cv = QVBoxLayout(self.checkin_box)
        crow = QHBoxLayout()
        crow.addWidget(self.customer_label, 1)
        crow.addWidget(choose)
        cv.addLayout(crow)
        crow2 = QHBoxLayout()
        crow2.addWidget(self.kind)
        crow2.addWidget(self.channel)
        crow2.addStretch(1)
        crow2.addWidget(self.checkin_button)
        cv.addLayout(crow2)

        # record panel
        self.record_box = QGroupBox()
        self.record_box.setObjectName("recordBox")
        self.photos = PhotoStrip(ctx, name="visitPhotos")
        self.form = VisitForm()
        self.photos.added.connect(lambda _r: self.selected_photos.refresh())
        self.form.edited.connect(self.save_draft)
        self.message = QLabel()
        self.message.setObjectName("visitMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save record"))
        self.save_button.setObjectName("saveVisit")
        self.save_button.clicked.connect(self.save_record)
        self.checkout_button = QPushButton(self.tr("Save and check out"))
        self.checkout_button.setObjectName("checkOutButton")
        self.checkout_button.clicked.connect(self.check_out)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        rv = QVBoxLayout(self.record_box)
        rv.addWidget(scroll, 1)
        rv.addWidget(self.photos)  # outside the scrolled fields: always at hand
        rv.addWidget(self.message)
        brow = QHBoxLayout()
        brow.addStretch(1)
        brow.addWidget(self.save_button)
        brow.addWidget(self.checkout_button)
        rv.addLayout(brow)

        right = QWidget()
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(0, 0, 0, 0)
        rlay.addWidget(self.checkin_box)
        rlay.addWidget(self.record_box, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([520, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(split, 1)
        ctx.data_changed.connect(lambda a: self.refresh() if a == "sync" else None)

    # ----- data -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the open visit and the day's list."""
        day = self.day.date().toPython()
        selected = self.table.current_row()
        rows = visits.list_visits(self.ctx.ws, day=day)
        self.table.set_rows(rows)
        ids = [r.id for r in rows]
        if selected is not None and selected.id in ids:
            self.table.select_row(ids.index(selected.id))
        self.open = visits.open_visit(self.ctx.ws)
        self._show_state()
        self._selected()

    def _selected(self) -> None:
        row = self.table.current_row()
        self.selected_photos.set_owner(row.id if row is not None else None)

    def _show_state(self) -> None:
        self.checkin_box.setEnabled(self.open is None)
        self.checkin_box.setVisible(self.open is None)  # room for the record at 1366×768
        self.record_box.setEnabled(self.open is not None)
        self.photos.set_owner(self.open.id if self.open is not None else None)
        if self.open is None:
            self.record_box.setTitle(self.tr("Visit record (check in first)"))
            return
        self.record_box.setTitle(
            self.tr("Visit at {customer}, checked in {time}").format(
                customer=self.open.customer_name, time=fmt.time_text(self.open.check_in_at)
            )
        )
        draft = prefs.load_draft(self.ctx.ws, "visit." + self.open.id)
        if draft:
            self.form.set_values(draft)

    def open_item(self, arg: object) -> None:
        """From Today or a customer file: preselect the customer (and plan stop)."""
        if isinstance(arg, dict):
            self.pending = dict(arg)
            cid = arg.get("customer_id")
            if cid:
                self._set_customer(str(cid))

    def start_new(self) -> None:
        """Ctrl+N: focus the check-in (or the open visit's form)."""
        self.refresh()
        if self.open is None:
            self.kind.setFocus()
        else:
            self.form.form.widgets["stage"].setFocus()

    def _set_customer(self, customer_id: str) -> None:
        row = customers.get_row(self.ctx.ws, customer_id)
        self.pending["customer_id"] = customer_id
        self.customer_label.setText(f"{row.code}  {row.name}")

    def choose_customer(self) -> None:
        """Pick the customer to check in at."""
        from ui.dialogs.pick_customer import CustomerPicker

        picker = CustomerPicker(self.ctx, self)
        picker.picked.connect(self._picked)
        self.picker = picker
        picker.open()

    def _picked(self, customer_id: str) -> None:
        self.pending.pop("plan_stop_id", None)
        self._set_customer(customer_id)

    # ----- actions ----------------------------------------------------------------------
    def check_in(self) -> VisitRow | None:
        """Start the visit at the chosen customer."""
        cid = self.pending.get("customer_id")
        if not cid:
            self.message.setText(self.tr("Choose the customer first."))
            return None
        try:
            row = visits.check_in(
                self.ctx.ws,
                cid,
                self.kind.currentData(),
                self.channel.currentData(),
                plan_stop_id=self.pending.get("plan_stop_id"),
            )
        except WaiqinError as exc:
            self.message.setText(error_text(exc))
            return None
        self.pending = {}
        self.customer_label.setText(self.tr("No customer chosen"))
        self.form.clear()
        self.message.setText("")
        self.ctx.changed("visits")
        self.refresh()
        return row

    def save_draft(self) -> None:
        """Autosave the open visit's form."""
        if self.open is not None:
            prefs.save_draft(self.ctx.ws, "visit." + self.open.id, self.form.values())

    def save_record(self) -> VisitRow | None:
        """Save the record of the open visit (errors show under the fields)."""
        if self.open is None:
            return None
        self.save_draft()
        try:
            row = visits.record_visit(self.ctx.ws, self.open.id, self.form.to_input())
        except WaiqinError as exc:
            rest = self.form.form.show_errors(field_errors(exc))
            self.message.setText("\n".join(rest) if rest else error_text(exc))
            return None
        self.form.form.show_errors({})
        self.message.setText(self.tr("Saved."))
        self.ctx.changed("visits")
        return row

    def check_out(self) -> VisitRow | None:
        """Save the record, then finish the visit (it becomes a fact)."""
        if self.open is None or self.save_record() is None:
            return None
        try:
            row = visits.check_out(self.ctx.ws, self.open.id)
        except WaiqinError as exc:
            self.message.setText(error_text(exc))
            return None
        prefs.clear_draft(self.ctx.ws, "visit." + row.id)
        self.form.clear()
        self.message.setText(self.tr("Checked out."))
        self.ctx.changed("visits")
        self.refresh()
        return row

    def add_note(self) -> None:
        """Append a note to the selected visit (finished visits are never rewritten)."""
        row = self.table.current_row()
        if row is None or not self.note.text().strip():
            return
        try:
            visits.add_visit_note(self.ctx.ws, row.id, self.note.text())
        except WaiqinError as exc:
            self.message.setText(error_text(exc))
            return
        self.note.clear()
        self.message.setText(self.tr("Note added."))
