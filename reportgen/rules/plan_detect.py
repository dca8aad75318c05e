"""Is the file a projekt założeń at all? A letter, an invoice or a different plan gets one finding instead of
twenty "missing chapter" errors."""
from __future__ import annotations

import re

from reportgen.document.model import Document
from reportgen.rules.findings import Finding

# The document's own name in any of its usual forms ("projekt założeń", "aktualizacja założeń do planu …").
_NAME = re.compile(r"za[łl]o[żz]e[nń]\w*\s+do\s+planu|plan\w*\s+zaopatrzenia\s+w\s+ciep|"
                   r"zaopatrzeni\w*\s+w\s+ciep[łl]o,?\s+energi", re.IGNORECASE)
# The subjects art. 19 ust. 3 requires; a plan under another name still treats most of them.
_TOPICS = [re.compile(p, re.IGNORECASE) for p in (
    r"ciep[łl]\w*", r"energi\w*\s+elektryczn", r"paliw\w*\s+gazow|gaz\w* ziemn", r"zapotrzebowani\w*",
    r"odnawialn\w*|OZE\b", r"gmin\w*")]
MIN_TOPICS = 5
SCAN_CHARS = 400_000


def not_a_plan(doc: Document) -> Finding | None:
    text = " ".join(f"{doc.title}\n{doc.full_text()[:SCAN_CHARS]}".split())
    if _NAME.search(text):
        return None
    found = [p.pattern.split("\\")[0] for p in _TOPICS if p.search(text)]
    if len(found) >= MIN_TOPICS:
        return None
    return Finding(
        "Q-NOTPLAN", "error",
        "Ten plik nie wygląda na projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa "
        "gazowe: nie ma w nim nazwy takiego dokumentu ani większości tematów z art. 19 ust. 3 Prawa energetycznego, "
        "więc nie sprawdzano poszczególnych wymagań.",
        "cały dokument",
        f"Tytuł: „{doc.title[:120] or '(nie odczytano)'}”; tematy art. 19 ust. 3 znalezione: {len(found)} z {len(_TOPICS)}.",
        "Sprawdź, czy wskazano właściwy plik (projekt założeń, jego aktualizację albo plan zaopatrzenia).")
