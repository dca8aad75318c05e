"""One vocabulary of results across the two methods: street lighting and the municipal buildings have one result
name and one type in both (reportgen/common_results.py); each method fills what its data has. Expected values:
content/kluki (Kluki 2022) and content/knyszyn (Knyszyn 2015, rozdz. 2.2.1), counted and calculated by hand."""
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
