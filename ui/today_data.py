"""What the Today page shows: the today service's summary (gathered off the GUI thread)."""

from __future__ import annotations

import datetime as dt

from app.services.today import TodaySummary, today_summary
from app.workspace import Workspace

TodayData = TodaySummary


def load_today(ws: Workspace, today: dt.date) -> TodaySummary:
    """The Today summary for ``today`` (worker thread)."""
    return today_summary(ws, today)
