"""Options and helpers shared by every subcommand that opens a workspace."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app import security
from app.workspace import Workspace, default_data_dir, open_workspace, read_meta


def add_workspace_args(parser: argparse.ArgumentParser) -> None:
    """--data-dir and --passphrase-stdin (WAIQIN_PASSPHRASE is read too)."""
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help=f"workspace folder (default: {default_data_dir()})",
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the workspace passphrase from the first line of standard input",
    )


def data_dir(args: argparse.Namespace) -> Path:
    """The workspace folder the user asked for, or the default one."""
    path: Path | None = args.data_dir
    return (path or default_data_dir()).expanduser().resolve()


_cached_passphrase: str | None = None


def passphrase(
    args: argparse.Namespace, *, prompt: bool = True, confirm: bool = False
) -> str | None:
    """The passphrase: stdin (--passphrase-stdin), $WAIQIN_PASSPHRASE, or a prompt on a tty."""
    global _cached_passphrase
    if _cached_passphrase is not None:
        return _cached_passphrase
    value: str | None = None
    if getattr(args, "passphrase_stdin", False):
        value = security.read_passphrase_stdin()
    elif os.environ.get(security.PASSPHRASE_ENV):
        value = os.environ[security.PASSPHRASE_ENV]
    elif prompt and sys.stdin.isatty():
        value = getpass.getpass("Passphrase / 密码: ")
        if confirm and getpass.getpass("Again / 再输入一次: ") != value:
            value = None
    _cached_passphrase = value
    return value


def setup_file_logging(path: Path) -> None:
    """Rotating log in the workspace's logs/ folder (no personal data is logged)."""
    logs = path / "logs"
    if not logs.is_dir():
        return
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    handler = RotatingFileHandler(
        logs / "waiqin.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.INFO)
    root.addHandler(handler)
    # Tracebacks of unexpected errors go here even though they do not reach stderr.
    logging.getLogger("waiqin.crash").addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
        for h in root.handlers:
            if not isinstance(h, RotatingFileHandler):
                h.setLevel(logging.WARNING)


def open_from_args(args: argparse.Namespace) -> Workspace:
    """Open the workspace named by the arguments, asking for the passphrase if needed."""
    path = data_dir(args)
    meta = read_meta(path)
    secret = passphrase(args) if meta.get("key_mode") == "passphrase" else None
    setup_file_logging(path)
    return open_workspace(path, secret)
