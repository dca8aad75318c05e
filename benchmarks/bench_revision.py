"""Benchmark: the rebuild after one comment's change vs the first build (issue #10: a rebuild after one comment's
change takes at most half the time of the first build; figures that did not change are not redrawn).

    python benchmarks/bench_revision.py [content/kluki] [comment numbers, default: 2 7]

For each comment number, three times, in fresh processes as a user runs them, sharing one chart cache:
  1. first build: `reportgen build` of the content folder without consultation comments (the project as put on
     display), empty chart cache – every chart drawn;
  2. the comment file gets that one comment (from the folder's consultation/uwagi.csv), and `reportgen build`
     runs again: the project (unchanged, charts from the cache) plus revision 2 with the comment's change;
  3. `reportgen revision` alone (the alias: only the revision) on a fresh versions folder, with the chart cache
     as the first build left it.
Prints medians of wall time and CPU time (this process's children, chart workers included: the machine is
shared, so CPU is the steadier number) and the ratios against the 0.5 target.
"""
from __future__ import annotations

import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """(wall, CPU) seconds of one command, CPU summed over it and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def one_comment(source: Path, target: Path, number: str) -> None:
    with source.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    kept = [rows[0]] + [r for r in rows[1:] if r and r[0] == number]
    if len(kept) != 2:
        raise SystemExit(f"{source}: no comment number {number}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(kept)


def run(content: Path, number: str) -> dict[str, list[tuple[float, float]]]:
    exe = [sys.executable, "-m", "reportgen.cli"]
    times: dict[str, list[tuple[float, float]]] = {"first": [], "rebuild": [], "revision": []}
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / content.name
            shutil.copytree(content, folder, ignore=shutil.ignore_patterns("consultation"))
            env = dict(os.environ, REPORTGEN_CACHE=str(Path(tmp) / "cache"))
            target = str(Path(tmp) / "out" / "plan.docx")
            times["first"].append(timed(exe + ["build", str(folder), "-o", target], env))
            shutil.copytree(Path(tmp) / "cache", Path(tmp) / "cache-b")     # the cache as the first build left it
            one_comment(content / "consultation" / "uwagi.csv", folder / "consultation" / "uwagi.csv", number)
            times["rebuild"].append(timed(exe + ["build", str(folder), "-o", target], env))
            env["REPORTGEN_CACHE"] = str(Path(tmp) / "cache-b")
            times["revision"].append(timed(exe + ["revision", str(folder), "-o", str(Path(tmp) / "wersje")], env))
    return times


def main() -> None:
    content = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "content" / "kluki")
    numbers = sys.argv[2:] or ["2", "7"]
    for number in numbers:
        times = run(content, number)
        wall = {k: statistics.median(t[0] for t in v) for k, v in times.items()}
        cpu = {k: statistics.median(t[1] for t in v) for k, v in times.items()}
        print(f"comment {number}: first build {wall['first']:.2f} s wall / {cpu['first']:.2f} s CPU; "
              f"build after the comment (project + revision) {wall['rebuild']:.2f} / {cpu['rebuild']:.2f} s "
              f"(ratio wall {wall['rebuild'] / wall['first']:.2f}, CPU {cpu['rebuild'] / cpu['first']:.2f}); "
              f"revision alone {wall['revision']:.2f} / {cpu['revision']:.2f} s "
              f"(ratio wall {wall['revision'] / wall['first']:.2f}, CPU {cpu['revision'] / cpu['first']:.2f}); "
              f"target ≤ 0.50")


if __name__ == "__main__":
    main()
