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
which file a value came from (for "Źródło" lines and `reportgen explain`).

Dated values (like OpenFisca parameters): a rules/parameters entry may give `values: {2015-01-01: 1985,
2023-01-01: {value: 1900, source: "…"}}` instead of `value`, with `dated_by: document_date` (law and norms: the
value in force on the document's date) or `dated_by: base_year` (statistics such as the KOBiZE electricity
factor: the latest published year not after the base year). `load_parameters(as_of=…, base_year=…)` resolves
each dated entry to one `value` (and its `source`, `value_date`), so calculators see a plain number.

Constraints: an entry may declare `min`, `max` (inclusive) and `above` (exclusive lower bound, e.g. a divisor:
`above: 0`). Overrides in parameters.yaml are checked against them and must be numbers (not true/false); a
violation is a Polish message naming the file, the key and the line."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from reportgen.errors import UserError
from reportgen.inputs.messages import _describe
from reportgen.inputs.yamlio import format_path, load_yaml
from reportgen.paths import rules_dir
from reportgen.quantities import GJ_PER_MWH


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
    min: float | None = None      # declared bounds, as in rules/parameters (undeclared: ≥ 0; unit "%": 0..100)
    max: float | None = None
    above: float | None = None

    @model_validator(mode="after")
    def _one(self):
        if (self.value is None) == (self.values is None):
            raise ValueError("podaj dokładnie jedno z pól value (liczba) albo values (wiersz tabeli)")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to nie może poprzedzać valid_from")
        bounds = {k: v for k, v in (("min", self.min), ("max", self.max), ("above", self.above)) if v is not None}
        if not bounds:       # undeclared: a percentage lies in 0..100, anything else is not negative
            bounds = {"min": 0, "max": 100} if self.unit.strip() == "%" else {"min": 0}
        cells = {"value": self.value} if self.values is None else self.values
        for key, number in cells.items():
            problem = constraint_problem(bounds, number)
            if problem:
                raise ValueError(f"{'' if key == 'value' else f'values.{key}: '}{problem}")
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
        entry = self.entry(pid)
        if "missing" in entry:
            raise UserError(entry["missing"])
        return entry["value"]

    def row(self, pid: str) -> dict:
        """A row of values (`values:` of a gmina parameter), e.g. emission factors of one fuel."""
        return _Row(self.entry(pid)["values"], pid, self.files.get(pid, "rules/parameters"))

    def source(self, pid: str) -> str:
        return self.entry(pid).get("source", "")

    def scalars(self) -> list[tuple[str, dict]]:
        return [(k, v) for k, v in self.entries.items() if "value" in v]


class _Row(dict):
    """A parameter row whose missing key is a message naming the file and the parameter (a table of the document
    needs e.g. the TSP factor of every fuel), not a KeyError."""

    def __init__(self, values: dict, pid: str, origin: str):
        super().__init__(values)
        self.pid, self.origin = pid, origin

    def __missing__(self, key):
        raise UserError(f"{self.origin}, klucz {self.pid}.values: brak wartości {key!r}, której wymaga obliczenie "
                        f"(są: {', '.join(map(str, self)) or 'brak'}); dopisz ją.")


def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and x == x and abs(x) != float("inf")


def _is_dated(values) -> bool:
    return isinstance(values, dict) and bool(values) and all(isinstance(k, dt.date) for k in values)


def constraint_problem(entry: dict, value) -> str | None:
    """Why `value` breaks the entry's declared constraints (min, max, above), or None. Polish, for messages."""
    if not _is_number(value):
        return f"oczekiwano liczby, jest {value!r}"
    if "above" in entry and not value > entry["above"]:
        return f"wartość {value} musi być większa niż {entry['above']}"
    if "min" in entry and value < entry["min"]:
        return f"wartość {value} jest mniejsza niż dopuszczalne minimum {entry['min']}"
    if "max" in entry and value > entry["max"]:
        return f"wartość {value} jest większa niż dopuszczalne maksimum {entry['max']}"
    return None


def _dated_points(entry: dict) -> list[tuple[dt.date, Any, str, bool]]:
    """(date, value, source, verified) of a dated entry, in date order; a point's own source overrides the entry's.
    `verified: false` on a point (or the entry) marks a value that could not be checked against its source."""
    out: list[tuple[dt.date, Any, str, bool]] = []
    for day, point in sorted(entry["values"].items()):
        if isinstance(point, dict):
            out.append((day, point.get("value"), point.get("source") or entry.get("source", ""),
                        point.get("verified", entry.get("verified", True)) is not False))
        else:
            out.append((day, point, entry.get("source", ""), entry.get("verified", True) is not False))
    return out


def resolve_dated(entry: dict, as_of: dt.date | None, base_year: int | None) -> dict:
    """The entry with `value`, `source` and `value_date` of the point that applies: for dated_by document_date the
    last point on or before `as_of`; for base_year the last point on or before 31 December of the base year.
    Without a date, the latest point (used by listings, never by a build)."""
    points = _dated_points(entry)
    limit: dt.date | None
    if entry.get("dated_by") == "base_year" and base_year is not None:
        limit = dt.date(base_year, 12, 31)
    else:
        limit = as_of
    chosen = [p for p in points if limit is None or p[0] <= limit]
    if not chosen:
        raise KeyError(limit)
    day, value, source, verified = chosen[-1]
    return {**entry, "value": value, "source": source, "value_date": day, "verified": verified}


def _validate_entry(pid: str, entry, label: str, lines) -> list[str]:
    """The problems of one entry of rules/parameters/*.yaml: one check per field, in file order."""
    problems = []
    line = lines.line_of((pid,))
    where = f"{label}, wiersz {line}, klucz {pid}"
    if not isinstance(entry, dict):
        return [f"{where}: oczekiwano słownika z polami value/unit/source."]
    for key in ("unit", "source", "valid_from"):
        if key not in entry:
            problems.append(f"{where}: brak pola {key} (każdy parametr ma jednostkę, źródło i datę obowiązywania).")
    if "value" in entry and not _is_number(entry["value"]):
        problems.append(f"{where}.value: oczekiwano liczby.")
    for key in ("min", "max", "above"):
        if key in entry and not _is_number(entry[key]):
            problems.append(f"{where}.{key}: oczekiwano liczby.")
    if "value" in entry and _is_number(entry["value"]) and (why := constraint_problem(entry, entry["value"])):
        problems.append(f"{where}.value: {why}.")
    if _is_dated(entry.get("values")):
        problems.extend(_dated_entry_problems(pid, entry, label, lines, where))
    for key in ("valid_from", "valid_to"):
        if entry.get(key) is not None and not isinstance(entry[key], dt.date):
            problems.append(f"{where}.{key}: oczekiwano daty RRRR-MM-DD.")
    return problems


def _dated_entry_problems(pid: str, entry: dict, label: str, lines, where: str) -> list[str]:
    """An entry with dated values: values or value (not both), dated_by, each value within the entry's limits."""
    problems = []
    if "value" in entry:
        problems.append(f"{where}: podaj value albo values z datami, nie oba.")
    if entry.get("dated_by") not in ("document_date", "base_year"):
        problems.append(f"{where}.dated_by: parametr z wartościami datowanymi wymaga dated_by: document_date "
                        f"(prawo, normy) albo base_year (statystyka).")
    for day, point in entry["values"].items():
        value = point.get("value") if isinstance(point, dict) else point
        why = constraint_problem(entry, value)
        if why:
            problems.append(f"{label}, wiersz {lines.line_of((pid, 'values', str(day)))}, klucz {pid}.values.{day}: {why}.")
    return problems


def _override_lines(label: str):
    """Line index of the overrides file (parameters.yaml), for messages; None when it cannot be read."""
    try:
        return load_yaml(Path(label))[1]
    except (UserError, OSError):
        return None


def load_parameters(folder: Path | None = None, overrides: dict | None = None, overrides_label: str = "parameters.yaml",
                    as_of: dt.date | None = None, base_year: int | None = None) -> Parameters:
    """The parameter set of one build. `as_of` (the document date) and `base_year` pick the value of each dated
    entry (see the module docstring)."""
    problems: list[str] = []
    entries, files = _read_normative(Path(folder) if folder else rules_dir() / "parameters", as_of, base_year, problems)
    params = Parameters(entries=entries, files=files)
    overrides = overrides or {}
    _add_gmina_parameters(params, overrides, problems)      # the gmina's own parameters first, then the overrides
    _apply_overrides(params, overrides, overrides_label, problems)
    if problems:
        raise UserError(problems)
    _link_electricity_co2(params.entries)
    return params


def _read_normative(folder: Path, as_of: dt.date | None, base_year: int | None,
                    problems: list[str]) -> tuple[dict[str, dict], dict[str, str]]:
    """Every entry of rules/parameters/*.yaml (id → entry, id → file name), dated entries resolved for the build."""
    entries: dict[str, dict] = {}
    files: dict[str, str] = {}
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
            if isinstance(entry, dict) and _is_dated(entry.get("values")) and not problems:
                entries[pid] = _resolved(entry, pid, path, as_of, base_year)
    return entries, files


def _resolved(entry: dict, pid: str, path: Path, as_of: dt.date | None, base_year: int | None) -> dict:
    """A dated entry as of the build; without a value in force, an entry that is an error only if a calculator
    asks for it (Parameters.value)."""
    try:
        return resolve_dated(entry, as_of, base_year)
    except KeyError:
        when = f"w roku bazowym {base_year}" if entry.get("dated_by") == "base_year" else f"w dniu {as_of}"
        return {**entry, "missing": f"{path}, klucz {pid}: brak wartości obowiązującej {when} "
                                    f"(najwcześniejsza: {min(entry['values'])})."}


def _add_gmina_parameters(params: Parameters, overrides: dict, problems: list[str]) -> None:
    """content/<gmina>/parameters/*.yaml: parameters the normative set does not have (an id clash is an error)."""
    for pid, spec in overrides.items():
        if not isinstance(spec, GminaParameter):
            continue
        if pid in params.entries:
            problems.append(f"{spec.origin}, klucz {pid}: parametr {pid} jest już zdefiniowany w rules/parameters/{params.files[pid]}; "
                            f"wartość normatywną zmienia się w parameters.yaml (value i reason), a dokument wykazuje tę zmianę.")
            continue
        params.entries[pid] = spec.entry.model_dump(exclude_none=True)
        params.files[pid] = spec.origin
        params.gmina_ids.append(pid)


def _apply_overrides(params: Parameters, overrides: dict, overrides_label: str, problems: list[str]) -> None:
    """content/<gmina>/parameters.yaml: a new value (with the reason) of a normative scalar, listed in the document."""
    entries, files = params.entries, params.files
    override_lines = _override_lines(overrides_label) if any(
        not isinstance(s, GminaParameter) for s in overrides.values()) else None
    for pid, spec in overrides.items():
        if isinstance(spec, GminaParameter):
            continue
        where = f"{overrides_label}, wiersz {override_lines.line_of((pid,))}, klucz {pid}" if override_lines else \
            f"{overrides_label}, klucz {pid}"
        # a dated entry without a value on this document's date ("missing") may be given one here
        if pid not in entries or ("value" not in entries[pid] and "missing" not in entries[pid]):
            problems.append(f"{where}: nie ma takiego parametru skalarnego w rules/parameters.")
            continue
        if not isinstance(spec, dict) or "value" not in spec or not spec.get("reason"):
            problems.append(f"{where}: podaj value (liczba) i reason (uzasadnienie zmiany).")
            continue
        why = constraint_problem(entries[pid], spec["value"])
        if why:
            line = override_lines.line_of((pid, "value")) if override_lines else None
            at = f"{overrides_label}, wiersz {line}, klucz {pid}.value" if line else where
            problems.append(f"{at}: {why} (parametr {pid}, {entries[pid].get('unit', '')}; "
                            f"ograniczenia w rules/parameters/{files[pid]}).")
            continue
        default = entries[pid].get("value")         # None: the normative set has no value for this date
        entries[pid] = {**entries[pid], "value": spec["value"], "source": f"dane gminy: {spec['reason']}"}
        params.overrides.append(Override(pid, default, spec["value"], spec["reason"]))


def dated_value_note(entry: dict, with_verification: bool = False) -> str | None:
    """"dane za 2023 r." for a value taken from a dated series (value_date of the point in force), with
    ", wartość niezweryfikowana" when asked and the point is marked verified: false; None for a value the gmina gave
    in its parameters.yaml (source "dane gminy: …") or an undated one."""
    if "value_date" not in entry or str(entry.get("source", "")).startswith("dane gminy"):
        return None
    unverified = ", wartość niezweryfikowana" if with_verification and not entry.get("verified", True) else ""
    return f"dane za {entry['value_date'].year} r.{unverified}"


class _UnresolvedRow(dict):
    """A table row whose linked value has no point for this document (e.g. no KOBiZE factor before 2015): an error
    naming the parameter only if a calculation or table reads its values."""

    def __init__(self, row: dict, message: str):
        super().__init__(row)
        self.message = message

    def __getitem__(self, key):
        if key == "values":
            raise UserError(self.message)
        return super().__getitem__(key)


def _link_electricity_co2(entries: dict[str, dict]) -> None:
    """A row of an emission-factor table may take its CO₂ cell from a scalar parameter in kg/MWh
    (`co2_kg_mwh_from: electricity_co2_kobize`): W [g/GJ] = w [kg/MWh] · 1000 / 3,6, so that the document uses one
    dated KOBiZE factor everywhere. The row's label then names the year of the data (value_date) or, when the
    gmina overrode the factor, nothing more (the override is listed with its reason)."""
    for pid, entry in entries.items():
        rows = entry.get("rows") if isinstance(entry, dict) else None
        if not isinstance(rows, dict) or "co2" not in entry.get("pollutants", []):
            continue
        linked = {rid: row for rid, row in rows.items() if isinstance(row, dict) and row.get("co2_kg_mwh_from")}
        if not linked:
            continue
        co2 = entry["pollutants"].index("co2")
        new_rows = dict(rows)
        for rid, row in linked.items():
            source = entries.get(row["co2_kg_mwh_from"])
            if source is None or "value" not in source:
                why = source.get("missing") if source else None
                new_rows[rid] = _UnresolvedRow(row, why or f"rules/parameters, klucz {pid}.rows.{rid}.co2_kg_mwh_from: "
                                               f"brak parametru {row['co2_kg_mwh_from']!r} z wartością (kg/MWh).")
                continue
            values = list(row["values"])
            values[co2] = source["value"] * 1000.0 / GJ_PER_MWH
            label = row["label"]
            data_year = dated_value_note(source, with_verification=True)
            if data_year:
                label = f"{label} (CO₂: KOBiZE, odbiorcy końcowi, {data_year})"
            new_rows[rid] = {**row, "values": values, "label": label}
        entries[pid] = {**entry, "rows": new_rows}
