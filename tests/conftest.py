from __future__ import annotations

import fcntl
import os
import pickle
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def _run_dir(tmp_path_factory) -> Path:
    """The temp folder of this whole test run: the xdist workers' own temp folders sit in it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def _chart_cache(tmp_path_factory):
    """Keep tests away from the user's cache: one cache for the whole run, shared by the xdist workers (charts
    are written atomically under their content hash), so a chart drawn by one worker is not drawn again by the
    other. The cache is marked as not empty: otherwise every CLI build in a worker that has not drawn a chart yet
    forks the early chart worker of a first build (charts.start_early) – for the CLI tests of bad data that is
    a fork and half an import of matplotlib each, terminated at once. Tests of the cold path set their own
    empty REPORTGEN_CACHE (test_output_safety, test_build_speed)."""
    cache = _run_dir(tmp_path_factory) / "cache"
    (cache / "charts").mkdir(parents=True, exist_ok=True)
    (cache / "charts" / "not-a-chart.png").touch()
    os.environ["REPORTGEN_CACHE"] = str(cache)


def shared_once(tmp_path_factory, name: str, make):
    """`make()` once per test run, not once per xdist worker: the first worker to get here computes it and pickles
    it into the run's common temp folder under a file lock; the others wait and unpickle it. Builds and PDF renders
    are deterministic, so every worker sees the same object it would have made itself."""
    base = _run_dir(tmp_path_factory)
    path = base / f"shared-{name}.pickle"
    with open(base / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return pickle.loads(path.read_bytes())
        value = make()
        path.write_bytes(pickle.dumps(value))
        return value


@pytest.fixture(scope="session")
def kluki_build(tmp_path_factory):
    from reportgen.build import build_document
    return shared_once(tmp_path_factory, "kluki-build", lambda: build_document(ROOT / "content" / "kluki"))


def _content_copy(tmp_path: Path, gmina: str) -> Path:
    dst = tmp_path / gmina
    shutil.copytree(ROOT / "content" / gmina, dst)
    return dst


@pytest.fixture
def kluki_copy(tmp_path) -> Path:
    return _content_copy(tmp_path, "kluki")


@pytest.fixture(scope="session")
def knyszyn_build(tmp_path_factory):
    from reportgen.build import build_document
    return shared_once(tmp_path_factory, "knyszyn-build", lambda: build_document(ROOT / "content" / "knyszyn"))


@pytest.fixture(scope="session")
def kluki_2026_model(tmp_path_factory):
    """(document, context) of content/kluki-2026 at the document-model level, composed once per run."""
    from reportgen.build import compose_document
    return shared_once(tmp_path_factory, "kluki-2026-model", lambda: compose_document(ROOT / "content" / "kluki-2026"))


@pytest.fixture
def knyszyn_copy(tmp_path) -> Path:
    """A writable copy of content/knyszyn for tests that break its data."""
    return _content_copy(tmp_path, "knyszyn")


class LoadedContent:
    """A content folder as the build loads it (reportgen.build.load_context: the one loader), with the short
    spellings the calculator tests use: `k.<file attribute>`, `k.param(id)`, `k.row(id)`, `k.localities`."""

    def __init__(self, folder: Path):
        from reportgen.build import load_context
        self.context = load_context(folder)
        self.content = self.context.content

    def __getattr__(self, name):
        return getattr(self.content, name)

    def param(self, pid: str) -> float:
        return self.context.params.value(pid)

    def row(self, pid: str) -> dict:
        return self.context.params.row(pid)

    @property
    def localities(self):
        return self.content.locality_population

    @property
    def parameters(self) -> dict:
        """The gmina's own parameters (content/<gmina>/parameters/*.yaml): id -> ParameterEntry."""
        own = self.content.parameter_overrides or {}
        return {pid: p.entry for pid, p in own.items() if hasattr(p, "entry")}


@pytest.fixture(scope="session")
def knyszyn_content() -> LoadedContent:
    return LoadedContent(ROOT / "content" / "knyszyn")


# Tests whose shared setup is long (a LibreOffice render of each example document, ~5 s) run first: scheduled last,
# they would leave one xdist worker busy after the other has finished.
SLOW_FIRST = ("test_render_pdf.py",)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: item.path.name not in SLOW_FIRST)     # stable: otherwise the collection order
