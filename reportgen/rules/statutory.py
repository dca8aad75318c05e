"""Statutory findings: requirements evidenced, horizon ≥ 15 years, update ≤ 3 years, superseded acts."""
from __future__ import annotations

import re
from datetime import date

from reportgen.document.model import Document, Paragraph
from reportgen.rules.docdates import DocDate, add_years, find_adoption_date, find_document_date, find_horizon
from reportgen.rules.engine import Finding
from reportgen.rules.requirements import Requirement

HORIZON_MIN_YEARS = 15
UPDATE_MAX_YEARS = 3
HORIZON_RULE = "PE-19-2"
# Words near a citation showing it is not cited as the act in force (history, a draft, a repeal).
_NOT_AS_IN_FORCE = re.compile(r"uchyl|zast[ąa]pi|poprzedni|dawn|nieobowi[ąa]zuj|wcze[śs]niej obowi|projekt\w* polityki|"
                              r"obowi[ąa]zywa[łl]", re.IGNORECASE)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _front(doc: Document) -> str:
    return _flat(f"{doc.title}\n{doc.meta.get('front_text', '')}")


def findings(doc: Document, requirements: list[Requirement], as_of: date,
             adopted: date | None, generated: bool) -> list[Finding]:
    out: list[Finding] = []
    doc_date = _document_date(doc, as_of, adopted, generated)
    regular = [r for r in requirements if r.kind == "requirement"]
    superseded = [r for r in requirements if r.kind == "superseded"]
    if generated:
        out += _declared(doc, regular, as_of)
    else:
        out += _evidenced(doc, regular, as_of, doc_date)
    horizon_req = next((r for r in regular if r.id == HORIZON_RULE), None)
    if horizon_req and (horizon_req.in_force(as_of) or (doc_date and horizon_req.in_force(doc_date.day))):
        out += _horizon(doc, horizon_req, doc_date)
        if not generated:
            out += _update(horizon_req, doc_date, as_of)
    out += _superseded(doc, superseded, doc_date)
    return out


def _document_date(doc: Document, as_of: date, adopted: date | None, generated: bool) -> DocDate | None:
    if adopted is not None:
        return DocDate(adopted, f"data uchwalenia podana w wywołaniu (--adopted {adopted.isoformat()})")
    if generated:
        return DocDate(as_of, f"dokument generowany — data oceny {as_of.isoformat()}")
    front = f"{doc.title}\n{doc.meta.get('front_text', '')}"
    return find_adoption_date(front) or find_document_date(front)


def _declared(doc: Document, regular: list[Requirement], as_of: date) -> list[Finding]:
    declared = {rid: s for s in doc.walk_sections() for rid in s.satisfies}
    out = []
    for req in regular:
        if not req.in_force(as_of) or req.id in declared:
            continue
        procedure = req.applies_to == "procedure"
        out.append(Finding(
            rule_id=req.id,
            severity="info" if procedure else req.severity,
            message=(f"Wymaganie proceduralne ({req.citation()}): {req.text}" if procedure else
                     f"Żaden rozdział nie deklaruje spełnienia wymagania {req.id} ({req.citation()}): {req.text}"),
            location="struktura dokumentu",
            evidence="brak rozdziału z satisfies: [" + req.id + "]",
            suggestion=("Dopilnuj tego w procedurze uchwalania (ogłoszenie, wyłożenie, opinia, uchwała)." if procedure else
                        f"Dodaj w rules/structure.yaml rozdział lub podrozdział z `satisfies: [{req.id}]` i treścią, która to wymaganie realizuje."),
        ))
    return out


def is_evidenced(doc: Document, req: Requirement, text: str | None = None, titles: list[str] | None = None) -> bool:
    text = text if text is not None else _flat(doc.full_text())
    titles = titles if titles is not None else [f"{s.number} {s.title}" for s in doc.walk_sections()]
    ev = req.evidence
    hit = (any(re.search(p, t, re.IGNORECASE) for p in ev.headings for t in titles)
           or any(re.search(p, text, re.IGNORECASE) for p in ev.keywords)
           or any(re.search(p, cap, re.IGNORECASE) for p in ev.tables for cap in _captions(doc)))
    if hit and ev.cites:
        hit = any(re.search(p, text, re.IGNORECASE) for p in ev.cites)
    return hit


def _captions(doc: Document) -> list[str]:
    return [b.caption for _, b in doc.blocks() if not isinstance(b, Paragraph)]


def _evidenced(doc: Document, regular: list[Requirement], as_of: date, doc_date: DocDate | None) -> list[Finding]:
    text = _flat(doc.full_text())
    titles = [f"{s.number} {s.title}" for s in doc.walk_sections()]
    out = []
    for req in regular:
        if req.applies_to == "procedure":   # met by the procedure, never by words in the text (requirements.yaml)
            continue
        now = req.in_force(as_of)
        then = doc_date is not None and req.in_force(doc_date.day)
        if not (now or then) or is_evidenced(doc, req, text, titles):
            continue
        procedure = req.applies_to == "procedure"
        when = ""
        if now and doc_date and not then:
            when = (f" Przepis obowiązuje od {req.valid_from.isoformat()}, czyli po dacie dokumentu "
                    f"({doc_date.day.isoformat()}) — dokument trzeba zaktualizować.")
        elif then and not now:
            when = f" Przepis obowiązywał w dniu dokumentu ({doc_date.day.isoformat()}); obecnie już nie obowiązuje."
        out.append(Finding(
            rule_id=req.id,
            severity="info" if procedure else req.severity,
            message=(f"Nie znaleziono potwierdzenia wymagania proceduralnego ({req.citation()}): {req.text} "
                     f"Sprawdź je w dokumentacji procedury, nie w tekście planu." if procedure else
                     f"Nie znaleziono w dokumencie elementu wymaganego przez {req.citation()}: {req.text}{when}"),
            location="cały dokument",
            evidence="Szukano: " + req.evidence.described(),
            suggestion=("Dołącz do dokumentacji potwierdzenie (ogłoszenie, protokół, opinię, uchwałę)." if procedure else
                        "Uzupełnij dokument o ten element (najlepiej osobny rozdział o jednoznacznym tytule) "
                        "albo wskaż, gdzie jest omówiony, posługując się sformułowaniem ustawy."),
        ))
    return out


def _horizon(doc: Document, req: Requirement, doc_date: DocDate | None) -> list[Finding]:
    front = _front(doc)
    horizon = find_horizon(front, fallback_start=doc_date.day.year if doc_date else None)
    rule = ("Horyzont liczę jako rok końcowy minus rok początkowy z tytułu "
            "(„na lata 2015–2030” = 15 lat; „na lata 2022–2025 z perspektywą do 2037 roku” = 2022–2037 = 15 lat).")
    if horizon is None:
        return [Finding(HORIZON_RULE, "warning",
                        "Nie udało się odczytać okresu, na który sporządzono projekt założeń (art. 19 ust. 2: co najmniej 15 lat). " + rule,
                        "tytuł i pierwsza strona", "Szukano: „na lata RRRR–RRRR”, „z perspektywą do RRRR roku”",
                        "Podaj okres w tytule, np. „na lata 2025–2040”.")]
    if horizon.years >= HORIZON_MIN_YEARS:
        return []
    return [Finding(HORIZON_RULE, req.severity,
                    f"Okres objęty projektem założeń to {horizon.start}–{horizon.end}, czyli {horizon.years} lat; "
                    f"art. 19 ust. 2 Prawa energetycznego wymaga co najmniej {HORIZON_MIN_YEARS} lat. " + rule,
                    "tytuł i pierwsza strona", f"„{horizon.evidence}”",
                    f"Wydłuż okres prognozy co najmniej do roku {horizon.start + HORIZON_MIN_YEARS} i popraw tytuł.")]


def _update(req: Requirement, doc_date: DocDate | None, as_of: date) -> list[Finding]:
    if doc_date is None:
        return [Finding(HORIZON_RULE, "warning",
                        "Nie udało się ustalić daty dokumentu, więc nie sprawdzono, czy aktualizowano go w ciągu ostatnich 3 lat.",
                        "tytuł i pierwsza strona", "Szukano: „uchwała … z dnia …”, miesiąca i roku, samego roku",
                        "Podaj datę uchwalenia opcją --adopted RRRR-MM-DD.")]
    due = add_years(doc_date.day, UPDATE_MAX_YEARS)
    if as_of <= due:
        return []
    return [Finding(HORIZON_RULE, req.severity,
                    f"Dokument z {doc_date.day.isoformat()} ma w dniu {as_of.isoformat()} ponad {UPDATE_MAX_YEARS} lata; "
                    f"art. 19 ust. 2 wymaga aktualizacji co najmniej raz na 3 lata (termin minął {due.isoformat()}).",
                    "tytuł i pierwsza strona", f"Data dokumentu: {doc_date.how}",
                    "Przygotuj aktualizację projektu założeń (lub podaj datę ostatniej aktualizacji opcją --adopted).")]


def _superseded(doc: Document, superseded: list[Requirement], doc_date: DocDate | None) -> list[Finding]:
    if doc_date is None:
        return []
    out = []
    for req in superseded:
        if doc_date.day < req.since:
            continue              # at the document's date the act was still in force
        hit = _first_citation(doc, req)
        if hit is None:
            continue
        location, snippet = hit
        out.append(Finding(
            req.id, req.severity,
            f"Dokument z {doc_date.day.isoformat()} powołuje {req.act} jako obowiązujący dokument, "
            f"choć od {req.since.isoformat()} już nie obowiązuje. {req.text}",
            location, f"„{snippet}”",
            "Zastąp powołanie aktem obowiązującym w dniu sporządzenia dokumentu i sprawdź wynikające z tego zmiany treści."))
    return out


def _first_citation(doc: Document, req: Requirement) -> tuple[str, str] | None:
    for _, block in doc.blocks():
        if not isinstance(block, Paragraph):
            continue
        text = _flat(block.text)
        for pattern in req.evidence.keywords:
            for m in re.finditer(pattern, text, re.IGNORECASE):
                context = text[max(0, m.start() - 100): m.end() + 60]
                if _NOT_AS_IN_FORCE.search(context):
                    continue
                snippet = text[max(0, m.start() - 60): m.end() + 40].strip()
                return block.location.describe(), snippet
    return None
