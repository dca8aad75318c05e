"""PDF plans with a text layer (pypdf). Tables are not recovered from PDF text; captions, headings and
references are."""
from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from reportgen.check.readers import limits
from reportgen.check.readers.assemble import assemble
from reportgen.check.readers.items import LineItem
from reportgen.check.readers.limits import check_size
from reportgen.document.model import Document
from reportgen.errors import UserError

MIN_CHARS_PER_PAGE = 25       # fewer letters than this on average: a scan without OCR
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,4}(?:\s*-)?\s*$|^\s*(?:strona|str\.|s\.)\s*\d+(?:\s*(?:z|/)\s*\d+)?\s*$",
                          re.IGNORECASE)


def _open(path: Path):
    try:
        from pypdf import PdfReader
        reader = PdfReader(str(path), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:      # pypdf raises many types on damaged files; all mean "unreadable"
        raise UserError(f"{path}: uszkodzony lub nieczytelny plik PDF ({type(exc).__name__}).") from None
    if encrypted:
        try:
            ok = reader.decrypt("")
        except Exception:
            ok = 0
        if not ok:
            raise UserError(f"{path}: PDF jest zaszyfrowany hasłem — zdejmij zabezpieczenie i spróbuj ponownie.")
    return reader


def read_pdf(path: str | Path) -> Document:
    """A plan saved as PDF; a PDF without a text layer (a scan) is refused with a clear message."""
    path = Path(path)
    check_size(path)
    reader = _open(path)
    try:
        pages = len(reader.pages)
    except Exception as exc:
        raise UserError(f"{path}: uszkodzona struktura stron PDF ({type(exc).__name__}).") from None
    if pages > limits.PDF_MAX_PAGES:
        raise UserError(f"{path}: PDF ma {pages} stron (limit {limits.PDF_MAX_PAGES}).")
    start = time.monotonic()
    page_lines: list[list[str]] = []
    for n in range(pages):
        try:
            text = reader.pages[n].extract_text() or ""
        except Exception:          # a damaged page should not hide the rest of the document
            text = ""
        page_lines.append(text.replace("\r", "\n").split("\n"))
        if time.monotonic() - start > limits.PDF_MAX_SECONDS:
            raise UserError(f"{path}: odczyt tekstu z PDF trwa ponad {limits.PDF_MAX_SECONDS:.0f} s — plik odrzucony.")
    letters = sum(ch.isalpha() for lines in page_lines for line in lines for ch in line)
    if letters < MIN_CHARS_PER_PAGE * max(pages, 1):
        raise UserError(f"{path}: PDF nie ma warstwy tekstowej (to prawdopodobnie skan: {letters} liter na {pages} str.). "
                        "Wykonaj OCR albo sprawdź plik .docx lub .txt.")
    repeated = Counter(line.strip() for lines in page_lines for line in set(lines) if len(line.strip()) > 10)
    furniture = {s for s, k in repeated.items() if pages >= 4 and k >= max(3, pages // 3)}
    items = []
    for n, lines in enumerate(page_lines, 1):
        for k, line in enumerate(lines, 1):
            if line.strip() in furniture or _PAGE_NUMBER.match(line):
                continue
            items.append(LineItem(line.rstrip(), line=k, page=n))
        items.append(LineItem("", page=n))
    return assemble(items, source_path=str(path), meta={"format": "pdf", "pages": pages, "notes": [
        "Z PDF nie odtwarza się tabel: sumy w tabelach sprawdzono tylko dla .docx i .txt."]})
