"""Benchmark: build the whole Kluki document cold (empty chart cache) and compare with a baseline that writes
the same number of tables (same shapes) and figures with plain python-docx + matplotlib and nothing else to do.

    python benchmarks/bench_build.py [content/kluki]

Both run as a user runs them: a fresh Python process each, imports included (`reportgen build` vs a plain
script); median of three runs. Targets (issue #12): cold build ≤ 1,0 × the baseline, rebuild with a warm chart
cache ≤ 0,5 ×. Charts missing from the cache are drawn in worker processes (started, when the cache is empty, at
the beginning of the build, so their matplotlib import overlaps reading the data) while the text is written;
compiled text templates are kept in the same user cache (reportgen/render/template_cache.py), so "cold" means an
empty cache: charts drawn and templates compiled, as on the first build after installation.
Runs alternate (cold, warm, baseline) because the machine is shared: compare the ratios, not the seconds.

The breakdown (one more fresh process per case) times the phases from outside build.py: imports, loading and
calculations, text (template compilation and rendering), writing the .docx, and the wait for charts.
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


BREAKDOWN = r"""
import json, sys, time
t0 = time.perf_counter()
import reportgen.cli, reportgen.build as b
t1 = time.perf_counter()
from reportgen.document import assemble as A
from reportgen.render import charts as C
acc = {"text (templates)": 0.0, "charts (waiting)": 0.0, "writing .docx": 0.0}
def timed(fn, key):
    def f(*a, **k):
        s = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            acc[key] += time.perf_counter() - s
    return f
A._render_texts = timed(A._render_texts, "text (templates)")
render = C.ChartPool.render
def render_timed(self, specs):
    collect = render(self, specs)
    return timed(collect, "charts (waiting)")
C.ChartPool.render = render_timed
b.render_docx = timed(b.render_docx, "writing .docx")
s = time.perf_counter()
b.build_document(sys.argv[1])
total = time.perf_counter() - s
acc["writing .docx"] -= acc["charts (waiting)"]          # the wait happens inside render_docx
acc = {"imports": t1 - t0, "loading and calculations": total - sum(acc.values()), **acc}
print(json.dumps(acc))
"""


def breakdown(content: Path, cache: str) -> dict:
    out = subprocess.run([sys.executable, "-c", BREAKDOWN, str(content)], check=True, capture_output=True, text=True,
                         env={**os.environ, "REPORTGEN_CACHE": cache}, cwd=ROOT).stdout
    return json.loads(out.strip().splitlines()[-1])


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
    with tempfile.TemporaryDirectory() as cache:
        phases = {"cold": breakdown(content, cache), "warm": breakdown(content, cache)}
    print(f"document: {len(tables)} tables, {n_fig} figures, {len(result.docx)} bytes; {os.cpu_count()} CPU")
    print(f"reportgen build, cold chart cache: {cold_s:.2f} s ({cold_s / base_s:.2f} × baseline; target ≤ 1,0)")
    print(f"reportgen build, warm chart cache: {warm_s:.2f} s ({warm_s / base_s:.2f} × baseline; target ≤ 0,5)")
    print(f"baseline python-docx + matplotlib script: {base_s:.2f} s")
    print("breakdown (s)          " + "  ".join(f"{k:>8}" for k in phases))
    for key in phases["cold"]:
        print(f"  {key:<24}" + "  ".join(f"{phases[k][key]:8.2f}" for k in phases))
    print("cold target " + ("met" if cold_s <= base_s else "NOT met") + "; warm target "
          + ("met" if warm_s <= 0.5 * base_s else "NOT met"))


if __name__ == "__main__":
    main()
