"""An embedded local sync server for `waiqin demo`, so a newcomer can try sync offline.

The server keeps its SQLite database beside the demo workspace, listens on
127.0.0.1 (a free port) in a background thread, and the demo rep is logged in
on first start. Demo credentials are fixed and documented: rep_demo / waiqin-demo-2026.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from app.workspace import Workspace

log = logging.getLogger(__name__)

DEMO_USER = "rep_demo"
DEMO_PASSWORD = "waiqin-demo-2026"


class DemoServer:
    """A real sync server in a daemon thread."""

    def __init__(self, db_path: Path) -> None:
        from sync.server.db import Database

        self.db = Database(f"sqlite:///{db_path}")
        self.db.upgrade()
        self.server: Any = None
        self.thread: threading.Thread | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """Base URL."""
        return f"http://127.0.0.1:{self.port}"

    def ensure_user(self) -> None:
        """Create the demo rep once."""
        from sync.server import admin

        try:
            with self.db.write() as session:
                admin.add_user(session, DEMO_USER, "演示业务员", "rep", DEMO_PASSWORD, "east")
        except Exception as exc:  # already there
            log.debug("demo user not added: %s", type(exc).__name__)

    def start(self) -> None:
        """Listen on a free local port."""
        from sync.server.serve import make_server

        self.server = make_server(self.db, "127.0.0.1", 0)
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="demo-server")
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("demo server did not start")
            time.sleep(0.02)
        self.port = self.server.bound_port()

    def stop(self) -> None:
        """Stop listening and release the database."""
        if self.server is not None and self.thread is not None:
            self.server.should_exit = True
            self.thread.join(timeout=10)
        self.db.dispose()


def start(ws: Workspace) -> tuple[DemoServer, str] | None:
    """Start the demo server and log the demo workspace in to it."""
    try:
        from sync import client
    except ImportError:
        return None
    server = DemoServer(ws.path.parent / "demo-server.db")
    server.ensure_user()
    server.start()
    try:
        client.login(ws, server.url, DEMO_USER, DEMO_PASSWORD)
    except Exception as exc:
        log.warning("demo login failed: %s", type(exc).__name__)
    return server, server.url
