"""Shared value types and unit constants of every method's input models and calculators (one module, no
project imports, so any layer may use it without an import cycle).

Naming: `_pct` / `Pct` hold percentages 0–100, `_share` / `Share` hold fractions 0–1; units are in the names.
Every number a user writes is finite (no .inf/.nan) and bounded (see `Quantity`)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

# --- unit conversions (exact by definition) ---------------------------------------------------------
GJ_PER_KWH = 0.0036       # 1 kWh = 3,6 MJ
GJ_PER_MWH = 3.6          # 1 MWh = 3,6 GJ
MJ_PER_KWH = 3.6
# display units of tables and charts (a block shows a result's GJ as TJ, kWh as MWh)
GJ_PER_TJ = 1000.0
KWH_PER_MWH = 1000.0
MJ_PER_GJ = 1000.0

# Upper bound of any quantity a content file may hold: far above every real gmina figure (the largest Polish
# gmina uses ~1e8 GJ a year), far below where float arithmetic breaks down.
MAX_QUANTITY = 1e12


class Strict(BaseModel):
    """Base of every content model: unknown keys are errors, values are immutable, no infinite or NaN numbers,
    no conversions (`true` is not a number, "12" is not a number; YAML already gives ints, floats and dates)."""
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False, strict=True, defer_build=True)


Year = Annotated[int, Field(ge=1990, le=2100)]            # data and planning years
BuildYear = Annotated[int, Field(ge=1800, le=2100)]       # construction years of buildings
NonNeg = Annotated[float, Field(ge=0, le=MAX_QUANTITY)]
Positive = Annotated[float, Field(gt=0, le=MAX_QUANTITY)]
Count = Annotated[int, Field(ge=0, le=MAX_QUANTITY)]
YearWindow = Annotated[tuple[Year, Year], BeforeValidator(lambda v: tuple(v) if isinstance(v, list) else v)]  # [from, to]
Pct = Annotated[float, Field(ge=0, le=100)]               # percentage 0–100
Share = Annotated[float, Field(ge=0, le=1)]               # fraction 0–1
Efficiency = Annotated[float, Field(gt=0, le=1)]          # η as a fraction, 0 < η ≤ 1

def percent_of(part: float, whole: float) -> float:
    """u = 100 · part / whole [%] (0 when the whole is 0). The ratios a document sentence states."""
    return 100 * part / whole if whole else 0.0


def percent_change(value: float, base: float) -> float:
    """Δ = 100 · value / base − 100 [%]: the change of a quantity against its base year (0 when the base is 0)."""
    return 100 * value / base - 100 if base else 0.0


def total_of(values: Iterable[float | None]) -> float:
    """Σ x_i: the total of a table's column or row ("Razem"), in the unit of the values; an absent value counts
    as 0. Results hold their totals (blocks only lay them out), so every total is one recorded calculation."""
    return sum(v or 0 for v in values)


def mean_per(total: float, count: float) -> float | None:
    """x̄ = total / count: the mean per item, e.g. energy per luminaire [kWh/a] (None when there are no items)."""
    return total / count if count else None


SHARE_TOLERANCE_PCT = 0.5  # percentages published with rounding may sum to 99,5–100,5 %


def check_shares_sum(values: dict[str, float] | list[float], what: str) -> None:
    """Percentages (0–100) of one whole must be non-negative and sum to 100 within the rounding tolerance."""
    items = list(values.values()) if isinstance(values, dict) else list(values)
    negative = [v for v in items if v < 0]
    if negative:
        raise ValueError(f"udziały {what} nie mogą być ujemne (podano {negative[0]})")
    total = sum(items)
    if abs(total - 100.0) > SHARE_TOLERANCE_PCT:
        raise ValueError(
            f"udziały {what} sumują się do {total:.2f} %, a powinny do 100 % (dopuszczalne zaokrąglenie ±{SHARE_TOLERANCE_PCT} pkt proc.)"
        )
