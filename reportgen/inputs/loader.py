"""Load a content folder into validated models; collect every problem before failing.

The one content loader (the build and the tests use it). A content folder holds gmina.yaml, optionally
text.yaml (narrative facts) and parameters.yaml / parameters/*.yaml, and the files of its method: each package
under reportgen/methods/ declares its files and content hooks (non-YAML inputs named by a YAML file, such as the
survey method's locality CSV). The gmina's own parameters (parameters/*.yaml) and its overrides of normative ones
(parameters.yaml) both end up in `content.parameter_overrides`, which the build passes to
reportgen.inputs.parameters.load_parameters."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from reportgen.errors import UserError
from reportgen.inputs.gmina import Gmina
from reportgen.inputs.messages import pydantic_messages
from reportgen.inputs.parameters import gmina_parameters
from reportgen.inputs.yamlio import format_path, load_yaml
from reportgen.methods import Method, by_marker, declared_methods
from reportgen.procedure.facts import Procedure

# Files of every folder: file name -> (attribute on Content, model; None = free-form, checked by _check_text_facts)
COMMON_FILES: dict[str, tuple[str, type[BaseModel] | None]] = {
    "gmina.yaml": ("gmina", Gmina),
    "text.yaml": ("text", None),            # free-form narrative facts
    "parameters.yaml": ("parameter_overrides", None),
    "procedure.yaml": ("procedure", Procedure),   # the statutory procedure (reportgen procedure)
}
PARAMETER_FOLDER = "parameters"          # content/<gmina>/parameters/*.yaml: the gmina's own parameters


def content_files() -> dict[str, tuple[str, Method | None]]:
    """Every content file name reportgen accepts, with its attribute and the method that declares it (None: a
    file of every folder)."""
    files: dict[str, tuple[str, Method | None]] = {name: (a, None) for name, (a, _) in COMMON_FILES.items()}
    for method in declared_methods():
        files.update({name: (attribute, method) for name, (attribute, _) in method.files.items()})
    return files


def _model(name: str, method: Method | None) -> type[BaseModel] | None:
    return COMMON_FILES[name][1] if method is None else method.model(name)


@dataclass
class Content:
    folder: Path
    gmina: Gmina
    files: dict[str, object] = field(default_factory=dict)   # attribute -> validated model or raw data
    methods: tuple[Method, ...] = ()       # the folder's method and every method whose files it has (name order)

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
    hooks = {a for method in declared_methods() for a in method.hook_attributes}
    return {a for a, _ in content_files().values()} | hooks


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
            problems.append(f"{label}, wiersz {lines.line_of(path)}, klucz {format_path(path)}: niedozwolony typ wartości.")

    if not isinstance(data, dict):
        return [f"{label}: plik powinien zawierać słownik klucz: wartość."]
    walk(data, ())
    return problems


def load_content(folder: Path) -> Content:
    """Every YAML file of the folder validated by its model, the methods' content hooks, the gmina's parameters;
    all problems are collected before failing (UserError with Polish messages naming file, key and line)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"{folder}: nie ma takiego katalogu z danymi gminy.")
    known = content_files()
    present = sorted(p.name for p in folder.glob("*.yaml"))
    problems = [f"{folder / name}: nieznany plik danych; dozwolone nazwy: {', '.join(sorted(known))}."
                for name in present if name not in known]
    if "gmina.yaml" not in present:
        problems.append(f"{folder / 'gmina.yaml'}: brak pliku (wymagany: nazwa gminy, okres planowania, autor).")
    ours = [n for n in present if n in known]
    marker = by_marker(lambda attribute: any(known[n][0] == attribute for n in ours))
    involved = {marker.name: marker} | {m.name: m for n in ours if (m := known[n][1]) is not None}
    methods = tuple(involved[name] for name in sorted(involved))
    loaded: dict[str, object] = {}
    for name in ours:
        attribute, method = known[name]
        problems.extend(_load_file(folder / name, attribute, _model(name, method), loaded))
    if not problems:
        for method in methods:
            for hook in method.hook_functions():
                problems.extend(hook(folder, loaded))
    if (folder / PARAMETER_FOLDER).is_dir():
        problems.extend(_add_own_parameters(folder, loaded))
    if problems:
        raise UserError(problems)
    gmina = loaded["gmina"]
    assert isinstance(gmina, Gmina)            # gmina.yaml is required and validated above
    return Content(folder=folder, gmina=gmina, files=loaded, methods=methods)


def _load_file(path: Path, attribute: str, model: type[BaseModel] | None, loaded: dict) -> list[str]:
    """Validate one content file into loaded[attribute]; returns the problems."""
    try:
        data, lines = load_yaml(path)
    except UserError as exc:
        return list(exc.messages)
    if model is None:
        loaded[attribute] = data or {}
        return _check_text_facts(data or {}, str(path), lines)
    if data is None:
        return [f"{path}: plik jest pusty."]
    try:
        loaded[attribute] = model.model_validate(data)
    except ValidationError as exc:
        return pydantic_messages(exc, str(path), lines, data)
    return []


def _add_own_parameters(folder: Path, loaded: dict) -> list[str]:
    """The gmina's parameters/ folder joins its overrides in loaded["parameter_overrides"]; an id in both is an error."""
    try:
        own = gmina_parameters(folder / PARAMETER_FOLDER)
    except UserError as exc:
        return list(exc.messages)
    overrides = loaded.get("parameter_overrides") or {}
    if not isinstance(overrides, dict):
        overrides = {}
    loaded["parameter_overrides"] = {**own, **overrides}
    return [f"{folder / 'parameters.yaml'}, klucz {pid}: parametr {pid} jest parametrem gminy "
            f"({own[pid].origin}); zmień jego wartość tam, nie w parameters.yaml." for pid in sorted(set(own) & set(overrides))]
