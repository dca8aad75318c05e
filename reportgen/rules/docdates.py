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
# "Kraków, 2019 r.", "Knyszyn-Białystok, 2015": a place and a year alone on a line (the title page's imprint).
_PLACE_YEAR = re.compile(r"^\s*[A-ZĄĆĘŁŃÓŚŹŻ][\w\-–.ąćęłńóśźżĄĆĘŁŃÓŚŹŻ ]{1,60},\s*(?:dnia\s+)?((?:19|20)\d{2})\s*(?:r\.|rok|roku)?\s*$",
                         re.MULTILINE)
# A date that belongs to something else: an act ("ustawy z dnia 10 kwietnia 1997 r.", "Dz. U. z 2008 r."), or the
# resolution that adopted an earlier plan or that the new one repeals.
_ACT_BEFORE = re.compile(r"(?:ustaw\w*|rozporz[ąa]dz\w*|dyrektyw\w*|obwieszcz\w*|Prawo\s+\w+|kodeks\w*)\s+(?:z\s+)?(?:dnia\s+)?"
                         r"(?:\d{1,2}\s*)?$|Dz\.\s*U\.\s*(?:z\s*)?$", re.IGNORECASE)
_OTHER_DOCUMENT = re.compile(r"ustaw|rozporz|uchwa[łl]|dyrektyw|obwieszcz|Dz\.\s*U|decyzj|zarz[ąa]dzeni", re.IGNORECASE)
_EARLIER_PLAN = re.compile(r"poprzedni|dotychczasow|wcze[śs]niej|uchyl|traci\s+moc|zmieniaj[ąa]c|zmian\w*\s+uchwa[łl]|"
                           r"przyj[ęe]t\w*\s+uchwa[łl]|uchwalon\w*\s+uchwa[łl]|aktualizacj\w*\s+(?:za[łl]o[żz]e|dokumentu)\s+z",
                           re.IGNORECASE)
_RANGE = re.compile(r"na\s+lata\s+((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})", re.IGNORECASE)
_PERSPECTIVE = re.compile(r"perspektyw\w*\s+do\s+(?:roku\s+|r\.\s*)?((?:19|20)\d{2})", re.IGNORECASE)
_UNTIL = re.compile(r"\bdo\s+(?:roku\s+|r\.\s*)?((?:19|20)\d{2})", re.IGNORECASE)


@dataclass(frozen=True)
class DocDate:
    day: date
    how: str          # Polish: where the date comes from, quoted in findings
    certain: bool = True    # False: taken from the horizon's first year (findings from it are warnings)


@dataclass(frozen=True)
class Horizon:
    start: int
    end: int
    evidence: str

    @property
    def years(self) -> int:
        """Calendar years covered, both ends included: "na lata 2021–2035" = 15 years (1 I 2021 – 31 XII 2035).
        Art. 19 ust. 2 Prawa energetycznego asks for a period ("na okres co najmniej 15 lat"), and a title names
        the calendar years the plan covers."""
        return self.end - self.start + 1


def _month(token: str) -> int | None:
    token = token.lower()
    return int(token) if token.isdigit() else _MONTHS.get(token)


def find_adoption_date(text: str) -> DocDate | None:
    """Date of the council resolution printed on the title page ("uchwała Nr … z dnia 29 września 2015 r."),
    not of a resolution that adopted an earlier plan or that is repealed."""
    for m in _RESOLUTION.finditer(text):
        around = text[max(0, m.start() - 120): m.end() + 60]
        if _EARLIER_PLAN.search(around):
            continue
        month = _month(m.group(2))
        if month is None:
            continue
        try:
            day = date(int(m.group(3)), month, int(m.group(1)))
        except (TypeError, ValueError):
            continue
        return DocDate(day, f"data uchwały z pierwszej strony ({' '.join(m.group(0).split())[:120]})")
    return None


def _not_cited(text: str, m: re.Match) -> bool:
    """The match is not part of an act citation ("ustawy z dnia 10 kwietnia 1997 r.", "Dz. U. z 2008 r.")."""
    before = text[max(0, m.start() - 160): m.start()]
    if _ACT_BEFORE.search(before) or _EARLIER_PLAN.search(text[max(0, m.start() - 80): m.end() + 40]):
        return False
    # a full date "z dnia 5 maja 2010" after an act or a resolution belongs to that act or resolution
    return not (re.search(r"dnia\s+\d{1,2}\s*$", before) and _OTHER_DOCUMENT.search(before))


def find_document_date(text: str) -> DocDate | None:
    """The adoption date if printed, else the month/year of preparation (taken at its last day, to favour the plan)."""
    found = find_adoption_date(text)
    if found:
        return found
    for m in _MONTH_YEAR.finditer(text):
        if not _not_cited(text, m):
            continue
        year, month = int(m.group(2)), _MONTHS[m.group(1).lower()]
        last = calendar.monthrange(year, month)[1]
        return DocDate(date(year, month, last), f"data opracowania z pierwszej strony „{m.group(0)}” (przyjęto ostatni dzień miesiąca)")
    for pattern in (_YEAR_LINE, _PLACE_YEAR):
        y = pattern.search(text)
        if y:
            shown = " ".join(y.group(0).split())
            return DocDate(date(int(y.group(1)), 12, 31), f"rok opracowania z pierwszej strony „{shown}” (przyjęto 31 grudnia)")
    return None


def horizon_start_date(horizon: Horizon | None) -> DocDate | None:
    """No date printed: the first year of the planning period, taken as uncertain (findings from it are warnings)."""
    if horizon is None:
        return None
    return DocDate(date(horizon.start, 12, 31), f"brak daty na pierwszej stronie — przyjęto pierwszy rok okresu planowania "
                   f"({horizon.start}, 31 grudnia)", certain=False)


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
