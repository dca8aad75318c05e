"""Tables and charts of the survey-and-statistics method (results of reportgen.methods.survey.results).

Builders only arrange results into rows and chart specs; every "Źródło" line is built from the content's
`source` fields and the parameters' `source`, never typed here. A builder whose data a gmina lacks returns
None, so the block is absent.
"""
from __future__ import annotations

from reportgen.blocks import ChartData, ChartSpec, TableData, chart, label, sector_label, table
from reportgen.common_results import SECTOR_ORDER
from reportgen.document.model import Column
from reportgen.quantities import KWH_PER_MWH, MJ_PER_GJ
from reportgen.render.numbers import NBSP, fmt
from reportgen.results import Context

OWN = "Obliczenia własne"
POLLUTANTS = (("so2", 3), ("nox", 3), ("tsp", 3), ("co", 2), ("co2", 1))   # table order, precision (labels: vocabulary)
ANSWERS = (("will", "zrobię"), ("will_not", "nie zrobię"), ("done", "zrobione"), ("no_answer", "brak odpowiedzi"))
TARIFF_LABELS = {"A": "A – odbiorcy zasilani z sieci WN", "B": "B – odbiorcy zasilani z sieci SN",
                 "C": "C – odbiorcy biznesowi zasilani z sieci nN", "G": "G – gospodarstwa domowe"}
REFERENCE_LABELS = {"office": "Biura, urzędy", "school": "Szkoły", "hospital": "Szpitale", "restaurant": "Restauracje, gastronomia",
                    "station": "Dworce kolejowe, autobusowe, lotnicze", "commercial": "Budynki handlowo-usługowe"}
MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
UNIT_LABELS = {"t": "t", "m3": "m³", "mp": "mp", "l": "l", "butla": "butle", "kWh": "kWh"}
LHV_UNITS = {"MJ/kg": "MJ/kg", "GJ/m3": "GJ/m³", "MJ/l": "MJ/l", "GJ/mp": "GJ/mp", "GJ/t": "GJ/t", "MJ/m3": "MJ/m³",
             "MJ/kWh": "MJ/kWh"}
BIOMASS_LABELS = {"forest_wood": "Drewno z lasów", "processing_residues": "Drewno odpadowe z przetwórstwa",
                  "orchard_wood": "Drewno odpadowe z sadów", "roadside_wood": "Drewno z zadrzewień przydrożnych",
                  "straw": "Słoma", "hay": "Siano", "energy_crops": "Wieloletnie rośliny energetyczne",
                  "grain": "Ziarno zbóż na cele energetyczne", "biomethane": "Biometan z oczyszczalni ścieków (kogeneracja)"}
SPECIES_LABELS = {"cows": "Krowy", "other_cattle": "Pozostałe bydło", "sows": "Lochy", "other_pigs": "Pozostała trzoda chlewna",
                  "sheep": "Owce", "horses": "Konie"}


def based_on(*sources: str) -> str:
    """„Obliczenia własne na podstawie: …” from the data's own source fields (empty ones skipped)."""
    named = [s for s in dict.fromkeys(sources) if s]
    return f"{OWN} na podstawie: {'; '.join(named)}" if named else OWN


def milestones(ctx: Context, years) -> list[int]:
    """Years shown in a wide forecast table: base year, start, end and horizon of the period, every 5th year."""
    g = ctx.content.gmina
    want = {g.base_year, g.period.start, g.period.end, g.period.horizon} | {y for y in years if y % 5 == 0}
    return [y for y in sorted(years) if y in want]


def fuel_label(ctx: Context, fuel: str) -> str:
    labels = ctx.value("fuel_balance").labels
    return labels.get(fuel, fuel)


# --- demography and housing ---------------------------------------------------------------------------------

@chart("population_trend", needs=("population",))
def population_trend(ctx: Context, **_) -> ChartData:
    p = ctx.value("population")
    hist = p.history
    years = list(range(min(hist), max(p.years) + 1))
    spec = ChartSpec("line", [str(y) for y in years],
                     [("Liczba mieszkańców (Bank Danych Lokalnych)", [float(hist[y]) if y in hist else float("nan") for y in years]),
                      (f"Trend liniowy {p.equation}", [p.trend_line[y] for y in years]),
                      ("Prognoza (ewidencja ludności × trend)", [p.forecast_total[y] if y in p.forecast_total else float("nan")
                                                                  for y in years])],
                     ylabel="osoby", base_year=max(hist))
    return ChartData(spec, based_on(p.source, p.localities_source), ["population"])


@table("housing_forecast", needs=("population", "housing_forecast"))
def housing_forecast_table(ctx: Context, **_) -> TableData:
    p, h = ctx.value("population"), ctx.value("housing_forecast")
    rows = []
    for y in h.years:
        b = h.buildings["values"][y] if h.buildings else None
        rows.append([str(y), p.forecast_total.get(y), b, h.floor[y]])
    cols = [Column("Rok", None, kind="text"), Column("Liczba mieszkańców", 0),
            Column("Liczba budynków mieszkalnych", 0), Column("Powierzchnia użytkowa budynków mieszkalnych [m²]", 0)]
    notes = [f"Liczba mieszkańców: ewidencja {p.register_base_year} r. zmieniana zgodnie z trendem {p.equation} "
             f"(x = 1 dla {p.trend.window[0]} r.).",
             f"Powierzchnia: trend {h.floor_equation} dopasowany do lat {h.floor_trend.window[0]}–{h.floor_trend.window[1]} "
             f"(x = 1 dla {h.floor_trend.window[0]} r.)."]
    if h.buildings and h.buildings.get("from_plan"):
        notes.append(f"Budynki: {fmt(h.buildings['base_value'], 0)} w {h.buildings['base_year']} r., "
                     f"przyrost {fmt(h.buildings['slope'], 1)} budynku rocznie.")
    return TableData(cols, rows, based_on(p.source, p.localities_source, h.source), note=" ".join(notes),
                     provenance=["population", "housing_forecast"])


@table("locality_population", needs=("population",))
def locality_population(ctx: Context, **_) -> TableData:
    p = ctx.value("population")
    years = milestones(ctx, p.years)
    base = p.register_base_year
    rows = [[name, *[series[y] for y in years]] for name, series in p.localities.items()]
    rows.append(["Razem", *[p.forecast_total[y] for y in years]])
    cols = [Column("Miejscowość", None, kind="text")] + [
        Column(f"{y}" + (" (ewidencja)" if y == base else ""), 0) for y in years]
    return TableData(cols, rows, based_on(p.localities_source, p.source), total_rows=[len(rows) - 1],
                     note=f"P(rok) = P({base}) · T(rok) / T({base}), T – trend liniowy liczby ludności gminy.",
                     provenance=["population"])


# --- electricity ----------------------------------------------------------------------------------------------

@table("tariff_consumption", needs=("el_tariffs",))
def tariff_consumption(ctx: Context, **_) -> TableData:
    e = ctx.value("el_tariffs")
    years = e.years_measured
    rows = [[TARIFF_LABELS.get(g, g), *[e.kwh[y].get(g, 0) / KWH_PER_MWH for y in years]] for g in e.groups]
    rows.append(["Razem", *[e.totals.total_mwh[y] for y in years]])
    cols = [Column("Grupa taryfowa", None, kind="text")] + [Column(f"{y} [MWh]", 3) for y in years]
    return TableData(cols, rows, e.source or e.operator, total_rows=[len(rows) - 1], provenance=["el_tariffs"])


@table("survey_electricity", needs=("el_tariffs",))
def survey_electricity(ctx: Context, **_) -> TableData | None:
    s = ctx.value("el_tariffs").survey
    if not s or not s["types"]:
        return None
    rows = [[t["type"], t["energy_kwh"], t["persons"], t["per_capita_kwh"], t["farm_area_ha"]] for t in s["types"]]
    cols = [Column("Gospodarstwo domowe", None, kind="text"), Column("Zużycie w próbie [kWh/rok]", 2),
            Column("Liczba osób", 0), Column("Zużycie na osobę [kWh/rok]", 2), Column("Grunty gospodarstw rolnych [ha]", 2)]
    return TableData(cols, rows, based_on(s["source"]), provenance=["el_tariffs"])


@table("tariff_forecast", needs=("el_tariffs",))
def tariff_forecast(ctx: Context, **_) -> TableData:
    e = ctx.value("el_tariffs")
    rows = []
    for y in e.years_measured:
        rows.append([f"{y} (dane)", e.totals.households_mwh[y], e.totals.business_mwh[y], e.totals.total_mwh[y]])
    for y in e.future:
        rows.append([str(y), e.forecast["households"][y], e.forecast["business"][y], e.forecast["total"][y]])
    hh = "+".join(e.household_groups)
    biz = "+".join(e.business_groups)
    cols = [Column("Rok", None, kind="text"), Column(f"Gospodarstwa domowe ({hh}) [MWh]", 2),
            Column(f"Podmioty gospodarcze ({biz}) [MWh]", 2), Column("Razem [MWh]", 2)]
    w = e.window
    note = (f"Trendy liniowe dopasowane do lat {w[0]}–{w[1]} (x = 1 dla {w[0]} r.): gospodarstwa domowe "
            f"{e.equations['households']}, podmioty gospodarcze {e.equations['business']}, razem {e.equations['total']}; "
            f"trend sumy jest sumą trendów grup.")
    return TableData(cols, rows, based_on(e.source), note=note, provenance=["el_tariffs"])


@chart("tariff_forecast", needs=("el_tariffs",))
def tariff_forecast_chart(ctx: Context, **_) -> ChartData:
    e = ctx.value("el_tariffs")
    years = e.years_measured + e.future

    def series(key, measured):
        return [measured[y] if y in measured else e.forecast[key][y] for y in years]
    spec = ChartSpec("stacked_bar", [str(y) for y in years],
                     [("Gospodarstwa domowe", series("households", e.totals.households_mwh)),
                      ("Podmioty gospodarcze", series("business", e.totals.business_mwh))], ylabel="MWh/rok",
                     base_year=e.years_measured[-1])
    return ChartData(spec, based_on(e.source), ["el_tariffs"])


@table("locality_electricity", needs=("el_tariffs",))
def locality_electricity(ctx: Context, **_) -> TableData | None:
    e = ctx.value("el_tariffs")
    loc = e.localities
    if not loc:
        return None
    last = e.last_year
    years = milestones(ctx, sorted(next(iter(loc.values()))))
    base_pop = e.localities_base_population or {}
    rows = [[name, base_pop.get(name), *[series[y] for y in years]] for name, series in loc.items()]
    rows.append(["Razem", e.localities_base_population_total, *[e.localities_total_mwh[y] for y in years]])
    cols = [Column("Miejscowość", None, kind="text"), Column(f"Liczba mieszkańców {last}", 0)] + [
        Column(f"{y}" + (" (dane)" if y == last else "") + " [MWh]", 2 if y == last else 1) for y in years]
    note = (f"Ei(rok) = EG(rok) · Pi(rok) / ΣP(rok): zużycie gospodarstw domowych (taryfa G; po {last} r. – trend) "
            f"dzielone proporcjonalnie do prognozowanej liczby mieszkańców miejscowości.")
    return TableData(cols, rows, based_on(e.source, ctx.value("population").localities_source), total_rows=[len(rows) - 1],
                     note=note, provenance=["el_tariffs", "population"])


@table("lighting_luminaires", needs=("street_lighting.operation",))
def lighting_luminaires(ctx: Context, **_) -> TableData:
    sl = ctx.value("street_lighting")
    op = sl.operation
    rows = [[f"{fmt(g.power_w, 0)}{NBSP}W", g.count, g.power_kw] for g in sl.luminaires]
    rows.append(["Razem", sl.count, op.luminaires_kw])
    note = ""
    if op.reported_power_kw and abs(op.reported_power_kw - op.power_kw) > 0.05:
        note = (f"Suma mocy źródeł światła (bez strat w osprzęcie) wynosi {fmt(op.power_kw, 1)} kW; "
                f"dane gminy podają łączną moc {fmt(op.reported_power_kw, 1)} kW.")
    cols = [Column("Moc źródła światła", None, kind="text"), Column("Liczba opraw [szt.]", 0), Column("Moc łączna [kW]", 1)]
    return TableData(cols, rows, sl.source, total_rows=[len(rows) - 1], note=note, provenance=["street_lighting"])


@chart("lighting_monthly", needs=("street_lighting.operation",))
def lighting_monthly(ctx: Context, **_) -> ChartData:
    sl = ctx.value("street_lighting")
    spec = ChartSpec("bar", MONTHS, [("Zużycie [MWh]", sl.operation.monthly_mwh)], ylabel="MWh", value_decimals=2)
    return ChartData(spec, sl.source, ["street_lighting"])


@table("lighting_burn_hours", needs=("street_lighting.operation",))
def lighting_burn_hours(ctx: Context, **_) -> TableData:
    sl = ctx.value("street_lighting")
    op = sl.operation
    h, z, r = op.hours, op.zones, op.reduced
    share = fmt(100 * op.reduced_power_share, 0)
    rows = [[f"Pełna moc {fmt(op.power_kw, 1)} kW przez cały czas świecenia", f"{fmt(h['day_zone'], 0)} + {fmt(h['night_zone'], 0)}",
             z.day_mwh, z.night_mwh, z.total_mwh],
            [f"Moc obniżona do {share} % w {fmt(h['night_reduced_power'], 0)} h strefy nocnej",
             f"{fmt(h['day_zone'], 0)} + {fmt(h['night_full_power'], 0)} + {fmt(h['night_reduced_power'], 0)}",
             r.day_mwh, r.night_mwh, r.total_mwh]]
    cols = [Column("Wariant", None, kind="text"), Column("Czas świecenia [h/rok]", None, kind="text"),
            Column("Strefa dzienna [MWh/rok]", 2), Column("Strefa nocna [MWh/rok]", 2), Column("Razem [MWh/rok]", 2)]
    tariff = f" (taryfa {op.tariff})" if op.tariff else ""
    note = (f"Roczny czas świecenia {fmt(h['total'], 0)} h{tariff}: {fmt(h['day_zone'], 0)} h w strefie dziennej i "
            f"{fmt(h['night_zone'], 0)} h w nocnej. Zużycie zmierzone w {sl.year} r. "
            f"({fmt(op.reported_annual_mwh or op.annual_mwh, 2)} MWh) odpowiada {fmt(op.equivalent_hours, 0)} h pracy "
            f"z mocą {fmt(op.power_kw, 1)} kW.")
    return TableData(cols, rows, based_on(sl.source, op.hours_source), note=note, provenance=["street_lighting"])


@table("lighting_per_km", needs=("street_lighting.operation",))
def lighting_per_km(ctx: Context, **_) -> TableData | None:
    sl = ctx.value("street_lighting")
    op = sl.operation
    if not op.per_km_kwh:
        return None
    rows = [[length, v] for length, v in op.per_km_kwh.items()]
    cols = [Column("Długość oświetlanych dróg [km]", 0), Column("Zużycie energii na 1 km [kWh/(km·rok)]", 0)]
    note = "" if op.lit_road_km else "Długość oświetlanych dróg nie jest znana – wartości dla przyjętego zakresu długości."
    return TableData(cols, rows, based_on(sl.source), note=note, provenance=["street_lighting"])


@table("lighting_technologies", needs=("street_lighting.operation",))
def lighting_technologies(ctx: Context, **_) -> TableData | None:
    op = ctx.value("street_lighting").operation
    if not op.technologies:
        return None
    rows = [[name, n, p, w] for name, n, p, w in op.technologies]
    cols = [Column("Źródło światła", None, kind="text"), Column("Liczba lamp na 1 km [szt./km]", 0),
            Column("Moc lampy [W]", 0), Column("Moc na 1 km drogi [W/km]", 0)]
    return TableData(cols, rows, op.technologies_source or OWN, provenance=["street_lighting"])


# --- municipal buildings -----------------------------------------------------------------------------------------

@table("municipal_buildings_list", needs=("municipal_energy.consumption",))
def municipal_buildings_list(ctx: Context, **_) -> TableData:
    m = ctx.value("municipal_energy")
    rows = [[b.name, b.built or "b.d.", b.area_m2, b.features or "–"] for b in m.buildings]
    cols = [Column("Obiekt", None, kind="text"), Column("Rok budowy", None, kind="text"),
            Column("Powierzchnia ogrzewana [m²]", 2), Column("Charakterystyka budynku", None, kind="text")]
    return TableData(cols, rows, m.source or "dane gminy", provenance=["municipal_energy"])


@table("municipal_electricity", needs=("municipal_energy.consumption",))
def municipal_electricity(ctx: Context, **_) -> TableData | None:
    m = ctx.value("municipal_energy").consumption
    if not m.electricity:
        return None
    years = m.years
    last = years[-1]
    rows = [[b["name"], b["area_m2"], *[b["kwh"].get(y) for y in years], b["specific"].get(last), b["reference_kwh_m2"]]
            for b in m.electricity]
    rows.append(["Razem", None, *[m.electricity_total_kwh[y] for y in years], None, None])
    cols = [Column("Obiekt", None, kind="text"), Column("Powierzchnia ogrzewana [m²]", 2)] + [
        Column(f"{y} [kWh]", 0) for y in years] + [Column(f"{last} [kWh/m²]", 2), Column("Wartość referencyjna – oświetlenie [kWh/m²]", 0)]
    above = [b["name"] for b in m.electricity if b["above_reference"]]
    note = "Wartość referencyjna dotyczy wyłącznie oświetlenia (tabela wartości referencyjnych); zużycie obejmuje wszystkie odbiorniki."
    if above:
        note += f" Powyżej wartości referencyjnej w {last} r.: {', '.join(above)}."
    return TableData(cols, rows, based_on(ctx.value("municipal_energy").source), total_rows=[len(rows) - 1], note=note,
                     provenance=["municipal_energy"])


@table("lighting_references", needs=("municipal_energy.consumption",))
def lighting_references(ctx: Context, **_) -> TableData:
    m = ctx.value("municipal_energy").consumption
    rows = [[REFERENCE_LABELS.get(c, c), m.reference_power[c], m.reference_hours[c], m.references[c]] for c in m.references]
    cols = [Column("Typ budynku", None, kind="text"), Column("Moc referencyjna Pn [W/m²]", 0),
            Column("Czas użytkowania oświetlenia t0 [h/rok]", 0), Column("Zużycie referencyjne Pn · t0 [kWh/(m²·rok)]", 1)]
    return TableData(cols, rows, m.reference_source, provenance=["municipal_energy"])


@table("municipal_heat", needs=("municipal_energy.consumption",))
def municipal_heat(ctx: Context, **_) -> TableData | None:
    m = ctx.value("municipal_energy").consumption
    if not m.heat:
        return None
    rows = []
    k = m.wood_m3_per_mp          # wood in the document's unit, m³ (the gmina's data: mp)
    for h in m.heat:
        q = h["quantities"]
        rows.append([h["name"], h["area_m2"], q.get("oil_l") or None, q.get("coal_t") or None,
                     q.get("wood_mp", 0) * k or None, h["energy_gj"], h["gj_m2"]])
    rows.append(["Razem", None, m.fuel_totals["oil_l"], m.fuel_totals["coal_t"], m.fuel_totals["wood_mp"] * k,
                 m.heat_total_gj, None])
    cols = [Column("Obiekt", None, kind="text"), Column("Powierzchnia ogrzewana [m²]", 2), Column("Olej opałowy [l]", 0),
            Column("Węgiel [t]", 2), Column("Drewno [m³]", 1), Column("Energia paliw [GJ/rok]", 2),
            Column("Wskaźnik [GJ/(m²·rok)]", 2)]
    lhv = m.lhv_gj
    note = (f"Wartości opałowe: olej {fmt(lhv['oil_l'] * MJ_PER_GJ, 1)} MJ/l, węgiel {fmt(lhv['coal_t'], 1)} GJ/t, "
            f"drewno {fmt(lhv['wood_mp'] / k, 1)} GJ/m³. Drewno podane przez gminę w metrach przestrzennych (mp) "
            f"przeliczono na m³: 1 mp = {fmt(k, 2)} m³ ({ctx.params.source('wood_m3_per_mp')}).")
    return TableData(cols, rows, based_on(ctx.value("municipal_energy").source), total_rows=[len(rows) - 1], note=note,
                     provenance=["municipal_energy"])


@table("municipal_thermo", needs=("municipal_energy.consumption",))
def municipal_thermo(ctx: Context, **_) -> TableData | None:
    m = ctx.value("municipal_energy").consumption
    if not m.thermo:
        return None
    rows = [[t["name"], t["energy_gj"], t["saving_gj"]] for t in m.thermo]
    rows.append(["Razem", m.thermo_energy_gj, m.thermo_saving_gj])
    cols = [Column("Obiekt", None, kind="text"), Column(f"Zużycie energii paliw w sezonie {m.season} [GJ]", 2),
            Column(f"Oszczędność przy {fmt(m.thermo_minimum_pct, 0)} % [GJ/rok]", 2)]
    return TableData(cols, rows, based_on(ctx.value("municipal_energy").source), total_rows=[len(rows) - 1], provenance=["municipal_energy"])


# --- heat in residential buildings (survey) ------------------------------------------------------------------------

@table("boiler_age", needs=("residential_savings",))
def boiler_age(ctx: Context, **_) -> TableData:
    s = ctx.value("residential_savings")
    a = s.boiler_age
    rows = [[p, a.counts[p], a.count_pct[p], a.areas.get(p), a.area_pct.get(p)] for p in a.counts]
    rows.append(["Razem", a.total_count, 100.0, a.total_area, 100.0])
    cols = [Column("Okres instalacji kotła", None, kind="text"), Column("Liczba kotłów [szt.]", 0), Column("Udział [%]", 1, kind="percent"),
            Column("Powierzchnia ogrzewana [m²]", 1), Column("Udział [%]", 1, kind="percent")]
    return TableData(cols, rows, based_on(s.source), total_rows=[len(rows) - 1], note=_area_note(s, "boilers"),
                     provenance=["residential_savings"])


def _area_note(s, table: str) -> str:
    """Which survey question a table's area answers, and the other question's total for the same periods: the two
    totals differ (Knyszyn: 44 400,7 m² of buildings vs 36 284,5 m² heated by the 265 boilers) and must not be
    read as one sample area. Empty without `area_questions` in household_survey.yaml."""
    q = s.area_questions
    if q is None:
        return ""
    totals = {"thermo_intentions": s.intention_total_m2, "boilers": s.boiler_intention_totals["area_m2"]}
    other = "boilers" if table == "thermo_intentions" else "thermo_intentions"
    where = "w tabelach kotłów" if other == "boilers" else "w tabeli zamiarów termomodernizacji"
    return (f"Powierzchnia w tej tabeli: {getattr(q, table)} – razem {fmt(totals[table], 1)} m². "
            f"Dla tych samych okresów instalacji kotła {where} podano {getattr(q, other)} – razem "
            f"{fmt(totals[other], 1)} m²; to odpowiedzi na inne pytanie ankiety, dlatego sumy się różnią.")


@table("thermo_intentions", needs=("residential_savings",))
def thermo_intentions(ctx: Context, **_) -> TableData:
    s = ctx.value("residential_savings")
    t = s.intentions
    rows = [[p, *[row.get(k, 0) for k, _ in ANSWERS], s.intention_period_m2[p]] for p, row in t.items()]
    rows.append(["Razem", *[s.intention_answer_m2.get(k, 0) for k, _ in ANSWERS], s.intention_total_m2])
    cols = [Column("Okres instalacji kotła", None, kind="text")] + [Column(f"„{label}” [m²]", 1) for _, label in ANSWERS] + [
        Column("Razem [m²]", 1)]
    return TableData(cols, rows, based_on(s.source), total_rows=[len(rows) - 1],
                     note=" ".join(filter(None, ["Okres instalacji kotła przyjęto jako przybliżenie standardu cieplnego "
                                                 "budynku (rok budowy albo ostatniej termomodernizacji).",
                                                 _area_note(s, "thermo_intentions")])),
                     provenance=["residential_savings"])


@table("thermo_savings", needs=("residential_savings",))
def thermo_savings(ctx: Context, **_) -> TableData:
    s = ctx.value("residential_savings")
    t = s.thermo
    old = ", ".join(s.old_periods)
    rows = [["Powierzchnia budynków w próbie ankietowej [m²]", t.sample_total_m2],
            [f"Powierzchnia budynków bez termomodernizacji w próbie (kotły: {old}; „zrobię” + „nie zrobię”) [m²]", t.non_modernised_sample_m2],
            ["Udział powierzchni bez termomodernizacji w próbie [%]", t.non_modernised_share_pct],
            ["Udział deklarujących termomodernizację wśród budynków bez termomodernizacji [%]", t.willing_share_of_non_modernised_pct],
            ["Powierzchnia budynków mieszkalnych w gminie [m²]", t.gmina_area_m2],
            ["Powierzchnia budynków bez termomodernizacji w gminie [m²]", t.non_modernised_gmina_m2],
            ["Powierzchnia budynków do termomodernizacji w gminie [m²]", t.to_modernise_gmina_m2],
            ["Zużycie energii paliw w tych budynkach [GJ/(m²·rok)]", t.specific_gj_m2],
            ["Oszczędność energii dzięki termomodernizacji [%]", t.saving_pct],
            ["Zmniejszenie zużycia energii paliw [GJ/rok]", t.saving_gj]]
    dec = [1, 1, 2, 2, 1, 1, 1, 3, 0, 1]
    if s.thermo_coal_gj is not None:
        rows += [[f"w tym węgla (udział węgla w paliwach gospodarstw domowych {fmt(s.coal_share_pct, 2)} %) [GJ/rok]", s.thermo_coal_gj],
                 ["Zmniejszenie emisji CO₂ [Mg/rok]", s.thermo_co2_t]]
        dec += [1, 1]
    cols = [Column("Wielkość", None, kind="text"), Column("Wartość", 2)]
    return TableData(cols, rows, based_on(s.source), row_decimals=dec, provenance=["residential_savings"])


@table("boiler_intentions", needs=("residential_savings",))
def boiler_intentions(ctx: Context, **_) -> TableData:
    s = ctx.value("residential_savings")
    c, a, age = s.boiler_counts, s.boiler_areas, s.boiler_age
    rows = [[p, age.counts[p], c[p].get("will", 0), c[p].get("done", 0), age.areas[p], a[p].get("will", 0)] for p in c]
    rows.append(["Razem", *[s.boiler_intention_totals[k] for k in ("count", "will", "done", "area_m2", "will_area_m2")]])
    cols = [Column("Okres instalacji kotła", None, kind="text"), Column("Kotły [szt.]", 0), Column("w tym „wymienię” [szt.]", 0),
            Column("w tym „wymienione” [szt.]", 0), Column("Powierzchnia ogrzewana [m²]", 1), Column("w tym „wymienię” [m²]", 1)]
    return TableData(cols, rows, based_on(s.source), total_rows=[len(rows) - 1], note=_area_note(s, "boilers"),
                     provenance=["residential_savings"])


@table("boiler_savings", needs=("residential_savings",))
def boiler_savings(ctx: Context, **_) -> TableData:
    s = ctx.value("residential_savings")
    b, bs = s.boiler, s.boilers
    rows = [["Udział powierzchni ogrzewanej starymi kotłami w próbie [%]", bs.old_area_share_pct],
            ["Powierzchnia budynków ze starymi kotłami w gminie [m²]", b.old_boiler_area_m2],
            ["Zużycie energii paliw w tych budynkach [GJ/rok]", b.energy_before_gj],
            ["Udział deklarujących wymianę kotła (wg powierzchni) [%]", b.willing_share_pct],
            ["Zużycie energii paliw w budynkach deklarujących wymianę [GJ/rok]", b.energy_willing_before_gj],
            ["Średnia sprawność starych kotłów [–]", b.efficiency_old],
            ["Średnia sprawność nowych kotłów [–]", b.efficiency_new],
            ["Zmniejszenie zużycia energii paliw [GJ/rok]", b.saving_gj]]
    dec = [2, 0, 0, 2, 1, 2, 2, 1]
    if s.buildings is not None:
        rows.append(["Liczba budynków, w których wymieniono by kotły", s.buildings])
        dec.append(0)
    if s.boiler_coal_gj is not None:
        rows += [["w tym węgla [GJ/rok]", s.boiler_coal_gj], ["Zmniejszenie emisji CO₂ [Mg/rok]", s.boiler_co2_t]]
        dec += [1, 1]
    cols = [Column("Wielkość", None, kind="text"), Column("Wartość", 2)]
    note = ("Przy tym samym cieple użytkowym zużycie energii paliw maleje w stosunku sprawności: "
            "\\( ΔQ = Q · u · (1 − η_{st} / η_{n}) \\), gdzie \\( Q \\) – zużycie energii paliw w budynkach ze starymi kotłami "
            "[GJ/rok], \\( u \\) – udział deklarujących wymianę kotła, \\( η_{st} \\) i \\( η_{n} \\) – średnia sprawność "
            "starych i nowych kotłów.")
    return TableData(cols, rows, based_on(s.source), row_decimals=dec, note=note, provenance=["residential_savings"])


@table("demand_forecast", needs=("demand_forecast",))
def demand_forecast(ctx: Context, **_) -> TableData:
    d = ctx.value("demand_forecast")
    keys = d.changes
    cols = ([Column("Sektor", None, kind="text"), Column(f"{d.from_year} [GJ/rok]", 0)]
            + [Column(f"{label(ctx, 'demand_changes', k)} [GJ/rok]", 0) for k in keys]
            + [Column(f"{d.to_year} [GJ/rok]", 0), Column("Zmiana [%]", 1, kind="percent")])

    def row(label, o):
        return [label, o.base_gj, *[o.changes_gj[k] if k in o.changes_gj else "–" for k in keys], o.end_gj, o.change_pct]

    rows = [row(sector_label(ctx, k), o) for k, o in d.sectors.items()] + [row("Razem", d.total)]
    return TableData(cols, rows, f"{OWN} na podstawie bilansu paliw, ankiety i prognozy powierzchni budynków",
                     total_rows=[len(rows) - 1], provenance=["demand_forecast"],
                     note="Zmiany: oszczędności ze znakiem minus, nowe zapotrzebowanie ze znakiem plus; „–” – zmiany nie oceniano.")


@table("new_buildings_heat", needs=("new_buildings",))
def new_buildings_heat(ctx: Context, **_) -> TableData:
    n = ctx.value("new_buildings")
    h = n.heat
    rows = []
    dec = []
    if n.from_forecast:
        rows += [[f"Powierzchnia budynków mieszkalnych w {n.from_year} r. [m²]", n.area_start_m2],
                 [f"Powierzchnia budynków mieszkalnych w {n.to_year} r. [m²]", n.area_end_m2]]
        dec += [0, 0]
    rows += [["Przyrost powierzchni – nowe budynki [m²]", h.area_m2],
             ["Zapotrzebowanie na ciepło użytkowe [kWh/(m²·rok)]", n.useful_kwh_m2],
             ["Ciepło użytkowe [GJ/rok]", h.useful_gj], ["Ciepło użytkowe [MWh/rok]", h.useful_mwh],
             ["Średnioroczna sprawność urządzeń grzewczych [–]", n.efficiency],
             ["Energia paliw [GJ/rok]", h.final_gj], ["Energia paliw [MWh/rok]", h.final_mwh]]
    dec += [0, 0, 1, 1, 2, 1, 1]
    cols = [Column("Wielkość", None, kind="text"), Column("Wartość", 1)]
    return TableData(cols, rows, based_on(ctx.value("housing_forecast").source), row_decimals=dec, provenance=["new_buildings"])


# --- fuel balance, emissions, ash --------------------------------------------------------------------------------

@table("fuel_quantities", needs=("fuel_balance",))
def fuel_quantities(ctx: Context, **_) -> TableData:
    f = ctx.value("fuel_balance")
    sectors = [s for s in SECTOR_ORDER if s in f.quantities]
    rows = []
    for fu in f.order:
        pid = f.lhv_params[fu]
        e = ctx.params.entry(pid)
        lhv = f"{fmt(e['value'], 1)} {LHV_UNITS.get(e['unit'], e['unit'])}"
        if f.units[fu] == "butla":
            lhv += f" ({fmt(ctx.params.value('lpg_cylinder_mass'), 0)} kg/butlę)"
        rows.append([f"{fuel_label(ctx, fu)} [{UNIT_LABELS.get(f.units[fu], f.units[fu])}]", lhv,
                     *[f.quantities[s].get(fu) for s in sectors]])
    cols = [Column("Paliwo [jednostka]", None, kind="text"), Column("Wartość opałowa", None, kind="text")] + [
        Column(sector_label(ctx, s), 2) for s in sectors]
    lhv_sources = "; ".join(dict.fromkeys(ctx.params.source(f.lhv_params[fu]) for fu in f.order))
    return TableData(cols, rows, f"{f.source}; wartości opałowe: {lhv_sources}", provenance=["fuel_balance"])


@table("fuel_energy", needs=("fuel_balance",))
def fuel_energy(ctx: Context, **_) -> TableData:
    f = ctx.value("fuel_balance")
    b = f.balance
    sectors = [s for s in SECTOR_ORDER if s in b.energy_gj]
    structure = b.structure_pct
    rows = [[fuel_label(ctx, fu) + (" (OZE)" if fu in f.renewable_fuels else ""), *[b.energy_gj[s].get(fu) for s in sectors],
             b.by_fuel_gj[fu], structure[fu]] for fu in f.order]
    rows.append(["Razem", *[b.by_sector_gj[s] for s in sectors], b.total_gj, 100.0])
    cols = [Column("Paliwo", None, kind="text")] + [Column(f"{sector_label(ctx, s)} [GJ/rok]", 1) for s in sectors] + [
        Column("Razem [GJ/rok]", 1), Column("Udział [%]", 2, kind="percent")]
    return TableData(cols, rows, based_on(f.source), total_rows=[len(rows) - 1], provenance=["fuel_balance"])


@chart("fuel_structure", needs=("fuel_balance",))
def fuel_structure(ctx: Context, **_) -> ChartData:
    f = ctx.value("fuel_balance")
    b = f.balance
    order = sorted(f.order, key=lambda fu: -b.by_fuel_gj[fu])
    spec = ChartSpec("pie", [fuel_label(ctx, fu) for fu in order], [("Udział", [b.by_fuel_gj[fu] for fu in order])], value_decimals=2)
    return ChartData(spec, based_on(f.source), ["fuel_balance"])


@table("renewable_share", needs=("fuel_balance",))
def renewable_share(ctx: Context, **_) -> TableData:
    f = ctx.value("fuel_balance")
    s = f.split
    rows = [[f"Energia elektryczna ({fmt(f.electricity_mwh, 2)} MWh)", s.electricity_gj, s.electricity_conventional_gj,
             s.electricity_renewable_gj, s.electricity_renewable_pct],
            ["Paliwa", s.fuels_gj, s.fuels_conventional_gj, s.fuels_renewable_gj, s.fuels_renewable_pct],
            ["Razem", s.total_gj, s.conventional_gj, s.renewable_gj, s.renewable_pct]]
    cols = [Column("Wyszczególnienie", None, kind="text"), Column("Zużycie [GJ/rok]", 1), Column("Energia konwencjonalna [GJ/rok]", 1),
            Column("Energia ze źródeł odnawialnych [GJ/rok]", 1), Column("Udział OZE [%]", 2, kind="percent")]
    note = (f"Udział OZE w energii elektrycznej z sieci: {fmt(f.res_share_pct, 2)} % (udział krajowy w {f.year} r.). "
            f"Paliwa odnawialne: {', '.join(fuel_label(ctx, fu) for fu in f.renewable_fuels)}.")
    return TableData(cols, rows, based_on(f.source, f.res_source), total_rows=[2], note=note, provenance=["fuel_balance"])


@table("fuel_emission_factors", needs=("fuel_emissions",))
def fuel_emission_factors(ctx: Context, **_) -> TableData:
    e = ctx.value("fuel_emissions")
    rows = [[e.row_labels[r], *[e.factors[r][p] for p, _ in POLLUTANTS]] for r in e.rows]
    cols = [Column("Paliwo", None, kind="text")] + [Column(f"{label(ctx, 'pollutants', p)} [g/GJ]") for p, _ in POLLUTANTS]
    note = ("CO₂ ze spalania biomasy liczy się w bilansie jako 0 (emisja biogeniczna); wskaźnik podano, bo z niego wynika "
            "pozycja informacyjna w tabeli emisji.") if e.biogenic_rows else ""
    return TableData(cols, rows, f"{e.factor_source}; CO₂: {e.co2_source}", note=note, provenance=["fuel_emissions"])


@table("emissions_by_fuel", needs=("fuel_emissions",))
def emissions_by_fuel(ctx: Context, **_) -> TableData:
    e = ctx.value("fuel_emissions")
    total = e.total
    rows = [[e.row_labels[r], *[total.by_fuel_t[r][p] for p, _ in POLLUTANTS]] for r in e.rows]
    rows.append(["Razem", *[total.totals_t[p] for p, _ in POLLUTANTS]])
    for r, memo in total.biogenic_co2_memo_t.items():
        rows.append([f"Pozycja informacyjna: CO₂ biogeniczny – {e.row_labels[r].lower()} (poza sumą)", None, None, None, None, memo])
    cols = [Column("Paliwo", None, kind="text")] + [Column(f"{label(ctx, 'pollutants', p)} [Mg/rok]", d) for p, d in POLLUTANTS]
    return TableData(cols, rows, based_on(ctx.value("fuel_balance").source, e.factor_source), total_rows=[len(e.rows)],
                     note="Emisja ze spalania paliw w gospodarstwach domowych i budynkach gminnych.", provenance=["fuel_emissions"])


@table("emissions_by_sector_fuel", needs=("fuel_emissions",))
def emissions_by_sector_fuel(ctx: Context, **_) -> TableData:
    e = ctx.value("fuel_emissions")
    sectors = [s for s in SECTOR_ORDER if s in e.by_sector]
    rows = [[sector_label(ctx, s), *[e.by_sector[s].totals_t[p] for p, _ in POLLUTANTS]] for s in sectors]
    rows.append(["Razem", *[e.total.totals_t[p] for p, _ in POLLUTANTS]])
    cols = [Column("Sektor", None, kind="text")] + [Column(f"{label(ctx, 'pollutants', p)} [Mg/rok]", d) for p, d in POLLUTANTS]
    return TableData(cols, rows, based_on(ctx.value("fuel_balance").source, e.factor_source), total_rows=[len(rows) - 1],
                     note="CO₂ bez emisji biogenicznej ze spalania biomasy.", provenance=["fuel_emissions"])


@chart("emissions_by_fuel", needs=("fuel_emissions",))
def emissions_by_fuel_chart(ctx: Context, **_) -> ChartData:
    e = ctx.value("fuel_emissions")
    pollutants = [p for p in POLLUTANTS if p[0] in ("so2", "nox", "tsp")]
    spec = ChartSpec("grouped_bar", [label(ctx, "pollutants", p) for p, _ in pollutants],
                     [(e.row_labels[r], [e.total.by_fuel_t[r][p] for p, _ in pollutants]) for r in e.rows],
                     ylabel="Mg/rok")
    return ChartData(spec, OWN, ["fuel_emissions"])


@table("ash_by_fuel", needs=("fuel_emissions",))
def ash_by_fuel(ctx: Context, **_) -> TableData | None:
    e = ctx.value("fuel_emissions")
    if not e.ash:
        return None
    sectors = list(e.ash_by_sector_t)
    rows = [[fuel_label(ctx, a["fuel"]), a["mass_t"], a["ash_content_pct"],
             *[a["sectors"][s]["ash_t"] if s in a["sectors"] else None for s in sectors], a["ash_t"]] for a in e.ash]
    rows.append(["Razem", e.ash_mass_total_t, None, *[e.ash_by_sector_t[s] for s in sectors], e.ash_total_t])
    cols = [Column("Paliwo", None, kind="text"), Column("Masa paliwa [t/rok]", 1), Column("Zawartość popiołu [%]", 1, kind="percent")] + [
        Column(f"Popiół – {sector_label(ctx, s).lower()} [t/rok]", 2) for s in sectors] + [Column("Popiół razem [t/rok]", 2)]
    note = ("Popiół = masa paliwa × zawartość popiołu; drewno: masa z objętości (gęstość drewna opałowego). "
            "Spalanie oleju i gazu nie daje odpadów stałych w znaczącej ilości.")
    return TableData(cols, rows, based_on(ctx.value("fuel_balance").source, e.ash_source), total_rows=[len(rows) - 1],
                     note=note, provenance=["fuel_emissions"])


# --- renewable resources ----------------------------------------------------------------------------------------------

@table("wood_resources", needs=("biomass",))
def wood_resources(ctx: Context, **_) -> TableData:
    b = ctx.value("biomass")
    basis = {"forest_wood": f"{fmt(b.forest_ha, 0)} ha lasów; Fe = {fmt(b.fe_pct, 2)} %",
             "processing_residues": f"{fmt(b.forest_ha, 0)} ha lasów; Fp = {fmt(b.fp_pct, 2)} %; odpady 20 % masy",
             "orchard_wood": f"{fmt(b.orchard_ha, 0)} ha sadów", "roadside_wood": f"{fmt(b.road_km, 2)} km dróg"}
    rows = [[BIOMASS_LABELS[k], basis.get(k, ""), w.volume_m3, w.mass_t] for k, w in b.wood.items()]
    rows.append(["Razem", "", b.wood_volume_m3, b.wood_mass_t])
    cols = [Column("Źródło drewna", None, kind="text"), Column("Podstawa obliczeń", None, kind="text"),
            Column("Zasoby [m³/rok]", 2), Column("Zasoby [t/rok]", 2)]
    p = ctx.params
    note = (f"Zdl = A · I · Fw · Fe; Zdt = A · I · Fw · Fp · 0,2; I = {fmt(p.value('forest_increment'), 1)} m³/(ha·rok), "
            f"Fw = {fmt(p.value('forest_harvest_share'), 0)} %; masa: drewno z lasów {fmt(p.value('wood_bulk_density'), 2)} t/m³ "
            f"(wilgotność 50 %), zrębki i odpady {fmt(p.value('chip_bulk_density'), 1)} t/m³ (35 %).")
    src = "; ".join(dict.fromkeys(p.source(x) for x in ("forest_increment", "voivodeship_wood_harvest", "processing_residue_share")))
    return TableData(cols, rows, based_on(b.source, src), total_rows=[len(rows) - 1], note=note, provenance=["biomass"])


@table("straw_production", needs=("biomass",))
def straw_production(ctx: Context, **_) -> TableData:
    b = ctx.value("biomass")
    rows = [[ctx.vocabulary["crops"].get(c["crop"], {}).get("label", c["crop"]), c["area_ha"], c["yield_t_ha"], c["straw_ratio"],
             c["straw_t"]] for c in b.crops]
    rows.append(["Razem", b.crops_area_ha, None, None, b.straw_production_t])
    cols = [Column("Uprawa", None, kind="text"), Column("Powierzchnia [ha]", 2), Column("Plon ziarna [t/ha]", 1),
            Column("Stosunek słomy do ziarna", 2), Column("Produkcja słomy [t/rok]", 2)]
    return TableData(cols, rows, based_on(b.agri_source, ctx.params.source("grain_yield")), total_rows=[len(rows) - 1],
                     provenance=["biomass"])


@table("livestock_straw", needs=("biomass",))
def livestock_straw(ctx: Context, **_) -> TableData:
    b = ctx.value("biomass")
    rows = [[SPECIES_LABELS.get(h["species"], h["species"]), h["count"], h["feed_total_t"], h["bedding_total_t"],
             h["manure_total_t"]] for h in b.herd]
    ls = b.livestock
    rows.append(["Razem", b.herd_count, ls.feed_t, ls.bedding_t, ls.manure_t])
    cols = [Column("Zwierzęta", None, kind="text"), Column("Pogłowie [szt.]", 0), Column("Słoma na paszę [t/rok]", 1),
            Column("Słoma na ściółkę [t/rok]", 1), Column("Produkcja obornika [t/rok]", 1)]
    return TableData(cols, rows, based_on(b.agri_source, ctx.params.source("straw_feed_per_head")), total_rows=[len(rows) - 1],
                     provenance=["biomass"])


@table("straw_balance", needs=("biomass",))
def straw_balance(ctx: Context, **_) -> TableData:
    b = ctx.value("biomass")
    s = b.straw
    rows = [["Produkcja słomy P", s.production_t], ["Zapotrzebowanie na ściółkę Zs", s.bedding_t],
            ["Zapotrzebowanie na paszę Zp", s.feed_t], ["Saldo substancji organicznej w glebie S", b.organic_balance_t],
            ["Słoma do przyorania Zn", s.ploughing_t], ["N = P − (Zs + Zp + Zn) przed ograniczeniem", s.unclamped_t],
            ["Nadwyżka słomy na cele energetyczne N", s.surplus_t]]
    note = "Słomę przyoruje się tylko przy ujemnym saldzie substancji organicznej; nadwyżka mieści się w przedziale od 0 do produkcji słomy."
    if s.clamped == "zero":
        note += " Potrzeby rolnictwa przekraczają produkcję słomy – nadwyżki nie ma."
    cols = [Column("Wielkość", None, kind="text"), Column("[t/rok]", 2)]
    return TableData(cols, rows, based_on(b.agri_source, ctx.params.source("organic_matter_coefficient")), note=note,
                     provenance=["biomass"])


@table("agri_energy_resources", needs=("biomass",))
def agri_energy_resources(ctx: Context, **_) -> TableData:
    b = ctx.value("biomass")
    p = ctx.params
    rows = []
    if b.meadow_ha > 0:
        rows.append(["Siano z łąk trwałych", f"{fmt(b.meadow_ha, 0)} ha × {fmt(p.value('hay_energy_use'), 1)} % × "
                     f"{fmt(p.value('hay_yield'), 2)} t/ha", b.hay_t])
    classes = ", ".join(b.marginal_classes)
    crops = b.energy.get("energy_crops")         # a yield given as dry matter (moisture 0 %) says so
    crop_unit = "t s.m./ha" if crops is not None and crops.moisture_pct == 0 else "t/ha"
    rows.append(["Wieloletnie rośliny energetyczne", f"({fmt(b.plantations_ha, 0)} ha + {fmt(b.marginal_net_ha, 1)} ha gruntów "
                 f"kl. {classes} bez obszarów chronionych × {fmt(p.value('energy_crop_land_use'), 0)} %) × "
                 f"{fmt(p.value('energy_crop_yield'), 1)} {crop_unit}", b.energy_crops_t])
    rows.append(["Ziarno zbóż na cele energetyczne", f"{fmt(b.marginal_gross_ha, 0)} ha gruntów kl. {classes} × "
                 f"{fmt(p.value('grain_land_use'), 0)} % × {fmt(p.value('grain_energy_yield'), 1)} t/ha", b.grain_t])
    if b.rapeseed_ha > 0:
        rows.append(["Biodiesel z rzepaku", f"{fmt(b.rapeseed_ha, 1)} ha", b.biodiesel.mass_t])
    cols = [Column("Zasób", None, kind="text"), Column("Podstawa obliczeń", None, kind="text"), Column("Potencjał [t/rok]", 2)]
    src = "; ".join(dict.fromkeys(p.source(x) for x in ("hay_yield", "energy_crop_yield", "grain_energy_yield")))
    return TableData(cols, rows, based_on(b.agri_source, src), provenance=["biomass"])


@table("biogas_wastewater", needs=("biomass",))
def biogas_wastewater(ctx: Context, **_) -> TableData | None:
    b = ctx.value("biomass")
    g = b.biogas
    if not g:
        return None
    c = g["chp"]
    p = ctx.params
    rows = [["Ścieki dopływające do oczyszczalni [m³/rok]", g["flow_m3"]],
            ["Przyrost suchej masy organicznej osadu [kg s.m.o./m³]", p.value("sludge_dry_organic")],
            ["Produkcja metanu [m³ CH₄/kg s.m.o.]", p.value("sludge_methane_yield")],
            ["Potencjał biometanu [m³/rok]", g["methane_m3"]],
            ["Energia w biometanie [GJ/rok]", c.energy_gj],
            ["Energia elektryczna z kogeneracji [GJ/rok]", c.electricity_gj],
            ["Ciepło z kogeneracji [GJ/rok]", c.heat_gj],
            ["Ciepło na ogrzewanie komór fermentacyjnych [GJ/rok]", c.digester_heat_gj],
            ["Potencjał techniczny [GJ/rok]", c.technical_gj]]
    cols = [Column("Wielkość", None, kind="text"), Column("Wartość", 2)]
    note = (f"Wartość opałowa metanu {fmt(p.value('lhv_methane'), 0)} MJ/m³; kogeneracja: sprawność elektryczna "
            f"{fmt(100 * p.value('chp_electrical_efficiency'), 0)} %, cieplna {fmt(100 * p.value('chp_thermal_efficiency'), 0)} %; "
            f"{fmt(100 * p.value('digester_heat_share'), 0)} % ciepła ogrzewa komory fermentacyjne.")
    return TableData(cols, rows, based_on(b.source, p.source("sludge_methane_yield")), row_decimals=[0, 1, 1, 0, 1, 1, 1, 1, 1],
                     note=note, provenance=["biomass"])


@table("biomass_energy", needs=("biomass",))
def biomass_energy(ctx: Context, **_) -> TableData:
    b = ctx.value("biomass")
    rows = [[BIOMASS_LABELS[k], e.fresh_t, e.moisture_pct, e.lhv_used_mj_kg, e.energy_gj, e.technical_gj] for k, e in b.energy.items()]
    if b.biogas:
        c = b.biogas["chp"]
        rows.append([BIOMASS_LABELS["biomethane"], None, None, None, c.energy_gj, c.technical_gj])
    rows.append(["Razem", None, None, None, b.total.energy_gj, b.total.technical_gj])
    basis = ("wartość opałowa w stanie roboczym Qr = Qs · (100 − W)/100 − 2,442 · W/100" if b.basis == "as_received"
             else "wartość opałowa suchej masy odniesiona do suchej masy")
    cols = [Column("Źródło", None, kind="text"), Column("Masa [t/rok]", 1), Column("Wilgotność [%]", 0, kind="percent"),
            Column("Wartość opałowa [MJ/kg]", 2), Column("Energia w biomasie [GJ/rok]", 1), Column("Potencjał techniczny [GJ/rok]", 1)]
    note = (f"Energia: masa × {basis}; potencjał techniczny: sprawność kotłów na biomasę {fmt(100 * b.efficiency, 0)} %. "
            f"Potencjał techniczny razem: {fmt(b.total.technical_gwh, 2)} GWh/rok.")
    dry = [BIOMASS_LABELS[k].lower() for k, e in b.energy.items() if e.moisture_pct == 0]
    if dry:       # a yield given as dry matter (energy crops in the Knyszyn plan), not a resource harvested dry
        note += (f" {', '.join(dry).capitalize()}: masa w tonach suchej masy (plon podany jako sucha masa), "
                 f"stąd wilgotność 0 % i wartość opałowa suchej masy.")
    missing = [BIOMASS_LABELS[k] for k in ("straw", "hay", "energy_crops", "grain") if k not in b.energy]
    if missing:
        note += f" Bez nadwyżki (0 t/rok): {', '.join(m.lower() for m in missing)}."
    return TableData(cols, rows, based_on(b.source, ctx.params.source("lhv_dry_biomass")), total_rows=[len(rows) - 1],
                     note=note, provenance=["biomass"])


@chart("biomass_potential", needs=("biomass",))
def biomass_potential(ctx: Context, **_) -> ChartData:
    b = ctx.value("biomass")
    short = {"forest_wood": "Drewno z lasów", "processing_residues": "Odpady drzewne", "orchard_wood": "Sady",
             "roadside_wood": "Zadrzewienia", "straw": "Słoma", "hay": "Siano", "energy_crops": "Rośliny energet.",
             "grain": "Ziarno zbóż"}
    items = [(short.get(k, BIOMASS_LABELS[k]), e.technical_gj) for k, e in b.energy.items()]
    if b.biogas:
        items.append(("Biometan", b.biogas["chp"].technical_gj))
    items.sort(key=lambda kv: -kv[1])
    spec = ChartSpec("bar", [k for k, _ in items], [("Potencjał techniczny [GJ/rok]", [v for _, v in items])], ylabel="GJ/rok")
    return ChartData(spec, OWN, ["biomass"])


@table("solar_collectors", needs=("solar",))
def solar_collectors(ctx: Context, **_) -> TableData:
    s = ctx.value("solar")
    p, i = s.potential, s.inputs
    rows = [["Liczba budynków (mieszkań) w gminie", i.dwellings], ["Odsetek nadających się do instalacji kolektorów [%]", i.suitable_pct],
            ["Liczba budynków z kolektorami", p.suitable_dwellings], ["Liczba osób na mieszkanie", i.persons_per_dwelling],
            ["Powierzchnia kolektora na osobę [m²]", s.area_per_person_m2], ["Powierzchnia kolektorów [m²]", p.collector_area_m2],
            ["Roczne napromieniowanie [kWh/m²]", i.irradiation_kwh_m2],
            ["Energia promieniowania na kolektory [MWh/rok]", p.incident_mwh], ["Sprawność kolektorów [–]", p.efficiency],
            ["Potencjał techniczny – ciepło użytkowe [MWh/rok]", p.useful_mwh],
            ["Potencjał techniczny – ciepło użytkowe [GJ/rok]", p.useful_gj]]
    cols = [Column("Wielkość", None, kind="text"), Column("Wartość", 1)]
    return TableData(cols, rows, based_on(s.source, s.efficiency_source), row_decimals=[0, 0, 0, 1, 1, 1, 0, 1, 2, 1, 1],
                     provenance=["solar"])


@table("heat_cost_by_carrier", needs=("heat_costs",))
def heat_cost_by_carrier(ctx: Context, **_) -> TableData:
    h = ctx.value("heat_costs")
    rows = []
    for r in sorted(h.rows, key=lambda r: r["cost"].cost_pln_per_gj):
        c, k = r["carrier"], r["cost"]
        unit = UNIT_LABELS.get(c.unit, c.unit)
        rows.append([c.label, f"{fmt(c.lhv, 1)} {LHV_UNITS.get(c.lhv_unit, c.lhv_unit)}", 100 * c.efficiency, k.fuel_gj,
                     f"{fmt(k.fuel_units, 0 if k.fuel_units >= 100 else 2)} {unit}", f"{fmt(c.price_pln, 2)} zł/{unit}",
                     k.cost_pln, k.cost_pln_per_gj])
    cols = [Column("Nośnik energii", None, kind="text"), Column("Wartość opałowa", None, kind="text"),
            Column("Sprawność [%]", 0, kind="percent"), Column("Energia paliwa [GJ/rok]", 1),
            Column("Zużycie paliwa na rok", None, kind="text"), Column("Cena jednostkowa", None, kind="text"),
            Column("Koszt roczny [zł]", 0), Column("Koszt 1 GJ ciepła [zł/GJ]", 2)]
    note = (f"Źródło ciepła {fmt(h.power_kw, 0)} kW ({fmt(h.heating_kw, 0)} kW ogrzewanie + {fmt(h.dhw_kw, 0)} kW c.w.u.), "
            f"{fmt(h.hours, 0)} h wykorzystania mocy: {fmt(h.heat_gj, 0)} GJ ciepła rocznie.")
    return TableData(cols, rows, based_on(h.source), note=note, provenance=["heat_costs"])


@table("neighbour_plans", needs=("neighbours",))
def neighbour_plans(ctx: Context, **_) -> TableData:
    n = ctx.value("neighbours")
    rows = [[x.name, x.kind, str(x.plan_year) if x.plan_year else "brak", x.plan_note] for x in n.neighbours]
    cols = [Column("Gmina sąsiednia", None, kind="text"), Column("Rodzaj gminy", None, kind="text"),
            Column("Projekt założeń – rok", None, kind="text"), Column("Uwagi", None, kind="text")]
    return TableData(cols, rows, n.source or "dane gminy", provenance=["neighbours"])
