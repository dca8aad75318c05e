"""Text templates: sandboxed Jinja with Polish number filters, cross-references by block id, typography."""
from __future__ import annotations

import re
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from reportgen.document.model import Paragraph
from reportgen.errors import UserError
from reportgen.render import template_cache
from reportgen.render.numbers import NBSP, fmt, pct, plural_form

# Polish typesetting: a one-letter word does not end a line, a number stays with its unit.
_ORPHAN = re.compile(r"(?<![\w\u00a0.])([aiouwzAIOUWZ]|art\.|ust\.|pkt|[Nn]r|poz\.|§) ")
_NUMBER_UNIT = re.compile(r"(\d) (?=(%|[a-zA-ZąćęłńóśźżĄĆĘŁŃÓŚŹŻ°µ€]))")


def typeset(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    text = _ORPHAN.sub(lambda m: m.group(1) + NBSP, text)
    return _NUMBER_UNIT.sub(lambda m: m.group(1) + NBSP, text)


def make_environment(templates_dir: Path | None) -> SandboxedEnvironment:
    from jinja2 import FileSystemLoader
    env = SandboxedEnvironment(loader=FileSystemLoader(str(templates_dir)) if templates_dir else None,
                               undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False,
                               trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = lambda x, d=0: fmt(x, d)
    env.filters["pct"] = lambda x, d=1: pct(x, d)
    env.globals["num"] = fmt
    env.globals["pl"] = plural_form
    template_cache.enable(env)
    return env


def to_paragraphs(rendered: str) -> list[Paragraph]:
    """Blank-line separated paragraphs; lines starting with "- " are bullet items."""
    out: list[Paragraph] = []
    for chunk in re.split(r"\n\s*\n", rendered.strip()):
        lines = [ln.rstrip() for ln in chunk.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.lstrip().startswith("- ") for ln in lines):
            out.extend(Paragraph(typeset(ln.lstrip()[2:].strip()), style="bullet") for ln in lines)
            continue
        buf: list[str] = []
        for ln in lines:
            if ln.lstrip().startswith("- "):
                if buf:
                    out.append(Paragraph(typeset(" ".join(buf))))
                    buf = []
                out.append(Paragraph(typeset(ln.lstrip()[2:].strip()), style="bullet"))
            else:
                buf.append(ln.strip())
        if buf:
            out.append(Paragraph(typeset(" ".join(buf))))
    return out


def render_template(env: SandboxedEnvironment, source: str | None, name: str | None, context: dict, where: str) -> str:
    try:
        template = template_cache.from_string(env, source) if source is not None else env.get_template(f"{name}.md.j2")
        return template.render(**context)
    except UserError:
        raise
    except UndefinedError as exc:
        raise UserError(f"{where}: w szablonie tekstu brak wartości ({exc.message}).") from None
    except TemplateError as exc:
        raise UserError(f"{where}: błąd szablonu tekstu ({exc}).") from None
