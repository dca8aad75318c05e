"""Results of the survey-and-statistics method (content like content/knyszyn/): pure glue from the validated
content and parameters to the calculators of reportgen.methods.survey.calc. Every producer runs only when the files
it needs exist (an indicator-method folder such as content/kluki/ produces none of these results), and every
result names the calculators and the input files/keys behind it (`reportgen explain`).

Results (name → what):
  population         linear trend of the population (equation), forecast to the horizon, localities
  housing_forecast   residential floor area trend (equation) and building count to the horizon
  el_tariffs         electricity by tariff group, trend forecasts, per locality, survey vs distributor
  street_lighting    street lighting: luminaires, power, monthly use, burn hours in tariff zones, per km, technologies
  municipal_energy   municipal buildings: electricity kWh/m² vs references, heat GJ/m², thermo candidates
  municipal_thermo   savings of the municipal buildings named for thermo-modernisation (only when some are)
  fuel_balance       fuels in natural units → GJ by sector, renewable share incl. grid electricity
  fuel_emissions     SO₂, NOₓ, TSP, CO, CO₂ by fuel and sector (biogenic CO₂ = 0, memo); ash
  residential_savings  survey intentions → thermo-modernisation and boiler-replacement savings
  new_buildings      heat for the floor area added by the forecast
  demand_forecast    fuel energy demand base year → horizon by sector, from the assessed savings and new buildings
  biomass            inventory of biomass and biogas resources, energy and technical potential
  solar, wind        solar collectors; wind power with the speed threshold
  heat_costs         cost of 1 GJ of heat by carrier
  network            networks.yaml in the shape of the indicator method's `network` (one table builder for both)
  network_plans, neighbours   facts of networks.yaml / neighbours.yaml (operator, plans, district heat, gas)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportgen.common_results import (
    SECTOR_ORDER,
    ElectricityNetwork,
    LuminaireGroup,
    MunicipalBuilding,
    MunicipalEnergy,
    NetworkLine,
    StreetLighting,
)
from reportgen.errors import UserError
from reportgen.methods.survey.calc import biomass as bm
from reportgen.methods.survey.calc import costs
from reportgen.methods.survey.calc import electricity_survey as es
from reportgen.methods.survey.calc import emissions_fuel as ef
from reportgen.methods.survey.calc import fuel_balance as fb
from reportgen.methods.survey.calc import lighting as li
from reportgen.methods.survey.calc import municipal as mu
from reportgen.methods.survey.calc import savings as sv
from reportgen.methods.survey.calc import solar_wind as sw
from reportgen.methods.survey.calc import trend as tr
from reportgen.quantities import mean_per, percent_change, percent_of, total_of
from reportgen.results import Context, FieldAccess, Result, producer

# --- result types (frozen: made once by the producer, only read by blocks and templates) ----------------------

@dataclass(frozen=True)
class Population(FieldAccess):
    """Result `population`: Linear trend of the population, its forecast to the horizon and the localities."""
    trend: Any
    trend_line: dict[int, float]             # the trend from the first recorded year to the horizon (chart)
    equation: str
    history: Any
    forecast_total: Any
    horizon_change_pct: float
    totals: Any
    clamped_years: Any
    register_base: Any
    register: Any
    register_base_year: int
    localities: Any
    years: list[int]
    source: str
    localities_source: str


@dataclass(frozen=True)
class HousingForecast(FieldAccess):
    """Result `housing_forecast`: Residential floor area trend and building count to the horizon."""
    floor_trend: Any
    floor_equation: str
    floor_history: Any
    floor: Any
    floor_clamped: Any
    buildings: Any
    years: list[int]
    source: str


@dataclass(frozen=True)
class ElectricityTariffs(FieldAccess):
    """Result `el_tariffs`: Electricity by tariff group, trend forecasts, per locality, survey vs distributor."""
    operator: str
    groups: Any
    household_groups: Any
    business_groups: Any
    kwh: Any
    totals: Any
    last_year: int
    years_measured: list[int]
    future: list[int]
    forecast: Any
    equations: Any
    clamped: Any
    window: Any
    source: str
    households_share_pct: float
    horizon_change_pct: float
    localities: Any = None
    survey: Any = None
    localities_base: Any = None
    localities_base_population: Any = None
    localities_base_population_total: float | None = None
    localities_total_mwh: dict[int, float] | None = None     # households of all localities, by year


@dataclass(frozen=True)
class StreetLightingOperation(FieldAccess):
    """The survey method's part of result `street_lighting`: installed power, monthly use, burn hours in tariff
    zones, the reduced-power variant, use per km of lit road and light-source technologies."""
    luminaires_kw: float                     # the lamps together [kW] (sources only)
    power_kw: float                          # with ballast losses
    reported_power_kw: float | None
    ballast_factor: float
    monthly_mwh: list[float]
    annual_mwh: float
    reported_annual_mwh: float | None
    equivalent_hours: float
    hours_exceed_burn_time: bool             # metered use > 105 % of the burn time at full power: data incomplete
    per_km_kwh: dict[float, float]
    lit_road_km: float | None
    hours: dict[str, float]
    zones: Any
    reduced: Any
    reduced_power_share: float
    reduction_mwh: float                     # full power all night − reduced power at night
    tariff: str
    technologies: Any
    technologies_source: str
    hours_source: str


@dataclass(frozen=True)
class MunicipalConsumption(FieldAccess):
    """The survey method's part of result `municipal_energy`: electricity by year against lighting references
    [kWh/m²], fuels of a heating season [GJ, GJ/m²] and the thermo-modernisation candidates' savings."""
    years: list[int]
    references: Any
    reference_power: Any
    reference_hours: Any
    electricity: Any
    season: str
    lhv_gj: dict[str, float]
    heat: Any
    heat_total_gj: float
    heat_gj_m2_range: tuple[float, float] | None      # lowest and highest GJ/m² of the buildings with an area
    above_reference: list[str]                        # buildings whose electricity per m² exceeds the reference
    thermo: Any
    thermo_saving_gj: float
    thermo_saving_pct: float
    thermo_minimum_pct: float
    thermo_energy_gj: float                           # fuel energy of the thermo-modernisation candidates
    electricity_total_kwh: dict[int, float]
    fuel_totals: dict[str, float]                     # oil_l, coal_t, wood_mp of all buildings in the season
    reference_source: str
    wood_m3_per_mp: float = 1.0                       # the gmina reports wood in mp; the document's wood unit is m³


@dataclass(frozen=True)
class FuelBalanceResult(FieldAccess):
    """Result `fuel_balance`: Fuels in natural units → GJ by sector; renewable share including grid electricity."""
    year: int
    quantities: Any
    units: Any
    labels: Any
    order: Any
    gj_per_unit: Any
    balance: Any
    split: Any
    res_share_pct: float
    electricity_mwh: float
    renewable_fuels: Any
    lhv_params: Any
    households_gj_m2: float | None
    fuels_by_share: list[tuple[str, float]]    # (fuel, % of the fuel energy), largest first
    top_renewable_fuel: str | None             # the renewable fuel with the most energy
    source: str
    res_source: str


@dataclass(frozen=True)
class FuelEmissions(FieldAccess):
    """Result `fuel_emissions`: Emissions by fuel row and sector (biogenic CO₂ = 0) and ash from solid fuels."""
    rows: Any
    row_labels: dict[str, str]               # factor row → carrier label (rules/vocabulary.yaml)
    top_tsp_row: str | None                  # the factor row emitting the most dust
    ash_total_t: float
    factors: Any
    biogenic_rows: Any
    by_sector: Any
    total: Any
    energy_by_row: Any
    ash: Any                                 # per ash fuel: mass_t, ash_t (all sectors) and by sector
    ash_mass_total_t: float
    ash_by_sector_t: dict[str, float]
    year: int
    factor_source: str
    co2_source: str
    ash_source: str


@dataclass(frozen=True)
class BoilerAge(FieldAccess):
    """Boilers of the survey by installation period: counts and heated areas with their shares [%]."""
    counts: dict[str, float]
    count_pct: dict[str, float]
    areas: dict[str, float]
    area_pct: dict[str, float]
    total_count: float
    total_area: float


@dataclass(frozen=True)
class ResidentialSavings(FieldAccess):
    """Result `residential_savings`: Survey intentions → thermo-modernisation and boiler-replacement savings."""
    year: int
    gmina_area_m2: float
    area_from_forecast: bool
    intentions: Any
    intention_shares: Any
    boiler_counts: Any
    boiler_areas: Any
    old_periods: Any
    thermo: Any
    boilers: Any
    boiler: Any
    assumptions: Any
    saving_applied: str
    saving_pct: float
    boiler_age: BoilerAge
    intention_period_m2: dict[str, float]    # thermo-modernisation intentions: all answers of each period [m²]
    intention_answer_m2: dict[str, float]    # each answer over all periods [m²]
    intention_total_m2: float
    boiler_intention_totals: dict[str, float]   # count, will, done, area_m2, will_area_m2 over all periods
    source: str
    area_questions: Any = None               # what the thermo and boiler tables' areas measure (household_survey.yaml)
    buildings: Any = None
    coal_share_pct: float | None = None
    households_gj: float | None = None
    thermo_share_of_households_pct: float | None = None
    thermo_coal_gj: float | None = None
    thermo_co2_t: float | None = None
    boiler_coal_gj: float | None = None
    boiler_co2_t: float | None = None


@dataclass(frozen=True)
class NewBuildings(FieldAccess):
    """Result `new_buildings`: Heat for the floor area added by the forecast."""
    heat: Any
    area_start_m2: float | None
    area_end_m2: float | None
    from_forecast: bool
    useful_kwh_m2: float
    efficiency: float
    from_year: int
    to_year: int


@dataclass(frozen=True)
class DemandForecast(FieldAccess):
    """Result `demand_forecast`: Fuel energy demand base year → horizon by sector, from the assessed changes."""
    from_year: int
    to_year: int
    sectors: Any
    total: Any
    changes: tuple[str, ...]                 # the changes assessed, in order (labels: vocabulary demand_changes)
    lpg_gj: float
    business_assessed: bool


@dataclass(frozen=True)
class BiomassResources(FieldAccess):
    """Result `biomass`: Inventory of biomass and biogas resources, energy and technical potential."""
    wood_technical_gj: float                 # technical potential of the wood resources together (after boiler efficiency)
    wood_energy_gj: float                    # fuel energy of the wood resources together (before boiler efficiency)
    wood_volume_m3: float                    # the wood resources together
    wood_mass_t: float
    crops_area_ha: float                     # the crops giving straw together
    herd_count: float                        # livestock together
    fe_pct: float
    fp_pct: float
    share_basis: str
    wood: Any
    forest_ha: float
    road_km: float
    orchard_ha: float
    crops: Any
    straw_production_t: float
    herd: Any
    livestock: Any
    organic_balance_t: float
    straw: Any
    hay_t: float
    meadow_ha: float
    marginal_gross_ha: float
    marginal_net_ha: float
    marginal_classes: Any
    protected_ha: float
    energy_crops_t: float
    energy_crops_gross_t: float
    plantations_ha: float
    grain_t: float
    biodiesel: Any
    rapeseed_ha: float
    energy: Any
    biogas: Any
    total: Any
    basis: str
    efficiency: float
    unavailable: Any
    source: str
    agri_source: str


@dataclass(frozen=True)
class SolarPotential(FieldAccess):
    """Result `solar`: Solar collectors' technical potential."""
    potential: Any
    inputs: Any
    area_per_person_m2: float
    efficiency: float
    source: str
    efficiency_source: str


@dataclass(frozen=True)
class WindPotential(FieldAccess):
    """Result `wind`: Wind power and energy for the assumed turbine and wind speed."""
    potential: Any
    turbines: Any
    speed_m_s: float
    threshold_m_s: float
    radius_m: float
    air_density: float
    efficiency: float
    hours: float
    source: str


@dataclass(frozen=True)
class HeatCosts(FieldAccess):
    """Result `heat_costs`: Cost of 1 GJ of heat by carrier."""
    rows_by_cost: list[Any]                  # the rows, cheapest first
    heat_gj: float
    power_kw: float
    heating_kw: float
    dhw_kw: float
    hours: float
    rows: Any
    source: str


@dataclass(frozen=True)
class NetworkPlans(FieldAccess):
    """Result `network_plans`: Facts of networks.yaml: operator's plans, district heat, gas network."""
    operator: str
    supply: Any
    planned: Any
    insulated_lines_in: Any
    generation_connected_mw: float
    connection_conditions_issued_mw: float
    gas_network: Any
    district_heat: Any
    overhead_share_pct: dict[str, float]
    source: str


@dataclass(frozen=True)
class Neighbours(FieldAccess):
    """Result `neighbours`: Planning documents of the neighbouring gminas and cooperation."""
    neighbours: Any
    consulted: Any
    cooperation: Any
    source: str


# fuels.yaml names the residential sector `households` (a user's key, kept); results use the vocabulary's id
SECTOR_OF_INPUT = {"households": "housing", "municipal": "municipal", "business": "business"}


def fuel_sectors(fuels) -> dict[str, dict[str, float]]:
    """fuels.yaml `sectors` keyed by the vocabulary's sector ids (rules/vocabulary.yaml, sectors)."""
    return {SECTOR_OF_INPUT[k]: v for k, v in fuels.sectors.items()}


def _years(ctx: Context) -> list[int]:
    g = ctx.content.gmina
    return list(range(g.base_year, g.period.horizon + 1))


def _param(ctx: Context, pid: str, file: str):
    """A parameter the survey method needs; a missing one is the user's data problem, not a crash."""
    try:
        return ctx.params.entry(pid)
    except KeyError:
        raise UserError(f"{ctx.content.folder / 'parameters'}: brak parametru {pid!r} potrzebnego do obliczeń "
                        f"(dane: {file}); dodaj go w parameters/*.yaml (value albo values, unit, source, valid_from).") from None


def _value(ctx: Context, pid: str, file: str) -> float:
    e = _param(ctx, pid, file)
    if "value" not in e:
        raise UserError(f"{ctx.params.files.get(pid, 'parameters')}, klucz {pid}: oczekiwano pojedynczej wartości (value).")
    return e["value"]


def _row(ctx: Context, pid: str, file: str) -> dict:
    e = _param(ctx, pid, file)
    if "values" not in e:
        raise UserError(f"{ctx.params.files.get(pid, 'parameters')}, klucz {pid}: oczekiwano wiersza wartości (values).")
    return ctx.params.row(pid)     # a missing key of the row is a message naming file and parameter


def _params(*ids: str) -> str:
    return "parametry gminy: " + ", ".join(ids)


def _largest(keys, values: dict) -> str | None:
    """The key with the largest positive value (the first of equals), None when none is positive."""
    best, best_value = None, 0.0
    for k in keys:
        if values[k] > best_value:
            best, best_value = k, values[k]
    return best


# --- demography and housing ----------------------------------------------------------------------------

@producer
def population(ctx: Context) -> list[Result]:
    d, table = ctx.content.demography, ctx.content.locality_population
    if d is None or table is None:
        return []
    years = _years(ctx)
    base = d.localities_base_year
    fit = tr.fit_linear_trend(d.population_bdl, d.forecast.window)
    totals = tr.forecast(fit, sorted(set(years) | {base}))
    localities = tr.scale_localities(table.by_year(base), base, totals.values)
    # the gmina's forecast is the register of the base year carried by the trend: the sum of the localities
    forecast_total = {y: sum(series[y] for series in localities.values()) for y in years}
    value = {"trend": fit, "equation": fit.equation_text(), "history": dict(sorted(d.population_bdl.items())),
             "trend_line": {y: fit.value(y) for y in range(min(d.population_bdl), max(years) + 1)},
             "forecast_total": forecast_total, "horizon_change_pct": percent_change(forecast_total[ctx.content.gmina.period.horizon],
                                                 forecast_total[ctx.content.gmina.base_year]),
             "totals": {y: totals.values[y] for y in years}, "clamped_years": totals.clamped_years,
             "register_base": table.by_year(base), "register": table, "register_base_year": base,
             "localities": localities, "years": years, "source": d.source, "localities_source": d.localities_source}
    return [Result("population", Population(**value),
                   inputs=["demography.yaml: population_bdl, forecast.window", f"{d.localities_file}: liczba ludności wg miejscowości"])]


@producer
def housing_forecast(ctx: Context) -> list[Result]:
    h = ctx.content.housing
    if h is None:
        return []
    years = _years(ctx)
    fit = tr.fit_linear_trend(h.floor_area_m2, h.floor_area_forecast.window)
    floor = tr.forecast(fit, years)
    rb = h.residential_buildings
    buildings = None
    inputs = ["housing.yaml: floor_area_m2, floor_area_forecast.window"]
    if len(rb.history) >= 2:
        b_fit = tr.fit_linear_trend(rb.history)
        buildings = {"values": tr.forecast(b_fit, years).values, "equation": b_fit.equation_text(), "from_plan": False}
        inputs.append("housing.yaml: residential_buildings.history")
    elif rb.trend_from_plan is not None:
        t = rb.trend_from_plan
        line = tr.LinearTrend(slope=t.slope_per_year, intercept=t.base_value, x_origin_year=t.base_year,
                              window=(t.base_year, t.base_year), n=0, r2=float("nan"))
        buildings = {"values": tr.forecast(line, years).values, "slope": t.slope_per_year, "base_year": t.base_year,
                     "base_value": t.base_value, "from_plan": True}
        inputs.append("housing.yaml: residential_buildings.trend_from_plan")
    value = {"floor_trend": fit, "floor_equation": fit.equation_text(), "floor_history": dict(sorted(h.floor_area_m2.items())),
             "floor": floor.values, "floor_clamped": floor.clamped_years, "buildings": buildings, "years": years,
             "source": h.source}
    return [Result("housing_forecast", HousingForecast(**value), inputs=inputs)]


# --- electricity ---------------------------------------------------------------------------------------------

@producer
def el_tariffs(ctx: Context) -> list[Result]:
    e = ctx.content.electricity_tariffs
    if e is None:
        return []
    g = ctx.content.gmina
    tot = es.tariff_totals(e.consumption_kwh, tuple(e.business_groups), tuple(e.household_groups))
    last = max(e.consumption_kwh)
    future = list(range(last + 1, g.period.horizon + 1))
    fc = {name: tr.linear_forecast(series, future, e.forecast.window)
          for name, series in (("total", tot.total_mwh), ("business", tot.business_mwh), ("households", tot.households_mwh))}
    groups = sorted({grp for year in e.consumption_kwh.values() for grp in year})
    value = {"operator": e.operator, "groups": groups, "household_groups": e.household_groups,
             "business_groups": e.business_groups, "kwh": e.consumption_kwh, "totals": tot, "last_year": last,
             "years_measured": sorted(e.consumption_kwh), "future": future,
             "forecast": {k: v.values for k, v in fc.items()}, "equations": {k: v.trend.equation_text() for k, v in fc.items()},
             "clamped": {k: v.clamped_years for k, v in fc.items()}, "window": e.forecast.window, "source": e.source,
             "households_share_pct": percent_of(tot.households_mwh[last], tot.total_mwh[last]),
             "horizon_change_pct": percent_change(fc["total"].values[g.period.horizon], tot.total_mwh[last])}
    inputs = ["electricity_tariffs.yaml: consumption_kwh, household_groups, business_groups, forecast.window"]
    table = ctx.content.locality_population
    if ctx.has("population") and table is not None:
        pop = ctx.value("population")
        homes = {last: tot.households_mwh[last], **fc["households"].values}
        base_pop = table.by_year(last) if any(last in r.population for r in table.rows) else None
        if base_pop is not None:
            value["localities_base"] = es.distribute_by_population(tot.households_mwh[last], base_pop)
            value["localities_base_population"] = base_pop
            value["localities_base_population_total"] = total_of(base_pop.values())
        years = [y for y in homes if y in pop.totals]
        localities = es.locality_forecast_mwh(
            {name: {y: series[y] for y in years} for name, series in pop.localities.items()}, {y: homes[y] for y in years})
        value["localities"] = localities
        value["localities_total_mwh"] = {y: total_of(series[y] for series in localities.values())
                                         for y in next(iter(localities.values()), {})}
        inputs.append("wynik: population")
    hs = ctx.content.household_survey
    if hs is not None:
        types = [{"type": t.type, "energy_kwh": t.energy_kwh, "persons": t.persons, "farm_area_ha": t.farm_area_ha,
                  "per_capita_kwh": es.per_capita_kwh(t.energy_kwh, t.persons)} for t in hs.electricity.by_household_type]
        value["survey"] = {"per_capita_kwh": hs.electricity.per_capita_kwh, "types": types,
                           "estimate_mwh": es.survey_estimate_mwh(hs.electricity.per_capita_kwh, g.population),
                           "distributor_per_capita_kwh": es.per_capita_kwh(tot.households_mwh[last] * 1000, g.population),
                           "population": g.population, "source": hs.source,
                           # the ratio of the sums of the table by household type; the plan's mean of answers differs
                           "pooled_per_capita_kwh": es.per_capita_kwh(sum(t["energy_kwh"] for t in types),
                                                                      sum(t["persons"] for t in types)) if types else None}
        inputs.append("household_survey.yaml: electricity; gmina.yaml: population")
    return [Result("el_tariffs", ElectricityTariffs(**value), inputs=inputs)]


@producer
def street_lighting(ctx: Context) -> list[Result]:
    """Result `street_lighting` from street_lighting.yaml: luminaires by lamp power and the operation details."""
    s = ctx.content.street_lighting
    if s is None:
        return []
    f = "street_lighting.yaml"
    by_power: dict[float, int] = {}
    for grp in s.luminaires:
        by_power[grp.power_w] = by_power.get(grp.power_w, 0) + grp.count
    power = li.installed_power_kw(by_power, s.ballast_factor)
    annual = li.annual_energy_mwh(s.monthly_mwh)
    measured_mwh = s.reported_annual_mwh or annual
    hours = {k: _value(ctx, f"burn_hours_{k}", f) for k in ("total", "day_zone", "night_zone", "night_full_power", "night_reduced_power")}
    zones = li.zone_energy(power, hours["day_zone"], hours["night_zone"])
    reduced = li.reduced_power_energy(power, s.reduced_power_share, hours["day_zone"], hours["night_full_power"],
                                      hours["night_reduced_power"])
    lengths = [s.lit_road_km] if s.lit_road_km else list(s.lit_road_km_variants)
    equivalent = li.equivalent_hours(measured_mwh * 1000, power)
    operation = StreetLightingOperation(
        luminaires_kw=li.installed_power_kw(by_power),
        power_kw=power, reported_power_kw=s.reported_installed_kw, ballast_factor=s.ballast_factor,
        monthly_mwh=list(s.monthly_mwh), annual_mwh=annual, reported_annual_mwh=s.reported_annual_mwh,
        equivalent_hours=equivalent, hours_exceed_burn_time=equivalent > 1.05 * hours["total"],
        per_km_kwh=li.energy_per_km_kwh(measured_mwh, lengths) if lengths else {},
        lit_road_km=s.lit_road_km, hours=hours, zones=zones, reduced=reduced,
        reduced_power_share=s.reduced_power_share, reduction_mwh=li.saving_mwh(zones, reduced), tariff=s.tariff,
        technologies=[(t.name, t.lamps_per_km, t.lamp_power_w, li.power_per_km_w(t.lamps_per_km, t.lamp_power_w))
                      for t in s.technologies],
        technologies_source=s.technologies_source, hours_source=ctx.params.source("burn_hours_total"))
    count = sum(g.count for g in s.luminaires)
    value = StreetLighting(
        year=s.year, count=count, energy_kwh=measured_mwh * 1000,
        energy_per_luminaire_kwh=mean_per(measured_mwh * 1000, count),
        luminaires=tuple(LuminaireGroup(g.count, percent_of(g.count, count), power_w=g.power_w,
                                        power_kw=li.group_power_kw(g.power_w, g.count)) for g in s.luminaires),
        source=s.source, operation=operation)
    return [Result("street_lighting", value,
                   inputs=[f"{f}: luminaires, monthly_mwh, lit_road_km(_variants), reduced_power_share, technologies",
                    _params("burn_hours_*")])]


# --- municipal buildings ---------------------------------------------------------------------------------------

@producer
def municipal_energy(ctx: Context) -> list[Result]:
    m = ctx.content.municipal_buildings
    if m is None:
        return []
    f = "municipal_buildings.yaml"
    years = sorted({y for b in m.buildings for y in b.electricity_kwh})
    ref_power, ref_hours = _row(ctx, "reference_lighting_power", f), _row(ctx, "reference_lighting_hours", f)
    references = {cat: mu.reference_kwh_m2(ref_power[cat], ref_hours[cat]) for cat in ref_power if cat in ref_hours}
    electricity = []
    for b in m.buildings:
        if not b.electricity_kwh:
            continue
        specific = {y: mu.specific_kwh_m2(v, b.heated_area_m2) for y, v in b.electricity_kwh.items()} if b.heated_area_m2 else {}
        ref = references.get(b.reference) if b.reference else None
        last = max(b.electricity_kwh)
        electricity.append({"id": b.id, "name": b.name, "area_m2": b.heated_area_m2, "kwh": b.electricity_kwh,
                            "specific": specific, "reference_kwh_m2": ref, "category": b.reference,
                            "above_reference": (ref is not None and last in specific
                                                and mu.compare_to_reference({b.id: specific[last]}, {b.id: ref})[0].above_reference)})
    lhv = {"oil_l": fb.gj_per_unit(_value(ctx, "lhv_heating_oil", f), _param(ctx, "lhv_heating_oil", f)["unit"]),
           "coal_t": fb.gj_per_unit(_value(ctx, "lhv_coal", f), _param(ctx, "lhv_coal", f)["unit"]),
           # wood reported in mp (stacked), calorific value per m³: GJ/mp = GJ/m³ · m³/mp (parameter wood_m3_per_mp)
           "wood_mp": fb.gj_per_unit(_value(ctx, "lhv_wood", f), _param(ctx, "lhv_wood", f)["unit"]) * _value(ctx, "wood_m3_per_mp", f)}
    season = m.balance_season
    heat = []
    for b in m.buildings:
        q = b.fuel_seasons.get(season)
        if q is None:
            continue
        quantities = q.model_dump()
        energy = mu.fuel_energy_gj(quantities, lhv)
        heat.append({"id": b.id, "name": b.name, "area_m2": b.heated_area_m2, "quantities": quantities, "energy_gj": energy,
                     "gj_m2": mu.heat_indicator_gj_m2(energy, b.heated_area_m2) if b.heated_area_m2 else None})
    by_id = {h["id"]: h for h in heat}
    thermo = [{"id": c, "name": by_id[c]["name"], "energy_gj": by_id[c]["energy_gj"],
               "saving_gj": mu.thermo_saving_gj(by_id[c]["energy_gj"], m.thermo_modernisation.minimum_saving_pct)}
              for c in m.thermo_modernisation.candidates if c in by_id]
    use = {"years": years, "references": references, "reference_power": ref_power, "reference_hours": ref_hours,
             "electricity": electricity, "season": season, "lhv_gj": lhv, "heat": heat,
             "heat_total_gj": sum(h["energy_gj"] for h in heat), "thermo": thermo,
             "heat_gj_m2_range": (min(per_m2), max(per_m2)) if (per_m2 := [h["gj_m2"] for h in heat if h["gj_m2"]]) else None,
             "above_reference": [b["name"] for b in electricity if b["above_reference"]],
             "thermo_saving_gj": sum(x["saving_gj"] for x in thermo),
             "thermo_saving_pct": percent_of(sum(x["saving_gj"] for x in thermo), sum(h["energy_gj"] for h in heat)),
             "thermo_minimum_pct": m.thermo_modernisation.minimum_saving_pct,
             "thermo_energy_gj": total_of(x["energy_gj"] for x in thermo),
             "electricity_total_kwh": {y: total_of(b["kwh"].get(y, 0) for b in electricity) for y in years},
             "fuel_totals": {k: total_of(h["quantities"].get(k, 0) for h in heat) for k in ("oil_l", "coal_t", "wood_mp")},
             "reference_source": ctx.params.source("reference_lighting_power"), "wood_m3_per_mp": _value(ctx, "wood_m3_per_mp", f)}
    buildings = tuple(MunicipalBuilding(b.name, b.built, b.heated_area_m2, features=b.features or None) for b in m.buildings)
    value = MunicipalEnergy(buildings=buildings, source=m.source, consumption=MunicipalConsumption(**use))
    return [Result("municipal_energy", value,
                   inputs=[f"{f}: buildings, balance_season, thermo_modernisation",
                    _params("reference_lighting_power", "reference_lighting_hours", "lhv_heating_oil", "lhv_coal", "lhv_wood",
                            "wood_m3_per_mp")])]


@dataclass(frozen=True)
class MunicipalThermo(FieldAccess):
    """Result `municipal_thermo`: the municipal buildings named for thermo-modernisation and their savings."""
    buildings: list[dict[str, Any]]          # id, name, energy_gj, saving_gj
    saving_gj: float


@producer
def municipal_thermo(ctx: Context) -> list[Result]:
    """The thermo-modernisation part of `municipal_energy`, a result of its own so a section can require it."""
    m = ctx.value("municipal_energy").consumption if ctx.has("municipal_energy") else None
    if m is None or not m.thermo:
        return []
    return [Result("municipal_thermo", MunicipalThermo(m.thermo, m.thermo_saving_gj),
                   inputs=["wynik: municipal_energy", "municipal_buildings.yaml: thermo_modernisation, buildings[].fuel_seasons"])]


# --- fuel balance, emissions, ash -----------------------------------------------------------------------------------

EMISSION_ROWS = ("biomass", "coal", "oil", "natural_gas", "lpg", "other")   # factor rows (carriers of the vocabulary), in order
FUEL_LHV = {"coal": "lhv_coal", "coal_fines": "lhv_coal", "eco_pea_coal": "lhv_eco_pea_coal", "wood": "lhv_wood",
            "pellets": "lhv_pellets", "heating_oil": "lhv_heating_oil", "lpg_cylinder": "lhv_lpg",
            "natural_gas_m3": "lhv_natural_gas"}


def _gj_per_unit(ctx: Context, fuels) -> dict[str, float]:
    out = {}
    used = {f for s in fuels.sectors.values() for f in s}
    for fuel in sorted(used):
        pid = FUEL_LHV[fuel]
        e = _param(ctx, pid, "fuels.yaml")
        mass = _value(ctx, "lpg_cylinder_mass", "fuels.yaml") if fuels.units[fuel] == "butla" else None
        try:
            out[fuel] = fb.gj_per_unit(e["value"], e["unit"], mass)
        except ValueError:
            raise UserError(f"{ctx.params.files.get(pid)}, klucz {pid}.unit: jednostka {e['unit']!r} nie pasuje do "
                            f"paliwa {fuel} liczonego w {fuels.units[fuel]} (fuels.yaml).") from None
    return out


@producer
def fuel_balance(ctx: Context) -> list[Result]:
    fuels = ctx.content.fuels
    if fuels is None:
        return []
    f = "fuels.yaml"
    per_unit = _gj_per_unit(ctx, fuels)
    balance = fb.fuel_balance(fuel_sectors(fuels), per_unit)
    res_row = _row(ctx, "res_share_grid_electricity", f)
    year = fuels.electricity.year
    if year not in res_row:
        raise UserError(f"{ctx.params.files.get('res_share_grid_electricity')}, klucz res_share_grid_electricity.values: "
                        f"brak udziału OZE w energii elektrycznej dla roku {year} (fuels.yaml, electricity.year).")
    split = fb.renewable_split(balance.by_fuel_gj, fuels.renewable_fuels, fuels.electricity.consumption_mwh, res_row[year])
    order = [fu for fu in fuels.units if fu in balance.by_fuel_gj]
    per_m2 = None
    if ctx.has("housing_forecast") and "housing" in balance.energy_gj:
        area = ctx.value("housing_forecast").floor.get(fuels.year)
        if area:
            per_m2 = mu.heat_indicator_gj_m2(balance.by_sector_gj["housing"], area)
    value = {"year": fuels.year, "quantities": fuel_sectors(fuels), "units": fuels.units, "labels": fuels.labels,
             "order": order, "gj_per_unit": per_unit, "balance": balance, "split": split,
             "res_share_pct": res_row[year], "electricity_mwh": fuels.electricity.consumption_mwh,
             "renewable_fuels": list(fuels.renewable_fuels), "lhv_params": {fu: FUEL_LHV[fu] for fu in order},
             "households_gj_m2": per_m2,
             "fuels_by_share": sorted(balance.structure_pct.items(), key=lambda kv: kv[1], reverse=True),
             "top_renewable_fuel": _largest([fu for fu in fuels.renewable_fuels if fu in balance.by_fuel_gj], balance.by_fuel_gj),
             "source": fuels.source, "res_source": ctx.params.source("res_share_grid_electricity")}
    return [Result("fuel_balance", FuelBalanceResult(**value),
                   inputs=[f"{f}: sectors, units, renewable_fuels, electricity",
                           _params("lhv_*", "lpg_cylinder_mass", "res_share_grid_electricity")])]


def _require_factors(ctx: Context, rows, file: str) -> None:
    """Every pollutant of the emission tables has a factor in each row (a message naming the file, not KeyError)."""
    for r in rows:
        row = _row(ctx, f"ef_{r}", file)
        for pollutant in ("so2", "nox", "tsp", "co"):
            row[pollutant]


@producer
def fuel_emissions(ctx: Context) -> list[Result]:
    fuels = ctx.content.fuels
    if fuels is None or not ctx.has("fuel_balance"):
        return []
    f = "fuels.yaml"
    balance = ctx.value("fuel_balance").balance
    rows = sorted({fuels.emission_rows[fu] for s in fuels.sectors.values() for fu in s}, key=EMISSION_ROWS.index)
    co2 = _row(ctx, "ef_co2", f)
    _require_factors(ctx, rows, f)
    factors = {r: {**_row(ctx, f"ef_{r}", f), "co2": co2[r]} for r in rows}
    biogenic = {fuels.emission_rows[fu] for fu in fuels.renewable_fuels}
    for fu, r in fuels.emission_rows.items():
        if r in biogenic and fu not in fuels.renewable_fuels and any(fu in s for s in fuels.sectors.values()):
            raise UserError(f"{ctx.content.folder / f}, klucz emission_rows.{fu}: paliwo kopalne w wierszu „{r}” paliw "
                            f"odnawialnych – CO₂ tego wiersza liczy się jako biogeniczne (0); przypisz je do innego wiersza.")
    by_sector = {}
    for sector, energy in balance.energy_gj.items():
        by_row: dict[str, float] = {}
        for fu, gj in energy.items():
            by_row[fuels.emission_rows[fu]] = by_row.get(fuels.emission_rows[fu], 0.0) + gj
        by_sector[sector] = ef.emissions_by_fuel(by_row, factors, biogenic)
    total_energy: dict[str, float] = {}
    for fu, gj in balance.by_fuel_gj.items():
        total_energy[fuels.emission_rows[fu]] = total_energy.get(fuels.emission_rows[fu], 0.0) + gj
    total = ef.emissions_by_fuel(total_energy, factors, biogenic)
    # ash from the solid fuels: mass of fuel (t; m³ × density) × ash content
    ash = []
    for fu in fuels.ash_fuels:
        unit = fuels.units.get(fu)
        pid = f"ash_content_{fu}" if f"ash_content_{fu}" in ctx.params.entries else f"ash_content_{fuels.emission_rows.get(fu, fu)}"
        content_pct = _value(ctx, pid, f)
        per_sector = {}
        for sector, q in fuel_sectors(fuels).items():
            if fu not in q:
                continue
            if unit == "t":
                mass = q[fu]
            elif unit in ("m3", "mp"):
                mass = ef.mass_from_volume_t(q[fu], _value(ctx, f"{fu}_density", f))
            else:
                raise UserError(f"{ctx.content.folder / f}, klucz ash_fuels: popiół liczy się z masy paliwa; {fu} podano w {unit}.")
            per_sector[sector] = {"mass_t": mass, "ash_t": ef.ash_t(mass, content_pct)}
        ash.append({"fuel": fu, "ash_content_pct": content_pct, "param": pid, "sectors": per_sector,
                    "mass_t": total_of(v["mass_t"] for v in per_sector.values()),
                    "ash_t": total_of(v["ash_t"] for v in per_sector.values())})
    ash_sectors = [sec for sec in SECTOR_ORDER if any(sec in a["sectors"] for a in ash)]
    value = {"rows": rows, "row_labels": {r: ctx.vocabulary["carriers"][r]["label"] for r in rows}, "factors": factors,
             "biogenic_rows": sorted(biogenic),
             "by_sector": by_sector, "total": total,
             "top_tsp_row": _largest(rows, {r: total.by_fuel_t[r]["tsp"] for r in rows}),
             "ash_total_t": total_of(a["ash_t"] for a in ash), "ash_mass_total_t": total_of(a["mass_t"] for a in ash),
             "ash_by_sector_t": {sec: total_of(a["sectors"][sec]["ash_t"] if sec in a["sectors"] else None for a in ash)
                                 for sec in ash_sectors},
             "energy_by_row": total_energy, "ash": ash, "year": fuels.year,
             "factor_source": "; ".join(dict.fromkeys(ctx.params.source(f"ef_{r}") for r in rows)),
             "co2_source": ctx.params.source("ef_co2"),
             "ash_source": "; ".join(dict.fromkeys(ctx.params.source(a["param"]) for a in ash))}
    return [Result("fuel_emissions", FuelEmissions(**value),
                   inputs=["wynik: fuel_balance", f"{f}: emission_rows, renewable_fuels, ash_fuels",
                    _params("ef_*", "ash_content_*", "wood_density")])]


# --- survey: savings, new buildings ---------------------------------------------------------------------------------

def _boiler_age(boilers) -> BoilerAge:
    counts = {p: sum(row.values()) for p, row in boilers.count.items()}
    areas = {p: sum(row.values()) for p, row in boilers.area_m2.items()}
    return BoilerAge(counts, sv.row_shares_pct(counts), areas, sv.row_shares_pct(areas),
                     sum(counts.values()), sum(areas.values()))


def _intention_totals(thermo_m2, boiler_count, boiler_area) -> dict[str, Any]:
    """The totals of the survey's intention tables: by period and answer, and over all periods."""
    answers = dict.fromkeys(k for row in thermo_m2.values() for k in row)
    periods = list(boiler_count)
    return {"intention_period_m2": {p: total_of(row.values()) for p, row in thermo_m2.items()},
            "intention_answer_m2": {k: total_of(row.get(k, 0) for row in thermo_m2.values()) for k in answers},
            "intention_total_m2": total_of(total_of(row.values()) for row in thermo_m2.values()),
            "boiler_intention_totals": {
                "count": total_of(total_of(boiler_count[p].values()) for p in periods),
                "will": total_of(boiler_count[p].get("will", 0) for p in periods),
                "done": total_of(boiler_count[p].get("done", 0) for p in periods),
                "area_m2": total_of(total_of(boiler_area[p].values()) for p in periods),
                "will_area_m2": total_of(boiler_area[p].get("will", 0) for p in periods)}}


@producer
def residential_savings(ctx: Context) -> list[Result]:
    s, h = ctx.content.household_survey, ctx.content.housing
    if s is None or h is None or not ctx.has("housing_forecast"):
        return []
    hf = ctx.value("housing_forecast")
    g = ctx.content.gmina
    scaling = h.survey_scaling.gmina_floor_area
    area = hf.floor[g.base_year] if scaling == "forecast_base_year" else scaling
    a = s.assumptions
    saving_pct = getattr(a.saving_pct, a.saving_applied)
    thermo = sv.thermo_modernisation(s.thermo_intentions_m2, s.old_periods, area, a.specific_fuel_energy_gj_m2, saving_pct)
    boilers = sv.boiler_survey(s.boilers.count, s.boilers.area_m2, s.old_periods)
    boiler = sv.boiler_replacement(area, boilers.old_area_share_pct, a.specific_fuel_energy_gj_m2,
                                   boilers.willing_area_share_pct, a.boiler_efficiency_old, a.boiler_efficiency_new)
    value = {"year": s.year, "gmina_area_m2": area, "area_from_forecast": scaling == "forecast_base_year",
             "intentions": s.thermo_intentions_m2, "intention_shares": sv.column_shares_pct(s.thermo_intentions_m2),
             "boiler_counts": s.boilers.count, "boiler_areas": s.boilers.area_m2,
             "boiler_age": _boiler_age(s.boilers), "old_periods": list(s.old_periods),
             **_intention_totals(s.thermo_intentions_m2, s.boilers.count, s.boilers.area_m2),
             "thermo": thermo, "boilers": boilers, "boiler": boiler, "assumptions": a, "saving_applied": a.saving_applied,
             "saving_pct": saving_pct, "source": s.source, "area_questions": s.area_questions}
    inputs = ["household_survey.yaml: thermo_intentions_m2, boilers, area_questions, old_periods, assumptions",
              "housing.yaml: survey_scaling", "wynik: housing_forecast"]
    rb = h.residential_buildings
    # the stock in the base year (or the latest year recorded), not the largest count ever recorded
    n_buildings = (rb.history.get(g.base_year, rb.history[max(rb.history)]) if rb.history
                   else (rb.trend_from_plan.base_value if rb.trend_from_plan else None))
    if n_buildings is not None:
        value["buildings"] = sv.buildings_scaled(n_buildings, boilers.willing_count, boilers.total_count)
    if ctx.has("fuel_balance") and ctx.content.fuels is not None and "housing" in ctx.value("fuel_balance").balance.energy_gj:
        fuels = ctx.content.fuels
        hh = ctx.value("fuel_balance").balance.energy_gj["housing"]
        coal_gj = sum(v for fu, v in hh.items() if fuels.emission_rows.get(fu) == "coal")
        coal_pct = bm.share_pct(coal_gj, sum(hh.values()))
        co2_kg_gj = _row(ctx, "ef_co2", "fuels.yaml")["coal"] / 1000.0
        for key, saving in (("thermo", thermo.saving_gj), ("boiler", boiler.saving_gj)):
            coal = sv.fuel_part_gj(saving, coal_pct)
            value[f"{key}_coal_gj"] = coal
            value[f"{key}_co2_t"] = ef.co2_t(coal, co2_kg_gj)
        value["coal_share_pct"] = coal_pct
        value["households_gj"] = sum(hh.values())
        value["thermo_share_of_households_pct"] = percent_of(thermo.saving_gj, value["households_gj"])
        inputs += ["wynik: fuel_balance", _params("ef_co2")]
    return [Result("residential_savings", ResidentialSavings(**value), inputs=inputs)]


@producer
def new_buildings(ctx: Context) -> list[Result]:
    h = ctx.content.housing
    if h is None or not ctx.has("housing_forecast"):
        return []
    g = ctx.content.gmina
    hf = ctx.value("housing_forecast")
    nb = h.new_buildings
    if nb.area_increase == "from_forecast":
        start, end = hf.floor[g.base_year], hf.floor[g.period.horizon]
        increase = max(0.0, end - start)
    else:
        start = end = None
        increase = nb.area_increase
    heat = sv.new_buildings_heat(increase, nb.useful_heat_kwh_m2, nb.heating_efficiency)
    value = {"heat": heat, "area_start_m2": start, "area_end_m2": end, "from_forecast": nb.area_increase == "from_forecast",
             "useful_kwh_m2": nb.useful_heat_kwh_m2, "efficiency": nb.heating_efficiency,
             "from_year": g.base_year, "to_year": g.period.horizon}
    return [Result("new_buildings", NewBuildings(**value), inputs=["housing.yaml: new_buildings", "wynik: housing_forecast"])]


CHANGES = ("thermo", "boilers", "new_buildings")   # labels: rules/vocabulary.yaml, demand_changes


@producer
def demand_forecast(ctx: Context) -> list[Result]:
    """Fuel energy demand of the buildings in the balance, base year → horizon, from the assessed changes."""
    if not (ctx.has("fuel_balance") and ctx.has("residential_savings") and ctx.has("new_buildings")):
        return []
    balance = ctx.value("fuel_balance").balance
    s = ctx.value("residential_savings")
    sectors = {}
    if "housing" in balance.by_sector_gj:
        base = balance.by_sector_gj["housing"]
        # the two measures overlap in the same houses: the boiler saving counts on what insulation leaves
        thermo, boilers = sv.sequential_savings_gj(base, [s.thermo.saving_gj, s.boiler.saving_gj])
        sectors["housing"] = sv.demand_outlook(base, {
            "thermo": -thermo, "boilers": -boilers, "new_buildings": ctx.value("new_buildings").heat.final_gj})
    if "municipal" in balance.by_sector_gj:
        changes = {"thermo": -ctx.value("municipal_thermo").saving_gj} if ctx.has("municipal_thermo") else {}
        sectors["municipal"] = sv.demand_outlook(balance.by_sector_gj["municipal"], changes)
    totals = {k: sum(o.changes_gj.get(k, 0.0) for o in sectors.values()) for k in CHANGES}
    total = sv.demand_outlook(sum(o.base_gj for o in sectors.values()), {k: v for k, v in totals.items() if v})
    lpg = sum(v for fu, v in balance.by_fuel_gj.items() if fu.startswith("lpg"))
    g = ctx.content.gmina
    value = {"from_year": ctx.value("fuel_balance").year, "to_year": g.period.horizon, "sectors": sectors,
             "total": total, "changes": tuple(k for k in CHANGES if k in total.changes_gj), "lpg_gj": lpg,
             "business_assessed": "business" in balance.by_sector_gj}
    return [Result("demand_forecast", DemandForecast(**value),
                   inputs=["wynik: fuel_balance", "wynik: residential_savings", "wynik: new_buildings", "wynik: municipal_thermo"])]


# --- renewable resources ----------------------------------------------------------------------------------------

WOOD_RESOURCES = ("forest_wood", "processing_residues", "orchard_wood", "roadside_wood")


@producer
def biomass(ctx: Context) -> list[Result]:
    b, a = ctx.content.biomass, ctx.content.agriculture
    if b is None or a is None:
        return []
    f = "biomass.yaml"
    P = lambda pid: _value(ctx, pid, f)  # noqa: E731
    harvest = P("voivodeship_wood_harvest")
    if b.forest_energy_share == "computed":
        fe = bm.share_pct(P("voivodeship_energy_assortments"), harvest)
        fp = bm.share_pct(P("voivodeship_industrial_roundwood"), harvest)
    else:
        fe, fp = P("published_energy_share"), P("published_industrial_share")
    wood = {"forest_wood": bm.forest_wood(b.forest_ha, P("forest_increment"), P("forest_harvest_share"), fe, P("wood_bulk_density")),
            "processing_residues": bm.processing_residues(b.forest_ha, P("forest_increment"), P("forest_harvest_share"), fp,
                                                          P("processing_residue_share"), P("chip_bulk_density"))}
    if a.orchard_ha > 0:
        wood["orchard_wood"] = bm.orchard_wood(a.orchard_ha, P("orchard_residue"), P("chip_bulk_density"))
    if b.road_km > 0:
        wood["roadside_wood"] = bm.roadside_wood(b.road_km, P("roadside_wood"), P("roadside_tree_cover"), P("chip_bulk_density"))
    # straw: production − (bedding + feed + ploughing), kept within 0..production
    yields, ratios = _row(ctx, "grain_yield", f), _row(ctx, "straw_to_grain_ratio", f)
    crops = [{"crop": c, "area_ha": a.crops_ha[c], "yield_t_ha": yields[c], "straw_ratio": ratios[c],
              "straw_t": bm.crop_straw_t(a.crops_ha[c], yields[c], ratios[c])} for c in a.straw_crops]
    production = bm.straw_production_t(crops)
    feed, bedding, manure = (_row(ctx, "straw_feed_per_head", f), _row(ctx, "straw_bedding_per_head", f),
                             _row(ctx, "manure_per_head", f))
    herd = [{"species": sp, "count": n, "feed_t": feed[sp], "bedding_t": bedding[sp], "manure_t": manure[sp],
             "feed_total_t": n * feed[sp], "bedding_total_t": n * bedding[sp], "manure_total_t": n * manure[sp]}
            for sp, n in a.livestock.items()]
    livestock = bm.livestock_straw(herd)
    organic = bm.organic_matter_balance_t(a.crops_ha, _row(ctx, "organic_matter_coefficient", f), livestock.manure_t)
    ploughing = bm.straw_for_ploughing_t(organic, P("straw_per_organic_matter_deficit"))
    straw = bm.straw_surplus(production, livestock.bedding_t, livestock.feed_t, ploughing)
    hay = bm.hay_t(a.meadow_ha, P("hay_energy_use"), P("hay_yield")) if a.meadow_ha > 0 else 0.0
    classes = {r.class_: r.ha for r in a.soil_classes.arable}
    marginal_gross = bm.marginal_land_ha(classes, a.marginal_arable_classes)
    marginal_net = bm.marginal_land_ha(classes, a.marginal_arable_classes, a.protected_area_ha)
    crops_t = bm.energy_crops_t(a.energy_plantations_ha, marginal_net, P("energy_crop_land_use"), P("energy_crop_yield"))
    crops_gross_t = bm.energy_crops_t(a.energy_plantations_ha, marginal_gross, P("energy_crop_land_use"), P("energy_crop_yield"))
    grain = bm.grain_t(marginal_gross, P("grain_land_use"), P("grain_energy_yield"))
    diesel = bm.biodiesel(a.rapeseed_ha, P("rapeseed_yield"), P("rapeseed_energy_use"), P("biodiesel_yield"), P("biodiesel_density"))
    # energy content and technical potential of the solid biomass
    moisture, lhv = _row(ctx, "biomass_moisture", f), _row(ctx, "lhv_dry_biomass", f)
    eff = P("biomass_boiler_efficiency")
    masses = {**{k: w.mass_t for k, w in wood.items()}, "straw": straw.surplus_t, "hay": hay,
              "energy_crops": crops_t, "grain": grain}
    energy = {k: bm.biomass_energy(m, moisture[k], lhv[k], eff, basis=b.energy_basis) for k, m in masses.items() if m > 0}
    biogas = None
    if b.wastewater_m3:
        methane = bm.wastewater_methane_m3(b.wastewater_m3, P("sludge_dry_organic"), P("sludge_methane_yield"))
        biogas = {"flow_m3": b.wastewater_m3, "methane_m3": methane,
                  "chp": bm.biogas_chp(methane, P("lhv_methane"), P("chp_electrical_efficiency"), P("chp_thermal_efficiency"),
                                       P("digester_heat_share"))}
    e_all = {k: v.energy_gj for k, v in energy.items()}
    t_all = {k: v.technical_gj for k, v in energy.items()}
    if biogas:
        e_all["biomethane"], t_all["biomethane"] = biogas["chp"].energy_gj, biogas["chp"].technical_gj
    total = bm.inventory_total(e_all, t_all)
    unavailable = [(name, src.reason) for name, src in (("landfill", b.landfill), ("agricultural_biogas", b.agricultural_biogas),
                                                          ("agro_food_biogas", b.agro_food_biogas)) if not src.available]
    value = {"fe_pct": fe, "fp_pct": fp, "share_basis": b.forest_energy_share, "wood": wood, "forest_ha": b.forest_ha,
             "road_km": b.road_km, "orchard_ha": a.orchard_ha, "crops": crops, "straw_production_t": production,
             "herd": herd, "livestock": livestock, "herd_count": total_of(h["count"] for h in herd),
             "wood_volume_m3": total_of(w.volume_m3 for w in wood.values()), "wood_mass_t": total_of(w.mass_t for w in wood.values()),
             "crops_area_ha": total_of(c["area_ha"] for c in crops), "organic_balance_t": organic, "straw": straw, "hay_t": hay,
             "meadow_ha": a.meadow_ha, "marginal_gross_ha": marginal_gross, "marginal_net_ha": marginal_net,
             "marginal_classes": list(a.marginal_arable_classes), "protected_ha": a.protected_area_ha,
             "energy_crops_t": crops_t, "energy_crops_gross_t": crops_gross_t, "plantations_ha": a.energy_plantations_ha,
             "grain_t": grain, "biodiesel": diesel, "rapeseed_ha": a.rapeseed_ha, "energy": energy, "biogas": biogas,
             "total": total, "wood_technical_gj": sum(e.technical_gj for k, e in energy.items() if k in WOOD_RESOURCES),
             "wood_energy_gj": sum(e.energy_gj for k, e in energy.items() if k in WOOD_RESOURCES),
             "basis": b.energy_basis, "efficiency": eff, "unavailable": unavailable,
             "source": b.source, "agri_source": a.source}
    return [Result("biomass", BiomassResources(**value),
                   inputs=["biomass.yaml", "agriculture.yaml: crops_ha, straw_crops, livestock, soil_classes, meadow_ha, orchard_ha, "
                    "protected_area_ha, energy_plantations_ha, rapeseed_ha",
                    "parametry gminy: parameters/biomass_coefficients.yaml, parameters/agriculture_norms.yaml, lhv_dry_biomass, lhv_methane"])]
@producer
def solar_wind(ctx: Context) -> list[Result]:
    s = ctx.content.solar_wind
    if s is None:
        return []
    f = "solar_wind.yaml"
    so, wi = s.solar, s.wind
    solar = sw.solar_collectors(so.dwellings, so.suitable_pct, so.persons_per_dwelling, _value(ctx, "collector_area_per_person", f),
                                so.irradiation_kwh_m2, _value(ctx, "collector_efficiency", f))
    solar_value = {"potential": solar, "inputs": so, "area_per_person_m2": _value(ctx, "collector_area_per_person", f),
                   "efficiency": _value(ctx, "collector_efficiency", f), "source": so.source or s.source,
                   "efficiency_source": ctx.params.source("collector_efficiency")}
    solar_result = Result("solar", SolarPotential(**solar_value),
                          inputs=[f"{f}: solar", _params("collector_area_per_person", "collector_efficiency")])
    turbines = None
    if wi.agricultural_ha is not None and wi.area_per_turbine_ha:
        turbines = sw.turbine_count(wi.agricultural_ha, wi.protected_ha or 0.0, wi.area_per_turbine_ha)
    wind = sw.wind_energy(_value(ctx, "rotor_blade_length", f), _value(ctx, "air_density", f), wi.mean_speed_m_s,
                          _value(ctx, "wind_conversion_efficiency", f), _value(ctx, "wind_full_load_hours", f),
                          turbines if turbines is not None else 1, _value(ctx, "wind_speed_threshold", f))
    wind_value = {"potential": wind, "turbines": turbines, "speed_m_s": wi.mean_speed_m_s,
                  "threshold_m_s": _value(ctx, "wind_speed_threshold", f), "radius_m": _value(ctx, "rotor_blade_length", f),
                  "air_density": _value(ctx, "air_density", f), "efficiency": _value(ctx, "wind_conversion_efficiency", f),
                  "hours": _value(ctx, "wind_full_load_hours", f), "source": wi.source or s.source}
    return [solar_result,
            Result("wind", WindPotential(**wind_value),
                   inputs=[f"{f}: wind", _params("rotor_blade_length", "air_density", "wind_conversion_efficiency",
                                                 "wind_full_load_hours", "wind_speed_threshold")])]


@producer
def heat_costs(ctx: Context) -> list[Result]:
    hc = ctx.content.heat_costs
    if hc is None:
        return []
    heat = costs.annual_heat_gj(hc.source_power_kw, hc.full_load_hours)
    rows = [{"carrier": c, "gj_per_unit": fb.gj_per_unit(c.lhv, c.lhv_unit),
             "cost": costs.heat_cost(heat, c.efficiency, fb.gj_per_unit(c.lhv, c.lhv_unit), c.price_pln)} for c in hc.carriers]
    value = {"heat_gj": heat, "power_kw": hc.source_power_kw, "heating_kw": hc.heating_kw, "dhw_kw": hc.dhw_kw,
             "hours": hc.full_load_hours, "rows": rows, "rows_by_cost": sorted(rows, key=lambda r: r["cost"].cost_pln_per_gj),
             "source": hc.source}
    return [Result("heat_costs", HeatCosts(**value), inputs=["heat_costs.yaml"])]


# --- networks and neighbours (facts, no calculation) ----------------------------------------------------------------------

@producer
def networks(ctx: Context) -> list[Result]:
    n = ctx.content.networks
    if n is None:
        return []
    el = n.electricity
    out = []
    if el.lines_km:
        # the same typed result as the indicator method's, so one section and one table serve both
        stations = el.stations.pole + el.stations.indoor if el.stations else None
        network = ElectricityNetwork(operator=el.operator, source=n.source or el.operator, stations_mv_lv=stations,
                                     lines=tuple(NetworkLine(ln.voltage, ln.kind, ln.km) for ln in el.lines_km))
        out.append(Result("network", network, inputs=["networks.yaml: electricity"]))
    out.append(Result("network_plans", NetworkPlans(**{"operator": el.operator, "supply": el.supply, "planned": list(el.planned),
                                        "insulated_lines_in": list(el.insulated_lines_in),
                                        "generation_connected_mw": el.generation_connected_mw,
                                        "connection_conditions_issued_mw": el.connection_conditions_issued_mw,
                                        "gas_network": n.gas_network, "district_heat": list(n.district_heat),
                                        "overhead_share_pct": _overhead_shares(el.lines_km), "source": n.source or el.operator}),
                      inputs=["networks.yaml"]))
    return out


def _overhead_shares(lines) -> dict[str, float]:
    """Share of overhead lines by voltage level (text facts of the security chapter)."""
    out = {}
    for level in dict.fromkeys(ln.voltage for ln in lines):
        total = sum(ln.km for ln in lines if ln.voltage == level)
        overhead = sum(ln.km for ln in lines if ln.voltage == level and ln.kind.startswith("napowietrz"))
        if total > 0:
            out[level] = bm.share_pct(overhead, total)
    return out


@producer
def neighbours(ctx: Context) -> list[Result]:
    nb = ctx.content.neighbours
    if nb is None:
        return []
    return [Result("neighbours", Neighbours(nb.neighbours, nb.consulted, list(nb.cooperation), nb.source),
                   inputs=["neighbours.yaml"])]

