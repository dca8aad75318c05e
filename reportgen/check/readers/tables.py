"""Raw cell rows (from tab-separated text or Word) -> model Table with headers, column kinds and total rows."""
from __future__ import annotations

import re
from typing import cast

from reportgen.document.model import Column, Location, Table
from reportgen.rules.numbers import clean_cell, is_missing, is_year, parse_number
from reportgen.rules.tablelabels import is_percent_header, is_total_label

MAX_HEADER_ROWS = 4
_UNIT = re.compile(r"\[([^\]]{1,30})\]")


def _header_like(row: list[str], first: bool) -> bool:
    numbers = [n for c in row[1:] if (n := parse_number(c)) is not None]
    if any(is_missing(c) for c in row[1:]):
        return False
    if not numbers:
        return True
    head = row[0].lower()
    return all(is_year(n) for n in numbers) and (first or not head or head.startswith(("rok", "lata")))


def _norm_row(row: list[str]) -> str:
    return re.sub(r"\s+", "", "".join(row)).replace("²", "2").replace("³", "3").lower()


def _label(row: list[str]) -> str:
    for cell in row[:2]:
        if cell and parse_number(cell) is None and not re.fullmatch(r"\d+\.?", cell):
            return cell
    return ""


def build_table(raw_rows: list[list[str]], *, ident: str, caption: str = "", label: str = "",
                number: int | str | None = None, location: Location | None = None,
                source: str = "", note: str = "") -> Table:
    rows = [[clean_cell(c) for c in r] for r in raw_rows]
    rows = [r for r in rows if any(r)]
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    count = 0
    while count < min(MAX_HEADER_ROWS, len(rows)) and _header_like(rows[count], count == 0):
        count += 1
    if rows and count == len(rows):
        count = 1                                    # an all-text table: the first row names the columns
    headers, body = rows[:count], rows[count:]
    repeated = {_norm_row(h) for h in headers}
    body = [r for r in body if _norm_row(r) not in repeated]   # headers repeated after page breaks
    columns = []
    for j in range(width):
        header = " ".join(h[j] for h in headers if h[j])
        nums = [n for r in body if (n := parse_number(r[j])) is not None]
        filled = sum(1 for r in body if r[j])
        percent = is_percent_header(header) or (nums and sum(n.percent for n in nums) * 2 > len(nums))
        kind = "percent" if percent and nums else ("number" if nums and len(nums) * 2 >= filled else "text")
        unit = _UNIT.search(header)
        decimals = max((n.decimals or 0) for n in nums) if nums else None
        columns.append(Column(header=header, decimals=decimals if kind != "text" else None,
                              unit=unit.group(1).strip() if unit else "", kind=kind))
    totals = [i for i, r in enumerate(body) if is_total_label(_label(r))]
    # number: a read plan keeps chapter-numbered captions as text ("4.4"); the model types it int (R owns model.py)
    return Table(id=ident, caption=caption, columns=columns, rows=cast("list[list[object]]", body), source=source,
                 total_rows=totals, note=note, number=number,  # type: ignore[arg-type]
                 caption_label=label, location=location or Location())
