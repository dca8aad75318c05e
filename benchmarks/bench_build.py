"""Benchmark: build the whole Kluki document cold (empty chart cache) and compare with a baseline that writes
the same number of tables and figures with plain python-docx + matplotlib and nothing else to do.

    python benchmarks/bench_build.py [content/kluki]

Target: the cold build is faster than the baseline (charts dominate; we draw them in parallel and cache them).
"""
from __future__ import annotations

import io
import os
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


def main() -> None:
    content = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "content" / "kluki"
    with tempfile.TemporaryDirectory() as cache:
        os.environ["REPORTGEN_CACHE"] = cache
        from reportgen.build import build_document
        start = time.perf_counter()
        result = build_document(content)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        build_document(content)
        warm = time.perf_counter() - start
    tables = result.document.tables()
    shapes = [(len(t.rows) + 1, len(t.columns)) for t in tables]
    base = baseline(len(tables), shapes, len(result.document.figures()))
    print(f"document: {len(tables)} tables, {len(result.document.figures())} figures, {len(result.docx)} bytes")
    print(f"reportgen build, cold cache: {cold:.2f} s")
    print(f"reportgen build, warm cache: {warm:.2f} s")
    print(f"baseline python-docx + matplotlib (sequential): {base:.2f} s")
    print("target met" if cold < base else "target NOT met: cold build slower than baseline")


if __name__ == "__main__":
    main()
