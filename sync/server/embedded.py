"""A server running inside the current process, in a background thread.

For `waiqin demo` (a laptop with its own server) and for tests: start on a
loopback port (0 picks a free one), stop, restart on the same port.
"""

from __future__ import annotations

import threading
import time

from sync.server.db import Database
from sync.server.serve import ReportingServer, make_server


class EmbeddedServer:
    """A real uvicorn server over ``db_url`` in a daemon thread."""

    def __init__(self, db_url: str, host: str = "127.0.0.1", port: int = 0) -> None:
        self.db_url = db_url
        self.host = host
        self.port = port
        self.db = Database(db_url)
        self.db.upgrade()
        self._server: ReportingServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL of the running server."""
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> None:
        """Start listening (on the previous port after a restart)."""
        server = make_server(self.db, self.host, self.port)
        thread = threading.Thread(target=server.run, name="waiqin-server", daemon=True)
        thread.start()
        deadline = time.monotonic() + timeout
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the embedded sync server did not start")
            time.sleep(0.01)
        self.port = server.bound_port()
        self._server, self._thread = server, thread

    def stop(self) -> None:
        """Stop serving; the database stays."""
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=15)
        self._server = self._thread = None

    def restart(self) -> None:
        """Stop and start again on the same port with a fresh engine (nothing kept)."""
        self.stop()
        self.db.dispose()
        self.db = Database(self.db_url)
        self.start()

    def close(self) -> None:
        """Stop and release the database."""
        self.stop()
        self.db.dispose()
