"""A real sync server in a subprocess (``waiqin-server serve``) on a loopback port."""

from __future__ import annotations

import os
import re
import subprocess
import time
from types import TracebackType

from bench.common import ROOT, python

_LISTENING = re.compile(r"listening on (http://127\.0\.0\.1:\d+)")


class ServerProcess:
    """``with ServerProcess(db_url) as srv: srv.url`` — started on port 0, stopped at exit."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""

    def start(self, timeout: float = 60.0) -> ServerProcess:
        """Spawn the server and wait for its address."""
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        main = "import sys; from sync.server.cli import main; sys.exit(main())"
        cmd = [python(), "-c", main, "serve", "--db", self.db_url]
        self.proc = subprocess.Popen(
            [*cmd, "--host", "127.0.0.1", "--port", "0"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line and self.proc.poll() is not None:
                break
            found = _LISTENING.search(line)
            if found:
                self.url = found.group(1)
                return self
        self.stop()
        raise RuntimeError("the sync server did not start")

    @property
    def pid(self) -> int:
        """The server's process id (it must be running)."""
        assert self.proc is not None
        return self.proc.pid

    def stop(self) -> None:
        """Terminate the server (this process only)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(
        self,
        typ: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
