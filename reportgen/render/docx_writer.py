"""Write the document model to .docx: docxtpl fills the title page, python-docx appends the body.

Fields are real Word fields with pre-filled results (TOC, SEQ, PAGE), so the file reads right in Word and in
LibreOffice before any field update. Output bytes are deterministic (fixed zip timestamps and core properties).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docxtpl import DocxTemplate

from reportgen.document.model import Document, Figure, Paragraph, Section, Table
from reportgen.render.numbers import fmt

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
BODY_WIDTH_CM = 16.0


# --- styles ---------------------------------------------------------------------------------------

def styled(doc, text: str = "", style: str = "Normal"):
    """doc.add_paragraph(text, style=...) without python-docx's scan of every style on every call
    (that scan was most of the build time); style ids are looked up once per document."""
    p = doc.add_paragraph(text)
    set_style(doc, p, style)
    return p


def set_style(doc, paragraph, style: str) -> None:
    ids = doc.__dict__.setdefault("_reportgen_style_ids", {})
    if style not in ids:
        ids[style] = doc.styles[style].style_id
    paragraph._p.get_or_add_pPr().style = ids[style]


# --- fields ---------------------------------------------------------------------------------------

def _fld_char(run, kind: str, dirty: bool = False) -> None:
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    if dirty:
        el.set(qn("w:dirty"), "true")
    run._r.append(el)


def _instr(run, text: str) -> None:
    el = OxmlElement("w:instrText")
    el.set(qn("xml:space"), "preserve")
    el.text = f" {text} "
    run._r.append(el)


def add_simple_field(paragraph, instruction: str, result: str):
    """begin · instruction · separate · result · end, all in one paragraph."""
    _fld_char(paragraph.add_run(), "begin")
    _instr(paragraph.add_run(), instruction)
    _fld_char(paragraph.add_run(), "separate")
    run = paragraph.add_run(result)
    _fld_char(paragraph.add_run(), "end")
    return run


def add_field_block(doc, instruction: str, entries: list[tuple[str, str]]) -> None:
    """A field whose pre-filled result is several paragraphs (TOC, list of tables): begin in the first
    paragraph, end in the last. entries: (style, text)."""
    if not entries:
        entries = [("Normal", "")]
    first = styled(doc, "", entries[0][0])
    _fld_char(first.add_run(), "begin")
    _instr(first.add_run(), instruction)
    _fld_char(first.add_run(), "separate")
    first.add_run(entries[0][1])
    last = first
    for style, text in entries[1:]:
        last = styled(doc, text, style)
    _fld_char(last.add_run(), "end")


# --- blocks ---------------------------------------------------------------------------------------

def _shade(cell, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def format_cell(value, decimals: int | None, kind: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if decimals is None:
        return str(value)
    return fmt(value, decimals)


# Calibri 9 pt: a digit is about 0,17 cm wide, 0,18 cm in bold; a cell adds about 0,4 cm of left and right
# margin (0,19 cm each side).
CHAR_CM = 0.18
CELL_PAD_CM = 0.4


def _words(text: str) -> list[str]:
    # a no-break space (number groups, "70 W") joins what the line must not break
    return [w for w in re.split(r"[ \t\n]+", text) if w]


def _floor_cm(header: str, cells: list[str], numeric: bool, size_ratio: float, header_cap: int = 99) -> float:
    """The narrowest a column may be: a number never wraps, no word is broken (a very long word may be);
    header_cap lets header words longer than it break when the page is too narrow for every header."""
    words = [min(len(w), header_cap) for w in _words(header)]
    if numeric:
        words += [len(c) for c in cells]
    else:
        words += [min(len(w), 14) for c in cells for w in _words(c)]
    return max(words, default=3) * CHAR_CM * size_ratio + CELL_PAD_CM


def column_widths_cm(header: list[str], body: list[list[str]], numeric: list[bool],
                     total_cm: float = BODY_WIDTH_CM, size_ratio: float = 1.0) -> list[float]:
    """Share the text width by what each column holds: numbers never wrap, text wraps onto a few lines,
    a header onto about three. Widths start in proportion to content, then every column is raised to its floor
    (_floor_cm), taking the difference from the columns that have room to spare."""
    text_cap = 30 if len(header) <= 5 else 16
    columns = [[row[j] for row in body if j < len(row)] for j in range(len(header))]
    weights, floors = [], []
    for j, (head, cells) in enumerate(zip(header, columns)):
        longest_word = max((len(w) for w in _words(head)), default=4)
        longest_cell = max((len(c) for c in cells), default=0)
        cell = longest_cell + 2.5 if numeric[j] else min(longest_cell, text_cap) + 1
        weight = max(longest_word + 1, len(head) / 3, cell, 5)
        weights.append(weight * 1.4 if j == 0 and not numeric[j] else weight)   # the row label reads first
        floors.append(_floor_cm(head, cells, numeric[j], size_ratio))
    for cap in (10, 0):                               # headers too long for the page: let long header words break
        if sum(floors) < total_cm:
            break
        floors = [_floor_cm(h, cells, numeric[j], size_ratio, header_cap=cap)
                  for j, (h, cells) in enumerate(zip(header, columns))]
    widths = [total_cm * w / sum(weights) for w in weights]
    if sum(floors) >= total_cm:                       # cannot satisfy every floor: share by floors
        return [total_cm * f / sum(floors) for f in floors]
    for _ in range(len(widths)):
        short = [j for j, w in enumerate(widths) if w < floors[j] - 1e-9]
        if not short:
            break
        deficit = sum(floors[j] - widths[j] for j in short)
        for j in short:
            widths[j] = floors[j]
        spare = {j: widths[j] - floors[j] for j in range(len(widths)) if j not in short and widths[j] > floors[j]}
        room = sum(spare.values())
        for j, r in spare.items():
            widths[j] -= deficit * r / room
    return widths


def add_caption(doc, label: str, number: int, caption: str) -> None:
    p = styled(doc, "", "Caption")
    p.add_run(f"{label} ")
    add_simple_field(p, f"SEQ {label} \\* ARABIC", str(number))
    p.add_run(f". {caption}")


def add_table(doc, table: Table) -> None:
    add_caption(doc, "Tabela", table.number, table.caption)
    ncols = len(table.columns)
    small = ncols > 7   # a wide table is set in 8 pt, header and body alike
    t = doc.add_table(rows=1 + len(table.rows), cols=ncols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = t.rows[0]
    _repeat_header(header)
    for j, col in enumerate(table.columns):
        cell = header.cells[j]
        cell.text = ""
        p = cell.paragraphs[0]
        set_style(doc, p, "Table Text")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.keep_with_next = True
        run = p.add_run(col.header)
        run.bold = True
        if small:
            run.font.size = Pt(8)
        _shade(cell, "DCE6F1")
    texts = []
    for i, row in enumerate(table.rows):
        row_dec = table.row_decimals[i] if table.row_decimals else None
        # a row's own precision applies to its value columns; percent columns keep theirs
        texts.append([format_cell(row[j] if j < len(row) else None,
                                  row_dec if (row_dec is not None and col.kind == "number" and col.decimals is not None)
                                  else col.decimals, col.kind)
                      for j, col in enumerate(table.columns)])
    widths = column_widths_cm([c.header for c in table.columns], texts, [c.decimals is not None for c in table.columns],
                              size_ratio=8 / 9 if small else 1.0)
    t.autofit = False
    for j, w in enumerate(widths):
        t.columns[j].width = Cm(w)
        for cell in t.columns[j].cells:
            cell.width = Cm(w)
    keep_together = len(table.rows) <= 18
    for i, row in enumerate(table.rows):
        tr = t.rows[i + 1]
        _cant_split(tr)
        is_total = i in table.total_rows
        for j, col in enumerate(table.columns):
            value = row[j] if j < len(row) else None
            cell = tr.cells[j]
            cell.text = ""
            p = cell.paragraphs[0]
            set_style(doc, p, "Table Text")
            numeric = col.decimals is not None and not isinstance(value, str)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT if numeric else WD_ALIGN_PARAGRAPH.LEFT
            if keep_together or i == len(table.rows) - 1:
                # a short table is not split across pages; a long one keeps its last row with the source line
                p.paragraph_format.keep_with_next = True
            run = p.add_run(texts[i][j])
            if small:
                run.font.size = Pt(8)
            if is_total:
                run.bold = True
                _shade(cell, "F2F2F2")
    if table.note:
        styled(doc, table.note, "Table Note").paragraph_format.keep_with_next = True
    styled(doc, f"Źródło: {table.source}", "Source")


def add_figure(doc, figure: Figure, pending: list) -> None:
    add_caption(doc, figure.kind, figure.number, figure.caption)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    # the picture goes in when the chart is drawn (render_docx), so drawing overlaps writing the text
    pending.append(p.add_run())
    styled(doc, f"Źródło: {figure.source}", "Source")


def add_paragraph(doc, para: Paragraph) -> None:
    style = "List Bullet" if para.style == "bullet" else "Normal"
    styled(doc, para.text, style)


def add_section(doc, section: Section, pending: list) -> None:
    styled(doc, f"{section.number} {section.title}".strip(), f"Heading {min(section.level, 3)}")
    for block in section.blocks:
        if isinstance(block, Table):
            add_table(doc, block)
        elif isinstance(block, Figure):
            add_figure(doc, block, pending)
        else:
            add_paragraph(doc, block)
    for child in section.children:
        add_section(doc, child, pending)


# --- front matter and page furniture -------------------------------------------------------------

def add_front_matter(doc, document: Document) -> None:
    styled(doc, "Spis treści", "Front Heading")
    toc = [(f"toc {min(s.level, 3)}", f"{s.number} {s.title}".strip()) for s in document.walk_sections() if s.level <= 3]
    add_field_block(doc, 'TOC \\o "1-3" \\h \\z \\u', toc)
    tables = document.tables()
    if tables:
        styled(doc, "Spis tabel", "Front Heading")
        add_field_block(doc, 'TOC \\h \\z \\c "Tabela"',
                        [("table of figures", f"Tabela {t.number}. {t.caption}") for t in tables])
    figures = document.figures()
    if figures:
        styled(doc, "Spis rysunków", "Front Heading")
        add_field_block(doc, 'TOC \\h \\z \\c "Rysunek"',
                        [("table of figures", f"Rysunek {f.number}. {f.caption}") for f in figures])


def add_footer(doc, short_title: str) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_style(doc, p, "Source")
    p.add_run(f"{short_title} – strona ")
    add_simple_field(p, "PAGE", "1")


def _update_fields_on_open(doc) -> None:
    # Word refreshes TOC page numbers when the file is opened; the pre-filled results serve until then.
    settings = doc.settings.element
    el = OxmlElement("w:updateFields")
    el.set(qn("w:val"), "true")
    settings.append(el)


def _set_core_properties(doc, meta: dict) -> None:
    when = dt.datetime.combine(meta["document_date"], dt.time(12, 0))
    cp = doc.core_properties
    cp.author = meta["author"]
    cp.last_modified_by = "reportgen"
    cp.title = meta["title"]
    cp.subject = meta["subject"]
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    cp.revision = 1
    cp.language = "pl-PL"
    cp.comments = "Wygenerowano programem reportgen"


def normalise_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps and order, so the same content gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def render_docx(document: Document, template: Path, images=None) -> bytes:
    """images: a function giving the PNG bytes of document.figures() in order, called once the text is written
    (charts are drawn meanwhile); without it, each figure's image_png is used."""
    meta = document.meta
    tpl = DocxTemplate(str(template))
    tpl.render(meta["title_page"], autoescape=True)
    doc = tpl.docx   # the front matter heading starts a new page (style "Front Heading")
    add_front_matter(doc, document)
    pending: list = []
    for section in document.sections:
        add_section(doc, section, pending)
    pngs = images() if images else [f.image_png for f in document.figures()]
    for run, png in zip(pending, pngs, strict=True):
        run.add_picture(io.BytesIO(png), width=Cm(BODY_WIDTH_CM))
    add_footer(doc, meta["short_title"])
    _update_fields_on_open(doc)
    _set_core_properties(doc, meta)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())
