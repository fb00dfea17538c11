"""Today: the day's visit plan in order, follow-ups due by grade, new customers near their
7-day first-contact limit, overdue receivables, unsynced changes and the last sync."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import plans
from app.services.plans import StopInput
from ui import format as fmt
from ui.context import AppContext
from ui.errors import error_text
from ui.models.table import Column
from ui.today_data import TodayData, load_today
from ui.widgets.privacy import PrivacyCurtain
from ui.widgets.tables import RowTable

log = logging.getLogger(__name__)


class TodayPage(QWidget):
    """The rep's morning screen; plan, reorder and start the day's stops from here."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.data: TodayData | None = None
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.sync_line = QLabel()
        self.sync_line.setObjectName("todaySync")
        self.message = QLabel()
        self.message.setObjectName("todayMessage")
        self.message.setStyleSheet("color: #b00020;")

        self.plan = RowTable(
            [
                Column(self.tr("#"), lambda r: str(r.position), sort=lambda r: r.position),
                Column(
                    self.tr("Time"),
                    lambda r: r.planned_time.strftime("%H:%M") if r.planned_time else "",
                ),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Grade"), lambda r: r.customer_grade),
                Column(self.tr("Purpose"), lambda r: r.purpose or ""),
                Column(self.tr("Appointment"), lambda r: "✓" if r.appointment_confirmed else ""),
                Column(self.tr("Visited"), lambda r: "✓" if r.visited else ""),
            ],
            "planTable",
            stretch=4,
        )
        self.plan.doubleClicked.connect(lambda _i: self.open_file())
        self.purpose = QLineEdit()
        self.purpose.setObjectName("stopPurpose")
        self.purpose.setPlaceholderText(self.tr("Purpose of the next stop"))
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
            ("addStop", self.tr("Add stop…"), self.add_stop),
            ("removeStop", self.tr("Remove"), self.remove_stop),
            ("moveUp", self.tr("Move up"), lambda: self.move(-1)),
            ("moveDown", self.tr("Move down"), lambda: self.move(1)),
            ("checkIn", self.tr("Check in"), self.check_in),
            ("openFile", self.tr("Customer file"), self.open_file),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[name] = b
        buttons.addWidget(self.purpose, 1)
        for b in self.buttons.values():
            buttons.addWidget(b)
        plan_box = QGroupBox(self.tr("Today's visit plan"))
        plan_box.setObjectName("planBox")
        plan_layout = QVBoxLayout(plan_box)
        plan_layout.addWidget(self.plan, 1)
        plan_layout.addLayout(buttons)
        plan_layout.addWidget(self.message)

        self.follow_ups = RowTable(
            [
                Column(self.tr("Grade"), lambda r: r.grade),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Due"), lambda r: fmt.date_text(r.due_on), sort=lambda r: r.due_on),
                Column(
                    self.tr("Days late"),
                    lambda r: str(r.days_overdue),
                    sort=lambda r: r.days_overdue,
                    right=True,
                ),
            ],
            "followUpTable",
            stretch=1,
        )
        self.new_customers = RowTable(
            [
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(
                    self.tr("Contact by"),
                    lambda r: fmt.date_text(r.deadline),
                    sort=lambda r: r.deadline,
                ),
                Column(
                    self.tr("Days left"),
                    lambda r: str(r.days_left),
                    sort=lambda r: r.days_left,
                    right=True,
                    color=lambda r: "#b00020" if r.days_left < 0 else None,
                ),
            ],
            "newCustomerTable",
            stretch=0,
        )
        self.overdue = RowTable(
            [
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Document"), lambda r: r.document_number),
                Column(
                    self.tr("Open"),
                    lambda r: fmt.money(r.open_amount),
                    sort=lambda r: r.open_amount,
                    right=True,
                ),
                Column(
                    self.tr("Days overdue"),
                    lambda r: str(r.days_overdue),
                    sort=lambda r: r.days_overdue,
                    right=True,
                ),
            ],
            "overdueTable",
            stretch=0,
        )
        for table in (self.follow_ups, self.new_customers, self.overdue):
            table.doubleClicked.connect(lambda _i, tb=table: self._open_row(tb))
        self.boxes: dict[str, QGroupBox] = {}
        side = QVBoxLayout()
        for key, table in (
            ("followUps", self.follow_ups),
            ("newCustomers", self.new_customers),
            ("overdue", self.overdue),
        ):
            box = QGroupBox()
            box.setObjectName(key + "Box")
            QVBoxLayout(box).addWidget(table)
            self.boxes[key] = box
            side.addWidget(box, 1)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(plan_box, 0, 0)
        grid.addLayout(side, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self.curtain = PrivacyCurtain()
        self.body = QStackedWidget()
        self.body.addWidget(content)
        self.body.addWidget(self.curtain)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.sync_line)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.body, 1)
        ctx.privacy_changed.connect(lambda on: self.body.setCurrentIndex(1 if on else 0))
        ctx.data_changed.connect(lambda _a: self.refresh() if self.isVisible() else None)
        self.body.setCurrentIndex(1 if ctx.privacy else 0)

    # ----- loading ----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload everything in the background."""
        ws, day = self.ctx.ws, self.ctx.today()
        self.ctx.runner.run(
            lambda _t: load_today(ws, day),
            name="today",
            on_done=self.show_data,
            on_error=lambda exc: self.ctx.status_message.emit(error_text(exc)),
        )

    def show_data(self, data: TodayData) -> None:
        """Render the loaded data."""
        self.data = data
        stops = list(data.stops)
        done = sum(1 for s in stops if s.visited)
        self.title.setText(
            self.tr("Today, {date}: {done} of {n} stops visited").format(
                date=fmt.date_text(data.day), done=done, n=len(stops)
            )
        )
        last = fmt.datetime_text(data.last_sync_at) if data.last_sync_at else self.tr("never")
        self.sync_line.setText(
            self.tr("Unsynced changes: {n} · Last sync: {when}").format(
                n=data.unsynced_count, when=last
            )
        )
        self.plan.set_rows(stops)
        self.follow_ups.set_rows(data.follow_ups)
        self.new_customers.set_rows(data.new_customers)
        self.overdue.set_rows(data.overdue_receivables)
        grades = sorted({r.grade for r in data.follow_ups})
        by_grade = " ".join(
            f"{g}:{sum(1 for r in data.follow_ups if r.grade == g)}" for g in grades
        )
        self.boxes["followUps"].setTitle(
            self.tr("Follow-ups due ({n}, {late} overdue) {by_grade}").format(
                n=data.follow_ups_due_count, late=data.follow_ups_overdue_count, by_grade=by_grade
            )
        )
        self.boxes["newCustomers"].setTitle(
            self.tr("New customers near the 7-day first-contact limit ({n})").format(
                n=len(data.new_customers)
            )
        )
        self.boxes["overdue"].setTitle(
            self.tr("Overdue receivables ({n}, {amount})").format(
                n=data.overdue_count, amount=fmt.yuan(data.overdue_amount)
            )
        )

    # ----- plan actions -----------------------------------------------------------------
    def _call(self, fn: Any, *args: Any) -> bool:
        try:
            fn(*args)
        except Exception as exc:
            self.message.setText(error_text(exc))
            return False
        self.message.setText("")
        self.ctx.changed("plans")
        self.refresh()
        return True

    def add_stop(self, customer_id: str | None = None) -> None:
        """Add a stop at the end of today's plan (asks for the customer when not given)."""
        if customer_id is None:
            from ui.dialogs.pick_customer import CustomerPicker

            picker = CustomerPicker(self.ctx, self)
            picker.picked.connect(self.add_stop)
            self.picker = picker
            picker.open()
            return
        stop = StopInput(customer_id, purpose=self.purpose.text().strip() or None)
        if self._call(plans.add_stop, self.ctx.ws, self.ctx.today(), stop):
            self.purpose.clear()

    def remove_stop(self) -> None:
        """Remove the selected stop."""
        row = self.plan.current_row()
        if row is not None:
            self._call(plans.remove_stop, self.ctx.ws, row.id)

    def move(self, delta: int) -> None:
        """Move the selected stop up (-1) or down (+1) in the day's order."""
        row = self.plan.current_row()
        if row is None or self.data is None:
            return
        ids = [s.id for s in self.data.stops]
        i = ids.index(row.id)
        j = i + delta
        if not 0 <= j < len(ids):
            return
        ids[i], ids[j] = ids[j], ids[i]
        if self._call(plans.reorder_stops, self.ctx.ws, self.ctx.today(), ids):
            self.plan.select_row(j)

    def check_in(self) -> None:
        """Check in at the selected stop: the Visits page opens the visit."""
        row = self.plan.current_row()
        if row is None:
            return
        self.ctx.navigate.emit(
            "visits", {"customer_id": row.customer_id, "plan_stop_id": row.id, "start": True}
        )

    def open_file(self) -> None:
        """Open the selected stop's customer file."""
        row = self.plan.current_row()
        if row is not None:
            self.ctx.navigate.emit("customers", row.customer_id)

    def _open_row(self, table: RowTable) -> None:
        row = table.current_row()
        if row is not None:
            self.ctx.navigate.emit("customers", row.customer_id)
