"""Results from local_context.yaml: CEEB heat sources with their shares, energy poverty with its share of
households, the district heating system, the neighbours' plans and the województwo's spatial plan. Each result
exists only when the gmina gave the data (the section showing it is absent otherwise)."""
from __future__ import annotations

from dataclasses import dataclass

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
