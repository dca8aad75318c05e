"""PDF plans. The text layer is read with poppler's `pdftotext -layout` (fast, keeps each word's position as
spacing, so space-aligned tables can be recovered; see layout.py), falling back to pypdf without tables when
poppler is absent. A PDF without a text layer (a scan) is read with Tesseract OCR (Polish) when installed."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections import Counter
from pathlib import Path

from reportgen.check.readers import limits
from reportgen.check.readers.assemble import assemble
from reportgen.check.readers.frontmatter import scan
from reportgen.check.readers.items import Item, LineItem
from reportgen.check.readers.layout import group_layout_tables
from reportgen.check.readers.limits import check_items, check_size
from reportgen.check.readers.normalize import normalize_items
from reportgen.check.readers.ocr import ocr_pages
from reportgen.document.model import Document
from reportgen.errors import UserError

MIN_CHARS_PER_PAGE = 25       # fewer letters than this on average: a scan without a text layer
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
            ok = bool(reader.decrypt(""))
        except Exception:
            ok = False
        if not ok:
            raise UserError(f"{path}: PDF jest zaszyfrowany hasłem — zdejmij zabezpieczenie i spróbuj ponownie.")
    return reader


def page_count(path: Path) -> int:
    reader = _open(path)
    try:
        pages = len(reader.pages)
    except Exception as exc:
        raise UserError(f"{path}: uszkodzona struktura stron PDF ({type(exc).__name__}).") from None
    if pages > limits.PDF_MAX_PAGES:        # said at once, before any text is extracted
        raise UserError(f"{path}: PDF ma {pages} stron — za dużo stron (limit {limits.PDF_MAX_PAGES}); "
                        "podziel plik na części.")
    return pages


PAGES_PER_PROCESS = 25    # long PDFs are split into page ranges read by parallel pdftotext processes


def _pdftotext_pages(path: Path, pages: int) -> list[str] | None:
    exe = shutil.which("pdftotext")
    if exe is None:
        return None
    workers = max(1, min(os.cpu_count() or 1, 4, pages // PAGES_PER_PROCESS))
    step = -(-pages // workers)
    ranges = [(first, min(first + step - 1, pages)) for first in range(1, pages + 1, step)]
    procs = [subprocess.Popen([exe, "-layout", "-enc", "UTF-8", "-q", "-f", str(a), "-l", str(b), str(path), "-"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) for a, b in ranges]
    texts: list[str] = []
    try:
        for proc, (a, b) in zip(procs, ranges):
            out, _ = proc.communicate(timeout=limits.PDF_MAX_SECONDS)
            part = out.decode("utf-8", errors="replace").split("\f")
            texts += (part + [""] * (b - a + 1))[: b - a + 1]
    except subprocess.TimeoutExpired:
        raise UserError(f"{path}: odczyt tekstu z PDF trwa ponad {limits.PDF_MAX_SECONDS:.0f} s — plik odrzucony.") from None
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    if not any(t.strip() for t in texts) and any(p.returncode for p in procs):
        return None
    return texts


def _pypdf_pages(path: Path, pages: int) -> list[str]:
    reader = _open(path)
    start, out = time.monotonic(), []
    for n in range(pages):
        try:
            out.append(reader.pages[n].extract_text() or "")
        except Exception:          # a damaged page should not hide the rest of the document
            out.append("")
        if time.monotonic() - start > limits.PDF_MAX_SECONDS:
            raise UserError(f"{path}: odczyt tekstu z PDF trwa ponad {limits.PDF_MAX_SECONDS:.0f} s — plik odrzucony.")
    return out


_LETTER = re.compile(r"[^\W\d_]")


def _letters(texts: list[str]) -> int:
    return sum(len(_LETTER.findall(t)) for t in texts)


def _has_text_layer(texts: list[str]) -> bool:
    """Enough letters per page on average (counted until the threshold is reached: a plan has far more)."""
    need, seen = MIN_CHARS_PER_PAGE * max(len(texts), 1), 0
    for t in texts:
        seen += len(_LETTER.findall(t))
        if seen >= need:
            return True
    return False


EDGE_LINES = 3           # running headers and footers sit in the first or last lines of a page


def _edges(lines: list[str]) -> list[str]:
    text = [line.strip() for line in lines if line.strip()]
    return text[:EDGE_LINES] + text[-EDGE_LINES:]


def _numbered_pages(page_lines: list[list[str]]) -> bool:
    """The PDF prints page numbers: at least half of its pages start or end with a bare number."""
    hits = 0
    for lines in page_lines:
        text = [line for line in lines if line.strip()]
        if text and (_PAGE_NUMBER.match(text[0]) or _PAGE_NUMBER.match(text[-1])):
            hits += 1
    return hits * 2 >= max(len(page_lines), 1)


def page_items(page_texts: list[str]) -> list[Item]:
    """Lines of each page with page furniture (running headers/footers, page numbers) left out."""
    page_lines = [t.replace("\r", "\n").split("\n") for t in page_texts]
    pages = len(page_lines)
    repeated = Counter(line for lines in page_lines for line in set(_edges(lines)) if len(line) > 10)
    furniture = {s for s, k in repeated.items() if pages >= 4 and k >= max(3, pages // 3)}
    numbered = _numbered_pages(page_lines)
    items: list[Item] = []
    for n, lines in enumerate(page_lines, 1):
        text_rows = [k for k, line in enumerate(lines) if line.strip()]
        edge = set(text_rows[:EDGE_LINES] + text_rows[-EDGE_LINES:])
        first_last = {text_rows[0], text_rows[-1]} if text_rows and numbered else set()
        for k, line in enumerate(lines, 1):
            # furniture sits at a page's edge; the page number is its first or last line (a bare number elsewhere
            # is a wrapped list entry's page number)
            if (k - 1 in edge and line.strip() in furniture) or (k - 1 in first_last and _PAGE_NUMBER.match(line)):
                continue
            items.append(LineItem(line.rstrip(), line=k, page=n, indent=line[:1] in (" ", "\t")))
        items.append(LineItem("", page=n))
    return items


def read_pdf(path: str | Path) -> Document:
    """A plan saved as PDF; a scan is OCR-ed when Tesseract is installed, else refused with a clear message."""
    path = Path(path)
    check_size(path)
    pages = page_count(path)
    notes: list[str] = []
    texts = _pdftotext_pages(path, pages)
    if texts is None:
        texts = _pypdf_pages(path, pages)
        notes.append("Brak programu pdftotext (pakiet poppler-utils): tekst odczytano bez układu strony, "
                     "więc tabel z PDF nie odtworzono i sum w tabelach nie sprawdzono.")
    ocr = False
    if not _has_text_layer(texts):
        texts = ocr_pages(path, pages, _letters(texts))
        ocr = True
        if not _has_text_layer(texts):
            raise UserError(f"{path}: PDF nie ma warstwy tekstowej, a OCR nie rozpoznał w nim tekstu "
                            f"({_letters(texts)} liter na {pages} str.) — to nie jest skan dokumentu tekstowego.")
        notes.append("Plik nie ma warstwy tekstowej (skan): tekst odczytano przez OCR (Tesseract, język polski). "
                     "Uwagi oparte na tym tekście mogą wynikać z błędów rozpoznania — sprawdź je w oryginale.")
    items = normalize_items(page_items(texts))
    check_items(len(items), path)
    listed = {id(items[k]) for k in scan(items).in_list}
    items = group_layout_tables(items, listed, str(path))
    doc = assemble(items, source_path=str(path), meta={"format": "pdf", "pages": pages, "ocr": ocr, "notes": notes})
    if not ocr:
        _recover_tables(path, doc, notes)
    return doc


def _recover_tables(path: Path, doc: Document, notes: list[str]) -> None:
    """Tables the layout text could not rebuild, read from ruling lines and word positions (pdfplumber)."""
    try:
        from reportgen.check.readers.pdftables import recover_tables
        recover_tables(path, doc, notes)
    except ImportError:
        notes.append("Brak biblioteki pdfplumber: tabele z PDF odtworzono tylko z układu tekstu, więc tabel "
                     "z wieloma wierszami w komórkach mogło nie odczytać (pip install pdfplumber).")
