"""Polish number parsing for cells read from plans: "12 345,67", "5,69%", "-" (zero), "b/d" (no data)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Thin, narrow no-break and no-break spaces all appear as thousands separators in exports.
_SPACES = re.compile(r"[\s\u00a0\u2009\u202f]+")
_TAGS = re.compile(r"<[^>]{1,20}>")
_NUMBER = re.compile(r"^[+\-\u2212]?\d+(?:[.,]\d+)?$")
_DOT_THOUSANDS = re.compile(r"^[+\-\u2212]?\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$")
_DASHES = {"-", "\u2013", "\u2014", "\u2212"}
_MISSING = {"b/d", "bd", "b.d.", "b.d", "brak", "n/d", "nd", "brak danych", "x"}
_FOOTNOTE_TAIL = re.compile(r"[*\u00b9\u00b2\u00b3\u2070-\u2079]+$")


@dataclass(frozen=True)
class Num:
    value: float
    decimals: int | None      # digits printed after the decimal comma; None = unknown (a float from `build`)
    percent: bool = False
    dash: bool = False         # printed as "-": zero in a sum, "not applicable" in a total cell

    def tolerance(self) -> float:
        """Largest rounding error of the printed value (half a unit of its last digit)."""
        if self.decimals is None:
            return abs(self.value) * 1e-9
        return 0.5 * 10 ** (-self.decimals)


def clean_cell(text: str) -> str:
    return _TAGS.sub("", text).replace("**", "").strip()


def is_missing(cell: object) -> bool:
    return isinstance(cell, str) and clean_cell(cell).lower() in _MISSING


def parse_number(cell: object, decimals: int | None = None) -> Num | None:
    """A cell as a number, or None for text/empty/"b/d". `decimals` applies to numeric (non-str) cells."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)):
        return Num(float(cell), decimals if decimals is not None else (0 if isinstance(cell, int) else None))
    if not isinstance(cell, str):
        return None
    text = clean_cell(cell)
    if not text:
        return None
    if text in _DASHES:
        return Num(0.0, 0, dash=True)
    percent = text.endswith("%")
    if percent:
        text = text[:-1]
    text = _FOOTNOTE_TAIL.sub("", text)
    text = _SPACES.sub("", text)
    if not text:
        return None
    if _DOT_THOUSANDS.match(text):
        text = text.replace(".", "")
    if "." in text and "," in text:          # "1.234,5": dots group thousands
        text = text.replace(".", "")
    if not _NUMBER.match(text):
        return None
    text = text.replace("\u2212", "-").replace(",", ".")
    dec = len(text.split(".", 1)[1]) if "." in text else 0
    return Num(float(text), dec, percent)


def is_year(num: Num | None) -> bool:
    return num is not None and num.decimals == 0 and not num.percent and 1900 <= num.value <= 2100


def format_pl(value: float, decimals: int | None = 2) -> str:
    """12345.678 -> "12 345,68" (plain spaces, for messages)."""
    if decimals is None:
        decimals = 2
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    return ("-" if value < 0 and float(f"{abs(value):.{decimals}f}") != 0 else "") + text
