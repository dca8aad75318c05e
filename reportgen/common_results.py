"""Result types more than one method produces, so one block and one sentence serve every method.

Frozen dataclasses: a result is made once by its producer and only read afterwards (blocks lay it out)."""
from __future__ import annotations

from dataclasses import dataclass, field

from reportgen.results import FieldAccess

# The consumer sectors of both methods, in table order (labels: rules/vocabulary.yaml, sectors).
SECTOR_ORDER = ("housing", "municipal", "business")


@dataclass(frozen=True)
class NetworkLine:
    voltage: str            # WN | SN | nN
    kind: str               # napowietrzna, kablowa, …
    km: float


@dataclass(frozen=True)
class MVFeeder:
    name: str
    stations: int           # MV/LV substations on the feeder


@dataclass(frozen=True)
class ElectricityNetwork(FieldAccess):
    """The distribution network in the gmina (result `network`), as the operator reports it."""
    operator: str
    lines: tuple[NetworkLine, ...]
    source: str
    mv_lines: tuple[MVFeeder, ...] = ()
    stations_mv_lv: int | None = None
    condition_pct: dict[str, float] = field(default_factory=dict)   # good / average / poor, percentages 0–100

    @property
    def total_km(self) -> float:
        return sum(ln.km for ln in self.lines)

    @property
    def mv_stations_total(self) -> int:
        return sum(f.stations for f in self.mv_lines)
