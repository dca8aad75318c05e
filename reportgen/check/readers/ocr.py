"""OCR of scanned PDFs: pages rendered by poppler's pdftoppm, read by Tesseract with Polish data. Both are
system packages (apt-get install poppler-utils tesseract-ocr tesseract-ocr-pol); without them a scan is refused
with a message saying how to enable OCR."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from reportgen.check.readers import limits
from reportgen.errors import UserError

DPI = 200                    # enough for 10-pt body text; 300 doubles the time for little gain
HOW_TO_ENABLE = ("Aby włączyć OCR, zainstaluj Tesseract z językiem polskim i narzędzia poppler: "
                 "sudo apt-get install tesseract-ocr tesseract-ocr-pol poppler-utils "
                 "(albo wykonaj OCR w innym programie i sprawdź plik z warstwą tekstową).")


def ocr_available() -> str | None:
    """None when OCR can run, else the reason (Polish)."""
    if shutil.which("tesseract") is None:
        return "brak programu tesseract"
    if shutil.which("pdftoppm") is None:
        return "brak programu pdftoppm (poppler-utils)"
    try:
        langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "nie można uruchomić programu tesseract"
    if "pol" not in langs.split():
        return "brak danych języka polskiego dla Tesseracta (tesseract-ocr-pol)"
    return None


def ocr_pages(path: Path, pages: int, letters: int) -> list[str]:
    reason = ocr_available()
    if reason is not None:
        raise UserError(f"{path}: PDF nie ma warstwy tekstowej (to prawdopodobnie skan: {letters} liter na {pages} str.), "
                        f"a OCR jest niedostępny ({reason}). {HOW_TO_ENABLE}")
    if pages > limits.OCR_MAX_PAGES:
        raise UserError(f"{path}: skan ma {pages} stron — OCR wykonuje się dla najwyżej {limits.OCR_MAX_PAGES} stron. "
                        "Podziel plik albo wykonaj OCR w innym programie.")
    start, out = time.monotonic(), []
    with tempfile.TemporaryDirectory(prefix="reportgen-ocr-") as tmp:
        for n in range(1, pages + 1):
            image = Path(tmp) / f"p{n}"
            budget = limits.OCR_MAX_SECONDS - (time.monotonic() - start)
            if budget <= 0:
                raise UserError(f"{path}: OCR trwa ponad {limits.OCR_MAX_SECONDS:.0f} s — przerwano na stronie {n}.")
            try:
                subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", "-singlefile", "-f", str(n), "-l", str(n),
                                str(path), str(image)], capture_output=True, timeout=budget, check=True)
                done = subprocess.run(["tesseract", f"{image}.png", "-", "-l", "pol", "--psm", "6"],
                                      capture_output=True, timeout=budget, check=True)
            except subprocess.TimeoutExpired:
                raise UserError(f"{path}: OCR trwa ponad {limits.OCR_MAX_SECONDS:.0f} s — przerwano na stronie {n}.") from None
            except (OSError, subprocess.CalledProcessError) as exc:
                raise UserError(f"{path}: OCR strony {n} nie powiódł się ({type(exc).__name__}).") from None
            out.append(done.stdout.decode("utf-8", errors="replace"))
    return out
