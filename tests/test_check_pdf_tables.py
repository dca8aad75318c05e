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
