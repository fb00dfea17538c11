"""Typed errors whose ``text()`` is fit to show a sales rep.

Every error the core raises on purpose is a :class:`WaiqinError`. The UI's one
error-to-message mapper and the CLI both call ``text()``; nothing else should
format exceptions for users.
"""

from __future__ import annotations

from typing import Any

from app.i18n import QT_TRANSLATE_NOOP, Msg, msg


class WaiqinError(Exception):
    """Base of all expected errors; carries a translatable message."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.source.format(**message.args))
        self.message = message

    def text(self, language: str | None = None) -> str:
        """The message in the user's language."""
        return self.message.text(language)


class ValidationError(WaiqinError):
    """A value a user typed is not acceptable. ``field`` names the form field."""

    def __init__(self, field: str, message: Msg) -> None:
        super().__init__(message)
        self.field = field

    def text(self, language: str | None = None) -> str:
        label = field_label(self.field, language)
        return msg(
            "errors",
            QT_TRANSLATE_NOOP("errors", "{field}: {problem}"),
            field=label,
            problem=self.message.text(language),
        ).text(language)


class FormError(WaiqinError):
    """Several field errors found at once (a whole form checked)."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__(errors[0].message)
        self.errors = errors

    def text(self, language: str | None = None) -> str:
        return "\n".join(e.text(language) for e in self.errors)


class NotFoundError(WaiqinError):
    """A record asked for by id does not exist (or is not visible)."""


class WorkspaceError(WaiqinError):
    """The workspace cannot be opened or created (missing, locked, wrong key...)."""


class StateError(WaiqinError):
    """An action is not allowed in the record's current state (e.g. edit a final visit)."""


# Field labels: translatable names of form fields, used in validation messages.
_FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("fields", "Name"),
    "phone": QT_TRANSLATE_NOOP("fields", "Phone"),
    "mobile": QT_TRANSLATE_NOOP("fields", "Mobile"),
    "email": QT_TRANSLATE_NOOP("fields", "Email"),
    "id_number": QT_TRANSLATE_NOOP("fields", "ID number"),
    "credit_code": QT_TRANSLATE_NOOP("fields", "Unified social credit code"),
    "quantity": QT_TRANSLATE_NOOP("fields", "Quantity"),
    "unit_price": QT_TRANSLATE_NOOP("fields", "Unit price"),
    "discount": QT_TRANSLATE_NOOP("fields", "Discount"),
    "tax_rate": QT_TRANSLATE_NOOP("fields", "Tax rate"),
    "amount": QT_TRANSLATE_NOOP("fields", "Amount"),
    "date": QT_TRANSLATE_NOOP("fields", "Date"),
    "valid_until": QT_TRANSLATE_NOOP("fields", "Valid until"),
    "lead_time_days": QT_TRANSLATE_NOOP("fields", "Lead time"),
    "grade": QT_TRANSLATE_NOOP("fields", "Grade"),
    "expected_close": QT_TRANSLATE_NOOP("fields", "Expected close date"),
    "credit_limit": QT_TRANSLATE_NOOP("fields", "Credit limit"),
    "potential": QT_TRANSLATE_NOOP("fields", "Potential"),
    "address": QT_TRANSLATE_NOOP("fields", "Address"),
    "kind": QT_TRANSLATE_NOOP("fields", "Kind"),
    "payer": QT_TRANSLATE_NOOP("fields", "Payer"),
    "method": QT_TRANSLATE_NOOP("fields", "Payment method"),
    "reason": QT_TRANSLATE_NOOP("fields", "Reason"),
    "customer": QT_TRANSLATE_NOOP("fields", "Customer"),
    "product": QT_TRANSLATE_NOOP("fields", "Product"),
    "lines": QT_TRANSLATE_NOOP("fields", "Lines"),
    "passphrase": QT_TRANSLATE_NOOP("fields", "Passphrase"),
    "next_follow_up": QT_TRANSLATE_NOOP("fields", "Next follow-up"),
    "check_out": QT_TRANSLATE_NOOP("fields", "Check-out"),
    "bank_account": QT_TRANSLATE_NOOP("fields", "Bank account"),
    "tax_id": QT_TRANSLATE_NOOP("fields", "Tax ID"),
    "birthday": QT_TRANSLATE_NOOP("fields", "Birthday"),
    "title": QT_TRANSLATE_NOOP("fields", "Title"),
    "purpose": QT_TRANSLATE_NOOP("fields", "Purpose"),
    "payment_terms": QT_TRANSLATE_NOOP("fields", "Payment terms"),
    "delivery_terms": QT_TRANSLATE_NOOP("fields", "Delivery terms"),
    "file": QT_TRANSLATE_NOOP("fields", "File"),
}


def field_label(field: str, language: str | None = None) -> str:
    """Translated label of a form field (falls back to the field's key)."""
    source = _FIELD_LABELS.get(field)
    if source is None:
        return field
    return msg("fields", source).text(language)


def field_error(field: str, context: str, source: str, **args: Any) -> ValidationError:
    """Shorthand: a ValidationError for ``field`` with a translatable message."""
    return ValidationError(field, msg(context, source, **args))
