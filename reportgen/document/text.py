"""Text templates: sandboxed Jinja with Polish number filters, cross-references by block id, typography."""
from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path

from jinja2 import StrictUndefined, TemplateError, Undefined, UndefinedError
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


def _defined(value):
    """A missing value given to a number filter is an UndefinedError (reported with the template's place), not a
    TypeError from the formatter."""
    if isinstance(value, Undefined):
        value._fail_with_undefined_error()
    return value


class AbsentField(StrictUndefined):
    """A result field holding None: undefined for `is defined`, none for `is none`, false for `if`, an error when
    printed."""

    def __bool__(self) -> bool:   # type: ignore[override]   # StrictUndefined declares it as failing
        return False


class ResultsEnvironment(SandboxedEnvironment):
    """Results are frozen dataclasses whose optional fields hold None when the data for them is absent; a
    template asks `r.x.y is defined`, so a None field of a dataclass reads as undefined (as a missing key does)."""

    def _absent_if_none(self, obj, name, value):
        if value is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            return AbsentField(obj=obj, name=name)
        return value

    def getattr(self, obj, attribute):
        return self._absent_if_none(obj, attribute, super().getattr(obj, attribute))

    def getitem(self, obj, argument):
        return self._absent_if_none(obj, argument, super().getitem(obj, argument))


@cache
def make_environment(templates_dir: Path | None) -> SandboxedEnvironment:
    """One environment per templates folder and process: compiling the ~170 templates of a document is most of
    the time of composing it, so compiled templates are kept in the process (files: Jinja's own cache, checked
    against mtime; inline paragraphs of structure.yaml: render.template_cache) and between processes on disk
    (render.template_cache)."""
    from jinja2 import FileSystemLoader
    env = ResultsEnvironment(loader=FileSystemLoader(str(templates_dir)) if templates_dir else None,
                               undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False,
                               trim_blocks=True, lstrip_blocks=True)
    env.optimized = False     # the optimizer folds constants at compile time: a sixth of compiling, nothing at render
    env.filters["num"] = lambda x, d=0: fmt(_defined(x), d)
    env.filters["pct"] = lambda x, d=1: pct(_defined(x), d)
    env.filters["share_pct"] = lambda x, d=1: pct(100 * _defined(x), d)      # a share 0–1 written as a percentage
    env.globals["num"] = lambda x, *args, **kwargs: fmt(_defined(x), *args, **kwargs)
    env.globals["pl"] = plural_form
    env.tests["none"] = lambda x: x is None or isinstance(x, AbsentField)   # a None result field is none too
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
    if source is not None and "{" not in source and "\r" not in source:
        # no Jinja syntax (about half of structure.yaml's captions and titles): what Jinja would render, uncompiled
        return source[:-1] if source.endswith("\n") else source
    try:
        template = template_cache.from_string(env, source) if source is not None else env.get_template(f"{name}.md.j2")
        return template.render(**context)
    except UserError:
        raise
    except UndefinedError as exc:
        raise UserError(f"{where}: w szablonie tekstu brak wartości ({exc.message}).") from None
    except TemplateError as exc:
        raise UserError(f"{where}: błąd szablonu tekstu ({exc}).") from None
