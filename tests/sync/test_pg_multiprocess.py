"""Several server *processes* over one PostgreSQL: laptops alternate between them.

Two ``waiqin-server serve`` processes share one database (a fresh schema).
Three laptops sync concurrently, each sync going to the other process; a
reader pulls in small pages, alternating processes, while they write. Nothing
is lost or applied twice, and the reader's cursor never skips a row.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from sync.client import SyncEngine
from sync.protocol import PROTOCOL_HEADER
from sync.server import admin
from sync.server.db import Database
from sync.server.models import MutationResult, Record
from tests.sync.conftest import _pg_schema_url
from tests.sync.harness import PASSWORD, add_customer, make_workspace

pytestmark = [pytest.mark.pg, pytest.mark.slow]
BIN = Path(sys.executable).parent
ROUNDS = 6


@pytest.fixture
def pg_schema(pg_url: str) -> Iterator[str]:
    """A fresh schema in the test PostgreSQL, dropped afterwards."""
    yield from _pg_schema_url(pg_url)


def _start(db_url: str) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, WAIQIN_SERVER_DB=db_url, WAIQIN_LANG="en")
    proc = subprocess.Popen(
        [str(BIN / "waiqin-server"), "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"listening on (http://\S+)", line)
        if found:
            return proc, found.group(1)
    raise AssertionError("server did not start: " + str(proc.wait(timeout=10)))


def test_two_server_processes_over_one_postgresql(pg_schema: str, tmp_path: Path) -> None:
    db = Database(pg_schema)
    db.upgrade()
    with db.write() as s:
        for name in ("alice", "bob"):
            admin.add_user(s, name, name.title(), "rep", PASSWORD, "east")
    procs = [_start(pg_schema), _start(pg_schema)]
    urls = [url for _, url in procs]
    try:
        laptops = [
            (make_workspace(tmp_path / name), rep)
            for name, rep in (("a1", "alice"), ("a2", "alice"), ("b", "bob"))
        ]
        for i, (ws, rep) in enumerate(laptops):
            login_rep_at(ws, urls[i % 2], rep)
        made: list[str] = []
        errors: list[BaseException] = []

        def work(i: int) -> None:
            ws, rep = laptops[i]
            try:
                for n in range(ROUNDS):
                    for _ in range(3):
                        made.append(add_customer(ws, rep, f"Shop {i}-{n}"))
                    ws.set_state("server_url", urls[(i + n) % 2])
                    SyncEngine(ws, backoff=0.01, batch_size=2).run()
            except BaseException as exc:
                errors.append(exc)

        token = _token(urls[0], "alice")
        threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
        for t in threads:
            t.start()
        seen: dict[str, int] = {}
        cursor, turn = 0, 0
        while any(t.is_alive() for t in threads) or cursor < _head(urls[turn % 2], token):
            page = requests.post(
                f"{urls[turn % 2]}/v1/pull",
                json={"device_id": "reader", "cursor": cursor, "limit": 4},
                headers={PROTOCOL_HEADER: "1", "Authorization": f"Bearer {token}"},
                timeout=60,
            ).json()
            for change in page["changes"]:
                if change["entity"] == "customer":
                    seen[change["id"]] = change["rev"]
            cursor, turn = page["cursor"], turn + 1
        for t in threads:
            t.join()
        assert errors == []
        for i, (ws, _) in enumerate(laptops):  # everyone converges through either process
            ws.set_state("server_url", urls[i % 2])
            SyncEngine(ws, backoff=0.01).run()
        alices = {cid for cid in made if cid in _owned(db, "alice")}
        assert set(seen) == alices  # the reader (alice) missed none of hers
        with db.read() as s:
            assert (
                s.scalar(
                    select(func.count()).select_from(Record).where(Record.entity == "customer")
                )
                == len(made)
                == 3 * 3 * ROUNDS
            )
            assert s.scalar(select(func.count()).select_from(MutationResult)) == len(made)
        for ws, _ in laptops:
            ws.close()
    finally:
        for proc, _ in procs:
            proc.terminate()
            proc.wait(timeout=15)
            if proc.stdout:
                proc.stdout.close()
        db.dispose()


def login_rep_at(ws: object, url: str, rep: str) -> None:
    """Log a laptop in to one of the processes."""
    from sync.client import login

    login(ws, url, rep, PASSWORD)  # type: ignore[arg-type]


def _token(url: str, username: str) -> str:
    body = {
        "username": username,
        "password": PASSWORD,
        "device_id": "reader",
        "device_code": "READ01",
    }
    resp = requests.post(f"{url}/v1/login", json=body, headers={PROTOCOL_HEADER: "1"}, timeout=60)
    assert resp.status_code == 200, resp.text
    return str(resp.json()["token"])


def _head(url: str, token: str) -> int:
    resp = requests.get(
        f"{url}/v1/head",
        headers={PROTOCOL_HEADER: "1", "Authorization": f"Bearer {token}"},
        timeout=60,
    )
    return int(resp.json()["head"])


def _owned(db: Database, username: str) -> set[str]:
    with db.read() as s:
        return set(
            s.scalars(
                select(Record.id).where(Record.entity == "customer", Record.owner == username)
            )
        )
