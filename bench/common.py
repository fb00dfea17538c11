"""Shared pieces of the benchmarks: scales, results, timing helpers, the machine.

A benchmark prints figures; it is never a unit test. Each figure module under
``bench/figures`` exposes ``run(ctx) -> list[Result]``.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("WAIQIN_BENCH_DATA", ROOT / "bench" / "data"))
PASSPHRASE = "bench-passphrase-1"
REP = "rep_demo"
PASSWORD = "bench-password-1"
# The day the synthetic company's history ends (fixed: the data set is deterministic).
TODAY = dt.date(2025, 6, 30)


@dataclass(frozen=True)
class Scale:
    """Size of the synthetic company for one run."""

    name: str
    customers: int
    products: int
    days: int  # of history, ending the day before TODAY
    stops_per_day: int  # visit-plan stops per day over the whole territory
    reps: int  # concurrent reps in the PostgreSQL figure
    queries: int  # search-as-you-type keystrokes timed


SCALES = {
    "full": Scale("full", 100_000, 20_000, 730, 250, 300, 400),
    "small": Scale("small", 10_000, 2_000, 730, 25, 60, 200),
    "tiny": Scale("tiny", 1_000, 200, 60, 10, 8, 60),
}


@dataclass
class Result:
    """One figure beside its target."""

    name: str
    value: float
    unit: str
    target: str
    met: bool | None
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        """The committed form: name, value, unit, target, met (plus a note)."""
        return asdict(self)


@dataclass
class Context:
    """What every figure gets: the scale, the seed, the cached data set, a work folder."""

    scale: Scale
    seed: int
    work: Path
    log: Callable[[str], None] = print
    extras: dict[str, Any] = field(default_factory=dict)
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    def close(self) -> None:
        """Run the cleanups (stop servers, close workspaces), newest first."""
        while self.cleanups:
            try:
                self.cleanups.pop()()
            except Exception as exc:  # cleanup must go on
                print(f"cleanup failed: {exc!r}")


def below(name: str, value: float, unit: str, limit: float, note: str = "") -> Result:
    """A figure whose target is ``value < limit``."""
    return Result(name, round(value, 4), unit, f"< {limit:g} {unit}", value < limit, note)


def at_least(name: str, value: float, unit: str, limit: float, note: str = "") -> Result:
    """A figure whose target is ``value >= limit``."""
    return Result(name, round(value, 4), unit, f">= {limit:g} {unit}", value >= limit, note)


def info(name: str, value: float, unit: str, note: str = "") -> Result:
    """A figure shown for context, without a target."""
    return Result(name, round(value, 4), unit, "-", None, note)


@contextmanager
def stopwatch() -> Iterator[list[float]]:
    """``with stopwatch() as t: ...`` then ``t[0]`` is the elapsed seconds."""
    out: list[float] = []
    start = time.perf_counter()
    try:
        yield out
    finally:
        out.append(time.perf_counter() - start)


def median(values: list[float]) -> float:
    """The median (0 for no values)."""
    return statistics.median(values) if values else 0.0


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (``pct`` in 0..100)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process in MB (VmRSS from /proc)."""
    status = Path(f"/proc/{pid or os.getpid()}/status").read_text()
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine() -> dict[str, Any]:
    """CPU, cores, memory, Python and commit of this run."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        mem_gb = round(int(mem) / 2**20, 1)
    except OSError:
        mem_gb = 0.0
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "commit": commit,
    }


def python() -> str:
    """The interpreter of this project (the venv's)."""
    venv = ROOT / ".venv" / "bin" / "python"
    return str(venv) if venv.exists() else sys.executable
