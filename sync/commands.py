"""`waiqin login` and `waiqin sync` (plug-in commands of the `waiqin` CLI)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.common import add_workspace_args, open_from_args
from app.i18n import QT_TRANSLATE_NOOP, msg

# sync.client (requests, pydantic) and sync.transport are imported by the commands
# themselves: every `waiqin` start builds the parser, the desktop app's too.


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        # With --passphrase-stdin too, the passphrase is the first line, the password the next.
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    return getpass.getpass("Password / 密码: ")


def cmd_login(args: argparse.Namespace) -> int:
    """Log the workspace in to the sync server; the token is kept, the password is not."""
    from sync.client import login
    from sync.transport import SyncError

    ws = open_from_args(args)
    try:
        password = _read_password(args)
        user = login(ws, args.server, args.username, password, ca_bundle=args.ca_bundle)
    except SyncError as exc:
        print(f"waiqin: {exc.text()}", file=sys.stderr)
        return 3
    finally:
        ws.close()
    print(
        msg(
            "sync",
            QT_TRANSLATE_NOOP("sync", "Logged in as {name} ({username})."),
            name=user.display_name,
            username=user.username,
        ).text()
    )
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Push local changes, pull the server's, print a summary."""
    from sync.client import SyncEngine, list_conflicts
    from sync.transport import SyncError

    ws = open_from_args(args)

    def progress(phase: str, done: int, total: int) -> None:
        if args.verbose_progress:
            print(f"{phase}: {done}/{total}", file=sys.stderr)

    try:
        report = SyncEngine(ws).run(progress)
        open_conflicts = len(list_conflicts(ws))
    except SyncError as exc:
        print(f"waiqin: {exc.text()}", file=sys.stderr)
        return 3
    finally:
        ws.close()
    print(report.summary())
    for reason in report.rejected_reasons:
        print(msg("sync", QT_TRANSLATE_NOOP("sync", "rejected: {reason}"), reason=reason).text())
    if open_conflicts:
        print(
            msg(
                "sync",
                QT_TRANSLATE_NOOP("sync", "{n} conflict(s) wait in the conflict inbox."),
                n=open_conflicts,
            ).text()
        )
    return 0


def register(subparsers: Any) -> None:
    """Add `login` and `sync` to the `waiqin` command."""
    p = subparsers.add_parser("login", help="log this workspace in to the sync server")
    add_workspace_args(p)
    p.add_argument("--server", required=True, help="server URL, e.g. https://sync.example.com")
    p.add_argument("--username", required=True)
    p.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    p.add_argument("--ca-bundle", default=None, help="CA certificates to trust (PEM file)")
    p.set_defaults(func=cmd_login)
    p = subparsers.add_parser("sync", help="send local changes and receive the server's")
    add_workspace_args(p)
    p.add_argument("--progress", dest="verbose_progress", action="store_true")
    p.set_defaults(func=cmd_sync)
