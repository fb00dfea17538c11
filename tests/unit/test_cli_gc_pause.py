"""The garbage collector's start-up pause: on while a command runs, back on whatever happens."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Iterator
from typing import Any

import pytest

from app import cli
from app.cli import gc_pause


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    """Every test starts and ends with the collector on, nothing frozen, no pause."""
    assert gc.isenabled() and not gc_pause.paused()
    yield
    gc_pause.resume()
    gc.unfreeze()
    gc.enable()


def _with_commands(monkeypatch: pytest.MonkeyPatch, seen: dict[str, Any]) -> None:
    """Adds `plain`, `keeps` (keeps the pause) and `fails` to the parser."""

    def record(name: str, result: int = 0) -> Any:
        def func(_args: argparse.Namespace) -> int:
            seen[name] = (gc.isenabled(), gc_pause.paused())
            if result < 0:
                raise RuntimeError("boom")
            return result

        return func

    def register(sub: Any) -> None:
        sub.add_parser("plain").set_defaults(func=record("plain"))
        sub.add_parser("keeps").set_defaults(func=record("keeps"), **{cli.KEEP_GC_PAUSED: True})
        sub.add_parser("fails").set_defaults(func=record("fails", -1))

    monkeypatch.setattr(cli, "_plugin_registrars", lambda: [register])


def test_a_plain_command_runs_with_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    _with_commands(monkeypatch, seen)
    assert cli.main(["plain"]) == 0
    assert seen["plain"] == (True, False)
    assert gc.isenabled() and gc.get_freeze_count() == 0  # a plain command freezes nothing


def test_the_collector_is_paused_while_the_parser_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    states: list[bool] = []
    real = cli.build_parser

    def build() -> argparse.ArgumentParser:
        states.append(gc.isenabled())
        return real()

    monkeypatch.setattr(cli, "build_parser", build)
    _with_commands(monkeypatch, {})
    assert cli.main(["plain"]) == 0
    assert states == [False] and gc.isenabled()


def test_a_command_that_keeps_the_pause_gets_the_collector_back_when_it_returns(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}
    _with_commands(monkeypatch, seen)
    assert cli.main(["keeps"]) == 0
    assert seen["keeps"] == (False, True)
    assert gc.isenabled() and not gc_pause.paused() and gc.get_freeze_count() == 0


def test_the_collector_comes_back_after_a_failure_or_bad_arguments(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}
    _with_commands(monkeypatch, seen)
    assert cli.main(["fails"]) == 1
    assert seen["fails"] == (True, False) and gc.isenabled()
    with pytest.raises(SystemExit):
        cli.main(["no-such-command"])
    assert gc.isenabled() and not gc_pause.paused()
    capsys.readouterr()


def test_resume_with_freeze_freezes_what_exists_and_turns_the_collector_on() -> None:
    assert gc_pause.pause()
    kept = [object() for _ in range(10)]
    gc_pause.resume(freeze=True)
    assert gc.isenabled() and gc.get_freeze_count() > 0
    assert not gc_pause.paused()
    del kept


def test_resume_without_a_pause_does_nothing() -> None:
    gc_pause.resume(freeze=True)
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_collector_someone_else_stopped_is_left_alone() -> None:
    gc.disable()
    try:
        assert not gc_pause.pause()
        gc_pause.resume(freeze=True)
        assert not gc.isenabled() and gc.get_freeze_count() == 0
    finally:
        gc.enable()
