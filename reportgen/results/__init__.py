"""Run every registered producer whose data the content folder has."""
from __future__ import annotations

from reportgen.results.base import PRODUCERS, Context, Result  # noqa: F401
from reportgen.results import indicator, scenarios, survey  # noqa: F401  (registers producers, in order)


def compute_results(ctx: Context) -> dict[str, Result]:
    for produce in PRODUCERS:
        for result in produce(ctx):
            ctx.results[result.name] = result
    return ctx.results
