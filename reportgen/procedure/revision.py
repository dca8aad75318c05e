"""The revised document after the comments: accepted comments' data changes applied on a copy of the content
folder, built through reportgen.build.build_document, with a revision number and date and an annex listing
every change and the comment that caused it. A revision never overwrites an earlier one; the same content and
comments give the same revision (same number, same bytes)."""
from __future__ import annotations

import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportgen.document.assemble import place_annex
from reportgen.document.model import Block, Column, Document, Paragraph, Section, Table
from reportgen.errors import UserError
from reportgen.procedure import comments as cm
from reportgen.procedure.changes import _show, apply_changes
from reportgen.procedure.facts import load_procedure
from reportgen.procedure.law import load_procedure_rules
from reportgen.procedure.package import short_date
from reportgen.procedure.timeline import compute

INDEX = "wersje.json"


@dataclass
class Addenda:
    """What a revision adds to the document: meta (revision number/date) and annex sections, applied last."""
    meta: dict
    sections: list[Section] = field(default_factory=list)

    def apply(self, document: Document) -> None:
        for section in self.sections:   # last, unnumbered; tables numbered on by the document's numbering
            place_annex(document, section)
        document.meta.update(self.meta)
        page = document.meta.get("title_page")
        if page is not None:
            page["place_date"] = f"{page['place_date']} – {self.meta['revision_label']}"


@dataclass
class Revision:
    number: int
    path: Path
    created: bool                   # False: this revision already existed (same content and comments)
    changes: list[tuple[cm.Comment, Any]]


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def revision_addenda(number: int, day, comments: list[cm.Comment]) -> Addenda:
    label = f"wersja {number} z {short_date(day)} (po rozpatrzeniu uwag)"
    rows = []
    for c in comments:
        if not c.accepted:
            continue
        for change in c.changes or [None]:   # type: ignore[list-item]   # None: a comment without a data change
            if change is None:
                rows.append([str(c.number), c.decision, "bez zmiany danych", "–", "–", c.justification or "–"])
            else:
                rows.append([str(c.number), c.decision, f"{change.file}: {'.'.join(map(str, change.path))}",
                             _show(change.old), _show(change.value), c.justification or "–"])
    text = [Paragraph(f"Niniejsza {label} różni się od projektu wyłożonego do publicznego wglądu zmianami wynikającymi "
                      f"z uwzględnionych wniosków, zastrzeżeń i uwag, wymienionymi w tabeli. Uwagi nieuwzględnione nie "
                      f"zmieniły dokumentu; sposób rozpatrzenia wszystkich uwag zawiera wykaz uwag.")]
    table = Table(id="t_revision_changes", caption="Zmiany wprowadzone po rozpatrzeniu uwag",
                  columns=[Column("Nr uwagi", None, kind="text"), Column("Rozstrzygnięcie", None, kind="text"),
                           Column("Zmienione dane (plik: klucz)", None, kind="text"), Column("Było", None, kind="text"),
                           Column("Jest", None, kind="text"), Column("Uzasadnienie", None, kind="text")],
                  rows=rows, source="Wykaz wniosków, zastrzeżeń i uwag; opracowanie własne.",
                  provenance="reportgen.procedure.revision")
    blocks: list[Block] = [*text, table] if rows else [*text, Paragraph("Żadna z uwzględnionych uwag nie zmieniła danych dokumentu.")]
    section = Section(id="annex_revision", title="Zmiany po rozpatrzeniu uwag", level=1, number="", blocks=blocks)
    return Addenda({"revision": number, "revision_date": day, "revision_label": label}, [section])


def build_revision(folder: Path, out_dir: Path) -> Revision:
    from reportgen.build import build_document
    from reportgen.output import write_generated
    folder = Path(folder)
    rules = load_procedure_rules()
    facts = load_procedure(folder)
    day = facts.p.dates.revision
    if day is None:
        raise UserError(f"{facts.where('dates')}: brak daty wersji po rozpatrzeniu uwag (dates.revision).")
    timeline = compute(facts, rules)
    comment_file = cm.load_comments(folder, timeline.display_end)
    if comment_file is None:
        raise UserError(f"{folder / 'consultation'}: brak pliku uwag (uwagi.csv lub uwagi.xlsx).")
    comments = comment_file.comments
    accepted = [(c, ch) for c in comments if c.accepted for ch in c.changes]
    digest = _digest(folder)
    index_path = out_dir / INDEX
    index = json.loads(index_path.read_text(encoding="utf-8")) if index_path.exists() else {}
    name = folder.resolve().name
    for number, known in index.items():
        if known == digest:
            return Revision(int(number), out_dir / f"{name}_wersja_{number}.docx", False, accepted)
    number = max([1] + [int(n) for n in index]) + 1        # version 1 = the project put on display
    target = out_dir / f"{name}_wersja_{number}.docx"
    if target.exists():
        raise UserError(f"{target}: plik już istnieje, a nie ma go w {index_path} – nie nadpisuję wcześniejszej wersji.")
    with tempfile.TemporaryDirectory(prefix="reportgen-rev-") as tmp:
        copy = Path(tmp) / name
        apply_changes(folder, copy, [ch for _, ch in accepted])
        result = build_document(copy, addenda=revision_addenda(number, day, comments))
    write_generated(target, result.docx, force=False)
    index[str(number)] = digest
    from reportgen.output import atomic_write
    atomic_write(index_path, json.dumps(index, indent=2, sort_keys=True).encode("utf-8"))
    return Revision(number, target, True, accepted)
