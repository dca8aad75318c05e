"""Electricity demand coupled to the heat scenarios (heat pumps at a stated SCOP), electric vehicles and prosumer PV
(electrification.yaml), the network load they add against the capacity the DSO states, the renewable part of
heat pumps under RED, and the pace of replacement of old solid-fuel devices (coal and biomass) each scenario implies
against a plausibility limit.

Runs after scenario_results (module name order) and uses its `scenarios` result."""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.methods.indicator.calc import electrification as ef
from reportgen.methods.indicator.calc import emissions as em
from reportgen.methods.indicator.transition_text import BuildNotice
from reportgen.quantities import percent_of
from reportgen.render.numbers import fmt
from reportgen.results import Context, Result, producer, qualname

SOLID_FUELS = ("coal", "biomass")


@dataclass(frozen=True)
class ElectrificationYear:
    year: int
    heat_pump_heat_gj: float
    heat_pump_electricity_mwh: float
    heat_pump_renewable_gj: float          # RED: ambient energy only
    ev_count: int | None
    ev_electricity_mwh: float | None
    added_electricity_mwh: float           # against the base year (heat pumps + electric cars)
    added_peak_kw: float
    added_co2_mg: float                    # CO₂ of the added electricity at the base-year KOBiZE factor
    consumers_mwh: float | None            # the consumer groups' forecast for the year (result `electricity`)
    total_mwh: float | None                # consumer groups + added electricity


@dataclass(frozen=True)
class ScenarioElectrification:
    label: str
    years: tuple[ElectrificationYear, ...]

    @property
    def last(self) -> ElectrificationYear:
        return self.years[-1]


@dataclass(frozen=True)
class ProsumerPVSummary:
    year: int
    installations: int
    power_kw: float
    production_mwh: float
    share_of_consumption_pct: float | None   # of the consumer groups' base-year consumption
    yield_kwh_per_kw: float
    yield_reason: str
    source: str


@dataclass(frozen=True)
class Electrification:
    """Result `electrification`."""
    base_year: int
    scop: float
    scop_reason: str
    min_spf: float
    heat_pumps_renewable: bool             # SCOP above the RED minimum
    base_heat_pump_electricity_mwh: float
    base_ev_electricity_mwh: float | None
    recommended: ScenarioElectrification
    baseline: ScenarioElectrification
    pv: ProsumerPVSummary | None
    ev_km_per_year: float | None
    ev_kwh_per_km: float | None
    ev_reason: str
    ev_source: str
    co2_factor_kg_mwh: float
    co2_factor_year: int
    heating_full_load_hours: float
    ev_full_load_hours: float
    dso_available_kw: float | None
    dso_year: int | None
    dso_source: str
    max_added_peak_kw: float               # the largest added peak over both scenarios and all forecast years
    network_sufficient: bool | None        # None: the DSO has stated no capacity
    art20_plan_needed: bool | None         # art. 20: the DSO's stated capacity does not cover the added load

    @property
    def scenarios(self) -> tuple[ScenarioElectrification, ...]:
        return (self.recommended, self.baseline)


@dataclass(frozen=True)
class ReplacementPace:
    scenario: str
    year: int
    base_share_pct: float            # share of heating final energy from old solid-fuel devices, base year
    year_share_pct: float            # the same in the forecast year
    replaced_pct: float              # of the base-year stock of old devices, by the forecast year
    pace_pct_per_year: float         # replaced_pct / years
    exceeds: bool


@dataclass(frozen=True)
class ReplacementCheck:
    """Result `replacement_pace`: old solid-fuel devices (coal and biomass outside Ecodesign and class 5), base year
    → forecast years, against the plausibility limit."""
    limit_pct_per_year: float
    limit_source: str
    limit_is_judgement: bool         # the limit is an assumption of the authors (rules/parameters: judgement: true)
    rows: tuple[ReplacementPace, ...]

    @property
    def exceeded(self) -> tuple[ReplacementPace, ...]:
        return tuple(r for r in self.rows if r.exceeds)


def _scenario_years(ctx: Context, entry: dict, label: str, e, base_hp_mwh: float, base_ev_mwh: float | None,
                    factor: float) -> ScenarioElectrification:
    p = ctx.params
    min_spf = p.value("red_heat_pump_min_spf")
    el = ctx.value("electricity") if ctx.has("electricity") else None
    ev = e.electric_vehicles
    rows = []
    for year, data in entry["years"].items():
        hp_gj = data["carriers"].get("heat_pump", 0.0)
        hp_mwh = ef.heat_pump_electricity_mwh(hp_gj, e.heat_pumps.scop)
        ev_count = ev.count.get(year) if ev else None
        ev_mwh = ef.ev_electricity_mwh(ev_count, ev.km_per_year, ev.kwh_per_km) if ev and ev_count is not None else None
        added_hp = hp_mwh - base_hp_mwh
        added_ev = (ev_mwh - base_ev_mwh) if ev_mwh is not None and base_ev_mwh is not None else 0.0
        peak = ef.peak_power_kw(added_hp, p.value("heating_full_load_hours")) + \
            ef.peak_power_kw(added_ev, p.value("ev_charging_full_load_hours"))
        consumers = el["total"].get(year) if el else None
        rows.append(ElectrificationYear(
            year=year, heat_pump_heat_gj=hp_gj, heat_pump_electricity_mwh=hp_mwh,
            heat_pump_renewable_gj=ef.heat_pump_renewable_gj(hp_gj, e.heat_pumps.scop, min_spf),
            ev_count=ev_count, ev_electricity_mwh=ev_mwh, added_electricity_mwh=added_hp + added_ev,
            added_peak_kw=peak, added_co2_mg=(added_hp + added_ev) * factor / 1000.0,
            consumers_mwh=consumers, total_mwh=consumers + added_hp + added_ev if consumers is not None else None))
    return ScenarioElectrification(label, tuple(rows))


@producer
def electrification(ctx: Context) -> list[Result]:
    e = ctx.content.electrification
    if e is None or e.heat_pumps is None or not ctx.has("scenarios") or ctx.value("scenarios")["base_carriers"] is None:
        return []
    p = ctx.params
    sc = ctx.value("scenarios")
    base_hp_mwh = ef.heat_pump_electricity_mwh(sc["base_carriers"].get("heat_pump", 0.0), e.heat_pumps.scop)
    ev = e.electric_vehicles
    base_ev_mwh = ef.ev_electricity_mwh(ev.base_count, ev.km_per_year, ev.kwh_per_km) if ev else None
    factor_entry = p.entry("electricity_co2_kobize")
    factor = p.value("electricity_co2_kobize")
    rec, base = (_scenario_years(ctx, sc[role], sc[role]["scenario"].short, e, base_hp_mwh, base_ev_mwh, factor)
                 for role in ("recommended", "baseline"))
    max_peak = max(y.added_peak_kw for s in (rec, base) for y in s.years)
    pv = None
    if e.prosumer_pv:
        v = e.prosumer_pv
        mwh = ef.pv_production_mwh(v.power_kw, v.yield_kwh_per_kw)
        el = ctx.value("electricity") if ctx.has("electricity") else None
        share = percent_of(mwh, el["total"][el["years"][0]]) if el else None
        pv = ProsumerPVSummary(v.year, v.installations, v.power_kw, mwh, share, v.yield_kwh_per_kw, v.yield_reason, v.source)
    sufficient = None if e.dso is None else max_peak <= e.dso.available_load_kw
    value = Electrification(
        base_year=ctx.content.gmina.base_year, scop=e.heat_pumps.scop, scop_reason=e.heat_pumps.reason,
        min_spf=p.value("red_heat_pump_min_spf"), heat_pumps_renewable=e.heat_pumps.scop > p.value("red_heat_pump_min_spf"),
        base_heat_pump_electricity_mwh=base_hp_mwh, base_ev_electricity_mwh=base_ev_mwh,
        recommended=rec, baseline=base, pv=pv,
        ev_km_per_year=ev.km_per_year if ev else None, ev_kwh_per_km=ev.kwh_per_km if ev else None,
        ev_reason=ev.reason if ev else "", ev_source=ev.source if ev else "",
        co2_factor_kg_mwh=factor, co2_factor_year=factor_entry["value_date"].year,
        heating_full_load_hours=p.value("heating_full_load_hours"), ev_full_load_hours=p.value("ev_charging_full_load_hours"),
        dso_available_kw=e.dso.available_load_kw if e.dso else None, dso_year=e.dso.year if e.dso else None,
        dso_source=e.dso.source if e.dso else "", max_added_peak_kw=max_peak,
        network_sufficient=sufficient, art20_plan_needed=None if sufficient is None else not sufficient)
    return [Result("electrification", value,
                   [qualname(ef.heat_pump_electricity_mwh), qualname(ef.heat_pump_renewable_gj), qualname(ef.ev_electricity_mwh),
                    qualname(ef.pv_production_mwh), qualname(ef.peak_power_kw), qualname(percent_of)],
                   ["electrification.yaml", "wynik: scenarios", "wynik: electricity",
                    "rules/parameters/electrification.yaml", "rules/parameters/electricity_emission_factors.yaml",
                    "rules/parameters/dhw.yaml: heating_full_load_hours"])]


def _old_device_gj(ctx: Context, scenario, year: int, data) -> float:
    """Final energy from old solid-fuel devices in a forecast year: the scenario's boiler mix for the year applied to
    its gmina-wide carriers, else the base-year mix of each sector applied to the sector's carriers."""
    compliant = set(ctx.params.entry("emission_factors").get("compliant_devices", ()))
    if year in scenario.boiler_mix_pct:
        mix = scenario.boiler_mix_pct[year]
        return sum(ef.old_device_energy_gj(data["carriers"].get(f, 0.0), mix.get(f, {}), compliant) for f in SOLID_FUELS)
    return _base_old_device_gj(ctx, {s: v.final_gj for s, v in data["sectors"].items()}, compliant)


def _base_old_device_gj(ctx: Context, final_by_sector: dict[str, float], compliant: set[str]) -> float:
    c = ctx.content.carriers
    total = 0.0
    for sector, final in final_by_sector.items():
        energy = em.carrier_energy_gj(final, c.shares_pct[sector])
        total += sum(ef.old_device_energy_gj(energy.get(f, 0.0), c.boiler_mix_pct.get(sector, {}).get(f, {}), compliant)
                     for f in SOLID_FUELS)
    return total


@producer
def replacement_pace(ctx: Context) -> list[Result]:
    """Old solid-fuel devices must not be replaced faster than the plausibility limit (parameter)."""
    if not ctx.has("scenarios") or not ctx.has("carrier_totals") or not ctx.content.carriers.boiler_mix_pct:
        return []
    sc = ctx.value("scenarios")
    heat = ctx.value("heat")
    base_year = ctx.content.gmina.base_year
    compliant = set(ctx.params.entry("emission_factors").get("compliant_devices", ()))
    base_share = percent_of(_base_old_device_gj(ctx, {k: v.final_gj for k, v in heat.sectors.items()}, compliant),
                            heat.total_final_gj)
    pid = "solid_fuel_replacement_max_pct_per_year"
    limit = ctx.params.value(pid)
    rows = []
    for entry in sc["scenarios"].values():
        for year, data in entry["years"].items():
            if "carriers" not in data or data["carriers"] is None:
                continue
            share = percent_of(_old_device_gj(ctx, entry["scenario"], year, data), data["final_gj"])
            pace = ef.replacement_pct_per_year(base_share, share, year - base_year)
            rows.append(ReplacementPace(entry["scenario"].short, year, base_share, share, pace * (year - base_year),
                                        pace, pace > limit))
    if not rows:
        return []
    check = ReplacementCheck(limit, ctx.params.source(pid), bool(ctx.params.entry(pid).get("judgement")), tuple(rows))
    out = [Result("replacement_pace", check, [qualname(ef.old_device_energy_gj), qualname(ef.replacement_pct_per_year),
                                              qualname(em.carrier_energy_gj), qualname(percent_of)],
                  ["wynik: scenarios", "wynik: heat", "carriers.yaml: shares_pct, boiler_mix_pct",
                   "scenarios.yaml: boiler_mix_pct", "rules/parameters/emission_factors.yaml: compliant_devices",
                   "rules/parameters/electrification.yaml"])]
    if check.exceeded:
        lines = tuple(f"scenariusz {r.scenario}, {r.year} r.: wymiana starych urządzeń na paliwa stałe "
                      f"{fmt(r.replaced_pct, 0)} % zasobu z {base_year} r., tj. {fmt(r.pace_pct_per_year, 1)} % rocznie – więcej niż "
                      f"{fmt(limit, 2)} % rocznie ({check.limit_source}); scenariusz jest celem, nie prognozą – sprawdź scenarios.yaml"
                      for r in check.exceeded)
        out.append(Result("plausibility_warnings", BuildNotice(lines), [], ["wynik: replacement_pace"]))
    return out
