"""Scenario results: heat demand, carrier structure and emissions of each scenario in the target years."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportgen.common_results import SECTOR_ORDER
from reportgen.errors import UserError
from reportgen.methods.indicator.calc import emissions as em
from reportgen.methods.indicator.calc import heat as ht
from reportgen.methods.indicator.calc import scenarios as sc
from reportgen.methods.indicator.results import _factors, sector_emissions
from reportgen.quantities import percent_of, total_of
from reportgen.results import Context, FieldAccess, Result, producer


@dataclass(frozen=True)
class ScenarioYear(FieldAccess):
    """One scenario in one forecast year."""
    sectors: dict[str, ht.SectorHeat]
    final_gj: float
    final_change_pct: float                       # against the base year
    power_mw: dict[str, float]                    # by sector
    total_power_mw: float
    power_change_pct: float                       # total power against the base year
    # by sector: the change of useful_gj, final_gj, indicator_kwh_m2a and power_mw against the base year [%]
    # (None where the base year or the forecast lacks the quantity)
    sector_change_pct: dict[str, dict[str, float | None]]
    carriers: dict[str, float] | None = None      # gmina-wide energy by carrier [GJ/a]
    carriers_total_gj: float | None = None
    emissions: dict[str, float] | None = None     # by pollutant [Mg/a]
    emissions_change_pct: dict[str, float] | None = None
    emissions_pct_of_base: dict[str, float] | None = None


@dataclass(frozen=True)
class ScenarioOutcome(FieldAccess):
    """A scenario of scenarios.yaml (its assumptions) and what it gives in each forecast year."""
    scenario: Any
    years: dict[int, ScenarioYear]
    eco_design_only: bool                         # every boiler of its boiler mix meets Ecodesign


@dataclass(frozen=True)
class Scenarios(FieldAccess):
    """Result `scenarios`: every scenario of the gmina, reached by id or by role (`recommended` = the first of
    scenarios.yaml, `baseline` = the last)."""
    years: list[int]
    scenarios: dict[str, ScenarioOutcome]
    base_carriers: dict[str, float] | None
    base_carriers_total_gj: float | None
    base_emissions: dict[str, float] | None
    base_power_mw: dict[str, float]
    base_total_power_mw: float
    area_growth: dict[str, dict[int, float]]
    area_m2: dict[str, dict[int, float]]          # floor area by sector in the base and forecast years
    area_total_m2: dict[int, float]               # all sectors together in the base and forecast years
    recommended: ScenarioOutcome
    baseline: ScenarioOutcome
    roles: dict[str, str]

    def by_role_or_id(self, key: str) -> ScenarioOutcome:
        return getattr(self, key) if key in self.roles else self.scenarios[key]

    def key_of(self, scenario_id: str) -> str:
        """The scenario's role (`recommended`, `baseline`) or, for another scenario, its id."""
        return next((role for role, sid in self.roles.items() if sid == scenario_id), scenario_id)

    def each(self) -> list[tuple[str, ScenarioOutcome]]:
        """Every scenario in the order of scenarios.yaml, keyed by role or id (a `foreach` of structure.yaml)."""
        return [(self.key_of(sid), outcome) for sid, outcome in self.scenarios.items()]


def _sector_year(ctx: Context, scenario, sector: str, year: int, growth: float):
    base = ctx.value("heat").sectors[sector]
    s_in = ctx.content.heat.sectors[sector]
    new_ek = scenario.new_building_ek_kwh_m2a.get(sector, {}).get(year)
    if new_ek is None:
        raise UserError(f"{ctx.content.folder / 'scenarios.yaml'}, klucz scenarios[{scenario.id}].new_building_ek_kwh_m2a."
                        f"{sector}.{year}: brak wskaźnika dla nowych budynków.")
    eff = scenario.efficiency
    if base.method == "measured":
        return sc.measured_sector_scenario(sector, year, base.floor_area_m2, growth, base.final_gj, new_ek, eff.new_heating)
    thermo = {p: by_year[year] for p, by_year in scenario.thermo_share_pct.get(sector, {}).items() if year in by_year}
    return sc.indicator_sector_scenario(
        sector, year, base.floor_area_m2, growth, [p.model_dump() for p in s_in.periods], thermo or None,
        scenario.ek_after_default_kwh_m2a, new_ek, base.dhw_useful_gj,
        eff.existing_heating or base.efficiency, eff.modernised_heating, eff.new_heating, eff.dhw)


def _carriers_for(ctx: Context, scenario, year: int, final_by_sector: dict[str, float]) -> dict[str, float]:
    """Gmina-wide energy by carrier [GJ/a]: the scenario's structure for the year, else the base structure by sector."""
    if year in scenario.carrier_shares_pct:
        return em.carrier_energy_gj(sum(final_by_sector.values()), scenario.carrier_shares_pct[year])
    out: dict[str, float] = {}
    for sector, final in final_by_sector.items():
        for c, q in em.carrier_energy_gj(final, ctx.content.carriers.shares_pct[sector]).items():
            out[c] = out.get(c, 0.0) + q
    return out


def _emissions_for(ctx: Context, scenario, year: int, final_by_sector: dict[str, float], carriers: dict[str, float]):
    if year in scenario.boiler_mix_pct:
        carrier_factor = {c: v.get("factor") for c, v in ctx.vocabulary["carriers"].items()}
        rows = em.split_by_boiler_mix(carriers, carrier_factor, scenario.boiler_mix_pct[year])
        return em.emissions_mg(rows, _factors(ctx))
    if year in scenario.carrier_shares_pct:
        raise UserError(f"{ctx.content.folder / 'scenarios.yaml'}, klucz scenarios[{scenario.id}].boiler_mix_pct.{year}: "
                        f"przy zmienionej strukturze nośników podaj strukturę kotłów na ten rok.")
    energy = {s: em.carrier_energy_gj(f, ctx.content.carriers.shares_pct[s]) for s, f in final_by_sector.items()}
    by_sector = sector_emissions(ctx, energy, ctx.content.carriers.boiler_mix_pct)
    return {p: sum(e[p] for e in by_sector.values()) for p in em.POLLUTANTS}


def _change_or_none(value: float | None, base: float | None) -> float | None:
    return None if value is None or base is None else sc.change_pct(value, base)


def _sector_changes(base: ht.SectorHeat, year: ht.SectorHeat, base_power_mw: float, power_mw: float) -> dict[str, float | None]:
    """The change of each quantity of a sector's scenario table against the base year [%]."""
    return {"useful_gj": _change_or_none(year.useful_gj, base.useful_gj),
            "final_gj": _change_or_none(year.final_gj, base.final_gj),
            "indicator_kwh_m2a": _change_or_none(year.indicator_kwh_m2a, base.indicator_kwh_m2a),
            "power_mw": _change_or_none(power_mw, base_power_mw)}


def _check_growth_years(ctx: Context, sectors: list[str], years: list[int]) -> None:
    """Every sector with base-year heat needs an area growth factor for each forecast year."""
    growth = ctx.content.scenarios.area_growth
    label = ctx.content.folder / "scenarios.yaml"
    problems = []
    for sector in sectors:
        if sector not in growth:
            problems.append(f"{label}, klucz area_growth: brak sektora {sector} (jest w heat.yaml); "
                            f"podaj przyrost powierzchni dla lat {', '.join(map(str, years))}.")
            continue
        missing = [y for y in years if y not in growth[sector]]
        if missing:
            problems.append(f"{label}, klucz area_growth.{sector}: brak roku {', '.join(map(str, missing))} "
                            f"(lata prognozy to koniec okresu i horyzont planu: {', '.join(map(str, years))}).")
    if problems:
        raise UserError(problems)


def _scenario_year(ctx: Context, scenario, year: int, present: list[str], base_power_mw: dict[str, float],
                   base_emissions: dict[str, float] | None) -> ScenarioYear:
    """One scenario in one forecast year: heat by sector, power, and (with the base-year carriers and emissions)
    the carriers and emissions, each compared with the base year."""
    inputs = ctx.content.scenarios
    heat = ctx.value("heat")
    hours = ctx.params.value("heating_full_load_hours")
    sectors = {s: _sector_year(ctx, scenario, s, year, inputs.area_growth[s][year]) for s in present}
    final = {s: v.final_gj for s, v in sectors.items()}
    power = {s: ht.power_mw(f, hours) for s, f in final.items()}
    total_power = ht.power_mw(sum(final.values()), hours)
    carriers = emissions = change = of_base = None
    if ctx.has("carriers"):
        carriers = _carriers_for(ctx, scenario, year, final)
        if base_emissions is not None:
            emissions = _emissions_for(ctx, scenario, year, final, carriers)
            change = {p: sc.change_pct(v, base_emissions[p]) for p, v in emissions.items()}
            of_base = {p: percent_of(v, base_emissions[p]) for p, v in emissions.items()}
    return ScenarioYear(
        sectors=sectors, final_gj=sum(final.values()),
        final_change_pct=sc.change_pct(sum(final.values()), heat.total_final_gj),
        power_mw=power, total_power_mw=total_power,
        power_change_pct=sc.change_pct(total_power, ht.power_mw(heat.total_final_gj, hours)),
        sector_change_pct={s: _sector_changes(heat.sectors[s], v, base_power_mw[s], power[s]) for s, v in sectors.items()},
        carriers=carriers, carriers_total_gj=None if carriers is None else total_of(carriers.values()),
        emissions=emissions, emissions_change_pct=change, emissions_pct_of_base=of_base)


def _area_m2(ctx: Context, present: list[str], years: list[int]) -> dict[str, dict[int, float]]:
    """Floor area by sector in the base year and each forecast year: base area × the growth factor of the year."""
    heat, growth = ctx.value("heat"), ctx.content.scenarios.area_growth
    return {s: {ctx.content.gmina.base_year: heat.sectors[s].floor_area_m2,
                **{y: heat.sectors[s].floor_area_m2 * growth[s][y] for y in years}} for s in present}


@producer
def scenarios(ctx: Context) -> list[Result]:
    inputs = ctx.content.scenarios
    if inputs is None or not ctx.has("heat"):
        return []
    g = ctx.content.gmina
    years = [g.period.end, g.period.horizon]
    heat = ctx.value("heat")
    hours = ctx.params.value("heating_full_load_hours")
    base_final = {k: v.final_gj for k, v in heat.sectors.items()}
    base_carriers = _carriers_for(ctx, inputs.scenarios[0].model_copy(update={"carrier_shares_pct": {}}), g.base_year, base_final) \
        if ctx.has("carriers") else None
    base_emissions = ctx.value("emissions").total if ctx.has("emissions") else None
    base_power = {s: ht.power_mw(f, hours) for s, f in base_final.items()}
    present = [s for s in SECTOR_ORDER if s in heat.sectors]
    _check_growth_years(ctx, present, years)
    out = {scenario.id: ScenarioOutcome(scenario,
                                        {y: _scenario_year(ctx, scenario, y, present, base_power, base_emissions) for y in years},
                                        em.eco_design_only(scenario.boiler_mix_pct))
           for scenario in inputs.scenarios}
    area = _area_m2(ctx, present, years)
    # Roles, so that the document never names a gmina's scenario ids: scenarios.yaml lists the recommended
    # scenario first and the do-nothing scenario last.
    ids = [s.id for s in inputs.scenarios]
    value = Scenarios(
        years=years, scenarios=out, base_carriers=base_carriers,
        base_carriers_total_gj=None if base_carriers is None else total_of(base_carriers.values()),
        base_emissions=base_emissions, base_power_mw=base_power,
        base_total_power_mw=ht.power_mw(heat.total_final_gj, hours), area_growth=inputs.area_growth, area_m2=area,
        area_total_m2={y: total_of(area[s][y] for s in present) for y in [g.base_year, *years]},
        recommended=out[ids[0]], baseline=out[ids[-1]], roles={"recommended": ids[0], "baseline": ids[-1]})
    return [Result("scenarios", value, inputs=["scenarios.yaml", "wynik: heat", "wynik: carriers", "wynik: emissions"])]
