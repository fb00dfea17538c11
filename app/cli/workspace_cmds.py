"""Core workspace commands: ``waiqin init``, ``waiqin seed``, ``waiqin info``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from typing import Any

from sqlalchemy import func, select

from app import db, security
from app.cli.common import add_workspace_args, data_dir, open_from_args, passphrase
from app.errors import ValidationError, WorkspaceError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.models import Base, OutboxEntry
from app.workspace import Workspace, create_workspace, device_code


def key_mode_label(mode: object) -> str:
    """Readable name of where the database key lives (keyring or passphrase)."""
    if mode == "keyring":
        return msg("cli", QT_TRANSLATE_NOOP("cli", "the system keyring")).text()
    if mode == "passphrase":
        return msg("cli", QT_TRANSLATE_NOOP("cli", "your passphrase (not stored)")).text()
    return str(mode)


def register(sub: Any) -> None:
    """Add init, seed and info to the `waiqin` command."""
    p = sub.add_parser(
        "init",
        help="create a new encrypted workspace",
        description=(
            "Create a new encrypted workspace folder. The key goes to the system keyring; "
            "where there is none, a passphrase is required: from standard input "
            "(--passphrase-stdin), $WAIQIN_PASSPHRASE, or typed twice at the prompt."
        ),
    )
    add_workspace_args(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser(
        "seed",
        help="fill an empty workspace with synthetic demo data",
        description=(
            "Fill an empty workspace with deterministic synthetic demo data: products, "
            "customers, a month of visits, quotes, orders, receipts and today's plan. "
            "The same --seed gives the same data."
        ),
    )
    add_workspace_args(p)
    p.add_argument("--customers", type=int, default=200, help="number of customers (default 200)")
    p.add_argument("--products", type=int, default=50, help="number of products (default 50)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="the day the demo data is built around, YYYY-MM-DD (default: today)",
    )
    p.set_defaults(func=cmd_seed)

    p = sub.add_parser(
        "info",
        help="show what a workspace holds",
        description=(
            "Show the number of records per table, the schema version, the device code, "
            "the unsynced changes and the last sync of a workspace."
        ),
    )
    add_workspace_args(p)
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_info)


def _say(source: str, **args: Any) -> None:
    print(msg("cli", source, **args).text())


def cmd_init(args: argparse.Namespace) -> int:
    """Create the workspace: passphrase mode when one is given or no keyring exists."""
    path = data_dir(args)
    explicit = bool(args.passphrase_stdin) or bool(os.environ.get(security.PASSPHRASE_ENV))
    secret: str | None = None
    if explicit or not security.keyring_usable():
        secret = passphrase(args, prompt=True, confirm=True)
        if secret is None:
            if sys.stdin.isatty() and not explicit:
                raise ValidationError(
                    "passphrase",
                    msg("cli", QT_TRANSLATE_NOOP("cli", "the two passphrases differ")),
                )
            raise WorkspaceError(
                msg(
                    "cli",
                    QT_TRANSLATE_NOOP(
                        "cli",
                        "No system keyring is available on this computer: choose a passphrase "
                        "(--passphrase-stdin or WAIQIN_PASSPHRASE).",
                    ),
                )
            )
    ws = create_workspace(path, secret)
    try:
        _say(
            QT_TRANSLATE_NOOP(
                "cli", "Workspace created in {path} (device {device}, key in {mode})."
            ),
            path=str(ws.path),
            device=device_code(ws),
            mode=key_mode_label(ws.meta["key_mode"]),
        )
    finally:
        ws.close()
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    """Fill the workspace with synthetic data and print what was made."""
    from app.seed import seed

    if args.customers < 0 or args.products < 0:
        raise ValidationError(
            "customers", msg("cli", QT_TRANSLATE_NOOP("cli", "counts cannot be negative"))
        )
    ws = open_from_args(args)
    try:
        result = seed(
            ws, customers=args.customers, products=args.products, seed=args.seed, today=args.today
        )
    finally:
        ws.close()
    for table, count in sorted(result.counts.items()):
        print(f"  {table:<18} {count:>9,}")
    _say(QT_TRANSLATE_NOOP("cli", "Seeded in {seconds:.1f} s."), seconds=result.seconds)
    return 0


def workspace_info(ws: Workspace) -> dict[str, Any]:
    """Counts per table, schema version, device code, unsynced changes, last sync."""
    counts: dict[str, int] = {}
    with ws.sessions() as s:
        for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
            counts[table.name] = int(s.scalar(select(func.count()).select_from(table)) or 0)
        unsynced = int(
            s.scalar(
                select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
            )
            or 0
        )
    return {
        "path": str(ws.path),
        "schema_version": db.current_revision(ws.engine),
        "device_code": ws.state("device_code"),
        "key_mode": ws.meta.get("key_mode"),
        "unsynced_changes": unsynced,
        "last_sync_at": ws.state("last_sync_at"),
        "counts": counts,
    }


def cmd_info(args: argparse.Namespace) -> int:
    """Print the workspace summary."""
    started = time.perf_counter()
    ws = open_from_args(args)
    try:
        info = workspace_info(ws)
    finally:
        ws.close()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
        return 0
    never = msg("cli", QT_TRANSLATE_NOOP("cli", "never")).text()
    rows = [
        (msg("cli", QT_TRANSLATE_NOOP("cli", "Workspace")).text(), info["path"]),
        (msg("cli", QT_TRANSLATE_NOOP("cli", "Schema version")).text(), info["schema_version"]),
        (msg("cli", QT_TRANSLATE_NOOP("cli", "Device code")).text(), info["device_code"]),
        (
            msg("cli", QT_TRANSLATE_NOOP("cli", "Key kept in")).text(),
            key_mode_label(info["key_mode"]),
        ),
        (
            msg("cli", QT_TRANSLATE_NOOP("cli", "Unsynced changes")).text(),
            info["unsynced_changes"],
        ),
        (msg("cli", QT_TRANSLATE_NOOP("cli", "Last sync")).text(), info["last_sync_at"] or never),
    ]
    for label, value in rows:
        print(f"{label}: {value}")
    print(msg("cli", QT_TRANSLATE_NOOP("cli", "Records per table:")).text())
    for table, count in info["counts"].items():
        print(f"  {table:<18} {count:>9,}")
    _say(QT_TRANSLATE_NOOP("cli", "({seconds:.2f} s)"), seconds=time.perf_counter() - started)
    return 0
