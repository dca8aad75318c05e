"""Age structure of the surveyed stock: totals and shares by period (of boiler installation, of construction or
thermal modernisation). Knyszyn 2015, rozdz. 3.1: rysunki 16–17 drawn from Tabele 27 and 30."""
from __future__ import annotations

from collections.abc import Mapping

from reportgen.methods.survey.calc.savings import row_shares_pct


def period_totals(table: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    """A_p = Σ_a v_p,a: one period's total over all survey answers (units of the table: pieces or m²).
    Tabela 30 „Liczba źródeł”: do 1980 → 19 + 21 + 9 + 17 = 66 szt.; Tabela 27 „powierzchnia łącznie”:
    do 1980 → 7 926 + 2 937 + 746 + 976 = 12 585 m²."""
    return {period: float(sum(row.values())) for period, row in table.items()}


def period_shares_pct(table: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    """s_p = A_p / Σ_p A_p · 100 [%]: the share of each period in the whole sample.
    Tabela 30: 66 / 265 · 100 = 24,9 % of boilers installed before 1981; Tabela 26 „powierzchnia łącznie”:
    12 585 / 44 400,7 · 100 = 28,3 % of the surveyed floor area in buildings of the period „do 1980”."""
    return row_shares_pct(period_totals(table))
