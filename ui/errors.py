"""The one place that turns exceptions into messages a sales rep understands."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from app import errors as core_errors
from app.errors import FormError, ValidationError, WaiqinError
from ui.i18n import render

log = logging.getLogger(__name__)


def field_label(field: str) -> str:
    """Translated label of a form field named in a ValidationError."""
    labels: dict[str, str] = getattr(core_errors, "_FIELD_LABELS", {})
    source = labels.get(field)
    return QCoreApplication.translate("fields", source) if source else field


def validation_text(exc: ValidationError) -> str:
    """'Field: problem' in the UI language."""
    return QCoreApplication.translate("errors", "{field}: {problem}").format(
        field=field_label(exc.field), problem=render(exc.message)
    )


def field_errors(exc: BaseException) -> dict[str, str]:
    """Per-field problems of a refused form (the bare problem text, no label)."""
    if isinstance(exc, FormError):
        out: dict[str, str] = {}
        for e in exc.errors:
            out.setdefault(e.field, render(e.message))
        return out
    if isinstance(exc, ValidationError):
        return {exc.field: render(exc.message)}
    return {}


def error_text(exc: BaseException) -> str:
    """The text shown for ``exc``: the core's message, or a generic one for bugs."""
    if isinstance(exc, FormError):
        return "\n".join(validation_text(e) for e in exc.errors)
    if isinstance(exc, ValidationError):
        return validation_text(exc)
    if isinstance(exc, WaiqinError):
        return render(exc.message)
    if isinstance(exc, ConnectionError | TimeoutError):
        return QCoreApplication.translate(
            "errors", "The server cannot be reached. Your work is kept; try again later."
        )
    return QCoreApplication.translate(
        "errors", "Unexpected error ({kind}); details are in the log. Your data is safe."
    ).format(kind=type(exc).__name__)


def is_expected(exc: BaseException) -> bool:
    """True for errors the core raises on purpose (no traceback needed in the log)."""
    return isinstance(exc, WaiqinError | ConnectionError | TimeoutError)
