"""Electricity from surveys and the distributor's tariff-group data; split to localities; forecast.

Source: Knyszyn 2015, rozdz. 2.1 (Tabele 9–10), 2.3 (Tabele 15–19); PGE Dystrybucja Oddział Białystok
(zużycie wg grup taryfowych B, C, G 2012–2014).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


def per_capita_kwh(total_kwh: float, persons: float) -> float:
    """e = E / N [kWh/(osoba·rok)]. Tabela 10: 625 241,74 kWh / 538 osób = 1 162,16; 631 750,40 / 644 = 980,98.
    PGE tariff G 2014: 3 812 062 kWh / 4 846 osób = 786,64 kWh/osobę (the text prints 876,64)."""
    if persons <= 0:
        raise ValueError("number of persons must be positive")
    return total_kwh / persons


def survey_estimate_mwh(per_capita_kwh: float, population: float) -> float:
    """E = e · N / 1000 [MWh/rok]. Rozdz. 2.1: 1 054,27 kWh/osobę × 4 846 osób ≈ 5,11 GWh (printed 5,12)."""
    return per_capita_kwh * population / 1000.0


def distribute_by_population(total_mwh: float, population_by_locality: Mapping[str, float]) -> dict[str, float]:
    """E_i = E · P_i / Σ P [MWh/rok]. Tabela 9: 3 812,06 MWh (taryfa G 2014) split by the 2014 register."""
    total_population = sum(population_by_locality.values())
    if total_population <= 0:
        raise ValueError("total population must be positive")
    return {name: total_mwh * p / total_population for name, p in population_by_locality.items()}


def locality_forecast_mwh(population_by_locality_by_year: Mapping[str, Mapping[int, float]],
                          total_mwh_by_year: Mapping[int, float]) -> dict[str, dict[int, float]]:
    """E_i(rok) = E_G(rok) · P_i(rok) / Σ_j P_j(rok) [MWh/rok], the same year on both sides.

    E_G is the household (tariff G) consumption: measured up to the base year, the linear trend after it.
    The localities sum to E_G(rok) in every year; the base year equals Tabela 9. (Tabela 16 of the plan
    divides E_G of year rok−2 by the equation-(1) population; see test_knyszyn_discrepancies.py.)"""
    out: dict[str, dict[int, float]] = {name: {} for name in population_by_locality_by_year}
    for year, total in total_mwh_by_year.items():
        pops = {name: series[year] for name, series in population_by_locality_by_year.items()}
        for name, value in distribute_by_population(total, pops).items():
            out[name][year] = value
    return out


@dataclass(frozen=True)
class TariffTotals:
    """Consumption by year: total and business (B + C) [MWh/rok]."""
    total_mwh: dict[int, float]
    business_mwh: dict[int, float]
    households_mwh: dict[int, float]


def tariff_totals(kwh_by_year_and_group: Mapping[int, Mapping[str, float]],
                  business_groups: tuple[str, ...] = ("B", "C"), household_groups: tuple[str, ...] = ("G",)) -> TariffTotals:
    """Σ over groups / 1000 [MWh/rok]. Tabela 17: 7 179 639 / 6 578 863 / 7 291 233 kWh (2012–2014);
    Tabela 19 (B + C): 3 266,098 / 2 745,564 / 3 479,171 MWh."""
    total = {y: sum(g.values()) / 1000.0 for y, g in kwh_by_year_and_group.items()}
    business = {y: sum(v for k, v in g.items() if k in business_groups) / 1000.0 for y, g in kwh_by_year_and_group.items()}
    homes = {y: sum(v for k, v in g.items() if k in household_groups) / 1000.0 for y, g in kwh_by_year_and_group.items()}
    return TariffTotals(total_mwh=total, business_mwh=business, households_mwh=homes)
