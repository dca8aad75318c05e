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
