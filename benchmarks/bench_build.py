"""Benchmark: build the whole Kluki document cold (empty chart cache) and compare with a baseline that writes
the same number of tables (same shapes) and figures with plain python-docx + matplotlib and nothing else to do.

    python benchmarks/bench_build.py [content/kluki]

Both run as a user runs them: a fresh Python process each, imports included (`reportgen build` vs a plain
script); median of three runs. Target: the cold build is faster than the baseline. Charts dominate the cost;
we draw the ones missing from the cache in worker processes while the document text is being written.
"""
from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def baseline(n_tables: int, table_shapes: list[tuple[int, int]], n_figures: int) -> float:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from docx import Document
    from docx.shared import Cm

    start = time.perf_counter()
    doc = Document()
    for rows, cols in table_shapes:
        t = doc.add_table(rows=rows, cols=cols)
        for r in t.rows:
            for c in r.cells:
                c.text = "12 345,6"
    for i in range(n_figures):
        fig, ax = plt.subplots(figsize=(6.3, 3.4), dpi=200)
        ax.bar(range(5), [i + 1, 2, 3, 4, 5])
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=200)
        plt.close(fig)
        doc.add_picture(io.BytesIO(buf.getvalue()), width=Cm(16))
    doc.save(io.BytesIO())
    return time.perf_counter() - start


def _fresh(code: str, env: dict) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, **env}, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "content" / "kluki"
    from reportgen.build import build_document
    with tempfile.TemporaryDirectory() as cache:
        os.environ["REPORTGEN_CACHE"] = cache
        result = build_document(content)
    tables = result.document.tables()
    shapes = [(len(t.rows) + 1, len(t.columns)) for t in tables]
    n_fig = len(result.document.figures())
    out = Path(tempfile.mkdtemp()) / "bench.docx"
    ours_code = ("from reportgen.cli import main; import sys; "
                 f"sys.argv = ['reportgen', 'build', {str(content)!r}, '-o', {str(out)!r}, '--force']; main()")
    base_code = (f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); from bench_build import baseline; "
                 f"baseline({len(tables)}, {json.dumps(shapes)}, {n_fig})")
    cold, warm, base = [], [], []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as cache:
            cold.append(_fresh(ours_code, {"REPORTGEN_CACHE": cache}))
            warm.append(_fresh(ours_code, {"REPORTGEN_CACHE": cache}))
        base.append(_fresh(base_code, {}))
    cold_s, warm_s, base_s = (statistics.median(x) for x in (cold, warm, base))
    print(f"document: {len(tables)} tables, {n_fig} figures, {len(result.docx)} bytes; {os.cpu_count()} CPU")
    print(f"reportgen build, cold chart cache: {cold_s:.2f} s")
    print(f"reportgen build, warm chart cache: {warm_s:.2f} s")
    print(f"baseline python-docx + matplotlib script: {base_s:.2f} s")
    print("target met" if cold_s < base_s else "target NOT met: cold build slower than baseline")


if __name__ == "__main__":
    main()
