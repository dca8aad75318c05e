"""The document model shared by `build` (generated plans) and `check` (existing plans).

A document is a tree of sections holding blocks. Blocks that can be referred to (tables,
figures) carry an id; numbers are assigned in document order by `numbering.assign_numbers`.
The same classes describe a plan read from .docx/.pdf/.txt, where ids are synthetic and
`location` says where a block was found.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Location:
    """Where a block sits in a source document (for findings) or in the structure file."""
    chapter: str = ""      # e.g. "7.2" or the chapter id
    page: int | None = None
    line: int | None = None

    def describe(self) -> str:
        parts = []
        if self.chapter:
            parts.append(f"rozdz. {self.chapter}")
        if self.page is not None:
            parts.append(f"s. {self.page}")
        if self.line is not None:
            parts.append(f"wiersz {self.line}")
        return ", ".join(parts) or "dokument"


@dataclass
class Paragraph:
    text: str
    style: str = "body"            # body | bullet | equation | note
    location: Location = field(default_factory=Location)


@dataclass
class Column:
    header: str
    decimals: int | None = None    # decimals of a number column; None: decided from its values (render/numbers.py)
    unit: str = ""
    kind: str = "number"           # number | percent | text


@dataclass
class Table:
    id: str
    caption: str
    columns: list[Column]
    rows: list[list[Any]]
    source: str = ""
    total_rows: list[int] = field(default_factory=list)   # indexes of rows that are sums of the rows above
    note: str = ""                                        # footnote under the table, above "Źródło"
    number: int | None = None
    caption_label: str = "Tabela"                         # label as written in the source ("Rysunek" = defect)
    location: Location = field(default_factory=Location)
    provenance: str = ""                                  # calculator that produced the rows
    row_decimals: list[int | None] | None = None          # per-row precision (tables of mixed quantities)


@dataclass
class Figure:
    id: str
    caption: str
    image_png: bytes | None = None                        # rendered chart (build) or None (read from a plan)
    source: str = ""
    number: int | None = None
    kind: str = "Rysunek"                                 # Rysunek | Wykres
    location: Location = field(default_factory=Location)
    provenance: str = ""
    alt_text: str = ""
    chart_spec: object = None                             # build: what the chart shows (rendered to image_png)


Block = Paragraph | Table | Figure


@dataclass
class Section:
    id: str
    title: str
    level: int = 1
    number: str = ""                                      # "7.2" assigned by numbering (build) or read (check)
    blocks: list[Block] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    satisfies: list[str] = field(default_factory=list)    # requirement ids evidenced by this section
    location: Location = field(default_factory=Location)
    annex: bool = False                                   # an annex: unnumbered, after the chapters

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class ListEntry:
    """One line of a *Spis tabel* / *Spis rysunków* as printed in a document."""
    label: str
    number: int | None
    caption: str
    location: Location = field(default_factory=Location)


@dataclass
class Document:
    title: str
    sections: list[Section] = field(default_factory=list)
    meta: dict = field(default_factory=dict)              # title page: gmina, years, author, resolution…
    list_of_tables: list[ListEntry] | None = None         # as printed (check); None when absent
    list_of_figures: list[ListEntry] | None = None
    references: list[tuple[str, str, Location]] = field(default_factory=list)  # (label, number text, where) found in text
    source_path: str = ""

    def walk_sections(self):
        for s in self.sections:
            yield from s.walk()

    def blocks(self):
        for s in self.walk_sections():
            for b in s.blocks:
                yield s, b

    def tables(self) -> list[Table]:
        return [b for _, b in self.blocks() if isinstance(b, Table)]

    def figures(self) -> list[Figure]:
        return [b for _, b in self.blocks() if isinstance(b, Figure)]

    def full_text(self) -> str:
        out = [self.title]
        for s in self.walk_sections():
            out.append(f"{s.number} {s.title}".strip())
            for b in s.blocks:
                if isinstance(b, Paragraph):
                    out.append(b.text)
                elif isinstance(b, Table):
                    out.append(f"{b.caption_label} {b.number}. {b.caption}")
                elif isinstance(b, Figure):
                    out.append(f"{b.kind} {b.number}. {b.caption}")
        return "\n".join(out)
