"""Survey results shown as figures of the survey method (Knyszyn 2015): age structures (rysunki 16–17), electricity
use per person by household size (rysunek 10) and fuel energy per m² by period of construction (rysunek 18).

Read from household_survey.yaml only, so the producer does not depend on the order producers run in."""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.methods.survey.calc import age_structure as ag
from reportgen.methods.survey.calc import electricity_survey as es
from reportgen.methods.survey.calc import municipal as mu
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


@dataclass(frozen=True)
class SurveySpecificUse:
    """Use per unit by group of the survey: `labels` (household sizes or periods) with one value each."""
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str
    year: int
    source: str


@producer
def survey_electricity_by_household_size(ctx: Context) -> list[Result]:
    """e_i = E_i / N_i [kWh/(osoba·rok)] for each household size i (rysunek 10), when the survey gives the groups."""
    s = ctx.content.household_survey
    if s is None or not s.electricity.by_household_size:
        return []
    groups = s.electricity.by_household_size
    value = SurveySpecificUse(tuple(g.size for g in groups), tuple(es.per_capita_kwh(g.energy_kwh, g.persons) for g in groups),
                              "kWh/(osoba·rok)", s.year, s.source)
    return [Result("survey_electricity_by_household_size", value,
                   inputs=["household_survey.yaml: electricity.by_household_size"])]


@producer
def survey_fuel_energy_by_period(ctx: Context) -> list[Result]:
    """q_p = Q_p / A_p [GJ/(m²·rok)] for each period of construction p (rysunek 18), when the survey gives them."""
    s = ctx.content.household_survey
    if s is None or not s.fuel_energy_by_period:
        return []
    periods = tuple(s.fuel_energy_by_period)
    value = SurveySpecificUse(periods, tuple(mu.heat_indicator_gj_m2(s.fuel_energy_by_period[p].fuel_energy_gj,
                                                                     s.fuel_energy_by_period[p].area_m2) for p in periods),
                              "GJ/(m²·rok)", s.year, s.source)
    return [Result("survey_fuel_energy_by_period", value, inputs=["household_survey.yaml: fuel_energy_by_period"])]
