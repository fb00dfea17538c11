"""UI preferences and form drafts, kept inside the encrypted workspace (never in plain files).

Keys are stored in the workspace's Setting table with a ``ui.`` prefix, so they
never collide with the core's settings and never leave the laptop.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from sqlalchemy import select

from app.db import transaction
from app.models import Setting
from app.workspace import Workspace

log = logging.getLogger(__name__)
PREFIX = "ui."


def get_pref(ws: Workspace, key: str, default: str | None = None) -> str | None:
    """A stored UI preference."""
    with ws.sessions() as s:
        row = s.get(Setting, PREFIX + key)
        return default if row is None else row.value


def has_pref(ws: Workspace, key: str) -> bool:
    """True when a value was stored for ``key`` (core settings: pass the full key)."""
    with ws.sessions() as s:
        return s.get(Setting, key) is not None


def set_pref(ws: Workspace, key: str, value: str | None) -> None:
    """Store (or, with None, forget) a UI preference."""
    with transaction(ws.sessions) as s:
        row = s.get(Setting, PREFIX + key)
        if value is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(Setting(key=PREFIX + key, value=value))
        else:
            row.value = value


def load_draft(ws: Workspace, form: str) -> dict[str, Any] | None:
    """The autosaved content of a form, if any."""
    raw = get_pref(ws, "draft." + form)
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        log.warning("damaged draft of %s dropped", form)
        return None
    return data if isinstance(data, dict) else None


def save_draft(ws: Workspace, form: str, data: dict[str, Any]) -> None:
    """Autosave what the rep typed in a form (kept until the form is saved or discarded)."""
    set_pref(ws, "draft." + form, json.dumps(data, ensure_ascii=False, default=str))


def clear_draft(ws: Workspace, form: str) -> None:
    """Forget the draft of a form once it was saved."""
    set_pref(ws, "draft." + form, None)


def list_drafts(ws: Workspace) -> list[str]:
    """Names of forms with a pending draft."""
    with ws.sessions() as s:
        keys = s.scalars(select(Setting.key).where(Setting.key.like(PREFIX + "draft.%"))).all()
    return [k[len(PREFIX) + len("draft.") :] for k in keys]
