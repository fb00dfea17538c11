"""Products: the catalog as of the last sync (price, minimum price, tax rate, stock)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services import catalog
from ui import format as fmt
from ui.context import AppContext
from ui.models.table import Column
from ui.widgets.tables import RowTable


class ProductsPage(QWidget):
    """Search the catalog by code, name or pinyin initials; filter by category."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        title = QLabel(self.tr("Products"))
        title.setObjectName("pageTitle")
        self.search = QLineEdit()
        self.search.setObjectName("productFilter")
        self.search.setPlaceholderText(self.tr("Code, name or pinyin initials"))
        self.category = QComboBox()
        self.category.setObjectName("categoryFilter")
        self.table = RowTable(
            [
                Column(self.tr("Code"), lambda r: r.code),
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Spec"), lambda r: r.spec or ""),
                Column(self.tr("Unit"), lambda r: r.unit),
                Column(self.tr("Category"), lambda r: r.category or ""),
                Column(
                    self.tr("List price"),
                    lambda r: fmt.money(r.list_price),
                    sort=lambda r: r.list_price,
                    right=True,
                ),
                Column(
                    self.tr("Minimum price"),
                    lambda r: fmt.money(r.min_price),
                    sort=lambda r: r.min_price,
                    right=True,
                ),
                Column(
                    self.tr("Tax rate"),
                    lambda r: fmt.percent(r.tax_rate),
                    sort=lambda r: r.tax_rate,
                    right=True,
                ),
                Column(
                    self.tr("Stock"),
                    lambda r: fmt.quantity(r.stock_qty),
                    sort=lambda r: r.stock_qty,
                    right=True,
                ),
                Column(
                    self.tr("Stock as of"),
                    lambda r: fmt.datetime_text(r.stock_as_of),
                    sort=lambda r: r.stock_as_of,
                ),
            ],
            "productTable",
            stretch=1,
        )
        self.count = QLabel()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(150)
        self.timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.category.currentIndexChanged.connect(lambda _i: self.refresh())
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.category)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        self._categories_loaded = False

    def refresh(self) -> None:
        """Search the catalog (in the background)."""
        if not self._categories_loaded:
            self._categories_loaded = True
            self.category.blockSignals(True)
            self.category.addItem(self.tr("All categories"), None)
            for c in catalog.categories(self.ctx.ws):
                self.category.addItem(c, c)
            self.category.blockSignals(False)
        ws, q, cat = self.ctx.ws, self.search.text(), self.category.currentData()
        self.ctx.runner.run(
            lambda _t: catalog.search_products(ws, q, limit=1000, category=cat),
            name="products",
            on_done=self._show,
        )

    def _show(self, rows: list[object]) -> None:
        self.table.set_rows(rows)
        self.count.setText(self.tr("{n} products").format(n=len(rows)))
