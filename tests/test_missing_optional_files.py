"""A gmina folder without one of its data files gives a shorter document or stops with a Polish message naming
the file: never a traceback. (Chapters that need the file are absent, not faked.) Checked at the document-model
level: the .docx writer adds nothing here (tests/test_output_safety.py and the example builds cover it)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportgen.build import compose_document
from reportgen.errors import UserError

ROOT = Path(__file__).resolve().parents[1]
CASES = [(g, f.name) for g in ("kluki", "knyszyn") for f in sorted((ROOT / "content" / g).iterdir())
         if f.is_file() and f.name != "gmina.yaml"]
NARRATIVE = {"text.yaml", "parameters.yaml",      # change wording or numbers, not which chapters exist
             "procedure.yaml"}                   # the procedure around the document (reportgen procedure)


def _parts(document) -> set[str]:
    """Ids of every section, table and figure of a document model."""
    return {s.id for s in document.walk_sections()} | {b.id for _, b in document.blocks() if getattr(b, "id", None)}


@pytest.fixture(scope="module")
def full_parts() -> dict[str, set[str]]:
    return {g: _parts(compose_document(ROOT / "content" / g)[0]) for g in ("kluki", "knyszyn")}


@pytest.mark.parametrize("gmina,name", CASES, ids=[f"{g}-{n}" for g, n in CASES])
def test_build_without_one_file(tmp_path, full_parts, gmina, name):
    folder = tmp_path / gmina
    shutil.copytree(ROOT / "content" / gmina, folder)
    (folder / name).unlink()
    try:
        document, _ = compose_document(folder)
    except UserError as exc:
        assert name in str(exc) or name.split(".")[0] in str(exc), str(exc)
        return
    parts = _parts(document)
    assert parts <= full_parts[gmina], f"new parts without {name}: {sorted(parts - full_parts[gmina])}"
    if name not in NARRATIVE and name.endswith(".yaml"):
        absent = full_parts[gmina] - parts
        assert absent, f"without {name} every section, table and figure is still there"
