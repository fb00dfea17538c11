"""Which backups rotation keeps: a pure function over (name, time, reason).

The rule (what the Settings page and the docs promise):

* daily: the newest backup of each of the 7 most recent calendar days that have
  a backup (a rep who does not work at the weekend still keeps 7 working days);
* weekly: the newest backup of each of the 4 most recent ISO weeks with a backup;
* monthly: the newest backup of each of the 12 most recent months with a backup;
* protected: a backup made on purpose (``manual``, ``pre-migration``,
  ``pre-restore``) is kept for 7 days whatever else happens that day, so a
  restore that went wrong can be undone the same week; afterwards it is an
  ordinary backup under the rules above.

Days, weeks and months are taken in local time (``tz``), the rep's calendar.
Everything else is removed. The newest backup is always kept (it is the newest
of its day).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

PROTECTED_REASONS = frozenset({"manual", "pre-migration", "pre-restore"})


@dataclass(frozen=True)
class Policy:
    """How many daily, weekly and monthly backups to keep; protection window."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12
    protect: dt.timedelta = dt.timedelta(days=7)


DEFAULT_POLICY = Policy()


@dataclass(frozen=True)
class Stamp:
    """One backup as rotation sees it."""

    name: str
    created_at: dt.datetime
    reason: str


def _day(t: dt.datetime) -> Hashable:
    return t.date()


def _week(t: dt.datetime) -> Hashable:
    iso = t.isocalendar()
    return (iso.year, iso.week)


def _month(t: dt.datetime) -> Hashable:
    return (t.year, t.month)


def _newest_per_bucket(
    ordered: Sequence[Stamp], bucket: Callable[[dt.datetime], Hashable], count: int, tz: dt.tzinfo
) -> set[str]:
    """Newest stamp of each of the ``count`` most recent buckets (``ordered`` newest first)."""
    seen: set[Hashable] = set()
    out: set[str] = set()
    for stamp in ordered:
        if len(seen) >= count:
            break
        key = bucket(stamp.created_at.astimezone(tz))
        if key in seen:
            continue
        seen.add(key)
        out.add(stamp.name)
    return out


def keep_set(
    stamps: Iterable[Stamp],
    now: dt.datetime,
    policy: Policy = DEFAULT_POLICY,
    tz: dt.tzinfo | None = None,
) -> set[str]:
    """Names of the backups to keep under ``policy`` (see the module docstring)."""
    zone = tz or dt.datetime.now().astimezone().tzinfo or dt.UTC
    ordered = sorted(stamps, key=lambda s: (s.created_at, s.name), reverse=True)
    keep = _newest_per_bucket(ordered, _day, policy.daily, zone)
    keep |= _newest_per_bucket(ordered, _week, policy.weekly, zone)
    keep |= _newest_per_bucket(ordered, _month, policy.monthly, zone)
    for stamp in ordered:
        if stamp.reason in PROTECTED_REASONS and now - stamp.created_at < policy.protect:
            keep.add(stamp.name)
    return keep
