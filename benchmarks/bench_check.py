"""Benchmark: read and check a ~100-page plan (.docx, 60 tables, ~1 000 paragraphs). Target: under 1 s.

Run:  python benchmarks/bench_check.py   (not a test; prints the timings)
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docx import Document  # noqa: E402

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


if __name__ == "__main__":
    main()
