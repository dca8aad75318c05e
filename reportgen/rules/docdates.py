"""Dates and planning horizon read from a plan's title and first page."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_GENITIVE = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
             "września", "października", "listopada", "grudnia"]
_NOMINATIVE = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień",
               "wrzesień", "październik", "listopad", "grudzień"]
_MONTHS = {name: i + 1 for i, name in enumerate(_GENITIVE)} | {name: i + 1 for i, name in enumerate(_NOMINATIVE)}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

_RESOLUTION = re.compile(
    r"uchwa[łl]\w*\s+(?:nr\s+)?\S+.{0,160}?\bz\s+dnia\s+(\d{1,2})[\s.]+(" + _MONTH_ALT + r"|\d{1,2})[\s.]+(\d{4})",
    re.IGNORECASE | re.DOTALL)
_MONTH_YEAR = re.compile(r"\b(" + _MONTH_ALT + r")\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_YEAR_LINE = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:r\.|rok)?\s*$", re.MULTILINE)
_RANGE = re.compile(r"na\s+lata\s+((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})", re.IGNORECASE)
_PERSPECTIVE = re.compile(r"perspektyw\w*\s+do\s+(?:roku\s+|r\.\s*)?((?:19|20)\d{2})", re.IGNORECASE)
_UNTIL = re.compile(r"\bdo\s+(?:roku\s+|r\.\s*)?((?:19|20)\d{2})", re.IGNORECASE)


@dataclass(frozen=True)
class DocDate:
    day: date
    how: str          # Polish: where the date comes from, quoted in findings


@dataclass(frozen=True)
class Horizon:
    start: int
    end: int
    evidence: str

    @property
    def years(self) -> int:
        return self.end - self.start


def _month(token: str) -> int | None:
    token = token.lower()
    return int(token) if token.isdigit() else _MONTHS.get(token)


def find_adoption_date(text: str) -> DocDate | None:
    """Date of the council resolution printed on the title page ("uchwała Nr … z dnia 29 września 2015 r.")."""
    m = _RESOLUTION.search(text)
    if not m:
        return None
    month = _month(m.group(2))
    try:
        day = date(int(m.group(3)), month, int(m.group(1)))
    except (TypeError, ValueError):
        return None
    return DocDate(day, f"data uchwały z pierwszej strony ({' '.join(m.group(0).split())[:120]})")


def find_document_date(text: str) -> DocDate | None:
    """The adoption date if printed, else the month/year of preparation (taken at its last day, to favour the plan)."""
    found = find_adoption_date(text)
    if found:
        return found
    m = _MONTH_YEAR.search(text)
    if m:
        year, month = int(m.group(2)), _MONTHS[m.group(1).lower()]
        last = calendar.monthrange(year, month)[1]
        return DocDate(date(year, month, last), f"data opracowania z pierwszej strony „{m.group(0)}” (przyjęto ostatni dzień miesiąca)")
    m = _YEAR_LINE.search(text)
    if m:
        return DocDate(date(int(m.group(1)), 12, 31), f"rok opracowania z pierwszej strony „{m.group(1)}” (przyjęto 31 grudnia)")
    return None


def find_horizon(text: str, fallback_start: int | None = None) -> Horizon | None:
    """Planning period from the title: "na lata 2015-2030", "… z perspektywą do 2037 roku", "… do roku 2035"."""
    flat = " ".join(text.split())
    m = _RANGE.search(flat)
    start = end = None
    evidence = []
    if m:
        start, end = int(m.group(1)), int(m.group(2))
        evidence.append(m.group(0))
    p = _PERSPECTIVE.search(flat)
    if p:
        evidence.append(p.group(0))
        end = max(end or 0, int(p.group(1)))
    if start is None:
        u = _UNTIL.search(flat)
        if u and fallback_start is not None:
            start, end = fallback_start, max(end or 0, int(u.group(1)))
            evidence.append(u.group(0))
    if start is None or end is None:
        return None
    return Horizon(start, end, "; ".join(evidence))


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:          # 29 February
        return day.replace(year=day.year + years, day=28)
