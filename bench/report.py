"""Print bench/results.json as a Markdown table (for docs/performance.md).

.venv/bin/python -m bench.report [bench/results.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.common import ROOT


def markdown(doc: dict[str, object]) -> str:
    """The figures of one run as a Markdown table with its machine line."""
    m = doc["machine"]
    assert isinstance(m, dict)
    lines = [
        f"Run {doc['date']}, scale {doc['scale']} ({doc['rows']:,} rows), commit {m['commit']}, "
        f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}.",
        "",
        "| figure | value | target | met | note |",
        "|---|---:|---|---|---|",
    ]
    results = doc["results"]
    assert isinstance(results, list)
    for r in results:
        met = {True: "yes", False: "**no**", None: ""}[r["met"]]
        value = f"{r['value']:,.3f} {r['unit']}".rstrip()
        lines.append(f"| {r['name']} | {value} | {r['target']} | {met} | {r['note']} |")
    return "\n".join(lines)


def main() -> int:
    """Read the results file and print the table."""
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "results.json"
    print(markdown(json.loads(path.read_text(encoding="utf-8"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
