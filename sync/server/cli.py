"""The `waiqin-server` admin command: serve, users, catalog, reassignment, receipts, review.

Every subcommand takes ``--db URL`` (default: $WAIQIN_SERVER_DB, else a SQLite
file in the per-user data folder) and upgrades the schema first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sync.server import admin, orders, receipts
from sync.server.auth import revoke_tokens
from sync.server.db import Database, default_db_url
from sync.server.errors import ApiError

log = logging.getLogger(__name__)


def _db(args: argparse.Namespace) -> Database:
    db = Database(args.db or default_db_url())
    db.upgrade()
    return db


def cmd_serve(args: argparse.Namespace) -> int:
    """Run the HTTP server until interrupted."""
    from sync.server.app import worker_threads
    from sync.server.serve import serve

    try:
        worker_threads()  # a bad setting stops here, with its name, not in the server's start
    except ValueError as exc:
        print(f"waiqin-server: {exc}", file=sys.stderr)
        return 2
    serve(
        _db(args),
        args.host,
        args.port,
        ssl_certfile=args.ssl_certfile,
        ssl_keyfile=args.ssl_keyfile,
    )
    return 0


def cmd_add_user(args: argparse.Namespace) -> int:
    """Create a user; the password comes from standard input (first line)."""
    if not args.password_stdin:
        print("waiqin-server: pass the password with --password-stdin", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\r\n")
    db = _db(args)
    with db.write() as session:
        admin.add_user(session, args.username, args.name, args.role, password, args.territory)
    print(f"user {args.username} created ({args.role})")
    return 0


def cmd_import_catalog(args: argparse.Namespace) -> int:
    """Import products, price bands and tax rates from CSV or XLSX (all or nothing)."""
    from sync.server.catalog import CatalogError, import_catalog

    db = _db(args)
    try:
        counts = import_catalog(db, Path(args.file))
    except CatalogError as exc:
        for problem in exc.problems:
            print(f"waiqin-server: {problem}", file=sys.stderr)
        print("waiqin-server: nothing was imported", file=sys.stderr)
        return 1
    print(", ".join(f"{n} {kind}" for kind, n in counts.items()) + " imported")
    return 0


def cmd_reassign(args: argparse.Namespace) -> int:
    """Give a customer to another rep."""
    db = _db(args)
    with db.write() as session:
        moved = admin.reassign(session, args.customer, args.to)
    print(f"customer reassigned to {args.to} ({moved} records)")
    return 0


def cmd_allot(args: argparse.Namespace) -> int:
    """Allot the next block of receipt numbers to a device."""
    db = _db(args)
    with db.write() as session:
        record = receipts.allot(session, args.device, args.size)
        first, last = record.data["first_no"], record.data["last_no"]
    print(f"device {args.device}: receipt numbers {first}..{last} allotted")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """Approve or reject an order under review."""
    db = _db(args)
    with db.write() as session:
        if args.list:
            from sqlalchemy import select

            from sync.server.models import Record

            rows = session.scalars(select(Record).where(Record.entity == "order_draft")).all()
            for r in rows:
                if r.data.get("status") == "pending_review":
                    print(r.id, r.owner, r.data.get("local_number"), r.data.get("grand_total"))
            return 0
        if not args.order or not (args.approve or args.reject):
            print("waiqin-server: give ORDER_ID and --approve or --reject REASON", file=sys.stderr)
            return 2
        record = orders.review(session, args.order, bool(args.approve), args.reject)
        print(
            f"order {args.order}: {record.data['status']} {record.data.get('server_number') or ''}"
        )
    return 0


def cmd_set_company(args: argparse.Namespace) -> int:
    """Set the company letterhead the laptops print."""
    fields: dict[str, Any] = {
        k: v
        for k, v in {
            "name": args.name,
            "address": args.address,
            "phone": args.phone,
            "tax_id": args.tax_id,
            "bank_name": args.bank_name,
            "bank_account": args.bank_account,
        }.items()
        if v is not None
    }
    db = _db(args)
    with db.write() as session:
        admin.set_company(session, **fields)
    print("company profile saved")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    """Revoke every token of a user (lost laptop)."""
    db = _db(args)
    with db.write() as session:
        count = revoke_tokens(session, args.username)
    print(f"{count} token(s) revoked")
    return 0


def cmd_activity(args: argparse.Namespace) -> int:
    """Print what reps synced on a day, one JSON line per rep."""
    db = _db(args)
    day = dt.date.fromisoformat(args.day) if args.day else dt.datetime.now(dt.UTC).date()
    with db.read() as session:
        for item in admin.activity(session, day):
            print(json.dumps(item.model_dump(), ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """Arguments of every subcommand."""
    parser = argparse.ArgumentParser(prog="waiqin-server", description="Waiqin central server.")
    parser.add_argument("-v", "--verbose", action="store_true", help="more logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func: Any, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.add_argument(
            "--db",
            default=None,
            help="database URL (default: $WAIQIN_SERVER_DB or "
            "a SQLite file in the user data folder)",
        )
        p.set_defaults(func=func)
        return p

    p = add("serve", cmd_serve, "run the sync server")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    p.add_argument("--ssl-certfile", default=None)
    p.add_argument("--ssl-keyfile", default=None)
    p = add("add-user", cmd_add_user, "create a user")
    p.add_argument("--username", required=True)
    p.add_argument("--name", required=True, help="display name")
    p.add_argument("--role", required=True, choices=admin.ROLES)
    p.add_argument("--territory", default=None)
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p = add("import-catalog", cmd_import_catalog, "import products, price bands, tax rates")
    p.add_argument("file", help="CSV or XLSX file")
    p = add("reassign", cmd_reassign, "give a customer to another rep")
    p.add_argument("--customer", required=True, help="customer id")
    p.add_argument("--to", required=True, help="username of the new rep")
    p = add("allot-receipts", cmd_allot, "allot receipt numbers to a device")
    p.add_argument("--device", required=True, help="device code (shown on the laptop)")
    p.add_argument("--size", type=int, default=1000)
    p = add("review-order", cmd_review, "approve or reject an order")
    p.add_argument("order", nargs="?", help="order id")
    p.add_argument("--approve", action="store_true")
    p.add_argument("--reject", metavar="REASON", default=None)
    p.add_argument("--list", action="store_true", help="list orders waiting for review")
    p = add("set-company", cmd_set_company, "set the company letterhead")
    p.add_argument("--name", required=True)
    for opt in ("address", "phone", "tax-id", "bank-name", "bank-account"):
        p.add_argument(f"--{opt}", default=None)
    p = add("revoke-tokens", cmd_revoke, "log a user out everywhere")
    p.add_argument("--username", required=True)
    p = add("activity", cmd_activity, "what reps synced on a day")
    p.add_argument("--day", default=None, help="YYYY-MM-DD (default today, UTC)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `waiqin-server`."""
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args))
    except ApiError as exc:
        print(f"waiqin-server: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
