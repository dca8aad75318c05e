"""Benchmarks of `reportgen check` (not tests; print the timings):

1. a ~100-page plan as .docx (60 tables, ~1 000 paragraphs): read + check in process, target under 1 s;
2. a 100-page PDF with 40 space-aligned tables (text layer): `reportgen check plan.pdf` as a fresh process,
   imports included, target under 3 s;
3. a folder of 50 plans (PDF, ~20 pages each): `reportgen check DIR -j 1` against `-j <cores>`.

Run:  python benchmarks/bench_check.py
"""
from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docx import Document  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "check"))
import stress_plan  # noqa: E402

from reportgen.check.readers import read_document  # noqa: E402
from reportgen.rules.engine import check_document, counts  # noqa: E402
from reportgen.rules.requirements import load_requirements  # noqa: E402

CHAPTERS = 15
TABLES = 60
PARAGRAPHS = 360            # ~700 characters each: with the tables about 100 pages
TARGET_S = 1.0

SENTENCE = ("Zużycie energii cieplnej w sektorze mieszkaniowym oszacowano metodą wskaźnikową na podstawie "
            "powierzchni użytkowej budynków i wskaźników energochłonności z okresu ich budowy; wyniki przedstawiono "
            "w tabeli {t}, a strukturę paliw na rysunku {f}. ")


def build(path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Projekt założeń do planu zaopatrzenia w ciepło, energię elektryczną i paliwa gazowe "
                      "dla Gminy Testowa na lata 2025–2040", style="Title")
    doc.add_paragraph("Spis tabel", style="Heading 1")
    for t in range(1, TABLES + 1):
        doc.add_paragraph(f"Tabela {t}. Zestawienie zużycia energii nr {t}\t{t + 10}")
    per_chapter = PARAGRAPHS // CHAPTERS
    tables_per_chapter = TABLES // CHAPTERS
    t = f = 0
    for c in range(1, CHAPTERS + 1):
        doc.add_paragraph(f"{c} Rozdział {c}: prognoza zapotrzebowania na ciepło i bilans paliw", style="Heading 1")
        for k in range(per_chapter):
            if k % 20 == 0:
                doc.add_paragraph(f"{c}.{k // 20 + 1} Podrozdział {k // 20 + 1}", style="Heading 2")
            doc.add_paragraph(SENTENCE.format(t=max(t, 1), f=max(f, 1)) * 3)
            if k % (per_chapter // tables_per_chapter) == 0 and t < TABLES:
                t += 1
                doc.add_paragraph(f"Tabela {t}. Zestawienie zużycia energii nr {t}", style="Caption")
                rows = [["Sektor", "2021", "2025", "2037", "Udział [%]"]]
                rows += [[f"Sektor {r}", f"{1000 + r * 37:,}".replace(",", " "), f"{1100 + r:,}".replace(",", " "),
                          f"{1200 + r}", "10,00"] for r in range(10)]
                rows.append(["Razem", f"{sum(1000 + r * 37 for r in range(10)):,}".replace(",", " "),
                             f"{sum(1100 + r for r in range(10)):,}".replace(",", " "),
                             f"{sum(1200 + r for r in range(10))}", "100,00"])
                table = doc.add_table(rows=len(rows), cols=5)
                for r, row in enumerate(rows):
                    for col, value in enumerate(row):
                        table.cell(r, col).text = value
                doc.add_paragraph("Źródło: opracowanie własne.")
            if k % 40 == 5:
                f += 1
                doc.add_paragraph(f"Rysunek {f}. Struktura zużycia paliw nr {f}", style="Caption")
    doc.save(str(path))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.docx"
        start = time.perf_counter()
        build(path)
        built = time.perf_counter() - start
        requirements = load_requirements()
        timings = []
        for _ in range(3):
            start = time.perf_counter()
            doc = read_document(path)
            read = time.perf_counter() - start
            findings = check_document(doc, requirements, date(2025, 6, 1))
            timings.append((read, time.perf_counter() - start))
        read, total = min(timings, key=lambda x: x[1])
        size = path.stat().st_size
        pages = len(doc.full_text()) / 3000 + len(doc.tables()) / 4      # ~3000 characters or 4 tables a page
        print(f"plik: {size / 1e6:.2f} MB, ok. {pages:.0f} stron, {len(doc.tables())} tabel, {len(doc.figures())} "
              f"rysunków, {sum(1 for _ in doc.blocks())} bloków; budowa pliku {built:.2f} s")
        print(f"odczyt {read:.3f} s, odczyt + kontrola {total:.3f} s (cel < {TARGET_S:.1f} s): "
              f"{'OK' if total < TARGET_S else 'ZA WOLNO'}; uwagi: {counts(findings)}")


PDF_PAGES = 100
PDF_TABLES = 40
PDF_TARGET_S = 3.0
FOLDER_PLANS = 50
PROSE = ("Zużycie energii cieplnej w sektorze mieszkaniowym oszacowano metodą wskaźnikową na podstawie powierzchni",
         "użytkowej budynków i wskaźników energochłonności; wyniki przedstawiono w tabeli {t}, a prognozę zapotrzebowania",
         "na ciepło, energię elektryczną i paliwa gazowe w rozdziale następnym. Przedsięwzięcia racjonalizujące")


def pdf_lines(pages: int, tables: int) -> list[str]:
    """A plan of `pages` pages (58 lines each) with `tables` captioned space-aligned tables of 12 rows."""
    lines = list(stress_plan.TITLE) + ["", "Kraków, 2025 r.", ""]
    per_table = (pages * stress_plan.LINES_PER_PAGE - 200) // tables
    t = 0
    chapter = 0
    while len(lines) < pages * stress_plan.LINES_PER_PAGE - 20:
        if t < tables and len(lines) >= (t + 1) * per_table - 20:
            t += 1
            if t % 5 == 1:
                chapter += 1
                lines += ["", f"{chapter} Rozdział {chapter}: bilans i prognoza zapotrzebowania na ciepło", ""]
            lines += ["", f"Tabela {t}. Zużycie ciepła w sektorach nr {t}", "",
                      "Sektor                    2021          2025          2037      Udział [%]"]
            values = [(1000 + r * 37, 1100 + r, 1200 + r) for r in range(10)]
            for r, (a, b, c) in enumerate(values):
                lines.append(f"Sektor {r:<18}{a:>6}        {b:>6}        {c:>6}           10,00")
            lines.append(f"Razem                   {sum(v[0] for v in values):>6}        "
                         f"{sum(v[1] for v in values):>6}        {sum(v[2] for v in values):>6}          100,00")
            lines += ["Źródło: opracowanie własne", ""]
        else:
            lines += [p.format(t=max(t, 1)) for p in PROSE]
    return lines


def _fresh(args: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system of the process and all its children: workers, pdftotext) of
    `reportgen ARGS` in a fresh process. The machine may be shared: wall time then grows with the load,
    CPU time does not."""
    exe = shutil.which("reportgen") or sys.executable
    cmd = [exe, *args] if exe.endswith("reportgen") else [exe, "-m", "reportgen.cli", *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _load() -> str:
    one, _, _ = os.getloadavg()
    return f"obciążenie maszyny (load average 1 min): {one:.1f} na {os.cpu_count()} rdzeniach"


def bench_pdf(tmp: Path) -> None:
    path = stress_plan.write_pdf(tmp / "plan100.pdf", pdf_lines(PDF_PAGES, PDF_TABLES))
    doc = read_document(path)
    findings = check_document(doc, load_requirements(), date(2025, 6, 1))
    sums = [f for f in findings if f.rule_id in ("Q-SUM", "Q-SHARE")]
    runs = [_fresh(["check", str(path), "--as-of", "2025-06-01"]) for _ in range(3)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    print(f"PDF: {doc.meta['pages']} stron, odtworzono {len(doc.tables())} tabel (z {PDF_TABLES}), uwagi sum: {len(sums)}; "
          f"`reportgen check` w nowym procesie: {wall:.2f} s zegara, {cpu:.2f} s CPU (mediany z 3; cel < "
          f"{PDF_TARGET_S:.0f} s): {'OK' if wall < PDF_TARGET_S else ('OK wg CPU' if cpu < PDF_TARGET_S else 'ZA WOLNO')}; "
          f"{_load()}")


def bench_folder(tmp: Path) -> None:
    folder = tmp / "plany"
    folder.mkdir()
    one = stress_plan.write_pdf(folder / "plan_00.pdf", pdf_lines(20, 8))
    for k in range(1, FOLDER_PLANS):
        shutil.copy(one, folder / f"plan_{k:02d}.pdf")
    cores = os.cpu_count() or 1
    serial, serial_cpu = _fresh(["check", str(folder), "--format", "csv", "-j", "1", "-o", str(tmp / "r1.csv")])
    parallel, parallel_cpu = _fresh(["check", str(folder), "--format", "csv", "-j", str(cores), "-o", str(tmp / "r2.csv")])
    # on an idle machine the speed-up is at most cores × serial CPU / parallel CPU; on a shared one less
    print(f"folder {FOLDER_PLANS} planów po 20 stron: -j 1 {serial:.2f} s zegara / {serial_cpu:.2f} s CPU, "
          f"-j {cores} {parallel:.2f} s zegara / {parallel_cpu:.2f} s CPU (przyspieszenie zegara {serial / parallel:.2f}× "
          f"na {cores} rdzeniach; wykorzystanie rdzeni przy -j 1: {serial_cpu / serial:.2f}, przy -j {cores}: "
          f"{parallel_cpu / parallel:.2f}); {_load()}")


if __name__ == "__main__":
    main()
    with tempfile.TemporaryDirectory() as tmp:
        bench_pdf(Path(tmp))
        bench_folder(Path(tmp))
