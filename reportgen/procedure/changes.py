"""Data changes caused by comments: `plik.yaml: klucz.ścieżka[0].pole = wartość`, validated against the content
folder and applied on a copy of it (never on the user's folder)."""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportgen.errors import UserError
from reportgen.inputs.yamlio import format_path, load_yaml, parse_yaml

_CHANGE = re.compile(r"^\s*(?P<file>[\w./-]+\.ya?ml)\s*:\s*(?P<path>[^=]+?)\s*=\s*(?P<value>.*?)\s*$", re.S)
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class DataChange:
    file: str
    path: tuple
    value: object
    old: object = None

    def describe(self) -> str:
        return f"{self.file}: {format_path(self.path)} = {_show(self.value)}"


def _show(value) -> str:
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return str(value)


def parse_path(text: str) -> tuple:
    parts: list = []
    pos = 0
    text = text.strip()
    for m in _TOKEN.finditer(text):
        gap = text[pos:m.start()]
        if gap not in ("", "."):
            raise ValueError(f"niepoprawna ścieżka klucza {text!r}")
        parts.append(int(m.group(2)) if m.group(2) is not None else m.group(1).strip())
        pos = m.end()
    if not parts or pos != len(text):
        raise ValueError(f"niepoprawna ścieżka klucza {text!r}")
    return tuple(parts)


def parse_changes(raw: str) -> list[DataChange]:
    """`a.yaml: x.y = 1; b.yaml: z[0].w = tekst` → changes (raises ValueError with a Polish message)."""
    out = []
    for part in [p for p in re.split(r"[;\n]", raw or "") if p.strip()]:
        m = _CHANGE.match(part)
        if not m:
            raise ValueError(f"zmiana danych {part.strip()!r} nie ma postaci „plik.yaml: klucz.ścieżka = wartość”")
        try:     # a YAML scalar, read as the data files are (and remembered: a rebuild does not load PyYAML)
            value = parse_yaml(m.group("value"), "wartość zmiany")[0] if m.group("value") else None
        except UserError:
            value = m.group("value")
        if isinstance(value, (list, dict)):
            raise ValueError(f"zmiana danych {part.strip()!r}: wartość musi być pojedyncza (liczba, tekst, data)")
        out.append(DataChange(m.group("file"), parse_path(m.group("path")), value))
    return out


def _lookup(data, path: tuple):
    node = data
    for i, key in enumerate(path):
        if isinstance(key, int):
            if not isinstance(node, list) or key >= len(node):
                raise KeyError(format_path(path[: i + 1]))
        elif not isinstance(node, dict) or key not in node:
            raise KeyError(format_path(path[: i + 1]))
        node = node[key]
    return node


def _same_kind(old, new) -> bool:
    if isinstance(old, bool) or isinstance(new, bool):
        return isinstance(old, bool) and isinstance(new, bool)
    if isinstance(old, (int, float)):
        return isinstance(new, (int, float))
    if isinstance(old, date):
        return isinstance(new, date)
    if isinstance(old, str):
        return isinstance(new, str)
    return old is None and not isinstance(new, (list, dict))


_KIND = {bool: "wartość tak/nie", int: "liczba", float: "liczba", str: "tekst", date: "data RRRR-MM-DD"}


def resolve(folder: Path, change: DataChange) -> DataChange:
    """Check the change against the content folder; returns it with the old value (raises ValueError)."""
    target = (folder / change.file).resolve()
    if folder.resolve() not in target.parents or not target.is_file():
        raise ValueError(f"plik {change.file!r} nie istnieje w katalogu danych {folder}")
    data, _ = load_yaml(target)
    try:
        old = _lookup(data, change.path)
    except KeyError as exc:
        raise ValueError(f"w pliku {change.file} nie ma klucza {exc.args[0]}") from None
    if isinstance(old, (list, dict)):
        raise ValueError(f"{change.file}: {format_path(change.path)} nie jest pojedynczą wartością (lista lub słownik)")
    if not _same_kind(old, change.value):
        want = _KIND.get(type(old), "wartość tego samego rodzaju")
        raise ValueError(f"{change.file}: {format_path(change.path)} – oczekiwano: {want} (obecnie {old!r}), "
                         f"podano {change.value!r}")
    return DataChange(change.file, change.path, change.value, old)


def apply_changes(src: Path, dst: Path, changes: list[DataChange]) -> None:
    """Copy the content folder to `dst` and apply the changes there, in order (a later change wins)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("consultation"))
    by_file: dict[str, list[DataChange]] = {}
    for c in changes:
        by_file.setdefault(c.file, []).append(c)
    for name in sorted(by_file):
        path = dst / name
        data, _ = load_yaml(path)
        for c in by_file[name]:
            node: Any = data
            for key in c.path[:-1]:
                node = node[key]
            node[c.path[-1]] = c.value
        import yaml  # writing the revised data: only when a revision is made
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")
