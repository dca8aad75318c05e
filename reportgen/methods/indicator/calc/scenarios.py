"""Heat demand scenarios to the plan's target years (indicator method).

For a sector with base floor area A₀ and target year y:
  existing buildings, period i:  A_i = A₀·u_i/Σu,  s_i(y) share after thermo-modernisation
      Q_u,space,i = A_i·[(1 − s_i)·EK_before,i + s_i·EK_after,i]·0,0036            [GJ/a]
      Q_k,space,i = A_i·(1 − s_i)·EK_before,i·0,0036/η_existing + A_i·s_i·EK_after,i·0,0036/η_modernised
  new buildings:                A_new = A₀·(g(y) − 1),  Q_u = A_new·EK_new·0,0036,  Q_k = Q_u/η_new
  hot water (all buildings):    Q_u,dhw = q_dhw·(A₀ + A_new),  Q_k = Q_u/η_dhw   (q_dhw: base-year DHW per m²)
  sector indicator:             EK(y) = (Q_u,space,existing + Q_u,new) / ((A₀ + A_new)·0,0036)
A sector with measured consumption keeps its base final energy and adds new buildings.
Source: projekt założeń dla Gminy Kluki (2022), rozdz. 11.1–11.3, Tabele 12–15 (assumptions as stated in the text).
"""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.quantities import GJ_PER_KWH


@dataclass(frozen=True)
class ScenarioSectorHeat:
    sector: str
    year: int
    area_m2: float
    new_area_m2: float
    space_useful_gj: float | None
    dhw_useful_gj: float | None
    final_gj: float
    indicator_kwh_m2a: float | None

    @property
    def useful_gj(self) -> float | None:
        if self.space_useful_gj is None:
            return None
        return self.space_useful_gj + (self.dhw_useful_gj or 0.0)


def existing_stock_gj(area_m2: float, periods: list[dict], thermo_share_pct: dict[str, float] | None,
                      ek_after_default_kwh_m2a: float, eta_existing: float, eta_modernised: float) -> tuple[float, float]:
    """(useful, final) space heating of the existing stock [GJ/a]; periods: dicts with period, area_share_pct,
    thermo_share_pct (base), ek_before_kwh_m2a, ek_after_kwh_m2a (None → ek_after_default). A period missing from
    thermo_share_pct keeps its base share."""
    total_share = sum(p["area_share_pct"] for p in periods)
    useful = final = 0.0
    for p in periods:
        a = area_m2 * p["area_share_pct"] / total_share
        s = (thermo_share_pct or {}).get(p["period"], p["thermo_share_pct"]) / 100.0
        after = p.get("ek_after_kwh_m2a") or ek_after_default_kwh_m2a
        q_unmod = a * (1 - s) * p["ek_before_kwh_m2a"] * GJ_PER_KWH
        q_mod = a * s * after * GJ_PER_KWH
        useful += q_unmod + q_mod
        final += q_unmod / eta_existing + q_mod / eta_modernised
    return useful, final


def indicator_sector_scenario(sector: str, year: int, area_m2: float, growth: float, periods: list[dict],
                              thermo_share_pct: dict[str, float] | None, ek_after_default_kwh_m2a: float,
                              new_ek_kwh_m2a: float, dhw_base_gj: float, eta_existing: float, eta_modernised: float,
                              eta_new: float, eta_dhw: float) -> ScenarioSectorHeat:
    """One indicator-method sector in a target year (formulas in the module docstring)."""
    if growth < 1:
        raise ValueError("area growth below 1 would demolish buildings; not modelled")
    new_area = area_m2 * (growth - 1)
    useful_existing, final_existing = existing_stock_gj(area_m2, periods, thermo_share_pct, ek_after_default_kwh_m2a,
                                                        eta_existing, eta_modernised)
    useful_new = new_area * new_ek_kwh_m2a * GJ_PER_KWH
    dhw = dhw_base_gj * growth
    space = useful_existing + useful_new
    final = final_existing + useful_new / eta_new + dhw / eta_dhw
    indicator = space / ((area_m2 + new_area) * GJ_PER_KWH)
    return ScenarioSectorHeat(sector, year, area_m2 + new_area, new_area, space, dhw, final, indicator)


def measured_sector_scenario(sector: str, year: int, area_m2: float, growth: float, final_base_gj: float,
                             new_ek_kwh_m2a: float, eta_new: float) -> ScenarioSectorHeat:
    """A measured sector: base final energy kept, new buildings added at EK_new/η_new [GJ/a]."""
    new_area = area_m2 * (growth - 1)
    final = final_base_gj + new_area * new_ek_kwh_m2a * GJ_PER_KWH / eta_new
    return ScenarioSectorHeat(sector, year, area_m2 + new_area, new_area, None, None, final, None)


def change_pct(value: float, base: float) -> float:
    """Relative change against the base year [%]."""
    return 100.0 * (value - base) / base if base else 0.0
