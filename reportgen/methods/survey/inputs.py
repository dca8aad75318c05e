"""Validated models of a content folder built by the survey-and-statistics method (issue 3; example:
content/knyszyn/). One model per file; keys are English, the YAML comments Polish; every constraint becomes a
Polish message naming file, key path and line (CSV: file, line and column).

Files (besides gmina.yaml, text.yaml and parameters, common to every method): the package's METHOD names them with
their models here, plus the locality CSV that demography.yaml names (read by the content hook `load_localities`).
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, ValidationError, field_validator, model_validator

from reportgen.errors import UserError
from reportgen.inputs.csvio import read_csv
from reportgen.inputs.messages import describe_error
from reportgen.quantities import Count, Efficiency, NonNeg, Pct, Share, Strict, Year, YearWindow, check_shares_sum

Period = Literal["do 1980", "1981-1990", "1991-2000", "2001-2010", "po 2010"]
Answer = Literal["will", "will_not", "done", "no_answer"]


def _check_window(window: tuple[int, int]) -> tuple[int, int]:
    if window[0] >= window[1]:
        raise ValueError(f"okno dopasowania trendu {window[0]}–{window[1]}: rok początkowy musi być wcześniejszy niż końcowy")
    return window


def _window_has_data(window: tuple[int, int], years, what: str) -> None:
    inside = [y for y in years if window[0] <= y <= window[1]]
    if len(inside) < 2:
        raise ValueError(f"okno trendu {window[0]}–{window[1]} obejmuje {len(inside)} rok(lata) danych ({what}); potrzeba co najmniej dwóch")


# --- demography.yaml ------------------------------------------------------------------------------

class PopulationForecast(Strict):
    method: Literal["linear_trend"]
    window: YearWindow
    localities: Literal["scale_by_trend"] = "scale_by_trend"

    @field_validator("window")
    @classmethod
    def _ordered_window(cls, v):
        return _check_window(v)


class DemographyInputs(Strict):
    population_bdl: dict[Year, Count] = Field(min_length=2)
    localities_file: str = Field(pattern=r"^[\w.\-]+\.csv$")
    localities_base_year: Year
    forecast: PopulationForecast
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document
    localities_source: str = ""      # origin of the locality register (the CSV file)

    @model_validator(mode="after")
    def _window(self):
        _window_has_data(self.forecast.window, self.population_bdl, "population_bdl")
        return self


class LocalityRow(Strict):
    locality: str = Field(min_length=1)
    population: dict[Year, Count]


class LocalityTable(Strict):
    rows: list[LocalityRow] = Field(min_length=1)

    @field_validator("rows")
    @classmethod
    def _unique(cls, rows):
        names = [r.locality for r in rows]
        dup = sorted({n for n in names if names.count(n) > 1})
        if dup:
            raise ValueError(f"miejscowość podana więcej niż raz: {', '.join(dup)}")
        return rows

    def by_year(self, year: int) -> dict[str, int]:
        return {r.locality: r.population[year] for r in self.rows}


# --- housing.yaml ---------------------------------------------------------------------------------

class TrendSetting(Strict):
    method: Literal["linear_trend"]
    window: YearWindow

    @field_validator("window")
    @classmethod
    def _ordered_window(cls, v):
        return _check_window(v)


class PlanTrend(Strict):
    base_year: Year
    base_value: NonNeg
    slope_per_year: float


class ResidentialBuildings(Strict):
    history: dict[Year, Count] = {}
    trend_from_plan: PlanTrend | None = None

    @model_validator(mode="after")
    def _some_data(self):
        if len(self.history) < 2 and self.trend_from_plan is None:
            raise ValueError("podaj historię liczby budynków (co najmniej 2 lata) albo trend_from_plan")
        return self


class NewBuildings(Strict):
    useful_heat_kwh_m2: float = Field(gt=0, le=500)
    heating_efficiency: Efficiency
    area_increase: Literal["from_forecast"] | NonNeg = "from_forecast"


class SurveyScaling(Strict):
    gmina_floor_area: Literal["forecast_base_year"] | Annotated[float, Field(gt=0)]


class HousingInputs(Strict):
    floor_area_m2: dict[Year, NonNeg] = Field(min_length=2)
    floor_area_forecast: TrendSetting
    residential_buildings: ResidentialBuildings
    new_buildings: NewBuildings
    survey_scaling: SurveyScaling
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document

    @model_validator(mode="after")
    def _window(self):
        _window_has_data(self.floor_area_forecast.window, self.floor_area_m2, "floor_area_m2")
        return self


# --- electricity_tariffs.yaml ---------------------------------------------------------------------

class ElectricityForecast(Strict):
    method: Literal["linear_trend"]
    window: YearWindow
    localities: Literal["by_population_same_year"] = "by_population_same_year"

    @field_validator("window")
    @classmethod
    def _ordered_window(cls, v):
        return _check_window(v)


class ElectricityTariffInputs(Strict):
    operator: str
    consumption_kwh: dict[Year, dict[Annotated[str, Field(pattern=r"^[A-Z]\d{0,2}[A-Z]?$")], NonNeg]] = Field(min_length=1)
    household_groups: list[str] = Field(min_length=1)
    business_groups: list[str] = []
    forecast: ElectricityForecast
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document

    @model_validator(mode="after")
    def _groups_known(self):
        known = {g for year in self.consumption_kwh.values() for g in year}
        unknown = [g for g in self.household_groups + self.business_groups if g not in known]
        if unknown:
            raise ValueError(f"grupy taryfowe bez danych zużycia: {', '.join(unknown)}")
        overlap = set(self.household_groups) & set(self.business_groups)
        if overlap:
            raise ValueError(f"grupa taryfowa nie może być jednocześnie w household_groups i business_groups: {', '.join(sorted(overlap))}")
        _window_has_data(self.forecast.window, self.consumption_kwh, "consumption_kwh")
        return self


# --- street_lighting.yaml -------------------------------------------------------------------------

class LuminaireGroup(Strict):
    power_w: float = Field(gt=0, le=2000)
    count: int = Field(ge=0)


class LightingTechnology(Strict):
    name: str
    lamps_per_km: float = Field(gt=0)
    lamp_power_w: float = Field(gt=0)


class StreetLightingInputs(Strict):
    year: Year
    luminaires: list[LuminaireGroup] = Field(min_length=1)
    reported_installed_kw: NonNeg | None = None
    ballast_factor: float = Field(default=1.0, ge=1.0, le=1.5)
    monthly_mwh: list[NonNeg] = Field(min_length=12, max_length=12)
    reported_annual_mwh: NonNeg | None = None
    lit_road_km: Annotated[float, Field(gt=0)] | None = None
    lit_road_km_variants: list[Annotated[float, Field(gt=0)]] = []
    tariff: str = ""
    reduced_power_share: Share = 0.5
    technologies: list[LightingTechnology] = []
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document
    technologies_source: str = ""    # origin of the comparison of light sources


# --- municipal_buildings.yaml ---------------------------------------------------------------------

SEASON = re.compile(r"^(\d{4})/(\d{4})$")


class SeasonFuel(Strict):
    oil_l: NonNeg = 0
    coal_t: NonNeg = 0
    wood_mp: NonNeg = 0


class MunicipalBuilding(Strict):
    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    built: str | None = None
    heated_area_m2: NonNeg | None = None
    volume_m3: dict[str, NonNeg] = {}
    features: str = ""
    reference: Literal["office", "school", "hospital", "restaurant", "station", "commercial"] | None = None
    electricity_kwh: dict[Year, NonNeg] = {}
    fuel_seasons: dict[str, SeasonFuel] = {}

    @field_validator("fuel_seasons")
    @classmethod
    def _seasons(cls, v):
        for key in v:
            m = SEASON.match(str(key))
            if not m or int(m.group(2)) != int(m.group(1)) + 1 or not 1990 <= int(m.group(1)) <= 2100:
                raise ValueError(f"sezon grzewczy {key!r}: oczekiwano zapisu RRRR/RRRR z kolejnymi latami, np. 2013/2014")
        return v


class MunicipalThermo(Strict):
    candidates: list[str] = []
    minimum_saving_pct: Pct = 25


class MunicipalBuildingsInputs(Strict):
    balance_season: str = Field(pattern=r"^\d{4}/\d{4}$")
    buildings: list[MunicipalBuilding] = Field(min_length=1)
    thermo_modernisation: MunicipalThermo = MunicipalThermo()
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document

    @model_validator(mode="after")
    def _ids(self):
        ids = [b.id for b in self.buildings]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"identyfikator budynku powtórzony: {', '.join(dup)}")
        missing = [c for c in self.thermo_modernisation.candidates if c not in ids]
        if missing:
            raise ValueError(f"thermo_modernisation.candidates: nie ma budynków {', '.join(missing)}")
        return self


# --- household_survey.yaml ------------------------------------------------------------------------

class HouseholdType(Strict):
    type: str
    energy_kwh: NonNeg
    persons: int = Field(gt=0)
    farm_area_ha: NonNeg | None = None


class HouseholdSizeGroup(Strict):
    """Surveyed households of one size (rysunek 10 of Knyszyn 2015): their persons and electricity use together."""
    size: str = Field(min_length=1, max_length=30)     # the group as the survey names it: "1", "2", "8 i więcej"
    households: Count = Field(gt=0)
    persons: Count = Field(gt=0)                        # persons living in these households, together
    energy_kwh: NonNeg                                  # their electricity use in the survey year [kWh]

    @model_validator(mode="after")
    def _persons(self):
        if self.persons < self.households:
            raise ValueError("persons: mniej osób niż gospodarstw domowych w grupie")
        return self


class SurveyElectricity(Strict):
    per_capita_kwh: float = Field(gt=0, le=10000)
    by_household_type: list[HouseholdType] = []
    by_household_size: list[HouseholdSizeGroup] = []


class PeriodFuelEnergy(Strict):
    """Surveyed buildings of one period of construction (rysunek 18): heated area and the energy of their fuels."""
    area_m2: float = Field(gt=0, le=1e9)
    fuel_energy_gj: NonNeg


class SavingPct(Strict):
    windows: Pct
    doors: Pct
    wall_insulation: Pct


class SurveyAssumptions(Strict):
    specific_fuel_energy_gj_m2: float = Field(gt=0, le=5)
    saving_pct: SavingPct
    saving_applied: Literal["windows", "doors", "wall_insulation"]
    boiler_efficiency_by_period_pct: dict[Period, Pct] = {}
    boiler_efficiency_old: Efficiency
    boiler_efficiency_new: Efficiency
    boiler_lifetime_years: int = Field(ge=5, le=60)

    @model_validator(mode="after")
    def _better(self):
        if self.boiler_efficiency_new <= self.boiler_efficiency_old:
            raise ValueError("sprawność nowych kotłów musi być wyższa niż starych")
        return self


class BoilerTables(Strict):
    count: dict[Period, dict[Answer, Count]]
    area_m2: dict[Period, dict[Answer, NonNeg]]

    @field_validator("count")
    @classmethod
    def _some_boilers(cls, count):
        if sum(v for row in count.values() for v in row.values()) <= 0:
            raise ValueError("wszystkie liczby kotłów w próbie ankietowej są równe 0 – nie ma z czego liczyć udziałów")
        return count


class SurveyAreaQuestions(Strict):
    """What the area of each survey table measures. The thermo-modernisation question and the boiler question may report
    different areas for the same dwellings (Knyszyn 2015: Tabela 27 – floor area of the surveyed buildings, 44 400,7 m²;
    Tabela 30 – heated area of the 265 boilers, 36 284,5 m²); the document says which is which."""
    thermo_intentions: str = Field(min_length=1)
    boilers: str = Field(min_length=1)


class HouseholdSurveyInputs(Strict):
    year: Year
    localities_surveyed: list[str] = []
    electricity: SurveyElectricity
    thermo_intentions_m2: dict[Period, dict[Answer, NonNeg]]
    boilers: BoilerTables
    area_questions: SurveyAreaQuestions | None = None   # optional: what each table's area measures
    old_periods: list[Period] = Field(min_length=1)
    assumptions: SurveyAssumptions
    persons_per_dwelling: float = Field(gt=0, le=15)
    fuel_energy_by_period: dict[Period, PeriodFuelEnergy] = {}   # optional: rysunek 18 appears when given
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document

    @model_validator(mode="after")
    def _sample(self):
        if sum(v for row in self.thermo_intentions_m2.values() for v in row.values()) <= 0:
            raise ValueError("thermo_intentions_m2: próba ankietowa nie może mieć zerowej powierzchni")
        return self


# --- fuels.yaml -----------------------------------------------------------------------------------

FuelId = Literal["lpg_cylinder", "coal", "wood", "pellets", "heating_oil", "coal_fines", "eco_pea_coal", "natural_gas_m3"]
EmissionRow = Literal["biomass", "coal", "oil", "natural_gas", "lpg", "other"]


class FuelElectricity(Strict):
    year: Year
    consumption_mwh: NonNeg


class FuelInputs(Strict):
    year: Year
    units: dict[FuelId, Literal["t", "m3", "mp", "l", "butla", "kWh"]]
    labels: dict[FuelId, str] = {}
    sectors: dict[Literal["households", "municipal", "business"], dict[FuelId, NonNeg]] = Field(min_length=1)
    renewable_fuels: list[FuelId] = []
    emission_rows: dict[FuelId, EmissionRow]
    ash_fuels: list[FuelId] = []
    electricity: FuelElectricity
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document

    @field_validator("sectors")
    @classmethod
    def _households_required(cls, v):
        # the fuel balance, savings and conclusions of the survey method are built around the households
        if "households" not in v:
            raise ValueError("brak sektora households (gospodarstwa domowe) – jest wymagany w metodzie ankietowej")
        return v

    @model_validator(mode="after")
    def _complete(self):
        used = {f for s in self.sectors.values() for f in s}
        for what, mapping in (("units", self.units), ("emission_rows", self.emission_rows)):
            missing = sorted(used - set(mapping))
            if missing:
                raise ValueError(f"{what}: brak wpisu dla paliw {', '.join(missing)}")
        return self


# --- agriculture.yaml -----------------------------------------------------------------------------

class SoilClass(Strict):
    class_: str = Field(alias="class")
    ha: NonNeg
    share_pct: Pct

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False, strict=True)


def _check_soil(rows: list[SoilClass], what: str) -> list[SoilClass]:
    check_shares_sum([r.share_pct for r in rows], what)
    total = sum(r.ha for r in rows)
    for r in rows:
        computed = 100.0 * r.ha / total if total else 0.0
        if abs(computed - r.share_pct) > 0.1:
            raise ValueError(f"klasa {r.class_}: udział {r.share_pct} % nie zgadza się z powierzchnią "
                             f"{r.ha} ha z {total} ha ({computed:.2f} %)")
    return rows


class SoilClasses(Strict):
    arable: list[SoilClass] = Field(min_length=1)
    grassland: list[SoilClass] = []

    @field_validator("arable")
    @classmethod
    def _arable(cls, v):
        return _check_soil(v, "klas gruntów ornych")

    @field_validator("grassland")
    @classmethod
    def _grass(cls, v):
        return _check_soil(v, "klas użytków zielonych") if v else v


class AgricultureInputs(Strict):
    area_km2: float = Field(gt=0)
    agricultural_land_pct: Pct
    forest_pct: Pct
    crops_ha: dict[str, NonNeg]
    straw_crops: list[str]
    livestock: dict[str, Count]
    soil_classes: SoilClasses
    marginal_arable_classes: list[str] = Field(min_length=1)
    protected_area_ha: NonNeg = 0
    meadow_ha: NonNeg = 0
    orchard_ha: NonNeg = 0
    energy_plantations_ha: NonNeg = 0
    rapeseed_ha: NonNeg = 0
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document

    @model_validator(mode="after")
    def _consistent(self):
        if self.agricultural_land_pct + self.forest_pct > 100.5:
            raise ValueError("użytki rolne i lasy razem przekraczają 100 % powierzchni gminy")
        missing = [c for c in self.straw_crops if c not in self.crops_ha]
        if missing:
            raise ValueError(f"straw_crops: brak powierzchni w crops_ha dla {', '.join(missing)}")
        classes = {r.class_ for r in self.soil_classes.arable}
        unknown = [c for c in self.marginal_arable_classes if c not in classes]
        if unknown:
            raise ValueError(f"marginal_arable_classes: nie ma takich klas gruntów ornych: {', '.join(unknown)}")
        return self


# --- biomass.yaml ---------------------------------------------------------------------------------

class NotAvailable(Strict):
    available: bool
    reason: str = ""

    @model_validator(mode="after")
    def _reason(self):
        if not self.available and not self.reason.strip():
            raise ValueError("podaj powód (reason), dla którego źródło nie jest dostępne – dokument go przytoczy")
        return self


class BiomassInputs(Strict):
    forest_ha: NonNeg
    road_km: NonNeg
    wastewater_m3: NonNeg | None = None           # None: no wastewater plant
    landfill: NotAvailable
    agricultural_biogas: NotAvailable
    agro_food_biogas: NotAvailable
    energy_basis: Literal["as_received", "dry_matter"] = "as_received"
    forest_energy_share: Literal["computed", "published"] = "computed"
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document


# --- solar_wind.yaml ------------------------------------------------------------------------------

class SolarInputs(Strict):
    dwellings: int = Field(ge=0)
    suitable_pct: Pct
    persons_per_dwelling: float = Field(gt=0, le=15)
    irradiation_kwh_m2: float = Field(gt=0, le=2500)
    source: str = ""                 # origin of the solar data


class WindInputs(Strict):
    mean_speed_m_s: float = Field(ge=0, le=30)
    agricultural_ha: NonNeg | None = None
    protected_ha: NonNeg | None = None
    area_per_turbine_ha: Annotated[float, Field(gt=0)] | None = None
    source: str = ""                 # origin of the wind data


class SolarWindInputs(Strict):
    solar: SolarInputs
    wind: WindInputs
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document


# --- networks.yaml --------------------------------------------------------------------------------

class LineLength(Strict):
    voltage: str
    kind: str
    km: NonNeg


class Stations(Strict):
    pole: int = Field(ge=0)
    indoor: int = Field(ge=0)


class ElectricityNetwork(Strict):
    operator: str
    supply: str = ""
    lines_km: list[LineLength] = []
    stations: Stations | None = None
    transformer_capacity_kva: NonNeg | None = None
    generation_connected_mw: NonNeg = 0
    connection_conditions_issued_mw: NonNeg = 0
    planned: list[str] = []
    insulated_lines_in: list[str] = []


class DistrictHeat(Strict):
    name: str
    supplies: str = ""
    heated_area_m2: NonNeg | None = None


class GasNetwork(Strict):
    exists: bool
    plans: str = ""


class NetworksInputs(Strict):
    electricity: ElectricityNetwork
    district_heat: list[DistrictHeat] = []
    gas_network: GasNetwork
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document


# --- neighbours.yaml ------------------------------------------------------------------------------

class Neighbour(Strict):
    name: str
    kind: Literal["miejska", "miejsko-wiejska", "wiejska"]
    plan_year: Year | None = None
    plan_note: str = ""


class NeighboursInputs(Strict):
    neighbours: list[Neighbour] = Field(min_length=1)
    consulted: bool
    cooperation: list[str] = []
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document


# --- heat_costs.yaml ------------------------------------------------------------------------------

class CarrierCost(Strict):
    id: str = Field(pattern=r"^[a-z_]+$")
    label: str
    lhv: float = Field(gt=0)
    lhv_unit: Literal["MJ/kg", "MJ/l", "MJ/kWh", "GJ/mp", "GJ/m3", "GJ/t", "MJ/m3"]
    unit: str
    efficiency: Efficiency
    price_pln: float = Field(gt=0)


class HeatCostInputs(Strict):
    source_power_kw: float = Field(gt=0)
    heating_kw: NonNeg
    dhw_kw: NonNeg
    full_load_hours: float = Field(gt=0, le=8760)
    carriers: list[CarrierCost] = Field(min_length=1)
    source: str = ""                 # origin of the data, for the "Źródło" lines of the document

    @model_validator(mode="after")
    def _power(self):
        if abs(self.heating_kw + self.dhw_kw - self.source_power_kw) > 1e-6:
            raise ValueError(f"moc źródła {self.source_power_kw} kW ≠ ogrzewanie {self.heating_kw} kW + c.w.u. {self.dhw_kw} kW")
        return self


# --- parameters/*.yaml ----------------------------------------------------------------------------
# One mechanism for every content folder: reportgen.inputs.parameters (ParameterEntry, load_parameter_folder);
# re-exported here for the survey-method helpers and tests.

# --- content hook (declared in the package's METHOD) ----------------------------------------------


def load_localities(folder: Path, loaded: dict) -> list[str]:
    """Content hook: the locality register named by demography.yaml → loaded["locality_population"].
    Returns the problems (Polish messages with file, line and column)."""
    demo = loaded.get("demography")
    if demo is None:
        return []
    try:
        table = load_locality_csv(Path(folder) / demo.localities_file, root=Path(folder))
    except UserError as exc:
        return list(exc.messages)
    if not any(demo.localities_base_year in r.population for r in table.rows):
        return [f"{Path(folder) / demo.localities_file}: brak kolumny roku bazowego {demo.localities_base_year} "
                f"(demography.yaml, localities_base_year)."]
    loaded["locality_population"] = table
    return []


def load_locality_csv(path: Path, root: Path | None = None) -> LocalityTable:
    """CSV `locality,<year>,<year>…` (read by reportgen.inputs.csvio: `;` or `,`, BOM, comments). Errors: file,
    line, column."""
    table = read_csv(path, root=root)
    label, header = table.label, table.header
    years = _header_years(header, label, table.header_line)
    problems: list[str] = []
    rows: list[dict] = []
    row_lines: list[int] = []
    for row in table.rows:
        if len(row.cells) != len(header):
            problems.append(f"{table.where(row.line)}: {len(row.cells)} kolumn zamiast {len(header)}.")
            continue
        pop: dict[int, object] = {}
        for col, year in enumerate(years, start=2):
            try:
                pop[year] = table.number(row, col, integer=True)
            except UserError as exc:
                problems.extend(exc.messages)
        rows.append({"locality": row.cells[0].strip(), "population": pop})
        row_lines.append(row.line)
    if problems:
        raise UserError(problems)
    try:
        return LocalityTable.model_validate({"rows": rows})
    except ValidationError as exc:
        raise UserError([_csv_message(err, label, row_lines) for err in exc.errors(include_url=False)]) from None


def _header_years(header: list[str], label: str, line_no: int) -> list[int]:
    """The year columns of the locality CSV header (`locality,<year>,<year>…`)."""
    if not header or header[0].strip() != "locality":
        raise UserError(f"{label}, wiersz {line_no}: pierwsza kolumna nagłówka musi się nazywać „locality”.")
    problems = [f"{label}, wiersz {line_no}, kolumna {col}: nagłówek {h!r} nie jest rokiem."
                for col, h in enumerate(header[1:], start=2) if not h.strip().isdigit()]
    if problems:
        raise UserError(problems)
    return [int(h) for h in header[1:]]


def _csv_message(err: Mapping[str, Any], label: str, row_lines: list[int]) -> str:
    """A validation error of the locality table as file, CSV line and column (the one Polish message table)."""
    loc = err["loc"]
    row = loc[1] if len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(row_lines) else None
    where = f", wiersz {row_lines[row]}" if row is not None else ""
    col = f", kolumna {loc[3]}" if len(loc) > 3 else ""
    return f"{label}{where}{col}: {describe_error(err)}."
