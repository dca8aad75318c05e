"""Command line: reportgen build | explain | … (Polish help texts)."""
from __future__ import annotations

import gc
import importlib
import os
import re
import sys
from pathlib import Path

import click

from reportgen.cli_messages import install as install_polish_click
from reportgen.errors import UserError
from reportgen.render.numbers import plural_form

install_polish_click()   # before any command is declared: click names types at declaration

OPTIONS_METAVAR = "[OPCJE]"


MAX_MESSAGE_CHARS = 1000
_TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(message: str) -> str:
    """A message as it may reach the terminal: no control characters (escape sequences quoted from data could
    recolour or clear the screen) and not longer than MAX_MESSAGE_CHARS (a message quoting a huge value)."""
    message = _TERMINAL_CONTROL.sub("?", message)
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[: MAX_MESSAGE_CHARS - 1] + "…"
    return message


def fail(exc: UserError) -> None:
    for message in exc.messages:
        click.echo(f"błąd: {printable(message)}", err=True)
    sys.exit(2)


class Group(click.Group):
    """The top command: Polish usage line; a UserError from any subcommand is a message and exit status 2."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("options_metavar", OPTIONS_METAVAR)
        kwargs.setdefault("subcommand_metavar", "POLECENIE [ARGUMENTY]...")
        super().__init__(*args, **kwargs)
        self.lazy: dict[str, tuple[str, bool]] = {}   # name -> ("module:attribute", optional)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        if cmd.options_metavar == "[OPTIONS]":
            cmd.options_metavar = OPTIONS_METAVAR
        super().add_command(cmd, name)

    def add_lazy_command(self, name: str, target: str, optional: bool = False) -> None:
        """A command imported only when it is run or listed in the help: `reportgen build` does not load the
        checker, the procedure or the diff. `optional`: a missing package leaves the command out."""
        self.lazy[name] = (target, optional)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *(n for n in self.lazy if self.get_command(ctx, n))})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            target, optional = self.lazy[cmd_name]
            module, _, attribute = target.partition(":")
            try:
                command = getattr(importlib.import_module(module), attribute)
            except ImportError:
                if not optional:
                    raise
                return None
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            fail(exc)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             help="reportgen – projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe.")
@click.version_option(package_name="reportgen", message="reportgen %(version)s")
def cli() -> None:
    pass


# Results of a build the user must act on (reportgen/methods/indicator/update_results.py, transition_results.py)
BUILD_NOTICES = {"data_to_collect": "Dane przeniesione z poprzedniego projektu założeń – do zebrania przez gminę:",
                 "plausibility_warnings": "uwaga: założenia scenariuszy przekraczają granice wiarygodności:"}


def output_path(raw: str) -> Path:
    """`-o` as given: a name ending in a separator means a folder, and `Path` would silently drop that slash."""
    if raw.endswith(("/", os.sep)):
        raise UserError(f"{raw}: ścieżka kończy się znakiem „/”, czyli wskazuje katalog – podaj nazwę pliku, "
                        f"np. {raw}plan.docx.")
    return Path(raw)


@cli.command(help="Buduje dokument .docx z katalogu danych gminy (np. content/kluki → out/kluki.docx).")
@click.argument("content_dir", metavar="KATALOG", type=click.Path(path_type=Path))
@click.option("-o", "--output", metavar="PLIK", default=None, help="Plik wynikowy (domyślnie out/<gmina>.docx).")
@click.option("--structure", metavar="PLIK", type=click.Path(path_type=Path), default=None,
              help="Własna struktura rozdziałów zamiast rules/structure.yaml.")
@click.option("--force", is_flag=True, help="Nadpisz plik zmieniony ręcznie (stary zostanie zachowany jako kopia .bak).")
@click.option("--pdf", is_flag=True, help="Zapisz też PDF obok pliku .docx (LibreOffice; spisy z numerami stron).")
def build(content_dir: Path, output: str | None, structure: Path | None, force: bool, pdf: bool) -> None:
    from reportgen.render.charts import start_early, stop_early
    start_early()     # a first build: the chart worker imports matplotlib while this process imports the rest
    try:
        from reportgen.build import build_document
        from reportgen.output import check_target, write_generated
        target = output_path(output) if output else Path("out") / f"{Path(content_dir).resolve().name}.docx"
        check_target(target)      # before the build: a wrong -o is said at once
        result = build_document(content_dir, structure)
        revision = _next_revision(content_dir, target, structure)   # after consultation comments (issue #10)
        backup = write_generated(target, result.docx, force)
        if revision:
            revision.write()
    except UserError as exc:
        fail(exc)
        return
    finally:
        stop_early()
    doc = result.document
    n_sec, n_tab, n_fig = sum(1 for _ in doc.walk_sections()), len(doc.tables()), len(doc.figures())
    sections = plural_form(n_sec, 'rozdział lub podrozdział', 'rozdziały i podrozdziały', 'rozdziałów i podrozdziałów')
    click.echo(f"Zapisano {target}: {n_sec} {sections}, "
               f"{n_tab} {plural_form(n_tab, 'tabela', 'tabele', 'tabel')}, "
               f"{n_fig} {plural_form(n_fig, 'rysunek', 'rysunki', 'rysunków')}.")
    if backup:
        click.echo(f"Poprzednia wersja (zmieniona ręcznie) zachowana jako {backup}.")
    for name, heading in BUILD_NOTICES.items():   # results that are lists of Polish lines for the user
        if result.context.has(name):
            click.echo(heading, err=True)
            for line in result.context.value(name):
                click.echo(printable(f"  - {line}"), err=True)
    for line in revision.report() if revision else []:
        click.echo(line)
    if pdf:
        from reportgen.render.pdf import docxs_to_pdf
        # the revision after consultation is a deliverable too (it goes to the council with the resolution)
        documents = [target] + ([revision.path] if revision and revision.path.exists() else [])
        try:
            for warning in docxs_to_pdf([(d, d.with_suffix(".pdf")) for d in documents]):   # one LibreOffice run
                click.echo(f"uwaga: {warning}", err=True)
        except UserError as exc:
            fail(exc)
            return
        for docx_path in documents:
            click.echo(f"Zapisano {docx_path.with_suffix('.pdf')}.")


def _next_revision(content_dir: Path, target: Path, structure: Path | None):
    """The next revision (in memory) when the folder has accepted comments that change data, else None."""
    from reportgen.procedure.revision import has_data_changes, prepare_revision, versions_dir
    return prepare_revision(content_dir, versions_dir(target), structure) if has_data_changes(content_dir) else None


@cli.command(help="Pokazuje, jak obliczono tabelę lub rysunek o podanym id (kalkulatory, dane, źródła).")
@click.argument("content_dir", metavar="KATALOG", type=click.Path(path_type=Path))
@click.argument("block_id", metavar="ID")
def explain(content_dir: Path, block_id: str) -> None:
    from reportgen.build import build_document
    from reportgen.explain import explain_block
    try:
        result = build_document(content_dir)
        click.echo(explain_block(result, block_id))
    except UserError as exc:
        fail(exc)


def _register_optional_commands() -> None:
    """Commands of other jobs live in their own packages, imported when the command is used (one line each)."""
    cli.add_lazy_command("procedure", "reportgen.procedure.commands:procedure")   # reportgen procedure | revision
    cli.add_lazy_command("revision", "reportgen.procedure.commands:revision")
    cli.add_lazy_command("diff", "reportgen.diff.commands:diff")                  # reportgen diff OLD.docx NEW.docx
    cli.add_lazy_command("check", "reportgen.check.commands:check", optional=True)
    cli.add_lazy_command("rules", "reportgen.check.commands:rules", optional=True)


_register_optional_commands()


# A command allocates few cycles: the cyclic garbage collector runs after this many new objects, not 700 (a build
# spent 0,08 s CPU in ~200 collections, 0,04 s in 5 with this threshold; peak memory unchanged).
GC_THRESHOLD = 20_000


def main() -> None:
    gc.set_threshold(GC_THRESHOLD)
    try:
        cli(prog_name="reportgen")
    finally:
        # the process ends here: its objects are left to the exit, not searched for cycles on the way out
        # (interpreter teardown took 0,2 s CPU after a build, 0,02 s with the heap frozen)
        gc.freeze()


if __name__ == "__main__":
    main()
