"""Space-aligned text tables (as `pdftotext -layout` writes a PDF page, or a plan exported to .txt with spaces):
cells are separated by runs of two or more spaces and columns are found from the character positions that are
blank in every data row ("rivers" of white space), so right-aligned numbers and empty cells land in the right
column. A block counts as a table only when at least two rows have a number after the first cell, so justified
prose with double spaces is not taken for a table."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from reportgen.check.readers.items import Item, LineItem, TableItem, is_blank, text_of
from reportgen.check.readers.limits import MAX_COLUMNS, MAX_TABLE_CELLS
from reportgen.check.readers.patterns import CAPTION, SOURCE
from reportgen.errors import UserError
from reportgen.rules.numbers import parse_number

_GAP = re.compile(r"\S+(?: \S+)*")          # a cell: words separated by single spaces
MIN_DATA_ROWS = 2
MAX_CELL_CHARS = 80
MAX_HEADER_LINES = 4
MAX_BLANK_RUN = 2


def _spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _GAP.finditer(text.replace("\t", "  "))]


def _is_number(cell: str) -> bool:
    return parse_number(cell) is not None or cell.strip() in ("-", "–", "b/d", "b.d.")


def _data_row(text: str) -> bool:
    """Two or more cells, short, a number after the first cell."""
    if CAPTION.match(text.strip()) or SOURCE.match(text):
        return False
    spans = _spans(text)
    if len(spans) < 2 or any(len(s[2]) > MAX_CELL_CHARS for s in spans):
        return False
    return any(_is_number(s[2]) for s in spans[1:])


def _line(it: Item) -> str | None:
    return it.text if isinstance(it, LineItem) and it.heading_level is None and not it.is_title else None


def _columns(rows: list[str]) -> list[tuple[int, int]]:
    """Column ranges from the data rows: maximal runs of positions that are text in at least one row."""
    width = max(len(r) for r in rows)
    used = [False] * (width + 1)
    for r in rows:
        for a, b, _ in _spans(r):
            for x in range(a, b):
                used[x] = True
    cols, start = [], None
    for x, u in enumerate(used):
        if u and start is None:
            start = x
        elif not u and start is not None:
            cols.append((start, x))
            start = None
    return cols


def _cells(text: str, cols: list[tuple[int, int]]) -> list[str]:
    """Each cell goes to the column it overlaps most; a cell in a gap to the nearest column on its left. Columns
    are sorted and disjoint, so the overlapping ones are found by bisection (a row costs cells × log columns)."""
    starts = [c[0] for c in cols]
    ends = [c[1] for c in cols]
    out = [""] * len(cols)
    for a, b, cell in _spans(text):
        best, overlap = -1, 0
        for k in range(bisect_right(ends, a), bisect_left(starts, b)):
            o = min(b, ends[k]) - max(a, starts[k])
            if o > overlap:
                best, overlap = k, o
        if best < 0:                                            # in a gap: nearest column to the left
            best = max(bisect_right(starts, a) - 1, 0)
        out[best] = f"{out[best]} {cell}".strip()
    return out


def group_layout_tables(items: list[Item], listed: set[int], source: str = "") -> list[Item]:
    """Replace runs of space-aligned rows by TableItems (header lines above the first data row included)."""
    out: list[Item] = []
    i, n = 0, len(items)
    while i < n:
        text = _line(items[i])
        if text is None or id(items[i]) in listed or not _data_row(text):
            out.append(items[i])
            i += 1
            continue
        data, members = _extend(items, i, listed)
        if len(data) < MIN_DATA_ROWS:
            out.append(items[i])
            i += 1
            continue
        members = [k for k in members if k <= data[-1]]
        header = _header_lines(out)
        cols = _columns([text_of(items[k]) for k in data])
        if len(cols) < 2:
            out.append(items[i])
            i += 1
            continue
        if len(cols) > MAX_COLUMNS:             # no real table is this wide (Word's limit): the lines stay text
            out.extend(items[i:members[-1] + 1])
            i = members[-1] + 1
            continue
        if (len(header) + len(members)) * len(cols) > MAX_TABLE_CELLS:
            raise UserError(f"{source}: tabela od wiersza {items[i].line} ma ponad {MAX_TABLE_CELLS} komórek — plik odrzucony.")
        rows: list[list[str]] = []
        head_rows = [_cells(text_of(out[k]), cols) for k in header]
        if head_rows:
            merged = [" ".join(filter(None, col)) for col in zip(*head_rows)]
            rows.append(merged)
            for k in sorted(header, reverse=True):
                del out[k]
        for k in members:
            cells = _cells(text_of(items[k]), cols)
            if k in data or not rows:
                rows.append(cells)
            else:                                   # a wrapped label or cell: joined to the row above
                rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells)]
        out.append(TableItem(rows=rows, line=items[i].line, page=items[i].page))
        i = members[-1] + 1
    return out


def _extend(items: list[Item], i: int, listed: set[int]) -> tuple[list[int], list[int]]:
    """From the data row at i, extend down over data rows, wrapped-cell lines and short blank runs (blank lines
    at a page break do not count). Returns (data row indexes, all member indexes)."""
    data, members, j, blanks = [i], [i], i + 1, 0
    while j < len(items) and id(items[j]) not in listed:
        t = _line(items[j])
        if t is None:
            break
        if not t.strip():
            if _next_page_start(items, j) is None:
                blanks += 1
            if blanks > MAX_BLANK_RUN:
                break
        elif _data_row(t):
            data.append(j)
            members.append(j)
            blanks = 0
        elif _continuation(t, text_of(items[data[-1]])) and not CAPTION.match(t.strip()) and not SOURCE.match(t):
            members.append(j)
            blanks = 0
        else:
            break
        j += 1
    return data, members


def _next_page_start(items: list[Item], j: int) -> int | None:
    """Index of the first text line after j if it is on a later page than item j, else None."""
    k = j + 1
    while k < len(items) and is_blank(items[k]):
        k += 1
    if k >= len(items):
        return None
    page, here = items[k].page, items[j].page
    return k if page is not None and here is not None and page > here else None


def _continuation(text: str, previous: str) -> bool:
    """A wrapped cell: short text lines without numbers, starting at or right of the previous row's start."""
    spans = _spans(text)
    if not spans or any(_is_number(s[2]) for s in spans) or any(len(s[2]) > MAX_CELL_CHARS for s in spans):
        return False
    indent_prev = len(previous) - len(previous.lstrip())
    return spans[0][0] >= indent_prev and len(text.strip()) <= 2 * MAX_CELL_CHARS and len(spans) <= 6


def _header_lines(out: list[Item]) -> list[int]:
    """Indexes (in `out`) of the column-header lines right above a table: multi-cell text lines after the
    caption, at most MAX_HEADER_LINES of them, blank lines between allowed."""
    found: list[int] = []
    k = len(out) - 1
    while k >= 0 and len(found) < MAX_HEADER_LINES:
        it = out[k]
        if is_blank(it):
            k -= 1
            continue
        t = _line(it)
        if t is None or CAPTION.match(t.strip()) or len(_spans(t)) < 2 or any(len(s[2]) > MAX_CELL_CHARS for s in _spans(t)):
            break
        found.append(k)
        k -= 1
    return sorted(found)
