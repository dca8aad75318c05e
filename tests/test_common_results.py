"""One vocabulary of results across the two methods: street lighting and the municipal buildings have one result
name and one type in both (reportgen/common_results.py); each method fills what its data has. Totals and changes
the tables show are fields of the results (blocks only lay them out). Expected values: content/kluki (Kluki 2022)
and content/knyszyn (Knyszyn 2015, rozdz. 2.2.1), counted and calculated by hand or following from the formulas."""
from __future__ import annotations

import pytest

from reportgen.common_results import MunicipalEnergy, StreetLighting


@pytest.fixture(scope="module")
def kluki(kluki_build):
    return kluki_build.context.results


@pytest.fixture(scope="module")
def knyszyn(knyszyn_build):
    return knyszyn_build.context.results


def test_one_name_per_result_in_both_methods(kluki, knyszyn):
    for results in (kluki, knyszyn):
        assert isinstance(results["street_lighting"].value, StreetLighting)
        assert isinstance(results["municipal_energy"].value, MunicipalEnergy)
        assert not {"lighting", "public_buildings"} & set(results)


def test_street_lighting_by_kind(kluki):
    sl = kluki["street_lighting"].value
    # 365 sodium > 70 W + 220 sodium ≤ 70 W + 35 mercury + 370 LED = 990 luminaires; 335 690 kWh in 2021
    assert (sl.count, sl.led_count, sl.mercury_count, sl.other_than_led) == (990, 370, 35, 620)
    assert sl.energy_per_luminaire_kwh == pytest.approx(335690 / 990)          # 339,08 kWh
    assert [g.share_pct for g in sl.luminaires] == pytest.approx([36.87, 22.22, 3.54, 37.37], abs=0.005)
    assert sl.operation is None


def test_street_lighting_by_power_with_operation(knyszyn):
    sl = knyszyn["street_lighting"].value
    # 400 × 70 W + 20 × 100 W + 30 × 150 W: 450 luminaires, 28 + 2 + 4,5 = 34,5 kW
    assert sl.count == 450 and sl.led_count is None
    assert [g.power_kw for g in sl.luminaires] == pytest.approx([28.0, 2.0, 4.5])
    op = sl.operation
    assert op.luminaires_kw == pytest.approx(34.5)
    # halving the power in the 1 460 reduced night hours saves 34,5 kW · 0,5 · 1 460 h = 25 185 kWh
    assert op.reduction_mwh == pytest.approx(25.185)
    # 188,35 MWh / 34,5 kW = 5 459 h > 1,05 · 4 087 h: the luminaire data are incomplete
    assert op.hours_exceed_burn_time is True


def test_municipal_buildings_reported_per_building(kluki):
    m = kluki["municipal_energy"].value
    # public_buildings.yaml: 14 buildings, all new or completely thermo-modernised; 6 heated with oil (one of
    # them with a heat pump), 8 with coal; PV on the Urząd Gminy and the Zespół Szkół
    assert len(m.buildings) == 14 and m.year == 2021
    assert (m.modernised, m.oil_heated, m.coal_heated, m.fossil_without_heat_pump, m.pv_buildings) == (14, 6, 8, 13, 2)
    assert m.heat_pump_buildings == ("Zespół Szkół w Klukach",)
    assert m.consumption is None


def test_municipal_buildings_with_consumption(knyszyn):
    m = knyszyn["municipal_energy"].value
    assert m.consumption is not None and m.consumption.season
    assert m.modernised is None and m.heat_pump_buildings is None   # not reported per building: no sentence uses them


# --- totals and changes in the results ---------------------------------------------------------------------------

def test_period_shares_sum_as_published(kluki):
    # heat.yaml, Tabela 6: 15,9 + 18,1 + 9,7 + 1,5 + 39,4 + 15,5 = 100,1 %; Tabela 7: 10,3 + 12,7 + 11,3 + 7,3 + 27,9
    # + 30,6 = 100,1 % (rounded shares; the table prints the sum as it is)
    sectors = kluki["heat"].value.sectors
    assert sectors["housing"].area_share_total_pct == pytest.approx(100.1)
    assert sectors["business"].area_share_total_pct == pytest.approx(100.1)
    assert sectors["municipal"].area_share_total_pct is None          # measured sector: no periods


def test_boiler_mix_totals(kluki):
    # carriers.yaml: coal 50 + 15 + 5 + 5 + 5 + 10 + 10 = 100 in housing and business, 100 in municipal buildings;
    # biomass 5 + 95 = 100 (municipal buildings burn no biomass)
    assert kluki["emissions"].value.boiler_mix_total_pct == {
        "coal": {"housing": 100, "municipal": 100, "business": 100}, "biomass": {"housing": 100, "business": 100}}


def test_scenario_totals_and_changes(kluki):
    s = kluki["scenarios"].value
    # base year floor area: 150 351,5 + 18 940 + 10 027 = 179 318,5 m²
    assert s.area_total_m2[2021] == pytest.approx(179318.5)
    for outcome in s.scenarios.values():
        for y in s.years:
            year = outcome.years[y]
            # power = final energy / (τ · 3,6): its change equals the change of final energy
            assert year.power_change_pct == pytest.approx(year.final_change_pct)
            housing = year.sector_change_pct["housing"]
            base = kluki["heat"].value.sectors["housing"]
            assert housing["final_gj"] == pytest.approx(100 * year.sectors["housing"].final_gj / base.final_gj - 100)
            assert housing["power_mw"] == pytest.approx(housing["final_gj"])
            assert year.sector_change_pct["municipal"]["indicator_kwh_m2a"] is None   # measured: no EK indicator
            assert year.carriers_total_gj == pytest.approx(year.final_gj)              # carriers split all final energy


def test_ash_totals_add_up(knyszyn):
    e = knyszyn["fuel_emissions"].value
    # Tabela 37 (recomputed from mass, see test_knyszyn_discrepancies): wood of the municipal buildings 5,28255 t
    assert e.ash_by_sector_t["municipal"] >= 5.28255
    assert sum(e.ash_by_sector_t.values()) == pytest.approx(e.ash_total_t)
    assert e.ash_mass_total_t == pytest.approx(sum(a["mass_t"] for a in e.ash))
    assert e.ash_total_t < e.ash_mass_total_t                                   # ash never exceeds the fuel


def test_survey_intention_totals(knyszyn):
    s = knyszyn["residential_savings"].value
    # Tabela 27 by hand: do 1980 7 926 + 2 937 + 746 + 976 = 12 585; 1981–1990 6 739,7; 1991–2000 5 697;
    # 2001–2010 12 549; po 2010 6 830 → 44 400,7 m²; answers "will": 7 926 + 3 224,5 + 1 758 + 768 + 305 = 13 981,5
    assert s.intention_period_m2["1981-1990"] == pytest.approx(6739.7)
    assert s.intention_total_m2 == pytest.approx(44400.7)
    assert s.intention_answer_m2["will"] == pytest.approx(13981.5)
    t = s.boiler_intention_totals
    # Tabela 30 by hand: boilers 66 + 69 + 49 + 58 + 23 = 265 heating 7 915 + 9 054,5 + 7 153 + 8 692 + 3 470
    # = 36 284,5 m²; "will" 19 + 12 + 18 + 10 + 4 = 63, "done" 9 + 15 + 11 + 19 + 14 = 68
    assert t["count"] == pytest.approx(265) and t["area_m2"] == pytest.approx(36284.5)
    assert t["will"] == pytest.approx(63) and t["done"] == pytest.approx(68)
