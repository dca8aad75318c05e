"""`reportgen diff OLD.docx NEW.docx [-o raport.html]`."""
from __future__ import annotations

from pathlib import Path

import click

from reportgen.errors import UserError


@click.command(help="Porównuje dwie wersje planu (.docx, także innych wykonawców): akapity, komórki tabel "
                    "i liczby, rysunki. Z -o zapisuje czytelny raport HTML.")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None, help="Raport HTML.")
def diff(old: Path, new: Path, output: Path | None) -> None:
    from reportgen.cli import fail
    from reportgen.diff.compare import compare, read_docx
    from reportgen.diff.report import to_html, to_text
    try:
        for p in (old, new):
            if not p.is_file():
                raise UserError(f"{p}: brak pliku.")
        result = compare(read_docx(old), read_docx(new))
        if output:
            from reportgen.output import atomic_write
            atomic_write(output, to_html(result, old.name, new.name).encode("utf-8"))
            click.echo(f"Zapisano {output}: {len(result.changes)} zmian.")
        else:
            click.echo(to_text(result))
    except UserError as exc:
        fail(exc)
