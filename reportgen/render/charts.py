"""Charts in one house style at print resolution, rendered in parallel and cached by content.

The cache key is the hash of the chart spec and the style version, so an unchanged chart is never drawn twice;
PNG metadata is fixed so the same spec gives the same bytes.
"""
from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

STYLE_VERSION = "3"
DPI = 200
SIZE_IN = (6.3, 3.4)          # text width of an A4 page with 2,5 cm margins
PALETTE = ["#1f4e79", "#c55a11", "#548235", "#7f6000", "#7030a0", "#2e75b6", "#a5a5a5", "#bf9000", "#843c0c"]


def spec_key(spec) -> str:
    payload = json.dumps({"v": STYLE_VERSION, "spec": asdict(spec)}, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _pl(x: float, decimals: int = 0) -> str:
    from reportgen.render.numbers import fmt
    return fmt(x, decimals)


def draw(spec) -> bytes:
    """Draw one chart and return PNG bytes (runs in a worker process)."""
    import io

    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8.5, "axes.spines.top": False,
                         "axes.spines.right": False, "axes.titlesize": 9, "svg.hashsalt": "reportgen"})
    fig, ax = plt.subplots(figsize=SIZE_IN, dpi=DPI)
    cats = spec.categories
    series = spec.series
    if spec.kind == "pie":
        values = series[0][1]
        total = sum(values)
        labels = [f"{c} ({_pl(100 * v / total, 1)} %)" for c, v in zip(cats, values)]
        wedges, _ = ax.pie(values, colors=PALETTE[: len(values)], startangle=90, counterclock=False,
                           wedgeprops={"linewidth": 0.8, "edgecolor": "white"})
        ax.legend(wedges, labels, loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False)
        ax.axis("equal")
    else:
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: _pl(v, 0 if abs(v) >= 10 or v == 0 else 1)))
        ax.grid(axis="y", color="#d9d9d9", linewidth=0.6)
        ax.set_axisbelow(True)
        x = list(range(len(cats)))
        if spec.kind == "bar":
            bars = ax.bar(x, series[0][1], color=PALETTE[0], width=0.6)
            for b, v in zip(bars, series[0][1]):
                ax.annotate(_pl(v, spec.value_decimals), (b.get_x() + b.get_width() / 2, b.get_height()),
                            ha="center", va="bottom", fontsize=7.5, xytext=(0, 2), textcoords="offset points")
        elif spec.kind == "grouped_bar":
            n = len(series)
            w = 0.8 / n
            for i, (label, vals) in enumerate(series):
                ax.bar([xi - 0.4 + w * (i + 0.5) for xi in x], vals, width=w, label=label, color=PALETTE[i % len(PALETTE)])
            # above the plot: inside, the legend covers the tallest bars
            ax.legend(frameon=False, fontsize=7.5, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=min(n, 4))
        elif spec.kind == "stacked_bar":
            bottom = [0.0] * len(cats)
            for i, (label, vals) in enumerate(series):
                ax.bar(x, vals, bottom=bottom, width=0.6, label=label, color=PALETTE[i % len(PALETTE)])
                bottom = [b + v for b, v in zip(bottom, vals)]
            ax.legend(frameon=False, fontsize=7.5, loc="center left", bbox_to_anchor=(1.0, 0.5))
        elif spec.kind == "line":
            for i, (label, vals) in enumerate(series):
                ax.plot(x, vals, marker="o", markersize=3, label=label, color=PALETTE[i % len(PALETTE)])
            ax.legend(frameon=False, fontsize=7.5)
        elif spec.kind == "stacked_area":
            ax.stackplot(x, *[vals for _, vals in series], labels=[lbl for lbl, _ in series],
                         colors=PALETTE[: len(series)], alpha=0.9)
            ax.legend(frameon=False, fontsize=7.5, loc="lower right")
        else:
            raise ValueError(f"unknown chart kind {spec.kind}")
        step = -(-len(cats) // 9)   # at most nine labels on the axis
        ax.set_xticks(x[::step])
        shown = cats[::step]
        # about 95 characters of 8,5 pt labels fit across the plot; beyond that they would overlap
        crowded = sum(len(c) + 2 for c in shown) > 95
        long = crowded or max(len(c) for c in shown) >= 14
        ax.set_xticklabels(shown, rotation=30 if crowded else (15 if long else 0), ha="right" if long else "center")
        if spec.ylabel:
            ax.set_ylabel(spec.ylabel)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def cache_dir() -> Path:
    root = os.environ.get("REPORTGEN_CACHE") or os.path.join(os.path.expanduser("~"), ".cache", "reportgen")
    return Path(root) / "charts"


class ChartPool:
    """Worker processes for the charts a build lacks in its cache. They start when the charts are known and draw
    while the main process writes the document (render_docx). With one CPU, charts are drawn in-process."""

    def __init__(self, use_cache: bool = True, workers: int | None = None):
        self.use_cache = use_cache
        self.workers = workers or min(4, os.cpu_count() or 1)
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "ChartPool":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)

    def render(self, specs: list):
        """Start drawing the charts the cache lacks; returns a function that waits for them and gives the PNG
        bytes of every spec, in order (the same list on every call)."""
        keys = [spec_key(s) for s in specs]
        folder = cache_dir()
        out: dict[str, bytes] = {}
        if self.use_cache:
            for k in set(keys):
                p = folder / f"{k}.png"
                if p.is_file():
                    out[k] = p.read_bytes()
        missing = {k: s for k, s in zip(keys, specs) if k not in out}
        futures = {}
        if self.workers > 1 and missing:
            self.pool = self.pool or ProcessPoolExecutor(max_workers=min(self.workers, len(missing)))
            futures = {k: self.pool.submit(draw, s) for k, s in missing.items()}
        done: list[bytes] = []

        def collect() -> list[bytes]:
            if done:
                return done
            for k, s in missing.items():
                out[k] = futures[k].result() if k in futures else draw(s)
                if self.use_cache:
                    _store(folder, k, out[k])
            done.extend(out[k] for k in keys)
            return done

        return collect


def _store(folder: Path, key: str, png: bytes) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{key}.{os.getpid()}.tmp"
        tmp.write_bytes(png)
        tmp.replace(folder / f"{key}.png")
    except OSError:
        pass  # a read-only cache only costs time

