"""Tables and charts of the indicator method (heat balance, carriers, emissions, electricity, RES)."""
from __future__ import annotations

from reportgen.blocks import ChartData, ChartSpec, TableData, carrier_label, chart, label, sector_label, table
from reportgen.common_results import SECTOR_ORDER
from reportgen.document.model import Column
from reportgen.render.numbers import NBSP, fmt
from reportgen.results import Context

OWN = "Obliczenia własne"
POLLUTANT_DECIMALS = {"pm10": 2, "pm25": 2, "co2": 1, "bap": 3, "so2": 2, "nox": 2, "co": 2}   # table order, precision


def with_data_source(own: str, data_source: str) -> str:
    return f"{own} na podstawie danych: {data_source}" if data_source else own


@table("floor_area_by_sector", needs=("heat",))
def floor_area_by_sector(ctx: Context, **_) -> TableData:
    h = ctx.value("heat")
    rows = [[sector_label(ctx, k), h.sectors[k].floor_area_m2, h.floor_area_share_pct[k]] for k in SECTOR_ORDER if k in h.sectors]
    rows.append(["Razem", h.total_floor_area_m2, 100.0])
    return TableData([Column("Sektor budownictwa", None, kind="text"), Column("Powierzchnia użytkowa [m²]", 0),
                      Column("Udział [%]", 1, kind="percent")], rows,
                     ctx.content.heat.source or "dane gminy", total_rows=[len(rows) - 1], provenance=["heat"])


@table("ek_norms_by_period", needs=())
def ek_norms_by_period(ctx: Context, **_) -> TableData:
    e = ctx.params.entry("ek_by_period")
    rows = [[r["period"], r["standard"], f"{r['min']}–{r['max']}"] for r in e["rows"]]
    return TableData([Column("Okres budowy", None, kind="text"), Column("Obowiązująca norma", None, kind="text"),
                      Column(f"Orientacyjne sezonowe zużycie energii [{e['unit']}]", None, kind="text")], rows, e["source"])


@table("wt_ep_limits", needs=())
def wt_ep_limits(ctx: Context, **_) -> TableData:
    e = ctx.params.entry("wt_ep_limits")
    cols = [Column("Rodzaj budynku", None, kind="text")]
    for c in e["columns"]:
        cols.append(Column(f"EP od {c['valid_from'].strftime('%d.%m.%Y')} [{e['unit']}]", 0))
    rows = [[r["building"], *r["values"]] for r in e["rows"]]
    return TableData(cols, rows, e["source"])


@table("sector_indicator", needs=("heat",))
def sector_indicator(ctx: Context, sector: str, **_) -> TableData | None:
    s = ctx.value("heat").sectors.get(sector)
    if s is None or s.method != "indicator":
        return None
    rows = []
    for p in s.periods:
        rows.append([p.period, p.area_share_pct, p.thermo_share_pct, p.ek_before_kwh_m2a, p.ek_after_kwh_m2a, p.ek_period_kwh_m2a])
    rows.append(["Wskaźnik ważony sektora", s.area_share_total_pct, None, None, None, s.indicator_kwh_m2a])
    cols = [Column("Okres budowy", None, kind="text"), Column("Udział powierzchni [%]", 1, kind="percent"),
            Column("Udział powierzchni po termomodernizacji [%]", 0, kind="percent"),
            Column("EK budynków niezmodernizowanych [kWh/(m²·rok)]", 1), Column("EK po termomodernizacji [kWh/(m²·rok)]", 1),
            Column("EK okresu [kWh/(m²·rok)]", 1)]
    note = ("EK okresu = (1 − u)·EK niezmodernizowanych + u·EK po termomodernizacji; wskaźnik sektora jest średnią "
            "ważoną udziałami powierzchni (suma udziałów z zaokrągleń może różnić się od 100 %).")
    return TableData(cols, rows, with_data_source(OWN, ctx.content.heat.source), note=note, provenance=["heat"])


@table("sector_heat_calculation", needs=("heat",))
def sector_heat_calculation(ctx: Context, **_) -> TableData:
    sectors = ctx.value("heat").sectors
    rows = []
    keys = [k for k in SECTOR_ORDER if k in sectors]
    def row(label, getter):
        return [label, *[getter(sectors[k]) for k in keys]]
    rows.append(row("Powierzchnia użytkowa [m²]", lambda s: s.floor_area_m2))
    rows.append(row("Wskaźnik EK [kWh/(m²·rok)]", lambda s: s.indicator_kwh_m2a))
    rows.append(row("Energia użytkowa – ogrzewanie i wentylacja [GJ/rok]", lambda s: s.space_useful_gj))
    rows.append(row("Energia użytkowa – c.w.u. [GJ/rok]", lambda s: s.dhw_useful_gj))
    rows.append(row("Sprawność całkowita systemu [–]", lambda s: s.efficiency))
    rows.append(row("Energia końcowa [GJ/rok]", lambda s: s.final_gj))
    cols = [Column("Wielkość", None, kind="text")] + [Column(sector_label(ctx, k), 0) for k in keys]
    measured = [sector_label(ctx, k) for k in keys if sectors[k].method == "measured"]
    # \( \) formula markup (reportgen/render/formula.py): real subscripts in the .docx, as in the methodology
    note = ("c.w.u.: \\( Q_{cwu} = V · F · c_w · ρ_w · (t_c − t_z) · k · t_{uz} \\); "
            "energia końcowa = energia użytkowa / sprawność całkowita.")
    if measured:
        note += f" Sektor „{', '.join(measured)}”: zużycie rzeczywiste z ankietyzacji (bez rozbicia na energię użytkową)."
    # each row is one quantity: its precision is the row's, not the column's
    return TableData(cols, rows, with_data_source(OWN, ctx.content.heat.source), note=note, provenance=["heat"],
                     row_decimals=[0, 1, 0, 0, 3, 0])


@table("heat_balance", needs=("heat",))
def heat_balance(ctx: Context, **_) -> TableData:
    h = ctx.value("heat")
    rows = [[sector_label(ctx, k), s.final_gj, h.final_share_pct[k], h.power_mw[k]]
            for k in SECTOR_ORDER if (s := h.sectors.get(k)) is not None]
    rows.append(["Razem", h.total_final_gj, 100.0, h.total_power_mw])
    hours = ctx.params.value("heating_full_load_hours")
    return TableData([Column("Sektor", None, kind="text"), Column("Energia końcowa [GJ/rok]", 0),
                      Column("Udział [%]", 2, kind="percent"), Column("Szacunkowe zapotrzebowanie na moc [MW]", 2)],
                     rows, OWN, total_rows=[len(rows) - 1],
                     note=f"Moc = energia końcowa / (τ · 3,6 GJ/MWh), τ = {hours:.0f} h/rok.", provenance=["heat"])


@chart("heat_by_sector", needs=("heat",))
def heat_by_sector_chart(ctx: Context, **_) -> ChartData:
    sectors = ctx.value("heat").sectors
    keys = [k for k in SECTOR_ORDER if k in sectors]
    spec = ChartSpec("bar", [sector_label(ctx, k) for k in keys], [("Energia końcowa [GJ/rok]", [sectors[k].final_gj for k in keys])],
                     ylabel="GJ/rok")
    return ChartData(spec, OWN, ["heat"])


@table("public_buildings", needs=("municipal_energy.year",))
def public_buildings(ctx: Context, **_) -> TableData:
    """Heat source, fuel and electricity of one year, thermo-modernisation and RES of each municipal building."""
    pb = ctx.value("municipal_energy")
    rows = []
    for b in pb.buildings:
        if b.fuel_amount is None:
            amount = None
        elif b.fuel_amount == 0:
            amount = "brak zużycia"
        else:
            amount = f"{fmt(b.fuel_amount, 1)}{NBSP}{b.fuel_unit}".strip()
        rows.append([b.name, b.built or "–", b.area_m2, b.heat_source,
                     amount, b.electricity_kwh, b.thermo_modernisation or "–", b.res_installed or "–"])
    cols = [Column("Obiekt", None, kind="text"), Column("Rok budowy", None, kind="text"), Column("Powierzchnia użytkowa [m²]", 1),
            Column("Źródło ciepła", None, kind="text"), Column(f"Zużycie paliwa w {pb.year} r.", 1),
            Column(f"Energia elektryczna w {pb.year} r. [kWh]", 0), Column("Termomodernizacja", None, kind="text"),
            Column("Instalacje OZE", None, kind="text")]
    return TableData(cols, rows, pb.source, provenance=["municipal_energy"])


@table("carrier_balance", needs=("carriers",))
def carrier_balance(ctx: Context, **_) -> TableData:
    energy = ctx.value("carriers")
    totals = ctx.value("carrier_totals")
    keys = [k for k in SECTOR_ORDER if k in energy]
    carriers = [c for c in ctx.vocabulary["carriers"] if any(energy[k].get(c, 0) > 0 for k in keys)]
    rows = [[carrier_label(ctx, c), *[energy[k].get(c) for k in keys], totals.gj[c], totals.share_pct[c]] for c in carriers]
    rows.append(["Razem", *[energy.sector_total_gj[k] for k in keys], totals.total_gj, 100.0])
    cols = [Column("Nośnik energii", None, kind="text"), *[Column(f"{sector_label(ctx, k)} [GJ/rok]", 0) for k in keys],
            Column("Razem [GJ/rok]", 0), Column("Udział [%]", 2, kind="percent")]
    return TableData(cols, rows, with_data_source(OWN, ctx.content.carriers.source), total_rows=[len(rows) - 1],
                     provenance=["carriers", "heat"])


@chart("carrier_structure", needs=("carriers",))
def carrier_structure_chart(ctx: Context, **_) -> ChartData:
    totals = ctx.value("carrier_totals").gj
    carriers = [c for c in ctx.vocabulary["carriers"] if totals.get(c, 0) > 0]
    spec = ChartSpec("pie", [carrier_label(ctx, c) for c in carriers], [("Udział", [totals[c] for c in carriers])], value_decimals=1)
    return ChartData(spec, OWN, ["carriers"])


@table("emission_factors_used", needs=("emissions",))
def emission_factors_used(ctx: Context, **_) -> TableData:
    ef = ctx.params.entry("emission_factors")
    used: list[str] = []
    carriers = ctx.value("carriers")
    for sector, by_c in carriers.items():
        for c, q in by_c.items():
            if q <= 0:
                continue
            fixed = ctx.vocabulary["carriers"][c].get("factor")
            if fixed and fixed not in used:
                used.append(fixed)
            for row in ctx.content.carriers.boiler_mix_pct.get(sector, {}).get(c, {}):
                if row not in used:
                    used.append(row)
    order = list(ef["rows"])
    used.sort(key=order.index)
    rows = [[ef["rows"][r]["label"], *ef["rows"][r]["values"]] for r in used]
    cols = [Column("Źródło ciepła / typ kotła", None, kind="text")] + [
        Column(f"{label(ctx, 'pollutants', p)} [g/GJ]") for p in ef["pollutants"]]   # decimals from the values
    return TableData(cols, rows, ef["source"], note="CO₂ ze spalania biomasy przyjęto jako 0 (emisja biogeniczna).")


@table("boiler_mix", needs=("emissions",))
def boiler_mix(ctx: Context, fuel: str = "coal", **_) -> TableData | None:
    """The assumed boiler types of one solid fuel (coal or biomass): one table per fuel, so each column adds to 100 %."""
    ef = ctx.params.entry("emission_factors")
    mix = ctx.content.carriers.boiler_mix_pct
    totals = ctx.value("emissions").boiler_mix_total_pct.get(fuel, {})
    keys = [k for k in SECTOR_ORDER if k in totals]
    ids: list[str] = []
    for k in keys:
        ids += [r for r in mix[k][fuel] if r not in ids]
    if not ids:
        return None
    rows = [[ef["rows"][r]["label"], *[mix[k][fuel].get(r) for k in keys]] for r in ids]
    rows.append(["Razem", *[totals[k] for k in keys]])
    cols = [Column("Typ urządzenia grzewczego", None, kind="text")] + [Column(f"{sector_label(ctx, k)} [%]", 0, kind="percent") for k in keys]
    return TableData(cols, rows, "Założenia opracowania", total_rows=[len(rows) - 1],
                     note=ctx.content.carriers.boiler_mix_note if fuel == "coal" else "")   # the note covers both; printed once


@table("emissions_by_sector", needs=("emissions",))
def emissions_by_sector(ctx: Context, **_) -> TableData:
    em = ctx.value("emissions")
    keys = [k for k in SECTOR_ORDER if k in em]
    pollutants = list(POLLUTANT_DECIMALS)
    rows = [[sector_label(ctx, k), *[em[k][p] for p in pollutants]] for k in keys]
    rows.append(["Razem", *[em.total[p] for p in pollutants]])
    cols = [Column("Sektor", None, kind="text")] + [Column(f"{label(ctx, 'pollutants', p)} [Mg/rok]", POLLUTANT_DECIMALS[p])
                                               for p in pollutants]
    return TableData(cols, rows, f"{OWN} na podstawie wskaźników emisji (PN-EN 303-5:2012, KOBiZE)",
                     total_rows=[len(rows) - 1], note="CO₂ bez emisji biogenicznej ze spalania biomasy.",
                     provenance=["emissions"])


@chart("emissions_by_sector", needs=("emissions",))
def emissions_chart(ctx: Context, **_) -> ChartData:
    em = ctx.value("emissions")
    keys = [k for k in SECTOR_ORDER if k in em]
    pollutants = ["pm10", "pm25", "so2", "nox"]   # CO (an order of magnitude larger) is in the table
    spec = ChartSpec("grouped_bar", [label(ctx, "pollutants", p) for p in pollutants],
                     [(sector_label(ctx, k), [em[k][p] for p in pollutants]) for k in keys], ylabel="Mg/rok")
    return ChartData(spec, OWN, ["emissions"])


@table("network_lines", needs=("network",))
def network_lines(ctx: Context, **_) -> TableData:
    n = ctx.value("network")
    rows = [[ln.voltage, ln.kind, ln.km] for ln in n.lines]
    rows.append(["Razem", "", n.total_km])
    return TableData([Column("Poziom napięcia", None, kind="text"), Column("Rodzaj", None, kind="text"), Column("Długość [km]", 2)],
                     rows, n.source or n.operator, total_rows=[len(rows) - 1], provenance=["network"])


@table("mv_lines", needs=("network",))
def mv_lines(ctx: Context, **_) -> TableData | None:
    n = ctx.value("network")
    if not n.mv_lines:
        return None
    rows = [[i + 1, ln.name, ln.stations] for i, ln in enumerate(n.mv_lines)]
    rows.append(["", "Razem", n.mv_stations_total])
    return TableData([Column("Lp.", 0), Column("Linia SN", None, kind="text"), Column("Stacje SN/nN [szt.]", 0)], rows,
                     n.source or n.operator, total_rows=[len(rows) - 1], provenance=["network"])


@table("street_lighting", needs=("street_lighting",))
def street_lighting(ctx: Context, **_) -> TableData | None:
    """Luminaires by kind with their shares (absent where the gmina reports lamp powers, not kinds)."""
    sl = ctx.value("street_lighting")
    if any(x.type is None for x in sl.luminaires):
        return None
    rows = [[x.type, x.count, x.share_pct] for x in sl.luminaires]
    rows.append(["Razem", sl.count, 100.0])
    return TableData([Column("Rodzaj oprawy", None, kind="text"), Column("Liczba [szt.]", 0), Column("Udział [%]", 1, kind="percent")],
                     rows, sl.source, total_rows=[len(rows) - 1], provenance=["street_lighting"])


@table("electricity_forecast", needs=("electricity",))
def electricity_forecast(ctx: Context, **_) -> TableData:
    e = ctx.value("electricity")
    years = e.years
    base = years[0]
    rows = [[grp.label, *[e.by_group[grp.id][y] for y in years], e.group_horizon_pct[grp.id]] for grp in e.groups]
    rows.append(["Razem", *[e.total[y] for y in years], e.total_horizon_pct])
    cols = [Column("Grupa odbiorców", None, kind="text"), *[Column(f"{y} [MWh/rok]", 0) for y in years],
            Column(f"{years[-1]} wobec {base} [%]", 1, kind="percent")]
    rates = "; ".join(f"do {u} r.: {str(r).replace('.', ',')} %/rok" for u, r in e.steps)
    return TableData(cols, rows, with_data_source(OWN, ctx.content.electricity.source), total_rows=[len(rows) - 1],
                     note=f"Przyrost roczny (składany) dla odbiorców objętych wzrostem – {rates}.", provenance=["electricity"])


@chart("electricity_forecast", needs=("electricity",))
def electricity_chart(ctx: Context, **_) -> ChartData:
    e = ctx.value("electricity")
    series = [(grp.label, e.annual_by_group[grp.id]) for grp in e.groups]
    spec = ChartSpec("stacked_area", [str(y) for y in e.annual_years], series, ylabel="MWh/rok",
                     base_year=e.annual_years[0])
    return ChartData(spec, OWN, ["electricity"])


@table("res_potential", needs=("renewables",))
def res_potential(ctx: Context, **_) -> TableData:
    r = ctx.value("renewables")
    rows = []
    if r.solar_thermal is not None:
        s = r.solar_thermal.inputs
        rows.append(["Kolektory słoneczne (ciepło)",
                     f"{s.buildings} budynków × {s.collectors_per_building:g} × {str(s.collector_area_m2).replace('.', ',')} m², "
                     f"{s.insolation_kwh_m2a:g} kWh/m² × η {str(s.efficiency).replace('.', ',')}",
                     r.solar_thermal.gj, r.solar_thermal.mwh])
    if r.photovoltaics is not None:
        p = r.photovoltaics.inputs
        rows.append(["Panele fotowoltaiczne (energia elektryczna)",
                     f"{p.households} gospodarstw × {p.area_m2_per_household:g} m² × {str(p.yield_kwh_m2a).replace('.', ',')} kWh/m²",
                     r.photovoltaics.gj, r.photovoltaics.mwh])
    if r.heat_pumps is not None:
        h = r.heat_pumps.inputs
        rows.append(["Pompy ciepła (ciepło)",
                     f"{h.households} gospodarstw × pokrycie {h.coverage * 100:.0f} % × "
                     f"{r.heat_pumps.per_dwelling_gj:.1f} GJ/budynek".replace(".", ","),
                     r.heat_pumps.gj, r.heat_pumps.mwh])
    cols = [Column("Technologia", None, kind="text"), Column("Założenia", None, kind="text"),
            Column("Potencjał [GJ/rok]", 1), Column("Potencjał [MWh/rok]", 1)]
    return TableData(cols, rows, with_data_source(OWN, ctx.content.renewables.source), provenance=["renewables"])
