"""Emissions of air pollutants from fuel combustion for heating, by carrier and boiler type.

E_p = Σ_c Q_c · W_{c,p} / 10⁶ [Mg/a]: Q_c final energy of carrier (or boiler type) c [GJ/a],
W_{c,p} emission factor of pollutant p [g/GJ]. Coal and biomass are split into boiler types by the gmina's
boiler mix (shares of the carrier's energy). Solar collectors and heat pumps emit nothing locally.
Biomass CO₂ is biogenic and counted as 0 (factors in rules/parameters/emission_factors.yaml).
Source: projekt założeń dla Gminy Kluki (2022), rozdz. 8, Tabele 9–11; PN-EN 303-5:2012.
"""
from __future__ import annotations

from collections.abc import Mapping

POLLUTANTS = ("pm10", "pm25", "co2", "bap", "so2", "nox", "co")


def carrier_energy_gj(sector_final_gj: float, shares_pct: dict[str, float]) -> dict[str, float]:
    """Final energy of each carrier Q_c = Q_sector · u_c / Σu [GJ/a]; normalising by Σu absorbs rounding of
    published shares (Kluki 2022 Tabela 10 shares sum to 100,00–100,01 %)."""
    total = sum(shares_pct.values())
    return {c: sector_final_gj * s / total for c, s in shares_pct.items()}


def emissions_mg(energy_by_source_gj: Mapping[str, float], factors_g_gj: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    """Σ over sources of Q [GJ/a] · W [g/GJ] / 10⁶ → Mg/a for each pollutant. A source without a factor
    (solar collectors, heat pumps) contributes 0."""
    out = {p: 0.0 for p in POLLUTANTS}
    for source, q in energy_by_source_gj.items():
        f = factors_g_gj.get(source)
        if f is None:
            continue
        for p in POLLUTANTS:
            out[p] += q * f[p] / 1e6
    return out


def split_by_boiler_mix(energy_by_carrier_gj: dict[str, float], carrier_factor: dict[str, str | None],
                        boiler_mix_pct: dict[str, dict[str, float]]) -> dict[str, float]:
    """Map carrier energy onto emission-factor rows: a carrier with a fixed factor row keeps its energy under
    that row; coal/biomass are split by the boiler mix (shares of the carrier's energy, normalised)."""
    out: dict[str, float] = {}
    for carrier, q in energy_by_carrier_gj.items():
        if carrier in boiler_mix_pct:
            mix = boiler_mix_pct[carrier]
            total = sum(mix.values())
            for row, share in mix.items():
                out[row] = out.get(row, 0.0) + q * share / total
        elif factor_row := carrier_factor.get(carrier):
            out[factor_row] = out.get(factor_row, 0.0) + q
        # carriers without a factor (solar collectors, heat pumps) have no local emission
    return out


def eco_design_only(boiler_mix_by_year: dict[int, dict[str, dict[str, float]]]) -> bool:
    """True when every boiler type of a scenario's boiler mix (year → fuel → type → %) meets the Ecodesign
    requirements (Commission Regulation (EU) 2015/1189): the emission-factor rows of such boilers are named
    `*_eco` in rules/parameters/emission_factors.yaml (PN-EN 303-5:2012 class 5 with Ekoprojekt)."""
    return all(device.endswith("_eco") for mix in boiler_mix_by_year.values() for devices in mix.values() for device in devices)
