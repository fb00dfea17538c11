"""`waiqin backup ...`: readable output, non-zero exit when anything fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.backup_export import import_unsynced
from app.backup_files import DB_NAME
from app.cli import main
from app.cli.backup_cmds import human_size
from tests.conftest import TEST_PASSPHRASE
from tests.unit.backup.backup_helpers import add_customers


@pytest.fixture
def ws_dir(workspace, monkeypatch) -> Path:
    monkeypatch.setenv("WAIQIN_PASSPHRASE", TEST_PASSPHRASE)
    add_customers(workspace, 12)
    workspace.close()
    return workspace.path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_create_list_verify(ws_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "backup", "create", "--data-dir", str(ws_dir))
    assert code == 0 and "written and verified" in out
    code, out, _ = run(capsys, "backup", "list", "--data-dir", str(ws_dir))
    assert code == 0 and "manual" in out and "unsynced" in out
    code, out, _ = run(capsys, "backup", "verify", "--data-dir", str(ws_dir))
    assert code == 0 and out.startswith("ok")


def test_verify_fails_loudly_on_a_damaged_backup(ws_dir: Path, capsys) -> None:
    run(capsys, "backup", "create", "--data-dir", str(ws_dir))
    (name,) = [p for p in (ws_dir / "backups").iterdir()]
    data = bytearray((name / DB_NAME).read_bytes())
    data[5000] ^= 0x01
    (name / DB_NAME).write_bytes(bytes(data))
    code, out, _ = run(capsys, "backup", "verify", "--data-dir", str(ws_dir))
    assert code == 1
    assert f"FAILED  {name.name}: waiqin.db is damaged" in out
    code, out, _ = run(capsys, "backup", "verify", "--backup", name.name, "--data-dir", str(ws_dir))
    assert code == 1


def test_verify_without_backups_is_a_failure(ws_dir: Path, capsys) -> None:
    code, out, _ = run(capsys, "backup", "verify", "--data-dir", str(ws_dir))
    assert code == 1 and "No backups" in out


def test_restore_in_place_and_to_a_new_folder(ws_dir: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "backup", "create", "--data-dir", str(ws_dir))
    code, out, _ = run(capsys, "backup", "restore", "--data-dir", str(ws_dir))
    assert code == 0 and "Restored the backup" in out and "pre-restore" in out
    code, out, _ = run(
        capsys, "backup", "restore", "--data-dir", str(ws_dir), "--to", str(tmp_path / "n")
    )
    assert code == 0 and str(tmp_path / "n") in out
    code, out, _ = run(capsys, "info", "--data-dir", str(tmp_path / "n"))
    assert code == 0 and "customer" in out


def test_unknown_backup_name_is_an_error(ws_dir: Path, capsys) -> None:
    code, _, err = run(capsys, "backup", "restore", "--backup", "x", "--data-dir", str(ws_dir))
    assert code == 2 and "No backup named x" in err


def test_export_unsynced(ws_dir: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("WAIQIN_EXPORT_PASSPHRASE", "export-pass-789")
    out_file = tmp_path / "c.wqx"
    code, out, _ = run(
        capsys, "backup", "export-unsynced", "--data-dir", str(ws_dir), "--out", str(out_file)
    )
    assert code == 0 and "12 unsynced changes written" in out
    assert len(import_unsynced(out_file, "export-pass-789").entries) == 12


def test_mirror_setting(ws_dir: Path, tmp_path: Path, capsys) -> None:
    usb = tmp_path / "usb"
    code, _, err = run(capsys, "backup", "mirror", str(usb), "--data-dir", str(ws_dir))
    assert code == 2 and "does not exist" in err
    usb.mkdir()
    code, out, _ = run(capsys, "backup", "mirror", str(usb), "--data-dir", str(ws_dir))
    assert code == 0 and str(usb) in out
    code, out, _ = run(capsys, "backup", "create", "--data-dir", str(ws_dir))
    assert code == 0 and "Copied to" in out
    code, out, _ = run(capsys, "backup", "verify", "--from", str(usb), "--data-dir", str(ws_dir))
    assert code == 0 and out.startswith("ok")
    code, out, _ = run(capsys, "backup", "mirror", "--off", "--data-dir", str(ws_dir))
    assert "No second backup folder" in out


def test_unavailable_mirror_exits_non_zero_but_keeps_the_backup(
    ws_dir: Path, tmp_path: Path, capsys
) -> None:
    code, out, err = run(
        capsys, "backup", "create", "--mirror", str(tmp_path / "gone"), "--data-dir", str(ws_dir)
    )
    assert code == 1 and "written and verified" in out and "not available" in err


@pytest.mark.parametrize(
    ("n", "text"), [(0, "0 B"), (1023, "1023 B"), (1536, "1.5 KB"), (5 * 1024**3, "5.0 GB")]
)
def test_human_size(n: int, text: str) -> None:
    assert human_size(n) == text


def test_building_the_command_line_does_not_load_the_backup_modules() -> None:
    # Every `waiqin` start builds the parser, the desktop app's too; the backup
    # modules (and cryptography) are loaded by the backup commands when they run.
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from app.cli import build_parser\n"
        "build_parser().parse_args(['backup', 'list'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('app.backup', 'cryptography'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
