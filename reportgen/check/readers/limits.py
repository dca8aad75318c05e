"""Limits that keep reading a hostile file bounded in memory and time."""
from __future__ import annotations

from pathlib import Path

from reportgen.errors import UserError

MAX_BYTES = {".txt": 10_000_000, ".md": 10_000_000, ".docx": 100_000_000, ".pdf": 100_000_000}
MAX_ITEMS = 400_000                  # lines / paragraphs; a 1000-page plan has ~50 000
ZIP_MAX_MEMBERS = 5_000
ZIP_MAX_TOTAL = 250_000_000          # all parts, uncompressed (pictures included)
ZIP_MAX_MEMBER = 50_000_000          # one part, uncompressed (document.xml of 1000 pages: ~30 MB)
ZIP_MAX_RATIO = 200                  # deflate of real documents stays far below; bombs reach ~1000
ZIP_RATIO_MIN_SIZE = 2_000_000       # small parts may compress well without being suspicious
PDF_MAX_PAGES = 1_000               # published plans have up to ~400 pages with annexes
PDF_MAX_SECONDS = 60.0
PDF_TABLES_MAX_SECONDS = 60.0       # pdfplumber's table recovery, all pages together (checked per page)
PDF_MAX_RULINGS = 5_000              # lines and rectangles on one page; a ruled table page has a few hundred
OCR_MAX_PAGES = 300
OCR_MAX_SECONDS = 900.0
MAX_TABLE_CELLS = 200_000
MAX_COLUMNS = 63                     # Word's own limit of columns in a table


def check_size(path: Path) -> int:
    """Raise UserError for a missing, unreadable or oversized file; return its size."""
    try:
        if not path.is_file():
            raise UserError(f"{path}: nie ma takiego pliku")
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(f"{path}: nie można odczytać pliku ({exc.strerror or exc})") from None
    limit = MAX_BYTES.get(path.suffix.lower())
    if limit is not None and size > limit:
        raise UserError(f"{path}: plik jest za duży ({size / 1e6:.1f} MB; limit dla {path.suffix.lower()} to "
                        f"{limit / 1e6:.0f} MB)")
    if size == 0:
        raise UserError(f"{path}: plik jest pusty")
    return size


def check_items(count: int, path: object) -> None:
    if count > MAX_ITEMS:
        raise UserError(f"{path}: dokument ma ponad {MAX_ITEMS} wierszy lub akapitów — plik odrzucony.")
