"""Tables of PDF plans with cells of several lines (Word wraps text in narrow columns): the text layout cannot
rebuild them, pdfplumber reads them from the ruling lines, so the sums are checked as in a .docx."""
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "check"))
import check_builders as build  # noqa: E402

from reportgen.check.readers import read_document  # noqa: E402
from reportgen.rules.engine import check_document  # noqa: E402
from reportgen.rules.requirements import load_requirements  # noqa: E402

pytest.importorskip("pdfplumber")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="brak poppler-utils (pdftotext)")
AS_OF = date(2026, 12, 1)

BEFORE = ["Projekt zalozen do planu zaopatrzenia w cieplo na lata 2025-2040", "1 Bilans ciepla",
          "Zuzycie ciepla w sektorach przedstawia tabela 1.", "Tabela 1. Zuzycie ciepla w gminie w roku bazowym"]
AFTER = ["Zrodlo: opracowanie wlasne.", "Dalszy tekst rozdzialu o bilansie ciepla w gminie."]


def _rows(total: str) -> list[list[list[str]]]:
    # header and labels wrapped over several lines in narrow columns, as Word prints them
    return [[["Sektor"], ["Zuzycie", "ciepla", "[GJ]"], ["Udzial", "[%]"]],
            [["Budynki", "mieszkalne"], ["12 500"], ["62,5"]],
            [["Budynki", "uzytecznosci", "publicznej"], ["3 000"], ["15,0"]],
            [["Dzialalnosc", "gospodarcza"], ["4 500"], ["22,5"]],
            [["Razem"], [total], ["100,0"]]]


def _pdf(tmp_path: Path, total: str) -> Path:
    return build.pdf_with_ruled_table(tmp_path / "plan.pdf", BEFORE, _rows(total), [150, 90, 70], AFTER)


def test_ruled_table_with_wrapped_cells_is_read_whole(tmp_path):
    doc = read_document(_pdf(tmp_path, "20 000"))
    [table] = [t for t in doc.tables() if t.number == 1]
    assert [c.header for c in table.columns] == ["Sektor", "Zuzycie ciepla [GJ]", "Udzial [%]"]
    assert table.rows == [["Budynki mieszkalne", "12 500", "62,5"], ["Budynki uzytecznosci publicznej", "3 000", "15,0"],
                          ["Dzialalnosc gospodarcza", "4 500", "22,5"], ["Razem", "20 000", "100,0"]]
    assert table.source.startswith("Zrodlo")
    # nothing of the table is left behind as a second, uncaptioned table
    assert [t.number for t in doc.tables()] == [1]
    assert not [f for f in check_document(doc, load_requirements(), AS_OF) if f.rule_id in ("Q-SUM", "Q-SHARE")]


def test_wrong_total_in_ruled_table_is_found_with_its_page(tmp_path):
    doc = read_document(_pdf(tmp_path, "21 000"))
    [finding] = [f for f in check_document(doc, load_requirements(), AS_OF) if f.rule_id == "Q-SUM"]
    # hand calculation: 12 500 + 3 000 + 4 500 = 20 000, the table prints 21 000
    assert finding.severity == "error" and "Tabela 1" in finding.message and "20 000" in finding.message
    assert "s. 1" in finding.location


def _notes(doc) -> list[str]:
    return [n for n in doc.meta["notes"] if "nie odtworzono" in n]


def test_page_pdfplumber_chokes_on_keeps_the_layout_reading_with_a_note(tmp_path, monkeypatch):
    from pdfminer.pdfparser import PDFSyntaxError

    from reportgen.check.readers import pdftables

    def choke(self, number):
        raise PDFSyntaxError("bad object")
    monkeypatch.setattr(pdftables.PdfTables, "page", choke)
    doc = read_document(_pdf(tmp_path, "20 000"))
    assert _notes(doc) == ["Tabel ze strony 1 nie odtworzono (błąd odczytu: PDFSyntaxError); zostały one "
                           "odczytane tylko z układu tekstu."]
    assert 1 in [t.number for t in doc.tables()]          # the layout reading of the table is still there


def test_page_with_too_many_ruling_lines_is_skipped(tmp_path, monkeypatch):
    from reportgen.check.readers import limits
    monkeypatch.setattr(limits, "PDF_MAX_RULINGS", 3)     # the ruled table has 5 rows × 3 columns of lines
    doc = read_document(_pdf(tmp_path, "20 000"))
    [note] = _notes(doc)
    assert note.startswith("Tabel ze strony 1 nie odtworzono (") and "linii na stronie, limit 3)" in note


def test_table_recovery_stops_at_its_deadline(tmp_path, monkeypatch):
    from reportgen.check.readers import limits
    monkeypatch.setattr(limits, "PDF_TABLES_MAX_SECONDS", -1.0)     # time is up before the first page
    doc = read_document(_pdf(tmp_path, "20 000"))
    assert _notes(doc) == ["Tabel ze strony 1 nie odtworzono (limit czasu odtwarzania tabel, -1 s); zostały one "
                           "odczytane tylko z układu tekstu."]


def test_pdf_pdfplumber_cannot_open_gives_a_note(tmp_path, monkeypatch):
    import pdfplumber

    def refuse(*args, **kwargs):
        raise ValueError("not a PDF pdfminer accepts")
    monkeypatch.setattr(pdfplumber, "open", refuse)
    doc = read_document(_pdf(tmp_path, "20 000"))
    assert [n for n in doc.meta["notes"] if "pdfplumber nie otworzył" in n]
