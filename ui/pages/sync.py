"""Sync: log in, run a sync with progress and cancel, the result, the conflict inbox and the
changes the server rejected (with its reasons)."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import format as fmt
from ui import sync_bridge
from ui.context import AppContext
from ui.dialogs.conflict import ConflictDialog, value_text
from ui.errors import error_text, field_label
from ui.models.table import Column
from ui.widgets.tables import RowTable

log = logging.getLogger(__name__)


class SyncPage(QWidget):
    """Evening sync with the company server; everything else works offline."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.task: Any = None
        self.dialogs: list[QWidget] = []
        title = QLabel(self.tr("Sync"))
        title.setObjectName("pageTitle")
        self.account = QLabel()
        self.account.setObjectName("syncAccount")
        self.login_button = QPushButton(self.tr("Log in…"))
        self.login_button.setObjectName("loginButton")
        self.login_button.clicked.connect(self.open_login)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncButton")
        self.sync_button.clicked.connect(self.start_sync)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelSync")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.phase = QLabel()
        self.phase.setObjectName("syncPhase")
        self.result = QLabel()
        self.result.setObjectName("syncResult")
        self.result.setWordWrap(True)
        self.conflicts = RowTable(
            [
                Column(self.tr("Record"), lambda r: r.entity),
                Column(self.tr("Field"), lambda r: field_label(r.field)),
                Column(self.tr("On this laptop"), lambda r: value_text(r.local_value)),
                Column(self.tr("On the server"), lambda r: value_text(r.remote_value)),
            ],
            "conflictTable",
            stretch=2,
        )
        self.conflicts.doubleClicked.connect(lambda _i: self.open_conflict())
        resolve = QPushButton(self.tr("Resolve…"))
        resolve.setObjectName("resolveConflict")
        resolve.clicked.connect(self.open_conflict)
        self.rejected = RowTable(
            [
                Column(
                    self.tr("Change"), lambda r: str(r.mutation_no), sort=lambda r: r.mutation_no
                ),
                Column(self.tr("Record"), lambda r: r.entity),
                Column(self.tr("Operation"), lambda r: r.op),
                Column(self.tr("Reason"), lambda r: r.reason or ""),
            ],
            "rejectedTable",
            stretch=3,
        )
        top = QHBoxLayout()
        top.addWidget(self.account, 1)
        top.addWidget(self.login_button)
        top.addWidget(self.sync_button)
        top.addWidget(self.cancel_button)
        prog = QHBoxLayout()
        prog.addWidget(self.phase)
        prog.addWidget(self.progress, 1)
        self.conflict_box = QGroupBox()
        cl = QVBoxLayout(self.conflict_box)
        cl.addWidget(self.conflicts, 1)
        cl.addWidget(resolve)
        self.rejected_box = QGroupBox()
        QVBoxLayout(self.rejected_box).addWidget(self.rejected)
        lists = QHBoxLayout()
        lists.addWidget(self.conflict_box, 1)
        lists.addWidget(self.rejected_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addLayout(prog)
        layout.addWidget(self.result)
        layout.addLayout(lists, 1)

    # ----- state ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Account line, conflict inbox and rejected changes."""
        ws = self.ctx.ws
        if sync_bridge.signed_in(ws):
            self.account.setText(
                self.tr("Signed in to {url} as {user}").format(
                    url=sync_bridge.server_url(ws), user=ws.state("username") or "?"
                )
            )
        else:
            self.account.setText(
                self.tr("Not signed in. Everything works offline; log in to sync.")
            )
        last = sync_bridge.last_sync(ws)
        if not self.result.text():
            self.result.setText(
                self.tr("Last sync: {when}").format(when=fmt.datetime_text(last))
                if last
                else self.tr("Never synced")
            )
        mod = sync_bridge.client()
        conflicts = mod.list_conflicts(ws) if mod else []
        rejected = mod.rejected_items(ws) if mod else []
        self.conflicts.set_rows(conflicts)
        self.rejected.set_rows(rejected)
        self.conflict_box.setTitle(self.tr("Conflict inbox ({n})").format(n=len(conflicts)))
        self.rejected_box.setTitle(self.tr("Rejected by the server ({n})").format(n=len(rejected)))

    def open_login(self) -> None:
        """Show the login dialog."""
        from ui.dialogs.login import LoginDialog

        dialog = LoginDialog(self.ctx, self)
        dialog.logged_in.connect(self._logged_in)
        self.dialogs.append(dialog)
        dialog.open()

    def _logged_in(self) -> None:
        self.result.setText(self.tr("Logged in."))
        self.ctx.changed("sync")
        self.refresh()

    # ----- sync -------------------------------------------------------------------------
    def start_sync(self) -> None:
        """Run a sync on the worker pool with progress; Ctrl+Shift+S."""
        mod = sync_bridge.client()
        if mod is None or self.task is not None:
            return
        if not sync_bridge.signed_in(self.ctx.ws):
            self.open_login()
            return
        ws = self.ctx.ws

        def work(task: Any) -> Any:
            engine = mod.SyncEngine(ws)
            return engine.run(
                progress=lambda phase, done, total: task.progress(done, total, phase),
                cancel=lambda: task.cancelled,
            )

        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 0)
        self.result.setText(self.tr("Syncing…"))
        self.task = self.ctx.runner.run(
            work,
            name="sync",
            on_done=self._done,
            on_error=self._failed,
            on_progress=self._progress,
        )

    def cancel(self) -> None:
        """Stop the sync at the next safe point (nothing half-applied)."""
        if self.task is not None:
            self.task.cancel()

    def _progress(self, done: int, total: int, phase: str) -> None:
        self.phase.setText(phase)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _finish(self) -> None:
        self.task = None
        self.sync_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.progress.setRange(0, 1)

    def _done(self, report: Any) -> None:
        self._finish()
        self.progress.setValue(1)
        text = self.tr(
            "Sync finished in {s:.1f} s: sent {pushed}, received {pulled}, merged {merged}, "
            "conflicts {conflicts}, rejected {rejected}."
        ).format(
            s=report.seconds,
            pushed=report.pushed,
            pulled=report.pulled,
            merged=report.merged,
            conflicts=report.conflicts,
            rejected=report.rejected,
        )
        if report.cancelled:
            text = self.tr("Sync cancelled; what was done is kept.") + " " + text
        self.result.setText(text)
        self.ctx.changed("sync")
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.result.setText(error_text(exc))
        self.refresh()

    def open_conflict(self) -> ConflictDialog | None:
        """Open the selected conflict side by side."""
        item = self.conflicts.current_row()
        if item is None:
            return None
        dialog = ConflictDialog(self.ctx, item, self)
        dialog.resolved.connect(lambda _i: self.refresh())
        self.dialogs.append(dialog)
        dialog.open()
        return dialog
