"""Template fields left unfilled: "Załącznik nr.. do uchwały nr.. z dnia..", "20XX r.", "[nazwa gminy]"."""
from __future__ import annotations

import re

from reportgen.document.model import Document, Paragraph
from reportgen.rules.findings import Finding

_BLANK = r"(?:\.{2,}|…+|_{2,})"
# A number, date or year replaced by dots/underscores, and bracketed placeholders. Dots after "nr" only count
# when no digit follows (a TOC leader "nr ...... 12" is consumed by the list reader anyway).
_FIELD = re.compile(
    r"\b(?:nr|numer)\s*" + _BLANK + r"(?!\s*\d)"
    r"|\bz\s+dnia\s*" + _BLANK + r"(?!\s*\d)"
    r"|\b(?:19|20)XX\b|\bXXXX\b"
    r"|[\[<{]\s*(?:nazwa|wpisa[ćc]|wstawi[ćc]|uzupe[łl]ni[ćc]|data|numer|imi[ęe])[^\]>}]{0,40}[\]>}]",
    re.IGNORECASE)

# A blank number or date is most often the adopting resolution's, left blank by design in a draft awaiting
# adoption (the title page prints "Załącznik do uchwały Nr …… / Rady Gminy … / z dnia ……" on separate lines):
# a warning. Placeholders ("[nazwa gminy]", "20XX") are always an error.
_NUMBER_OR_DATE = re.compile(r"(?:nr|numer|z\s+dnia)\b", re.IGNORECASE)


def findings(doc: Document) -> list[Finding]:
    out = []
    for _, block in doc.blocks():
        if not isinstance(block, Paragraph):
            continue
        text = " ".join(block.text.split())
        m = _FIELD.search(text)
        if not m:
            continue
        snippet = text[max(0, m.start() - 50): m.end() + 40]
        resolution = bool(_NUMBER_OR_DATE.match(m.group(0)))
        out.append(Finding(
            "Q-FIELD", "warning" if resolution else "error",
            f"Niewypełnione pole szablonu „{m.group(0).strip()}”." + (
                " W projekcie przed uchwaleniem numer i datę uchwały wpisuje się po jej podjęciu; "
                "w dokumencie uchwalonym muszą być wpisane." if resolution else ""),
            block.location.describe(), f"„{snippet}”",
            "Wpisz właściwy numer, datę lub nazwę (np. numer i datę uchwały) albo usuń pole z dokumentu."))
    return out
