"""Textual references to tables and figures found in paragraphs ("w tabeli 4.4", "(rys. 2)")."""
from __future__ import annotations

from reportgen.check.readers.patterns import REF_SPLIT, REFERENCE, label_of
from reportgen.document.model import Location

MAX_NUMBER = 300          # larger numbers after "tabela" are years or amounts, not captions


def find_references(text: str, where: Location) -> list[tuple[str, str, Location]]:
    out = []
    for m in REFERENCE.finditer(text):
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
