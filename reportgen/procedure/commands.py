"""`reportgen procedure content/<gmina> [-o DIR]`: the letters, notices and drafts the recorded dates allow."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from reportgen.errors import UserError


@click.command(help="Pisma, obwieszczenia, wykaz uwag i projekt uchwały dla procedury art. 19 Prawa energetycznego "
                    "(content/<gmina>/procedure.yaml → out/<gmina>/procedura/). Tworzy tylko to, na co pozwalają "
                    "wpisane daty.")
@click.argument("content_dir", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Katalog wynikowy (domyślnie out/<gmina>/procedura).")
@click.option("--na-dzien", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Stan procedury na dzień RRRR-MM-DD (domyślnie dziś): np. wykaz uwag dopiero po końcu wyłożenia.")
@click.option("--bez-pdf", "no_pdf", is_flag=True, help="Nie twórz PDF (domyślnie tworzy, gdy jest LibreOffice).")
@click.option("--sprawdz", "check_only", is_flag=True, help="Tylko sprawdź daty procedury, plik uwag i termin aktualizacji; nic nie zapisuj (to samo co reportgen check KATALOG/procedure.yaml).")  # noqa: E501
@click.option("--force", is_flag=True, help="Nadpisz pliki zmienione ręcznie (stare zostaną zachowane jako .bak).")
@click.option("--dokument", "document", type=click.Path(path_type=Path), default=None,
              help="Dokument zbudowany przez reportgen build -o PLIK (domyślnie out/<gmina>.docx; po uwagach "
                   "zmieniających dane – jego wersja z out/<gmina>/wersje): załącznik nr 1 do projektu uchwały.")
def procedure(content_dir: Path, output: Path | None, as_of, no_pdf: bool, check_only: bool, force: bool,
              document: Path | None) -> None:
    from reportgen.cli import fail
    from reportgen.procedure.package import build_package, write_package
    from reportgen.procedure.revision import current_document
    day = as_of.date() if as_of else dt.date.today()
    if check_only:                      # the same check as `reportgen check content/<gmina>/procedure.yaml`
        from reportgen.procedure.check import run_check
        raise SystemExit(run_check(content_dir, day))
    try:
        built = document or Path("out") / f"{Path(content_dir).resolve().name}.docx"
        attached, why = current_document(content_dir, built)
        package = build_package(content_dir, day, document=attached, document_missing=why)
        for f in package.findings:
            click.echo(f"ostrzeżenie: {f.message}", err=True)
        target = output or Path("out") / Path(content_dir).resolve().name / "procedura"
        written = write_package(package, target, force=force, pdf=not no_pdf)
    except UserError as exc:
        fail(exc)
        return
    click.echo(f"Zapisano {len(written)} plików w {target}:")
    for path in written:
        click.echo(f"  {path.relative_to(target)}")
    for title, why in package.skipped:
        click.echo(f"  jeszcze nie: {title} – {why}")


@click.command(help="(To samo robi reportgen build, gdy są uwagi uwzględnione ze zmianą danych.) Buduje kolejną wersję dokumentu po rozpatrzeniu uwag: zmiany danych z uwag uwzględnionych "  # noqa: E501
                    "(consultation/uwagi.csv|xlsx) na kopii danych, z załącznikiem „Zmiany po rozpatrzeniu uwag”. "
                    "Nigdy nie nadpisuje wcześniejszej wersji.")
@click.argument("content_dir", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Katalog wersji (domyślnie out/<gmina>/wersje).")
def revision(content_dir: Path, output: Path | None) -> None:
    from reportgen.cli import fail
    from reportgen.procedure.revision import build_revision
    target = output or Path("out") / Path(content_dir).resolve().name / "wersje"
    try:
        rev = build_revision(content_dir, target)
    except UserError as exc:
        fail(exc)
        return
    for line in rev.report():
        click.echo(line)
