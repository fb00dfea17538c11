"""The CLI never shows a traceback: unexpected errors are a sentence plus the log."""

from __future__ import annotations

import argparse

import pytest

import app.cli
from app.cli import workspace_cmds


def _boom(args: argparse.Namespace) -> int:
    raise RuntimeError("internal detail that must not reach the terminal")


def test_unexpected_error_is_one_sentence_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    monkeypatch.setattr(workspace_cmds, "cmd_info", _boom)
    code = app.cli.main(["--lang", "en", "info", "--data-dir", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 1
    assert "Unexpected error (RuntimeError)" in err
    assert "Traceback" not in err
    assert "internal detail" not in err


def test_expected_error_exits_2_with_the_message(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    code = app.cli.main(["--lang", "en", "info", "--data-dir", str(tmp_path / "none")])
    err = capsys.readouterr().err
    assert code == 2
    assert "No Waiqin workspace" in err
    assert "Traceback" not in err
