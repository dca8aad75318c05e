"""Results from local_context.yaml: CEEB heat sources with their shares, energy poverty with its share of
households, the district heating system, the neighbours' plans and the województwo's spatial plan. Each result
exists only when the gmina gave the data (the section showing it is absent otherwise)."""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.methods.indicator.transition_text import in_words
from reportgen.quantities import percent_of
from reportgen.results import Context, Result, producer, qualname


@dataclass(frozen=True)
class CEEBSource:
    kind: str
    count: int
    share_pct: float                 # of all declared sources


@dataclass(frozen=True)
class CEEBSummary:
    """Result `ceeb`."""
    date_text: str                   # "30.09.2026"
    buildings: int
    sources: tuple[CEEBSource, ...]  # largest first
    total_sources: int
    source: str


@dataclass(frozen=True)
class EnergyPovertySummary:
    """Result `energy_poverty`."""
    year: int
    households: int
    measure: str
    share_pct: float | None          # of all households, when the gmina gave their number
    source: str


@dataclass(frozen=True)
class MunicipalAreaScope:
    """Result `municipal_area_scope`: the municipal sector's floor area of the heat balance (heat.yaml) against the
    sum over the buildings listed in public_buildings.yaml – two inputs of different scope, shown side by side."""
    sector_area_m2: float            # heat.yaml: sectors.municipal.floor_area_m2 (balance, scenarios)
    sector_source: str
    listed_area_m2: float            # Σ floor_area_m2 of the listed buildings that give one
    listed_count: int
    with_area_count: int
    difference_m2: float             # sector − listed
    without_area_genitive: str       # how many listed buildings give no area, in running text ("pięciu")


@producer
def municipal_area_scope(ctx: Context) -> list[Result]:
    heat, pb = ctx.content.heat, ctx.content.public_buildings
    municipal = heat.sectors.get("municipal") if heat is not None else None
    if municipal is None or pb is None or not municipal.floor_area_m2:
        return []
    areas = [b.floor_area_m2 for b in pb.buildings if b.floor_area_m2]
    listed = sum(areas)
    if abs(municipal.floor_area_m2 - listed) < 0.5:
        return []
    value = MunicipalAreaScope(municipal.floor_area_m2, heat.source, listed, len(pb.buildings), len(areas),
                               municipal.floor_area_m2 - listed,
                               in_words(ctx.vocabulary, len(pb.buildings) - len(areas), "genitive"))
    return [Result("municipal_area_scope", value, [], ["heat.yaml: sectors.municipal.floor_area_m2",
                                                       "public_buildings.yaml: buildings.floor_area_m2"])]


@producer
def local_context(ctx: Context) -> list[Result]:
    lc = ctx.content.local_context
    if lc is None:
        return []
    out = []
    if lc.ceeb:
        c = lc.ceeb
        total = sum(c.sources.values())
        rows = tuple(sorted((CEEBSource(k, n, percent_of(n, total)) for k, n in c.sources.items()),
                            key=lambda s: -s.count))
        out.append(Result("ceeb", CEEBSummary(c.date.strftime("%d.%m.%Y"), c.buildings, rows, total, c.source),
                          [qualname(percent_of)], ["local_context.yaml: ceeb"]))
    if lc.energy_poverty:
        p = lc.energy_poverty
        share = percent_of(p.households, p.all_households) if p.all_households else None
        out.append(Result("energy_poverty", EnergyPovertySummary(p.year, p.households, p.measure, share, p.source),
                          [qualname(percent_of)], ["local_context.yaml: energy_poverty"]))
    if lc.district_heating:
        out.append(Result("district_heating", lc.district_heating, [], ["local_context.yaml: district_heating"]))
    if lc.neighbour_plans:
        out.append(Result("neighbour_plans", tuple(lc.neighbour_plans), [], ["local_context.yaml: neighbour_plans"]))
    if lc.voivodeship_plan:
        out.append(Result("voivodeship_plan", lc.voivodeship_plan, [], ["local_context.yaml: voivodeship_plan"]))
    return out
