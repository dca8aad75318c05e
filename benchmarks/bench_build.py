"""Benchmark: `reportgen build` of a content folder (Kluki by default) against a plain python-docx + matplotlib
script writing the same tables (same shapes) and the same number of figures (same size and dpi), nothing else.

    python benchmarks/bench_build.py [content/kluki] [--runs 5]

Both run as a user runs them: a fresh Python process each, imports included, bytecode compiled (as after
`pip install`; the children get a private PYTHONPYCACHEPREFIX, filled by one untimed run of each – with it what
reportgen compiles from its own shipped files once per installation, beside the bytecode: its text templates and
rule files). Cases, in rotation because the machine is shared:
- first: the first build of an installation (those compiled templates and rule files removed, the user's cache
  empty: what the first build after `pip install` costs; no target);
- cold: a user's first build (empty user cache: every chart drawn, the gmina's data parsed, inline texts
  compiled) – the issue's "cold chart cache";
- warm: the same user cache again (charts and compiled templates reused);
- the baseline.
Reported: the median wall time of each and its ratio to the baseline, and the median CPU time (user + sys of the
process and its chart workers), which depends less on what else the machine runs.
Targets (issue #12): cold ≤ 1,0 × and warm ≤ 0,5 × the baseline.

The untimed first run also writes the revision a content folder with accepted comments has (content/kluki/
consultation): the timed builds then find it made, as on every build after the first.

The breakdown (one more fresh process per case) splits the build, from outside, into exclusive phases: every
import wherever it happens, reading data, calculations, text (templates), the rest of composing the document,
writing the .docx, waiting for charts, the revision check, writing the file; start-up is the interpreter's
own time before the script (wall: also after it). The CPU time the script does not account for is that of the
chart workers and of the interpreter's exit.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import resource
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


# Runs `reportgen build` in this process with every phase timed (wall, CPU), exclusive: time inside an import is
# the import's, whichever phase triggered it. Phases are found by name; a renamed function is reported as missing.
BREAKDOWN = r"""
import json, resource, sys, time
import _frozen_importlib as bootstrap

t_start = (time.perf_counter(), time.process_time())
totals = {}
stack = ["CLI and other"]
mark = list(t_start)

def charge(to_phase):
    now = (time.perf_counter(), time.process_time())
    wall, cpu = totals.get(stack[-1], (0.0, 0.0))
    totals[stack[-1]] = (wall + now[0] - mark[0], cpu + now[1] - mark[1])
    mark[:] = now

def enter(phase):
    charge(None)
    stack.append(phase)

def leave():
    charge(None)
    stack.pop()

find_and_load = bootstrap._find_and_load
def timed_import(name, import_):
    if stack[-1] == "imports":
        return find_and_load(name, import_)
    enter("imports")
    try:
        return find_and_load(name, import_)
    finally:
        leave()
bootstrap._find_and_load = timed_import

def timed(fn, phase):
    def wrapper(*a, **k):
        enter(phase)
        try:
            return fn(*a, **k)
        finally:
            leave()
    return wrapper

PHASES = json.loads(sys.argv[2])
missing = []
import importlib
def patch(target, phase):
    module, _, attr = target.rpartition(":")
    owner_path, _, name = attr.rpartition(".")
    try:
        owner = importlib.import_module(module)
        for part in filter(None, owner_path.split(".")):
            owner = getattr(owner, part)
        fn = getattr(owner, name)
    except (ImportError, AttributeError):
        missing.append(target)
        return
    if phase == "charts (waiting)":     # render() returns the function that waits
        def render(*a, **k):
            return timed(fn(*a, **k), phase)
        setattr(owner, name, render)
    else:
        setattr(owner, name, timed(fn, phase))

enter("imports")
import reportgen.cli
leave()
for target, phase in PHASES.items():
    patch(target, phase)
sys.argv = ["reportgen", "build", sys.argv[1], "-o", sys.argv[3], "--force"]
try:
    reportgen.cli.main()
except SystemExit as exc:
    if exc.code:
        raise
charge(None)
span = (time.perf_counter() - t_start[0], time.process_time() - t_start[1])
# process_time counts from the start of the process: at t_start it is the interpreter's start-up
print(json.dumps({"phases": totals, "span": span, "startup_cpu": t_start[1], "self_cpu": time.process_time(),
                  "missing": missing}))
"""

# function (module:attribute path) -> phase; each is replaced by a timed wrapper in the breakdown process
PHASES = {
    "reportgen.build:load_context": "reading data",
    "reportgen.build:compute_results": "calculations",
    "reportgen.document.assemble:_render_texts": "text (templates)",
    "reportgen.build:compose_document": "structure, self-check, annex",
    "reportgen.build:render_docx": "writing .docx",
    "reportgen.render.charts:ChartPool.render": "charts (waiting)",
    "reportgen.cli:_next_revision": "revision check",
    "reportgen.output:write_generated": "writing the file",
}


def child_env(pycache: str, cache: str | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache
    if cache is not None:
        env["REPORTGEN_CACHE"] = cache
    return env


def adopt_orphans() -> None:
    """Make this process the reaper of its descendants (Linux): a process the child leaves running when it
    exits is reaped here, so its CPU time is counted too."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)     # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def reap_all() -> None:
    """Wait for every descendant still running (adopted by adopt_orphans; this process starts no other)."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def fresh(args: list[str], env: dict) -> tuple[float, float]:
    """Wall time (until the command returns) and CPU time (user + sys of the process and every process it
    started, reaped here) of a fresh Python process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    reap_all()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def forget_installation_compiled(pycache: Path) -> None:
    """Remove what reportgen compiled from its shipped files beside the bytecode (paths.installation_cache_folder),
    keeping Python's own .pyc: the next build is the first of an installation (its templates compiled, its rule
    files parsed, as after `pip install`)."""
    import shutil
    for folder in [*pycache.rglob("reportgen-yaml"), *pycache.rglob("jinja-*")]:
        shutil.rmtree(folder, ignore_errors=True)


def breakdown(content: Path, out: Path, env: dict) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", BREAKDOWN, str(content), json.dumps(PHASES), str(out)], check=True,
                         capture_output=True, text=True, env=env, cwd=ROOT)
    wall = time.perf_counter() - start
    reap_all()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    total_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    data = json.loads(run.stdout.strip().splitlines()[-1])
    phases = {k: tuple(v) for k, v in data["phases"].items()}
    phases["start-up (interpreter)"] = (wall - data["span"][0], data["startup_cpu"])
    # what the build's own script did not spend: its chart workers and the interpreter's exit
    phases["chart workers, exit (CPU)"] = (0.0, max(0.0, total_cpu - data["self_cpu"]))
    if data["missing"]:
        print("breakdown: not found, not timed: " + ", ".join(data["missing"]))
    return phases


def print_breakdown(cases: dict[str, dict]) -> None:
    names = list(cases)
    order = ["start-up (interpreter)", "imports", *dict.fromkeys(PHASES.values()), "CLI and other", "chart workers, exit (CPU)"]
    print("breakdown (s), wall / CPU  " + "".join(f"{n:>18}" for n in names))
    for phase in order:
        if any(phase in cases[n] for n in names):
            print(f"  {phase:<26}" + "".join(f"{cases[n].get(phase, (0, 0))[0]:>9.2f}{cases[n].get(phase, (0, 0))[1]:>9.2f}"
                                                for n in names))
    print(f"  {'total':<26}" + "".join(f"{sum(v[0] for v in cases[n].values()):>9.2f}"
                                       f"{sum(v[1] for v in cases[n].values()):>9.2f}" for n in names))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", nargs="?", default=str(ROOT / "content" / "kluki"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    content = Path(args.content).resolve()
    from reportgen.build import compose_document
    with tempfile.TemporaryDirectory() as cache:
        os.environ["REPORTGEN_CACHE"] = cache
        document, _ = compose_document(content)   # the document model: what the baseline writes too
    tables = document.tables()
    shapes = [(len(t.rows) + 1, len(t.columns)) for t in tables]
    n_fig = len(document.figures())
    adopt_orphans()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        work = Path(tmp)
        pycache = str(work / "pycache")
        out = work / "out" / "bench.docx"
        ours = ["-c", "from reportgen.cli import main; import sys; "
                      f"sys.argv = ['reportgen', 'build', {str(content)!r}, '-o', {str(out)!r}, '--force']; main()"]
        base = ["-c", f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); from bench_build import baseline; "
                      f"baseline({len(tables)}, {json.dumps(shapes)}, {n_fig})"]
        load_before = os.getloadavg()
        fresh(ours, child_env(pycache, str(work / "first")))    # compiles bytecode, writes a revision if any
        size = out.stat().st_size
        fresh(base, child_env(pycache))
        times: dict[str, list[tuple[float, float]]] = {"first": [], "cold": [], "warm": [], "baseline": []}
        for i in range(args.runs):
            forget_installation_compiled(Path(pycache))
            times["first"].append(fresh(ours, child_env(pycache, str(work / f"first{i}"))))
            cache = str(work / f"cache{i}")
            times["cold"].append(fresh(ours, child_env(pycache, cache)))
            times["warm"].append(fresh(ours, child_env(pycache, cache)))
            times["baseline"].append(fresh(base, child_env(pycache)))
        phases = {"cold": breakdown(content, out, child_env(pycache, str(work / "bd"))),
                  "warm": breakdown(content, out, child_env(pycache, str(work / "bd")))}
        load_after = os.getloadavg()
    wall = {k: statistics.median(w for w, _ in v) for k, v in times.items()}
    cpu = {k: statistics.median(c for _, c in v) for k, v in times.items()}
    print(f"document: {len(tables)} tables, {n_fig} figures, {size} bytes; {os.cpu_count()} CPU; "
          f"load average {load_before[0]:.1f} before, {load_after[0]:.1f} after; median of {args.runs} runs")
    print(f"{'':34}{'wall s':>8}{'ratio':>8}{'CPU s':>8}{'ratio':>8}   target")
    for key, label, target in (("first", "first build of an installation", ""),
                               ("cold", "reportgen build, cold cache", "≤ 1,0"),
                               ("warm", "reportgen build, warm cache", "≤ 0,5"),
                               ("baseline", "python-docx + matplotlib script", "")):
        print(f"{label:<34}{wall[key]:8.2f}{wall[key] / wall['baseline']:8.2f}{cpu[key]:8.2f}"
              f"{cpu[key] / cpu['baseline']:8.2f}   {target}")
    print("runs (wall s): " + "; ".join(f"{k} " + " ".join(f"{w:.2f}" for w, _ in v) for k, v in times.items()))
    print_breakdown(phases)
    print("cold target " + ("met" if wall["cold"] <= wall["baseline"] else "NOT met") + "; warm target "
          + ("met" if wall["warm"] <= 0.5 * wall["baseline"] else "NOT met") + " (wall time)")


if __name__ == "__main__":
    main()
