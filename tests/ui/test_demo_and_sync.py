"""`waiqin demo` and `waiqin app` are registered; the demo's embedded server syncs from the UI."""

from __future__ import annotations

import argparse
from typing import Any

from ui.commands import DEMO_PASSPHRASE, prepare_demo, register


def test_app_and_demo_subcommands_are_registered() -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["demo", "--customers", "10", "--no-server"])
    assert args.func.__name__ == "cmd_demo" and args.customers == 10
    assert parser.parse_args(["app", "--data-dir", "x"]).func.__name__ == "cmd_app"


def test_demo_workspace_is_created_once_with_the_documented_passphrase(tmp_path: Any) -> None:
    from app.services.customers import count_customers

    ws = prepare_demo(tmp_path / "demo", customers=20, products=5)
    assert count_customers(ws) > 0
    ws.close()
    again = prepare_demo(tmp_path / "demo", customers=20, products=5)  # opens, no reseed
    assert again.meta["key_mode"] == "passphrase"
    again.close()
    assert len(DEMO_PASSPHRASE) >= 8


def test_log_in_and_sync_with_the_embedded_server(window: Any, qtbot: Any) -> None:
    from ui.demo_server import DEMO_PASSWORD, DEMO_USER, DemoServer

    server = DemoServer(window.ws.path.parent / "server.db")
    server.ensure_user()
    server.start()
    try:
        window.navigate("sync")
        page = window.pages["sync"]
        page.open_login()
        dialog = page.dialogs[-1]
        dialog.url.setText(server.url)
        dialog.username.setText(DEMO_USER)
        dialog.password.setText(DEMO_PASSWORD)
        dialog.try_login()
        qtbot.waitUntil(lambda: "Signed in" in page.account.text(), timeout=15000)
        window.actions_by_name["sync"].trigger()
        qtbot.waitUntil(lambda: "Sync finished" in page.result.text(), timeout=30000)
        assert page.progress.value() == page.progress.maximum()
        window.status.refresh()
        assert "Online" in window.status.online.text()
        assert "Never" not in window.status.last_sync.text()
    finally:
        server.stop()
