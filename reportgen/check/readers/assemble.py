"""Reader items -> Document: headings (styles, TOC, numbering), captions with their tables/figures,
"Źródło" lines, paragraphs, references and the printed lists."""
from __future__ import annotations

import difflib
import re

from reportgen.check.readers import frontmatter
from reportgen.check.readers.items import ImageItem, Item, LineItem, TableItem, is_blank
from reportgen.check.readers.patterns import (
    CAPTION,
    CAPTION_LOOSE,
    NOTE,
    NUMBERED_HEADING,
    RUN_IN_CAPTION,
    SOURCE,
    clean_title,
    label_of,
    number_value,
)
from reportgen.check.readers.references import find_references
from reportgen.check.readers.tables import build_table
from reportgen.document.model import Document, Figure, Location, Paragraph, Section, Table

_TITLE_HINT = re.compile(r"za[łl]o[żz]e|plan\w* zaopatrzenia|projekt", re.IGNORECASE)
FRONT_CHARS = 4000
SIMILAR_TITLE = 0.6
LOOKAHEAD = 6           # items searched after a caption for its table / image / "Źródło"


def _norm(text: str) -> str:
    return " ".join(clean_title(text).lower().replace("…", " ").strip(" .").split())


def _similar(a: str, b: str) -> bool:
    a, b = _norm(a), _norm(b)
    if not a or not b:
        return False
    return a.startswith(b[:25]) or b.startswith(a[:25]) or difflib.SequenceMatcher(None, a, b).ratio() >= SIMILAR_TITLE


def _plausible(title: str, strict: bool) -> bool:
    if not (2 <= len(title) <= 200) or title.endswith((":", ";", ",")):
        return False
    first = title[0]
    if not (first.isupper() or first.isdigit() or first in "„\"("):
        return False
    return not strict or (len(title) <= 150 and not title.endswith("."))


class _Builder:
    def __init__(self, items: list[Item], fm: frontmatter.FrontMatter, listed: set[int], source_path: str):
        self.items = items
        self.fm = fm
        self.listed = listed
        self.doc = Document(title="", source_path=source_path)
        self.toc = {e.number: e.title for e in fm.toc if e.number}
        self.toc_plain = {_norm(e.title): e.indent for e in fm.toc if not e.number}
        self.preamble = Section(id="s0", title="", level=0)
        self.doc.sections.append(self.preamble)
        self.stack: list[Section] = []
        self.current = self.preamble
        self.last_child: dict[str, int] = {}
        self.counter = 0
        self.front: list[str] = []
        self.in_front = True

    # ---- helpers -------------------------------------------------------------------------------
    def where(self, item: Item) -> Location:
        chapter = self.current.number or (self.current.title[:60] if self.current is not self.preamble else "")
        return Location(chapter=chapter, page=item.page, line=item.line)

    def next_index(self, i: int) -> int:
        j = i + 1
        while j < len(self.items) and is_blank(self.items[j]):
            j += 1
        return j

    def item(self, j: int) -> Item | None:
        return self.items[j] if j < len(self.items) and id(self.items[j]) not in self.listed else None

    # ---- headings ------------------------------------------------------------------------------
    def heading(self, it: LineItem) -> tuple[str, str, int] | None:
        raw = it.text.strip()
        if it.heading_level:
            m = NUMBERED_HEADING.match(raw)
            number, title = (m.group(1), m.group(2)) if m else (it.heading_number, raw)
            return number, clean_title(title), it.heading_level
        m = NUMBERED_HEADING.match(raw)
        if m:
            number, title = m.group(1), clean_title(m.group(2))
            if CAPTION.match(raw) or not _plausible(title, strict=False):
                return None
            depth = number.count(".") + 1
            if number in self.toc:
                return (number, title, depth) if _similar(title, self.toc[number]) else None
            if not _plausible(title, strict=True) or not self._sequential(number):
                return None
            if self.toc and depth == 1:
                return None                    # chapters are all in the TOC; this is a numbered list item
            return number, title, depth
        key = _norm(raw)
        if key in self.toc_plain and len(raw) <= 200:
            # an indented unnumbered TOC entry is a subsection of the last numbered heading
            numbered = next((s for s in reversed(self.stack) if s.number), None)
            level = numbered.level + 1 if self.toc_plain[key] and numbered else 1
            return "", clean_title(raw), level
        return None

    def _sequential(self, number: str) -> bool:
        """A heading not in the TOC must continue the open chapter: 2.2.1 after 2.2, 2.2.2 after 2.2.1."""
        parent, _, last = number.rpartition(".")
        if parent and parent not in [s.number for s in self.stack]:
            return False
        previous = self.last_child.get(parent, 0)
        return previous < int(last) <= previous + 2

    def open_section(self, number: str, title: str, level: int, it: LineItem) -> None:
        self.in_front = False
        self.counter += 1
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        section = Section(id=f"s{self.counter}", title=title, level=level, number=number,
                          location=Location(chapter=number or title[:60], page=it.page, line=it.line))
        (self.stack[-1].children if self.stack else self.doc.sections).append(section)
        self.stack.append(section)
        self.current = section
        if number:
            parent, _, last = number.rpartition(".")
            if last.isdigit():
                self.last_child[parent] = int(last)

    # ---- captions, tables, figures ---------------------------------------------------------------
    def caption(self, it: LineItem) -> tuple[str, str, str] | None:
        pattern = CAPTION_LOOSE if it.caption_hint else CAPTION
        m = pattern.match(it.text.strip())
        if not m or len(it.text) > 400:
            return None
        return label_of(m.group(1)), m.group(2), clean_title(m.group(3))

    def attach(self, i: int, cap: tuple[str, str, str], it: LineItem) -> int:
        """Place the captioned block; return the index after everything consumed."""
        label, number, title = cap
        j = self.next_index(i)
        target = self.item(j)
        if isinstance(target, ImageItem):          # Word: caption above a picture, maybe with a table below
            after = self.item(self.next_index(j))
            if label == "Tabela" and isinstance(after, TableItem):
                j, target = self.next_index(j), after
        where = self.where(it)
        ident = f"{label[:3].lower()}-{number}-{i}"
        block: Table | Figure
        if isinstance(target, TableItem):
            block = build_table(target.rows, ident=ident, caption=title, label=label,
                                number=number_value(number), location=where)
            end = j + 1
        elif isinstance(target, ImageItem) or label != "Tabela":
            block = Figure(id=ident, caption=title, number=number_value(number),  # type: ignore[arg-type]  # see tables.py
                           kind=label, location=where)
            end = j + 1 if isinstance(target, ImageItem) else i + 1
        else:                                       # "Tabela N." with no table below (a picture of a table)
            block = build_table([], ident=ident, caption=title, label=label, number=number_value(number), location=where)
            end = i + 1
        self.current.blocks.append(block)
        return self.source_and_note(end, block)

    def source_and_note(self, start: int, block) -> int:
        """Attach the "Źródło: …" line below a block, with footnote lines ("*…", "a) …") printed above it.
        Without a source line nothing is consumed, so no paragraph is lost."""
        k, notes = start, list[str]()
        while k < len(self.items) and len(notes) < LOOKAHEAD:
            it = self.item(k)
            if not isinstance(it, LineItem):
                break
            text = it.text.strip()
            if not text:
                k += 1
                continue
            if "źródło" in text.lower() and (SOURCE.match(text) or re.search(r"źródło\s*:", text, re.IGNORECASE)):
                pre, _, post = re.split(r"(źródło\s*[:.]?)", text, maxsplit=1, flags=re.IGNORECASE)
                if pre.strip(" ,;"):
                    notes.append(pre.strip(" ,;"))
                if isinstance(block, Table) and notes:
                    block.note = " ".join([block.note] + notes).strip()
                block.source = post.strip()
                return k + 1
            if NOTE.match(text) and len(text) < 400 and not self.caption(it):
                notes.append(text)
                k += 1
                continue
            break
        return start

    def caption_below(self, i: int) -> tuple[int, tuple[str, str, str], LineItem] | None:
        j = self.next_index(i)
        it = self.item(j)
        if not isinstance(it, LineItem):
            return None
        cap = self.caption(it)
        if not cap:
            return None
        following = self.item(self.next_index(j))
        if isinstance(following, (TableItem, ImageItem)):
            return None                             # the caption belongs to the next block
        return j, cap, it

    # ---- main walk -----------------------------------------------------------------------------
    def run(self) -> Document:
        i = 0
        while i < len(self.items):
            it = self.items[i]
            if id(it) in self.listed:
                self.in_front = False
                i += 1
                continue
            if isinstance(it, LineItem):
                i = self.line(i, it)
            elif isinstance(it, TableItem):
                i = self.table(i, it)
            else:
                i = self.image(i, it)
        return self.doc

    def line(self, i: int, it: LineItem) -> int:
        text = it.text.strip()
        if not text:
            if self.in_front:
                self.front.append("")
            return i + 1
        if it.is_title and not self.doc.title:
            self.doc.title = clean_title(text)
            self.front.append(text)
            return i + 1
        head = self.heading(it)
        if head:
            self.open_section(*head, it)
            return i + 1
        cap = self.caption(it)
        if cap:
            self.in_front = False
            return self.attach(i, cap, it)
        run_in = RUN_IN_CAPTION.search(text) if len(text) < 2000 else None
        if run_in:
            # the paragraph's text up to the caption stays a paragraph; the caption is read on its own
            self.items[i] = LineItem(text[run_in.end():], line=it.line, page=it.page)
            self.paragraph(text[:run_in.start()], it)
            return i
        self.paragraph(text, it, self.following_text(i))
        return i + 1

    def following_text(self, i: int) -> str:
        nxt = self.items[i + 1] if i + 1 < len(self.items) else None
        return nxt.text if isinstance(nxt, LineItem) else ""

    def paragraph(self, text: str, it: LineItem, following: str = "") -> None:
        if self.in_front:
            self.front.append(text)
        where = self.where(it)
        style = "note" if SOURCE.match(text) else ("bullet" if text[:2] in ("- ", "• ", "* ") else "body")
        self.current.blocks.append(Paragraph(text=text, style=style, location=where))
        self.doc.references += find_references(text, where, following)

    def table(self, i: int, it: TableItem) -> int:
        below = self.caption_below(i)
        if below:
            j, (label, number, title), cap_item = below
            block = build_table(it.rows, ident=f"{label[:3].lower()}-{number}-{i}", caption=title, label=label,
                                number=number_value(number), location=self.where(cap_item))
            self.current.blocks.append(block)
            return self.source_and_note(j + 1, block)
        block = build_table(it.rows, ident=f"tab-u{i}", location=self.where(it))
        self.current.blocks.append(block)
        return self.source_and_note(i + 1, block)

    def image(self, i: int, it: ImageItem) -> int:
        below = self.caption_below(i)
        if below:
            j, (label, number, title), cap_item = below
            block: Table | Figure
            if label == "Tabela":
                block = build_table([], ident=f"tab-{number}-{i}", caption=title, label=label,
                                    number=number_value(number), location=self.where(cap_item))
            else:
                block = Figure(id=f"{label[:3].lower()}-{number}-{i}", caption=title,
                               number=number_value(number),  # type: ignore[arg-type]  # see tables.py
                               kind=label, location=self.where(cap_item))
            self.current.blocks.append(block)
            return self.source_and_note(j + 1, block)
        return i + 1


def _title(front: list[str]) -> str:
    blocks, block = [], []
    for line in front + [""]:
        if line.strip():
            block.append(clean_title(line))
        elif block:
            blocks.append(" ".join(block))
            block = []
    for text in blocks:
        if _TITLE_HINT.search(text) and len(text) < 600:
            return text
    return blocks[0][:200] if blocks else ""


def assemble(items: list[Item], *, source_path: str, meta: dict | None = None) -> Document:
    fm = frontmatter.scan(items)
    listed = {id(items[k]) for k in fm.in_list}
    builder = _Builder(items, fm, listed, source_path)
    doc = builder.run()
    if not doc.title:
        doc.title = _title(builder.front)
    doc.list_of_tables = fm.tables
    doc.list_of_figures = fm.figures
    doc.meta.update(meta or {})
    doc.meta["front_text"] = "\n".join(line for line in builder.front if line)[:FRONT_CHARS]
    doc.meta["toc_entries"] = len(fm.toc)
    doc.meta["toc"] = [{"number": e.number, "title": e.title} for e in fm.toc]
    return doc
