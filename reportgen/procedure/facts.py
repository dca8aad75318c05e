"""content/<gmina>/procedure.yaml: who signs, who is asked, and the dates of the steps that have happened."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from reportgen.errors import UserError
from reportgen.inputs.messages import pydantic_messages
from reportgen.inputs.yamlio import LineMap, load_yaml

KEY = r"^[a-z0-9_]+$"
FIRST_YEAR, LAST_YEAR = 1997, 2200   # Prawo energetyczne of 10.04.1997; a plan's horizon


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)   # schema built on first use: a build without procedure.yaml never needs it


class Party(_Strict):
    """An addressee: office or company, with its postal address (printed in the letter's address block)."""
    key: str = Field(pattern=KEY)
    name: str = Field(min_length=1, max_length=300)
    address: list[str] = Field(min_length=1)
    salutation: str | None = None


class EnergyCompany(Party):
    role: str = Field(pattern=r"^(dso_electricity|tso_electricity|gas_operator|heat_company)$")


class Signer(_Strict):
    office: str                      # e.g. "Wójt Gminy Kluki"
    office_dative: str               # "Wójtowi Gminy Kluki" (§ 3 of the draft resolution)
    name: str | None = None          # printed under the signature when given


class Office(_Strict):
    name: str
    name_genitive: str               # "Urzędu Gminy Kluki" (obwieszczenie: "w siedzibie …")
    address: list[str] = Field(min_length=1)
    place: str                       # the place in the letter date line ("Kluki, dnia …")
    bip: str | None = None
    email: str | None = None
    epuap: str | None = None
    room: str | None = None          # where the project is displayed
    hours: str | None = None
    data_protection_officer: str | None = None   # RODO clause: contact of the inspektor ochrony danych


class Dates(_Strict):
    energy_requests_sent: date | None = None
    energy_replies: dict[str, date] = Field(default_factory=dict)
    neighbour_letters_sent: date | None = None
    neighbour_replies: dict[str, date] = Field(default_factory=dict)
    sea_letters_sent: date | None = None
    sea_reply_rdos: date | None = None
    sea_reply_ppis: date | None = None
    sea_notice: date | None = None
    opinion_requested: date | None = None
    opinion_received: date | None = None
    display_notice: date | None = None
    display_start: date | None = None
    display_end: date | None = None          # when the notice names it; checked against the 21 days
    session: date | None = None
    resolution_date: date | None = None
    adoption_notice_sent: date | None = None
    review: date | None = None               # the date of the 3-year currency review
    revision: date | None = None             # the date of the revised document after the comments

    @field_validator("*")
    @classmethod
    def _plausible_year(cls, value):
        # the procedure's deadlines are computed by adding days; year 9999 would overflow the calendar
        for day in value.values() if isinstance(value, dict) else [value]:
            if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise ValueError(f"data {day.isoformat()} spoza lat {FIRST_YEAR}–{LAST_YEAR}")
        return value


class Procedure(_Strict):
    signer: Signer
    council: str                             # the council in the nominative: "Rada Gminy Kluki"
    office: Office
    energy_companies: list[EnergyCompany] = Field(min_length=1)
    neighbours: list[Party] = Field(default_factory=list)
    opinion_body: Party
    rdos: Party
    ppis: Party
    sea_waived: bool = True                  # art. 48: the gmina asks to waive the SOOŚ (else art. 53: scope)
    resolution_number: str | None = None
    opinion_summary: str | None = None       # the Zarząd Województwa's opinion in one sentence (uzasadnienie)
    dates: Dates = Field(default_factory=Dates)

    @field_validator("energy_companies", "neighbours")
    @classmethod
    def _unique_keys(cls, parties):
        seen = set()
        for p in parties:
            if p.key in seen:
                raise ValueError(f"klucz {p.key!r} powtarza się")
            seen.add(p.key)
        return parties


class ProcedureFacts:
    """The validated procedure.yaml with its path and line map (for messages)."""

    def __init__(self, folder: Path, procedure: Procedure, lines: LineMap, label: str):
        self.folder = folder
        self.p = procedure
        self.lines = lines
        self.label = label

    def where(self, *path) -> str:
        line = self.lines.line_of(tuple(path))
        return f"{self.label}" + (f", wiersz {line}" if line else "") + f", klucz {'.'.join(map(str, path))}"


def load_procedure(folder: Path) -> ProcedureFacts:
    folder = Path(folder)
    path = folder / "procedure.yaml"
    label = str(path)
    if not path.exists():
        raise UserError(f"{label}: brak pliku – opisz w nim procedurę (podpisujący, adresaci, daty kroków); "
                        f"wzór: content/kluki/procedure.yaml.")
    data, lines = load_yaml(path, label)
    if not isinstance(data, dict):
        raise UserError(f"{label}: oczekiwano słownika (klucz: wartość) na najwyższym poziomie.")
    try:
        procedure = Procedure.model_validate(data)
    except ValidationError as exc:
        raise UserError(pydantic_messages(exc, label, lines)) from None
    facts = ProcedureFacts(folder, procedure, lines, label)
    _check_reply_keys(facts)
    return facts


def _check_reply_keys(facts: ProcedureFacts) -> None:
    p = facts.p
    errors = []
    for field, parties in (("energy_replies", p.energy_companies), ("neighbour_replies", p.neighbours)):
        known = {x.key for x in parties}
        for key in getattr(p.dates, field):
            if key not in known:
                errors.append(f"{facts.where('dates', field, key)}: nieznany adresat {key!r}; "
                              f"dozwolone: {', '.join(sorted(known)) or '(brak)'}.")
    if errors:
        raise UserError(errors)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")

