"""Customer grades (A-E) and follow-up cadence.

A: clear demand, expected close within 1 month; B: within 3 months; C: within
6 months; D: latent, later than 6 months or unknown; E: no chance (死亡客户),
set by hand only and never derived from a date. Months are calendar months
(today + 1 month, day clamped to the month's end). A close date already in the
past counts as imminent (A). Follow-ups are due daily (A), weekly (B), every 15
days (C) or 30 days (D); E customers get none. A new customer must be first
contacted within 7 days or the manager may reassign it.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from enum import StrEnum

from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg


class Grade(StrEnum):
    """Customer grade; members are plain strings ("A" ... "E")."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


GRADES: tuple[str, ...] = tuple(g.value for g in Grade)
FOLLOW_UP_CADENCE_DAYS: dict[str, int] = {"A": 1, "B": 7, "C": 15, "D": 30}
FIRST_CONTACT_DAYS = 7
_GRADE_MONTHS = ((Grade.A, 1), (Grade.B, 3), (Grade.C, 6))


def add_months(day: date, months: int) -> date:
    """``day`` plus calendar ``months``; the day is clamped to the target month's end."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def grade_for_expected_close(today: date, expected_close: date | None) -> Grade:
    """The grade an expected close date implies: A ≤ 1 month, B ≤ 3, C ≤ 6, else D."""
    if expected_close is None:
        return Grade.D
    for grade, months in _GRADE_MONTHS:
        if expected_close <= add_months(today, months):
            return grade
    return Grade.D


def check_grade_close(grade: str, today: date, expected_close: date | None) -> Grade:
    """Check a hand-picked grade against the expected close date; returns the Grade.

    E is always accepted. Raises ValidationError("grade") for an unknown grade, a
    missing date on A-C, or a date that implies another grade.
    """
    try:
        chosen = Grade(grade)
    except ValueError:
        raise ValidationError(
            "grade",
            msg(
                "validation", QT_TRANSLATE_NOOP("validation", "The grade must be A, B, C, D or E.")
            ),
        ) from None
    if chosen is Grade.E:
        return chosen
    if expected_close is None and chosen is not Grade.D:
        raise ValidationError(
            "expected_close",
            msg(
                "validation",
                QT_TRANSLATE_NOOP("validation", "Grades A, B and C need an expected close date."),
            ),
        )
    implied = grade_for_expected_close(today, expected_close)
    if implied is not chosen:
        raise ValidationError(
            "grade",
            msg(
                "validation",
                QT_TRANSLATE_NOOP(
                    "validation",
                    "Grade {grade} does not fit the expected close date (grade {implied}).",
                ),
                grade=chosen.value,
                implied=implied.value,
            ),
        )
    return chosen


def first_contact_deadline(created: date) -> date:
    """Last day to first contact a new customer (7 days after it was recorded)."""
    return created + timedelta(days=FIRST_CONTACT_DAYS)


def next_follow_up_due(grade: str, last_contact: date | None, created: date) -> date | None:
    """When the next follow-up is due by the grade's cadence; None for E (no follow-up).

    Never contacted: the cadence runs from ``created`` but no later than the
    7-day first-contact deadline.
    """
    cadence = FOLLOW_UP_CADENCE_DAYS.get(Grade(grade).value)
    if cadence is None:
        return None
    if last_contact is None:
        return min(created + timedelta(days=cadence), first_contact_deadline(created))
    return last_contact + timedelta(days=cadence)


def is_near_first_contact_limit(
    created: date, today: date, contacted: bool, warn_days: int = 2
) -> bool:
    """True when a not-yet-contacted customer is within ``warn_days`` of (or past) the deadline."""
    if contacted:
        return False
    return (first_contact_deadline(created) - today).days <= warn_days
