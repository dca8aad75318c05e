"""Click commands `check` and `rules` (registered by reportgen.cli)."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import click

from reportgen.errors import UserError
from reportgen.output import atomic_write

FORMATS = ("text", "json", "html", "csv")


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


def _fail(ctx: click.Context, exc: UserError) -> None:
    from reportgen.check.sanitize import clean
    for message in exc.messages:
        click.echo(f"Błąd: {clean(message)}", err=True)
    ctx.exit(2)


@click.command("check", context_settings={"help_option_names": ["-h", "--help"]},
               help="Sprawdza istniejący projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną "
                    "i paliwa gazowe (PLIK: .docx, .pdf, .txt lub .md) albo wszystkie plany w FOLDERZE (równolegle, "
                    "na wszystkich rdzeniach; wynik: jeden wiersz na plan i uwagę): wymagania ustawowe (art. 18–20 "
                    "Prawa energetycznego, ustawa o efektywności energetycznej) oraz jakość — odwołania do tabel "
                    "i rysunków, numerację i spisy, podpisy, sumy w tabelach, jednostki paliw, niewypełnione pola. "
                    "Skany PDF czytane są przez OCR (Tesseract), jeśli jest zainstalowany. Kod wyjścia: 0 — brak "
                    "błędów, 1 — są błędy (lub plik nieczytelny w folderze), 2 — nie można odczytać pliku lub "
                    "błędne wywołanie.")
@click.argument("file", type=click.Path(path_type=Path), metavar="PLIK|FOLDER")
@click.option("--as-of", "as_of", type=DATE, default=None,
              help="Dzień, na który ocenia się zgodność z prawem (domyślnie dziś).")
@click.option("--adopted", type=DATE, default=None,
              help="Data uchwalenia dokumentu, jeśli nie wynika z jego pierwszej strony (do oceny aktualności "
                   "i powołań aktów uchylonych).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="Format raportu: text (dla człowieka), json (dla programów), html (do załączenia), "
                   "csv (arkusz: jeden wiersz na plan i uwagę, separator „;”).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Zapisz raport do pliku zamiast wypisywać go na ekran.")
@click.option("--requirements", "requirements_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Plik z wymaganiami (domyślnie rules/requirements.yaml).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Konfiguracja firmy: poziomy reguł jakości lub ich wyłączenie (domyślnie .reportgen.yaml "
                   "albo reportgen.yaml obok sprawdzanego pliku lub w bieżącym folderze).")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Liczba równoległych procesów przy sprawdzaniu folderu (domyślnie liczba rdzeni).")
@click.pass_context
def check(ctx, file, as_of, adopted, fmt, output, requirements_file, config_file, jobs):
    from reportgen.rules.findings import has_errors
    from reportgen.rules.quality_config import find_config

    as_of = as_of or date.today()
    failed = False
    if file.name == "procedure.yaml":   # the procedure of a plan, not its text (reportgen.procedure.check)
        from reportgen.procedure.check import run_check
        ctx.exit(run_check(file, as_of))
    try:
        if output is not None and output.exists() and file.exists() and output.resolve() == file.resolve():
            raise UserError(f"{output}: raport nadpisałby sprawdzany dokument — podaj inną ścieżkę w -o.")
        config_path = find_config(config_file, file if file.is_dir() else file.parent)
        if file.is_dir():
            from reportgen.check.batch import check_folder, render_batch
            results = check_folder(file, requirements_file=requirements_file, as_of=as_of, adopted=adopted,
                                   config_file=config_path, jobs=jobs)
            report = render_batch(results, fmt, as_of)
            failed = any(r.failed for r in results)
            summary = f"{len(results)} plików, z błędami: {sum(r.failed for r in results)}"
        else:
            findings, report = _check_file(file, as_of, adopted, fmt, requirements_file, config_path)
            failed = has_errors(findings)
            from reportgen.check.report import summary_line
            summary = summary_line(findings)
        if output is not None:
            try:
                atomic_write(output, report.encode("utf-8"))   # with the user's umask
            except OSError as exc:
                raise UserError(f"{output}: nie można zapisać raportu ({exc.strerror or exc})") from None
            click.echo(f"Raport zapisano w {output}: {summary}.")
        else:
            click.echo(report, nl=False)
    except UserError as exc:
        _fail(ctx, exc)
    ctx.exit(1 if failed else 0)


def _check_file(file: Path, as_of: date, adopted: date | None, fmt: str, requirements_file: Path | None,
                config_path: Path | None):
    from reportgen.check.readers import read_document
    from reportgen.check.report import ReportContext, render
    from reportgen.rules.engine import check_document
    from reportgen.rules.quality_config import load_config
    from reportgen.rules.requirements import load_requirements

    if not file.exists():
        raise UserError(f"{file}: nie ma takiego pliku")
    requirements = load_requirements(requirements_file)
    config = load_config(config_path)
    doc = read_document(file)
    findings = check_document(doc, requirements, as_of, adopted, config=config)
    notes = list(doc.meta.get("notes", []))
    if config_path is not None:
        notes.append(f"Zastosowano konfigurację reguł z pliku {config_path}.")
    report = render(findings, fmt, ReportContext(
        file=str(file), title=doc.title, as_of=as_of, adopted=adopted,
        format=doc.meta.get("format", ""), notes=notes))
    return findings, report


@click.command("rules", context_settings={"help_option_names": ["-h", "--help"]},
               help="Wypisuje wymagania ustawowe, według których sprawdzane są dokumenty: identyfikator, "
                    "podstawę prawną, okres obowiązywania, poziom i treść.")
@click.option("--as-of", "as_of", type=DATE, default=None, help="Pokaż tylko wymagania obowiązujące w tym dniu.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="Format listy.")
@click.option("--requirements", "requirements_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Plik z wymaganiami (domyślnie rules/requirements.yaml).")
@click.option("--quality", "quality_only", is_flag=True,
              help="Tylko reguły jakości (Q-…) z rules/quality.yaml, z poziomami po konfiguracji firmy.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Konfiguracja firmy (domyślnie .reportgen.yaml lub reportgen.yaml w bieżącym folderze).")
@click.pass_context
def rules(ctx, as_of, fmt, requirements_file, quality_only, config_file):
    from reportgen.rules.requirements import load_requirements

    if quality_only:
        _quality_rules(ctx, fmt, config_file)
        return
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
    click.echo("")
    _quality_rules(ctx, fmt, config_file)


def _quality_rules(ctx: click.Context, fmt: str, config_file: Path | None) -> None:
    """Quality rules (rules/quality.yaml) with the level a firm's config gives them."""
    from reportgen.rules.findings import SEVERITY_PL
    from reportgen.rules.quality_config import find_config, load_config, load_rules

    try:
        quality = load_rules()
        config_path = find_config(config_file)
        config = load_config(config_path, quality)
    except UserError as exc:
        _fail(ctx, exc)
    effective = {r.id: ("off" if r.id in config.off else config.levels.get(r.id, r.level)) for r in quality}
    if fmt == "json":
        data = [{"id": r.id, "level": r.level, "effective_level": effective[r.id], "message": r.message,
                 "description": r.description, "link": r.link} for r in quality]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
        return
    header = f"Reguły jakości ({len(quality)})" + (f" — konfiguracja: {config_path}" if config_path else "")
    click.echo(header)
    click.echo("=" * len(header))
    for r in quality:
        level = effective[r.id]
        shown = "wyłączona" if level == "off" else SEVERITY_PL[level]
        changed = f" (domyślnie: {SEVERITY_PL[r.level]})" if level != r.level else ""
        click.echo(f"\n{r.id}  [{shown}{changed}]")
        click.echo(f"  {r.message}")
        click.echo(f"  {r.description}")
        click.echo(f"  źródło: {r.link}")
