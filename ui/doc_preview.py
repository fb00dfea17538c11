"""Live totals and review warnings of a quote/order being edited, without saving it.

Calls the services' own line builder (``doc_lines.build_lines``) and order review
(``orders.review``) in a read-only session: the same rules as saving, nothing
written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.errors import WaiqinError
from app.i18n import Msg
from app.models import Customer
from app.rules.pricing import DocumentTotals
from app.services import orders
from app.services._common import Form, get_live
from app.services.doc_lines import LineDraft, build_lines
from app.workspace import Workspace


@dataclass
class Preview:
    """Totals (None while a line is refused), the review warnings and any refusal."""

    totals: DocumentTotals | None
    warnings: list[tuple[Msg, int | None]] = field(default_factory=list)
    error: WaiqinError | None = None


def preview(
    ws: Workspace, customer_id: str | None, drafts: list[LineDraft], day: dt.date
) -> Preview:
    """Compute what saving would store: line totals, document totals, warnings."""
    form = Form()
    with ws.sessions() as s:
        built = build_lines(s, drafts, form) if drafts else None
        error: WaiqinError | None = None
        try:
            form.raise_if_any()
        except WaiqinError as exc:
            error = exc
        warnings: list[tuple[Msg, int | None]] = []
        if built is not None and customer_id:
            try:
                customer = get_live(s, Customer, customer_id)
            except WaiqinError as exc:
                return Preview(built.totals, [], exc)
            for w in orders.review(s, customer, built, day):
                args: dict[str, Any] = dict(w.get("args") or {})
                warnings.append((Msg(w["context"], w["source"], args), w.get("line")))
        s.rollback()
    return Preview(built.totals if built else None, warnings, error)
