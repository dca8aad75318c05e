"""Totals and changes the tables show are fields of the results (blocks only lay them out). Expected values are
hand sums of content/kluki (Kluki 2022) and content/knyszyn (Knyszyn 2015) or follow from the formulas."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def kluki(kluki_build):
    return kluki_build.context.results


@pytest.fixture(scope="module")
def knyszyn(knyszyn_build):
    return knyszyn_build.context.results


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
    assert s.intention_total_m2 == pytest.approx(sum(s.intention_period_m2.values()))
    assert s.intention_total_m2 == pytest.approx(sum(s.intention_answer_m2.values()))
    t = s.boiler_intention_totals
    assert t["count"] == pytest.approx(s.boiler_age.total_count) and t["area_m2"] == pytest.approx(s.boiler_age.total_area)
    assert t["will"] + t["done"] <= t["count"]
