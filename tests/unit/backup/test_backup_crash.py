"""A crash or a full disk during a backup loses nothing and leaves no backup that looks good."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.backup import create_backup, list_backups, verify_all, verify_backup
from app.backup_files import TMP_PREFIX, BackupError
from app.seed import seed
from tests.conftest import TEST_PASSPHRASE
from tests.unit.backup.backup_helpers import add_customers, customer_count

REPO = Path(__file__).resolve().parents[3]

CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import app.backup as backup
    from app.workspace import open_workspace

    data_dir, mode, marker = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    ws = open_workspace(data_dir, sys.argv[4])

    def hang(*args, **kwargs):
        marker.touch()
        time.sleep(120)

    if mode == "copy":
        backup.create_backup(ws, progress=lambda done, total: hang())
    elif mode == "check":
        backup.check_opened = hang
        backup.create_backup(ws)
    elif mode == "rename":
        backup.os.replace = hang
        backup.create_backup(ws)
    """
)


@pytest.mark.parametrize("moment", ["copy", "check", "rename"])
def test_sigkill_during_a_backup_leaves_earlier_backups_valid(
    workspace, tmp_path: Path, moment: str
) -> None:
    seed(workspace, customers=300, products=30, seed=3)
    first = create_backup(workspace).info
    marker = tmp_path / "reached"
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(workspace.path), moment, str(marker), TEST_PASSPHRASE],
        cwd=REPO,
    )
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None, "the backup process ended before the kill"
            assert time.monotonic() < deadline, "the backup never reached the kill point"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    folder = workspace.path / "backups"
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith(TMP_PREFIX)]
    assert leftovers, "the kill should have caught a backup in progress"
    # only the earlier backup is listed, and it is good
    assert [b.name for b in list_backups(folder)] == [first.name]
    results = verify_all(folder, workspace.key)
    assert [(r.name, r.ok) for r in results] == [(first.name, True)]
    # the next backup clears the dead writer's leftovers
    second = create_backup(workspace).info
    assert not [p for p in folder.iterdir() if p.name.startswith(TMP_PREFIX)]
    assert {b.name for b in list_backups(folder)} == {first.name, second.name}
    assert all(r.ok for r in verify_all(folder, workspace.key))


def test_write_failure_gives_a_clear_error_and_loses_nothing(workspace, monkeypatch) -> None:
    add_customers(workspace, 20)
    first = create_backup(workspace).info

    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("app.backup.copy_file", no_space)
    with pytest.raises(BackupError) as exc:
        create_backup(workspace)
    assert "Not enough free disk space" in exc.value.text("en")
    assert "Nothing was lost" in exc.value.text("en")
    folder = workspace.path / "backups"
    assert sorted(p.name for p in folder.iterdir()) == [first.name]
    assert verify_backup(first.path, workspace.key).ok
    assert customer_count(workspace) == 20


@pytest.fixture
def tiny_tmpfs() -> Iterator[object]:
    """mount(size) -> mounts a tmpfs of that size over a folder; unmounted afterwards."""
    mounted: list[Path] = []

    def mount(path: Path, size: int) -> None:
        path.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
            capture_output=True,
            check=False,
        )
        if proc.returncode != 0:
            pytest.skip(f"cannot mount a small tmpfs here (needs root): {proc.stderr!r}")
        mounted.append(path)

    yield mount
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_full_disk_keeps_workspace_and_earlier_backups(workspace, tiny_tmpfs) -> None:
    add_customers(workspace, 20)
    with workspace.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        size = int(pages) * int(conn.exec_driver_sql("PRAGMA page_size").scalar())
    # the file is copied with its WAL, which is folded in before the backup is checked
    wal = Path(str(workspace.db_path) + "-wal").stat().st_size
    folder = workspace.path / "backups"
    tiny_tmpfs(folder, size + wal + size // 2 + 64 * 1024)  # type: ignore[operator]
    first = create_backup(workspace).info
    add_customers(workspace, 3000, start=10_000)
    with pytest.raises(BackupError) as exc:
        create_backup(workspace)
    assert "Not enough free disk space" in exc.value.text("en")
    assert sorted(p.name for p in folder.iterdir()) == [first.name]
    assert verify_backup(first.path, workspace.key).ok
    assert customer_count(workspace) == 3020
    with workspace.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_full_mirror_is_reported_and_the_local_backup_stands(
    workspace, tmp_path: Path, tiny_tmpfs
) -> None:
    seed(workspace, customers=100, products=20, seed=5)
    usb = tmp_path / "usb"
    tiny_tmpfs(usb, 64 * 1024)  # type: ignore[operator]
    result = create_backup(workspace, mirror=usb)
    assert result.mirror_path is None and result.mirror_error is not None
    assert "Not enough free disk space" in result.mirror_error.text("en")
    assert list(usb.iterdir()) == []
    assert verify_backup(result.info.path, workspace.key).ok
