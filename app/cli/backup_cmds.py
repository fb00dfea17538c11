"""``waiqin backup create|list|verify|restore|export-unsynced|mirror``.

Verify and restore do not open the workspace through its engine: a damaged
database is exactly when they are needed. They only read ``workspace.json``
(or the backup's own copy) to find the key.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from app import security
from app.cli.common import add_workspace_args, data_dir, open_from_args, passphrase
from app.errors import ValidationError
from app.i18n import QT_TRANSLATE_NOOP, msg
from app.workspace import resolve_key

EXPORT_PASSPHRASE_ENV = "WAIQIN_EXPORT_PASSPHRASE"
# The backup modules (and cryptography) are imported by the commands that use them:
# every `waiqin` start builds this parser, the desktop app's too.


def register(sub: Any) -> None:
    """Add ``waiqin backup ...`` to the command."""
    top = sub.add_parser(
        "backup",
        help="make, check and restore encrypted backups",
        description=(
            "Encrypted, verified backups of the workspace in DIR/backups (and a second "
            "folder, see 'backup mirror'). Rotation keeps 7 daily, 4 weekly and 12 monthly "
            "backups, plus deliberate ones for a week."
        ),
    )
    actions = top.add_subparsers(dest="backup_action", metavar="ACTION", required=True)

    p = actions.add_parser("create", help="make a backup now (the app keeps working)")
    add_workspace_args(p)
    p.add_argument("--mirror", type=Path, help="also copy it to this folder (USB stick, share)")
    p.add_argument("--no-mirror", action="store_true", help="skip the configured second folder")
    p.set_defaults(func=cmd_create)

    p = actions.add_parser("list", help="list backups, newest first")
    add_workspace_args(p)
    p.add_argument("--from", dest="from_dir", type=Path, help="another backup folder")
    p.add_argument("--json", action="store_true", help="print as JSON")
    p.set_defaults(func=cmd_list)

    p = actions.add_parser(
        "verify",
        help="check every backup (or one); exit 1 if any fails",
        description="Checksums, PRAGMA integrity_check with the key, and counts vs. manifest.",
    )
    add_workspace_args(p)
    p.add_argument("--backup", help="name (or path) of one backup")
    p.add_argument("--from", dest="from_dir", type=Path, help="another backup folder")
    p.set_defaults(func=cmd_verify)

    p = actions.add_parser(
        "restore",
        help="restore the newest good backup (or one) in place or into a new folder",
        description=(
            "In place: the current state is backed up first (or, if unreadable, kept aside). "
            "With --to: a new workspace folder that opens with the same passphrase or key. "
            "Prints what the backup lacks: changes the next sync brings back, and "
            "unsynced changes to enter again."
        ),
    )
    add_workspace_args(p)
    p.add_argument("--backup", help="name (or path) of the backup (default: newest good one)")
    p.add_argument("--from", dest="from_dir", type=Path, help="another backup folder")
    p.add_argument("--to", dest="to_dir", type=Path, help="restore into this new folder")
    p.set_defaults(func=cmd_restore)

    p = actions.add_parser(
        "export-unsynced",
        help="write unsynced changes to one encrypted file",
        description=(
            "For the day the network never comes: the pending changes, encrypted with a "
            "passphrase you choose, for another laptop or the server to import. The export "
            f"passphrase is read from ${EXPORT_PASSPHRASE_ENV}, the next line of standard "
            "input (--export-passphrase-stdin) or typed twice."
        ),
    )
    add_workspace_args(p)
    p.add_argument("--out", type=Path, required=True, help="file to write (e.g. changes.wqx)")
    p.add_argument("--export-passphrase-stdin", action="store_true")
    p.set_defaults(func=cmd_export)

    p = actions.add_parser("mirror", help="show or set the second backup folder")
    add_workspace_args(p)
    p.add_argument("folder", nargs="?", type=Path, help="the folder (must exist)")
    p.add_argument("--off", action="store_true", help="stop copying to a second folder")
    p.set_defaults(func=cmd_mirror)


def _say(source: str, **args: Any) -> None:
    print(msg("cli", source, **args).text())


def human_size(n: int) -> str:
    """1536 -> '1.5 KB'."""
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"  # pragma: no cover


def _folder(args: argparse.Namespace) -> Path:
    from app.backup import BACKUPS_DIR

    from_dir: Path | None = getattr(args, "from_dir", None)
    return from_dir.expanduser().resolve() if from_dir else data_dir(args) / BACKUPS_DIR


def _meta(path: Path) -> dict[str, Any] | None:
    from app.backup_files import META_NAME

    try:
        data = json.loads((path / META_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _key(args: argparse.Namespace, backup: Path | None = None) -> bytes:
    """The key from the workspace's metadata, else from a backup's copy of it."""
    from app.backup_files import backup_dirs, backup_error

    meta = _meta(data_dir(args))
    if meta is None:
        source = backup or next(iter(backup_dirs(_folder(args))), None)
        meta = _meta(source) if source is not None else None
    if meta is None:
        raise backup_error(
            QT_TRANSLATE_NOOP("backup", "No Waiqin workspace or backup in {path}."),
            path=str(data_dir(args)),
        )
    secret = passphrase(args) if meta.get("key_mode") == "passphrase" else None
    return resolve_key(meta, secret)


def cmd_create(args: argparse.Namespace) -> int:
    """Make a verified backup now."""
    from app.backup import create_backup

    ws = open_from_args(args)
    try:
        result = create_backup(ws, "manual", mirror=args.mirror, use_mirror=not args.no_mirror)
    finally:
        ws.close()
    info = result.info
    _say(
        QT_TRANSLATE_NOOP("cli", "Backup {name} written and verified ({size}, {records} records)."),
        name=info.name,
        size=human_size(info.size),
        records=f"{info.records:,}",
    )
    if result.mirror_path is not None:
        _say(QT_TRANSLATE_NOOP("cli", "Copied to {path}."), path=str(result.mirror_path))
    if result.mirror_error is not None:
        print(f"waiqin: {result.mirror_error.text()}", file=sys.stderr)
        return 1
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print the backups of a folder."""
    from app.backup import list_backups

    folder = _folder(args)
    infos = list_backups(folder)
    if args.json:
        rows = [
            {
                "name": b.name,
                "created_at": b.created_at.isoformat(),
                "reason": b.reason,
                "size": b.size,
                "records": b.records,
                "unsynced": b.unsynced,
                "schema_revision": b.schema_revision,
            }
            for b in infos
        ]
        print(json.dumps(rows, indent=2))
        return 0
    if not infos:
        _say(QT_TRANSLATE_NOOP("cli", "No backups in {folder}."), folder=str(folder))
        return 0
    for b in infos:
        when = b.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"{when}  {b.reason:<13} {human_size(b.size):>9}  {b.records:>9,} rec  "
            f"{b.unsynced:>5} unsynced  {b.name}"
        )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    """Verify all backups (or one); exit 1 if any fails or there is none."""
    from app.backup import verify_all, verify_backup
    from app.backup_restore import find_backup

    folder = _folder(args)
    if args.backup:
        path = find_backup(folder, args.backup)
        results = [verify_backup(path, _key(args, path))]
    else:
        results = verify_all(folder, _key(args))
    if not results:
        _say(QT_TRANSLATE_NOOP("cli", "No backups in {folder}."), folder=str(folder))
        return 1
    ok_word = msg("cli", QT_TRANSLATE_NOOP("cli", "ok")).text()
    failed_word = msg("cli", QT_TRANSLATE_NOOP("cli", "FAILED")).text()
    for r in results:
        if r.ok:
            print(f"{ok_word:<7} {r.name}")
        else:
            print(f"{failed_word:<7} {r.name}: {r.text()}")
    return 0 if all(r.ok for r in results) else 1


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore in place (safety backup first) or into a new folder; print the report."""
    from app.backup_files import DB_NAME
    from app.backup_restore import (
        choose_backup,
        find_backup,
        restore_in_place,
        restore_to_new,
    )

    path = data_dir(args)
    folder = _folder(args)
    named = find_backup(folder, args.backup) if args.backup else None
    key = _key(args, named)
    backup = named or choose_backup(folder, key)
    if args.to_dir is not None:
        compare = path if (path / DB_NAME).exists() else None
        report = restore_to_new(backup, args.to_dir, key, compare_with=compare)
    elif _meta(path) is None and not (path / DB_NAME).exists():
        report = restore_to_new(backup, path, key)
    else:
        report = restore_in_place(path, key, backup)
    print(report.text())
    return 0


def _export_passphrase(args: argparse.Namespace) -> str:
    if args.export_passphrase_stdin:
        return security.read_passphrase_stdin()
    if os.environ.get(EXPORT_PASSPHRASE_ENV):
        return os.environ[EXPORT_PASSPHRASE_ENV]
    if sys.stdin.isatty():
        first = getpass.getpass("Export passphrase / 导出密码: ")
        if getpass.getpass("Again / 再输入一次: ") == first:
            return first
        raise ValidationError(
            "passphrase", msg("cli", QT_TRANSLATE_NOOP("cli", "the two passphrases differ"))
        )
    raise ValidationError(
        "passphrase",
        msg(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli", "give one with --export-passphrase-stdin or $WAIQIN_EXPORT_PASSPHRASE"
            ),
        ),
    )


def cmd_export(args: argparse.Namespace) -> int:
    """Export unsynced changes to an encrypted file."""
    from app.backup_export import export_unsynced

    ws = open_from_args(args)
    try:
        bundle = export_unsynced(ws, args.out, _export_passphrase(args))
    finally:
        ws.close()
    _say(
        QT_TRANSLATE_NOOP("cli", "{n} unsynced changes written to {file} (encrypted)."),
        n=len(bundle.entries),
        file=str(args.out),
    )
    return 0


def cmd_mirror(args: argparse.Namespace) -> int:
    """Show, set or clear the second backup folder."""
    from app.backup import get_mirror_dir, set_mirror_dir
    from app.backup_files import backup_error

    ws = open_from_args(args)
    try:
        if args.off:
            set_mirror_dir(ws, None)
        elif args.folder is not None:
            folder = args.folder.expanduser().resolve()
            if not folder.is_dir():
                raise backup_error(
                    QT_TRANSLATE_NOOP("backup", "The folder {folder} does not exist."),
                    folder=str(folder),
                )
            set_mirror_dir(ws, folder)
        current = get_mirror_dir(ws)
    finally:
        ws.close()
    if current is None:
        _say(QT_TRANSLATE_NOOP("cli", "No second backup folder."))
    else:
        _say(QT_TRANSLATE_NOOP("cli", "Second backup folder: {folder}"), folder=str(current))
    return 0
