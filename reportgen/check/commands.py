"""Click commands `check` and `rules` (registered by reportgen.cli)."""
from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import date
from pathlib import Path

import click

from reportgen.errors import UserError

FORMATS = ("text", "json", "html")


class PolishDate(click.ParamType):
    name = "RRRR-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, date):
            return value
        text = str(value).strip()
        m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)
        try:
            if m:
                return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return date.fromisoformat(text)
        except ValueError:
            self.fail(f"niepoprawna data „{value}” — podaj RRRR-MM-DD, np. 2025-06-30", param, ctx)


DATE = PolishDate()


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fail(ctx: click.Context, exc: UserError) -> None:
    for message in exc.messages:
        click.echo(f"Błąd: {message}", err=True)
    ctx.exit(2)


@click.command("check", context_settings={"help_option_names": ["-h", "--help"]},
               help="Sprawdza istniejący projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną "
                    "i paliwa gazowe (PLIK: .docx, .pdf, .txt lub .md): wymagania ustawowe (art. 18–20 Prawa "
                    "energetycznego, ustawa o efektywności energetycznej) oraz jakość — odwołania do tabel i rysunków, "
                    "numerację i spisy, podpisy, sumy w tabelach. Kod wyjścia: 0 — brak błędów, 1 — są błędy, "
                    "2 — nie można odczytać pliku lub błędne wywołanie.")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path), metavar="PLIK")
@click.option("--as-of", "as_of", type=DATE, default=None,
              help="Dzień, na który ocenia się zgodność z prawem (domyślnie dziś).")
@click.option("--adopted", type=DATE, default=None,
              help="Data uchwalenia dokumentu, jeśli nie wynika z jego pierwszej strony (do oceny aktualności "
                   "i powołań aktów uchylonych).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Format raportu: text (dla człowieka), json (dla programów), html (do załączenia).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Zapisz raport do pliku zamiast wypisywać go na ekran.")
@click.option("--requirements", "requirements_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Plik z wymaganiami (domyślnie rules/requirements.yaml).")
@click.pass_context
def check(ctx, file, as_of, adopted, fmt, output, requirements_file):
    from reportgen.check.readers import read_document
    from reportgen.check.report import ReportContext, render, summary_line
    from reportgen.rules.engine import check_document, has_errors
    from reportgen.rules.requirements import load_requirements

    as_of = as_of or date.today()
    try:
        if output is not None and output.resolve() == file.resolve():
            raise UserError(f"{output}: raport nadpisałby sprawdzany dokument — podaj inną ścieżkę w -o.")
        requirements = load_requirements(requirements_file)
        doc = read_document(file)
        findings = check_document(doc, requirements, as_of, adopted)
        report = render(findings, fmt, ReportContext(
            file=str(file), title=doc.title, as_of=as_of, adopted=adopted,
            format=doc.meta.get("format", ""), notes=list(doc.meta.get("notes", []))))
        if output is not None:
            try:
                _write_atomic(output, report)
            except OSError as exc:
                raise UserError(f"{output}: nie można zapisać raportu ({exc.strerror or exc})") from None
            click.echo(f"Raport zapisano w {output}: {summary_line(findings)}.")
        else:
            click.echo(report, nl=False)
    except UserError as exc:
        _fail(ctx, exc)
    ctx.exit(1 if has_errors(findings) else 0)


@click.command("rules", context_settings={"help_option_names": ["-h", "--help"]},
               help="Wypisuje wymagania ustawowe, według których sprawdzane są dokumenty: identyfikator, "
                    "podstawę prawną, okres obowiązywania, poziom i treść.")
@click.option("--as-of", "as_of", type=DATE, default=None, help="Pokaż tylko wymagania obowiązujące w tym dniu.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="Format listy.")
@click.option("--requirements", "requirements_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Plik z wymaganiami (domyślnie rules/requirements.yaml).")
@click.pass_context
def rules(ctx, as_of, fmt, requirements_file):
    from reportgen.rules.requirements import load_requirements

    try:
        requirements = load_requirements(requirements_file)
    except UserError as exc:
        _fail(ctx, exc)
    if as_of is not None:
        requirements = [r for r in requirements if r.in_force(as_of)]
    if fmt == "json":
        data = [r.model_dump(mode="json") | {"citation": r.citation()} for r in requirements]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
        return
    level = {"error": "błąd", "warning": "ostrzeżenie", "info": "informacja"}
    header = f"Wymagania ustawowe ({len(requirements)})" + (f" obowiązujące {as_of.isoformat()}" if as_of else "")
    click.echo(header)
    click.echo("=" * len(header))
    for r in requirements:
        kind = " · powołanie aktu uchylonego" if r.kind == "superseded" else (
            " · procedura" if r.applies_to == "procedure" else "")
        click.echo(f"\n{r.id}  [{level[r.severity]}{kind}]")
        click.echo(f"  {r.citation()}")
        click.echo(f"  obowiązuje: {r.validity()}")
        click.echo(f"  {r.text}" + (" [interpretacja]" if r.basis == "interpretation" else ""))
        click.echo(f"  źródło: {r.source} · sprawdzono: {r.last_verified.isoformat()}")
    from reportgen.law.policies import list_policies_text
    click.echo(list_policies_text(as_of))
