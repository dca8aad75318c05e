"""Textual references to tables and figures found in paragraphs ("w tabeli 4.4", "(rys. 2)").

A reference into another document is not a reference to this one: "tabela 5 rozporządzenia", "tabeli 14 Planu
Gospodarki Niskoemisyjnej", "tab. 6 normy PN-EN 12831", "tabeli 3 załącznika nr 2", "w załączniku 1, tabela 4"."""
from __future__ import annotations

import re

from reportgen.check.readers.patterns import REF_SPLIT, REFERENCE, label_of
from reportgen.document.model import Location

MAX_NUMBER = 300          # larger numbers after "tabela" are years or amounts, not captions

# Words naming another document (genitive after the number, or "w …"/"z …" before it).
_OTHER = (r"rozporz[ąa]dze\w*|ustaw\w*|norm\w*|PN[-\s]|EN\s|ISO\b|dyrektyw\w*|za[łl][ąa]cznik\w*|aneks\w*|"
          r"plan\w*|program\w*|strategi\w*|studium|raport\w*|audyt\w*|opracowani\w*|dokument\w*|publikacj\w*|"
          r"wytyczn\w*|instrukcj\w*|poradnik\w*|podr[ęe]cznik\w*|metodyk\w*|analiz\w*|sprawozdani\w*|bilans\w* "
          r"krajow\w*|KOBiZE|GUS\b|BDL\b|PGN\b|PONE\b|POP\b|SUiKZP\b|WPF\b|\[\d+\]")
_AFTER = re.compile(r"^\s*[,)]?\s*(?:(?:w|z|ze|do)\s+)?(?:" + _OTHER + ")", re.IGNORECASE)
_THIS = re.compile(r"^\s*[,)]?\s*(?:(?:w|z|ze|do)\s+)?niniejsz", re.IGNORECASE)
# Before the reference only names that cannot be this document ("w załączniku nr 2, w tabeli 3"): "w planie …"
# may well mean this plan.
_NAMED = (r"rozporz[ąa]dze\w*|ustaw\w*|norm\w*|PN[-\s]|dyrektyw\w*|za[łl][ąa]cznik\w*|aneks\w*|"
          r"plan\w*\s+gospodarki\s+niskoemisyjnej|PGN\b|program\w*\s+ochrony|strategi\w*|studium|raport\w*|audyt\w*")
_BEFORE = re.compile(r"(?:w|z|ze|do)\s+(?:" + _NAMED + r")[^.;]{0,40}$", re.IGNORECASE)


def elsewhere(text: str, start: int, end: int) -> bool:
    """The reference at text[start:end] points into another document or an annex."""
    after = text[end: end + 60]
    if _THIS.match(after):
        return False
    if _AFTER.match(after):
        return True
    return bool(_BEFORE.search(text[max(0, start - 60): start]))


def find_references(text: str, where: Location, following: str = "") -> list[tuple[str, str, Location]]:
    """References in one line or paragraph; `following` is the next line, since "tabeli 14" may end a line and
    "Planu Gospodarki Niskoemisyjnej" begin the next."""
    out = []
    context = f"{text} {following.strip()}" if following.strip() else text
    for m in REFERENCE.finditer(text):
        if elsewhere(context, m.start(), m.end()):
            continue
        label = label_of(m.group(1))
        for part in REF_SPLIT.split(m.group(2).strip()):
            part = " ".join(part.split())
            if not part:
                continue
            first = part.replace("–", "-").replace("—", "-").split("-")[0].strip()
            head = first.split(".")[0]
            if head.isdigit() and 0 < int(head) <= MAX_NUMBER:
                out.append((label, part.replace(" ", ""), where))
    return out
