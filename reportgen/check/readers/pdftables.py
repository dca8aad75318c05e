"""Tables of a PDF that the text-layout reconstruction (layout.py) could not rebuild, recovered from the page's
ruling lines and word positions with pdfplumber.

pdfplumber is slow on whole documents (134 pages: 30 s), so it reads only the pages where a table caption was
found and the table under it is missing or inconsistent (rows of different lengths, numbers that do not parse).
It first looks for a table drawn with ruling lines (cells from the lines: multi-line cells and headers spanning
columns come out right), then, without lines, for text aligned in columns between the caption and the source line.
A table that runs on over the next page is joined (repeated header rows dropped). Without pdfplumber installed the
layout reconstruction alone is used and the report says so.
"""
from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportgen.check.readers import limits
from reportgen.check.readers.normalize import normalize_text
from reportgen.check.readers.patterns import CAPTION, SOURCE
from reportgen.check.readers.tables import build_table
from reportgen.document.model import Document, Figure, Paragraph, Section, Table
from reportgen.rules.numbers import is_missing, parse_number

LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
TEXT = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": 2, "snap_tolerance": 3}
CAPTION_GAP = 60.0          # pt: a table starts at most this far below its caption (the caption's own lines included)
PAGE_END_SHARE = 0.12       # a table ending within the last 12 % of the text area may run on over the next page
PAGE_TOP_SHARE = 0.2        # ... and continues if the next page's first table starts in its top 20 %
MIN_ROWS, MIN_COLS = 2, 2
_WORD = re.compile(r"\w+")


_NUMBER_PART = re.compile(r"^[\d\s.,%-]+$")
MAX_WRAPPED_TAIL = 3        # characters of a number wrapped onto the next line of a narrow cell ("16670" / "5")


def _clean(cell: Any) -> str:
    """One line of cell text. A number wrapped in a narrow column ("1349," / "02") is joined back without a space."""
    lines = [line.strip() for line in str(cell or "").split("\n") if line.strip()]
    if len(lines) > 1 and all(_NUMBER_PART.match(line) for line in lines) \
            and all(len(line) <= MAX_WRAPPED_TAIL for line in lines[1:]) and parse_number("".join(lines)) is not None:
        return "".join(lines)
    return normalize_text(" ".join(" ".join(lines).split()))


def _weak(table: Table) -> bool:
    """The layout reconstruction is missing or inconsistent: no rows, rows of different lengths, or cells of
    number columns that do not parse as numbers."""
    rows = [[str(c) for c in r] for r in table.rows]
    if len(rows) < MIN_ROWS or len(table.columns) < MIN_COLS:
        return True
    width = len(table.columns)
    ragged = sum(1 for r in rows if sum(1 for c in r if c.strip()) < width - 1)
    if ragged * 3 > len(rows):
        return True
    for j, col in enumerate(table.columns):
        if col.kind == "text":
            continue
        if any(r[j].strip() and parse_number(r[j]) is None and not is_missing(r[j]) for r in rows if j < len(r)):
            return True
    return False


_FRAGMENT = re.compile(r"^(?:0\d|[,.]\d)")       # "039", ",2": a number cut by a wrong column boundary


def _usable(rows: list[list[str]]) -> bool:
    """A recovered grid is a table: two rows, two columns, numbers in it (a framed text box is not), and in the
    rows with numbers, cells right of the first are numbers, blank or "b/d" (a grid cutting through words and
    numbers gives fragments: "039", ",2", "2446,8 1")."""
    if len(rows) < MIN_ROWS or max((len(r) for r in rows), default=0) < MIN_COLS:
        return False
    if sum(1 for r in rows for c in r if parse_number(c) is not None) < len(rows) - 1:
        return False
    cells = [c for r in rows if any(parse_number(x) is not None for x in r[1:]) for c in r[1:] if c]
    odd = sum(1 for c in cells if _FRAGMENT.match(c)
              or (parse_number(c) is None and not is_missing(c) and any(ch.isdigit() for ch in c)))
    return odd * 10 <= len(cells)


def _captions(words: list[dict]) -> list[tuple[str, float, float]]:
    """Captions on a page: "Tabela 13." starting a line (a reference "tabela 13" inside a sentence is not one),
    as (label and number, top, bottom)."""
    out = []
    for k in range(len(words) - 1):
        a, b = words[k], words[k + 1]
        starts_line = k == 0 or abs(words[k - 1]["top"] - a["top"]) > 2
        if starts_line and a["text"][:1].isupper() and CAPTION.match(f"{a['text']} {b['text']} x"):
            out.append((f"{a['text'][:3].lower()} {b['text'].rstrip('.:–-')}", a["top"], a["bottom"]))
    return out


def _caption_top(words: list[dict], label: str, number: str) -> tuple[float, float] | None:
    """Top and bottom of the caption "Tabela 13." on the page."""
    want = f"{label[:3].lower()} {number.rstrip('.')}"
    return next(((top, bottom) for key, top, bottom in _captions(words) if key == want), None)


MAX_HEADER_ROWS = 3


def _repeated_header(row: list[str], header: list[str]) -> bool:
    """A header row repeated on the next page (its wrapping may differ): most of its filled cells are equal."""
    filled = [(a, b) for a, b in zip(row, header) if b]
    same = sum(1 for a, b in filled if a.replace(" ", "") == b.replace(" ", ""))
    return len(filled) >= 2 and same * 2 > len(filled) and not any(parse_number(a) for a in row[:1] if a)


def _grid(table: Any) -> list[list[str]]:
    return [[_clean(c) for c in row] for row in table.extract()]


class PageSkipped(Exception):
    """A page whose tables are not recovered (too many ruling lines, or the time for all pages is up)."""


class PdfTables:
    """pdfplumber over one PDF, pages opened on demand, within a deadline checked before each page."""

    def __init__(self, path: Path, deadline: float = float("inf")):
        import pdfplumber
        self.pdf = pdfplumber.open(str(path))
        self.deadline = deadline
        self.cache: dict[int, tuple[Any, list[dict], list[Any]]] = {}

    def close(self) -> None:
        self.pdf.close()

    def page(self, number: int) -> tuple[Any, list[dict], list[Any]]:
        if number not in self.cache:
            if time.monotonic() > self.deadline:
                raise PageSkipped(f"limit czasu odtwarzania tabel, {limits.PDF_TABLES_MAX_SECONDS:.0f} s")
            page = self.pdf.pages[number - 1]
            rulings = len(page.lines) + len(page.rects)
            if rulings > limits.PDF_MAX_RULINGS:        # find_tables would intersect every pair of them
                raise PageSkipped(f"{rulings} linii na stronie, limit {limits.PDF_MAX_RULINGS}")
            words = page.extract_words(keep_blank_chars=False)
            tables = sorted(page.find_tables(LINES), key=lambda t: t.bbox[1])
            self.cache[number] = (page, words, tables)
        return self.cache[number]

    def below_caption(self, number: int, label: str, caption_number: str) -> list[list[str]] | None:
        """The rows of the table under the caption on page `number` (joined with its run-on on the next page)."""
        if not 1 <= number <= len(self.pdf.pages):
            return None
        page, words, tables = self.page(number)
        where = _caption_top(words, label, caption_number)
        if where is None:
            return None
        top, bottom = where
        others = [t for _, t, _ in _captions(words) if t > bottom + 1]
        limit = min([bottom + CAPTION_GAP] + others)
        framed = [t for t in tables if top <= t.bbox[1] <= limit]
        if framed:
            rows = _grid(framed[0])
            if _usable(rows):
                return rows + self.run_on(number, framed[0], rows)
        return self.aligned(page, words, bottom)

    def run_on(self, number: int, table: Any, rows: list[list[str]]) -> list[list[str]]:
        """Rows of the table continued at the top of the next pages (repeated header rows left out). The rest of
        a row broken by the page is joined to it."""
        more: list[list[str]] = []
        while True:
            page, words, _ = self.page(number)
            text_bottom = max((w["bottom"] for w in words), default=page.height)
            if table.bbox[3] < text_bottom - PAGE_END_SHARE * page.height or number >= len(self.pdf.pages):
                return more
            nxt, nwords, ntables = self.page(number + 1)
            if not ntables or ntables[0].bbox[1] > PAGE_TOP_SHARE * nxt.height:
                return more
            if any(t < ntables[0].bbox[1] for _, t, _ in _captions(nwords)):
                return more                    # the next page's table has its own caption
            part = _grid(ntables[0])
            if not part or max(len(r) for r in part) != max(len(r) for r in rows):
                return more
            while part and any(_repeated_header(part[0], h) for h in rows[:MAX_HEADER_ROWS]):
                part.pop(0)
            last = more[-1] if more else rows[-1]
            if part and not part[0][0] and last[0]:
                # a row broken by the page: its rest opens the next page without the row's number or label
                last[:] = [_clean(f"{a}\n{b}") if a and b else (a or b) for a, b in zip(last, part.pop(0))]
            more += part
            number, table = number + 1, ntables[0]

    def aligned(self, page: Any, words: list[dict], caption_bottom: float) -> list[list[str]] | None:
        """Without ruling lines: words aligned in columns between the caption and the source line (or the next
        caption, or the page end)."""
        ends = [t for _, t, _ in _captions(words) if t > caption_bottom + 2]
        ends += [w["top"] for w in words if w["top"] > caption_bottom + 2 and SOURCE.match(w["text"])]
        end = min(ends, default=page.height) - 1
        if end - caption_bottom < 20:
            return None
        region = page.crop((0, caption_bottom + 1, page.width, end))
        found = region.extract_table(TEXT)
        rows = [[_clean(c) for c in r] for r in found or []]
        rows = [r for r in rows if any(r)]
        keep = [j for j in range(max((len(r) for r in rows), default=0)) if any(j < len(r) and r[j] for r in rows)]
        rows = [[r[j] if j < len(r) else "" for j in keep] for r in rows]
        return rows if _usable(rows) else None


def _sections(doc: Document) -> Iterator[Section]:
    for top in doc.sections:
        yield from top.walk()


def _tokens(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _table_tokens(table: Table) -> set[str]:
    return set().union(*(_tokens(" ".join(str(c) for c in r)) for r in table.rows), *(_tokens(c.header) for c in table.columns))


FRAGMENT_SHARE = 0.8        # an uncaptioned layout table whose words are mostly the recovered table's is a piece of it


def _drop_fragments(section: Section, table: Table) -> None:
    """Remove what the layout reader left of the recovered table: the lines right after it made only of its words,
    and uncaptioned tables on its pages made mostly of its words (numbers wrapped in narrow cells split rows)."""
    words = _table_tokens(table)
    pages = {table.location.page, (table.location.page or 0) + 1}
    section.blocks = [b for b in section.blocks if not (
        isinstance(b, Table) and b.number is None and not b.caption and b.location.page in pages
        and (tokens := _table_tokens(b)) and len(tokens & words) >= FRAGMENT_SHARE * len(tokens))]
    blocks = section.blocks
    start = next(k for k, b in enumerate(blocks) if b is table) + 1
    while start < len(blocks) and isinstance(b := blocks[start], Paragraph) and (tokens := _tokens(b.text)) \
            and tokens <= words:
        del blocks[start]
    if not table.source and start < len(blocks) and isinstance(b := blocks[start], Paragraph) and SOURCE.match(b.text):
        table.source = b.text.strip()          # the source line the layout reader could not attach to the table
        del blocks[start]


def recover_tables(path: Path, doc: Document, notes: list[str] | None = None) -> int:
    """Replace weak captioned tables (and tables captioned as figures) of a PDF by pdfplumber's reading of their
    page. A page pdfplumber cannot read, or one over the limits, keeps the layout reading and gets a note.
    Returns the number of tables recovered."""
    notes = [] if notes is None else notes
    todo = [(s, i, b) for s in _sections(doc) for i, b in enumerate(s.blocks)
            if ((isinstance(b, Table) and _weak(b)) or (isinstance(b, Figure) and _rows_follow(s.blocks, i)))
            and b.location.page is not None and b.number is not None]
    if not todo:
        return 0
    try:
        reader = PdfTables(path, time.monotonic() + limits.PDF_TABLES_MAX_SECONDS)
    except Exception as exc:        # pdfminer raises many unrelated types on a damaged file; the text is read already
        notes.append(f"Tabel z PDF nie odtworzono z linii siatki (pdfplumber nie otworzył pliku: "
                     f"{type(exc).__name__}); zostały tabele odczytane z układu tekstu.")
        return 0
    done = 0
    try:
        for section, _, block in todo:
            try:
                done += _recover_one(reader, section, block)
            except Exception as exc:    # as above: one bad page must not stop the check of the whole plan
                reason = str(exc) if isinstance(exc, PageSkipped) else f"błąd odczytu: {type(exc).__name__}"
                notes.append(f"Tabel ze strony {block.location.page} nie odtworzono ({reason}); zostały one "
                             f"odczytane tylko z układu tekstu.")
                if isinstance(exc, PageSkipped) and time.monotonic() > reader.deadline:
                    break
    finally:
        reader.close()
    return done


def _recover_one(reader: PdfTables, section: Section, block: Table | Figure) -> int:
    label = block.caption_label if isinstance(block, Table) else block.kind
    rows = reader.below_caption(block.location.page or 0, label, str(block.number))
    if rows is None or (isinstance(block, Figure) and not _figure_is_table(rows)):
        return 0
    table = build_table(rows, ident=block.id, caption=block.caption, label=label, number=block.number,
                        location=block.location, source=block.source, note=getattr(block, "note", ""))
    section.blocks = [table if b is block else b for b in section.blocks]
    _drop_fragments(section, table)
    return 1


FIGURE_LOOKAHEAD = 4        # header lines of a table printed under a figure caption
_NUMBER_WORD = re.compile(r"(?<![\w,])\d[\d ]*(?:,\d+)?(?![\w,])")


def _rows_follow(blocks: list, i: int) -> bool:
    """What the layout reader put under a figure caption (its header lines included) looks like table rows: an
    uncaptioned table or a line with two numbers or more. Then the figure may be a table captioned as a figure;
    a chart leaves no such lines."""
    for nxt in blocks[i + 1: i + 1 + FIGURE_LOOKAHEAD]:
        if isinstance(nxt, Table):
            return nxt.number is None
        if not isinstance(nxt, Paragraph):
            return False
        if len(_NUMBER_WORD.findall(nxt.text)) >= 2:
            return True
    return False


def _figure_is_table(rows: list[list[str]]) -> bool:
    """A figure caption over a ruled grid of numbers in most rows is a table captioned as a figure (a chart's
    plot area has few words in its cells)."""
    numeric = sum(1 for r in rows if any(parse_number(c) is not None for c in r[1:]))
    return numeric >= max(MIN_ROWS, len(rows) // 2)
