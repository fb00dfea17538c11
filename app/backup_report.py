"""What a restore did and what the restored data lacks, in words a rep understands."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from app.backup_files import BackupInfo
from app.i18n import QT_TRANSLATE_NOOP, msg


@dataclass(frozen=True)
class LostChange:
    """A change made after the backup that the server never received: re-enter it."""

    entity: str
    entity_id: str
    op: str
    created_at: dt.datetime
    label: str


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did and what the restored data lacks."""

    backup: BackupInfo
    target: Path
    in_place: bool
    safety_backup: BackupInfo | None
    quarantined: Path | None
    compared: bool
    lost: tuple[LostChange, ...]
    returning: int

    def text(self, language: str | None = None) -> str:
        """A readable summary for the rep (CLI and the Backups page)."""
        lines = [
            msg(
                "backup",
                QT_TRANSLATE_NOOP("backup", "Restored the backup of {when} into {target}."),
                when=self.backup.created_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                target=str(self.target),
            ).text(language)
        ]
        if self.safety_backup is not None:
            lines.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup", "The state before the restore was saved as {name}."
                    ),
                    name=self.safety_backup.name,
                ).text(language)
            )
        if self.quarantined is not None:
            lines.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup",
                        "The previous database could not be read; it was kept in {path}.",
                    ),
                    path=str(self.quarantined),
                ).text(language)
            )
        if not self.compared:
            lines.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup",
                        "Changes made after the backup could not be listed. Synchronise to "
                        "get back everything the server has.",
                    ),
                ).text(language)
            )
            return "\n".join(lines)
        if self.returning:
            lines.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup",
                        "{n} changes made after the backup are already on the server; they "
                        "come back with the next synchronisation.",
                    ),
                    n=self.returning,
                ).text(language)
            )
        if not self.lost:
            lines.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP("backup", "No unsynchronised change was lost."),
                ).text(language)
            )
            return "\n".join(lines)
        per_entity = Counter(c.entity for c in self.lost)
        lines.append(
            msg(
                "backup",
                QT_TRANSLATE_NOOP(
                    "backup",
                    "{n} changes made after the backup never reached the server and must be "
                    "entered again ({detail}):",
                ),
                n=len(self.lost),
                detail=", ".join(f"{k} {v}" for k, v in sorted(per_entity.items())),
            ).text(language)
        )
        for c in self.lost:
            when = c.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            lines.append(f"  {when}  {c.op:<6} {c.entity:<16} {c.label or c.entity_id}")
        return "\n".join(lines)
