"""Benchmark: the revision build after comments vs the first build (issue #10: a rebuild after one comment's
change takes at most half the time of the first build, figures that did not change are not redrawn).

    python benchmarks/bench_revision.py [content/kluki]

Each run is a fresh process as a user runs it, sharing one chart cache directory: first `reportgen build` with an
empty cache (every chart drawn), then `reportgen revision` (accepted comments applied; charts whose data did not
change come from the cache). Median of three runs of each; prints both and the ratio against the 0.5 target.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def main() -> None:
    content = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "content" / "kluki")
    exe = [sys.executable, "-m", "reportgen.cli"]
    firsts, revisions = [], []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, REPORTGEN_CACHE=str(Path(tmp) / "cache"))
            firsts.append(timed(exe + ["build", str(content), "-o", str(Path(tmp) / "v1.docx")], env))
            revisions.append(timed(exe + ["revision", str(content), "-o", str(Path(tmp) / "wersje")], env))
            shutil.rmtree(Path(tmp) / "wersje", ignore_errors=True)
    first, rev = statistics.median(firsts), statistics.median(revisions)
    print(f"first build (cold cache): {first:.2f} s; revision after comments: {rev:.2f} s; ratio {rev / first:.2f} "
          f"(target ≤ 0.50: {'met' if rev / first <= 0.5 else 'NOT met'})")


if __name__ == "__main__":
    main()
