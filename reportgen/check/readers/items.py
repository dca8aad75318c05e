"""The intermediate stream every reader produces: lines (paragraphs), tables and images in reading order."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class LineItem:
    text: str
    line: int | None = None            # 1-based line of a text file or of a PDF page
    page: int | None = None
    heading_level: int | None = None   # from a Word heading style / outline level / markdown #
    heading_number: str = ""           # automatic numbering of a Word heading, if computed
    is_title: bool = False
    caption_hint: str | None = None    # label of a SEQ field or caption style (Word)
    toc_level: int | None = None       # Word TOC 1..9 styles
    figure_list: bool = False          # Word "Table of Figures" style
    indent: bool = False               # text starts with a tab or spaces


@dataclass(slots=True)
class TableItem:
    rows: list[list[str]] = field(default_factory=list)
    line: int | None = None
    page: int | None = None


@dataclass(slots=True)
class ImageItem:
    line: int | None = None
    page: int | None = None


Item = LineItem | TableItem | ImageItem


def text_of(it: Item) -> str:
    """The text of a line; "" for a table or an image."""
    return it.text if isinstance(it, LineItem) else ""


def is_blank(it: Item) -> bool:
    return isinstance(it, LineItem) and not it.text.strip()
