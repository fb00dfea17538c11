"""`make translations`: extract every translatable string into resources/translations/*.ts
and compile them to .qm.

Runs ``pyside6-lupdate`` over app/, sync/ and ui/ (it understands ``self.tr``,
``QCoreApplication.translate`` and the core's ``QT_TRANSLATE_NOOP("ctx", "...")``),
keeping the translations already written. ``waiqin_en.ts`` is the English source
(no translations needed); ``waiqin_zh_CN.ts`` carries the Chinese. A small AST
pass double-checks that lupdate saw every ``QT_TRANSLATE_NOOP`` of the core and
adds any it missed. Then ``pyside6-lrelease`` compiles the .qm files the UI loads.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "translations"
SOURCES = ("app", "sync", "ui")
LANGUAGES = ("zh_CN", "en")
BIN = Path(sys.executable).parent
MARKERS = {"QT_TRANSLATE_NOOP", "translate"}


def tool(name: str) -> str:
    """Path of a PySide6 tool next to the running Python (the venv)."""
    path = BIN / name
    return str(path) if path.exists() else name


def python_files() -> list[Path]:
    """Every .py file of the translated packages (migrations excluded)."""
    files: list[Path] = []
    for src in SOURCES:
        for path in sorted((ROOT / src).rglob("*.py")):
            if "migrations" not in path.parts:
                files.append(path)
    return files


def noop_strings(files: list[Path]) -> set[tuple[str, str]]:
    """(context, source) of every QT_TRANSLATE_NOOP / translate("ctx", "literal") call."""
    found: set[tuple[str, str]] = set()
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in MARKERS:
                continue
            ctx, src = node.args[0], node.args[1]
            if (
                isinstance(ctx, ast.Constant)
                and isinstance(ctx.value, str)
                and isinstance(src, ast.Constant)
                and isinstance(src.value, str)
            ):
                found.add((ctx.value, src.value))
    return found


def ts_messages(path: Path) -> set[tuple[str, str]]:
    """(context, source) of every message in a .ts file (obsolete ones excluded)."""
    root = ET.parse(path).getroot()
    out: set[tuple[str, str]] = set()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for message in ctx.iter("message"):
            tr = message.find("translation")
            if tr is not None and tr.get("type") in ("obsolete", "vanished"):
                continue
            out.add((name, message.findtext("source") or ""))
    return out


def add_missing(path: Path, missing: set[tuple[str, str]]) -> None:
    """Append messages lupdate did not see (unfinished) to a .ts file."""
    tree = ET.parse(path)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for ctx_name, source in sorted(missing):
        ctx = contexts.get(ctx_name)
        if ctx is None:
            ctx = ET.SubElement(root, "context")
            ET.SubElement(ctx, "name").text = ctx_name
            contexts[ctx_name] = ctx
        message = ET.SubElement(ctx, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", {"type": "unfinished"})
    tree.write(path, encoding="utf-8", xml_declaration=True)


def main() -> int:
    """Update the .ts files, check the core strings made it, compile the .qm files."""
    OUT.mkdir(parents=True, exist_ok=True)
    files = python_files()
    rel = [str(p.relative_to(ROOT)) for p in files]
    for lang in LANGUAGES:
        ts = OUT / f"waiqin_{lang}.ts"
        args = [tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
        if lang == "en":
            args += ["-source-language", "en", "-target-language", "en"]
        else:
            args += ["-source-language", "en", "-target-language", lang]
        subprocess.run([*args, *rel, "-ts", str(ts)], cwd=ROOT, check=True)
        missing = noop_strings(files) - ts_messages(ts)
        if missing:
            print(f"{ts.name}: adding {len(missing)} strings lupdate missed")
            add_missing(ts, missing)
        subprocess.run(
            [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            cwd=ROOT,
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
