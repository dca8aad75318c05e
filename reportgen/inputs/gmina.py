"""gmina.yaml: the gmina's names, period, author and dates — common to every method."""
from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from reportgen.quantities import Strict

# --- gmina.yaml -----------------------------------------------------------------------------------

# the executive's title (art. 19 ust. 1 Prawa energetycznego: wójt, burmistrz albo prezydent miasta) and its dative
HEAD_DATIVE = {"Wójt": "Wójtowi", "Burmistrz": "Burmistrzowi", "Prezydent": "Prezydentowi"}


class NameForms(Strict):
    nominative: str
    genitive: str
    dative: str
    locative: str
    instrumental: str
    adjective_council: str
    office: str
    head: str                        # the gmina's executive, e.g. "Wójt Gminy Kluki", "Burmistrz Knyszyna"
    head_dative: str = ""            # "Burmistrzowi Knyszyna"; derived from `head` when its title is a known one

    @model_validator(mode="after")
    def _head_dative(self):
        if not self.head_dative:
            title, _, rest = self.head.partition(" ")
            if title not in HEAD_DATIVE:
                raise ValueError(f"podaj head_dative (organ wykonawczy w celowniku, np. „Burmistrzowi Knyszyna”): "
                                 f"nie umiem odmienić „{self.head}”")
            object.__setattr__(self, "head_dative", f"{HEAD_DATIVE[title]} {rest}".strip())
        return self


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
