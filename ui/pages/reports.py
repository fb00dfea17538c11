"""Reports: the daily sales report (销售日报) on screen, printed to PDF (+ Excel)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import reports
from app.services.reports import DailyReport
from ui import format as fmt
from ui import i18n
from ui.context import AppContext
from ui.errors import error_text
from ui.models.table import Column
from ui.widgets.tables import RowTable


class ReportsPage(QWidget):
    """Figures of a day: visits vs plan by grade, sales, conversion, collections, problems."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.report: DailyReport | None = None
        title = QLabel(self.tr("Daily sales report"))
        title.setObjectName("pageTitle")
        self.day = QDateEdit(QDate(ctx.today()))
        self.day.setObjectName("reportDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.print_button = QPushButton(self.tr("Print daily report (PDF + Excel)"))
        self.print_button.setObjectName("printDailyReport")
        self.print_button.clicked.connect(self.print_report)
        self.route_button = QPushButton(self.tr("Print route sheet"))
        self.route_button.setObjectName("printRouteSheet")
        self.route_button.clicked.connect(self.print_route)
        self.message = QLabel()
        self.message.setObjectName("reportMessage")
        self.message.setWordWrap(True)
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = [
            ("visits", self.tr("Visits done / planned")),
            ("conversion", self.tr("Conversion rate")),
            ("quotes", self.tr("Quotes")),
            ("orders", self.tr("Orders")),
            ("collections", self.tr("Collections")),
            ("new", self.tr("New customers")),
            ("follow", self.tr("Follow-ups done / due")),
        ]
        for i, (key, text) in enumerate(names):
            value = QLabel("—")
            value.setObjectName("fig_" + key)
            value.setStyleSheet("font-size: 16px; font-weight: bold;")
            grid.addWidget(QLabel(text), (i // 4) * 2, i % 4)
            grid.addWidget(value, (i // 4) * 2 + 1, i % 4)
            self.figures[key] = value
        figures_box = QGroupBox(self.tr("Key figures"))
        figures_box.setLayout(grid)
        self.by_grade = RowTable(
            [
                Column(self.tr("Grade"), lambda r: r.grade),
                Column(
                    self.tr("Planned"),
                    lambda r: str(r.planned),
                    sort=lambda r: r.planned,
                    right=True,
                ),
                Column(self.tr("Done"), lambda r: str(r.done), sort=lambda r: r.done, right=True),
            ],
            "gradeTable",
            stretch=0,
        )
        self.problems = RowTable(
            [
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Problem"), lambda r: r.problem),
                Column(self.tr("Solution"), lambda r: r.solution),
            ],
            "problemTable",
            stretch=1,
        )
        self.tomorrow = RowTable(
            [
                Column(self.tr("#"), lambda r: str(r.position), sort=lambda r: r.position),
                Column(self.tr("Customer"), lambda r: r.customer_name),
                Column(self.tr("Purpose"), lambda r: r.purpose or ""),
            ],
            "tomorrowTable",
            stretch=1,
        )
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.day)
        top.addWidget(self.route_button)
        top.addWidget(self.print_button)
        lists = QHBoxLayout()
        for box_title, table, stretch in (
            (self.tr("Visits by grade"), self.by_grade, 2),
            (self.tr("Problems and solutions"), self.problems, 3),
            (self.tr("Tomorrow's plan"), self.tomorrow, 2),
        ):
            box = QGroupBox(box_title)
            QVBoxLayout(box).addWidget(table)
            lists.addWidget(box, stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(figures_box)
        layout.addLayout(lists, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        """Compute the day's report in the background."""
        ws, day = self.ctx.ws, self.day.date().toPython()
        self.ctx.runner.run(
            lambda _t: reports.daily_report(ws, day),
            name="report",
            on_done=self.show_report,
            on_error=lambda exc: self.message.setText(error_text(exc)),
        )

    def show_report(self, r: DailyReport) -> None:
        """Render the figures."""
        self.report = r
        f = self.figures
        f["visits"].setText(f"{r.visits_done} / {r.visits_planned}")
        f["conversion"].setText(
            fmt.percent(r.conversion_rate) if r.conversion_rate is not None else "—"
        )
        f["quotes"].setText(f"{r.quotes_count} · ¥{fmt.money(r.quotes_amount)}")
        f["orders"].setText(f"{r.orders_count} · ¥{fmt.money(r.orders_amount)}")
        f["collections"].setText(f"{len(r.receipts)} · ¥{fmt.money(r.collections_amount)}")
        f["new"].setText(str(len(r.new_customers)))
        f["follow"].setText(f"{r.follow_ups_done} / {r.follow_ups_due}")
        self.by_grade.set_rows(list(r.visits_by_grade))
        self.problems.set_rows(list(r.problems))
        self.tomorrow.set_rows(list(r.tomorrow))

    def print_report(self) -> None:
        """Write the daily report PDF and workbook in the background, then open the PDF."""
        from app.services import printing

        day = self.day.date().toPython()
        folder = Path(self.ctx.ws.subdir("documents"))
        pdf, xlsx = folder / f"daily-report-{day}.pdf", folder / f"daily-report-{day}.xlsx"
        ws, lang = self.ctx.ws, i18n.current_language()
        self.message.setText(self.tr("Printing…"))
        self.ctx.runner.run(
            lambda _t: printing.daily_report(ws, day, pdf, xlsx, language=lang),
            name="pdf",
            on_done=lambda paths: self._done(paths[0]),
            on_error=lambda exc: self.message.setText(error_text(exc)),
        )

    def print_route(self) -> None:
        """Write the day's route sheet (拜访计划) PDF."""
        from app.services import printing

        day = self.day.date().toPython()
        out = Path(self.ctx.ws.subdir("documents")) / f"route-{day}.pdf"
        ws, lang = self.ctx.ws, i18n.current_language()
        self.ctx.runner.run(
            lambda _t: printing.print_route_sheet(ws, day, out, language=lang),
            name="pdf",
            on_done=self._done,
            on_error=lambda exc: self.message.setText(error_text(exc)),
        )

    def _done(self, path: Any) -> None:
        from ui.widgets.open_file import open_file

        self.message.setText(self.tr("Saved {path}").format(path=str(path)))
        open_file(Path(path))
