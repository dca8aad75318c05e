"""Comparison of an updated plan with the plan it updates (aktualizacja projektu założeń).

Source of the requirement: art. 19 ust. 2 Prawa energetycznego (the projekt założeń is updated at least every
3 years); the comparison itself is the usual content of an update chapter ("ocena realizacji"): the previous
plan's figures for its base year and for its target years now past, against the new base year's figures."""
from __future__ import annotations

from datetime import date


def change_pct(current: float, previous: float) -> float | None:
    """Relative change Δ = (X_new − X_prev) / X_prev · 100 [%]; None when X_prev = 0 (no relative change exists)."""
    if previous == 0:
        return None
    return (current - previous) / previous * 100.0


def past_target_years(target_years: list[int], new_base_year: int) -> list[int]:
    """The previous plan's forecast years that the new base year has reached (t ≤ R_new): only for these can
    'planned' be set against 'what happened'. Years in [−, R_new], ascending."""
    return sorted(y for y in target_years if y <= new_base_year)



def whole_years_between(start: date, end: date) -> int:
    """Completed years from `start` to `end` (a year is complete on the same day and month; 2022-06-30 →
    2025-06-29 is 2 years, → 2025-06-30 is 3). Source: the ordinary counting of a term in years (art. 57 § 3a KPA)."""
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


def update_due(previous: date, update_years: int) -> date:
    """The day by which the update is due: `update_years` after the previous document (art. 19 ust. 2 PE:
    at least once every 3 years); 29 February → 28 February."""
    try:
        return previous.replace(year=previous.year + update_years)
    except ValueError:
        return date(previous.year + update_years, 2, 28)
