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
    return isinstance(cell, str) and bool(TOTAL_LABEL.match(clean_cell(cell)))


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
