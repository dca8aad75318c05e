"""Wnioski, zastrzeżenia i uwagi (art. 19 ust. 7–8 PE) from consultation/uwagi.csv or uwagi.xlsx.

One row per comment. Columns (header row, in any order):
  nr, data_wplywu, forma, zglaszajacy, rodzaj_zglaszajacego, tresc, dotyczy, rozstrzygniecie, uzasadnienie,
  zmiana_danych (optional: `plik.yaml: klucz.ścieżka = wartość`, several separated by `;`).
Every problem is reported with file, row and column; nothing is written when any is found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs.csvio import read_csv
from reportgen.procedure import changes as ch
from reportgen.procedure.safetext import clean, strip_contact_data

COLUMNS = ["nr", "data_wplywu", "data_nadania", "forma", "zglaszajacy", "rodzaj_zglaszajacego", "tresc", "dotyczy",
           "rozstrzygniecie", "uzasadnienie", "zmiana_danych"]
OPTIONAL = {"data_nadania", "dotyczy", "uzasadnienie", "zmiana_danych"}
DECISIONS = ("uwzględniona", "uwzględniona częściowo", "nieuwzględniona")
ACCEPTED = ("uwzględniona", "uwzględniona częściowo")
CHANNELS = ("pismo", "e-mail", "ePUAP", "ustnie do protokołu", "formularz")
SUBMITTER_KINDS = ("osoba fizyczna", "osoba prawna", "jednostka organizacyjna")
MAX_TEXT = 200_000   # a 100 000-character comment is accepted; beyond this it is not a comment
MAX_ROWS = 20_000    # rows of the comment sheet read at most (a gmina receives tens, a city hundreds)
XLSX_MAX_PART = 20_000_000   # bytes of one unpacked part of uwagi.xlsx (sharedStrings of 20 000 long comments)


@dataclass
class Comment:
    number: int
    received: date
    channel: str
    submitter: str
    submitter_kind: str
    text: str
    concerns: str
    decision: str
    justification: str
    changes: list[ch.DataChange] = field(default_factory=list)
    row: int = 0
    late: bool = False                 # received (or, by post/ePUAP, sent) after the last day for comments
    sent: date | None = None           # data_nadania: handed to the post office / sent via ePUAP
    sent_unknown: bool = False         # came by post after the last day, no data_nadania: may still be on time

    @property
    def accepted(self) -> bool:
        return self.decision in ACCEPTED

    @property
    def natural_person(self) -> bool:
        return self.submitter_kind == "osoba fizyczna"


@dataclass
class CommentFile:
    path: Path
    comments: list[Comment]


def find_comment_file(folder: Path) -> Path | None:
    base = Path(folder) / "consultation"
    found = [p for p in (base / "uwagi.csv", base / "uwagi.xlsx") if p.exists()]
    if len(found) > 1:
        raise UserError(f"{base}: są jednocześnie uwagi.csv i uwagi.xlsx – zostaw jeden plik uwag.")
    return found[0] if found else None


def _col_letter(index: int) -> str:
    s = ""
    index += 1
    while index:
        index, r = divmod(index - 1, 26)
        s = chr(65 + r) + s
    return s


def _read_csv(path: Path) -> tuple[list[str], list[tuple[int, list[object]]], str]:
    """Through the one CSV reader (reportgen.inputs.csvio: size and cell limits, `;`/`,`/tab, `#` comment lines)."""
    table = read_csv(path)
    return [h.strip().lower() for h in table.header], [(r.line, list[object](r.cells)) for r in table.rows], "csv"


def _read_xlsx(path: Path) -> tuple[list[str], list[tuple[int, list[object]]], str]:

    from openpyxl import load_workbook

    from reportgen.check.readers.zipguard import check_docx_container
    if path.stat().st_size > 5 * 1024 * 1024:
        raise UserError(f"{path}: plik jest zbyt duży jak na plik uwag (limit 5 MB).")
    # a zip bomb (e.g. a huge sharedStrings.xml) is refused before openpyxl holds any part in memory
    check_docx_container(path, ".xlsx", max_member=XLSX_MAX_PART, max_total=2 * XLSX_MAX_PART)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:     # openpyxl raises many kinds on damaged or hostile parts
        raise UserError(f"{path}: nie można odczytać pliku .xlsx ({type(exc).__name__}: {str(exc)[:200]}).") from None
    try:
        if not wb.worksheets:
            raise UserError(f"{path}: skoroszyt nie zawiera arkusza.")
        ws = wb.worksheets[0]
        ws.reset_dimensions()    # the declared sheet size may lie (A1:XFD1048576); only stored rows are read
        rows: list[tuple[int, list[object]]] = []
        header: list[str] | None = None
        for i, values in enumerate(ws.iter_rows(values_only=True, max_col=len(COLUMNS) + 20), start=1):
            if i > MAX_ROWS:
                raise UserError(f"{path}: arkusz ma ponad {MAX_ROWS} wierszy – to nie jest wykaz uwag; "
                                "usuń puste lub zbędne wiersze.")
            values = list(values)
            if header is None:
                header = [str(v or "").strip().lower() for v in values]
            elif any(v not in (None, "") for v in values):
                rows.append((i, values))
    except UserError:
        raise
    except Exception as exc:
        raise UserError(f"{path}: nie można odczytać arkusza .xlsx ({type(exc).__name__}: {str(exc)[:200]}).") from None
    finally:
        wb.close()
    return header or [], rows, "xlsx"


def _parse_date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value or "").strip()
    for pattern in (r"^(\d{4})-(\d{2})-(\d{2})$", r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$"):
        m = re.match(pattern, s)
        if m:
            a, b, c = (int(x) for x in m.groups())
            try:
                return date(a, b, c) if a > 31 else date(c, b, a)
            except ValueError:
                break
    raise ValueError(f"oczekiwano daty RRRR-MM-DD lub DD.MM.RRRR (podano {s!r})")


def load_comments(
        folder: Path, last_day: date | None = None, mailed: tuple[str, ...] | list[str] = (),
        posted: tuple[str, ...] | list[str] = ()) -> CommentFile | None:
    """Read and validate the comment file of a content folder; None when there is none.
    `mailed`: the channels for which the day of sending keeps the term (art. 57 § 5 KPA, rules/procedure.yaml
    provisions.mailed_in_time): for them data_nadania decides lateness. `posted`: those of them that arrive after
    being sent (post); without data_nadania such a letter received after `last_day` is not marked late but
    flagged (sent_unknown) for checking."""
    path = find_comment_file(folder)
    if path is None:
        return None
    header, rows, kind = _read_xlsx(path) if path.suffix == ".xlsx" else _read_csv(path)
    index = _column_index(header, str(path))
    errors: list[str] = []
    comments: list[Comment] = []
    seen: dict[int, int] = {}
    for row, values in rows:
        comment = _comment_of(_Row(row, values, index, str(path), kind, errors), Path(folder), seen, last_day, mailed, posted)
        if comment is not None:
            comments.append(comment)
    if errors:
        raise UserError(errors)
    comments.sort(key=lambda c: c.number)
    return CommentFile(path, comments)


def _column_index(header: list[str], label: str) -> dict[str, int]:
    """Column name → position; every required column present and no unknown one (else a UserError for row 1)."""
    errors: list[str] = []
    missing = [c for c in COLUMNS if c not in header and c not in OPTIONAL]
    unknown = [h for h in header if h and h not in COLUMNS]
    if missing:
        errors.append(f"{label}, wiersz 1: brak kolumn: {', '.join(missing)} (wymagane: {', '.join(COLUMNS)}).")
    if unknown:
        errors.append(f"{label}, wiersz 1: nieznane kolumny: {', '.join(unknown)}; dozwolone: {', '.join(COLUMNS)}.")
    if errors:
        raise UserError(errors)
    return {name: header.index(name) for name in COLUMNS if name in header}


@dataclass
class _Row:
    """One row of the comment file: its cells by column name, and the list its errors go to (each naming file,
    row and column)."""
    row: int
    values: list[object]
    index: dict[str, int]
    label: str
    kind: str                              # xlsx (columns named by letter too) | csv
    errors: list[str]

    def where(self, column: str) -> str:
        letter = _col_letter(self.index[column]) if column in self.index else "?"
        col = f"kolumna {letter} ({column})" if self.kind == "xlsx" else f"kolumna {column}"
        return f"{self.label}, wiersz {self.row}, {col}"

    def get(self, column: str):
        i = self.index.get(column)
        return self.values[i] if i is not None and i < len(self.values) else None

    def text(self, column: str) -> str:
        raw = self.get(column)
        if raw is not None and len(str(raw)) > MAX_TEXT:
            self.errors.append(f"{self.where(column)}: tekst dłuższy niż {MAX_TEXT} znaków ({len(str(raw))}).")
            return ""
        return clean(raw)

    def date(self, column: str) -> date | None:
        try:
            return _parse_date(self.get(column))
        except ValueError as exc:
            self.errors.append(f"{self.where(column)}: {exc}.")
            return None

    def choice(self, column: str, allowed: tuple[str, ...], what: str) -> str:
        value = self.text(column)
        if value not in allowed:
            self.errors.append(f"{self.where(column)}: {what} {value!r}; dozwolone: {', '.join(allowed)}.")
        return value

    def required(self, column: str, what: str) -> str:
        value = self.text(column)
        if not value:
            self.errors.append(f"{self.where(column)}: {what}.")
        return value


def _number(r: _Row, seen: dict[int, int]) -> int | None:
    """The comment's number: a whole number, not used by an earlier row."""
    raw = r.text("nr")
    if not re.fullmatch(r"\d{1,6}", raw):
        r.errors.append(f"{r.where('nr')}: numer uwagi musi być liczbą całkowitą (podano {raw!r}).")
        return None
    number = int(raw)
    if number in seen:
        r.errors.append(f"{r.where('nr')}: numer {number} powtarza się (pierwszy raz w wierszu {seen[number]}).")
    else:
        seen[number] = r.row
    return number


def _check_sent(r: _Row, sent: date | None, received: date | None, channel: str, mailed) -> None:
    """data_nadania only for the channels whose day of sending keeps the term, and not after the day received."""
    if sent is not None and channel not in mailed:
        r.errors.append(f"{r.where('data_nadania')}: data nadania dotyczy tylko form: "
                        f"{', '.join(mailed) or '(brak w przepisach obowiązujących w tym dniu)'}; "
                        f"forma tej uwagi: {channel}.")
    if sent is not None and received is not None and sent > received:
        r.errors.append(f"{r.where('data_nadania')}: data nadania ({sent:%d.%m.%Y}) późniejsza niż data wpływu "
                        f"({received:%d.%m.%Y}).")


def _data_changes(r: _Row, folder: Path) -> list[ch.DataChange]:
    found: list[ch.DataChange] = []
    try:
        for change in ch.parse_changes(r.text("zmiana_danych")):
            found.append(ch.resolve(folder, change))
    except ValueError as exc:
        r.errors.append(f"{r.where('zmiana_danych')}: {exc}.")
    return found


def _comment_of(r: _Row, folder: Path, seen: dict[int, int], last_day: date | None, mailed, posted) -> Comment | None:
    """The comment of one row, checked column by column; None when the row has an error (added to r.errors)."""
    before = len(r.errors)
    number = _number(r, seen)
    received = r.date("data_wplywu")
    sent = r.date("data_nadania") if r.get("data_nadania") not in (None, "") else None
    channel = r.choice("forma", CHANNELS, "nieznana forma złożenia")
    _check_sent(r, sent, received, channel, mailed)
    submitter = r.required("zglaszajacy", "brak zgłaszającego")
    kind = r.choice("rodzaj_zglaszajacego", SUBMITTER_KINDS, "nieznany rodzaj")
    body = r.required("tresc", "brak treści uwagi")
    decision = r.choice("rozstrzygniecie", DECISIONS, "nieznane rozstrzygnięcie")
    justification = r.text("uzasadnienie")
    if decision in ("nieuwzględniona", "uwzględniona częściowo") and not justification:
        r.errors.append(f"{r.where('uzasadnienie')}: uwaga {decision} wymaga uzasadnienia.")
    changes = _data_changes(r, folder)
    if len(r.errors) != before:
        return None
    # no error in this row: number and received were parsed (a failed parse adds an error)
    assert number is not None and received is not None
    decisive = sent if channel in mailed and sent is not None else received
    not_sure = bool(last_day and channel in posted and sent is None and received > last_day)
    return Comment(number, received, channel, submitter, kind, body, r.text("dotyczy"), decision, justification, changes,
                   r.row, late=bool(last_day and decisive > last_day) and not not_sure, sent=sent, sent_unknown=not_sure)


def aliases(comments: list[Comment]) -> dict[str, str]:
    """Natural persons → 'osoba fizyczna nr N' (N by first appearance; the same person keeps one number)."""
    out: dict[str, str] = {}
    for c in comments:
        key = c.submitter.casefold()
        if c.natural_person and key not in out:
            out[key] = f"osoba fizyczna nr {len(out) + 1}"
    return out


def public_view(comments: list[Comment]) -> list[dict]:
    """The register as published: natural persons anonymised (also inside the texts), contact data removed."""
    names = aliases(comments)
    forms: dict[str, str] = {}              # name form (capital initial, rest casefolded) → alias
    for c in comments:
        if c.natural_person:
            alias = names[c.submitter.casefold()]
            for word in re.split(r"[\s\-]+", c.submitter):
                if len(word) >= 3:           # initials stay: too ambiguous to replace
                    for form in _name_forms(word):
                        forms.setdefault(form, alias)
    rows = []
    for c in comments:
        rows.append(_row(c, names.get(c.submitter.casefold(), c.submitter),
                         strip_contact_data(_anonymise(c.text, forms)),
                         strip_contact_data(_anonymise(c.justification, forms))))
    return rows


def internal_view(comments: list[Comment]) -> list[dict]:
    return [_row(c, c.submitter, c.text, c.justification) for c in comments]


_ADJECTIVAL_SURNAME = re.compile(r"(?:sk|ck|dzk)[ia]$")   # Kowalski/Kowalska, Zawadzki, Nowicka
_WORD = re.compile(r"\w+")
_NAME_GAP = re.compile(r"[ \t]*-?[ \t]*")


def _form_key(word: str) -> str:
    """Case-sensitive on the capital initial, case-insensitive on the rest ('NOWAKA' and 'Nowaka' match, 'nowa' not)."""
    return word[:1] + word[1:].casefold()


def _name_forms(word: str) -> set[str]:
    """The word and its Polish case forms, by explicit endings (never 'any continuation': 'Nowatorskie' is
    not a form of 'Nowak'):
    -ski/-ska (-cki, -dzki): Kowalsk + i, iego, iemu, im, a, iej, ą;
    -a (Anna, Maria): Ann + a, y, i, ii, ie, ę, ą, o;
    consonant (Jan, Nowak): Nowak + a, owi, em, iem, u, ie; -ek also without the mobile e (Marek → Marka).
    Other endings (Zieliński is -ski; e.g. 'Lulu') stay exact."""
    w = word[:1].upper() + word[1:].casefold()
    forms = {w}
    if _ADJECTIVAL_SURNAME.search(w):
        forms |= {w[:-1] + e for e in ("i", "iego", "iemu", "im", "a", "iej", "ą")}
    elif w.endswith("a"):
        forms |= {w[:-1] + e for e in ("a", "y", "i", "ii", "ie", "ę", "ą", "o")}
    elif w[-1] not in "eiouyóąę":
        forms |= {w + e for e in ("a", "owi", "em", "iem", "u", "ie")}
        if w.endswith("ek") and len(w) >= 4:
            forms |= {w[:-2] + "k" + e for e in ("a", "owi", "iem", "u")}
    return {_form_key(f) for f in forms}


def _anonymise(text: str, forms: dict[str, str]) -> str:
    """Replace every word that is a form of a natural person's name by that person's alias; consecutive words of
    one person separated only by spaces or a hyphen ('Jan Nowak', 'Nowak-Kowalska') become one alias.
    One pass over the words with dictionary look-ups: linear in the text, whatever the number of persons."""
    out: list[str] = []
    pos = 0
    last_alias = None
    for m in _WORD.finditer(text):
        word = m.group()
        alias = forms.get(_form_key(word)) if word[:1].isupper() else None
        gap = text[pos:m.start()]
        if alias is not None and alias == last_alias and _NAME_GAP.fullmatch(gap):
            pos = m.end()                    # same person continues: swallow the gap and the word
            continue
        out.append(gap)
        out.append(alias if alias is not None else word)
        pos = m.end()
        last_alias = alias
    out.append(text[pos:])
    return "".join(out)


def _row(c: Comment, submitter: str, text: str, justification: str) -> dict:
    return {
        "nr": c.number,
        "data": c.received.strftime("%d.%m.%Y"),
        "forma": c.channel,
        "zglaszajacy": submitter,
        "tresc": text,
        "dotyczy": c.concerns or "–",
        "rozstrzygniecie": c.decision,
        "uzasadnienie": justification or "–",
        "zmiany": "; ".join(x.describe() for x in c.changes) if c.accepted else "",
        "po_terminie": c.late,
    }
