"""Compliance matrix: which chapters meet which statutory requirement (annex), and what is missing."""
from __future__ import annotations

import datetime as dt

from reportgen.document.model import Column, Document, Section, Table


def citation(req: dict) -> str:
    parts = []
    if req.get("art"):
        parts.append(f"art. {req['art']}")
    if req.get("ust"):
        parts.append(f"ust. {req['ust']}")
    if req.get("pkt"):
        parts.append(f"pkt {req['pkt']}")
    act = req.get("act", "")
    return (" ".join(parts) + (f" – {act}" if act else "")).strip()


def in_force(req: dict, on: dt.date) -> bool:
    start = req.get("valid_from")
    end = req.get("valid_to")
    return (start is None or start <= on) and (end is None or on <= end) and req.get("kind") != "superseded"


def satisfying_sections(document: Document, req_id: str) -> list[Section]:
    return [s for s in document.walk_sections() if req_id in s.satisfies]


def missing_requirements(document: Document, requirements: list[dict], on: dt.date) -> list[dict]:
    out = []
    for req in requirements:
        if req.get("applies_to", "document") != "document" or not in_force(req, on):
            continue
        if not satisfying_sections(document, req["id"]):
            out.append({**req, "citation": citation(req)})
    return out


def compliance_section(document: Document, requirements: list[dict], on: dt.date, annex: dict) -> Section:
    rows = []
    for req in requirements:
        if not in_force(req, on):
            continue
        sections = satisfying_sections(document, req["id"])
        if sections:
            where = "; ".join(f"rozdz. {s.number} {s.title}" for s in sections)
        elif req.get("applies_to") == "procedure":
            where = "procedura uchwalenia (poza treścią dokumentu)"
        else:
            where = "–"
        rows.append([req["id"], citation(req), req["text"], where])
    table = Table(id="t_compliance", caption=annex["caption"],
                  columns=[Column("Id", None, kind="text"), Column("Podstawa prawna", None, kind="text"),
                           Column("Wymaganie", None, kind="text"), Column("Rozdział dokumentu", None, kind="text")],
                  rows=rows, source=f"rules/requirements.yaml; stan prawny na {on.strftime('%d.%m.%Y')} r.",
                  provenance="reportgen.document.compliance")
    section = Section(id="annex_compliance", title=annex["title"], level=1, number="", blocks=[table])
    return section
