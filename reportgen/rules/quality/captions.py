"""Caption numbering (gaps, duplicates, order) per label as written, and figure captions on tables."""
from __future__ import annotations

from collections import defaultdict

from reportgen.document.model import Document, Figure, Table
from reportgen.rules.findings import Finding
from reportgen.rules.quality.common import Captioned, captioned_blocks, split_number


def findings(doc: Document) -> list[Finding]:
    return _kinds(doc) + _numbering(doc)


def _kinds(doc: Document) -> list[Finding]:
    out = []
    for item in captioned_blocks(doc):
        block = item.block
        if isinstance(block, Table) and item.label in ("Rysunek", "Wykres"):
            rows = len(block.rows)
            out.append(Finding(
                "Q-CAPTION", "error",
                f"Tabela opisana jako „{item.label} {item.number}”: pod podpisem jest tabela ({rows} wierszy), "
                f"a podpis figuruje w numeracji i spisie {'rysunków' if item.label == 'Rysunek' else 'wykresów'}.",
                f"{item.label} {item.number} ({item.where})",
                f"„{item.label} {item.number}. {item.caption}”",
                "Zmień podpis na „Tabela N.” (nad tabelą), przenumeruj tabele i rysunki oraz popraw spisy i odwołania."))
        elif isinstance(block, Figure) and item.label == "Tabela":
            out.append(Finding(
                "Q-CAPTION", "error",
                f"Rysunek opisany jako „Tabela {item.number}”.", f"Tabela {item.number} ({item.where})",
                f"„Tabela {item.number}. {item.caption}”",
                "Zmień podpis na „Rysunek N.” i przenumeruj."))
    return out


def _numbering(doc: Document) -> list[Finding]:
    out = []
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for item in captioned_blocks(doc):
        parts = split_number(item.number)
        if parts is not None:
            groups[(item.label, parts[0])].append((parts[1], item))
    for (label, prefix), items in groups.items():
        pre = f"{prefix}." if prefix else ""
        seen: dict[int, Captioned] = {}
        for n, item in items:
            if n in seen:
                out.append(Finding(
                    "Q-NUM", "error", f"Numer „{label} {pre}{n}” występuje więcej niż raz.",
                    f"{label} {pre}{n} ({item.where})",
                    f"pierwszy raz: {seen[n].where}, ponownie: {item.where}",
                    "Nadaj podpisom kolejne, niepowtarzalne numery (najlepiej polem SEQ) i popraw odwołania."))
            seen.setdefault(n, item)
        numbers = sorted(seen)
        missing = [k for k in range(1, numbers[-1] + 1) if k not in seen]
        if missing:
            shown = ", ".join(f"{pre}{k}" for k in missing[:20]) + (" …" if len(missing) > 20 else "")
            out.append(Finding(
                "Q-NUM", "warning", f"Luka w numeracji podpisów „{label}”: brak numerów {shown}.",
                f"{label} {pre}{missing[0]}", f"numery w dokumencie: {', '.join(pre + str(k) for k in numbers[:40])}",
                "Przenumeruj podpisy kolejno i popraw odwołania w tekście oraz spisy."))
        order = [n for n, _ in items]
        for a, b in zip(order, order[1:]):
            if b < a:
                item = next(i for n, i in items if n == b)
                out.append(Finding(
                    "Q-NUM", "warning", f"Podpis „{label} {pre}{b}” występuje po „{label} {pre}{a}” — numeracja nie rośnie.",
                    f"{label} {pre}{b} ({item.where})", "", "Numeruj podpisy w kolejności występowania."))
                break
    return out
