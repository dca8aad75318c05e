"""Emissions to air by fuel (SO₂, NOₓ, pył TSP, CO, CO₂) and ash from solid fuels.

Emission factors [g/GJ]: Knyszyn 2015, Tabela 32, after „Wskazówki dla wojewódzkich inwentaryzacji emisji
na potrzeby ocen bieżących i programów ochrony powietrza” (MŚ, GIOŚ, Warszawa 2003) and KOBiZE (WO i WE
2012 for EU ETS 2015). Footnote * of Tabela 32: CO₂ from burning biomass is taken as 0 (biogenic CO₂,
neutral in the balance) — here it is 0 in the totals and reported separately as a memo item.
Ash: Tabela 36 (ash content ranges) and Tabela 37; wood mass from volume with 0,7 t/m³ (implied by
Tabela 37: 13 896,6 m³ × 0,7 × 1,5 % = 145,914 t).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

POLLUTANTS = ("so2", "nox", "tsp", "co", "co2")


@dataclass(frozen=True)
class Emissions:
    """Emissions [t/rok] by fuel and pollutant. Biogenic CO₂ is 0 in `by_fuel_t` and kept in the memo."""
    by_fuel_t: dict[str, dict[str, float]]
    biogenic_co2_memo_t: dict[str, float]

    def total_t(self, pollutant: str) -> float:
        return sum(f.get(pollutant, 0.0) for f in self.by_fuel_t.values())

    @property
    def totals_t(self) -> dict[str, float]:
        present = {p for f in self.by_fuel_t.values() for p in f}
        ordered = [p for p in POLLUTANTS if p in present] + sorted(present - set(POLLUTANTS))
        return {p: self.total_t(p) for p in ordered}


def emissions_by_fuel(energy_gj: Mapping[str, float], factors_g_per_gj: Mapping[str, Mapping[str, float]],
                      biogenic_fuels: Iterable[str] = ()) -> Emissions:
    """E_k,p = Q_k · W_k,p / 10⁶ [t/rok], Q in GJ/rok, W in g/GJ; CO₂ of biogenic fuels = 0 (memo kept).
    `energy_gj` keys must be rows of `factors_g_per_gj` (map fuels onto the factor rows first).
    Tabela 33, oil: 2 976,7 GJ × 73 330 g/GJ = 218,28 t CO₂; coal: 40 993 GJ × 650 g/GJ ≈ 26,7 t SO₂."""
    biogenic = set(biogenic_fuels)
    by_fuel: dict[str, dict[str, float]] = {}
    memo: dict[str, float] = {}
    for fuel, q in energy_gj.items():
        row = factors_g_per_gj[fuel]
        values = {p: q * w / 1e6 for p, w in row.items()}
        if fuel in biogenic and "co2" in values:
            memo[fuel] = values["co2"]
            values["co2"] = 0.0
        by_fuel[fuel] = values
    return Emissions(by_fuel_t=by_fuel, biogenic_co2_memo_t=memo)


def co2_t(energy_gj: float, co2_factor_kg_per_gj: float) -> float:
    """CO₂ = Q · W / 1000 [t/rok]. Tabela 29: 1 463,11 GJ of coal × 92,71 kg/GJ ≈ 135,6 t; Tabela 31:
    1 189,7 GJ × 92,71 = 110,30 t."""
    return energy_gj * co2_factor_kg_per_gj / 1000.0


def mass_from_volume_t(volume_m3: float, density_t_m3: float) -> float:
    """m = V · ρ [t]; fuel wood 0,7 t/m³ (implied by Tabela 37)."""
    return volume_m3 * density_t_m3


def ash_t(fuel_mass_t: float, ash_content_pct: float) -> float:
    """Ash = m · a/100 [t/rok], m = MASS of fuel burned (never its energy), a = ash content [% of mass].
    Tabela 36 ranges: wood 1–2 %, coal 5–30 %, pellets 0,4–1 %, straw 3–4 %. Tabela 37 reproduces with
    wood 1,5 %: 9 727,62 t × 1,5 % = 145,914 t; municipal wood 352,17 t → 5,28255 t."""
    if not 0 <= ash_content_pct <= 100:
        raise ValueError("ash content must lie in 0..100 %")
    if fuel_mass_t < 0:
        raise ValueError("fuel mass cannot be negative")
    return fuel_mass_t * ash_content_pct / 100.0
