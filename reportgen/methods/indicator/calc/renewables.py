"""Technical potential of small renewable installations at households.

Source: projekt założeń dla Gminy Kluki (2022), rozdz. 5.3 (solar) and 5.4 (heat pumps).
"""
from __future__ import annotations


def solar_thermal_kwh(buildings: int, collectors_per_building: float, collector_area_m2: float,
                      insolation_kwh_m2a: float, efficiency: float) -> float:
    """Heat from solar collectors Q = N · n · A · H · η [kWh/a]: N buildings, n collectors per building,
    A absorber area per collector [m²], H annual insolation [kWh/(m²·a)], η overall efficiency.
    Kluki 2022: 638 · 2 · 1,8 m² · 1 022 kWh/m² · 0,5 = 1 173 643 kWh/a ≈ 4 225 GJ/a (published 4 225,2)."""
    return buildings * collectors_per_building * collector_area_m2 * insolation_kwh_m2a * efficiency


def photovoltaic_mwh(households: int, area_m2_per_household: float, yield_kwh_m2a: float) -> float:
    """Electricity from roof PV E = N · A · y / 1000 [MWh/a], y specific yield [kWh/(m²·a)].
    Kluki 2022: 398 · 20 m² → 1 196,25 MWh/a."""
    return households * area_m2_per_household * yield_kwh_m2a / 1000.0


def heat_pump_gj(households: int, coverage: float, sector_final_gj: float, dwellings: int) -> float:
    """Heat from heat pumps Q = N · c · (Q_sector / D) [GJ/a]: N households able to install a pump, c share of
    a household's heat need covered, Q_sector/D mean final heat per dwelling. Kluki 2022: 159 · 0,6 · 107 596/1 595
    = 6 436 GJ/a (published 6 455,8, which implies 1 590 dwellings)."""
    return households * coverage * sector_final_gj / dwellings
