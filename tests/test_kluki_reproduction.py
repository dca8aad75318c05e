"""The Kluki plan's published values that follow from its published inputs (within 0,5 % or its rounding).

Expected numbers are copied from ../shared/seeds/004_8ca5df2db66b4da5.txt (projekt założeń dla Gminy Kluki, 2022).
"""
from __future__ import annotations

import pytest


def close(actual, expected, pct=0.5):
    return abs(actual - expected) <= abs(expected) * pct / 100


@pytest.fixture(scope="module")
def r(kluki_build):
    return {k: v.value for k, v in kluki_build.context.results.items()}


def test_housing_heat(r):
    h = r["heat"].sectors["housing"]
    assert close(h.indicator_kwh_m2a, 125.05, 0.1)          # rozdz. 7.2
    assert close(h.space_useful_gj, 67687)                  # rozdz. 7.2
    assert close(h.dhw_useful_gj, 13038)                    # rozdz. 7.2
    assert close(h.final_gj, 107596)                        # rozdz. 7.2, Tabela 10


def test_business_heat(r):
    b = r["heat"].sectors["business"]
    assert close(b.indicator_kwh_m2a, 121.86)               # rozdz. 7.4
    assert close(b.space_useful_gj, 8309)
    assert close(b.dhw_useful_gj, 704)
    assert close(b.final_gj, 12197)


def test_municipal_and_total(r):
    assert r["heat"].sectors["municipal"].final_gj == 2757   # rozdz. 7.3 (ankietyzacja)
    assert close(r["heat"].total_final_gj, 122550)           # Tabela 8 / Tabela 10 „łącznie”


def test_power_demand(r):
    p = r["heat"].power_mw                                    # Tabela 14, rok bazowy
    assert abs(p["housing"] - 15.06) <= 0.02
    assert abs(p["business"] - 1.71) <= 0.01
    assert abs(p["municipal"] - 0.39) <= 0.01


@pytest.mark.parametrize("sector,carrier,gj", [
    ("housing", "coal", 84273), ("housing", "biomass", 9357), ("housing", "lpg", 6576), ("housing", "oil", 3863),
    ("housing", "electricity", 1527), ("housing", "heat_pump", 1613), ("municipal", "oil", 1473),
    ("municipal", "heat_pump", 1053), ("business", "coal", 5985), ("business", "electricity", 3769),
])
def test_carrier_energy(r, sector, carrier, gj):
    assert close(r["carriers"][sector][carrier], gj)            # Tabela 10


def test_carrier_totals(r):
    total = lambda c: sum(s.get(c, 0) for s in r["carriers"].values())   # noqa: E731
    assert close(total("coal"), 90489)                            # Tabela 10 „Łącznie”
    assert close(total("biomass"), 9922)
    assert close(total("oil"), 6669)


def test_electricity_base_and_2025(r):
    e = r["electricity"]
    assert e.total[2021] == 9172                               # Tabela 16
    assert close(e.total[2025], 9258)                          # Tabela 16 (see discrepancies for 2037)


def test_renewables(r):
    assert close(r["renewables"].solar_thermal.gj, 4225.2)  # rozdz. 5.3
    assert close(r["renewables"].photovoltaics.mwh, 1196.25)
    assert close(r["renewables"].heat_pumps.gj, 6455.8)     # rozdz. 5.4
