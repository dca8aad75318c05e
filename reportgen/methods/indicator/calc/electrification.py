"""Electricity demand coupled to the heat scenarios (heat pumps), prosumer PV, electric vehicles, the network load
they add, the renewable share of heat pumps under RED, and the pace of boiler replacement a scenario implies."""
from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from reportgen.quantities import GJ_PER_MWH


def heat_pump_electricity_mwh(heat_gj: float, scop: float) -> float:
    """E_el = Q / SCOP [MWh/a]: Q heat delivered by heat pumps [GJ/a] (the scenario's heat_pump carrier),
    SCOP seasonal coefficient of performance [–]; 1 MWh = 3,6 GJ. Source: PN-EN 14825 (definition of SCOP)."""
    return heat_gj / scop / GJ_PER_MWH


def heat_pump_renewable_gj(heat_gj: float, spf: float, min_spf: float) -> float:
    """E_RES = Q_usable · (1 − 1/SPF) [GJ/a] – only the ambient energy is renewable; 0 when SPF ≤ SPF_min
    (SPF_min = 1,15/η = 2,5 for η = 45,5 %). Source: dyrektywa 2009/28/WE zał. VII, (UE) 2018/2001 zał. VII;
    decyzja Komisji 2013/114/EU."""
    if spf <= min_spf:
        return 0.0
    return heat_gj * (1.0 - 1.0 / spf)


def ev_electricity_mwh(count: int, km_per_year: float, kwh_per_km: float) -> float:
    """E_EV = N · L · e / 1000 [MWh/a]: N electric cars, L annual distance [km/a], e consumption [kWh/km]."""
    return count * km_per_year * kwh_per_km / 1000.0


def pv_production_mwh(power_kw: float, yield_kwh_per_kw: float) -> float:
    """E_PV = P · y / 1000 [MWh/a]: P installed power [kW], y specific annual yield [kWh/kW]."""
    return power_kw * yield_kwh_per_kw / 1000.0


def peak_power_kw(energy_mwh: float, full_load_hours: float) -> float:
    """P = E · 1000 / h [kW]: E annual energy [MWh/a], h equivalent full-load hours of the peak [h/a]
    (the same conversion as the plan's heat power: Kluki 2022, Tabela 14)."""
    return energy_mwh * 1000.0 / full_load_hours


def device_energy_gj(fuel_gj: float, boiler_mix_pct: dict[str, float], devices: Collection[str]) -> float:
    """E_D = Q_fuel · Σ_{d ∈ D} u_d / Σ_d u_d [GJ/a]: the part of a solid fuel's final energy Q_fuel burnt in the
    devices D (boiler mix u_d, % of the fuel's energy). A fuel without a mix has no devices to count."""
    total = sum(boiler_mix_pct.values())
    if total <= 0:
        return 0.0
    return fuel_gj * sum(u for d, u in boiler_mix_pct.items() if d in devices) / total


def old_device_energy_gj(fuel_gj: float, boiler_mix_pct: dict[str, float], compliant: Collection[str]) -> float:
    """E_old = Q_fuel · Σ_{d ∉ compliant} u_d / Σ_d u_d [GJ/a]: the part of a solid fuel's final energy Q_fuel burnt
    in old devices (boiler mix u_d, % of the fuel's energy; compliant devices – Ecodesign, PN-EN 303-5:2012 class 5 –
    may run to the end of their life). A fuel without a mix has no old devices to count."""
    return device_energy_gj(fuel_gj, boiler_mix_pct, [d for d in boiler_mix_pct if d not in compliant])


def replacement_pct_per_year(base_share_pct: float, year_share_pct: float, years: int) -> float:
    """r = (1 − s_year / s_base) · 100 / (year − base year) [% of the base-year stock per year]: the average yearly
    replacement of old solid-fuel devices a scenario implies, s = share of heating final energy supplied by old
    devices (shares, not energies, so that thermo-modernisation – less energy per device – is not counted as
    replacement). Negative when the share grows; 0 when the base year has no old devices."""
    if base_share_pct <= 0:
        return 0.0
    return (1.0 - year_share_pct / base_share_pct) * 100.0 / years


def share_built_before(periods: Iterable[tuple[str, float]], year: int) -> float | None:
    """S = Σ a_p over the construction periods p that end before `year` [% of floor area]: a_p the period's share
    of floor area, its end the last year in its label ("do 1966" → 1966, "1967–1985" → 1985). None when a period
    straddles the year (its area cannot be split) or a label names no year."""
    total = 0.0
    for label, share in periods:
        years = [int(y) for y in re.findall(r"\d{4}", label)]
        if not years:
            return None
        if years[-1] < year:
            total += share
        elif years[0] < year and len(years) > 1:
            return None
    return total
