"""Load a content folder into validated models; collect every problem before failing.

A content folder holds gmina.yaml and the files of the method(s) its data follow: the indicator method's
files (CONTENT_FILES) and those other methods register (`register_content_file`; the survey-and-statistics
method of reportgen.inputs.survey_models registers itself when this module is imported). Files that are not
YAML (a CSV named by a YAML file) are read by content hooks (`register_content_hook`). The gmina's own
parameters (parameters/*.yaml) and its overrides of normative ones (parameters.yaml) both end up in
`content.parameter_overrides`, which build passes to reportgen.inputs.parameters.load_parameters."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pydantic import BaseModel, ValidationError

from reportgen.errors import UserError
from reportgen.inputs import models as m
from reportgen.inputs.messages import pydantic_messages
from reportgen.inputs.parameters import gmina_parameters
from reportgen.inputs.yamlio import load_yaml

# file name -> (attribute on Content, model); gmina.yaml is the only required file.
CONTENT_FILES: dict[str, tuple[str, type[BaseModel] | None]] = {
    "gmina.yaml": ("gmina", m.Gmina),
    "heat.yaml": ("heat", m.HeatInputs),
    "carriers.yaml": ("carriers", m.CarrierInputs),
    "electricity.yaml": ("electricity", m.ElectricityInputs),
    "renewables.yaml": ("renewables", m.RenewablesInputs),
    "public_buildings.yaml": ("public_buildings", m.PublicBuildingsInputs),
    "scenarios.yaml": ("scenarios", m.ScenarioInputs),
    "text.yaml": ("text", None),            # free-form narrative facts, checked by text_facts()
    "parameters.yaml": ("parameter_overrides", None),
}
EXTRA_FILE_MODELS: dict[str, tuple[str, type[BaseModel] | None]] = {}   # other methods register here
PARAMETER_FOLDER = "parameters"          # content/<gmina>/parameters/*.yaml: the gmina's own parameters

# (folder, loaded attributes) -> problems; may add attributes (e.g. a CSV named by a YAML file)
ContentHook = Callable[[Path, dict], list[str]]
CONTENT_HOOKS: list[ContentHook] = []
HOOK_ATTRIBUTES: set[str] = set()


def register_content_file(filename: str, attribute: str, model: type[BaseModel] | None) -> None:
    EXTRA_FILE_MODELS[filename] = (attribute, model)


def register_content_hook(hook: ContentHook, attributes: tuple[str, ...] = ()) -> None:
    """Run `hook(folder, loaded)` after the YAML files validated; it returns problems and may add `attributes`."""
    if hook not in CONTENT_HOOKS:
        CONTENT_HOOKS.append(hook)
    HOOK_ATTRIBUTES.update(attributes)


@dataclass
class Content:
    folder: Path
    gmina: m.Gmina
    files: dict[str, object] = field(default_factory=dict)   # attribute -> validated model or raw data

    def __getattr__(self, name):
        files = self.__dict__.get("files", {})
        if name in files:
            return files[name]
        if name in all_attributes():
            return None
        raise AttributeError(name)

    def has(self, name: str) -> bool:
        return self.files.get(name) is not None


def all_attributes() -> set[str]:
    return {a for a, _ in CONTENT_FILES.values()} | {a for a, _ in EXTRA_FILE_MODELS.values()} | HOOK_ATTRIBUTES


def _check_text_facts(data, label: str, lines) -> list[str]:
    """text.yaml holds strings, lists and small mappings of strings: no code, no numbers needing units."""
    problems: list[str] = []

    def walk(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, path + (k,))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, path + (i,))
        elif not isinstance(value, (str, int, float, bool)) and value is not None:
            from reportgen.inputs.yamlio import format_path
            problems.append(f"{label}, wiersz {lines.line_of(path)}, klucz {format_path(path)}: niedozwolony typ wartości.")

    if not isinstance(data, dict):
        return [f"{label}: plik powinien zawierać słownik klucz: wartość."]
    walk(data, ())
    return problems


def load_content(folder: Path) -> Content:
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: nie ma takiego katalogu z danymi gminy.")
    problems: list[str] = []
    known = {**CONTENT_FILES, **EXTRA_FILE_MODELS}
    present = sorted(p.name for p in folder.glob("*.yaml"))
    for name in present:
        if name not in known:
            problems.append(
                f"{folder / name}: nieznany plik danych; dozwolone nazwy: {', '.join(sorted(known))}."
            )
    if "gmina.yaml" not in present:
        problems.append(f"{folder / 'gmina.yaml'}: brak pliku (wymagany: nazwa gminy, okres planowania, autor).")

    loaded: dict[str, object] = {}
    for name in present:
        if name not in known:
            continue
        attribute, model = known[name]
        path = folder / name
        try:
            data, lines = load_yaml(path)
        except UserError as exc:
            problems.extend(exc.messages)
            continue
        if model is None:
            problems.extend(_check_text_facts(data or {}, str(path), lines))
            loaded[attribute] = data or {}
            continue
        if data is None:
            problems.append(f"{path}: plik jest pusty.")
            continue
        try:
            loaded[attribute] = model.model_validate(data)
        except ValidationError as exc:
            problems.extend(pydantic_messages(exc, str(path), lines))
    if not problems:
        for hook in CONTENT_HOOKS:
            problems.extend(hook(folder, loaded))
    if (folder / PARAMETER_FOLDER).is_dir():
        try:
            own = gmina_parameters(folder / PARAMETER_FOLDER)
        except UserError as exc:
            problems.extend(exc.messages)
        else:
            overrides = loaded.get("parameter_overrides") or {}
            if not isinstance(overrides, dict):
                overrides = {}
            for pid in sorted(set(own) & set(overrides)):
                problems.append(f"{folder / 'parameters.yaml'}, klucz {pid}: parametr {pid} jest parametrem gminy "
                                f"({own[pid].origin}); zmień jego wartość tam, nie w parameters.yaml.")
            loaded["parameter_overrides"] = {**own, **overrides}
    if problems:
        raise UserError(problems)
    content = Content(folder=folder, gmina=loaded["gmina"], files=loaded)
    _check_years(content)
    return content


def _check_years(content: Content) -> None:
    """Cross-file check: data years must lie in the base year or the planning period."""
    g = content.gmina
    problems = []
    el = content.electricity
    if el is not None:
        for i, step in enumerate(el.growth):
            if not (g.base_year < step.until <= g.period.horizon):
                problems.append(
                    f"{content.folder / 'electricity.yaml'}, klucz growth[{i}].until: rok {step.until} leży poza okresem "
                    f"planowania {g.base_year + 1}–{g.period.horizon}."
                )
    if problems:
        raise UserError(problems)


def _register_methods() -> None:
    """The methods shipped with reportgen register their content files here, so load_content accepts any
    example folder whichever modules were imported first."""
    from reportgen.inputs.survey_models import register_survey_files
    register_survey_files()
    from reportgen.procedure.facts import register_procedure_file   # procedure.yaml (reportgen procedure)
    register_procedure_file()


_register_methods()
