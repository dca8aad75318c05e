"""Solar collectors for domestic hot water and wind power.

Source: Knyszyn 2015, rozdz. 5.2 (Tabela 52) and 5.3. Solar: 1 000 kWh/(m²·rok) (Rysunek 22, cire.pl),
1,5 m² of collector per person, 3 persons per dwelling (survey), 80 % of dwellings suitable, evacuated-tube
collectors with 60 % efficiency (A. Głuszek, J. Magiera, Polityka Energetyczna 11(2), 2008). Wind:
E_w = π·r²·ρ·v³/2 · η · h · i with r = 30 m, ρ = 1,225 kg/m³, η = 30 %, h = 3 000 h/rok, i turbines;
wind power counts only where the mean annual speed EXCEEDS 4 m/s.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from reportgen.quantities import GJ_PER_MWH


@dataclass(frozen=True)
class SolarPotential:
    """Technical potential of solar collectors [MWh/rok, GJ/rok]."""
    suitable_dwellings: float
    collector_area_m2: float
    incident_mwh: float
    efficiency: float

    @property
    def useful_mwh(self) -> float:
        return self.incident_mwh * self.efficiency

    @property
    def useful_gj(self) -> float:
        return self.useful_mwh * GJ_PER_MWH

    @property
    def incident_gj(self) -> float:
        return self.incident_mwh * GJ_PER_MWH


def solar_collectors(dwellings: float, suitable_pct: float, persons_per_dwelling: float, area_m2_per_person: float,
                     irradiation_kwh_m2: float, efficiency: float) -> SolarPotential:
    """E = N · u · n_os · a · G · η [kWh/rok]: 1 373 × 80 % = 1 098,4 dwellings × 3 × 1,5 m² = 4 942,8 m²;
    × 1 000 kWh/m² = 4 942,8 MWh incident; × 60 % = 2 965,7 MWh = 10 676 GJ useful.
    (Tabela 52 prints 4,94 GWh = 17 793,72 GJ: the incident energy, without the stated 60 %.)"""
    if not 0 <= suitable_pct <= 100:
        raise ValueError("suitable share must lie in 0..100 %")
    if not 0 < efficiency <= 1:
        raise ValueError("collector efficiency must lie in (0, 1]")
    suitable = dwellings * suitable_pct / 100.0
    area = suitable * persons_per_dwelling * area_m2_per_person
    return SolarPotential(suitable_dwellings=suitable, collector_area_m2=area,
                          incident_mwh=area * irradiation_kwh_m2 / 1000.0, efficiency=efficiency)


def wind_power_w(rotor_radius_m: float, air_density_kg_m3: float, wind_speed_m_s: float) -> float:
    """P = π · r² · ρ · v³ / 2 [W] (kinetic power through the rotor disc).
    r = 30 m, ρ = 1,225 kg/m³, v = 4 m/s → 110 835 W."""
    return math.pi * rotor_radius_m ** 2 * air_density_kg_m3 * wind_speed_m_s ** 3 / 2.0


def turbine_count(agricultural_ha: float, protected_ha: float, area_per_turbine_ha: float) -> int:
    """i = (V_UR − V_Och) / V_SW, rounded down, not below 0 (rozdz. 5.3)."""
    if area_per_turbine_ha <= 0:
        raise ValueError("area per turbine must be positive")
    return max(0, math.floor((agricultural_ha - protected_ha) / area_per_turbine_ha))


@dataclass(frozen=True)
class WindPotential:
    """E [MWh/rok]; `below_threshold` is True when the mean speed does not exceed the threshold (E = 0)."""
    energy_mwh: float
    power_per_turbine_w: float
    below_threshold: bool


def wind_energy(rotor_radius_m: float, air_density_kg_m3: float, wind_speed_m_s: float, efficiency: float,
                hours: float, turbines: int, threshold_m_s: float) -> WindPotential:
    """E_w = P · η · h · i / 10⁶ [MWh/rok] when v > threshold (4 m/s), else 0 (rozdz. 5.3: Knyszyn lies at
    about 4 m/s, so the wind resource is not counted). One turbine at 4,5 m/s: 157,8 kW · 0,3 · 3 000 h = 142,0 MWh."""
    power = wind_power_w(rotor_radius_m, air_density_kg_m3, wind_speed_m_s)
    if wind_speed_m_s <= threshold_m_s:
        return WindPotential(energy_mwh=0.0, power_per_turbine_w=power, below_threshold=True)
    return WindPotential(energy_mwh=power * efficiency * hours * turbines / 1e6, power_per_turbine_w=power, below_threshold=False)
