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
from xml.sax.saxutils import escape

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docxtpl import DocxTemplate

from reportgen.document.model import Document, Figure, Paragraph, Section, Table
from reportgen.render.formula import DISPLAY, INLINE, add_display, add_inline
from reportgen.render.page_estimate import chapter_breaks
from reportgen.render.typeset import SOFT_HYPHEN, cell_texts, column_widths_cm, hyphenate_to_fit, year_ranges

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

def _runs(paragraph, text: str, bold: bool = False, size_pt: float | None = None) -> None:
    """text as runs: soft hyphens become Word's optional hyphens (w:softHyphen), inline formulas \\( \\) are set
    with italic symbols and real subscripts."""
    text = year_ranges(text)
    pos = 0
    for m in [*INLINE.finditer(text), None]:
        chunk = text[pos:m.start()] if m else text[pos:]
        if chunk:
            run = paragraph.add_run()
            for i, piece in enumerate(chunk.split(SOFT_HYPHEN)):
                if i:
                    run._r.append(OxmlElement("w:softHyphen"))
                if piece:
                    t = OxmlElement("w:t")
                    t.set(qn("xml:space"), "preserve")
                    t.text = piece
                    run._r.append(t)
            run.bold = bold or None
            if size_pt:
                run.font.size = Pt(size_pt)
        if m:
            add_inline(paragraph, m.group("body"))
            pos = m.end()


def add_text(doc, text: str, style: str = "Normal"):
    """A paragraph of running text; a paragraph that is one display formula \\[ \\] becomes a Word equation."""
    p = styled(doc, "", style)
    m = DISPLAY.match(text)
    if m:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_display(p, m.group("body"), m.group("tail"))
    else:
        _runs(p, text)
    return p


def add_caption(doc, label: str, number: int | None, caption: str) -> None:
    p = styled(doc, "", "Caption")
    p.add_run(f"{label} ")
    add_simple_field(p, f"SEQ {label} \\* ARABIC", str(number))
    _runs(p, f". {caption}")


def _twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


def _cell_xml(text: str, width_cm: float, style_id: str, align: str, keep: bool, bold: bool, size: float,
              fill: str | None) -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    rpr = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{round(size * 2)}"/>' if size != 9.0 else "")
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    body = "<w:softHyphen/>".join(f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else ""
                                  for piece in year_ranges(text).split(SOFT_HYPHEN))
    return (f'<w:tc><w:tcPr><w:tcW w:w="{_twips(width_cm)}" w:type="dxa"/>{shade}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{"<w:keepNext/>" if keep else ""}<w:jc w:val="{align}"/></w:pPr>'
            f'<w:r>{rpr}{body}</w:r></w:p></w:tc>')


def add_table(doc, table: Table) -> None:
    add_caption(doc, "Tabela", table.number, table.caption)
    ncols = len(table.columns)
    size = 8.0 if ncols > 7 else 9.0   # a wide table is set in 8 pt, header and body alike
    texts = cell_texts(table)
    headers = [year_ranges(c.header) for c in table.columns]
    widths = column_widths_cm(headers, texts, [c.kind != "text" for c in table.columns], size_pt=size)
    style_id = doc.styles["Table Grid"].style_id
    text_style = doc.__dict__.setdefault("_reportgen_style_ids", {}).get("Table Text") or doc.styles["Table Text"].style_id
    keep_together = len(table.rows) <= 18
    xml = [f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{style_id}"/><w:tblW w:w="0" w:type="auto"/>'
           '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
           'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    xml += [f'<w:gridCol w:w="{_twips(w)}"/>' for w in widths]
    xml.append('</w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>')
    for j in range(ncols):
        xml.append(_cell_xml(hyphenate_to_fit(headers[j], widths[j], size, True), widths[j], text_style, "center",
                             keep=True, bold=True, size=size, fill="DCE6F1"))
    xml.append("</w:tr>")
    for i, row in enumerate(table.rows):
        is_total = i in table.total_rows
        # a short table is not split across pages; a long one keeps its last row with the source line
        keep = keep_together or i == len(table.rows) - 1
        xml.append('<w:tr><w:trPr><w:cantSplit/></w:trPr>')
        for j, col in enumerate(table.columns):
            value = row[j] if j < len(row) else None
            numeric = col.kind != "text" and not isinstance(value, str)
            text = texts[i][j] if numeric else hyphenate_to_fit(texts[i][j], widths[j], size, is_total)
            xml.append(_cell_xml(text, widths[j], text_style, "right" if numeric else "left", keep=keep,
                                 bold=is_total, size=size, fill="F2F2F2" if is_total else None))
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    # one parse for the whole table: cell by cell through python-docx took most of the writing time
    doc.element.body._insert_tbl(parse_xml("".join(xml)))
    if table.note:
        add_text(doc, table.note, "Table Note").paragraph_format.keep_with_next = True   # may hold \\( formulas \\)
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
    text = f"\\[{para.text}\\]" if para.style == "equation" and not DISPLAY.match(para.text) else para.text
    add_text(doc, text, style)


def add_section(doc, section: Section, pending: list, new_page: bool = False) -> None:
    heading = styled(doc, f"{section.number} {section.title}".strip(), f"Heading {min(section.level, 3)}")
    if new_page:
        heading.paragraph_format.page_break_before = True
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

def _run_on(heading) -> None:
    # the lists follow the table of contents on its page: a page of their own left pages with three lines
    heading.paragraph_format.page_break_before = False
    heading.paragraph_format.space_before = Pt(18)


def add_front_matter(doc, document: Document) -> None:
    styled(doc, "Spis treści", "Front Heading")
    toc = [(f"toc {min(s.level, 3)}", f"{s.number} {s.title}".strip()) for s in document.walk_sections() if s.level <= 3]
    add_field_block(doc, 'TOC \\o "1-3" \\h \\z \\u', toc)
    tables = document.tables()
    if tables:
        _run_on(styled(doc, "Spis tabel", "Front Heading"))
        add_field_block(doc, 'TOC \\h \\z \\c "Tabela"',
                        [("table of figures", f"Tabela {t.number}. {t.caption}") for t in tables])
    figures = document.figures()
    if figures:
        _run_on(styled(doc, "Spis rysunków", "Front Heading"))
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


def _property(text: str) -> str:
    # a document property holds at most 255 characters (python-docx refuses more; Word truncates)
    return text if len(text) <= 255 else text[:254] + "…"


def _set_core_properties(doc, meta: dict) -> None:
    when = dt.datetime.combine(meta["document_date"], dt.time(12, 0))
    cp = doc.core_properties
    cp.author = _property(meta["author"])
    cp.last_modified_by = "reportgen"
    cp.title = _property(meta["title"])
    cp.subject = _property(meta["subject"])
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


# characters XML 1.0 cannot hold (a pasted bell, a vertical tab from Excel): dropped, a tab-like one becomes a space
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value):
    """value with XML-illegal characters removed, recursively through lists, tuples and dicts."""
    if isinstance(value, str):
        return _XML_ILLEGAL.sub(lambda m: " " if m.group(0) in "\x0b\x0c" else "", value)
    if isinstance(value, list):
        return [clean_text(v) for v in value]
    if isinstance(value, tuple):
        return tuple(clean_text(v) for v in value)
    if isinstance(value, dict):
        return {k: clean_text(v) for k, v in value.items()}
    return value


def clean_model(document: Document) -> None:
    """Clean every text of the document model in place, so no input text can make the package unreadable."""
    document.title = clean_text(document.title)
    document.meta = clean_text(document.meta)
    for section in document.walk_sections():
        section.title = clean_text(section.title)
        for block in section.blocks:
            for name in ("text", "caption", "source", "note", "rows"):
                if hasattr(block, name):
                    setattr(block, name, clean_text(getattr(block, name)))
            for col in getattr(block, "columns", []):
                col.header = clean_text(col.header)


def render_docx(document: Document, template: Path, images=None) -> bytes:
    """images: a function giving the PNG bytes of document.figures() in order, called once the text is written
    (charts are drawn meanwhile); without it, each figure's image_png is used."""
    clean_model(document)
    meta = document.meta
    tpl = DocxTemplate(str(template))
    tpl.render(meta["title_page"], autoescape=True)
    doc = tpl.docx   # the front matter heading starts a new page (style "Front Heading")
    add_front_matter(doc, document)
    pending: list = []
    # a chapter starts a page unless that would end a nearly empty page (reportgen.render.page_estimate)
    for section, new_page in zip(document.sections, chapter_breaks(document.sections)):
        add_section(doc, section, pending, new_page=new_page)
    pngs = images() if images else [f.image_png for f in document.figures()]
    for run, png in zip(pending, pngs, strict=True):
        run.add_picture(io.BytesIO(png), width=Cm(BODY_WIDTH_CM))
    add_footer(doc, meta["short_title"])
    _update_fields_on_open(doc)
    _set_core_properties(doc, meta)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())
