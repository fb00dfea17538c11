"""The admin command and `waiqin login` / `waiqin sync`, run as real subprocesses."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sync.server.db import Database
from sync.server.models import Record, User

BIN = Path(sys.executable).parent
PASSWORD = "correct-horse-9"


def _env(db_url: str | None = None) -> dict[str, str]:
    env = dict(
        os.environ, WAIQIN_LANG="en", WAIQIN_NO_KEYRING="1", WAIQIN_PASSPHRASE="test-passphrase-123"
    )
    if db_url:
        env["WAIQIN_SERVER_DB"] = db_url
    return env


def _run(
    *args: str, stdin: str = "", db_url: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args),
        input=stdin,
        capture_output=True,
        text=True,
        env=_env(db_url),
        timeout=timeout,
        check=False,
    )


def _server_cmd(*args: str) -> list[str]:
    return [str(BIN / "waiqin-server"), *args]


def _count(db_url: str, entity: str) -> int:
    db = Database(db_url)
    try:
        with db.read() as s:
            return int(
                s.scalar(select(func.count()).select_from(Record).where(Record.entity == entity))
                or 0
            )
    finally:
        db.dispose()


def test_add_user_reads_the_password_from_stdin(db_url: str) -> None:
    done = _run(
        *_server_cmd(
            "add-user",
            "--db",
            db_url,
            "--username",
            "zhang",
            "--name",
            "Zhang Wei",
            "--role",
            "rep",
            "--territory",
            "east",
            "--password-stdin",
        ),
        stdin=PASSWORD + "\n",
    )
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    db = Database(db_url)
    with db.read() as s:
        user = s.scalar(select(User).where(User.username == "zhang"))
        assert user is not None and user.password_hash.startswith("$argon2")
    db.dispose()
    again = _run(
        *_server_cmd(
            "add-user",
            "--db",
            db_url,
            "--username",
            "zhang",
            "--name",
            "Z",
            "--role",
            "rep",
            "--password-stdin",
        ),
        stdin=PASSWORD + "\n",
    )
    assert again.returncode == 1 and "already exists" in again.stderr
    short = _run(
        *_server_cmd(
            "add-user",
            "--db",
            db_url,
            "--username",
            "li",
            "--name",
            "Li",
            "--role",
            "rep",
            "--password-stdin",
        ),
        stdin="short\n",
    )
    assert short.returncode == 1 and "at least 8" in short.stderr


CSV_GOOD = """record,code,name,unit,list_price,min_price,tax_rate,rate,product_code,\
customer_kind,max_price,territory
tax_rate,VAT13,Standard VAT,,,,,13%,,,,
product,P001,矿泉水 550ml,箱,24.00,20.00,0.13,,,,,
product,P002,绿茶 500ml,箱,36.50,,13%,,,,,east
price_band,,,,,30.00,,,P002,retail,40.00,
"""


def test_import_catalog_csv_and_xlsx(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(CSV_GOOD, encoding="utf-8")
    done = _run(*_server_cmd("import-catalog", "--db", db_url, str(path)))
    assert done.returncode == 0, done.stderr
    assert "1 tax_rate, 2 product, 1 price_band imported" in done.stdout
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "products"
    sheet.append(["record", "code", "name", "unit", "list_price", "tax_rate"])
    sheet.append(["product", "P001", "矿泉水 550ml", "箱", 25, 0.13])  # update by code
    sheet.append(["product", "P003", "果汁 1L", "瓶", "8.80", "9%"])
    xlsx = tmp_path / "catalog.xlsx"
    book.save(xlsx)
    done = _run(*_server_cmd("import-catalog", "--db", db_url, str(xlsx)))
    assert done.returncode == 0, done.stderr
    assert _count(db_url, "product") == 3


def test_import_catalog_reports_bad_rows_by_line_and_imports_nothing(
    db_url: str, tmp_path: Path
) -> None:
    bad = CSV_GOOD.replace("product,P002,绿茶 500ml,箱,36.50", "product,P002,绿茶 500ml,箱,abc")
    bad += "price_band,,,,,5.00,,,P999,,,\nwidget,X,,,,,,,,,,\n"
    path = tmp_path / "bad.csv"
    path.write_text(bad, encoding="utf-8")
    done = _run(*_server_cmd("import-catalog", "--db", db_url, str(path)))
    assert done.returncode == 1
    assert "line 4:" in done.stderr and "line 6:" in done.stderr and "line 7:" in done.stderr
    assert "P999" in done.stderr and "nothing was imported" in done.stderr
    assert _count(db_url, "product") == 0 and _count(db_url, "tax_rate") == 0


@pytest.fixture
def served(db_url: str) -> Iterator[str]:
    """`waiqin-server serve --port 0` in a subprocess; yields its URL."""
    for name in ("alice", "boss"):
        role = "rep" if name == "alice" else "manager"
        done = _run(
            *_server_cmd(
                "add-user",
                "--db",
                db_url,
                "--username",
                name,
                "--name",
                name,
                "--role",
                role,
                "--password-stdin",
            ),
            stdin=PASSWORD + "\n",
        )
        assert done.returncode == 0, done.stderr
    proc = subprocess.Popen(
        _server_cmd("serve", "--db", db_url, "--port", "0"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)", line)
        assert match, line + (proc.stderr.read() if proc.stderr else "")
        yield match.group(1)
    finally:
        proc.terminate()
        proc.communicate(timeout=15)


def _waiqin(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return _run(str(BIN / "waiqin"), *args, stdin=stdin)


def test_login_and_sync_from_the_command_line(served: str, tmp_path: Path) -> None:
    data = str(tmp_path / "ws")
    assert _waiqin("init", "--data-dir", data).returncode == 0
    wrong = _waiqin(
        "login",
        "--data-dir",
        data,
        "--server",
        served,
        "--username",
        "alice",
        "--password-stdin",
        stdin="nope-nope\n",
    )
    assert wrong.returncode != 0 and "refused the login" in wrong.stderr
    ok = _waiqin(
        "login",
        "--data-dir",
        data,
        "--server",
        served,
        "--username",
        "alice",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert ok.returncode == 0, ok.stderr
    assert "Logged in as alice" in ok.stdout
    done = _waiqin("sync", "--data-dir", data)
    assert done.returncode == 0, done.stderr
    assert re.search(r"pushed \d+, pulled \d+, merged 0, conflicts 0, rejected 0", done.stdout)


def test_sync_fails_clearly_when_unreachable_or_not_logged_in(tmp_path: Path) -> None:
    data = str(tmp_path / "ws")
    assert _waiqin("init", "--data-dir", data).returncode == 0
    never = _waiqin("sync", "--data-dir", data)
    assert never.returncode != 0 and "Log in" in never.stderr
    down = _waiqin(
        "login",
        "--data-dir",
        data,
        "--server",
        "http://127.0.0.1:9",
        "--username",
        "alice",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert down.returncode != 0 and "Cannot reach the sync server" in down.stderr


def test_admin_commands_for_company_blocks_reassign_and_review(db_url: str) -> None:
    done = _run(
        *_server_cmd(
            "set-company",
            "--db",
            db_url,
            "--name",
            "Example Trading Co.",
            "--phone",
            "0571-0000000",
        )
    )
    assert done.returncode == 0, done.stderr
    assert _count(db_url, "company_profile") == 1
    missing = _run(*_server_cmd("allot-receipts", "--db", db_url, "--device", "NOPE01"))
    assert missing.returncode == 1 and "no device" in missing.stderr
    nobody = _run(*_server_cmd("reassign", "--db", db_url, "--customer", "c-x", "--to", "bob"))
    assert nobody.returncode == 1 and "no such customer" in nobody.stderr
    listing = _run(*_server_cmd("review-order", "--db", db_url, "--list"))
    assert listing.returncode == 0 and listing.stdout == ""
    unknown = _run(*_server_cmd("review-order", "--db", db_url, "o-x", "--reject", "bad price"))
    assert unknown.returncode == 1 and "no such order" in unknown.stderr


def test_building_the_command_line_does_not_load_the_sync_client() -> None:
    # Every `waiqin` start builds the parser with the plug-in commands, the desktop
    # app's too: the sync client (requests, pydantic) is loaded only by `login`/`sync`.
    code = (
        "import sys\n"
        "from app.cli import build_parser\n"
        "parser = build_parser()\n"
        "assert parser.parse_args(['sync']).func.__name__ == 'cmd_sync'\n"
        "loaded = sorted(m for m in sys.modules if m in ('sync.client', 'sync.transport', "
        "'requests', 'pydantic'))\n"
        "print(loaded)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_env(), check=True
    )
    assert out.stdout.strip() == "[]"
