"""Typed user settings kept in the workspace's Setting table.

Settings are local to the laptop (never synced): language, idle lock, receipt
copies per page and letterhead overrides of the company profile from the server.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from typing import Any

from sqlalchemy import select

from app.db import transaction
from app.i18n import QT_TRANSLATE_NOOP, SUPPORTED_LANGUAGES
from app.models import CompanyProfile, Setting
from app.services._common import Form
from app.workspace import Workspace

LETTERHEAD_FIELDS = ("name", "address", "phone", "tax_id", "bank_name", "bank_account", "logo_path")


@dataclass(frozen=True)
class Letterhead:
    """The company block printed on documents (profile from the server + local overrides)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    tax_id: str = ""
    bank_name: str = ""
    bank_account: str = ""
    logo_path: str = ""


@dataclass(frozen=True)
class Settings:
    """All user settings with their defaults.

    ``letterhead`` holds overrides only: an empty field falls back to the company profile.
    """

    language: str = "zh_CN"
    idle_lock_minutes: int = 10
    receipt_copies_per_page: int = 3
    letterhead: Letterhead = Letterhead()


_KEYS = ("language", "idle_lock_minutes", "receipt_copies_per_page")


def get_settings(ws: Workspace) -> Settings:
    """Current settings (defaults for anything never set)."""
    with ws.sessions() as s:
        stored = {row.key: row.value for row in s.scalars(select(Setting))}
    base = Settings()
    values: dict[str, Any] = {}
    if "language" in stored and stored["language"] in SUPPORTED_LANGUAGES:
        values["language"] = stored["language"]
    for key in ("idle_lock_minutes", "receipt_copies_per_page"):
        if key in stored and stored[key].isdigit():
            values[key] = int(stored[key])
    letterhead = base.letterhead
    if "letterhead" in stored:
        try:
            data = json.loads(stored["letterhead"])
        except ValueError:
            data = {}
        known = {f.name for f in fields(Letterhead)}
        letterhead = Letterhead(**{k: str(v) for k, v in data.items() if k in known})
    return replace(base, letterhead=letterhead, **values)


def save_settings(ws: Workspace, settings: Settings) -> Settings:
    """Validate and store all settings; returns what was stored."""
    form = Form()
    if settings.language not in SUPPORTED_LANGUAGES:
        form.add("language", QT_TRANSLATE_NOOP("services", "Choose Chinese or English."))
    if not 0 <= settings.idle_lock_minutes <= 240:
        form.add(
            "idle_lock_minutes",
            QT_TRANSLATE_NOOP("services", "The idle lock is 0 (off) to 240 minutes."),
        )
    if settings.receipt_copies_per_page not in (1, 2, 3):
        form.add(
            "receipt_copies_per_page",
            QT_TRANSLATE_NOOP("services", "A page holds 1, 2 or 3 receipt copies."),
        )
    form.raise_if_any()
    letterhead = Letterhead(
        **{f.name: getattr(settings.letterhead, f.name).strip() for f in fields(Letterhead)}
    )
    values = {
        "language": settings.language,
        "idle_lock_minutes": str(settings.idle_lock_minutes),
        "receipt_copies_per_page": str(settings.receipt_copies_per_page),
        "letterhead": json.dumps(
            {k: v for k, v in letterhead.__dict__.items() if v}, ensure_ascii=False
        ),
    }
    with transaction(ws.sessions) as s:
        for key, value in values.items():
            s.merge(Setting(key=key, value=value))
    return replace(settings, letterhead=letterhead)


def set_setting(ws: Workspace, **changes: Any) -> Settings:
    """Change some settings by name, e.g. ``set_setting(ws, language="en")``."""
    current = get_settings(ws)
    unknown = set(changes) - set(_KEYS) - {"letterhead"}
    if unknown:
        raise TypeError(f"unknown settings: {sorted(unknown)}")
    return save_settings(ws, replace(current, **changes))


def effective_letterhead(ws: Workspace) -> Letterhead:
    """The company profile from the server with the local overrides applied."""
    overrides = get_settings(ws).letterhead
    with ws.sessions() as s:
        profile = s.scalar(
            select(CompanyProfile).where(CompanyProfile.deleted_at.is_(None)).limit(1)
        )
        base = {k: (getattr(profile, k) or "") if profile else "" for k in LETTERHEAD_FIELDS}
    return Letterhead(**{k: getattr(overrides, k) or base[k] for k in LETTERHEAD_FIELDS})
