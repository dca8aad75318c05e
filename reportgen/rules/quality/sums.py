"""Totals that are not the sum of their rows or columns, and shares that do not add up to 100 %.

A printed value x with d decimals may be off by 0.5·10^-d, so a sum of n printed values may differ from a
printed total by up to the sum of those half-units (tolerance derived from the printed decimals). A row
labelled "łącznie"/"razem" is often a weighted average or an indicator, not a sum; to keep false positives
out a mismatch is reported only when the row is clearly meant as a sum: another column of the same total
row adds up, or the total equals the sum with one row left out, or it is a shares column printed as 100 %.
A total lying between the smallest and the largest value it summarises is taken for an average.
Values are only added to values of the same kind (a "[%]" row never enters a sum of GJ), indicator columns
(per m², rates, efficiencies) are skipped, and "-" counts as zero ("b/d" as no value).
"""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.document.model import Document, Table
from reportgen.rules.findings import Finding
from reportgen.rules.numbers import Num, clean_cell, format_pl, is_missing, is_year, parse_number
from reportgen.rules.tablelabels import is_indicator, is_percent_header, is_total_column

# A difference up to a few rounding tolerances can come from rounding intermediate results twice: a warning.
# Beyond that the printed total cannot come from the printed rows: an error.
ERROR_TOLERANCES = 5


@dataclass
class _Cell:
    num: Num | None
    missing: bool


@dataclass
class _Result:
    status: str               # match | mismatch | none
    values: list[float]
    total: Num
    decimals: int = 0         # most decimals printed among the values (for messages)
    expected: float = 0.0
    tolerance: float = 0.0
    rows: list[int] | None = None

    @property
    def verified(self) -> bool:
        return self.status == "match" and sum(1 for v in self.values if v != 0) >= 2


class _Grid:
    def __init__(self, table: Table):
        self.table = table
        self.width = max([len(table.columns)] + [len(r) for r in table.rows])
        self.headers = [c.header if i < len(table.columns) else "" for i, c in enumerate(table.columns)]
        self.headers += [""] * (self.width - len(self.headers))
        self.cells = []
        for row in table.rows:
            out = []
            for j in range(self.width):
                raw = row[j] if j < len(row) else ""
                dec = table.columns[j].decimals if j < len(table.columns) else None
                out.append(_Cell(parse_number(raw, dec), is_missing(raw)))
            self.cells.append(out)
        self.kinds = [self._kind(i) for i in range(len(table.rows))]

    def percent(self, j: int, num: Num) -> bool:
        kind = self.table.columns[j].kind if j < len(self.table.columns) else "number"
        return num.percent or kind == "percent" or is_percent_header(self.headers[j])

    def label(self, i: int) -> str:
        row = self.table.rows[i]
        for cell in row[:3]:
            text = clean_cell(str(cell)) if cell is not None else ""
            if text and parse_number(text) is None:
                return text
        return f"wiersz {i + 1}"

    def _kind(self, i: int) -> str:
        if i in self.table.total_rows:
            return "total"
        row = self.table.rows[i]
        nonempty = [c for c in row if c is not None and str(c).strip()]
        numbers = [c.num for c in self.cells[i] if c.num is not None]
        if not nonempty:
            return "empty"
        if not numbers and not any(c.missing for c in self.cells[i]):
            return "header" if len(nonempty) >= 2 else "group"
        first = clean_cell(str(row[0])).lower() if row else ""
        rest = [c.num for c in self.cells[i][1:] if c.num is not None]
        if rest and all(is_year(n) for n in rest) and (not first or first.startswith(("rok", "lata"))):
            return "header"
        return "data"


def findings(doc: Document) -> list[Finding]:
    out = []
    for table in doc.tables():
        if len(table.rows) < 2:
            continue
        grid = _Grid(table)
        out += _column_totals(grid)
        out += _row_totals(grid)
    return out


def _name(table: Table) -> str:
    if table.number is not None and table.caption_label:
        return f"{table.caption_label} {table.number}"
    return "Tabela bez numeru"


def _where(grid: _Grid, i: int, j: int) -> str:
    header = clean_cell(grid.headers[j]) or f"kolumna {j + 1}"
    return f"{_name(grid.table)} ({grid.table.location.describe()}) — wiersz tabeli „{grid.label(i)}”, kolumna „{header}”"


def _compare(values: list[Num], total: Num) -> tuple[bool, float, float]:
    expected = sum(v.value for v in values)
    tol = sum(v.tolerance() for v in values) + total.tolerance() + 1e-9 * max(1.0, abs(expected))
    return abs(expected - total.value) <= tol, expected, tol


def _segment(grid: _Grid, t: int) -> tuple[int, list[int]]:
    start = -1
    for k in range(t - 1, -1, -1):
        if grid.kinds[k] == "header":
            start = k
            break
    return start, [k for k in range(start + 1, t) if grid.kinds[k] == "total"]


def _collect(grid: _Grid, rows: list[int], j: int, total: Num) -> tuple[list[Num], list[int]]:
    values, used = [], []
    for k in rows:
        num = grid.cells[k][j].num
        if num is not None and grid.percent(j, num) == grid.percent(j, total):
            values.append(num)
            used.append(k)
    return values, used


def _column_result(grid: _Grid, t: int, j: int) -> _Result | None:
    total = grid.cells[t][j].num
    if total is None or total.dash or is_indicator(grid.headers[j]):
        return None
    start, inner_totals = _segment(grid, t)
    after = inner_totals[-1] if inner_totals else start
    s1 = [k for k in range(after + 1, t) if grid.kinds[k] == "data"]
    if not s1 and not inner_totals:                      # total printed above its rows
        end = next((k for k in range(t + 1, len(grid.kinds)) if grid.kinds[k] in ("total", "header")), len(grid.kinds))
        s1 = [k for k in range(t + 1, end) if grid.kinds[k] == "data"]
    s2 = [k for k in range(start + 1, t) if grid.kinds[k] == "data"]
    s4 = [k for k in range(start + 1, t) if grid.kinds[k] in ("data", "total")]
    values, used = _collect(grid, s1, j, total)
    if not values:
        return _Result("none", [], total)
    ok, expected, tol = _compare(values, total)
    if not ok:
        # other readings of the rows above: a grand total over subtotals, or items listed with their subtotals
        whole, _ = _collect(grid, s2, j, total)
        both, _ = _collect(grid, s4, j, total)
        ok = (len(whole) > len(values) and _compare(whole, total)[0]) or (bool(both) and _compare_half(both, total)[0])
    if ok:
        return _Result("match", [v.value for v in values], total)
    return _Result("mismatch", [v.value for v in values], total, _decimals(values), expected, tol, used)


def _decimals(values: list[Num]) -> int:
    return max((v.decimals or 0) for v in values) if values else 0


def _compare_half(values: list[Num], total: Num) -> tuple[bool, float, float]:
    """Rows above include the items and their subtotals, so they add up to twice the total."""
    if not values:
        return False, 0.0, 0.0
    ok, expected, tol = _compare(values, Num(total.value * 2, total.decimals, total.percent))
    return ok, expected / 2, tol / 2


def _omitted(result: _Result) -> int | None:
    """Index of the single row whose omission explains the printed total, if exactly one does."""
    if len(result.values) < 3:
        return None
    hits = [k for k, v in zip(result.rows or [], result.values)
            if v != 0 and abs(result.expected - v - result.total.value) <= result.tolerance]
    return hits[0] if len(hits) == 1 else None


def _column_totals(grid: _Grid) -> list[Finding]:
    out = []
    for t, kind in enumerate(grid.kinds):
        if kind != "total":
            continue
        results = {j: r for j in range(grid.width) if (r := _column_result(grid, t, j)) is not None}
        for j, res in results.items():
            if res.status != "mismatch" or len(res.values) < 2:
                continue
            omitted = _omitted(res)
            tol_v = res.tolerance
            mean = sum(res.values) / len(res.values)
            if omitted is None or abs(res.total.value - mean) <= tol_v:
                if min(res.values) - tol_v <= res.total.value <= max(res.values) + tol_v:
                    continue                              # an average or an indicator, not a sum
            verified_other = any(r.verified for k, r in results.items() if k != j)
            shares = grid.percent(j, res.total) and abs(res.total.value - 100) <= 0.5
            if not (verified_other or omitted is not None or shares):
                continue
            out.append(_finding(grid, t, j, res, omitted, shares, "column"))
    return out


def _row_totals(grid: _Grid) -> list[Finding]:
    out = []
    total_cols = [j for j in range(1, grid.width) if is_total_column(grid.headers[j])]
    for c in total_cols:
        addends = [j for j in range(1, c) if j not in total_cols and _summable(grid, j)]
        if len(addends) < 2:
            continue
        results = {}
        for i, kind in enumerate(grid.kinds):
            if kind not in ("data", "total"):
                continue
            total = grid.cells[i][c].num
            if total is None or total.dash:
                continue
            if any(grid.cells[i][j].missing for j in addends):
                continue
            values = [n for j in addends if (n := grid.cells[i][j].num) is not None and grid.percent(j, n) == grid.percent(c, total)]
            if len(values) < 2:
                continue
            ok, expected, tol = _compare(values, total)
            results[i] = _Result("match" if ok else "mismatch", [v.value for v in values], total, _decimals(values),
                                 expected, tol)
        verified = [i for i, r in results.items() if r.verified]
        for i, res in results.items():
            if res.status != "mismatch" or not verified:
                continue
            if min(res.values) - res.tolerance <= res.total.value <= max(res.values) + res.tolerance:
                continue
            out.append(_finding(grid, i, c, res, None, False, "row"))
    return out


def _summable(grid: _Grid, j: int) -> bool:
    header = grid.headers[j]
    if is_indicator(header) or "%" in header:
        return False
    column = [cells[j].num for cells, kind in zip(grid.cells, grid.kinds) if kind == "data"]
    numbers = [n for n in column if n is not None]
    if not numbers or all(is_year(n) for n in numbers):
        return False
    return not all(n.percent for n in numbers)


def _finding(grid: _Grid, i: int, j: int, res: _Result, omitted: int | None, shares: bool, axis: str) -> Finding:
    dec = max(res.decimals, res.total.decimals or 0)
    total_txt = format_pl(res.total.value, res.total.decimals if res.total.decimals is not None else dec)
    exp_txt = format_pl(res.expected, dec)
    diff = res.total.value - res.expected
    severity = "error" if abs(diff) > ERROR_TOLERANCES * res.tolerance else "warning"
    n = len(res.values)
    if axis == "column":
        what = (f"udziały w kolumnie sumują się do {exp_txt} %, a wiersz „{grid.label(i)}” podaje {total_txt} %"
                if shares else
                f"wiersz „{grid.label(i)}” podaje {total_txt}, a suma {n} wierszy nad nim wynosi {exp_txt}")
    else:
        what = (f"w wierszu „{grid.label(i)}” kolumna „{clean_cell(grid.headers[j])}” podaje {total_txt}, "
                f"a suma {n} kolumn po lewej wynosi {exp_txt}")
    hint = ""
    if omitted is not None:
        hint = f" Podana suma odpowiada sumie bez wiersza „{grid.label(omitted)}”."
    message = (f"{_name(grid.table)}: suma się nie zgadza — {what} "
               f"(różnica {format_pl(diff, dec)}; dopuszczalne zaokrąglenie ±{format_pl(res.tolerance, max(dec, 2))}).{hint}")
    return Finding(
        "Q-SHARE" if shares else "Q-SUM", severity, message, _where(grid, i, j),
        f"wartości: {', '.join(format_pl(v, dec) for v in res.values[:25])}{' …' if n > 25 else ''}",
        "Przelicz sumę z wierszy tabeli (albo popraw błędny wiersz); jeśli wiersz jest średnią ważoną, "
        "opisz go jako średnią, a nie „razem/łącznie”.")
