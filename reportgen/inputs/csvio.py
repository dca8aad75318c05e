"""The one reader of CSV data files, as Polish users save them.

Excel in a Polish Windows saves "CSV (rozdzielany średnikami)": `;` between cells and decimal commas; "CSV UTF-8"
adds a byte-order mark. Both are read as they are. The separator is the one of `;`, `,` or tab that the header
line uses most. Files in Windows-1250 (Excel's plain "CSV") are refused with advice to save them in UTF-8 (see
yamlio.decode_text: a guessed encoding could misspell names in the document without a word). Lines starting with
`#` are comments. Every message names file, row (the line in the file) and column.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs.yamlio import MAX_NUMBER, XML_ILLEGAL, read_data_text

MAX_CELLS = 200_000          # a gmina's table has hundreds of cells; bounds memory (~100 B per cell)
_SEPARATORS = (";", ",", "\t")
_SPACES = str.maketrans("", "", " \u00a0\u202f")   # thousands separators Excel and Word put in numbers


@dataclass
class CsvRow:
    line: int                # 1-based line in the file where the row starts
    cells: list[str]


@dataclass
class CsvTable:
    label: str
    separator: str
    header: list[str]
    header_line: int
    rows: list[CsvRow]

    def where(self, line: int, column: int | None = None) -> str:
        """'plik, wiersz 5, kolumna 3 (2012)' for messages; columns are 1-based."""
        out = f"{self.label}, wiersz {line}"
        if column is not None:
            name = self.header[column - 1].strip() if column <= len(self.header) else ""
            out += f", kolumna {column}" + (f" ({shown(name)})" if name else "")
        return out

    def number(self, row: CsvRow, column: int, integer: bool = False) -> int | float:
        """The number in a cell (1-based column): decimal comma or point, spaces as thousands separators.
        A bad cell raises UserError naming file, row and column."""
        cell = row.cells[column - 1]
        try:
            return parse_number(cell, integer)
        except ValueError as exc:
            raise UserError(f"{self.where(row.line, column)}: {exc} (podano {shown(cell)!r}).") from None


def shown(text: str, limit: int = 40) -> str:
    """A cell as it may be echoed in a message: short, without control characters."""
    text = "".join("?" if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_number(cell: str, integer: bool = False) -> int | float:
    """'1 234,5' or '1234.5' -> 1234.5. Raises ValueError with a Polish reason."""
    text = cell.strip().translate(_SPACES)
    expected = "oczekiwano liczby całkowitej" if integer else "oczekiwano liczby"
    if not text:
        raise ValueError(f"pusta komórka – {expected}")
    if "," in text and "." in text:
        raise ValueError("niejednoznaczny zapis liczby (przecinek i kropka) – zapisz bez separatora tysięcy")
    text = text.replace(",", ".")
    if len(text) > 40 or not all(c.isdigit() or c in "+-.eE" for c in text):
        raise ValueError(expected)
    try:
        value = float(text)
    except ValueError:
        raise ValueError(expected) from None
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ValueError("liczba nieskończona albo poza wszelkim zakresem danych (|x| ≤ 10^100)")
    if integer:
        if value != int(value):
            raise ValueError(expected)
        return int(value)
    return value


def _separator(header_line: str) -> str:
    counts = {sep: header_line.count(sep) for sep in _SEPARATORS}
    best = max(_SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def read_csv(path: Path, label: str | None = None, root: Path | None = None) -> CsvTable:
    """Read a CSV data file (see module docstring). The first non-comment row is the header."""
    label = label or str(path)
    text = read_data_text(path, label, root)
    bad = XML_ILLEGAL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise UserError(f"{label}, wiersz {line}: niedozwolony znak sterujący U+{ord(bad.group()):04X} "
                        "(np. NUL albo znak wklejony z innego programu); usuń go.")
    lines = _blank_comments(text.split("\n"))
    content = [(i + 1, line) for i, line in enumerate(lines) if line.strip()]
    if not content:
        raise UserError(f"{label}: plik nie zawiera danych.")
    separator = _separator(content[0][1])
    if sum(line.count(separator) + 1 for _, line in content) > MAX_CELLS:
        raise UserError(f"{label}: zbyt wiele komórek jak na plik danych gminy (limit {MAX_CELLS}).")
    reader = csv.reader(io.StringIO("\n".join(lines), newline=""), delimiter=separator)
    records: list[CsvRow] = []
    start = 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                records.append(CsvRow(start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise UserError(f"{label}, wiersz {reader.line_num}: błędny zapis CSV ({_csv_problem(exc)}).") from None
    header = records[0]
    return CsvTable(label, separator, header.cells, header.line, records[1:])


def _blank_comments(lines: list[str]) -> list[str]:
    """Comment lines become empty lines, so line numbers stay those of the file. A line inside a quoted cell
    (a comment text of several lines whose next line starts with "#") is text, not a comment: a line is inside
    a quoted cell when the quotes before it are odd in number ("" inside a cell counts twice, so it keeps parity)."""
    out = []
    inside = False
    for line in lines:
        out.append("" if not inside and line.lstrip().startswith("#") else line)
        inside ^= line.count('"') % 2 == 1
    return out


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return "komórka jest zbyt długa"
    if "EOF" in text or "quote" in text:
        return "niedomknięty cudzysłów"
    return "nieczytelny wiersz"
