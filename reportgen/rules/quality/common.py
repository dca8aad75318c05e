"""Helpers shared by the quality rules: captioned blocks in document order and their numbers."""
from __future__ import annotations

from dataclasses import dataclass

from reportgen.document.model import Document, Figure, Table


@dataclass(frozen=True)
class Captioned:
    label: str          # as written: Tabela | Rysunek | Wykres
    number: str         # "5" or "4.4"
    caption: str
    block: object
    where: str


def number_text(number: object) -> str | None:
    if number is None:
        return None
    text = str(number).strip().rstrip(".")
    return text or None


def captioned_blocks(doc: Document) -> list[Captioned]:
    out = []
    for _, block in doc.blocks():
        if isinstance(block, Table):
            label = block.caption_label
        elif isinstance(block, Figure):
            label = block.kind
        else:
            continue
        num = number_text(block.number)
        if label and num:
            out.append(Captioned(label, num, block.caption, block, block.location.describe()))
    return out


def genitive(label: str) -> str:
    return {"Tabela": "tabeli", "Rysunek": "rysunku", "Wykres": "wykresu"}.get(label, label.lower())


def plural(label: str) -> str:
    """Genitive plural: "spis tabel", "brak rysunków"."""
    return {"Tabela": "tabel", "Rysunek": "rysunków", "Wykres": "wykresów"}.get(label, label.lower())


def nominative_plural(label: str) -> str:
    return {"Tabela": "tabele", "Rysunek": "rysunki", "Wykres": "wykresy"}.get(label, label.lower())


def missing_phrase(label: str, number_text: str, many: bool) -> str:
    """"nieistniejącej tabeli 4.4", "nieistniejących rysunków 3.3–3.5"."""
    if many:
        return f"nieistniejących {plural(label)} {number_text}"
    adjective = "nieistniejącej" if label == "Tabela" else "nieistniejącego"
    return f"{adjective} {genitive(label)} {number_text}"


def split_number(num: str) -> tuple[str, int] | None:
    """"4.4" -> ("4", 4); "12" -> ("", 12); anything else -> None."""
    head, _, last = num.rpartition(".")
    return (head, int(last)) if last.isdigit() else None
