"""Worker threads per server process: the default, the setting, and a bad setting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sync.server.app import DEFAULT_THREADS, THREADS_ENV, worker_threads


def test_default_and_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(THREADS_ENV, raising=False)
    assert worker_threads() == DEFAULT_THREADS
    monkeypatch.setenv(THREADS_ENV, " 12 ")
    assert worker_threads() == 12


@pytest.mark.parametrize("bad", ["0", "-3", "eight", "2.5"])
def test_a_bad_setting_is_named(monkeypatch: pytest.MonkeyPatch, bad: str) -> None:
    monkeypatch.setenv(THREADS_ENV, bad)
    with pytest.raises(ValueError, match=THREADS_ENV):
        worker_threads()


def test_serve_refuses_a_bad_setting_before_starting(tmp_path: Path) -> None:
    env = dict(os.environ, **{THREADS_ENV: "many"})
    code = "import sys; from sync.server.cli import main; sys.exit(main())"
    db = f"sqlite:///{tmp_path / 'server.db'}"
    out = subprocess.run(
        [sys.executable, "-c", code, "serve", "--db", db, "--port", "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert out.returncode == 2
    assert f"{THREADS_ENV} must be a whole number" in out.stderr
    assert "Traceback" not in out.stderr
