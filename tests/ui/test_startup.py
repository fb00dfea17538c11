"""Start-up: the workspace key derived beside the Qt import, the list count without the
customer-file services, and the real start path (``waiqin app``) as the benchmark runs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.errors import WorkspaceError
from app.workspace import open_workspace, read_meta, resolve_key
from tests.ui.conftest import UI_PASSPHRASE
from ui.startup import KeyPrefetch

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ws_dir(seeded_template: Path, tmp_path: Path) -> Path:
    """A closed copy of the seeded workspace."""
    target = tmp_path / "ws"
    shutil.copytree(seeded_template, target)
    return target


def test_prefetched_key_is_the_key_the_passphrase_derives(ws_dir: Path) -> None:
    prefetch = KeyPrefetch(ws_dir, UI_PASSPHRASE)
    key = prefetch.key_for(ws_dir, UI_PASSPHRASE)
    assert key == resolve_key(read_meta(ws_dir), UI_PASSPHRASE)
    ws = open_workspace(ws_dir, UI_PASSPHRASE, key=key)
    try:
        assert ws.key == key
    finally:
        ws.close()


def test_prefetched_key_only_for_its_folder_and_passphrase_and_only_once(
    ws_dir: Path, tmp_path: Path
) -> None:
    prefetch = KeyPrefetch(ws_dir, UI_PASSPHRASE)
    assert prefetch.key_for(ws_dir, "another passphrase") is None
    assert prefetch.key_for(tmp_path / "elsewhere", UI_PASSPHRASE) is None
    assert prefetch.key_for(ws_dir, UI_PASSPHRASE) is not None
    assert prefetch.key_for(ws_dir, UI_PASSPHRASE) is None  # a retry derives its own


def test_no_prefetch_without_passphrase_or_workspace(tmp_path: Path) -> None:
    assert KeyPrefetch(tmp_path, None).key_for(tmp_path, None) is None
    missing = KeyPrefetch(tmp_path / "nothing", UI_PASSPHRASE)  # error stays for the open
    assert missing.key_for(tmp_path / "nothing", UI_PASSPHRASE) is None


def test_wrong_prefetched_key_fails_like_a_wrong_passphrase(ws_dir: Path) -> None:
    key = KeyPrefetch(ws_dir, "not the passphrase").key_for(ws_dir, "not the passphrase")
    assert key is not None
    with pytest.raises(WorkspaceError):
        open_workspace(ws_dir, "not the passphrase", key=key)


def test_open_interactive_asks_again_after_a_wrong_passphrase(
    qapp: Any, ws_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import app as ui_app
    from ui.dialogs import open_workspace as dialog

    asked: list[str] = []

    def ask(_path: Path, error: str = "") -> str:
        asked.append(error)
        return UI_PASSPHRASE

    monkeypatch.setattr(dialog, "ask_passphrase", ask)
    monkeypatch.delenv("WAIQIN_PASSPHRASE", raising=False)
    wrong = "wrong passphrase 123"
    ws = ui_app.open_interactive(ws_dir, wrong, KeyPrefetch(ws_dir, wrong))
    assert ws is not None
    try:
        assert len(asked) == 1 and asked[0]  # the error of the wrong one was shown
        assert ws.key == resolve_key(read_meta(ws_dir), UI_PASSPHRASE)
    finally:
        ws.close()


def test_waiqin_app_derives_the_key_before_loading_the_window(
    ws_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.cli import build_parser
    from ui import app as ui_app
    from ui import commands

    seen: dict[str, Any] = {}

    def fake_run(path: Path, passphrase: str | None = None, *, prefetch: Any = None) -> int:
        seen.update(path=path, passphrase=passphrase, prefetch=prefetch)
        return 0

    monkeypatch.setattr(ui_app, "run", fake_run)
    monkeypatch.setattr("app.cli.common._cached_passphrase", None)
    monkeypatch.setenv("WAIQIN_PASSPHRASE", UI_PASSPHRASE)
    args = build_parser().parse_args(["app", "--data-dir", str(ws_dir)])
    assert commands.cmd_app(args) == 0
    assert seen["path"] == ws_dir.resolve() and seen["passphrase"] == UI_PASSPHRASE
    key = seen["prefetch"].key_for(ws_dir, UI_PASSPHRASE)
    assert key == resolve_key(read_meta(ws_dir), UI_PASSPHRASE)


@pytest.mark.parametrize(("query", "grade"), [("", None), ("", "A"), ("1", None), ("zz", "B")])
def test_list_header_count_is_the_search_services_count(
    seeded_ws: Any, query: str, grade: str | None
) -> None:
    from app.services.customers import count_customers
    from ui.models.customers import _default_count

    assert _default_count(seeded_ws, query, grade=grade) == count_customers(
        seeded_ws, query, grade=grade
    )


def test_the_customer_list_count_does_not_load_the_customer_file_services(ws_dir: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from app.workspace import open_workspace\n"
        "from ui.models.customers import _default_count\n"
        f"ws = open_workspace(Path({str(ws_dir)!r}), {UI_PASSPHRASE!r})\n"
        "assert _default_count(ws, '') > 0 and _default_count(ws, 'a', grade='A') >= 0\n"
        "ws.close()\n"
        "assert 'app.services.customers' not in sys.modules\n"
        "assert 'app.services.customer_detail' not in sys.modules\n"
    )
    env = dict(os.environ, WAIQIN_NO_KEYRING="1", PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, timeout=120)


def _probe(ws_dir: Path, *extra: str) -> tuple[dict[str, float], list[str]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WAIQIN_NO_KEYRING="1")
    env["WAIQIN_PASSPHRASE"] = UI_PASSPHRASE
    env["PYTHONPATH"] = str(ROOT)
    start = time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "bench.app_probe", str(ws_dir), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    marks = {
        line.split()[1]: float(line.split()[2]) - start
        for line in proc.stdout.splitlines()
        if line.startswith("at ")
    }
    return marks, [line for line in proc.stdout.splitlines() if line.startswith("rss ")]


def test_probe_starts_the_real_app_and_sees_its_milestones_in_order(ws_dir: Path) -> None:
    marks, rss = _probe(ws_dir, "ready-only")
    assert list(marks) == ["imported", "opened", "shown", "ready"]
    assert 0 < marks["imported"] <= marks["opened"] <= marks["shown"] <= marks["ready"]
    assert rss == []
    assert (ws_dir / "logs" / "waiqin.log").exists()  # the real start's file log


def test_probe_scrolls_the_whole_list_and_reads_memory(ws_dir: Path) -> None:
    marks, rss = _probe(ws_dir)
    assert "ready" in marks
    assert len(rss) == 1
    _rss, mb, rows = rss[0].split()[:3]
    assert float(mb) > 0 and int(rows) > 0
    assert "timeout" not in rss[0]


def test_the_desktop_app_keeps_the_collector_paused_until_its_window_shows(
    qapp_lang: Any, seeded_ws: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from PySide6.QtWidgets import QApplication

    from app.cli import KEEP_GC_PAUSED, build_parser, gc_pause
    from ui import app as ui_app

    parser = build_parser()
    assert getattr(parser.parse_args(["app"]), KEEP_GC_PAUSED) is True
    assert not getattr(parser.parse_args(["demo"]), KEEP_GC_PAUSED, False)

    seen: dict[str, Any] = {}
    real_show = ui_app.show_fitted

    def show(window: Any) -> None:
        seen["building"] = (gc.isenabled(), gc_pause.paused())
        real_show(window)

    def event_loop(*_args: Any) -> int:
        seen["running"] = (gc.isenabled(), gc_pause.paused(), gc.get_freeze_count())
        return 0

    monkeypatch.setattr(ui_app, "show_fitted", show)
    monkeypatch.setattr(ui_app, "setup_file_logging", lambda _path: None)
    monkeypatch.setattr(QApplication, "exec", event_loop)
    assert gc_pause.pause()
    try:
        assert ui_app.run_window(seeded_ws) == 0
    finally:
        gc_pause.resume()
        gc.unfreeze()
    assert seen["building"] == (False, True)  # the window was built with the collector paused
    enabled, paused, frozen = seen["running"]
    assert enabled and not paused and frozen > 10_000  # start-up objects frozen, collector on
