"""Fuel balance: natural units (t, m³, l, butle) → GJ with calorific values; structure; split into
conventional and renewable energy including the RES share of grid electricity.

Source: Knyszyn 2015, rozdz. 3.3 (Tabele 20, 22–25). Calorific values: Tabela 20 (węgiel 20,7 MJ/kg,
drewno 7,8 GJ/m³, olej opałowy 36,4 MJ/l, ekogroszek 26 MJ/kg, propan-butan 46 MJ/kg); pellets 18 MJ/kg
and an 11 kg cylinder of propane-butane follow from Tabela 23 (542,926 GJ / 30,1625 t; 3 060,93 GJ /
6 049,27 butli / 46 MJ/kg). RES share of national gross electricity: Tabela 24 (KPD OZE, 2014: 12,19 %).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reportgen.quantities import GJ_PER_MWH


def gj_per_unit(lhv: float, lhv_unit: str, unit_mass_kg: float | None = None) -> float:
    """Calorific value per natural unit in GJ.
    MJ/kg → GJ/t (×1); GJ/t, GJ/m³, GJ/mp → unchanged; MJ/l → GJ/l, MJ/m³ → GJ/m³, MJ/kWh → GJ/kWh (÷1000);
    MJ/kg with unit_mass_kg (a cylinder) → GJ per piece = lhv · m / 1000."""
    if unit_mass_kg is not None:
        if lhv_unit != "MJ/kg":
            raise ValueError("a per-piece value needs a calorific value in MJ/kg")
        return lhv * unit_mass_kg / 1000.0
    if lhv_unit in ("MJ/kg", "GJ/t", "GJ/m3", "GJ/mp"):
        return lhv
    if lhv_unit in ("MJ/l", "MJ/m3", "MJ/kWh"):
        return lhv / 1000.0
    raise ValueError(f"unknown calorific value unit {lhv_unit!r}")


@dataclass(frozen=True)
class FuelBalance:
    """Energy of fuels [GJ/rok] by sector and fuel, with totals and the structure by fuel [%]."""
    energy_gj: dict[str, dict[str, float]]

    @property
    def by_fuel_gj(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for sector in self.energy_gj.values():
            for fuel, v in sector.items():
                out[fuel] = out.get(fuel, 0.0) + v
        return out

    @property
    def by_sector_gj(self) -> dict[str, float]:
        return {s: sum(f.values()) for s, f in self.energy_gj.items()}

    @property
    def total_gj(self) -> float:
        return sum(self.by_sector_gj.values())

    @property
    def structure_pct(self) -> dict[str, float]:
        total = self.total_gj
        return {fuel: 100.0 * v / total for fuel, v in self.by_fuel_gj.items()} if total else {}


def fuel_balance(quantities_by_sector: Mapping[str, Mapping[str, float]], gj_per_unit_by_fuel: Mapping[str, float]) -> FuelBalance:
    """Q_s,k = B_s,k · W_k [GJ/rok] for every sector s and fuel k (B in natural units, W in GJ/unit).
    Tabela 22 → Tabela 23: households 1 980,34 t coal × 20,7 = 40 993 GJ, 13 896,6 m³ wood × 7,8 = 108 393 GJ…
    Every fuel keeps its own column (Tabela 23 shifts the municipal coal into the wood column)."""
    return FuelBalance(energy_gj={sector: {fuel: q * gj_per_unit_by_fuel[fuel] for fuel, q in fuels.items()}
                                  for sector, fuels in quantities_by_sector.items()})


@dataclass(frozen=True)
class RenewableSplit:
    """Tabela 25: electricity and fuels split into conventional and renewable energy [GJ/rok] and shares [%]."""
    electricity_gj: float
    electricity_renewable_gj: float
    fuels_gj: float
    fuels_renewable_gj: float

    @property
    def electricity_conventional_gj(self) -> float:
        return self.electricity_gj - self.electricity_renewable_gj

    @property
    def fuels_conventional_gj(self) -> float:
        return self.fuels_gj - self.fuels_renewable_gj

    @property
    def total_gj(self) -> float:
        return self.electricity_gj + self.fuels_gj

    @property
    def renewable_gj(self) -> float:
        return self.electricity_renewable_gj + self.fuels_renewable_gj

    @property
    def conventional_gj(self) -> float:
        return self.total_gj - self.renewable_gj

    @property
    def renewable_pct(self) -> float:
        return 100.0 * self.renewable_gj / self.total_gj

    @property
    def conventional_pct(self) -> float:
        return 100.0 * self.conventional_gj / self.total_gj

    @property
    def electricity_renewable_pct(self) -> float:
        return 100.0 * self.electricity_renewable_gj / self.electricity_gj

    @property
    def fuels_renewable_pct(self) -> float:
        return 100.0 * self.fuels_renewable_gj / self.fuels_gj


def renewable_split(fuel_energy_gj: Mapping[str, float], renewable_fuels: Iterable[str],
                    electricity_mwh: float, grid_res_share_pct: float) -> RenewableSplit:
    """E_el = 3,6 · E_MWh [GJ]; E_el,OZE = E_el · u_OZE/100; fuels renewable = Σ of the renewable fuels
    (wood, pellets…); shares = part / (E_el + Σ fuels).
    Tabela 25: 7 291,23 MWh = 26 248 GJ, 12,19 % → 3 199,7 GJ from RES; with Tabela 23's columns
    conventional 71 733 GJ (37,25 %), renewable 120 839 GJ (62,75 %)."""
    if not 0 <= grid_res_share_pct <= 100:
        raise ValueError("RES share of grid electricity must lie in 0..100 %")
    renewable = set(renewable_fuels)
    el_gj = electricity_mwh * GJ_PER_MWH
    fuels = sum(fuel_energy_gj.values())
    fuels_res = sum(v for k, v in fuel_energy_gj.items() if k in renewable)
    return RenewableSplit(electricity_gj=el_gj, electricity_renewable_gj=el_gj * grid_res_share_pct / 100.0,
                          fuels_gj=fuels, fuels_renewable_gj=fuels_res)
