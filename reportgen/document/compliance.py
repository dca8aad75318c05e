"""Compliance matrix: which chapters meet which statutory requirement (annex of the generated document)."""
from __future__ import annotations

import datetime as dt

from reportgen.document.model import Column, Document, Section, Table
from reportgen.rules.requirements import Requirement


def satisfying_sections(document: Document, req_id: str) -> list[Section]:
    return [s for s in document.walk_sections() if req_id in s.satisfies]


def compliance_section(document: Document, requirements: list[Requirement], on: dt.date, annex: dict) -> Section:
    rows = []
    for req in requirements:
        if req.kind != "requirement" or not req.in_force(on):
            continue
        sections = satisfying_sections(document, req.id)
        if sections:
            where = "; ".join(f"rozdz. {s.number} {s.title}" for s in sections)
        elif req.applies_to == "procedure":
            where = "procedura uchwalenia (poza treścią dokumentu)"
        else:
            where = "–"
        # read by councillors: the provision and its wording, not the rule ids reportgen uses internally
        rows.append([req.citation(), req.text, where])
    table = Table(id="t_compliance", caption=annex["caption"],
                  columns=[Column("Przepis", None, kind="text"), Column("Wymaganie ustawowe", None, kind="text"),
                           Column("Gdzie spełnione w projekcie założeń", None, kind="text")],
                  rows=rows, source=f"Opracowanie własne na podstawie przepisów w brzmieniu obowiązującym {on.strftime('%d.%m.%Y')} r.",
                  provenance="reportgen.document.compliance")
    section = Section(id="annex_compliance", title=annex["title"], level=1, number="", blocks=[table])
    return section
