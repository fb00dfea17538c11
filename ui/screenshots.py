"""`python -m ui.screenshots`: PNGs of every page in Chinese and English from the real app.

Builds a demo workspace with synthetic data in a temporary folder, opens the
main window at 1366×768 and grabs each page (works offscreen or under Xvfb).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    """Write docs/screenshots/<page>-<lang>.png."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("WAIQIN_NO_KEYRING", "1")
    from PySide6.QtCore import QEventLoop, QTimer

    from app.seed import seed
    from app.services import visits
    from app.services.settings import set_setting
    from app.workspace import create_workspace
    from ui import i18n
    from ui.app import ensure_app
    from ui.main_window import PAGES, MainWindow
    from ui.tasks import TaskRunner

    app = ensure_app(sys.argv[:1])
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ws = create_workspace(Path(tmp) / "demo", "screenshot-demo-1")
        seed(ws, customers=3000, products=120, seed=1)
        if visits.open_visit(ws) is None:
            from app.services import plans

            plan = plans.get_plan(ws, __import__("datetime").date.today())
            if plan and plan.stops:
                stop = next((s for s in plan.stops if not s.visited), plan.stops[0])
                visits.check_in(ws, stop.customer_id, "follow_up", plan_stop_id=stop.id)
        for lang in ("zh_CN", "en"):
            set_setting(ws, language=lang)
            i18n.install_language(lang)
            window = MainWindow(ws, TaskRunner(synchronous=True))
            window.resize(1366, 768)
            window.show_note("演示数据 / synthetic demo data")
            window.show()
            for key, _m, _c in PAGES:
                window.navigate(key)
                loop = QEventLoop()
                QTimer.singleShot(300, loop.quit)
                loop.exec()
                app.processEvents()
                short = "zh" if lang == "zh_CN" else "en"
                window.grab().save(str(OUT / f"{key}-{short}.png"), "PNG")
            window.shutdown()
            window.close()
            window.deleteLater()
            app.processEvents()
        ws.close()
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
