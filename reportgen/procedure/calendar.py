"""Counting terms as the Kodeks postępowania administracyjnego counts them (art. 57 KPA).

- art. 57 § 1: a term in days that starts with an event does not count the day of the event; the term ends
  when the last of its days has passed.
- a term in years (the 3-year update of art. 19 ust. 2 PE) ends on the corresponding day of the last year, as
  art. 57 § 3a KPA counts years (wording of § 3a not verified in this round: see rules/procedure.yaml, KPA);
  29 February → 28 February.
- art. 57 § 4: a term ending on a public holiday or a Saturday ends on the next day that is neither.
Which days are holidays is data (rules/procedure.yaml, `calendar`), dated: the calendar in force on the day
decides (24 December is a holiday from 2025).
"""
from __future__ import annotations

from datetime import date, timedelta

from reportgen.procedure.law import ProcedureRules


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7      # 'L' of the Meeus/Jones/Butcher algorithm
    m = (a + 11 * h + 22 * weekday) // 451
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return date(year, month, day + 1)


def holidays(year: int, rules: ProcedureRules) -> dict[date, str]:
    """Public holidays of a year other than Sundays (date → name), each as in force on that date."""
    out: dict[date, str] = {}
    for h in rules.calendar.fixed_holidays:
        day = date(year, h.month, h.day)
        if h.in_force(day):
            out[day] = h.name
    easter = easter_sunday(year)
    for eh in rules.calendar.easter_holidays:
        day = easter + timedelta(days=eh.offset)
        if eh.in_force(day):
            out[day] = eh.name
    return out


def is_free_day(day: date, rules: ProcedureRules) -> bool:
    """Sunday, public holiday, or Saturday where the Saturday rule in force on that day moves a term."""
    if day.weekday() == 6 or day in holidays(day.year, rules):
        return True
    if day.weekday() == 5:
        return any(r.saturday_moves and r.in_force(day) for r in rules.calendar.saturday_rule)
    return False


def next_working_day(day: date, rules: ProcedureRules) -> date:
    while is_free_day(day, rules):
        day += timedelta(days=1)
    return day


def term_end_days(event: date, days: int, rules: ProcedureRules) -> date:
    """Last day of a term of `days` days starting with an event on `event` (art. 57 § 1 and § 4 KPA)."""
    return next_working_day(event + timedelta(days=days), rules)


def add_years(start: date, years: int) -> date:
    """The corresponding day `years` later; 29 February → 28 February."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return date(start.year + years, 2, 28)


def term_end_years(start: date, years: int, rules: ProcedureRules) -> date:
    return next_working_day(add_years(start, years), rules)
