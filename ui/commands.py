"""`waiqin app` and `waiqin demo`: the desktop app as plug-in subcommands of the CLI."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

import platformdirs

from app.cli import KEEP_GC_PAUSED
from app.cli.common import add_workspace_args, data_dir, passphrase

log = logging.getLogger(__name__)

DEMO_PASSPHRASE = "waiqin-demo-2026"
"""Fixed, documented passphrase of the demo workspace (synthetic data only)."""

DEMO_CUSTOMERS = 3000
DEMO_PRODUCTS = 200


def demo_dir() -> Path:
    """The demo workspace folder, under the per-user data folder."""
    return Path(platformdirs.user_data_dir("waiqin", appauthor=False)) / "demo"


def register(subparsers: Any) -> None:
    """Add `app` and `demo` to the `waiqin` command."""
    p_app = subparsers.add_parser("app", help="open the desktop app on a workspace")
    add_workspace_args(p_app)
    # The collector's start-up pause lasts until the window is shown (ui.app.run_window).
    p_app.set_defaults(func=cmd_app, **{KEEP_GC_PAUSED: True})
    p_demo = subparsers.add_parser(
        "demo",
        help=f"open the desktop app on a demo workspace (passphrase: {DEMO_PASSPHRASE})",
    )
    p_demo.add_argument("--data-dir", type=Path, default=None, help="demo folder")
    p_demo.add_argument("--customers", type=int, default=DEMO_CUSTOMERS)
    p_demo.add_argument("--products", type=int, default=DEMO_PRODUCTS)
    p_demo.add_argument("--reset", action="store_true", help="start over with fresh demo data")
    p_demo.add_argument("--no-server", action="store_true", help="do not start a local server")
    p_demo.set_defaults(func=cmd_demo)


def cmd_app(args: argparse.Namespace) -> int:
    """Open the GUI on --data-dir (asks for the passphrase in a dialog when needed)."""
    from ui.startup import KeyPrefetch

    path, secret = data_dir(args), passphrase(args, prompt=False)
    prefetch = KeyPrefetch(path, secret)  # scrypt on a thread while Qt loads
    from ui.app import run

    return run(path, secret, prefetch=prefetch)


def prepare_demo(path: Path, customers: int, products: int, *, reset: bool = False) -> Any:
    """Create (first run) and open the demo workspace with synthetic data."""
    import shutil

    from app.workspace import create_workspace, open_workspace

    if reset and path.exists():
        shutil.rmtree(path)
    if (path / "workspace.json").exists():
        return open_workspace(path, DEMO_PASSPHRASE)
    print(f"Creating the demo workspace in {path} ...", file=sys.stderr)
    ws = create_workspace(path, DEMO_PASSPHRASE)
    try:
        from app.seed import seed
    except ImportError:  # pragma: no cover - seed module not installed
        log.warning("no demo data generator available")
        return ws
    seed(ws, customers=customers, products=products, seed=1)
    return ws


def start_demo_server(ws: Any) -> tuple[Any, str] | None:
    """Start an embedded local sync server for the demo, when the sync layer has one."""
    try:
        from ui.demo_server import start
    except ImportError:
        return None
    return start(ws)


def demo_note(ws: Any, path: Path) -> str:
    """The status-bar note of the demo, in the workspace's language."""
    from PySide6.QtCore import QCoreApplication

    from ui import i18n
    from ui.app import workspace_language

    i18n.install_language(workspace_language(ws))
    return QCoreApplication.translate(
        "Demo", "Demo workspace (synthetic data): {path} — passphrase: {passphrase}"
    ).format(path=path, passphrase=DEMO_PASSPHRASE)


def cmd_demo(args: argparse.Namespace) -> int:
    """Open the app on the demo workspace; prints the demo passphrase."""
    from ui.app import ensure_app, run_window

    path: Path = (args.data_dir or demo_dir()).expanduser().resolve()
    ensure_app()
    ws = prepare_demo(path, args.customers, args.products, reset=args.reset)
    server = None if args.no_server else start_demo_server(ws)
    print(f"Demo workspace: {path} — passphrase / 密码: {DEMO_PASSPHRASE}", file=sys.stderr)
    try:
        return run_window(ws, note=demo_note(ws, path), server=server)
    finally:
        if server is not None:
            stop = getattr(server[0], "stop", None)
            if callable(stop):
                stop()
