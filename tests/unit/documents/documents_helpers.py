"""Helpers for the document tests: read a PDF back as text, list its fonts."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

PDFFONTS = shutil.which("pdffonts") or (
    "/usr/bin/pdffonts" if Path("/usr/bin/pdffonts").exists() else None
)


def pages_text(path: Path) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def squeeze(text: str) -> str:
    """Text without any whitespace (stacked or spaced-out characters read back joined)."""
    return "".join(text.split())


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type and whether the font is embedded."""
    assert PDFFONTS is not None
    out = subprocess.run([PDFFONTS, str(path)], capture_output=True, text=True, check=True).stdout
    lines = out.splitlines()
    header, rule, rows = lines[0], lines[1], lines[2:]
    # Column positions from the dashes line: "---- ---- ...".
    spans, start = [], 0
    for chunk in rule.split(" "):
        spans.append((start, start + len(chunk)))
        start += len(chunk) + 1
    names = [header[a:b].strip() for a, b in spans]
    return [{n: row[a:b].strip() for n, (a, b) in zip(names, spans, strict=True)} for row in rows]


requires_pdffonts = pytest.mark.skipif(
    PDFFONTS is None, reason="pdffonts (poppler-utils) is not installed"
)


def _origins(page: PageObject) -> list[tuple[float, float, str]]:
    found: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y, text))

    page.extract_text(visitor_text=visit)
    return found


def text_origins(path: Path) -> list[list[tuple[float, float, str]]]:
    """Per page, the (x, y) origin of every piece of text drawn, in points."""
    return [_origins(page) for page in PdfReader(str(path)).pages]


def page_sizes(path: Path) -> list[tuple[float, float]]:
    """Width and height of each page in points."""
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(str(path)).pages]
