"""The PDF of a written .docx, through LibreOffice when it is installed, with the indexes updated (the table of
contents and the lists of tables and figures get their page numbers).

LibreOffice is driven over UNO by a Python that has its bridge (python3-uno; LibreOffice's own python on Windows
and macOS): lo_update_export.py. Without the bridge, `soffice --convert-to pdf` still gives the PDF, with the
lists as the .docx holds them (no page numbers), and a warning says so.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs.yamlio import os_problem
from reportgen.output import atomic_write_all

INSTALL_HINT = ("Aby zapisać PDF, zainstaluj LibreOffice (Writer) i czcionkę Carlito, np. w Debianie/Ubuntu: "
                "sudo apt-get install libreoffice-writer-nogui python3-uno fonts-crosextra-carlito; "
                "w Windows/macOS: https://pl.libreoffice.org/pobieranie/ (polecenie soffice musi być w PATH).")
TIMEOUT_S = 300


def find_soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    for path in ("/Applications/LibreOffice.app/Contents/MacOS/soffice",
                 r"C:\Program Files\LibreOffice\program\soffice.exe"):
        if os.path.isfile(path):
            return path
    return None


def _uno_python(soffice: str) -> str | None:
    """A Python interpreter that can import uno: LibreOffice's own, this one, or the system's."""
    program = Path(soffice).resolve().parent
    candidates = [str(program / "python"), str(program / "python.exe"), sys.executable, "/usr/bin/python3"]
    for exe in dict.fromkeys(candidates):
        if os.path.isfile(exe) and subprocess.run([exe, "-c", "import uno"], capture_output=True).returncode == 0:
            return exe
    return None


def docxs_to_pdf(pairs: list[tuple[Path, Path]]) -> list[str]:
    """Each (docx, pdf) pair converted in one LibreOffice run (it starts in ~2 s: a plan and its revision after
    consultation share it); returns warnings (Polish). UserError when LibreOffice is missing or a document has no
    PDF; every PDF is written only after all were made, each all at once."""
    soffice = find_soffice()
    if soffice is None:
        raise UserError([f"Nie znaleziono LibreOffice (soffice), więc nie zapisano PDF. {INSTALL_HINT}"])
    warnings = []
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-") as tmp:
        python = _uno_python(soffice)
        made = [Path(tmp) / f"out{i}.pdf" for i in range(len(pairs))]
        profile = Path(tmp) / "profile"     # a private profile: runs beside a user's open LibreOffice
        try:
            if python:
                script = Path(__file__).with_name("lo_update_export.py")
                documents = [str(p) for (docx, _), pdf in zip(pairs, made) for p in (docx, pdf)]
                subprocess.run([python, str(script), soffice, str(profile), *documents],
                               capture_output=True, timeout=TIMEOUT_S * len(pairs))
            missing = [i for i, pdf in enumerate(made) if not pdf.is_file()]
            if missing:
                names = ", ".join(pairs[i][0].name for i in missing)
                if python:
                    warnings.append(f"Aktualizacja spisów przez LibreOffice nie powiodła się ({names}); PDF bez numerów "
                                    "stron w spisach.")
                else:
                    warnings.append("Brak modułu python3-uno: spisy treści, tabel i rysunków w PDF są bez numerów stron "
                                    "(sudo apt-get install python3-uno).")
                _convert_plain(soffice, profile, Path(tmp), {i: pairs[i][0] for i in missing}, made)
        except subprocess.TimeoutExpired:
            names = ", ".join(str(docx) for docx, _ in pairs)
            raise UserError([f"LibreOffice nie zapisał PDF w ciągu {TIMEOUT_S} s na dokument ({names})."]) from None
        except OSError as exc:      # the temporary folder: a full disk, no permission
            raise UserError([f"{exc.filename or tmp}: nie można przygotować konwersji do PDF ({os_problem(exc)})."]) from None
        failed = [f"LibreOffice nie zapisał PDF z pliku {docx}. {INSTALL_HINT}"
                  for (docx, _), pdf in zip(pairs, made) if not pdf.is_file()]
        if failed:
            raise UserError(failed)
        try:    # through output.py: all together, with the user's umask (not LibreOffice's temporary file mode)
            atomic_write_all([(pdf_path, pdf.read_bytes()) for (_, pdf_path), pdf in zip(pairs, made)])
        except OSError as exc:
            where = exc.filename or ", ".join(str(p) for _, p in pairs)
            raise UserError([f"{where}: nie można zapisać PDF ({os_problem(exc)}); żaden PDF nie został zmieniony."]) from None
    return warnings


def _convert_plain(soffice: str, profile: Path, tmp: Path, sources: dict[int, Path], made: list[Path]) -> None:
    """`soffice --convert-to pdf` of the documents the UNO run did not make (copied under distinct names first:
    LibreOffice names each PDF after its document)."""
    inputs = tmp / "in"
    inputs.mkdir()
    for i, docx in sources.items():
        shutil.copyfile(docx, inputs / f"doc{i}.docx")
    subprocess.run([soffice, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp / "plain"), *(str(inputs / f"doc{i}.docx") for i in sources)],
                   capture_output=True, timeout=TIMEOUT_S * len(sources))
    for i in sources:
        converted = tmp / "plain" / f"doc{i}.pdf"
        if converted.is_file():
            converted.replace(made[i])
