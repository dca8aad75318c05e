"""The generated Knyszyn document (survey-and-statistics method, content/knyszyn/): the same engine as Kluki gives
the plan's tables in the canonical chapters, numbered in order, with resolved references and sources.

Expected numbers are quoted from the Knyszyn plan (2015, ../shared/seeds/003_*.txt; table named) or are hand
arithmetic on the plan's inputs written out here – never values taken from running our code. Where the plan
contradicts its own inputs the document carries the consistent value (tests/test_knyszyn_discrepancies.py says why);
the tests below name the published value next to ours.
"""
from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest

from reportgen.document.model import Figure, Paragraph, Table

NBSP = "\u00a0"


def pl(text: str) -> float:
    """'7 179,639' / '−12,5' / '60,27 %' → float."""
    t = text.replace(NBSP, "").replace(" ", "").replace("%", "").replace("\u2212", "-").replace(",", ".")
    return float(t)


@pytest.fixture(scope="module")
def b(knyszyn_build):
    return knyszyn_build


@pytest.fixture(scope="module")
def d(b):
    return docx.Document(io.BytesIO(b.docx))


@pytest.fixture(scope="module")
def grid(b, d):
    """id → rows of cell texts as printed in the .docx (header row first)."""
    model = b.document.tables()
    offset = len(d.tables) - len(model)
    assert offset >= 0
    out = {}
    for t, dt_ in zip(model, d.tables[offset:]):
        out[t.id] = [[c.text.replace(NBSP, " ") for c in row.cells] for row in dt_.rows]
        assert out[t.id][0][0].replace(NBSP, " ") == t.columns[0].header        # docx table = model table
    return out


def row(grid, table_id: str, label: str) -> list[str]:
    rows = [r for r in grid[table_id] if r[0] == label or r[0].startswith(label)]
    assert rows, f"{table_id}: no row {label!r} in {[r[0] for r in grid[table_id]]}"
    return rows[0]


def col(grid, table_id: str, header_start: str) -> int:
    header = grid[table_id][0]
    for i, h in enumerate(header):
        if h.startswith(header_start):
            return i
    raise AssertionError(f"{table_id}: no column {header_start!r} in {header}")


def cell(grid, table_id: str, label: str, header_start: str) -> str:
    return row(grid, table_id, label)[col(grid, table_id, header_start)]


def body_text(b) -> str:
    """All paragraphs; the non-breaking spaces of Polish typesetting read as spaces."""
    return "\n".join(p.text for s in b.document.walk_sections() for p in s.blocks
                     if isinstance(p, Paragraph)).replace(NBSP, " ")


def close(value: float, expected: float, pct: float = 0.5) -> bool:
    return abs(value - expected) <= abs(expected) * pct / 100


# --- the document as a whole -------------------------------------------------------------------------------------

def test_method_results_and_no_indicator_results(b):
    r = b.context.results
    for name in ("population", "housing_forecast", "el_tariffs", "street_lighting", "municipal_energy", "fuel_balance",
                 "fuel_emissions", "residential_savings", "new_buildings", "biomass", "solar", "wind", "heat_costs",
                 "network", "neighbours"):
        assert name in r, name
        assert r[name].inputs, name                     # every result says where its numbers come from
    for name in ("heat", "carriers", "emissions", "electricity", "scenarios", "renewables"):
        assert name not in r                            # the indicator producers skip a survey-method folder
    assert "reportgen.methods.survey.calc.trend.fit_linear_trend" in r["population"].calculators


def test_canonical_chapters_present(b):
    titles = [s.title for s in b.document.sections]
    assert titles[:6] == ["Podstawy prawne, cel i zakres opracowania", "Metodologia i źródła danych",
                          "Charakterystyka Gminy Knyszyn", "Zaopatrzenie w ciepło – stan obecny",
                          "Zaopatrzenie w energię elektryczną – stan obecny", "Zaopatrzenie w paliwa gazowe – stan obecny"]
    for expected in ("Bilans paliw i energii oraz emisje do powietrza",
                     "Prognoza zapotrzebowania na ciepło, energię elektryczną i paliwa gazowe do 2030 r.",
                     "Przedsięwzięcia racjonalizujące użytkowanie ciepła, energii elektrycznej i paliw gazowych",
                     "Współpraca z innymi gminami", "Wnioski i zalecenia"):
        assert expected in titles
    sub = {s.title for s in b.document.walk_sections()}
    assert {"Oświetlenie uliczne", "Emisja zanieczyszczeń do powietrza", "Odpady paleniskowe", "Biomasa drzewna", "Słoma",
            "Energia słoneczna", "Budynki gminne"} <= sub
    # a section without data is absent: the Kluki-only sections (indicator method, scenarios) are not there
    assert not sub & {"Sektor mieszkaniowy", "Scenariusz zaniechania", "Struktura nośników energii",
                      "Wskaźniki energochłonności i wymagania techniczne"}


def test_every_requirement_of_2015_declared_by_a_present_section(b):
    declared = {rid for s in b.document.walk_sections() for rid in s.satisfies}
    # law of July 2015: art. 19 ust. 3 pkt 3a cites the act on energy efficiency of 15 April 2011
    assert {"PE-19-1", "PE-19-2", "PE-19-3-1", "PE-19-3-2", "PE-19-3-3", "PE-19-3-3a-2011", "PE-19-3-4", "PE-19-4",
            "PE-18", "PE-20"} <= declared
    annex = b.document.sections[-1].blocks[-1]
    # the annex names provisions and their wording (read by councillors), not rule ids
    wording = "\n".join(f"{r[0]}: {r[1]}" for r in annex.rows).replace("\u00a0", " ")
    assert "art. 19 ust. 3 pkt 3a: Projekt założeń określa możliwości stosowania środków poprawy efektywności " \
           "energetycznej w rozumieniu ustawy z dnia 15 kwietnia 2011 r." in wording
    assert "20 maja 2016" not in wording                  # neither the 2016 wording of pkt 3a nor its art. 6
    assert annex.source.endswith("w brzmieniu obowiązującym 01.07.2015 r.")


def test_numbering_consecutive_and_lists_match(b, d):
    tables, figures = b.document.tables(), b.document.figures()
    assert [t.number for t in tables] == list(range(1, len(tables) + 1))
    assert [f.number for f in figures] == list(range(1, len(figures) + 1))
    assert len(tables) >= 35 and len(figures) >= 6
    entries = [p.text for p in d.paragraphs if p.style.name == "table of figures"]
    assert entries == [f"Tabela {t.number}. {t.caption}" for t in tables] + [f"Rysunek {f.number}. {f.caption}" for f in figures]
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    instr = [e.text.strip() for e in d.element.body.iter(f"{W}instrText")]
    assert instr.count("SEQ Tabela \\* ARABIC") == len(tables)
    assert instr.count("SEQ Rysunek \\* ARABIC") == len(figures)


def test_references_point_to_existing_blocks(b):
    text = body_text(b)
    assert "{{" not in text and "{%" not in text and "None" not in text
    n_tables, n_figures = len(b.document.tables()), len(b.document.figures())
    numbers = {s.number for s in b.document.walk_sections()}
    for m in re.finditer(r"\btabel[aiąe]?\w* (\d+)(?: i (\d+))?", text):
        for g in m.groups():
            if g:
                assert 1 <= int(g) <= n_tables, m.group(0)
    for m in re.finditer(r"\brysun\w* (\d+)", text):
        assert 1 <= int(m.group(1)) <= n_figures, m.group(0)
    for m in re.finditer(r"\b(?:rozdział\w*|podrozdział\w*) (\d+(?:\.\d+)*)", text):
        assert m.group(1) in numbers, m.group(0)
    # a reference names the right block: the fuel balance paragraph points at the fuel energy table
    fuel = next(t for t in b.document.tables() if t.id == "t_fuel_energy")
    assert f"w jednostkach energii – tabela {fuel.number}" in text


def test_every_table_and_figure_has_a_source_from_the_data(b):
    for block in b.document.tables() + b.document.figures():
        assert block.source, block.id
        assert "Knyszyn 2015" not in block.source, block.id      # the document cites the data, not our seed
    sources = {t.id: t.source for t in b.document.tables()}
    assert sources["t_tariffs"] == "PGE Dystrybucja S.A. Oddział w Białymstoku (zużycie wg grup taryfowych 2012–2014)"
    assert "Wskazówki dla wojewódzkich inwentaryzacji emisji" in sources["t_emission_factors"]
    assert "Rozporządzenie Ministra Infrastruktury z dnia 6 listopada 2008 r." in sources["t_lighting_references"]


def test_generated_document_passes_its_own_check(b, tmp_path):
    from reportgen.check.readers import read_document
    from reportgen.rules.engine import check_document
    from reportgen.rules.requirements import load_requirements
    path = tmp_path / "knyszyn.docx"
    path.write_bytes(b.docx)
    findings = check_document(read_document(path), load_requirements(), as_of=dt.date(2015, 7, 1))
    errors = [f"{f.rule_id}: {f.message} [{f.location}]" for f in findings if f.severity == "error"]
    assert errors == []


# --- demography and housing (rozdz. 1.2–1.3 of the plan) ------------------------------------------------------------

def test_population_trend_equation_and_forecast(b, grid):
    text = body_text(b)
    # równanie (1): slope −20,844 persons a year (the plan prints „Y = -20,844 + 5307,5”, without x)
    assert "y = −20,844x + 5217,6" in text
    # Tabela 3: register 2014 = 4 846; forecast 2030 = 4 846 · T(2030)/T(2014), T = 5 217,6 − 20,8439·x:
    # 4 846 · 4 467,22 / 4 800,72 = 4 509,4 (the plan's Tabela 4 prints 4 414: a constant −0,58 %/rok it does not state)
    assert cell(grid, "t_locality_population", "Razem", "2014") == "4 846"
    assert cell(grid, "t_locality_population", "Razem", "2030") == "4 509"
    assert cell(grid, "t_locality_population", "Knyszyn", "2014") == "2 809"


def test_floor_area_and_buildings_reproduce_tabele_5_and_7(grid):
    tabela7 = {"2014": "142 980", "2018": "148 618", "2020": "151 437", "2025": "158 484", "2030": "165 532"}
    tabela5 = {"2015": "1 373", "2020": "1 405", "2025": "1 438", "2030": "1 470"}
    for year, value in tabela7.items():
        assert cell(grid, "t_housing_forecast", year, "Powierzchnia") == value, year
    for year, value in tabela5.items():
        assert cell(grid, "t_housing_forecast", year, "Liczba budynków") == value, year


# --- electricity (rozdz. 2) ------------------------------------------------------------------------------------------

def test_tariff_groups_reproduce_tabela_17(grid):
    assert row(grid, "t_tariffs", "Razem")[1:] == ["7 179,639", "6 578,863", "7 291,233"]
    assert row(grid, "t_tariffs", "G –")[1:] == ["3 913,541", "3 833,299", "3 812,062"]


def test_electricity_forecast_reproduces_tabele_15_18_19(grid):
    t = "t_el_tariff_forecast"
    assert close(pl(cell(grid, t, "2015", "Razem")), 7128.88) and close(pl(cell(grid, t, "2030", "Razem")), 7968.43)   # Tabela 18
    assert abs(pl(cell(grid, t, "2015", "Podmioty")) - 3376.66) <= 0.05                                              # Tabela 19
    assert abs(pl(cell(grid, t, "2030", "Podmioty")) - 4974.76) <= 0.05
    assert round(pl(cell(grid, t, "2030", "Gospodarstwa")) / 1000, 1) == 3.0                                          # Tabela 15


def test_households_per_locality_reproduce_tabela_9(grid):
    t = "t_locality_electricity"
    for name, value in {"Knyszyn": "2 209,67", "Guzy": "156,54", "Knyszyn-Zamek": "244,65", "Zofiówka": "189,58",
                        "Lewonie Kol.": "4,72", "Razem": "3 812,06"}.items():
        assert cell(grid, t, name, "2014 (dane)") == value, name


def test_survey_electricity_tabela_10(grid):
    assert cell(grid, "t_survey_electricity", "z gospodarstwem rolnym", "Zużycie na osobę") == "1 162,16"
    assert cell(grid, "t_survey_electricity", "bez gospodarstwa rolnego", "Zużycie na osobę") == "980,98"


def test_street_lighting(b, grid):
    # 400 × 70 W + 20 × 100 W + 30 × 150 W = 34,5 kW (the plan states 39,2 kW without a ballast factor); 188,35 MWh
    assert cell(grid, "t_lighting_luminaires", "Razem", "Moc łączna") == "34,5"
    assert cell(grid, "t_lighting_luminaires", "Razem", "Liczba") == "450"
    assert "W 2014 r. zużyło 188,35 MWh energii elektrycznej" in body_text(b)                      # Tabela 11
    # 34,5 kW × 4 087 h = 141 001,5 kWh; reduced power: 34,5 × (1 247 + 1 380 + 0,5 × 1 460) = 115 816,5 kWh
    assert cell(grid, "t_lighting_hours", "Pełna moc", "Razem") == "141,00"
    assert cell(grid, "t_lighting_hours", "Moc obniżona", "Razem") == "115,82"
    # rysunek 11 of the plan: 188 350 kWh / 15 km = 12 557 kWh/km
    assert row(grid, "t_lighting_per_km", "15") == ["15", "12 557"]
    # Tabela 12: 50 × 160 W = 8 000 W/km, LED 22 × 50 W = 1 100 W/km; sodium 22 × 70 W = 1 540 (the plan prints 1 550)
    assert cell(grid, "t_lighting_technologies", "Lampy LED", "Moc na 1 km") == "1 100"
    assert cell(grid, "t_lighting_technologies", "Wysokoprężne lampy sodowe", "Moc na 1 km") == "1 540"
    assert "art. 18 ust. 1 pkt 2–3" in body_text(b)


def test_municipal_buildings_tabele_13_14_21(grid):
    t = "t_municipal_electricity"
    assert row(grid, t, "Razem")[2:5] == ["539 316", "520 120", "561 623"]                       # Tabela 13, Razem
    assert cell(grid, t, "Zespół Szkół Ogólnokształcących", "2014 [kWh/m²]") == "53,77"
    assert cell(grid, t, "Przedszkole w Knyszynie", "2014 [kWh/m²]") == "153,85"
    assert cell(grid, "t_lighting_references", "Szkoły", "Zużycie referencyjne") == "40,0"      # 20 W/m² × 2 000 h
    h = "t_municipal_heat"
    assert cell(grid, h, "Urząd Miejski", "Energia") == "1 349,02"                                # Tabela 21
    assert cell(grid, h, "Samodzielny Publiczny", "Energia") == "3 924,18"
    assert cell(grid, h, "Razem", "Energia") == "9 975,03"                                        # Tabela 23, budynki gminne
    # rozdz. 3.6: Wodociągi 62,10 GJ × 25 % = 15,525 → 15,53 GJ/rok
    assert cell(grid, "t_municipal_thermo", "Wodociągi", "Oszczędność") == "15,53"


# --- fuel balance, emissions, ash (rozdz. 3.3, 4) -------------------------------------------------------------------------

def test_fuel_quantities_and_energy_tabele_22_23(grid):
    assert cell(grid, "t_fuel_quantities", "gaz propan-butan", "Mieszkalnictwo") == "6 049,27"
    assert cell(grid, "t_fuel_quantities", "olej opałowy", "Budynki gminne") == "34 952,00"
    e = "t_fuel_energy"
    for fuel, published in {"węgiel": 40993, "drewno": 108393, "pelety": 542.926, "miał węglowy": 381.556,
                            "olej opałowy": 2976.7, "gaz propan-butan": 3060.93}.items():
        assert abs(pl(cell(grid, e, fuel, "Mieszkalnictwo")) - published) <= 0.5, fuel
    assert abs(pl(cell(grid, e, "Razem", "Mieszkalnictwo")) - 156348) <= 1                          # Tabela 23
    assert abs(pl(cell(grid, e, "Razem", "Razem")) - 166323) <= 1


def test_renewable_share_tabela_25(grid):
    t = "t_renewable_share"
    assert abs(pl(cell(grid, t, "Energia elektryczna", "Zużycie")) - 26248) <= 0.5               # 7 291,23 MWh × 3,6
    assert cell(grid, t, "Energia elektryczna", "Energia ze źródeł") == "3 199,7"                 # × 12,19 %
    assert abs(pl(cell(grid, t, "Razem", "Zużycie")) - 192572) <= 1
    # every fuel in its own column: (3 199,68 + 108 393,48 + 542,925 + 3 924,18) / 192 571,96 = 60,27 %
    # (the plan's 62,75 % counts municipal coal as wood, Tabela 23's column shift)
    assert cell(grid, t, "Razem", "Udział OZE") == "60,27"


def test_emissions_tabele_33_35_with_biogenic_co2_as_memo(grid):
    t = "t_emissions_fuel"
    for col_start, published in (("SO₂", 31.429), ("NOₓ", 17.325), ("Pył TSP", 11.329), ("CO [", 488.376)):    # Tabela 35
        assert close(pl(cell(grid, t, "Razem", col_start)), published), col_start
    # CO₂ without biomass (Tabela 32, footnote *): coal (1 980,34 + 18,4327 + 230,85) t × 20,7 GJ/t × 92,71 kg/GJ,
    # oil (81 777,4 + 34 952) l × 0,0364 GJ/l × 73,33 kg/GJ, LPG 6 049,27 × 0,506 GJ × 64 kg/GJ
    co2 = (2229.6227 * 20.7 * 0.09271 + 116729.4 * 0.0364 * 0.07333 + 6049.27 * 0.506 * 0.064)
    assert abs(pl(cell(grid, t, "Razem", "CO₂")) - co2) <= 0.1
    assert close(co2, 17184.396 - 11948.87 - 436.24, 1.5)        # Tabela 35 less the biomass CO₂ of Tabele 33–34
    memo = row(grid, t, "Pozycja informacyjna")
    assert abs(pl(memo[-1]) - (108393.48 + 3924.18 + 542.925) * 0.10976) <= 0.1
    s = "t_emissions_sector"
    assert cell(grid, s, "Budynki gminne", "SO₂") == "3,245"                                      # Tabela 34, Suma SO₂


def test_ash_from_fuel_mass(grid):
    t = "t_ash"
    # Tabela 37: wood 13 896,6 m³ × 0,7 t/m³ × 1,5 % = 145,914 t; municipal 503,1 × 0,7 × 1,5 % = 5,28255 t
    assert cell(grid, t, "drewno", "Popiół – mieszkalnictwo") == "145,91"
    assert cell(grid, t, "drewno", "Popiół – budynki") == "5,28"
    # coal: 1 980,34 t × 20 % = 396,07 t (the plan prints 8 217,5 t: 20 % of the coal's ENERGY in GJ, not its mass)
    assert cell(grid, t, "węgiel", "Popiół – mieszkalnictwo") == "396,07"


# --- forecast from the survey (rozdz. 3.4–3.6) ------------------------------------------------------------------------------

def test_thermo_modernisation_tabele_27_29(grid):
    assert row(grid, "t_thermo_intentions", "Razem")[1:] == ["13 981,5", "5 344,0", "20 744,0", "4 331,2", "44 400,7"]
    t = "t_thermo_savings"
    assert cell(grid, t, "Powierzchnia budynków bez termomodernizacji w próbie", "Wartość") == "17 932,5"     # Tabela 29
    assert cell(grid, t, "Udział powierzchni bez termomodernizacji", "Wartość") == "40,39"
    assert cell(grid, t, "Powierzchnia budynków bez termomodernizacji w gminie", "Wartość") == "57 746,4"
    # the consistent area to modernise is Tabela 28's own „zrobię” rows: 25 523,4 + 10 383,6 + 5 661,1 = 41 568,1 m²
    assert cell(grid, t, "Powierzchnia budynków do termomodernizacji", "Wartość") == "41 568,1"
    # saving 41 568,1 × 1,245 × 25 % = 12 938,1 GJ/rok (the plan's 5 225,41 applies the sample share twice)
    assert cell(grid, t, "Zmniejszenie zużycia energii paliw", "Wartość") == "12 938,1"


def test_boiler_replacement_tabele_30_31(grid):
    assert row(grid, "t_boiler_intentions", "Razem")[1] == "265"                                  # Tabela 30
    t = "t_boiler_savings"
    assert cell(grid, t, "Udział powierzchni ogrzewanej starymi", "Wartość") == "66,48"           # Tabela 31
    assert cell(grid, t, "Powierzchnia budynków ze starymi kotłami", "Wartość") == "95 055"
    assert cell(grid, t, "Zużycie energii paliw w tych budynkach", "Wartość") == "118 343"
    assert cell(grid, t, "Udział deklarujących wymianę", "Wartość") == "25,59"
    assert cell(grid, t, "Liczba budynków", "Wartość") == "253"
    # 118 343 × 25,59 % × (1 − 0,75/0,9) = 5 047,4 (the plan subtracts efficiencies, 0,9 − 0,75, and gets 4 543)
    assert abs(pl(cell(grid, t, "Zmniejszenie zużycia energii paliw", "Wartość")) - 118343 * 0.2559 / 6) <= 1


def test_new_buildings_heat(grid):
    t = "t_new_buildings"
    # Tabela 7: 165 532 − 142 980 = 22 552 m²; × 432 MJ/m² = 9 742,5 GJ useful; / 0,9 = 10 825 GJ
    assert cell(grid, t, "Przyrost powierzchni", "Wartość") == "22 552"
    assert cell(grid, t, "Ciepło użytkowe [GJ", "Wartość") == "9 742,5"
    assert abs(pl(cell(grid, t, "Energia paliw [GJ", "Wartość")) - 22552 * 0.432 / 0.9) <= 0.5


# --- local resources (rozdz. 5) ---------------------------------------------------------------------------------------------------

def test_wood_resources_tabele_38_41(grid):
    t = "t_wood"
    assert close(pl(cell(grid, t, "Drewno z lasów", "Zasoby [m³")), 1540.71)                      # Tabela 38
    assert close(pl(cell(grid, t, "Drewno z lasów", "Zasoby [t")), 1494.49)
    assert close(pl(cell(grid, t, "Drewno odpadowe z przetwórstwa", "Zasoby [m³")), 3041.23)      # Tabela 39
    assert cell(grid, t, "Drewno odpadowe z sadów", "Zasoby [m³") == "2,45"                      # Tabela 40
    assert cell(grid, t, "Drewno z zadrzewień", "Zasoby [t") == "43,98"                          # Tabela 41: 43,983
    assert cell(grid, t, "Drewno z zadrzewień", "Zasoby [m³") == "146,61"


def test_straw_balance_is_never_negative_nor_above_production(grid):
    assert cell(grid, "t_straw_production", "Razem", "Produkcja") == "32,78"                      # Tabela 42
    assert row(grid, "t_livestock_straw", "Razem")[2:] == ["3 708,6", "5 129,8", "12 088,9"]     # Tabela 43
    t = "t_straw_balance"
    assert cell(grid, t, "Saldo substancji organicznej", "[t/rok]") == "12 050,03"               # Tabela 44
    assert cell(grid, t, "Słoma do przyorania", "[t/rok]") == "0,00"
    # 32,78 − (5 129,8 + 3 708,6) < 0 → no surplus (the plan prints 9 751,43 t, 297 times the straw produced)
    assert cell(grid, t, "Nadwyżka słomy", "[t/rok]") == "0,00"


def test_agricultural_resources_tabele_45_48_49(grid):
    t = "t_agri_energy"
    assert cell(grid, t, "Siano", "Potencjał") == "1 402,48"                                     # Tabela 45
    assert cell(grid, t, "Wieloletnie rośliny", "Potencjał") == "2 287,99"                       # Tabela 47, net of protected areas
    assert cell(grid, t, "Ziarno", "Potencjał") == "362,60"                                      # Tabela 48
    assert cell(grid, "t_biogas", "Potencjał biometanu", "Wartość") == "4 950"                   # Tabela 49
    # CHP: 4 950 m³ × 36 MJ/m³ = 178,2 GJ; × (0,35 + 0,55 × 0,4) = 101,57 GJ (the plan's Tabela 51: 35,64 GJ)
    assert cell(grid, "t_biogas", "Potencjał techniczny", "Wartość") == "101,6"


def test_biomass_energy_and_unavailable_sources_said_in_words(b, grid):
    t = "t_biomass_energy"
    labels = [r[0] for r in grid[t][1:]]
    assert "Słoma" not in labels                                  # no surplus: no row of zeros, said in the note
    # as-received heating value of forest wood: 18,72 × 0,5 − 2,442 × 0,5 = 8,139 MJ/kg
    assert cell(grid, t, "Drewno z lasów", "Wartość opałowa") == "8,14"
    text = body_text(b)
    assert "Biogaz z wysypiska odpadów: brak potencjału" in text
    assert "Rzepaku nie uprawia się" in text


def test_solar_wind_and_heat_cost(b, grid):
    # Tabela 52: 1 098,4 dwellings × 3 × 1,5 m² × 1 000 kWh/m² = 17 793,72 GJ incident; × 60 % = 10 676,2 GJ useful
    assert abs(pl(cell(grid, "t_solar", "Potencjał techniczny – ciepło użytkowe [GJ", "Wartość")) - 17793.72 * 0.6) <= 0.5
    text = body_text(b)
    assert "nie wlicza się do bilansu" in text                   # rozdz. 5.3: mean speed not above 4 m/s
    c = "t_heat_costs"
    assert cell(grid, c, "Olej opałowy", "Koszt 1 GJ") == "106,57"                               # Tabela 54
    assert cell(grid, c, "Drewno", "Koszt 1 GJ") == "33,65"
    # electricity: 135 GJ / 0,97 / 0,0036 GJ/kWh × 0,45 zł / 135 GJ = 128,87 zł/GJ (the plan prints 125,00, the price
    # of 1 GJ of electricity without the 97 % efficiency its own row applies)
    assert cell(grid, c, "Energia elektryczna", "Koszt 1 GJ") == "128,87"


def test_network_and_neighbours(grid, b):
    assert cell(grid, "t_network", "SN", "Długość") == "84,65"                                    # Tabela 53
    assert cell(grid, "t_network", "Razem", "Długość") == "228,09"
    assert [r[0] for r in grid["t_neighbours"][1:]] == ["Mońki", "Czarna Białostocka", "Krypno", "Dobrzyniewo Duże", "Jasionówka"]
    assert "69 stacji transformatorowych" in body_text(b)                     # 68 słupowych + 1 wnętrzowa


def test_figures_are_charts_with_data(b):
    figs = {f.id: f for f in b.document.figures()}
    assert {"f_population", "f_lighting_monthly", "f_fuel_structure", "f_emissions_fuel", "f_el_tariff_forecast",
            "f_biomass"} <= set(figs)
    assert all(isinstance(f, Figure) and f.image_png and f.image_png.startswith(b"\x89PNG") for f in figs.values())
    assert figs["f_lighting_monthly"].chart_spec.series[0][1][0] == 38.17                          # Tabela 11, styczeń


def test_kluki_tables_untouched_by_survey_blocks(kluki_build):
    ids = {t.id for t in kluki_build.document.tables()} | {f.id for f in kluki_build.document.figures()}
    assert not ids & {"t_fuel_energy", "t_tariffs", "t_wood", "f_population", "t_lighting_luminaires"}
    assert isinstance(next(t for t in kluki_build.document.tables() if t.id == "t_heat_balance"), Table)


def test_demand_forecast_to_the_horizon(knyszyn_build):
    # art. 19 ust. 3 pkt 1: the forecast chapter ends with the demand at the horizon, not only its pieces
    t = next(t for t in knyszyn_build.document.tables() if t.id == "t_demand_forecast")
    rows = {r[0]: r for r in t.rows}
    hh = rows["Mieszkalnictwo"]
    assert hh[1] == pytest.approx(156348, abs=1)          # Tabela 23 of the plan, households (it truncates 156 348,6)
    # by hand from the savings established above (12 938,1; 5 047,3 on the whole base; 10 824,96 new buildings):
    # the boiler saving counts on what insulation leaves: 5 047,3 × (156 348,6 − 12 938,1) / 156 348,6 = 4 629,7
    assert hh[3] == pytest.approx(-4629.7, abs=1)
    assert hh[-2] == pytest.approx(156348.6 - 12938.1 - 4629.7 + 10824.96, abs=1.5)        # 149 605,8
    assert rows["Razem"][-2] == pytest.approx(149605.8 + 9975.03 - 996.57, abs=1.5)        # + Tabela 26 municipal
    assert t.columns[-2].header == "2030 [GJ/rok]"
    text = " ".join(b.text for s in knyszyn_build.document.walk_sections() if s.id == "s_fc_summary"
                    for b in s.blocks if hasattr(b, "text"))
    assert "gaz płynny" in text and "nie przewiduje się zapotrzebowania na gaz ziemny" in text


def test_title_page_names_the_adopting_resolution(knyszyn_build):
    # gmina.yaml: uchwała nr X/73/15 Rady Miejskiej w Knyszynie z 29 września 2015 r. (the seed's title page)
    from io import BytesIO

    import docx
    head = "\n".join(p.text for p in docx.Document(BytesIO(knyszyn_build.docx)).paragraphs[:12])
    assert "Załącznik do uchwały Nr X/73/15" in head
    assert "z dnia 29 września 2015 r." in head
