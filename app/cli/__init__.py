"""The `waiqin` command: a small core plus subcommands registered by plug-ins.

Core subcommands live in ``app/cli/*.py``. Layers above the core (``sync`` for
login/sync, ``ui`` for the desktop app) add theirs through the entry-point group
``waiqin.commands`` declared in pyproject.toml, so ``app`` never imports them.
Each plug-in exposes ``register(subparsers)`` and sets ``func`` on its parsers;
``func(args) -> int`` returns the exit code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from importlib.metadata import entry_points
from typing import Any

from app import i18n
from app.cli import gc_pause
from app.errors import WaiqinError
from app.i18n import QT_TRANSLATE_NOOP, msg

log = logging.getLogger(__name__)

CORE_MODULES = ("app.cli.workspace_cmds", "app.cli.backup_cmds", "app.cli.print_cmds")
ENTRY_POINT_GROUP = "waiqin.commands"
CRASH_LOGGER = "waiqin.crash"
KEEP_GC_PAUSED = "keep_gc_paused"
"""A command whose parser sets this default to True ends the start-up pause of the garbage
collector itself (app.cli.gc_pause.resume), e.g. once its window is shown."""
# Without any handler, logging's last-resort handler would print to stderr.
logging.getLogger(CRASH_LOGGER).addHandler(logging.NullHandler())

Register = Callable[[Any], None]


def _core_registrars() -> list[Register]:
    import importlib

    out: list[Register] = []
    for name in CORE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        out.append(module.register)
    return out


def _plugin_registrars() -> list[Register]:
    out: list[Register] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            out.append(ep.load())
        except ModuleNotFoundError as exc:  # layer not installed in this build
            log.debug("command plug-in %s not available: %s", ep.name, exc)
        except Exception as exc:  # a broken plug-in must not break the core commands
            log.warning("command plug-in %s failed to load: %s", ep.name, exc)
    return out


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser: core commands plus every plug-in's."""
    parser = argparse.ArgumentParser(
        prog="waiqin",
        description="外勤 Waiqin: offline-first tool for field sales reps.",
    )
    parser.add_argument(
        "--lang", choices=list(i18n.SUPPORTED_LANGUAGES), help="message language (zh_CN, en)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _core_registrars() + _plugin_registrars():
        register(sub)
    return parser


def error_text(exc: BaseException) -> str:
    """The one mapping from an exception to what the CLI prints."""
    if isinstance(exc, WaiqinError):
        return exc.text()
    return msg(
        "cli",
        QT_TRANSLATE_NOOP("cli", "Unexpected error ({kind}); details are in the log."),
        kind=type(exc).__name__,
    ).text()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `waiqin`: errors go to stderr with a non-zero exit, no traceback.

    The cyclic garbage collector is paused while the command line is parsed and the
    command's modules load (app.cli.gc_pause); a command gets it back before it runs,
    unless it sets ``keep_gc_paused`` (the desktop app: until its window is shown).
    """
    gc_pause.pause()
    try:
        return _run(argv)
    finally:
        gc_pause.resume()


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        i18n.set_language(args.lang)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    if not getattr(args, KEEP_GC_PAUSED, False):
        gc_pause.resume()
    try:
        return func(args)
    except BrokenPipeError:
        # The reader went away (e.g. `waiqin info | head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(msg("cli", QT_TRANSLATE_NOOP("cli", "Interrupted.")).text(), file=sys.stderr)
        return 130
    except WaiqinError as exc:
        print(f"waiqin: {error_text(exc)}", file=sys.stderr)
        return 2
    except Exception as exc:
        # The traceback goes to the workspace log (and stderr only with -v), never
        # to the user's terminal by default.
        crash = logging.getLogger(CRASH_LOGGER)
        crash.propagate = bool(args.verbose)
        crash.error("unexpected error", exc_info=True)
        print(f"waiqin: {error_text(exc)}", file=sys.stderr)
        return 1
