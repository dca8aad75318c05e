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
    old_stock: tuple[int, float] | None = None   # (year, % of housing floor area built before it), for the SCOP reason

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
    required_pct: float | None = None  # of the base-year stock, what the anti-smog resolution requires replaced by then

    @property
    def required_by_law(self) -> bool:
        """The scenario replaces no more than the anti-smog resolution requires by its year: a pace above the
        plausibility limit is then the law's, not the scenario's."""
        return self.required_pct is not None and self.replaced_pct <= self.required_pct + 0.01

    @property
    def short_of_law(self) -> bool:
        """The scenario replaces less than the anti-smog resolution requires by its year."""
        return self.required_pct is not None and self.replaced_pct < self.required_pct - 0.01


@dataclass(frozen=True)
class BannedDevices:
    """Devices of one anti-smog deadline passed on the document date and their share of base-year heat."""
    devices: str                     # as the resolution names them
    due_text: str                    # "1 stycznia 2025 r."
    share_pct: float                 # of the base year's heating final energy


@dataclass(frozen=True)
class BannedInScenario:
    scenario: str
    year: int
    share_pct: float                 # heating final energy from devices whose deadline is before the year ends


@dataclass(frozen=True)
class AntismogFinding:
    """Result `antismog_breach`: the heat the base year takes from devices the voivodeship's anti-smog resolution
    no longer allows on the document date (rules/policies.yaml, deadlines with `covers`), and the scenario years
    that still burn fuel in devices banned by then."""
    act: str                         # the resolution's short name ("uchwała antysmogowa")
    base_year: int
    date_text: str                   # the document date
    banned: tuple[BannedDevices, ...]
    pending: tuple[BannedDevices, ...]   # deadlines still ahead on the document date
    scenarios: tuple[BannedInScenario, ...]

    @property
    def banned_share_pct(self) -> float:
        return sum(b.share_pct for b in self.banned)

    @property
    def breaching(self) -> tuple[BannedInScenario, ...]:
        return tuple(s for s in self.scenarios if s.share_pct > 0.05)


@dataclass(frozen=True)
class ReplacementCheck:
    """Result `replacement_pace`: old solid-fuel devices (coal and biomass outside Ecodesign and class 5), base year
    → forecast years, against the plausibility limit."""
    limit_pct_per_year: float
    limit_source: str
    limit_is_judgement: bool         # the limit is an assumption of the authors (rules/parameters: judgement: true)
    rows: tuple[ReplacementPace, ...]
    antismog_act: str = ""           # the resolution whose deadlines give required_pct ("" when none applies)

    @property
    def exceeded(self) -> tuple[ReplacementPace, ...]:
        return tuple(r for r in self.rows if r.exceeds)

    @property
    def exceeded_by_law(self) -> tuple[ReplacementPace, ...]:
        return tuple(r for r in self.exceeded if r.required_by_law)


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


def _old_stock(ctx: Context, year: int | None) -> tuple[int, float] | None:
    """(year, share of housing floor area built before it) from the housing construction periods of the heat balance."""
    if year is None or not ctx.has("heat") or "housing" not in ctx.value("heat")["sectors"]:
        return None
    periods = ctx.value("heat")["sectors"]["housing"].periods or ()
    share = ef.share_built_before([(p.period, p.area_share_pct) for p in periods], year)
    return (year, share) if share is not None and periods else None


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
        network_sufficient=sufficient, art20_plan_needed=None if sufficient is None else not sufficient,
        old_stock=_old_stock(ctx, e.heat_pumps.old_stock_before))
    return [Result("electrification", value,
                   [qualname(ef.heat_pump_electricity_mwh), qualname(ef.heat_pump_renewable_gj), qualname(ef.ev_electricity_mwh),
                    qualname(ef.pv_production_mwh), qualname(ef.peak_power_kw), qualname(ef.share_built_before),
                    qualname(percent_of)],
                   ["electrification.yaml", "wynik: scenarios", "wynik: electricity",
                    "rules/parameters/electrification.yaml", "rules/parameters/electricity_emission_factors.yaml",
                    "rules/parameters/dhw.yaml: heating_full_load_hours"])]


def _device_gj(ctx: Context, scenario, year: int, data, counts) -> float:
    """Final energy from the devices `counts` selects in a forecast year: the scenario's boiler mix for the year
    applied to its gmina-wide carriers, else the base-year mix of each sector applied to the sector's carriers."""
    if year in scenario.boiler_mix_pct:
        mix = scenario.boiler_mix_pct[year]
        return sum(ef.device_energy_gj(data["carriers"].get(f, 0.0), mix.get(f, {}), [d for d in mix.get(f, {}) if counts(d)])
                   for f in SOLID_FUELS)
    return _base_device_gj(ctx, {s: v.final_gj for s, v in data["sectors"].items()}, counts)


def _base_device_gj(ctx: Context, final_by_sector: dict[str, float], counts) -> float:
    c = ctx.content.carriers
    total = 0.0
    for sector, final in final_by_sector.items():
        energy = em.carrier_energy_gj(final, c.shares_pct[sector])
        for f in SOLID_FUELS:
            mix = c.boiler_mix_pct.get(sector, {}).get(f, {})
            total += ef.device_energy_gj(energy.get(f, 0.0), mix, [d for d in mix if counts(d)])
    return total


def _antismog(ctx: Context):
    """The voivodeship's anti-smog resolution in force on the document date and its deadlines that name their
    devices (rules/policies.yaml); (None, []) when there is none."""
    from reportgen.law.policies import policies_on  # lazy: only documents with a boiler mix need the law here
    law = policies_on(ctx.content.gmina.document_date)
    act = law.regional("antismog", ctx.content.gmina.voivodeship)
    if act is None:
        return None, []
    return act, [d for d in law.deadlines(act) if d.covers]


@producer
def replacement_pace(ctx: Context) -> list[Result]:
    """Old solid-fuel devices must not be replaced faster than the plausibility limit (parameter); where the
    anti-smog resolution requires the replacement by a scenario year (its deadlines with `covers`), the share it
    requires is given beside the pace. Result `antismog_breach`: the heat from devices already banned on the
    document date and in each scenario year."""
    if not ctx.has("scenarios") or not ctx.has("carrier_totals") or not ctx.content.carriers.boiler_mix_pct:
        return []
    sc = ctx.value("scenarios")
    heat = ctx.value("heat")
    base_year = ctx.content.gmina.base_year
    compliant = set(ctx.params.entry("emission_factors").get("compliant_devices", ()))
    final_by_sector = {k: v.final_gj for k, v in heat.sectors.items()}
    base_old_gj = _base_device_gj(ctx, final_by_sector, lambda d: d not in compliant)
    base_share = percent_of(base_old_gj, heat.total_final_gj)
    act, deadlines = _antismog(ctx)

    def banned_by(year: int):
        devices = {d for dl in deadlines if dl.due.year <= year for d in dl.covers}
        return lambda d: d in devices

    pid = "solid_fuel_replacement_max_pct_per_year"
    limit = ctx.params.value(pid)
    rows, in_scenarios = [], []
    for entry in sc["scenarios"].values():
        for year, data in entry["years"].items():
            if "carriers" not in data or data["carriers"] is None:
                continue
            share = percent_of(_device_gj(ctx, entry["scenario"], year, data, lambda d: d not in compliant), data["final_gj"])
            pace = ef.replacement_pct_per_year(base_share, share, year - base_year)
            required = percent_of(_base_device_gj(ctx, final_by_sector, banned_by(year)), base_old_gj) \
                if deadlines and base_old_gj > 0 else None
            rows.append(ReplacementPace(entry["scenario"].short, year, base_share, share, pace * (year - base_year),
                                        pace, pace > limit, required))
            if deadlines:
                in_scenarios.append(BannedInScenario(entry["scenario"].short, year, percent_of(
                    _device_gj(ctx, entry["scenario"], year, data, banned_by(year)), data["final_gj"])))
    if not rows:
        return []
    check = ReplacementCheck(limit, ctx.params.source(pid), bool(ctx.params.entry(pid).get("judgement")), tuple(rows),
                             (act.short or act.title) if deadlines else "")
    sources = ["wynik: scenarios", "wynik: heat", "carriers.yaml: shares_pct, boiler_mix_pct",
               "scenarios.yaml: boiler_mix_pct", "rules/parameters/emission_factors.yaml: compliant_devices",
               "rules/parameters/electrification.yaml"] + (["rules/policies.yaml: " + act.id] if deadlines else [])
    calculators = [qualname(ef.device_energy_gj), qualname(ef.replacement_pct_per_year), qualname(em.carrier_energy_gj),
                   qualname(percent_of)]
    out = [Result("replacement_pace", check, calculators, sources)]
    if any(dl.passed for dl in deadlines):
        from reportgen.law.policies import date_text  # lazy, as in _antismog

        def shares(which) -> tuple[BannedDevices, ...]:
            found = (BannedDevices(dl.devices, dl.due_text, percent_of(
                _base_device_gj(ctx, final_by_sector, lambda d, dl=dl: d in dl.covers), heat.total_final_gj)) for dl in which)
            return tuple(b for b in found if b.share_pct > 0)
        finding = AntismogFinding(act.short or act.title, base_year, date_text(ctx.content.gmina.document_date),
                                  shares(dl for dl in deadlines if dl.passed), shares(dl for dl in deadlines if not dl.passed),
                                  tuple(in_scenarios))
        if finding.banned:
            out.append(Result("antismog_breach", finding, calculators, sources))
    if check.exceeded:
        lines = tuple(f"scenariusz {r.scenario}, {r.year} r.: wymiana starych urządzeń na paliwa stałe "
                      f"{fmt(r.replaced_pct, 0)} % zasobu z {base_year} r., tj. {fmt(r.pace_pct_per_year, 1)} % rocznie – więcej niż "
                      f"{fmt(limit, 2)} % rocznie ({check.limit_source}); "
                      + (f"tyle wymaga {check.antismog_act} – tempo wynika z przepisów, a jego osiągnięcie z egzekwowania "
                         f"uchwały i wsparcia finansowego" if r.required_by_law else
                         "scenariusz jest celem, nie prognozą – sprawdź scenarios.yaml")
                      for r in check.exceeded)
        out.append(Result("plausibility_warnings", BuildNotice(lines), [], ["wynik: replacement_pace"]))
    return out
