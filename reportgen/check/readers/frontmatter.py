"""Printed lists: table of contents, Spis tabel / rysunków / wykresów (entries end with a page number)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen.check.readers.items import Item, LineItem, text_of
from reportgen.check.readers.patterns import LIST_HEADERS, PAGE_TAIL, clean_title, label_of, number_value
from reportgen.document.model import ListEntry, Location

_LABEL_START = re.compile(r"^\s*(Tabela|Tab\.|Rysunek|Rys\.|Wykres)\s*(\d{1,3}(?:\.\d{1,3}){0,3})\s*[.:–—-]?\s*(.*)$",
                          re.IGNORECASE)
_TOC_ENTRY = re.compile(r"^\s*(?:(\d{1,2}(?:\.\d{1,3}){0,5})\.?[\t ]+)?[.\s]*(.+?)$")
# "Położenie gminy w województwie podlaskim13": a PDF text layer may lose the tab leader before the page number
_GLUED_PAGE = re.compile(r"(?<=[^\W\d_]|[\])”\"])(\d{1,3})\s*$")
MAX_WRAP = 3          # lines of one wrapped entry without a page number
MAX_ENTRY = 600


@dataclass
class TocEntry:
    number: str
    title: str
    indent: bool


@dataclass
class FrontMatter:
    in_list: set[int] = field(default_factory=set)        # item indexes that belong to a printed list
    toc: list[TocEntry] = field(default_factory=list)
    tables: list[ListEntry] | None = None
    figures: list[ListEntry] | None = None
    first_list: int | None = None


def _text(item: Item) -> str | None:
    return item.text.strip() if isinstance(item, LineItem) else None


def _page_split(text: str) -> tuple[str, int | None]:
    if len(text) > MAX_ENTRY:
        return text, None              # no list entry is this long (and long lines would make the search slow)
    if text.strip().isdigit() and len(text.strip()) <= 4:
        return "", int(text)           # a wrapped entry's page number alone on the last line (PDF layout)
    m = PAGE_TAIL.search(text) or _GLUED_PAGE.search(text)
    if not m or not text[: m.start()].strip():
        return text.strip(), None
    return text[: m.start()].rstrip(" .\t…"), int(m.group(1))


def header_kind(item: Item) -> str | None:
    """"SPIS TABEL" -> "tables" (a heading without a page number; "Spis tabel.....92" is a TOC entry)."""
    raw = _text(item)
    if not raw or len(raw) > 60 or raw.lstrip("*#_ ")[:1].lower() not in ("s", "w", "z"):
        return None                    # quick exit: every list heading starts with "spis", "wykaz" or "zawartość"
    if _page_split(raw)[1] is not None:
        return None
    return LIST_HEADERS.get(clean_title(raw).lower().strip(" :."))


def _styled(item: Item) -> bool:
    return isinstance(item, LineItem) and (item.toc_level is not None or item.figure_list)


def scan(items: list[Item]) -> FrontMatter:
    fm = FrontMatter()
    i = 0
    while i < len(items):
        kind = header_kind(items[i])
        if kind is None and not _styled(items[i]):
            i += 1
            continue
        if fm.first_list is None:
            fm.first_list = i
        if kind is None:                       # Word TOC / table-of-figures styles without a heading
            kind = "figures" if getattr(items[i], "figure_list", False) else "toc"
            i = _read_list(items, i, kind, fm)
        else:
            fm.in_list.add(i)
            i = _read_list(items, i + 1, kind, fm)
    return fm


_TOC_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,3}){0,5})\.?\s+\S")


def _entry_key(text: str, kind: str) -> str | None:
    """"Tabela 5" / "3.2": what an entry of this list starts with, None for other lines."""
    if kind == "toc":
        m = _TOC_NUMBER.match(text)
        return m.group(1) if m else None
    m = _LABEL_START.match(text)
    return f"{label_of(m.group(1))} {m.group(2)}" if m else None


def _next_text(items: list[Item], j: int) -> int | None:
    j += 1
    while j < len(items) and _text(items[j]) == "":
        j += 1
    return j if j < len(items) and _text(items[j]) is not None else None


def _unpaged(items: list[Item], i: int, kind: str, seen: set[str]) -> list[int] | None:
    """An entry printed without a page number (fields never updated, some exports): the entry's line and its
    wrapped continuation, accepted when the next entry or list heading follows and its key is new."""
    key = _entry_key(_text(items[i]) or "", kind)
    if key is None or key in seen:
        return None
    lines, j = [i], i
    while len(lines) <= MAX_WRAP:
        k = _next_text(items, j)
        if k is None:
            return None
        text = _text(items[k]) or ""
        if header_kind(items[k]) or (_entry_key(text, kind) not in (None, key)):
            return lines
        if _page_split(text)[1] is not None or len(text) > 200:
            return None
        lines.append(k)
        j = k
    return None


def _read_list(items: list[Item], i: int, kind: str, fm: FrontMatter) -> int:
    pending: list[int] = []
    seen: set[str] = set()
    while i < len(items):
        text = _text(items[i])
        if text is None or header_kind(items[i]):
            break
        if not text:
            i += 1
            continue
        body, page = _page_split(text)
        if page is None and not pending and not _styled(items[i]):
            unpaged = _unpaged(items, i, kind, seen)
            if unpaged:
                seen.add(_entry_key(text, kind) or "")
                fm.in_list.update(unpaged)
                _record(items[i], " ".join((_text(items[k]) or "") for k in unpaged), kind, fm)
                i = unpaged[-1] + 1
                continue
        if page is None and not _styled(items[i]):
            if len(pending) < MAX_WRAP and len(text) < 250 and _wraps(items, i, kind, bool(pending)):
                pending.append(i)
                i += 1
                continue
            break
        first = pending[0] if pending else i
        seen.add(_entry_key(text_of(items[first]), kind) or "")
        body = " ".join([text_of(items[k]).strip() for k in pending] + [body])
        fm.in_list.update(pending + [i])
        pending = []
        _record(items[first], body, kind, fm)
        i += 1
    return pending[0] if pending else i


def _wraps(items: list[Item], i: int, kind: str, continuing: bool) -> bool:
    """A line without a page number belongs to a wrapped entry if the next text line ends one."""
    j = i + 1
    while j < len(items) and _text(items[j]) == "":
        j += 1
    nxt = _text(items[j]) if j < len(items) else None
    if not nxt or header_kind(items[j]):
        return False
    body, page = _page_split(nxt)
    starts_entry = bool(_LABEL_START.match(body)) if kind != "toc" else bool(re.match(r"^\d", body))
    if kind != "toc" and not continuing and not _LABEL_START.match(_text(items[i]) or ""):
        return False                           # body text after the list, not an entry
    if page is None:
        return not starts_entry and _wraps(items, j, kind, True)
    return not starts_entry


def _record(first: Item, body: str, kind: str, fm: FrontMatter) -> None:
    where = Location(page=first.page, line=first.line)
    m = _LABEL_START.match(body)
    if kind != "toc":
        if not m:
            return
        entry = ListEntry(label_of(m.group(1)), number_value(m.group(2)),  # type: ignore[arg-type]  # see tables.py
                          clean_title(m.group(3)), where)
        if entry.label == "Tabela":
            fm.tables = (fm.tables or []) + [entry]
        else:
            fm.figures = (fm.figures or []) + [entry]
        return
    t = _TOC_ENTRY.match(body)
    if t:
        indent = text_of(first)[:1] in ("\t", " ") or getattr(first, "indent", False)
        fm.toc.append(TocEntry(t.group(1) or "", clean_title(t.group(2)).lstrip(". "), indent))
