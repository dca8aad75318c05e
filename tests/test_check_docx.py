# mypy: disable-error-code="union-attr,var-annotated"
"""Reading .docx (and a PDF with a text layer); a small correct plan gives no error, each seeded defect is found."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "check"))
import check_builders as build  # noqa: E402

from reportgen.check.commands import check  # noqa: E402
from reportgen.check.readers import read_document  # noqa: E402
from reportgen.rules.engine import check_document  # noqa: E402
from reportgen.rules.requirements import load_requirements  # noqa: E402

AS_OF = date(2025, 7, 1)


def _findings(path):
    return check_document(read_document(path), load_requirements(), AS_OF)


def test_correct_docx_is_read_faithfully(tmp_path):
    doc = read_document(build.correct_docx(tmp_path / "plan.docx"))
    assert doc.title == build.TITLE
    assert [s.number for s in doc.walk_sections() if s.number] == [c[0] for c in build.CHAPTERS]
    t1, t2 = doc.tables()
    assert (t1.caption_label, t1.number, t1.caption) == ("Tabela", 1, "Zużycie ciepła według sektorów")
    assert t1.columns[1].header == "Zużycie ciepła [GJ/rok]" and t1.columns[2].kind == "percent"
    assert t1.rows[-1] == ["Razem", "122 550", "100,00"] and t1.total_rows == [3]
    assert t1.source == "opracowanie własne."
    assert (t2.number, len(t2.rows)) == (2, 3)
    [fig] = doc.figures()
    assert (fig.kind, fig.number, fig.caption) == ("Rysunek", 1, "Struktura zużycia ciepła")
    assert [(e.label, e.number) for e in doc.list_of_tables] == [("Tabela", 1), ("Tabela", 2)]
    assert {(label, number) for label, number, _ in doc.references} == {("Tabela", "1"), ("Rysunek", "1"), ("Tabela", "2")}


def test_correct_docx_gives_no_finding(tmp_path):
    path = build.correct_docx(tmp_path / "plan.docx")
    assert _findings(path) == []
    result = CliRunner().invoke(check, [str(path), "--as-of", "2025-07-01"])
    assert result.exit_code == 0, result.output
    assert "Nie znaleziono uchybień" in result.output


def test_figure_caption_on_a_table(tmp_path):
    path = build.correct_docx(tmp_path / "plan.docx", caption_label="Rysunek",
                              list_entries=[("Tabela 2. Prognoza zapotrzebowania", 7)])
    ids = [f.rule_id for f in _findings(path) if f.severity == "error"]
    assert "Q-CAPTION" in ids
    assert "Q-NUM" in ids                   # now two captions read "Rysunek 1"


def test_wrong_total_in_docx_table(tmp_path):
    rows = [r[:] for r in build.SECTOR_ROWS]
    rows[-1][1] = "122 650"                  # 107 596 + 12 197 + 2 757 = 122 550
    found = [f for f in _findings(build.correct_docx(tmp_path / "p.docx", sector_rows=rows)) if f.rule_id == "Q-SUM"]
    assert len(found) == 1 and found[0].severity == "error"
    assert "122 650" in found[0].message and "122 550" in found[0].message
    assert "Zużycie ciepła [GJ/rok]" in found[0].location


def test_shares_not_adding_up(tmp_path):
    rows = [r[:] for r in build.SECTOR_ROWS]
    rows[1][2] = "86,80"                     # 86,80 + 9,95 + 2,25 = 99,00, printed 100,00
    found = [f for f in _findings(build.correct_docx(tmp_path / "p.docx", sector_rows=rows)) if f.rule_id == "Q-SHARE"]
    assert len(found) == 1 and "99,00" in found[0].message


def test_list_of_tables_mismatch(tmp_path):
    entries = [("Tabela 1. Zużycie ciepła według sektorów", 5), ("Tabela 3. Emisje", 9)]
    found = [f for f in _findings(build.correct_docx(tmp_path / "p.docx", list_entries=entries)) if f.rule_id == "Q-LIST"]
    messages = " | ".join(f.message for f in found)
    assert len(found) == 2
    assert "Tabela 3" in messages and "Tabela 2" in messages


def test_merged_cells_are_not_duplicated(tmp_path):
    from docx import Document
    doc = Document()
    doc.add_paragraph("Tabela 1. Scalone komórki")
    table = doc.add_table(rows=3, cols=3)
    a = table.cell(0, 0).merge(table.cell(0, 1))
    a.text = "Nagłówek"
    table.cell(0, 2).text = "Wartość"
    for r, (name, v) in enumerate([("A", "5"), ("Razem", "5")], 1):
        table.cell(r, 0).text = name
        table.cell(r, 2).text = v
    path = tmp_path / "m.docx"
    doc.save(str(path))
    [t] = read_document(path).tables()
    assert t.columns[0].header == "Nagłówek" and t.columns[1].header == ""


def test_pdf_with_text_layer(tmp_path):
    path = build.pdf_with_text(tmp_path / "plan.pdf", [
        "Projekt zalozen do planu zaopatrzenia w cieplo na lata 2025-2040",
        "1 Wprowadzenie", "Jak pokazano w tabeli 7, zuzycie rosnie.",
        "Tabela 1. Zuzycie ciepla", "Rysunek 1. Mapa gminy"])
    doc = read_document(path)
    assert doc.title.startswith("Projekt zalozen")
    assert [(t.caption_label, t.number) for t in doc.tables()] == [("Tabela", 1)]
    assert [(f.kind, f.number) for f in doc.figures()] == [("Rysunek", 1)]
    [ref] = [f for f in check_document(doc, load_requirements(), AS_OF) if f.rule_id == "Q-REF"]
    assert "tabeli 7" in ref.message and ref.location.startswith("rozdz. 1, s. 1")
