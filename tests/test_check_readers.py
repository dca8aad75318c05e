# mypy: disable-error-code="union-attr,var-annotated"
"""Text and Markdown readers on small hand-written plans: headings without a TOC, tables after captions,
page furniture inside tables, wrapped list entries."""
from __future__ import annotations

from reportgen.check.readers import read_document
from reportgen.rules.engine import quality_findings

PLAIN = """Projekt założeń do planu zaopatrzenia w ciepło dla Gminy Próbna na lata 2025-2040

1 Wstęp

Tekst wstępu. Dane zebrano w tabeli 1.

1. Pierwszy punkt listy, który nie jest nagłówkiem;
2. Drugi punkt listy.

1.1 Cel opracowania

Tabela 1. Zużycie ciepła
Sektor\tGJ\tUdział [%]
Domy\t100\t40,0

PROJEKT ZAŁOŻEŃ DO PLANU ZAOPATRZENIA W CIEPŁO GMINY PRÓBNA

Firmy\t150\t60,0
Razem\t250\t100,0

Źródło: opracowanie własne.

PROJEKT ZAŁOŻEŃ DO PLANU ZAOPATRZENIA W CIEPŁO GMINY PRÓBNA

2 Dane

Rysunek 1. Tabela podpisana jak rysunek
A\tB
1\t2

Spis tabel

Tabela 1. Zużycie ciepła	5
Tabela 2. Bardzo długi tytuł tabeli, który w spisie
zawija się na drugi wiersz	6
"""


def test_plain_text_plan(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAIN, encoding="utf-8")
    doc = read_document(path)
    assert doc.title.startswith("Projekt założeń") and doc.title.endswith("2025-2040")
    assert [(s.number, s.title) for s in doc.walk_sections() if s.number] == [
        ("1", "Wstęp"), ("1.1", "Cel opracowania"), ("2", "Dane")]
    t1, t2 = doc.tables()
    # the running header repeated on both pages is page furniture, not a row, and does not split the table
    assert t1.rows == [["Domy", "100", "40,0"], ["Firmy", "150", "60,0"], ["Razem", "250", "100,0"]]
    assert t1.total_rows == [2] and t1.source == "opracowanie własne."
    assert (t2.caption_label, t2.number) == ("Rysunek", 1)
    assert [(e.number, e.caption) for e in doc.list_of_tables] == [
        (1, "Zużycie ciepła"), (2, "Bardzo długi tytuł tabeli, który w spisie zawija się na drugi wiersz")]
    rules = sorted(f.rule_id for f in quality_findings(doc))
    assert rules == ["Q-CAPTION", "Q-LIST"]          # Rysunek 1 is a table; the list names a missing Tabela 2


MARKDOWN = """# Projekt założeń do planu zaopatrzenia w ciepło na lata 2025-2040

## 1 Bilans

Zestawienie w tabeli 1 oraz w tabeli 3.

Tabela 1. Bilans paliw

| Paliwo | 2025 | 2040 |
|---|---:|---:|
| Węgiel | 1 200 | 800 |
| Gaz | 300 | 500 |
| Razem | 1 500 | 1 400 |
"""


def test_markdown_plan(tmp_path):
    path = tmp_path / "plan.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    doc = read_document(path)
    assert doc.title == "Projekt założeń do planu zaopatrzenia w ciepło na lata 2025-2040"
    assert [(s.number, s.title, s.level) for s in doc.walk_sections() if s.number] == [("1", "Bilans", 2)]
    [table] = doc.tables()
    assert table.rows[-1] == ["Razem", "1 500", "1 400"] and table.total_rows == [2]
    found = {f.rule_id: f for f in quality_findings(doc)}
    assert "tabeli 3" in found["Q-REF"].message
    assert "1 300" in found["Q-SUM"].message and "kolumna „2040”" in found["Q-SUM"].location
