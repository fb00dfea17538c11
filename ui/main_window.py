"""The main window: navigation sidebar, pages, toolbar shortcuts, status bar, lock screen."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app.workspace import Workspace
from ui import i18n
from ui.context import AppContext
from ui.lock import IdleWatcher, LockScreen
from ui.status import StatusBar
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)


# key, module, class, title (marked for lupdate through QT_TRANSLATE_NOOP-like calls below)
PAGES: list[tuple[str, str, str]] = [
    ("today", "ui.pages.today", "TodayPage"),
    ("customers", "ui.pages.customers", "CustomersPage"),
    ("visits", "ui.pages.visits", "VisitsPage"),
    ("orders", "ui.pages.orders", "OrdersPage"),
    ("collections", "ui.pages.collections", "CollectionsPage"),
    ("products", "ui.pages.products", "ProductsPage"),
    ("reports", "ui.pages.reports", "ReportsPage"),
    ("sync", "ui.pages.sync", "SyncPage"),
    ("settings", "ui.pages.settings", "SettingsPage"),
]


def page_titles() -> dict[str, str]:
    """Translated sidebar titles of the pages."""
    return {
        "today": QCoreApplication.translate("MainWindow", "Today"),
        "customers": QCoreApplication.translate("MainWindow", "Customers"),
        "visits": QCoreApplication.translate("MainWindow", "Visits"),
        "orders": QCoreApplication.translate("MainWindow", "Quotes & orders"),
        "collections": QCoreApplication.translate("MainWindow", "Collections"),
        "products": QCoreApplication.translate("MainWindow", "Products"),
        "reports": QCoreApplication.translate("MainWindow", "Reports"),
        "sync": QCoreApplication.translate("MainWindow", "Sync"),
        "settings": QCoreApplication.translate("MainWindow", "Settings"),
    }


class PageSet(Mapping[str, QWidget]):
    """The window's pages by key, each built the first time it is asked for.

    Building all nine pages up front cost about 0.7 s of every start; now only the
    page shown (and any page code asks for, e.g. ``window.pages["visits"]``) is built.
    Iterating gives every key, but :meth:`built` lists only the pages made so far.
    """

    def __init__(self, keys: list[str], build: Callable[[str], QWidget]) -> None:
        self._keys = list(keys)
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            if key not in self._keys:
                raise KeyError(key)
            page = self._build(key)
            self._built[key] = page
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys  # a question, not a reason to build the page

    def __len__(self) -> int:
        return len(self._keys)

    def is_built(self, key: str) -> bool:
        """True once page ``key`` exists."""
        return key in self._built

    def built(self) -> dict[str, QWidget]:
        """The pages made so far (drafts to save, pages to rebuild), in build order."""
        return dict(self._built)


class MainWindow(QMainWindow):
    """A rep's whole day: Today, Customers, Visits, Quotes & orders, Collections, ..."""

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner | None = None,
        ctx: AppContext | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ws = ws
        self.runner = runner or TaskRunner(self)
        self.ctx = ctx or AppContext(ws, self.runner, parent=self)
        self.extras: dict[str, Any] = self.ctx.extras
        self.pages = PageSet([key for key, _m, _c in PAGES], self._make_page_for)
        self.resize(QSize(1366, 740))
        self.ctx.navigate.connect(self.navigate)
        self.ctx.language_changed.connect(self.retranslate)
        self.ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setIconSize(QSize(18, 18))
        self.sidebar.currentRowChanged.connect(self._show_row)
        self.sidebar.setStyleSheet(
            "QListWidget#sidebar { background: #24364b; color: #e8eef5; border: none;"
            " font-size: 15px; padding-top: 8px; }"
            "QListWidget#sidebar::item { padding: 10px 14px; }"
            "QListWidget#sidebar::item:selected { background: #3b82c4; color: white; }"
        )
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self.stack.setStyleSheet(
            "QLabel#pageTitle { font-size: 18px; font-weight: bold; color: #24364b; }"
        )
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)

        self.lock_screen = LockScreen(ws)
        self.lock_screen.unlocked.connect(self.unlock)
        self.outer = QStackedWidget()
        self.outer.addWidget(body)
        self.outer.addWidget(self.lock_screen)
        self.setCentralWidget(self.outer)

        self.toolbar = QToolBar()
        self.toolbar.setObjectName("toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()

        self.status = StatusBar(self.ctx)
        self.setStatusBar(self.status)

        from app.services.settings import get_settings

        self.idle = IdleWatcher(get_settings(ws).idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        self.ctx.data_changed.connect(self._on_data_changed)
        self._build_pages()
        self.retranslate_chrome()
        self.sidebar.setCurrentRow(0)
        QTimer.singleShot(0, self.status.refresh)

    # ----- building ---------------------------------------------------------------------
    def _make_actions(self) -> None:
        specs = [
            ("new_visit", "Ctrl+N", self.new_visit),
            ("new_order", "Ctrl+Shift+N", self.new_order),
            ("search", "Ctrl+F", self.focus_search),
            ("sync", "Ctrl+Shift+S", self.start_sync),
            ("privacy", "Ctrl+Shift+H", None),
            ("lock", "Ctrl+L", self.lock),
        ]
        for name, keys, slot in specs:
            action = QAction(self)
            action.setObjectName("action_" + name)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            if slot is not None:
                action.triggered.connect(lambda _checked=False, s=slot: s())
            self.toolbar.addAction(action)
            self.actions_by_name[name] = action
        privacy = self.actions_by_name["privacy"]
        privacy.setCheckable(True)
        privacy.toggled.connect(self.ctx.set_privacy)
        self.ctx.privacy_changed.connect(privacy.setChecked)

    def retranslate_chrome(self) -> None:
        """Texts of the window frame: title, sidebar, toolbar."""
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "Waiqin field sales"))
        titles = page_titles()
        for row, (key, _m, _c) in enumerate(PAGES):
            item = self.sidebar.item(row)
            if item is not None:
                item.setText(titles[key])
        texts = {
            "new_visit": QCoreApplication.translate("MainWindow", "New visit"),
            "new_order": QCoreApplication.translate("MainWindow", "New order"),
            "search": QCoreApplication.translate("MainWindow", "Search"),
            "sync": QCoreApplication.translate("MainWindow", "Sync"),
            "privacy": QCoreApplication.translate("MainWindow", "Privacy"),
            "lock": QCoreApplication.translate("MainWindow", "Lock"),
        }
        for name, action in self.actions_by_name.items():
            action.setText(texts[name])
            action.setToolTip(f"{texts[name]} ({action.shortcut().toString()})")
        self.actions_by_name["privacy"].setToolTip(
            QCoreApplication.translate(
                "MainWindow", "Hide customer lists while presenting to a customer"
            )
            + f" ({self.actions_by_name['privacy'].shortcut().toString()})"
        )
        self.status.retranslate()

    def _build_pages(self) -> None:
        """Sidebar entries and an empty slot per page; a page is built on first show."""
        self.sidebar.blockSignals(True)
        self.sidebar.clear()
        self.sidebar.blockSignals(False)
        while self.stack.count():
            widget = self.stack.widget(0)
            if widget is None:
                break
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.pages = PageSet([key for key, _m, _c in PAGES], self._make_page_for)
        for key, _module, _class in PAGES:
            slot = QWidget()
            slot.setObjectName("slot_" + key)
            self.stack.addWidget(slot)
            QListWidgetItem(key, self.sidebar)

    def _make_page_for(self, key: str) -> QWidget:
        """Build page ``key`` and put it in its slot of the stack (keeps the current page)."""
        row = [k for k, _m, _c in PAGES].index(key)
        _key, module_name, class_name = PAGES[row]
        page = self._make_page(module_name, class_name)
        page.setObjectName("page_" + key)
        current = self.stack.currentIndex()
        slot = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        if slot is not None:
            self.stack.removeWidget(slot)
            slot.deleteLater()
        self.stack.setCurrentIndex(current)
        return page

    def _make_page(self, module_name: str, class_name: str) -> QWidget:
        try:
            module = importlib.import_module(module_name)
            cls = getattr(module, class_name)
        except (ImportError, AttributeError) as exc:
            log.warning("page %s unavailable: %s", module_name, exc)
            return QLabel(
                QCoreApplication.translate(
                    "MainWindow", "This page is not available in this build."
                )
            )
        page: QWidget = cls(self.ctx)
        return page

    # ----- navigation -------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.pages[PAGES[row][0]]
        self.stack.setCurrentIndex(row)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def current_key(self) -> str:
        """Key of the page shown."""
        return PAGES[self.stack.currentIndex()][0]

    def navigate(self, key: str, arg: object = None) -> None:
        """Show page ``key``; ``arg`` (e.g. a customer id) goes to the page's ``open``."""
        keys = [k for k, _m, _c in PAGES]
        if key not in keys:
            return
        row = keys.index(key)
        if self.sidebar.currentRow() == row:
            self._show_row(row)
        else:
            self.sidebar.setCurrentRow(row)
        opener = getattr(self.pages[key], "open_item", None)
        if arg is not None and callable(opener):
            opener(arg)

    def retranslate(self, _language: str = "") -> None:
        """Rebuild every page in the new language (drafts were autosaved)."""
        key = self.current_key()
        for page in self.pages.built().values():
            saver = getattr(page, "save_draft", None)
            if callable(saver):
                saver()
        self._build_pages()
        self.lock_screen.deleteLater()
        self.lock_screen = LockScreen(self.ws)
        self.lock_screen.unlocked.connect(self.unlock)
        self.outer.insertWidget(1, self.lock_screen)
        self.retranslate_chrome()
        self.navigate(key)

    def show_note(self, text: str) -> None:
        """A lasting note in the status bar (e.g. the demo passphrase)."""
        self.status.set_note(text)

    # ----- actions ----------------------------------------------------------------------
    def new_visit(self) -> None:
        """Start a visit (Ctrl+N): the Visits page opens its form."""
        self.navigate("visits")
        starter = getattr(self.pages["visits"], "start_new", None)
        if callable(starter):
            starter()

    def new_order(self) -> None:
        """Start an order draft (Ctrl+Shift+N)."""
        self.navigate("orders")
        starter = getattr(self.pages["orders"], "start_new", None)
        if callable(starter):
            starter()

    def focus_search(self) -> None:
        """Search customers (Ctrl+F)."""
        self.navigate("customers")
        focus = getattr(self.pages["customers"], "focus_search", None)
        if callable(focus):
            focus()

    def start_sync(self) -> None:
        """Run a sync (Ctrl+Shift+S) on the Sync page."""
        self.navigate("sync")
        starter = getattr(self.pages["sync"], "start_sync", None)
        if callable(starter):
            starter()

    # ----- lock -------------------------------------------------------------------------
    @property
    def locked(self) -> bool:
        """True while the lock screen covers the window."""
        return self.outer.currentIndex() == 1

    def lock(self) -> None:
        """Cover the window; customer data is hidden until unlocked."""
        if self.locked:
            return
        log.info("window locked")
        for name in ("new_visit", "new_order", "search", "sync", "privacy"):
            self.actions_by_name[name].setEnabled(False)
        self.sidebar.setEnabled(False)
        self.outer.setCurrentIndex(1)
        self.lock_screen.reset()

    def unlock(self) -> None:
        """Show the window again."""
        for action in self.actions_by_name.values():
            action.setEnabled(True)
        self.sidebar.setEnabled(True)
        self.outer.setCurrentIndex(0)
        self.idle.set_minutes(self.idle.minutes)

    def _on_data_changed(self, area: str) -> None:
        if area in ("settings", "*"):
            from app.services.settings import get_settings

            self.idle.set_minutes(get_settings(self.ws).idle_lock_minutes)
        self.status.refresh()
        page = self.stack.currentWidget()
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    # ----- closing ----------------------------------------------------------------------
    def shutdown(self) -> None:
        """Save drafts, stop timers and wait for background work."""
        for page in self.pages.built().values():
            saver = getattr(page, "save_draft", None)
            if callable(saver):
                try:
                    saver()
                except Exception:  # never lose the close because of a draft
                    log.warning("draft not saved on close", exc_info=True)
        self.idle.stop()
        self.status.stop()
        self.runner.wait(10000)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.idle.watch_windows()  # the window exists now: watch its input

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        event.accept()

    def language(self) -> str:
        """The UI language shown."""
        return i18n.current_language()
