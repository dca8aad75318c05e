"""Revision build after comments and `reportgen diff` between the displayed project and the revision."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document

from reportgen.cli import cli
from reportgen.diff.compare import compare, read_docx
from reportgen.procedure.package import ANNEX_1, build_package
from reportgen.procedure.revision import build_revision, current_document, versions_dir

ROOT = Path(__file__).resolve().parents[1]


KLUKI = ROOT / "content" / "kluki"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`reportgen build content/kluki -o …/kluki.docx`: the project as it stands and, since the folder has
    accepted comments that change data, revision 2 in …/kluki/wersje/."""
    target = tmp_path_factory.mktemp("out") / "kluki.docx"
    result = CliRunner().invoke(cli, ["build", str(KLUKI), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target, result.output


@pytest.fixture(scope="module")
def revision(built):
    # the alias `reportgen revision` (build_revision) finds the revision the build wrote: same content, same number
    return build_revision(KLUKI, versions_dir(built[0]))


def test_build_writes_the_next_revision_and_lists_each_change(built):
    target, output = built
    assert target.is_file()
    assert (target.parent / "kluki" / "wersje" / "kluki_wersja_2.docx").is_file()
    # every applied change with its comment (content/kluki/consultation/uwagi.csv); rejected no. 5 is not applied
    assert "uwaga nr 2 (uwzględniona): electricity.yaml: network.stations_mv_lv = 72 (było: 70)" in output
    assert "uwaga nr 1 (uwzględniona częściowo): renewables.yaml: photovoltaics.households = 420 (było: 398)" in output
    assert "uwaga nr 5" not in output
    assert "Zapisano wersję 2 (po rozpatrzeniu uwag, 6 zmian danych)" in output


def test_revision_numbered_and_not_rebuilt(revision):
    assert revision.number == 2 and not revision.created     # built by `reportgen build` before
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
    assert result.exit_code == 2 and "x.docx" in result.output and "nie jest plik .docx" in result.output


def test_draft_resolution_carries_the_revision_as_annex_1(built, revision):
    import datetime as dt
    import hashlib
    attached, why = current_document(KLUKI, built[0])
    assert attached is not None, why
    assert attached.data == revision.path.read_bytes()
    package = build_package(KLUKI, dt.date(2022, 9, 20), document=attached)
    files = {p.path: p.data for p in package.products}
    assert files[ANNEX_1] == revision.path.read_bytes()          # copied beside the draft, byte for byte
    draft = "\n".join(p.text for p in Document(io.BytesIO(files["10_projekt_uchwaly.docx"])).paragraphs)
    assert f"plik {ANNEX_1}, suma kontrolna SHA-256: {hashlib.sha256(files[ANNEX_1]).hexdigest()}" in draft
    assert "(wersja 2 z 05.09.2022 r. (po rozpatrzeniu uwag))" in draft
    assert "2) rozstrzygnięcie o sposobie rozpatrzenia wniosków, zastrzeżeń i uwag." in draft


def test_draft_resolution_without_a_built_document_says_why(tmp_path):
    import datetime as dt
    attached, why = current_document(KLUKI, tmp_path / "kluki.docx")
    assert attached is None and "reportgen build" in why
    package = build_package(KLUKI, dt.date(2022, 9, 20), document=attached, document_missing=why)
    assert ANNEX_1 not in {p.path for p in package.products}
    assert ("Załącznik nr 1 do projektu uchwały (dokument)", why) in package.skipped
