"""Translations: every string in the code has a Chinese translation that fits its arguments."""

from __future__ import annotations

import re
import string
import xml.etree.ElementTree as ET
from pathlib import Path

from tools.translations import noop_strings, python_files

ROOT = Path(__file__).resolve().parents[2]
ZH = ROOT / "resources" / "translations" / "waiqin_zh_CN.ts"


def _catalogue() -> dict[tuple[str, str], tuple[str | None, str | None]]:
    out: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    for ctx in ET.parse(ZH).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            out[(name, m.findtext("source") or "")] = (
                None if tr is None else tr.text,
                None if tr is None else tr.get("type"),
            )
    return out


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def test_every_string_in_the_code_has_a_finished_chinese_translation() -> None:
    catalogue = _catalogue()
    in_code = noop_strings(python_files())
    assert in_code, "no translatable strings found"
    missing = sorted(k for k in in_code if k not in catalogue)
    unfinished = sorted(
        k for k in in_code if k in catalogue and (not catalogue[k][0] or catalogue[k][1])
    )
    assert not missing, f"run `make translations`: {missing[:10]}"
    assert not unfinished, f"untranslated in waiqin_zh_CN.ts: {unfinished[:10]}"


def test_translations_keep_the_placeholders_of_the_source() -> None:
    for (ctx, source), (text, _kind) in _catalogue().items():
        if text:
            assert _fields(text) == _fields(source), (ctx, source, text)


def test_ui_self_tr_strings_are_translated() -> None:
    catalogue = _catalogue()
    pattern = re.compile(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"\s*\)')
    finished = {s for (_c, s), (text, kind) in catalogue.items() if text and not kind}
    for path in (ROOT / "ui").rglob("*.py"):
        for found in pattern.findall(path.read_text(encoding="utf-8")):
            assert found.replace('\\"', '"') in finished, (path.name, found)


def test_compiled_catalogues_exist() -> None:
    for lang in ("zh_CN", "en"):
        qm = ZH.with_name(f"waiqin_{lang}.qm")
        assert qm.exists() and qm.stat().st_size > 0
    assert ZH.with_name("waiqin_zh_CN.qm").stat().st_size > 10_000
