"""Linear trends (least squares) with the equation the plan shows in its text, forecasts, locality split.

The Knyszyn plan writes its trends the way a spreadsheet chart labels them: y = a·x + b with x = 1 for the
first year of the fitting window (equation (1): population 1995–2013, x = rok − 1994). The fitting window
is a content setting, because the plan uses different windows for different tables:
- population: 1995–2013 (Tabela 2 → równanie (1), slope −20,844 osób/rok);
- residential floor area: 2010–2013 only (Tabela 6 → Tabela 7; 2010 is a break in the BDL series);
- electricity by tariff group: 2012–2014 (Tabela 17 → Tabele 15, 18, 19).
A forecast that would fall below zero stops at zero and says so (`TrendForecast.clamped_years`).
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class LinearTrend:
    """y(rok) = intercept + slope · x, x = rok − x_origin_year (x = 1 for the first year of the window)."""
    slope: float
    intercept: float
    x_origin_year: int
    window: tuple[int, int]
    n: int
    r2: float

    def x(self, year: int) -> int:
        return year - self.x_origin_year

    def value(self, year: int) -> float:
        return self.intercept + self.slope * self.x(year)

    def equation_text(self, significant_digits: int = 5) -> str:
        """The equation as the plan prints it: 'y = −20,844x + 5217,6' (Polish decimal comma, coefficients
        rounded to `significant_digits` like a spreadsheet trend-line label). For the text, not for computing."""
        def fmt(v: float) -> str:
            if v == 0:
                return "0"
            digits = max(0, significant_digits - 1 - int(math.floor(math.log10(abs(v)))))
            return f"{abs(v):.{digits}f}".replace(".", ",")
        sign_b = "+" if self.intercept >= 0 else "−"
        sign_a = "−" if self.slope < 0 else ""
        return f"y = {sign_a}{fmt(self.slope)}x {sign_b} {fmt(self.intercept)}"


@dataclass(frozen=True)
class TrendForecast:
    """Forecast values by year; years in which the trend fell below `floor` carry the floor and are listed."""
    trend: LinearTrend
    values: dict[int, float]
    clamped_years: tuple[int, ...]

    @property
    def clamped(self) -> bool:
        return bool(self.clamped_years)


def fit_linear_trend(values_by_year: Mapping[int, float], window: tuple[int, int] | None = None) -> LinearTrend:
    """Ordinary least squares over the years of `window` (inclusive; all years when None).

    slope = Σ(x−x̄)(y−ȳ) / Σ(x−x̄)²,  intercept = ȳ − slope·x̄,  x = rok − (window start − 1).
    R² = 1 − SS_res/SS_tot. Needs at least two years in the window.
    Source: Knyszyn 2015, rozdz. 1.2 (równanie (1)), 1.3 (Tabele 6–7), 2.3 (Tabele 15, 18, 19).
    """
    years = sorted(y for y in values_by_year if window is None or window[0] <= y <= window[1])
    if len(years) < 2:
        raise ValueError(f"trend needs at least two years in the window {window}, got {years}")
    start = window[0] if window else years[0]
    end = window[1] if window else years[-1]
    origin = start - 1
    xs = [y - origin for y in years]
    ys = [float(values_by_year[y]) for y in years]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    slope = sxy / sxx
    intercept = my - slope * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - (intercept + slope * x)) ** 2 for x, y in zip(xs, ys))
    r2 = 1.0 - ss_res / ss_tot if ss_tot else 1.0
    return LinearTrend(slope=slope, intercept=intercept, x_origin_year=origin, window=(start, end), n=n, r2=r2)


def forecast(trend: LinearTrend, years: Iterable[int], floor: float = 0.0) -> TrendForecast:
    """y(rok) = max(floor, intercept + slope·x); the years where the floor applied are reported."""
    values: dict[int, float] = {}
    clamped: list[int] = []
    for year in years:
        v = trend.value(year)
        if v < floor:
            v = floor
            clamped.append(year)
        values[year] = v
    return TrendForecast(trend=trend, values=values, clamped_years=tuple(clamped))


def linear_forecast(values_by_year: Mapping[int, float], years: Iterable[int],
                    window: tuple[int, int] | list[int] | None = None, floor: float = 0.0) -> TrendForecast:
    """fit_linear_trend over `window`, then forecast for `years` (clamped at `floor`, default 0).

    Reproduces Tabela 7 (window 2010–2013 of Tabela 6), Tabela 19 (B+C, 2012–2014), Tabela 15 (G) and,
    within 0,05 %, Tabela 18 (total; the plan's step 55,97 is a transposition of the slope 55,797)."""
    return forecast(fit_linear_trend(values_by_year, (window[0], window[1]) if window else None), years, floor)


def scale_localities(base_by_locality: Mapping[str, float], base_year: int,
                     total_by_year: Mapping[int, float]) -> dict[str, dict[int, float]]:
    """Locality forecast from the gmina trend: P_i(rok) = P_i(base) · T(rok) / T(base).

    Knyszyn 2015, rozdz. 1.2: „wykorzystując równanie trendu uzyskane w wyniku analizy zmian ludności w całej
    gminie, oszacowano zmiany liczby mieszkańców w poszczególnych miejscowościach”, starting from the 2014
    register (Tabela 3). The localities then always sum to the gmina total × P(base)/T(base)."""
    base_total = total_by_year[base_year]
    if base_total <= 0:
        raise ValueError("the gmina total in the base year must be positive to split it among localities")
    return {name: {year: base * total / base_total for year, total in total_by_year.items()}
            for name, base in base_by_locality.items()}


def compound_forecast(base_value: float, base_year: int, years: Iterable[int], rate_pct_per_year: float) -> dict[int, float]:
    """V(rok) = V(base) · (1 + r/100)^(rok − base). A constant-rate alternative to the linear trend
    (Tabela 4 of the Knyszyn plan follows r ≈ −0,5825 %/rok, which the plan does not state; see
    tests/test_knyszyn_discrepancies.py)."""
    return {year: base_value * (1 + rate_pct_per_year / 100.0) ** (year - base_year) for year in years}
