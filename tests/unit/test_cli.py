"""The core `waiqin` commands: init, seed, info (in-process and one real subprocess)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.cli import common

PASS = "cli-test-pass-123"
WAIQIN = Path(sys.executable).parent / "waiqin"


@pytest.fixture(autouse=True)
def _fresh_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "_cached_passphrase", None)
    monkeypatch.delenv("WAIQIN_PASSPHRASE", raising=False)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    common._cached_passphrase = None
    return code, out, err


def test_init_seed_info(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("WAIQIN_PASSPHRASE", PASS)
    ws = str(tmp_path / "ws")
    code, out, _ = run(["init", "--data-dir", ws], capsys)
    assert code == 0 and "passphrase" in out
    code, out, _ = run(
        ["seed", "--data-dir", ws, "--customers", "50", "--products", "10", "--seed", "3"], capsys
    )
    assert code == 0 and "customer" in out and "Seeded in" in out
    code, out, _ = run(["info", "--data-dir", ws, "--json"], capsys)
    info = json.loads(out)
    assert code == 0
    assert info["counts"]["customer"] == 50 and info["counts"]["product"] == 10
    assert info["unsynced_changes"] == 0 and len(info["device_code"]) == 6
    assert info["schema_version"] and info["last_sync_at"]
    code, out, _ = run(["info", "--data-dir", ws], capsys)
    assert code == 0 and "Device code" in out and "customer" in out


def test_init_reads_the_passphrase_from_stdin(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    code, _, _ = run(["init", "--data-dir", str(tmp_path / "ws"), "--passphrase-stdin"], capsys)
    assert code == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO(PASS + "\n"))
    code, out, _ = run(["info", "--data-dir", str(tmp_path / "ws"), "--passphrase-stdin"], capsys)
    assert code == 0 and "customer" in out


def test_init_without_keyring_nor_passphrase_is_a_clear_error(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = run(["init", "--data-dir", str(tmp_path / "ws")], capsys)
    assert code == 2 and "keyring" in err and "Traceback" not in err
    assert not (tmp_path / "ws" / "waiqin.db").exists()


def test_errors_go_to_stderr_with_exit_2(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("WAIQIN_PASSPHRASE", PASS)
    code, _, err = run(["info", "--data-dir", str(tmp_path / "none")], capsys)
    assert code == 2 and "No Waiqin workspace" in err
    code, _, err = run(["init", "--data-dir", str(tmp_path / "ws")], capsys)
    code, _, err = run(["seed", "--data-dir", str(tmp_path / "ws"), "--customers", "-1"], capsys)
    assert code == 2 and err.startswith("waiqin:")
    code, _, err = run(["init", "--data-dir", str(tmp_path / "ws")], capsys)
    assert code == 2 and "already exists" in err


def test_help_documents_each_command(capsys) -> None:
    for command in ("init", "seed", "info"):
        with pytest.raises(SystemExit):
            cli.main([command, "--help"])
        assert "--data-dir" in capsys.readouterr().out


@pytest.mark.skipif(not WAIQIN.exists(), reason="the waiqin script is not installed in this venv")
def test_real_subprocess(tmp_path: Path) -> None:
    env = {**os.environ, "WAIQIN_PASSPHRASE": PASS, "WAIQIN_LANG": "en", "WAIQIN_NO_KEYRING": "1"}
    ws = str(tmp_path / "ws")

    def waiqin(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(WAIQIN), *args],
            env={**env, **extra},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert waiqin("init", "--data-dir", ws).returncode == 0
    seeded = waiqin("seed", "--data-dir", ws, "--customers", "30", "--products", "5")
    assert seeded.returncode == 0, seeded.stderr
    info = waiqin("info", "--data-dir", ws, "--json")
    assert info.returncode == 0 and json.loads(info.stdout)["counts"]["customer"] == 30
    wrong = waiqin("info", "--data-dir", ws, WAIQIN_PASSPHRASE="not-the-passphrase")
    assert wrong.returncode == 2
    assert "wrong passphrase" in wrong.stderr and "Traceback" not in wrong.stderr
    assert wrong.stdout == ""
