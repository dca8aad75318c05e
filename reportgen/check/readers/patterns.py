"""Regular expressions for captions, headings, list entries and cross-references in Polish plans."""
from __future__ import annotations

import re

LABELS = {"tabela": "Tabela", "tab.": "Tabela", "rysunek": "Rysunek", "rys.": "Rysunek", "wykres": "Wykres"}

# "Tabela 5. Tytuł", "Rysunek 3: …", "Tabela 1.<TAB>Tytuł", "Tabela 4.4. Tytuł", "Rys. 2 – Tytuł".
# A separator after the number is required in plain text ("Tabela 5 przedstawia…" is a reference);
# Word caption paragraphs (caption style or SEQ field) may use a plain space.
_CAPTION_HEAD = r"^\s*(Tabela|Tab\.|Rysunek|Rys\.|Wykres)\s*(?:nr\s*)?(\d{1,3}(?:\.\d{1,3}){0,3})"
CAPTION = re.compile(_CAPTION_HEAD + r"\s*(?:[.:–—-]|\t)\s*(.*)$", re.IGNORECASE)
CAPTION_LOOSE = re.compile(_CAPTION_HEAD + r"(?:\s*[.:–—-]|\t|\s)\s*(.*)$", re.IGNORECASE)

# A caption run into the end of a paragraph by a PDF text layer: "…w tabeli poniżej. Tab. 1. Zużycie energii…".
# Only after a sentence end and before a capitalised title, so "w tabeli 5. Tabela ta…" stays a sentence.
RUN_IN_CAPTION = re.compile(r"(?<=[.:;!?])\s+(?=(?:Tabela|Tab\.|Rysunek|Rys\.|Wykres)\s*(?:nr\s*)?\d{1,3}(?:\.\d{1,3}){0,3}"
                            r"\s*[.:–—-]\s*[A-ZĄĆĘŁŃÓŚŹŻ])")

# Numbered heading: "7.2 Sektor …", "3.1<TAB>Dane", "10.1. Finansowanie …".
NUMBERED_HEADING = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,3}){0,5})\.?[ \t]+(\S.*)$")

PAGE_TAIL = re.compile(r"(?:\s*\.{2,}\s*|\s*…+\s*|[\t ]+)(\d{1,4})\s*$")

LIST_HEADERS = {
    "spis treści": "toc", "spis tresci": "toc", "zawartość": "toc", "spis rzeczy": "toc",
    "spis tabel": "tables", "wykaz tabel": "tables", "spis tablic": "tables",
    "spis rysunków": "figures", "wykaz rysunków": "figures", "spis ilustracji": "figures",
    "spis wykresów": "figures", "wykaz wykresów": "figures", "spis map": "figures",
    "spis fotografii": "figures", "spis zdjęć": "figures", "spis rycin": "figures",
}

REFERENCE = re.compile(
    r"(?<![\w.])(tabel(?:a|i|ę|ą|e|ach|om|ami)?|tab\.|rysun(?:ek|ku|kiem|ki|ków|kach|kom|kami)|rys\.|"
    r"wykres(?:u|ie|em|y|ów|ach|om|ami)?)\s*(?:nr\.?\s*)?"
    r"(\d{1,3}(?:\.\d{1,3})*(?:\s*(?:[-–—]|,|\bi\b|\boraz\b)\s*\d{1,3}(?:\.\d{1,3})*)*)(?!\d)",
    re.IGNORECASE)
REF_SPLIT = re.compile(r"\s*(?:,|\bi\b|\boraz\b)\s*")

SOURCE = re.compile(r"^\s*\W{0,3}(źródło|zrodlo|źródła)\s*[:.]", re.IGNORECASE)
NOTE = re.compile(r"^\s*(\*|\^\{|[\u00b9\u00b2\u00b3\u2070-\u2079]|\(\*|[a-z]\))")
SUPERSCRIPT_TAIL = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+$")


def label_of(word: str) -> str:
    word = word.lower()
    if word.startswith("tab"):
        return "Tabela"
    if word.startswith("rys"):
        return "Rysunek"
    return "Wykres"


def clean_title(text: str) -> str:
    text = re.sub(r"\*\*|__|<[^>]{1,20}>|^#+\s*", "", text)
    text = SUPERSCRIPT_TAIL.sub("", text.strip())
    return " ".join(text.split()).strip()


def number_value(text: str) -> int | str:
    """Caption numbers: "5" -> 5, "4.4" -> "4.4" (chapter-numbered captions keep their text)."""
    return int(text) if text.isdigit() else text
