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

from reportgen.render.wordml import esc, rpr_xml, text_run_xml

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

def inline_xml(formula: str) -> str:
    """Runs of an inline formula: symbols italic, scripts as real sub- and superscripts."""
    out = []
    for base, sub, sup in atoms(formula):
        out.append(text_run_xml(base, rpr_xml(italic=is_symbol(base))))
        for script, where in ((sub, "subscript"), (sup, "superscript")):
            if script:
                out.append(text_run_xml(script, rpr_xml(italic=is_symbol(script), vert_align=where)))
    return "".join(out)


# --- display: OMML --------------------------------------------------------------------------------

def _mrun(text: str) -> str:
    # a word or unit upright as text (LibreOffice honours m:nor, not m:sty)
    nor = "<m:nor/>" if not is_symbol(text) and any(ch.isalpha() for ch in text) else ""
    return (f'<m:r><m:rPr><m:sty m:val="{"i" if is_symbol(text) else "p"}"/>{nor}</m:rPr>'
            f'<m:t xml:space="preserve">{esc(text)}</m:t></m:r>')


def omath_xml(formula: str) -> str:
    """<m:oMath> for the formula: each atom a run, scripted atoms m:sSub / m:sSup / m:sSubSup."""
    out = []
    for base, sub, sup in atoms(formula):
        if base == " ":
            continue                      # the equation editor spaces operators itself
        if sub and sup:
            out.append(f"<m:sSubSup><m:e>{_mrun(base)}</m:e><m:sub>{_mrun(sub)}</m:sub><m:sup>{_mrun(sup)}</m:sup></m:sSubSup>")
        elif sub:
            out.append(f"<m:sSub><m:e>{_mrun(base)}</m:e><m:sub>{_mrun(sub)}</m:sub></m:sSub>")
        elif sup:
            out.append(f"<m:sSup><m:e>{_mrun(base)}</m:e><m:sup>{_mrun(sup)}</m:sup></m:sSup>")
        else:
            out.append(_mrun(base))
    return f"<m:oMath>{''.join(out)}</m:oMath>"


def display_xml(formula: str, tail: str = "") -> str:
    """A Word equation (the paragraph's content; the paragraph is centred), followed by its punctuation (", gdzie")."""
    return f"<m:oMathPara>{omath_xml(formula)}</m:oMathPara>" + (text_run_xml(tail.strip()) if tail.strip() else "")
