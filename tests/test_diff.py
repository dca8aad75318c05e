"""Revision build after comments and `reportgen diff` between the displayed project and the revision."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from reportgen.cli import cli
from reportgen.diff.compare import compare, read_docx
from reportgen.procedure.revision import build_revision

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def revision(tmp_path_factory):
    out = tmp_path_factory.mktemp("wersje")
    return build_revision(ROOT / "content" / "kluki", out)


def test_revision_numbered_and_not_rebuilt(revision):
    assert revision.number == 2 and revision.created
    again = build_revision(ROOT / "content" / "kluki", revision.path.parent)
    assert again.number == 2 and not again.created          # same comments: no new version, nothing overwritten
    assert sorted(p.name for p in revision.path.parent.glob("*.docx")) == ["kluki_wersja_2.docx"]


def test_accepted_changes_reach_the_document_rejected_do_not(revision, kluki_build, tmp_path):
    old = tmp_path / "kluki_wersja_1.docx"
    old.write_bytes(kluki_build.docx)
    result = compare(read_docx(old), read_docx(revision.path))
    changed = "\n".join(f"{c.where}: {c.old} -> {c.new}" for c in result.changes)
    # comment 2: 70 → 72 transformer stations (sentence of rozdz. 4.2)
    assert any("70" in c.old and "72" in c.new for c in result.changes if c.kind == "akapit"), changed
    # comment 1: PV households 398 → 420; 420 × 20 m² × 150.3 kWh/m² = 1 262 520 kWh ≈ 1 262,5 MWh (was 1 196,4)
    assert "1 262,5" in changed.replace("\u00a0", " ") or "1262,5" in changed, changed
    # comment 5 (rejected) proposed 300 heat-pump households: 159 stays, 300 appears nowhere new
    new_text = "\n".join(c.new for c in result.changes)
    assert "300 gospodarstw" not in new_text
    doc = Document(io.BytesIO(revision.path.read_bytes()))
    annex = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "photovoltaics.households" in annex and "heat_pumps" not in annex
    assert any("wersja 2 z 05.09.2022 r." in p.text for p in doc.paragraphs)


def test_diff_cli_html(revision, kluki_build, tmp_path):
    old = tmp_path / "old.docx"
    old.write_bytes(kluki_build.docx)
    report = tmp_path / "raport.html"
    result = CliRunner().invoke(cli, ["diff", str(old), str(revision.path), "-o", str(report)])
    assert result.exit_code == 0, result.output
    html = report.read_text(encoding="utf-8")
    assert "<ins>" in html and "Zmienione komórki tabel" in html


def test_diff_of_small_documents(tmp_path):
    def make(path, para, cell):
        d = Document()
        d.add_paragraph("Rozdział 1")
        d.add_paragraph(para)
        d.add_paragraph("Tabela 1. Zużycie energii")
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text, t.cell(0, 1).text = "Sektor", "MWh"
        t.cell(1, 0).text, t.cell(1, 1).text = "Mieszkalnictwo", cell
        d.save(path)
    make(tmp_path / "a.docx", "Gmina ma 70 stacji.", "4 751")
    make(tmp_path / "b.docx", "Gmina ma 72 stacje.", "4 800")
    result = compare(read_docx(tmp_path / "a.docx"), read_docx(tmp_path / "b.docx"))
    kinds = [(c.kind, c.old, c.new) for c in result.changes]
    assert ("akapit", "Gmina ma 70 stacji.", "Gmina ma 72 stacje.") in kinds
    cell = [c for c in result.changes if c.kind == "komórka"]
    assert len(cell) == 1 and cell[0].old == "4 751" and cell[0].new == "4 800"
    assert "Tabela 1. Zużycie energii – wiersz 2 (Mieszkalnictwo), kolumna 2" == cell[0].where


def test_diff_bad_file(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip")
    result = CliRunner().invoke(cli, ["diff", str(bad), str(bad)])
    assert result.exit_code == 2 and "nie można odczytać" in result.output
