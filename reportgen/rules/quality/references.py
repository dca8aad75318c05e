"""Text references ("w tabeli 4.4", "na rysunkach 3.3–3.5") to tables and figures that do not exist."""
from __future__ import annotations

import re

from reportgen.document.model import Document, Location, Paragraph
from reportgen.rules.findings import Finding
from reportgen.rules.quality.common import captioned_blocks, missing_phrase, nominative_plural

_RANGE = re.compile(r"^(\d+(?:\.\d+)*)\s*[-–—]\s*(\d+(?:\.\d+)*)$")


def expand(number_text: str) -> list[str]:
    """"3.3–3.5" -> ["3.3", "3.4", "3.5"]; "5" -> ["5"]."""
    m = _RANGE.match(number_text.strip())
    if not m:
        return [number_text.strip().rstrip(".")]
    a, b = m.group(1), m.group(2)
    ha, _, la = a.rpartition(".")
    hb, _, lb = b.rpartition(".")
    if ha == hb and int(la) <= int(lb) and int(lb) - int(la) <= 100:
        pre = f"{ha}." if ha else ""
        return [f"{pre}{k}" for k in range(int(la), int(lb) + 1)]
    return [a, b]


def findings(doc: Document) -> list[Finding]:
    existing = {(c.label, c.number) for c in captioned_blocks(doc)}
    labels_used = {c.label for c in captioned_blocks(doc)}
    texts: dict[object, list[str]] = {}
    for _, block in doc.blocks():
        if isinstance(block, Paragraph):
            texts.setdefault(_key(block.location), []).append(block.text)
    have_by_label: dict[str, str] = {}
    for label in {lab for lab, _ in existing} | {r[0] for r in doc.references}:
        have = sorted((n for lab, n in existing if lab == label), key=_sort_key)
        have_by_label[label] = _span(have)
    out = []
    for label, number_text, where in doc.references:
        numbers = expand(number_text)
        missing = [n for n in numbers if (label, n) not in existing]
        if not missing:
            continue
        shown = number_text.replace("-", "–")
        what = missing_phrase(label, shown, len(numbers) > 1)
        if 1 < len(numbers) != len(missing):
            what += f" (brak: {', '.join(missing)})"
        have_span = have_by_label[label]
        hint = (f"W dokumencie są {nominative_plural(label)} o numerach {have_span}." if have_span else
                f"W dokumencie nie ma żadnego podpisu „{label}”." if label not in labels_used else "")
        out.append(Finding(
            "Q-REF", "error",
            f"Odwołanie do {what}. {hint}".strip(),
            where.describe(),
            _snippet(texts.get(_key(where), []), number_text),
            "Popraw numer w odwołaniu (najlepiej jako odsyłacz do pola SEQ/zakładki), tak by wskazywał właściwy element."))
    return out


def _sort_key(n: str):
    return [int(p) if p.isdigit() else 0 for p in n.split(".")]


def _span(numbers: list[str]) -> str:
    if not numbers:
        return ""
    if len(numbers) == 1:
        return numbers[0]
    if all(n.isdigit() for n in numbers) and [int(n) for n in numbers] == list(range(int(numbers[0]), int(numbers[-1]) + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(numbers[:15]) + (" …" if len(numbers) > 15 else "")


def _key(where: Location) -> tuple:
    return where.chapter, where.page, where.line


def _snippet(texts: list[str], number_text: str) -> str:
    first = expand(number_text)[0]
    for raw in texts:
        i = raw.find(first)
        if i >= 0:
            text = " ".join(raw[max(0, i - 200): i + 200].split())
            j = text.find(first)
            return "„…" + text[max(0, j - 70): j + len(number_text) + 50].strip() + "…”"
    return f"„{number_text}”"
