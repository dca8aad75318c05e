"""Results with provenance (which calculator produced a value from which inputs), and the producers that make them.

Producers live in the method packages (reportgen/methods/<method>/) and register with `@producer`;
`compute_results` runs those of the core and of the folder's methods (a producer returns nothing when its
content files are absent); one result name made twice is an error, never a silent overwrite.

Provenance is recorded, not declared: while a producer runs, every call of a public function (or method) of a
calculator module (`reportgen.methods.<method>.calc.*`, `reportgen.quantities`) is noted, and each `Result` the
producer makes takes the calls made since the previous one. A result's value is a frozen dataclass defined next
to its producer (reportgen/methods/<method>/results.py, reportgen/common_results.py)."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import FrameType
from typing import TYPE_CHECKING, Any

from reportgen.errors import UserError

if TYPE_CHECKING:                       # type names only: the loader imports the methods, which import this
    from reportgen.inputs.loader import Content
    from reportgen.inputs.parameters import Parameters


class FieldAccess:
    """Result types read as `value["field"]` and `value.get("field")` too, so modules written against the dict
    results of round 1 (methods/indicator/update_results.py, transition_results.py) keep working; a None field
    counts as absent (`"field" in value` is False), as a missing key did. New code reads attributes."""

    def __getitem__(self, name: str) -> Any:
        try:
            return getattr(self, name)
        except AttributeError:
            raise KeyError(name) from None

    def get(self, name: str, default: Any = None) -> Any:
        value = getattr(self, name, None)
        return default if value is None else value

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and getattr(self, name, None) is not None


def _is_calculator_module(module: str) -> bool:
    return module == "reportgen.quantities" or (module.startswith("reportgen.methods.") and ".calc." in module)


class _CallRecorder:
    """Notes the calculators called while a producer runs (a profile hook: producers are short, so its cost is
    a fraction of a millisecond per result)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, frame: FrameType, event: str, arg: Any) -> None:
        if event != "call":
            return
        module = frame.f_globals.get("__name__", "")
        name = frame.f_code.co_qualname
        if _is_calculator_module(module) and not any(part[:1] in "_<" for part in name.split(".")):
            self.calls.append(f"{module}.{name}")

    def take(self) -> list[str]:
        calls, self.calls = list(dict.fromkeys(self.calls)), []
        return calls


_recorder: _CallRecorder | None = None


@dataclass
class Result:
    name: str
    value: Any                             # a frozen dataclass of the producing method (or common_results)
    calculators: list[str] = field(default_factory=list)   # dotted names of the calculators called (recorded)
    inputs: list[str] = field(default_factory=list)        # "heat.yaml: sectors.housing", "parametry: dhw_*"
    note: str = ""

    def __post_init__(self) -> None:
        if _recorder is not None:          # made by a producer: the calculators are those it called
            self.calculators = _recorder.take()

    def describe(self, description: str = "") -> str:
        """Polish text for `reportgen explain`; `description` comes from rules/vocabulary.yaml (results)."""
        lines = [f"Wynik: {self.name}" + (f" – {description}" if description else ""), "Kalkulatory:"]
        lines += [f"  - {c}" for c in self.calculators]
        lines.append("Dane wejściowe:")
        lines += [f"  - {i}" for i in self.inputs]
        if self.note:
            lines.append(f"Uwagi: {self.note}")
        return "\n".join(lines)


@dataclass
class Context:
    content: Content
    params: Parameters
    vocabulary: dict
    results: dict[str, Result] = field(default_factory=dict)

    def value(self, name: str):
        return self.results[name].value

    def has(self, name: str) -> bool:
        return name in self.results


def qualname(fn: Callable) -> str:
    return f"{fn.__module__}.{fn.__name__}"


Producer = Callable[[Context], list[Result]]
PRODUCERS: list[Producer] = []


def producer(fn: Producer) -> Producer:
    """Register a function that adds results when the content has the data it needs (order = registration)."""
    PRODUCERS.append(fn)
    return fn


def _run_recorded(produce: Producer, ctx: Context) -> Iterable[Result]:
    global _recorder
    previous_hook, _recorder = sys.getprofile(), _CallRecorder()
    sys.setprofile(_recorder)
    try:
        return produce(ctx)
    finally:
        sys.setprofile(previous_hook)
        _recorder = None


def _method_name(produce: Producer) -> str | None:
    """The method package a producer belongs to; None for the core's."""
    parts = produce.__module__.split(".")
    return parts[2] if parts[:2] == ["reportgen", "methods"] and len(parts) >= 3 else None


def compute_results(ctx: Context) -> dict[str, Result]:
    """Run the producers of the core and then of each of the folder's methods (imported first; method by method
    in name order, each in registration order, whatever the process imported before). Another method's producers
    never run (they would find none of their files)."""
    from reportgen.methods import load
    methods = {m.name: m for m in ctx.content.methods}
    load(methods.values())
    order: list[str | None] = [None, *methods]          # the core first
    made_by: dict[str, Producer] = {}
    for produce in sorted((p for p in PRODUCERS if _method_name(p) in order),
                          key=lambda p: order.index(_method_name(p))):
        for result in _run_recorded(produce, ctx):
            if result.name in made_by and made_by[result.name] is not produce:
                raise UserError(_made_twice(ctx, result.name, made_by[result.name], produce, methods))
            made_by[result.name] = produce
            ctx.results[result.name] = result
    return ctx.results


def _made_twice(ctx: Context, name: str, first: Producer, second: Producer, methods: dict) -> str:
    folder = ctx.content.folder
    m1, m2 = methods.get(_method_name(first)), methods.get(_method_name(second))
    if m1 and m2 and m1 is not m2:
        files = [", ".join(f for f in m.files if (folder / f).is_file()) for m in (m1, m2)]
        what = ctx.vocabulary.get("results", {}).get(name, {}).get("description", name).split(":")[0]
        return (f"{folder}: wynik „{what}” można obliczyć z plików dwóch metod: {files[0]} – {m1.description}; "
                f"{files[1]} – {m2.description}. Katalog gminy powinien zawierać pliki jednej metody "
                "(usuń pliki drugiej).")
    return f"{folder}: wynik {name!r} obliczyły dwie funkcje ({qualname(first)}, {qualname(second)}); to błąd programu."
