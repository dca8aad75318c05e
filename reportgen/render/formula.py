"""A small formula markup and its typesetting: display equations as Word equations (OMML), inline symbols as
italic runs with real subscripts.

Markup (written by templates; in any other text it only changes typesetting, nothing is ever evaluated):
    \\[ Q_{cwu} = V · F · c_w · ρ_w · (t_c − t_z) · k · t_{uz} / 3600 \\]   a display equation (its own paragraph)
    \\( Q_{cwu} \\)                                                        a symbol or short formula in the text
Inside a formula: X_a or X_{abc} subscript, X^2 or X^{-1} superscript; one-letter symbols (Latin or Greek) are
set in italic, words, numbers and units in square brackets upright (PN-EN ISO 80000-1).
"""
from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

DISPLAY = re.compile(r"^\s*\\\[(?P<body>.+?)\\\](?P<tail>\s*[,.;:]?)\s*$", re.S)
INLINE = re.compile(r"\\\((?P<body>.+?)\\\)", re.S)
_ATOM = re.compile(r"(?P<unit>\[[^\]]*\])|(?P<space>\s+)"
                   r"|(?P<base>[^\W\d_]+|\d+(?:[.,]\d+)*|[^\s\w])"
                   r"(?:_(?P<sub>\{[^}]*\}|[^\s{]))?(?:\^(?P<sup>\{[^}]*\}|[^\s{]))?")


def _strip(group: str | None) -> str:
    if not group:
        return ""
    return group[1:-1] if group.startswith("{") else group


def atoms(formula: str) -> list[tuple[str, str, str]]:
    """(base, subscript, superscript) in reading order; spaces and units are bases without scripts."""
    out = []
    for m in _ATOM.finditer(formula.strip()):
        if m.group("unit") or m.group("space"):
            out.append((m.group("unit") or " ", "", ""))
        else:
            out.append((m.group("base"), _strip(m.group("sub")), _strip(m.group("sup"))))
    return out


def is_symbol(text: str) -> bool:
    """A one-letter symbol is italic; a word (a descriptive subscript "cwu", "rok"), a number, a unit is not."""
    return len(text) == 1 and text.isalpha()


def plain_text(formula: str) -> str:
    """The formula as plain text (no markup), for readers that do not render equations."""
    return "".join(b + (f"_{s}" if s else "") + (f"^{p}" if p else "") for b, s, p in atoms(formula))


# --- inline: runs ---------------------------------------------------------------------------------

def add_inline(paragraph, formula: str) -> None:
    for base, sub, sup in atoms(formula):
        paragraph.add_run(base).italic = is_symbol(base) or None
        for script, where in ((sub, "subscript"), (sup, "superscript")):
            if script:
                run = paragraph.add_run(script)
                run.italic = is_symbol(script) or None
                setattr(run.font, where, True)


# --- display: OMML --------------------------------------------------------------------------------

def _m(tag: str, *children):
    el = OxmlElement(f"m:{tag}")
    for c in children:
        el.append(c)
    return el


def _mrun(text: str):
    r = _m("r")
    pr = _m("rPr")
    sty = OxmlElement("m:sty")
    sty.set(qn("m:val"), "i" if is_symbol(text) else "p")
    pr.append(sty)
    if not is_symbol(text) and any(ch.isalpha() for ch in text):
        pr.append(OxmlElement("m:nor"))   # a word or unit upright as text (LibreOffice honours m:nor, not m:sty)
    r.append(pr)
    t = OxmlElement("m:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def omath(formula: str):
    """<m:oMath> for the formula: each atom a run, scripted atoms m:sSub / m:sSup / m:sSubSup."""
    math = _m("oMath")
    for base, sub, sup in atoms(formula):
        if base == " ":
            continue                      # the equation editor spaces operators itself
        if sub and sup:
            math.append(_m("sSubSup", _m("e", _mrun(base)), _m("sub", _mrun(sub)), _m("sup", _mrun(sup))))
        elif sub:
            math.append(_m("sSub", _m("e", _mrun(base)), _m("sub", _mrun(sub))))
        elif sup:
            math.append(_m("sSup", _m("e", _mrun(base)), _m("sup", _mrun(sup))))
        else:
            math.append(_mrun(base))
    return math


def add_display(paragraph, formula: str, tail: str = "") -> None:
    """A centred Word equation, followed by its punctuation (", gdzie")."""
    para = _m("oMathPara", omath(formula))
    paragraph._p.append(para)
    if tail.strip():
        paragraph.add_run(tail.strip())
