"""Age structures of the surveyed stock for the figures of the survey method (Knyszyn 2015, rysunki 16–17).

Read from household_survey.yaml only, so the producer does not depend on the order producers run in."""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.methods.survey.calc import age_structure as ag
from reportgen.results import Context, Result, producer, qualname


@dataclass(frozen=True)
class AgeStructure:
    """Totals and shares of one survey table by period; `unit` is that of the totals (szt., m²)."""
    periods: tuple[str, ...]
    totals: tuple[float, ...]
    shares_pct: tuple[float, ...]
    unit: str


@dataclass(frozen=True)
class SurveyAgeStructures:
    boilers_by_count: AgeStructure      # Tabela 30, liczba źródeł
    boilers_by_area: AgeStructure       # Tabela 30, powierzchnia ogrzewana
    buildings_by_area: AgeStructure     # Tabela 27, powierzchnia łącznie (rok budowy lub termomodernizacji)
    year: int
    source: str


def _structure(table, unit: str) -> AgeStructure:
    totals, shares = ag.period_totals(table), ag.period_shares_pct(table)
    periods = tuple(table)
    return AgeStructure(periods, tuple(totals[p] for p in periods), tuple(shares[p] for p in periods), unit)


@producer
def survey_age_structures(ctx: Context) -> list[Result]:
    s = ctx.content.household_survey
    if s is None:
        return []
    value = SurveyAgeStructures(_structure(s.boilers.count, "szt."), _structure(s.boilers.area_m2, "m²"),
                                _structure(s.thermo_intentions_m2, "m²"), s.year, s.source)
    return [Result("survey_age_structures", value, [qualname(ag.period_totals), qualname(ag.period_shares_pct)],
                   ["household_survey.yaml: boilers.count, boilers.area_m2, thermo_intentions_m2"])]
