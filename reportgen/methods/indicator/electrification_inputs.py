"""electrification.yaml: what the electricity forecast needs beyond the consumer groups – heat pumps of the heat
scenarios at a stated seasonal COP, prosumer PV as the DSO reports it, electric vehicles, and the capacity the DSO
states for new load in the gmina. Every part is optional: a part without data is absent from the document."""
from __future__ import annotations

from pydantic import Field

from reportgen.quantities import Count, NonNeg, Strict, Year


class HeatPumpAssumption(Strict):
    scop: float = Field(gt=1, le=10)              # seasonal coefficient of performance (heat / electricity)
    reason: str = Field(min_length=1)             # Polish: why this SCOP (printed in the document)
    # the document states the share of housing floor area built before this year (heat.yaml periods), computed,
    # when the reason rests on the age of the stock
    old_stock_before: Year | None = None


class ProsumerPV(Strict):
    year: Year                                     # the year the DSO's figures describe
    installations: Count                           # micro-installations connected in the gmina
    power_kw: NonNeg                               # their total installed power
    yield_kwh_per_kw: float = Field(gt=0, le=2000)  # annual yield per kW installed
    yield_reason: str = Field(min_length=1)
    source: str = Field(min_length=1)


class ElectricVehicles(Strict):
    base_count: Count                              # registered electric cars in the base year
    count: dict[Year, Count]                       # forecast year -> electric cars (an assumption, with reason)
    km_per_year: float = Field(gt=0, le=100_000)
    kwh_per_km: float = Field(gt=0, le=1)
    reason: str = Field(min_length=1)
    source: str = Field(min_length=1)


class DSOCapacity(Strict):
    year: Year
    available_load_kw: NonNeg                      # capacity the DSO states for connecting new load in the gmina
    source: str = Field(min_length=1)


class ElectrificationInputs(Strict):
    heat_pumps: HeatPumpAssumption | None = None
    prosumer_pv: ProsumerPV | None = None
    electric_vehicles: ElectricVehicles | None = None
    dso: DSOCapacity | None = None


