"""Municipal buildings: electricity and heat per m² against reference values; fuel energy per season.

Source: Knyszyn 2015, rozdz. 1.4 (Tabela 8), 2.2.2 (Tabele 13–14), 3.2 (Tabela 21), 3.6.
Reference electricity for lighting: Rozporządzenie Ministra Infrastruktury z 6 listopada 2008 r.
(Dz.U. nr 201 poz. 1238/1240): P_n [W/m²] × t_0 [h/rok] (Tabela 14 of the plan).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


def specific_kwh_m2(energy_kwh: float, area_m2: float) -> float:
    """e = E / A [kWh/(m²·rok)]. Tabela 13, e.g. Urząd Miejski 2012: 48 785 kWh / 1 700 m² = 28,70."""
    if area_m2 <= 0:
        raise ValueError("heated area must be positive")
    return energy_kwh / area_m2


def reference_kwh_m2(power_w_m2: float, hours: float) -> float:
    """e_ref = P_n · t_0 / 1000 [kWh/(m²·rok)]. Tabela 14: offices 20 W/m² × 2 500 h = 50; schools
    20 × 2 000 = 40; commercial 25 × 5 000 = 125 (the values quoted in rozdz. 2.2.2)."""
    return power_w_m2 * hours / 1000.0


@dataclass(frozen=True)
class ReferenceComparison:
    """One building against its reference: specific use, reference, excess [kWh/m²] and the flag."""
    name: str
    specific_kwh_m2: float
    reference_kwh_m2: float

    @property
    def excess_kwh_m2(self) -> float:
        return self.specific_kwh_m2 - self.reference_kwh_m2

    @property
    def above_reference(self) -> bool:
        return self.specific_kwh_m2 > self.reference_kwh_m2


def compare_to_reference(specific_by_building: Mapping[str, float],
                         reference_by_building: Mapping[str, float]) -> list[ReferenceComparison]:
    """Buildings that have a reference category, in input order. Rozdz. 2.2.2 names the buildings above
    their lighting reference: ZSO w Knyszynie, Przedszkole w Knyszynie, ZS w Kalinówce Kościelnej."""
    return [ReferenceComparison(name, specific_by_building[name], reference_by_building[name])
            for name in specific_by_building if name in reference_by_building]


def fuel_energy_gj(quantities: Mapping[str, float], gj_per_unit: Mapping[str, float]) -> float:
    """Q = Σ B_k · W_k [GJ], B_k in natural units (l, t, mp), W_k in GJ per unit (Tabela 20).
    Tabela 21 (season 2013/2014): ZS Kalinówka 3 501 l × 0,0364 + 29,65 t × 20,7 = 741,19 GJ."""
    return sum(q * gj_per_unit[fuel] for fuel, q in quantities.items() if q)


def heat_indicator_gj_m2(energy_gj: float, area_m2: float) -> float:
    """q = Q / A [GJ/(m²·rok)]. Tabela 21, e.g. SPZOZ 3 924,18 GJ / 3 535 m² = 1,11."""
    if area_m2 <= 0:
        raise ValueError("heated area must be positive")
    return energy_gj / area_m2


def thermo_saving_gj(energy_gj: float, saving_pct: float) -> float:
    """ΔQ = Q · s/100 [GJ/rok]. Rozdz. 3.6: RPO Podlaskie funds thermo-modernisation that saves ≥ 25 %;
    Wodociągi 62,10 GJ × 25 % = 15,53 GJ/rok."""
    if not 0 <= saving_pct <= 100:
        raise ValueError("saving must lie in 0..100 %")
    return energy_gj * saving_pct / 100.0
