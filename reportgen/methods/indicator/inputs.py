"""Validated models of the indicator method's content files (one model per file; example: content/kluki/).
Keys are English; comments in the example YAML files are Polish. Every constraint here becomes a Polish message
naming file, key and line."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from reportgen.quantities import Count, NonNeg, Positive, Strict, check_shares_sum

# --- heat.yaml ------------------------------------------------------------------------------------

class BuildingPeriodEK(Strict):
    period: str
    area_share_pct: float = Field(ge=0, le=100)
    thermo_share_pct: float = Field(ge=0, le=100)
    ek_before_kwh_m2a: float = Field(gt=0, le=1000)
    ek_after_kwh_m2a: float | None = Field(default=None, gt=0, le=1000)

    @model_validator(mode="after")
    def _after_needed(self):
        if self.thermo_share_pct > 0 and self.ek_after_kwh_m2a is None:
            raise ValueError("dla okresu z termomodernizacją (thermo_share_pct > 0) podaj ek_after_kwh_m2a")
        return self


class IndicatorSector(Strict):
    method: Literal["indicator"]
    floor_area_m2: Positive
    periods: list[BuildingPeriodEK] = Field(min_length=1)
    dhw_water_dm3_m2_day: float = Field(ge=0, le=20)
    system_efficiency: float = Field(gt=0, le=1)
    efficiency_note: str = ""

    @field_validator("periods")
    @classmethod
    def _shares(cls, periods):
        check_shares_sum([p.area_share_pct for p in periods], "powierzchni wg okresów budowy")
        return periods


class MeasuredSector(Strict):
    method: Literal["measured"]
    floor_area_m2: Positive
    final_energy_gj: NonNeg
    useful_energy_gj: float | None = Field(default=None, ge=0)
    note: str = ""


SectorInput = Annotated[IndicatorSector | MeasuredSector, Field(discriminator="method")]


class HeatInputs(Strict):
    sectors: dict[Literal["housing", "municipal", "business"], SectorInput]
    source: str = ""

    @field_validator("sectors")
    @classmethod
    def _housing_required(cls, v):
        # the document's heat chapter, scenarios and conclusions are built around the housing sector
        if "housing" not in v:
            raise ValueError("brak sektora housing (budynki mieszkalne) – jest wymagany w metodzie wskaźnikowej")
        return v


# --- carriers.yaml --------------------------------------------------------------------------------

CarrierId = Literal["lpg", "natural_gas", "coal", "biomass", "oil", "electricity", "district_heat", "solar_thermal", "heat_pump"]


class CarrierInputs(Strict):
    shares_pct: dict[Literal["housing", "municipal", "business"], dict[CarrierId, float]]
    boiler_mix_pct: dict[Literal["housing", "municipal", "business"], dict[Literal["coal", "biomass"], dict[str, float]]] = {}
    boiler_mix_note: str = ""
    source: str = ""

    @field_validator("shares_pct")
    @classmethod
    def _carrier_sums(cls, shares):
        for sector, by_carrier in shares.items():
            for carrier, v in by_carrier.items():
                if v < 0:
                    raise ValueError(f"udział nośnika {carrier} w sektorze {sector} jest ujemny")
            check_shares_sum(by_carrier, f"nośników w sektorze {sector}")
        return shares

    @field_validator("boiler_mix_pct")
    @classmethod
    def _mix_sums(cls, mix):
        for sector, by_fuel in mix.items():
            for fuel, classes in by_fuel.items():
                check_shares_sum(classes, f"typów kotłów ({fuel}) w sektorze {sector}")
        return mix


# --- electricity.yaml -----------------------------------------------------------------------------

class ConsumerGroup(Strict):
    id: str
    label: str
    mwh: NonNeg
    grows: bool = True


class GrowthStep(Strict):
    until: int = Field(ge=1990, le=2100)
    rate_pct_per_year: float = Field(ge=-20, le=20)


class LineSection(Strict):
    voltage: Literal["WN", "SN", "nN"]
    kind: str
    km: NonNeg


class MVLine(Strict):
    name: str
    stations: Count


class Luminaire(Strict):
    type: str
    count: Count


class StreetLighting(Strict):
    year: int
    luminaires: list[Luminaire]
    energy_kwh: NonNeg


class Network(Strict):
    operator: str
    lines: list[LineSection] = []
    mv_lines: list[MVLine] = []
    stations_mv_lv: int | None = Field(default=None, ge=0)
    condition_pct: dict[Literal["good", "average", "poor"], float] = {}
    source: str = ""

    @field_validator("condition_pct")
    @classmethod
    def _cond(cls, v):
        if v:
            check_shares_sum(v, "stanu technicznego sieci")
        return v


class ElectricityInputs(Strict):
    year: int
    groups: list[ConsumerGroup] = Field(min_length=1)
    reported_total_mwh: float | None = None
    growth: list[GrowthStep] = []
    network: Network | None = None
    street_lighting: StreetLighting | None = None
    source: str = ""

    @field_validator("growth")
    @classmethod
    def _growth_in_year_order(cls, steps):
        for earlier, later in zip(steps, steps[1:]):
            if later.until <= earlier.until:
                raise ValueError(f"kroki wzrostu muszą następować po sobie latami rosnąco (rok {later.until} "
                                 f"po roku {earlier.until})")
        return steps


# --- renewables.yaml ------------------------------------------------------------------------------

class SolarThermal(Strict):
    buildings: Count
    collectors_per_building: Positive
    collector_area_m2: Positive
    insolation_kwh_m2a: float = Field(gt=0, le=2500)
    efficiency: float = Field(gt=0, le=1)


class Photovoltaics(Strict):
    households: Count
    area_m2_per_household: Positive
    yield_kwh_m2a: float = Field(gt=0, le=400)
    yield_note: str = ""


class HeatPumps(Strict):
    households: Count
    coverage: float = Field(gt=0, le=1)
    dwellings: int = Field(gt=0)


class RenewablesInputs(Strict):
    solar_thermal: SolarThermal | None = None
    photovoltaics: Photovoltaics | None = None
    heat_pumps: HeatPumps | None = None
    source: str = ""


# --- public_buildings.yaml ------------------------------------------------------------------------

class PublicBuilding(Strict):
    name: str
    built: str = ""
    floor_area_m2: float | None = Field(default=None, ge=0)
    heat_source: str
    fuel_amount: float | None = Field(default=None, ge=0)
    fuel_unit: str = ""
    electricity_kwh: float | None = Field(default=None, ge=0)
    thermo_modernisation: str = ""
    res_installed: str = ""
    res_planned: str = ""


class PublicBuildingsInputs(Strict):
    year: int
    buildings: list[PublicBuilding] = Field(min_length=1)
    source: str = ""


# --- scenarios.yaml -------------------------------------------------------------------------------

SectorId = Literal["housing", "municipal", "business"]


class ScenarioEfficiency(Strict):
    existing_heating: float | None = Field(default=None, gt=0, le=1)   # None: the sector's base-year efficiency
    modernised_heating: float = Field(gt=0, le=1)
    new_heating: float = Field(gt=0, le=1)
    dhw: float = Field(gt=0, le=1)


class Scenario(Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    label: str
    short: str
    thermo_share_pct: dict[SectorId, dict[str, dict[int, float]]] = {}
    ek_after_default_kwh_m2a: float = Field(gt=0, le=400)
    new_building_ek_kwh_m2a: dict[SectorId, dict[int, float]]
    efficiency: ScenarioEfficiency
    carrier_shares_pct: dict[int, dict[CarrierId, float]] = {}
    boiler_mix_pct: dict[int, dict[Literal["coal", "biomass"], dict[str, float]]] = {}

    @field_validator("thermo_share_pct")
    @classmethod
    def _thermo_range(cls, v):
        for sector, periods in v.items():
            for period, by_year in periods.items():
                for year, pct in by_year.items():
                    if not 0 <= pct <= 100:
                        raise ValueError(f"udział termomodernizacji {sector}/{period}/{year} = {pct} poza zakresem 0–100 %")
        return v

    @field_validator("carrier_shares_pct")
    @classmethod
    def _carrier_sums(cls, v):
        for year, shares in v.items():
            check_shares_sum(shares, f"nośników w roku {year}")
        return v

    @field_validator("boiler_mix_pct")
    @classmethod
    def _mix_sums(cls, v):
        for year, by_fuel in v.items():
            for fuel, classes in by_fuel.items():
                check_shares_sum(classes, f"typów kotłów ({fuel}) w roku {year}")
        return v


class ScenarioInputs(Strict):
    area_growth: dict[SectorId, dict[int, float]]
    # the recommended scenario first, the do-nothing scenario last (the document describes them in these roles)
    scenarios: list[Scenario] = Field(min_length=2)

    @field_validator("scenarios")
    @classmethod
    def _unique_ids(cls, v):
        ids = [s.id for s in v]
        for i in ids:
            if ids.count(i) > 1:
                raise ValueError(f"identyfikator scenariusza {i!r} występuje więcej niż raz")
        return v

    @field_validator("area_growth")
    @classmethod
    def _growth(cls, v):
        for sector, by_year in v.items():
            for year, g in by_year.items():
                if not 0.5 <= g <= 3:
                    raise ValueError(f"przyrost powierzchni {sector}/{year} = {g} jest nierealny (oczekiwano ilorazu 0,5–3)")
        return v



def check_growth_years(folder: Path, loaded: dict) -> list[str]:
    """Content hook (cross-file): electricity growth steps must end within the planning period of gmina.yaml."""
    el, g = loaded.get("electricity"), loaded.get("gmina")
    if el is None or g is None:
        return []
    return [f"{folder / 'electricity.yaml'}, klucz growth[{i}].until: rok {step.until} leży poza okresem "
            f"planowania {g.base_year + 1}–{g.period.horizon}."
            for i, step in enumerate(el.growth) if not (g.base_year < step.until <= g.period.horizon)]
