"""Charts in one house style at print resolution, rendered in parallel and cached by content.

The cache key is the hash of the chart spec and the style version, so an unchanged chart is never drawn twice;
PNG metadata is fixed so the same spec gives the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from reportgen.paths import store_in_cache, user_cache

if TYPE_CHECKING:    # imported when a pool starts: a warm build starts none
    from concurrent.futures import ProcessPoolExecutor

STYLE_VERSION = "9"
DPI = 200
SIZE_IN = (6.3, 3.4)          # text width of an A4 page with 2,5 cm margins
PALETTE = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5", "#bf9000", "#843c0c"]
FONTS = ("Carlito", "Calibri")  # the body font (Carlito has Calibri's metrics); DejaVu Sans when neither is installed
AXIS_CHARS = 95                 # about this many characters of 8,5 pt labels fit across the plot


def spec_key(spec) -> str:
    payload = json.dumps({"v": STYLE_VERSION, "spec": asdict(spec), "base_year": base_year(spec)},
                         ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def base_year(spec) -> int | None:
    """The last year of history in a chart over years (a ChartSpec may carry base_year); later years are forecast."""
    return getattr(spec, "base_year", None)


def _pl(x: float, decimals: int = 0) -> str:
    from reportgen.render.numbers import fmt
    return fmt(x, decimals)


def _font() -> str:
    from matplotlib import font_manager
    installed = {f.name for f in font_manager.fontManager.ttflist}
    if not installed & set(FONTS):
        # matplotlib's font list is cached; a font installed after it was built is added here
        for path in _body_font_files():
            font_manager.fontManager.addfont(path)
        installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((f for f in FONTS if f in installed), "DejaVu Sans")


def _is_body_font(path: str) -> bool:
    name = Path(path).name.lower()
    return name.endswith((".ttf", ".otf")) and any(f.lower() in name for f in FONTS)


def _body_font_files() -> list[str]:
    """The body font's files on this system. Searching for them (fc-list and a walk of the font folders) took
    0,1–0,3 s in every chart worker, so the files found are remembered in the user's cache (fonts.json)."""
    record = user_cache() / "fonts.json"
    try:
        paths = json.loads(record.read_text("utf-8"))
        if isinstance(paths, list) and paths and all(isinstance(p, str) and _is_body_font(p) and os.path.isfile(p)
                                                     for p in paths):
            return paths
    except (OSError, ValueError):
        pass
    from matplotlib import font_manager
    paths = sorted(p for p in font_manager.findSystemFonts() if _is_body_font(p))
    if paths:   # none found: searched again next time (the font may be installed meanwhile)
        store_in_cache(record, json.dumps(paths).encode("utf-8"))
    return paths


def _wrap(label: str, width: int) -> str:
    """A long category label on two or three lines, broken between words, never cut."""
    import textwrap
    return "\n".join(textwrap.wrap(label, width, break_long_words=False)) if len(label) > width else label


def _value_axis(ax, values: list[float], from_zero: bool) -> None:
    """Ticks in Polish notation with one precision for the whole axis (no "5,0" among whole numbers); whole-number
    data get whole-number ticks; bars and areas start at zero."""
    from matplotlib.ticker import Formatter, MaxNLocator

    class PolishTicks(Formatter):
        decimals = 0

        def set_locs(self, locs):
            super().set_locs(locs)
            self.decimals = next((d for d in range(4) if all(abs(v * 10 ** d - round(v * 10 ** d)) < 1e-6 for v in locs)), 3)

        def __call__(self, v, pos=None):
            return _pl(v, self.decimals)

    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10],
                                           integer=all(float(v).is_integer() for v in values)))
    ax.yaxis.set_major_formatter(PolishTicks())
    if from_zero:
        ax.set_ylim(bottom=0)


def _legend_above(ax, labels: list[str]) -> None:
    # above the plot, never over the data; as many columns as fit across the figure
    ncol = len(labels)
    while ncol > 1 and sum(len(lbl) + 6 for lbl in labels[:ncol]) > AXIS_CHARS + 10:
        ncol -= 1
    ax.legend(frameon=False, fontsize=8, loc="lower center", bbox_to_anchor=(0.5, 1.01), ncol=ncol,
              handlelength=1.8, columnspacing=1.2)


def draw(spec) -> bytes:   # noqa: C901 – one branch per chart kind
    """Draw one chart and return PNG bytes (runs in a worker process). matplotlib's object interface, not
    pyplot: no figure manager, and pyplot's import is saved."""
    import matplotlib
    from matplotlib.figure import Figure

    matplotlib.rcParams.update({"font.family": _font(), "font.size": 9, "axes.spines.top": False,
                                "axes.spines.right": False, "axes.titlesize": 9, "axes.labelsize": 9,
                                "xtick.labelsize": 8.5, "ytick.labelsize": 8.5, "svg.hashsalt": "reportgen"})
    if spec.kind == "pies":
        return _png(_pies(spec))
    fig = Figure(figsize=SIZE_IN, dpi=DPI)
    ax = fig.subplots()
    cats = spec.categories
    series = spec.series
    base = base_year(spec)
    years = [int(c) for c in cats] if all(c.isdigit() and len(c) == 4 for c in cats) else None
    forecast = [base is not None and years is not None and y > base for y in (years or [0] * len(cats))]
    if spec.kind == "pie":
        values = series[0][1]
        total = sum(values)
        labels = [f"{c} ({_pl(100 * v / total, 1)} %)" for c, v in zip(cats, values)]
        wedges, _ = ax.pie(values, colors=PALETTE[: len(values)], startangle=90, counterclock=False,
                           wedgeprops={"linewidth": 0.8, "edgecolor": "white"})
        ax.legend(wedges, labels, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
        ax.axis("equal")
    else:
        ax.grid(axis="y", color="#d9d9d9", linewidth=0.6)
        ax.set_axisbelow(True)
        x = list(range(len(cats)))
        values = [v for _, vals in series for v in vals if v is not None and v == v]   # gaps (NaN) excluded
        hatch = ["//" if f else None for f in forecast]       # forecast bars hatched, history solid
        if spec.kind == "bar":
            bars = ax.bar(x, series[0][1], color=PALETTE[0], width=0.6, hatch=hatch, edgecolor="white", linewidth=0)
            for b, v in zip(bars, series[0][1]):
                ax.annotate(_pl(v, spec.value_decimals), (b.get_x() + b.get_width() / 2, b.get_height()),
                            ha="center", va="bottom", fontsize=7.5, xytext=(0, 2), textcoords="offset points")
            ax.margins(y=0.12)   # room for the value above the tallest bar
        elif spec.kind == "grouped_bar":
            n = len(series)
            w = 0.8 / n
            for i, (label, vals) in enumerate(series):
                ax.bar([xi - 0.4 + w * (i + 0.5) for xi in x], vals, width=w, label=label, color=PALETTE[i % len(PALETTE)])
            _legend_above(ax, [lbl for lbl, _ in series])
        elif spec.kind == "stacked_bar":
            bottom = [0.0] * len(cats)
            for i, (label, vals) in enumerate(series):
                ax.bar(x, vals, bottom=bottom, width=0.6, label=label, color=PALETTE[i % len(PALETTE)],
                       hatch=hatch, edgecolor="white", linewidth=0)
                bottom = [b + v for b, v in zip(bottom, vals)]
            ax.legend(frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1.0, 0.5))
            values = bottom
        elif spec.kind == "line":
            for i, (label, vals) in enumerate(series):
                color = PALETTE[i % len(PALETTE)]
                # a gap (None or NaN) is not drawn; each point keeps its own history/forecast flag
                pts = [(xi, v, f) for xi, v, f in zip(x, vals, forecast) if v is not None and v == v]
                hist = [(xi, v) for xi, v, f in pts if not f]
                fut = [(xi, v) for xi, v, f in pts if f]
                if hist:
                    ax.plot(*zip(*hist), marker="o", markersize=3, label=label, color=color)
                if fut:   # the forecast dashed, joined to the last year of history
                    ax.plot(*zip(*(hist[-1:] + fut)), marker="o", markersize=3, color=color, linestyle="--",
                            markerfacecolor="white", label=None if hist else label)
            _legend_above(ax, [lbl for lbl, _ in series])
        elif spec.kind == "stacked_area":
            ax.stackplot(x, *[vals for _, vals in series], labels=[lbl for lbl, _ in series],
                         colors=PALETTE[: len(series)], alpha=0.9)
            _legend_above(ax, [lbl for lbl, _ in series])
            values = [sum(col) for col in zip(*[vals for _, vals in series])]
        else:
            raise ValueError(f"unknown chart kind {spec.kind}")
        _value_axis(ax, values, from_zero=spec.kind in ("bar", "grouped_bar", "stacked_bar", "stacked_area"))
        if base is not None and years and base in years and any(forecast):
            bx = years.index(base)
            ax.axvline(bx + (0.5 if spec.kind.endswith("bar") else 0), color="#595959", linewidth=0.8, linestyle=":")
            ax.axvspan(bx + (0.5 if spec.kind.endswith("bar") else 0), len(cats) - 0.5, color="#f2f2f2", zorder=0)
            ax.annotate("prognoza", (bx + 0.6, 1.0), xycoords=("data", "axes fraction"), fontsize=7.5,
                        va="top", color="#595959")
        ticks = tick_positions(len(cats))
        ax.set_xticks([x[i] for i in ticks])
        room = AXIS_CHARS // len(ticks) - 2              # characters per label before it meets the next
        shown = [_wrap(cats[i], max(room, 8)) for i in ticks]
        # labels that still do not fit side by side are turned
        crowded = sum(max(len(s) for s in c.split("\n")) + 2 for c in shown) > AXIS_CHARS
        ax.set_xticklabels(shown, rotation=30 if crowded else 0, ha="right" if crowded else "center")
        if spec.ylabel:
            ax.set_ylabel(spec.ylabel)
    return _png(fig)


def _png(fig) -> bytes:
    """The figure as PNG. The canvas's print_png lays the figure out as it paints it; savefig with a layout
    engine walks the figure once more before (a layout pass without painting). Same pixels, same bytes."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.layout_engine import TightLayoutEngine
    # rect=None: one layout pass. The default rect (the whole figure) runs a second pass that fits the same
    # rectangle again – a sixth of the drawing time, and the same bytes for all 25 charts of the three examples.
    # The engine takes None ("in case None is passed", its __init__); the type stub says only a tuple.
    fig.set_layout_engine(TightLayoutEngine(rect=None))  # type: ignore[arg-type]
    buf = io.BytesIO()
    # zlib level 3, not 6: a seventh less drawing time for a fifth more bytes (30–65 kB more per document)
    FigureCanvasAgg(fig).print_png(buf, metadata={"Software": None}, pil_kwargs={"compress_level": 3})
    return buf.getvalue()


def _pies(spec):
    """Pies side by side over the same categories (a) b) … of one figure), each series one pie titled with its
    label, shares written on the wedges, one legend for all."""
    from matplotlib.figure import Figure
    fig = Figure(figsize=SIZE_IN, dpi=DPI)
    axes = fig.subplots(1, len(spec.series))
    wedges = []
    for ax, (label, values) in zip(axes, spec.series):
        wedges, _, _ = ax.pie(values, colors=PALETTE[: len(values)], startangle=90, counterclock=False,
                              autopct=lambda v: f"{_pl(v, 1)} %", pctdistance=0.72,
                              textprops={"fontsize": 7.5, "color": "white"},
                              wedgeprops={"linewidth": 0.8, "edgecolor": "white"})
        ax.set_title(label)
        ax.axis("equal")
    axes[-1].legend(wedges, spec.categories, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
    return fig


def _warm() -> None:
    """Import what draw() needs (a worker's first second) and find the font, before any chart is asked for.
    OpenBLAS gets one thread: charts need none, and a worker with no second thread can be forked safely."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import matplotlib.backends.backend_agg  # noqa: F401
    import matplotlib.figure  # noqa: F401
    _font()


def cpus() -> int:
    """The CPUs this process may run on (a container's or taskset's limit, not the machine's count)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else (os.cpu_count() or 1)


def draw_all(specs: list) -> list[bytes]:
    """Draw charts, PNG bytes in the order given (runs in the chart worker). Where processes fork cheaply (Linux),
    copies of this worker, forked once matplotlib is imported, each draw a share meanwhile: a second drawing
    process costs no second import (0,7 s), only the fork. Measured on 2 cores (cold Kluki build, 7 charts of
    0,12–0,27 s, timelines of two builds): one process drew them from 1,0 s to 2,45 s while the main process,
    done at 1,5 s, waited; with one copy they were done at 2,2 s, when the document was."""
    drawers = min(len(specs), max(2, min(4, cpus() - 1)))
    if drawers < 2 or not sys.platform.startswith("linux"):
        return [draw(s) for s in specs]
    _warm()     # before forking: a copy must not import matplotlib again (a rebuild missing a few charts)
    pending: list[tuple[int, tuple[int, int] | None]] = []
    shares: dict[int, list[bytes]] = {}
    try:
        for k in range(1, drawers):
            pending.append((k, _fork_drawer(specs[k::drawers])))
        shares[0] = [draw(s) for s in specs[0::drawers]]
        while pending:
            k, child = pending[0]
            received = _receive(child)
            pending.pop(0)
            # the share of a copy that failed or never started is drawn here (raising its error, if any)
            shares[k] = received if received is not None and len(received) == len(specs[k::drawers]) \
                else [draw(s) for s in specs[k::drawers]]
    finally:     # an error or Ctrl-C: the copies' work is of no use, and they must not linger
        for _, child in pending:
            _abandon(child)
    out: list[bytes] = [b""] * len(specs)
    for k, pngs in shares.items():
        out[k::drawers] = pngs
    return out


def _fork_drawer(specs: list) -> tuple[int, int] | None:
    """A forked copy of this process draws `specs` and writes the PNGs to a pipe, each after its length (8 bytes),
    then ends without running any of the parent's clean-up (os._exit). Returns its pid and the pipe's read end;
    None when the system refuses another process (the share is then drawn here)."""
    try:
        read_fd, write_fd = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:
        code = 1
        try:
            os.close(read_fd)
            # all drawn before the first write: the pipe holds 64 kB, a PNG more, and the parent reads only
            # when its own share is drawn
            pngs = [draw(spec) for spec in specs]
            with os.fdopen(write_fd, "wb") as pipe:
                pipe.write(b"".join(len(png).to_bytes(8, "big") + png for png in pngs))
            code = 0
        finally:     # whatever happened (an error, Ctrl-C), the copy ends here; a failed share is drawn again
            os._exit(code)
    os.close(write_fd)
    return pid, read_fd


def _receive(child: tuple[int, int] | None) -> list[bytes] | None:
    """The PNGs a forked copy wrote, once it has ended; None when it failed or never started."""
    if child is None:
        return None
    pid, read_fd = child
    with os.fdopen(read_fd, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    pngs, at = [], 0
    while at + 8 <= len(data):
        size = int.from_bytes(data[at:at + 8], "big")
        pngs.append(data[at + 8:at + 8 + size])
        at += 8 + size
    return pngs if status == 0 and at == len(data) else None


def _abandon(child: tuple[int, int] | None) -> None:
    """End a copy whose work is of no use: its pipe closed, the process killed if still running, and reaped. A copy
    reaped already (an interrupted _receive) is left alone: its pid may belong to another process by now."""
    if child is None:
        return
    pid, read_fd = child
    try:
        os.close(read_fd)
    except OSError:          # closed already
        pass
    try:
        ended, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return
    if not ended:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def tick_positions(n: int, most: int = 9) -> list[int]:
    """Indices of the categories labelled on the axis: at most `most`, evenly spaced, always the first and the
    last (a forecast's horizon year must be readable: 2025…2042 in steps of 2 would end at 2041). When the last
    falls within half a step of the one before, or the axis has its `most` labels already, that one gives way."""
    if n <= 0:
        return []
    step = -(-n // most)
    ticks = list(range(0, n, step))
    if ticks[-1] != n - 1:
        if len(ticks) > 1 and ((n - 1 - ticks[-1]) * 2 <= step or len(ticks) == most):
            ticks.pop()
        ticks.append(n - 1)
    return ticks


def cache_dir() -> Path:
    return user_cache() / "charts"


def default_workers() -> int:
    """Chart workers: one, none on one CPU (charts are then drawn in-process). The worker imports matplotlib
    (0,7 s CPU) once and shares a batch with forked copies of itself (draw_all); a second worker importing
    matplotlib again was slower. Measured on 2 cores (cold Kluki build, load 3, median of 5, wall/CPU):
    in-process 3,56/3,46 s, one worker 3,68/3,57 s, two workers 4,84/4,74 s."""
    return min(1, cpus() - 1)


def _cache_empty() -> bool:
    return not any(cache_dir().glob("*.png"))


_early: ProcessPoolExecutor | None = None     # a worker forked by start_early, for the next ChartPool


def start_early() -> None:
    """Fork the chart worker at once when the cache holds no chart (a first build draws every chart), before
    the build imports what it needs: the worker imports matplotlib meanwhile. The next ChartPool takes it over;
    stop_early ends it if none does (a build that stopped on bad data)."""
    global _early
    if _early is None and default_workers() > 0 and _cache_empty():
        from concurrent.futures import ProcessPoolExecutor
        _early = ProcessPoolExecutor(max_workers=default_workers())
        _early.submit(_warm)


def stop_early() -> None:
    """End a worker no ChartPool took over. It is terminated, not awaited: a build that stopped on bad data must
    not wait (and spend a second of CPU) for the worker to finish importing matplotlib."""
    global _early
    if _early is not None:
        _terminate(_early)
        _early = None


def _terminate(pool: ProcessPoolExecutor) -> None:
    # no public way to end a busy worker: the executor's process table is read to terminate it (its forked
    # copies end once their share is drawn: their pipe has no reader)
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


class ChartPool:
    """Worker processes for the charts a build lacks in its cache. They start when the charts are known and draw
    while the main process writes the document (render_docx). With one CPU, charts are drawn in-process.
    `render` may be called as soon as the figures are known and again with the final list: a chart asked for
    twice is drawn once."""

    def __init__(self, use_cache: bool = True, workers: int | None = None):
        self.use_cache = use_cache
        self.workers = default_workers() if workers is None else workers
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict = {}              # spec key -> (Future of a batch's PNGs, index), across render calls

    def _pool(self, workers: int) -> ProcessPoolExecutor:
        if self.pool is None:
            from concurrent.futures import ProcessPoolExecutor
            self.pool = ProcessPoolExecutor(max_workers=workers)
        return self.pool

    def __enter__(self) -> ChartPool:
        global _early
        if self.workers > 0 and _early is not None:     # forked by start_early, already importing matplotlib
            self.pool, _early = _early, None
        elif self.workers > 0 and (not self.use_cache or _cache_empty()):
            # an empty cache: every chart will be drawn, so a worker starts now and imports matplotlib while the
            # main process reads the data and writes the text (a warm build starts no worker at all)
            self._pool(self.workers).submit(_warm)
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if self.pool and exc_type is not None:     # the build failed: its charts are not awaited
            _terminate(self.pool)
        elif self.pool:
            self.pool.shutdown(cancel_futures=True)

    def render(self, specs: list):
        """Start drawing the charts the cache lacks; returns a function that waits for them and gives the PNG
        bytes of every spec, in order (the same list on every call)."""
        keys = [spec_key(s) for s in specs]
        folder = cache_dir()
        out: dict[str, bytes] = {k: Path(s.path).read_bytes() for k, s in zip(keys, specs) if s.kind == "image"}
        if self.use_cache:
            for k in set(keys):
                p = folder / f"{k}.png"
                if k not in out and p.is_file():
                    out[k] = p.read_bytes()
        missing = {k: s for k, s in zip(keys, specs) if k not in out}
        new = {k: s for k, s in missing.items() if k not in self.futures}
        if self.workers > 0 and new:   # one batch: the worker shares it with copies of itself (draw_all)
            batch = self._pool(self.workers).submit(draw_all, list(new.values()))
            for i, k in enumerate(new):
                self.futures[k] = (batch, i)
        done: list[bytes] = []

        def collect() -> list[bytes]:
            if done:
                return done
            for k, s in missing.items():
                if k in self.futures:
                    batch, i = self.futures[k]
                    out[k] = batch.result()[i]
                else:
                    out[k] = draw(s)
                if self.use_cache:
                    store_in_cache(folder / f"{k}.png", out[k])   # a read-only cache only costs time
            done.extend(out[k] for k in keys)
            return done

        return collect
