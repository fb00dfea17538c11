"""Verification of a backup: checksums, PRAGMA integrity_check with the key, counts.

Also what the manifest records (:func:`db_facts`), and :class:`Meter`, which
turns phase-wise work into one ``progress(done, total)`` stream and checks
the cancel flag.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

import sqlcipher3

from app import backup_check, memory
from app.backup_files import (
    DB_NAME,
    META_NAME,
    BackupCancelledError,
    BackupError,
    Cancel,
    Progress,
    cancelled,
    digest,
    read_manifest,
)
from app.i18n import QT_TRANSLATE_NOOP, Msg, msg


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of verifying one backup: ``ok`` or the problems found."""

    name: str
    path: Path
    problems: tuple[Msg, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return not self.problems

    def text(self, language: str | None = None) -> str:
        """'ok' or the problems, one per line, in the user's language."""
        if self.ok:
            return msg("backup", QT_TRANSLATE_NOOP("backup", "ok")).text(language)
        return "\n".join(p.text(language) for p in self.problems)


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def db_facts(conn: Any, schema: str = "main") -> dict[str, Any]:
    """What the manifest records about a database: counts, revision, outbox position."""
    s = _q(schema)
    tables = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {s}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    counts = {
        t: int(conn.execute(f"SELECT count(*) FROM {s}.{_q(t)}").fetchone()[0]) for t in tables
    }
    facts: dict[str, Any] = {
        "counts": counts,
        "schema_revision": None,
        "unsynced_ids": [],
        "outbox_seq": 0,
        "device_id": None,
    }
    if "alembic_version" in tables:
        row = conn.execute(f"SELECT version_num FROM {s}.alembic_version").fetchone()
        facts["schema_revision"] = None if row is None else str(row[0])
    if "outbox" in tables:
        facts["unsynced_ids"] = [
            int(r[0])
            for r in conn.execute(f"SELECT id FROM {s}.outbox WHERE acked_at IS NULL ORDER BY id")
        ]
        row = conn.execute(f"SELECT seq FROM {s}.sqlite_sequence WHERE name = 'outbox'").fetchone()
        top = conn.execute(f"SELECT max(id) FROM {s}.outbox").fetchone()[0]
        facts["outbox_seq"] = max(int(row[0]) if row else 0, int(top or 0))
    if "sync_state" in tables:
        row = conn.execute(f"SELECT value FROM {s}.sync_state WHERE key = 'device_id'").fetchone()
        facts["device_id"] = None if row is None else str(row[0])
    return facts


def check_db(conn: Any, manifest: dict[str, Any], schema: str = "main") -> list[Msg]:
    """Integrity of an opened backup database (one connection) and agreement with its manifest."""
    s = _q(schema)
    facts: dict[str, Any] | None = None
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {s}.integrity_check(20)")]
        if rows == ["ok"]:
            rows, facts = [], db_facts(conn, schema)
    except sqlcipher3.DatabaseError as exc:
        rows = check_aborted(exc)
    return verdict(rows, facts, manifest)


def check_aborted(exc: Exception) -> list[str]:
    """What a check that SQLite aborted reports; an interrupt (``stop``) is a cancel."""
    if isinstance(exc, sqlcipher3.OperationalError):
        if "interrupt" in str(exc).lower():
            raise cancelled() from exc
        return [type(exc).__name__ + ": " + str(exc)]
    return [str(exc)]


def verdict(rows: list[str], facts: dict[str, Any] | None, manifest: dict[str, Any]) -> list[Msg]:
    """The problems: the integrity check's failures (``rows``), else facts against the manifest."""
    if rows or facts is None:
        return [
            msg(
                "backup",
                QT_TRANSLATE_NOOP("backup", "The database in the backup is damaged: {detail}"),
                detail="; ".join(rows[:3]),
            )
        ]
    problems: list[Msg] = []
    expected = manifest.get("counts", {})
    for table in sorted(set(expected) | set(facts["counts"])):
        want, got = expected.get(table), facts["counts"].get(table)
        if want != got:
            problems.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup",
                        "Table {table} holds {got} records but the manifest says {want}.",
                    ),
                    table=table,
                    got="-" if got is None else got,
                    want="-" if want is None else want,
                )
            )
    for key in ("schema_revision", "unsynced_ids", "outbox_seq"):
        if manifest.get(key) != facts[key]:
            problems.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup", "The manifest's {item} does not match the backup's content."
                    ),
                    item=key,
                )
            )
    return problems


T = TypeVar("T")


class _StoppedError(Exception):
    """Raised inside a background job once its caller gave up."""


class Background(Generic[T]):
    """``work(tick)`` on a thread beside the caller's own work, as a context manager.

    Used to hash a backup's files while SQLite checks the database: hashlib,
    file reads and SQLite release the GIL, so the two use two cores. ``tick(n)``
    forwards progress and stops the job when the ``with`` block is left by an
    exception (cancel, error); :meth:`result` waits and re-raises the job's error.
    """

    def __init__(
        self,
        work: Callable[[Callable[[int], None]], T],
        on_bytes: Callable[[int], None] | None = None,
    ) -> None:
        self._work = work
        self._on_bytes = on_bytes
        self._stop = threading.Event()
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="backup-hash", daemon=True)

    def _tick(self, n: int) -> None:
        if self._stop.is_set():
            raise _StoppedError
        if self._on_bytes is not None:
            self._on_bytes(n)

    def _run(self) -> None:
        try:
            self._value = self._work(self._tick)
        except BaseException as exc:  # handed to the caller by result()
            self._error = exc

    def __enter__(self) -> Background[T]:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self._stop.set()
        self._thread.join()

    def result(self) -> T:
        """The job's value once it finished (its exception re-raised)."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._value is not None
        return self._value


def check_files(path: Path, manifest: dict[str, Any], on_bytes: Callable[[int], None]) -> list[Msg]:
    """Sizes and sha256 of the backup's files against the manifest."""
    problems: list[Msg] = []
    files = manifest.get("files", {})
    for name in (DB_NAME, META_NAME):
        want = files.get(name)
        target = path / name
        if want is None or not target.is_file():
            problems.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP("backup", "Incomplete backup: {file} is missing."),
                    file=name,
                )
            )
            continue
        size, sha = digest(target, on_bytes)
        if size != int(want["size"]):
            problems.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup",
                        "{file} is truncated or incomplete: {size} bytes instead of {expected}.",
                    ),
                    file=name,
                    size=size,
                    expected=int(want["size"]),
                )
            )
        elif sha != want["sha256"]:
            problems.append(
                msg(
                    "backup",
                    QT_TRANSLATE_NOOP(
                        "backup",
                        "{file} is damaged: its checksum does not match the one recorded "
                        "when the backup was made.",
                    ),
                    file=name,
                )
            )
    return problems


class Meter:
    """Turns phase-wise work into one ``progress(done, total)`` stream; checks cancel."""

    def __init__(self, total: int, progress: Progress | None, cancel: Cancel | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self._progress = progress
        self._cancel = cancel
        self._lock = threading.Lock()

    def check(self) -> None:
        """Raise BackupCancelledError if the user asked to stop."""
        if self._cancel is not None and self._cancel():
            raise cancelled()

    def to(self, done: int) -> None:
        """Move to ``done`` units (never backwards), report and check cancel."""
        with self._lock:
            self.done = min(max(self.done, done), self.total)
            if self._progress is not None:
                self._progress(self.done, self.total)
        self.check()

    def add(self, units: int) -> None:
        """Advance by ``units`` (safe from a second thread)."""
        with self._lock:
            target = self.done + units
        self.to(target)


def verify_backup(
    path: Path, key: bytes, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> VerifyResult:
    """Checksums, ``PRAGMA integrity_check`` with the key, and the manifest's counts.

    The checksums are computed on a second thread while SQLite checks the
    database; a checksum problem is reported alone, as when they ran in turn.
    """
    try:
        manifest = read_manifest(path)
    except BackupError as exc:
        return VerifyResult(path.name, path, (exc.message,))
    files = manifest.get("files", {})
    total_bytes = sum(int(f.get("size", 0)) for f in files.values())
    meter = Meter(2 * total_bytes + 1, progress, cancel)
    with Background(lambda tick: check_files(path, manifest, tick), meter.add) as hashing:
        db_problems = check_opened(path / DB_NAME, key, manifest, meter)
    problems = hashing.result()
    if problems:
        return VerifyResult(path.name, path, tuple(problems))
    meter.to(meter.total)
    return VerifyResult(path.name, path, tuple(db_problems))


def check_opened(db_path: Path, key: bytes, manifest: dict[str, Any], meter: Meter) -> list[Msg]:
    """Open the backup read-only with the key: every test of ``integrity_check``, then counts.

    The tests run on two connections at once (:mod:`app.backup_check`); the
    manifest's facts are read by whichever finishes first. Cancellable.
    """

    def stop() -> bool:
        return meter_cancelled(meter)

    try:
        conn = backup_check.connect(db_path, key, stop)
    except sqlcipher3.DatabaseError:
        return [_unreadable()]
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            return [_unreadable()]
        facts: list[dict[str, Any]] = []
        try:
            rows = backup_check.integrity_problems(
                db_path,
                key,
                conn,
                manifest.get("counts", {}),
                stop,
                lambda c: facts.append(db_facts(c)),
            )
        except sqlcipher3.DatabaseError as exc:
            rows = check_aborted(exc)
        return verdict(rows, facts[0] if facts and not rows else None, manifest)
    finally:
        conn.close()
        memory.release_freed_memory()  # the checking connections' page caches


def _unreadable() -> Msg:
    return msg(
        "backup",
        QT_TRANSLATE_NOOP(
            "backup",
            "The backup cannot be opened with this workspace's key (made with "
            "another passphrase?), or it is damaged.",
        ),
    )


def meter_cancelled(meter: Meter) -> bool:
    """True when the meter's cancel flag is set (for SQLite's progress handler)."""
    try:
        meter.check()
    except BackupCancelledError:
        return True
    return False
