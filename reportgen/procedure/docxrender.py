"""Fill a procedure template (docxtpl) with a context and return deterministic .docx bytes; PDF via LibreOffice."""
from __future__ import annotations

import datetime as dt
import functools
import subprocess
import tempfile
from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined, TemplateError

from reportgen.errors import UserError
from reportgen.render import template_cache
from reportgen.render.docx_writer import package_bytes
from reportgen.render.pdf import find_soffice


def end_sentence(text: object) -> str:
    """Close a sentence ending with a value: no second full stop after "r." or "S.A."."""
    s = str(text)
    return s if s.endswith(".") else s + "."


class _LetterEnvironment(Environment):
    """Each letter's XML compiled once per process (a letter to ten addressees is one template) and kept between
    runs on disk, as the plan's text templates are (render.template_cache; docxtpl calls from_string)."""

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        return template_cache.from_string(self, source)


@functools.cache
def _environment() -> _LetterEnvironment:
    env = _LetterEnvironment(undefined=StrictUndefined, autoescape=True)
    env.filters["dot"] = end_sentence
    template_cache.enable(env)
    return env


def render_template(template: Path, context: dict, when: dt.date, author: str) -> bytes:
    """Values in `context` are data: docxtpl inserts them escaped (autoescape) and never renders them as Jinja."""
    if not template.exists():
        raise UserError(f"{template}: brak szablonu pisma (wygeneruj: python tools/make_procedure_templates.py).")
    doc = DocxTemplate(str(template))
    try:
        doc.render(context, jinja_env=_environment(), autoescape=True)
    except TemplateError as exc:      # a firm's own template naming a field the context does not have
        raise UserError(f"{template}: błąd w szablonie pisma ({exc.message}); dostępne pola: "
                        f"{', '.join(sorted(context))}.") from None
    props = doc.docx.core_properties
    stamp = dt.datetime(when.year, when.month, when.day)
    props.created = props.modified = stamp
    props.author = props.last_modified_by = author
    props.revision = 1
    return package_bytes(doc.docx)      # written once, with fixed timestamps (no pictures for docxtpl to replace)


def convert_command(exe: str, profile: Path, outdir: Path, sources: list[Path]) -> list[str]:
    """One LibreOffice run converting all letters (a private profile, as a URI: paths with spaces stay valid)."""
    return [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--convert-to", "pdf",
            "--outdir", str(outdir), *sorted(str(p) for p in sources)]


def to_pdf(files: dict[str, bytes], timeout_s: int = 300) -> dict[str, bytes]:
    """Convert .docx bytes to PDF with one LibreOffice run (render.pdf.docxs_to_pdf also updates
    indexes the letters do not have); {} when LibreOffice is not installed."""
    exe = find_soffice()
    if not exe or not files:
        return {}
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as tmp:
        tmp_path = Path(tmp)
        names = {}
        for i, (name, data) in enumerate(sorted(files.items())):
            src = tmp_path / f"f{i:03d}.docx"
            src.write_bytes(data)
            names[src.stem] = name
        cmd = convert_command(exe, tmp_path / "profile", tmp_path / "pdf", list(tmp_path.glob("*.docx")))
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout_s)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise UserError(f"LibreOffice nie przekonwertował pism do PDF ({exc}); użyj --bez-pdf.") from None
        out = {}
        for stem, name in names.items():
            pdf = tmp_path / "pdf" / f"{stem}.pdf"
            if pdf.exists():
                out[name[: -len(".docx")] + ".pdf"] = pdf.read_bytes()
        return out
