"""300 reps syncing at the same moment against one server on PostgreSQL.

A dedicated database (``waiqin_bench``, dropped and made again) on the local
PostgreSQL; two ``waiqin-server`` processes over it (2 cores), reps spread over
both like a load balancer would. Every rep has a device, 20 customers, a small
catalog and an up-to-date cursor; then 3 changes per rep are made on the server
and, all at once (a barrier), every rep pushes 3 changes (a new customer, two
edits) and pulls what is new. Latency is per rep (push + pull), errors are any
HTTP failure or rejected change.
"""

from __future__ import annotations

import datetime as dt
import gzip
import http.client
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
import requests
from sqlalchemy import insert, select, update

from app.models import new_id
from bench.common import Context, Result, below, info, median, percentile
from bench.server import ServerProcess
from sync.protocol import (
    API_PREFIX,
    MAX_PAGE,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    PullRequest,
    PushRequest,
)
from sync.server import admin
from sync.server.auth import hash_password
from sync.server.db import Database
from sync.server.entities import new_row
from sync.server.models import Counter, Record, User
from sync.transport import GZIP_MIN

ADMIN_URL = os.environ.get("WAIQIN_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
DB_NAME = "waiqin_bench"
PASSWORD = "bench-password-1"
CUSTOMERS = 20
PRODUCTS = 200
TIMEOUT = 30.0
# requests.Session's own headers as Transport sends them (its Accept-Encoding: "gzip")
_SESSION_HEADERS = {
    "User-Agent": requests.utils.default_user_agent(),
    "Accept-Encoding": "gzip",
    "Accept": "*/*",
    "Connection": "keep-alive",
}


def pg_url() -> str:
    """SQLAlchemy URL of the bench database (same server as ADMIN_URL)."""
    base = ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    return f"{base}/{DB_NAME}"


def fresh_database() -> None:
    """Drop and create the dedicated bench database."""
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def customer(cid: str, username: str, n: int, now: dt.datetime) -> dict[str, Any]:
    """A complete customer row owned by ``username``."""
    return new_row(
        "customer",
        cid,
        now,
        code=f"C-{username}-{n:04d}",
        name=f"客户{username}{n}",
        name_key=f"客户{username}{n}",
        kind="retail",
        owner=username,
        pinyin_initials="kh",
        pinyin_full="kehu",
    )


def populate(url: str, reps: int) -> list[str]:
    """Users, their profiles and customers, and a catalog; returns the usernames."""
    db = Database(url)
    db.upgrade()
    now = dt.datetime.now(dt.UTC)
    password_hash = hash_password(PASSWORD)
    names = [f"rep{i:03d}" for i in range(reps)]
    with db.write() as s:
        users = [
            User(
                id=new_id(),
                username=u,
                display_name=u,
                role="rep",
                territory=None,
                password_hash=password_hash,
                active=True,
                created_at=now,
            )
            for u in names
        ]
        s.add_all(users)
        s.flush()
        for user in users:
            admin.publish_profile(s, user)
        rev = int(s.scalar(select(Counter.value).where(Counter.name == "rev")) or 0)
        rows: list[dict[str, Any]] = []
        for i in range(PRODUCTS):
            pid = new_id()
            data = new_row(
                "product",
                pid,
                now,
                code=f"P{i:05d}",
                name=f"产品{i}",
                unit="箱",
                list_price="10.00",
                tax_rate="0.13",
            )
            rows.append(_record("product", pid, None, None, data, now))
        for u in names:
            for n in range(CUSTOMERS):
                cid = new_id()
                rows.append(_record("customer", cid, u, cid, customer(cid, u, n, now), now))
        for r in rows:
            rev += 1
            r["rev"] = rev
        s.execute(insert(Record), rows)
        s.execute(update(Counter).where(Counter.name == "rev").values(value=rev))
    db.dispose()
    return names


def _record(
    entity: str, rid: str, owner: str | None, cust: str | None, data: dict[str, Any], now: Any
) -> dict[str, Any]:
    return {
        "entity": entity,
        "id": rid,
        "owner": owner,
        "author": owner,
        "customer_id": cust,
        "territory": None,
        "data": data,
        "deleted": False,
        "updated_at": now,
    }


def server_changes(url: str, reps: dict[str, Rep]) -> None:
    """Three server-side edits per rep (other users' work): the 'down' part."""
    from sync.server.records import put

    db = Database(url)
    try:
        with db.write() as s:
            for rep in reps.values():
                for cid in list(rep.customers)[-3:]:
                    data = {**rep.customers[cid], "address": "经理改的地址"}
                    put(s, "customer", cid, data)
    finally:
        db.dispose()


class Rep:
    """One rep's laptop, reduced to its HTTP client, cursor and known rows.

    Its requests are byte for byte those of ``sync.transport.Transport`` (what a
    laptop's SyncEngine sends): bodies from the protocol's models, compact UTF-8
    JSON, gzip from GZIP_MIN bytes, the same headers. They are sent with
    ``http.client`` on one kept connection instead of ``requests``: the bench's
    300 threads share the 2 cores with the servers, and requests' own work per
    call (about half of this client's CPU) is not the server's.
    """

    def __init__(self, username: str, url: str) -> None:
        self.username = username
        self.url = url
        self.device_id = new_id()
        self.code = "B" + username[-3:].upper().rjust(5, "0")
        self.token = ""
        self.conn: http.client.HTTPConnection | None = None
        self.cursor = 0
        self.no = 0
        self.customers: dict[str, dict[str, Any]] = {}

    def headers(self, size: int, gzipped: bool) -> dict[str, str]:
        """The headers requests sends for Transport._send (its order, with Host first)."""
        out = dict(_SESSION_HEADERS)
        out[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
        if self.token:
            out["Authorization"] = f"Bearer {self.token}"
        out["Content-Type"] = "application/json"
        if gzipped:
            out["Content-Encoding"] = "gzip"
        out["Content-Length"] = str(size)
        return out

    def call(self, path: str, body: dict[str, Any]) -> Any:
        """POST a JSON body as Transport does; raises on any HTTP error (no retries)."""
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        gzipped = len(data) >= GZIP_MIN
        if gzipped:
            data = gzip.compress(data, compresslevel=6)
        host = self.url.removeprefix("http://")
        if self.conn is None:
            self.conn = http.client.HTTPConnection(host, timeout=TIMEOUT)
        try:
            self.conn.request(
                "POST", API_PREFIX + path, body=data, headers=self.headers(len(data), gzipped)
            )
            resp = self.conn.getresponse()
            raw = resp.read()
        except Exception:
            self.close()
            raise
        if resp.status >= 400:
            raise RuntimeError(f"HTTP {resp.status} from {path}: {raw[:200]!r}")
        if resp.getheader("content-encoding") == "gzip":
            raw = gzip.decompress(raw)
        return json.loads(raw)

    def close(self) -> None:
        """Drop the kept connection (the next call opens a new one)."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def login(self) -> None:
        """Register the device and keep the token."""
        out = self.call(
            "/login",
            {
                "username": self.username,
                "password": PASSWORD,
                "device_id": self.device_id,
                "device_code": self.code,
            },
        )
        self.token = out["token"]

    def pull(self) -> int:
        """Pull until no more; returns the number of changes."""
        got = 0
        while True:
            req = PullRequest(device_id=self.device_id, cursor=self.cursor, limit=MAX_PAGE)
            page = self.call("/pull", req.model_dump(mode="json"))
            for change in page["changes"]:
                if change["entity"] == "customer" and change["op"] == "upsert":
                    self.customers[change["id"]] = change["data"]
            got += len(page["changes"])
            self.cursor = page["cursor"]
            if not page["more"]:
                return got

    def push(self) -> int:
        """A new customer and two edits; returns the number of rejected changes."""
        now = dt.datetime.now(dt.UTC)
        cid = new_id()
        mutations = []
        self.no += 1
        row = customer(cid, self.username, 9000 + self.no, now)
        mutations.append(
            {"no": self.no, "entity": "customer", "entity_id": cid, "op": "insert", "payload": row}
        )
        for old in list(self.customers.values())[:2]:
            self.no += 1
            new = {**old, "notes": f"拜访 {self.no}", "updated_at": now.isoformat()}
            mutations.append(
                {
                    "no": self.no,
                    "entity": "customer",
                    "entity_id": old["id"],
                    "op": "update",
                    "payload": new,
                    "changed": ["notes"],
                    "base": {"notes": old.get("notes")},
                }
            )
        req = PushRequest.model_validate({"device_id": self.device_id, "mutations": mutations})
        out = self.call("/push", req.model_dump(mode="json"))
        return sum(r["outcome"] == "rejected" for r in out["results"])

    def sync(self) -> tuple[float, int]:
        """One sync (push then pull): seconds and rejected changes."""
        t = time.perf_counter()
        rejected = self.push()
        self.pull()
        return time.perf_counter() - t, rejected


def run(ctx: Context) -> list[Result]:
    """Set up, fire all syncs at once, report p50/p99 and errors."""
    n = ctx.scale.reps
    fresh_database()
    url = pg_url()
    names = populate(url, n)
    servers = [ServerProcess(url).start() for _ in range(2)]
    for srv in servers:
        ctx.cleanups.append(srv.stop)
    reps = {u: Rep(u, servers[i % 2].url) for i, u in enumerate(names)}
    with ThreadPoolExecutor(16) as pool:
        # login then first pull per rep, back to back: logging all 300 in first (argon2)
        # left the first reps' connections idle past the server's keep-alive (30 s) on a
        # loaded machine, and requests does not resend a POST on a connection closed meanwhile
        list(pool.map(lambda r: (r.login(), r.pull()), reps.values()))
    server_changes(url, reps)
    for rep in reps.values():  # a laptop syncing later opens a new connection; a kept one
        rep.close()  # may be past the server's keep-alive and closed under the client
    barrier = threading.Barrier(n)
    errors: list[str] = []

    def one(rep: Rep) -> float | None:
        barrier.wait(timeout=120)
        try:
            seconds, rejected = rep.sync()
        except Exception as exc:
            errors.append(repr(exc)[:200])
            return None
        if rejected:
            errors.append(f"{rep.username}: {rejected} rejected")
        return seconds

    cpu = [process_cpu(srv.pid) for srv in servers], time.process_time()
    t = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        got = list(pool.map(one, reps.values()))
    wall = time.perf_counter() - t
    server_cpu = sum(process_cpu(srv.pid) for srv in servers) - sum(cpu[0])
    client_cpu = time.process_time() - cpu[1]
    times = [g for g in got if g is not None]
    if errors:
        ctx.log(f"   errors: {errors[:5]}")
    return [
        below("reps at once: errors", len(errors), "errors", 1, f"{n} reps, 2 server processes"),
        below("reps at once: sync p99", percentile(times, 99), "s", 2, "push 3 + pull, PostgreSQL"),
        info("reps at once: sync p50", median(times), "s"),
        info("reps at once: all done in", wall, "s"),
        info("reps at once: server CPU per sync", 1000 * server_cpu / n, "ms", "both processes"),
        info("reps at once: bench client CPU per sync", 1000 * client_cpu / n, "ms"),
    ]


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
