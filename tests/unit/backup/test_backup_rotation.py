"""Rotation keeps exactly the promised set: 7 daily, 4 weekly, 12 monthly, recent deliberate."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from app.backup_rotation import PROTECTED_REASONS, Policy, Stamp, keep_set

UTC = dt.UTC
CST = dt.timezone(dt.timedelta(hours=8))
NOW = dt.datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
REASONS = ["daily", "close", "manual", "pre-migration", "pre-restore"]


def _stamps(times: list[dt.datetime], reason: str = "daily") -> list[Stamp]:
    return [Stamp(f"b{i:05d}", t, reason) for i, t in enumerate(times)]


def _expected(stamps: list[Stamp], now: dt.datetime, policy: Policy, tz: dt.tzinfo) -> set[str]:
    """The promise written out the slow way: group, sort groups, take newest of each."""
    keep: set[str] = set()
    for bucket, count in (
        (lambda t: t.date(), policy.daily),
        (lambda t: t.isocalendar()[:2], policy.weekly),
        (lambda t: (t.year, t.month), policy.monthly),
    ):
        groups: dict[object, list[Stamp]] = defaultdict(list)
        for s in stamps:
            groups[bucket(s.created_at.astimezone(tz))].append(s)
        newest = [max(g, key=lambda s: (s.created_at, s.name)) for g in groups.values()]
        newest.sort(key=lambda s: (s.created_at, s.name), reverse=True)
        keep |= {s.name for s in newest[:count]}
    keep |= {
        s.name
        for s in stamps
        if s.reason in PROTECTED_REASONS and now - s.created_at < policy.protect
    }
    return keep


def test_a_year_of_nightly_backups_keeps_7_days_4_weeks_12_months() -> None:
    times = [NOW - dt.timedelta(days=d) for d in range(400)]
    stamps = _stamps(times)
    kept = keep_set(stamps, NOW, tz=UTC)
    by_name = {s.name: s.created_at for s in stamps}
    kept_days = sorted((by_name[n].date() for n in kept), reverse=True)
    # the last 7 days, then the newest of each earlier week/month
    assert kept_days[:7] == [(NOW - dt.timedelta(days=d)).date() for d in range(7)]
    months = {(by_name[n].year, by_name[n].month) for n in kept}
    assert len(months) == 12
    assert len(kept) == len(_expected(stamps, NOW, Policy(), UTC))
    assert kept == _expected(stamps, NOW, Policy(), UTC)
    assert 12 <= len(kept) <= 7 + 4 + 12


def test_several_backups_a_day_keep_only_the_newest_of_each_day() -> None:
    day = dt.datetime(2025, 6, 10, tzinfo=UTC)
    times = [day + dt.timedelta(hours=h) for h in (8, 12, 18)]
    kept = keep_set(_stamps(times, "close"), NOW, tz=UTC)
    assert kept == {"b00002"}


def test_days_without_backups_do_not_count() -> None:
    # a rep who works every other day still keeps 7 days of work
    times = [NOW - dt.timedelta(days=2 * d) for d in range(10)]
    kept = keep_set(_stamps(times), NOW, Policy(daily=7, weekly=0, monthly=0), tz=UTC)
    assert kept == {f"b{i:05d}" for i in range(7)}


def test_deliberate_backups_survive_a_week_then_follow_the_policy() -> None:
    day = NOW - dt.timedelta(days=1)
    stamps = [
        Stamp("restore-safety", day.replace(hour=9), "pre-restore"),
        Stamp("close-later", day.replace(hour=18), "close"),
    ]
    assert keep_set(stamps, NOW, tz=UTC) == {"restore-safety", "close-later"}
    later = NOW + dt.timedelta(days=8)
    assert keep_set(stamps, later, tz=UTC) == {"close-later"}


def test_ordinary_backup_of_the_same_day_is_not_protected() -> None:
    day = NOW - dt.timedelta(hours=3)
    stamps = [Stamp("a", day, "close"), Stamp("b", day + dt.timedelta(hours=1), "close")]
    assert keep_set(stamps, NOW, tz=UTC) == {"b"}


def test_local_calendar_decides_the_day() -> None:
    # 15:00 and 17:00 UTC on the 9th: one UTC day, but 23:00 and 01:00 in Beijing
    a = Stamp("a", dt.datetime(2025, 6, 9, 15, 0, tzinfo=UTC), "close")
    b = Stamp("b", dt.datetime(2025, 6, 9, 17, 0, tzinfo=UTC), "close")
    policy = Policy(daily=7, weekly=0, monthly=0)
    assert keep_set([a, b], NOW, policy, tz=UTC) == {"b"}
    assert keep_set([a, b], NOW, policy, tz=CST) == {"a", "b"}


def test_empty_list_keeps_nothing() -> None:
    assert keep_set([], NOW) == set()


_times = st.lists(
    st.datetimes(
        min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2025, 7, 1), timezones=st.just(UTC)
    ),
    max_size=80,
)


@st.composite
def _stamp_lists(draw: st.DrawFn) -> list[Stamp]:
    times = draw(_times)
    reasons = draw(st.lists(st.sampled_from(REASONS), min_size=len(times), max_size=len(times)))
    return [Stamp(f"b{i:05d}", t, r) for i, (t, r) in enumerate(zip(times, reasons, strict=True))]


_policies = st.builds(
    Policy,
    daily=st.integers(0, 10),
    weekly=st.integers(0, 6),
    monthly=st.integers(0, 14),
    protect=st.sampled_from([dt.timedelta(0), dt.timedelta(days=7)]),
)


@settings(max_examples=300, deadline=None)
@given(_stamp_lists(), _policies, st.sampled_from([UTC, CST]))
def test_keep_set_is_exactly_the_promise(
    stamps: list[Stamp], policy: Policy, tz: dt.tzinfo
) -> None:
    assert keep_set(stamps, NOW, policy, tz) == _expected(stamps, NOW, policy, tz)


@settings(max_examples=300, deadline=None)
@given(_stamp_lists(), st.sampled_from([UTC, CST]))
def test_rotation_is_stable_and_keeps_the_newest(stamps: list[Stamp], tz: dt.tzinfo) -> None:
    kept = keep_set(stamps, NOW, tz=tz)
    assert kept <= {s.name for s in stamps}
    if stamps:
        newest = max(stamps, key=lambda s: (s.created_at, s.name))
        assert newest.name in kept
    # running rotation again on what is left removes nothing more
    assert keep_set([s for s in stamps if s.name in kept], NOW, tz=tz) == kept
    assert len(kept) <= 7 + 4 + 12 + sum(1 for s in stamps if s.reason in PROTECTED_REASONS)
