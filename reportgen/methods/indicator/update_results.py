"""Results of an update of an existing plan (content folder with update.yaml): the previous plan's figures beside the
new base year's, what the previous plan forecast for its target years now past, and the figures carried over.

The previous plan's figures are computed from its own content folder (update.yaml: previous.folder) with the same
producers, so both columns come from one method and one set of formulas."""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs.parameters import dated_value_note
from reportgen.methods.indicator.calc import update as up
from reportgen.methods.indicator.calc.emissions import POLLUTANTS
from reportgen.methods.indicator.results import SECTOR_ORDER
from reportgen.methods.indicator.transition_text import BuildNotice, in_words
from reportgen.methods.indicator.update_blocks import CARRIED_NOTE
from reportgen.methods.indicator.update_inputs import UPDATE_FILE, PublishedForecast
from reportgen.quantities import percent_of
from reportgen.render.numbers import fmt
from reportgen.results import Context, Result, producer, qualname


@dataclass(frozen=True)
class ComparedFigure:
    """One figure in both plans' base years."""
    label: str                        # Polish row label
    unit: str
    previous: float
    current: float
    change_pct: float | None          # None: the previous value is 0
    carried_from: int | None = None   # the current value is the previous base year's (year), not a new statistic


@dataclass(frozen=True)
class PlannedFigure:
    """One figure the previous plan forecast for a year the new base year has reached, against what happened."""
    label: str
    unit: str
    year: int                         # the previous plan's target year (≤ the new base year)
    planned: tuple[float, ...]        # one value per previous scenario (order of PlanUpdate.scenario_labels)
    actual: float                     # the new base year's value
    carried_from: int | None = None
    published: tuple[float | None, ...] = ()   # what the previous plan published, per scenario (None: not given)


@dataclass(frozen=True)
class PublishedDifference:
    """Where the recomputed previous forecast differs from what the previous plan published, and why (update.yaml)."""
    scenario: str                     # the scenario's short label
    label: str
    unit: str
    year: int
    published: float
    recomputed: float
    change_pct: float                 # (recomputed − published) / published · 100
    source: str                       # the previous plan's tables
    why: str                          # Polish; "" when update.yaml does not say


@dataclass(frozen=True)
class CarriedFigure:
    key: str                          # "heat.yaml: sectors.housing.floor_area_m2"
    what: str
    year: int
    source: str


@dataclass(frozen=True)
class MeasureOutcome:
    measure: str
    status: str
    detail: str
    source: str


@dataclass(frozen=True)
class PreviousInvestment:
    """A network investment the previous plan listed from an operator's plan, and what is known of it now."""
    operator: str                     # Polish: whose plan ("operator systemu dystrybucyjnego (PGE Dystrybucja S.A.)")
    plan: str                         # the plan the previous document cited ("" when it named none)
    investment: str                   # as the previous plan put it
    status: str                       # from update.yaml measures, else UNCONFIRMED
    source: str = ""


UNCONFIRMED = "do potwierdzenia przez operatora"


@dataclass(frozen=True)
class PlanUpdate:
    """Result `plan_update`: the plan this document updates and how the two compare."""
    previous_title: str
    previous_date_text: str           # "czerwcu 2022" (locative: "opracowany w czerwcu 2022 r.")
    previous_year: int
    previous_resolution: str          # "uchwała nr … z dnia …" or "" when unknown
    previous_base_year: int | None    # None: the previous content folder is not given
    previous_period_text: str         # "2022–2025 z perspektywą do 2037 r."
    base_year: int
    years_since_previous: int         # whole years between the two documents' dates
    years_since_words: str            # the same in running text: "cztery" (below 10 in words), else digits
    update_due_text: str              # the day the update was due (art. 19 ust. 2), e.g. "30.06.2025"
    update_overdue: bool              # this document is dated after that day
    scenario_labels: tuple[str, ...]  # previous plan's scenarios (recommended first)
    scenario_count_locative: str      # "dwóch" (w dwóch scenariuszach)
    past_years: tuple[int, ...]       # previous target years now reached
    heat: tuple[ComparedFigure, ...]
    carriers: tuple[ComparedFigure, ...]
    emissions: tuple[ComparedFigure, ...]
    electricity: tuple[ComparedFigure, ...]
    population: ComparedFigure | None
    planned: tuple[PlannedFigure, ...]
    co2_factors_text: str             # which electricity CO₂ factor each base year's emissions use (when they differ)
    carried: tuple[CarriedFigure, ...]
    measures: tuple[MeasureOutcome, ...] = ()
    previous_investments: tuple[PreviousInvestment, ...] = ()
    published_sources: tuple[str, ...] = ()   # the previous plan's tables of the published figures
    published_differences: tuple[PublishedDifference, ...] = ()
    previous_revised_changes: int = 0  # data changes of the previous plan's accepted comments applied (the plan as adopted)

    @property
    def measures_done(self) -> int:
        return sum(1 for m in self.measures if m.status == "zrealizowane")

    @property
    def has_carried(self) -> bool:
        return bool(self.carried)

    @property
    def carried_years(self) -> tuple[int, ...]:
        return tuple(sorted({c.year for c in self.carried}))

    def carried_in(self, *files: str) -> tuple[CarriedFigure, ...]:
        """The carried-over figures of the given content files (for the note under a chapter that shows them)."""
        return tuple(c for c in self.carried if c.key.split(": ", 1)[0] in files)


MONTHS_LOCATIVE = ["styczniu", "lutym", "marcu", "kwietniu", "maju", "czerwcu", "lipcu", "sierpniu", "wrześniu",
                   "październiku", "listopadzie", "grudniu"]
POLLUTANT_LABELS = {"pm10": "pył PM10", "pm25": "pył PM2,5", "co2": "CO₂", "bap": "benzo(a)piren", "so2": "SO₂",
                    "nox": "NOₓ", "co": "CO"}
POLLUTANT_GENITIVE = {"pm10": "pyłu PM10", "co2": "CO₂"}
POLLUTANT_UNITS = {"bap": "kg/rok"}     # B(a)P shown in kg (the others in Mg)


def _carried_year(carried, prefixes: tuple[str, ...]) -> int | None:
    """The year of a carried-over key that covers one of the figure's inputs (key and prefix on one path)."""
    for c in carried:
        for p in prefixes:
            if c.key == p or c.key.startswith(p + ".") or p.startswith(c.key + "."):
                return c.year
    return None


def _figure(label, unit, prev, curr, carried, prefixes) -> ComparedFigure:
    return ComparedFigure(label, unit, prev, curr, up.change_pct(curr, prev), _carried_year(carried, prefixes))


# folders whose results are being computed up an update chain (A updates B which "updates" A would never end);
# a context variable, so the guard belongs to the build that runs and is restored however it ends
_CHAIN: ContextVar[frozenset[Path]] = ContextVar("update_chain", default=frozenset())


def _update_years(on) -> int:
    """art. 19 ust. 2 PE: the update is due at least every N years – the dated term of rules/procedure.yaml."""
    from reportgen.procedure.law import load_procedure_rules  # lazy: only documents that update a plan need it
    return load_procedure_rules().term("update_years", on).value


def _keep_previous_folder(copy: Path, original: Path) -> None:
    """A temporary copy of a plan that itself updates one: its relative previous.folder is made absolute against the
    original folder, so the chain still reaches the plan before it."""
    import yaml

    from reportgen.inputs.yamlio import load_yaml
    path = copy / UPDATE_FILE
    if not path.is_file():
        return
    data, _ = load_yaml(path)
    prev = data.get("previous") if isinstance(data, dict) else None
    if isinstance(prev, dict) and isinstance(prev.get("folder"), str) and not Path(prev["folder"]).is_absolute():
        prev["folder"] = str((original / prev["folder"]).resolve())
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


def _previous_context(ctx: Context, folder: Path) -> tuple[Context, int]:
    """The previous plan's results as adopted: its content folder with the data changes of the comments accepted
    in its consultation applied (the revision `reportgen build` makes, reportgen.procedure.revision), and the
    number of those changes."""
    from reportgen.build import load_context  # lazy: the build imports the methods
    from reportgen.procedure.revision import adopted_folder
    from reportgen.results import compute_results
    here, there = ctx.content.folder.resolve(), folder.resolve()
    chain = _CHAIN.get() | {here}
    if there in chain:
        raise UserError(f"{ctx.content.folder / UPDATE_FILE}, klucz previous.folder: poprzednie projekty założeń "
                        f"wskazują na siebie nawzajem ({there}) – podaj katalog danych projektu, który ta "
                        "aktualizacja zastępuje.")
    token = _CHAIN.set(chain | {there})
    try:
        with adopted_folder(folder) as (adopted, changes):
            if adopted != folder:
                _keep_previous_folder(adopted, folder)
            try:
                prev = load_context(adopted)
                compute_results(prev)
            except UserError as exc:
                # name the user's folder, not the temporary copy that is gone by the time the message is read
                raise UserError([m.replace(str(adopted), str(folder)) for m in exc.messages]) from None
    finally:
        _CHAIN.reset(token)
    return prev, len(changes)


def _heat(ctx, prev, carried) -> tuple[ComparedFigure, ...]:
    labels = ctx.vocabulary.get("sectors", {})
    now, before = ctx.value("heat"), prev.value("heat")
    rows = []
    for s in SECTOR_ORDER:
        if s in now["sectors"] and s in before["sectors"]:
            rows.append(_figure(labels.get(s, {}).get("label", s), "GJ/rok", before["sectors"][s].final_gj, now["sectors"][s].final_gj,
                                carried, (f"heat.yaml: sectors.{s}",)))
    rows.append(_figure("Razem", "GJ/rok", before["total_final_gj"], now["total_final_gj"], carried, ("heat.yaml: sectors",)))
    return tuple(rows)


def _carriers(ctx, prev, carried) -> tuple[ComparedFigure, ...]:
    if not (ctx.has("carrier_totals") and prev.has("carrier_totals")):
        return ()
    now, before = ctx.value("carrier_totals")["gj"], prev.value("carrier_totals")["gj"]
    labels = ctx.vocabulary["carriers"]
    return tuple(_figure(labels[c]["label"], "GJ/rok", before.get(c, 0.0), now.get(c, 0.0), carried,
                         ("carriers.yaml: shares_pct", "heat.yaml: sectors"))
                 for c in dict.fromkeys([*before, *now]))


def _total_emissions(c: Context) -> dict[str, float]:
    e = c.value("emissions")
    return {p: sum(v[p] for v in e.values()) for p in POLLUTANTS}


def _emissions(ctx, prev, carried) -> tuple[ComparedFigure, ...]:
    if not (ctx.has("emissions") and prev.has("emissions")):
        return ()
    now, before = _total_emissions(ctx), _total_emissions(prev)
    scale = {"bap": 1000.0}
    return tuple(_figure(POLLUTANT_LABELS[p], POLLUTANT_UNITS.get(p, "Mg/rok"), before[p] * scale.get(p, 1.0),
                         now[p] * scale.get(p, 1.0), carried,
                         ("carriers.yaml", "heat.yaml: sectors"))
                 for p in POLLUTANTS)


def _electricity(ctx, prev, carried) -> tuple[ComparedFigure, ...]:
    if not (ctx.has("electricity") and prev.has("electricity")):
        return ()
    now, before = ctx.value("electricity"), prev.value("electricity")
    y_now, y_before = now["years"][0], before["years"][0]
    rows = [_figure(g.label, "MWh/rok", before["by_group"][g.id][y_before], now["by_group"][g.id][y_now], carried,
                    ("electricity.yaml: groups", "electricity.yaml: year"))
            for g in now["groups"] if g.id in before["by_group"]]
    rows.append(_figure("Razem", "MWh/rok", before["total"][y_before], now["total"][y_now], carried,
                        ("electricity.yaml: groups", "electricity.yaml: year")))
    return tuple(rows)


PUBLISHED_TOLERANCE_PCT = 1.0   # a recomputation within 1 % of the published figure is the same figure (rounding)


def _published_values(item, quantity: str) -> float | None:
    """A published figure in the unit of the comparison: final energy TJ → GJ, coal as % of final energy."""
    if item is None:
        return None
    if quantity == "heat":
        return item.final_energy_tj * 1000.0 if item.final_energy_tj is not None else None
    if quantity == "coal":
        return percent_of(item.coal_tj, item.final_energy_tj) if None not in (item.coal_tj, item.final_energy_tj) else None
    return getattr(item, f"{quantity}_mg")


def _published_for(ctx, ids: list[str]) -> dict[tuple[str, int], PublishedForecast]:
    """update.yaml `published`, by (scenario id, year); a scenario the previous folder does not have is an error."""
    out = {}
    for i, item in enumerate(ctx.content.update.published):
        if item.scenario not in ids:
            raise UserError(f"{ctx.content.folder / UPDATE_FILE}, klucz published[{i}].scenario: poprzedni projekt "
                            f"nie ma scenariusza {item.scenario!r} (są: {', '.join(ids)}).")
        out[(item.scenario, item.year)] = item
    return out


def _planned(ctx, prev, carried, past: list[int]) -> tuple[tuple[PlannedFigure, ...], tuple[PublishedDifference, ...]]:
    """The previous scenarios' heat demand, coal share and PM10/CO₂ for each past target year, against the new base
    year, with the figures the previous plan published (update.yaml) and where the recomputation differs from them."""
    if not prev.has("scenarios"):
        return (), ()
    sc = prev.value("scenarios")
    ids = list(sc["scenarios"])
    shorts = [sc["scenarios"][i]["scenario"].short for i in ids]
    published = _published_for(ctx, ids)
    heat_now = ctx.value("heat")["total_final_gj"]
    coal_now = ctx.value("carrier_totals")["gj"].get("coal", 0.0) if ctx.has("carrier_totals") else None
    em_now = _total_emissions(ctx) if ctx.has("emissions") else None
    heat_keys = ("heat.yaml: sectors",)
    rows: list[PlannedFigure] = []
    differences: list[PublishedDifference] = []

    def add(quantity, label, unit, y, planned, actual, carried_from):
        items = [published.get((i, y)) for i in ids]
        shown = tuple(_published_values(item, quantity) for item in items)
        rows.append(PlannedFigure(label, unit, y, planned, actual, carried_from, shown if any(v is not None for v in shown) else ()))
        for short, item, pub, ours in zip(shorts, items, shown, planned):
            change = up.change_pct(ours, pub) if pub is not None else None
            if item is not None and pub is not None and change is not None and abs(change) > PUBLISHED_TOLERANCE_PCT:
                differences.append(PublishedDifference(short, label, unit, y, pub, ours, change, item.source,
                                                       item.why_differs.get(quantity, "")))

    for y in past:
        years = [sc["scenarios"][i]["years"][y] for i in ids]
        add("heat", "Zapotrzebowanie na energię końcową na ogrzewanie i c.w.u.", "GJ/rok", y,
            tuple(v["final_gj"] for v in years), heat_now, _carried_year(carried, heat_keys))
        if coal_now is not None and all("carriers" in v for v in years):
            add("coal", "Udział węgla w energii końcowej na potrzeby grzewcze", "%", y,
                tuple(percent_of(v["carriers"].get("coal", 0.0), sum(v["carriers"].values())) for v in years),
                percent_of(coal_now, heat_now), _carried_year(carried, heat_keys + ("carriers.yaml: shares_pct",)))
        if em_now is not None and all("emissions" in v for v in years):
            for p in ("pm10", "co2"):
                add(p, f"Emisja {POLLUTANT_GENITIVE[p]}", "Mg/rok", y, tuple(v["emissions"][p] for v in years), em_now[p],
                    _carried_year(carried, heat_keys + ("carriers.yaml",)))
    return tuple(rows), tuple(differences)


def _plain(text: str) -> str:
    """A list item of the previous plan without its list punctuation ("…,", "…;", "….")."""
    return text.strip().rstrip(",;.").strip()


def _previous_investments(ctx, prev) -> tuple[PreviousInvestment, ...]:
    """The operators' investments the previous plan listed (its text.yaml utilities: dso_investments, tso_plans),
    with the status the update's records give (update.yaml measures, same wording) or UNCONFIRMED."""
    u = (prev.content.text or {}).get("utilities", {}) or {}
    known = {_plain(m.measure): m for m in ctx.content.update.measures}
    el = prev.content.electricity
    dso = el.network.operator if el is not None and el.network is not None else ""
    items = [(f"operator systemu dystrybucyjnego ({dso})" if dso else "operator systemu dystrybucyjnego",
              u.get("dso_plan", ""), _plain(i)) for i in u.get("dso_investments", []) or []]
    if u.get("tso_plans"):
        items.append(("operator systemu przesyłowego", "", _plain(u["tso_plans"])))
    out = []
    for operator, plan, text in items:
        m = known.get(text)
        out.append(PreviousInvestment(operator, plan, text, m.status if m else UNCONFIRMED, m.source if m else ""))
    return tuple(out)


def _resolution_text(res) -> str:
    if res.number and res.date:
        return f"uchwała nr {res.number} z dnia {res.date.day}.{res.date.month:02d}.{res.date.year} r."
    return ""


@producer
def plan_update(ctx: Context) -> list[Result]:
    """Result `plan_update` for every content folder with update.yaml; the comparison with the previous plan
    (result `update_comparison`) only when update.yaml names the previous content folder."""
    upd = ctx.content.update
    if upd is None:
        return []
    g = ctx.content.gmina
    prev, revised = _previous_context(ctx, ctx.content.folder / upd.previous.folder) \
        if upd.previous.folder is not None and ctx.has("heat") else (None, 0)
    if prev is not None and not prev.has("heat"):
        prev = None
    compared = prev is not None
    carried = upd.carried_over
    targets = list(prev.value("scenarios")["years"]) if prev is not None and prev.has("scenarios") else []
    past = up.past_target_years(targets, g.base_year)
    d = upd.previous.date
    due = up.update_due(d, _update_years(g.document_date))
    fields: dict = dict(previous_base_year=None, previous_period_text="", scenario_labels=(), scenario_count_locative="",
                        heat=(), carriers=(),
                        emissions=(), electricity=(), population=None, planned=(), co2_factors_text="")
    if prev is not None:
        planned, differences = _planned(ctx, prev, carried, past)
        pg = prev.content.gmina
        pp = pg.period
        fields = dict(
            previous_base_year=pg.base_year,
            previous_period_text=f"{pp.start}–{pp.end}" + (f" z perspektywą do {pp.horizon} r." if pp.horizon > pp.end else ""),
            scenario_labels=tuple(v["scenario"].short for v in prev.value("scenarios")["scenarios"].values())
            if prev.has("scenarios") else (),
            scenario_count_locative=in_words(ctx.vocabulary, len(prev.value("scenarios")["scenarios"]), "locative")
            if prev.has("scenarios") else "",
            heat=_heat(ctx, prev, carried), carriers=_carriers(ctx, prev, carried),
            emissions=_emissions(ctx, prev, carried), electricity=_electricity(ctx, prev, carried),
            population=_figure("Liczba mieszkańców", "os.", pg.population, g.population, carried, ("gmina.yaml: population",)),
            planned=planned,
            previous_investments=_previous_investments(ctx, prev),
            published_differences=differences,
            published_sources=tuple(dict.fromkeys(p.source for p in upd.published if p.year in past)),
            co2_factors_text=_co2_factors_text(prev, ctx))
    value = PlanUpdate(
        previous_title=upd.previous.title,
        previous_date_text=f"{MONTHS_LOCATIVE[d.month - 1]} {d.year}",
        previous_year=d.year,
        previous_resolution=_resolution_text(upd.previous.resolution),
        base_year=g.base_year,
        years_since_previous=up.whole_years_between(d, g.document_date),
        years_since_words=in_words(ctx.vocabulary, up.whole_years_between(d, g.document_date), "nominative"),
        update_due_text=f"{due.day:02d}.{due.month:02d}.{due.year}",
        update_overdue=g.document_date > due,
        past_years=tuple(past),
        carried=tuple(CarriedFigure(c.key, c.what, c.year, c.source) for c in carried),
        measures=tuple(MeasureOutcome(m.measure, m.status, m.detail, m.source) for m in upd.measures),
        previous_revised_changes=revised,
        **fields,
    )
    out = [Result("plan_update", value, [qualname(up.change_pct), qualname(up.past_target_years), qualname(percent_of)],
                  ["update.yaml"] + ([f"{upd.previous.folder} (poprzedni projekt założeń)", "wynik: heat",
                                      "wynik: carrier_totals", "wynik: emissions", "wynik: electricity",
                                      "wynik: scenarios"] if compared else []))]
    if compared:                # the sections comparing both plans exist only with the previous plan's data
        out.append(Result("update_comparison", value, [], ["wynik: plan_update"]))
    if value.previous_investments:   # the operators' investments listed in the previous plan
        out.append(Result("update_investments", value.previous_investments, [], [f"{upd.previous.folder}/text.yaml: utilities"]))
    if value.measures:          # the section on measures exists only with the gmina's records
        out.append(Result("update_measures", value.measures, [], ["update.yaml: measures"]))
    return out


def _factor_text(c: Context, whose: str) -> str:
    e = c.params.entry("electricity_co2_kobize")
    data_year = dated_value_note(e, with_verification=True)   # as the emission-factor table says it
    kind = f"KOBiZE, {data_year}" if data_year else f"wskaźnik przyjęty w {whose}"
    return f"{fmt(e['value'], 0)} kg/MWh ({kind})"


def _co2_factors_text(prev: Context, ctx: Context) -> str:
    """The electricity CO₂ factor behind each base year's emissions, when the two documents used different ones
    (a change of CO₂ may then come from the factor, not from the gmina)."""
    a, b = prev.params.value("electricity_co2_kobize"), ctx.params.value("electricity_co2_kobize")
    if a == b:
        return ""
    return (f"CO₂ z ogrzewania elektrycznego: {prev.content.gmina.base_year} – {_factor_text(prev, 'poprzednim projekcie')}, "
            f"{ctx.content.gmina.base_year} – {_factor_text(ctx, 'aktualizacji')}; zmiana CO₂ wynika także ze zmiany wskaźnika.")


@producer
def data_to_collect(ctx: Context) -> list[Result]:
    """Result `data_to_collect`: Polish lines for `reportgen build` – figures carried over, to be collected."""
    upd = ctx.content.update
    if upd is None or not upd.carried_over:
        return []
    lines = tuple(f"{c.what} ({c.key}) – {CARRIED_NOTE.format(year=c.year)}" + (f"; źródło: {c.source}" if c.source else "")
                  for c in upd.carried_over)
    return [Result("data_to_collect", BuildNotice(lines), [], ["update.yaml: carried_over"])]
