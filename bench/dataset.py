"""The synthetic company, built once per scale and seed into bench/data/ (git-ignored).

- ``workspace``: a rep's laptop (manager's view) with the scale's customers and
  products (app.seed) and ``days`` of history: one visit plan a day across the
  territory, visits, follow-ups, complaints, quotes, orders with lines,
  receivables, receipts and voids (app.seed_activity's rules and RNG).
- ``server.db``: the same rows as the sync server stores them (JSON records with
  scope and revision, in creation order), bulk-inserted, for the first-sync figure.

Everything is deterministic for a scale and seed except UUIDv7 ids.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from app import db
from app.errors import WaiqinError
from app.models import ReceiptBlock, SyncState, synced_models
from app.outbox import REMOTE
from app.rules.capital import amount_in_words
from app.seed import REP_USERNAME, _customers, _products, _profiles
from app.seed_activity import (
    PURPOSES,
    SeedContext,
    _todays_plan,
    _visit,
    bulk,
    local_instant,
    synced,
)
from app.serialize import to_json_value
from app.workspace import Workspace, create_workspace, device_code, open_workspace
from bench.common import DATA, PASSPHRASE, PASSWORD, TODAY, Scale

VERSION = 1  # bump when the generator changes: old caches are rebuilt
CATALOG = ("product", "price_band", "promotion", "tax_rate", "company_profile")
PARENTS = {
    "order_line": ("order_draft", "order_id"),
    "quote_line": ("quote", "quote_id"),
    "receipt_void": ("receipt", "receipt_id"),
    "visit_note": ("visit", "visit_id"),
}
SKIPPED = ("rep_profile", "receipt_block")  # the server makes these per user and device


def folder(scale: Scale, seed: int) -> Path:
    """The cache folder of a scale and seed."""
    return DATA / f"{scale.name}-s{seed}-v{VERSION}"


def ensure(scale: Scale, seed: int, log: Any = print) -> Path:
    """Build the data set if missing; returns its folder (``ws/``, ``server.db``)."""
    out = folder(scale, seed)
    if (out / "done.json").exists():
        _upgrade_cached(out / "ws", log)
        return out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    started = time.perf_counter()
    log(f"building the {scale.name} data set (seed {seed}) in {out} ...")
    ws = create_workspace(out / "ws", PASSPHRASE)
    counts = build_workspace(ws, scale, seed)
    ws.close()
    log(f"  workspace: {sum(counts.values()):,} rows in {time.perf_counter() - started:.0f} s")
    t = time.perf_counter()
    records = build_server(out / "server.db", out / "ws")
    log(f"  server: {records:,} records in {time.perf_counter() - t:.0f} s")
    (out / "done.json").write_text(
        json.dumps({"counts": counts, "records": records, "seconds": time.perf_counter() - started})
    )
    return out


def _upgrade_cached(ws_dir: Path, log: Any) -> None:
    """Bring a cached workspace built by an older schema to this build's head, once.

    A rep's laptop is migrated once after an update; figures should measure the
    migrated laptop, not the migration. The pre-migration backup is dropped:
    figures copy the cache folder and must not copy it too.
    """
    try:
        open_workspace(ws_dir, PASSPHRASE, migrate=False).close()
        return
    except WaiqinError:  # "needs a schema upgrade" (a wrong key would fail below too)
        pass
    t = time.perf_counter()
    log(f"  upgrading the cached workspace {ws_dir} to schema {db.head_revision()} ...")
    open_workspace(ws_dir, PASSPHRASE).close()
    shutil.rmtree(ws_dir / "backups", ignore_errors=True)
    log(f"  upgraded in {time.perf_counter() - t:.1f} s")


def counts(path: Path) -> dict[str, int]:
    """Rows per table of a built data set."""
    data: dict[str, int] = json.loads((path / "done.json").read_text())["counts"]
    return data


def open_copy(src: Path, dst: Path) -> Workspace:
    """Copy a cached workspace folder and open the copy (figures may change it)."""
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    return open_workspace(dst, PASSPHRASE)


def build_workspace(ws: Workspace, scale: Scale, seed: int) -> dict[str, int]:
    """Fill ``ws`` with the scale's company in one remote transaction."""
    ctx = SeedContext(
        rng=random.Random(seed),
        today=TODAY,
        now=local_instant(TODAY, 8, 0),
        device_code=device_code(ws),
        rep=REP_USERNAME,
        rep_name="",
    )
    with db.transaction(ws.sessions) as s:
        s.info[REMOTE] = True
        _profiles(s, ctx)
        _products(s, ctx, scale.products)
        _customers(s, ctx, scale.customers)
        rows = _history(ctx, scale)
        for model, model_rows in rows.items():
            bulk(s, model, model_rows, ctx)
        s.execute(
            update(ReceiptBlock)
            .where(ReceiptBlock.device_code == ctx.device_code, ReceiptBlock.first_no == 1)
            .values(last_no=10**7, next_no=ctx.counts.get("receipt", 0) + 1)
        )
        s.merge(SyncState(key="last_sync_at", value=ctx.now.astimezone(dt.UTC).isoformat()))
    return dict(ctx.counts)


def _history(ctx: SeedContext, scale: Scale) -> dict[type[Any], list[dict[str, Any]]]:
    """``scale.days`` of visits and documents, then today's plan and the receipts."""
    from app.models import (
        Complaint,
        FollowUpTask,
        OrderDraft,
        OrderLine,
        Quote,
        QuoteLine,
        Receipt,
        ReceiptVoid,
        Receivable,
        Visit,
        VisitPlan,
        VisitPlanStop,
    )

    models = (VisitPlan, VisitPlanStop, Visit, FollowUpTask, Complaint, Quote, QuoteLine)
    models += (OrderDraft, OrderLine, Receivable, Receipt, ReceiptVoid)
    rows: dict[type[Any], list[dict[str, Any]]] = {m: [] for m in models}
    rng = ctx.rng
    active = [c for c in ctx.customers if c["grade"] != "E"] or ctx.customers
    hot = [c for c in active if c["grade"] in ("A", "B")] or active
    for back in range(scale.days, 0, -1):
        day = ctx.today - dt.timedelta(days=back)
        if day.weekday() == 6:
            continue
        plan_at = local_instant(day, 7, 30)
        plan = {**synced(ctx, plan_at), "plan_date": day, "status": "approved", "note": None}
        rows[VisitPlan].append(plan)
        count = rng.randint(scale.stops_per_day * 4 // 5, scale.stops_per_day * 6 // 5)
        for pos in range(1, count + 1):
            customer = rng.choice(hot if rng.random() < 0.5 else active)
            stop = {
                **synced(ctx, plan_at),
                "plan_id": plan["id"],
                "customer_id": customer["id"],
                "position": pos,
                "purpose": rng.choice(PURPOSES),
                "appointment_confirmed": rng.random() < 0.6,
                "planned_time": dt.time(9 + pos, 0) if pos < 9 else None,
            }
            rows[VisitPlanStop].append(stop)
            if rng.random() < 0.12:
                continue
            _visit(ctx, rows, day, pos % 10 + 1, customer, stop["id"])
    _todays_plan(ctx, rows, hot)
    _receipts(ctx, rows)
    return rows


def _receipts(ctx: SeedContext, rows: dict[type[Any], list[dict[str, Any]]]) -> None:
    """A receipt for the paid part of every bill (one in fifteen voided and rewritten)."""
    from app.models import Receipt, ReceiptVoid, Receivable

    rng = ctx.rng
    paid = [r for r in rows[Receivable] if r["paid_amount"] > Decimal(0)]
    seq = 0
    for bill in paid:
        seq += 1
        when = local_instant(
            min(bill["issued_on"] + dt.timedelta(days=1), ctx.today), 14, rng.randint(0, 59)
        )
        amount = bill["paid_amount"]
        receipt = {
            **synced(ctx, when),
            "number": f"R-{ctx.device_code}-{seq:07d}",
            "seq_no": seq,
            "customer_id": bill["customer_id"],
            "payer": "对方财务",
            "amount": amount,
            "amount_in_words": amount_in_words(amount),
            "method": rng.choice(("cash", "bank_transfer", "wechat", "alipay")),
            "receivable_id": bill["id"],
            "order_id": bill["order_id"],
            "settles": bill["document_number"],
            "issued_at": when,
            "collector": ctx.rep_name,
            "note": None,
        }
        rows[Receipt].append(receipt)
        if seq % 15 == 7:
            rows[ReceiptVoid].append(
                {
                    **synced(ctx, when),
                    "receipt_id": receipt["id"],
                    "reason": "金额写错，作废重开",
                    "voided_at": when + dt.timedelta(minutes=5),
                    "voided_by": ctx.rep_name,
                }
            )
            seq += 1
            again = dict(receipt, **synced(ctx, when))
            again.update(number=f"R-{ctx.device_code}-{seq:07d}", seq_no=seq)
            rows[Receipt].append(again)


# ----- the server's copy -------------------------------------------------------------------


def wire_rows(ws: Workspace, entity: str) -> list[dict[str, Any]]:
    """Every row of ``entity`` as the wire JSON (app.serialize), bookkeeping excluded."""
    model = synced_models()[entity]
    cols = [c for c in model.__table__.columns if c.key not in ("server_rev", "sync_base")]
    with ws.engine.connect() as conn:
        result = conn.execute(select(*cols))
        keys = [c.key for c in cols]
        return [{k: to_json_value(v) for k, v in zip(keys, row, strict=True)} for row in result]


def server_records(ws: Workspace) -> list[dict[str, Any]]:
    """Every synced row of ``ws`` as a server ``record`` row (scope columns, no rev yet)."""
    out: list[dict[str, Any]] = []
    by_id: dict[tuple[str, str], str | None] = {}
    order = [e for e in synced_models() if e not in SKIPPED and e not in PARENTS]
    order += [e for e in synced_models() if e in PARENTS]
    for entity in order:
        for data in wire_rows(ws, entity):
            owner: str | None = REP_USERNAME
            if entity in CATALOG:
                owner, customer = None, None
            elif entity == "customer":
                customer = data["id"]
            elif entity in PARENTS:
                parent, column = PARENTS[entity]
                customer = by_id.get((parent, data[column]))
            else:
                customer = data.get("customer_id")
            by_id[(entity, data["id"])] = customer
            out.append(
                {
                    "entity": entity,
                    "id": data["id"],
                    "owner": owner,
                    "author": owner,
                    "customer_id": customer,
                    "territory": None,
                    "data": data,
                    "deleted": data.get("deleted_at") is not None,
                    "updated_at": dt.datetime.fromisoformat(data["updated_at"]),
                }
            )
    out.sort(key=lambda r: (r["data"]["created_at"], r["entity"] in PARENTS))
    return out


def build_server(path: Path, ws_path: Path) -> int:
    """Create ``path`` (SQLite server database) holding every row of the workspace."""
    from sync.server import admin
    from sync.server.db import Database
    from sync.server.models import Counter, Record

    ws = open_workspace(ws_path, PASSPHRASE)
    try:
        records = server_records(ws)
    finally:
        ws.close()
    server = Database(f"sqlite:///{path}")
    server.upgrade()
    with server.write() as s:
        admin.add_user(s, REP_USERNAME, "Bench Rep", "rep", PASSWORD, None)
        start = int(s.scalar(select(Counter.value).where(Counter.name == "rev")) or 0)
        for i, rec in enumerate(records, start=start + 1):
            rec["rev"] = i
        for i in range(0, len(records), 5000):
            s.execute(insert(Record), records[i : i + 5000])
        s.execute(update(Counter).where(Counter.name == "rev").values(value=start + len(records)))
    server.dispose()
    return len(records)
