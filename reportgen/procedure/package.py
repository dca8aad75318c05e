"""`reportgen procedure`: which products the recorded dates allow, their contexts, rendering and writing.

Everything is rendered in memory first; files are written (atomically, one by one) only when every product
rendered and no procedure check failed, so an error leaves nothing half-written.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs.loader import load_content
from reportgen.paths import templates_dir
from reportgen.procedure import comments as cm
from reportgen.procedure.docxrender import end_sentence
from reportgen.procedure.facts import ProcedureFacts, load_procedure
from reportgen.procedure.law import ProcedureRules, Step, load_procedure_rules
from reportgen.procedure.timeline import Finding, Timeline, check, compute
from reportgen.render.numbers import plural_pl

MONTHS = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
          "października", "listopada", "grudnia"]
BLANK_DATE = "……………………… r."

ASKS = {  # what each kind of company is asked for (art. 19 ust. 3 PE: the scope of the projekt założeń)
    "dso_electricity": [
        "plan rozwoju sieci dystrybucyjnej na obszarze gminy (inwestycje, modernizacje, terminy)",
        "liczbę odbiorców i zużycie energii elektrycznej w podziale na grupy taryfowe za ostatnie lata",
        "stan techniczny sieci SN i nN oraz stacji transformatorowych, rezerwy mocy",
        "źródła przyłączone do sieci (w tym odnawialne) i wydane warunki przyłączenia"],
    "tso_electricity": [
        "plan rozwoju sieci przesyłowej w zakresie dotyczącym obszaru gminy (linie i stacje najwyższych napięć)",
        "ograniczenia w zagospodarowaniu terenu wynikające z przebiegu linii przesyłowych"],
    "gas_operator": [
        "plan rozwoju sieci gazowej na obszarze gminy lub informację o jego braku",
        "liczbę odbiorców i zużycie gazu w podziale na grupy taryfowe za ostatnie lata",
        "warunki techniczne i ekonomiczne ewentualnej gazyfikacji gminy"],
    "heat_company": [
        "plan rozwoju źródeł i sieci ciepłowniczej na obszarze gminy",
        "moc zamówioną, sprzedaż ciepła i liczbę odbiorców za ostatnie lata",
        "paliwa, sprawność i emisje źródeł ciepła oraz planowane zmiany"],
}
WAYS = {
    "pismo": "pisemnie na adres {office}",
    "ustnie do protokołu": "ustnie do protokołu w siedzibie urzędu",
    "e-mail": "za pomocą poczty elektronicznej na adres {email}",
    "ePUAP": "przez elektroniczną skrzynkę podawczą ePUAP: {epuap}",
}


def polish_date(d: dt.date | None) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year} r." if d else BLANK_DATE


def short_date(d: dt.date | None) -> str:
    return d.strftime("%d.%m.%Y") + " r." if d else BLANK_DATE


@dataclass
class Product:
    path: str                      # relative to out/<gmina>/procedura/
    data: bytes
    step: str


@dataclass
class Package:
    facts: ProcedureFacts
    timeline: Timeline
    findings: list[Finding]
    products: list[Product] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (step title, why not yet)
    comments: list[cm.Comment] = field(default_factory=list)


def _ready(step: Step, facts: ProcedureFacts, t: Timeline, as_of: dt.date) -> str | None:
    """None when the step's products can be written; else why not (Polish)."""
    if step.when and not getattr(facts.p, step.when):
        return "nie dotyczy tej procedury"
    missing = [n for n in step.needed_facts() if t.get(n, facts) is None]
    if missing:
        return "brak dat: " + ", ".join(f"dates.{n}" for n in missing)
    if step.after:
        limit = t.get(step.after, facts)
        if limit is None or as_of <= limit:
            return f"po {short_date(limit)} (stan na {short_date(as_of)})"
    day = t.get(step.date, facts) or as_of
    if not step.in_force(day):
        return f"krok nie obowiązuje w dniu {short_date(day)}"
    return None


ANNEX_1 = "10_projekt_uchwaly_zalacznik_1.docx"   # the document as załącznik nr 1, beside the draft resolution


@dataclass
class Attached:
    """The built document the draft resolution adopts (załącznik nr 1): copied into the package beside the draft
    and named in it with its SHA-256, so the file the council votes on is identified exactly."""
    data: bytes
    label: str                     # e.g. "wersja 2 z 05.09.2022 r. (po rozpatrzeniu uwag)" or the file name

    def context(self) -> dict:
        import hashlib
        return {"file": ANNEX_1, "sha256": hashlib.sha256(self.data).hexdigest(), "label": self.label}


def build_package(folder: Path, as_of: dt.date, rules: ProcedureRules | None = None,
                  document: Attached | None = None, document_missing: str = "") -> Package:
    """`document`: the built document for załącznik nr 1 of the draft resolution; without it the draft names the
    document by title only and `document_missing` says why (listed in `skipped`)."""
    folder = Path(folder)
    rules = rules or load_procedure_rules()
    facts = load_procedure(folder)
    content = load_content(folder)
    timeline = compute(facts, rules)
    comment_file = timeline.load_comments(folder)
    comments = comment_file.comments if comment_file else []
    findings = check(facts, rules, timeline, comments)
    errors = [f.message for f in findings if f.severity == "error"]
    if errors:
        raise UserError(errors)
    package = Package(facts, timeline, findings, comments=comments)
    base = _base_context(facts, content, rules)
    for step in rules.steps:
        why = _ready(step, facts, timeline, as_of)
        if why:
            package.skipped.append((step.title, why))
            continue
        step_date = timeline.get(step.date, facts)
        for product in step.products:
            for key, ctx in _contexts(step, product, facts, base, timeline, rules, comments, content, step_date,
                                          as_of, document):
                name = product.file.format(key=key)
                from reportgen.procedure.docxrender import render_template
                data = render_template(templates_dir() / "docx" / "procedure" / product.template, ctx,
                                       step_date or facts.p.dates.display_start or content.gmina.document_date,
                                       facts.p.office.name)
                package.products.append(Product(name, data, step.id))
        if step.id == "draft_resolution":
            if document is not None:
                package.products.append(Product(ANNEX_1, document.data, step.id))
            else:
                package.skipped.append(("Załącznik nr 1 do projektu uchwały (dokument)", document_missing or
                                        "brak zbudowanego dokumentu – uruchom reportgen build"))
    return package


def project_title(content) -> str:
    from reportgen.build import period_text
    g = content.gmina
    return (f"projektu założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe dla "
            f"{g.forms.genitive} {period_text(g)}")


def document_title(content) -> str:
    from reportgen.build import period_text
    g = content.gmina
    return f"Założenia do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe dla {g.forms.genitive} {period_text(g)}"


def _base_context(facts: ProcedureFacts, content, rules: ProcedureRules) -> dict:
    p = facts.p
    g = content.gmina
    return {
        "office_name": p.office.name, "office_name_gen": p.office.name_genitive,
        "office_address": p.office.address, "office_address_line": ", ".join(p.office.address),
        "place": p.office.place, "bip": p.office.bip, "room": p.office.room, "hours": p.office.hours,
        "signer_office": p.signer.office, "signer_office_upper": p.signer.office.upper(),
        "signer_office_dative": p.signer.office_dative, "signer_name": p.signer.name,
        "gmina_nom": g.forms.nominative, "gmina_gen": g.forms.genitive,
        "council_nom": p.council, "council_upper": p.council.upper(), "council_gen": g.forms.adjective_council,
        "council": p.council,
        "project_title": project_title(content), "project_title_acc": "projekt" + project_title(content)[len("projektu"):], "document_title": document_title(content),  # noqa: E501
        "to_name": None, "to_address": [], "salutation": None,
        "resolution_number": p.resolution_number or "……………",
    }


def _with(base: dict, **extra) -> dict:
    ctx = dict(base)
    ctx.update(extra)
    return ctx


def _party(party) -> dict:
    return {"to_name": party.name, "to_address": party.address, "salutation": party.salutation}


def _register_rows(comments, audience: str) -> list[dict]:
    return cm.internal_view(comments) if audience == "internal" else cm.public_view(comments)


def _counts(comments) -> dict:
    return {"n_total": len(comments),
            "n_accepted": sum(c.decision == "uwzględniona" for c in comments),
            "n_partial": sum(c.decision == "uwzględniona częściowo" for c in comments),
            "n_rejected": sum(c.decision == "nieuwzględniona" for c in comments),
            "n_late": sum(c.late for c in comments)}


def _contexts(step: Step, product, facts, base, t: Timeline, rules: ProcedureRules, comments, content, step_date,
              as_of: dt.date, document: Attached | None = None):
    """(key, context) pairs: one per addressee for per-party products, else one."""
    on = step_date or as_of
    common = _with(base, basis=rules.cite(step.basis, on), date=polish_date(step_date))
    if product.per in ("energy_company", "neighbour", "sea_body"):
        yield from _party_contexts(product.per, step, facts.p, common, rules, on)
    else:
        yield "", _step_context(step, product, facts, t, rules, comments, content, on, common, document)


def _party_contexts(per: str, step: Step, p, common: dict, rules: ProcedureRules, on: dt.date):
    """One context per addressee: each energy company, each neighbouring gmina, or the two SEA bodies."""
    if per == "energy_company":
        for company in p.energy_companies:
            yield company.key, _with(common, **_party(company), company_name=company.name,
                                     asks=ASKS[company.role], resolution_date=polish_date(p.dates.resolution_date))
    elif per == "neighbour":
        for gm in p.neighbours:
            yield gm.key, _with(common, **_party(gm))
    else:
        wanted = [c for c in step.basis if (c.art == "48") == p.sea_waived]
        subject = ("uzgodnienia odstąpienia od przeprowadzenia strategicznej oceny oddziaływania na środowisko"
                   if p.sea_waived else "uzgodnienia zakresu i stopnia szczegółowości prognozy oddziaływania na środowisko")
        for key, body in (("rdos", p.rdos), ("ppis", p.ppis)):
            yield key, _with(common, **_party(body), basis=rules.cite(wanted, on), sea_waived=p.sea_waived, subject=subject)


def _comment_ways(p) -> list[str]:
    """The ways of submitting comments the office offers (e-mail and ePUAP only where it has them)."""
    return [WAYS[w].format(office=", ".join([p.office.name] + p.office.address), email=p.office.email,
                           epuap=p.office.epuap)
            for w in ("pismo", "ustnie do protokołu", "e-mail", "ePUAP")
            if (w != "e-mail" or p.office.email) and (w != "ePUAP" or p.office.epuap)]


def _step_context(step: Step, product, facts, t: Timeline, rules: ProcedureRules, comments, content, on: dt.date,
                  common: dict, document: Attached | None) -> dict:
    """The context of a product written once (a notice, the register of comments, the draft resolution, …)."""
    p, d = facts.p, facts.p.dates
    if step.id == "sea_notice":
        return _with(common, rdos_name=p.rdos.name, ppis_name=p.ppis.name,
                     rdos_reply=short_date(d.sea_reply_rdos), ppis_reply=short_date(d.sea_reply_ppis))
    if step.id == "opinion_request":
        return _with(common, **_party(p.opinion_body))
    if step.id in ("display_notice", "rodo_clause"):
        ways = _comment_ways(p)
        comments_basis = rules.cite(rules.step("comment_register").basis, on)
        # the period as published, counted as art. 57 KPA counts (start day not counted): a free last day or the
        # gmina's own longer end makes it longer than the statutory minimum, and the notice must not say otherwise
        return _with(common, display_start=short_date(d.display_start), display_end=short_date(t.display_end),
                     display_days=(t.display_end - d.display_start).days, ways=ways,
                     ways_short="Uwagi można składać: " + "; ".join(ways) + ".",
                     rodo=rules.step("rodo_clause").in_force(d.display_notice), dpo=p.office.data_protection_officer,
                     comments_basis=comments_basis)
    if step.id == "comment_register":
        return _with(common, display_start=short_date(d.display_start), display_end=short_date(t.display_end),
                     rows=_register_rows(comments, product.audience), internal=product.audience == "internal",
                     **_counts(comments))
    if step.id == "draft_resolution":
        return _with(common, session=polish_date(d.session), rows=_register_rows(comments, "public"),
                     annex1=document.context() if document else None,
                     justification=_justification(facts, t, rules, comments, content, on))
    if step.id == "currency_review":
        return _with(common, **_review(facts, t, rules, content))
    raise UserError(f"rules/procedure.yaml, krok {step.id}: brak opisu treści pisma w reportgen.procedure.package.")


def _years(n: int) -> str:
    """15 → '15 lat', 3 → '3 lata' (after 'na': accusative, same as the counted-noun forms)."""
    return plural_pl(n, "rok", "lata", "lat")


def _justification(facts, t: Timeline, rules: ProcedureRules, comments, content, on: dt.date) -> list[str]:
    p, d = facts.p, facts.p.dates
    horizon, update = rules.term("horizon_years", on), rules.term("update_years", on)
    out = [f"Obowiązek opracowania projektu założeń wynika z {rules.cite_provision('plan_obligation', on)}; "
           f"projekt sporządza się na co najmniej {_years(horizon.value)} i aktualizuje co najmniej "
           f"raz na {_years(update.value)} ({rules.cite(update.basis, on)})."]
    if d.energy_requests_sent:
        replied = [c.name for c in p.energy_companies if c.key in d.energy_replies]
        out.append(f"Pismami z dnia {polish_date(d.energy_requests_sent)} zwrócono się do przedsiębiorstw energetycznych "
                   f"o plany rozwoju i propozycje; odpowiedzi udzieliły: {', '.join(replied) if replied else 'żadne'}")
    if d.sea_notice and p.sea_waived:
        out.append(f"Odstąpienie od przeprowadzenia strategicznej oceny oddziaływania na środowisko uzgodniono "
                   f"z organami: {p.rdos.name} oraz {p.ppis.name}; informację o odstąpieniu podano do publicznej "
                   f"wiadomości obwieszczeniem z dnia {polish_date(d.sea_notice)}")
    if d.opinion_received:
        summary = f": {p.opinion_summary}" if p.opinion_summary else ""
        out.append(f"Projekt założeń zaopiniował {p.opinion_body.name} (opinia z dnia {polish_date(d.opinion_received)}){summary}")
    if d.display_start:
        c = _counts(comments)
        out.append(f"Projekt był wyłożony do publicznego wglądu od {polish_date(d.display_start)} do "
                   f"{polish_date(t.display_end)} Zgłoszono {c['n_total']} wniosków, zastrzeżeń i uwag: "
                   f"{c['n_accepted']} uwzględniono, {c['n_partial']} uwzględniono częściowo, {c['n_rejected']} nie "
                   f"uwzględniono; sposób ich rozpatrzenia określa załącznik nr 2.")
    return [end_sentence(x) for x in out]


def _review(facts, t: Timeline, rules: ProcedureRules, content) -> dict:
    from reportgen.build import period_text
    from reportgen.procedure.review import currency_review
    d = facts.p.dates
    g = content.gmina
    review = currency_review(d.resolution_date, d.review, t, rules, g.base_year)
    years = rules.term("update_years", d.resolution_date)
    age = d.review.year - g.base_year
    if review.overdue:
        status = f"termin aktualizacji upłynął {polish_date(review.due)} – założenia wymagają aktualizacji."
        recommendation: str | None = (f"przystąpić do aktualizacji projektu założeń ({rules.cite(years.basis, d.review)}), "
                          f"uwzględniając zmiany wymienione powyżej.")
    else:
        status = f"założenia są aktualne co do terminu; aktualizacja najpóźniej do {polish_date(review.due)}."
        recommendation = None if not review.any_change else \
            "ocenić, czy wymienione zmiany wymagają aktualizacji przed upływem terminu."
    return {"resolution_date": polish_date(d.resolution_date), "update_due": polish_date(review.due),
            "update_years": years.value, "status": status, "law_changes": review.law_changes,
            "policy_changes": review.policy_changes, "parameter_changes": review.parameter_changes,
            "base_year": g.base_year, "data_age": age,
            "period": period_text(g).removeprefix("na lata "), "recommendation": recommendation,
            "basis": rules.cite(years.basis, d.review)}


def write_package(package: Package, out_dir: Path, force: bool = False, pdf: bool = True) -> list[Path]:
    """Write every product (and its PDF when LibreOffice is present); refuse before writing anything when a
    target was edited by hand."""
    from reportgen.output import hand_edited, write_generated
    from reportgen.procedure.docxrender import to_pdf
    files = {p.path: p.data for p in package.products}
    if pdf:
        files.update(to_pdf(files))
    if not force:
        edited = [str(out_dir / name) for name in sorted(files) if hand_edited(out_dir / name)]
        if edited:
            raise UserError([f"{e}: plik zmieniono po wygenerowaniu – nie nadpisuję go (użyj --force; stary plik "
                             f"zostanie zachowany jako .bak)." for e in edited])
    written = []
    for name in sorted(files):
        write_generated(out_dir / name, files[name], force)
        written.append(out_dir / name)
    return written
