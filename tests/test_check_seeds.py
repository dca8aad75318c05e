# mypy: disable-error-code="union-attr,var-annotated"
"""`check` on the two seed plans (text exports in ../shared/seeds). Every expected value below was read
from the seed file itself (line numbers and printed numbers), not obtained by running the checker."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen.check.commands import check
from reportgen.check.readers import read_document
from reportgen.rules.docdates import find_horizon
from reportgen.rules.engine import quality_findings, statutory_findings
from reportgen.rules.requirements import load_requirements

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
AS_OF = date(2025, 6, 1)


def _seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"brak pliku {prefix}_*.txt w {SEEDS}")
    return found[0]


@pytest.fixture(scope="module")
def knyszyn():
    return read_document(_seed("003"))


@pytest.fixture(scope="module")
def kluki():
    return read_document(_seed("004"))


@pytest.fixture(scope="module")
def requirements():
    return load_requirements()


def _line(finding) -> int:
    m = re.search(r"wiersz (\d+)", finding.location)
    return int(m.group(1)) if m else -1


def _sum_findings(doc):
    out = {}
    for f in quality_findings(doc):
        if f.rule_id in ("Q-SUM", "Q-SHARE"):
            table = re.match(r"(\w+ \d+)", f.location).group(1)
            column = re.search(r"kolumna „([^”]*)”", f.location).group(1)
            out[(table, column)] = f
    return out


# ---------------------------------------------------------------- Knyszyn 2015 (003) ------------------------

def test_knyszyn_references_to_missing_tables_and_figures(knyszyn):
    refs = {(label, number, where.line) for label, number, where in knyszyn.references}
    # line 389 "(tabela 2.4)", line 710 "na rysunkach 3.3-3.5", line 897 "w tabeli 4.4": the plan numbers plainly 1..54 / 1..22
    assert ("Tabela", "2.4", 389) in refs
    assert ("Rysunek", "3.3-3.5", 710) in refs
    assert ("Tabela", "4.4", 897) in refs
    missing = [f for f in quality_findings(knyszyn) if f.rule_id == "Q-REF"]
    assert sorted(_line(f) for f in missing) == [389, 710, 897]
    assert all(f.severity == "error" for f in missing)
    by_line = {_line(f): f.message for f in missing}
    assert "tabeli 2.4" in by_line[389]
    assert "rysunków 3.3–3.5" in by_line[710]
    assert "tabeli 4.4" in by_line[897] and "1–54" in by_line[897]


def test_knyszyn_captions_and_lists_are_read(knyszyn):
    tables = [t for t in knyszyn.tables() if t.caption_label == "Tabela"]
    assert [t.number for t in tables] == list(range(1, 55))
    assert [f.number for f in knyszyn.figures()] == list(range(1, 23))
    assert len(knyszyn.list_of_tables) == 54 and len(knyszyn.list_of_figures) == 22
    # "Tabela 24." wraps over two lines in the Spis tabel (lines 2135–2137)
    entry24 = next(e for e in knyszyn.list_of_tables if e.number == 24)
    assert entry24.caption.endswith("[%]") and "Krajowy plan działania" in entry24.caption
    # caption, numbering and list rules find nothing in this plan: numbers run 1..54 and 1..22, lists agree
    assert not [f for f in quality_findings(knyszyn) if f.rule_id in ("Q-NUM", "Q-LIST", "Q-CAPTION")]


def test_knyszyn_table_13_heated_area_total(knyszyn):
    t13 = next(t for t in knyszyn.tables() if t.number == 13)
    # the page break repeats both header rows (lines 629–630); they must not be read as data
    assert not any(r[1] == "Nazwa budynku" for r in t13.rows)
    f = _sum_findings(knyszyn)[("Tabela 13", "Pow. ogrzew.")]
    # line 633: Razem 11210; rows: 1700+2756+1100+229+3535+280+150+280+995+87+354+25 = 11491
    assert f.severity == "error"
    assert "11 210" in f.message and "11 491" in f.message


def test_knyszyn_table_21_total_leaves_out_first_row(knyszyn):
    found = _sum_findings(knyszyn)
    area = found[("Tabela 21", "Powierzchnia m2")]
    energy = found[("Tabela 21", "Energia GJ")]
    # line 868: PODSUMOWANIE 9790,47 and 8626,01 = 11490,47 − 1700 and 9975,03 − 1349,02 (row 1, Urząd Miejski)
    assert "9 790,47" in area.message and "11 490,47" in area.message and "Urząd Miejski" in area.message
    assert "8 626,01" in energy.message and "9 975,03" in energy.message and "Urząd Miejski" in energy.message


def test_knyszyn_table_23_share_row_total(knyszyn):
    f = _sum_findings(knyszyn)[("Tabela 23", "łącznie")]
    # line 893: shares 24,65+68,04+2,69+0,23+2,55+1,84 = 100,00, but the "łącznie" cell says 176298
    assert f.severity == "error" and "176 298" in f.message and "100,00" in f.message


def test_knyszyn_table_16_totals_beyond_rounding(knyszyn):
    found = _sum_findings(knyszyn)
    sixteen = {col for table, col in found if table == "Tabela 16"}
    # line 704 vs the 17 rows above (one decimal each, rounding allows ±0,9):
    # 2017: 3700,1 vs 3702,4; 2022: 3424,5 vs 3423,0; 2026: 3207,8 vs 3209,4; 2030: 2994,7 vs 2993,3
    assert sixteen == {"2017", "2022", "2026", "2030"}
    assert all(found[("Tabela 16", c)].severity == "warning" for c in sixteen)
    assert "3 702,4" in found[("Tabela 16", "2017")].message


def test_knyszyn_no_false_sum_findings(knyszyn):
    # correct totals: T3, T4 (integers, within rounding), T9, T27/T28 (row and column totals), T33/T34/T37 (row
    # sums), T42, T43 (grouped rows), T44 (items plus subtotals), T46, T25; T30 and T51 have percent averages and
    # misaligned columns. Only the defects asserted above may be reported.
    assert set(_sum_findings(knyszyn)) == {
        ("Tabela 13", "Pow. ogrzew."), ("Tabela 21", "Powierzchnia m2"), ("Tabela 21", "Energia GJ"),
        ("Tabela 23", "łącznie"), ("Tabela 16", "2017"), ("Tabela 16", "2022"), ("Tabela 16", "2026"),
        ("Tabela 16", "2030")}


def test_knyszyn_statutory(knyszyn, requirements):
    findings = statutory_findings(knyszyn, requirements, as_of=AS_OF)
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    # title "na lata 2015-2030": 16 calendar years, no horizon finding; resolution "z dnia 29 września 2015 r." (lines 4–6)
    update = [f for f in by_rule["PE-19-2"] if "aktualizacji" in f.message]
    assert len(by_rule["PE-19-2"]) == 1 and update[0].severity == "error"
    assert "2015-09-29" in update[0].message and "2018-09-29" in update[0].message
    # the plan cites the 2011 efficiency act (line 112); judged by today's law pkt 3a needs the 2016 act
    assert by_rule["PE-19-3-3a"][0].severity == "error"
    assert "PE-19-3-3a-2011" not in by_rule
    # in 2015 the 2011 act and PEP 2030 were in force: no superseded-act finding
    assert "OBS-UEE-2011" not in by_rule and "OBS-PEP2030" not in by_rule


def test_knyszyn_judged_by_the_law_of_its_date(knyszyn, requirements):
    findings = statutory_findings(knyszyn, requirements, as_of=date(2016, 6, 1))
    assert not [f for f in findings if f.severity == "error"]


def test_knyszyn_superseded_acts_when_adopted_later(knyszyn, requirements):
    ids = {f.rule_id for f in statutory_findings(knyszyn, requirements, as_of=AS_OF, adopted=date(2017, 3, 1))}
    assert "OBS-UEE-2011" in ids            # "ustawy z dnia 15 kwietnia 2011 r." cited as the act in force
    assert "OBS-PEP2030" not in ids          # PEP 2040 adopted only in 2021
    ids = {f.rule_id for f in statutory_findings(knyszyn, requirements, as_of=AS_OF, adopted=date(2022, 1, 10))}
    assert {"OBS-UEE-2011", "OBS-PEP2030"} <= ids


# ---------------------------------------------------------------- Kluki 2022 (004) -------------------------

KLUKI_TOC = ["1", "1.1", "2", "3", "3.1", "3.2", "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "4", "4.1", "4.2",
             "4.2.1", "4.2.2", "4.2.3", "4.2.4", "4.3", "4.4", "5", "5.1", "5.2", "5.3", "5.4", "5.5", "6", "6.1",
             "6.2", "6.3", "7", "7.1", "7.2", "7.3", "7.4", "7.5", "8", "8.1", "8.2", "8.2.1", "9", "9.1", "9.2",
             "9.3", "10", "10.1", "10.2", "11", "11.1", "11.2", "11.2.1", "11.3", "11.3.1", "11.4", "11.5", "12",
             "12.1", "12.2", "13", "13.1", "13.2", "13.3", "14", "15"]


def test_kluki_headings_follow_the_toc(kluki):
    numbers = [s.number for s in kluki.walk_sections() if s.number]
    # "3.1.1. Poprawa jakości powietrza, m.in. poprzez:" (line 194) and "1. Redukcja emisji …" (line 241) are lists
    assert numbers == KLUKI_TOC
    assert next(s for s in kluki.walk_sections() if s.number == "4.2.2").title == "Oświetlenie uliczne"


def test_kluki_tables_captioned_as_figures(kluki):
    found = [f for f in quality_findings(kluki) if f.rule_id == "Q-CAPTION"]
    assert sorted(_line(f) for f in found) == [484, 495]       # "Rysunek 3." and "Rysunek 4." above tab rows
    assert all(f.severity == "error" for f in found)
    captioned = {t.number: t for t in kluki.tables() if t.caption_label == "Rysunek"}
    assert set(captioned) == {3, 4}
    assert captioned[3].rows[0][:3] == ["SN", "Odcinki napowietrzne SN", "86,66"]
    assert [r[1] for r in captioned[4].rows] == ["Bełchatów-Zelów", "Zamoście-Szczerców",
                                                 "Rogowiec Stary-Oczyszczalnia Ścieków", "Rogowiec Stary-Kleszczów",
                                                 "Wistka-Ostrołęka"]


def test_kluki_lists_and_numbering(kluki):
    assert [e.number for e in kluki.list_of_tables] == list(range(1, 21))
    assert [(e.label, e.number) for e in kluki.list_of_figures] == (
        [("Rysunek", n) for n in range(1, 9)] + [("Wykres", n) for n in range(1, 7)])
    assert not [f for f in quality_findings(kluki) if f.rule_id in ("Q-NUM", "Q-LIST", "Q-REF")]


def test_kluki_totals_shares_and_weighted_rows_are_not_flagged(kluki):
    tables = {t.number: t for t in kluki.tables() if t.caption_label == "Tabela"}
    # Tabela 8 (line 981): 107 596 + 12 197 + 2 757 = 122 550 and 87,80 + 9,95 + 2,25 = 100,00 %: the sums and
    # shares are consistent. (Its defect is of another kind: it gives 12 197 GJ to "Budynki gminne" and 2 757 GJ
    # to "Działalność gospodarcza", the reverse of sections 7.3/7.4 and Tabela 10 — not a sum defect.)
    t8 = tables[8]
    assert t8.total_rows == [3] and t8.rows[3][1:] == ["122 550", "100,00%"]
    # Tabela 13 (lines 1547, 1554, 1561): "łącznie*" rows are weighted averages (*średnia ważona), e.g. 23 % while
    # the rows above add up to 65+50+30+20+0+0 = 165 %: recognised as total rows, not reported
    assert tables[13].total_rows == [6, 13, 20]
    # Tabela 5 (line 880): 150 351 + 18 940 + 10 027 = 179 318, printed 179 319 — rounding of 150 351,5
    assert tables[5].total_rows == [3]
    assert _sum_findings(kluki) == {}


def test_kluki_statutory(kluki, requirements):
    title = kluki.title
    assert "NA LATA 2022-2025 Z PERSPEKTYWĄ DO 2037 ROKU" in title
    horizon = find_horizon(title)
    assert (horizon.start, horizon.end, horizon.years) == (2022, 2037, 16)     # 2037 − 2022 + 1 calendar years
    errors = [f for f in statutory_findings(kluki, requirements, as_of=AS_OF) if f.severity == "error"]
    assert errors == []                     # 2022 + 3 years: still current on 2025-06-01
    late = statutory_findings(kluki, requirements, as_of=date(2026, 1, 15))
    update = [f for f in late if f.rule_id == "PE-19-2"]
    assert len(update) == 1 and "2022-12-31" in update[0].message


# ---------------------------------------------------------------- the command ---------------------------------

@pytest.mark.parametrize("prefix", ["003", "004"])
def test_check_exit_status_one_for_both_seeds(prefix):
    path = _seed(prefix)
    result = CliRunner().invoke(check, [str(path), "--as-of", "2025-06-01"])
    assert result.exit_code == 1, result.output
    assert "BŁĘDY" in result.output and "Traceback" not in result.output
