"""`reportgen build`: content folder → results → document model → statutory self-check → .docx."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportgen.document.assemble import assemble, place_annex
from reportgen.document.compliance import compliance_section
from reportgen.document.model import Document
from reportgen.document.structure import load_structure
from reportgen.errors import UserError
from reportgen.inputs.loader import load_content
from reportgen.inputs.parameters import load_parameters
from reportgen.inputs.yamlio import load_yaml
from reportgen.law.policies import policies_on
from reportgen.methods import method_of
from reportgen.paths import rules_dir, templates_dir
from reportgen.procedure.law import terms_on
from reportgen.render.charts import ChartPool
from reportgen.render.docx_writer import render_docx
from reportgen.render.typeset import typeset_document
from reportgen.results import Context, compute_results
from reportgen.rules.engine import statutory_findings
from reportgen.rules.requirements import load_requirements


@dataclass
class BuildResult:
    document: Document
    context: Context
    docx: bytes


MONTHS_NOMINATIVE = ["styczeń", "luty", "marzec", "kwiecień", "maj", "czerwiec", "lipiec", "sierpień", "wrzesień",
                     "październik", "listopad", "grudzień"]


def period_text(g) -> str:
    p = g.period
    if p.end >= p.horizon:
        return f"na lata {p.start}–{p.horizon}"
    return f"na lata {p.start}–{p.end} z perspektywą do {p.horizon} roku"


PLAN_TITLE = "Projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe"


def title_page(g, title: str = PLAN_TITLE) -> dict:
    res = g.resolution
    months = ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
              "października", "listopada", "grudnia"]
    d = g.document_date
    return {
        "title_heading": title.split(" dla ")[0].upper(),    # the document's kind, without the gmina
        "resolution_number": res.number if res.number and res.date else None,
        "resolution_date": f"{res.date.day} {months[res.date.month - 1]} {res.date.year} r." if res.date else None,
        "council": g.forms.adjective_council,
        "gmina_genitive": g.forms.genitive,
        "period_text": period_text(g),
        "author": g.author.name,
        "author_address": g.author.address,
        "place_date": f"{MONTHS_NOMINATIVE[d.month - 1]} {d.year}",
    }


def build_document(content_dir: Path, structure_path: Path | None = None, use_chart_cache: bool = True,
                   addenda=None) -> BuildResult:
    """`addenda`: optional extra annexes and meta added last (reportgen.procedure.revision.Addenda)."""
    ctx = load_context(content_dir)     # bad data stops the build here, before any chart worker starts
    with ChartPool(use_cache=use_chart_cache) as charts:   # charts are drawn while the text is written

        def draw_early(document: Document) -> None:
            typeset_document(document)      # chart labels as the finished document has them
            charts.render([f.chart_spec for f in document.figures()])

        document, ctx = compose_document(content_dir, structure_path, ctx, on_numbered=draw_early)
        if addenda is not None:   # revision annexes (reportgen.procedure.revision)
            addenda.apply(document)
        figures = document.figures()
        drawn = charts.render([f.chart_spec for f in figures])

        def attach_images() -> list[bytes]:
            """The renderer asks for the images once the text is written: each figure gets its PNG then."""
            pngs = drawn()
            for fig, png in zip(figures, pngs, strict=True):
                fig.image_png = png
            return pngs

        docx = render_docx(document, templates_dir() / "docx" / "reportgen.docx", attach_images)
        return BuildResult(document, ctx, docx)


def load_context(content_dir: Path) -> Context:
    """A content folder with its parameters and the vocabulary, ready for the producers (no results yet)."""
    content = load_content(content_dir)
    overrides = content.parameter_overrides or {}
    params = load_parameters(overrides=overrides, overrides_label=str(content.folder / "parameters.yaml"),
                             as_of=content.gmina.document_date, base_year=content.gmina.base_year)
    vocabulary, _ = load_yaml(rules_dir() / "vocabulary.yaml")
    if not isinstance(vocabulary, dict):
        raise UserError(f"{rules_dir() / 'vocabulary.yaml'}: plik powinien zawierać słownik klucz: wartość.")
    return Context(content=content, params=params, vocabulary=vocabulary)


def compose_document(content_dir: Path, structure_path: Path | None = None,
                     ctx: Context | None = None, on_numbered=None) -> tuple[Document, Context]:
    """Content folder → results → document model, self-checked against the statutory requirements (no .docx,
    no chart images: tests of what a document contains stop here). `ctx`: the folder already loaded;
    `on_numbered(document)`: called when the figures are known, before the text is rendered."""
    ctx = ctx or load_context(content_dir)
    content = ctx.content
    params = ctx.params
    compute_results(ctx)

    structure_path = structure_path or rules_dir() / "structure.yaml"
    structure = load_structure(structure_path)
    g = content.gmina
    text_context = {
        "g": g,
        "t": content.text or {},
        "method": method_of(content).name,
        "r": {name: res.value for name, res in ctx.results.items()},
        "overrides": params.overrides,
        "params": params,                       # params.value(id), params.entry(id).unit: the parameters a text names
        "law": policies_on(g.document_date),   # acts, policies and programmes in force on the document date
        "terms": terms_on(g.document_date),     # statutory periods in force then (rules/procedure.yaml)
    }
    document = assemble(ctx, structure, str(structure_path), templates_dir() / "text", text_context, on_numbered)
    typeset_document(document)   # en dashes in year ranges, also in chart labels (drawn from the model)

    # the title page text, as the checker reads it from a finished plan (period → art. 19 ust. 2 horizon)
    document.meta["front_text"] = f"{document.title}\n{period_text(g)}"
    # Statutory self-check with the checker's own rules: every requirement on the document in force on the
    # document date must be declared by a chapter (`satisfies`); the horizon must reach 15 years.
    requirements = load_requirements()
    errors = [f for f in statutory_findings(document, requirements, g.document_date, generated=True)
              if f.severity == "error"]
    if errors:
        raise UserError([f"{f.rule_id}: {f.message} {f.suggestion} (dane: {content.folder}, struktura: {structure_path})"
                         for f in errors])
    annex = structure.annex.get("compliance_matrix")
    if annex:   # made from the checked document, so placed after it
        place_annex(document, compliance_section(document, requirements, g.document_date, annex))

    document.meta.update({
        "title_page": title_page(g, document.title),
        "title": document.title,
        "subject": period_text(g),
        "short_title": f"Projekt założeń – {g.forms.nominative}",
        "author": g.author.name,
        "document_date": g.document_date,
    })
    return document, ctx
