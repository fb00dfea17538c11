"""The ``bench/run`` command: build or reuse the data set, run the figures, print, save."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

os.environ.setdefault("WAIQIN_NO_KEYRING", "1")

from bench.common import ROOT, SCALES, Context, Result, machine

FIGURES = ("search", "documents", "backup", "coldstart", "firstsync", "dailysync", "reps")


def table(results: list[Result]) -> str:
    """The figures as an aligned text table."""
    head = ("figure", "value", "target", "met")
    rows = [
        (
            r.name,
            f"{r.value:,.3f} {r.unit}".rstrip(),
            r.target,
            {True: "yes", False: "NO", None: ""}[r.met],
        )
        for r in results
    ]
    widths = [max(len(x[i]) for x in [head, *rows]) for i in range(4)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(head, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for row, r in zip(rows, results, strict=True):
        line = "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
        lines.append(line + (f"  ({r.note})" if r.note else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the chosen figures, print the table and write the JSON."""
    parser = argparse.ArgumentParser(prog="bench/run", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--only", default="", help="comma-separated figures: " + ",".join(FIGURES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    chosen = [f.strip() for f in args.only.split(",") if f.strip()] or list(FIGURES)
    unknown = [f for f in chosen if f not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(unknown)}")
    scale = SCALES[args.scale]

    from bench import dataset

    work = Path(tempfile.mkdtemp(prefix="waiqin-bench-"))
    ctx = Context(scale=scale, seed=args.seed, work=work, log=lambda s: print(s, flush=True))
    started = time.perf_counter()
    results: list[Result] = []
    failed: list[str] = []
    try:
        ctx.extras["data"] = dataset.ensure(scale, args.seed, ctx.log)
        rows = sum(dataset.counts(ctx.extras["data"]).values())
        ctx.log(f"data set: {rows:,} rows ({scale.name}, seed {args.seed})")
        for name in chosen:
            ctx.log(f"-- {name}")
            t = time.perf_counter()
            try:
                module = importlib.import_module(f"bench.figures.{name}")
                got: list[Result] = module.run(ctx)
            except Exception as exc:  # a broken figure must not hide the others
                traceback.print_exc()
                failed.append(name)
                got = [Result(name, 0.0, "", "runs", False, f"failed: {exc!r}"[:200])]
            for r in got:
                ctx.log(f"   {r.name}: {r.value:,.3f} {r.unit} (target {r.target})")
            ctx.log(f"   ({time.perf_counter() - t:.1f} s)")
            results += got
    finally:
        ctx.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(table(results))
    doc = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "scale": scale.name,
        "seed": args.seed,
        "rows": rows,
        "seconds": round(time.perf_counter() - started, 1),
        "machine": machine(),
        "results": [r.as_json() for r in results],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten {args.out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
