"""Regenerate templates/docx/reportgen.docx: house styles and the title page (docxtpl tags).

Run once after changing the house style: python tools/make_template.py
"""
from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "templates" / "docx" / "reportgen.docx"
FONT = "Calibri"
DARK = RGBColor(0x1F, 0x4E, 0x79)


def style(doc, name, kind=WD_STYLE_TYPE.PARAGRAPH, base="Normal"):
    try:
        return doc.styles[name]
    except KeyError:
        s = doc.styles.add_style(name, kind)
        if kind == WD_STYLE_TYPE.PARAGRAPH and base:
            s.base_style = doc.styles[base]
        return s


def main() -> None:
    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(2.5)
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.2)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    pf = normal.paragraph_format
    pf.space_after = Pt(6)
    pf.line_spacing = 1.15
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    for level, size in ((1, 15), (2, 13), (3, 11.5)):
        h = doc.styles[f"Heading {level}"]
        h.font.name = FONT
        h.font.size = Pt(size)
        h.font.bold = True
        h.font.color.rgb = DARK
        # chapters run on (no page break before): a forced break leaves pages with a few lines or a lone figure
        h.paragraph_format.space_before = Pt(24 if level == 1 else 12)
        h.paragraph_format.space_after = Pt(6)
        h.paragraph_format.keep_with_next = True
        h.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    cap = doc.styles["Caption"]
    cap.font.name = FONT
    cap.font.size = Pt(10)
    cap.font.bold = True
    cap.font.italic = False
    cap.font.color.rgb = RGBColor(0, 0, 0)
    cap.paragraph_format.keep_with_next = True
    cap.paragraph_format.space_before = Pt(8)
    cap.paragraph_format.space_after = Pt(4)
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    src = style(doc, "Source")
    src.font.size = Pt(9)
    src.font.italic = True
    src.paragraph_format.space_after = Pt(10)
    src.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    note = style(doc, "Table Note")
    note.font.size = Pt(9)
    note.paragraph_format.space_before = Pt(3)
    note.paragraph_format.space_after = Pt(0)
    note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    cell = style(doc, "Table Text")
    cell.font.size = Pt(9)
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    bullet = doc.styles["List Bullet"]
    bullet.font.name = FONT
    bullet.paragraph_format.space_after = Pt(3)

    for name, indent in (("toc 1", 0), ("toc 2", 0.5), ("toc 3", 1.0), ("table of figures", 0)):
        s = style(doc, name)
        s.paragraph_format.left_indent = Cm(indent)
        s.paragraph_format.space_after = Pt(2)
        s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    doc.styles["toc 1"].font.bold = True

    front = style(doc, "Front Heading")
    front.font.size = Pt(15)
    front.font.bold = True
    front.font.color.rgb = DARK
    front.paragraph_format.space_before = Pt(6)
    front.paragraph_format.space_after = Pt(10)
    front.paragraph_format.page_break_before = True
    front.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    # Title page (docxtpl fills the tags).
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # printed once the Rada has adopted the plan (gmina.yaml: resolution); a draft carries no blank "Nr ………"
    r = p.add_run("{% if resolution_number %}Załącznik do uchwały Nr {{ resolution_number }}\n{{ council }}\n"
                  "z dnia {{ resolution_date }}{% endif %}")
    r.font.size = Pt(10)
    for _ in range(6):
        doc.add_paragraph()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("{{ title_heading }}")   # "PROJEKT ZAŁOŻEŃ …" or "AKTUALIZACJA PROJEKTU ZAŁOŻEŃ …" (build.title_page)
    r.bold = True
    r.font.size = Pt(20)
    r.font.color.rgb = DARK
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("dla {{ gmina_genitive }}")
    r.bold = True
    r.font.size = Pt(18)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run("{{ period_text }}")
    r.font.size = Pt(14)
    for _ in range(10):
        doc.add_paragraph()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    p.add_run("Opracowanie: ").bold = True
    p.add_run("{{ author }}")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    p.add_run("{{ author_address }}")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("{{ place_date }}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(OUT))


if __name__ == "__main__":
    main()
