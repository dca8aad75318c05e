"""Words that mark totals and indicators in Polish tables (shared by the readers and the sum rule)."""
from __future__ import annotations

import re

from reportgen.rules.numbers import clean_cell

_TOTAL_WORDS = r"(?:razem|łącznie|łącznie|suma|sumy|ogółem|ogolem|podsumowanie|w\s+sumie|total)"
# The whole row label is a total word, optionally with a unit or footnote: "Razem:", "łącznie*", "Suma [%]".
TOTAL_LABEL = re.compile(r"^\W*" + _TOTAL_WORDS + r"\s*[*:]*\s*(\[[^\]]*\]|\([^)]*\))?\s*[*:.]*\s*$", re.IGNORECASE)
# A column whose header ends with a total word sums the columns to its left: "łącznie", "powierzchnia łącznie".
TOTAL_COLUMN = re.compile(r"(^|\s)(?:razem|łącznie|łączne|suma|ogółem)\s*[*:]*\s*(\[[^\]%]*\])?\s*$", re.IGNORECASE)
# Headers of columns whose values are not additive (rates, averages, per-unit values, identifiers).
INDICATOR = re.compile(
    r"wskaźnik|średni|uśredn|współczyn|sprawno|cena|koszt\w* jednostk|gęsto|wartość opałow|zawarto|temperatur|"
    r"na\s+1\b|na\s+jednost|/\s*(?:m\s*[²2³3]|m\b|os\w*|km|ha|szt\w*|gj|kwh|mwh|kg|t\b|l\b|mieszk\w*|gosp\w*|budyn\w*)|"
    r"^\s*(?:l\.?\s*p\.?|lp|nr|rok|lata|miesiąc)\s*$",
    re.IGNORECASE)


def is_total_label(cell: object) -> bool:
    if not isinstance(cell, str):
        return False
    text = clean_cell(cell)
    if TOTAL_LABEL.match(text):
        return True
    # A narrow PDF cell wraps a word without a hyphen ("PODSUMOW" / "ANIE"), and the reader joins the lines with
    # a space: the label is a total when closing one such gap gives a total word.
    return any(TOTAL_LABEL.match(text[:gap.start()] + text[gap.end():]) for gap in _WRAP_GAP.finditer(text))


_WRAP_GAP = re.compile(r"(?<=[^\W\d_]{2}) (?=[^\W\d_]{2})")   # one space between letters (a wrapped word)


def is_total_column(header: str) -> bool:
    header = clean_cell(header)
    return bool(TOTAL_COLUMN.search(header)) and not INDICATOR.search(header) and "%" not in header


def is_indicator(header: str) -> bool:
    return bool(INDICATOR.search(clean_cell(header)))


# A header naming a percentage and another unit at once ("% szt", from a layout table whose header rows did not
# line up with the columns) does not say which of the two the column holds.
_OTHER_UNIT = re.compile(r"(?<!\w)(?:szt\w*|gj|mwh|kwh|gwh|mg|t|m2|m²|m3|m³|osób|zł|kw|mw)(?!\w)", re.IGNORECASE)


def is_percent_header(header: str) -> bool:
    return "%" in header and not _OTHER_UNIT.search(header.replace("%", " "))
