"""Statutory findings: requirements evidenced, horizon and update period (art. 19 ust. 2: ≥ 15 years, updated
at least every 3 years – the terms of rules/procedure.yaml in force on the document's date), superseded acts."""
from __future__ import annotations

import re
from datetime import date

from reportgen.document.model import Document, Paragraph
from reportgen.errors import UserError
from reportgen.procedure.law import terms_on
from reportgen.render.numbers import plural_pl
from reportgen.rules.citations import act_patterns
from reportgen.rules.docdates import DocDate, add_years, find_adoption_date, find_document_date, find_horizon, horizon_start_date
from reportgen.rules.findings import Finding
from reportgen.rules.requirements import Requirement

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
        found = _horizon(doc, horizon_req, doc_date, as_of)
        if not generated:
            found += _update(horizon_req, doc_date, as_of)
        out += _one_finding(found)
    out += _superseded(doc, superseded, doc_date)
    return out


def _one_finding(found: list[Finding]) -> list[Finding]:
    """The horizon and the update of one plan are one requirement (art. 19 ust. 2): one finding, at the level of
    its most serious part."""
    if len(found) <= 1:
        return found
    severity = min((f.severity for f in found), key=["error", "warning", "info"].index)
    return [Finding(found[0].rule_id, severity, " ".join(f.message for f in found), found[0].location,
                    "; ".join(f.evidence for f in found if f.evidence),
                    " ".join(f.suggestion for f in found if f.suggestion))]


def _document_date(doc: Document, as_of: date, adopted: date | None, generated: bool) -> DocDate | None:
    if adopted is not None:
        return DocDate(adopted, f"data uchwalenia podana w wywołaniu (--adopted {adopted.isoformat()})")
    if generated:
        return DocDate(as_of, f"dokument generowany — data oceny {as_of.isoformat()}")
    front = f"{doc.title}\n{doc.meta.get('front_text', '')}"
    return (find_adoption_date(front) or find_document_date(front)
            or horizon_start_date(find_horizon(_flat(front))))


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


def toc_titles(doc: Document) -> list[str]:
    """Table-of-contents entries count as evidence that a chapter exists (a PDF's headings may not be recognised
    as such, but the TOC names them)."""
    return [f"{e.get('number', '')} {e.get('title', '')}".strip() for e in doc.meta.get("toc", [])]


def toc_text(doc: Document) -> str:
    return "\n".join(toc_titles(doc))


def _key(req: Requirement) -> tuple:
    return (req.act, str(req.art), str(req.ust), str(req.pkt)) if req.art is not None else (req.id,)


def _one_per_provision(pairs: list[tuple[Requirement, Finding]], as_of: date) -> list[Finding]:
    """Two wordings of one provision (pkt 3a of 2011 and of 2016) missing at once are one gap: one finding, for
    the wording in force at `as_of` (the one a revision must meet)."""
    groups: dict[tuple, list[tuple[Requirement, Finding]]] = {}
    for req, f in pairs:
        groups.setdefault(_key(req), []).append((req, f))
    keep = set()
    for items in groups.values():
        chosen = next((f for r, f in items if r.in_force(as_of)), items[0][1])
        keep.add(id(chosen))
    return [f for _, f in pairs if id(f) in keep]


def _evidenced(doc: Document, regular: list[Requirement], as_of: date, doc_date: DocDate | None) -> list[Finding]:
    text = _flat(doc.full_text() + "\n" + toc_text(doc))
    titles = [f"{s.number} {s.title}" for s in doc.walk_sections()] + toc_titles(doc)
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
        elif then and not now and doc_date:
            when = f" Przepis obowiązywał w dniu dokumentu ({doc_date.day.isoformat()}); obecnie już nie obowiązuje."
        out.append((req, Finding(
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
        )))
    return _one_per_provision(out, as_of)


def _period(name: str, made: DocDate | None, as_of: date) -> int:
    """A statutory period of rules/procedure.yaml (horizon_years, update_years) as in force when the document was
    made; a plan made before the period was enacted is judged by the one in force on `as_of`."""
    for day in ([made.day] if made is not None else []) + [as_of]:
        value = terms_on(day).get(name)
        if value is not None:
            return value
    raise UserError(f"rules/procedure.yaml, terms.{name}: brak brzmienia obowiązującego w dniu {as_of.isoformat()}.")


def _years(n: int, one: str = "rok", few: str = "lata", many: str = "lat") -> str:
    return plural_pl(n, one, few, many)


def _convention(years: int) -> str:
    return ("Okres liczę w latach kalendarzowych łącznie z rokiem początkowym i końcowym, bo art. 19 ust. 2 wymaga "
            f"okresu („co najmniej na okres {_years(years, 'roku', 'lat', 'lat')}”), a tytuł podaje lata, które plan "
            f"obejmuje: „na lata 2021–{2020 + years}” = {_years(years)} (od 1 stycznia 2021 do 31 grudnia "
            f"{2020 + years} r.).")


def _horizon(doc: Document, req: Requirement, doc_date: DocDate | None, as_of: date) -> list[Finding]:
    least = _period("horizon_years", doc_date, as_of)
    front = _front(doc)
    fallback = doc_date.day.year if doc_date and doc_date.certain else None
    horizon = find_horizon(front, fallback_start=fallback)
    if horizon is None:
        return [Finding(HORIZON_RULE, "warning",
                        f"Nie udało się odczytać okresu, na który sporządzono projekt założeń (art. 19 ust. 2: co najmniej {_years(least)}). "
                        + _convention(least),
                        "tytuł i pierwsza strona", "Szukano: „na lata RRRR–RRRR”, „z perspektywą do RRRR roku”",
                        "Podaj okres w tytule, np. „na lata 2025–2040”.")]
    span = f"{horizon.start}–{horizon.end}"
    if horizon.years < least:
        return [Finding(HORIZON_RULE, req.severity,
                        f"Okres objęty projektem założeń to {span}, czyli {_years(horizon.years)}; art. 19 ust. 2 Prawa "
                        f"energetycznego wymaga co najmniej {_years(least)}. " + _convention(least),
                        "tytuł i pierwsza strona", f"„{horizon.evidence}”",
                        f"Wydłuż okres prognozy co najmniej do roku {horizon.start + least - 1} i popraw tytuł.")]
    if (horizon.years == least and doc_date is not None and doc_date.certain
            and doc_date.day.year >= horizon.start and (doc_date.day.month, doc_date.day.day) != (1, 1)):
        left = horizon.end - doc_date.day.year + 1
        return [Finding(HORIZON_RULE, "warning",
                        f"Przypadek graniczny: okres {span} to dokładnie "
                        f"{_years(least, 'rok kalendarzowy', 'lata kalendarzowe', 'lat kalendarzowych')}, ale "
                        f"dokument pochodzi z {doc_date.day.isoformat()}, więc od tej daty obejmuje mniej niż "
                        f"{_years(least, 'pełny rok', 'pełne lata', 'pełnych lat')} "
                        f"({_years(left, 'rok kalendarzowy', 'lata kalendarzowe', 'lat kalendarzowych')} licząc rok "
                        f"dokumentu). " + _convention(least),
                        "tytuł i pierwsza strona", f"„{horizon.evidence}”; data dokumentu: {doc_date.how}",
                        f"Dla pewności wydłuż okres do roku {horizon.end + 1} (albo dalej).")]
    return []


def _update(req: Requirement, doc_date: DocDate | None, as_of: date) -> list[Finding]:
    if doc_date is None:
        years = _period("update_years", None, as_of)
        return [Finding(HORIZON_RULE, "warning",
                        "Nie udało się ustalić daty dokumentu, więc nie sprawdzono, czy aktualizowano go w ciągu "
                        + ("ostatniego roku." if years == 1 else f"ostatnich {_years(years, 'roku', 'lat', 'lat')}."),
                        "tytuł i pierwsza strona", "Szukano: „uchwała … z dnia …”, miesiąca i roku, samego roku",
                        "Podaj datę uchwalenia opcją --adopted RRRR-MM-DD.")]
    years = _period("update_years", doc_date, as_of)
    due = add_years(doc_date.day, years)
    if as_of <= due:
        return []
    every = _years(years)
    return [Finding(HORIZON_RULE, req.severity if doc_date.certain else "warning",
                    f"Dokument z {doc_date.day.isoformat()} ma w dniu {as_of.isoformat()} ponad {every}; "
                    f"art. 19 ust. 2 wymaga aktualizacji co najmniej raz na {every} (termin minął {due.isoformat()}).",
                    "tytuł i pierwsza strona", f"Data dokumentu: {doc_date.how}",
                    "Przygotuj aktualizację projektu założeń (lub podaj datę ostatniej aktualizacji opcją --adopted).")]


def _superseded(doc: Document, superseded: list[Requirement], doc_date: DocDate | None) -> list[Finding]:
    if doc_date is None:
        return []
    out = []
    for req in superseded:
        if doc_date.day < req.since:
            continue              # at the document's date the act was still in force
        hit = _first_citation(doc, req.evidence.keywords + act_patterns(req.act, getattr(req, "source", "") or ""))
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


def _first_citation(doc: Document, patterns: list[str]) -> tuple[str, str] | None:
    try:
        combined = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    except re.error:                    # a pattern with global inline flags cannot be joined: search one by one
        combined = re.compile(r"[\s\S]")
    paragraphs = [b for _, b in doc.blocks() if isinstance(b, Paragraph)]
    if not combined.search(_flat(" ".join(b.text for b in paragraphs))):
        return None                     # one pass over the whole text; most plans cite no repealed act
    for block in paragraphs:
        text = _flat(block.text)
        if not combined.search(text):
            continue
        for pattern in patterns:
            for m in re.finditer(pattern, text, re.IGNORECASE):
                context = text[max(0, m.start() - 100): m.end() + 60]
                if _NOT_AS_IN_FORCE.search(context):
                    continue
                snippet = text[max(0, m.start() - 60): m.end() + 40].strip()
                return block.location.describe(), snippet
    return None
