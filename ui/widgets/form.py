"""Form helpers: fields with an error line under each, filled from the core's errors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b00020; font-size: 12px;"


def widget_value(w: QWidget) -> Any:
    """The value of an input widget as plain data (text, code, bool, ISO date)."""
    if isinstance(w, QLineEdit):
        return w.text()
    if isinstance(w, QPlainTextEdit):
        return w.toPlainText()
    if isinstance(w, QComboBox):
        data = w.currentData()
        return data if data is not None else w.currentText()
    if isinstance(w, QCheckBox):
        return w.isChecked()
    if isinstance(w, QSpinBox):
        return w.value()
    if isinstance(w, QDateEdit):
        if w.specialValueText() and w.date() == w.minimumDate():
            return None
        return w.date().toPython().isoformat()
    raise TypeError(type(w).__name__)


def set_widget_value(w: QWidget, value: Any) -> None:
    """Put plain data back into an input widget (drafts, edit forms)."""
    if isinstance(w, QLineEdit):
        w.setText("" if value is None else str(value))
    elif isinstance(w, QPlainTextEdit):
        w.setPlainText("" if value is None else str(value))
    elif isinstance(w, QComboBox):
        i = w.findData(str(value) if isinstance(value, str) else value)
        if i < 0 and value is not None:
            i = w.findText(str(value))
        if i >= 0:
            w.setCurrentIndex(i)
    elif isinstance(w, QCheckBox):
        w.setChecked(bool(value))
    elif isinstance(w, QSpinBox):
        w.setValue(int(value or 0))
    elif isinstance(w, QDateEdit):
        if not value:
            if w.specialValueText():
                w.setDate(w.minimumDate())
            return
        w.setDate(QDate.fromString(str(value)[:10], "yyyy-MM-dd"))


def changed_signal(w: QWidget) -> Any:
    """The signal a widget emits when the rep edits it."""
    if isinstance(w, QLineEdit):
        return w.textChanged
    if isinstance(w, QPlainTextEdit):
        return w.textChanged
    if isinstance(w, QComboBox):
        return w.currentIndexChanged
    if isinstance(w, QCheckBox):
        return w.toggled
    if isinstance(w, QSpinBox):
        return w.valueChanged
    if isinstance(w, QDateEdit):
        return w.dateChanged
    raise TypeError(type(w).__name__)


def optional_date_edit() -> QDateEdit:
    """A date field that may stay empty (shows a dash at its minimum)."""
    w = QDateEdit()
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    w.setMinimumDate(QDate(2000, 1, 1))
    w.setSpecialValueText("—")
    w.setDate(w.minimumDate())
    return w


class FieldForm(QObject):
    """Named fields in a QFormLayout, each with its error line; emits ``edited`` (debounced)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, debounce_ms: int = 250) -> None:
        super().__init__(parent)
        self.layout = QFormLayout()
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(debounce_ms)
        self.timer.timeout.connect(self.edited.emit)
        self._loading = False

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        """Add a field with its label; returns the widget."""
        widget.setObjectName(name)
        error = QLabel()
        error.setObjectName(name + "_error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(1)
        col.addWidget(widget)
        col.addWidget(error)
        self.layout.addRow(label, box)
        self.widgets[name] = widget
        self.errors[name] = error
        changed_signal(widget).connect(self._changed)
        return widget

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self.timer.start()

    def values(self) -> dict[str, Any]:
        """All field values as plain data."""
        return {name: widget_value(w) for name, w in self.widgets.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the fields (no ``edited`` signal)."""
        self._loading = True
        try:
            for name, value in values.items():
                w = self.widgets.get(name)
                if w is not None:
                    set_widget_value(w, value)
        finally:
            self._loading = False

    def show_errors(self, errors: dict[str, str]) -> list[str]:
        """Show each field's problem under it; returns problems of fields not on the form."""
        rest: list[str] = []
        for name, label in self.errors.items():
            text = errors.get(name)
            label.setText(text or "")
            label.setVisible(bool(text))
        for name, text in errors.items():
            if name not in self.errors:
                rest.append(text)
        return rest

    def error_of(self, name: str) -> str:
        """The error shown under a field ('' when fine)."""
        label = self.errors.get(name)
        return "" if label is None or label.isHidden() else label.text()
