"""Street lighting: installed power, annual use, use per km of lit road, burn hours in tariff zones.

Source: Knyszyn 2015, rozdz. 2.2.1 (Tabela 11, Rysunek 11, Tabela 12): 450 luminaires (400 × 70 W,
20 × 100 W, 30 × 150 W); 188,35 MWh in 2014; burn time T_R = 4 087 h/rok (on 15 min after sunset, off
15 min before sunrise), tariff C21B: day zone T_RD = 1 247 h, night zone T_RN = 2 840 h; with periodically
reduced power the night zone splits into T_RPN = 1 380 h at full power and T_RON = 1 460 h reduced.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reportgen.quantities import KWH_PER_MWH


def installed_power_kw(luminaires_by_power_w: Mapping[float, int], ballast_factor: float = 1.0) -> float:
    """P = Σ n_i · P_i · k / 1000 [kW]; k = ballast (gear) losses, 1,0 = lamp power only.
    Tabela-free text of rozdz. 2.2.1: 400·70 + 20·100 + 30·150 W = 34,5 kW (the plan prints 39,2 kW
    without stating any ballast factor; see test_knyszyn_discrepancies.py)."""
    return sum(int(n) * float(p) for p, n in luminaires_by_power_w.items()) * ballast_factor / 1000.0


def group_power_kw(power_w: float, count: int) -> float:
    """P_i = P_lampy · n_i / 1000 [kW]: one group of luminaires (Tabela 11: 400 × 70 W = 28 kW)."""
    return power_w * count / 1000


def annual_energy_mwh(monthly_mwh: Iterable[float]) -> float:
    """E = Σ of the 12 monthly readings [MWh/rok]. Tabela 11: 188,35 MWh (the printed months sum to 188,38)."""
    values = list(monthly_mwh)
    if len(values) != 12:
        raise ValueError(f"expected 12 monthly values, got {len(values)}")
    return sum(values)


def energy_per_km_kwh(energy_mwh: float, lengths_km: Iterable[float]) -> dict[float, float]:
    """e(L) = E · 1000 / L [kWh/km] for each assumed length of lit road (Rysunek 11: 15–60 km)."""
    out = {}
    for length in lengths_km:
        if length <= 0:
            raise ValueError("lit road length must be positive")
        out[length] = energy_mwh * KWH_PER_MWH / length
    return out


def equivalent_hours(energy_kwh: float, power_kw: float) -> float:
    """t = E / P [h/rok]: burn hours that the measured energy implies for the installed power."""
    if power_kw <= 0:
        raise ValueError("installed power must be positive")
    return energy_kwh / power_kw


@dataclass(frozen=True)
class LightingEnergy:
    """Annual energy of a lighting installation by tariff zone [kWh/rok]."""
    day_kwh: float
    night_full_kwh: float
    night_reduced_kwh: float

    @property
    def night_kwh(self) -> float:
        return self.night_full_kwh + self.night_reduced_kwh

    @property
    def total_kwh(self) -> float:
        return self.day_kwh + self.night_kwh

    # the same in MWh, as the tables show them
    @property
    def day_mwh(self) -> float:
        return self.day_kwh / KWH_PER_MWH

    @property
    def night_mwh(self) -> float:
        return self.night_kwh / KWH_PER_MWH

    @property
    def total_mwh(self) -> float:
        return self.total_kwh / KWH_PER_MWH


def zone_energy(power_kw: float, day_hours: float, night_hours: float) -> LightingEnergy:
    """E_D = P · T_RD, E_N = P · T_RN [kWh/rok]; tariff C21B with T_RD = 1 247 h, T_RN = 2 840 h
    (Σ = T_R = 4 087 h). Knyszyn 2015, rozdz. 2.2.1."""
    return LightingEnergy(day_kwh=power_kw * day_hours, night_full_kwh=power_kw * night_hours, night_reduced_kwh=0.0)


def reduced_power_energy(power_kw: float, reduced_power_share: float, day_hours: float,
                         night_full_hours: float, night_reduced_hours: float) -> LightingEnergy:
    """Luminaires with periodically reduced power: E = P·T_RD + P·T_RPN + P·s·T_RON [kWh/rok], s = reduced
    power as a share of full power (0–1; the plan does not give it: a content setting).
    Hours: T_RPN = 1 380 h, T_RON = 1 460 h (Σ = T_RN = 2 840 h). Knyszyn 2015, rozdz. 2.2.1."""
    if not 0 <= reduced_power_share <= 1:
        raise ValueError("reduced power share must lie in 0..1")
    return LightingEnergy(day_kwh=power_kw * day_hours, night_full_kwh=power_kw * night_full_hours,
                          night_reduced_kwh=power_kw * reduced_power_share * night_reduced_hours)


def saving_mwh(full: LightingEnergy, reduced: LightingEnergy) -> float:
    """ΔE = (E_full − E_reduced) / 1000 [MWh/rok]: what reducing the power at night saves (rozdz. 2.2.1)."""
    return (full.total_kwh - reduced.total_kwh) / KWH_PER_MWH


def power_per_km_w(lamps_per_km: float, lamp_power_w: float) -> float:
    """P_km = n_km · P_lampy [W/km]. Tabela 12: 50 × 160 W = 8 000; 27 × 125 = 3 375; 22 × 50 = 1 100 W/km
    (the sodium and metal-halide rows print 1 550 W/km for 22 × 70 W = 1 540 W/km)."""
    return lamps_per_km * lamp_power_w
