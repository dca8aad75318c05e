"""Results of the indicator method (Kluki-style data): heat balance, carriers, emissions, electricity, RES."""
from __future__ import annotations

from reportgen.common_results import ElectricityNetwork, MVFeeder, NetworkLine
from reportgen.errors import UserError
from reportgen.methods.indicator.calc import electricity as el
from reportgen.methods.indicator.calc import emissions as em
from reportgen.methods.indicator.calc import heat
from reportgen.methods.indicator.calc import renewables as res
from reportgen.quantities import GJ_PER_KWH, percent_change, percent_of
from reportgen.results import Context, Result, producer, qualname

SECTOR_ORDER = ("housing", "municipal", "business")


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
    return [Result("heat", {"sectors": sectors, "power_mw": power, "total_final_gj": total,
                            "final_share_pct": {k: percent_of(v.final_gj, total) for k, v in sectors.items()}},
                   [qualname(heat.indicator_sector_heat), qualname(heat.period_indicator_kwh_m2a),
                    qualname(heat.weighted_indicator_kwh_m2a), qualname(heat.dhw_heat_kwh),
                    qualname(heat.final_energy_gj), qualname(heat.power_mw), qualname(percent_of)],
                   ["heat.yaml: sectors", "rules/parameters/dhw.yaml"])]


def _carrier_energy(ctx: Context, final_by_sector: dict[str, float], shares: dict) -> dict[str, dict[str, float]]:
    out = {}
    for sector, final_gj in final_by_sector.items():
        if sector not in shares:
            raise UserError(f"{ctx.content.folder / 'carriers.yaml'}, klucz shares_pct.{sector}: brak struktury nośników dla sektora.")
        out[sector] = em.carrier_energy_gj(final_gj, shares[sector])
    return out


def _factors(ctx: Context) -> dict[str, dict[str, float]]:
    ef = ctx.params.entry("emission_factors")
    names = ef["pollutants"]
    return {rid: dict(zip(names, row["values"])) for rid, row in ef["rows"].items()}


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
    total = ctx.value("heat")["total_final_gj"]
    dominant = max(gj, key=lambda c: gj[c])
    value = {"gj": gj, "share_pct": {c: percent_of(v, total) for c, v in gj.items()}, "dominant": dominant,
             "dominant_label": ctx.vocabulary["carriers"][dominant]["label"],
             "dominant_is_solid_fuel": dominant in ("coal", "biomass")}
    return Result("carrier_totals", value, [qualname(percent_of)], ["wynik: carriers", "wynik: heat"])


@producer
def carriers_and_emissions(ctx: Context) -> list[Result]:
    c = ctx.content.carriers
    if c is None or not ctx.has("heat"):
        return []
    final = {k: v.final_gj for k, v in ctx.value("heat")["sectors"].items()}
    energy = _carrier_energy(ctx, final, c.shares_pct)
    results = [Result("carriers", energy, [qualname(em.carrier_energy_gj)],
                      ["carriers.yaml: shares_pct", "wynik: heat"]),
               _carrier_totals(ctx, energy)]
    if c.boiler_mix_pct or not any(e.get(f, 0) for e in energy.values() for f in ("coal", "biomass")):
        emissions = sector_emissions(ctx, energy, c.boiler_mix_pct)
        results.append(Result("emissions", emissions,
                              [qualname(em.split_by_boiler_mix), qualname(em.emissions_mg)],
                              ["wynik: carriers", "carriers.yaml: boiler_mix_pct", "rules/parameters/emission_factors.yaml"],
                              note=c.boiler_mix_note))
    return results


@producer
def electricity(ctx: Context) -> list[Result]:
    e = ctx.content.electricity
    if e is None:
        return []
    g = ctx.content.gmina
    steps = [(s.until, s.rate_pct_per_year) for s in e.growth]
    years = [e.year, g.period.end, g.period.horizon]
    table = {grp.id: {y: el.forecast_mwh(grp.mwh, e.year, y, steps, grp.grows) for y in years} for grp in e.groups}
    totals = {y: sum(table[grp.id][y] for grp in e.groups) for y in years}
    results = [Result("electricity", {"groups": e.groups, "by_group": table, "total": totals, "years": years,
                                      "steps": steps, "reported_total_mwh": e.reported_total_mwh,
                                      "horizon_change_pct": percent_change(totals[years[-1]], totals[years[0]])},
                      [qualname(el.growth_factor), qualname(el.forecast_mwh), qualname(percent_change)],
                      ["electricity.yaml: groups, growth"])]
    if e.street_lighting is not None:
        sl = e.street_lighting
        results.append(Result("street_lighting", {"luminaires": sl.luminaires, "count": sum(x.count for x in sl.luminaires),
                                                  "energy_kwh": sl.energy_kwh, "year": sl.year},
                              [], ["electricity.yaml: street_lighting"]))
    if e.network is not None:
        n = e.network
        network = ElectricityNetwork(operator=n.operator, source=n.source,
                                     lines=tuple(NetworkLine(ln.voltage, ln.kind, ln.km) for ln in n.lines),
                                     mv_lines=tuple(MVFeeder(f.name, f.stations) for f in n.mv_lines),
                                     stations_mv_lv=n.stations_mv_lv, condition_pct=dict(n.condition_pct))
        results.append(Result("network", network, [], ["electricity.yaml: network"]))
    return results


@producer
def renewables(ctx: Context) -> list[Result]:
    r = ctx.content.renewables
    if r is None:
        return []
    out = {}
    calcs = []
    if r.solar_thermal:
        s = r.solar_thermal
        kwh = res.solar_thermal_kwh(s.buildings, s.collectors_per_building, s.collector_area_m2, s.insolation_kwh_m2a, s.efficiency)
        out["solar_thermal"] = {"kwh": kwh, "gj": kwh * GJ_PER_KWH, "inputs": s}
        calcs.append(qualname(res.solar_thermal_kwh))
    if r.photovoltaics:
        p = r.photovoltaics
        out["photovoltaics"] = {"mwh": res.photovoltaic_mwh(p.households, p.area_m2_per_household, p.yield_kwh_m2a), "inputs": p}
        if ctx.has("electricity"):
            el = ctx.value("electricity")
            out["photovoltaics"]["share_of_electricity_pct"] = percent_of(out["photovoltaics"]["mwh"], el["total"][el["years"][0]])
        calcs.append(qualname(res.photovoltaic_mwh))
    if r.heat_pumps and ctx.has("heat") and "housing" in ctx.value("heat")["sectors"]:
        hp = r.heat_pumps
        housing = ctx.value("heat")["sectors"]["housing"].final_gj
        out["heat_pumps"] = {"gj": res.heat_pump_gj(hp.households, hp.coverage, housing, hp.dwellings), "inputs": hp,
                             "per_dwelling_gj": housing / hp.dwellings}
        calcs.append(qualname(res.heat_pump_gj))
    return [Result("renewables", out, calcs, ["renewables.yaml", "wynik: heat"])] if out else []


@producer
def public_buildings(ctx: Context) -> list[Result]:
    pb = ctx.content.public_buildings
    return [Result("public_buildings", pb, [], ["public_buildings.yaml"])] if pb is not None else []
