# mypy: disable-error-code="union-attr,var-annotated"
"""The rules engine on hand-built document models: generated documents (`satisfies`), dates and horizon,
superseded acts, and each quality rule including the cases that must NOT be reported."""
from __future__ import annotations

from datetime import date

import pytest

from reportgen.document.model import Column, Document, Figure, ListEntry, Location, Paragraph, Section, Table
from reportgen.rules.docdates import find_adoption_date, find_document_date, find_horizon
from reportgen.rules.engine import Finding, check_document, has_errors, quality_findings, statutory_findings
from reportgen.rules.numbers import is_missing, parse_number
from reportgen.rules.quality.references import expand
from reportgen.rules.requirements import load_requirements
from reportgen.rules.tablelabels import is_total_label

REQS = load_requirements()
TODAY = date(2025, 6, 1)


def _generated(declared: list[str], title="Projekt założeń dla Gminy X na lata 2025–2040") -> Document:
    sections = [Section(id=f"c{i}", title=f"Rozdział {i}", number=str(i), satisfies=[rid])
                for i, rid in enumerate(declared, 1)]
    return Document(title=title, sections=sections)


DOCUMENT_IDS = [r.id for r in REQS if r.kind == "requirement" and r.applies_to == "document" and r.in_force(TODAY)]


# ---------------------------------------------------------------- generated documents -----------------------

def test_generated_document_declaring_everything_passes():
    findings = statutory_findings(_generated(DOCUMENT_IDS), REQS, as_of=TODAY, generated=True)
    assert not has_errors(findings)
    assert {f.rule_id for f in findings} == {"PE-19-5", "PE-19-6", "PE-19-7", "PE-19-8"}   # procedure: reminders only
    assert {f.severity for f in findings} == {"info"}


def test_generated_document_missing_a_declaration():
    declared = [rid for rid in DOCUMENT_IDS if rid != "PE-19-3-4"]
    [error] = [f for f in statutory_findings(_generated(declared), REQS, as_of=TODAY, generated=True)
               if f.severity == "error"]
    assert error.rule_id == "PE-19-3-4" and "art. 19 ust. 3 pkt 4" in error.message
    assert "satisfies: [PE-19-3-4]" in error.suggestion


def test_generated_document_is_judged_by_the_law_at_as_of():
    assert "PE-19-3-3a-2011" not in DOCUMENT_IDS and "PE-19-3-3a" in DOCUMENT_IDS
    old = [r.id for r in REQS if r.kind == "requirement" and r.applies_to == "document" and r.in_force(date(2015, 1, 1))]
    errors = {f.rule_id for f in statutory_findings(_generated(old), REQS, as_of=TODAY, generated=True)
              if f.severity == "error"}
    assert errors == {"PE-19-3-3a"}


def test_horizon_shorter_than_15_years_is_an_error():
    [f] = [f for f in statutory_findings(_generated(DOCUMENT_IDS, "Projekt założeń na lata 2025-2035"), REQS,
                                         as_of=TODAY, generated=True) if f.rule_id == "PE-19-2"]
    # 2025..2035 inclusive = 11 calendar years (< 15)
    assert f.severity == "error" and "11 lat" in f.message and "łącznie z rokiem początkowym i końcowym" in f.message


def test_generated_document_citing_a_superseded_policy():
    doc = _generated(DOCUMENT_IDS)
    doc.sections[0].blocks.append(Paragraph("Dokument jest zgodny z Polityką energetyczną Polski do 2030 roku.",
                                            location=Location(chapter="1")))
    [f] = [f for f in statutory_findings(doc, REQS, as_of=TODAY, generated=True) if f.rule_id == "OBS-PEP2030"]
    assert f.severity == "warning" and f.location == "rozdz. 1"
    doc.sections[0].blocks[0] = Paragraph("Zastąpiona przez PEP2040 poprzednia Polityka energetyczna Polski do 2030 roku.")
    assert not [f for f in statutory_findings(doc, REQS, as_of=TODAY, generated=True) if f.rule_id == "OBS-PEP2030"]


# ---------------------------------------------------------------- dates and horizon ---------------------------

def test_dates_from_the_first_page():
    front = "Załącznik do uchwały Nr X/73/15\nRady Miejskiej w Knyszynie\nz dnia 29 września 2015 r.\nlipiec 2015"
    assert find_adoption_date(front).day == date(2015, 9, 29)
    assert find_document_date("Knyszyn-Białystok, lipiec 2015").day == date(2015, 7, 31)
    assert find_document_date("Tytuł\n2022\nAutor").day == date(2022, 12, 31)
    assert find_document_date("uchwała nr 5/2020 z dnia 03.02.2020 r.").day == date(2020, 2, 3)
    assert find_document_date("bez daty") is None


# Calendar years, both ends included ("na okres co najmniej 15 lat"): 2030 − 2015 + 1 = 16, 2037 − 2022 + 1 = 16,
# 2036 − 2023 + 1 = 14.
@pytest.mark.parametrize("title,years", [
    ("na lata 2015-2030", (2015, 2030, 16)),
    ("NA LATA 2022-2025 Z PERSPEKTYWĄ DO 2037 ROKU", (2022, 2037, 16)),
    ("na lata 2023–2036", (2023, 2036, 14)),
])
def test_horizon(title, years):
    h = find_horizon(title)
    assert (h.start, h.end, h.years) == years


def test_update_rule_uses_the_adoption_date():
    doc = Document(title="Projekt założeń na lata 2020-2035", meta={"front_text": "2020"})
    late = [f for f in statutory_findings(doc, REQS, as_of=TODAY) if f.rule_id == "PE-19-2"]
    assert len(late) == 1 and "2020-12-31" in late[0].message
    fresh = [f for f in statutory_findings(doc, REQS, as_of=TODAY, adopted=date(2023, 5, 1)) if f.rule_id == "PE-19-2"]
    assert fresh == []


def test_horizon_and_update_follow_the_dated_terms(monkeypatch):
    # the periods are rules/procedure.yaml's terms in force on the document's date: a law of 20 years and updates
    # every 4 years makes a 16-year plan too short and a 2022 plan not yet overdue in 2025 (2022-12-31 + 4 years)
    import reportgen.rules.statutory as statutory
    from reportgen.procedure.law import terms_on

    def law_of_2022(day):      # 20 and 4 years only on the document's date (2022 → 2022-12-31), today's law otherwise
        return {"horizon_years": 20, "update_years": 4, "display_days": 21} if day == date(2022, 12, 31) else terms_on(day)
    monkeypatch.setattr(statutory, "terms_on", law_of_2022)
    doc = Document(title="Projekt założeń na lata 2022-2037", meta={"front_text": "2022"})
    [f] = [f for f in statutory_findings(doc, REQS, as_of=TODAY) if f.rule_id == "PE-19-2"]
    assert "czyli 16 lat" in f.message and "wymaga co najmniej 20 lat" in f.message
    assert "do roku 2041" in f.suggestion
    late = [f for f in statutory_findings(doc, REQS, as_of=date(2027, 1, 1)) if "aktualizacji" in f.message]
    assert len(late) == 1 and "ponad 4 lata" in late[0].message and "termin minął 2026-12-31" in late[0].message


def test_a_plan_older_than_the_periods_is_judged_by_the_periods_in_force_now():
    # horizon_years and update_years are dated from 2005-03-03 in rules/procedure.yaml: a plan of 2000 is checked
    # against the periods in force on as_of (no crash, a normal finding)
    doc = Document(title="Projekt założeń na lata 2000-2015", meta={"front_text": "marzec 2000"})
    late = [f for f in statutory_findings(doc, REQS, as_of=TODAY) if f.rule_id == "PE-19-2"]
    assert any("ponad 3 lata" in f.message and "raz na 3 lata" in f.message for f in late)


@pytest.mark.parametrize("years, phrases", [
    (15, ["co najmniej na okres 15 lat", "„na lata 2021–2035” = 15 lat"]),
    (22, ["co najmniej na okres 22 lat", "„na lata 2021–2042” = 22 lata"]),
    (1, ["co najmniej na okres 1 roku", "„na lata 2021–2021” = 1 rok"]),
])
def test_counting_convention_in_polish_for_any_period(years, phrases):
    from reportgen.rules.statutory import _convention
    assert all(p in _convention(years) for p in phrases)


# ---------------------------------------------------------------- numbers -------------------------------------

@pytest.mark.parametrize("cell,value,decimals,percent", [
    ("12 345,67", 12345.67, 2, False), ("539316,0 0", 539316.0, 2, False), ("520120 ,00", 520120.0, 2, False),
    ("5,69%", 5.69, 2, True), ("-0,30", -0.30, 2, False), ("1.838.577", 1838577.0, 0, False),
    ("109760*", 109760.0, 0, False), ("12\u00a0345", 12345.0, 0, False), (7, 7.0, 0, False),
])
def test_parse_polish_numbers(cell, value, decimals, percent):
    n = parse_number(cell)
    assert (n.value, n.decimals, n.percent) == (pytest.approx(value), decimals, percent)


def test_text_dash_and_missing_cells():
    assert parse_number("-").dash and parse_number("-").value == 0
    assert parse_number("b/d") is None and is_missing("b/d") and is_missing("b.d.")
    assert parse_number("160W") is None and parse_number("25 MJ/l") is None and parse_number("") is None


# ---------------------------------------------------------------- sums -----------------------------------------

def _table(rows, headers, totals, number=1):
    columns = [Column(h) for h in headers]
    return Table(id=f"t{number}", caption="T", columns=columns, rows=rows, total_rows=totals, number=number)


def _doc(*blocks) -> Document:
    return Document(title="t", sections=[Section(id="s", title="S", number="1", blocks=list(blocks))])


def _sums(table):
    return [f for f in quality_findings(_doc(table)) if f.rule_id in ("Q-SUM", "Q-SHARE")]


def test_rounding_is_not_an_error():
    # Kluki Tabela 5: 150 351 + 18 940 + 10 027 = 179 318, printed 179 319 (150 351,5 rounded)
    t = _table([["A", "150 351", "10"], ["B", "18 940", "20"], ["C", "10 027", "30"], ["Razem:", "179 319", "60"]],
               ["Sektor", "m2", "n"], [3])
    assert _sums(t) == []


def test_wrong_total_with_another_column_adding_up():
    t = _table([["A", "100", "10"], ["B", "200", "20"], ["Razem", "300", "40"]], ["", "x", "y"], [2])
    [f] = _sums(t)
    assert f.rule_id == "Q-SUM" and f.severity == "error" and "kolumna „y”" in f.location and "30" in f.message


@pytest.mark.parametrize("label,total", [("PODSUMOW ANIE", True), ("ŁĄCZ NIE:", True), ("Raz em [GJ]", True),
                                         ("Razem", True), ("w sumie", True), ("Urząd Miejski", False),
                                         ("Ogrzewanie razem", False), ("suma ryczna", False), ("Su ma", True), ("a razem b", False)])
def test_total_label_wrapped_inside_a_word_in_a_narrow_pdf_cell(label, total):
    # Knyszyn Tabela 21 as a Word-made PDF: the cell "PODSUMOWANIE" wraps to "PODSUMOW" / "ANIE" and is read
    # back as "PODSUMOW ANIE"; its two wrong totals were missed. Two letters on each side of the gap at least.
    assert is_total_label(label) is total


def test_single_wrong_column_without_other_evidence_is_not_reported():
    t = _table([["A", "100"], ["B", "200"], ["Razem", "350"]], ["", "x"], [2])
    assert _sums(t) == []       # may be a sum with a typo, may be something else: not clearly a sum


def test_total_that_omits_one_row_is_reported():
    t = _table([["A", "1 700"], ["B", "250"], ["C", "50"], ["Razem", "300"]], ["", "m2"], [3])
    [f] = _sums(t)
    assert "bez wiersza „A”" in f.message


def test_weighted_average_total_row_is_not_a_sum():
    # Kluki Tabela 13: "łącznie*" = weighted average of the percentages above
    t = _table([["Do 1966", "65%", "75%"], ["1967-1985", "50%", "60%"], ["1997-2012", "0%", "13%"],
                ["łącznie*", "23%", "32%"]], ["Grupa", "2021", "2025"], [3])
    assert _sums(t) == []


def test_indicator_columns_are_skipped():
    t = _table([["A", "100", "0,5"], ["B", "300", "1,5"], ["Razem", "400", "9,9"]],
               ["", "Energia GJ", "Energia na GJ/m2"], [2])
    assert _sums(t) == []


def test_shares_that_do_not_add_up():
    t = _table([["A", "55,0"], ["B", "40,0"], ["Razem", "100,0"]], ["", "Udział [%]"], [2])
    [f] = _sums(t)
    assert f.rule_id == "Q-SHARE" and "95,0" in f.message


def test_percent_rows_do_not_enter_value_sums():
    # Kluki Tabela 16: a "[%]" row between the rows and "łącznie", and a "łącznie [%]" row
    t = _table([["G", "4 751", "4 837"], ["[%]", "100,00%", "101,80%"], ["SN", "4 421", "4 421"],
                ["łącznie", "9 172", "9 258"], ["łącznie [%]", "100,00%", "100,93%"]], ["Rok", "2021", "2025"], [3, 4])
    assert _sums(t) == []


def test_row_total_column():
    t = _table([["węgiel", "40 993", "0", "40 993"], ["drewno", "108 393", "4 778,6", "113 172"],
                ["Udział [%]", "24,65", "68,04", "176 298"]], ["", "dom", "gmina", "łącznie"], [])
    [f] = _sums(t)
    assert "Udział [%]" in f.location and "176 298" in f.message and "24,65 + 68,04" not in f.message


def test_subtotals_and_grand_total():
    rows = [["a", "1"], ["b", "2"], ["Razem", "3"], ["c", "4"], ["d", "5"], ["Razem", "9"], ["Ogółem", "12"]]
    assert _sums(_table(rows, ["", "x"], [2, 5, 6])) == []


def test_numbers_from_build_use_column_decimals():
    t = Table(id="t", caption="T", columns=[Column("Sektor", None, kind="text"), Column("GJ", 1), Column("MWh", 0)],
              rows=[["A", 10.04, 5], ["B", 20.03, 7], ["Razem", 30.1, 14]], total_rows=[2], number=1)
    # 10,04 + 20,03 = 30,07 ≈ 30,1 (one decimal: ±0,15); 5 + 7 = 12, printed 14 (integers: ±1,5)
    [f] = _sums(t)
    assert "kolumna „MWh”" in f.location and f.severity == "warning"


# ---------------------------------------------------------------- captions, references, lists ------------------

def _captioned(numbers, label="Tabela"):
    return [Table(id=f"t{i}", caption=f"T{n}", columns=[], rows=[], number=n, caption_label=label,
                  location=Location(line=i)) for i, n in enumerate(numbers, 1)]


def test_numbering_gaps_duplicates_and_order():
    findings = [f for f in quality_findings(_doc(*_captioned([1, 2, 2, 5, 4]))) if f.rule_id == "Q-NUM"]
    messages = [f.message for f in findings]
    assert any("„Tabela 2” występuje więcej niż raz" in m for m in messages)
    assert any("brak numerów 3" in m for m in messages)
    assert any("numeracja nie rośnie" in m for m in messages)
    assert [f.severity for f in findings if "więcej niż raz" in f.message] == ["error"]


def test_chapter_numbered_captions():
    ok = _captioned(["2.1", "2.2", "3.1"])
    assert not [f for f in quality_findings(_doc(*ok)) if f.rule_id == "Q-NUM"]
    gap = _captioned(["2.1", "2.3"])
    [f] = [f for f in quality_findings(_doc(*gap)) if f.rule_id == "Q-NUM"]
    assert "2.2" in f.message


def test_reference_ranges_and_missing_targets():
    assert expand("3.3–3.5") == ["3.3", "3.4", "3.5"] and expand("5-7") == ["5", "6", "7"] and expand("4") == ["4"]
    doc = _doc(*_captioned([1, 2]), Figure(id="f", caption="F", number=1))
    doc.references = [("Tabela", "2", Location(line=3)), ("Tabela", "1-3", Location(line=4)),
                      ("Rysunek", "2", Location(line=5)), ("Wykres", "1", Location(line=6))]
    found = {f.location: f.message for f in quality_findings(doc) if f.rule_id == "Q-REF"}
    assert set(found) == {"wiersz 4", "wiersz 5", "wiersz 6"}
    assert "(brak: 3)" in found["wiersz 4"] and "nie ma żadnego podpisu „Wykres”" in found["wiersz 6"]


def test_list_of_figures_against_captions():
    doc = _doc(Figure(id="a", caption="Mapa gminy", number=1), Figure(id="b", caption="Wykres zużycia", number=2),
               Figure(id="c", caption="Struktura paliw", number=1, kind="Wykres"))
    doc.list_of_figures = [ListEntry("Rysunek", 1, "Mapa gminy"), ListEntry("Rysunek", 2, "Emisje pyłu PM10 w 2021 roku")]
    found = [f.message for f in quality_findings(doc) if f.rule_id == "Q-LIST"]
    assert any("tytuł „Rysunek 2” różni się" in m for m in found)
    assert any("podpisy „Wykres”, ale nie ma ich spisu" in m for m in found)
    assert len(found) == 2


def test_figure_caption_on_a_table_is_an_error():
    t = _captioned([3], label="Rysunek")[0]
    t.rows = [["SN", "86,66"]]
    [f] = [f for f in quality_findings(_doc(t)) if f.rule_id == "Q-CAPTION"]
    assert f.severity == "error" and "Rysunek 3" in f.message


def test_check_document_orders_errors_first():
    doc = _doc(*_captioned([1, 3]))
    doc.title = "Projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe"
    doc.references = [("Tabela", "9", Location(line=1))]
    findings = check_document(doc, [], TODAY)
    assert [f.severity for f in findings] == sorted((f.severity for f in findings),
                                                    key=["error", "warning", "info"].index)
    assert isinstance(findings[0], Finding) and findings[0].to_dict()["rule_id"] == "Q-REF"
