"""Read two .docx files (python-docx) and compare paragraphs, table cells (numbers named) and figures (difflib)."""
from __future__ import annotations

import difflib
import hashlib
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import UserError

NUMBER = re.compile(r"-?\d[\d\u00a0 ]*(?:,\d+)?")


@dataclass
class DocxContent:
    paragraphs: list[str]
    tables: list[tuple[str, list[list[str]]]]      # (caption or "Tabela n", rows of cell texts)
    images: list[str]                               # sha256 of each embedded image, in document order


@dataclass
class Change:
    kind: str          # akapit | komórka | tabela | rysunek
    where: str
    old: str
    new: str


@dataclass
class DiffResult:
    changes: list[Change] = field(default_factory=list)


def read_docx(path: Path) -> DocxContent:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    from reportgen.check.readers.limits import check_size
    from reportgen.check.readers.zipguard import check_docx_container
    check_size(path)               # the limits of `check`: file size, then the ZIP bomb guard (sizes as inflated)
    check_docx_container(path)
    try:
        doc = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, PackageNotFoundError) as exc:
        raise UserError(f"{path}: nie można odczytać pliku .docx ({exc}).") from None
    except Exception as exc:       # python-docx on a hostile part (e.g. [Content_Types].xml of another schema)
        raise UserError(f"{path}: uszkodzony plik .docx ({type(exc).__name__}).") from None
    body = doc.element.body
    paragraphs: list = []
    tables: list = []
    last_text = ""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = Paragraph(child, doc).text.strip()
            if text:
                paragraphs.append(text)
                last_text = text
        elif tag == "tbl":
            table = Table(child, doc)
            rows = [[c.text.strip() for c in r.cells] for r in table.rows]
            caption = last_text if re.match(r"^(Tabela|Tab\.)\s*\d+", last_text) else f"tabela nr {len(tables) + 1}"
            tables.append((caption, rows))
    images = []
    with zipfile.ZipFile(path) as z:
        for name in sorted(n for n in z.namelist() if n.startswith("word/media/")):
            images.append(hashlib.sha256(z.read(name)).hexdigest())
    return DocxContent(paragraphs, tables, images)


def _table_key(caption: str) -> str:
    # "Tabela 12. Zużycie …" → "Zużycie …": numbers may shift between versions, captions rarely do
    return re.sub(r"^(Tabela|Tab\.)\s*\d+\.?\s*", "", caption)


def compare(old: DocxContent, new: DocxContent) -> DiffResult:
    out = DiffResult()
    sm = difflib.SequenceMatcher(a=old.paragraphs, b=new.paragraphs, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op == "equal":
            continue
        olds, news = old.paragraphs[a0:a1], new.paragraphs[b0:b1]
        for i in range(max(len(olds), len(news))):
            o = olds[i] if i < len(olds) else ""
            n = news[i] if i < len(news) else ""
            out.changes.append(Change("akapit", f"akapit {b0 + i + 1 if n else a0 + i + 1}", o, n))
    old_tables = {_table_key(c): (c, rows) for c, rows in old.tables}
    for caption, rows in new.tables:
        key = _table_key(caption)
        if key not in old_tables:
            out.changes.append(Change("tabela", caption, "", "nowa tabela"))
            continue
        _, old_rows = old_tables.pop(key)
        for r in range(max(len(rows), len(old_rows))):
            new_row = rows[r] if r < len(rows) else []
            old_row = old_rows[r] if r < len(old_rows) else []
            label = (new_row or old_row or [""])[0]
            for c in range(max(len(new_row), len(old_row))):
                n = new_row[c] if c < len(new_row) else ""
                o = old_row[c] if c < len(old_row) else ""
                if n != o:
                    out.changes.append(Change("komórka", f"{caption} – wiersz {r + 1} ({label}), kolumna {c + 1}", o, n))
    for caption, _ in old_tables.values():
        out.changes.append(Change("tabela", caption, "usunięta tabela", ""))
    sm = difflib.SequenceMatcher(a=old.images, b=new.images, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op != "equal":
            count = max(a1 - a0, b1 - b0)
            out.changes.append(Change("rysunek", f"obrazy nr {b0 + 1}–{b0 + count}" if count > 1 else f"obraz nr {b0 + 1}",
                                      f"{a1 - a0} obraz(y)", f"{b1 - b0} obraz(y) zmienione"))
    return out


def numbers_in(text: str) -> list[str]:
    return [m.group(0).strip() for m in NUMBER.finditer(text) if any(ch.isdigit() for ch in m.group(0))]
