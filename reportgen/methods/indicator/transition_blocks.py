"""Tables of the electricity demand coupled to the heat scenarios (result `electrification`) and of the pace of
replacement of old solid-fuel devices (result `replacement_pace`). Layout only – every number is in the result."""
from __future__ import annotations

from reportgen.blocks import TableData, table
from reportgen.document.model import Column
from reportgen.results import Context


@table("electrification", needs=("electrification",))
def electrification_table(ctx: Context, **_) -> TableData:
    e = ctx.value("electrification")
    has_ev = e.base_ev_electricity_mwh is not None
    rows = []
    for s in e.scenarios:
        for y in s.years:
            row = [s.label, str(y.year), y.heat_pump_heat_gj, y.heat_pump_electricity_mwh, y.heat_pump_renewable_gj]
            if has_ev:
                row.append(y.ev_electricity_mwh)
            row += [y.added_electricity_mwh, y.added_peak_kw, y.total_mwh]
            rows.append(row)
    cols = [Column("Scenariusz", None, kind="text"), Column("Rok", None, kind="text"),
            Column("Ciepło z pomp ciepła [GJ/rok]", 0), Column("Energia elektryczna pomp ciepła [MWh/rok]", 1),
            Column("Energia odnawialna pomp ciepła (RED) [GJ/rok]", 0)]
    if has_ev:
        cols.append(Column("Energia elektryczna samochodów elektrycznych [MWh/rok]", 1))
    cols += [Column(f"Przyrost zużycia wobec {e.base_year} r. [MWh/rok]", 1), Column("Przyrost mocy szczytowej [kW]", 0),
             Column("Zużycie energii elektrycznej w gminie [MWh/rok]", 0)]
    # the source names only what the table shows: heat pumps, and electric cars when the data has them
    assumed = "pompy ciepła" + (", samochody elektryczne" if has_ev else "")
    return TableData(cols, rows, f"obliczenia własne na podstawie scenariuszy prognozy i założeń elektryfikacji ({assumed})",
                     provenance=["electrification", "scenarios", "electricity"])


@table("replacement_pace", needs=("replacement_pace",))
def replacement_pace_table(ctx: Context, **_) -> TableData:
    c = ctx.value("replacement_pace")
    # a share of old devices that does not fall is no replacement: "–" (a negative "replacement" reads as nonsense)
    law = bool(c.antismog_act)          # a column for what the anti-smog resolution requires by the year
    rows = [[r.scenario, str(r.year), r.base_share_pct, r.year_share_pct,
             *((r.replaced_pct, r.pace_pct_per_year) if r.pace_pct_per_year > 0 else ("–", "–")),
             *([r.required_pct] if law else []),
             ("przekroczona – tempo wymagane przez uchwałę" if r.required_by_law else "przekroczona") if r.exceeds
             else "zachowana – wymiana mniejsza, niż wymaga uchwała" if r.short_of_law else "zachowana"] for r in c.rows]
    base_year = ctx.content.gmina.base_year
    cols = [Column("Scenariusz", None, kind="text"), Column("Rok", None, kind="text"),
            Column(f"Udział starych urządzeń {base_year} [%]", 1), Column("Udział w roku prognozy [%]", 1),
            Column(f"Wymieniona część zasobu z {base_year} r. [%]", 0), Column("Tempo wymiany [%/rok]", 1),
            *([Column(f"Część zasobu z {base_year} r. do wymiany wg uchwały antysmogowej [%]", 0)] if law else []),
            Column("Granica wiarygodności", None, kind="text")]
    return TableData(cols, rows, f"obliczenia własne; granica wiarygodności: {c.limit_source}"
                     + (f"; terminy wymiany: {c.antismog_act}" if law else ""),
                     note="Stare urządzenia: kotły i piece na węgiel i biomasę niespełniające wymagań ekoprojektu ani klasy 5 "
                          "PN-EN 303-5:2012; udział w energii końcowej na potrzeby grzewcze. „–”: udział starych urządzeń "
                          "nie maleje (brak wymiany)." + (" Część zasobu do wymiany wg uchwały: urządzenia, których termin "
                                                          "wymiany upływa najpóźniej w roku prognozy." if law else ""),
                     provenance=["replacement_pace"])


@table("ceeb_sources", needs=("ceeb",))
def ceeb_sources(ctx: Context, **_) -> TableData:
    c = ctx.value("ceeb")
    rows = [[s.kind, s.count, s.share_pct] for s in c.sources] + [["Razem", c.total_sources, 100.0]]
    cols = [Column("Rodzaj źródła ciepła lub spalania paliw", None, kind="text"), Column("Liczba źródeł", 0),
            Column("Udział [%]", 1)]
    return TableData(cols, rows, c.source, total_rows=[len(rows) - 1], provenance=["ceeb"])
