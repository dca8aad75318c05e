"""The one reader of hand-written data files: bounded, UTF-8, YAML with the line of every key.

Every YAML file reportgen reads (content folders, parameters, rules, structures) goes through `load_yaml`.
It refuses, with a Polish message naming file, key and line, what PyYAML would accept silently or turn into a
traceback or a memory blow-up: alias bombs and recursive aliases, duplicate keys, impossible dates,
infinite/NaN/overflowing numbers, and text with characters that cannot be written to a .docx (XML 1.0).
"""
from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import UserError
from reportgen.inputs import yaml_cache

# libyaml's parser when PyYAML was built with it (several times faster); the same marks and errors
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_INPUT_BYTES = 5 * 1024 * 1024  # a content file larger than this is not a hand-written data file
# YAML nodes after expanding aliases. The largest shipped file (rules/structure.yaml) has ~1 500 (and 1 181 of
# the marks counted in parse_yaml); 20 000 keep parsing under 50 MB and 1 s, while a 1 KB "billion laughs"
# would expand to 10^9.
MAX_NODES = 20_000
MAX_DEPTH = 64                 # nesting levels; real files use < 10
# |x| above this is no quantity at all: a safety net against overflow (a product of three such numbers is still
# finite). The ranges of particular quantities are checked by the models (reportgen/quantities.py).
MAX_NUMBER = 1e100
MAX_NUMBER_CHARS = 40          # a longer numeric literal is a typo or an attack (Python refuses > 4 300 digits)
MAX_PROBLEMS = 50              # a broken file reports its first problems, not thousands

# Characters XML 1.0 forbids (a .docx is XML): C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")   # never echoed to a terminal (escape sequences)
_POLISH_LETTERS = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")

_T = "tag:yaml.org,2002:"
# the wording of the models' own messages (reportgen/inputs/messages.py), so both layers read alike
_NOT_FINITE = "oczekiwano liczby skończonej (podano {value!r}: nieskończoność, NaN albo przekroczony zakres)."
_OUT_OF_RANGE = "liczba {value} jest poza wszelkim zakresem danych (|x| ≤ 10^100)."
# text that float() reads as a number (YAML 1.1 leaves 1e5, inf, nan as strings)
_NUMBER_TEXT = re.compile(r"\s*[-+]?(\d[\d_]*\.?[\d_]*([eE][-+]?\d+)?|\.\d[\d_]*([eE][-+]?\d+)?|inf(inity)?|nan)\s*",
                          re.IGNORECASE)


class LineMap(dict):
    """Maps a key path tuple, e.g. ('sectors', 'housing', 'periods', 0), to a 1-based line number."""

    def line_of(self, path: tuple) -> int | None:
        # Fall back to the nearest ancestor that has a line (a missing key is reported at its parent).
        path = tuple(path)
        while path:
            if path in self:
                return self[path]
            path = path[:-1]
        return self.get((), None)


# ---------------------------------------------------------------------------------------------- reading bytes

def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def read_data_bytes(path: Path, label: str | None = None, root: Path | None = None,
                    limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of a data file: a regular file inside `root` (default: the folder the path names), at most
    `limit` bytes. Never blocks on a FIFO nor reads a device: only `limit` + 1 bytes are ever read."""
    path = Path(path)
    label = label or str(path)
    folder = Path(root) if root is not None else path.parent
    try:
        real = path.resolve(strict=True)
        real_folder = folder.resolve()
    except FileNotFoundError:
        raise UserError(f"{label}: brak pliku.") from None
    except (OSError, RuntimeError):      # a symlink loop
        raise UserError(f"{label}: nie można odczytać pliku (zapętlone dowiązanie symboliczne).") from None
    if not _within(real, real_folder):
        what = "jest dowiązaniem symbolicznym do pliku" if path.is_symlink() else "wskazuje plik"
        raise UserError(f"{label}: {what} spoza katalogu danych ({real_folder}); skopiuj plik do katalogu danych.")
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise UserError(f"{label}: nie można odczytać pliku ({os_problem(exc)}).") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UserError(f"{label}: to nie jest zwykły plik (katalog, urządzenie lub potok) – podaj plik z danymi.")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise UserError(f"{label}: nie można odczytać pliku ({os_problem(exc)}).") from None
    finally:
        os.close(fd)
    if size > limit:
        raise UserError(f"{label}: plik jest zbyt duży jak na plik danych (ponad {limit} B).")
    return b"".join(chunks)


def decode_text(raw: bytes, label: str) -> str:
    """UTF-8 (with or without Excel's BOM). Other encodings are refused with advice, not guessed: a wrong guess
    would put misspelt names into a statutory document without a word."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UserError(f"{label}: plik zapisano w kodowaniu UTF-16 (np. Excel „Tekst Unicode”); "
                        "zapisz plik w UTF-8 (w Excelu: „CSV UTF-8 (rozdzielany przecinkami)”).")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        cp1250 = raw.decode("cp1250", errors="replace")
        if _POLISH_LETTERS & set(cp1250):
            hint = ("plik zapisano najpewniej w kodowaniu Windows-1250 (domyślnym w polskim Windows i Excelu); "
                    "zapisz plik w UTF-8 (w Excelu: Zapisz jako → „CSV UTF-8 (rozdzielany przecinkami)”, "
                    "w Notatniku: Kodowanie → UTF-8)")
        else:
            hint = "plik nie jest zapisany w kodowaniu UTF-8; zapisz plik w UTF-8"
        raise UserError(f"{label}, wiersz {line}: {hint}.") from None


def read_data_text(path: Path, label: str | None = None, root: Path | None = None) -> str:
    """The text of a hand-written data file (YAML, CSV): see read_data_bytes and decode_text."""
    label = label or str(path)
    return decode_text(read_data_bytes(path, label, root), label)


_OS_PROBLEMS = {
    "EACCES": "brak uprawnień", "EPERM": "brak uprawnień", "ENOSPC": "brak miejsca na dysku",
    "EDQUOT": "przekroczony przydział miejsca na dysku", "EROFS": "system plików tylko do odczytu",
    "ENOENT": "nie ma takiego pliku lub katalogu", "ENOTDIR": "część ścieżki nie jest katalogiem",
    "EISDIR": "to jest katalog", "EFBIG": "plik przekracza dopuszczalny rozmiar", "ENAMETOOLONG": "zbyt długa nazwa",
    "EIO": "błąd wejścia/wyjścia dysku", "ELOOP": "zapętlone dowiązania symboliczne", "EXDEV": "inny system plików",
    "EMFILE": "zbyt wiele otwartych plików", "EBUSY": "plik jest zajęty",
}


def os_problem(exc: OSError) -> str:
    """An OSError as a short Polish phrase (the system's own words are English)."""
    import errno
    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_PROBLEMS.get(name) or f"błąd systemu: {exc.strerror or exc}"


# ---------------------------------------------------------------------------------------------- parsing YAML

def load_yaml(path: Path, label: str | None = None, root: Path | None = None) -> tuple[object, LineMap]:
    """Read and parse a YAML data file; every problem becomes a Polish UserError naming file, key and line."""
    label = label or str(path)
    return parse_yaml(read_data_text(path, label, root), label)


def parse_yaml(text: str, label: str) -> tuple[object, LineMap]:
    """Parse YAML text into plain data and the line of every key path (see module docstring for what is refused).
    A text parsed before without a problem is not parsed again (yaml_cache)."""
    key = yaml_cache.key_of(text)
    if key is not None and (cached := yaml_cache.get(key)) is not None:
        return cached
    parsed = _parse(text, label)
    if key is not None:
        yaml_cache.put(key, parsed)
    return parsed


def _parse(text: str, label: str) -> tuple[object, LineMap]:
    # Each node needs one of these marks (or is the root); counting them bounds the parser's memory before it runs.
    marks = sum(text.count(c) for c in ",:-?")
    if marks > MAX_NODES:
        raise UserError(f"{label}: plik ma zbyt wiele elementów jak na plik danych (limit {MAX_NODES}).")
    loader = LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, LineMap()
        lines = _inspect(node, label, loader)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        raise UserError(_yaml_message(exc, label, text)) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise UserError(f"{label}: wartości nie da się odczytać ({type(exc).__name__}).") from None
    finally:
        loader.dispose()
    return data, lines


def key_lines(text: str, label: str = "plik YAML") -> LineMap:
    """The line of every key path of YAML text (for callers that parse the text themselves)."""
    return parse_yaml(text, label)[1]


def line_for(lines: LineMap, path: tuple) -> int | None:
    """The line of the deepest existing prefix of `path`."""
    return LineMap.line_of(lines, path)


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _expanded_size(root, label: str) -> None:
    """Refuse recursive aliases and aliases expanding beyond MAX_NODES; each distinct node is visited once."""
    sizes: dict[int, int] = {}
    entered: set[int] = set()          # nodes entered and not finished: the ancestors of the current node
    stack = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            entered.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[key] > MAX_NODES:
                if sizes[key] <= len(sizes):      # as many distinct nodes: simply a big file, no alias at work
                    raise UserError(f"{label}: plik ma zbyt wiele elementów jak na plik danych (limit {MAX_NODES}).")
                raise UserError(
                    f"{label}, wiersz {node.start_mark.line + 1}: aliasy (*nazwa) rozwijają się tu do ponad {MAX_NODES} "
                    "elementów – tak duży plik danych nie powstaje ręcznie (tzw. bomba aliasów); zapisz wartości wprost.")
            continue
        if key in sizes:
            continue
        if key in entered:
            raise UserError(f"{label}, wiersz {node.start_mark.line + 1}: alias odwołuje się do samego siebie "
                            "(nieskończona struktura).")
        entered.add(key)
        stack.append((node, True))
        stack.extend((c, False) for c in _children(node) if id(c) not in sizes)


def _inspect(root, label: str, loader) -> LineMap:
    """Index the line of every key path and refuse what the constructor would accept wrongly or crash on."""
    _expanded_size(root, label)
    lines = LineMap()
    problems: list[str] = []
    checked: set[int] = set()

    def problem(node, path: tuple, text: str) -> None:
        problems.append(f"{label}, wiersz {node.start_mark.line + 1}, klucz {format_path(path)}: {text}")

    stack: list[tuple[Any, tuple]] = [(root, ())]
    while stack and len(problems) < MAX_PROBLEMS:
        node, path = stack.pop()
        lines.setdefault(path, node.start_mark.line + 1)
        first_visit = id(node) not in checked
        checked.add(id(node))
        if len(path) > MAX_DEPTH:
            problem(node, path, f"zbyt głębokie zagnieżdżenie (ponad {MAX_DEPTH} poziomów).")
            continue
        if isinstance(node, yaml.ScalarNode):
            if first_visit:
                _check_scalar(node, path, loader, problem)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (i,)) for i, item in reversed(list(enumerate(node.value))))
        elif isinstance(node, yaml.MappingNode):
            stack.extend(reversed(_mapping_children(node, path, first_visit, lines, loader, problem)))
    if problems:
        raise UserError(problems)
    return lines


def _mapping_children(node, path: tuple, first_visit: bool, lines: LineMap, loader, problem) -> list[tuple[Any, tuple]]:
    """The values of a mapping to walk next (merged mappings too), each key's line indexed; keys that are not
    scalars and keys given twice are problems (checked once per node, however often an alias repeats it)."""
    seen: dict[tuple, int] = {}
    pending = []
    for key_node, value_node in node.value:
        if key_node.tag == _T + "merge":
            pending.append((value_node, path))
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            problem(key_node, path, "kluczem musi być tekst lub liczba, nie lista ani słownik.")
            continue
        key = key_node.value
        line = key_node.start_mark.line + 1
        if first_visit:
            _check_scalar(key_node, path + (key,), loader, problem)
            if (key_node.tag, key) in seen:
                problem(key_node, path + (key,), f"klucz powtórzony – pierwszy raz w wierszu "
                        f"{seen[(key_node.tag, key)]}; usuń jedno z wystąpień (YAML po cichu zostawiłby "
                        "tylko ostatnie).")
            seen.setdefault((key_node.tag, key), line)
        lines[path + (key,)] = line
        pending.append((value_node, path + (key,)))
    return pending


def _short(value: str) -> str:
    return value if len(value) <= 30 else value[:27] + "…"


def _check_scalar(node, path: tuple, loader, problem) -> None:
    """One branch per YAML tag: text, numbers and dates as the constructor would read them."""
    tag = node.tag
    if tag == _T + "str":
        _check_text(node, path, problem)
    elif tag in (_T + "int", _T + "float"):
        _check_number(node, path, loader, problem)
    elif tag == _T + "timestamp":
        try:
            loader.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            problem(node, path, f"niepoprawna data {_short(node.value)} (nie ma takiego dnia lub miesiąca); "
                    "podaj datę w formacie RRRR-MM-DD.")


def _check_text(node, path: tuple, problem) -> None:
    value = node.value
    bad = XML_ILLEGAL.search(value)
    if bad:
        problem(node, path, f"tekst zawiera niedozwolony znak sterujący U+{ord(bad.group()):04X} "
                f"(znak {bad.start() + 1}.), którego nie da się zapisać w dokumencie; usuń go.")
    elif len(value) <= MAX_NUMBER_CHARS and _NUMBER_TEXT.fullmatch(value):
        # YAML 1.1 reads 1e309 or "nan" as text, which validation would then turn into a float
        number = float(value.replace("_", ""))
        if not math.isfinite(number):
            problem(node, path, _NOT_FINITE.format(value=_short(value)))
        elif not node.style and abs(number) > MAX_NUMBER:   # plain, not quoted text
            problem(node, path, _OUT_OF_RANGE.format(value=_short(value)))


def _check_number(node, path: tuple, loader, problem) -> None:
    value = node.value
    if len(value) > MAX_NUMBER_CHARS:
        problem(node, path, f"liczba ma zbyt wiele cyfr ({len(value)} znaków).")
        return
    try:
        number = loader.construct_yaml_int(node) if node.tag == _T + "int" else loader.construct_yaml_float(node)
        finite = math.isfinite(number)
    except (ValueError, OverflowError):
        problem(node, path, f"niepoprawna liczba {_short(value)!r}.")
        return
    if not finite:
        problem(node, path, _NOT_FINITE.format(value=_short(value)))
    elif abs(number) > MAX_NUMBER:
        problem(node, path, _OUT_OF_RANGE.format(value=_short(value)))


# Parser problems (libyaml and pure-Python wording) → what the user should do, in Polish.
_YAML_PROBLEMS = [
    ("cannot start any token", None),                       # tab or a reserved character: decided below
    ("tab character", "znak tabulacji – wcięcia w YAML robi się spacjami, nie tabulatorem"),
    ("mapping values are not allowed", "dwukropek w niedozwolonym miejscu – sprawdź wcięcie albo ujmij wartość "
                                       "zawierającą „: ” w cudzysłów"),
    ("could not find expected ':'", "brak dwukropka po kluczu albo błędne wcięcie"),
    ("did not find expected key", "niezgodne wcięcie albo brakujący klucz"),
    ("expected <block end>", "niezgodne wcięcie"),
    ("did not find expected '-'", "niezgodne wcięcie elementu listy („- ”)"),
    ("expected node content", "brak wartości – np. niedomknięty nawias [ { albo pusty element"),
    ("expected the node content", "brak wartości – np. niedomknięty nawias [ { albo pusty element"),
    ("',' or ']'", "niedomknięty nawias [ … ] albo brak przecinka między elementami"),
    ("',' or '}'", "niedomknięty nawias { … } albo brak przecinka między elementami"),
    ("block sequence entries are not allowed", "myślnik „- ” w niedozwolonym miejscu – sprawdź wcięcie"),
    ("unexpected end of stream", "niedomknięty cudzysłów lub nawias do końca pliku"),
    ("found unknown escape character", "nieznana sekwencja \\… w tekście w cudzysłowie \"…\" – użyj \\\\ albo "
                                       "cudzysłowu pojedynczego '…'"),
    ("undefined alias", "odwołanie *nazwa do kotwicy &nazwa, której nie ma wcześniej w pliku"),
    ("duplicate anchor", "ta sama kotwica &nazwa użyta dwa razy"),
    ("second occurrence", "ta sama kotwica &nazwa użyta dwa razy"),
    ("incompatible YAML document", "nieobsługiwana wersja YAML w dyrektywie %YAML – usuń tę linię"),
    ("could not determine a constructor", "nieznany znacznik typu (!…) – zapisz wartość bez znacznika"),
    ("another document", "plik zawiera więcej niż jeden dokument (linia „---”)"),
    ("maximum nesting depth", "zbyt głębokie zagnieżdżenie nawiasów"),
    ("unhashable key", "kluczem musi być tekst lub liczba, nie lista ani słownik"),
    ("characters are not allowed", None),                    # control character: decided below
]


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _yaml_message(exc: yaml.YAMLError, label: str, text: str) -> str:
    if isinstance(exc, yaml.reader.ReaderError):          # a character YAML does not allow at all (NUL, BEL…)
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        return (f"{label}, wiersz {line}: błędny zapis YAML – niedozwolony znak sterujący U+{code:04X} "
                "(np. NUL albo znak wklejony z innego programu); usuń go.")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f", wiersz {mark.line + 1}, kolumna {mark.column + 1}" if mark else ""
    problem = str(getattr(exc, "problem", None) or exc)
    for fragment, polish in _YAML_PROBLEMS:
        if fragment in problem:
            if polish is None and _char_at(text, mark) == "\t":
                polish = "znak tabulacji – wcięcia w YAML robi się spacjami, nie tabulatorem"
            elif polish is None and fragment == "cannot start any token":
                polish = "znak, od którego nie może zaczynać się wartość (np. @ ` %) – ujmij wartość w cudzysłów"
            elif polish is None:
                polish = "niedozwolony znak sterujący – usuń go"
            return f"{label}{where}: błędny zapis YAML – {polish}."
    return f"{label}{where}: błędny zapis YAML – błąd składni (parser: {_short(problem)})."


def format_path(path: tuple) -> str:
    """('sectors', 'housing', 'periods', 0, 'area_share_pct') -> 'sectors.housing.periods[0].area_share_pct'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + _short(_CONTROL.sub("?", str(part)))
    return out or "(cały plik)"
