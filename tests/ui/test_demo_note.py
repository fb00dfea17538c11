"""The demo's status-bar note speaks the workspace's language."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.services.settings import set_setting
from ui import i18n
from ui.commands import DEMO_PASSPHRASE, demo_note


def test_demo_note_in_chinese_and_english(qapp_lang: Any, seeded_ws: Any) -> None:
    set_setting(seeded_ws, language="zh_CN")
    zh = demo_note(seeded_ws, Path("/tmp/demo"))
    assert zh.startswith("演示工作区") and DEMO_PASSPHRASE in zh and "/tmp/demo" in zh
    set_setting(seeded_ws, language="en")
    en = demo_note(seeded_ws, Path("/tmp/demo"))
    assert en.startswith("Demo workspace (synthetic data)") and DEMO_PASSPHRASE in en
    assert i18n.current_language() == "en"
