"""Word (.docx) plans: heading styles / outline levels, paragraphs, tables with merged cells, captions with SEQ fields."""
from __future__ import annotations

import re
from pathlib import Path

from reportgen.check.readers.assemble import assemble
from reportgen.check.readers.items import ImageItem, Item, LineItem, TableItem
from reportgen.check.readers.limits import MAX_COLUMNS, MAX_ITEMS, MAX_TABLE_CELLS, check_size
from reportgen.check.readers.zipguard import check_docx_container
from reportgen.document.model import Document
from reportgen.errors import UserError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"^(?:heading|nagłówek|naglowek|nag\w*)\s*(\d)$", re.IGNORECASE)
_TOC_STYLE = re.compile(r"^(?:toc|spis treści|spis tresci)\s*(\d)$", re.IGNORECASE)
_CAPTION_STYLES = {"caption", "legenda", "podpis", "podpis tabeli", "podpis rysunku"}
_SEQ = re.compile(r"\bSEQ\s+([^\s\\]+)", re.IGNORECASE)


class _Styles:
    """Heading level, TOC level and caption flag of a style id, following `basedOn` links."""

    def __init__(self, docx_document):
        self.by_id = {}
        for style in docx_document.styles.element.findall(f"{W}style"):
            sid = style.get(f"{W}styleId")
            name = style.find(f"{W}name")
            based = style.find(f"{W}basedOn")
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            numbered = style.find(f"{W}pPr/{W}numPr") is not None
            level = outline.get(f"{W}val", "") if outline is not None else ""
            self.by_id[sid] = (name.get(f"{W}val") if name is not None else sid or "",
                               based.get(f"{W}val") if based is not None else None,
                               int(level) + 1 if level.isdigit() else None,
                               numbered)

    def info(self, sid: str | None) -> tuple[str, int | None, bool]:
        """(name of the style, heading level from it or a style it is based on, numbered?)"""
        name = self.by_id[sid][0] if sid in self.by_id else ""
        level, numbered, seen = None, False, set()
        while sid in self.by_id and sid not in seen:
            seen.add(sid)
            sname, based, outline, num = self.by_id[sid]
            m = _HEADING_STYLE.match(sname)
            level = level or (int(m.group(1)) if m else None) or (outline if outline and outline <= 9 else None)
            numbered = numbered or num
            sid = based
        return name, level, numbered


def _texts(el, out: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == MC_FALLBACK:            # alternate content is stored twice
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append(" ")
        elif tag in (f"{W}delText", f"{W}instrText"):
            continue
        else:
            _texts(child, out)


def para_text(p) -> str:
    out: list[str] = []
    _texts(p, out)
    return "".join(out)


def _seq_label(p) -> str | None:
    instr = [f.get(f"{W}instr", "") for f in p.iter(f"{W}fldSimple")]
    instr += [t.text or "" for t in p.iter(f"{W}instrText")]
    for text in instr:
        m = _SEQ.search(text)
        if m:
            return m.group(1)
    return None


def _cell_text(tc) -> str:
    return " ".join(para_text(p).strip() for p in tc.iter(f"{W}p") if para_text(p).strip())


def _count(el, path: str) -> int:
    """A gridSpan/gridBefore value; anything beyond Word's own column limit is refused before any cell exists."""
    found = el.find(path)
    text = found.get(f"{W}val", "") if found is not None else ""
    if not text.isdigit():
        return 0
    if len(text) > 4 or int(text) > MAX_COLUMNS:
        raise _TooWide(int(text[:12]))
    return int(text)


class _TooWide(Exception):
    def __init__(self, value: int):
        self.value = value


def _table_rows(tbl, budget: int) -> list[list[str]]:
    """Rows with merged cells expanded; the cell budget is checked before a row is expanded."""
    rows = []
    for tr in tbl.findall(f"{W}tr"):
        row: list[str] = []
        before = _count(tr, f"{W}trPr/{W}gridBefore")
        spans = [(tc, max(1, _count(tc, f"{W}tcPr/{W}gridSpan"))) for tc in tr.findall(f"{W}tc")]
        width = before + sum(span for _, span in spans)
        if width > MAX_COLUMNS:
            raise _TooWide(width)
        budget -= width
        if budget < 0:
            raise _TooManyCells()
        row += [""] * before
        for tc, span in spans:
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            continued = vmerge is not None and vmerge.get(f"{W}val") != "restart"
            row.append("" if continued else _cell_text(tc))     # merged cells are printed once
            row += [""] * (span - 1)
        rows.append(row)
    return rows


class _TooManyCells(Exception):
    pass


class _Walker:
    def __init__(self, styles: _Styles, path: Path):
        self.styles = styles
        self.path = path
        self.items: list[Item] = []
        self.page = 1
        self.paged = False
        self.counters = [0] * 9
        self.cells = 0

    def walk(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child)
            elif tag == f"{W}tbl":
                try:
                    rows = _table_rows(child, MAX_TABLE_CELLS - self.cells)
                except _TooWide as exc:
                    raise UserError(f"{self.path}: wiersz tabeli ma {exc.value} kolumn (gridSpan/gridBefore; limit "
                                    f"{MAX_COLUMNS}) — plik uszkodzony lub spreparowany, odrzucony.") from None
                except _TooManyCells:
                    raise UserError(f"{self.path}: dokument ma ponad {MAX_TABLE_CELLS} komórek tabel — plik odrzucony.") from None
                self.cells += sum(len(r) for r in rows)
                self.items.append(TableItem(rows=rows, page=self.page if self.paged else None))
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    self.walk(content)

    def paragraph(self, p) -> None:
        if len(self.items) > MAX_ITEMS:
            raise UserError(f"{self.path}: dokument ma ponad {MAX_ITEMS} akapitów — plik odrzucony.")
        breaks = len(p.findall(f".//{W}lastRenderedPageBreak")) + len(
            [b for b in p.iter(f"{W}br") if b.get(f"{W}type") == "page"])
        if breaks:
            self.paged = True
        style_el = p.find(f"{W}pPr/{W}pStyle")
        name, level, numbered = self.styles.info(style_el.get(f"{W}val") if style_el is not None else None)
        outline = p.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and outline.get(f"{W}val", "").isdigit() and int(outline.get(f"{W}val")) < 9:
            level = int(outline.get(f"{W}val")) + 1
        numbered = numbered or p.find(f"{W}pPr/{W}numPr") is not None
        text = para_text(p)
        page = self.page if self.paged else None
        lname = name.lower()
        item = LineItem(text=text, page=page)
        toc = _TOC_STYLE.match(name)
        if toc:
            item.toc_level = int(toc.group(1))
        elif lname in ("table of figures", "spis ilustracji"):
            item.figure_list = True
        elif lname in ("title", "tytuł"):
            item.is_title = True
        elif level and text.strip():
            item.heading_level = level
            if numbered and not re.match(r"^\s*\d", text):
                self.counters[level - 1] += 1
                self.counters[level:] = [0] * (9 - level)
                item.heading_number = ".".join(str(c) for c in self.counters[:level] if c) or ""
        seq = _seq_label(p)
        if seq or lname in _CAPTION_STYLES:
            item.caption_hint = seq or name
        has_image = p.find(f".//{W}drawing") is not None or p.find(f".//{W}pict") is not None
        if has_image and item.caption_hint is None and not text.strip():
            self.items.append(ImageItem(page=page))
        else:
            self.items.append(item)
            if has_image:
                self.items.append(ImageItem(page=page))
        self.page += breaks


def read_docx(path: str | Path) -> Document:
    """A plan saved by Word or LibreOffice as .docx."""
    path = Path(path)
    check_size(path)
    check_docx_container(path)
    try:
        import docx
        document = docx.Document(str(path))
        body = document.element.body
        styles = _Styles(document)
    except UserError:
        raise
    except Exception as exc:     # python-docx/lxml raise many types on damaged packages; all mean "unreadable"
        raise UserError(f"{path}: nie można odczytać dokumentu .docx ({type(exc).__name__}: {str(exc)[:200]}). "
                        "Plik jest uszkodzony albo nie jest dokumentem Word.") from None
    walker = _Walker(styles, path)
    walker.walk(body)
    return assemble(walker.items, source_path=str(path), meta={"format": "docx", "notes": []})
