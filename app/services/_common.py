"""Helpers shared by the service modules: form error collection, lookups, local days.

Services never hand live ORM objects to their callers; these helpers only work
inside a service's own session.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.errors import FormError, NotFoundError, ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import RepProfile, SyncState

T = TypeVar("T")
M = TypeVar("M")

LOCAL_REP = "local"


class Form:
    """Collects every field error of a form, then raises them together.

    One error raises that :class:`ValidationError`; several raise a :class:`FormError`.
    """

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def check(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """Run a validator; remember its error and return None when it refuses."""
        try:
            return func(*args, **kwargs)
        except ValidationError as exc:
            self.errors.append(exc)
            return None

    def add(self, field: str, source: str, **args: Any) -> None:
        """Record an error for ``field`` (``source`` wrapped in QT_TRANSLATE_NOOP)."""
        self.errors.append(ValidationError(field, msg("services", source, **args)))

    def has(self, field: str) -> bool:
        """True when ``field`` already has an error."""
        return any(e.field == field for e in self.errors)

    def raise_if_any(self) -> None:
        """Raise the collected errors, if any."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise FormError(list(self.errors))


def invalid(field: str, source: str, **args: Any) -> ValidationError:
    """A ValidationError in the "services" context (``source`` in QT_TRANSLATE_NOOP)."""
    return ValidationError(field, msg("services", source, **args))


def get_live(session: Session, model: type[M], ident: str | None) -> M:
    """The non-deleted row ``ident`` of ``model``, or NotFoundError."""
    obj = session.get(model, ident) if ident else None
    if obj is None or getattr(obj, "deleted_at", None) is not None:
        raise NotFoundError(
            msg(
                "services",
                QT_TRANSLATE_NOOP("services", "This record does not exist (any more)."),
            )
        )
    return obj


def optional_text(value: str | None, limit: int | None = None) -> str | None:
    """Trimmed text, None when empty; cut to ``limit`` characters when given."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    return text[:limit] if limit else text


def rep_identity(session: Session) -> tuple[str, str]:
    """(username, display name) of the rep on this laptop; ("local", "") before first sync."""
    rep = session.scalar(select(RepProfile).where(RepProfile.deleted_at.is_(None)).limit(1))
    if rep is None:
        return LOCAL_REP, ""
    return rep.username, rep.display_name


def local_tz() -> dt.tzinfo:
    """The laptop's local time zone (dates the rep sees are local dates)."""
    tz = dt.datetime.now().astimezone().tzinfo
    assert tz is not None
    return tz


def local_date(at: dt.datetime) -> dt.date:
    """The local calendar date of a UTC instant."""
    return at.astimezone(local_tz()).date()


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) of a local calendar day as aware datetimes (for UTC columns)."""
    tz = local_tz()
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return start, end


def within_day(column: InstrumentedAttribute[Any], day: dt.date) -> ColumnElement[bool]:
    """SQL condition: ``column`` (UTC instant) falls on the local ``day``."""
    start, end = day_bounds(day)
    return (column >= start) & (column < end)


def prefix_upper_bound(prefix: str) -> str:
    """The smallest string greater than every string starting with ``prefix``.

    ``col >= prefix AND col < bound`` is an index range scan in SQLite, whatever
    the column's collation (LIKE 'x%' is not, under the default NOCASE LIKE).
    """
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def next_local_number(s: Session, column: Any, prefix: str, width: int = 4) -> str:
    """The next local number ``<prefix>0001`` for customers, quotes and orders.

    Never reused: a counter kept in sync_state (same transaction) remembers the
    highest number handed out, so rows purged from this laptop (a customer
    reassigned away) do not free their numbers.
    """
    key = f"numbering:{prefix}"
    state = s.get(SyncState, key)
    counted = int(state.value) if state is not None and state.value.isdigit() else 0
    used = s.scalars(select(column).where(column.like(prefix + "%"))).all()
    in_table = max((int(n[len(prefix) :]) for n in used if n[len(prefix) :].isdigit()), default=0)
    number = max(counted, in_table) + 1
    if state is None:
        s.add(SyncState(key=key, value=str(number)))
    else:
        state.value = str(number)
    return f"{prefix}{number:0{width}d}"
