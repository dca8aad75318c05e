"""Polish number formatting: 12 345,67 (non-breaking space between thousands, decimal comma)."""
from __future__ import annotations

import math

NBSP = "\u00a0"
MINUS = "\u2212"


def fmt(value, decimals: int = 0, thousands: bool = True) -> str:
    """Format a number the Polish way; None/NaN → "–" (no data). Rounds half away from zero, like a person."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    # the scaled value is first cleared of binary noise (3 t × 20,7 GJ/t × 25 % = 15,524999… must print 15,53)
    rounded = _scaled(value, decimals) / 10 ** decimals
    text = f"{rounded:,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP if thousands else "")
    # Polish usage: no separator in four-digit numbers is also accepted; we keep it for column alignment.
    if value < 0 and rounded != 0:
        text = MINUS + text
    return text


MAX_DECIMALS = 6   # a column needing more should change its unit (Mg → kg); below this, cell_text says "< 0,000001"


def _scaled(value: float, decimals: int) -> float:
    """|value| in units of the last printed digit, rounded as fmt rounds it."""
    return math.floor(round(abs(value) * 10 ** decimals, 6) + 0.5)


def _exact(value: float, decimals: int) -> bool:
    """value (nonzero) printed at decimals is value itself, not a rounding of it (nor zero)."""
    scaled = value * 10 ** decimals
    return round(scaled) != 0 and abs(scaled - round(scaled)) < 1e-6


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def decimals_for(values, declared: int | None) -> int:
    """The one number of decimals for a line of cells that is read together (a column; in a table of mixed
    quantities, a row), so its decimal commas align.

    declared – the precision the table declares (the published plans' tables reproduce their precision with it):
    kept, except where it would print a nonzero value as zero; then the line shows two significant digits of its
    smallest nonzero magnitude m, 1 − ⌊log₁₀ m⌋ decimals (B(a)P 0,0000185 Mg at 3 decimals → 6: 0,000018).
    None – decided from the values: the fewest decimals that print every value exactly, but no more than two
    significant digits of m need (emission factors 52 000, 4 600, 2 466,78 and 26 → none: 2 467; 160 and 0,5 → one).
    At most MAX_DECIMALS."""
    nonzero = [abs(v) for v in values if is_number(v) and v]
    if not nonzero:
        return declared or 0
    smallest = min(nonzero)
    two_digits = min(MAX_DECIMALS, max(0, 1 - math.floor(math.log10(smallest))))
    if declared is not None:
        return declared if _scaled(smallest, declared) else max(declared, two_digits)
    exact = next((d for d in range(MAX_DECIMALS) if all(_exact(v, d) for v in nonzero)), MAX_DECIMALS)
    return min(exact, two_digits)


def cell_text(value, decimals: int) -> str:
    """A number at the precision of its line; a nonzero value never reads as zero, even past MAX_DECIMALS."""
    if is_number(value) and value and not _scaled(value, decimals):
        return f"<{NBSP}{fmt(10 ** -decimals, decimals)}" if value > 0 else f">{NBSP}{fmt(-10 ** -decimals, decimals)}"
    return fmt(value, decimals)


def pct(value, decimals: int = 1) -> str:
    return f"{fmt(value, decimals)}{NBSP}%"


def plural_form(n: int, one: str, few: str, many: str) -> str:
    """The Polish noun form for n: 1 rysunek, 2 rysunki, 5 rysunków, 22 rysunki, 112 rysunków."""
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many


def plural_pl(n: int, one: str, few: str, many: str) -> str:
    """Polish plural with the number: 1 błąd, 2 błędy, 5 błędów, 22 błędy, 112 błędów."""
    return f"{n} {plural_form(n, one, few, many)}"
