"""The revised document after the comments: accepted comments' data changes applied on a copy of the content
folder, built through reportgen.build.build_document, with a revision number and date and an annex listing
every change and the comment that caused it. A revision never overwrites an earlier one; the same content and
comments give the same revision (same number, same bytes)."""
from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
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
from reportgen.render.numbers import plural_form

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
    docx: bytes | None = None       # the new revision's bytes, until written
    index_path: Path | None = None
    index: dict = field(default_factory=dict)
    document: Document | None = None

    def write(self) -> None:
        """Write the new revision and record it in the index; an existing revision is left as it is."""
        from reportgen.output import atomic_write, write_generated
        if not self.created or self.docx is None or self.index_path is None:
            return
        write_generated(self.path, self.docx, force=False)
        atomic_write(self.index_path, json.dumps(self.index, indent=2, sort_keys=True).encode("utf-8"))

    def report(self) -> list[str]:
        """What the CLI says: every applied change with the comment that caused it, then where the revision is."""
        lines = [f"  uwaga nr {c.number} ({c.decision}): {ch.describe()} (było: {_show(ch.old)})"
                 for c, ch in self.changes]
        if self.created:
            lines.append(f"Zapisano wersję {self.number} (po rozpatrzeniu uwag, {len(self.changes)} "
                         f"{plural_form(len(self.changes), 'zmiana', 'zmiany', 'zmian')} danych): {self.path}")
        else:
            lines.append(f"Wersja {self.number} po rozpatrzeniu uwag już istnieje ({self.path}) – bez zmian, "
                         f"nie tworzę nowej.")
        return lines


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


def _index(out_dir: Path) -> dict:
    """wersje.json: revision number → digest of the content folder (data and comments) it was built from."""
    from reportgen.inputs.yamlio import read_data_text
    path = out_dir / INDEX
    if not path.exists() and not path.is_symlink():
        return {}
    text = read_data_text(path)                       # bounded; a regular file inside out_dir
    fix = "popraw go albo usuń (wersje zostaną ponumerowane od nowa)"
    try:
        index = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{path}: uszkodzony rejestr wersji – błąd JSON w wierszu {exc.lineno}, kolumnie {exc.colno}; "
                        f"{fix}.") from None
    if not isinstance(index, dict):
        raise UserError(f"{path}: rejestr wersji powinien być obiektem JSON {{\"numer wersji\": \"skrót\"}}; {fix}.")
    for number, digest in index.items():
        if not (number.isascii() and number.isdigit() and len(number) <= 6):
            raise UserError(f"{path}: klucz {json.dumps(number, ensure_ascii=False)[:60]} nie jest numerem wersji; {fix}.")
        if not isinstance(digest, str):
            raise UserError(f"{path}: wersja {number} – skrót powinien być tekstem; {fix}.")
    return index


def _known(out_dir: Path, folder: Path, index: dict) -> tuple[int, Path] | None:
    """The revision already built from exactly this folder's content and comments, if any."""
    digest = _digest(folder)
    for number, known in index.items():
        if known == digest:
            return int(number), out_dir / f"{folder.resolve().name}_wersja_{number}.docx"
    return None


def accepted_changes(comments: list[cm.Comment]) -> list[tuple[cm.Comment, object]]:
    """The data changes a revision applies, in comment order: only those of accepted (wholly or partly) comments;
    a rejected comment's proposed change is never applied."""
    return [(c, ch) for c in comments if c.accepted for ch in c.changes]


def versions_dir(target: Path) -> Path:
    """Where the revisions of the document written to `target` live: out/kluki.docx → out/kluki/wersje/."""
    return target.parent / target.stem / "wersje"


def accepted_data_changes(folder: Path) -> list[tuple[cm.Comment, object]]:
    """The data changes of a content folder's accepted comments (consultation/uwagi.*), in comment order;
    [] when the folder has no comment file."""
    folder = Path(folder)
    if cm.find_comment_file(folder) is None:
        return []
    comment_file = compute(load_procedure(folder), load_procedure_rules()).load_comments(folder)
    return accepted_changes(comment_file.comments) if comment_file is not None else []


def has_data_changes(folder: Path) -> bool:
    """True when the content folder has a comment file with an accepted comment that changes data: then
    `reportgen build` also builds the next revision."""
    return bool(accepted_data_changes(folder))


@contextmanager
def adopted_folder(folder: Path) -> Iterator[tuple[Path, list[tuple[cm.Comment, object]]]]:
    """The content folder with the data of the plan as revised after the consultation (the revision `reportgen
    build` makes): a temporary copy with the accepted comments' data changes applied, removed on exit; the
    folder itself when no accepted comment changes data. Yields (folder, the applied changes with their comments).
    An update compares against this, not against the draft put on display."""
    folder = Path(folder)
    changes = accepted_data_changes(folder)
    if not changes:
        yield folder, []
        return
    with tempfile.TemporaryDirectory(prefix="reportgen-adopted-") as tmp:
        copy = Path(tmp) / folder.resolve().name
        apply_changes(folder, copy, [ch for _, ch in changes])   # type: ignore[misc]
        yield copy, changes


def prepare_revision(folder: Path, out_dir: Path, structure: Path | None = None) -> Revision:
    """Build the next revision in memory (nothing written: see Revision.write). The same content folder and
    comments as an earlier revision give that revision back, not a new one."""
    from reportgen.build import build_document
    folder = Path(folder)
    rules = load_procedure_rules()
    facts = load_procedure(folder)
    day = facts.p.dates.revision
    if day is None:
        raise UserError(f"{facts.where('dates')}: brak daty wersji po rozpatrzeniu uwag (dates.revision) – "
                        f"wpisz ją, by zbudować wersję z uwzględnionymi uwagami.")
    timeline = compute(facts, rules)
    comment_file = timeline.load_comments(folder)
    if comment_file is None:
        raise UserError(f"{folder / 'consultation'}: brak pliku uwag (uwagi.csv lub uwagi.xlsx).")
    comments = comment_file.comments
    accepted = accepted_changes(comments)
    digest = _digest(folder)
    index_path = out_dir / INDEX
    index = _index(out_dir)
    name = folder.resolve().name
    known = _known(out_dir, folder, index)
    if known is not None:
        return Revision(known[0], known[1], False, accepted)
    number = max([1] + [int(n) for n in index]) + 1        # version 1 = the project put on display
    target = out_dir / f"{name}_wersja_{number}.docx"
    if target.exists():
        raise UserError(f"{target}: plik już istnieje, a nie ma go w {index_path} – nie nadpisuję wcześniejszej wersji.")
    with tempfile.TemporaryDirectory(prefix="reportgen-rev-") as tmp:
        copy = Path(tmp) / name
        apply_changes(folder, copy, [ch for _, ch in accepted])   # type: ignore[misc]
        result = build_document(copy, structure, addenda=revision_addenda(number, day, comments))
    return Revision(number, target, True, accepted, result.docx, index_path, {**index, str(number): digest},
                    result.document)


def build_revision(folder: Path, out_dir: Path, structure: Path | None = None) -> Revision:
    rev = prepare_revision(folder, out_dir, structure)
    rev.write()
    return rev


def current_document(folder: Path, target: Path):
    """The built document that matches the content folder now, for załącznik nr 1 of the draft resolution:
    with accepted comments that change data, the revision recorded for exactly this folder's content and comments
    (versions_dir(target)); otherwise `target` (out/<gmina>.docx) when it was built. Returns (Attached or None,
    why not – Polish)."""
    from reportgen.procedure.package import Attached
    folder = Path(folder)
    if has_data_changes(folder):
        out_dir = versions_dir(target)
        known = _known(out_dir, folder, _index(out_dir))
        if known is not None and known[1].is_file():
            day = load_procedure(folder).p.dates.revision
            return Attached(known[1].read_bytes(), f"wersja {known[0]} z {short_date(day)} (po rozpatrzeniu uwag)"), ""
        return None, (f"brak wersji po rozpatrzeniu uwag dla obecnych danych i uwag w {out_dir} – uruchom "
                      f"reportgen build {folder}")
    if target.is_file():
        return Attached(target.read_bytes(), f"plik {target.name}"), ""
    return None, f"brak zbudowanego dokumentu {target} – uruchom reportgen build {folder}"
