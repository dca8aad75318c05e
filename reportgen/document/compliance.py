"""Compliance matrix: which chapters meet which statutory requirement (annex of the generated document)."""
from __future__ import annotations

import datetime as dt
import re

from reportgen.document.model import Column, Document, Section, Table
from reportgen.rules.requirements import Requirement


def _unbroken(citation: str) -> str:
    """"art. 19 ust. 3 pkt 3a": a no-break space keeps each unit with its number on one line."""
    return re.sub(r"\b(art\.|ust\.|pkt|poz\.) ", "\\1\u00a0", citation)


def _unit(number: str) -> str:
    """"rozdz." for a chapter (1), "podrozdz." for a numbered subsection (1.2, 1.2.3)."""
    return "podrozdz." if "." in number.strip(".") else "rozdz."


def satisfying_sections(document: Document, req_id: str) -> list[Section]:
    return [s for s in document.walk_sections() if req_id in s.satisfies]


def compliance_section(document: Document, requirements: list[Requirement], on: dt.date, annex: dict) -> Section:
    rows = []
    for req in requirements:
        if req.kind != "requirement" or not req.in_force(on):
            continue
        sections = satisfying_sections(document, req.id)
        if sections:
            where = "; ".join(f"{_unit(s.number)}\u00a0{s.number} {s.title}" for s in sections)
        elif req.applies_to == "procedure":
            where = "procedura uchwalenia (poza treścią dokumentu)"
        else:
            where = "–"
        # read by councillors: the provision and its wording, not the rule ids reportgen uses internally
        rows.append([_unbroken(req.citation()), req.text, where])
    table = Table(id="t_compliance", caption=annex["caption"],
                  columns=[Column("Przepis", None, kind="text"), Column("Wymaganie ustawowe", None, kind="text"),
                           Column("Gdzie spełnione w projekcie założeń", None, kind="text")],
                  rows=rows, source=f"Opracowanie własne na podstawie przepisów w brzmieniu obowiązującym {on.strftime('%d.%m.%Y')} r.",
                  provenance="reportgen.document.compliance")
    section = Section(id="annex_compliance", title=annex["title"], level=1, number="", blocks=[table])
    return section
