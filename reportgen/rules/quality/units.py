"""Fuel tables whose energy column is not amount × calorific value (shifted columns, wrong units).

A table qualifies when its headers name an amount column, a calorific-value column and an energy column.
Expected energy [GJ] = amount × base(amount unit) × calorific value × GJ(cv energy unit) / base(cv per-unit);
when the units cannot be read from the headers the factor is the one most rows agree on (a power of ten or
3.6 for MWh), so that one row off the pattern — a shifted column — is still found. Tolerance 2 % (a printed
calorific value is rounded); up to 10 % a warning, beyond that an error.
"""
from __future__ import annotations

import math
import re

from reportgen.document.model import Document, Table
from reportgen.rules.findings import Finding
from reportgen.rules.numbers import format_pl, parse_number

TOLERANCE = 0.02
ERROR_BEYOND = 0.10
MIN_ROWS_FOR_PATTERN = 3

_CV = re.compile(r"warto\w*\s+opa[łl]|kaloryczn|\bWO\b|\b(?:GJ|MJ|kWh|MWh)\s*/\s*\S", re.IGNORECASE)
_ENERGY = re.compile(r"\b(GJ|MJ|TJ|kWh|MWh|GWh)\b(?!\s*/)", re.IGNORECASE)
_AMOUNT = re.compile(r"ilo[śs][ćc]|zu[żz]yci\w*\s+paliw|\[\s*(?:t|Mg|kg|m3|m³|tys\.?\s*m3|tys\.?\s*m³|l|mp|m3/rok|t/rok|Mg/rok)\s*\]",
                     re.IGNORECASE)
_EXCLUDE = re.compile(r"emisj|koszt|cen\w|z[łl]\b|udzia[łl]|%|sprawno", re.IGNORECASE)

ENERGY_GJ = {"mj": 1e-3, "gj": 1.0, "tj": 1e3, "kwh": 0.0036, "mwh": 3.6, "gwh": 3600.0}
# Mass in kg, volume in m³.
BASE = {"kg": ("mass", 1.0), "t": ("mass", 1e3), "mg": ("mass", 1e3), "m3": ("vol", 1.0), "m³": ("vol", 1.0),
        "tys.m3": ("vol", 1e3), "tys.m³": ("vol", 1e3), "tysm3": ("vol", 1e3), "l": ("vol", 1e-3),
        "dm3": ("vol", 1e-3)}
_UNIT_IN = re.compile(r"\[([^\]]{1,20})\]")


def _unit(header: str) -> str | None:
    m = _UNIT_IN.search(header)
    return "".join(m.group(1).lower().split()).replace("/rok", "") if m else None


def _factor(amount_h: str, cv_h: str, energy_h: str) -> float | None:
    """GJ of energy per (amount × cv) read from the header units, or None when they cannot be read."""
    a, c, e = _unit(amount_h), _unit(cv_h), _ENERGY.search(energy_h)
    if not (a and c and e and "/" in c):
        return None
    c_energy, c_per = c.split("/", 1)
    if a not in BASE or c_per not in BASE or c_energy not in ENERGY_GJ:
        return None
    (dim_a, base_a), (dim_c, base_c) = BASE[a], BASE[c_per]
    if dim_a != dim_c:
        return None
    return base_a / base_c * ENERGY_GJ[c_energy] / ENERGY_GJ[e.group(1).lower()]


def _columns(table: Table) -> tuple[int, int, int] | None:
    headers = [c.header for c in table.columns]
    cv = next((j for j, h in enumerate(headers) if _CV.search(h)), None)
    energy = next((j for j, h in enumerate(headers) if j != cv and _ENERGY.search(h) and not _EXCLUDE.search(h)), None)
    amount = next((j for j, h in enumerate(headers) if j not in (cv, energy) and _AMOUNT.search(h)
                   and not _EXCLUDE.search(h)), None)
    if cv is None or energy is None or amount is None:
        return None
    return amount, cv, energy


_CANDIDATES = [10.0 ** k * m for k in range(-6, 7) for m in (1.0, 1 / 3.6, 3.6)]


def _pattern(ratios: list[float]) -> float | None:
    """The factor most rows agree on, if at least two thirds of them do."""
    if len(ratios) < MIN_ROWS_FOR_PATTERN:
        return None
    for cand in _CANDIDATES:
        agree = sum(1 for r in ratios if abs(r / cand - 1) <= TOLERANCE)
        if agree * 3 >= 2 * len(ratios):
            return cand
    return None


def findings(doc: Document) -> list[Finding]:
    out = []
    for table in doc.tables():
        cols = _columns(table)
        if cols is None:
            continue
        amount, cv, energy = cols
        rows = []
        for i, row in enumerate(table.rows):
            if i in table.total_rows or len(row) <= max(cols):
                continue
            na, nc, ne = (parse_number(row[j]) for j in cols)
            if na and nc and ne and na.value > 0 and nc.value > 0 and ne.value > 0 and not (na.dash or nc.dash or ne.dash):
                rows.append((i, na.value, nc.value, ne.value))
        if not rows:
            continue
        headers = [table.columns[j].header for j in cols]
        factor = _factor(*headers) or _pattern([e / (a * c) for _, a, c, e in rows])
        if factor is None:
            continue
        name = f"{table.caption_label} {table.number}" if table.number is not None else "Tabela bez numeru"
        for i, a, c, e in rows:
            expected = a * c * factor
            off = abs(e - expected) / expected
            if off <= TOLERANCE or math.isclose(e, expected, rel_tol=TOLERANCE):
                continue
            label = next((x for x in table.rows[i][:2] if x and parse_number(x) is None), f"wiersz {i + 1}")
            out.append(Finding(
                "Q-UNIT", "error" if off > ERROR_BEYOND else "warning",
                f"{name}: energia paliwa „{label}” ({format_pl(e, 2)}) nie równa się ilość × wartość opałowa "
                f"({format_pl(a, 2)} × {format_pl(c, 3)} = {format_pl(expected, 2)} w jednostkach kolumny "
                f"„{headers[2]}”); różnica {off * 100:.0f} % — sprawdź, czy kolumny nie są przesunięte.",
                f"{name} ({table.location.describe()}) — wiersz tabeli „{label}”",
                f"kolumny: „{headers[0]}”, „{headers[1]}”, „{headers[2]}”",
                "Popraw wartości w wierszu (ilość, wartość opałowa i energia muszą do siebie pasować) "
                "albo jednostki w nagłówkach."))
    return out
