"""PDF documents (A4, Chinese fonts embedded) rendered from plain view models.

Nothing here touches the database: the service layer fills the dataclasses of
:mod:`app.documents.data` and calls one of these functions.
"""

from app.documents.daily_report import render_daily_report
from app.documents.daily_report_xlsx import write_daily_report_xlsx
from app.documents.fonts import MissingGlyphError
from app.documents.order import render_order_confirmation
from app.documents.quote import render_quote
from app.documents.receipt import render_receipt
from app.documents.route_sheet import render_route_sheet
from app.documents.tracking import render_tracking_table

__all__ = [
    "MissingGlyphError",
    "render_daily_report",
    "render_order_confirmation",
    "render_quote",
    "render_receipt",
    "render_route_sheet",
    "render_tracking_table",
    "write_daily_report_xlsx",
]
