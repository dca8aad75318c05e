"""Table typesetting: the cells' text (one precision per column), text widths in the document's font, column
widths from the longest unbreakable word, Polish hyphenation (soft hyphens at syllable boundaries) where a word
cannot fit its column, and en dashes in year ranges everywhere the document shows text.

Widths come from Carlito's metrics (font_widths.py; Carlito is metric-compatible with Calibri, the document's
font), so the layout is the same on every machine, with or without the font installed.
"""
from __future__ import annotations

import functools
import re

from reportgen.document.model import Document, Table
from reportgen.render.font_widths import BOLD, REGULAR
from reportgen.render.numbers import cell_text, decimals_for

PT_CM = 2.54 / 72
CELL_PAD_CM = 0.38          # "Table Grid": 0,19 cm left and right cell margin
SAFETY = 1.04               # renderers differ slightly in kerning and justification
SOFT_HYPHEN = "\u00ad"
_FALLBACK_EM = 0.55         # a character missing from the metrics: about an average lower-case letter


def text_width_cm(text: str, size_pt: float = 9.0, bold: bool = False) -> float:
    return _width_em(text, bold) * size_pt * PT_CM * SAFETY


@functools.lru_cache(maxsize=1 << 16)
def _width_em(text: str, bold: bool) -> float:
    """Width in em; the same words and numbers recur in every table (a build asks ~9 000 times for ~2 000 texts)."""
    table = BOLD if bold else REGULAR
    return sum(table.get(ch, _FALLBACK_EM * 1000) for ch in text if ch != SOFT_HYPHEN) / 1000


# two years joined by a hyphen, or by a spaced dash; not inside a word, a number, a path or an address
# ("plan_2015-2020.pdf", ".../2015-2020/", "978-2015-2020")
_YEAR_RANGE = re.compile(r"(?<![\w/.\-–])((?:19|20)\d\d)(?: ?[-‐] ?| – )((?:19|20)\d\d)(?![\w/\-–]|\.\w)")


def year_ranges(text: str) -> str:
    """An unspaced en dash in year ranges: "2015-2020", "2015 - 2020", "2015 – 2020" → "2015–2020"."""
    return _YEAR_RANGE.sub("\\1–\\2", text) if "-" in text or "‐" in text or " – " in text else text


def typeset_document(document: Document) -> None:
    """En dashes in the year ranges of every text the document shows – headings, paragraphs, captions, table
    headers and cells, sources, notes and chart labels – in place, so the model, the .docx and the charts agree."""
    def dash(value):
        return year_ranges(value) if isinstance(value, str) else value

    for section in document.walk_sections():
        section.title = dash(section.title)
        for block in section.blocks:
            for name in ("text", "caption", "source", "note", "alt_text"):
                if isinstance(getattr(block, name, None), str):
                    setattr(block, name, dash(getattr(block, name)))
            if isinstance(block, Table):
                block.rows = [[dash(c) for c in row] for row in block.rows]
                for col in block.columns:
                    col.header = dash(col.header)
            spec = getattr(block, "chart_spec", None)
            if spec is not None and hasattr(spec, "categories"):   # a drawn chart (a supplied map has no labels)
                spec.categories = [dash(c) for c in spec.categories]
                spec.series = [(dash(name), values) for name, values in spec.series]
                spec.ylabel, spec.note = dash(spec.ylabel), dash(spec.note)


def cell_texts(table: Table) -> list[list[str]]:
    """The printed text of every body cell. Numbers read down a column share one precision (decimals_for); in a
    table of mixed quantities (row_decimals) the value cells of a row share the row's instead. Text as it is,
    with en dashes in year ranges; a missing value "–"."""
    grid = [[row[j] if j < len(row) else None for j in range(len(table.columns))] for row in table.rows]

    def line(i: int, j: int) -> tuple[str, int, int | None] | None:
        """The line a numeric cell is read in and its declared decimals; None in a text column."""
        col = table.columns[j]
        row_dec = table.row_decimals[i] if table.row_decimals else None
        if col.kind == "text":
            return None
        # a row's own precision applies to its value columns; percent columns keep the column's
        return ("row", i, row_dec) if row_dec is not None and col.kind == "number" else ("col", j, col.decimals)

    values: dict[tuple[str, int, int | None], list] = {}
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            key = line(i, j)
            if key:
                values.setdefault(key, []).append(value)
    decimals = {key: decimals_for(vals, key[2]) for key, vals in values.items()}

    def text(i: int, j: int, value) -> str:
        if value is None:
            return "–"
        if isinstance(value, str):
            return year_ranges(value)
        key = line(i, j)
        return cell_text(value, decimals[key]) if key else str(value)

    return [[text(i, j, value) for j, value in enumerate(row)] for i, row in enumerate(grid)]


def words(text: str) -> list[str]:
    """Where a line may break: at spaces (a no-break space joins a number's groups, "70 W")."""
    return [w for w in re.split(r"[ \t\n]+", text) if w]


@functools.lru_cache(maxsize=1)
def _dictionary():
    from reportgen.render.hyphenation import Syllables  # pyphen's answers kept between builds (user cache)
    return Syllables()


# a word that may be hyphenated: letters only (a unit "[kWh/(m²·rok)]", a number or a code never is)
_HYPHENATABLE = re.compile(r"^[(„\"]?([^\W\d_]{6,})([)\",.;:]?)$")


def hyphen_points(word: str) -> list[int]:
    """Offsets in word where a Polish syllable boundary allows a hyphen (none for units, numbers, codes)."""
    m = _HYPHENATABLE.match(word)
    if not m:
        return []
    start = m.start(1)
    # at least three letters stay on each line, so no "a-" or "-ja" fragments
    return [start + p for p in _dictionary().positions(m.group(1)) if 3 <= p <= len(m.group(1)) - 3]


def split_width_cm(word: str, size_pt: float, bold: bool) -> float:
    """The narrowest the word can be set on two lines, broken at one syllable boundary (with its hyphen)."""
    best = text_width_cm(word, size_pt, bold)
    for p in hyphen_points(word):
        best = min(best, max(text_width_cm(word[:p] + "-", size_pt, bold), text_width_cm(word[p:], size_pt, bold)))
    return best


def hyphenate_to_fit(text: str, width_cm: float, size_pt: float, bold: bool) -> str:
    """Soft hyphens at every syllable boundary of the words wider than the cell; others are left alone, so the
    text reads (and is searched) as it was written."""
    room = width_cm - CELL_PAD_CM

    def fix(m: re.Match) -> str:
        w = m.group(0)
        if text_width_cm(w, size_pt, bold) <= room:
            return w
        points = hyphen_points(w)
        return "".join(w[a:b] + (SOFT_HYPHEN if b < len(w) else "") for a, b in zip([0] + points, points + [len(w)]))

    return re.sub(r"[^ \t\n]+", fix, text)


def column_widths_cm(header: list[str], body: list[list[str]], numeric: list[bool], total_cm: float = 16.0,
                     size_pt: float = 9.0) -> list[float]:
    """Share the text width by what each column holds.

    Floor of a column: its widest unbreakable item (a header word in bold, a body word, a whole number) plus the
    cell margins. When the floors do not fit the page, the columns that gain most from hyphenating their longest
    words (at a syllable boundary, onto two lines) are hyphenated first. The rest of the width is shared in
    proportion to the content (numbers on one line, text by its average length, a header onto about three lines)."""
    columns = [[row[j] for row in body if j < len(row)] for j in range(len(header))]
    full, hyph, desired = [], [], []
    for j, (head, cells) in enumerate(zip(header, columns)):
        items = [(w, True) for w in words(head)]
        items += [(c, False) for c in cells] if numeric[j] else [(w, False) for c in cells for w in words(c)]
        whole = [text_width_cm(w, size_pt, bold) for w, bold in items]
        split = [split_width_cm(w, size_pt, bold) if not (numeric[j] and not bold) else x
                 for (w, bold), x in zip(items, whole)]
        full.append(max(whole, default=0.5) + CELL_PAD_CM)
        hyph.append(max(split, default=0.5) + CELL_PAD_CM)
        cell_widths = [text_width_cm(c, size_pt) for c in cells] or [0.0]
        head_lines = text_width_cm(head, size_pt, True) / 3
        # a number on one line; a text column by its average length: the long wording of a requirement gets the
        # room, a column of short labels with one long entry does not
        cell = max(cell_widths) if numeric[j] else sum(cell_widths) / len(cell_widths)
        want = max(full[j], head_lines + CELL_PAD_CM, cell + CELL_PAD_CM)
        desired.append(want * 1.3 if j == 0 and not numeric[j] else want)   # the row label reads first
    floors = list(full)
    for j in sorted(range(len(floors)), key=lambda k: full[k] - hyph[k], reverse=True):
        if sum(floors) <= total_cm:
            break
        floors[j] = hyph[j]
    if sum(floors) >= total_cm:                       # cannot satisfy every floor: share by floors
        return [total_cm * f / sum(floors) for f in floors]
    widths = [total_cm * w / sum(desired) for w in desired]
    for _ in range(len(widths)):
        short = [j for j, w in enumerate(widths) if w < floors[j] - 1e-9]
        if not short:
            break
        deficit = sum(floors[j] - widths[j] for j in short)
        for j in short:
            widths[j] = floors[j]
        spare = {j: widths[j] - floors[j] for j in range(len(widths)) if j not in short and widths[j] > floors[j]}
        room = sum(spare.values())
        for j, r in spare.items():
            widths[j] -= deficit * r / room
    return widths
