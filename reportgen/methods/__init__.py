"""Calculation methods, one package each, found by scanning this folder (no list to edit).

A method package `reportgen/methods/<name>/` brings everything a content folder of that method needs:
`inputs.py` (its content files and their models), `calc/` (pure calculators), modules registering result
producers (`@reportgen.results.producer`) and table/chart builders (`@reportgen.blocks.table/chart`).
Its `__init__.py` declares `METHOD = Method(...)`. Every module of the package is imported in name order, so
producers run in that order (a later module may use an earlier module's results)."""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

# (content folder, loaded attributes) -> problems; may add attributes (e.g. a CSV named by a YAML file)
ContentHook = Callable[[Path, dict], list[str]]


@dataclass(frozen=True)
class Method:
    name: str                                                 # internal id; templates see it as `method`
    description: str                                          # Polish, for messages and docs
    files: dict[str, tuple[str, type[BaseModel]]]              # content file -> (attribute on Content, model)
    marker: str | None = None          # content attribute whose presence selects this method; None: the default
    hooks: tuple[ContentHook, ...] = ()
    hook_attributes: tuple[str, ...] = ()                     # attributes the hooks add
    extra: dict[str, Any] = field(default_factory=dict)


@cache
def all_methods() -> tuple[Method, ...]:
    """Import every method package and all its modules (registering producers and builders), in name order."""
    methods = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.ispkg:
            continue
        package = importlib.import_module(f"{__name__}.{info.name}")
        for sub in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            importlib.import_module(f"{package.__name__}.{sub.name}")
        methods.append(package.METHOD)
    return tuple(methods)


def method_of(content) -> Method:
    """The method whose marker file the content folder has; otherwise the default method."""
    methods = all_methods()
    for method in methods:
        if method.marker and content.has(method.marker):
            return method
    return next(m for m in methods if m.marker is None)
