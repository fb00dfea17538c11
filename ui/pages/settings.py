"""Settings: language, idle lock, unlock PIN, receipt copies, backups."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import WaiqinError
from app.services import settings as settings_service
from ui import format as fmt
from ui import i18n
from ui.context import AppContext
from ui.errors import error_text
from ui.lock import set_pin, uses_passphrase
from ui.models.table import Column
from ui.widgets.tables import RowTable

log = logging.getLogger(__name__)


class SettingsPage(QWidget):
    """Preferences of this laptop, kept in the encrypted workspace."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.backup_task: Any = None
        title = QLabel(self.tr("Settings"))
        title.setObjectName("pageTitle")
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.copies = QSpinBox()
        self.copies.setObjectName("receiptCopies")
        self.copies.setRange(1, 3)
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.save)
        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock after idle"), self.idle)
        form.addRow(self.tr("Receipt copies per page"), self.copies)
        general = QGroupBox(self.tr("General"))
        gl = QVBoxLayout(general)
        gl.addLayout(form)
        gl.addWidget(self.save_button)

        security = QGroupBox(self.tr("Unlock"))
        sl = QVBoxLayout(security)
        if uses_passphrase(ctx.ws):
            sl.addWidget(
                QLabel(self.tr("This workspace unlocks with its passphrase."), wordWrap=True)
            )
        else:
            self.pin = QLineEdit()
            self.pin.setObjectName("pinInput")
            self.pin.setEchoMode(QLineEdit.EchoMode.Password)
            pin_button = QPushButton(self.tr("Set PIN"))
            pin_button.setObjectName("setPin")
            pin_button.clicked.connect(self.save_pin)
            row = QHBoxLayout()
            row.addWidget(QLabel(self.tr("PIN (with the key in the system keyring)")))
            row.addWidget(self.pin, 1)
            row.addWidget(pin_button)
            sl.addLayout(row)

        backups = QGroupBox(self.tr("Backups"))
        bl = QVBoxLayout(backups)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.cancel_backup = QPushButton(self.tr("Cancel"))
        self.cancel_backup.setObjectName("cancelBackup")
        self.cancel_backup.setEnabled(False)
        self.cancel_backup.clicked.connect(lambda: self.backup_task and self.backup_task.cancel())
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.backups = RowTable(
            [
                Column(
                    self.tr("Created"),
                    lambda r: fmt.datetime_text(r.created_at),
                    sort=lambda r: r.created_at,
                ),
                Column(self.tr("Reason"), lambda r: r.reason),
                Column(
                    self.tr("Size (KB)"),
                    lambda r: f"{r.size // 1024:,}",
                    sort=lambda r: r.size,
                    right=True,
                ),
                Column(
                    self.tr("Records"),
                    lambda r: str(r.records),
                    sort=lambda r: r.records,
                    right=True,
                ),
                Column(
                    self.tr("Unsynced"),
                    lambda r: str(r.unsynced),
                    sort=lambda r: r.unsynced,
                    right=True,
                ),
            ],
            "backupTable",
            stretch=0,
        )
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.cancel_backup)
        row.addWidget(self.progress, 1)
        bl.addLayout(row)
        bl.addWidget(self.backups, 1)

        left = QVBoxLayout()
        left.addWidget(general)
        left.addWidget(security)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(backups, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        """Show the stored settings and the backup list."""
        s = settings_service.get_settings(self.ctx.ws)
        self.language.setCurrentIndex(max(self.language.findData(i18n.current_language()), 0))
        self.idle.setValue(s.idle_lock_minutes)
        self.copies.setValue(s.receipt_copies_per_page)
        self._list_backups()

    def save(self) -> bool:
        """Store the settings; a language change rebuilds the window in that language."""
        current = settings_service.get_settings(self.ctx.ws)
        language = str(self.language.currentData())
        try:
            settings_service.save_settings(
                self.ctx.ws,
                replace(
                    current,
                    language=language,
                    idle_lock_minutes=self.idle.value(),
                    receipt_copies_per_page=self.copies.value(),
                ),
            )
        except WaiqinError as exc:
            self.message.setText(error_text(exc))
            return False
        self.ctx.changed("settings")
        if language != i18n.current_language():
            i18n.install_language(language)
            self.ctx.language_changed.emit(language)  # this page is rebuilt
            return True
        self.message.setText(self.tr("Settings saved."))
        return True

    def save_pin(self) -> None:
        """Set (or clear) the unlock PIN."""
        set_pin(self.ctx.ws, self.pin.text() or None)
        self.pin.clear()
        self.message.setText(self.tr("PIN saved."))

    # ----- backups ----------------------------------------------------------------------
    def _list_backups(self) -> None:
        try:
            from app.backup_files import list_backups
        except ImportError:
            return
        self.backups.set_rows(list_backups(self.ctx.ws.path / "backups"))

    def backup_now(self) -> None:
        """Make a verified backup in the background, with progress and cancel."""
        from app import backup

        ws = self.ctx.ws

        def work(task: Any) -> Any:
            return backup.create_backup(
                ws,
                "manual",
                progress=lambda done, total: task.progress(done, total),
                cancel=lambda: task.cancelled,
            )

        self.backup_button.setEnabled(False)
        self.cancel_backup.setEnabled(True)
        self.progress.setValue(0)
        self.backup_task = self.ctx.runner.run(
            work,
            name="backup",
            on_done=self._backup_done,
            on_error=self._backup_failed,
            on_progress=self._backup_progress,
        )

    def _backup_progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _backup_done(self, result: Any) -> None:
        self.backup_button.setEnabled(True)
        self.cancel_backup.setEnabled(False)
        self.progress.setValue(self.progress.maximum())
        self.message.setText(
            self.tr("Backup {name} written and verified.").format(name=result.info.name)
        )
        self._list_backups()

    def _backup_failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.cancel_backup.setEnabled(False)
        self.message.setText(error_text(exc))
