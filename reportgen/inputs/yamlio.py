"""Read YAML keeping the line of every key, so messages can say where a problem is."""
from __future__ import annotations

from pathlib import Path

import yaml

from reportgen.errors import UserError

# libyaml's parser when PyYAML was built with it (several times faster); the same marks and errors
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_INPUT_BYTES = 5 * 1024 * 1024  # a content file larger than this is not a hand-written data file


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


def _index_lines(node, path: tuple, lines: LineMap) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + 1
            _index_lines(value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, path + (i,), lines)


def read_data_text(path: Path, label: str | None = None) -> str:
    """The text of a hand-written data file (YAML, CSV): bounded in size, UTF-8; problems as Polish UserErrors."""
    label = label or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{label}: brak pliku.") from None
    except OSError as exc:
        raise UserError(f"{label}: nie można odczytać pliku ({exc.strerror}).") from None
    if len(raw) > MAX_INPUT_BYTES:
        raise UserError(f"{label}: plik jest zbyt duży ({len(raw)} B) jak na plik danych; limit {MAX_INPUT_BYTES} B.")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UserError(f"{label}, wiersz {line}: plik nie jest zapisany w kodowaniu UTF-8.") from None


def load_yaml(path: Path, label: str | None = None) -> tuple[object, LineMap]:
    """Parse a YAML file; broken syntax becomes a Polish UserError naming file and line."""
    label = label or str(path)
    text = read_data_text(path, label)
    try:
        node = yaml.compose(text, Loader=LOADER)
        data = yaml.load(text, Loader=LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", wiersz {mark.line + 1}" if mark else ""
        problem = exc.problem or "błąd składni"
        raise UserError(f"{label}{where}: błędny zapis YAML ({problem}).") from None
    except yaml.YAMLError as exc:
        raise UserError(f"{label}: błędny zapis YAML ({exc}).") from None
    lines = LineMap()
    if node is not None:
        _index_lines(node, (), lines)
    return data, lines


def format_path(path: tuple) -> str:
    """('sectors', 'housing', 'periods', 0, 'area_share_pct') -> 'sectors.housing.periods[0].area_share_pct'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(cały plik)"
