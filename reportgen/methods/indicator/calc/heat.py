"""Heat demand by the indicator method (EK by building period).

Source of the method: projekt założeń dla Gminy Kluki (2022), rozdz. 7.2–7.4, Tabele 6–7; DHW formula from
Rozporządzenie MIiR z 27 lutego 2015 r. (Dz.U. 2015 poz. 376). 1 kWh = 0,0036 GJ.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.quantities import GJ_PER_KWH, total_of


@dataclass(frozen=True)
class PeriodIndicator:
    period: str
    area_share_pct: float
    thermo_share_pct: float
    ek_before_kwh_m2a: float
    ek_after_kwh_m2a: float | None
    ek_period_kwh_m2a: float          # mix of modernised and not modernised area of the period


def period_indicator_kwh_m2a(ek_before_kwh_m2a: float, ek_after_kwh_m2a: float | None, thermo_share_pct: float) -> float:
    """EK of a building period: EK = (1 − s)·EK_before + s·EK_after, s = share of the period's area
    after thermo-modernisation [kWh/(m²·a)]. Source: Kluki 2022, Tabela 6 (e.g. do 1966: 0,35·270 + 0,65·94,5 = 155,9 ≈ 156)."""
    s = thermo_share_pct / 100.0
    after = ek_after_kwh_m2a if ek_after_kwh_m2a is not None else ek_before_kwh_m2a
    return (1 - s) * ek_before_kwh_m2a + s * after


def weighted_indicator_kwh_m2a(period_ek: list[float], area_share_pct: list[float]) -> float:
    """Sector EK = Σ(share_i · EK_i) / Σ share_i [kWh/(m²·a)]. Dividing by Σ share keeps the result right when
    published shares sum to 100,1 % by rounding. Source: Kluki 2022, Tabela 6 (125,05) and Tabela 7 (121,86)."""
    total = sum(area_share_pct)
    if total <= 0:
        raise ValueError("shares must sum to a positive number")
    return sum(e * s for e, s in zip(period_ek, area_share_pct)) / total


def useful_heat_gj(indicator_kwh_m2a: float, floor_area_m2: float) -> float:
    """Useful heat for space heating and ventilation Q_u = EK · A · 0,0036 [GJ/a].
    Source: Kluki 2022, rozdz. 7.2: 125,05 kWh/(m²·a) · 150 351,5 m² = 18,8 GWh = 67 687 GJ/a."""
    return indicator_kwh_m2a * floor_area_m2 * GJ_PER_KWH


def dhw_heat_kwh(water_dm3_m2_day: float, floor_area_m2: float, specific_heat_kj_kgk: float, density_kg_m3: float,
                 hot_temp_c: float, cold_temp_c: float, usage_factor: float, days: float) -> float:
    """Useful heat for domestic hot water Q = V·F·c_w·ρ_w·(t_c − t_z)·k·t_uz / (1000·3600) [kWh/a];
    V in dm³/(m²·d), F in m², c_w in kJ/(kg·K), ρ_w in kg/m³ (÷1000: dm³ → m³), ÷3600: kJ → kWh.
    Source: Dz.U. 2015 poz. 376; Kluki 2022 rozdz. 7.2 (13 038 GJ/a for V = 1,4, F = 150 351,5 m²)."""
    return (water_dm3_m2_day * floor_area_m2 * specific_heat_kj_kgk * density_kg_m3 * (hot_temp_c - cold_temp_c)
            * usage_factor * days / (1000 * 3600))


def final_energy_gj(useful_gj: float, efficiency: float) -> float:
    """Final (delivered) energy Q_k = Q_u / η_tot [GJ/a], η_tot the overall efficiency of generation,
    distribution, control and storage. Source: Kluki 2022, rozdz. 7.2 (sprawność całkowita)."""
    if not 0 < efficiency <= 1:
        raise ValueError("efficiency must be in (0, 1]")
    return useful_gj / efficiency


def power_mw(final_gj: float, full_load_hours: float) -> float:
    """Estimated heat power demand P = Q_k / (τ · 3,6) [MW], τ = equivalent full-load hours [h/a]
    (1 MWh = 3,6 GJ). Source: Kluki 2022, Tabela 14 (107 596 GJ ↔ 15,06 MW: τ ≈ 1 985 h)."""
    return final_gj / (full_load_hours * 3.6)


@dataclass(frozen=True)
class SectorHeat:
    sector: str
    method: str                    # indicator | measured
    floor_area_m2: float
    indicator_kwh_m2a: float | None
    periods: tuple[PeriodIndicator, ...]
    space_useful_gj: float | None
    dhw_useful_gj: float | None
    efficiency: float | None
    final_gj: float
    dhw_water_dm3_m2_day: float | None = None      # V of the DHW formula (indicator method), for the text
    area_share_total_pct: float | None = None      # Σ of the periods' area shares (rounded inputs: may differ from 100)

    @property
    def useful_gj(self) -> float | None:
        if self.space_useful_gj is None:
            return None
        return self.space_useful_gj + (self.dhw_useful_gj or 0.0)


def indicator_sector_heat(sector: str, floor_area_m2: float, periods: list[dict], dhw_water_dm3_m2_day: float,
                          efficiency: float, dhw: dict) -> SectorHeat:
    """One sector by the indicator method: EK per period → weighted EK → useful heat + DHW → final energy.
    `dhw` holds the DHW constants (specific_heat_kj_kgk, density_kg_m3, hot_temp_c, cold_temp_c, usage_factor, days)."""
    rows = []
    for p in periods:
        ek = period_indicator_kwh_m2a(p["ek_before_kwh_m2a"], p.get("ek_after_kwh_m2a"), p["thermo_share_pct"])
        rows.append(PeriodIndicator(p["period"], p["area_share_pct"], p["thermo_share_pct"], p["ek_before_kwh_m2a"],
                                    p.get("ek_after_kwh_m2a"), ek))
    ek_sector = weighted_indicator_kwh_m2a([r.ek_period_kwh_m2a for r in rows], [r.area_share_pct for r in rows])
    space = useful_heat_gj(ek_sector, floor_area_m2)
    dhw_gj = dhw_heat_kwh(dhw_water_dm3_m2_day, floor_area_m2, **dhw) * GJ_PER_KWH
    final = final_energy_gj(space + dhw_gj, efficiency)
    return SectorHeat(sector, "indicator", floor_area_m2, ek_sector, tuple(rows), space, dhw_gj, efficiency, final,
                      dhw_water_dm3_m2_day, total_of(r.area_share_pct for r in rows))


def measured_sector_heat(sector: str, floor_area_m2: float, final_gj: float, useful_gj: float | None = None) -> SectorHeat:
    """A sector whose final energy is measured (surveys of municipal buildings): taken as reported."""
    return SectorHeat(sector, "measured", floor_area_m2, None, (), useful_gj, None, None, final_gj)


def shares_pct(values: dict[str, float]) -> dict[str, float]:
    """Each value as a percentage of the total (0–100)."""
    total = sum(values.values())
    return {k: (100.0 * v / total if total else 0.0) for k, v in values.items()}
