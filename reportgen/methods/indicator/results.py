"""Results of the indicator method (Kluki-style data): heat balance, carriers, emissions, electricity, RES."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from reportgen.common_results import (
    SECTOR_ORDER,
    ElectricityNetwork,
    LuminaireGroup,
    MunicipalBuilding,
    MunicipalEnergy,
    MVFeeder,
    NetworkLine,
    StreetLighting,
)
from reportgen.errors import UserError
from reportgen.methods.indicator.calc import electricity as el
from reportgen.methods.indicator.calc import emissions as em
from reportgen.methods.indicator.calc import heat
from reportgen.methods.indicator.calc import renewables as res
from reportgen.quantities import GJ_PER_KWH, GJ_PER_MWH, mean_per, percent_change, percent_of, total_of
from reportgen.results import Context, FieldAccess, Result, producer

# --- result types (frozen: made once by the producer, only read by blocks and templates) ---------------------

@dataclass(frozen=True)
class HeatBalance(FieldAccess):
    """Result `heat`: base-year heat demand by sector."""
    sectors: dict[str, heat.SectorHeat]
    power_mw: dict[str, float]
    total_final_gj: float
    final_share_pct: dict[str, float]
    floor_area_share_pct: dict[str, float]

    @property
    def total_power_mw(self) -> float:
        return sum(self.power_mw.values())

    @property
    def total_floor_area_m2(self) -> float:
        return sum(s.floor_area_m2 for s in self.sectors.values())


@dataclass(frozen=True)
class BySector(Mapping[str, Any]):
    """A result keyed by sector (templates iterate it: `r.carriers.values()`, `r.emissions.items()`)."""
    by_sector: dict[str, dict[str, float]]

    def __getitem__(self, sector: str) -> dict[str, float]:
        return self.by_sector[sector]

    def __iter__(self) -> Iterator[str]:
        return iter(self.by_sector)

    def __len__(self) -> int:
        return len(self.by_sector)


@dataclass(frozen=True)
class CarrierEnergy(BySector):
    """Result `carriers`: final energy for heating by sector and carrier [GJ/a]."""
    sector_total_gj: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class CarrierTotals(FieldAccess):
    """Result `carrier_totals`: each carrier over all sectors, its share and the dominant carrier."""
    gj: dict[str, float]
    share_pct: dict[str, float]
    dominant: str
    dominant_label: str
    dominant_is_solid_fuel: bool
    total_gj: float


@dataclass(frozen=True)
class SectorEmissions(BySector):
    """Result `emissions`: emissions of heating by sector and pollutant [Mg/a]."""
    total: dict[str, float] = field(default_factory=dict)
    # Σ of the boiler-type shares assumed for coal and biomass, by fuel and sector [%] (carriers.yaml: boiler_mix_pct)
    boiler_mix_total_pct: dict[str, dict[str, float]] = field(default_factory=dict)


@dataclass(frozen=True)
class ElectricityForecast(FieldAccess):
    """Result `electricity`: consumption by customer group in the base year, end of period and horizon [MWh/a]."""
    groups: list[Any]
    by_group: dict[str, dict[int, float]]
    total: dict[int, float]
    years: list[int]
    steps: list[tuple[int, float]]
    reported_total_mwh: float | None
    horizon_change_pct: float
    group_horizon_pct: dict[str, float]             # horizon as a percentage of the base year
    total_horizon_pct: float
    annual_years: list[int]                         # every year base … horizon (chart)
    annual_by_group: dict[str, list[float]]
    data_year: int                                  # the year of the consumption data (≤ years[0]: carried over)


@dataclass(frozen=True)
class RenewableItem(FieldAccess):
    """One technology's technical potential, in GJ and MWh (1 MWh = 3,6 GJ)."""
    gj: float
    mwh: float
    inputs: Any
    kwh: float | None = None
    share_of_electricity_pct: float | None = None
    per_dwelling_gj: float | None = None


@dataclass(frozen=True)
class Renewables(FieldAccess):
    """Result `renewables`: solar collectors, photovoltaics and heat pumps (each None when not assessed)."""
    solar_thermal: RenewableItem | None = None
    photovoltaics: RenewableItem | None = None
    heat_pumps: RenewableItem | None = None


def dhw_constants(ctx: Context) -> dict:
    p = ctx.params
    return dict(specific_heat_kj_kgk=p.value("dhw_specific_heat"), density_kg_m3=p.value("dhw_density"),
                hot_temp_c=p.value("dhw_hot_temp"), cold_temp_c=p.value("dhw_cold_temp"),
                usage_factor=p.value("dhw_usage_factor"), days=p.value("dhw_days"))


@producer
def heat_balance(ctx: Context) -> list[Result]:
    h = ctx.content.heat
    if h is None:
        return []
    sectors = {}
    for sector in SECTOR_ORDER:
        s = h.sectors.get(sector)
        if s is None:
            continue
        if s.method == "indicator":
            sectors[sector] = heat.indicator_sector_heat(
                sector, s.floor_area_m2, [p.model_dump() for p in s.periods], s.dhw_water_dm3_m2_day,
                s.system_efficiency, dhw_constants(ctx))
        else:
            sectors[sector] = heat.measured_sector_heat(sector, s.floor_area_m2, s.final_energy_gj, s.useful_energy_gj)
    hours = ctx.params.value("heating_full_load_hours")
    power = {k: heat.power_mw(v.final_gj, hours) for k, v in sectors.items()}
    total = sum(v.final_gj for v in sectors.values())
    value = HeatBalance(sectors=sectors, power_mw=power, total_final_gj=total,
                        final_share_pct={k: percent_of(v.final_gj, total) for k, v in sectors.items()},
                        floor_area_share_pct=heat.shares_pct({k: v.floor_area_m2 for k, v in sectors.items()}))
    return [Result("heat", value, inputs=["heat.yaml: sectors", "rules/parameters/dhw.yaml"])]


def _carrier_energy(ctx: Context, final_by_sector: dict[str, float], shares: dict) -> dict[str, dict[str, float]]:
    out = {}
    for sector, final_gj in final_by_sector.items():
        if sector not in shares:
            raise UserError(f"{ctx.content.folder / 'carriers.yaml'}, klucz shares_pct.{sector}: brak struktury nośników dla sektora.")
        out[sector] = em.carrier_energy_gj(final_gj, shares[sector])
    return out


class _RowFactors(Mapping[str, dict[str, float]]):
    """Emission factors by row [g/GJ], resolved when a row is read: a row whose dated value has no point for this
    document (the KOBiZE electricity factor before its first year) is an error only where it is used."""

    def __init__(self, names: list[str], rows: dict):
        self._names, self._rows = names, rows

    def __getitem__(self, rid: str) -> dict[str, float]:
        return dict(zip(self._names, self._rows[rid]["values"]))

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def _factors(ctx: Context) -> Mapping[str, dict[str, float]]:
    ef = ctx.params.entry("emission_factors")
    return _RowFactors(ef["pollutants"], ef["rows"])


def sector_emissions(ctx: Context, energy: dict[str, dict[str, float]], mix: dict) -> dict[str, dict[str, float]]:
    """Emissions by sector [Mg/a] for carrier energy by sector, using the content's boiler mix."""
    carrier_factor = {c: v.get("factor") for c, v in ctx.vocabulary["carriers"].items()}
    factors = _factors(ctx)
    out = {}
    for sector, by_carrier in energy.items():
        sector_mix = mix.get(sector, {})
        for fuel in ("coal", "biomass"):
            if by_carrier.get(fuel, 0) > 0 and fuel not in sector_mix:
                raise UserError(f"{ctx.content.folder / 'carriers.yaml'}, klucz boiler_mix_pct.{sector}.{fuel}: "
                                f"brak struktury typów kotłów – bez niej nie da się policzyć emisji.")
            for row in sector_mix.get(fuel, {}):
                if row not in factors:
                    raise UserError(f"{ctx.content.folder / 'carriers.yaml'}, klucz boiler_mix_pct.{sector}.{fuel}.{row}: "
                                    f"nieznany typ kotła (zob. rules/parameters/emission_factors.yaml).")
        rows = em.split_by_boiler_mix(by_carrier, carrier_factor, sector_mix)
        out[sector] = em.emissions_mg(rows, factors)
    return out


def _carrier_totals(ctx: Context, energy: dict[str, dict[str, float]]) -> Result:
    """Each carrier's final energy over all sectors, its share of the heating total and the dominant carrier."""
    carriers = list(dict.fromkeys(c for by_carrier in energy.values() for c in by_carrier))
    gj = {c: sum(by_carrier.get(c, 0) for by_carrier in energy.values()) for c in carriers}
    total = ctx.value("heat").total_final_gj
    dominant = max(gj, key=lambda c: gj[c])
    value = CarrierTotals(gj=gj, share_pct={c: percent_of(v, total) for c, v in gj.items()}, dominant=dominant,
                          dominant_label=ctx.vocabulary["carriers"][dominant]["label"],
                          dominant_is_solid_fuel=dominant in ("coal", "biomass"), total_gj=sum(gj.values()))
    return Result("carrier_totals", value, inputs=["wynik: carriers", "wynik: heat"])


@producer
def carriers_and_emissions(ctx: Context) -> list[Result]:
    c = ctx.content.carriers
    if c is None or not ctx.has("heat"):
        return []
    final = {k: v.final_gj for k, v in ctx.value("heat").sectors.items()}
    energy = _carrier_energy(ctx, final, c.shares_pct)
    results = [Result("carriers", CarrierEnergy(energy, {k: sum(v.values()) for k, v in energy.items()}),
                      inputs=["carriers.yaml: shares_pct", "wynik: heat"]),
               _carrier_totals(ctx, energy)]
    if c.boiler_mix_pct or not any(e.get(f, 0) for e in energy.values() for f in ("coal", "biomass")):
        emissions = sector_emissions(ctx, energy, c.boiler_mix_pct)
        by_pollutant = {p: sum(e[p] for e in emissions.values()) for p in em.POLLUTANTS}
        mix_total = {fuel: {k: total_of(c.boiler_mix_pct[k][fuel].values()) for k in SECTOR_ORDER
                            if c.boiler_mix_pct.get(k, {}).get(fuel)} for fuel in ("coal", "biomass")}
        results.append(Result("emissions", SectorEmissions(emissions, by_pollutant, mix_total),
                              inputs=["wynik: carriers", "carriers.yaml: boiler_mix_pct", "rules/parameters/emission_factors.yaml"],
                              note=c.boiler_mix_note))
    return results


@producer
def electricity(ctx: Context) -> list[Result]:
    e = ctx.content.electricity
    if e is None:
        return []
    g = ctx.content.gmina
    steps = [(s.until, s.rate_pct_per_year) for s in e.growth]
    # The forecast starts at the document's base year; consumption data of an earlier year (an update that carries
    # them over, update.yaml) stand for the base year as they are – the table never starts before the base year.
    years = [max(e.year, g.base_year), g.period.end, g.period.horizon]
    table = {grp.id: {y: el.forecast_mwh(grp.mwh, years[0], y, steps, grp.grows) for y in years} for grp in e.groups}
    totals = {y: sum(table[grp.id][y] for grp in e.groups) for y in years}
    annual_years = list(range(years[0], years[-1] + 1))
    value = ElectricityForecast(
        groups=list(e.groups), by_group=table, total=totals, years=years, steps=steps,
        reported_total_mwh=e.reported_total_mwh, horizon_change_pct=percent_change(totals[years[-1]], totals[years[0]]),
        group_horizon_pct={grp.id: percent_of(table[grp.id][years[-1]], table[grp.id][years[0]]) for grp in e.groups},
        total_horizon_pct=percent_of(totals[years[-1]], totals[years[0]]), annual_years=annual_years,
        annual_by_group={grp.id: [el.forecast_mwh(grp.mwh, years[0], y, steps, grp.grows) for y in annual_years]
                         for grp in e.groups}, data_year=e.year)
    results = [Result("electricity", value, inputs=["electricity.yaml: groups, growth"])]
    if e.street_lighting is not None:
        results.append(Result("street_lighting", street_lighting(e.street_lighting, e.source or "dane gminy"),
                              inputs=["electricity.yaml: street_lighting"]))
    if e.network is not None:
        n = e.network
        network = ElectricityNetwork(operator=n.operator, source=n.source,
                                     lines=tuple(NetworkLine(ln.voltage, ln.kind, ln.km) for ln in n.lines),
                                     mv_lines=tuple(MVFeeder(f.name, f.stations) for f in n.mv_lines),
                                     stations_mv_lv=n.stations_mv_lv, condition_pct=dict(n.condition_pct))
        results.append(Result("network", network, inputs=["electricity.yaml: network"]))
    return results


@producer
def renewables(ctx: Context) -> list[Result]:
    r = ctx.content.renewables
    if r is None:
        return []
    out: dict[str, RenewableItem] = {}
    if r.solar_thermal:
        s = r.solar_thermal
        kwh = res.solar_thermal_kwh(s.buildings, s.collectors_per_building, s.collector_area_m2, s.insolation_kwh_m2a, s.efficiency)
        out["solar_thermal"] = RenewableItem(gj=kwh * GJ_PER_KWH, mwh=kwh / 1000.0, inputs=s, kwh=kwh)
    if r.photovoltaics:
        p = r.photovoltaics
        mwh = res.photovoltaic_mwh(p.households, p.area_m2_per_household, p.yield_kwh_m2a)
        share = None
        if ctx.has("electricity"):
            el = ctx.value("electricity")
            share = percent_of(mwh, el.total[el.years[0]])
        out["photovoltaics"] = RenewableItem(gj=mwh * GJ_PER_MWH, mwh=mwh, inputs=p, share_of_electricity_pct=share)
    if r.heat_pumps and ctx.has("heat") and "housing" in ctx.value("heat").sectors:
        hp = r.heat_pumps
        housing = ctx.value("heat").sectors["housing"].final_gj
        gj = res.heat_pump_gj(hp.households, hp.coverage, housing, hp.dwellings)
        out["heat_pumps"] = RenewableItem(gj=gj, mwh=gj / GJ_PER_MWH, inputs=hp, per_dwelling_gj=housing / hp.dwellings)
    return [Result("renewables", Renewables(**out), inputs=["renewables.yaml", "wynik: heat"])] if out else []


def street_lighting(sl, source: str) -> StreetLighting:
    """The luminaires by kind (electricity.yaml: street_lighting) with their shares and the energy they used."""
    count = sum(x.count for x in sl.luminaires)
    kinds = [(x.type, x.count) for x in sl.luminaires]
    return StreetLighting(
        year=sl.year, count=count, energy_kwh=sl.energy_kwh, energy_per_luminaire_kwh=mean_per(sl.energy_kwh, count),
        luminaires=tuple(LuminaireGroup(x.count, percent_of(x.count, count), type=x.type) for x in sl.luminaires),
        led_count=el.luminaires_of_kind(kinds, "LED"), mercury_count=el.luminaires_of_kind(kinds, "rtęci"), source=source)


def _is_modernised(b) -> bool:
    return b.thermo_modernisation.startswith(("kompletna", "nowy"))


@producer
def public_buildings(ctx: Context) -> list[Result]:
    """Result `municipal_energy` from public_buildings.yaml: each building's heat source, fuel and electricity in
    one year, thermo-modernisation and RES, and the counts the chapters on rationalisation and efficiency cite
    (heat sources and installations are the gmina's words: 'olej', 'węgiel', 'pompa ciepła', 'fotowolt…')."""
    pb = ctx.content.public_buildings
    if pb is None:
        return []
    sources = [b.heat_source for b in pb.buildings]
    value = MunicipalEnergy(
        buildings=tuple(MunicipalBuilding(b.name, b.built or None, b.floor_area_m2, heat_source=b.heat_source,
                                          fuel_amount=b.fuel_amount, fuel_unit=b.fuel_unit, electricity_kwh=b.electricity_kwh,
                                          thermo_modernisation=b.thermo_modernisation or None,
                                          res_installed=b.res_installed or None) for b in pb.buildings),
        source=pb.source, year=pb.year, modernised=sum(_is_modernised(b) for b in pb.buildings),
        oil_heated=sum("olej" in s for s in sources), coal_heated=sum("węgiel" in s for s in sources),
        # a building already heated partly by a heat pump is not counted; one with both fuels counts once
        fossil_without_heat_pump=sum("pompa" not in s and ("olej" in s or "węgiel" in s) for s in sources),
        heat_pump_buildings=tuple(b.name for b in pb.buildings if "pompa ciepła" in b.heat_source),
        pv_buildings=sum("fotowolt" in b.res_installed for b in pb.buildings))
    return [Result("municipal_energy", value, inputs=["public_buildings.yaml"])]
