"""Spec of app.rules.grades: grades from expected close, cadence, first-contact rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.errors import ValidationError
from app.rules.grades import (
    FOLLOW_UP_CADENCE_DAYS,
    GRADES,
    Grade,
    add_months,
    check_grade_close,
    first_contact_deadline,
    grade_for_expected_close,
    is_near_first_contact_limit,
    next_follow_up_due,
)

TODAY = date(2026, 11, 22)


def test_grade_constants_are_strings() -> None:
    assert GRADES == ("A", "B", "C", "D", "E")
    assert Grade.A == "A"
    assert FOLLOW_UP_CADENCE_DAYS == {"A": 1, "B": 7, "C": 15, "D": 30}


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 22), 3, date(2027, 2, 22)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2026, 12, 1), 12, date(2027, 12, 1)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("expected_close", "grade"),
    [
        (None, "D"),
        (date(2026, 11, 1), "A"),  # already due: imminent
        (TODAY, "A"),
        (date(2026, 12, 22), "A"),  # exactly one month
        (date(2026, 12, 23), "B"),
        (date(2027, 2, 22), "B"),  # exactly three months
        (date(2027, 2, 23), "C"),
        (date(2027, 5, 22), "C"),  # exactly six months
        (date(2027, 5, 23), "D"),
        (date(2030, 1, 1), "D"),
    ],
)
def test_grade_for_expected_close(expected_close: date | None, grade: str) -> None:
    assert grade_for_expected_close(TODAY, expected_close) == grade


@pytest.mark.parametrize(
    ("grade", "expected_close"),
    [
        ("A", date(2026, 12, 1)),
        ("B", date(2027, 1, 30)),
        ("C", date(2027, 4, 1)),
        ("D", None),
        ("D", date(2028, 1, 1)),
        ("E", None),  # E is set by hand, whatever the date
        ("E", date(2026, 12, 1)),
    ],
)
def test_consistent_grades_accepted(grade: str, expected_close: date | None) -> None:
    assert check_grade_close(grade, TODAY, expected_close) == grade


@pytest.mark.parametrize(
    ("grade", "expected_close", "field"),
    [
        ("A", date(2027, 3, 1), "grade"),
        ("B", date(2026, 12, 1), "grade"),
        ("C", date(2028, 1, 1), "grade"),
        ("D", date(2026, 12, 1), "grade"),
        ("A", None, "expected_close"),
        ("B", None, "expected_close"),
        ("C", None, "expected_close"),
        ("F", None, "grade"),
        ("a", date(2026, 12, 1), "grade"),
        ("", None, "grade"),
    ],
)
def test_inconsistent_grades_rejected(grade: str, expected_close: date | None, field: str) -> None:
    with pytest.raises(ValidationError) as err:
        check_grade_close(grade, TODAY, expected_close)
    assert err.value.field == field
    assert err.value.text("en")


def test_mismatch_message_names_both_grades() -> None:
    with pytest.raises(ValidationError) as err:
        check_grade_close("A", TODAY, date(2027, 3, 1))
    assert "Grade A" in err.value.text("en") and "grade C" in err.value.text("en")


@pytest.mark.parametrize(
    ("grade", "last_contact", "due"),
    [
        ("A", date(2026, 11, 20), date(2026, 11, 21)),
        ("B", date(2026, 11, 20), date(2026, 11, 27)),
        ("C", date(2026, 11, 20), date(2026, 12, 5)),
        ("D", date(2026, 11, 20), date(2026, 12, 20)),
        ("E", date(2026, 11, 20), None),
        (Grade.B, date(2026, 12, 31), date(2027, 1, 7)),
    ],
)
def test_next_follow_up_due(grade: str, last_contact: date, due: date | None) -> None:
    assert next_follow_up_due(grade, last_contact, date(2026, 1, 1)) == due


@pytest.mark.parametrize(
    ("grade", "due"),
    [
        ("A", date(2026, 11, 2)),
        ("B", date(2026, 11, 8)),
        ("C", date(2026, 11, 8)),
        ("D", date(2026, 11, 8)),
        ("E", None),
    ],
)
def test_never_contacted_follow_up_respects_first_contact_deadline(
    grade: str, due: date | None
) -> None:
    assert next_follow_up_due(grade, None, date(2026, 11, 1)) == due


def test_next_follow_up_unknown_grade() -> None:
    with pytest.raises(ValueError):
        next_follow_up_due("Z", None, TODAY)


def test_first_contact_deadline_is_seven_days() -> None:
    assert first_contact_deadline(date(2026, 11, 22)) == date(2026, 11, 29)
    assert first_contact_deadline(date(2026, 12, 28)) == date(2027, 1, 4)


@pytest.mark.parametrize(
    ("days_since_created", "contacted", "warn_days", "near"),
    [
        (0, False, 2, False),
        (4, False, 2, False),
        (5, False, 2, True),  # deadline in 2 days
        (7, False, 2, True),  # deadline today
        (9, False, 2, True),  # overdue still needs attention
        (9, True, 2, False),  # contacted: rule satisfied
        (6, True, 2, False),
        (3, False, 4, True),
        (6, False, 0, False),
        (7, False, 0, True),
    ],
)
def test_is_near_first_contact_limit(
    days_since_created: int, contacted: bool, warn_days: int, near: bool
) -> None:
    created = date(2026, 11, 1)
    today = created + timedelta(days=days_since_created)
    assert is_near_first_contact_limit(created, today, contacted, warn_days) is near
