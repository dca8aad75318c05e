"""rules/policies.yaml: acts, strategies, EU law, planning instruments and funding programmes with validity dates,
sources and verification status. `policies_on(day)` gives the templates the entries in force on the document date."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from reportgen.errors import UserError
from reportgen.rules.requirements import load_validated

Kind = Literal["act", "eu_act", "strategy", "programme", "planning", "regional_act"]
Topic = Literal["acts", "energy_policy", "eu_law", "spatial_planning", "energy_communities",
                "funding_national", "funding_eu", "air_quality"]

MONTHS_GENITIVE = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
                   "października", "listopada", "grudnia")


def date_text(day: date) -> str:
    """1 stycznia 2025 r."""
    return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year} r."


class Deadline(BaseModel):
    """A date by which devices must be replaced or adapted (e.g. the transition rules of an anti-smog resolution)."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    devices: str = Field(min_length=1)     # which devices, as printed ("kotły pozaklasowe …")
    due: date
    how: str = ""                          # what must be done, when not plain replacement ("wymiana albo …")
    covers: tuple[str, ...] = ()           # the devices, as rows of rules/parameters/emission_factors.yaml

class ConsolidatedText(BaseModel):
    """A consolidated text (tekst jednolity) of an act, cited after its title from the day it applies."""
    model_config = ConfigDict(extra="forbid", frozen=True)
    cited_from: date                       # documents dated on or after this day cite it
    citation: str = Field(min_length=1)    # "Dz.U. z 2021 r. poz. 2166 z późn. zm."
    verified: bool = False
    note: str = ""                         # for reviewers: what was not checked (`reportgen rules` prints it)


def default_policies_path() -> Path:
    from reportgen.paths import rules_dir
    return rules_dir() / "policies.yaml"


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    kind: Kind
    topic: Topic
    act: str | None = None
    title: str = Field(min_length=1)
    genitive: str | None = None
    locative: str | None = None
    short: str | None = None
    source: str = Field(min_length=1)
    valid_from: date
    valid_to: date | None = None
    status: Literal["in_force", "draft_unconfirmed", "announced_unconfirmed"]
    last_verified: date
    verified: bool
    verified_against: str | None = None
    note: str = ""
    plan_text: str | None = None
    uses_act: str | None = None
    updates: str | None = None
    targets: dict[str, int | float] = Field(default_factory=dict)
    population_threshold: int | None = None
    regional_generic: str | None = None    # EU funding: {program regionalny} where the voivodeship has no entry
    region: str | None = None              # regional acts: the voivodeship (nominative, as gmina.yaml writes it)
    zone: str | None = None                # air-quality zone a programme covers ("strefa łódzka")
    amends: str | None = None              # an amending act: the id of the act it amends
    citation: str | None = None            # the resolution that adopted a programme ("uchwała nr … z dnia …")
    instrumental: str | None = None        # "uchwałą nr … z dnia …" (an amendment cited after "zmieniona")
    deadlines: tuple[Deadline, ...] = ()   # an amendment's deadlines replace those of the act it amends
    consolidated: tuple[ConsolidatedText, ...] = ()   # acts: consolidated texts, cited by documents of their time

    @model_validator(mode="after")
    def _check(self):
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to jest wcześniejsze niż valid_from")
        if self.kind == "act" and self.topic == "acts" and not self.act:
            raise ValueError("wpis ustawy (topic: acts) wymaga klucza act")
        if self.verified and not self.verified_against:
            raise ValueError("wpis z verified: true wymaga verified_against (adres lub pozycja Dz.U.)")
        if self.kind == "regional_act" and not (self.region and self.act):
            raise ValueError("akt prawa miejscowego (kind: regional_act) wymaga kluczy region i act")
        if self.plan_text and "{program regionalny}" in self.plan_text and not self.regional_generic:
            raise ValueError("tekst ze slotem {program regionalny} wymaga klucza regional_generic (nazwa ogólna "
                             "programu regionalnego dla województw bez własnego wpisu)")
        if self.amends and not self.instrumental:
            raise ValueError("wpis zmieniający inny akt (amends) wymaga formy instrumental („uchwałą nr …”)")
        return self

    def in_force(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    @property
    def confirmed(self) -> bool:
        """False for a draft or an announcement whose adoption could not be verified: the text may not claim it."""
        return self.status == "in_force"

    def validity(self) -> str:
        return f"{self.valid_from.isoformat()} – {self.valid_to.isoformat() if self.valid_to else 'nadal'}"


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    policies: list[Policy]


def load_policies(path: str | Path | None = None) -> list[Policy]:
    path = Path(path) if path is not None else default_policies_path()
    entries = load_validated(path, _File, "z politykami i aktami prawnymi")[0].policies
    ids = [p.id for p in entries]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise UserError(f"{path}: identyfikatory powtarzają się: {', '.join(dupes)}")
    return entries


@dataclass(frozen=True)
class DeadlineOnDate:
    devices: str
    due: date
    due_text: str                          # "1 stycznia 2025 r."
    passed: bool                           # the deadline is on or before the document date
    how: str = ""
    covers: tuple[str, ...] = ()           # emission_factors rows of the devices (for shares of heat computed from them)


class LawOnDate:
    """The entries of rules/policies.yaml in force on one date, as the text templates see them (`law`)."""

    def __init__(self, policies: list[Policy], day: date):
        self.date = day
        self.entries = [p for p in policies if p.in_force(day)]
        self.known = frozenset(p.id for p in policies)

    def get(self, pid: str) -> Policy | None:
        return next((p for p in self.entries if p.id == pid), None)

    def topic(self, name: str, confirmed: bool | None = True) -> list[Policy]:
        """Entries of a topic in file order; confirmed=True only adopted ones, False only unconfirmed drafts.
        Regional acts are left out: they apply in one voivodeship (`regional`)."""
        return [p for p in self.entries if p.topic == name and not p.region
                and (confirmed is None or p.confirmed == confirmed)]

    def regional(self, act: str, region: str, zone: str | None = None) -> Policy | None:
        """The regional act of kind `act` (air_programme, antismog, regional_programme) in force in the voivodeship
        (and air-quality zone) on the date, or None; amending acts are reached through `amendments`."""
        for p in self.entries:
            if p.act == act and p.region == region and not p.amends and p.confirmed \
                    and (zone is None or p.zone is None or p.zone == zone):
                return p
        return None

    def amendments(self, pid: str) -> list[Policy]:
        """Adopted acts in force on the date that amend entry `pid`, oldest first."""
        return sorted((p for p in self.entries if p.amends == pid and p.confirmed), key=lambda p: p.valid_from)

    def cited(self, p: Policy) -> str:
        """How the text cites a regional act: its title, the resolution and every amendment in force,
        e.g. "Program … (uchwała nr XX/303/20 … z dnia 15 września 2020 r., zmieniona uchwałą nr …)"."""
        amended = "".join(f", zmieniona {a.instrumental}" for a in self.amendments(p.id))
        if p.citation:            # a programme: its own title and the resolution that adopted it
            return f"{p.title} ({p.citation}{amended})"
        return f"{p.title}{amended}"

    @staticmethod
    def date_text(day: date) -> str:
        return date_text(day)

    def deadlines(self, p: Policy) -> list[DeadlineOnDate]:
        """The act's deadlines in the wording in force on the date (the latest amendment that sets deadlines
        replaces them all), each marked as passed when it is not after the date."""
        wording = next((a.deadlines for a in reversed(self.amendments(p.id)) if a.deadlines), p.deadlines)
        return [DeadlineOnDate(d.devices, d.due, date_text(d.due), d.due <= self.date, d.how, d.covers) for d in wording]

    def updates_of(self, pid: str) -> list[Policy]:
        """Unconfirmed drafts updating entry `pid` that are known on the date (the text may say only that they exist)."""
        return [p for p in self.entries if p.updates == pid and not p.confirmed]

    def in_force(self, pid: str) -> bool:
        """Whether entry `pid` is in force (and adopted) on the date: texts that depend on when a provision
        came into force ask this, never compare the document's date with a date of their own."""
        if pid not in self.known:     # a misspelt or renamed id would otherwise silently change the text
            raise UserError(f"rules/policies.yaml: brak wpisu {pid!r}, o który pyta szablon tekstu.")
        p = self.get(pid)
        return p is not None and p.confirmed

    def consolidated(self, p: Policy) -> str:
        """The latest consolidated text of act `p` a document of the date cites ("Dz.U. z 2021 r. poz. 2166 z późn.
        zm."), or ""."""
        texts = [t for t in p.consolidated if t.cited_from <= self.date]
        return max(texts, key=lambda t: t.cited_from).citation if texts else ""

    def act(self, key: str) -> Policy:
        """The wording of an act in force on the date (e.g. the title of the thermo-modernisation act)."""
        for p in self.entries:
            if p.act == key and p.topic == "acts":
                return p
        raise UserError(f"rules/policies.yaml: brak ustawy {key!r} obowiązującej {self.date.isoformat()}.")

    def programme_text(self, p: Policy, voivodeship_genitive: str = "", region: str | None = None) -> str:
        """A programme's plan_text with its fixed slots filled: {act} (genitive of the act it rests on, as in force
        on the date), {program regionalny} (the genitive of the voivodeship's regional programme in force on the
        date, e.g. "programu regionalnego Fundusze Europejskie dla Łódzkiego 2021–2027 (FEŁ2027)"; without such an
        entry the programme's `regional_generic` wording) and
        {województwo}. Plain string replacement: policies.yaml is never a template."""
        text = p.plan_text or p.title
        if p.uses_act:
            text = text.replace("{act}", self.act(p.uses_act).genitive or self.act(p.uses_act).title)
        if "{program regionalny}" in text:
            regional = self.regional("regional_programme", region) if region else None
            text = text.replace("{program regionalny}", (regional.genitive or regional.title) if regional else
                                p.regional_generic or "")
        return text.replace("{województwo}", voivodeship_genitive)


def policies_on(day: date, path: str | Path | None = None) -> LawOnDate:
    return LawOnDate(load_policies(path), day)


STATUS_TEXT = {"in_force": "obowiązuje", "draft_unconfirmed": "projekt – przyjęcie niepotwierdzone",
               "announced_unconfirmed": "zapowiedź – niepotwierdzona"}


def list_policies_text(as_of: date | None, path: str | Path | None = None) -> str:
    """`reportgen rules` appendix: acts, policies and programmes (in force on `as_of`, or all), with sources."""
    entries = load_policies(path)
    if as_of is not None:
        entries = [p for p in entries if p.in_force(as_of)]
    header = f"Akty, polityki i programy ({len(entries)})" + (f" obowiązujące {as_of.isoformat()}" if as_of else "")
    lines = ["", header, "=" * len(header)]
    for p in entries:
        lines.append(f"\n{p.id}  [{STATUS_TEXT[p.status]}{'' if p.verified else ' · niezweryfikowane'}]")
        lines.append(f"  {p.title}")
        lines.append(f"  obowiązuje: {p.validity()} · sprawdzono: {p.last_verified.isoformat()}")
        lines.append(f"  źródło: {p.source}")
        for t in p.consolidated:
            lines.append(f"  tekst jednolity od {t.cited_from.isoformat()}: {t.citation}"
                         f"{'' if t.verified else ' (niezweryfikowane)'}{f' – {t.note}' if t.note else ''}")
        if p.note:
            lines.append(f"  uwaga: {p.note}")
    return "\n".join(lines)
