"""local_context.yaml: facts a 2026 reviewer asks about that only the gmina can give – heat sources declared in the
CEEB (Centralna Ewidencja Emisyjności Budynków), energy poverty, the district heating system, the neighbours'
plans and the województwo's spatial plan. Every part is optional; a part without data is absent from the document."""
from __future__ import annotations

import datetime as dt

from pydantic import Field

from reportgen.quantities import Count, NonNeg, Strict, Year


class CEEBExtract(Strict):
    date: dt.date                                   # date of the extract from the register
    buildings: Count                                # buildings with a declaration in the gmina
    sources: dict[str, Count] = Field(min_length=1)  # heat source type (Polish, as the register names it) -> count
    source: str = Field(min_length=1)


class EnergyPoverty(Strict):
    year: Year
    households: Count                               # households receiving energy-related allowances
    measure: str = Field(min_length=1)              # Polish: which allowance or programme
    all_households: Count | None = None             # households in the gmina (for the share)
    source: str = Field(min_length=1)


class DistrictHeating(Strict):
    operator: str = Field(min_length=1)
    network_km: NonNeg
    capacity_mw: NonNeg
    fuel: str = Field(min_length=1)                 # Polish
    efficient_system: bool | None = None            # "efektywny system ciepłowniczy" per art. 7b PE, if known
    source: str = Field(min_length=1)


class NeighbourPlan(Strict):
    gmina: str = Field(min_length=1)
    document: str = Field(min_length=1)             # the neighbour's projekt założeń (title, year)
    common_topics: str = Field(min_length=1)        # Polish: what both plans must agree on


class VoivodeshipPlan(Strict):
    title: str = Field(min_length=1)                # plan zagospodarowania przestrzennego województwa (uchwała)
    provisions: str = Field(min_length=1)           # Polish: what it provides for the gmina's energy infrastructure


class LocalContextInputs(Strict):
    ceeb: CEEBExtract | None = None
    energy_poverty: EnergyPoverty | None = None
    district_heating: DistrictHeating | None = None
    neighbour_plans: list[NeighbourPlan] = []
    voivodeship_plan: VoivodeshipPlan | None = None


