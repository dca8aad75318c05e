"""Result types more than one method produces, so one block and one sentence serve every method.

Frozen dataclasses: a result is made once by its producer and only read afterwards (blocks lay it out)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportgen.results import FieldAccess

if TYPE_CHECKING:                       # the survey method's detail types (the method imports this module)
    from reportgen.methods.survey.results import MunicipalConsumption, StreetLightingOperation

# The consumer sectors of both methods, in table order (labels: rules/vocabulary.yaml, sectors).
SECTOR_ORDER = ("housing", "municipal", "business")


@dataclass(frozen=True)
class NetworkLine:
    voltage: str            # WN | SN | nN
    kind: str               # napowietrzna, kablowa, …
    km: float


@dataclass(frozen=True)
class MVFeeder:
    name: str
    stations: int           # MV/LV substations on the feeder


@dataclass(frozen=True)
class ElectricityNetwork(FieldAccess):
    """The distribution network in the gmina (result `network`), as the operator reports it."""
    operator: str
    lines: tuple[NetworkLine, ...]
    source: str
    mv_lines: tuple[MVFeeder, ...] = ()
    stations_mv_lv: int | None = None
    condition_pct: dict[str, float] = field(default_factory=dict)   # good / average / poor, percentages 0–100

    @property
    def total_km(self) -> float:
        return sum(ln.km for ln in self.lines)

    @property
    def mv_stations_total(self) -> int:
        return sum(f.stations for f in self.mv_lines)


@dataclass(frozen=True)
class LuminaireGroup:
    """Street-lighting luminaires of one kind or one lamp power, as the gmina reports them."""
    count: int
    share_pct: float                        # of all luminaires, 0–100
    type: str | None = None                 # the kind as the gmina names it ("LED", "sodowe ≤ 70 W"), if reported
    power_w: float | None = None            # lamp power, if reported
    power_kw: float | None = None           # the group's lamps together: power_w · count / 1000


@dataclass(frozen=True)
class StreetLighting(FieldAccess):
    """Result `street_lighting` (both methods): the luminaires and the energy they used in `year`.
    `led_count`/`mercury_count` exist where the luminaires are reported by kind (indicator method);
    `operation` where metered use, burn hours and tariff zones are known (survey method)."""
    year: int
    luminaires: tuple[LuminaireGroup, ...]
    count: int
    energy_kwh: float                       # used in `year` [kWh]
    energy_per_luminaire_kwh: float | None  # None without luminaires
    source: str
    led_count: int | None = None
    mercury_count: int | None = None        # mercury lamps, withdrawn from the EU market
    operation: StreetLightingOperation | None = None

    @property
    def other_than_led(self) -> int | None:
        return None if self.led_count is None else self.count - self.led_count


@dataclass(frozen=True)
class MunicipalBuilding:
    """One building of the gmina (owned or used by it), as the gmina reports it; a field not reported is None."""
    name: str
    built: str | None
    area_m2: float | None                   # floor area (public_buildings.yaml) or heated area (municipal_buildings.yaml)
    features: str | None = None             # a short description of the building
    heat_source: str | None = None
    fuel_amount: float | None = None        # fuel used in the year of the result, in `fuel_unit`
    fuel_unit: str | None = None
    electricity_kwh: float | None = None    # used in the year of the result
    thermo_modernisation: str | None = None
    res_installed: str | None = None


@dataclass(frozen=True)
class MunicipalEnergy(FieldAccess):
    """Result `municipal_energy` (both methods): the gmina's buildings and their energy use.
    Counts over the buildings' heat sources, thermo-modernisation and RES exist where the gmina reports them per
    building (indicator method: public_buildings.yaml); `consumption` where electricity by year and fuels of a
    heating season are reported (survey method: municipal_buildings.yaml)."""
    buildings: tuple[MunicipalBuilding, ...]
    source: str
    year: int | None = None                 # the year of the reported fuel and electricity use
    modernised: int | None = None           # new or completely thermo-modernised buildings
    oil_heated: int | None = None           # heat source names heating oil (a building with both fuels counts in each)
    coal_heated: int | None = None
    fossil_without_heat_pump: int | None = None   # oil or coal, no heat pump yet (each building once)
    heat_pump_buildings: tuple[str, ...] | None = None
    pv_buildings: int | None = None         # buildings with a photovoltaic installation
    consumption: MunicipalConsumption | None = None
