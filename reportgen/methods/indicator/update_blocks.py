"""Tables of an update of an existing plan (result `plan_update`): both base years side by side, planned against what
happened, and the figures carried over from the previous base year. Layout only – every number is in the result."""
from __future__ import annotations

from reportgen.blocks import TableData, table
from reportgen.document.model import Column
from reportgen.results import Context

# one phrase for figures carried over from the previous base year, in the tables and in the list of data to collect
# (update_results); it lives here so that another method's folder, importing these builders, imports no results
CARRIED_NOTE = "dane z {year} r. – do aktualizacji przez gminę"
PARTS = {"heat": 1, "carriers": 1, "emissions": 3, "electricity": 1}   # part -> decimals of the values


def _note(carried_from: int | None) -> str:
    return CARRIED_NOTE.format(year=carried_from) if carried_from else ""


@table("update_compare", needs=("plan_update",))
def update_compare(ctx: Context, part: str, **_) -> TableData | None:
    """One part of the comparison (heat | carriers | emissions | electricity) in both plans' base years."""
    u = ctx.value("plan_update")
    figures = getattr(u, part)
    if not figures:
        return None
    rows = [[f.label, f.unit, f.previous, f.current, f.change_pct, _note(f.carried_from)] for f in figures]
    total = [i for i, f in enumerate(figures) if f.label == "Razem"]
    dec = PARTS[part]
    cols = [Column("Wielkość", None, kind="text"), Column("Jednostka", None, kind="text"),
            Column(f"{u.previous_base_year} (poprzedni projekt, przeliczone tą samą metodą)", dec), Column(f"{u.base_year} (aktualizacja)", dec),
            Column("Zmiana [%]", 1), Column("Uwagi", None, kind="text")]
    # thousands of Mg of CO₂ beside grams of B(a)P: large values without decimals
    decimals = [0 if max(abs(f.previous), abs(f.current)) >= 1000 else dec for f in figures]
    return TableData(cols, rows, "poprzedni projekt założeń (wielkości przeliczone tą samą metodą z jego danych wejściowych) i dane aktualizacji; "
                                 "obliczenia własne", total_rows=total,
                     provenance=["plan_update"], row_decimals=decimals,
                     note=u.co2_factors_text if part == "emissions" else "")


@table("update_planned", needs=("plan_update",))
def update_planned(ctx: Context, **_) -> TableData | None:
    """What the previous plan's scenarios forecast for its target years now reached – as published (update.yaml
    `published`, when given) and recomputed with the same method – and the new base year."""
    u = ctx.value("plan_update")
    if not u.planned:
        return None
    with_published = any(f.published for f in u.planned)
    one_year = len(u.past_years) == 1              # the caption names the year: no column for it
    cols = [Column("Wielkość", None, kind="text"), Column("Jednostka", None, kind="text")]
    if not one_year:
        cols.append(Column("Rok", None, kind="text"))
    rows = []
    for f in u.planned:
        values: list = []
        for i, _label in enumerate(u.scenario_labels):
            if with_published:
                values.append(f.published[i] if f.published and f.published[i] is not None else None)
            values.append(f.planned[i])
        rows.append([f.label, f.unit, *([] if one_year else [str(f.year)]), *values, f.actual, _note(f.carried_from)])
    for label in u.scenario_labels:
        if with_published:
            cols.append(Column(f"Scenariusz {label} – opublikowane w projekcie z {u.previous_year} r.", 1))
        cols.append(Column(f"Scenariusz {label} – przeliczone tą samą metodą", 1))
    cols += [Column(f"Stan {u.base_year}", 1), Column("Uwagi", None, kind="text")]
    published = (f"wartości opublikowane: projekt założeń z {u.previous_year} r., {', '.join(u.published_sources)}; "
                 if with_published else "")
    # the published figures at their own precision: GJ whole, % to 0,1, Mg to 0,01 (thousands of Mg to 0,1)
    decimals = [0 if f.unit == "GJ/rok" else 1 if f.unit == "%" or max(f.planned) >= 1000 else 2 for f in u.planned]
    return TableData(cols, rows,
                     f"{published}scenariusze prognozy poprzedniego projektu założeń przeliczone tą samą metodą z jego danych "
                     "wejściowych po rozpatrzeniu uwag i dane aktualizacji; obliczenia własne",
                     provenance=["plan_update"], row_decimals=decimals,
                     note=u.co2_factors_text if any(f.label.startswith("Emisja CO₂") for f in u.planned) else "")


@table("update_carried", needs=("plan_update",))
def update_carried(ctx: Context, **_) -> TableData | None:
    """The figures carried over from the previous base year: what, from which year, where the gmina gets new ones."""
    u = ctx.value("plan_update")
    if not u.carried:
        return None
    rows = [[c.what, str(c.year), c.source or "–"] for c in u.carried]
    cols = [Column("Dane", None, kind="text"), Column("Rok danych", None, kind="text"),
            Column("Źródło aktualnych danych", None, kind="text")]
    return TableData(cols, rows, "poprzedni projekt założeń; dane przeniesione do aktualizacji przez gminę", provenance=["plan_update"])


@table("update_measures", needs=("plan_update",))
def update_measures(ctx: Context, **_) -> TableData | None:
    """The previous plan's measures and what became of them (from the gmina's records)."""
    u = ctx.value("plan_update")
    if not u.measures:
        return None
    rows = [[m.measure, m.status, m.detail or "–", m.source] for m in u.measures]
    cols = [Column("Przedsięwzięcie poprzedniego projektu", None, kind="text"), Column("Stan", None, kind="text"),
            Column("Zakres wykonania", None, kind="text"), Column("Źródło", None, kind="text")]
    return TableData(cols, rows, "dane gminy o realizacji przedsięwzięć", provenance=["plan_update"])


@table("update_investments", needs=("update_investments",))
def update_investments(ctx: Context, **_) -> TableData | None:
    """The operators' network investments the previous plan listed, with their status (to be confirmed by the
    operator unless the gmina's records give one)."""
    u = ctx.value("plan_update")
    sourced = any(i.source for i in u.previous_investments)   # a column of sources only when some status has one
    rows = [[i.operator, i.investment, i.status, *([i.source or "–"] if sourced else [])] for i in u.previous_investments]
    cols = [Column("Operator", None, kind="text"), Column("Inwestycja wg poprzedniego projektu", None, kind="text"),
            Column("Stan", None, kind="text"), *([Column("Źródło informacji o stanie", None, kind="text")] if sourced else [])]
    plans = sorted({i.plan for i in u.previous_investments if i.plan})
    return TableData(cols, rows, f"poprzedni projekt założeń z {u.previous_year} r."
                     + (f" (za dokumentem: {'; '.join(plans)})" if plans else ""), provenance=["plan_update"])
