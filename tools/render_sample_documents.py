"""Render every printed document from synthetic data and save page-1 PNGs in docs/documents.

Usage (from the checkout): ``.venv/bin/python -m tools.render_sample_documents [--out DIR]
[--dpi 80] [--keep-pdf]``. Needs ``pdftoppm`` (poppler-utils) for the PNGs.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.documents import (  # noqa: E402
    render_daily_report,
    render_order_confirmation,
    render_quote,
    render_receipt,
    render_route_sheet,
    render_tracking_table,
    samples,
    write_daily_report_xlsx,
)


def render_all(folder: Path) -> dict[str, Path]:
    """Render each sample document as a PDF into ``folder``; map image name -> PDF path."""
    folder.mkdir(parents=True, exist_ok=True)
    report = samples.daily_report()
    write_daily_report_xlsx(report, folder / "daily-report.xlsx")
    return {
        "quote": render_quote(samples.quote(12), folder / "quote.pdf"),
        "receipt": render_receipt(
            samples.receipt(voided=False, print_count=2), folder / "receipt.pdf"
        ),
        "daily-report": render_daily_report(report, folder / "daily-report.pdf"),
        "route-sheet": render_route_sheet(samples.route_sheet(), folder / "route-sheet.pdf"),
        "order": render_order_confirmation(samples.order(), folder / "order.pdf"),
        "tracking": render_tracking_table(samples.tracking(), folder / "tracking.pdf"),
    }


def to_png(pdf: Path, png: Path, dpi: int) -> None:
    """First page of ``pdf`` as ``png`` at ``dpi``."""
    stem = png.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Render the samples and write the PNGs (and optionally the PDFs)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "documents")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--keep-pdf", action="store_true", help="also keep the PDFs and xlsx")
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found: install poppler-utils", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out if args.keep_pdf else Path(tmp)
        for name, pdf in render_all(folder).items():
            png = args.out / f"{name}.png"
            to_png(pdf, png, args.dpi)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
