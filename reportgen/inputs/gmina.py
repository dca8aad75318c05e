"""gmina.yaml: the gmina's names, period, author and dates — common to every method."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from reportgen.quantities import Strict

# --- gmina.yaml -----------------------------------------------------------------------------------

class NameForms(Strict):
    nominative: str
    genitive: str
    dative: str
    locative: str
    instrumental: str
    adjective_council: str
    office: str
    head: str


class Period(Strict):
    start: int = Field(ge=1990, le=2100)
    end: int = Field(ge=1990, le=2100)
    horizon: int = Field(ge=1990, le=2100)

    @model_validator(mode="after")
    def _ordered(self):
        if not (self.start <= self.end <= self.horizon):
            raise ValueError("lata muszą spełniać start ≤ end ≤ horizon")
        return self


class Author(Strict):
    name: str
    address: str = ""


class Resolution(Strict):
    number: str | None = None
    date: dt.date | None = None


class LocationMap(Strict):
    """A map of the gmina's location supplied with the content (PNG or JPEG in the content folder) and its source."""
    file: str = Field(min_length=1)
    source: str = Field(min_length=1)


class Gmina(Strict):
    name: str
    kind: Literal["miejska", "miejsko-wiejska", "wiejska"]
    forms: NameForms
    teryt: str = Field(pattern=r"^\d{7}$")
    voivodeship: str
    county: str
    neighbours: list[str] = Field(min_length=1)
    localities: list[str] = []
    population: int = Field(gt=0, le=10_000_000)   # the largest Polish gmina has under 2 million
    population_date: dt.date | None = None
    base_year: int = Field(ge=1990, le=2100)
    period: Period
    climate_zone: Literal["I", "II", "III", "IV", "V"]
    author: Author
    document_date: dt.date
    resolution: Resolution = Resolution()
    map: LocationMap | None = None

    @model_validator(mode="after")
    def _base_year_before_period(self):
        if self.base_year >= self.period.start + 1 or self.base_year < self.period.start - 5:
            raise ValueError(
                f"rok bazowy {self.base_year} musi poprzedzać okres planowania ({self.period.start}–{self.period.horizon}) o 1–5 lat"
            )
        return self
