"""Findings report for a person (text), a machine (JSON, stable sorted keys) and a reviewer (self-contained HTML)."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field, replace
from datetime import date

from reportgen import __version__
from reportgen.check.sanitize import clean
from reportgen.render.numbers import plural_pl
from reportgen.rules.findings import SEVERITIES, Finding, counts, sort_findings

HEADINGS = {"error": "BŁĘDY", "warning": "OSTRZEŻENIA", "info": "INFORMACJE"}
LEVEL = {"error": "błąd", "warning": "ostrzeżenie", "info": "informacja"}


@dataclass
class ReportContext:
    file: str
    title: str
    as_of: date
    adopted: date | None = None
    format: str = ""
    notes: list[str] = field(default_factory=list)


def summary_line(findings: list[Finding]) -> str:
    c = counts(findings)
    return ", ".join([plural_pl(c["error"], "błąd", "błędy", "błędów"),
                      plural_pl(c["warning"], "ostrzeżenie", "ostrzeżenia", "ostrzeżeń"),
                      plural_pl(c["info"], "informacja", "informacje", "informacji")])


def _clean_finding(f: Finding) -> Finding:
    return replace(f, message=clean(f.message), location=clean(f.location), evidence=clean(f.evidence),
                   suggestion=clean(f.suggestion))


def render(findings: list[Finding], fmt: str, ctx: ReportContext) -> str:
    findings = [_clean_finding(f) for f in sort_findings(findings)]
    ctx = replace(ctx, file=clean(ctx.file), title=clean(ctx.title), notes=[clean(n) for n in ctx.notes])
    if fmt == "csv":
        from reportgen.check.batch import PlanResult, render_batch
        return render_batch([PlanResult(ctx.file, ctx.title, findings, notes=ctx.notes)], "csv", ctx.as_of)
    if fmt == "json":
        return render_json(findings, ctx)
    if fmt == "html":
        return render_html(findings, ctx)
    return render_text(findings, ctx)


def render_text(findings: list[Finding], ctx: ReportContext) -> str:
    lines = [f"Kontrola dokumentu: {ctx.file}",
             f"Tytuł: {ctx.title or '(nie odczytano)'}",
             f"Stan prawny na dzień: {ctx.as_of.isoformat()}"
             + (f"; data uchwalenia: {ctx.adopted.isoformat()}" if ctx.adopted else ""),
             f"Wynik: {summary_line(findings)}"]
    for note in ctx.notes:
        lines.append(f"Uwaga: {note}")
    number = 0
    for severity in SEVERITIES:
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines += ["", HEADINGS[severity], "-" * len(HEADINGS[severity])]
        for f in group:
            number += 1
            lines.append(f"{number:>3}. [{f.rule_id}] {f.location}")
            lines.append(f"     {f.message}")
            if f.evidence:
                lines.append(f"     Dowód: {f.evidence}")
            if f.suggestion:
                lines.append(f"     Co zrobić: {f.suggestion}")
    if not findings:
        lines += ["", "Nie znaleziono uchybień."]
    return "\n".join(lines) + "\n"


def as_data(findings: list[Finding], ctx: ReportContext) -> dict:
    return {
        "tool": f"reportgen {__version__}",
        "document": {"file": ctx.file, "title": ctx.title, "format": ctx.format},
        "as_of": ctx.as_of.isoformat(),
        "adopted": ctx.adopted.isoformat() if ctx.adopted else None,
        "summary": counts(findings),
        "notes": list(ctx.notes),
        "findings": [f.to_dict() for f in findings],
    }


def render_json(findings: list[Finding], ctx: ReportContext) -> str:
    return json.dumps(as_data(findings, ctx), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_CSS = """
body{font-family:"Segoe UI",Arial,sans-serif;margin:2em;color:#222;max-width:1200px}
h1{font-size:1.4em}table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border:1px solid #ccc;padding:.4em .5em;vertical-align:top;text-align:left}
th{background:#f1f1f1}.error td.lvl{background:#fbe3e3;font-weight:bold}
.warning td.lvl{background:#fff4d6}.info td.lvl{background:#e8f1fb}
.meta td{border:none;padding:.1em .6em .1em 0}.ev{color:#555;font-style:italic}
@media print{body{margin:1cm}}
"""


def render_html(findings: list[Finding], ctx: ReportContext) -> str:
    e = html.escape
    rows = []
    for n, f in enumerate(findings, 1):
        rows.append(
            f'<tr class="{e(f.severity)}"><td>{n}</td><td class="lvl">{e(LEVEL[f.severity])}</td>'
            f"<td>{e(f.rule_id)}</td><td>{e(f.location)}</td><td>{e(f.message)}</td>"
            f'<td class="ev">{e(f.evidence)}</td><td>{e(f.suggestion)}</td></tr>')
    notes = "".join(f"<p>Uwaga: {e(n)}</p>" for n in ctx.notes)
    body = ("<table><thead><tr><th>#</th><th>Poziom</th><th>Reguła</th><th>Miejsce</th><th>Opis</th>"
            "<th>Dowód</th><th>Co zrobić</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
            if rows else "<p>Nie znaleziono uchybień.</p>")
    adopted = f"<tr><td>Data uchwalenia:</td><td>{e(ctx.adopted.isoformat())}</td></tr>" if ctx.adopted else ""
    return (
        '<!DOCTYPE html>\n<html lang="pl"><head><meta charset="utf-8">'
        f"<title>Raport kontroli: {e(ctx.title or ctx.file)}</title><style>{_CSS}</style></head><body>"
        f"<h1>Raport kontroli projektu założeń</h1>"
        f'<table class="meta"><tr><td>Plik:</td><td>{e(ctx.file)}</td></tr>'
        f"<tr><td>Tytuł:</td><td>{e(ctx.title or '(nie odczytano)')}</td></tr>"
        f"<tr><td>Stan prawny na dzień:</td><td>{e(ctx.as_of.isoformat())}</td></tr>{adopted}"
        f"<tr><td>Wynik:</td><td>{e(summary_line(findings))}</td></tr></table>{notes}{body}"
        f"<p><small>Wygenerowano przez reportgen {e(__version__)}.</small></p></body></html>\n")
