from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _chart_cache(tmp_path_factory):
    # keep tests away from the user's chart cache
    os.environ["REPORTGEN_CACHE"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="session")
def kluki_build():
    from reportgen.build import build_document
    return build_document(ROOT / "content" / "kluki")


def _content_copy(tmp_path: Path, gmina: str) -> Path:
    dst = tmp_path / gmina
    shutil.copytree(ROOT / "content" / gmina, dst)
    return dst


@pytest.fixture
def kluki_copy(tmp_path) -> Path:
    return _content_copy(tmp_path, "kluki")


@pytest.fixture(scope="session")
def knyszyn_build():
    from reportgen.build import build_document
    return build_document(ROOT / "content" / "knyszyn")


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
