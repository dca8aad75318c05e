"""Electricity demand forecast and street lighting indicators.

Source: projekt założeń dla Gminy Kluki (2022), rozdz. 4.2 and 11.4 (Tabela 16).
"""
from __future__ import annotations


def growth_factor(base_year: int, year: int, steps: list[tuple[int, float]]) -> float:
    """Cumulative growth factor from base_year to year, compounding each year's rate:
    F = Π (1 + r_y/100) over y = base_year+1 … year, r_y = rate of the first step whose `until` ≥ y.
    Years after the last step keep the last rate. steps: [(until_year, rate_pct_per_year), …] ascending.
    Source of the rates: Kluki 2022, rozdz. 11.4 (0,6 %/a in the first years, 0,3 %/a later)."""
    factor = 1.0
    for y in range(base_year + 1, year + 1):
        rate = next((r for until, r in steps if y <= until), steps[-1][1] if steps else 0.0)
        factor *= 1 + rate / 100.0
    return factor


def forecast_mwh(base_mwh: float, base_year: int, year: int, steps: list[tuple[int, float]], grows: bool = True) -> float:
    """Consumption in `year` [MWh/a] = base · F (see growth_factor); groups that do not grow stay at base
    (Kluki 2022 Tabela 16 keeps MV/HV consumers at 4 421 MWh)."""
    return base_mwh * growth_factor(base_year, year, steps) if grows else base_mwh


def lighting_hours(energy_kwh: float, installed_kw: float) -> float:
    """Equivalent burn hours t = E / P [h/a]."""
    return energy_kwh / installed_kw if installed_kw else 0.0


def luminaires_of_kind(groups: list[tuple[str, int]], marker: str) -> int:
    """Luminaires whose kind, as the gmina names it, contains `marker` ("LED", "rtęci"): n = Σ n_i over those groups."""
    return sum(count for kind, count in groups if marker in kind)
