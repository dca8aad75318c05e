"""The one reader of hand-written data files: bounded, UTF-8, YAML with the line of every key.

Every YAML file reportgen reads (content folders, parameters, rules, structures) goes through `load_yaml`.
It refuses, with a Polish message naming file, key and line, what PyYAML would accept silently or turn into a
traceback or a memory blow-up: alias bombs and recursive aliases, duplicate keys, impossible dates,
infinite/NaN/overflowing numbers, and text with characters that cannot be written to a .docx (XML 1.0).
"""
from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs import yaml_cache
from reportgen.paths import is_shipped

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
    return parse_yaml(read_data_text(path, label, root), label, shipped=is_shipped(path))


def parse_yaml(text: str, label: str, shipped: bool = False) -> tuple[object, LineMap]:
    """Parse YAML text into plain data and the line of every key path (see module docstring for what is refused).
    A text parsed before without a problem is not parsed again (yaml_cache; `shipped`: the text is one of the
    installation's own files, remembered for every user of the installation)."""
    key = yaml_cache.key_of(text)
    if key is not None and (cached := yaml_cache.get(key, shipped)) is not None:
        return cached
    from reportgen.inputs.yaml_parse import parse_checked  # PyYAML is imported only when a text is new
    parsed = parse_checked(text, label)
    if key is not None:
        yaml_cache.put(key, parsed, shipped)
    return parsed


def key_lines(text: str, label: str = "plik YAML") -> LineMap:
    """The line of every key path of YAML text (for callers that parse the text themselves)."""
    return parse_yaml(text, label)[1]


def line_for(lines: LineMap, path: tuple) -> int | None:
    """The line of the deepest existing prefix of `path`."""
    return LineMap.line_of(lines, path)


def short(value: str) -> str:
    return value if len(value) <= 30 else value[:27] + "…"


def format_path(path: tuple) -> str:
    """('sectors', 'housing', 'periods', 0, 'area_share_pct') -> 'sectors.housing.periods[0].area_share_pct'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + short(_CONTROL.sub("?", str(part)))
    return out or "(cały plik)"
