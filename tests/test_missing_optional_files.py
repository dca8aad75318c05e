"""A gmina folder without one of its data files builds a shorter document or stops with a Polish message naming
the file: never a traceback. (Chapters that need the file are absent, not faked.)"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.build import build_document
from reportgen.errors import UserError

ROOT = Path(__file__).resolve().parents[1]
CASES = [(g, f.name) for g in ("kluki", "knyszyn") for f in sorted((ROOT / "content" / g).iterdir())
         if f.is_file() and f.name != "gmina.yaml"]


@pytest.mark.parametrize("gmina,name", CASES, ids=[f"{g}-{n}" for g, n in CASES])
def test_build_without_one_file(tmp_path, gmina, name):
    folder = tmp_path / gmina
    shutil.copytree(ROOT / "content" / gmina, folder)
    (folder / name).unlink()
    try:
        result = build_document(folder)
    except UserError as exc:
        assert name in str(exc) or name.split(".")[0] in str(exc), str(exc)
        return
    assert result.docx.startswith(b"PK")
