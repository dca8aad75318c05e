"""Calculation methods, one package each, found by scanning this folder (no list to edit).

A method package `reportgen/methods/<name>/` brings everything a content folder of that method needs:
input models (`inputs.py` and the like), `calc/` (pure calculators), modules registering result producers
(`@reportgen.results.producer`) and table/chart builders (`@reportgen.blocks.table/chart`, in modules whose name
ends in `blocks`). Its `__init__.py` declares `METHOD = Method(...)`: its content files with the models that read
them, named as "module:Class" so that declaring costs nothing.

A build imports only what its folder uses: the declarations of every method (cheap), the models of the files the
folder has, and every module of the folder's methods in name order (so producers run in that order; a later
module may use an earlier module's results). Another method's builders are imported only when structure.yaml
names them (they find no result and the block is absent), never its models or calculators."""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

# (content folder, loaded attributes) -> problems; may add attributes (e.g. a CSV named by a YAML file)
ContentHook = Callable[[Path, dict], list[str]]


@dataclass(frozen=True)
class Method:
    name: str                                                 # the package's name; templates see it as `method`
    description: str                                          # Polish, for messages and docs
    files: dict[str, tuple[str, str]]      # content file -> (attribute on Content, "module:Model" in the package)
    marker: str | None = None          # content attribute whose presence selects this method; None: the default
    hooks: tuple[str, ...] = ()                               # "module:function" content hooks of the package
    hook_attributes: tuple[str, ...] = ()                     # attributes the hooks add
    extra: dict[str, Any] = field(default_factory=dict)

    def _resolve(self, ref: str):
        module, _, name = ref.partition(":")
        return getattr(importlib.import_module(f"{__name__}.{self.name}.{module}"), name)

    def model(self, file: str) -> type[BaseModel]:
        """The model of one of the method's content files (its module imported now)."""
        return self._resolve(self.files[file][1])

    def hook_functions(self) -> list[ContentHook]:
        return [self._resolve(ref) for ref in self.hooks]


@cache
def declared_methods() -> tuple[Method, ...]:
    """Every method package's declaration (its `__init__.py` only), in name order."""
    methods = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.ispkg:
            method = importlib.import_module(f"{__name__}.{info.name}").METHOD
            assert method.name == info.name, f"{info.name}: METHOD.name must be the package's name"
            methods.append(method)
    return tuple(methods)


def _modules(method: Method, only_blocks: bool = False) -> list[str]:
    package = importlib.import_module(f"{__name__}.{method.name}")
    return [f"{package.__name__}.{sub.name}" for sub in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name)
            if not only_blocks or sub.name.endswith("blocks")]


def load(methods: Iterable[Method]) -> None:
    """Import every module of these methods, in name order (registering their producers and builders)."""
    for method in sorted(methods, key=lambda m: m.name):
        for module in _modules(method):
            importlib.import_module(module)


def load_builders() -> None:
    """Import every method's builder modules (`*blocks`): a block structure.yaml names may be another method's."""
    for method in declared_methods():
        for module in _modules(method, only_blocks=True):
            importlib.import_module(module)


def by_marker(has: Callable[[str], bool]) -> Method:
    """The method whose marker the content has; otherwise the default method (the one without a marker)."""
    methods = declared_methods()
    for method in methods:
        if method.marker and has(method.marker):
            return method
    return next(m for m in methods if m.marker is None)


def method_of(content) -> Method:
    """The folder's method: the one whose marker file the content folder has; otherwise the default method."""
    return by_marker(content.has)
