"""Cost of 1 GJ of heat by energy carrier.

Source: Knyszyn 2015, rozdz. 9.2, Tabela 54: a 15 kW source (13 kW heating + 2 kW hot water), 2 500 h of
full-load use → 135 GJ/rok of heat; calorific values and prices of 2015: LPG 25 MJ/l at 2,85 zł/l, heating oil
37 MJ/l at 3,47 zł/l, electricity 0,45 zł/kWh, wood 7,8 GJ/mp at 210 zł/mp, wood briquettes 20 MJ/kg at
660 zł/t; efficiencies 88 %, 88 %, 97 %, 80 %, 83 %.
"""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.quantities import GJ_PER_KWH


def annual_heat_gj(power_kw: float, full_load_hours: float) -> float:
    """Q = P · τ · 0,0036 [GJ/rok]. Tabela 54: 15 kW × 2 500 h = 37 500 kWh = 135 GJ."""
    return power_kw * full_load_hours * GJ_PER_KWH


@dataclass(frozen=True)
class HeatCost:
    """Fuel energy [GJ/rok], fuel in natural units, annual cost [zł/rok] and cost of 1 GJ of heat [zł/GJ]."""
    heat_gj: float
    fuel_gj: float
    fuel_units: float
    cost_pln: float

    @property
    def cost_pln_per_gj(self) -> float:
        return self.cost_pln / self.heat_gj


def heat_cost(heat_gj: float, efficiency: float, gj_per_unit: float, price_pln_per_unit: float) -> HeatCost:
    """Q_fuel = Q / η [GJ]; B = Q_fuel / W [units]; K = B · c [zł/rok]; k = K / Q [zł/GJ of heat].
    Tabela 54, oil: 135 / 0,88 = 153,4 GJ; / 0,037 GJ/l = 4 146 l; × 3,47 zł/l / 135 GJ = 106,57 zł/GJ.
    Electricity (W = 0,0036 GJ/kWh): 139,2 GJ = 38 660 kWh → 128,87 zł/GJ (the table prints 125,00 = the price
    of 1 GJ of electricity, without the 97 % efficiency its own row applies)."""
    if heat_gj <= 0:
        raise ValueError("heat demand must be positive")
    if not 0 < efficiency <= 1:
        raise ValueError("efficiency must lie in (0, 1]")
    fuel = heat_gj / efficiency
    units = fuel / gj_per_unit
    return HeatCost(heat_gj=heat_gj, fuel_gj=fuel, fuel_units=units, cost_pln=units * price_pln_per_unit)
