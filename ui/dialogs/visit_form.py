"""The visit record form: stage, person met, situation / problem / solution, store check,
next follow-up. Autosaved as a draft; saved through the visits service. (Photos sit
under the form in the visits page: ui.widgets.photos, saved at once as facts.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.enums import VisitStage
from app.services.visits import SHELF_DISPLAY, CompetitorPrice, StoreCheck, VisitRecordInput
from ui import i18n
from ui.widgets.form import FieldForm, optional_date_edit


def shelf_label(code: str) -> str:
    """Translated shelf display state."""
    return {
        "good": QCoreApplication.translate("VisitForm", "Good"),
        "fair": QCoreApplication.translate("VisitForm", "Fair"),
        "poor": QCoreApplication.translate("VisitForm", "Poor"),
    }.get(code, code)


def _text(height: int = 54) -> QPlainTextEdit:
    w = QPlainTextEdit()
    w.setFixedHeight(height)
    w.setTabChangesFocus(True)
    return w


def parse_competitors(text: str) -> tuple[CompetitorPrice, ...]:
    """'Brand A=12.5; Brand B=13' to competitor prices (the service validates them)."""
    out: list[CompetitorPrice] = []
    for part in text.replace("；", ";").split(";"):
        if not part.strip():
            continue
        name, _sep, price = part.replace("＝", "=").partition("=")
        out.append(CompetitorPrice(name.strip(), price.strip()))
    return tuple(out)


class VisitForm(QWidget):
    """Fields of a visit record; ``edited`` fires (debounced) while the rep types."""

    edited = Signal()

    def __init__(self) -> None:
        super().__init__()
        f = self.form = FieldForm(self)
        stage = QComboBox()
        stage.addItem("—", "")
        for s in VisitStage:
            stage.addItem(i18n.label(s), s.value)
        f.add("stage", self.tr("Stage reached"), stage)
        f.add("met_person", self.tr("Person met"), QLineEdit())
        f.add(
            "met_is_decision_maker",
            self.tr("Decision maker"),
            QCheckBox(self.tr("Makes the decision")),
        )
        f.add("situation", self.tr("Situation"), _text())
        f.add("problem", self.tr("Problem"), _text())
        f.add("solution", self.tr("Solution"), _text())
        shelf = QComboBox()
        shelf.addItem("—", "")
        for code in SHELF_DISPLAY:
            shelf.addItem(shelf_label(code), code)
        f.add("shelf_display", self.tr("Shelf display"), shelf)
        facings = QSpinBox()
        facings.setRange(-1, 999)
        facings.setSpecialValueText("—")
        facings.setValue(-1)
        f.add("facings", self.tr("Facings"), facings)
        competitors = QLineEdit()
        competitors.setPlaceholderText(self.tr("Competitor=price; up to three"))
        f.add("competitor", self.tr("Competitor prices"), competitors)
        f.add("price_tags_ok", self.tr("Price tags"), QCheckBox(self.tr("Price tags correct")))
        f.add("next_follow_up", self.tr("Next follow-up"), optional_date_edit())
        f.add("follow_up_reason", self.tr("Follow-up reason"), QLineEdit())
        self.setLayout(f.layout)
        f.edited.connect(self.edited.emit)
        self.hint = QLabel()

    def to_input(self) -> VisitRecordInput:
        """The form as the service's input."""
        v = self.form.values()
        store: StoreCheck | None = None
        if v["shelf_display"] or v["facings"] >= 0 or v["competitor"].strip() or v["price_tags_ok"]:
            store = StoreCheck(
                shelf_display=v["shelf_display"] or None,
                facings=v["facings"] if v["facings"] >= 0 else None,
                competitors=parse_competitors(v["competitor"]),
                price_tags_ok=bool(v["price_tags_ok"]),
            )
        nxt = v["next_follow_up"]
        return VisitRecordInput(
            stage=v["stage"] or None,
            met_person=v["met_person"] or None,
            met_is_decision_maker=bool(v["met_is_decision_maker"]),
            situation=v["situation"] or None,
            problem=v["problem"] or None,
            solution=v["solution"] or None,
            store_check=store,
            next_follow_up=dt.date.fromisoformat(nxt) if nxt else None,
            follow_up_reason=v["follow_up_reason"] or None,
        )

    def values(self) -> dict[str, Any]:
        """Plain values (drafts)."""
        return self.form.values()

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill from a draft."""
        self.form.set_values(values)

    def clear(self) -> None:
        """Empty every field."""
        self.form.set_values(
            {
                "stage": "",
                "met_person": "",
                "met_is_decision_maker": False,
                "situation": "",
                "problem": "",
                "solution": "",
                "shelf_display": "",
                "facings": -1,
                "competitor": "",
                "price_tags_ok": False,
                "next_follow_up": None,
                "follow_up_reason": "",
            }
        )
        self.form.show_errors({})
