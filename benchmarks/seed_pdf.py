"""Make a Word-made PDF of a plan kept as text, to measure how well `check` reads PDFs (not a test).

A seed plan (.txt, tables as tab-separated rows) is rebuilt as a .docx the way its authors had it: the table rows
the text reader recognises become real Word tables with ruling lines ("Table Grid"), every other line a paragraph
(tab-separated list entries stay paragraphs with tabs). LibreOffice then prints it to PDF, as many municipal
offices publish their plans. `check` on the .txt and on the PDF should then give the same table findings.

Run:  python benchmarks/seed_pdf.py /work/shared/seeds/004_*.txt -o /tmp/C/seeds
      python benchmarks/seed_pdf.py SEED.txt -o DIR --compare    (also prints the finding sets of both)
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docx import Document  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402

from reportgen.check.readers.frontmatter import scan  # noqa: E402
from reportgen.check.readers.items import LineItem, TableItem  # noqa: E402
from reportgen.check.readers.normalize import normalize_items  # noqa: E402
from reportgen.check.readers.txt import group_tables  # noqa: E402

TEXT_WIDTH_CM = 17.0
TABLE_PT = 8                # tables set smaller than the text, as plans usually are
CM_PER_CHAR = 0.14          # 8 pt Carlito, average glyph
COMPARED = ("Q-SUM", "Q-SHARE", "Q-CAPTION", "Q-UNIT")


def seed_docx(seed: Path, out: Path) -> None:
    lines = seed.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    items = normalize_items([LineItem(line.rstrip(), line=no) for no, line in enumerate(lines, 1)])
    listed = {id(items[k]) for k in scan(items).in_list}
    items = group_tables(items, listed, str(seed))
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    for section in doc.sections:
        section.left_margin = section.right_margin = Cm(2.0)
    for it in items:
        if isinstance(it, TableItem):
            width = max(len(r) for r in it.rows)
            table = doc.add_table(rows=len(it.rows), cols=width)
            table.style = "Table Grid"
            table.autofit = False
            for r, row in enumerate(it.rows):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = value
                    for run in cell.paragraphs[0].runs:
                        run.font.size = Pt(TABLE_PT)
            # column widths as Word's autofit gives them: the longest word fits, the rest by average cell length
            longest = [max((len(w) for r in it.rows if c < len(r) for w in r[c].split()), default=1) for c in range(width)]
            average = [sum(len(r[c]) for r in it.rows if c < len(r)) / len(it.rows) + 1 for c in range(width)]
            least = [CM_PER_CHAR * n + 0.25 for n in longest]
            spare = max(TEXT_WIDTH_CM - sum(least), 0.0)
            need = [m + spare * a / sum(average) for m, a in zip(least, average)]
            for c, col in enumerate(table.columns):
                col.width = Cm(need[c] * min(1.0, TEXT_WIDTH_CM / sum(need)))      # the grid LibreOffice reads
                for cell in col.cells:
                    cell.width = col.width
        elif isinstance(it, LineItem) and it.text.strip():
            doc.add_paragraph(it.text)
    doc.save(str(out))


def to_pdf(docx: Path, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), str(docx)], check=True, capture_output=True, timeout=300)
    return outdir / (docx.stem + ".pdf")


def table_findings(path: Path) -> list[tuple[str, str, str]]:
    from reportgen.check.readers import read_document
    from reportgen.rules.engine import check_document
    from reportgen.rules.requirements import load_requirements
    doc = read_document(path)
    found = check_document(doc, load_requirements(), date(2026, 12, 1))
    return [(f.rule_id, f.severity, f.message.split(":")[0][:40]) for f in found if f.rule_id in COMPARED]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("seeds", nargs="+", type=Path)
    ap.add_argument("-o", "--outdir", type=Path, required=True)
    ap.add_argument("--compare", action="store_true")
    args = ap.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    for seed in args.seeds:
        docx, pdf = args.outdir / (seed.stem + ".docx"), args.outdir / (seed.stem + ".pdf")
        if not pdf.exists() or pdf.stat().st_mtime < seed.stat().st_mtime:
            seed_docx(seed, docx)
            to_pdf(docx, args.outdir)
        print(pdf)
        if args.compare:
            txt, got = table_findings(seed), table_findings(pdf)
            for name, found in (("txt", txt), ("pdf", got)):
                print(f"  {name}:", dict(Counter((r, s) for r, s, _ in found)))
            print("  only in txt:", sorted(set(txt) - set(got)))
            print("  only in pdf:", sorted(set(got) - set(txt)))


if __name__ == "__main__":
    main()
