"""Run the server with uvicorn (also from tests and from `waiqin demo`)."""

from __future__ import annotations

import logging
import socket
import sys

import uvicorn

from sync.server.app import create_app
from sync.server.db import Database

log = logging.getLogger(__name__)


class ReportingServer(uvicorn.Server):
    """A uvicorn server that prints the address it really listens on (``--port 0``)."""

    def bound_port(self) -> int:
        """The TCP port of the first listening socket (0 before startup)."""
        for server in getattr(self, "servers", []):
            for sock in server.sockets:
                return int(sock.getsockname()[1])
        return 0

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        scheme = "https" if self.config.ssl_certfile else "http"
        print(
            f"waiqin-server listening on {scheme}://{self.config.host}:{self.bound_port()}",
            flush=True,
        )


def make_server(db: Database, host: str, port: int, **ssl: str | None) -> ReportingServer:
    """A configured (not yet running) server over ``db``."""
    config = uvicorn.Config(
        create_app(db),
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=30,
        ssl_certfile=ssl.get("ssl_certfile"),
        ssl_keyfile=ssl.get("ssl_keyfile"),
    )
    return ReportingServer(config)


def serve(db: Database, host: str, port: int, **ssl: str | None) -> None:
    """Serve until interrupted."""
    server = make_server(db, host, port, **ssl)
    server.run()
    sys.stdout.flush()
