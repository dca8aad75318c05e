"""Parsing YAML text with every check of yamlio (alias bombs, duplicate keys, impossible dates, numbers out of
range, characters a .docx cannot hold), messages in Polish naming file, key and line.

Separate from yamlio because it imports PyYAML: a build whose YAML texts were all parsed before (yaml_cache)
never needs it."""
from __future__ import annotations

import math
import re
from typing import Any

import yaml

from reportgen.errors import UserError
from reportgen.inputs import yamlio
from reportgen.inputs.yamlio import XML_ILLEGAL, LineMap, format_path, short

# libyaml's parser when PyYAML was built with it (several times faster); the same marks and errors
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_T = "tag:yaml.org,2002:"
# the wording of the models' own messages (reportgen/inputs/messages.py), so both layers read alike
_NOT_FINITE = "oczekiwano liczby skończonej (podano {value!r}: nieskończoność, NaN albo przekroczony zakres)."
_OUT_OF_RANGE = "liczba {value} jest poza wszelkim zakresem danych (|x| ≤ 10^100)."
# text that float() reads as a number (YAML 1.1 leaves 1e5, inf, nan as strings)
_NUMBER_TEXT = re.compile(r"\s*[-+]?(\d[\d_]*\.?[\d_]*([eE][-+]?\d+)?|\.\d[\d_]*([eE][-+]?\d+)?|inf(inity)?|nan)\s*",
                          re.IGNORECASE)


def parse_checked(text: str, label: str) -> tuple[object, LineMap]:
    """Parse YAML text into plain data and the line of every key path, refusing what yamlio's docstring lists."""
    # Each node needs one of these marks (or is the root); counting them bounds the parser's memory before it runs.
    marks = sum(text.count(c) for c in ",:-?")
    if marks > yamlio.MAX_NODES:
        raise UserError(f"{label}: plik ma zbyt wiele elementów jak na plik danych (limit {yamlio.MAX_NODES}).")
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


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _expanded_size(root, label: str) -> None:
    """Refuse recursive aliases and aliases expanding beyond yamlio.MAX_NODES; each distinct node is visited once."""
    sizes: dict[int, int] = {}
    entered: set[int] = set()          # nodes entered and not finished: the ancestors of the current node
    stack = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            entered.discard(key)
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            if sizes[key] > yamlio.MAX_NODES:
                if sizes[key] <= len(sizes):      # as many distinct nodes: simply a big file, no alias at work
                    raise UserError(f"{label}: plik ma zbyt wiele elementów jak na plik danych (limit {yamlio.MAX_NODES}).")
                raise UserError(
                    f"{label}, wiersz {node.start_mark.line + 1}: aliasy (*nazwa) rozwijają się tu do ponad {yamlio.MAX_NODES} "
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
    while stack and len(problems) < yamlio.MAX_PROBLEMS:
        node, path = stack.pop()
        lines.setdefault(path, node.start_mark.line + 1)
        first_visit = id(node) not in checked
        checked.add(id(node))
        if len(path) > yamlio.MAX_DEPTH:
            problem(node, path, f"zbyt głębokie zagnieżdżenie (ponad {yamlio.MAX_DEPTH} poziomów).")
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
            problem(node, path, f"niepoprawna data {short(node.value)} (nie ma takiego dnia lub miesiąca); "
                    "podaj datę w formacie RRRR-MM-DD.")


def _check_text(node, path: tuple, problem) -> None:
    value = node.value
    bad = XML_ILLEGAL.search(value)
    if bad:
        problem(node, path, f"tekst zawiera niedozwolony znak sterujący U+{ord(bad.group()):04X} "
                f"(znak {bad.start() + 1}.), którego nie da się zapisać w dokumencie; usuń go.")
    elif len(value) <= yamlio.MAX_NUMBER_CHARS and _NUMBER_TEXT.fullmatch(value):
        # YAML 1.1 reads 1e309 or "nan" as text, which validation would then turn into a float
        number = float(value.replace("_", ""))
        if not math.isfinite(number):
            problem(node, path, _NOT_FINITE.format(value=short(value)))
        elif not node.style and abs(number) > yamlio.MAX_NUMBER:   # plain, not quoted text
            problem(node, path, _OUT_OF_RANGE.format(value=short(value)))


def _check_number(node, path: tuple, loader, problem) -> None:
    value = node.value
    if len(value) > yamlio.MAX_NUMBER_CHARS:
        problem(node, path, f"liczba ma zbyt wiele cyfr ({len(value)} znaków).")
        return
    try:
        number = loader.construct_yaml_int(node) if node.tag == _T + "int" else loader.construct_yaml_float(node)
        finite = math.isfinite(number)
    except (ValueError, OverflowError):
        problem(node, path, f"niepoprawna liczba {short(value)!r}.")
        return
    if not finite:
        problem(node, path, _NOT_FINITE.format(value=short(value)))
    elif abs(number) > yamlio.MAX_NUMBER:
        problem(node, path, _OUT_OF_RANGE.format(value=short(value)))


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
    return f"{label}{where}: błędny zapis YAML – błąd składni (parser: {short(problem)})."
