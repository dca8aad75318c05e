"""Printed lists (Spis tabel / rysunków / wykresów) against the captions actually in the document."""
from __future__ import annotations

import difflib
import re

from reportgen.document.model import Document, ListEntry
from reportgen.rules.findings import Finding
from reportgen.rules.quality.common import Captioned, captioned_blocks, plural

SIMILAR = 0.6       # below this the caption and its list entry name different things


def findings(doc: Document) -> list[Finding]:
    captions = captioned_blocks(doc)
    out = []
    if doc.list_of_tables is not None:
        out += _compare(doc.list_of_tables, [c for c in captions if c.label == "Tabela"], "Spis tabel", ("Tabela",))
    if doc.list_of_figures is not None:
        labels = tuple(sorted({e.label for e in doc.list_of_figures} | {"Rysunek"}))
        out += _compare(doc.list_of_figures, [c for c in captions if c.label in labels], "Spis rysunków", labels)
        for label in sorted({c.label for c in captions if c.label not in labels and c.label != "Tabela"}):
            out.append(Finding(
                "Q-LIST", "warning", f"W dokumencie są podpisy „{label}”, ale nie ma ich spisu.",
                "spisy na początku lub końcu dokumentu", "",
                f"Dodaj „Spis {plural(label)}” albo włącz te pozycje do spisu rysunków."))
    return out


def _norm(text: str) -> str:
    text = re.sub(r"<[^>]+>|\*\*|[\u00b9\u00b2\u00b3\u2070-\u2079]", "", text)
    return " ".join(text.lower().replace("\u00a0", " ").split()).strip(" .")


def _compare(entries: list[ListEntry], captions: list[Captioned], list_name: str, labels: tuple) -> list[Finding]:
    out = []
    listed = {(e.label, str(e.number)): e for e in entries if e.number is not None}
    present: dict[tuple[str, str], Captioned] = {}
    for c in captions:
        present.setdefault((c.label, c.number), c)
    for key, entry in listed.items():
        if key not in present:
            out.append(Finding(
                "Q-LIST", "warning",
                f"{list_name} wymienia „{key[0]} {key[1]}”, a w tekście nie ma takiego podpisu.",
                entry.location.describe(), f"„{key[0]} {key[1]}. {entry.caption}”",
                "Zaktualizuj spis (pole spisu w Wordzie) albo dodaj brakujący podpis."))
            continue
        cap = present[key]
        ratio = difflib.SequenceMatcher(None, _norm(cap.caption), _norm(entry.caption)).ratio()
        if ratio < SIMILAR and not _norm(cap.caption).startswith(_norm(entry.caption)[:30]):
            out.append(Finding(
                "Q-LIST", "warning",
                f"{list_name}: tytuł „{key[0]} {key[1]}” różni się od podpisu w tekście.",
                f"{key[0]} {key[1]} ({cap.where})",
                f"w spisie: „{entry.caption}”; w tekście: „{cap.caption}”",
                "Zaktualizuj spis, aby powtarzał podpisy z tekstu."))
    for key, cap in present.items():
        if key[0] in labels and key not in listed:
            out.append(Finding(
                "Q-LIST", "warning", f"„{key[0]} {key[1]}” nie występuje w spisie ({list_name.lower()}).",
                f"{key[0]} {key[1]} ({cap.where})", f"„{key[0]} {key[1]}. {cap.caption}”",
                "Zaktualizuj spis, aby obejmował wszystkie podpisy."))
    return out
