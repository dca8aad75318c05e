"""The README's "Gwarancje i limity" states the limits the code enforces: each number is read from the code."""
from __future__ import annotations

from pathlib import Path

from hostile import MEMORY_LIMIT_MB

from reportgen.check.readers import limits
from reportgen.inputs import csvio, yamlio
from reportgen.output import MAX_BACKUPS

README = Path(__file__).resolve().parents[1] / "README.md"


def spaced(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Gwarancje i limity")
    return text[start: text.index("\n## ", start + 1)]


def test_readme_limits_match_code():
    s = section()
    stated = [
        f"{MEMORY_LIMIT_MB} MB",
        f"{spaced(yamlio.MAX_INPUT_BYTES)} B", f"{spaced(yamlio.MAX_NODES)} elementów",
        f"{yamlio.MAX_DEPTH} poziomów", f"10^{len(str(int(yamlio.MAX_NUMBER))) - 1}",
        f"{yamlio.MAX_NUMBER_CHARS} znaków", f"{spaced(csvio.MAX_CELLS)} komórek", f"do {MAX_BACKUPS} kopii",
        f".txt i .md do {limits.MAX_BYTES['.txt'] // 10**6} MB", f".docx i .pdf do {limits.MAX_BYTES['.docx'] // 10**6} MB",
        f"do {spaced(limits.MAX_ITEMS)}", f"do {spaced(limits.MAX_TABLE_CELLS)}",
        f"do {spaced(limits.ZIP_MAX_MEMBERS)} części", f"jedna część do {limits.ZIP_MAX_MEMBER // 10**6} MB",
        f"wszystkie do {limits.ZIP_MAX_TOTAL // 10**6} MB", f"ponad {limits.ZIP_RATIO_MIN_SIZE // 10**6} MB do "
        f"{limits.ZIP_MAX_RATIO} : 1", f"do {spaced(limits.PDF_MAX_PAGES)} stron", f"odczyt do {limits.PDF_MAX_SECONDS:g} s",
        f"(OCR) do {limits.OCR_MAX_PAGES} stron i {limits.OCR_MAX_SECONDS:g} s", f"kolumny tabeli do {limits.MAX_COLUMNS}",
    ]
    missing = [fragment for fragment in stated if fragment not in s]
    assert not missing, missing
    assert limits.MAX_BYTES[".md"] == limits.MAX_BYTES[".txt"] and limits.MAX_BYTES[".pdf"] == limits.MAX_BYTES[".docx"]
