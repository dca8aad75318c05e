"""Write the document model to .docx: docxtpl fills the title page, the body is appended as WordprocessingML.

The body is written as XML text and parsed once (element by element through python-docx's objects took most of
the writing time); the markup is the one python-docx writes for the same calls (tests compare the package bytes
of whole documents), so the file reads the same in Word and LibreOffice. Pictures, the footer, settings and
document properties go through python-docx.
Fields are real Word fields with pre-filled results (TOC, SEQ, PAGE), so the file reads right in Word and in
LibreOffice before any field update. Output bytes are deterministic (fixed zip timestamps and core properties).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import cast

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from reportgen.document.model import Document, Figure, Paragraph, Section, Table
from reportgen.render.formula import DISPLAY, INLINE, display_xml, inline_xml
from reportgen.render.page_estimate import chapter_breaks
from reportgen.render.typeset import SOFT_HYPHEN, cell_texts, column_widths_cm, hyphenate_to_fit, year_ranges
from reportgen.render.wordml import esc, field_char, field_runs, field_start, paragraph_xml, run_xml, text_run_xml

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
BODY_WIDTH_CM = 16.0


# --- styles ---------------------------------------------------------------------------------------

def style_id(doc, style: str) -> str:
    """The id of a style name ("Table Text" → "TableText"), looked up once per document (python-docx scans every
    style on every lookup)."""
    ids = doc.__dict__.setdefault("_reportgen_style_ids", {})
    if style not in ids:
        ids[style] = doc.styles[style].style_id
    return ids[style]


class Body:
    """The body's paragraphs and tables as XML text, in order; `flush` parses them once into the document.
    Figures get an empty run each, filled with the picture once the chart is drawn (`pictures`)."""

    def __init__(self, doc):
        self.doc = doc
        self.parts: list[str] = []
        self.figure_at: list[int] = []          # index in parts of each figure's paragraph

    def style(self, name: str) -> str:
        return style_id(self.doc, name)

    def add(self, xml: str) -> None:
        self.parts.append(xml)

    def paragraph(self, runs: str, style: str | None = None, **properties) -> None:
        self.parts.append(paragraph_xml(runs, self.style(style) if style else None, **properties))

    def styled(self, text: str, style: str, **properties) -> None:
        """doc.add_paragraph(text, style) as python-docx writes it."""
        self.paragraph(text_run_xml(text) if text else "", style, **properties)

    def figure(self) -> None:
        self.figure_at.append(len(self.parts))
        self.parts.append(paragraph_xml("<w:r/>", None, keep_next=True, align="center"))

    def flush(self) -> list:
        """Parse the collected XML into the body (before its section properties); the figures' empty runs."""
        fragment = parse_xml(f"<w:body {nsdecls('w', 'm', 'r')}>{''.join(self.parts)}</w:body>")
        elements = list(fragment)
        body = self.doc.element.body
        sect_pr = body.sectPr
        for el in elements:
            if sect_pr is not None:
                sect_pr.addprevious(el)
            else:
                body.append(el)
        runs = [elements[i][-1] for i in self.figure_at]
        self.parts, self.figure_at = [], []
        return runs


# --- blocks ---------------------------------------------------------------------------------------

def rich_runs(text: str, bold: bool = False) -> str:
    """text as runs: soft hyphens become Word's optional hyphens (w:softHyphen), inline formulas \\( \\) are set
    with italic symbols and real subscripts."""
    text = year_ranges(text)
    out = []
    pos = 0
    for m in [*INLINE.finditer(text), None]:
        chunk = text[pos:m.start()] if m else text[pos:]
        if chunk:
            body = "<w:softHyphen/>".join(f'<w:t xml:space="preserve">{esc(piece)}</w:t>' if piece else ""
                                          for piece in chunk.split(SOFT_HYPHEN))
            out.append(run_xml(body, bold=bold))
        if m:
            out.append(inline_xml(m.group("body")))
            pos = m.end()
    return "".join(out)


def text_paragraph(body: Body, text: str, style: str = "Normal", keep_next: bool = False) -> None:
    """A paragraph of running text; a paragraph that is one display formula \\[ \\] becomes a Word equation."""
    m = DISPLAY.match(text)
    if m:
        body.paragraph(display_xml(m.group("body"), m.group("tail")), style, keep_next=keep_next, align="center")
    else:
        body.paragraph(rich_runs(text), style, keep_next=keep_next)


def add_text(doc, text: str, style: str = "Normal"):
    """text_paragraph appended to a python-docx document at once; the python-docx paragraph."""
    body = Body(doc)
    text_paragraph(body, text, style)
    body.flush()
    return doc.paragraphs[-1]


def caption(body: Body, label: str, number: int | None, text: str) -> None:
    runs = text_run_xml(f"{label} ") + field_runs(f"SEQ {label} \\* ARABIC", str(number)) + rich_runs(f". {text}")
    body.paragraph(runs, "Caption")


def _twips(cm: float) -> int:
    return round(cm / 2.54 * 1440)


def _cell_xml(text: str, width_cm: float, style_id: str, align: str, keep: bool, bold: bool, size: float,
              fill: str | None) -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    rpr = ("<w:b/>" if bold else "") + (f'<w:sz w:val="{round(size * 2)}"/>' if size != 9.0 else "")
    rpr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    body = "<w:softHyphen/>".join(f'<w:t xml:space="preserve">{esc(piece)}</w:t>' if piece else ""
                                  for piece in year_ranges(text).split(SOFT_HYPHEN))
    return (f'<w:tc><w:tcPr><w:tcW w:w="{_twips(width_cm)}" w:type="dxa"/>{shade}</w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{"<w:keepNext/>" if keep else ""}<w:jc w:val="{align}"/></w:pPr>'
            f'<w:r>{rpr}{body}</w:r></w:p></w:tc>')


def add_table(body: Body, table: Table) -> None:
    caption(body, "Tabela", table.number, table.caption)
    ncols = len(table.columns)
    size = 8.0 if ncols > 7 else 9.0   # a wide table is set in 8 pt, header and body alike
    texts = cell_texts(table)
    headers = [year_ranges(c.header) for c in table.columns]
    widths = column_widths_cm(headers, texts, [c.kind != "text" for c in table.columns], size_pt=size)
    grid_style = body.style("Table Grid")
    text_style = body.style("Table Text")
    keep_together = len(table.rows) <= 18
    xml = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{grid_style}"/><w:tblW w:w="0" w:type="auto"/>'
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
    body.add("".join(xml))
    if table.note:
        text_paragraph(body, table.note, "Table Note", keep_next=True)   # may hold \\( formulas \\)
    body.styled(f"Źródło: {table.source}", "Source")


def add_figure(body: Body, figure: Figure) -> None:
    caption(body, figure.kind, figure.number, figure.caption)
    # the picture goes in when the chart is drawn (render_docx), so drawing overlaps writing the text
    body.figure()
    body.styled(f"Źródło: {figure.source}", "Source")


def add_paragraph(body: Body, para: Paragraph) -> None:
    style = "List Bullet" if para.style == "bullet" else "Normal"
    text = f"\\[{para.text}\\]" if para.style == "equation" and not DISPLAY.match(para.text) else para.text
    text_paragraph(body, text, style)


def add_section(body: Body, section: Section, new_page: bool = False) -> None:
    body.styled(f"{section.number} {section.title}".strip(), f"Heading {min(section.level, 3)}",
                page_break=True if new_page else None)
    for block in section.blocks:
        if isinstance(block, Table):
            add_table(body, block)
        elif isinstance(block, Figure):
            add_figure(body, block)
        else:
            add_paragraph(body, block)
    for child in section.children:
        add_section(body, child)


# --- front matter and page furniture -------------------------------------------------------------

def field_block(body: Body, instruction: str, entries: list[tuple[str, str]]) -> None:
    """A field whose pre-filled result is several paragraphs (TOC, list of tables): begin in the first
    paragraph, end in the last. entries: (style, text)."""
    entries = entries or [("Normal", "")]
    last = len(entries) - 1
    for i, (style, text) in enumerate(entries):
        runs = field_start(instruction) + text_run_xml(text) if i == 0 else (text_run_xml(text) if text else "")
        body.paragraph(runs + (field_char("end") if i == last else ""), style)


RUN_ON_SPACE_TWIPS = 360        # 18 pt above a list that runs on after the table of contents


def add_front_matter(body: Body, document: Document) -> None:
    body.styled("Spis treści", "Front Heading")
    toc = [(f"toc {min(s.level, 3)}", f"{s.number} {s.title}".strip()) for s in document.walk_sections() if s.level <= 3]
    field_block(body, 'TOC \\o "1-3" \\h \\z \\u', toc)
    # the lists follow the table of contents on its page: a page of their own left pages with three lines
    tables = document.tables()
    if tables:
        body.styled("Spis tabel", "Front Heading", page_break=False, space_before_twips=RUN_ON_SPACE_TWIPS)
        field_block(body, 'TOC \\h \\z \\c "Tabela"',
                    [("table of figures", f"Tabela {t.number}. {t.caption}") for t in tables])
    figures = document.figures()
    if figures:
        body.styled("Spis rysunków", "Front Heading", page_break=False, space_before_twips=RUN_ON_SPACE_TWIPS)
        field_block(body, 'TOC \\h \\z \\c "Rysunek"',
                    [("table of figures", f"Rysunek {f.number}. {f.caption}") for f in figures])


def add_footer(doc, short_title: str) -> None:
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    p = section.footer.paragraphs[0]._p
    runs = text_run_xml(f"{short_title} – strona ") + field_runs("PAGE", "1")
    p.getparent().replace(p, parse_xml(f"<w:ftr {nsdecls('w')}>{paragraph_xml(runs, style_id(doc, 'Source'), align='center')}</w:ftr>")[0])


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


def _fixed_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


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


def add_pictures(doc, runs: list, pngs: list) -> None:
    """Each picture into its (empty) run at the text width: run.add_picture, without python-docx's search of the
    whole document for the next free shape id on every picture (the ids are the same: one more each)."""
    from docx.oxml.shape import CT_Inline
    part = doc.part
    shape_id = part.next_id
    for r, png in zip(runs, pngs, strict=True):
        rid, image = part.get_or_add_image(io.BytesIO(png))
        cx, cy = image.scaled_dimensions(Cm(BODY_WIDTH_CM), None)
        r.add_drawing(CT_Inline.new_pic_inline(shape_id, rid, image.filename, cx, cy))
        shape_id += 1


def package_bytes(doc) -> bytes:
    """The .docx package of a python-docx document with fixed timestamps and order, so the same content gives
    the same bytes: the zip python-docx writes (doc.save), with fixed timestamps, compressed once."""
    from docx.opc.phys_pkg import PhysPkgWriter
    from docx.opc.pkgwriter import PackageWriter

    class FixedTimeWriter:
        """python-docx's zip writer (PhysPkgWriter) with fixed timestamps."""
        def __init__(self, zf: zipfile.ZipFile):
            self.zf = zf

        def write(self, pack_uri, blob) -> None:
            self.zf.writestr(_fixed_info(pack_uri.membername), blob)

    package = doc.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        writer = cast(PhysPkgWriter, FixedTimeWriter(zf))
        PackageWriter._write_content_types_stream(writer, parts)
        PackageWriter._write_pkg_rels(writer, package.rels)
        PackageWriter._write_parts(writer, parts)
    return out.getvalue()


def render_docx(document: Document, template: Path, images=None) -> bytes:
    """images: a function giving the PNG bytes of document.figures() in order, called once the text is written
    (charts are drawn meanwhile); without it, each figure's image_png is used."""
    from docxtpl import DocxTemplate
    clean_model(document)
    meta = document.meta
    tpl = DocxTemplate(str(template))
    tpl.render(meta["title_page"], autoescape=True)
    doc = tpl.docx   # the front matter heading starts a new page (style "Front Heading")
    body = Body(doc)
    add_front_matter(body, document)
    # a chapter starts a page unless that would end a nearly empty page (reportgen.render.page_estimate)
    for section, new_page in zip(document.sections, chapter_breaks(document.sections)):
        add_section(body, section, new_page=new_page)
    pending = body.flush()
    add_pictures(doc, pending, images() if images else [f.image_png for f in document.figures()])
    add_footer(doc, meta["short_title"])
    _update_fields_on_open(doc)
    _set_core_properties(doc, meta)
    return package_bytes(doc)
