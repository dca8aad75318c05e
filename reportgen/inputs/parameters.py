"""Normative parameters (rules/parameters/*.yaml): values and tables with unit, source and validity.

A gmina's content may override a scalar parameter in parameters.yaml; the document then lists the
override (the reviewer must see that a normative value was changed)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.errors import UserError
from reportgen.inputs.yamlio import load_yaml
from reportgen.paths import rules_dir


@dataclass
class Override:
    id: str
    default: object
    value: object
    reason: str


@dataclass
class Parameters:
    entries: dict[str, dict]
    overrides: list[Override] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)   # id -> file it came from

    def entry(self, pid: str) -> dict:
        try:
            return self.entries[pid]
        except KeyError:
            raise KeyError(f"brak parametru {pid!r} w rules/parameters") from None

    def value(self, pid: str) -> float:
        return self.entry(pid)["value"]

    def scalars(self) -> list[tuple[str, dict]]:
        return [(k, v) for k, v in self.entries.items() if "value" in v]


def _validate_entry(pid: str, entry, label: str, lines) -> list[str]:
    problems = []
    line = lines.line_of((pid,))
    where = f"{label}, wiersz {line}, klucz {pid}"
    if not isinstance(entry, dict):
        return [f"{where}: oczekiwano słownika z polami value/unit/source."]
    for key in ("unit", "source", "valid_from"):
        if key not in entry:
            problems.append(f"{where}: brak pola {key} (każdy parametr ma jednostkę, źródło i datę obowiązywania).")
    if "value" in entry and not isinstance(entry["value"], (int, float)):
        problems.append(f"{where}.value: oczekiwano liczby.")
    for key in ("valid_from", "valid_to"):
        if entry.get(key) is not None and not isinstance(entry[key], dt.date):
            problems.append(f"{where}.{key}: oczekiwano daty RRRR-MM-DD.")
    return problems


def load_parameters(folder: Path | None = None, overrides: dict | None = None, overrides_label: str = "parameters.yaml") -> Parameters:
    folder = Path(folder) if folder else rules_dir() / "parameters"
    entries: dict[str, dict] = {}
    files: dict[str, str] = {}
    problems: list[str] = []
    for path in sorted(folder.glob("*.yaml")):
        data, lines = load_yaml(path)
        if not isinstance(data, dict):
            problems.append(f"{path}: plik parametrów powinien być słownikiem.")
            continue
        for pid, entry in data.items():
            problems.extend(_validate_entry(pid, entry, str(path), lines))
            if pid in entries:
                problems.append(f"{path}, klucz {pid}: parametr zdefiniowany drugi raz (pierwszy w {files[pid]}).")
            entries[pid] = entry
            files[pid] = path.name
    params = Parameters(entries=entries, files=files)
    for pid, spec in (overrides or {}).items():
        if pid not in entries or "value" not in entries[pid]:
            problems.append(f"{overrides_label}, klucz {pid}: nie ma takiego parametru skalarnego w rules/parameters.")
            continue
        if not isinstance(spec, dict) or not isinstance(spec.get("value"), (int, float)) or not spec.get("reason"):
            problems.append(f"{overrides_label}, klucz {pid}: podaj value (liczba) i reason (uzasadnienie zmiany).")
            continue
        default = entries[pid]["value"]
        entries[pid] = {**entries[pid], "value": spec["value"], "source": f"dane gminy: {spec['reason']}"}
        params.overrides.append(Override(pid, default, spec["value"], spec["reason"]))
    if problems:
        raise UserError(problems)
    return params
