"""Where chapters start a new page, decided from an estimate of how full the page is when a chapter begins.

A page break before every chapter leaves pages holding the last three lines of a chapter; running every chapter
on gives chapters that begin at the foot of a page. The rule: a chapter starts a new page only when the page it
ends already holds at least MIN_LINES_ENDED lines (estimated from the document model, in lines of body text);
otherwise it runs on. The first chapter (after the lists) and unnumbered annexes always start a page.
The estimate is coarse (characters per line of the body font, a fixed chart height): it only has to tell a
nearly empty page from a used one."""
from __future__ import annotations

import math

from reportgen.document.model import Figure, Paragraph, Section, Table

LINES_PER_PAGE = 46          # A4, 2,5 cm margins, 11 pt Carlito at 1,15 spacing
BODY_CHARS = 95              # characters of body text per line (16 cm)
TABLE_CHARS = 110            # characters per line of 9 pt table text across the table
TABLE_LINE = 0.8             # a table line in body lines
FIGURE_LINES = 20.0          # chart (6,3 × 3,4 in) with caption and source line
MIN_LINES_ENDED = 20         # a page break may end a page only when it holds at least this many lines


def paragraph_lines(p: Paragraph) -> float:
    if p.style == "equation" or p.text.lstrip().startswith("\\["):
        return 2.5
    chars = BODY_CHARS - (5 if p.style == "bullet" else 0)
    return math.ceil(max(len(p.text), 1) / chars) + (0.25 if p.style == "bullet" else 0.45)


def table_lines(t: Table) -> float:
    ncols = max(len(t.columns), 1)
    width = TABLE_CHARS / ncols
    def row(cells) -> float:
        return max((math.ceil(len(str(c)) / width) for c in cells if c is not None), default=1)
    body = sum(row(r) for r in t.rows) + row([c.header for c in t.columns])
    caption = math.ceil(len(t.caption) / BODY_CHARS) + 0.5
    note = math.ceil(len(t.note) / (BODY_CHARS + 15)) if t.note else 0
    return caption + body * TABLE_LINE + note + 1.5


def section_lines(section: Section) -> float:
    lines = 3.0 if section.level == 1 else 2.2
    for b in section.blocks:
        if isinstance(b, Table):
            lines += table_lines(b)
        elif isinstance(b, Figure):
            lines += FIGURE_LINES
        elif isinstance(b, Paragraph):
            lines += paragraph_lines(b)
    return lines + sum(section_lines(c) for c in section.children)


def chapter_breaks(chapters: list[Section]) -> list[bool]:
    """For each chapter: does it start a new page? (see the module docstring for the rule)"""
    breaks = []
    used = 0.0                                   # estimated lines on the current page
    for i, chapter in enumerate(chapters):
        brk = i == 0 or not chapter.number or used >= MIN_LINES_ENDED
        if brk:
            used = 0.0
        used = (used + section_lines(chapter)) % LINES_PER_PAGE
        breaks.append(brk)
    return breaks
