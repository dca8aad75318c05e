"""Provenance is recorded, not declared: a result's calculators are the calculator functions its producer called
(`reportgen explain` shows them), and every result is a frozen dataclass."""
from __future__ import annotations

import dataclasses

import pytest

from reportgen.quantities import percent_of
from reportgen.results import Context, Result, _run_recorded

HEAT = "reportgen.methods.indicator.calc.heat."


def test_calls_between_results_belong_to_the_next_result():
    def produce(ctx) -> list[Result]:
        first = Result("a", percent_of(1, 4))          # percent_of called before a: a's calculator
        second = Result("b", 2.0)                       # nothing called in between
        return [first, second]

    ctx = Context(content=None, params=None, vocabulary={})     # type: ignore[arg-type]
    a, b = _run_recorded(produce, ctx)
    assert a.calculators == ["reportgen.quantities.percent_of"]
    assert b.calculators == []


def test_kluki_heat_lists_exactly_the_heat_calculators(kluki_build):
    heat = kluki_build.context.results["heat"].calculators
    # heat_balance calls, in this order: indicator_sector_heat (period_indicator, weighted, useful, dhw, final) for
    # housing and business, measured_sector_heat for municipal, power_mw, percent_of, shares_pct (floor area)
    for name in ("indicator_sector_heat", "period_indicator_kwh_m2a", "weighted_indicator_kwh_m2a", "useful_heat_gj",
                 "dhw_heat_kwh", "final_energy_gj", "measured_sector_heat", "power_mw", "shares_pct"):
        assert HEAT + name in heat
    assert not [c for c in heat if ".emissions." in c or ".scenarios." in c]
    assert kluki_build.context.results["carriers"].calculators == [
        "reportgen.methods.indicator.calc.emissions.carrier_energy_gj"]


@pytest.mark.parametrize("build", ["kluki_build", "knyszyn_build"])
def test_every_result_is_a_frozen_dataclass(build, request):
    for name, result in request.getfixturevalue(build).context.results.items():
        value = result.value
        assert dataclasses.is_dataclass(value), name
        assert type(value).__dataclass_params__.frozen, name      # type: ignore[union-attr]
