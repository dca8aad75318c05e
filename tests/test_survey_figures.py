"""The survey method's figures of Knyszyn 2015 (rysunki 8, 9, 11, 16, 17; tabela 6) in the document model.
Expected numbers are the seed plan's tables or hand calculations (comments), not our own output."""
from __future__ import annotations

import math

import pytest
from helpers import edit

from reportgen.document.model import Figure, Table


def _blocks(document):
    def walk(sections):
        for s in sections:
            yield from s.blocks
            yield from walk(s.children)
    return {b.id: b for b in walk(document.sections) if isinstance(b, (Figure, Table))}


@pytest.fixture(scope="module")
def knyszyn_blocks(knyszyn_build):
    return _blocks(knyszyn_build.document)


def test_floor_area_history_table_is_tabela_6(knyszyn_blocks):
    t = knyszyn_blocks["t_floor_history"]
    by_year = {}
    for row in t.rows:
        for year, area in ((row[0], row[1]), (row[2], row[3])):
            if year:
                by_year[int(year)] = area
    # Tabela 6 (BDL): 1995 → 106 395 m², 2002 → 115 688 m², 2010 → 137 446 m², 2013 → 141 717 m²
    assert len(by_year) == 19
    assert (by_year[1995], by_year[2002], by_year[2010], by_year[2013]) == (106395, 115688, 137446, 141717)


def test_floor_area_trend_shows_history_and_the_tabela_7_forecast(knyszyn_blocks):
    spec = knyszyn_blocks["f_floor_trend"].chart_spec
    years = [int(c) for c in spec.categories]
    (hist_label, hist), (trend_label, trend) = spec.series
    assert years[0] == 1995 and years[-1] == 2030 and spec.base_year == 2013
    assert hist[years.index(2013)] == 141717 and math.isnan(hist[years.index(2020)])
    # Tabela 7: 2014 → 142 980 m², 2030 → 165 532 m² (slope 1 409,5 m²/rok over 2010–2013, x = rok − 2009)
    assert trend[years.index(2014)] == pytest.approx(142979.5, abs=0.5)
    assert trend[years.index(2030)] == pytest.approx(165532, abs=1)
    assert math.isnan(trend[years.index(2009)])          # the line starts with its fitting window
    assert "1409,5x" in trend_label and "x = rok − 2009" in trend_label


def test_buildings_trend_is_tabela_5(knyszyn_blocks):
    spec = knyszyn_blocks["f_buildings_trend"].chart_spec
    values = dict(zip((int(c) for c in spec.categories), spec.series[0][1]))
    # Tabela 5: 1 366 in 2014, 1 470 in 2030 (1 366 + 6,5 · 16 = 1 470)
    assert values[2014] == 1366 and values[2030] == pytest.approx(1470)
    assert "6,5x" in spec.series[0][0]


def test_lighting_per_km_figure(knyszyn_blocks):
    spec = knyszyn_blocks["f_lighting_per_km"].chart_spec
    values = dict(zip(spec.categories, spec.series[0][1]))
    # Tabela 11: 188,35 MWh/rok; 188 350 kWh / 15 km = 12 556,7 kWh/km; / 60 km = 3 139,2 kWh/km
    assert values["15 km"] == pytest.approx(12556.7, abs=0.1)
    assert values["60 km"] == pytest.approx(3139.2, abs=0.1)


def test_boiler_age_pies_are_tabela_30(knyszyn_blocks):
    spec = knyszyn_blocks["f_boiler_age"].chart_spec
    assert spec.kind == "pies"
    assert spec.categories == ["do 1980", "1981–1990", "1991–2000", "2001–2010", "po 2010"]
    (_, count), (_, area) = spec.series
    assert count == pytest.approx([66, 69, 49, 58, 23])                 # Tabela 30, liczba źródeł [szt.]
    assert area == pytest.approx([7915, 9054.5, 7153, 8692, 3470])      # Tabela 30, powierzchnia ogrzewana [m²]


def test_building_age_pie_is_tabela_27(knyszyn_blocks):
    spec = knyszyn_blocks["f_building_age"].chart_spec
    assert spec.kind == "pie"
    assert spec.series[0][1] == pytest.approx([12585, 6739.7, 5697, 12549, 6830])   # Tabela 27, powierzchnia łącznie


# Rysunki 10 and 18 of Knyszyn 2015 are pictures in the seed: their data is not printed anywhere, so content/knyszyn
# has no such data and the document has no such figures. A survey that gives them gets them (hand-made data).
SIZE_AND_PERIOD = """
  by_household_size:
    - {size: "1", households: 10, persons: 10, energy_kwh: 18000}
    - {size: "2", households: 20, persons: 40, energy_kwh: 56000}
    - {size: "3–4", households: 30, persons: 105, energy_kwh: 94500}
    - {size: "5 i więcej", households: 8, persons: 46, energy_kwh: 27600}
fuel_energy_by_period:
  "do 1980": {area_m2: 10000, fuel_energy_gj: 16000}
  "1981-1990": {area_m2: 5000, fuel_energy_gj: 6250}
  "po 2010": {area_m2: 4000, fuel_energy_gj: 2400}
"""


def test_household_size_and_building_period_figures_absent_without_data(knyszyn_blocks):
    assert "f_el_household_size" not in knyszyn_blocks and "f_fuel_energy_period" not in knyszyn_blocks


def test_household_size_and_building_period_figures_from_survey_data(knyszyn_copy):
    from reportgen.build import compose_document
    anchor = "    - {type: bez gospodarstwa rolnego, energy_kwh: 631750.40, persons: 644, farm_area_ha: null}\n"
    edit(knyszyn_copy / "household_survey.yaml", anchor, anchor + SIZE_AND_PERIOD.lstrip("\n"))
    document, _ = compose_document(knyszyn_copy)
    blocks = _blocks(document)
    sizes = blocks["f_el_household_size"].chart_spec
    # 18 000/10 = 1 800; 56 000/40 = 1 400; 94 500/105 = 900; 27 600/46 = 600 kWh per person
    assert sizes.categories == ["1", "2", "3–4", "5 i więcej"]
    assert sizes.series[0][1] == pytest.approx([1800, 1400, 900, 600])
    periods = blocks["f_fuel_energy_period"].chart_spec
    # 16 000/10 000 = 1,60; 6 250/5 000 = 1,25; 2 400/4 000 = 0,60 GJ/m²
    assert periods.categories == ["do 1980", "1981–1990", "po 2010"]
    assert periods.series[0][1] == pytest.approx([1.60, 1.25, 0.60])
    text = " ".join(p.text for s in document.walk_sections() for p in s.blocks if hasattr(p, "text"))
    text = text.replace("\xa0", " ").replace("\u202f", " ")      # typeset spaces
    assert "od 1 800 do 600 kWh na osobę rocznie" in text and "od 0,60 do 1,60 GJ/(m²·rok)" in text
