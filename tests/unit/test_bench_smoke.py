"""Smoke run of the benchmarks: ``bench/run --scale tiny`` still works (figures, JSON).

Not a performance test: it only keeps the scripts from rotting. The tiny data set
is built in a temporary folder, never in bench/data/.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_tiny_run_prints_every_figure_and_writes_results(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    env = dict(os.environ, WAIQIN_BENCH_DATA=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    args = ["--scale", "tiny", "--only", "search,documents", "--out", str(out)]
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "search p95" in proc.stdout and "quote pdf 200 lines" in proc.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["scale"] == "tiny" and doc["machine"]["cores"] and doc["date"]
    names = {r["name"] for r in doc["results"]}
    assert {"search p95", "quote pdf 200 lines", "daily report pdf"} <= names
    for r in doc["results"]:
        assert set(r) >= {"name", "value", "unit", "target", "met"}


def test_unknown_figure_is_refused(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run"), "--only", "nonsense"],
        cwd=ROOT,
        env=dict(os.environ, WAIQIN_BENCH_DATA=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 2
    assert "unknown figure" in proc.stderr
