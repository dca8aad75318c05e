"""Atomic writes, determinism and protection of hand-edited output."""
from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from reportgen.cli import cli
from reportgen.output import write_generated

ROOT = Path(__file__).resolve().parents[1]


def test_same_inputs_same_bytes(kluki_build, monkeypatch, tmp_path):
    from reportgen.build import build_document
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "fresh-cache"))   # charts drawn again, not cached
    again = build_document(ROOT / "content" / "kluki")
    assert again.docx == kluki_build.docx


def test_zip_entries_have_fixed_time(kluki_build, tmp_path):
    p = tmp_path / "k.docx"
    p.write_bytes(kluki_build.docx)
    with zipfile.ZipFile(p) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_hand_edited_file_is_not_overwritten(tmp_path):
    target = tmp_path / "out" / "a.docx"
    write_generated(target, b"first", force=False)
    write_generated(target, b"second", force=False)          # unchanged since generation: overwritten
    assert target.read_bytes() == b"second"
    target.write_bytes(b"edited by hand")
    try:
        write_generated(target, b"third", force=False)
    except Exception as exc:                                   # UserError
        assert "zmieniono po wygenerowaniu" in str(exc)
    else:
        raise AssertionError("an edited file was overwritten")
    assert target.read_bytes() == b"edited by hand"
    backup = write_generated(target, b"third", force=True)
    assert target.read_bytes() == b"third"
    assert backup.read_bytes() == b"edited by hand"


def test_cli_refuses_then_forces(tmp_path):
    out = tmp_path / "kluki.docx"
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(ROOT / "content" / "kluki"), "-o", str(out)]).exit_code == 0
    out.write_bytes(out.read_bytes() + b"\0")
    refused = runner.invoke(cli, ["build", str(ROOT / "content" / "kluki"), "-o", str(out)])
    assert refused.exit_code == 2 and "--force" in refused.output
    forced = runner.invoke(cli, ["build", str(ROOT / "content" / "kluki"), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert (tmp_path / "kluki.docx.bak").exists()
