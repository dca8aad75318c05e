"""Tables and charts of the forecast scenarios."""
from __future__ import annotations

from reportgen.blocks import ChartData, ChartSpec, TableData, carrier_label, chart, label, sector_label, table
from reportgen.common_results import SECTOR_ORDER
from reportgen.document.model import Column
from reportgen.methods.indicator.blocks import OWN, POLLUTANT_DECIMALS
from reportgen.quantities import GJ_PER_TJ
from reportgen.results import Context


def _scenario(ctx: Context, scenario: str):
    """A scenario by its role in the document (`recommended`, `baseline`; see scenario_results) or its id."""
    return ctx.value("scenarios").by_role_or_id(scenario)


@table("area_forecast", needs=("scenarios",))
def area_forecast(ctx: Context, **_) -> TableData:
    s = ctx.value("scenarios")
    base_year = ctx.content.gmina.base_year
    years = [base_year, *s.years]
    rows = [[sector_label(ctx, k), *[s.area_m2[k][y] for y in years]] for k in SECTOR_ORDER if k in s.area_m2]
    rows.append(["Razem", *[s.area_total_m2[y] for y in years]])
    cols = [Column("Sektor", None, kind="text"), *[Column(f"{y} [m²]", 0) for y in years]]
    return TableData(cols, rows, f"{OWN}: powierzchnia roku bazowego × przyrost przyjęty w założeniach scenariuszy",
                     total_rows=[len(rows) - 1], provenance=["scenarios"])


@table("thermo_shares", needs=("scenarios",))
def thermo_shares(ctx: Context, scenario: str, **_) -> TableData | None:
    sc = _scenario(ctx, scenario).scenario
    if not sc.thermo_share_pct:
        return None
    years = ctx.value("scenarios").years
    base_year = ctx.content.gmina.base_year
    rows = []
    for sector in SECTOR_ORDER:
        periods = sc.thermo_share_pct.get(sector)
        if not periods:
            continue
        base = {p.period: p.thermo_share_pct for p in ctx.content.heat.sectors[sector].periods}
        for period, by_year in periods.items():
            rows.append([sector_label(ctx, sector), period, base.get(period), *[by_year.get(y) for y in years]])
    cols = [Column("Sektor", None, kind="text"), Column("Okres budowy", None, kind="text"),
            Column(f"{base_year} [%]", 0, kind="percent"), *[Column(f"{y} [%]", 0, kind="percent") for y in years]]
    return TableData(cols, rows, "Założenia opracowania", provenance=["scenarios"])


@table("scenario_heat", needs=("scenarios",))
def scenario_heat(ctx: Context, scenario: str, **_) -> TableData:
    s = ctx.value("scenarios")
    sc = _scenario(ctx, scenario)
    forecast = [sc.years[y] for y in s.years]
    base = ctx.value("heat")
    rows, decimals = [], []

    def add(label, base_value, values_and_changes, dec):
        rows.append([label, base_value, *[cell for pair in values_and_changes for cell in pair]])
        decimals.append(dec)

    for k in SECTOR_ORDER:
        if k not in base.sectors:
            continue
        b = base.sectors[k]
        name = sector_label(ctx, k)
        if b.useful_gj is not None:
            add(f"{name}: energia użytkowa [GJ/rok]", b.useful_gj,
                [(y.sectors[k].useful_gj, y.sector_change_pct[k]["useful_gj"]) for y in forecast], 0)
        add(f"{name}: energia końcowa [GJ/rok]", b.final_gj,
            [(y.sectors[k].final_gj, y.sector_change_pct[k]["final_gj"]) for y in forecast], 0)
        if b.indicator_kwh_m2a is not None:
            add(f"{name}: wskaźnik EK [kWh/(m²·rok)]", b.indicator_kwh_m2a,
                [(y.sectors[k].indicator_kwh_m2a, y.sector_change_pct[k]["indicator_kwh_m2a"]) for y in forecast], 1)
        add(f"{name}: zapotrzebowanie na moc [MW]", s.base_power_mw[k],
            [(y.power_mw[k], y.sector_change_pct[k]["power_mw"]) for y in forecast], 2)
    add("Razem: energia końcowa [GJ/rok]", base.total_final_gj, [(y.final_gj, y.final_change_pct) for y in forecast], 0)
    add("Razem: zapotrzebowanie na moc [MW]", s.base_total_power_mw,
        [(y.total_power_mw, y.power_change_pct) for y in forecast], 2)
    cols = [Column("Sektor i wielkość", None, kind="text"), Column(f"{ctx.content.gmina.base_year}", 0)]
    for y in s.years:
        cols += [Column(f"{y}", 0), Column(f"zmiana {y} [%]", 1, kind="percent")]
    # percent columns keep one decimal; value columns take the row's precision
    return TableData(cols, rows, f"{OWN} (model scenariuszowy, rozdz. prognozy)", provenance=["scenarios", "heat"],
                     row_decimals=decimals, note="Zmiana w % w stosunku do roku bazowego.")


@chart("scenario_trajectories", needs=("scenarios",))
def scenario_trajectories(ctx: Context, **_) -> ChartData:
    s = ctx.value("scenarios")
    base = ctx.value("heat").total_final_gj
    years = [ctx.content.gmina.base_year, *s.years]
    series = [(v.scenario.label.split(" – ")[0], [base / GJ_PER_TJ, *[v.years[y].final_gj / GJ_PER_TJ for y in s.years]])
              for v in s.scenarios.values()]
    return ChartData(ChartSpec("line", [str(y) for y in years], series, ylabel="TJ/rok", base_year=years[0]), OWN,
                     ["scenarios"])


def _carriers_by_year(ctx: Context, scenario: str) -> tuple[list[str], list[dict]]:
    """The carriers used in the base year or any forecast year (vocabulary order), and the GJ of each year:
    [base year, *forecast years] – one selection for the table and the chart of a scenario's carriers."""
    s = ctx.value("scenarios")
    sc = _scenario(ctx, scenario)
    data = [s.base_carriers, *[sc.years[y].carriers for y in s.years]]
    return [c for c in ctx.vocabulary["carriers"] if any(d.get(c, 0) > 0 for d in data)], data


@table("scenario_carriers", needs=("scenarios", "carriers"))
def scenario_carriers(ctx: Context, scenario: str, **_) -> TableData:
    years = ctx.value("scenarios").years
    carriers, data = _carriers_by_year(ctx, scenario)
    rows = [[carrier_label(ctx, c), *[d.get(c, 0) / GJ_PER_TJ for d in data]] for c in carriers]
    s = ctx.value("scenarios")
    sc = _scenario(ctx, scenario)
    totals = [s.base_carriers_total_gj, *[sc.years[y].carriers_total_gj for y in years]]
    rows.append(["Razem", *[t / GJ_PER_TJ for t in totals]])
    cols = [Column("Nośnik energii", None, kind="text"), Column(f"{ctx.content.gmina.base_year} [TJ/rok]", 2),
            *[Column(f"{y} [TJ/rok]", 2) for y in years]]
    return TableData(cols, rows, OWN, total_rows=[len(rows) - 1], provenance=["scenarios"])


@chart("scenario_carriers", needs=("scenarios", "carriers"))
def scenario_carriers_chart(ctx: Context, scenario: str, **_) -> ChartData:
    years = [ctx.content.gmina.base_year, *ctx.value("scenarios").years]
    carriers, data = _carriers_by_year(ctx, scenario)
    series = [(carrier_label(ctx, c), [d.get(c, 0) / GJ_PER_TJ for d in data]) for c in carriers]
    return ChartData(ChartSpec("stacked_bar", [str(y) for y in years], series, ylabel="TJ/rok", base_year=years[0]), OWN,
                     ["scenarios"])


@table("scenario_emissions", needs=("scenarios", "emissions"))
def scenario_emissions(ctx: Context, scenario: str, **_) -> TableData:
    s = ctx.value("scenarios")
    sc = _scenario(ctx, scenario)
    years = s.years
    base = s.base_emissions
    rows, decimals = [], []
    for p in POLLUTANT_DECIMALS:
        row = [label(ctx, "pollutants", p), base[p]]
        for y in years:
            row += [sc.years[y].emissions[p], sc.years[y].emissions_change_pct[p]]
        rows.append(row)
        decimals.append(POLLUTANT_DECIMALS[p])
    cols = [Column("Substancja", None, kind="text"), Column(f"{ctx.content.gmina.base_year} [Mg/rok]", 2)]
    for y in years:
        cols += [Column(f"{y} [Mg/rok]", 2), Column(f"zmiana {y} [%]", 1, kind="percent")]
    note = "Zmiana w % w stosunku do roku bazowego; CO₂ bez emisji biogenicznej z biomasy."
    zero = _coal_without_so2(ctx, sc.scenario)
    if zero:
        # SO₂ comes from the sulphur in the coal, not from the boiler class; a zero factor understates it
        note += (f" Wskaźnik SO₂ w tabeli wskaźników wynosi 0 g/GJ dla: {', '.join(zero)}; emisja SO₂ zależy od"
                 " zawartości siarki w węglu, więc jej spadek w tym scenariuszu jest zawyżony.")
    return TableData(cols, rows, f"{OWN} na podstawie wskaźników emisji (PN-EN 303-5:2012, KOBiZE)",
                     provenance=["scenarios", "emissions"], row_decimals=decimals, note=note)


def _coal_without_so2(ctx: Context, scenario) -> list[str]:
    """Labels of the coal boilers of the scenario whose SO₂ factor is zero."""
    ef = ctx.params.entry("emission_factors")
    so2 = ef["pollutants"].index("so2")
    devices = {d for mix in (scenario.boiler_mix_pct or {}).values() for d, share in mix.get("coal", {}).items()
               if share > 0}
    return [ef["rows"][d]["label"].lower() for d in sorted(devices)
            if d in ef["rows"] and ef["rows"][d]["values"][so2] == 0]


@chart("emissions_by_scenario", needs=("scenarios", "emissions"))
def emissions_by_scenario(ctx: Context, **_) -> ChartData:
    s = ctx.value("scenarios")
    horizon = s.years[-1]
    pollutants = ["pm10", "pm25", "bap", "so2", "nox", "co", "co2"]
    series = [(f"{v.scenario.short} {horizon}", [v.years[horizon].emissions_pct_of_base[p] for p in pollutants])
              for v in s.scenarios.values()]
    spec = ChartSpec("grouped_bar", [label(ctx, "pollutants", p) for p in pollutants], series,
                     ylabel=f"% emisji z {ctx.content.gmina.base_year} r.", note="100 % = rok bazowy")
    return ChartData(spec, OWN, ["scenarios"])
