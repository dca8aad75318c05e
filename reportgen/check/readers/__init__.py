"""Readers of existing plans into the document model; dispatch by file suffix."""
from __future__ import annotations

from pathlib import Path

from reportgen.document.model import Document
from reportgen.errors import UserError

SUFFIXES = (".txt", ".md", ".docx", ".pdf")


def read_txt(path: str | Path) -> Document:
    from reportgen.check.readers.txt import read_txt as _read
    return _read(path)


def read_docx(path: str | Path) -> Document:
    from reportgen.check.readers.word import read_docx as _read
    return _read(path)


def read_pdf(path: str | Path) -> Document:
    from reportgen.check.readers.pdf import read_pdf as _read
    return _read(path)


def read_document(path: str | Path) -> Document:
    """Read a plan (.txt, .md, .docx, .pdf). Unreadable or hostile input raises UserError (Polish, names the file)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        return read_txt(path)
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    if suffix == ".doc":
        raise UserError(f"{path}: format .doc (Word 97–2003) nie jest obsługiwany — zapisz dokument jako .docx.")
    raise UserError(f"{path}: nieobsługiwany typ pliku „{path.suffix or '(brak rozszerzenia)'}” — "
                    f"obsługiwane: {', '.join(SUFFIXES)}.")
