"""Check the procedure of a plan from its procedure.yaml (`reportgen check content/<gmina>/procedure.yaml`, or
`reportgen procedure KATALOG --sprawdz`): the dates against the rules (21-day display counted as KPA counts,
comments after the deadline, opinion after the session, session before the end of the display…), the comment
file, and for an adopted plan whether its 3-year update is due (art. 19 ust. 2). Nothing is written."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import UserError
from reportgen.procedure.facts import load_procedure
from reportgen.procedure.law import load_procedure_rules
from reportgen.procedure.timeline import Finding, check, compute


@dataclass
class ProcedureReport:
    lines: list[str]
    findings: list[Finding]

    @property
    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def text(self) -> str:
        return "\n".join(self.lines)


def _short(d: dt.date | None) -> str:
    return d.strftime("%d.%m.%Y") + " r." if d else "–"


def check_procedure(path: Path, as_of: dt.date) -> ProcedureReport:
    """`path`: a procedure.yaml or the content folder holding it."""
    path = Path(path)
    folder = path.parent if path.suffix in (".yaml", ".yml") else path
    if path.suffix in (".yaml", ".yml") and path.name != "procedure.yaml":
        raise UserError(f"{path}: procedurę sprawdza się z pliku procedure.yaml w katalogu danych gminy.")
    if not (folder / "procedure.yaml").is_file():
        raise UserError(f"{folder / 'procedure.yaml'}: brak pliku procedury.")
    rules = load_procedure_rules()
    facts = load_procedure(folder)
    timeline = compute(facts, rules)
    comment_file = timeline.load_comments(folder)
    comments = comment_file.comments if comment_file else []
    findings = check(facts, rules, timeline, comments)
    d = facts.p.dates
    if d.resolution_date and timeline.update_due and as_of > timeline.update_due:
        years = rules.term("update_years", d.resolution_date)
        findings.append(Finding("error", f"{facts.where('dates', 'resolution_date')}: założenia uchwalone "
                                f"{_short(d.resolution_date)} należało zaktualizować do {_short(timeline.update_due)} "
                                f"({rules.cite(years.basis, as_of)}: co najmniej raz na {years.value} lata)."))
    lines = [f"Procedura: {folder / 'procedure.yaml'} (stan na {_short(as_of)})"]
    if d.display_start and timeline.display_end:
        length = (timeline.display_end - d.display_start).days
        lines.append(f"Wyłożenie: od {_short(d.display_start)} do {_short(timeline.display_end)} "
                     f"({length} dni; wymagane: {timeline.display_days} dni); uwagi do {_short(timeline.display_end)}")
    if comment_file:
        late = sum(c.late for c in comments)
        lines.append(f"Uwagi: {len(comments)} ({comment_file.path.name})" + (f", po terminie: {late}" if late else "")
                     + ".")
    if timeline.update_due:
        lines.append(f"Uchwała: {_short(d.resolution_date)}; aktualizacja najpóźniej do {_short(timeline.update_due)}.")
    labels = {"error": "błąd", "warning": "ostrzeżenie"}
    lines += [f"{labels[f.severity]}: {f.message}" for f in findings]
    errors = sum(f.severity == "error" for f in findings)
    lines.append(f"Wynik: błędy: {errors}, ostrzeżenia: {len(findings) - errors}.")
    return ProcedureReport(lines, findings)


def run_check(path: Path, as_of: dt.date) -> int:
    """CLI: print the report; exit status 0 (no errors), 1 (errors in the procedure), 2 (unreadable input)."""
    import click

    from reportgen.cli import fail
    try:
        report = check_procedure(path, as_of)
    except UserError as exc:
        fail(exc)
        return 2
    click.echo(report.text())
    return 1 if report.failed else 0
