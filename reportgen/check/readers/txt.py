"""Plain-text and Markdown exports of plans: numbered headings, tab-separated tables, captions."""
from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

from reportgen.check.readers.assemble import assemble
from reportgen.check.readers.frontmatter import scan
from reportgen.check.readers.items import Item, LineItem, TableItem, is_blank, text_of
from reportgen.check.readers.layout import group_layout_tables
from reportgen.check.readers.limits import MAX_BYTES, MAX_TABLE_CELLS, check_items, check_size
from reportgen.check.readers.normalize import normalize_items
from reportgen.check.readers.patterns import CAPTION
from reportgen.document.model import Document
from reportgen.errors import UserError
from reportgen.inputs.yamlio import read_data_bytes

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SUPERSCRIPT_START = re.compile(r"^\s*[\u00b9\u00b2\u00b3\u2070-\u2079]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1250; anything else is refused."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        try:
            text, encoding = data.decode("cp1250"), "cp1250"
        except UnicodeDecodeError as exc2:
            raise UserError(
                f"{path}: plik nie jest tekstem w kodowaniu UTF-8 (bajt 0x{data[exc.start]:02x} na pozycji {exc.start}) "
                f"ani Windows-1250 (bajt 0x{data[exc2.start]:02x} na pozycji {exc2.start}). "
                "Zapisz go jako tekst UTF-8 albo sprawdź poleceniem check oryginał .docx/.pdf.") from None
    if len(_CONTROL.findall(text[:200_000])) > max(10, len(text[:200_000]) // 200):
        raise UserError(f"{path}: plik zawiera znaki sterujące — to nie jest plik tekstowy "
                        "(może plik binarny z rozszerzeniem .txt?)")
    return text, encoding


def _running_headers(lines: list[str]) -> set[str]:
    """Upper-case lines repeated on several pages (page headers of the export), e.g. the plan's title."""
    counts = Counter(s.strip() for s in lines if len(s.strip()) >= 20 and s.strip().upper() == s.strip()
                     and sum(ch.isalpha() for ch in s) >= 15)
    return {s for s, n in counts.items() if n >= 2}


def _cells(text: str) -> list[str]:
    return text.split("\t")


def _is_row(it: Item) -> bool:
    return isinstance(it, LineItem) and "\t" in it.text and not CAPTION.match(it.text.strip())


def _interruption(text: str) -> bool:
    """Page furniture inside a table that spans pages: an upper-case running header or a footnote."""
    letters = [ch for ch in text if ch.isalpha()]
    upper = letters and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters) and len(text) >= 15
    return bool(upper) or bool(_SUPERSCRIPT_START.match(text))


def group_tables(items: list[Item], listed: set[int], source: str = "") -> list[Item]:
    """Consecutive tab-separated lines -> TableItem (blank lines and page furniture inside are skipped)."""
    out: list[Item] = []
    i, n = 0, len(items)
    while i < n:
        it = items[i]
        wide = sum(1 for c in _cells(text_of(it)) if c.strip()) >= 2 if _is_row(it) else False
        if id(it) in listed or not _is_row(it) or not (wide or _row_follows(items, i, listed)):
            out.append(it)
            i += 1
            continue
        rows, last, j = [_cells(text_of(it))], i, i + 1
        while j < n and id(items[j]) not in listed:
            nxt = items[j]
            if _is_row(nxt):
                rows.append(_cells(text_of(nxt)))
                last = j
            elif not (isinstance(nxt, LineItem) and not nxt.text.strip()):
                if not (isinstance(nxt, LineItem) and _interruption(nxt.text.strip()) and _row_follows(items, j, listed)):
                    break
            j += 1
        if len(rows) == 1 and not _after_caption(out):
            out.append(it)
            i += 1
            continue
        if sum(len(r) for r in rows) > MAX_TABLE_CELLS:
            raise UserError(f"{source}: tabela od wiersza {it.line} ma ponad {MAX_TABLE_CELLS} komórek — plik odrzucony.")
        out.append(TableItem(rows=rows, line=it.line, page=it.page))
        i = last + 1
    return out


def _row_follows(items: list[Item], j: int, listed: set[int]) -> bool:
    k = j + 1
    while k < len(items) and is_blank(items[k]):
        k += 1
    return k < len(items) and id(items[k]) not in listed and _is_row(items[k])


def _after_caption(out: list[Item]) -> bool:
    for it in reversed(out):
        if isinstance(it, LineItem) and not it.text.strip():
            continue
        return isinstance(it, LineItem) and bool(CAPTION.match(it.text.strip()))
    return False


def _markdown(lines: list[str]) -> list[LineItem]:
    items: list[LineItem] = []
    for no, line in enumerate(lines, 1):
        m = _MD_HEADING.match(line)
        if m and len(m.group(1)) == 1 and not any(it.text.strip() for it in items):
            items.append(LineItem(m.group(2).strip(), line=no, is_title=True))   # "# Title" opening the file
        elif m:
            items.append(LineItem(m.group(2).strip(), line=no, heading_level=len(m.group(1))))
        elif _MD_RULE.match(line) and "|" in line:
            items.append(LineItem("", line=no))
        elif line.strip().startswith("|") and line.strip().endswith("|"):
            items.append(LineItem("\t".join(c.strip() for c in line.strip()[1:-1].split("|")), line=no))
        else:
            items.append(LineItem(line, line=no, indent=line[:1] in ("\t", " ")))
    return items


def lines_to_document(text: str, source_path: str, *, markdown: bool = False, meta: dict | None = None) -> Document:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    check_items(len(lines), source_path)
    furniture = _running_headers(lines)
    lines = ["" if line.strip() in furniture else line for line in lines]
    if markdown:
        items: list[Item] = [*_markdown(lines)]
    else:
        items = [LineItem(line.rstrip(" \r\n"), line=no, indent=line[:1] in ("\t", " ")) for no, line in enumerate(lines, 1)]
    items = normalize_items(items)
    listed = {id(items[k]) for k in scan(items).in_list}
    items = group_tables(items, listed, source_path)
    items = group_layout_tables(items, listed, source_path)
    return assemble(items, source_path=source_path, meta=meta)


def read_txt(path: str | Path) -> Document:
    """A plan exported to text (.txt) or Markdown (.md)."""
    path = Path(path)
    check_size(path)
    # read bounded as well: the file may grow or be swapped for a device between the check and the read
    raw = read_data_bytes(path, str(path), Path(os.path.realpath(path)).parent,
                          limit=MAX_BYTES.get(path.suffix.lower(), MAX_BYTES[".txt"]))
    text, encoding = decode(raw, path)
    notes = []
    if encoding == "cp1250":
        notes.append("Plik nie był w UTF-8; odczytano go jako Windows-1250 (cp1250).")
    return lines_to_document(text, str(path), markdown=path.suffix.lower() == ".md",
                             meta={"format": path.suffix.lower().lstrip("."), "encoding": encoding, "notes": notes})
