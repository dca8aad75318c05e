"""Polish number formatting: 12 345,67 (non-breaking space between thousands, decimal comma)."""
from __future__ import annotations

import math

NBSP = "\u00a0"
MINUS = "\u2212"


def fmt(value, decimals: int = 0, thousands: bool = True) -> str:
    """Format a number the Polish way; None/NaN → "–" (no data). Rounds half away from zero, like a person."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    q = 10 ** decimals
    # the scaled value is first cleared of binary noise (3 t × 20,7 GJ/t × 25 % = 15,524999… must print 15,53)
    rounded = math.floor(round(abs(value) * q, 6) + 0.5) / q
    text = f"{rounded:,.{decimals}f}"
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", NBSP if thousands else "")
    # Polish usage: no separator in four-digit numbers is also accepted; we keep it for column alignment.
    if value < 0 and rounded != 0:
        text = MINUS + text
    return text


def pct(value, decimals: int = 1) -> str:
    return f"{fmt(value, decimals)}{NBSP}%"


def plural_form(n: int, one: str, few: str, many: str) -> str:
    """The Polish noun form for n: 1 rysunek, 2 rysunki, 5 rysunków, 22 rysunki, 112 rysunków."""
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many
