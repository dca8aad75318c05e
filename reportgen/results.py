"""Results with provenance (which calculator produced a value from which inputs), and the producers that make them.

Producers live in the method packages (reportgen/methods/<method>/) and register with `@producer`;
`compute_results` runs them all (a producer returns nothing when its content files are absent)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:                       # type names only: the loader imports the methods, which import this
    from reportgen.inputs.loader import Content
    from reportgen.inputs.parameters import Parameters


@dataclass
class Result:
    name: str
    value: Any
    calculators: list[str]                 # dotted names of the pure functions used
    inputs: list[str]                      # "heat.yaml: sectors.housing", "parametry: dhw_*"
    note: str = ""

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


def compute_results(ctx: Context) -> dict[str, Result]:
    """Run every registered producer (method packages imported first, so all are registered) in order."""
    from reportgen.methods import all_methods
    all_methods()
    for produce in PRODUCERS:
        for result in produce(ctx):
            ctx.results[result.name] = result
    return ctx.results
