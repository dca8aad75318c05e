"""Parameters: values and tables with unit, source and validity, in one `Parameters` set per build.

One mechanism, two kinds of entry, both reaching `load_parameters` through `content.parameter_overrides`
(the loader fills it; build passes it on):
- rules/parameters/*.yaml — the normative set shipped with reportgen (always loaded);
- content/<gmina>/parameters/*.yaml — parameters the gmina's data were prepared with and that are not
  normative (calorific values, emission factors, coefficients of a method…). Each entry has `unit`,
  `source`, `valid_from` (optional `valid_to`, `note`) and exactly one of `value` (a number) or `values`
  (a row: key → number). They are ADDED to the set; an id that already exists in rules/parameters is an
  error, because changing a normative value is an override;
- content/<gmina>/parameters.yaml — overrides of scalar normative parameters: `id: {value, reason}`.
  The document lists every override (the reviewer must see that a normative value was changed).
Calculators receive plain numbers; `Parameters.value(id)` / `.row(id)` read them and `.files[id]` says
which file a value came from (for "Źródło" lines and `reportgen explain`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from reportgen.errors import UserError
from reportgen.inputs.messages import _describe
from reportgen.inputs.yamlio import format_path, load_yaml
from reportgen.paths import rules_dir


@dataclass
class Override:
    id: str
    default: object
    value: object
    reason: str


class ParameterEntry(BaseModel):
    """One parameter of a gmina's content folder: a value (`value`) or one row of values sharing unit and
    source (`values`)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: float | None = None
    values: dict[str | int, float] | None = None
    unit: str = Field(min_length=1)
    source: str = Field(min_length=1)
    valid_from: dt.date
    valid_to: dt.date | None = None
    note: str = ""

    @model_validator(mode="after")
    def _one(self):
        if (self.value is None) == (self.values is None):
            raise ValueError("podaj dokładnie jedno z pól value (liczba) albo values (wiersz tabeli)")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to nie może poprzedzać valid_from")
        return self


@dataclass(frozen=True)
class GminaParameter:
    """A parameter from content/<gmina>/parameters/<file>.yaml, on its way into the build's `Parameters`."""
    entry: ParameterEntry
    origin: str          # the file it came from (for messages and "Źródło" lines)


def _read_parameter_folder(folder: Path) -> tuple[dict[str, ParameterEntry], dict[str, Path]]:
    problems: list[str] = []
    out: dict[str, ParameterEntry] = {}
    origin: dict[str, Path] = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            data, lines = load_yaml(path)
        except UserError as exc:
            problems.extend(exc.messages)
            continue
        if not isinstance(data, dict):
            problems.append(f"{path}: plik parametrów powinien być słownikiem identyfikator: wpis.")
            continue
        for pid, entry in data.items():
            if pid in out:
                problems.append(f"{path}, wiersz {lines.line_of((pid,))}, klucz {pid}: parametr zdefiniowany drugi raz "
                                f"(pierwszy w {origin[pid].name}).")
                continue
            try:
                out[pid] = ParameterEntry.model_validate(entry)
                origin[pid] = path
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    loc = (pid,) + tuple(err["loc"])
                    problems.append(f"{path}, wiersz {lines.line_of(loc)}, klucz {format_path(loc)}: {_describe(err)}.")
    if problems:
        raise UserError(problems)
    return out, origin


def load_parameter_folder(folder: Path) -> dict[str, ParameterEntry]:
    """content/<gmina>/parameters/*.yaml: every entry has value or values, unit, source, valid_from; an id is
    defined once across the folder. Every problem is collected (file + key + line) before failing."""
    return _read_parameter_folder(folder)[0]


def gmina_parameters(folder: Path) -> dict[str, GminaParameter]:
    """The parameters/ folder of a content folder, ready for `content.parameter_overrides`."""
    entries, origin = _read_parameter_folder(folder)
    return {pid: GminaParameter(e, str(origin[pid])) for pid, e in entries.items()}


@dataclass
class Parameters:
    entries: dict[str, dict]
    overrides: list[Override] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)   # id -> file it came from
    gmina_ids: list[str] = field(default_factory=list)    # ids added by the gmina's parameters/ folder

    def entry(self, pid: str) -> dict:
        try:
            return self.entries[pid]
        except KeyError:
            raise KeyError(f"brak parametru {pid!r} w rules/parameters") from None

    def value(self, pid: str) -> float:
        return self.entry(pid)["value"]

    def row(self, pid: str) -> dict:
        """A row of values (`values:` of a gmina parameter), e.g. emission factors of one fuel."""
        return self.entry(pid)["values"]

    def source(self, pid: str) -> str:
        return self.entry(pid).get("source", "")

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
    overrides = overrides or {}
    for pid, spec in overrides.items():           # the gmina's own parameters first, then the overrides
        if not isinstance(spec, GminaParameter):
            continue
        if pid in entries:
            problems.append(f"{spec.origin}, klucz {pid}: parametr {pid} jest już zdefiniowany w rules/parameters/{files[pid]}; "
                            f"wartość normatywną zmienia się w parameters.yaml (value i reason), a dokument wykazuje tę zmianę.")
            continue
        entries[pid] = spec.entry.model_dump(exclude_none=True)
        files[pid] = spec.origin
        params.gmina_ids.append(pid)
    for pid, spec in overrides.items():
        if isinstance(spec, GminaParameter):
            continue
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
