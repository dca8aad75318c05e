"""Named builders that turn results into table rows and chart specs; structure.yaml refers to them by name.
Builders live in the method packages (reportgen/methods/<method>/) and register with `@table` / `@chart`."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reportgen.document.model import Column

if TYPE_CHECKING:
    from reportgen.results import Context


@dataclass
class TableData:
    columns: list[Column]
    rows: list[list[object]]
    source: str
    total_rows: list[int] = field(default_factory=list)
    note: str = ""
    provenance: list[str] = field(default_factory=list)   # result names behind the rows
    row_decimals: Sequence[int | None] | None = None          # per-row precision for tables of mixed quantities


@dataclass
class ChartSpec:
    """Everything a chart needs, and nothing else: its hash is the cache key."""
    kind: str                      # bar | grouped_bar | stacked_bar | pie | pies (side by side) | line
    categories: list[str]
    series: list[tuple[str, list[float]]]
    ylabel: str = ""
    value_decimals: int = 0
    note: str = ""
    base_year: int | None = None   # last year of history in a chart over years; later years are drawn as forecast


@dataclass
class ImageSpec:
    """A picture supplied with the content (a location map), shown as a figure as it is: never drawn or cached."""
    path: str
    kind: str = "image"


@dataclass
class ChartData:
    spec: ChartSpec | ImageSpec
    source: str
    provenance: list[str] = field(default_factory=list)


@dataclass
class Builder:
    name: str
    kind: str                      # table | chart
    needs: tuple[str, ...]         # result names; the block is absent when one is missing
    fn: Callable


BUILDERS: dict[tuple[str, str], Builder] = {}   # (kind, name) -> builder


def table(name: str, needs: tuple[str, ...]):
    def register(fn):
        BUILDERS[("table", name)] = Builder(name, "table", needs, fn)
        return fn
    return register


def chart(name: str, needs: tuple[str, ...]):
    def register(fn):
        BUILDERS[("chart", name)] = Builder(name, "chart", needs, fn)
        return fn
    return register


def find_builder(kind: str, name: str) -> Builder | None:
    """The builder structure.yaml names: the folder's methods registered theirs; one not found yet may be another
    method's (its builder modules are imported then; its block finds no result and is absent)."""
    if (kind, name) not in BUILDERS:
        from reportgen.methods import load_builders
        load_builders()
    return BUILDERS.get((kind, name))


def label(ctx: Context, kind: str, key: str) -> str:
    """The Polish name of a sector, carrier, pollutant, … (rules/vocabulary.yaml, section `kind`)."""
    return ctx.vocabulary[kind][key]["label"]


def sector_label(ctx: Context, sector: str) -> str:
    return label(ctx, "sectors", sector)


def carrier_label(ctx: Context, carrier: str) -> str:
    return label(ctx, "carriers", carrier)

