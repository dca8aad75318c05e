"""update.yaml: the plan this document updates (art. 19 ust. 2 Prawa energetycznego: the projekt założeń is updated
at least every 3 years) and the figures carried over from the previous plan's base year.

A content folder with update.yaml builds an "aktualizacja projektu założeń". `previous.folder` (relative to the
content folder) is the previous plan's content folder: its results give what was planned. `carried_over` marks the
figures of this folder that are not new statistics but the previous base year's, key by key ("heat.yaml:
sectors.housing.floor_area_m2"); the document marks them and `reportgen build` lists them as data to collect."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import Field

from reportgen.errors import UserError
from reportgen.inputs.yamlio import load_yaml
from reportgen.quantities import Strict

UPDATE_FILE = "update.yaml"


class PreviousResolution(Strict):
    number: str | None = None
    date: dt.date | None = None


class PreviousPlan(Strict):
    title: str = Field(min_length=1)
    date: dt.date                                  # date of the previous document
    resolution: PreviousResolution = PreviousResolution()
    folder: str | None = None                      # the previous content folder, relative to this one


class CarriedOver(Strict):
    key: str = Field(pattern=r"^[a-z_]+\.yaml: \S+$")   # "<file>: <dotted key path>"
    year: int = Field(ge=1990, le=2100)               # the year the figure describes
    what: str = Field(min_length=1)                  # Polish: what the figure is (for the list of data to collect)
    source: str = ""                                  # where the gmina should get the new figure

    @property
    def file(self) -> str:
        return self.key.split(": ", 1)[0]

    @property
    def path(self) -> tuple[str, ...]:
        return tuple(self.key.split(": ", 1)[1].split("."))


class MeasureStatus(Strict):
    """A measure of the previous plan and what became of it (only from the gmina's records)."""
    measure: str = Field(min_length=1)                # Polish, as the previous plan put it
    status: Literal["zrealizowane", "w trakcie realizacji", "niezrealizowane"]
    detail: str = ""                                  # Polish: what was done, how much, when
    source: str = Field(min_length=1)


PublishedQuantity = Literal["heat", "coal", "pm10", "co2"]


class PublishedForecast(Strict):
    """What the previous plan published for one of its scenarios and target years, from its own tables. Shown beside
    the recomputation of that plan with the same method: a published figure may carry the plan's arithmetic errors
    or assumptions it did not state, and `why_differs` says (Polish) why the recomputation differs, per quantity."""
    scenario: str = Field(min_length=1)               # scenario id in the previous folder's scenarios.yaml
    year: int = Field(ge=1990, le=2100)
    source: str = Field(min_length=1)                 # Polish: the previous plan's tables ("tabele 17 i 18"), without the plan
    final_energy_tj: float | None = Field(default=None, gt=0)   # final energy for heating and DHW [TJ/rok]
    coal_tj: float | None = Field(default=None, ge=0)           # of which coal [TJ/rok]
    pm10_mg: float | None = Field(default=None, ge=0)           # [Mg/rok]
    co2_mg: float | None = Field(default=None, ge=0)            # [Mg/rok]
    why_differs: dict[PublishedQuantity, str] = {}


class UpdateInputs(Strict):
    previous: PreviousPlan
    carried_over: list[CarriedOver] = []
    measures: list[MeasureStatus] = []
    published: list[PublishedForecast] = []           # the previous plan's own forecast figures (optional)




def _resolves(data, path: tuple[str, ...]) -> bool:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, dict) and part.isdigit() and int(part) in data:
            data = data[int(part)]
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
        else:
            return False
    return True


def check_update(folder: Path, loaded: dict) -> list[str]:
    """Content hook: every carried-over key names an existing key of a content file of this folder; the previous
    folder exists and is not this folder."""
    upd = loaded.get("update")
    if upd is None:
        return []
    label = folder / UPDATE_FILE
    problems: list[str] = []
    if upd.previous.folder is not None:
        prev = (folder / upd.previous.folder).resolve()
        if prev == folder.resolve():
            problems.append(f"{label}, klucz previous.folder: wskazuje ten sam katalog – podaj katalog danych poprzedniego projektu założeń.")
        elif not (prev / "gmina.yaml").is_file():
            problems.append(f"{label}, klucz previous.folder: {prev} nie jest katalogiem danych gminy (brak gmina.yaml).")
    cache: dict[str, object] = {}
    for i, item in enumerate(upd.carried_over):
        path = folder / item.file
        if not path.is_file():
            problems.append(f"{label}, klucz carried_over[{i}].key: brak pliku {item.file} w katalogu danych.")
            continue
        if item.file not in cache:
            try:
                cache[item.file] = load_yaml(path)[0]
            except UserError as exc:
                problems.extend(exc.messages)
                continue
        if not _resolves(cache[item.file], item.path):
            problems.append(f"{label}, klucz carried_over[{i}].key: w pliku {item.file} nie ma klucza "
                            f"{'.'.join(item.path)}.")
    return problems
